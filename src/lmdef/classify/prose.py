"""Facts from a card's prose: signal phrases and stated amounts of training data (issue #3 §2).

Everything is found in the original card text, so each fact keeps its 1-based line and a
verbatim quote. Amounts are read in English and Japanese ("2 trillion tokens", "15T tokens",
"800M words", "160GB of text", "3.3 billion word corpus", "2兆トークン", "1,000億トークン") and
sorted by what they describe: pretraining, fine-tuning, or something else (a context length,
a batch, a parameter count is not data — Rogers & Luccioni count *data*, not parameters).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Literal

from lmdef.classify.maps import Signal, load_signals
from lmdef.classify.units import BYTE_UNITS, Conversion, Script, Unit, parse_number, to_tokens
from lmdef.spans import LineIndex

Scope = Literal["pretraining", "finetuning", "unscoped"]
QUOTE_CHARS = 160


@dataclass(frozen=True, slots=True)
class SignalHit:
    signal: Signal
    start: int
    end: int
    line: int
    quote: str


@dataclass(frozen=True, slots=True)
class StatedAmount:
    value: float
    unit: Unit
    scope: Scope
    script: Script
    line: int
    quote: str
    conversion: Conversion
    sentence: str = ""  # the line, where a restated base figure is recognised


_NUM = r"(?P<num>\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"
_MULT = r"(?P<mult>trillions?|billions?|millions?|thousand|bn|mn|млрд|млн|[kKmMbBtT](?![a-zA-Z])|千|万|億|兆)?"
_UNIT = (
    r"(?P<unit>tokens?|words?|(?:[KMGTP]i?B|kilobytes|megabytes|gigabytes|terabytes)(?![a-zA-Z])"
    r"|characters?|chars|hours?|hrs?\b|トークン|単語|語|文字|時間分?|токен\w*|слов\w*)"
)
_AMOUNT = re.compile(
    rf"(?<![0-9A-Za-z.,]){_NUM}\s?{_MULT}\+?(?:\s*|-)(?:(?:of|multi-?lingual|raw|plain|clean|text|unique|"
    rf"[a-z]+-?[a-z]+)\s+){{0,2}}?{_UNIT}",
    re.IGNORECASE,
)
# A bare "15T" / "1.4T" in a line that talks about tokens (tables: "| Token count | 15T+ |").
_BARE_T = re.compile(r"(?<![0-9A-Za-z.,])(?P<num>\d+(?:\.\d+)?)\s?(?P<mult>T)\+?(?![\w])")
# "trained on 3T multilingual corpus": a bare T amount of corpus or data is tokens.
_CORPUS_AFTER = re.compile(r"\+?\s*(?:[\w-]+\s+){0,2}(?:corpus|corpora|data|text)\b", re.IGNORECASE)
_TABLE_DATA = re.compile(r"token|word|corpus|corpora|data|train|text|学習|トークン", re.IGNORECASE)
_NOT_DATA = re.compile(
    r"context|sequence length|max(?:imum)?[_ ]|length|window|batch|per (?:step|batch|device)|"
    r"tokens? per|vocab|embedding|dimension|hidden|input|up to \d|param|VRAM|memory|GPU|RAM|"
    r"disk|download|file size|checkpoint|model size|weights|machine|vCPU|instance|"
    r"显存|内存|メモリ",  # GPU memory in Chinese/Japanese cards ("最低只需 6GB 显存")
    re.IGNORECASE,
)
_FINETUNE_SCOPE = re.compile(
    r"fine-?tun|finetun|instruction|\bSFT\b|\bDPO\b|RLHF|preference|ファインチューニング|チューニング",
    re.IGNORECASE,
)
_PRETRAIN_SCOPE = re.compile(
    r"pre-?train|trained on|training (?:data|corpus|set)|corpus|corpora|dataset|事前学習|学習|コーパス",
    re.IGNORECASE,
)
_NON_TEXT_BYTES = re.compile(r"\b(?:image|images|audio|video|music|pixels?|3D)\b", re.IGNORECASE)
_SPEECH = re.compile(r"speech|audio|spoken|recordings?|音声", re.IGNORECASE)
_CODE = re.compile(
    r"\bcode\b|source code|python|\bscripts\b|\bfunctions\b|repositor", re.IGNORECASE
)
_SCRIPT_WORDS: tuple[tuple[Script, re.Pattern[str]], ...] = (
    ("japanese", re.compile(r"japanese|日本語|[\u3040-\u30ff]", re.IGNORECASE)),
    ("korean", re.compile(r"korean|한국어|[\uac00-\ud7af]", re.IGNORECASE)),
    ("chinese", re.compile(r"chinese|中文", re.IGNORECASE)),
)
_UNIT_NAMES: dict[str, Unit] = {
    "token": "tokens",
    "トークン": "tokens",
    "токен": "tokens",
    "word": "words",
    "単語": "words",
    "語": "words",
    "слов": "words",
    "character": "characters",
    "char": "characters",
    "文字": "characters",
    "hour": "hours",
    "hr": "hours",
    "時間": "hours",
}


# Lines worth reading for amounts of data: one of these unit words must be on the line.
UNIT_TRIGGERS = (
    "token",
    "word",
    "char",
    "hour",
    "hrs",
    "byte",
    "kb",
    "mb",
    "gb",
    "tb",
    "pb",
    "kib",
    "mib",
    "gib",
    "tib",
    "トークン",
    "語",
    "文字",
    "時間",
    "токен",
    "слов",
)
MAX_TRIGGER_HITS = 64  # lines looked at per trigger (a hostile card repeats words)
BARE_T_TRIGGERS = ("token", "トークン", "corpus", "data")  # lines where a bare "15T" is read
# A corpus named in a line with one of these words is training data (not an eval set).
DATA_LINE_TRIGGERS = ("train", "corpus", "corpora", "学習", "コーパス")


@lru_cache(maxsize=256)
def _compile(pattern: str) -> re.Pattern[str]:
    return re.compile(pattern, re.IGNORECASE)


@lru_cache(maxsize=256)
def _compile_lower(pattern: str) -> re.Pattern[str]:
    """The pattern for already-lowercased text: literal letters lowercased, escapes kept
    (\\B, \\S, \\W stay). Matching lowercased text without IGNORECASE is ~40% faster."""
    out: list[str] = []
    i = 0
    while i < len(pattern):
        if pattern[i] == "\\":
            out.append(pattern[i : i + 2])
            i += 2
        else:
            out.append(pattern[i].lower())
            i += 1
    return re.compile("".join(out))


def _trie_pattern(words: Sequence[str]) -> str:
    """One regex for many literal words, factored by common prefix (Python's re tries the
    alternatives of a flat alternation one by one at every position); the longest word at a
    position is tried first."""
    trie: dict[str, Any] = {}
    for word in words:
        node = trie
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alternatives = [re.escape(char) + emit(child) for char, child in node.items() if char]
        if not alternatives:
            return ""
        body = alternatives[0] if len(alternatives) == 1 else "(?:" + "|".join(alternatives) + ")"
        return f"(?:{body})?" if "" in node else body

    return emit(trie)


@lru_cache(maxsize=8)
def _trigger_scanner(
    triggers: tuple[str, ...],
) -> tuple[re.Pattern[str], dict[str, tuple[str, ...]]]:
    """A scanner for `triggers` (the longest trigger starting at a place), and for each
    trigger the triggers that are its prefixes: they occur wherever it does."""
    words = sorted(set(triggers))
    pattern = re.compile(_trie_pattern(words))
    prefixes = {w: tuple(u for u in words if w.startswith(u)) for w in words}
    return pattern, prefixes


class TriggerLines:
    """The lines of a card (at or after `start`) that hold each trigger, as substrings, found
    in one regex pass over the card instead of one substring search per trigger (~240
    triggers; the searches were ~40% of classification time, issue #3 speed target). At most
    MAX_TRIGGER_HITS lines are kept per trigger (hostile cards repeat words)."""

    __slots__ = ("_spans",)

    def __init__(self, haystack: str, start: int, triggers: Sequence[str]) -> None:
        pattern, prefixes = _trigger_scanner(tuple(triggers))
        spans: dict[str, list[tuple[int, int]]] = {}
        line_lo, line_hi = -1, -1
        search = pattern.search
        match = search(haystack, start)
        while match is not None:
            # the longest trigger starting here; the next search starts one character later,
            # so overlapping triggers ("qlora", "lora") are all seen
            pos = match.start()
            if pos > line_hi:
                line_lo = max(start, haystack.rfind("\n", 0, pos) + 1)
                newline = haystack.find("\n", pos)
                line_hi = len(haystack) if newline < 0 else newline
            for word in prefixes[match.group()]:
                found = spans.get(word)
                if found is None:
                    spans[word] = [(line_lo, line_hi)]
                elif found[-1][0] != line_lo and len(found) < MAX_TRIGGER_HITS:
                    found.append((line_lo, line_hi))
            match = search(haystack, pos + 1)
        self._spans = spans

    def lines(self, triggers: Sequence[str]) -> list[tuple[int, int]]:
        """Spans of the lines that hold one of `triggers`, merged, in order."""
        spans = self._spans
        present = [spans[t] for t in triggers if t in spans]  # most triggers are absent
        if not present:
            return []
        if len(present) == 1:
            return list(present[0])  # already in text order
        merged: set[tuple[int, int]] = set()
        for found in present:
            merged.update(found)
        return sorted(merged)


@lru_cache(maxsize=4)
def all_triggers(signals: tuple[Signal, ...] | None = None) -> tuple[str, ...]:
    """Every trigger the prose readers use (signals, amounts, corpus lines)."""
    table = signals if signals is not None else tuple(load_signals().signals)
    words = {t for signal in table for t in signal.triggers}
    words.update(UNIT_TRIGGERS, BARE_T_TRIGGERS, DATA_LINE_TRIGGERS)
    return tuple(sorted(words))


def trigger_lines(text: str, start: int) -> TriggerLines:
    """The trigger index of one card, over its lowercased text when lowercasing keeps offsets
    (else case-sensitively over the text itself, as the prose readers fall back to)."""
    lowered = text.lower()
    haystack = lowered if len(lowered) == len(text) else text
    return TriggerLines(haystack, start, all_triggers())


def _prepare(table: Sequence[Signal]) -> tuple[tuple[Signal, re.Pattern[str]], ...]:
    return tuple((signal, _compile_lower(signal.pattern)) for signal in table)


@lru_cache(maxsize=1)
def _prepared_default() -> tuple[tuple[Signal, re.Pattern[str]], ...]:
    """The packaged signals with their patterns for lowercased text, compiled once (a cache
    lookup per signal per card was ~2% of classification time)."""
    return _prepare(load_signals().signals)


def find_signals(
    text: str,
    start: int,
    index: LineIndex,
    signals: Sequence[Signal] | None = None,
    lines: TriggerLines | None = None,
) -> list[SignalHit]:
    """Every signal phrase in `text[start:]`, in text order.

    Speed (issue #3: >= 500 cards/s): a case-insensitive scan of a whole card costs ~0.3 ms a
    pattern, so each pattern runs only on the lines that hold one of its lowercase `triggers`.
    Overlapping hits of one kind keep the signal listed first.
    """
    prepared = _prepared_default() if signals is None else _prepare(signals)
    lowered = text.lower()
    exact = len(lowered) == len(text)  # lowercasing kept offsets (true unless e.g. 'İ')
    raw: list[tuple[int, int, SignalHit]] = []
    haystack = lowered if exact else text
    if exact and lines is None:
        triggers = tuple({t for sig, _ in prepared for t in sig.triggers})
        lines = TriggerLines(lowered, start, triggers)
    for order, (signal, lower_pattern) in enumerate(prepared):
        pattern = lower_pattern if exact else _compile(signal.pattern)
        if signal.triggers and exact and lines is not None:
            spans = lines.lines(signal.triggers)
            if not spans:
                continue
        else:
            spans = [(start, len(text))]
        for lo, hi in spans:
            for match in pattern.finditer(haystack, lo, hi):
                line, _ = index.line_col(match.start())
                hit = SignalHit(signal, match.start(), match.end(), line, quote_at(text, match))
                raw.append((match.start(), order, hit))
    raw.sort(key=lambda item: (item[0], item[1]))
    hits: list[SignalHit] = []
    last_end: dict[str, int] = {}
    comments = comment_spans(text, start)
    # Lines that state nothing (templates, library versions) exist only where these substrings
    # do; most cards have neither, and a substring test is far cheaper than a line check per hit.
    check_lines = (
        "information needed]" in lowered or "[optional]" in lowered or "version" in lowered
    )
    inert_lines: dict[int, bool] = {}
    for _, _, hit in raw:
        if comments and any(lo <= hit.start < hi for lo, hi in comments):
            continue
        if check_lines:
            inert = inert_lines.get(hit.line)
            if inert is None:
                inert = inert_lines[hit.line] = inert_line(line_of(text, hit.start))
            if inert:
                continue
        kind = hit.signal.kind
        if hit.start < last_end.get(kind, -1):
            continue
        last_end[kind] = hit.end
        hits.append(hit)
    return hits


# The Hub's model card template (huggingface_hub modelcard_template.md) leaves its fields as
# "[More Information Needed]" and its optional headings as "### Downstream Use [optional]".
_TEMPLATE_LINE = re.compile(r"\[More Information Needed\]|^\s*#+ [^\n]*\[optional\]", re.IGNORECASE)
# A "Framework versions" item: a library name and a version number ("- PEFT 0.4.0").
_VERSION_ITEM = re.compile(r"^\s*[-*+]\s+[\w.-]+\s+v?\d+(?:\.\w+)+(?:[+-]\w+)*\s*$")


def comment_spans(text: str, start: int) -> list[tuple[int, int]]:
    """HTML comments in text[start:]: never rendered, so not what the card says. In template
    cards they hold the template's instructions ("the model use when fine-tuned for a task"),
    which read like transfer claims (held-out check, bench/heldout/classify)."""
    spans: list[tuple[int, int]] = []
    lo = text.find("<!--", start)
    while lo >= 0:
        hi = text.find("-->", lo + 4)
        if hi < 0:
            break  # an unclosed comment: keep the rest (one scan, however many openers)
        spans.append((lo, hi + 3))
        lo = text.find("<!--", hi + 3)
    return spans


def inert_line(line: str) -> bool:
    """A line that states nothing about this model: an unfilled template field or optional
    heading, or a library version in a "Framework versions" list ("- PEFT 0.4.0" names the
    tool that saved the files, not a reuse of the model)."""
    if "[" in line and _TEMPLATE_LINE.search(line):
        return True
    return _VERSION_ITEM.match(line) is not None


def quote_at(text: str, match: re.Match[str] | tuple[int, int]) -> str:
    start, end = match.span() if isinstance(match, re.Match) else match
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    lo = max(line_start, start - QUOTE_CHARS // 2)
    hi = min(line_end, end + QUOTE_CHARS // 2)
    return " ".join(text[lo:hi].split())


def line_of(text: str, offset: int) -> str:
    start = text.rfind("\n", 0, offset) + 1
    end = text.find("\n", offset)
    return text[start : len(text) if end < 0 else end]


_SENTENCE_END = re.compile(r"[.!?。！？](?:\s|$)|\n\s*\n")


def sentence_span(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence around text[start:end], within its line (scope words are read here)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    lo = line_start
    for m in _SENTENCE_END.finditer(text, line_start, start):
        lo = m.end()
    m = _SENTENCE_END.search(text, end, line_end)
    return lo, m.end() if m else line_end


def _scope_of(text: str, start: int, end: int) -> Scope:
    lo, hi = sentence_span(text, start, end)
    return _scope(text[lo:hi], start - lo)


def _script_for(line: str, default: Script) -> Script:
    for script, pattern in _SCRIPT_WORDS:
        if pattern.search(line):
            return script
    if _CODE.search(line):
        return "code"
    return default


def find_amounts(
    text: str,
    start: int,
    index: LineIndex,
    *,
    default_script: Script,
    char_tokens: bool,
    lines: TriggerLines | None = None,
) -> list[StatedAmount]:
    """Stated amounts of training text in `text[start:]`, converted to tokens."""
    found: list[StatedAmount] = []
    seen: set[int] = set()
    if lines is None:
        lines = trigger_lines(text, start)
    for lo, hi in lines.lines(UNIT_TRIGGERS):
        for match in _AMOUNT.finditer(text, lo, hi):
            amount = _amount(match, text, index, default_script, char_tokens)
            if amount is not None:
                found.append(amount)
                seen.add(match.start())
    token_lines = lines.lines(BARE_T_TRIGGERS)
    bare = (m for lo, hi in token_lines for m in _BARE_T.finditer(text, lo, hi))
    for match in bare:
        if match.start() in seen:
            continue
        line = line_of(text, match.start())
        after = text[match.end() : match.end() + 40]
        if not re.search(r"token|トークン", line, re.IGNORECASE) and not _CORPUS_AFTER.match(after):
            continue
        value = parse_number(match.group("num"), "t")
        if value is None:
            continue
        scope = _scope_of(text, match.start(), match.end())
        found.append(
            StatedAmount(
                value,
                "tokens",
                scope,
                default_script,
                index.line_col(match.start())[0],
                quote_at(text, match),
                to_tokens(value, "tokens"),
            )
        )
    return _drop_repeats(found, text, index)


_REPEATS = re.compile(r"epochs?\b|passes\b|tokens?\s+seen|seen\s+tokens|エポック", re.IGNORECASE)


def _drop_repeats(found: list[StatedAmount], text: str, index: LineIndex) -> list[StatedAmount]:
    """Epochs add no volume (LABELING.md §2): in a paragraph that speaks of epochs or tokens
    seen and states several amounts ("3 epochs over 300M tokens, i.e. 900M tokens seen"), only
    the smallest is the corpus; the larger ones are repeats of it. (Keeping the smallest can
    only lower an estimate, never turn a small corpus into a large one.)"""
    if len(found) < 2:
        return found
    by_paragraph: dict[int, list[StatedAmount]] = {}
    for amount in found:
        at = index.line_start(amount.line)
        breaks = list(_PARAGRAPH_BREAK.finditer(text, 0, at))
        by_paragraph.setdefault(breaks[-1].end() if breaks else 0, []).append(amount)
    keep: list[StatedAmount] = []
    for start, amounts in by_paragraph.items():
        end = _PARAGRAPH_BREAK.search(text, start)
        paragraph = text[start : end.start() if end else len(text)]
        if len(amounts) > 1 and _REPEATS.search(paragraph):
            keep.append(min(amounts, key=lambda a: a.conversion.tokens))
        else:
            keep.extend(amounts)
    return keep


_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\r?\n")


def _scope(line: str, at: int | None = None) -> Scope:
    """What an amount in `line` (its sentence) measures. `at` is the amount's offset in the
    line: when the sentence speaks of both pretraining and fine-tuning, the nearer word decides
    ("trained for 1T tokens of corpus, supplemented by supervised fine-tuning" is pretraining;
    held-out check, bench/heldout/classify)."""
    pre = _PRETRAIN_SCOPE.search(line)
    fine = _FINETUNE_SCOPE.search(line)
    if fine and pre and at is not None and not re.search(r"pre-?train|事前学習", line, re.I):
        return (
            "finetuning"
            if _distance(_FINETUNE_SCOPE, line, at) < _distance(_PRETRAIN_SCOPE, line, at)
            else "pretraining"
        )
    if fine and not (pre and re.search(r"pre-?train|事前学習", line, re.IGNORECASE)):
        return "finetuning"
    return "pretraining" if pre else "unscoped"


def _distance(pattern: re.Pattern[str], line: str, at: int) -> int:
    return min(
        (min(abs(m.start() - at), abs(m.end() - at)) for m in pattern.finditer(line)),
        default=len(line),
    )


def _amount(
    match: re.Match[str],
    text: str,
    index: LineIndex,
    default_script: Script,
    char_tokens: bool,
) -> StatedAmount | None:
    raw_unit = match.group("unit")
    unit_key = raw_unit.lower()
    line = line_of(text, match.start())
    if line.lstrip().startswith("|") and not _TABLE_DATA.search(line):
        return None  # a table of model sizes, memory, latency: not training data
    # The words just around the number decide whether it is data or something else.
    # Within the amount's own line: "a 16k BPE vocabulary.\n\nTrained on 20 MB of poems"
    # is a corpus size even though the line before speaks of the vocabulary.
    line_start = text.rfind("\n", 0, match.start()) + 1
    line_end = text.find("\n", match.end())
    line_end = len(text) if line_end < 0 else line_end
    near = text[max(line_start, match.start() - 40) : min(line_end, match.end() + 25)]
    if _NOT_DATA.search(near):
        return None
    mult = match.group("mult")
    value = parse_number(match.group("num"), mult)
    if value is None or value <= 0:
        return None
    unit: Unit
    if unit_key.rstrip("s") in BYTE_UNITS or unit_key in BYTE_UNITS:
        if _NON_TEXT_BYTES.search(near):
            return None
        value *= BYTE_UNITS.get(unit_key, BYTE_UNITS.get(unit_key.rstrip("s"), 1.0))
        unit = "bytes"
    else:
        unit = next((u for k, u in _UNIT_NAMES.items() if unit_key.startswith(k)), "tokens")
        if unit == "hours" and not _SPEECH.search(line):
            return None
    script = _script_for(line, default_script)
    conversion = to_tokens(value, unit, script, char_tokens=char_tokens)
    if conversion.tokens < 1e5:
        return None  # a handful of examples, not a corpus
    return StatedAmount(
        value,
        unit,
        _scope_of(text, match.start(), match.end()),
        script,
        index.line_col(match.start())[0],
        quote_at(text, match),
        conversion,
        line[:400],
    )
