"""Definitions written with LaTeX markup or as someone's quoted usage (GUIDE §3).

Batch 5 of the held-out passages showed two phrasings lmdef missed: the term wrapped in LaTeX
markup (\\emph{X}, ``X'') inside an ordinary definition, and "<source> uses "X" for <gloss>"; and a refusal ("we avoid the word X for it") read as
"the term X for <gloss>".
Each case is (passage, file name, term, defined?), written for these tests; "defined" means
an occurrence is read as a definition and no use is left undefined.
"""

from __future__ import annotations

import pytest

from .helpers import analysis_of, flagged

CASES = [
    (
        r"Here the term \emph{foundation model} denotes a network pretrained on broad data and"
        r" adapted to many tasks.",
        "a.tex",
        "foundation-model",
        True,
        "emph-term-denotes",
    ),
    (
        r"By \textit{emergent} we mean an ability absent below 1B parameters and present above 10B.",
        "a.tex",
        "emergent",
        True,
        "textit-by-x-we-mean",
    ),
    (
        r"We use ``robust'' to mean that accuracy changes by less than one point under paraphrase.",
        "a.tex",
        "robust",
        True,
        "latex-quotes-use-to-mean",
    ),
    (
        r"The report uses ``general-purpose AI'' for models that perform many distinct tasks well.",
        "a.tex",
        "general-purpose-technology",
        True,
        "latex-quotes-report-uses-for",
    ),
    (
        'The regulation uses "foundation model" for any model trained on broad data at scale.',
        "a.txt",
        "foundation-model",
        True,
        "source-uses-quoted-for",
    ),
    (
        "They use “frontier AI” to refer to models at or above a stated compute threshold.",
        "a.txt",
        "frontier-model",
        True,
        "they-use-curly-quoted-to-refer",
    ),
    # Not definitions.
    (
        "We use LLMs for annotation of the whole corpus.",
        "a.txt",
        "llm",
        False,
        "unquoted-use-for-is-a-use",
    ),
    (
        'We use "LLM" for brevity throughout the rest of this paper.',
        "a.txt",
        "llm",
        False,
        "for-brevity-is-no-gloss",
    ),
    (
        r"Our \emph{emergent} results are shown in Table 2.",
        "a.tex",
        "emergent",
        False,
        "emph-without-definition",
    ),
    (
        'Our tagger is no large language model, and we avoid the word "LLM" for it.',
        "a.txt",
        "llm",
        False,
        "avoid-the-word-for-it",
    ),
    (
        "We do not use the term emergent for results that rise smoothly with model size.",
        "a.txt",
        "emergent",
        False,
        "do-not-use-the-term-for",
    ),
    (
        "We use the term foundation model for any network pretrained on broad data and adapted widely.",
        "a.txt",
        "foundation-model",
        True,
        "the-phrase-x-for-still-defines",
    ),
    (
        r"Many papers use ``foundation model'' loosely.",
        "a.tex",
        "foundation-model",
        False,
        "uses-quoted-without-for",
    ),
]


@pytest.mark.parametrize(
    ("text", "path", "term", "defined"),
    [c[:4] for c in CASES],
    ids=[c[4] for c in CASES],
)
def test_marked_up_or_quoted_definitions(text, path, term, defined):
    occurrences = [(o.text, o.status) for o in analysis_of(text, path).for_term(term)]
    assert occurrences, "the term must be found"
    if defined:
        assert not flagged(text, term, path), occurrences
    assert any(status == "defined" for _, status in occurrences) is defined, occurrences
