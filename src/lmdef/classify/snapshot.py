"""What classification reads about one model, whatever it came from (local folder or Hub).

Sources (`lmdef.sources.local_model`, `lmdef.hub`) build a `ModelSnapshot`; the classifier
never does I/O. Hub metadata that a local repo lacks is simply absent (None / empty).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any


@dataclass(frozen=True, slots=True)
class ModelSnapshot:
    input: str  # the argument exactly as given
    model_id: str  # hub id, or the folder name for a local repo
    card_text: str | None  # README.md as decoded (None when the repo has none)
    card_path: str | None  # where findings point (local path, or "<hub id>/README.md")
    config: Mapping[str, Any] | None = None  # config.json
    adapter_config: Mapping[str, Any] | None = None  # adapter_config.json
    generation_config: Mapping[str, Any] | None = None
    filenames: tuple[str, ...] = ()  # repo file names (weights are listed, never read)
    # Hub metadata (model_info); None for local folders.
    hub_pipeline_tag: str | None = None
    hub_tags: tuple[str, ...] = ()
    hub_library_name: str | None = None
    hub_card_data: Mapping[str, Any] | None = None
    sha: str | None = None
    # Non-fatal problems met while reading (e.g. "config.json: not valid JSON"); shown as evidence.
    warnings: tuple[str, ...] = field(default=())
