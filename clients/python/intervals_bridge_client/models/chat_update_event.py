from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.chat_update_event_type import ChatUpdateEventType
from typing import cast
import datetime

if TYPE_CHECKING:
  from ..models.chat_update_event_data import ChatUpdateEventData





T = TypeVar("T", bound="ChatUpdateEvent")



@_attrs_define
class ChatUpdateEvent:
    """ A chat of the athlete changed on Intervals.icu, with the fields Intervals.icu sends. Sent to: Connections granted
    CHATS:READ (or WRITE). Intervals.icu's `CHAT_UPDATE`; its other fields pass as Intervals.icu sends them.

        Attributes:
            data (ChatUpdateEventData):
            timestamp (datetime.datetime): When the bridge recorded the event (UTC).
            type_ (ChatUpdateEventType):
     """

    data: ChatUpdateEventData
    timestamp: datetime.datetime
    type_: ChatUpdateEventType
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.chat_update_event_data import ChatUpdateEventData # noqa: PLC0415
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
        from ..models.chat_update_event_data import ChatUpdateEventData # noqa: PLC0415
        d = dict(src_dict)
        data = ChatUpdateEventData.from_dict(d.pop("data"))




        timestamp = datetime.datetime.fromisoformat(d.pop("timestamp"))




        type_ = ChatUpdateEventType(d.pop("type"))




        chat_update_event = cls(
            data=data,
            timestamp=timestamp,
            type_=type_,
        )


        chat_update_event.additional_properties = d
        return chat_update_event

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
