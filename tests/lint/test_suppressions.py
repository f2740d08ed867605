"""Suppression directives, end to end through the real Markdown parser and the engine
(issue #2 section 7): what each directive kind silences, and what LMD901 reports."""

from __future__ import annotations

import pytest

from lmdef.config import Config
from lmdef.documents import parse_document
from lmdef.lint import lint_document, lint_text
from lmdef.rules.unused_suppression import UNUSED_SUPPRESSION

from .fakes import EveryUse, FirstUse

EVERY = EveryUse()
OTHER = EveryUse(code="LMD102", name="term-used-before-definition", default_enabled=False)
RULES = (EVERY, OTHER, UNUSED_SUPPRESSION)


def run(text: str, path: str = "card.md", rules=RULES, **config) -> list[tuple[str, int]]:
    document = parse_document(text, path)
    findings = lint_document(document, Config(**config), lexicon=None, rules=rules)
    return [(f.rule, f.start.line) for f in findings]


CASES = [
    pytest.param("The LLM.\n\nAn LLM.\n", [("LMD101", 1), ("LMD101", 3)], id="no-directive"),
    pytest.param(
        "<!-- lmdef: ignore[LMD101] -->\nThe LLM.\n\nAn LLM.\n",
        [("LMD101", 4)],
        id="ignore-code-next-block-only",
    ),
    pytest.param(
        "<!-- lmdef: ignore[undefined-term] -->\nThe LLM.\n\nAn LLM.\n",
        [("LMD101", 4)],
        id="ignore-by-name",
    ),
    pytest.param(
        "<!-- lmdef: ignore -->\nThe LLM.\n\nAn LLM.\n", [("LMD101", 4)], id="ignore-all-rules"
    ),
    pytest.param(
        "<!-- lmdef: ignore[LMD101] we define it in the paper -->\nThe LLM.\n",
        [],
        id="ignore-with-reason",
    ),
    pytest.param(
        "An LLM.\n\n<!-- lmdef: disable LMD101 -->\n\nThe LLM.\n\nLLM.\n\n"
        "<!-- lmdef: enable -->\n\nLLM again.\n",
        [("LMD101", 1), ("LMD101", 11)],
        id="disable-enable-region",
    ),
    pytest.param(
        "An LLM.\n\n<!-- lmdef: disable LMD101 -->\n\nThe LLM.\n\n<!-- lmdef: enable LMD101 -->\n\nLLM.\n",
        [("LMD101", 1), ("LMD101", 9)],
        id="enable-by-code",
    ),
    pytest.param(
        "<!-- lmdef: disable -->\n\nThe LLM.\n\nLLM.\n", [], id="disable-everything-to-end"
    ),
    pytest.param(
        "<!-- lmdef: ignore[LMD101] -->\nNothing to see.\n\nAn LLM.\n",
        [("LMD901", 1), ("LMD101", 4)],
        id="unused-ignore-is-reported",
    ),
    pytest.param(
        "<!-- lmdef: disable LMD101 -->\nClean.\n<!-- lmdef: enable -->\n",
        [("LMD901", 1)],
        id="unused-region-is-reported",
    ),
    pytest.param(
        "<!-- lmdef: ignore[LMD999] -->\nThe LLM.\n",
        [("LMD901", 1), ("LMD101", 2)],
        id="unknown-code-is-reported-and-suppresses-nothing",
    ),
    pytest.param(
        "<!-- lmdef: ignroe[LMD101] -->\nThe LLM.\n",
        [("LMD901", 1), ("LMD101", 2)],
        id="unknown-action-is-reported",
    ),
    pytest.param("Text.\n\n<!-- lmdef: enable -->\n", [("LMD901", 3)], id="stray-enable"),
    pytest.param(
        "<!-- lmdef: ignore[LMD102] -->\nThe LLM.\n",
        [("LMD101", 2)],
        id="directive-for-a-rule-that-did-not-run-is-not-judged",
    ),
    pytest.param(
        "<!-- lmdef: disable LMD102 -->\n\nThe LLM.\n", [("LMD101", 3)], id="region-is-per-rule"
    ),
    pytest.param(
        "<!-- just a comment -->\nThe LLM.\n", [("LMD101", 2)], id="ordinary-comment-ignored"
    ),
    pytest.param(
        "Syntax:\n\n```markdown\n<!-- lmdef: ignore[LMD101] -->\n```\n\nThe LLM.\n",
        [("LMD101", 7)],
        id="directive-shown-in-a-code-fence-is-not-one",
    ),
    pytest.param("<!--\nlmdef: ignore[LMD101]\n-->\nThe LLM.\n", [], id="multi-line-comment"),
    pytest.param(
        "<!-- lmdef: disable LMD901 -->\n<!-- lmdef: ignore[LMD101] -->\nClean.\n",
        [],
        id="lmd901-can-be-disabled",
    ),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_markdown_directives(text: str, expected: list[tuple[str, int]]) -> None:
    assert run(text) == expected


def test_selected_rule_is_filtered_in_its_region() -> None:
    text = "<!-- lmdef: disable LMD102 -->\n\nThe LLM.\n"
    assert run(text, select=("LMD101", "LMD102", "LMD901")) == [("LMD101", 3)]


def test_suppressed_first_use_moves_the_finding_to_the_next_use() -> None:
    # LMD101 reports one finding per term at its first undefined use: suppressing that
    # block must not hide the rest of the file (the rule asks context.is_suppressed).
    text = "<!-- lmdef: ignore[LMD101] -->\nThe LLM.\n\nSome text.\n\nAnother LLM.\n"
    assert run(text, rules=(FirstUse(), UNUSED_SUPPRESSION)) == [("LMD101", 6)]


def test_ignoring_lmd901_silences_directive_problems() -> None:
    text = "<!-- lmdef: ignore[LMD999] -->\nText.\n"
    assert run(text, ignore=("LMD901",)) == []


@pytest.mark.parametrize(
    ("path", "text", "expected"),
    [
        pytest.param(
            "paper.tex",
            "\\documentclass{article}\n\\begin{document}\n% lmdef: ignore[LMD101]\n"
            "The LLM is big.\n\nAnother LLM.\n\\end{document}\n",
            [("LMD101", 6)],
            id="latex-percent-comment",
        ),
        pytest.param(
            "notes.txt",
            "lmdef: ignore\nThe LLM is big.\n\nAnother LLM.\n",
            [("LMD101", 4)],
            id="plain-text-line",
        ),
    ],
)
def test_other_markup_directives(path: str, text: str, expected) -> None:
    assert run(text, path=path) == expected


def test_real_undefined_term_reports_the_use_after_a_suppressed_block() -> None:
    text = "<!-- lmdef: ignore[LMD101] -->\nOur LLM is fast.\n\nThe LLM is also small.\n"
    result = lint_text(text, "card.md")
    assert [(f.rule, f.term, f.start.line) for f in result.findings] == [("LMD101", "llm", 4)]
    assert "no other undefined uses" in result.findings[0].message
