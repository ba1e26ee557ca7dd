from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.activity_list import ActivityList
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    user_id: str,
    *,
    oldest: None | str | Unset = UNSET,
    newest: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_oldest: None | str | Unset
    if isinstance(oldest, Unset):
        json_oldest = UNSET
    else:
        json_oldest = oldest
    params["oldest"] = json_oldest

    json_newest: None | str | Unset
    if isinstance(newest, Unset):
        json_newest = UNSET
    else:
        json_newest = newest
    params["newest"] = json_newest

    json_limit: int | None | Unset
    if isinstance(limit, Unset):
        json_limit = UNSET
    else:
        json_limit = limit
    params["limit"] = json_limit


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/users/{user_id}/activities".format(user_id=quote(str(user_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ActivityList | Problem | None:
    if response.status_code == 200:
        response_200 = ActivityList.from_dict(response.json())



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

    if response.status_code == 422:
        response_422 = Problem.from_dict(response.json())



        return response_422

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ActivityList | Problem]:
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
    oldest: None | str | Unset = UNSET,
    newest: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,

) -> Response[ActivityList | Problem]:
    """ List a user's activities

     Intervals.icu's activity summaries in a date window (at most 366 days; default the last 30),
    newest first, at most `limit`. `has_more` says whether the window holds more: then ask again
    with `newest` set to `next_newest` (the first activity not on this page). Activities that came from
    Strava are stubs
    Intervals.icu cannot share (`"stub": true`); an activity this tenant uploaded carries its
    `external_id`. Needs `ACTIVITY:READ`.

    Args:
        user_id (str):
        oldest (None | str | Unset):
        newest (None | str | Unset):
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActivityList | Problem]
     """


    kwargs = _get_kwargs(
        user_id=user_id,
oldest=oldest,
newest=newest,
limit=limit,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
    oldest: None | str | Unset = UNSET,
    newest: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,

) -> ActivityList | Problem | None:
    """ List a user's activities

     Intervals.icu's activity summaries in a date window (at most 366 days; default the last 30),
    newest first, at most `limit`. `has_more` says whether the window holds more: then ask again
    with `newest` set to `next_newest` (the first activity not on this page). Activities that came from
    Strava are stubs
    Intervals.icu cannot share (`"stub": true`); an activity this tenant uploaded carries its
    `external_id`. Needs `ACTIVITY:READ`.

    Args:
        user_id (str):
        oldest (None | str | Unset):
        newest (None | str | Unset):
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActivityList | Problem
     """


    return sync_detailed(
        user_id=user_id,
client=client,
oldest=oldest,
newest=newest,
limit=limit,

    ).parsed

async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    oldest: None | str | Unset = UNSET,
    newest: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,

) -> Response[ActivityList | Problem]:
    """ List a user's activities

     Intervals.icu's activity summaries in a date window (at most 366 days; default the last 30),
    newest first, at most `limit`. `has_more` says whether the window holds more: then ask again
    with `newest` set to `next_newest` (the first activity not on this page). Activities that came from
    Strava are stubs
    Intervals.icu cannot share (`"stub": true`); an activity this tenant uploaded carries its
    `external_id`. Needs `ACTIVITY:READ`.

    Args:
        user_id (str):
        oldest (None | str | Unset):
        newest (None | str | Unset):
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActivityList | Problem]
     """


    kwargs = _get_kwargs(
        user_id=user_id,
oldest=oldest,
newest=newest,
limit=limit,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
    oldest: None | str | Unset = UNSET,
    newest: None | str | Unset = UNSET,
    limit: int | None | Unset = UNSET,

) -> ActivityList | Problem | None:
    """ List a user's activities

     Intervals.icu's activity summaries in a date window (at most 366 days; default the last 30),
    newest first, at most `limit`. `has_more` says whether the window holds more: then ask again
    with `newest` set to `next_newest` (the first activity not on this page). Activities that came from
    Strava are stubs
    Intervals.icu cannot share (`"stub": true`); an activity this tenant uploaded carries its
    `external_id`. Needs `ACTIVITY:READ`.

    Args:
        user_id (str):
        oldest (None | str | Unset):
        newest (None | str | Unset):
        limit (int | None | Unset):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActivityList | Problem
     """


    return (await asyncio_detailed(
        user_id=user_id,
client=client,
oldest=oldest,
newest=newest,
limit=limit,

    )).parsed
