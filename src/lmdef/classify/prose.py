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
from typing import Literal

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
    names_base: bool = False  # the line names a base model: the amount is the base's, not extra


_NUM = r"(?P<num>\d{1,3}(?:,\d{2,3})+(?:\.\d+)?|\d+(?:[.,]\d+)?)"
_MULT = r"(?P<mult>trillions?|billions?|millions?|thousand|bn|mn|млрд|млн|[kKmMbBtT](?![a-zA-Z])|千|万|億|兆)?"
_UNIT = (
    r"(?P<unit>tokens?|words?|(?:[KMGTP]i?B|kilobytes|megabytes|gigabytes|terabytes)(?![a-zA-Z])"
    r"|characters?|chars|hours?|hrs?\b|トークン|単語|語|文字|時間分?|токен\w*|слов\w*)"
)
_AMOUNT = re.compile(
    rf"(?<![0-9A-Za-z.,]){_NUM}\s?{_MULT}\+?\s*(?:(?:of|multi-?lingual|raw|plain|clean|text|unique|"
    rf"[a-z]+-?[a-z]+)\s+){{0,2}}?{_UNIT}",
    re.IGNORECASE,
)
# A bare "15T" / "1.4T" in a line that talks about tokens (tables: "| Token count | 15T+ |").
_BARE_T = re.compile(r"(?<![0-9A-Za-z.,])(?P<num>\d+(?:\.\d+)?)\s?(?P<mult>T)\+?(?![\w])")
_NOT_DATA = re.compile(
    r"context|sequence length|max(?:imum)?[_ ]|length|window|batch|per (?:step|batch|device)|"
    r"steps?\b|vocab|embedding|dimension|hidden|input|up to \d|param|VRAM|memory|GPU|RAM|disk|"
    r"download|file size|checkpoint|model size|weights",
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


@lru_cache(maxsize=8)
def _compile(patterns: tuple[str, ...]) -> re.Pattern[str]:
    # One alternation, one pass over the card (the speed target is >= 500 cards/s, issue #3).
    return re.compile("|".join(f"(?P<s{i}>{p})" for i, p in enumerate(patterns)), re.IGNORECASE)


def find_signals(
    text: str, start: int, index: LineIndex, signals: Sequence[Signal] | None = None
) -> list[SignalHit]:
    """Every signal phrase in `text[start:]`, in text order.

    One alternation per signal kind, so a transfer phrase never hides a lineage phrase on the
    same words ("a QLoRA adapter" is both); within a kind the first listed signal wins.
    """
    table = tuple(signals if signals is not None else load_signals().signals)
    hits: list[SignalHit] = []
    for kind in dict.fromkeys(s.kind for s in table):
        group = tuple(s for s in table if s.kind == kind)
        for match in _compile(tuple(s.pattern for s in group)).finditer(text, start):
            name = match.lastgroup
            if name is None:
                continue
            signal = group[int(name[1:])]
            line, _ = index.line_col(match.start())
            hits.append(SignalHit(signal, match.start(), match.end(), line, quote_at(text, match)))
    hits.sort(key=lambda h: h.start)
    return hits


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


def sentence_of(text: str, start: int, end: int) -> str:
    """The sentence around text[start:end], within its line (scope words are read here)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    lo = line_start
    for m in _SENTENCE_END.finditer(text, line_start, start):
        lo = m.end()
    m = _SENTENCE_END.search(text, end, line_end)
    return text[lo : m.end() if m else line_end]


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
    base_names: re.Pattern[str] | None = None,
) -> list[StatedAmount]:
    """Stated amounts of training text in `text[start:]`, converted to tokens."""
    found: list[StatedAmount] = []
    seen: set[int] = set()
    for match in _AMOUNT.finditer(text, start):
        amount = _amount(match, text, index, default_script, char_tokens, base_names)
        if amount is not None:
            found.append(amount)
            seen.add(match.start())
    for match in _BARE_T.finditer(text, start):
        if match.start() in seen:
            continue
        line = line_of(text, match.start())
        if not re.search(r"token|トークン", line, re.IGNORECASE):
            continue
        value = parse_number(match.group("num"), "t")
        if value is None:
            continue
        scope = _scope(sentence_of(text, match.start(), match.end()))
        found.append(
            StatedAmount(
                value,
                "tokens",
                scope,
                default_script,
                index.line_col(match.start())[0],
                quote_at(text, match),
                to_tokens(value, "tokens"),
                bool(base_names and base_names.search(line)),
            )
        )
    return found


def _scope(line: str) -> Scope:
    pre = _PRETRAIN_SCOPE.search(line)
    fine = _FINETUNE_SCOPE.search(line)
    if fine and not (pre and re.search(r"pre-?train|事前学習", line, re.IGNORECASE)):
        return "finetuning"
    return "pretraining" if pre else "unscoped"


def _amount(
    match: re.Match[str],
    text: str,
    index: LineIndex,
    default_script: Script,
    char_tokens: bool,
    base_names: re.Pattern[str] | None,
) -> StatedAmount | None:
    raw_unit = match.group("unit")
    unit_key = raw_unit.lower()
    line = line_of(text, match.start())
    # The words just around the number decide whether it is data or something else.
    near = text[max(0, match.start() - 40) : min(len(text), match.end() + 25)]
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
        _scope(sentence_of(text, match.start(), match.end())),
        script,
        index.line_col(match.start())[0],
        quote_at(text, match),
        conversion,
        bool(base_names and base_names.search(line)),
    )
