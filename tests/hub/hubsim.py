"""A small imitation of the Hugging Face Hub, served on 127.0.0.1 inside the test run.

It answers the two kinds of request lmdef makes through huggingface_hub 2.x, with the headers
that client reads (see huggingface_hub/file_download.py `get_hf_file_metadata` and
utils/_http.py `hf_raise_for_status`):

- `GET /api/models/<id>[/revision/<rev>]?expand=...` -> model_info JSON
  (id, sha, pipeline_tag, tags, library_name, cardData, siblings[{rfilename}]);
- `HEAD|GET /<id>/resolve/<rev>/<file>` -> the file, with X-Repo-Commit, ETag, Content-Length;
- errors carry `X-Error-Code` (RepoNotFound, GatedRepo, RevisionNotFound, EntryNotFound),
  which is how the client chooses its exception class.

Every request is recorded (method, path) so tests assert counts per model. Scenario knobs are
per repo (`FakeRepo`) or server-wide (`latency`). Written for lmdef's tests; not a copy of
any Hub code.
"""

from __future__ import annotations

import hashlib
import json
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any
from urllib.parse import unquote, urlsplit


@dataclass
class FakeRepo:
    id: str
    files: dict[str, bytes] = field(default_factory=dict)
    pipeline_tag: str | None = None
    tags: list[str] = field(default_factory=list)
    library_name: str | None = None
    card_data: dict[str, Any] | None = None
    revisions: dict[str, str] = field(default_factory=dict)  # extra branch/tag -> sha
    # scenario knobs
    gated: bool = False  # model_info answers; files are 403 GatedRepo (like the Hub)
    private: bool = False  # 401 RepoNotFound everywhere
    fail_first: list[int] = field(default_factory=list)  # statuses for the first model_info calls
    retry_after: str | None = None  # Retry-After header on those failures
    ratelimit_reset: int | None = None  # RateLimit header "r=0;t=<reset>" on 429s
    always_status: int | None = None  # model_info always answers this status
    info_delay: float = 0.0  # seconds before answering model_info
    malformed_json: bool = False
    moved_to: str | None = None  # renamed repo: 307 to the new ID's URLs
    chunked_readme: bool = False  # serve README.md without Content-Length on GET
    info_override: dict[str, Any] | None = None  # fields replaced in the model_info JSON

    @property
    def sha(self) -> str:
        digest = hashlib.sha1(self.id.encode())
        for name in sorted(self.files):
            digest.update(name.encode() + hashlib.sha1(self.files[name]).digest())
        return digest.hexdigest()

    def info(self) -> dict[str, Any]:
        return {
            "_id": hashlib.md5(self.id.encode()).hexdigest()[:24],
            "id": self.id,
            "sha": self.sha,
            "pipeline_tag": self.pipeline_tag,
            "tags": self.tags,
            "library_name": self.library_name,
            "cardData": self.card_data,
            "siblings": [{"rfilename": name} for name in sorted(self.files)],
            "gated": "manual" if self.gated else False,
        }


def card(front_matter: str, body: str = "A model card written for lmdef's Hub tests.\n") -> bytes:
    return f"---\n{front_matter.strip()}\n---\n\n{body}".encode()


