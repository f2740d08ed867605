"""Facts about one model, each with the evidence it rests on (issue #3 §2).

`gather(snapshot, registry)` reads the front matter, config.json, file names, Hub metadata and
the card prose, and returns `Facts`: weighted votes on what the model outputs, transfer cues,
lineage cues, stated data amounts, named corpora and base models. No I/O; no decisions —
`criteria.py` weighs the facts.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from lmdef.classify import lineage
from lmdef.classify.maps import ArchitectureMaps, OutputKind, load_maps
from lmdef.classify.prose import (
    DATA_LINE_TRIGGERS,
    SignalHit,
    StatedAmount,
    TriggerLines,
    find_amounts,
    find_signals,
    line_of,
    trigger_lines,
)
from lmdef.classify.snapshot import ModelSnapshot
from lmdef.classify.units import Script
from lmdef.documents.frontmatter import split_front_matter
from lmdef.report import Evidence
from lmdef.spans import LineIndex

# Structured metadata is a declaration; prose phrases are weighed by their own weights.
W_PIPELINE = 5.0
W_CONFIG = 5.0
W_TAG = 2.0
W_LIBRARY = 2.5
W_MODEL_INDEX = 3.0
W_NAME_TASK = 1.5
W_METRIC = 1.0
MAX_FAMILY_TAGS = 12  # tags looked up as family names (Hub repos can carry dozens)
METRIC_KINDS: dict[str, str] = {
    **dict.fromkeys(
        ("rouge", "bleu", "sacrebleu", "wer", "cer", "meteor", "chrf", "perplexity"), "text"
    ),
    **dict.fromkeys(
        ("f1", "precision", "recall", "matthews_correlation", "roc_auc", "auc", "seqeval"),
        "labels",
    ),
}
MAX_REPEAT_BONUS = 3  # a phrase repeated many times counts a little more, not linearly
MAX_LINEAGE_HITS = 16  # lines per lineage signal read for base names (hostile cards repeat)
EMPTY_CARD_WORDS = 12
LINEAGE_RELATIONS = frozenset(
    {
        "finetune",
        "continued",
        "copy",
        "quantized",
        "merge",
        "adapter",
        "distilled",
        "component",
        "mention",
    }
)
_CHAR_LEVEL = re.compile(r"character[- ]level|char-?level|文字単位|\bchar\b", re.IGNORECASE)
_CLASS_SUFFIX = re.compile(r"(?<=[a-z0-9])(?:Model|For[A-Z]\w*|LMHead\w*)\b")
_CLAUSES = re.compile(r"[,;()\[\]]|\band\b|\bwith\b|\bor\b|、|と")
# "based on the T5 architecture", "the same architecture as BERT-base": an architecture is
# not weights, so the model named there is no base (LABELING.md §2 counts the data the
# released weights saw; a from-scratch model in a known architecture inherits nothing).
# Tools named after a family ("llama.cpp-compatible files", "llamafile"): GGUF copies of any
# model mention them, so they name no base (held-out check: a GGUF embedder read as LLaMA).
_TOOL_NAMES = re.compile(r"\bllama[.\-_ ]?cpp\b|\bllamafile\b", re.IGNORECASE)
_ARCHITECTURE_WORD = re.compile(
    r"\barchitectures?\b(?:\s+(?:of|as)\s+(?:the\s+)?(?:original\s+)?[\w.-]+(?:[ -][\w.-]+)?)?",
    re.IGNORECASE,
)
_WORDS_BEFORE = re.compile(r"(?:[\w.-]+[ -]){0,2}[\w.-]+\]?\s+$")


def _drop_architectures(line: str) -> str:
    """The line without "<up to three words> architecture" and "architecture of/as <name>".
    Found from each "architecture" backwards (one regex tried at every position of a long line
    cost ~0.2 ms a line)."""
    parts: list[str] = []
    pos = 0
    for m in _ARCHITECTURE_WORD.finditer(line):
        start = m.start()
        before = _WORDS_BEFORE.search(line, max(pos, start - 80), start)
        cut = before.start() if before else start
        parts.append(line[pos:cut])
        parts.append(" ")
        pos = m.end()
    parts.append(line[pos:])
    return "".join(parts)


@dataclass(frozen=True, slots=True)
class Vote:
    value: str  # output kind, or "yes"/"no" for transfer
    weight: float
    evidence: Evidence
    data: str | None = None  # what such a model learns from (architectures.yaml `data`)


@dataclass(frozen=True, slots=True)
class BaseRef:
    id: str  # hub id, or the family name when only prose names it
    evidence: Evidence
    relation: str | None
    family: Any | None  # registry BaseFamily, when the registry knows it
    declared: bool  # named by a field or a hub link (not just a family name in prose)


@dataclass(slots=True)
class Facts:
    model_id: str
    text: str = ""
    body_start: int = 0
    front: Mapping[str, Any] | None = None
    status: list[Evidence] = field(default_factory=list)  # card-level notes (no front matter...)
    input_error: str | None = None  # hostile front matter: the model is reported as an error
    outputs: list[Vote] = field(default_factory=list)
    transfer: list[Vote] = field(default_factory=list)
    lineage: dict[str, list[Evidence]] = field(default_factory=lambda: defaultdict(list))
    nonlang: list[Evidence] = field(default_factory=list)
    amounts: list[StatedAmount] = field(default_factory=list)
    corpora: list[tuple[Any, Evidence]] = field(default_factory=list)
    bases: list[BaseRef] = field(default_factory=list)
    name_family: Any | None = None  # family the model's own name belongs to
    is_family_member: bool = False  # the model *is* a registry family's reference checkpoint
    languages: list[str] = field(default_factory=list)
    script: Script = "alphabetic"
    body_words: int = 0
    auto_trained: bool = False  # AutoNLP/AutoTrain: fine-tuned from an unnamed base
    signal_hits: list[SignalHit] = field(default_factory=list)

    @property
    def relation(self) -> str | None:
        for rel in ("adapter", "quantized", "merge", "copy"):
            if self.lineage.get(rel):
                return rel
        return None


def gather(snapshot: ModelSnapshot, registry: lineage.RegistryLike | None) -> Facts:
    maps = load_maps()
    facts = Facts(model_id=snapshot.model_id)
    text = snapshot.card_text or ""
    facts.text = text
    if snapshot.card_text is None:
        facts.status.append(Evidence(source="files", detail="no README.md: only files and config"))
    front = None
    if text:
        fm = split_front_matter(text)
        facts.body_start = fm.body_start
        if fm.error and fm.hostile:
            facts.input_error = fm.error
            facts.status.append(Evidence(source="front_matter", detail=fm.error))
        elif fm.error:
            # Malformed but harmless YAML (real cards have it; the Hub still renders them):
            # the metadata is ignored and the model is classified from the rest (issue #3).
            facts.status.append(
                Evidence(
                    source="front_matter",
                    detail=f"{fm.error}; metadata ignored, classified from the prose and files",
                )
            )
        elif fm.data is None:
            facts.status.append(
                Evidence(source="front_matter", detail="card has no YAML front matter; prose only")
            )
        front = fm.data
    facts.front = front
    for warning in snapshot.warnings:
        facts.status.append(Evidence(source="files", detail=warning))
    index = LineIndex(text)
    body = text[facts.body_start :]
    facts.body_words = len(body.split())

    _languages(facts, front, snapshot, _language_map(registry))
    _structured(facts, front, snapshot, maps)
    _name(facts, snapshot, maps, registry)
    # prose
    lines = trigger_lines(text, facts.body_start)  # one pass for every prose reader below
    facts.signal_hits = find_signals(text, facts.body_start, index, lines=lines)
    _prose_signals(facts)
    # Only lines holding "char" or "文字" can say "character-level" (one regex over the whole
    # body cost ~8% of classification time).
    char_tokens = any(
        _CHAR_LEVEL.search(text, lo, hi) for lo, hi in lines.lines(("char", "文字"))
    ) or "char" in re.split(r"[-_/.]", snapshot.model_id.lower())
    facts.amounts = find_amounts(
        text,
        facts.body_start,
        index,
        default_script=facts.script,
        char_tokens=char_tokens,
        lines=lines,
    )
    if registry is not None:
        _registry_facts(facts, snapshot, front, body, index, registry, lines)
    else:
        for hub_id, where, rel in lineage.declared_bases(snapshot, front, body):
            facts.bases.append(
                BaseRef(
                    hub_id, Evidence(source=where, detail=f"base model {hub_id}"), rel, None, True
                )
            )
    rel = lineage.relation_from_files(snapshot)
    if rel:
        facts.lineage[rel].append(Evidence(source="files", detail=f"{rel} files in the repository"))
    return facts


@lru_cache(maxsize=4)
def _language_map(registry: Any) -> Mapping[str, str]:
    """Language names -> ISO codes: a few built in, then the registry's (built once)."""
    names = {"japanese": "ja", "korean": "ko", "chinese": "zh", "english": "en"}
    extra = getattr(registry, "language_names", None) or {}
    names.update({k.lower(): v for k, v in extra.items()})
    return names


