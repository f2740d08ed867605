"""`lmdef rules` and `lmdef explain` (issue #2 section 6)."""

from __future__ import annotations

import json

import pytest

from lmdef.rules import RULES


def test_rules_table_lists_every_rule(lmdef) -> None:
    run = lmdef("rules")
    assert run.code == 0
    for rule in RULES:
        assert f"{rule.code}  {rule.name}" in run.out


def test_rules_json(lmdef) -> None:
    data = json.loads(lmdef("rules", "--format", "json").out)
    assert [r["code"] for r in data] == sorted(r.code for r in RULES)
    assert {r["code"]: r["command"] for r in data}["LMD201"] == "classify"
    assert {"code", "name", "severity", "default_enabled", "command", "summary"} <= set(data[0])


@pytest.mark.parametrize("rule", RULES, ids=[r.code for r in RULES])
@pytest.mark.parametrize("by", ["code", "name"])
def test_explain_by_code_or_name(lmdef, rule, by: str) -> None:
    run = lmdef("explain", rule.code if by == "code" else rule.name.upper())
    assert run.code == 0
    assert run.out.startswith(f"{rule.code} {rule.name} ")
    for section in ("What it flags", "Why", "Example", "Use instead", "Options"):
        assert f"\n{section}\n" in run.out


def test_explain_unknown_rule_lists_the_codes(lmdef) -> None:
    run = lmdef("explain", "LMD999")
    assert run.code == 2
    assert "no rule 'LMD999'" in run.err
    for rule in RULES:
        assert rule.code in run.err


def test_rules_page_in_docs_is_current():
    """docs/rules.md is what SARIF helpUri anchors point at: it must match the rules' docs."""
    from pathlib import Path

    from lmdef.commands.meta import rules_page

    page = Path(__file__).resolve().parents[2] / "docs" / "rules.md"
    assert page.read_text(encoding="utf-8") == rules_page(), (
        "run `lmdef rules --format markdown > docs/rules.md`"
    )


def test_rules_page_has_an_anchor_per_rule():
    from lmdef.commands.meta import rules_page
    from lmdef.rules import RULES

    page = rules_page()
    for rule in RULES:
        assert f'<a id="{rule.code.lower()}"></a>' in page
