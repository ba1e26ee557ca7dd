from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="TenantView")



@_attrs_define
class TenantView:
    """ 
        Example:
            {'activity_url_template': 'https://partner.example/rides/{external_id}', 'api_key_prefix': 'ibk_N-MSt1',
                'created_at': '2026-01-15T10:12:00+00:00', 'id': '242344ac-62ba-4375-b35e-60018a91e72f', 'name': 'Partner app',
                'previous_api_key_valid_until': None, 'previous_webhook_secret_valid_until': '2026-03-02T09:00:00+00:00',
                'redirect_urls': ['https://partner.example/connected'], 'updated_at': '2026-03-01T09:00:00+00:00',
                'webhook_disabled_at': None, 'webhook_events': ['connection.*', 'activity.uploaded', 'wellness.push_failed'],
                'webhook_url': 'https://partner.example/hooks/intervals'}

        Attributes:
            api_key_prefix (str): The first characters of the current API key, to tell keys apart.
            created_at (str):
            id (str):
            name (str):
            redirect_urls (list[str]): Where partners may be sent back after connecting.
            updated_at (str):
            webhook_events (list[str]): Event types (`activity.uploaded`) and `prefix.*` patterns (`activity.*`) the
                webhooks
                carry; empty: every type of the areas the user granted. `webhook.test` always goes.
            activity_url_template (None | str | Unset): `{external_id}` in its path or query; Intervals.icu links activities
                back through it.
            previous_api_key_valid_until (None | str | Unset): Until when the API key rotated out last still works (UTC), if
                it does.
            previous_webhook_secret_valid_until (None | str | Unset): Until when deliveries also carry a signature with the
                previous signing secret (UTC).
            webhook_disabled_at (None | str | Unset): Set when the endpoint answered 410 Gone: deliveries wait for a new
                `webhook_url`.
            webhook_url (None | str | Unset):
     """

    api_key_prefix: str
    created_at: str
    id: str
    name: str
    redirect_urls: list[str]
    updated_at: str
    webhook_events: list[str]
    activity_url_template: None | str | Unset = UNSET
    previous_api_key_valid_until: None | str | Unset = UNSET
    previous_webhook_secret_valid_until: None | str | Unset = UNSET
    webhook_disabled_at: None | str | Unset = UNSET
    webhook_url: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        api_key_prefix = self.api_key_prefix

        created_at = self.created_at

        id = self.id

        name = self.name

        redirect_urls = self.redirect_urls



        updated_at = self.updated_at

        webhook_events = self.webhook_events



        activity_url_template: None | str | Unset
        if isinstance(self.activity_url_template, Unset):
            activity_url_template = UNSET
        else:
            activity_url_template = self.activity_url_template

        previous_api_key_valid_until: None | str | Unset
        if isinstance(self.previous_api_key_valid_until, Unset):
            previous_api_key_valid_until = UNSET
        else:
            previous_api_key_valid_until = self.previous_api_key_valid_until

        previous_webhook_secret_valid_until: None | str | Unset
        if isinstance(self.previous_webhook_secret_valid_until, Unset):
            previous_webhook_secret_valid_until = UNSET
        else:
            previous_webhook_secret_valid_until = self.previous_webhook_secret_valid_until

        webhook_disabled_at: None | str | Unset
        if isinstance(self.webhook_disabled_at, Unset):
            webhook_disabled_at = UNSET
        else:
            webhook_disabled_at = self.webhook_disabled_at

        webhook_url: None | str | Unset
        if isinstance(self.webhook_url, Unset):
            webhook_url = UNSET
        else:
            webhook_url = self.webhook_url


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "api_key_prefix": api_key_prefix,
            "created_at": created_at,
            "id": id,
            "name": name,
            "redirect_urls": redirect_urls,
            "updated_at": updated_at,
            "webhook_events": webhook_events,
        })
        if activity_url_template is not UNSET:
            field_dict["activity_url_template"] = activity_url_template
        if previous_api_key_valid_until is not UNSET:
            field_dict["previous_api_key_valid_until"] = previous_api_key_valid_until
        if previous_webhook_secret_valid_until is not UNSET:
            field_dict["previous_webhook_secret_valid_until"] = previous_webhook_secret_valid_until
        if webhook_disabled_at is not UNSET:
            field_dict["webhook_disabled_at"] = webhook_disabled_at
        if webhook_url is not UNSET:
            field_dict["webhook_url"] = webhook_url

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        api_key_prefix = d.pop("api_key_prefix")

        created_at = d.pop("created_at")

        id = d.pop("id")

        name = d.pop("name")

        redirect_urls = cast(list[str], d.pop("redirect_urls"))


        updated_at = d.pop("updated_at")

        webhook_events = cast(list[str], d.pop("webhook_events"))


        def _parse_activity_url_template(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        activity_url_template = _parse_activity_url_template(d.pop("activity_url_template", UNSET))


        def _parse_previous_api_key_valid_until(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        previous_api_key_valid_until = _parse_previous_api_key_valid_until(d.pop("previous_api_key_valid_until", UNSET))


        def _parse_previous_webhook_secret_valid_until(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        previous_webhook_secret_valid_until = _parse_previous_webhook_secret_valid_until(d.pop("previous_webhook_secret_valid_until", UNSET))


        def _parse_webhook_disabled_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        webhook_disabled_at = _parse_webhook_disabled_at(d.pop("webhook_disabled_at", UNSET))


        def _parse_webhook_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        webhook_url = _parse_webhook_url(d.pop("webhook_url", UNSET))


        tenant_view = cls(
            api_key_prefix=api_key_prefix,
            created_at=created_at,
            id=id,
            name=name,
            redirect_urls=redirect_urls,
            updated_at=updated_at,
            webhook_events=webhook_events,
            activity_url_template=activity_url_template,
            previous_api_key_valid_until=previous_api_key_valid_until,
            previous_webhook_secret_valid_until=previous_webhook_secret_valid_until,
            webhook_disabled_at=webhook_disabled_at,
            webhook_url=webhook_url,
        )


        tenant_view.additional_properties = d
        return tenant_view

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
