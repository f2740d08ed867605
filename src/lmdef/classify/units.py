"""Turn a stated amount of training data into a token estimate, stating each step.

The conversion rates are the conventions of the evaluation's labelling guide
(../shared/eval/classify/LABELING.md §2, issue #3 §3): tokens ≈ 1.3 × words for alphabetic
languages, ≈ bytes / 4.7 for raw text, Japanese ~3 bytes/char and ~1.5 chars/token, Korean ~3
bytes/char and ~2.5 chars/token, code ~3.5 bytes/token, speech ~9,000 words per hour. Epochs
add no volume, so nothing here multiplies by them. Every function returns the arithmetic as
words, because the report must show how a number was reached (issue #3 §2).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

Unit = Literal["tokens", "words", "bytes", "characters", "hours"]
Script = Literal["alphabetic", "japanese", "korean", "chinese", "code"]

TOKENS_PER_WORD = 1.3
BYTES_PER_TOKEN = 4.7
WORDS_PER_SPEECH_HOUR = 9_000.0
# script -> (UTF-8 bytes per character, characters per subword token)
CJK_RATES: dict[str, tuple[float, float]] = {
    "japanese": (3.0, 1.5),
    "korean": (3.0, 2.5),
    # Chinese is not in the guide; same byte width as Japanese, ~1.5 chars per token.
    "chinese": (3.0, 1.5),
}
CODE_BYTES_PER_TOKEN = 3.5
CHARS_PER_TOKEN_ALPHABETIC = BYTES_PER_TOKEN  # ASCII-ish text: one byte per character

MULTIPLIERS: dict[str, float] = {
    "k": 1e3,
    "thousand": 1e3,
    "m": 1e6,
    "mn": 1e6,
    "mil": 1e6,
    "million": 1e6,
    "millions": 1e6,
    "b": 1e9,
    "bn": 1e9,
    "billion": 1e9,
    "billions": 1e9,
    "t": 1e12,
    "tn": 1e12,
    "trillion": 1e12,
    "trillions": 1e12,
    "千": 1e3,
    "万": 1e4,
    "億": 1e8,
    "兆": 1e12,
    "млн": 1e6,
    "млрд": 1e9,
}
BYTE_UNITS: dict[str, float] = {
    "kb": 1e3,
    "kib": 1024.0,
    "mb": 1e6,
    "mib": 1024.0**2,
    "gb": 1e9,
    "gib": 1024.0**3,
    "tb": 1e12,
    "tib": 1024.0**4,
    "pb": 1e15,
    "kilobytes": 1e3,
    "megabytes": 1e6,
    "gigabytes": 1e9,
    "terabytes": 1e12,
    "bytes": 1.0,
}

_DIGITS = re.compile(r"[0-9][0-9,.\s]*")


def parse_number(digits: str, multiplier: str | None = None) -> float | None:
    """'13,138,379,147' -> 1.3e10; '1.4', 't' -> 1.4e12; '1,000', '億' -> 1e11.

    Commas are digit grouping (any grouping: '44,04,976,662' is one number); a single comma
    followed by one or two digits is a decimal comma ('2,75 M').
    """
    text = digits.strip().replace(" ", "").replace("\u00a0", "")
    if not text:
        return None
    if re.fullmatch(r"\d+,\d{1,2}", text):
        text = text.replace(",", ".")
    text = text.replace(",", "")
    try:
        value = float(text)
    except ValueError:
        return None
    if multiplier:
        value *= MULTIPLIERS.get(multiplier.lower(), 1.0)
    return value


@dataclass(frozen=True, slots=True)
class Conversion:
    tokens: float
    steps: tuple[str, ...]


def human(value: float) -> str:
    """1.3e10 -> '13B'; 5e5 -> '0.5M' (for arithmetic strings)."""
    for size, suffix in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if abs(value) >= size:
            return f"{value / size:.3g}{suffix}"
    return f"{value:.3g}"


def to_tokens(
    value: float, unit: Unit, script: Script = "alphabetic", *, char_tokens: bool = False
) -> Conversion:
    """Convert `value` `unit`s of text in `script` to tokens; `char_tokens`: 1 char = 1 token."""
    if unit == "tokens":
        return Conversion(value, (f"{human(value)} tokens as stated",))
    if unit == "words":
        if script in CJK_RATES:
            # Word counts for CJK text are rare and already segmenter words; treat 1:1.
            return Conversion(value, (f"{human(value)} words ≈ {human(value)} tokens (CJK)",))
        tokens = value * TOKENS_PER_WORD
        return Conversion(
            tokens, (f"{human(value)} words × {TOKENS_PER_WORD} tokens/word ≈ {human(tokens)}",)
        )
    if unit == "hours":
        words = value * WORDS_PER_SPEECH_HOUR
        tokens = words * TOKENS_PER_WORD
        return Conversion(
            tokens,
            (
                f"{human(value)} h of speech × {WORDS_PER_SPEECH_HOUR:,.0f} words/h ≈ "
                f"{human(words)} words",
                f"{human(words)} words × {TOKENS_PER_WORD} tokens/word ≈ {human(tokens)} tokens",
            ),
        )
    if unit == "characters":
        if script in CJK_RATES:
            per = 1.0 if char_tokens else CJK_RATES[script][1]
            tokens = value / per
            return Conversion(
                tokens,
                (f"{human(value)} characters / {per:g} chars per token ≈ {human(tokens)} tokens",),
            )
        tokens = value / CHARS_PER_TOKEN_ALPHABETIC
        return Conversion(
            tokens,
            (
                f"{human(value)} characters / {CHARS_PER_TOKEN_ALPHABETIC} chars per token ≈ "
                f"{human(tokens)} tokens",
            ),
        )
    # bytes
    if script == "code":
        tokens = value / CODE_BYTES_PER_TOKEN
        return Conversion(
            tokens,
            (
                f"{human(value)} bytes of code / {CODE_BYTES_PER_TOKEN} bytes per token ≈ "
                f"{human(tokens)} tokens",
            ),
        )
    if script in CJK_RATES:
        bytes_per_char, chars_per_token = CJK_RATES[script]
        chars = value / bytes_per_char
        per = 1.0 if char_tokens else chars_per_token
        tokens = chars / per
        return Conversion(
            tokens,
            (
                f"{human(value)} bytes / {bytes_per_char:g} bytes per {script} character ≈ "
                f"{human(chars)} characters",
                f"{human(chars)} characters / {per:g} chars per token ≈ {human(tokens)} tokens",
            ),
        )
    tokens = value / BYTES_PER_TOKEN
    return Conversion(
        tokens,
        (f"{human(value)} bytes / {BYTES_PER_TOKEN} bytes per token ≈ {human(tokens)} tokens",),
    )
