"""Unit conversions follow LABELING.md §2 and state their arithmetic (issue #3 §3)."""

from __future__ import annotations

import pytest

from lmdef.classify.units import parse_number, to_tokens


@pytest.mark.parametrize(
    ("digits", "mult", "expected"),
    [
        ("13,138,379,147", None, 13_138_379_147),
        ("44,04,976,662", None, 4_404_976_662),  # odd digit grouping is still one number
        ("1.4", "T", 1.4e12),
        ("3.3", "billion", 3.3e9),
        ("800", "M", 8e8),
        ("1,000", "億", 1e11),
        ("2", "兆", 2e12),
        ("2,75", "M", 2.75e6),  # decimal comma
    ],
    ids=["grouped", "indian-grouping", "T", "billion", "M", "oku", "cho", "decimal-comma"],
)
def test_parse_number(digits, mult, expected):
    assert parse_number(digits, mult) == pytest.approx(expected)


@pytest.mark.parametrize(
    ("value", "unit", "script", "char_tokens", "tokens", "says"),
    [
        (1e9, "tokens", "alphabetic", False, 1e9, "as stated"),
        (3.3e9, "words", "alphabetic", False, 4.29e9, "1.3 tokens/word"),
        (160e9, "bytes", "alphabetic", False, 34.04e9, "4.7 bytes per token"),
        (16e9, "bytes", "code", False, 4.571e9, "3.5 bytes per token"),
        (79.2e9, "bytes", "japanese", False, 17.6e9, "1.5 chars per token"),
        (2.6e9, "bytes", "japanese", True, 0.8667e9, "1 chars per token"),
        (30e9, "bytes", "korean", False, 4e9, "2.5 chars per token"),
        (680_000, "hours", "alphabetic", False, 7.956e9, "9,000 words/h"),
        (24e9, "characters", "japanese", False, 16e9, "1.5 chars per token"),
    ],
    ids=[
        "tokens",
        "words",
        "bytes",
        "code",
        "ja-bytes",
        "ja-char-tokenizer",
        "ko",
        "speech",
        "ja-chars",
    ],
)
def test_to_tokens_states_its_arithmetic(value, unit, script, char_tokens, tokens, says):
    conv = to_tokens(value, unit, script, char_tokens=char_tokens)
    assert conv.tokens == pytest.approx(tokens, rel=1e-3)
    assert any(says in step for step in conv.steps)
