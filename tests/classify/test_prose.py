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
        # the vocabulary on the line before is not what this amount measures
        ("It uses a 16k BPE vocabulary.\n\nTrained on 20 MB of poems.", 20e6 / 4.7, "pretraining"),
        # both scope words in one sentence: the one nearer the amount decides
        (
            "It was trained for about 1T tokens of bilingual corpus, supplemented by "
            "supervised fine-tuning and RLHF.",
            1e12,
            "pretraining",
        ),
        (
            "Starting from the base corpus, we fine-tuned it on 5M tokens of dialogues.",
            5e6,
            "finetuning",
        ),
    ],
    ids=[
        "trillion",
        "bare-T-in-token-table",
        "word-corpus",
        "GB",
        "ja-cho",
        "ja-oku",
        "fine-tuning",
        "previous-line-words-do-not-count",
        "nearer-scope-word-pretraining",
        "nearer-scope-word-finetuning",
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
        "INT4 量化级别下最低只需 6GB 显存。",
        "推論には 16GB のメモリが必要です。",
    ],
    ids=[
        "params",
        "context",
        "batch",
        "file-size",
        "images",
        "bare-T-params",
        "zh-vram",
        "ja-memory",
    ],
)
def test_non_data_numbers_are_ignored(text):
    assert amounts(text) == []


def test_japanese_bytes_use_japanese_rates():
    (found,) = amounts("学習データは日本語テキスト約79GBです。", script="japanese")
    assert found.script == "japanese"
    assert found.conversion.tokens == pytest.approx(79e9 / 3 / 1.5, rel=1e-3)


def _substring_lines(text: str, trigger: str) -> list[tuple[int, int]]:
    """The reference the trigger index must agree with: every line holding the substring."""
    spans, offset = [], 0
    for line in text.split("\n"):
        if trigger in line:
            spans.append((offset, offset + len(line)))
        offset += len(line) + 1
    return spans


TRIGGER_TEXT = (
    "we fine-tuned the model\n"
    "automodelforcausallm and qlora adapters\n"
    "no triggers here\n"
    "pretrained on tokens; finetuned twice: fine-tuned again\n"
)


@pytest.mark.parametrize(
    "trigger",
    ["fine-tun", "fine-tuned", "causallm", "lora", "qlora", "train", "token", "absent"],
    ids=[
        "prefix-of-a-longer-trigger",
        "longer-trigger",
        "inside-a-word",
        "inside-a-longer-trigger",
        "the-longer-trigger",
        "inside-pretrained",
        "plural",
        "absent",
    ],
)
def test_trigger_index_finds_every_line_holding_the_substring(trigger):
    from lmdef.classify.prose import TriggerLines

    triggers = ["fine-tun", "fine-tuned", "causallm", "lora", "qlora", "train", "token", "absent"]
    index = TriggerLines(TRIGGER_TEXT, 0, triggers)
    assert index.lines([trigger]) == _substring_lines(TRIGGER_TEXT, trigger)


def test_trigger_index_merges_lines_of_several_triggers_in_order():
    from lmdef.classify.prose import TriggerLines

    index = TriggerLines(TRIGGER_TEXT, 0, ["lora", "token", "fine-tun"])
    expected = sorted(
        {*_substring_lines(TRIGGER_TEXT, "lora"), *_substring_lines(TRIGGER_TEXT, "fine-tun")}
    )
    assert index.lines(["lora", "fine-tun"]) == expected


def test_trigger_index_keeps_a_bounded_number_of_lines_per_trigger():
    from lmdef.classify.prose import MAX_TRIGGER_HITS, TriggerLines

    text = "token\n" * (MAX_TRIGGER_HITS * 3)
    assert len(TriggerLines(text, 0, ["token"]).lines(["token"])) == MAX_TRIGGER_HITS


def test_trigger_index_ignores_text_before_start():
    from lmdef.classify.prose import TriggerLines

    text = "token in the front matter\nbody without it\ntoken in the body\n"
    start = text.index("body")
    assert TriggerLines(text, start, ["token"]).lines(["token"]) == [
        (text.index("token in the body"), len(text) - 1)
    ]


@pytest.mark.parametrize(
    ("text", "tokens"),
    [
        pytest.param(
            "Trained for 3 epochs on 300M tokens of news, i.e. 900M tokens seen.\n",
            [3e8],
            id="epochs-same-line-keeps-corpus",
        ),
        pytest.param(
            "Pretrained on 2.5B tokens of stories (two epochs over a\n1.25B-token corpus).\n",
            [1.25e9],
            id="epochs-wrapped-line-and-hyphenated-amount",
        ),
        pytest.param(
            "Pretrained on 2B tokens.\n\nThe tokenizer saw 300M tokens for 2 epochs.\n",
            [2e9, 3e8],
            id="separate-paragraphs-are-separate-facts",
        ),
    ],
)
def test_epochs_add_no_volume(text, tokens):
    """LABELING.md §2: tokens seen over several epochs are not a larger corpus."""
    assert sorted(a.conversion.tokens for a in amounts(text)) == sorted(tokens)
