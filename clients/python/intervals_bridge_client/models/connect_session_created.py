from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from typing import cast






T = TypeVar("T", bound="ConnectSessionCreated")



@_attrs_define
class ConnectSessionCreated:
    """ 
        Example:
            {'connect_url': 'https://bridge.example/connect/eyJ0eXAiOiJKV1QiLCJhbGciOiJIUzI1NiIsImtpZCI6ImsxIn0.eyJzaWQiOiIy
                MmMyY2U5ZCJ9.tO8XqU0rrThZPy1V3SAufzWQ', 'expires_at': '2026-03-01T09:30:00+00:00', 'id':
                '22c2ce9d-d663-4773-9229-0cc1f53904db', 'scopes': ['ACTIVITY:WRITE', 'CALENDAR:READ', 'WELLNESS:WRITE']}

        Attributes:
            connect_url (str): Send the user's browser here; it works once.
            expires_at (str): 30 minutes from now (UTC).
            id (str):
            scopes (list[str]): The scopes the consent page will ask for.
     """

    connect_url: str
    expires_at: str
    id: str
    scopes: list[str]
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        connect_url = self.connect_url

        expires_at = self.expires_at

        id = self.id

        scopes = self.scopes




        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "connect_url": connect_url,
            "expires_at": expires_at,
            "id": id,
            "scopes": scopes,
        })

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        connect_url = d.pop("connect_url")

        expires_at = d.pop("expires_at")

        id = d.pop("id")

        scopes = cast(list[str], d.pop("scopes"))


        connect_session_created = cls(
            connect_url=connect_url,
            expires_at=expires_at,
            id=id,
            scopes=scopes,
        )


        connect_session_created.additional_properties = d
        return connect_session_created

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
