"""One-line reasons for a Hub model that could not be read (issue #5, item 4).

Order matters: GatedRepoError subclasses RepositoryNotFoundError, and RevisionNotFoundError and
RemoteEntryNotFoundError are HfHubHTTPErrors too, so the specific cases are tested first. The
messages never include request headers, so a token cannot leak into a report.
"""

from __future__ import annotations

import json

import httpx2
from huggingface_hub.errors import (
    DisabledRepoError,
    GatedRepoError,
    HfHubHTTPError,
    LocalEntryNotFoundError,
    OfflineModeIsEnabled,
    RemoteEntryNotFoundError,
    RepositoryNotFoundError,
    RevisionNotFoundError,
)

from lmdef.hub.transport import HubRequestError


def describe(exc: BaseException, hub_id: str, revision: str | None) -> str:
    """`<hub id>: <reason>` on one line."""
    return f"{hub_id}: {_reason(exc, revision)}"


def _reason(exc: BaseException, revision: str | None) -> str:
    if isinstance(exc, HubRequestError):
        return str(exc)
    if isinstance(exc, GatedRepoError):
        return "gated repository: accept its conditions on the Hub and set HF_TOKEN"
    if isinstance(exc, RevisionNotFoundError):
        return f"revision {revision or 'main'!r} not found"
    if isinstance(exc, RepositoryNotFoundError):
        status = exc.response.status_code if exc.response is not None else None
        if status == 401:
            return "repository not found or private (HTTP 401): check the ID, or set HF_TOKEN"
        return "repository not found (or private: set HF_TOKEN)"
    if isinstance(exc, DisabledRepoError):
        return "repository disabled on the Hub"
    if isinstance(exc, RemoteEntryNotFoundError):
        return "file not found in the repository"
    if isinstance(exc, (LocalEntryNotFoundError, OfflineModeIsEnabled)):
        return "not in the local cache (HF_HUB_OFFLINE is set; run once online to cache it)"
    if isinstance(exc, HfHubHTTPError):
        status = exc.response.status_code if exc.response is not None else "?"
        server = (exc.server_message or "").strip().splitlines()
        return f"HTTP {status} from the Hub" + (f": {server[0][:200]}" if server else "")
    if isinstance(exc, json.JSONDecodeError):
        return "malformed JSON in the Hub's model_info response"
    if isinstance(exc, httpx2.TimeoutException):
        return "timed out"
    if isinstance(exc, httpx2.HTTPError):
        return f"connection failed ({type(exc).__name__})"
    first = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {first[0][:200]}" if first else type(exc).__name__
