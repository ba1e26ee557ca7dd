from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.delivery_view import DeliveryView





T = TypeVar("T", bound="DeliveryPage")



@_attrs_define
class DeliveryPage:
    """ 
        Example:
            {'data': [{'attempts': [{'at': '2026-03-01T07:03:16.588507+00:00', 'attempt': 1, 'error': 'HTTP 503',
                'latency_ms': 41, 'status_code': 503}, {'at': '2026-03-01T07:03:21.940113+00:00', 'attempt': 2, 'error': None,
                'latency_ms': 38, 'status_code': 200}], 'created_at': '2026-03-01T07:03:16.585105+00:00', 'delivered_at':
                '2026-03-01T07:03:21.940200+00:00', 'event_type': 'activity.analyzed', 'id':
                '33e59e65-8f73-48a2-ab75-b99bdbfacdac', 'last_error': None, 'last_status_code': 200, 'next_attempt_at': None,
                'status': 'succeeded', 'url': 'https://partner.example/hooks/intervals', 'user_id': 'alex', 'webhook_id':
                'msg_512404e67fec4ca1ac2683d29d000586'}], 'next_cursor':
                'MTc5NjA3OTc5NjU4NTEwNXwzM2U1OWU2NS04ZjczLTQ4YTItYWI3NS1iOTliZGJmYWNkYWM'}

        Attributes:
            data (list[DeliveryView]): Newest first.
            next_cursor (None | str | Unset): Pass as `cursor` to get the next page; `null` on the last page.
     """

    data: list[DeliveryView]
    next_cursor: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.delivery_view import DeliveryView # noqa: PLC0415
        data = []
        for data_item_data in self.data:
            data_item = data_item_data.to_dict()
            data.append(data_item)



        next_cursor: None | str | Unset
        if isinstance(self.next_cursor, Unset):
            next_cursor = UNSET
        else:
            next_cursor = self.next_cursor


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "data": data,
        })
        if next_cursor is not UNSET:
            field_dict["next_cursor"] = next_cursor

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.delivery_view import DeliveryView # noqa: PLC0415
        d = dict(src_dict)
        data = []
        _data = d.pop("data")
        for data_item_data in (_data):
            data_item = DeliveryView.from_dict(data_item_data)



            data.append(data_item)


        def _parse_next_cursor(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_cursor = _parse_next_cursor(d.pop("next_cursor", UNSET))


        delivery_page = cls(
            data=data,
            next_cursor=next_cursor,
        )


        delivery_page.additional_properties = d
        return delivery_page

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
