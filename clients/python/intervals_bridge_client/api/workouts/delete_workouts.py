from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.deleted import Deleted
from ...models.problem import Problem
from typing import cast



def _get_kwargs(
    user_id: str,
    *,
    external_id: list[str],

) -> dict[str, Any]:
    

    

    params: dict[str, Any] = {}

    json_external_id = external_id


    params["external_id"] = json_external_id


    params = {k: v for k, v in params.items() if v is not UNSET and v is not None}


    _kwargs: dict[str, Any] = {
        "method": "delete",
        "url": "/v1/users/{user_id}/workouts".format(user_id=quote(str(user_id), safe=""),),
        "params": params,
    }


    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Deleted | Problem | None:
    if response.status_code == 200:
        response_200 = Deleted.from_dict(response.json())



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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Deleted | Problem]:
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
    external_id: list[str],

) -> Response[Deleted | Problem]:
    """ Delete planned workouts by external id

     Deletes the tenant's own planned workouts, named by the `external_id`s it wrote them with (1 to
    200, as a repeated query parameter), in one Intervals.icu call. Ids Intervals.icu does not
    have are not counted; another tenant's events are never touched. Needs `CALENDAR:WRITE`.

    Args:
        user_id (str):
        external_id (list[str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Deleted | Problem]
     """


    kwargs = _get_kwargs(
        user_id=user_id,
external_id=external_id,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
    external_id: list[str],

) -> Deleted | Problem | None:
    """ Delete planned workouts by external id

     Deletes the tenant's own planned workouts, named by the `external_id`s it wrote them with (1 to
    200, as a repeated query parameter), in one Intervals.icu call. Ids Intervals.icu does not
    have are not counted; another tenant's events are never touched. Needs `CALENDAR:WRITE`.

    Args:
        user_id (str):
        external_id (list[str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Deleted | Problem
     """


    return sync_detailed(
        user_id=user_id,
client=client,
external_id=external_id,

    ).parsed

async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    external_id: list[str],

) -> Response[Deleted | Problem]:
    """ Delete planned workouts by external id

     Deletes the tenant's own planned workouts, named by the `external_id`s it wrote them with (1 to
    200, as a repeated query parameter), in one Intervals.icu call. Ids Intervals.icu does not
    have are not counted; another tenant's events are never touched. Needs `CALENDAR:WRITE`.

    Args:
        user_id (str):
        external_id (list[str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Deleted | Problem]
     """


    kwargs = _get_kwargs(
        user_id=user_id,
external_id=external_id,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
    external_id: list[str],

) -> Deleted | Problem | None:
    """ Delete planned workouts by external id

     Deletes the tenant's own planned workouts, named by the `external_id`s it wrote them with (1 to
    200, as a repeated query parameter), in one Intervals.icu call. Ids Intervals.icu does not
    have are not counted; another tenant's events are never touched. Needs `CALENDAR:WRITE`.

    Args:
        user_id (str):
        external_id (list[str]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Deleted | Problem
     """


    return (await asyncio_detailed(
        user_id=user_id,
client=client,
external_id=external_id,

    )).parsed
