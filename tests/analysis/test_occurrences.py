"""Matching: ASCII-only boundaries so terms match next to CJK text; exact spans; case rules."""

from __future__ import annotations

import pytest

from lmdef.analysis.sentences import Sentences

from .helpers import analysis_of

MATCHES = [
    ("LLMの能力を評価する。", "llm", ["LLM"], "llm-before-kana"),
    (
        "このFoundation Modelの性能",
        "foundation-model",
        ["Foundation Model"],
        "foundation-model-between-cjk",
    ),
    ("大規模言語モデルLlamaを使う。", "llm", ["大規模言語モデル"], "ja-form-before-latin"),
    ("SOTAを達成", "sota", ["SOTA"], "sota-before-kana"),
    ("large\nlanguage models", "llm", ["large\nlanguage models"], "phrase-across-a-line-break"),
    ("State-Of-The-Art results", "sota", ["State-Of-The-Art"], "sota-case-insensitive"),
    ("the llm package", "llm", [], "llm-lowercase-is-not-the-acronym"),
    ("LLMOps and XLLM tools", "llm", [], "no-match-inside-ascii-words"),
    ("frontier LLMs", "llm", ["LLMs"], "nested-term-is-reported"),
    ("frontier LLMs", "frontier-model", ["frontier LLMs"], "outer-term-is-reported"),
    ("Models emerge at scale.", "emergent", [], "verb-emerge-is-not-tracked"),
    (
        "a general-purpose embedding model",
        "general-purpose-technology",
        [],
        "intended-use-not-tracked",
    ),
    (
        "a general-purpose LLM",
        "general-purpose-technology",
        ["general-purpose LLM"],
        "general-purpose-ai-model",
    ),
]


@pytest.mark.parametrize(
    ("text", "term", "surfaces"), [c[:3] for c in MATCHES], ids=[c[3] for c in MATCHES]
)
def test_occurrences_and_their_exact_spans(text, term, surfaces):
    occ = analysis_of(text).for_term(term)
    assert [o.text for o in occ] == surfaces
    assert all(o.span.slice(text) == o.text for o in occ)


def test_masked_code_is_not_scanned():
    text = "Run `llm --model LLM` now.\n\n```\nLLMs are emergent\n```\n"
    assert analysis_of(text, "a.md").occurrences == ()


@pytest.mark.parametrize(
    ("text", "offset", "sentence"),
    [
        ("We use e.g. typos here. Next one.", 5, "We use e.g. typos here. "),
        ("モデルは頑健である。次の文。", 2, "モデルは頑健である。"),
        ("First line\n\nSecond para.", 13, "Second para."),
        ("見出し\n本文です。", 5, "本文です。"),
    ],
    ids=["abbreviation-is-not-a-boundary", "japanese-full-stop", "blank-line", "ja-line-break"],
)
def test_sentence_segmenter(text, offset, sentence):
    assert Sentences(text).at(offset).slice(text) == sentence


def test_adjacent_window_stays_inside_the_paragraph():
    text = "One. Two.\n\nThree."
    s = Sentences(text)
    assert [w.slice(text) for w in s.window(text.index("Two"))] == ["One. ", "Two.\n\n"]