def _languages(
    facts: Facts,
    front: Mapping[str, Any] | None,
    snapshot: ModelSnapshot,
    language_names: Mapping[str, str],
) -> None:
    """Card languages as ISO codes ("language: german" -> de), else from the hub id's words."""
    langs: list[str] = []
    for data in (front, snapshot.hub_card_data):
        if isinstance(data, Mapping):
            value = data.get("language")
            for item in value if isinstance(value, list) else [value]:
                if isinstance(item, str) and item.strip():
                    langs.append(item.strip().lower())
    names = language_names
    if not langs:
        # "bert-base-japanese-char": the hub id names the language when the card does not.
        tokens = re.split(r"[-_/.\s]+", lineage.name_part(snapshot.model_id).lower())
        langs = [names[t] for t in tokens if t in names]
    facts.languages = list(dict.fromkeys(names.get(lang, lang) for lang in langs))
    primary = [lang for lang in facts.languages if lang not in {"multilingual"}]
    if primary[:1] == ["ja"]:
        facts.script = "japanese"
    elif primary[:1] == ["ko"]:
        facts.script = "korean"
    elif primary[:1] == ["zh"] and len(primary) == 1:
        facts.script = "chinese"
    elif primary == ["code"]:
        facts.script = "code"


def _structured(
    facts: Facts, front: Mapping[str, Any] | None, snapshot: ModelSnapshot, maps: ArchitectureMaps
) -> None:
    def vote(kind: OutputKind | None, weight: float, source: str, detail: str) -> None:
        if kind is not None:
            facts.outputs.append(
                Vote(
                    kind.output,
                    weight,
                    Evidence.model_construct(source=source, detail=detail, line=None, quote=None),
                    kind.data,
                )
            )

    data = front if isinstance(front, Mapping) else {}
    tag = data.get("pipeline_tag") if isinstance(data.get("pipeline_tag"), str) else None
    if tag:
        vote(maps.pipeline_tags.get(tag), W_PIPELINE, "front_matter:pipeline_tag", tag)
    elif snapshot.hub_pipeline_tag:
        vote(
            maps.pipeline_tags.get(snapshot.hub_pipeline_tag),
            W_PIPELINE,
            "hub:pipeline_tag",
            snapshot.hub_pipeline_tag,
        )
    library = data.get("library_name") or snapshot.hub_library_name
    if isinstance(library, str):
        vote(maps.libraries.get(library.lower()), W_LIBRARY, "front_matter:library_name", library)
    tags = [t for t in lineage._as_list(data.get("tags")) if isinstance(t, str)]
    tags += list(snapshot.hub_tags)
    for t in dict.fromkeys(tags):
        key = t.lower().strip()
        kind = maps.tags.get(key) or maps.pipeline_tags.get(key)
        vote(kind, W_TAG, "front_matter:tags", t)
        if key in {"autonlp", "autotrain"}:
            facts.auto_trained = True
    for entry in lineage._as_list(data.get("model-index")):
        if not isinstance(entry, Mapping):
            continue
        for result in lineage._as_list(entry.get("results")):
            task = result.get("task") if isinstance(result, Mapping) else None
            ttype = task.get("type") if isinstance(task, Mapping) else None
            if isinstance(ttype, str):
                vote(
                    maps.pipeline_tags.get(ttype), W_MODEL_INDEX, "front_matter:model-index", ttype
                )
                break
    # Evaluation metrics reflect the head: ROUGE/BLEU/WER score generated text; F1, precision
    # and recall score labels. (Plain accuracy is left out: LM fine-tunes report it too.)
    for metric in lineage._as_list(data.get("metrics"))[:8]:
        kind = METRIC_KINDS.get(metric.lower().strip()) if isinstance(metric, str) else None
        if kind is not None:
            ev = Evidence(source="front_matter:metrics", detail=f"evaluated with {metric}")
            facts.outputs.append(Vote(kind, W_METRIC, ev, None))
            break
    widgets = lineage._as_list(data.get("widget"))
    for widget in widgets[:3]:
        wtext = widget.get("text") if isinstance(widget, Mapping) else None
        if isinstance(wtext, str) and re.search(r"<mask>|\[MASK\]", wtext):
            vote(OutputKind(output="text", data="text"), W_TAG, "front_matter:widget", wtext[:80])
            break
    adapter = snapshot.adapter_config if isinstance(snapshot.adapter_config, Mapping) else None
    task_type = adapter.get("task_type") if adapter else None
    if isinstance(task_type, str):
        kind = maps.peft_task_types.get(task_type.upper())
        vote(kind, W_CONFIG, "adapter_config.json:task_type", task_type)
    config = snapshot.config if isinstance(snapshot.config, Mapping) else None
    if config:
        for arch in lineage._as_list(config.get("architectures"))[:4]:
            if isinstance(arch, str):
                vote(maps.for_architecture(arch), W_CONFIG, "config.json:architectures", arch)
        mtype = config.get("model_type")
        if isinstance(mtype, str) and mtype.lower() in maps.text_to_text_model_types:
            facts.lineage["text-to-text"].append(
                Evidence(source="config.json:model_type", detail=f"{mtype} writes answers as text")
            )


