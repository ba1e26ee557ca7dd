from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast
import datetime






T = TypeVar("T", bound="WellnessPushedEventData")



@_attrs_define
class WellnessPushedEventData:
    """ 
        Attributes:
            athlete_id (None | str): The user's Intervals.icu athlete id (null for `webhook.test`).
            days (list[datetime.date]): The wellness days (`YYYY-MM-DD`).
            user_id (None | str): The partner's own id for its user (null for `webhook.test`).
     """

    athlete_id: None | str
    days: list[datetime.date]
    user_id: None | str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        athlete_id: None | str
        athlete_id = self.athlete_id

        days = []
        for days_item_data in self.days:
            days_item = days_item_data.isoformat()
            days.append(days_item)



        user_id: None | str
        user_id = self.user_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "athlete_id": athlete_id,
            "days": days,
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


        days = []
        _days = d.pop("days")
        for days_item_data in (_days):
            days_item = datetime.date.fromisoformat(days_item_data)



            days.append(days_item)


        def _parse_user_id(data: object) -> None | str:
            if data is None:
                return data
            return cast(None | str, data)

        user_id = _parse_user_id(d.pop("user_id"))


        wellness_pushed_event_data = cls(
            athlete_id=athlete_id,
            days=days,
            user_id=user_id,
        )


        wellness_pushed_event_data.additional_properties = d
        return wellness_pushed_event_data

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
