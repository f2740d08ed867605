"""LMD201 unsupported-llm-claim: a card that calls its own model an LLM when the verdict is
not-llm gets a positioned finding (issue #3 §5)."""

from __future__ import annotations

import pytest

from lmdef.classify import classify_model
from lmdef.classify.snapshot import ModelSnapshot
from lmdef.rules.unsupported_llm_claim import UNSUPPORTED_LLM_CLAIM, claim_findings

CLASSIFIER = (
    "---\npipeline_tag: text-classification\nlibrary_name: sklearn\n---\n"
    "# Ticket router\n\nThis model is a lightweight LLM that routes support tickets.\n"
    "It is a logistic regression classifier on tabular features.\n"
)


def test_claim_on_not_llm_is_flagged_with_position():
    snap = ModelSnapshot("x", "org/router", CLASSIFIER, "cards/router/README.md")
    result = classify_model(snap)
    assert result.verdict == "not-llm"
    (finding,) = result.findings
    assert finding.rule == "LMD201" and finding.rule_name == "unsupported-llm-claim"
    assert (finding.start.line, finding.start.column) == (7, 29)
    assert finding.snippet == "LLM"


@pytest.mark.parametrize(
    ("text", "verdict", "count"),
    [
        ("This model is a large language model for tickets.\n", "not-llm", 1),
        ("本モデルは大規模言語モデルです。\n", "not-llm", 1),
        ("This model is a large language model for tickets.\n", "llm", 0),
        ("This model is a large language model for tickets.\n", "undetermined", 0),
        ("Unlike LLMs, classifiers are cheap to run.\n", "not-llm", 0),
        ("```\nprint('our LLM')\n```\n", "not-llm", 0),
        ("This LLM-powered model ranks tickets.\n", "not-llm", 0),
    ],
    ids=[
        "en-claim",
        "ja-claim",
        "verdict-llm",
        "verdict-undetermined",
        "generic-mention",
        "code-block",
        "llm-powered",
    ],
)
def test_claim_table(text, verdict, count):
    assert len(claim_findings(text, 0, verdict)) == count


def test_rule_declares_its_documentation():
    rule = UNSUPPORTED_LLM_CLAIM
    assert rule.code == "LMD201"
    assert rule.doc.what and rule.doc.why and rule.doc.example and rule.doc.use_instead