def _name(facts: Facts, snapshot: ModelSnapshot, maps: ArchitectureMaps, registry: Any) -> None:
    tokens = [t for t in re.split(r"[-_/.\s]+", lineage.name_part(snapshot.model_id).lower()) if t]
    for token in tokens:
        task = maps.name_tasks.get(token)
        if task:
            facts.outputs.append(
                Vote(
                    task,
                    W_NAME_TASK,
                    Evidence(source="hub_id", detail=f"the name says '{token}' ({task})"),
                    None,
                )
            )
    if any(t in maps.text_to_text_model_types for t in tokens):
        facts.lineage["text-to-text"].append(
            Evidence(source="hub_id", detail="a text-to-text architecture writes answers as text")
        )


def _prose_signals(facts: Facts) -> None:
    counts: dict[str, int] = defaultdict(int)
    for hit in facts.signal_hits:
        sig = hit.signal
        counts[sig.id] += 1
        if counts[sig.id] > MAX_REPEAT_BONUS and not (
            sig.kind == "lineage" and counts[sig.id] <= MAX_LINEAGE_HITS
        ):
            # Lineage hits are lines to read for base names, not votes: a card whose first
            # "uses" are headings still names its component further down.
            continue
        weight = sig.weight if counts[sig.id] == 1 else sig.weight * 0.25
        # model_construct: the fields are built here from known-good values, and validating
        # every phrase hit costs ~10% of classification time (issue #3 speed target).
        evidence = Evidence.model_construct(
            source=f"readme:{hit.line}",
            detail=f"{sig.id}: {hit.quote}",
            line=hit.line,
            quote=facts.text[hit.start : hit.end],
        )
        if sig.kind == "output":
            if sig.id == "phrase-classifier" and _heading_or_table(facts.text, hit.start):
                # "### Named Entity Recognition" / "| SST-2 | 93.1 |": tasks the model was
                # evaluated on after fine-tuning — evidence of transfer, not of its own head.
                facts.transfer.append(Vote("yes", 0.5, evidence))
                weight *= 0.3
            facts.outputs.append(Vote(sig.value, weight, evidence, sig.data))
        elif sig.kind == "transfer":
            facts.transfer.append(Vote(sig.value, weight, evidence))
        elif sig.kind == "lineage":
            facts.lineage[sig.value].append(evidence)
        elif sig.kind == "nonlang":
            facts.nonlang.append(evidence)


