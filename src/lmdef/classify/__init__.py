"""Classify a model by Rogers & Luccioni's three criteria (ICML 2024, arXiv 2308.07120; issue #3).

Public API (used by commands/classify.py and lmdef.hub):
- `classify_model(snapshot, bases=..., min_tokens=..., registry=...) -> ModelResult`
- `base_model_ids(snapshot) -> list[str]`: the hub ids a card names as its base(s)
- `needs_config(snapshot) -> bool`: whether criterion 1/2 needs config.json to be decided

The core does no I/O: everything it reads is in the `ModelSnapshot` and the packaged data.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING

from lmdef.classify.snapshot import ModelSnapshot
from lmdef.report import Criterion, ModelResult

if TYPE_CHECKING:
    from lmdef.classify.registry import Registry

__all__ = ["ModelSnapshot", "base_model_ids", "classify_model", "needs_config"]


def classify_model(
    snapshot: ModelSnapshot,
    *,
    bases: Mapping[str, ModelSnapshot] | None = None,
    min_tokens: float = 1e9,
    registry: Registry | None = None,
) -> ModelResult:
    """Classify one model; `bases` are snapshots of its base models keyed by hub id."""
    return ModelResult(
        input=snapshot.input,
        model_id=snapshot.model_id,
        verdict="undetermined",
        criteria=[
            Criterion(id=cid, met="unknown", evidence=[], rationale="not implemented yet")
            for cid in ("text", "data", "transfer")
        ],
        pretraining_tokens=None,
        derived_from_llm=None,
        base_models=base_model_ids(snapshot),
        card_path=snapshot.card_path,
        findings=[],
        error=None,
    )


def base_model_ids(snapshot: ModelSnapshot) -> list[str]:
    """Hub ids the model names as its base (front matter, tags, adapter config, hub card data)."""
    return []


def needs_config(snapshot: ModelSnapshot) -> bool:
    """True only when criterion 1 or 2 cannot be decided without config.json."""
    return False
