from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.calendar_event_updated_event_type import CalendarEventUpdatedEventType
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.calendar_event_updated_event_data import CalendarEventUpdatedEventData





T = TypeVar("T", bound="CalendarEventUpdatedEvent")



@_attrs_define
class CalendarEventUpdatedEvent:
    """ Intervals.icu's older form of `calendar.updated` for one event (deprecated by Intervals.icu), with the fields it
    sends. Sent to: Connections granted CALENDAR:READ (or WRITE). Intervals.icu's `CALENDAR_EVENT_UPDATED`; its other
    fields pass as Intervals.icu sends them.

        Attributes:
            data (CalendarEventUpdatedEventData):
            timestamp (datetime.datetime): When the bridge recorded the event (UTC).
            type_ (CalendarEventUpdatedEventType):
     """

    data: CalendarEventUpdatedEventData
    timestamp: datetime.datetime
    type_: CalendarEventUpdatedEventType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.calendar_event_updated_event_data import CalendarEventUpdatedEventData # noqa: PLC0415
        data = self.data.to_dict()

        timestamp = self.timestamp.isoformat()

        type_ = self.type_.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "data": data,
            "timestamp": timestamp,
            "type": type_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.calendar_event_updated_event_data import CalendarEventUpdatedEventData # noqa: PLC0415
        d = dict(src_dict)
        data = CalendarEventUpdatedEventData.from_dict(d.pop("data"))




        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))




        type_ = CalendarEventUpdatedEventType(d.pop("type"))




        calendar_event_updated_event = cls(
            data=data,
            timestamp=timestamp,
            type_=type_,
        )


        calendar_event_updated_event.additional_properties = d
        return calendar_event_updated_event

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
