"""Many Hub IDs at once: a bounded thread pool, results yielded as they complete (issue #5).

`fetch_models` and `fetch_cards` yield `(index, result)` pairs in completion order; `index` is
the position in `ids`, so a consumer that needs input order (json, text) can restore it, and
one that streams (jsonl) writes each model as it arrives. At most `4 × workers` IDs are in
flight, so memory does not grow with the length of the list. A bad ID, a gated repo or a dead
server fails that one model; the run goes on.
"""

from __future__ import annotations

import dataclasses
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from dataclasses import dataclass, field
from typing import TypeVar

from lmdef.classify.snapshot import ModelSnapshot
from lmdef.hub.client import HubReader, NotCachedError
from lmdef.hub.errors import describe
from lmdef.hub.ids import hub_id_problem
from lmdef.hub.lineage import classifier_hooks
from lmdef.hub.progress import progress_bar
from lmdef.hub.settings import HubSettings, RetryPolicy
from lmdef.hub.transport import RequestPolicy, active_policy, install

WINDOW_PER_WORKER = 4


@dataclass(frozen=True)
class HubModel:
    snapshot: ModelSnapshot
    bases: dict[str, ModelSnapshot] = field(default_factory=dict)  # every ancestor fetched


@dataclass(frozen=True)
class HubCard:
    id: str
    path: str  # "<id>/README.md", where lint findings point
    text: str


@dataclass(frozen=True)
class HubFailure:
    id: str
    error: str  # one line, starts with the ID


R = TypeVar("R")


def fetch_models(
    ids: Sequence[str],
    *,
    revision: str | None,
    workers: int,
    timeout: float,
    progress: bool,
    follow_bases: bool = True,
    max_depth: int = 5,
    retry: RetryPolicy | None = None,
    settings: HubSettings | None = None,
    base_ids: Callable[[ModelSnapshot], list[str]] | None = None,
    needs_config: Callable[[ModelSnapshot], bool] | None = None,
) -> Iterator[tuple[int, HubModel | HubFailure]]:
    """Snapshots (and their base chains) for Hub IDs; see the module docstring.

    `base_ids` / `needs_config` default to lmdef.classify's functions (the classifier decides
    what lineage a card names and whether config.json matters); tests may pass their own.
    """
    settings = settings or HubSettings.from_env()
    default_base_ids, default_needs_config = classifier_hooks()
    base_ids = base_ids or default_base_ids
    needs_config = needs_config or default_needs_config
    run = _ModelRun(
        HubReader(settings, timeout=timeout, needs_config=needs_config),
        revision=revision,
        base_ids=base_ids,
        follow_bases=follow_bases,
        max_depth=max_depth,
    )
    policy = RequestPolicy(timeout=timeout, retry=retry or RetryPolicy(), offline=settings.offline)
    yield from _run(ids, run.fetch, policy, workers=workers, progress=progress)


def fetch_cards(
    ids: Sequence[str],
    *,
    revision: str | None,
    workers: int,
    timeout: float,
    progress: bool,
    retry: RetryPolicy | None = None,
    settings: HubSettings | None = None,
) -> Iterator[tuple[int, HubCard | HubFailure]]:
    """README.md of each Hub ID, for `lmdef lint ORG/NAME` (HEAD + GET cold, HEAD warm)."""
    settings = settings or HubSettings.from_env()
    reader = HubReader(settings, timeout=timeout, needs_config=lambda s: False)

    def fetch(raw: str) -> HubCard | HubFailure:
        hub_id = raw.strip()
        problem = hub_id_problem(hub_id)
        if problem is not None:
            return HubFailure(raw, f"invalid Hub model ID {raw!r}: {problem}")
        try:
            text = reader.read_card(hub_id, revision=revision)
        except NotCachedError:
            return HubFailure(
                raw, f"{hub_id}: model card not in the local cache (HF_HUB_OFFLINE is set)"
            )
        except Exception as exc:  # every failure is per model (issue #5, item 4)
            return HubFailure(raw, describe(exc, hub_id, revision))
        if text is None:
            return HubFailure(raw, f"{hub_id}: the repository has no README.md (model card)")
        return HubCard(id=hub_id, path=f"{hub_id}/README.md", text=text)

    policy = RequestPolicy(timeout=timeout, retry=retry or RetryPolicy(), offline=settings.offline)
    yield from _run(ids, fetch, policy, workers=workers, progress=progress)


def _run(
    ids: Sequence[str],
    fetch: Callable[[str], R],
    policy: RequestPolicy,
    *,
    workers: int,
    progress: bool,
) -> Iterator[tuple[int, R]]:
    install()

    def task(raw: str) -> R:
        with active_policy(policy):  # ContextVars do not cross into pool threads by themselves
            return fetch(raw)

    workers = max(1, workers)
    window = WINDOW_PER_WORKER * workers
    pending: dict[Future[R], int] = {}
    source: Iterator[tuple[int, str]] = iter(enumerate(ids))
    with (
        progress_bar(len(ids), enabled=progress) as bar,
        ThreadPoolExecutor(max_workers=workers, thread_name_prefix="lmdef-hub") as pool,
    ):

        def refill() -> None:
            for index, raw in source:
                pending[pool.submit(task, raw)] = index
                if len(pending) >= window:
                    return

        try:
            refill()
            while pending:
                done, _ = wait(pending, return_when=FIRST_COMPLETED)
                for future in done:
                    index = pending.pop(future)
                    yield index, future.result()
                    bar.update(1)
                refill()
        finally:
            # A consumer that stops early must not leave thousands of IDs queued.
            for future in pending:
                future.cancel()


