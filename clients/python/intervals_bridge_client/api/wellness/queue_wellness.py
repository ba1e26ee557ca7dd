from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.queue_wellness_push import QueueWellnessPush
from ...models.queued import Queued
from ...models.wellness_record_in import WellnessRecordIn
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    user_id: str,
    *,
    body: list[WellnessRecordIn],
    push: QueueWellnessPush | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    params: dict[str, Any] = {}

    json_push: str | Unset = UNSET
    if not isinstance(push, Unset):
        json_push = push.value

    params["push"] = json_push


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/users/{user_id}/wellness".format(user_id=quote(str(user_id), safe=""),),
        "params": params,
    }

    _kwargs["json"] = []
    for body_item_data in body:
        body_item = body_item_data.to_dict()
        _kwargs["json"].append(body_item)



    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | Queued | None:
    if response.status_code == 202:
        response_202 = Queued.from_dict(response.json())



        return response_202

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

    if response.status_code == 403:
        response_403 = Problem.from_dict(response.json())



        return response_403

    if response.status_code == 404:
        response_404 = Problem.from_dict(response.json())



        return response_404

    if response.status_code == 409:
        response_409 = Problem.from_dict(response.json())



        return response_409

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())



        return response_500

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | Queued]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: list[WellnessRecordIn],
    push: QueueWellnessPush | Unset = UNSET,

) -> Response[Problem | Queued]:
    """ Hand over wellness records

     Accepts 1 to 1,000 day records (`{"id": "YYYY-MM-DD", field: value, …}` with Intervals.icu's
    writable wellness fields: `weight`, `restingHR`, `hrv`, `sleepSecs`, `soreness`, …; `-1` unsets
    a numeric field) and queues them for the nightly push to Intervals.icu (`BRIDGE_WELLNESS_PUSH_AT`,
    03:00 UTC by default), or as soon as possible with `push=now`. Records are merged per day: a
    later value of a field replaces the earlier one. Every record is checked first: any problem
    answers 422 naming each `[index].field`, and nothing is queued. Needs `WELLNESS:WRITE`; nothing
    is asked of Intervals.icu now. After the push the tenant gets `wellness.pushed` (or
    `wellness.push_failed`).

    Args:
        user_id (str):
        push (QueueWellnessPush | Unset):
        body (list[WellnessRecordIn]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Queued]
     """


    kwargs = _get_kwargs(
        user_id=user_id,
body=body,
push=push,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: list[WellnessRecordIn],
    push: QueueWellnessPush | Unset = UNSET,

) -> Problem | Queued | None:
    """ Hand over wellness records

     Accepts 1 to 1,000 day records (`{"id": "YYYY-MM-DD", field: value, …}` with Intervals.icu's
    writable wellness fields: `weight`, `restingHR`, `hrv`, `sleepSecs`, `soreness`, …; `-1` unsets
    a numeric field) and queues them for the nightly push to Intervals.icu (`BRIDGE_WELLNESS_PUSH_AT`,
    03:00 UTC by default), or as soon as possible with `push=now`. Records are merged per day: a
    later value of a field replaces the earlier one. Every record is checked first: any problem
    answers 422 naming each `[index].field`, and nothing is queued. Needs `WELLNESS:WRITE`; nothing
    is asked of Intervals.icu now. After the push the tenant gets `wellness.pushed` (or
    `wellness.push_failed`).

    Args:
        user_id (str):
        push (QueueWellnessPush | Unset):
        body (list[WellnessRecordIn]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Queued
     """


    return sync_detailed(
        user_id=user_id,
client=client,
body=body,
push=push,

    ).parsed

async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: list[WellnessRecordIn],
    push: QueueWellnessPush | Unset = UNSET,

) -> Response[Problem | Queued]:
    """ Hand over wellness records

     Accepts 1 to 1,000 day records (`{"id": "YYYY-MM-DD", field: value, …}` with Intervals.icu's
    writable wellness fields: `weight`, `restingHR`, `hrv`, `sleepSecs`, `soreness`, …; `-1` unsets
    a numeric field) and queues them for the nightly push to Intervals.icu (`BRIDGE_WELLNESS_PUSH_AT`,
    03:00 UTC by default), or as soon as possible with `push=now`. Records are merged per day: a
    later value of a field replaces the earlier one. Every record is checked first: any problem
    answers 422 naming each `[index].field`, and nothing is queued. Needs `WELLNESS:WRITE`; nothing
    is asked of Intervals.icu now. After the push the tenant gets `wellness.pushed` (or
    `wellness.push_failed`).

    Args:
        user_id (str):
        push (QueueWellnessPush | Unset):
        body (list[WellnessRecordIn]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | Queued]
     """


    kwargs = _get_kwargs(
        user_id=user_id,
body=body,
push=push,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: list[WellnessRecordIn],
    push: QueueWellnessPush | Unset = UNSET,

) -> Problem | Queued | None:
    """ Hand over wellness records

     Accepts 1 to 1,000 day records (`{"id": "YYYY-MM-DD", field: value, …}` with Intervals.icu's
    writable wellness fields: `weight`, `restingHR`, `hrv`, `sleepSecs`, `soreness`, …; `-1` unsets
    a numeric field) and queues them for the nightly push to Intervals.icu (`BRIDGE_WELLNESS_PUSH_AT`,
    03:00 UTC by default), or as soon as possible with `push=now`. Records are merged per day: a
    later value of a field replaces the earlier one. Every record is checked first: any problem
    answers 422 naming each `[index].field`, and nothing is queued. Needs `WELLNESS:WRITE`; nothing
    is asked of Intervals.icu now. After the push the tenant gets `wellness.pushed` (or
    `wellness.push_failed`).

    Args:
        user_id (str):
        push (QueueWellnessPush | Unset):
        body (list[WellnessRecordIn]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | Queued
     """


    return (await asyncio_detailed(
        user_id=user_id,
client=client,
body=body,
push=push,

    )).parsed
