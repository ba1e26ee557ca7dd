from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.written_workout import WrittenWorkout





T = TypeVar("T", bound="WrittenWorkouts")



@_attrs_define
class WrittenWorkouts:
    """ 
        Example:
            {'data': [{'created': True, 'event_id': 100001, 'external_id': 'plan-42'}, {'created': False, 'event_id':
                100002, 'external_id': 'race-7'}]}

        Attributes:
            data (list[WrittenWorkout]): In the order of the request.
     """

    data: list[WrittenWorkout]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.written_workout import WrittenWorkout # noqa: PLC0415
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
        from ..models.written_workout import WrittenWorkout # noqa: PLC0415
        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in (_data):
            data_item = WrittenWorkout.from_dict(data_item_data)



            data.append(data_item)


        written_workouts = cls(
            data=data,
        )


        written_workouts.additional_properties = d
        return written_workouts

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