def _heading_or_table(text: str, offset: int) -> bool:
    line = line_of(text, offset).lstrip()
    return line.startswith(("#", "|"))


def _registry_facts(
    facts: Facts,
    snapshot: ModelSnapshot,
    front: Mapping[str, Any] | None,
    body: str,
    index: LineIndex,
    registry: Any,
    lines: TriggerLines,
) -> None:
    text = facts.text
    # declared bases (fields, tags, adapter config, hub links in prose)
    for hub_id, where, rel in lineage.declared_bases(snapshot, front, body):
        family = _safe_find(registry.find_family, hub_id)
        facts.bases.append(
            BaseRef(
                hub_id, Evidence(source=where, detail=f"base model {hub_id}"), rel, family, True
            )
        )
    # the model's own name
    family = _safe_find(registry.find_family, snapshot.model_id)
    if family is None:
        family = _safe_find(registry.find_family, lineage.name_part(snapshot.model_id))
    if family is None:
        # A tag that names a family ("stable-diffusion", "llama") says the same as the name.
        for tag in _tags(front, snapshot)[:MAX_FAMILY_TAGS]:
            if tag.lower() not in load_maps().pipeline_tags:
                family = _safe_find(registry.find_family, tag)
                if family is not None:
                    break
    facts.name_family = family
    if family is not None:
        own = {snapshot.model_id.lower(), lineage.name_part(snapshot.model_id).lower()}
        aliases = {a.lower() for a in getattr(family, "aliases", [])}
        facts.is_family_member = bool(own & aliases)
    # family names in prose lines that say how the weights came about
    lineage_lines: set[int] = set()
    for rel, evs in facts.lineage.items():
        if rel in LINEAGE_RELATIONS:
            lineage_lines.update(ev.line for ev in evs if ev.line)
    known = {b.family.id for b in facts.bases if b.family is not None}
    for line in sorted(lineage_lines):
        lo = index.line_start(line)
        hi = text.find("\n", lo)
        line_text = text[lo : len(text) if hi < 0 else hi]
        if "rchitecture" in line_text:
            line_text = _drop_architectures(line_text)
        if "cpp" in line_text or "llamafile" in line_text:
            line_text = _TOOL_NAMES.sub(" ", line_text)
        # The registry's own matcher, one clause at a time (a line may name several models);
        # it picks the most specific family and skips "<family>-<other language>" names.
        # "MPNetModel" / "BertForMaskedLM" name the family before the class suffix.
        clauses = [_CLASS_SUFFIX.sub(" ", c.replace("/", " ")) for c in _CLAUSES.split(line_text)]
        may_name = getattr(registry, "may_name_family", None)
        if may_name is not None and not may_name(" ".join(clauses)):
            found = []  # no alias token on the line: skip the clause-by-clause lookups
        else:
            found = [_safe_find(registry.find_family, c) for c in clauses if c.strip()]
        if not any(found):
            # Display names ("Multilingual BERT") that are not aliases, once per line.
            found = [_family_by_name(registry, " ".join(clauses))]
        for fam in found:
            if fam is None or fam.id in known:
                continue
            own = facts.name_family
            if facts.is_family_member and own is not None and fam.id == own.id:
                continue
            known.add(fam.id)
            facts.bases.append(
                BaseRef(
                    fam.name,
                    Evidence(
                        source=f"readme:{line}",
                        detail=f"names {fam.name} as a base or component",
                        line=line,
                        quote=" ".join(line_text.split())[:160],
                    ),
                    None,
                    fam,
                    False,
                )
            )
    del facts.bases[lineage.MAX_BASES :]
    # corpora: front matter datasets and prose mentions
    seen: set[str] = set()
    datasets = front.get("datasets") if isinstance(front, Mapping) else None
    for name in lineage._as_list(datasets):
        if isinstance(name, str):
            corpus = _safe_find(registry.find_corpus, name)
            corpus, detail = _language_part(registry, corpus, facts.languages)
            if corpus is not None and corpus.id not in seen:
                seen.add(corpus.id)
                facts.corpora.append(
                    (
                        corpus,
                        Evidence(
                            source="front_matter:datasets", detail=f"{name} = {corpus.name}{detail}"
                        ),
                    )
                )
    for lo, hi in lines.lines(DATA_LINE_TRIGGERS):
        for found, start, _end in registry.corpus_ids_in(text[lo:hi]):
            corpus, detail = _language_part(registry, found, facts.languages)
            if corpus is None or corpus.id in seen:
                continue
            seen.add(corpus.id)
            line = index.line_col(lo + start)[0]
            facts.corpora.append(
                (
                    corpus,
                    Evidence(
                        source=f"readme:{line}",
                        detail=f"names the corpus {corpus.name}{detail}",
                        line=line,
                        quote=" ".join(text[lo:hi].split())[:160],
                    ),
                )
            )


