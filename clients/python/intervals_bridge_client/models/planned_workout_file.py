from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="PlannedWorkoutFile")



@_attrs_define
class PlannedWorkoutFile:
    """ The workout as a file, in the `format` asked for.

        Attributes:
            content_base64 (str):
            content_type (str):
            filename (str):
     """

    content_base64: str
    content_type: str
    filename: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        content_base64 = self.content_base64

        content_type = self.content_type

        filename = self.filename


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "content_base64": content_base64,
            "content_type": content_type,
            "filename": filename,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content_base64 = d.pop("content_base64")

        content_type = d.pop("content_type")

        filename = d.pop("filename")

        planned_workout_file = cls(
            content_base64=content_base64,
            content_type=content_type,
            filename=filename,
        )


        planned_workout_file.additional_properties = d
        return planned_workout_file

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