class HubSim:
    def __init__(self, repos: list[FakeRepo] | None = None, latency: float = 0.0) -> None:
        self.repos: dict[str, FakeRepo] = {}
        self.latency = latency
        self.requests: list[tuple[str, str]] = []
        self.headers: list[dict[str, str]] = []
        self._lock = threading.Lock()
        self._fail_counts: Counter[str] = Counter()
        for repo in repos or []:
            self.add(repo)
        self._server = _Server(("127.0.0.1", 0), self._handler())
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True
        )

    @property
    def endpoint(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def add(self, repo: FakeRepo) -> FakeRepo:
        self.repos[repo.id] = repo
        return repo

    def start(self) -> HubSim:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    # -- what tests assert -------------------------------------------------------------------
    def reset(self) -> None:
        with self._lock:
            self.requests.clear()
            self.headers.clear()

    def count(self, repo_id: str) -> int:
        """Requests that concerned `repo_id` (model_info and its files)."""
        return sum(1 for _, path in self.requests if _repo_of(path) == repo_id)

    def count_info(self, repo_id: str) -> int:
        return sum(
            1
            for m, p in self.requests
            if m == "GET" and p.startswith("/api/") and _repo_of(p) == repo_id
        )

    # -- serving -----------------------------------------------------------------------------
    def _handler(self) -> type[BaseHTTPRequestHandler]:
        sim = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"
            # Headers and body go out in separate writes; with Nagle's algorithm and the
            # client's delayed ACK every answer would wait ~40 ms that the real Hub does not.
            disable_nagle_algorithm = True

            def log_message(self, format: str, *args: Any) -> None:  # keep test output clean
                return None

            def do_GET(self) -> None:
                sim._serve(self, head=False)

            def do_HEAD(self) -> None:
                sim._serve(self, head=True)

        return Handler

    def _serve(self, h: BaseHTTPRequestHandler, *, head: bool) -> None:
        path = unquote(urlsplit(h.path).path)
        with self._lock:
            self.requests.append((h.command, path))
            self.headers.append(dict(h.headers.items()))
        if self.latency:
            time.sleep(self.latency)
        try:
            if path.startswith("/api/models/"):
                self._model_info(h, path[len("/api/models/") :])
            elif "/resolve/" in path:
                self._resolve(h, path, head=head)
            else:
                self._send(h, 404, b'{"error": "not found"}', head=head)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (timeout test)

    def _model_info(self, h: BaseHTTPRequestHandler, rest: str) -> None:
        repo_id, _, revision = rest.partition("/revision/")
        repo = self.repos.get(repo_id)
        if repo is None:
            return self._error(h, 404, "RepoNotFound", "Repository not found")
        if repo.moved_to:
            suffix = f"/revision/{revision}" if revision else ""
            return self._redirect(h, f"/api/models/{repo.moved_to}{suffix}", head=False)
        if repo.private:
            return self._error(h, 401, "RepoNotFound", "Invalid username or password.")
        with self._lock:
            self._fail_counts[repo_id] += 1
            attempt = self._fail_counts[repo_id]
        if repo.always_status is not None:
            return self._error(h, repo.always_status, None, "Internal Error")
        if attempt <= len(repo.fail_first):
            extra = {}
            if repo.retry_after is not None:
                extra["Retry-After"] = repo.retry_after
            if repo.ratelimit_reset is not None:
                extra["RateLimit"] = f'"api";r=0;t={repo.ratelimit_reset}'
                extra["RateLimit-Policy"] = '"fixed window";"api";q=500;w=300'
            return self._error(h, repo.fail_first[attempt - 1], None, "try again", extra=extra)
        if repo.info_delay:
            time.sleep(repo.info_delay)
        if revision and revision not in repo.revisions and revision not in ("main", repo.sha):
            return self._error(h, 404, "RevisionNotFound", f"Invalid rev id: {revision}")
        info = repo.info()
        if revision in repo.revisions:
            info["sha"] = repo.revisions[revision]
        info.update(repo.info_override or {})
        body = (
            b'{"id": "' + repo.id.encode() + b'", "sha": '
            if repo.malformed_json
            else json.dumps(info).encode()
        )
        self._send(h, 200, body, head=False, content_type="application/json")

    def _resolve(self, h: BaseHTTPRequestHandler, path: str, *, head: bool) -> None:
        repo_part, _, rest = path.lstrip("/").partition("/resolve/")
        revision, _, filename = rest.partition("/")
        repo = self.repos.get(repo_part)
        if repo is None:
            return self._error(h, 404, "RepoNotFound", "Repository not found", head=head)
        if repo.moved_to:
            return self._redirect(h, f"/{repo.moved_to}/resolve/{revision}/{filename}", head=head)
        if repo.private:
            return self._error(h, 401, "RepoNotFound", "Invalid username or password.", head=head)
        if repo.gated:
            return self._error(h, 403, "GatedRepo", "Access to model is restricted.", head=head)
        sha = repo.revisions.get(revision) or (repo.sha if revision in ("main", repo.sha) else None)
        if sha is None:
            return self._error(h, 404, "RevisionNotFound", "Invalid rev id", head=head)
        if filename not in repo.files:
            return self._error(h, 404, "EntryNotFound", "Entry not found", head=head, commit=sha)
        data = repo.files[filename]
        headers = {"X-Repo-Commit": sha, "ETag": f'"{hashlib.sha1(data).hexdigest()}"'}
        chunked = repo.chunked_readme and not head and filename == "README.md"
        self._send(h, 200, data, head=head, extra=headers, chunked=chunked)

    # -- low level ---------------------------------------------------------------------------
    def _redirect(self, h: BaseHTTPRequestHandler, location: str, *, head: bool) -> None:
        self._send(h, 307, b"", head=head, extra={"Location": location})

    def _error(
        self,
        h: BaseHTTPRequestHandler,
        status: int,
        code: str | None,
        message: str,
        *,
        head: bool = False,
        extra: dict[str, str] | None = None,
        commit: str | None = None,
    ) -> None:
        headers = dict(extra or {})
        if code:
            headers["X-Error-Code"] = code
            headers["X-Error-Message"] = message
        if commit:
            headers["X-Repo-Commit"] = commit
        body = json.dumps({"error": message}).encode()
        self._send(h, status, body, head=head, extra=headers, content_type="application/json")

    def _send(
        self,
        h: BaseHTTPRequestHandler,
        status: int,
        body: bytes,
        *,
        head: bool,
        extra: dict[str, str] | None = None,
        content_type: str = "text/plain; charset=utf-8",
        chunked: bool = False,
    ) -> None:
        h.send_response(status)
        h.send_header("Content-Type", content_type)
        for key, value in (extra or {}).items():
            h.send_header(key, value)
        if chunked:
            h.send_header("Transfer-Encoding", "chunked")
            h.end_headers()
            for i in range(0, len(body), 65536):
                piece = body[i : i + 65536]
                h.wfile.write(f"{len(piece):x}\r\n".encode() + piece + b"\r\n")
            h.wfile.write(b"0\r\n\r\n")
            return
        h.send_header("Content-Length", str(len(body)))
        h.end_headers()
        if not head:
            h.wfile.write(body)


class _Server(ThreadingHTTPServer):
    # The default backlog of 5 drops connections when 32 workers connect at once, and a dropped
    # SYN costs the client a 1 s retransmit: the benchmark would measure the imitation.
    request_queue_size = 256
    daemon_threads = True


def _repo_of(path: str) -> str | None:
    if path.startswith("/api/models/"):
        return path[len("/api/models/") :].partition("/revision/")[0]
    if "/resolve/" in path:
        return path.lstrip("/").partition("/resolve/")[0]
    return None
