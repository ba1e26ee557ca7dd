from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset







T = TypeVar("T", bound="RotatedSecret")



@_attrs_define
class RotatedSecret:
    """ 
        Example:
            {'previous_valid_until': '2026-03-02T09:00:00+00:00', 'webhook_secret':
                'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'}

        Attributes:
            previous_valid_until (str): Until then deliveries carry a second signature made with the previous secret (UTC).
            webhook_secret (str): The new `whsec_…` signing secret, shown only now.
     """

    previous_valid_until: str
    webhook_secret: str
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        previous_valid_until = self.previous_valid_until

        webhook_secret = self.webhook_secret


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "previous_valid_until": previous_valid_until,
            "webhook_secret": webhook_secret,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        previous_valid_until = d.pop("previous_valid_until")

        webhook_secret = d.pop("webhook_secret")

        rotated_secret = cls(
            previous_valid_until=previous_valid_until,
            webhook_secret=webhook_secret,
        )


        rotated_secret.additional_properties = d
        return rotated_secret

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
