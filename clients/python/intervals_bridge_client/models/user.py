from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.token_status import TokenStatus
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="User")



@_attrs_define
class User:
    """ 
        Example:
            {'athlete_id': 'i317960', 'athlete_name': 'Alex Rider', 'connected_at': '2026-03-01T09:02:35.685211+00:00',
                'scopes': ['ACTIVITY:WRITE', 'CALENDAR:READ', 'WELLNESS:WRITE'], 'status': 'active', 'updated_at':
                '2026-03-01T09:02:35.685211+00:00', 'upstream_calls_today': 12, 'user_id': 'alex'}

        Attributes:
            athlete_id (str): The Intervals.icu athlete id (`i317960`, or numeric for older accounts).
            connected_at (str):
            scopes (list[str]): What this tenant may do now: what it asked for, narrowed by the athlete's current grant.
            status (TokenStatus): An athlete's token for our OAuth app. A connection's status is its token's.
            updated_at (str):
            upstream_calls_today (int): Calls made to Intervals.icu for this user's athlete since midnight UTC, through
                every
                tenant and instance (Intervals.icu allows about 100 a day per athlete; see
                `INTERVALS_ATHLETE_DAILY_BUDGET`). Another instance's last second of calls may not be in
                it yet.
            user_id (str): The partner's own id for its user.
            athlete_name (None | str | Unset):
     """

    athlete_id: str
    connected_at: str
    scopes: list[str]
    status: TokenStatus
    updated_at: str
    upstream_calls_today: int
    user_id: str
    athlete_name: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        athlete_id = self.athlete_id

        connected_at = self.connected_at

        scopes = self.scopes



        status = self.status.value

        updated_at = self.updated_at

        upstream_calls_today = self.upstream_calls_today

        user_id = self.user_id

        athlete_name: None | str | Unset
        if isinstance(self.athlete_name, Unset):
            athlete_name = UNSET
        else:
            athlete_name = self.athlete_name


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "athlete_id": athlete_id,
            "connected_at": connected_at,
            "scopes": scopes,
            "status": status,
            "updated_at": updated_at,
            "upstream_calls_today": upstream_calls_today,
            "user_id": user_id,
        })
        if athlete_name is not UNSET:
            field_dict["athlete_name"] = athlete_name

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        athlete_id = d.pop("athlete_id")

        connected_at = d.pop("connected_at")

        scopes = cast(list[str], d.pop("scopes"))


        status = TokenStatus(d.pop("status"))




        updated_at = d.pop("updated_at")

        upstream_calls_today = d.pop("upstream_calls_today")

        user_id = d.pop("user_id")

        def _parse_athlete_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        athlete_name = _parse_athlete_name(d.pop("athlete_name", UNSET))


        user = cls(
            athlete_id=athlete_id,
            connected_at=connected_at,
            scopes=scopes,
            status=status,
            updated_at=updated_at,
            upstream_calls_today=upstream_calls_today,
            user_id=user_id,
            athlete_name=athlete_name,
        )


        user.additional_properties = d
        return user

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
