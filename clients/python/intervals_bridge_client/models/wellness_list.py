from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.wellness_day import WellnessDay





T = TypeVar("T", bound="WellnessList")



@_attrs_define
class WellnessList:
    """ 
        Example:
            {'data': [{'atl': 71.68, 'atlLoad': 61.0, 'comments': None, 'ctl': 61.81, 'ctlLoad': 61.0, 'fatigue': None,
                'hrv': 62.1, 'id': '2026-03-01', 'mood': None, 'rampRate': 1.32, 'restingHR': 48, 'sleepScore': None,
                'sleepSecs': 27000, 'soreness': None, 'sportInfo': [{'eftp': 250.0, 'pMax': 1000.0, 'type': 'Ride', 'wPrime':
                20000.0}], 'updated': '2026-03-01T07:02:49.828Z', 'weight': 70.5}]}

        Attributes:
            data (list[WellnessDay]): Intervals.icu's wellness records, as it has them.
     """

    data: list[WellnessDay]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.wellness_day import WellnessDay # noqa: PLC0415
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "data": data,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.wellness_day import WellnessDay # noqa: PLC0415
        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in (_data):
            data_item = WellnessDay.from_dict(data_item_data)



            data.append(data_item)


        wellness_list = cls(
            data=data,
        )


        wellness_list.additional_properties = d
        return wellness_list

    @property
    def additional_keys(self) -> list[str]:
        return list(self.additional_properties.keys())

    def __getitem__(self, key: str) -> Any:
        return self.additional_properties[key]

    def __setitem__(self, key: str, value: Any) -> None:
        self.additional_properties[key] = value

    def __delitem__(self, key: str) -> None:
        del self.additional_properties[key]

    def __contains__(self, key: str) -> bool:
        return key in self.additional_properties
