from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ConnectionInvalidEventData")



@_attrs_define
class ConnectionInvalidEventData:
    """ 
        Attributes:
            athlete_id (None | str): The user's Intervals.icu athlete id (null for `webhook.test`).
            reason (str): Why, in words.
            user_id (None | str): The partner's own id for its user (null for `webhook.test`).
     """

    athlete_id: None | str
    reason: str
    user_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        athlete_id: None | str
        athlete_id = self.athlete_id

        reason = self.reason

        user_id: None | str
        user_id = self.user_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "athlete_id": athlete_id,
            "reason": reason,
            "user_id": user_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_athlete_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        athlete_id = _parse_athlete_id(d.pop("athlete_id"))


        reason = d.pop("reason")

        def _parse_user_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user_id = _parse_user_id(d.pop("user_id"))


        connection_invalid_event_data = cls(
            athlete_id=athlete_id,
            reason=reason,
            user_id=user_id,
        )


        connection_invalid_event_data.additional_properties = d
        return connection_invalid_event_data

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
