from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.activity import Activity





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
                'start_date_local': '2026-02-21T17:20:00', 'stub': True}], 'has_more': True, 'next_newest':
                '2026-02-20T18:05:00'}

        Attributes:
            data (list[Activity]): Intervals.icu's activity summaries, newest first, at most `limit`. Activities that came
                from Strava are stubs Intervals.icu cannot share: they carry `"stub": true`.
            has_more (bool): True when the window holds more activities than this page: ask again with `newest` set
                to `next_newest`.
            next_newest (None | str | Unset): With `has_more`, the `start_date_local` of the newest activity not on this
                page: pass
                it as `newest` (same `oldest`, same `limit`) for the next page. Null on the last page.
     """

    data: list[Activity]
    has_more: bool
    next_newest: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.activity import Activity # noqa: PLC0415
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)



        has_more = self.has_more

        next_newest: None | str | Unset
        if isinstance(self.next_newest, Unset):
            next_newest = UNSET
        else:
            next_newest = self.next_newest


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "data": data,
            "has_more": has_more,
        })
        if next_newest is not UNSET:
            field_dict["next_newest"] = next_newest

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.activity import Activity # noqa: PLC0415
        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in (_data):
            data_item = Activity.from_dict(data_item_data)



            data.append(data_item)


        has_more = d.pop("has_more")

        def _parse_next_newest(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_newest = _parse_next_newest(d.pop("next_newest", UNSET))


        activity_list = cls(
            data=data,
            has_more=has_more,
            next_newest=next_newest,
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
