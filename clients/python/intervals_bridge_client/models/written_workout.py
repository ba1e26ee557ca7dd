from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="WrittenWorkout")



@_attrs_define
class WrittenWorkout:
    """ 
        Attributes:
            created (bool): A new event (false: an event this tenant wrote before was replaced).
            event_id (int): The Intervals.icu event id.
            external_id (str):
     """

    created: bool
    event_id: int
    external_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        created = self.created

        event_id = self.event_id

        external_id = self.external_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "created": created,
            "event_id": event_id,
            "external_id": external_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        created = d.pop("created")

        event_id = d.pop("event_id")

        external_id = d.pop("external_id")

        written_workout = cls(
            created=created,
            event_id=event_id,
            external_id=external_id,
        )


        written_workout.additional_properties = d
        return written_workout

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
