from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast

if TYPE_CHECKING:
  from ..models.pending_record import PendingRecord





T = TypeVar("T", bound="PendingList")



@_attrs_define
class PendingList:
    """ 
        Example:
            {'data': [{'fields': {'hrv': 62.1, 'restingHR': 48, 'sleepSecs': 27000, 'weight': 70.5}, 'id': '2026-03-01',
                'last_error': None, 'updated_at': '2026-03-01T07:02:49.771310+00:00'}], 'next_push_at':
                '2026-03-02T03:00:00+00:00'}

        Attributes:
            data (list[PendingRecord]): Days waiting for a push, with what will be pushed.
            next_push_at (str): When these days are next pushed (UTC): now when a `push=now` is waiting (its push is
                queued; every pending day of the athlete goes with it), else the next nightly push.
     """

    data: list[PendingRecord]
    next_push_at: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.pending_record import PendingRecord # noqa: PLC0415
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)



        next_push_at = self.next_push_at


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "data": data,
            "next_push_at": next_push_at,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.pending_record import PendingRecord # noqa: PLC0415
        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in (_data):
            data_item = PendingRecord.from_dict(data_item_data)



            data.append(data_item)


        next_push_at = d.pop("next_push_at")

        pending_list = cls(
            data=data,
            next_push_at=next_push_at,
        )


        pending_list.additional_properties = d
        return pending_list

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
