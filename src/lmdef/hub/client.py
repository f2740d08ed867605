"""Read one model from the Hub into a ModelSnapshot with the real huggingface_hub client.

Requests per model (issue #5, "Done when"): one `model_info` (with `expand`, so card data, tags,
pipeline tag, library, sha and file list come in one answer), then README.md through
`hf_hub_download` at the commit `sha` — HEAD + GET on a cold cache, nothing on a warm one,
because a file asked for by commit hash is served from the cache without a request.
config.json is fetched only when the classifier says it needs it (`needs_config`).

The distilled `model_info` answer is kept beside the hub cache ($HF_HOME/lmdef/model_info) so
that HF_HUB_OFFLINE=1 can answer with zero requests.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import tempfile
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from huggingface_hub import HfApi, hf_hub_download
from huggingface_hub.errors import LocalEntryNotFoundError, RemoteEntryNotFoundError
from huggingface_hub.utils import silent_tqdm

from lmdef import __version__
from lmdef.classify.snapshot import ModelSnapshot
from lmdef.hub.settings import CONFIG_MAX_BYTES, README_MAX_BYTES, HubSettings
from lmdef.hub.transport import HubRequestError

# Only what classification reads; `expand` makes the Hub leave out everything else.
EXPAND = ["cardData", "pipeline_tag", "tags", "library_name", "sha", "siblings"]
README = "README.md"
CONFIG = "config.json"


class NotCachedError(Exception):
    """Offline, and the cache holds nothing for this model."""


class HubReader:
    """Turns a Hub ID into a ModelSnapshot. Thread-safe: holds no per-model state."""

    def __init__(
        self,
        settings: HubSettings,
        *,
        timeout: float,
        needs_config: Callable[[ModelSnapshot], bool],
    ) -> None:
        self.settings = settings
        self.timeout = timeout
        self.needs_config = needs_config
        self.api = HfApi(
            endpoint=settings.endpoint,
            token=settings.token,
            library_name="lmdef",
            library_version=__version__,
        )
        self.meta_dir = settings.hf_home / "lmdef" / "model_info"

    # -- one model -------------------------------------------------------------------------
    def read(self, hub_id: str, *, revision: str | None, input: str) -> ModelSnapshot:
        if self.settings.offline:
            return self._read_offline(hub_id, revision=revision, input=input)
        try:
            info = self.api.model_info(
                hub_id,
                revision=revision,
                expand=EXPAND,
                timeout=self.timeout,  # type: ignore[arg-type]
            )
            meta = _distil(info, hub_id)
        except (KeyError, TypeError, AttributeError) as exc:  # valid JSON, wrong shape
            raise HubRequestError(f"unexpected model_info response ({type(exc).__name__})") from exc
        self._save_meta(hub_id, revision, meta)
        return self._build(hub_id, meta, input=input, offline=False)

    def _read_offline(self, hub_id: str, *, revision: str | None, input: str) -> ModelSnapshot:
        meta = self._load_meta(hub_id, revision)
        if meta is not None:
            return self._build(hub_id, meta, input=input, offline=True)
        # No metadata cached (e.g. the card came from another tool): the card alone will do.
        try:
            path = self._download(hub_id, README, revision or "main", offline=True)
        except (LocalEntryNotFoundError, RemoteEntryNotFoundError) as exc:
            raise NotCachedError("not cached") from exc
        return ModelSnapshot(
            input=input,
            model_id=hub_id,
            card_text=_read_text(path, README_MAX_BYTES, README),
            card_path=f"{hub_id}/{README}",
            warnings=("offline: Hub metadata (tags, pipeline tag, files) not cached",),
        )

    def _build(
        self, hub_id: str, meta: Mapping[str, Any], *, input: str, offline: bool
    ) -> ModelSnapshot:
        sha = meta.get("sha")
        siblings: tuple[str, ...] = tuple(meta.get("siblings") or ())
        warnings: list[str] = []
        card_text: str | None = None
        # siblings None means the Hub did not list files: try the README anyway.
        if README in siblings or meta.get("siblings") is None:
            try:
                path = self._download(hub_id, README, sha or "main", offline=offline)
                card_text = _read_text(path, README_MAX_BYTES, README)
            except RemoteEntryNotFoundError:
                card_text = None
            except LocalEntryNotFoundError as exc:
                raise NotCachedError(f"{README} not cached") from exc
        snapshot = ModelSnapshot(
            input=input,
            model_id=meta.get("id") or hub_id,
            card_text=card_text,
            card_path=f"{hub_id}/{README}",
            filenames=siblings,
            hub_pipeline_tag=meta.get("pipeline_tag"),
            hub_tags=tuple(meta.get("tags") or ()),
            hub_library_name=meta.get("library_name"),
            hub_card_data=meta.get("card_data"),
            sha=sha,
        )
        if CONFIG in siblings and self._needs_config(snapshot, warnings):
            config, problem = self._config(hub_id, sha or "main", offline=offline)
            if problem:
                warnings.append(problem)
            snapshot = dataclasses.replace(snapshot, config=config)
        if warnings:
            snapshot = dataclasses.replace(snapshot, warnings=(*snapshot.warnings, *warnings))
        return snapshot

    def _needs_config(self, snapshot: ModelSnapshot, warnings: list[str]) -> bool:
        try:
            return self.needs_config(snapshot)
        except Exception as exc:  # a classifier bug must not sink the Hub fetch
            warnings.append(f"{CONFIG}: not fetched, needs_config failed ({type(exc).__name__})")
            return False

    def _config(
        self, hub_id: str, sha: str, *, offline: bool
    ) -> tuple[Mapping[str, Any] | None, str | None]:
        """config.json as a mapping, or a warning: a bad config must not sink the model."""
        try:
            path = self._download(hub_id, CONFIG, sha, offline=offline)
            data = json.loads(_read_text(path, CONFIG_MAX_BYTES, CONFIG))
        except LocalEntryNotFoundError:
            return None, f"{CONFIG}: not cached (offline)"
        except (HubRequestError, ValueError, OSError) as exc:
            return None, f"{CONFIG}: {str(exc).splitlines()[0] if str(exc) else type(exc).__name__}"
        if not isinstance(data, dict):
            return None, f"{CONFIG}: not a JSON object"
        return data, None

    def _download(self, hub_id: str, filename: str, revision: str, *, offline: bool) -> str:
        return hf_hub_download(
            hub_id,
            filename,
            revision=revision,
            cache_dir=self.settings.cache_dir,
            endpoint=self.settings.endpoint,
            token=self.settings.token,
            library_name="lmdef",
            library_version=__version__,
            etag_timeout=self.timeout,
            local_files_only=offline,
            tqdm_class=silent_tqdm,  # type: ignore[arg-type]  # lmdef draws its own bar
        )

    # -- the model_info cache (for offline runs) -------------------------------------------
    def _meta_path(self, hub_id: str, revision: str | None) -> Path:
        key = f"{hub_id}@{revision or 'main'}"
        digest = hashlib.sha256(key.encode()).hexdigest()[:32]
        return self.meta_dir / f"{hub_id.replace('/', '--')}-{digest}.json"

    def _save_meta(self, hub_id: str, revision: str | None, meta: Mapping[str, Any]) -> None:
        path = self._meta_path(hub_id, revision)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
            with os.fdopen(fd, "w", encoding="utf-8") as fh:
                json.dump(meta, fh)
            os.replace(tmp, path)
        except (OSError, TypeError, ValueError):
            pass  # a read-only cache costs offline answers, never the online one

    def _load_meta(self, hub_id: str, revision: str | None) -> Mapping[str, Any] | None:
        try:
            data = json.loads(self._meta_path(hub_id, revision).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        return data if isinstance(data, dict) else None

    # -- cards only (lmdef lint ORG/NAME) ----------------------------------------------------
    def read_card(self, hub_id: str, *, revision: str | None) -> str | None:
        """README.md text at `revision` (None when the repo has no card)."""
        try:
            path = self._download(hub_id, README, revision or "main", offline=self.settings.offline)
        except RemoteEntryNotFoundError:
            return None
        except LocalEntryNotFoundError as exc:
            raise NotCachedError("not cached") from exc
        return _read_text(path, README_MAX_BYTES, README)


def _distil(info: Any, hub_id: str) -> dict[str, Any]:
    """The part of a ModelInfo that classification reads, as plain JSON."""
    card = info.card_data
    card_data = card.to_dict() if hasattr(card, "to_dict") else card
    siblings = info.siblings
    return {
        "id": info.id if isinstance(info.id, str) else hub_id,
        "sha": info.sha if isinstance(info.sha, str) else None,
        "pipeline_tag": info.pipeline_tag if isinstance(info.pipeline_tag, str) else None,
        "tags": [t for t in info.tags or () if isinstance(t, str)],
        "library_name": info.library_name if isinstance(info.library_name, str) else None,
        "card_data": card_data if isinstance(card_data, dict) else None,
        "siblings": None if siblings is None else [s.rfilename for s in siblings],
    }


def _read_text(path: str, limit: int, name: str) -> str:
    with open(path, "rb") as fh:
        data = fh.read(limit + 1)
    if len(data) > limit:
        raise HubRequestError(f"{name} is over the {limit:,}-byte limit")
    return data.decode("utf-8-sig", errors="replace")
