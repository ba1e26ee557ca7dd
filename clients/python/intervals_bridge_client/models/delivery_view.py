from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypeVar, BinaryIO, TextIO, TYPE_CHECKING, Generator

from attrs import define as _attrs_define
from attrs import field as _attrs_field

from ..types import UNSET, Unset

from ..models.delivery_status import DeliveryStatus
from ..types import UNSET, Unset
from typing import cast

if TYPE_CHECKING:
  from ..models.attempt import Attempt





T = TypeVar("T", bound="DeliveryView")



@_attrs_define
class DeliveryView:
    """ 
        Example:
            {'attempts': [{'at': '2026-03-01T07:03:16.588507+00:00', 'attempt': 1, 'error': 'HTTP 503', 'latency_ms': 41,
                'status_code': 503}, {'at': '2026-03-01T07:03:21.940113+00:00', 'attempt': 2, 'error': None, 'latency_ms': 38,
                'status_code': 200}], 'created_at': '2026-03-01T07:03:16.585105+00:00', 'delivered_at':
                '2026-03-01T07:03:21.940200+00:00', 'event_type': 'activity.analyzed', 'id':
                '33e59e65-8f73-48a2-ab75-b99bdbfacdac', 'last_error': None, 'last_status_code': 200, 'next_attempt_at': None,
                'status': 'succeeded', 'url': 'https://partner.example/hooks/intervals', 'user_id': 'alex', 'webhook_id':
                'msg_512404e67fec4ca1ac2683d29d000586'}

        Attributes:
            attempts (list[Attempt]): Every attempt, first to last.
            created_at (str):
            event_type (str): The event's `type` (`connection.created`, `activity.uploaded`, …).
            id (str):
            status (DeliveryStatus): One tenant webhook delivery.
            url (str): Where it is sent.
            webhook_id (str): The `webhook-id` header: the same on every attempt and resend.
            delivered_at (None | str | Unset):
            last_error (None | str | Unset):
            last_status_code (int | None | Unset):
            next_attempt_at (None | str | Unset): When the next attempt is due (UTC), while `pending`.
            user_id (None | str | Unset):
     """

    attempts: list[Attempt]
    created_at: str
    event_type: str
    id: str
    status: DeliveryStatus
    url: str
    webhook_id: str
    delivered_at: None | str | Unset = UNSET
    last_error: None | str | Unset = UNSET
    last_status_code: int | None | Unset = UNSET
    next_attempt_at: None | str | Unset = UNSET
    user_id: None | str | Unset = UNSET
    additional_properties: dict[str, Any] = _attrs_field(init=False, factory=dict)





    def to_dict(self) -> dict[str, Any]:
        from ..models.attempt import Attempt # noqa: PLC0415
        attempts = []
        for attempts_item_data in self.attempts:
            attempts_item = attempts_item_data.to_dict()
            attempts.append(attempts_item)



        created_at = self.created_at

        event_type = self.event_type

        id = self.id

        status = self.status.value

        url = self.url

        webhook_id = self.webhook_id

        delivered_at: None | str | Unset
        if isinstance(self.delivered_at, Unset):
            delivered_at = UNSET
        else:
            delivered_at = self.delivered_at

        last_error: None | str | Unset
        if isinstance(self.last_error, Unset):
            last_error = UNSET
        else:
            last_error = self.last_error

        last_status_code: int | None | Unset
        if isinstance(self.last_status_code, Unset):
            last_status_code = UNSET
        else:
            last_status_code = self.last_status_code

        next_attempt_at: None | str | Unset
        if isinstance(self.next_attempt_at, Unset):
            next_attempt_at = UNSET
        else:
            next_attempt_at = self.next_attempt_at

        user_id: None | str | Unset
        if isinstance(self.user_id, Unset):
            user_id = UNSET
        else:
            user_id = self.user_id


        field_dict: dict[str, Any] = {}
        field_dict.update(self.additional_properties)
        field_dict.update({
            "attempts": attempts,
            "created_at": created_at,
            "event_type": event_type,
            "id": id,
            "status": status,
            "url": url,
            "webhook_id": webhook_id,
        })
        if delivered_at is not UNSET:
            field_dict["delivered_at"] = delivered_at
        if last_error is not UNSET:
            field_dict["last_error"] = last_error
        if last_status_code is not UNSET:
            field_dict["last_status_code"] = last_status_code
        if next_attempt_at is not UNSET:
            field_dict["next_attempt_at"] = next_attempt_at
        if user_id is not UNSET:
            field_dict["user_id"] = user_id

        return field_dict



    @classmethod
    def from_dict(cls: type[T], src_dict: Mapping[str, Any]) -> T:
        from ..models.attempt import Attempt # noqa: PLC0415
        d = dict(src_dict)
        attempts = []
        _attempts = d.pop("attempts")
        for attempts_item_data in (_attempts):
            attempts_item = Attempt.from_dict(attempts_item_data)



            attempts.append(attempts_item)


        created_at = d.pop("created_at")

        event_type = d.pop("event_type")

        id = d.pop("id")

        status = DeliveryStatus(d.pop("status"))




        url = d.pop("url")

        webhook_id = d.pop("webhook_id")

        def _parse_delivered_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        delivered_at = _parse_delivered_at(d.pop("delivered_at", UNSET))


        def _parse_last_error(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        last_error = _parse_last_error(d.pop("last_error", UNSET))


        def _parse_last_status_code(data: object) -> int | None | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(int | None | Unset, data)

        last_status_code = _parse_last_status_code(d.pop("last_status_code", UNSET))


        def _parse_next_attempt_at(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        next_attempt_at = _parse_next_attempt_at(d.pop("next_attempt_at", UNSET))


        def _parse_user_id(data: object) -> None | str | Unset:
            if data is None:
                return data
            if isinstance(data, Unset):
                return data
            return cast(None | str | Unset, data)

        user_id = _parse_user_id(d.pop("user_id", UNSET))


        delivery_view = cls(
            attempts=attempts,
            created_at=created_at,
            event_type=event_type,
            id=id,
            status=status,
            url=url,
            webhook_id=webhook_id,
            delivered_at=delivered_at,
            last_error=last_error,
            last_status_code=last_status_code,
            next_attempt_at=next_attempt_at,
            user_id=user_id,
        )


        delivery_view.additional_properties = d
        return delivery_view

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
