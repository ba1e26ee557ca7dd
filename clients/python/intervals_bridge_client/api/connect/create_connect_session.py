from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.connect_session_created import ConnectSessionCreated
from ...models.create_connect_session import CreateConnectSession
from ...models.problem import Problem
from ...types import UNSET, Unset
from typing import cast



def _get_kwargs(
    *,
    body: CreateConnectSession,
    idempotency_key: str | Unset = UNSET,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}
    if not isinstance(idempotency_key, Unset):
        headers["Idempotency-Key"] = idempotency_key



    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/connect-sessions",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> ConnectSessionCreated | Problem | None:
    if response.status_code == 201:
        response_201 = ConnectSessionCreated.from_dict(response.json())



        return response_201

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[ConnectSessionCreated | Problem]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateConnectSession,
    idempotency_key: str | Unset = UNSET,

) -> Response[ConnectSessionCreated | Problem]:
    """ Create a connect link for a user

     Answers a single-use `connect_url` that works for 30 minutes. Send the user's browser there:
    the bridge shows its consent page, takes the athlete through Intervals.icu's authorization
    and, when `redirect_url` is given, comes back to it with `user_id`, `status` (`connected` or
    `error`), `error`, `scopes` (when connected: those the tenant may use now, what it asked for
    narrowed by the athlete's grant), `ts` and `sig` (check `sig` before trusting them; see
    the README). Without
    a `redirect_url` the bridge shows its own result page.

    The `user_id` is the partner's own id for its user; connecting one that is already
    connected connects it again with the scopes asked for now. Once connected the tenant gets
    `connection.created` (or `connection.updated`).

    Args:
        idempotency_key (str | Unset):
        body (CreateConnectSession):  Example: {'redirect_url':
            'https://partner.example/connected', 'scopes': ['ACTIVITY:WRITE', 'CALENDAR:READ',
            'WELLNESS:WRITE'], 'user_id': 'alex'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConnectSessionCreated | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: CreateConnectSession,
    idempotency_key: str | Unset = UNSET,

) -> ConnectSessionCreated | Problem | None:
    """ Create a connect link for a user

     Answers a single-use `connect_url` that works for 30 minutes. Send the user's browser there:
    the bridge shows its consent page, takes the athlete through Intervals.icu's authorization
    and, when `redirect_url` is given, comes back to it with `user_id`, `status` (`connected` or
    `error`), `error`, `scopes` (when connected: those the tenant may use now, what it asked for
    narrowed by the athlete's grant), `ts` and `sig` (check `sig` before trusting them; see
    the README). Without
    a `redirect_url` the bridge shows its own result page.

    The `user_id` is the partner's own id for its user; connecting one that is already
    connected connects it again with the scopes asked for now. Once connected the tenant gets
    `connection.created` (or `connection.updated`).

    Args:
        idempotency_key (str | Unset):
        body (CreateConnectSession):  Example: {'redirect_url':
            'https://partner.example/connected', 'scopes': ['ACTIVITY:WRITE', 'CALENDAR:READ',
            'WELLNESS:WRITE'], 'user_id': 'alex'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConnectSessionCreated | Problem
     """


    return sync_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: CreateConnectSession,
    idempotency_key: str | Unset = UNSET,

) -> Response[ConnectSessionCreated | Problem]:
    """ Create a connect link for a user

     Answers a single-use `connect_url` that works for 30 minutes. Send the user's browser there:
    the bridge shows its consent page, takes the athlete through Intervals.icu's authorization
    and, when `redirect_url` is given, comes back to it with `user_id`, `status` (`connected` or
    `error`), `error`, `scopes` (when connected: those the tenant may use now, what it asked for
    narrowed by the athlete's grant), `ts` and `sig` (check `sig` before trusting them; see
    the README). Without
    a `redirect_url` the bridge shows its own result page.

    The `user_id` is the partner's own id for its user; connecting one that is already
    connected connects it again with the scopes asked for now. Once connected the tenant gets
    `connection.created` (or `connection.updated`).

    Args:
        idempotency_key (str | Unset):
        body (CreateConnectSession):  Example: {'redirect_url':
            'https://partner.example/connected', 'scopes': ['ACTIVITY:WRITE', 'CALENDAR:READ',
            'WELLNESS:WRITE'], 'user_id': 'alex'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[ConnectSessionCreated | Problem]
     """


    kwargs = _get_kwargs(
        body=body,
idempotency_key=idempotency_key,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: CreateConnectSession,
    idempotency_key: str | Unset = UNSET,

) -> ConnectSessionCreated | Problem | None:
    """ Create a connect link for a user

     Answers a single-use `connect_url` that works for 30 minutes. Send the user's browser there:
    the bridge shows its consent page, takes the athlete through Intervals.icu's authorization
    and, when `redirect_url` is given, comes back to it with `user_id`, `status` (`connected` or
    `error`), `error`, `scopes` (when connected: those the tenant may use now, what it asked for
    narrowed by the athlete's grant), `ts` and `sig` (check `sig` before trusting them; see
    the README). Without
    a `redirect_url` the bridge shows its own result page.

    The `user_id` is the partner's own id for its user; connecting one that is already
    connected connects it again with the scopes asked for now. Once connected the tenant gets
    `connection.created` (or `connection.updated`).

    Args:
        idempotency_key (str | Unset):
        body (CreateConnectSession):  Example: {'redirect_url':
            'https://partner.example/connected', 'scopes': ['ACTIVITY:WRITE', 'CALENDAR:READ',
            'WELLNESS:WRITE'], 'user_id': 'alex'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        ConnectSessionCreated | Problem
     """


    return (await asyncio_detailed(
        client=client,
body=body,
idempotency_key=idempotency_key,

    )).parsed
