from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.tenant_changes_webhook_events_type_0_item import TenantChangesWebhookEventsType0Item
from ..types import UNSET, Unset
from typing import cast






T = TypeVar("T", bound="TenantChanges")



@_attrs_define
class TenantChanges:
    """ The settings a `PATCH` may change (documentation; absent fields stay as they are).

        Example:
            {'activity_url_template': None, 'redirect_urls': ['https://partner.example/connected',
                'https://staging.partner.example/connected'], 'webhook_events': ['connection.*', 'activity.*'], 'webhook_url':
                'https://partner.example/hooks/intervals'}

        Attributes:
            activity_url_template (None | str | Unset): `null` or `""` removes it.
            name (None | str | Unset): 1 to 80 characters (after trimming), no control, format or bidirectional override
                characters, unique among tenants ignoring case.
            redirect_urls (list[str] | Unset): Replaces the list (at most 20 URLs).
            webhook_events (list[TenantChangesWebhookEventsType0Item] | None | Unset): Replaces the filter (at most 50
                entries): known event types or `prefix.*` patterns; `[]`
                or `null` delivers every type.
            webhook_url (None | str | Unset): https (http and private addresses only when the deployment allows them);
                `null` or `""`
                removes it. A new URL re-enables a disabled endpoint.
     """

    activity_url_template: None | str | Unset = UNSET
    name: None | str | Unset = UNSET
    redirect_urls: list[str] | Unset = UNSET
    webhook_events: list[TenantChangesWebhookEventsType0Item] | None | Unset = UNSET
    webhook_url: None | str | Unset = UNSET





    def to_dict(self) -> dict[str, Any]:
        activity_url_template: None | str | Unset
        if isinstance(self.activity_url_template, Unset):
            activity_url_template = UNSET
        else:
            activity_url_template = self.activity_url_template

        name: None | str | Unset
        if isinstance(self.name, Unset):
            name = UNSET
        else:
            name = self.name

        redirect_urls: list[str] | Unset = UNSET
        if not isinstance(self.redirect_urls, Unset):
            redirect_urls = self.redirect_urls



        webhook_events: list[str] | None | Unset
        if isinstance(self.webhook_events, Unset):
            webhook_events = UNSET
        elif isinstance(self.webhook_events, list):
            webhook_events = []
            for webhook_events_type_0_item_data in self.webhook_events:
                webhook_events_type_0_item = webhook_events_type_0_item_data.value
                webhook_events.append(webhook_events_type_0_item)


        else:
            webhook_events = self.webhook_events

        webhook_url: None | str | Unset
        if isinstance(self.webhook_url, Unset):
            webhook_url = UNSET
        else:
            webhook_url = self.webhook_url


        field_dict: dict[str, Any] = {}

        field_dict.update({
        })
        if activity_url_template is not UNSET:
            field_dict["activity_url_template"] = activity_url_template
        if name is not UNSET:
            field_dict["name"] = name
        if redirect_urls is not UNSET:
            field_dict["redirect_urls"] = redirect_urls
        if webhook_events is not UNSET:
            field_dict["webhook_events"] = webhook_events
        if webhook_url is not UNSET:
            field_dict["webhook_url"] = webhook_url

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        d = dict(src_dict)
        def _parse_activity_url_template(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        activity_url_template = _parse_activity_url_template(d.pop("activity_url_template", UNSET))


        def _parse_name(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        name = _parse_name(d.pop("name", UNSET))


        redirect_urls = cast(list[str], d.pop("redirect_urls", UNSET))


        def _parse_webhook_events(data: object) -> list[TenantChangesWebhookEventsType0Item] | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            try:
                if not isinstance(data, list):
                    raise TypeError()
                webhook_events_type_0 = []
                _webhook_events_type_0 = data
                for webhook_events_type_0_item_data in (_webhook_events_type_0):
                    webhook_events_type_0_item = TenantChangesWebhookEventsType0Item(webhook_events_type_0_item_data)



                    webhook_events_type_0.append(webhook_events_type_0_item)

                return webhook_events_type_0
            except (TypeError, ValueError, AttributeError, KeyError):
                pass
            return cast(list[TenantChangesWebhookEventsType0Item] | None | Unset, data)

        webhook_events = _parse_webhook_events(d.pop("webhook_events", UNSET))


        def _parse_webhook_url(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        webhook_url = _parse_webhook_url(d.pop("webhook_url", UNSET))


        tenant_changes = cls(
            activity_url_template=activity_url_template,
            name=name,
            redirect_urls=redirect_urls,
            webhook_events=webhook_events,
            webhook_url=webhook_url,
        )

        return tenant_changes

