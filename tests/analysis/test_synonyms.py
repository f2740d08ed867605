"""Declared synonyms share a definition (GUIDE §3: a term defined once is defined for every use).

"We use X interchangeably with Y" makes X mean what Y is defined as; with Y undefined, neither
is defined. Each case is (passage, file name, term checked, defined?), written for these tests.
"""

from __future__ import annotations

import pytest

from .helpers import analysis_of, flagged

CASES = [
    (
        "Foundation models are networks pretrained on broad data and adapted to many tasks.\n\n"
        'We use "general-purpose AI" interchangeably with foundation model in this report.',
        "a.txt",
        "general-purpose-technology",
        True,
        "we-use-x-interchangeably-with-defined-y",
    ),
    (
        r"\newacronym{llm}{LLM}{large language model, a decoder-only network pretrained on over"
        r" 1B tokens of text}"
        "\n\nIn this paper, ``foundation model'' is used synonymously with LLM.",
        "a.tex",
        "foundation-model",
        True,
        "latex-x-is-used-synonymously-with-defined-acronym",
    ),
    (
        "We define a frontier model as one trained with more than 10^26 FLOP.\n\n"
        "We use frontier AI and foundation models interchangeably with each other.",
        "a.txt",
        "foundation-model",
        False,
        "and-list-is-not-a-synonym-declaration",
    ),
    (
        'We use "foundation model" interchangeably with general-purpose AI throughout.',
        "a.txt",
        "foundation-model",
        False,
        "synonym-of-an-undefined-term-defines-nothing",
    ),
    (
        "We define an LLM as a decoder-only network pretrained on over 1B tokens of text.\n\n"
        "Foundation models trained with LLM-style objectives are common.",
        "a.txt",
        "foundation-model",
        False,
        "adjacent-terms-without-synonym-words",
    ),
]


@pytest.mark.parametrize(
    ("text", "path", "term", "defined"),
    [c[:4] for c in CASES],
    ids=[c[4] for c in CASES],
)
def test_declared_synonym_takes_the_definition(text, path, term, defined):
    occurrences = [(o.text, o.status) for o in analysis_of(text, path).for_term(term)]
    assert occurrences, "the term must be found"
    assert flagged(text, term, path) is not defined, occurrences
