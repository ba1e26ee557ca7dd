from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="IcuIgnore")



@_attrs_define
class IcuIgnore:
    """ Intervals.icu's `Ignore`, as its OpenAPI document has it (any field may be absent or null).

        Attributes:
            end_index (int | None | Unset):
            hr (bool | None | Unset):
            pace (bool | None | Unset):
            power (bool | None | Unset):
            start_index (int | None | Unset):
     """

    end_index: int | None | Unset = UNSET
    hr: bool | None | Unset = UNSET
    pace: bool | None | Unset = UNSET
    power: bool | None | Unset = UNSET
    start_index: int | None | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        end_index: int | None | Unset
        if isinstance(self.end_index, Unset):
            end_index = UNSET
        else:
            end_index = self.end_index

        hr: bool | None | Unset
        if isinstance(self.hr, Unset):
            hr = UNSET
        else:
            hr = self.hr

        pace: bool | None | Unset
        if isinstance(self.pace, Unset):
            pace = UNSET
        else:
            pace = self.pace

        power: bool | None | Unset
        if isinstance(self.power, Unset):
            power = UNSET
        else:
            power = self.power

        start_index: int | None | Unset
        if isinstance(self.start_index, Unset):
            start_index = UNSET
        else:
            start_index = self.start_index


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
        })
        if end_index is not UNSET:
            field_dict["end_index"] = end_index
        if hr is not UNSET:
            field_dict["hr"] = hr
        if pace is not UNSET:
            field_dict["pace"] = pace
        if power is not UNSET:
            field_dict["power"] = power
        if start_index is not UNSET:
            field_dict["start_index"] = start_index

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_end_index(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        end_index = _parse_end_index(d.pop("end_index", UNSET))


        def _parse_hr(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        hr = _parse_hr(d.pop("hr", UNSET))


        def _parse_pace(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        pace = _parse_pace(d.pop("pace", UNSET))


        def _parse_power(data: object) -> bool | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(bool | None | Unset, data)

        power = _parse_power(d.pop("power", UNSET))


        def _parse_start_index(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        start_index = _parse_start_index(d.pop("start_index", UNSET))


        icu_ignore = cls(
            end_index=end_index,
            hr=hr,
            pace=pace,
            power=power,
            start_index=start_index,
        )


        icu_ignore.additional_properties = d
        return icu_ignore

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
