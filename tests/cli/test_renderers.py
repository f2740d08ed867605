"""The text and JSON renderers and the format dispatch (issue #2 section 8, issue #3 section 6)."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from lmdef.lint import build_report
from lmdef.output import render_classification, render_lint, resolve_format
from lmdef.output.text import clean, format_tokens
from lmdef.report import (
    ClassificationReport,
    Criterion,
    Evidence,
    FailedFile,
    Finding,
    LintedFile,
    ModelResult,
    Position,
    TokenEstimate,
)

SCHEMAS = Path(__file__).resolve().parents[2] / "schemas"


def finding(line: int, col: int, message: str = "undefined", term: str | None = "llm") -> Finding:
    return Finding(
        rule="LMD101",
        rule_name="undefined-term",
        term=term,
        severity="warning",
        message=message,
        help="Define the term.",
        start=Position(line=line, column=col),
        end=Position(line=line, column=col + 3),
        offset=0,
        length=3,
        snippet="LLM",
    )


def lint_report():
    return build_report(
        [
            LintedFile(path="a.md", findings=[finding(2, 5), finding(9, 1, term="sota")]),
            FailedFile(path="b.md", error="not valid UTF-8"),
            LintedFile(path="c.md", findings=[]),
        ]
    )


def test_lint_text_layout() -> None:
    assert render_lint(lint_report(), "text") == (
        "a.md:2:5: LMD101 [llm] undefined\n"
        "    help: Define the term.\n"
        "a.md:9:1: LMD101 [sota] undefined\n"
        "    help: Define the term.\n"
        "b.md: error: not valid UTF-8\n"
        "\n"
        "2 findings (2 warnings) in 1 of 3 files; 1 input could not be linted.\n"
    )


def test_summary_counts() -> None:
    s = lint_report().summary
    assert (s.files, s.files_with_findings, s.files_with_errors, s.findings) == (3, 1, 1, 2)
    assert s.by_rule == {"LMD101": 2}
    assert s.by_term == {"llm": 1, "sota": 1}


def test_lint_json_validates_against_the_schema() -> None:
    data = json.loads(render_lint(lint_report(), "json"))
    schema = json.loads((SCHEMAS / "lint-report.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert data["files"][1] == {"path": "b.md", "error": "not valid UTF-8"}


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        pytest.param("a\x1b[31mb", "a\\x1b[31mb", id="ansi-escape"),
        pytest.param("a\x07b\x00", "a\\x07b\\x00", id="bell-and-nul"),
        pytest.param("a\x9bb", "a\\x9bb", id="c1-csi"),
        pytest.param("abc\u202edef", "abc\\u202edef", id="bidi-override"),
        pytest.param("two\nlines\r\n", "two lines", id="newlines-collapse"),
        pytest.param("大規模言語モデル 🦙", "大規模言語モデル 🦙", id="cjk-and-emoji-kept"),
    ],
)
def test_clean(raw: str, shown: str) -> None:
    assert clean(raw) == shown


@pytest.mark.parametrize(
    ("env", "fmt"),
    [
        pytest.param({"GITHUB_ACTIONS": "true"}, "github", id="actions"),
        pytest.param({"GITHUB_ACTIONS": "false"}, "text", id="not-actions"),
        pytest.param({}, "text", id="terminal"),
    ],
)
def test_auto_format(env: dict[str, str], fmt: str) -> None:
    assert resolve_format("auto", env) == fmt
    assert resolve_format("json", env) == "json"


def test_unknown_format_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown format 'yaml'"):
        render_lint(lint_report(), "yaml")


@pytest.mark.parametrize(
    ("tokens", "shown"),
    [(2e12, "2T"), (1.4e12, "1.4T"), (3e11, "300B"), (1e9, "1B"), (5e7, "50M"), (None, "?")],
)
def test_format_tokens(tokens: float | None, shown: str) -> None:
    assert format_tokens(tokens) == shown


def classification() -> ClassificationReport:
    criteria = [
        Criterion(
            id="text",
            met="yes",
            evidence=[Evidence(source="front_matter:pipeline_tag", detail="text-generation")],
            rationale="It models text.",
        ),
        Criterion(
            id="data",
            met="yes",
            evidence=[
                Evidence(
                    source="readme:12",
                    detail="2.5B tokens",
                    line=12,
                    quote="Pretrained on 2.5B \x1b[2Jtokens",
                )
            ],
            rationale="More than 1B tokens.",
        ),
        Criterion(id="transfer", met="unknown", evidence=[], rationale="No sign of reuse."),
    ]
    ok = ModelResult(
        input="org/story",
        model_id="org/story",
        verdict="undetermined",
        criteria=criteria,
        pretraining_tokens=2.5e9,
        token_estimate=TokenEstimate(tokens=2.5e9, arithmetic=["2 epochs x 1.25B tokens"]),
        derived_from_llm=None,
        base_models=[],
        findings=[],
        error=None,
    )
    bad = ModelResult(
        input="org/gated",
        model_id="org/gated",
        verdict="undetermined",
        criteria=[],
        pretraining_tokens=None,
        derived_from_llm=None,
        base_models=[],
        findings=[],
        error="gated repo: request access on the Hub",
    )
    return ClassificationReport(version="0.1.0", min_tokens=1e9, models=[ok, bad])


def test_classification_text_is_a_table_then_evidence() -> None:
    out = render_classification(classification(), "text")
    lines = out.splitlines()
    assert lines[0].split() == ["MODEL", "VERDICT", "TEXT", "DATA", "TRANSFER", "TOKENS"]
    assert lines[1].split() == ["org/story", "undetermined", "yes", "yes", "unknown", "2.5B"]
    assert lines[2].split() == ["org/gated", "error", "-", "-", "-", "?"]
    assert "org/story: undetermined" in lines
    assert "  data: yes - More than 1B tokens." in lines
    assert "    - readme:12: 2.5B tokens" in lines
    assert '      "Pretrained on 2.5B \\x1b[2Jtokens"' in lines
    assert "org/gated: error: gated repo: request access on the Hub" in lines
    assert "\x1b" not in out


def test_classification_json_validates_against_the_schema() -> None:
    data = json.loads(render_classification(classification(), "json"))
    schema = json.loads((SCHEMAS / "classification.schema.json").read_text(encoding="utf-8"))
    jsonschema.validate(data, schema)
    assert [m["input"] for m in data["models"]] == ["org/story", "org/gated"]
