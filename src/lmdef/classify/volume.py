"""How much text a base model or corpus stands for, from the registry (issue #3 §3-§4).

A registry quantity is stated as its source states it (tokens, words, bytes, characters,
hours); here it is converted to tokens with the arithmetic kept for the report. A family's
volume is cumulative (LABELING.md §2): its own pretraining, what it derives from, and pretrained
components (a T5 or CLIP text encoder). `data_met` applies the threshold with the guide's
borderline band for estimates and never says `no` for a lower bound.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lmdef.classify.units import TOKENS_PER_WORD, Script, human, to_tokens
from lmdef.report import Met

BAND_LOW, BAND_HIGH = 0.5, 2.0  # LABELING.md §2 "borderline band" for estimates


@dataclass(frozen=True, slots=True)
class BaseInfo:
    """What is known about one base model, from the registry or from classifying its card."""

    id: str
    source: str  # evidence source: "registry:<family>" or "base_model:<hub id>"
    output: str | None
    tokens: float | None
    steps: tuple[str, ...]
    exact: bool
    transfer: bool | None
    llm: bool | None
    languages: tuple[str, ...] = ()
    chain: tuple[str, ...] = ()
    declared: bool = False  # named by the card's fields or a hub link, not only in prose
    self_family: bool = False  # registry facts about the model itself (its own family)
    corpora: frozenset[str] = frozenset()  # corpus ids behind the volume (registry lineage)


def script_for(languages: list[str] | tuple[str, ...]) -> Script:
    langs = [lang.lower() for lang in languages if lang.lower() not in {"multilingual", "multi"}]
    if langs == ["code"]:
        return "code"
    if langs[:1] in (["ja"], ["japanese"]) and len(langs) <= 2:
        return "japanese"
    if langs[:1] in (["ko"], ["korean"]) and len(langs) <= 2:
        return "korean"
    if langs[:1] in (["zh"], ["chinese"]) and len(langs) <= 2:
        return "chinese"
    return "alphabetic"


def quantity_tokens(
    quantity: Any, languages: list[str] | tuple[str, ...]
) -> tuple[float, tuple[str, ...], bool] | None:
    """A registry Quantity(value, unit) -> (tokens, arithmetic, exact)."""
    if quantity is None:
        return None
    value = getattr(quantity, "value", None)
    unit = getattr(quantity, "unit", None)
    if not isinstance(value, (int, float)) or unit not in {
        "tokens",
        "words",
        "bytes",
        "characters",
        "hours",
    }:
        return None
    conv = to_tokens(float(value), unit, script_for(languages))
    if getattr(quantity, "at_least", False):
        # A stated part of the data (English Wikipedia inside mBERT's 104): a lower bound.
        return conv.tokens, (*conv.steps, AT_LEAST_NOTE), False
    return conv.tokens, conv.steps, unit == "tokens"


AT_LEAST_NOTE = "at least: the source states only part of the data"
WORDS_PER_CAPTION = 10.0  # LABELING.md §2: "~2B captions x ~10 words"


def family_tokens(
    family: Any, registry: Any | None, _depth: int = 0
) -> tuple[float, tuple[str, ...], bool] | None:
    """Text a registry family's weights have seen: its own pretraining, what it derives from
    (registry lineage), and pretrained components (LABELING.md §2 "Cumulative", "Components")."""
    chain = (
        registry.lineage(family)
        if registry is not None and hasattr(registry, "lineage")
        else (family,)
    )
    total, steps, exact, known = 0.0, [], True, False
    for member in chain:
        langs = tuple(getattr(member, "languages", []) or [])
        q_obj = (
            getattr(member, "additional_pretraining", None)
            if getattr(member, "derived_from", None)
            else None
        )
        q_obj = q_obj or getattr(member, "pretraining", None)
        seen_obj = getattr(member, "tokens_seen", None)
        q = quantity_tokens(q_obj, langs)
        seen_q = quantity_tokens(seen_obj, langs)
        if seen_q is not None and (q is None or seen_q[0] < q[0]):
            q = seen_q  # saw only part of the corpus
        name = getattr(member, "name", getattr(member, "id", "?"))
        if q is not None:
            total += q[0]
            exact = exact and q[2]
            known = True
            steps += [f"{name}: {step}" for step in q[1]]
        elif (
            getattr(member, "derived_from", None) is None  # a derived family reuses its base's
            and (corpora := _family_corpora(member, registry)) is not None
        ):
            # No published total: the sum of the corpora the family names, each converted.
            total += corpora[0]
            exact = False
            known = True
            steps += [f"{name}: {step}" for step in corpora[1]]
        elif getattr(member, "examples", None):
            words = float(member.examples) * WORDS_PER_CAPTION
            tokens = words * TOKENS_PER_WORD
            total += tokens
            exact = False
            known = True
            steps.append(
                f"{name}: {human(member.examples)} captions × {WORDS_PER_CAPTION:g} words "
                f"× {TOKENS_PER_WORD} tokens/word ≈ {human(tokens)} tokens"
            )
        if registry is not None and _depth < 3:
            for comp_id in getattr(member, "components", []) or []:
                comp = registry.family(comp_id) if hasattr(registry, "family") else None
                sub = family_tokens(comp, registry, _depth + 1) if comp is not None else None
                if sub is not None:
                    total += sub[0]
                    exact = exact and sub[2]
                    known = True
                    steps += [f"component {step}" for step in sub[1]]
    if not known:
        return None
    if len(steps) > 1:
        steps.append(f"total ≈ {human(total)} tokens")
    return total, tuple(steps), exact


def _family_corpora(family: Any, registry: Any | None) -> tuple[float, list[str]] | None:
    if registry is None or not hasattr(registry, "corpus"):
        return None
    fam_langs = set(getattr(family, "languages", []) or [])
    total, steps, partial = 0.0, [], False
    for corpus_id in getattr(family, "corpora", []) or []:
        corpus = registry.corpus(corpus_id)
        if corpus is None:
            continue
        langs = list(getattr(corpus, "languages", []) or [])
        q = quantity_tokens(getattr(corpus, "quantity", None), langs)
        # A multilingual corpus says nothing about one language's slice.
        if q is None or ("multi" in langs and "multi" not in fam_langs):
            partial = True
            continue
        total += q[0]
        steps += [f"{corpus.name}: {step}" for step in q[1]]
    if not steps:
        return None
    if partial:
        steps.append(AT_LEAST_NOTE)  # some corpora have no usable size: a lower bound
    return total, steps


def family_info(
    family: Any, min_tokens: float, how: str = "", registry: Any | None = None
) -> BaseInfo:
    langs = tuple(getattr(family, "languages", []) or [])
    q = family_tokens(family, registry)
    tokens, steps, exact = q if q else (None, (), False)
    output = getattr(family, "output", None)
    transfer = getattr(family, "transfer", None)
    llm = None
    if output is not None and output != "text":
        llm = False
    elif tokens is not None:
        met = data_met(tokens, exact, min_tokens, steps)
        llm = bool(output == "text" and met == "yes" and transfer)
    fid = getattr(family, "id", "?")
    name = getattr(family, "name", fid)
    chain = registry.lineage(family) if hasattr(registry, "lineage") else (family,)
    corpora = frozenset(c for member in chain for c in getattr(member, "corpora", []) or [])
    return BaseInfo(
        id=name,
        source=f"registry:{fid}",
        output=output,
        tokens=tokens,
        steps=tuple(f"{s}{how}" if i == 0 else s for i, s in enumerate(steps)),
        exact=exact,
        transfer=transfer,
        llm=llm,
        languages=langs,
        corpora=corpora,
    )


def data_met(
    tokens: float, exact: bool, min_tokens: float, steps: tuple[str, ...] | list[str] = ()
) -> Met:
    if any(AT_LEAST_NOTE in step for step in steps):
        # A lower bound can only show that the volume is over the threshold, never under.
        return "yes" if tokens > min_tokens else "unknown"
    if exact:
        if tokens > min_tokens:
            return "yes"
        return "unknown" if tokens == min_tokens else "no"
    if tokens > BAND_HIGH * min_tokens:
        return "yes"
    if tokens < BAND_LOW * min_tokens:
        return "no"
    return "unknown"
