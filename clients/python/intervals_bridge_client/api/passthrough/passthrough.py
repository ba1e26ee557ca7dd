from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.passthrough_response_200 import PassthroughResponse200
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    user_id: str,
    path: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/users/{user_id}/icu/api/v1/{path}".format(user_id=quote(str(user_id), safe=""),path=quote(str(path), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> PassthroughResponse200 | Problem | None:
    if response.status_code == 200:
        response_200 = PassthroughResponse200.from_dict(response.json())



        return response_200

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

    if response.status_code == 429:
        response_429 = Problem.from_dict(response.json())



        return response_429

    if response.status_code == 500:
        response_500 = Problem.from_dict(response.json())



        return response_500

    if response.status_code == 502:
        response_502 = Problem.from_dict(response.json())



        return response_502

    if response.status_code == 503:
        response_503 = Problem.from_dict(response.json())



        return response_503

    if client.raise_on_unexpected_status:
        raise errors.UnexpectedStatus(response.status_code, response.content)
    else:
        return None


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[PassthroughResponse200 | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: str,
    path: str,
    *,
    client: AuthenticatedClient,

) -> Response[PassthroughResponse200 | Problem]:
    """ Call any Intervals.icu operation for the user

     Intervals.icu's own API (`/api/v1/...`, every method its OpenAPI document lists) for this
    user, so an Intervals.icu client library pointed at `/v1/users/{user_id}/icu` works
    unchanged; the tenant key goes as `Authorization: Bearer` or as HTTP Basic with user
    `API_KEY`. Checked before anything is sent: the operation is in Intervals.icu's published
    document (else `not-available`; so are the OAuth endpoints and calendar-wide writes); the
    path is clean (no `..`, encoded slashes or empty segments); the athlete is `0` or the user's;
    an `activity/{id}` is the user's athlete's; GET needs the area's READ scope and other methods
    its WRITE, from this tenant's own connection (Activities → ACTIVITY, Events → CALENDAR,
    Wellness → WELLNESS, Sports/Athletes/Gear/Custom Items/Routes/Weather → SETTINGS, Library →
    LIBRARY, Chats → CHATS); a write changes only an activity or event this tenant created, and
    what it creates carries its `external_id` (namespaced upstream, mapped back in answers).
    Reads go through the read cache (`Cache-Status`, `Age`, `ETag`), files and CSV are streamed,
    and Intervals.icu's answers pass as it sent them. Documented here as GET; PUT, POST and DELETE
    follow the same rules.

    Args:
        user_id (str):
        path (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PassthroughResponse200 | Problem]
     """


    kwargs = _get_kwargs(
        user_id=user_id,
path=path,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    user_id: str,
    path: str,
    *,
    client: AuthenticatedClient,

) -> PassthroughResponse200 | Problem | None:
    """ Call any Intervals.icu operation for the user

     Intervals.icu's own API (`/api/v1/...`, every method its OpenAPI document lists) for this
    user, so an Intervals.icu client library pointed at `/v1/users/{user_id}/icu` works
    unchanged; the tenant key goes as `Authorization: Bearer` or as HTTP Basic with user
    `API_KEY`. Checked before anything is sent: the operation is in Intervals.icu's published
    document (else `not-available`; so are the OAuth endpoints and calendar-wide writes); the
    path is clean (no `..`, encoded slashes or empty segments); the athlete is `0` or the user's;
    an `activity/{id}` is the user's athlete's; GET needs the area's READ scope and other methods
    its WRITE, from this tenant's own connection (Activities → ACTIVITY, Events → CALENDAR,
    Wellness → WELLNESS, Sports/Athletes/Gear/Custom Items/Routes/Weather → SETTINGS, Library →
    LIBRARY, Chats → CHATS); a write changes only an activity or event this tenant created, and
    what it creates carries its `external_id` (namespaced upstream, mapped back in answers).
    Reads go through the read cache (`Cache-Status`, `Age`, `ETag`), files and CSV are streamed,
    and Intervals.icu's answers pass as it sent them. Documented here as GET; PUT, POST and DELETE
    follow the same rules.

    Args:
        user_id (str):
        path (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PassthroughResponse200 | Problem
     """


    return sync_detailed(
        user_id=user_id,
path=path,
client=client,

    ).parsed

async def asyncio_detailed(
    user_id: str,
    path: str,
    *,
    client: AuthenticatedClient,

) -> Response[PassthroughResponse200 | Problem]:
    """ Call any Intervals.icu operation for the user

     Intervals.icu's own API (`/api/v1/...`, every method its OpenAPI document lists) for this
    user, so an Intervals.icu client library pointed at `/v1/users/{user_id}/icu` works
    unchanged; the tenant key goes as `Authorization: Bearer` or as HTTP Basic with user
    `API_KEY`. Checked before anything is sent: the operation is in Intervals.icu's published
    document (else `not-available`; so are the OAuth endpoints and calendar-wide writes); the
    path is clean (no `..`, encoded slashes or empty segments); the athlete is `0` or the user's;
    an `activity/{id}` is the user's athlete's; GET needs the area's READ scope and other methods
    its WRITE, from this tenant's own connection (Activities → ACTIVITY, Events → CALENDAR,
    Wellness → WELLNESS, Sports/Athletes/Gear/Custom Items/Routes/Weather → SETTINGS, Library →
    LIBRARY, Chats → CHATS); a write changes only an activity or event this tenant created, and
    what it creates carries its `external_id` (namespaced upstream, mapped back in answers).
    Reads go through the read cache (`Cache-Status`, `Age`, `ETag`), files and CSV are streamed,
    and Intervals.icu's answers pass as it sent them. Documented here as GET; PUT, POST and DELETE
    follow the same rules.

    Args:
        user_id (str):
        path (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[PassthroughResponse200 | Problem]
     """


    kwargs = _get_kwargs(
        user_id=user_id,
path=path,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    user_id: str,
    path: str,
    *,
    client: AuthenticatedClient,

) -> PassthroughResponse200 | Problem | None:
    """ Call any Intervals.icu operation for the user

     Intervals.icu's own API (`/api/v1/...`, every method its OpenAPI document lists) for this
    user, so an Intervals.icu client library pointed at `/v1/users/{user_id}/icu` works
    unchanged; the tenant key goes as `Authorization: Bearer` or as HTTP Basic with user
    `API_KEY`. Checked before anything is sent: the operation is in Intervals.icu's published
    document (else `not-available`; so are the OAuth endpoints and calendar-wide writes); the
    path is clean (no `..`, encoded slashes or empty segments); the athlete is `0` or the user's;
    an `activity/{id}` is the user's athlete's; GET needs the area's READ scope and other methods
    its WRITE, from this tenant's own connection (Activities → ACTIVITY, Events → CALENDAR,
    Wellness → WELLNESS, Sports/Athletes/Gear/Custom Items/Routes/Weather → SETTINGS, Library →
    LIBRARY, Chats → CHATS); a write changes only an activity or event this tenant created, and
    what it creates carries its `external_id` (namespaced upstream, mapped back in answers).
    Reads go through the read cache (`Cache-Status`, `Age`, `ETag`), files and CSV are streamed,
    and Intervals.icu's answers pass as it sent them. Documented here as GET; PUT, POST and DELETE
    follow the same rules.

    Args:
        user_id (str):
        path (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        PassthroughResponse200 | Problem
     """


    return (await asyncio_detailed(
        user_id=user_id,
path=path,
client=client,

    )).parsed
