from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.tenant_changes import TenantChanges
from ...models.tenant_view import TenantView
from typing import cast



def _get_kwargs(
    *,
    body: TenantChanges,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "patch",
        "url": "/v1/tenant",
    }

    _kwargs["json"] = body.to_dict()

    headers["Content-Type"] = "application/json"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | TenantView | None:
    if response.status_code == 200:
        response_200 = TenantView.from_dict(response.json())



        return response_200

    if response.status_code == 400:
        response_400 = Problem.from_dict(response.json())



        return response_400

    if response.status_code == 401:
        response_401 = Problem.from_dict(response.json())



        return response_401

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | TenantView]:
    return Response(
        status_code=HTTPStatus(response.status_code),
        content=response.content,
        headers=response.headers,
        parsed=_parse_response(client=client, response=response),
    )


def sync_detailed(
    *,
    client: AuthenticatedClient,
    body: TenantChanges,

) -> Response[Problem | TenantView]:
    """ Change this tenant's settings

     Changes any of `name`, `webhook_url`, `webhook_events` (the event filter: known types and
    `prefix.*` patterns; `[]` or `null` for every type), `redirect_urls` (the list is replaced; at
    most 20) and `activity_url_template` (`null` removes a URL or the template) under the same
    rules as the CLI: `https` URLs, and no loopback or private webhook address unless the
    deployment allows them. Absent fields stay as they are; a refusal changes nothing. A new
    `webhook_url` re-enables an endpoint disabled after it answered 410 Gone.

    Args:
        body (TenantChanges): The settings a `PATCH` may change (documentation; absent fields stay
            as they are). Example: {'activity_url_template': None, 'redirect_urls':
            ['https://partner.example/connected', 'https://staging.partner.example/connected'],
            'webhook_events': ['connection.*', 'activity.*'], 'webhook_url':
            'https://partner.example/hooks/intervals'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TenantView]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = client.get_httpx_client().request(
        **kwargs,
    )

    return _build_response(client=client, response=response)

def sync(
    *,
    client: AuthenticatedClient,
    body: TenantChanges,

) -> Problem | TenantView | None:
    """ Change this tenant's settings

     Changes any of `name`, `webhook_url`, `webhook_events` (the event filter: known types and
    `prefix.*` patterns; `[]` or `null` for every type), `redirect_urls` (the list is replaced; at
    most 20) and `activity_url_template` (`null` removes a URL or the template) under the same
    rules as the CLI: `https` URLs, and no loopback or private webhook address unless the
    deployment allows them. Absent fields stay as they are; a refusal changes nothing. A new
    `webhook_url` re-enables an endpoint disabled after it answered 410 Gone.

    Args:
        body (TenantChanges): The settings a `PATCH` may change (documentation; absent fields stay
            as they are). Example: {'activity_url_template': None, 'redirect_urls':
            ['https://partner.example/connected', 'https://staging.partner.example/connected'],
            'webhook_events': ['connection.*', 'activity.*'], 'webhook_url':
            'https://partner.example/hooks/intervals'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TenantView
     """


    return sync_detailed(
        client=client,
body=body,

    ).parsed

async def asyncio_detailed(
    *,
    client: AuthenticatedClient,
    body: TenantChanges,

) -> Response[Problem | TenantView]:
    """ Change this tenant's settings

     Changes any of `name`, `webhook_url`, `webhook_events` (the event filter: known types and
    `prefix.*` patterns; `[]` or `null` for every type), `redirect_urls` (the list is replaced; at
    most 20) and `activity_url_template` (`null` removes a URL or the template) under the same
    rules as the CLI: `https` URLs, and no loopback or private webhook address unless the
    deployment allows them. Absent fields stay as they are; a refusal changes nothing. A new
    `webhook_url` re-enables an endpoint disabled after it answered 410 Gone.

    Args:
        body (TenantChanges): The settings a `PATCH` may change (documentation; absent fields stay
            as they are). Example: {'activity_url_template': None, 'redirect_urls':
            ['https://partner.example/connected', 'https://staging.partner.example/connected'],
            'webhook_events': ['connection.*', 'activity.*'], 'webhook_url':
            'https://partner.example/hooks/intervals'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | TenantView]
     """


    kwargs = _get_kwargs(
        body=body,

    )

    response = await client.get_async_httpx_client().request(
        **kwargs
    )

    return _build_response(client=client, response=response)

async def asyncio(
    *,
    client: AuthenticatedClient,
    body: TenantChanges,

) -> Problem | TenantView | None:
    """ Change this tenant's settings

     Changes any of `name`, `webhook_url`, `webhook_events` (the event filter: known types and
    `prefix.*` patterns; `[]` or `null` for every type), `redirect_urls` (the list is replaced; at
    most 20) and `activity_url_template` (`null` removes a URL or the template) under the same
    rules as the CLI: `https` URLs, and no loopback or private webhook address unless the
    deployment allows them. Absent fields stay as they are; a refusal changes nothing. A new
    `webhook_url` re-enables an endpoint disabled after it answered 410 Gone.

    Args:
        body (TenantChanges): The settings a `PATCH` may change (documentation; absent fields stay
            as they are). Example: {'activity_url_template': None, 'redirect_urls':
            ['https://partner.example/connected', 'https://staging.partner.example/connected'],
            'webhook_events': ['connection.*', 'activity.*'], 'webhook_url':
            'https://partner.example/hooks/intervals'}.

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | TenantView
     """


    return (await asyncio_detailed(
        client=client,
body=body,

    )).parsed
