from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.pending_record import PendingRecord





T = TypeVar("T", bound="Queued")



@_attrs_define
class Queued:
    """ 
        Example:
            {'push_at': '2026-03-02T03:00:00+00:00', 'queued': [{'fields': {'hrv': 62.1, 'restingHR': 48, 'sleepSecs':
                27000, 'weight': 70.5}, 'id': '2026-03-01', 'last_error': None, 'updated_at':
                '2026-03-01T07:02:49.771310+00:00'}]}

        Attributes:
            push_at (str): When the push is due (UTC).
            queued (list[PendingRecord]): The merged days as they will be pushed.
     """

    push_at: str
    queued: list[PendingRecord]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.pending_record import PendingRecord # noqa: PLC0415
        push_at = self.push_at

        queued = []
        for queued_item_data in self.queued:
            queued_item = queued_item_data.to_dict()
            queued.append(queued_item)




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "push_at": push_at,
            "queued": queued,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pending_record import PendingRecord # noqa: PLC0415
        d = dict(src_dict)
        push_at = d.pop("push_at")

        queued = []
        _queued = d.pop("queued")
        for queued_item_data in (_queued):
            queued_item = PendingRecord.from_dict(queued_item_data)



            queued.append(queued_item)


        queued = cls(
            push_at=push_at,
            queued=queued,
        )


        queued.additional_properties = d
        return queued

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
