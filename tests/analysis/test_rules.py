"""LMD101 undefined-term and LMD102 term-used-before-definition through the real engine."""

from __future__ import annotations

import pytest

from lmdef.config import Config
from lmdef.lint import lint_text
from lmdef.rules import default_enabled
from lmdef.rules.undefined_term import UNDEFINED_TERM
from lmdef.rules.used_before_definition import USED_BEFORE_DEFINITION


def _findings(text: str, path: str = "card.md", **config):
    return lint_text(text, path, Config(**config)).findings


def test_one_finding_per_term_at_the_first_undefined_use_with_a_count():
    text = "Intro.\n\nEmergent skills appear. Emergent skills vanish.\nMore emergent skills.\n"
    (f,) = [f for f in _findings(text) if f.rule == "LMD101"]
    assert (f.term, f.start.line, f.start.column, f.snippet) == ("emergent", 3, 1, "Emergent")
    assert "(2 more uses)" in f.message and "a definition should state" in f.message
    assert f.severity == "warning" and f.rule_name == "undefined-term"


@pytest.mark.parametrize(
    ("text", "terms"),
    [
        ("SOTA results and robust models.", ["sota", "robust"]),
        ("基盤モデルは最先端である。", ["foundation-model", "sota"]),
        (
            "We define robust as accuracy within 1 point under typos. Robust models. SOTA too.",
            ["sota"],
        ),
    ],
    ids=["two-terms", "japanese", "defined-term-is-quiet"],
)
def test_terms_reported(text, terms):
    assert [f.term for f in _findings(text) if f.rule == "LMD101"] == terms


def test_first_use_message_says_when_there_are_no_other_uses():
    (f,) = _findings("Robust models.")
    assert "(no other undefined uses)" in f.message


def test_lmd102_is_opt_in():
    assert default_enabled(UNDEFINED_TERM) and not default_enabled(USED_BEFORE_DEFINITION)
    text = "Emergent skills appear.\n\nWe call a skill emergent if small models lack it but large ones have it.\n"
    assert _findings(text) == []


def test_lmd102_points_at_the_definition_line():
    text = "Emergent skills appear.\n\nWe call a skill emergent if small models lack it but large ones have it.\n"
    (f,) = _findings(text, select=("LMD102",))
    assert (f.rule, f.term, f.start.line, f.severity) == ("LMD102", "emergent", 1, "info")
    assert "definition on line 3" in f.message


@pytest.mark.parametrize(
    "text",
    [
        "We call a skill emergent if small models lack it but large ones have it. Emergent skills appear.",
        "---\nlmdef:\n  definitions:\n    emergent: lacking in small models\n---\nEmergent skills appear.\n",
    ],
    ids=["definition-first", "front-matter-has-no-position"],
)
def test_lmd102_quiet(text):
    assert _findings(text, select=("LMD102",)) == []


@pytest.mark.parametrize("rule", [UNDEFINED_TERM, USED_BEFORE_DEFINITION], ids=lambda r: r.code)
def test_rule_documentation_cites_the_paper(rule):
    assert "Rogers & Luccioni" in rule.doc.why
    assert rule.doc.example and rule.doc.use_instead and rule.summary and rule.help
