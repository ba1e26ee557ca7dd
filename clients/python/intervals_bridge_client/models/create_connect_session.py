from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.create_connect_session_scopes_type_0_item import CreateConnectSessionScopesType0Item
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="CreateConnectSession")



@_attrs_define
class CreateConnectSession:
    """ 
        Example:
            {'redirect_url': 'https://partner.example/connected', 'scopes': ['ACTIVITY:WRITE', 'CALENDAR:READ',
                'WELLNESS:WRITE'], 'user_id': 'alex'}

        Attributes:
            user_id (str): The partner's own id for its user (URL-safe, up to 128 characters).
            redirect_url (None | str | Unset): Where to send the browser afterwards; must be registered on the tenant.
            scopes (list[CreateConnectSessionScopesType0Item] | None | Unset): `AREA:READ` or `AREA:WRITE` for areas
                `ACTIVITY`, `WELLNESS`, `CALENDAR`, `CHATS`,
                `LIBRARY`, `SETTINGS` (WRITE includes READ; each area once), as an array or
                comma-separated. Default `ACTIVITY:WRITE,CALENDAR:READ,WELLNESS:WRITE`.
     """

    user_id: str
    redirect_url: None | str | Unset = UNSET
    scopes: list[CreateConnectSessionScopesType0Item] | None | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        user_id = self.user_id

        redirect_url: None | str | Unset
        if isinstance(self.redirect_url, Unset):
            redirect_url = UNSET
        else:
            redirect_url = self.redirect_url

        scopes: list[str] | None | Unset
        if isinstance(self.scopes, Unset):
            scopes = UNSET
        elif isinstance(self.scopes, list):
            scopes = []
            for scopes_type_0_item_data in self.scopes:
                scopes_type_0_item = scopes_type_0_item_data.value
                scopes.append(scopes_type_0_item)


        else:
            scopes = self.scopes


        field_dict: dict[str, Any] = {}

        field_dict.update({
            "user_id": user_id,
        })
        if redirect_url is not UNSET:
            field_dict["redirect_url"] = redirect_url
        if scopes is not UNSET:
            field_dict["scopes"] = scopes

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        user_id = d.pop("user_id")

        def _parse_redirect_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        redirect_url = _parse_redirect_url(d.pop("redirect_url", UNSET))


        def _parse_scopes(data: object) -> list[CreateConnectSessionScopesType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                scopes_type_0 = []
                _scopes_type_0 = data
                for scopes_type_0_item_data in (_scopes_type_0):
                    scopes_type_0_item = CreateConnectSessionScopesType0Item(scopes_type_0_item_data)



                    scopes_type_0.append(scopes_type_0_item)

                return scopes_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[CreateConnectSessionScopesType0Item] | None | Unset, data)

        scopes = _parse_scopes(d.pop("scopes", UNSET))


        create_connect_session = cls(
            user_id=user_id,
            redirect_url=redirect_url,
            scopes=scopes,
        )

        return create_connect_session

