from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="UploadResponse")



@_attrs_define
class UploadResponse:
    """ 
        Example:
            {'activity_id': 'i70000008', 'activity_ids': ['i70000008'], 'duplicate': False, 'external_id':
                'ride-2026-03-01', 'replayed': False}

        Attributes:
            activity_id (str): The Intervals.icu id of the (first) activity.
            activity_ids (list[str]): Every activity the file became: multisport files become several.
            duplicate (bool): Intervals.icu already had this file (it dedupes by file hash).
            replayed (bool): This answer was stored from an earlier request with the same `external_id`.
            external_id (None | str | Unset):
     """

    activity_id: str
    activity_ids: list[str]
    duplicate: bool
    replayed: bool
    external_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        activity_id = self.activity_id

        activity_ids = self.activity_ids



        duplicate = self.duplicate

        replayed = self.replayed

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "activity_id": activity_id,
            "activity_ids": activity_ids,
            "duplicate": duplicate,
            "replayed": replayed,
        })
        if external_id is not UNSET:
            field_dict["external_id"] = external_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        activity_id = d.pop("activity_id")

        activity_ids = cast(list[str], d.pop("activity_ids"))


        duplicate = d.pop("duplicate")

        replayed = d.pop("replayed")

        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))


        upload_response = cls(
            activity_id=activity_id,
            activity_ids=activity_ids,
            duplicate=duplicate,
            replayed=replayed,
            external_id=external_id,
        )


        upload_response.additional_properties = d
        return upload_response

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