def _language_part(registry: Any, corpus: Any, languages: list[str]) -> tuple[Any, str]:
    """A multilingual corpus named by a one-language card means that language's slice
    ("cc100" on a Japanese card is CC-100's Japanese part), when the registry holds it."""
    finder = getattr(registry, "language_part", None)
    if corpus is None or finder is None or "multi" not in getattr(corpus, "languages", ()):
        return corpus, ""
    part = finder(corpus, languages)
    if part is None:
        return corpus, ""
    return part, f" (its {part.languages[0]} part, the card's language)"


def _tags(front: Mapping[str, Any] | None, snapshot: ModelSnapshot) -> list[str]:
    tags = lineage._as_list(front.get("tags")) if isinstance(front, Mapping) else []
    return [t for t in [*tags, *snapshot.hub_tags] if isinstance(t, str) and ":" not in t]


@lru_cache(maxsize=4)
def _name_index(registry: Any) -> tuple[re.Pattern[str] | None, dict[str, Any]]:
    """Family display names ("Multilingual BERT") as prose says them; built once per registry."""
    names = [f for f in lineage.entries(registry.families) if getattr(f, "name", "")]
    by_name = {lineage.alias_key(f.name.split("(")[0]): f for f in names}
    by_name = {k: f for k, f in by_name.items() if len(k) >= 3}
    pattern, _ = lineage.alias_index([])
    if by_name:
        pattern = lineage._alias_pattern(tuple(sorted(by_name)))
    return pattern, by_name


def _family_by_name(registry: Any, clause: str) -> Any | None:
    pattern, by_name = _name_index(registry)
    if pattern is None:
        return None
    match = pattern.search(clause)
    family = by_name.get(lineage.alias_key(match.group(0))) if match else None
    if family is not None and _other_language(registry, family, clause):
        return None
    return family


def _other_language(registry: Any, family: Any, text: str) -> bool:
    """The registry's language rule for display names too: "BERT base Italian" is that
    architecture trained on Italian, not English BERT's weights (find_family applies the same
    rule to aliases; a display-name match must not bypass it)."""
    if not getattr(family, "other_language_means_other_model", False):
        return False
    names = getattr(registry, "language_names", None) or {}
    tokens = re.split(r"[\s\-_/.,;:()]+", text.lower())
    langs = {names[t] for t in tokens if t in names}
    return bool(langs - set(getattr(family, "languages", ()) or ()))


def _safe_find(finder: Any, name: str) -> Any | None:
    try:
        return finder(name)
    except (ValueError, KeyError, TypeError):
        return None
