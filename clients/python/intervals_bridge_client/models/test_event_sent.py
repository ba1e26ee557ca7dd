from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="TestEventSent")



@_attrs_define
class TestEventSent:
    """ 
        Example:
            {'delivery_id': '5f1c2a9e-0b7d-4a53-9c1e-2f64d8a1b7c3', 'webhook_id': 'msg_8b0e6c1f2d3a4b5c9e7f0a1b2c3d4e5f'}

        Attributes:
            delivery_id (str): The delivery, as `GET /v1/webhook-deliveries` lists it.
            webhook_id (str): The `webhook-id` header the endpoint receives.
     """

    delivery_id: str
    webhook_id: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        delivery_id = self.delivery_id

        webhook_id = self.webhook_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "delivery_id": delivery_id,
            "webhook_id": webhook_id,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        delivery_id = d.pop("delivery_id")

        webhook_id = d.pop("webhook_id")

        test_event_sent = cls(
            delivery_id=delivery_id,
            webhook_id=webhook_id,
        )


        test_event_sent.additional_properties = d
        return test_event_sent

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
