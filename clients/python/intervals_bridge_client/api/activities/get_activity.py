from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.activity_detail import ActivityDetail
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    user_id: str,
    activity_id: str,

) -> dict[str, Any]:
    

    

    

    _kwargs: dict[str, Any] = {
        "method": "get",
        "url": "/v1/users/{user_id}/activities/{activity_id}".format(user_id=quote(str(user_id), safe=""),activity_id=quote(str(activity_id), safe=""),),
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ActivityDetail | Problem | None:
    if response.status_code == 200:
        response_200 = ActivityDetail.from_dict(response.json())



        return response_200

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ActivityDetail | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    user_id: str,
    activity_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[ActivityDetail | Problem]:
    """ Get one activity with its intervals

     Intervals.icu's summary of one activity of the user's athlete, with its intervals
    (`icu_intervals`). The bridge checks that the activity is the athlete's own (a coach's
    authorization could read others'): any other is a 404. `external_id` is this tenant's own id
    when it uploaded the activity, else null. Needs `ACTIVITY:READ`.

    Args:
        user_id (str):
        activity_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActivityDetail | Problem]
     """


    kwargs = _get_kwargs(
        user_id=user_id,
activity_id=activity_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    user_id: str,
    activity_id: str,
    *,
    client: AuthenticatedClient,

) -> ActivityDetail | Problem | None:
    """ Get one activity with its intervals

     Intervals.icu's summary of one activity of the user's athlete, with its intervals
    (`icu_intervals`). The bridge checks that the activity is the athlete's own (a coach's
    authorization could read others'): any other is a 404. `external_id` is this tenant's own id
    when it uploaded the activity, else null. Needs `ACTIVITY:READ`.

    Args:
        user_id (str):
        activity_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActivityDetail | Problem
     """


    return sync_detailed(
        user_id=user_id,
activity_id=activity_id,
client=client,

    ).parsed

async def asyncio_detailed(
    user_id: str,
    activity_id: str,
    *,
    client: AuthenticatedClient,

) -> Response[ActivityDetail | Problem]:
    """ Get one activity with its intervals

     Intervals.icu's summary of one activity of the user's athlete, with its intervals
    (`icu_intervals`). The bridge checks that the activity is the athlete's own (a coach's
    authorization could read others'): any other is a 404. `external_id` is this tenant's own id
    when it uploaded the activity, else null. Needs `ACTIVITY:READ`.

    Args:
        user_id (str):
        activity_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ActivityDetail | Problem]
     """


    kwargs = _get_kwargs(
        user_id=user_id,
activity_id=activity_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    user_id: str,
    activity_id: str,
    *,
    client: AuthenticatedClient,

) -> ActivityDetail | Problem | None:
    """ Get one activity with its intervals

     Intervals.icu's summary of one activity of the user's athlete, with its intervals
    (`icu_intervals`). The bridge checks that the activity is the athlete's own (a coach's
    authorization could read others'): any other is a 404. `external_id` is this tenant's own id
    when it uploaded the activity, else null. Needs `ACTIVITY:READ`.

    Args:
        user_id (str):
        activity_id (str):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ActivityDetail | Problem
     """


    return (await asyncio_detailed(
        user_id=user_id,
activity_id=activity_id,
client=client,

    )).parsed
