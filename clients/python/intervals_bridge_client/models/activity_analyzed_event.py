from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.activity_analyzed_event_type import ActivityAnalyzedEventType
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.activity_analyzed_event_data import ActivityAnalyzedEventData





T = TypeVar("T", bound="ActivityAnalyzedEvent")



@_attrs_define
class ActivityAnalyzedEvent:
    """ Intervals.icu finished analysing an activity (it holds this event about a minute to consolidate). Sent to:
    Connections granted ACTIVITY:READ (or WRITE). Intervals.icu's `ACTIVITY_ANALYZED`; its other fields pass as
    Intervals.icu sends them.

        Attributes:
            data (ActivityAnalyzedEventData):
            timestamp (datetime.datetime): When the bridge recorded the event (UTC).
            type_ (ActivityAnalyzedEventType):
     """

    data: ActivityAnalyzedEventData
    timestamp: datetime.datetime
    type_: ActivityAnalyzedEventType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.activity_analyzed_event_data import ActivityAnalyzedEventData # noqa: PLC0415
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
        from ..models.activity_analyzed_event_data import ActivityAnalyzedEventData # noqa: PLC0415
        d = dict(src_dict)
        data = ActivityAnalyzedEventData.from_dict(d.pop("data"))




        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))




        type_ = ActivityAnalyzedEventType(d.pop("type"))




        activity_analyzed_event = cls(
            data=data,
            timestamp=timestamp,
            type_=type_,
        )


        activity_analyzed_event.additional_properties = d
        return activity_analyzed_event

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
