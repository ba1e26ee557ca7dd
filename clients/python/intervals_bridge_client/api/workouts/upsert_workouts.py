from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.planned_workout_in import PlannedWorkoutIn
from ...models.problem import Problem
from ...models.written_workouts import WrittenWorkouts
from typing import cast



def _get_kwargs(
    user_id: str,
    *,
    body: list[PlannedWorkoutIn],

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "put",
        "url": "/v1/users/{user_id}/workouts".format(user_id=quote(str(user_id), safe=""),),
    }

    _kwargs["json"] = []
    for body_item_data in body:
        body_item = body_item_data.to_dict()
        _kwargs["json"].append(body_item)



    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | WrittenWorkouts | None:
    if response.status_code == 200:
        response_200 = WrittenWorkouts.from_dict(response.json())



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

    if response.status_code == 413:
        response_413 = Problem.from_dict(response.json())



        return response_413

    if response.status_code == 415:
        response_415 = Problem.from_dict(response.json())



        return response_415

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | WrittenWorkouts]:
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
    body: list[PlannedWorkoutIn],

) -> Response[Problem | WrittenWorkouts]:
    """ Write planned workouts

     Creates or replaces 1 to 200 planned workouts (or notes and races) on the athlete's calendar
    in one Intervals.icu call, each keyed by the tenant's own `external_id`: writing an
    `external_id` again replaces that event. Two tenants' equal ids are two events, and one
    tenant never changes another's. A WORKOUT gives its steps as Intervals.icu's workout text
    (`description`) or as a file (`file`: zwo, mrc, erg or fit in base64, at most 1 MiB), not both.

    Every record is checked first: any problem answers 422 naming each `[index].field`, and
    nothing is sent. The answer lists the written events in request order. Needs `CALENDAR:WRITE`.

    Args:
        user_id (str):
        body (list[PlannedWorkoutIn]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WrittenWorkouts]
     """


    kwargs = _get_kwargs(
        user_id=user_id,
body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: list[PlannedWorkoutIn],

) -> Problem | WrittenWorkouts | None:
    """ Write planned workouts

     Creates or replaces 1 to 200 planned workouts (or notes and races) on the athlete's calendar
    in one Intervals.icu call, each keyed by the tenant's own `external_id`: writing an
    `external_id` again replaces that event. Two tenants' equal ids are two events, and one
    tenant never changes another's. A WORKOUT gives its steps as Intervals.icu's workout text
    (`description`) or as a file (`file`: zwo, mrc, erg or fit in base64, at most 1 MiB), not both.

    Every record is checked first: any problem answers 422 naming each `[index].field`, and
    nothing is sent. The answer lists the written events in request order. Needs `CALENDAR:WRITE`.

    Args:
        user_id (str):
        body (list[PlannedWorkoutIn]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WrittenWorkouts
     """


    return sync_detailed(
        user_id=user_id,
client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: list[PlannedWorkoutIn],

) -> Response[Problem | WrittenWorkouts]:
    """ Write planned workouts

     Creates or replaces 1 to 200 planned workouts (or notes and races) on the athlete's calendar
    in one Intervals.icu call, each keyed by the tenant's own `external_id`: writing an
    `external_id` again replaces that event. Two tenants' equal ids are two events, and one
    tenant never changes another's. A WORKOUT gives its steps as Intervals.icu's workout text
    (`description`) or as a file (`file`: zwo, mrc, erg or fit in base64, at most 1 MiB), not both.

    Every record is checked first: any problem answers 422 naming each `[index].field`, and
    nothing is sent. The answer lists the written events in request order. Needs `CALENDAR:WRITE`.

    Args:
        user_id (str):
        body (list[PlannedWorkoutIn]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | WrittenWorkouts]
     """


    kwargs = _get_kwargs(
        user_id=user_id,
body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    user_id: str,
    *,
    client: AuthenticatedClient,
    body: list[PlannedWorkoutIn],

) -> Problem | WrittenWorkouts | None:
    """ Write planned workouts

     Creates or replaces 1 to 200 planned workouts (or notes and races) on the athlete's calendar
    in one Intervals.icu call, each keyed by the tenant's own `external_id`: writing an
    `external_id` again replaces that event. Two tenants' equal ids are two events, and one
    tenant never changes another's. A WORKOUT gives its steps as Intervals.icu's workout text
    (`description`) or as a file (`file`: zwo, mrc, erg or fit in base64, at most 1 MiB), not both.

    Every record is checked first: any problem answers 422 naming each `[index].field`, and
    nothing is sent. The answer lists the written events in request order. Needs `CALENDAR:WRITE`.

    Args:
        user_id (str):
        body (list[PlannedWorkoutIn]):

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | WrittenWorkouts
     """


    return (await asyncio_detailed(
        user_id=user_id,
client=client,
body=body,

    )).parsed