class _Once:
    """One fetch of one base model, shared by every thread that asks for it."""

    def __init__(self) -> None:
        self.done = threading.Event()
        self.value: ModelSnapshot | HubFailure | None = None


class _ModelRun:
    def __init__(
        self,
        reader: HubReader,
        *,
        revision: str | None,
        base_ids: Callable[[ModelSnapshot], list[str]],
        follow_bases: bool,
        max_depth: int,
    ) -> None:
        self.reader = reader
        self.revision = revision
        self.base_ids = base_ids
        self.follow_bases = follow_bases
        self.max_depth = max_depth
        self._lock = threading.Lock()
        self._bases: dict[str, _Once] = {}

    def fetch(self, raw: str) -> HubModel | HubFailure:
        hub_id = raw.strip()
        problem = hub_id_problem(hub_id)
        if problem is not None:
            return HubFailure(raw, f"invalid Hub model ID {raw!r}: {problem}")
        result = self._cached_base(hub_id) if self.revision is None else None
        if result is None:
            result = self._read(hub_id, revision=self.revision, input=raw)
        if isinstance(result, HubFailure):
            return HubFailure(raw, result.error)
        snapshot = dataclasses.replace(result, input=raw)
        if not self.follow_bases:
            return HubModel(snapshot)
        bases, warnings = self._lineage(snapshot)
        if warnings:
            snapshot = dataclasses.replace(snapshot, warnings=(*snapshot.warnings, *warnings))
        return HubModel(snapshot, bases)

    def _read(self, hub_id: str, *, revision: str | None, input: str) -> ModelSnapshot | HubFailure:
        try:
            return self.reader.read(hub_id, revision=revision, input=input)
        except NotCachedError as exc:
            return HubFailure(
                input, f"{hub_id}: {exc} (HF_HUB_OFFLINE is set; run once online to cache it)"
            )
        except Exception as exc:  # every failure is per model (issue #5, item 4)
            return HubFailure(input, describe(exc, hub_id, revision))

    # -- lineage -----------------------------------------------------------------------------
    def _lineage(self, snapshot: ModelSnapshot) -> tuple[dict[str, ModelSnapshot], list[str]]:
        """Every ancestor within max_depth, each fetched once per run; problems as warnings.

        The walk never holds a base's fetch while waiting for another one (each `_Once` covers
        a single model_info + README), so threads sharing bases cannot deadlock on a cycle.
        """
        bases: dict[str, ModelSnapshot] = {}
        warnings: list[str] = []

        def walk(node: ModelSnapshot, path: list[str]) -> None:
            for base_id in self._safe_base_ids(node, warnings):
                if base_id in path:
                    warnings.append(f"base_model cycle: {' -> '.join([*path, base_id])}")
                    continue
                if base_id in bases:
                    continue
                if len(path) > self.max_depth:
                    warnings.append(
                        f"base_model chain deeper than {self.max_depth}; not followed past {node.model_id}"
                    )
                    continue
                problem = hub_id_problem(base_id)
                if problem is not None:
                    warnings.append(
                        f"base model {base_id!r} not fetched: invalid Hub model ID ({problem})"
                    )
                    continue
                result = self._base(base_id)
                if isinstance(result, HubFailure):
                    warnings.append(f"base model not fetched: {result.error}")
                    continue
                bases[base_id] = result
                walk(result, [*path, base_id])

        walk(snapshot, [snapshot.model_id])
        return bases, list(dict.fromkeys(warnings))

    def _safe_base_ids(self, node: ModelSnapshot, warnings: list[str]) -> list[str]:
        try:
            return [b for b in self.base_ids(node) if b != node.model_id]
        except Exception as exc:  # a classifier bug must not sink the Hub fetch
            warnings.append(f"base models of {node.model_id} not read: {type(exc).__name__}")
            return []

    def _cached_base(self, hub_id: str) -> ModelSnapshot | HubFailure | None:
        with self._lock:
            once = self._bases.get(hub_id)
        if once is None or not once.done.is_set():
            return None
        return once.value

    def _base(self, hub_id: str) -> ModelSnapshot | HubFailure:
        with self._lock:
            once = self._bases.get(hub_id)
            owner = once is None
            if once is None:
                once = self._bases[hub_id] = _Once()
        if owner:
            try:
                once.value = self._read(hub_id, revision=None, input=hub_id)
            finally:
                once.done.set()
        else:
            once.done.wait()
        assert once.value is not None
        return once.value
