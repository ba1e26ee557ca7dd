from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.planned_workout import PlannedWorkout





T = TypeVar("T", bound="CalendarUpdatedEventData")



@_attrs_define
class CalendarUpdatedEventData:
    """ 
        Attributes:
            athlete_id (None | str): The user's Intervals.icu athlete id (null for `webhook.test`).
            deleted_events (list[int]): Ids of deleted calendar events.
            events (list[PlannedWorkout]):
            upstream_timestamp (str): When Intervals.icu sent the event.
            upstream_type (str): Intervals.icu's own event type (`ACTIVITY_UPLOADED`, …).
            user_id (None | str): The partner's own id for its user (null for `webhook.test`).
     """

    athlete_id: None | str
    deleted_events: list[int]
    events: list[PlannedWorkout]
    upstream_timestamp: str
    upstream_type: str
    user_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.planned_workout import PlannedWorkout # noqa: PLC0415
        athlete_id: None | str
        athlete_id = self.athlete_id

        deleted_events = self.deleted_events



        events = []
        for events_item_data in self.events:
            events_item = events_item_data.to_dict()
            events.append(events_item)



        upstream_timestamp = self.upstream_timestamp

        upstream_type = self.upstream_type

        user_id: None | str
        user_id = self.user_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "athlete_id": athlete_id,
            "deleted_events": deleted_events,
            "events": events,
            "upstream_timestamp": upstream_timestamp,
            "upstream_type": upstream_type,
            "user_id": user_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.planned_workout import PlannedWorkout # noqa: PLC0415
        d = dict(src_dict)
        def _parse_athlete_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        athlete_id = _parse_athlete_id(d.pop("athlete_id"))


        deleted_events = cast(list[int], d.pop("deleted_events"))


        events = []
        _events = d.pop("events")
        for events_item_data in (_events):
            events_item = PlannedWorkout.from_dict(events_item_data)



            events.append(events_item)


        upstream_timestamp = d.pop("upstream_timestamp")

        upstream_type = d.pop("upstream_type")

        def _parse_user_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user_id = _parse_user_id(d.pop("user_id"))


        calendar_updated_event_data = cls(
            athlete_id=athlete_id,
            deleted_events=deleted_events,
            events=events,
            upstream_timestamp=upstream_timestamp,
            upstream_type=upstream_type,
            user_id=user_id,
        )


        calendar_updated_event_data.additional_properties = d
        return calendar_updated_event_data

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
