from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="IcuZoneInfo")



@_attrs_define
class IcuZoneInfo:
    """ Intervals.icu's `ZoneInfo`, as its OpenAPI document has it (any field may be absent or null).

        Attributes:
            end (float | None | Unset):
            end_value (float | None | Unset):
            id (None | str | Unset):
            secs (int | None | Unset):
            start (float | None | Unset):
            start_value (float | None | Unset):
     """

    end: float | None | Unset = UNSET
    end_value: float | None | Unset = UNSET
    id: None | str | Unset = UNSET
    secs: int | None | Unset = UNSET
    start: float | None | Unset = UNSET
    start_value: float | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        end: float | None | Unset
        if isinstance(self.end, Unset):
            end = UNSET
        else:
            end = self.end

        end_value: float | None | Unset
        if isinstance(self.end_value, Unset):
            end_value = UNSET
        else:
            end_value = self.end_value

        id: None | str | Unset
        if isinstance(self.id, Unset):
            id = UNSET
        else:
            id = self.id

        secs: int | None | Unset
        if isinstance(self.secs, Unset):
            secs = UNSET
        else:
            secs = self.secs

        start: float | None | Unset
        if isinstance(self.start, Unset):
            start = UNSET
        else:
            start = self.start

        start_value: float | None | Unset
        if isinstance(self.start_value, Unset):
            start_value = UNSET
        else:
            start_value = self.start_value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if end is not UNSET:
            field_dict["end"] = end
        if end_value is not UNSET:
            field_dict["end_value"] = end_value
        if id is not UNSET:
            field_dict["id"] = id
        if secs is not UNSET:
            field_dict["secs"] = secs
        if start is not UNSET:
            field_dict["start"] = start
        if start_value is not UNSET:
            field_dict["start_value"] = start_value

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_end(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        end = _parse_end(d.pop("end", UNSET))


        def _parse_end_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        end_value = _parse_end_value(d.pop("end_value", UNSET))


        def _parse_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        id = _parse_id(d.pop("id", UNSET))


        def _parse_secs(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        secs = _parse_secs(d.pop("secs", UNSET))


        def _parse_start(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        start = _parse_start(d.pop("start", UNSET))


        def _parse_start_value(data: object) -> float | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(float | None | Unset, data)

        start_value = _parse_start_value(d.pop("start_value", UNSET))


        icu_zone_info = cls(
            end=end,
            end_value=end_value,
            id=id,
            secs=secs,
            start=start,
            start_value=start_value,
        )


        icu_zone_info.additional_properties = d
        return icu_zone_info

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
