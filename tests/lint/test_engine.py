"""The engine's own duties (issue #2, STYLE "rules say what and where; the engine stamps"):
rule selection, per-file ignores, stamping, ordering, the lexicon cache, lint_text's failures."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from lmdef.config import Config
from lmdef.documents import parse_document
from lmdef.lint import build_report, enabled_codes, exit_code, lexicon_for, lint_document, lint_text
from lmdef.report import FailedFile, LintedFile
from lmdef.rules import LINT_RULES, RULES

from .fakes import EveryUse

EVERY = EveryUse()
OPT_IN = EveryUse(code="LMD102", name="term-used-before-definition", default_enabled=False)
FAKES = (EVERY, OPT_IN)

AGI = {
    "id": "agi",
    "label": "artificial general intelligence (AGI)",
    "paper_section": "§1",
    "why": "No agreed test tells AGI apart from other systems.",
    "definition_should_state": "the capabilities and the evaluation that would show them",
    "operationalisation": "name the evaluation",
    "variants": [{"pattern": "AGI", "case_sensitive": True}],
}


@pytest.mark.parametrize(
    ("config", "codes"),
    [
        pytest.param(Config(), {"LMD101"}, id="default-skips-opt-in"),
        pytest.param(Config(select=("LMD102",)), {"LMD102"}, id="select-replaces"),
        pytest.param(Config(select=("ALL",)), {"LMD101", "LMD102"}, id="select-all"),
        pytest.param(Config(select=("LMD1",), ignore=("LMD101",)), {"LMD102"}, id="ignore-wins"),
        pytest.param(Config(ignore=("undefined-term",)), set(), id="ignore-by-name"),
    ],
)
def test_enabled_codes(config: Config, codes: set[str]) -> None:
    assert enabled_codes(config, "card.md", FAKES) == codes


def test_per_file_ignores_apply_to_matching_paths_only(tmp_path: Path) -> None:
    config = Config(per_file_ignores=(("legacy/*.md", ("LMD101",)),), root=str(tmp_path))
    assert enabled_codes(config, str(tmp_path / "legacy" / "a.md"), FAKES) == set()
    assert enabled_codes(config, str(tmp_path / "cards" / "a.md"), FAKES) == {"LMD101"}


def test_engine_stamps_code_name_severity_and_positions() -> None:
    rule = dataclasses.replace(EVERY, severity="error")
    text = "# Title\n\nA 🦙 LLM.\n"
    [f] = lint_document(parse_document(text, "card.md"), Config(), None, rules=(rule,))
    assert (f.rule, f.rule_name, f.severity, f.term) == ("LMD101", "undefined-term", "error", "llm")
    assert (f.start.line, f.start.column, f.end.column) == (3, 5, 8)
    assert (f.start_utf16_column, f.end_utf16_column) == (6, 9)  # the emoji is 2 UTF-16 units
    assert text[f.offset : f.offset + f.length] == f.snippet == "LLM"
    assert f.help == "define it"


def test_findings_are_sorted_by_position_across_rules() -> None:
    text = "LLM one.\n\nLLM two.\n"
    findings = lint_document(
        parse_document(text, "a.txt"), Config(select=("ALL",)), None, rules=FAKES
    )
    assert [(f.start.line, f.rule) for f in findings] == [
        (1, "LMD101"),
        (1, "LMD102"),
        (3, "LMD101"),
        (3, "LMD102"),
    ]


def test_registry_codes_are_unique_and_lmd901_runs_last() -> None:
    assert len({r.code for r in RULES}) == len(RULES)
    assert len({r.name for r in RULES}) == len(RULES)
    assert LINT_RULES[-1].code == "LMD901"


def test_lexicon_is_loaded_once_per_distinct_extra_terms() -> None:
    assert lexicon_for(Config()) is lexicon_for(Config(fail_on="error"))
    extended = lexicon_for(Config(extra_terms=(AGI,)))
    assert "agi" in extended.ids and "agi" not in lexicon_for(Config()).ids


def test_extra_terms_are_linted() -> None:
    result = lint_text("# Card\n\nOur AGI system is here.\n", "card.md", Config(extra_terms=(AGI,)))
    assert isinstance(result, LintedFile)
    assert [(f.rule, f.term) for f in result.findings] == [("LMD101", "agi")]


def test_config_glossary_defines_a_term() -> None:
    text = "# Card\n\nOur LLM is fast.\n"
    assert lint_text(text, "card.md").findings
    glossary = {"llm": "A model of text pretrained on more than 1B tokens."}
    assert lint_text(text, "card.md", Config(glossary=glossary)).findings == []


def test_lint_text_reports_hostile_front_matter_as_a_failed_file() -> None:
    bomb = "---\na: &a [x, x]\nb: &b [*a, *a]\n" + "".join(
        f"{c}: &{c} [*{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}, *{p}]\n"
        for p, c in zip("bcdefghij", "cdefghijk", strict=True)
    )
    result = lint_text(bomb + "---\n\nText.\n", "card.md")
    assert isinstance(result, FailedFile)
    assert result.path == "card.md" and "\n" not in result.error


@pytest.mark.parametrize(
    ("severity", "fail_on", "code"),
    [
        ("info", "warning", 0),
        ("warning", "warning", 1),
        ("info", "info", 1),
        ("error", "never", 0),
        ("error", "error", 1),
    ],
)
def test_exit_code_follows_fail_on(severity: str, fail_on: str, code: int) -> None:
    rule = dataclasses.replace(EVERY, severity=severity)
    findings = lint_document(parse_document("LLM\n", "a.txt"), Config(), None, rules=(rule,))
    report = build_report([LintedFile(path="a.txt", findings=findings)])
    assert exit_code(report, fail_on) == code


def test_an_input_error_wins_over_findings() -> None:
    report = build_report([FailedFile(path="x.md", error="no such file or directory")])
    assert exit_code(report, "never") == 2
