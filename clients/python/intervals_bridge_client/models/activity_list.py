from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.activity_list_data_item import ActivityListDataItem





T = TypeVar("T", bound="ActivityList")



@_attrs_define
class ActivityList:
    """ 
        Example:
            {'data': [{'average_speed': 8.333, 'commute': False, 'device_name': 'Garmin Edge 540', 'distance': 30000.0,
                'elapsed_time': 3600, 'external_id': 'ride-2026-03-01', 'file_type': 'fit', 'icu_athlete_id': 'i317960',
                'icu_ftp': 250, 'icu_intensity': 75.0, 'icu_training_load': 56, 'id': 'i70000008', 'moving_time': 3600, 'name':
                'Morning ride', 'paired_event_id': None, 'source': 'UPLOAD', 'start_date': '2026-03-01T06:30:00Z',
                'start_date_local': '2026-03-01T07:30:00', 'stub': False, 'trainer': False, 'type': 'Ride'}, {'_note': 'STRAVA
                activities are not available via the API', 'icu_athlete_id': 'i317960', 'id': 'i70000002', 'source': 'STRAVA',
                'start_date_local': '2026-02-21T17:20:00', 'stub': True}]}

        Attributes:
            data (list[ActivityListDataItem]): Intervals.icu's activity summaries, newest first. Activities that came from
                Strava are
                stubs Intervals.icu cannot share: they carry `"stub": true`.
     """

    data: list[ActivityListDataItem]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.activity_list_data_item import ActivityListDataItem # noqa: PLC0415
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
        from ..models.activity_list_data_item import ActivityListDataItem # noqa: PLC0415
        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in (_data):
            data_item = ActivityListDataItem.from_dict(data_item_data)



            data.append(data_item)


        activity_list = cls(
            data=data,
        )


        activity_list.additional_properties = d
        return activity_list

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
