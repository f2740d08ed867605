"""Evidence in a neighbouring sentence counts only when it is about the use (GUIDE §4).

A neighbour that holds another tracked term carries that term's evidence: a robustness
measurement does not make a SOTA claim precise, nor a GPAI compute threshold a frontier-model
one. Each case is (passage, term, operationalised?), written for these tests.
"""

from __future__ import annotations

import pytest

from .helpers import analysis_of, flagged

CASES = [
    (
        "Our tagger is robust to typos: F1 on the noised CoNLL-2003 test set drops by 0.9 points."
        " It also sets a new state of the art.",
        "sota",
        False,
        "robustness-score-before-sota",
    ),
    (
        "Whether these systems are frontier models is debated. Foundation models trained with"
        " more than 10^26 FLOP face extra duties.",
        "frontier-model",
        False,
        "threshold-for-another-term-after",
    ),
    (
        "The parser is state of the art. Under paraphrase attacks it is robust, losing 1.1 points"
        " of LAS on UD-English.",
        "sota",
        False,
        "robustness-score-after-sota",
    ),
    # A neighbour with no other tracked term still operationalises the use.
    (
        "Our tagger sets a new state of the art. It reaches 93.4 F1 on CoNLL-2003.",
        "sota",
        True,
        "score-in-plain-neighbour",
    ),
    (
        "Few labs can train frontier models. Training one takes more than 10^26 FLOP.",
        "frontier-model",
        True,
        "threshold-in-plain-neighbour",
    ),
    # The use's own sentence always counts, other terms in it or not.
    (
        "Our 7B-parameter decoder-only LLM is state of the art on GSM8K with 71.2% accuracy.",
        "sota",
        True,
        "own-sentence-with-other-term",
    ),
]


@pytest.mark.parametrize(
    ("text", "term", "operationalised"),
    [c[:3] for c in CASES],
    ids=[c[3] for c in CASES],
)
def test_neighbour_evidence_belongs_to_its_own_term(text, term, operationalised):
    occurrences = [(o.text, o.status) for o in analysis_of(text).for_term(term)]
    assert occurrences, "the term must be found"
    assert flagged(text, term) is not operationalised, occurrences
