from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.sport_settings import SportSettings





T = TypeVar("T", bound="SportSettingsList")



@_attrs_define
class SportSettingsList:
    """ 
        Example:
            {'data': [{'ftp': 250.0, 'hr_zone_names': ['Recovery', 'Aerobic', 'Tempo', 'SubThreshold', 'SuperThreshold',
                'Aerobic Capacity', 'Anaerobic'], 'hr_zones': [145.0, 153.0, 162.0, 170.0, 175.0, 180.0, 190.0], 'indoor_ftp':
                240.0, 'lthr': 170.0, 'max_hr': 190.0, 'pace_units': None, 'pace_zone_names': None, 'pace_zones': None,
                'power_zone_names': ['Active Recovery', 'Endurance', 'Tempo', 'Threshold', 'VO2 Max', 'Anaerobic',
                'Neuromuscular'], 'power_zones': [55.0, 75.0, 90.0, 105.0, 120.0, 150.0, 999.0], 'threshold_pace': None,
                'types': ['Ride', 'VirtualRide', 'GravelRide', 'MountainBikeRide', 'EBikeRide', 'TrackRide'], 'w_prime':
                20000.0}, {'ftp': None, 'hr_zone_names': ['Recovery', 'Aerobic', 'Tempo', 'SubThreshold', 'SuperThreshold',
                'Aerobic Capacity', 'Anaerobic'], 'hr_zones': [145.0, 153.0, 162.0, 170.0, 175.0, 180.0, 190.0], 'indoor_ftp':
                None, 'lthr': 170.0, 'max_hr': 190.0, 'pace_units': 'MINS_KM', 'pace_zone_names': ['Zone 1', 'Zone 2', 'Zone 3',
                'Zone 4', 'Zone 5a', 'Zone 5b', 'Zone 5c'], 'pace_zones': [77.5, 87.7, 94.3, 100.0, 103.4, 111.5, 999.0],
                'power_zone_names': None, 'power_zones': None, 'threshold_pace': 3.7037, 'types': ['Run', 'VirtualRun',
                'TrailRun'], 'w_prime': None}]}

        Attributes:
            data (list[SportSettings]): One entry per group of sports.
     """

    data: list[SportSettings]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.sport_settings import SportSettings # noqa: PLC0415
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
        from ..models.sport_settings import SportSettings # noqa: PLC0415
        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in (_data):
            data_item = SportSettings.from_dict(data_item_data)



            data.append(data_item)


        sport_settings_list = cls(
            data=data,
        )


        sport_settings_list.additional_properties = d
        return sport_settings_list

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
