from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field
import json
from .. import types

from ..types import UNSET, Unset

from ..types import File, FileTypes
from ..types import UNSET, Unset
from io import BytesIO
from typing import cast






T = TypeVar("T", bound="UploadForm")



@_attrs_define
class UploadForm:
    """ Multipart form for uploads (documentation only; the handler streams the parts).

        Attributes:
            file (File): FIT, TCX or GPX, or a .gz or .zip of one (at most `BRIDGE_MAX_UPLOAD_MB`).
            description (None | str | Unset):
            device_name (None | str | Unset): At most 100 characters.
            external_id (None | str | Unset): Your id for the activity (URL-safe, up to 128 characters): the same one never
                uploads twice.
            name (None | str | Unset): The activity's name (at most 200 characters); Intervals.icu names it otherwise.
            paired_event_id (int | Unset): The Intervals.icu event id of the planned workout this activity completes.
     """

    file: File
    description: None | str | Unset = UNSET
    device_name: None | str | Unset = UNSET
    external_id: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    paired_event_id: int | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        file = self.file.to_tuple()


        description: None | str | Unset
        if isinstance(self.description, Unset):
            description = UNSET
        else:
            description = self.description

        device_name: None | str | Unset
        if isinstance(self.device_name, Unset):
            device_name = UNSET
        else:
            device_name = self.device_name

        external_id: None | str | Unset
        if isinstance(self.external_id, Unset):
            external_id = UNSET
        else:
            external_id = self.external_id

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        paired_event_id = self.paired_event_id


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "file": file,
        })
        if description is not UNSET:
            field_dict["description"] = description
        if device_name is not UNSET:
            field_dict["device_name"] = device_name
        if external_id is not UNSET:
            field_dict["external_id"] = external_id
        if name is not UNSET:
            field_dict["name"] = name
        if paired_event_id is not UNSET:
            field_dict["paired_event_id"] = paired_event_id

        return field_dict


    def to_multipart(self) -> types.RequestFiles:
        files: types.RequestFiles = []

        files.append(("file", self.file.to_tuple()))



        if not isinstance(self.description, Unset):
            if isinstance(self.description, str):

                files.append(("description", (None, str(self.description).encode(), "text/plain")))
            else:
                files.append(("description", (None, str(self.description).encode(), "text/plain")))


        if not isinstance(self.device_name, Unset):
            if isinstance(self.device_name, str):

                files.append(("device_name", (None, str(self.device_name).encode(), "text/plain")))
            else:
                files.append(("device_name", (None, str(self.device_name).encode(), "text/plain")))


        if not isinstance(self.external_id, Unset):
            if isinstance(self.external_id, str):

                files.append(("external_id", (None, str(self.external_id).encode(), "text/plain")))
            else:
                files.append(("external_id", (None, str(self.external_id).encode(), "text/plain")))


        if not isinstance(self.name, Unset):
            if isinstance(self.name, str):

                files.append(("name", (None, str(self.name).encode(), "text/plain")))
            else:
                files.append(("name", (None, str(self.name).encode(), "text/plain")))


        if not isinstance(self.paired_event_id, Unset):
            files.append(("paired_event_id", (None, str(self.paired_event_id).encode(), "text/plain")))





        return files


    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        file = File(
             payload = BytesIO(d.pop("file"))
        )




        def _parse_description(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        description = _parse_description(d.pop("description", UNSET))


        def _parse_device_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        device_name = _parse_device_name(d.pop("device_name", UNSET))


        def _parse_external_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        external_id = _parse_external_id(d.pop("external_id", UNSET))


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        paired_event_id = d.pop("paired_event_id", UNSET)

        upload_form = cls(
            file=file,
            description=description,
            device_name=device_name,
            external_id=external_id,
            name=name,
            paired_event_id=paired_event_id,
        )

        return upload_form

