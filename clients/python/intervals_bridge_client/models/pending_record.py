from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.wellness_fields import WellnessFields





T = TypeVar("T", bound="PendingRecord")



@_attrs_define
class PendingRecord:
    """ 
        Example:
            {'fields': {'hrv': 62.1, 'restingHR': 48, 'sleepSecs': 27000, 'weight': 70.5}, 'id': '2026-03-01', 'last_error':
                None, 'updated_at': '2026-03-01T07:02:49.771310+00:00'}

        Attributes:
            fields (WellnessFields): Intervals.icu's writable wellness fields, with their units and the ranges the bridge
                accepts; `-1` unsets a numeric field.
            id (str): The day, `YYYY-MM-DD`.
            updated_at (str): When a record for the day was last accepted (UTC).
            last_error (None | str | Unset): The last push error for this day, if a push failed.
     """

    fields: WellnessFields
    id: str
    updated_at: str
    last_error: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.wellness_fields import WellnessFields # noqa: PLC0415
        fields = self.fields.to_dict()

        id = self.id

        updated_at = self.updated_at

        last_error: None | str | Unset
        if isinstance(self.last_error, Unset):
            last_error = UNSET
        else:
            last_error = self.last_error


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "fields": fields,
            "id": id,
            "updated_at": updated_at,
        })
        if last_error is not UNSET:
            field_dict["last_error"] = last_error

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.wellness_fields import WellnessFields # noqa: PLC0415
        d = dict(src_dict)
        fields = WellnessFields.from_dict(d.pop("fields"))




        id = d.pop("id")

        updated_at = d.pop("updated_at")

        def _parse_last_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_error = _parse_last_error(d.pop("last_error", UNSET))


        pending_record = cls(
            fields=fields,
            id=id,
            updated_at=updated_at,
            last_error=last_error,
        )


        pending_record.additional_properties = d
        return pending_record

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
