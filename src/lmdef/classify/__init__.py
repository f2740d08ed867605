"""Classify a model by Rogers & Luccioni's three criteria (ICML 2024, arXiv 2308.07120; issue #3).

Public API (used by commands/classify.py and lmdef.hub):
- `classify_model(snapshot, bases=..., min_tokens=..., registry=...) -> ModelResult`
- `base_model_ids(snapshot) -> list[str]`: the hub ids a card names as its base(s)
- `needs_config(snapshot) -> bool`: whether criterion 1/2 needs config.json to be decided

The core does no I/O: everything it reads is in the `ModelSnapshot` and the packaged data.
Flow: snapshot -> `facts.gather` (evidence) -> `criteria` (three criteria) -> verdict.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Mapping
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from lmdef.classify import criteria, lineage, volume
from lmdef.classify.facts import EMPTY_CARD_WORDS, Facts, gather
from lmdef.classify.maps import load_maps
from lmdef.classify.snapshot import ModelSnapshot
from lmdef.documents.frontmatter import split_front_matter
from lmdef.report import Evidence, ModelResult

if TYPE_CHECKING:
    from lmdef.classify.registry import Registry

__all__ = ["ModelSnapshot", "base_model_ids", "classify_model", "default_registry", "needs_config"]

MAX_LINEAGE_DEPTH = 6
# Name parts that say the weights were derived from the family the name belongs to.
FINE_TUNE_NAME = re.compile(
    r"(?:^|[-_.])(?:fine-?tuned?|ft|sft|dpo|lora|qlora|peft|gguf|gptq|awq|exl\d|ggml|int[48]|"
    r"\d-?bit|merged?|distill\w*|adapter|finetune)(?:$|[-_.])",
    re.IGNORECASE,
)


@lru_cache(maxsize=1)
def default_registry() -> Any | None:
    """The bundled registry of corpora and base-model families (None if it cannot load)."""
    try:
        from lmdef.classify.registry import load_registry

        return load_registry()
    except (ImportError, ValueError):  # a broken install: classify from the card alone
        return None


def classify_model(
    snapshot: ModelSnapshot,
    *,
    bases: Mapping[str, ModelSnapshot] | None = None,
    min_tokens: float = 1e9,
    registry: Registry | None = None,
) -> ModelResult:
    """Classify one model; `bases` are snapshots of its base models keyed by hub id."""
    reg = registry if registry is not None else default_registry()
    facts, result = _assess(snapshot, dict(bases or {}), min_tokens, reg, frozenset(), 0)
    from lmdef.rules.unsupported_llm_claim import claim_findings

    findings = claim_findings(facts.text, facts.body_start, result.verdict, snapshot.model_id)
    error = None
    if facts.input_error:
        error = f"{snapshot.card_path or snapshot.input}: {facts.input_error}"
    return ModelResult(
        input=snapshot.input,
        model_id=snapshot.model_id,
        verdict=result.verdict,  # type: ignore[arg-type]
        criteria=result.criteria,
        pretraining_tokens=result.tokens,
        token_estimate=result.estimate,
        derived_from_llm=result.derived_from_llm,
        base_models=result.base_models,
        languages=result.languages,
        card_path=snapshot.card_path,
        notes=list(facts.status),
        findings=findings,
        error=error,
    )


def _assess(
    snapshot: ModelSnapshot,
    bases: dict[str, ModelSnapshot],
    min_tokens: float,
    registry: Any | None,
    seen: frozenset[str],
    depth: int,
) -> tuple[Facts, criteria.Assessment]:
    facts = _gather(snapshot, registry)
    seen = seen | {snapshot.model_id.lower()}
    infos: list[volume.BaseInfo] = []
    for ref in facts.bases:
        key = next((k for k in bases if k.lower() == ref.id.lower()), None)
        if ref.id.lower() in seen:
            facts.status.append(
                Evidence(
                    source="base_model", detail=f"cycle in base_model at {ref.id}: not followed"
                )
            )
            continue
        info = None
        if key is not None and depth < MAX_LINEAGE_DEPTH:
            info = _base_from_snapshot(key, bases, min_tokens, registry, seen, depth)
        if ref.family is not None and (info is None or info.tokens is None):
            fam = volume.family_info(ref.family, min_tokens, registry=registry)
            info = dataclasses.replace(
                fam,
                id=ref.id if ref.declared else fam.id,
                declared=ref.declared,
                chain=info.chain if info else (),
                output=(info.output if info and info.output else fam.output),
            )
        if info is None:
            info = volume.BaseInfo(
                id=ref.id,
                source=ref.evidence.source,
                output=None,
                tokens=None,
                steps=(),
                exact=False,
                transfer=None,
                llm=None,
                declared=ref.declared,
            )
        infos.append(info)
    own_training = bool(
        facts.lineage.get("scratch")
        or any(a.scope != "finetuning" for a in facts.amounts)
        or any(ev.source.startswith("readme") for _, ev in facts.corpora)
    )
    if facts.lineage.get("scratch"):
        # A card that trains its own weights names other models as architectures or teachers,
        # not as bases (a "RoBERTa-like model trained from scratch").
        infos = [info for info in infos if info.declared]
    langs_known = set(facts.languages) - {"multilingual", "multi"}

    def fits(languages: Any) -> bool:
        # A family named only in prose or the name must share the card's language: a
        # "bert-base-<language>" is that architecture trained anew, not English BERT's weights.
        langs = set(languages or ())
        return not langs_known or not langs or bool(langs & (langs_known | {"multi"}))

    infos = [info for info in infos if info.declared or fits(info.languages)]
    name_fam = facts.name_family
    if name_fam is not None and fits(getattr(name_fam, "languages", None)):
        derived_name = bool(FINE_TUNE_NAME.search(lineage.name_part(snapshot.model_id))) or any(
            v.evidence.source == "hub_id"
            for v in facts.outputs  # "-mnli", "-squad2": a head
        )
        derived_card = any(
            facts.lineage.get(r)
            for r in ("finetune", "adapter", "quantized", "merge", "copy", "continued")
        )
        declared = [info for info in infos if info.declared]
        scratch_architecture = (
            bool(facts.lineage.get("scratch"))
            and not facts.is_family_member
            and not (derived_name or derived_card)
        )
        if not declared and scratch_architecture:
            # "a GPT-2 trained from scratch on my poems": the name gives the architecture
            # (criterion 1 still reads it from facts.name_family), not the family's
            # pretrained weights, so none of its data is inherited (LABELING.md §4 "Tiny
            # data, trained from scratch").
            infos = []
        elif not declared and (
            facts.is_family_member or own_training or not (derived_name or derived_card)
        ):
            # The name belongs to a family and nothing says these weights came from another
            # checkpoint: the registry holds public facts about this model itself, and other
            # models the prose mentions are not its bases.
            infos = [
                dataclasses.replace(
                    volume.family_info(name_fam, min_tokens, " (public facts)", registry),
                    self_family=True,
                )
            ]
        elif not infos:
            infos.append(
                volume.family_info(name_fam, min_tokens, " (named in the hub id)", registry)
            )
    relation = facts.relation or next((r.relation for r in facts.bases if r.relation), None)
    c1, output, data_kind = criteria.criterion_text(facts, infos, relation)
    c2, tokens, estimate = criteria.criterion_data(
        facts, infos, relation, data_kind, output, min_tokens
    )
    c3 = criteria.criterion_transfer(facts, infos, relation, c1.met, c2.met, output, data_kind)
    derived = _derived(facts, infos, relation)
    langs = list(facts.languages)
    # The chain lists the bases that were used, each followed by its own bases (issue #3 §4).
    chain = [name for b in infos if not b.self_family for name in (b.id, *b.chain)]
    assessment = criteria.Assessment(
        criteria=[c1, c2, c3],
        output=output,
        tokens=tokens,
        estimate=estimate,
        derived_from_llm=derived,
        base_models=list(dict.fromkeys(chain)),
        languages=langs,
    )
    return facts, assessment


class _Same:
    """A cache key that is the object itself (snapshots hold dicts, so they do not hash)."""

    __slots__ = ("obj",)

    def __init__(self, obj: object) -> None:
        self.obj = obj

    def __hash__(self) -> int:
        return id(self.obj)

    def __eq__(self, other: object) -> bool:
        return isinstance(other, _Same) and other.obj is self.obj


@lru_cache(maxsize=64)
def _cached_gather(snapshot: _Same, registry: _Same) -> Facts:
    # The key holds the snapshot, so its id cannot be reused while the entry lives.
    return gather(snapshot.obj, registry.obj)  # type: ignore[arg-type]


def _gather(snapshot: ModelSnapshot, registry: Any | None) -> Facts:
    """The facts of one snapshot, gathered once: the Hub source asks `needs_config` and then
    classifies the same snapshot (issue #5), and both read the same facts. A copy is returned
    because assessment appends card-level notes to `status`."""
    facts = _cached_gather(_Same(snapshot), _Same(registry))
    return dataclasses.replace(facts, status=list(facts.status))


def _base_from_snapshot(
    key: str,
    bases: dict[str, ModelSnapshot],
    min_tokens: float,
    registry: Any | None,
    seen: frozenset[str],
    depth: int,
) -> volume.BaseInfo:
    _, sub = _assess(bases[key], bases, min_tokens, registry, seen, depth + 1)
    met = {c.id: c.met for c in sub.criteria}
    exact = bool(sub.estimate and all("as stated" in s for s in sub.estimate.arithmetic[:1]))
    return volume.BaseInfo(
        id=key,
        source=f"base_model:{key}",
        output=sub.output,
        tokens=sub.tokens,
        steps=tuple(f"{key}: {s}" for s in (sub.estimate.arithmetic if sub.estimate else [])),
        exact=exact,
        transfer=met.get("transfer") == "yes",
        llm=True if sub.verdict == "llm" else (False if sub.verdict == "not-llm" else None),
        languages=tuple(sub.languages),
        chain=tuple(sub.base_models),
        declared=True,
    )


def _derived(facts: Facts, infos: list[volume.BaseInfo], relation: str | None) -> bool | None:
    real = [b for b in infos if not b.self_family]
    if real:
        if any(b.llm for b in real):
            return True
        return None if any(b.llm is None for b in real) else False
    if facts.auto_trained or relation in criteria.INHERIT_ALL:
        return None
    if facts.body_words < EMPTY_CARD_WORDS and not facts.outputs:
        return None
    return False


def base_model_ids(snapshot: ModelSnapshot) -> list[str]:
    """Hub ids the model names as its base (front matter, tags, adapter config, hub card data,
    and links in "a fine-tuned version of [x](https://huggingface.co/x)" prose)."""
    front = None
    body = ""
    if snapshot.card_text:
        fm = split_front_matter(snapshot.card_text)
        front = fm.data
        body = snapshot.card_text[fm.body_start :]
    return [hub_id for hub_id, _, _ in lineage.declared_bases(snapshot, front, body)]


def needs_config(snapshot: ModelSnapshot) -> bool:
    """True only when criterion 1 or 2 cannot be decided without config.json.

    config.json tells the head (criterion 1) and, rarely, the base (`_name_or_path`). It is
    needed when the card leaves criterion 1 undecided; cards that decide it never pay the
    download (issue #5: at most 3 requests per model).
    """
    if snapshot.config is not None:
        return False
    # The Hub's own pipeline tag names the output kind: criterion 1 is decided without
    # config.json, and without assessing the card (the Hub fetches thousands of these).
    tag = snapshot.hub_pipeline_tag
    if tag and load_maps().pipeline_tags.get(tag) is not None:
        return False
    _facts, result = _assess(snapshot, {}, 1e9, default_registry(), frozenset(), 0)
    return result.criteria[0].met == "unknown"
