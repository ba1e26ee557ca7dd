from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="RotatedKey")



@_attrs_define
class RotatedKey:
    """ 
        Example:
            {'api_key': 'ibk_Q2xhc3NpYyByb3RhdGVkIGtleSBleGFtcGxlMTIz', 'previous_valid_until': '2026-03-02T09:00:00+00:00'}

        Attributes:
            api_key (str): The new API key, shown only now.
            previous_valid_until (str): Until then the previous key still works (UTC).
     """

    api_key: str
    previous_valid_until: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        api_key = self.api_key

        previous_valid_until = self.previous_valid_until


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "api_key": api_key,
            "previous_valid_until": previous_valid_until,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        api_key = d.pop("api_key")

        previous_valid_until = d.pop("previous_valid_until")

        rotated_key = cls(
            api_key=api_key,
            previous_valid_until=previous_valid_until,
        )


        rotated_key.additional_properties = d
        return rotated_key

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
