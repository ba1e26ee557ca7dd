from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ConnectionCreatedEventData")



@_attrs_define
class ConnectionCreatedEventData:
    """ 
        Attributes:
            athlete_id (None | str): The user's Intervals.icu athlete id (null for `webhook.test`).
            athlete_name (None | str): The athlete's name on Intervals.icu.
            scopes (list[str]): What this tenant may use now: what it asked for, narrowed by the athlete's grant.
            user_id (None | str): The partner's own id for its user (null for `webhook.test`).
     """

    athlete_id: None | str
    athlete_name: None | str
    scopes: list[str]
    user_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        athlete_id: None | str
        athlete_id = self.athlete_id

        athlete_name: None | str
        athlete_name = self.athlete_name

        scopes = self.scopes



        user_id: None | str
        user_id = self.user_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "athlete_id": athlete_id,
            "athlete_name": athlete_name,
            "scopes": scopes,
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


        def _parse_athlete_name(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        athlete_name = _parse_athlete_name(d.pop("athlete_name"))


        scopes = cast(list[str], d.pop("scopes"))


        def _parse_user_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user_id = _parse_user_id(d.pop("user_id"))


        connection_created_event_data = cls(
            athlete_id=athlete_id,
            athlete_name=athlete_name,
            scopes=scopes,
            user_id=user_id,
        )


        connection_created_event_data.additional_properties = d
        return connection_created_event_data

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
