from http import HTTPStatus
from typing import Any, cast
from urllib.parse import quote

import httpx

from ...client import AuthenticatedClient, Client
from ...types import Response, UNSET
from ... import errors

from ...models.problem import Problem
from ...models.upload_form import UploadForm
from ...models.upload_response import UploadResponse
from typing import cast



def _get_kwargs(
    user_id: str,
    *,
    body: UploadForm,

) -> dict[str, Any]:
    headers: dict[str, Any] = {}


    

    

    _kwargs: dict[str, Any] = {
        "method": "post",
        "url": "/v1/users/{user_id}/activities".format(user_id=quote(str(user_id), safe=""),),
    }

    _kwargs["files"] = body.to_multipart()

    headers["Content-Type"] = "multipart/form-data; boundary=+++"

    _kwargs["headers"] = headers
    return _kwargs



def _parse_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Problem | UploadResponse | None:
    if response.status_code == 200:
        response_200 = UploadResponse.from_dict(response.json())



        return response_200

    if response.status_code == 201:
        response_201 = UploadResponse.from_dict(response.json())



        return response_201

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


def _build_response(*, client: AuthenticatedClient | Client, response: httpx.Response) -> Response[Problem | UploadResponse]:
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
    body: UploadForm,

) -> Response[Problem | UploadResponse]:
    """ Upload a completed activity

     Sends a FIT, TCX or GPX file (or a .gz or .zip of one) to the user's Intervals.icu account as
    `multipart/form-data`, streamed through the bridge (at most `BRIDGE_MAX_UPLOAD_MB`). Intervals.icu
    dedupes by file content: a file it already has answers 200 with `duplicate: true` and the
    existing id. With an `external_id` (the partner's own id for the activity) the same
    `external_id` never uploads twice to one athlete: a repeat, from this user or another of the
    tenant's users connected to the same athlete, answers the first answer's status (201, or 200
    for a duplicate) with the stored result and `replayed: true` (whatever the file), and one sent
    while the first is in flight is a 409 `conflict`.
    Needs `ACTIVITY:WRITE`. The tenant later gets `activity.uploaded` and `activity.analyzed`.

    Each text field may come once and no other field is read; a form with an unknown or repeated
    field is refused as soon as that part arrives.

    Args:
        user_id (str):
        body (UploadForm): Multipart form for uploads (documentation only; the handler streams the
            parts).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UploadResponse]
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
    body: UploadForm,

) -> Problem | UploadResponse | None:
    """ Upload a completed activity

     Sends a FIT, TCX or GPX file (or a .gz or .zip of one) to the user's Intervals.icu account as
    `multipart/form-data`, streamed through the bridge (at most `BRIDGE_MAX_UPLOAD_MB`). Intervals.icu
    dedupes by file content: a file it already has answers 200 with `duplicate: true` and the
    existing id. With an `external_id` (the partner's own id for the activity) the same
    `external_id` never uploads twice to one athlete: a repeat, from this user or another of the
    tenant's users connected to the same athlete, answers the first answer's status (201, or 200
    for a duplicate) with the stored result and `replayed: true` (whatever the file), and one sent
    while the first is in flight is a 409 `conflict`.
    Needs `ACTIVITY:WRITE`. The tenant later gets `activity.uploaded` and `activity.analyzed`.

    Each text field may come once and no other field is read; a form with an unknown or repeated
    field is refused as soon as that part arrives.

    Args:
        user_id (str):
        body (UploadForm): Multipart form for uploads (documentation only; the handler streams the
            parts).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UploadResponse
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
    body: UploadForm,

) -> Response[Problem | UploadResponse]:
    """ Upload a completed activity

     Sends a FIT, TCX or GPX file (or a .gz or .zip of one) to the user's Intervals.icu account as
    `multipart/form-data`, streamed through the bridge (at most `BRIDGE_MAX_UPLOAD_MB`). Intervals.icu
    dedupes by file content: a file it already has answers 200 with `duplicate: true` and the
    existing id. With an `external_id` (the partner's own id for the activity) the same
    `external_id` never uploads twice to one athlete: a repeat, from this user or another of the
    tenant's users connected to the same athlete, answers the first answer's status (201, or 200
    for a duplicate) with the stored result and `replayed: true` (whatever the file), and one sent
    while the first is in flight is a 409 `conflict`.
    Needs `ACTIVITY:WRITE`. The tenant later gets `activity.uploaded` and `activity.analyzed`.

    Each text field may come once and no other field is read; a form with an unknown or repeated
    field is refused as soon as that part arrives.

    Args:
        user_id (str):
        body (UploadForm): Multipart form for uploads (documentation only; the handler streams the
            parts).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Response[Problem | UploadResponse]
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
    body: UploadForm,

) -> Problem | UploadResponse | None:
    """ Upload a completed activity

     Sends a FIT, TCX or GPX file (or a .gz or .zip of one) to the user's Intervals.icu account as
    `multipart/form-data`, streamed through the bridge (at most `BRIDGE_MAX_UPLOAD_MB`). Intervals.icu
    dedupes by file content: a file it already has answers 200 with `duplicate: true` and the
    existing id. With an `external_id` (the partner's own id for the activity) the same
    `external_id` never uploads twice to one athlete: a repeat, from this user or another of the
    tenant's users connected to the same athlete, answers the first answer's status (201, or 200
    for a duplicate) with the stored result and `replayed: true` (whatever the file), and one sent
    while the first is in flight is a 409 `conflict`.
    Needs `ACTIVITY:WRITE`. The tenant later gets `activity.uploaded` and `activity.analyzed`.

    Each text field may come once and no other field is read; a form with an unknown or repeated
    field is refused as soon as that part arrives.

    Args:
        user_id (str):
        body (UploadForm): Multipart form for uploads (documentation only; the handler streams the
            parts).

    Raises:
        errors.UnexpectedStatus: If the server returns an undocumented status code and Client.raise_on_unexpected_status is True.
        httpx.TimeoutException: If the request takes longer than Client.timeout.

    Returns:
        Problem | UploadResponse
     """


    return (await asyncio_detailed(
        user_id=user_id,
client=client,
body=body,

    )).parsed
