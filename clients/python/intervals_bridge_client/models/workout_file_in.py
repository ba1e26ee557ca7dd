from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.workout_file_in_format import WorkoutFileInFormat






T = TypeVar("T", bound="WorkoutFileIn")



@_attrs_define
class WorkoutFileIn:
    """ A workout file to upload with a planned workout.

        Attributes:
            content_base64 (str): The file's bytes in base64 (at most 1 MiB decoded).
            format_ (WorkoutFileInFormat): `zwo`, `mrc`, `erg` or `fit`.
     """

    content_base64: str
    format_: WorkoutFileInFormat
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        content_base64 = self.content_base64

        format_ = self.format_.value


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "content_base64": content_base64,
            "format": format_,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        content_base64 = d.pop("content_base64")

        format_ = WorkoutFileInFormat(d.pop("format"))




        workout_file_in = cls(
            content_base64=content_base64,
            format_=format_,
        )


        workout_file_in.additional_properties = d
        return workout_file_in

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
