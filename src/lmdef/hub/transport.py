"""Timeouts, bounded retries and size limits for every request lmdef makes through huggingface_hub.

huggingface_hub sends all requests through one shared httpx2 client. `model_info` does not retry
at all, and `hf_hub_download` retries a failed HEAD with fixed waits (1 s doubling to 8 s, five
times, with a 60 s timeout) that a run over hundreds of IDs cannot afford. lmdef therefore wraps
that client's transport once per process (`install`) and, only while a lmdef fetch is running in
the current context (`active_policy`), applies its own policy to each request:

- the timeout of `--timeout` on connect, read, write and pool;
- retries of 429, 408, 5xx and transport errors, bounded in count, with exponential backoff,
  honouring Retry-After and the RateLimit header's reset (capped) — issue #5, item 4;
- a size limit per response, and a refusal of any file other than README.md and config.json,
  so no code path can download weights.

When retries run out, `HubRequestError` (not an httpx2 error) is raised: huggingface_hub does not
catch it, so its own second round of retries never starts and the model fails with one line.
Outside a lmdef fetch the wrapper passes requests through untouched.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from urllib.parse import unquote

import httpx2
from huggingface_hub.utils import get_session, parse_ratelimit_headers, set_client_factory
from huggingface_hub.utils._http import default_client_factory

from lmdef.hub.settings import ALLOWED_FILES, API_MAX_BYTES, README_MAX_BYTES, RetryPolicy

RETRY_STATUSES = frozenset({408, 429, 500, 502, 503, 504})


class HubRequestError(Exception):
    """A request that failed for good (retries exhausted, too large, refused); one-line message."""


@dataclass(frozen=True)
class RequestPolicy:
    timeout: float
    retry: RetryPolicy
    offline: bool = False  # HF_HUB_OFFLINE: refuse every request, whoever makes it


_ACTIVE: ContextVar[RequestPolicy | None] = ContextVar("lmdef_hub_policy", default=None)
_INSTALL_LOCK = threading.Lock()


@contextmanager
def active_policy(policy: RequestPolicy) -> Iterator[None]:
    """Apply `policy` to the requests made by the current thread inside the block."""
    token = _ACTIVE.set(policy)
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def install() -> None:
    """Make huggingface_hub's shared client use the lmdef transport (idempotent)."""
    with _INSTALL_LOCK:
        if not getattr(get_session(), "_lmdef_wrapped", False):
            # set_client_factory (public API) also covers clients huggingface_hub re-creates
            # after close_session(), e.g. following a connection error.
            set_client_factory(_client_factory)


def _client_factory() -> httpx2.Client:
    # Start from huggingface_hub's own client (its request hook, redirects, env proxies) and
    # wrap each transport; httpx2 offers no public way to wrap the transports it builds from
    # the proxy environment, hence the private attributes.
    client = default_client_factory()
    client._transport = _PolicyTransport(client._transport)
    client._mounts = {
        pattern: None if transport is None else _PolicyTransport(transport)
        for pattern, transport in client._mounts.items()
    }
    client._lmdef_wrapped = True  # type: ignore[attr-defined]
    return client


class _PolicyTransport(httpx2.BaseTransport):
    def __init__(self, inner: httpx2.BaseTransport) -> None:
        self._inner = inner

    def handle_request(self, request: httpx2.Request) -> httpx2.Response:
        policy = _ACTIVE.get()
        if policy is None:
            return self._inner.handle_request(request)
        return _send(self._inner, request, policy)

    def close(self) -> None:
        self._inner.close()

    def __enter__(self) -> _PolicyTransport:
        self._inner.__enter__()
        return self

    def __exit__(self, *exc_info: object) -> None:
        self._inner.__exit__(*exc_info)  # type: ignore[arg-type]


def _limit_for(path: str) -> tuple[str, int]:
    """(what, byte limit) for a request path; refuses files lmdef never needs."""
    if "/resolve/" in path:
        filename = unquote(path.split("/resolve/", 1)[1].split("/", 1)[-1])
        if filename not in ALLOWED_FILES:
            raise HubRequestError(
                f"refusing to download {filename!r}: lmdef reads only {', '.join(ALLOWED_FILES)}"
            )
        return filename, ALLOWED_FILES[filename]
    if path.startswith("/api/") or "/api/" in path:
        return "model_info response", API_MAX_BYTES
    return "file", README_MAX_BYTES


def _server_wait(response: httpx2.Response) -> float | None:
    """Seconds the server asked us to wait (RateLimit reset on a 429, else Retry-After)."""
    if response.status_code == 429:
        info = parse_ratelimit_headers(response.headers)
        if info is not None and info.remaining == 0:
            return float(info.reset_in_seconds)
    value = response.headers.get("Retry-After", "").strip()
    return float(value) if value.isdigit() else None


def _declared_size(response: httpx2.Response) -> int | None:
    for header in ("X-Linked-Size", "Content-Length"):
        value = response.headers.get(header, "")
        if value.isdigit():
            return int(value)
    return None


def _send(
    inner: httpx2.BaseTransport, request: httpx2.Request, policy: RequestPolicy
) -> httpx2.Response:
    if policy.offline:
        raise HubRequestError("HF_HUB_OFFLINE is set: no request is made")
    what, limit = _limit_for(request.url.path)
    t = policy.timeout
    request.extensions["timeout"] = {"connect": t, "read": t, "write": t, "pool": t}
    attempt = 0
    while True:
        attempt += 1
        wait: float | None = None
        try:
            response = inner.handle_request(request)
        except httpx2.TimeoutException:
            failure = f"timed out (no answer within {t:g}s)"
        except (httpx2.NetworkError, httpx2.RemoteProtocolError) as exc:
            failure = f"connection failed ({type(exc).__name__})"
        else:
            if response.status_code not in RETRY_STATUSES:
                return _limited(response, what, limit, request.method)
            code = response.status_code
            failure = "rate-limited (HTTP 429)" if code == 429 else f"HTTP {code} from the Hub"
            wait = _server_wait(response)
            response.close()
        if attempt > policy.retry.max_retries:
            tries = "attempt" if attempt == 1 else "attempts"
            raise HubRequestError(f"{failure} after {attempt} {tries}")
        delay = policy.retry.backoff(attempt) if wait is None else wait
        policy.retry.sleep(min(policy.retry.max_wait, max(0.0, delay)))


def _limited(response: httpx2.Response, what: str, limit: int, method: str) -> httpx2.Response:
    if response.status_code >= 300:
        return response  # errors and redirects carry no file
    size = _declared_size(response)
    if size is not None and size > limit:
        response.close()
        raise HubRequestError(f"{what} is {size:,} bytes, over the {limit:,}-byte limit")
    if method == "HEAD":
        return response
    return httpx2.Response(
        status_code=response.status_code,
        headers=response.headers,
        stream=_LimitedStream(response.stream, what, limit),  # type: ignore[arg-type]
        extensions=response.extensions,
    )


class _LimitedStream(httpx2.SyncByteStream):
    """Counts bytes as they arrive; a body without Content-Length cannot exceed the limit either."""

    def __init__(self, inner: httpx2.SyncByteStream, what: str, limit: int) -> None:
        self._inner, self._what, self._limit = inner, what, limit

    def __iter__(self) -> Iterator[bytes]:
        seen = 0
        for chunk in self._inner:
            seen += len(chunk)
            if seen > self._limit:
                raise HubRequestError(f"{self._what} is over the {self._limit:,}-byte limit")
            yield chunk

    def close(self) -> None:
        self._inner.close()
