"""Stated amounts of training data in card prose: data, not parameters or context lengths."""

from __future__ import annotations

import pytest

from lmdef.classify.prose import find_amounts
from lmdef.spans import LineIndex


def amounts(text: str, script: str = "alphabetic"):
    return find_amounts(text, 0, LineIndex(text), default_script=script, char_tokens=False)


@pytest.mark.parametrize(
    ("text", "tokens", "scope"),
    [
        ("The model was pretrained on 2 trillion tokens.", 2e12, "pretraining"),
        ("| Training tokens | 15T+ |", 15e12, "unscoped"),
        ("a 3.3 billion word corpus", 4.29e9, "pretraining"),
        ("We used 160GB of text.", 34.04e9, "unscoped"),
        ("2兆トークンで事前学習しました。", 2e12, "pretraining"),
        ("約1,000億トークンのコーパス", 1e11, "pretraining"),
        ("Fine-tuned on 5M tokens of instructions.", 5e6, "finetuning"),
    ],
    ids=[
        "trillion",
        "bare-T-in-token-table",
        "word-corpus",
        "GB",
        "ja-cho",
        "ja-oku",
        "fine-tuning",
    ],
)
def test_amounts_are_read_and_scoped(text, tokens, scope):
    found = amounts(text)
    assert len(found) == 1
    assert found[0].conversion.tokens == pytest.approx(tokens, rel=1e-3)
    assert found[0].scope == scope


@pytest.mark.parametrize(
    "text",
    [
        "It has 7B parameters.",
        "Context length: 4096 tokens.",
        "Trained with a batch of 512 tokens per step.",
        "The checkpoint file is 14 GB.",
        "We train on 1.4T images.",
        "A model with 1.4T parameters.",
    ],
    ids=["params", "context", "batch", "file-size", "images", "bare-T-params"],
)
def test_non_data_numbers_are_ignored(text):
    assert amounts(text) == []


def test_japanese_bytes_use_japanese_rates():
    (found,) = amounts("学習データは日本語テキスト約79GBです。", script="japanese")
    assert found.script == "japanese"
    assert found.conversion.tokens == pytest.approx(79e9 / 3 / 1.5, rel=1e-3)
