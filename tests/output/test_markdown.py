"""Markdown job summary: tables that hold, card text that stays text, under GitHub's 1 MiB."""

from __future__ import annotations

import re

import pytest
from output_factories import CARD, classification, find, lint_report, model

from lmdef.output import markdown
from lmdef.report import FailedFile, LintedFile

HOSTILE = [
    ("| injected | cells |", "| injected"),
    ("<script>alert(1)</script>", "<script"),
    ("<img src=x onerror=alert(1)>", "<img"),
    ("[click](https://evil.example)", "](https://evil"),
    ("![pixel](https://evil.example/p.png)", "!["),
    ("`code` and **bold** and _em_", "`code`"),
    ("line one\n| a | b |\n# heading", "| a | b"),
    ("@everyone look", "@everyone"),
    ("<details><summary>x</summary>", "<details><summary>x"),
]
IDS = ["pipes", "script", "img", "link", "image", "code-bold-em", "newlines", "mention", "html"]


def _table_rows(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("| ")]


def _cells(row: str) -> int:
    return len(re.findall(r"(?<!\\)\|", row)) - 1


@pytest.mark.parametrize(("evil", "raw"), HOSTILE, ids=IDS)
def test_card_text_is_escaped_in_lint_tables(evil, raw):
    f = find(CARD, "emergent", message=f"'{evil}' is undefined", term=evil)
    out = markdown.render_lint(lint_report([LintedFile(path=f"cards/{evil}.md", findings=[f])]))
    assert raw not in out
    # Every row of a table has as many cells as its header.
    header, *_ = [r for r in _table_rows(out) if r.startswith("| File | Line:Col")]
    rows = _table_rows(out)
    start = rows.index(header)
    assert {_cells(r) for r in rows[start : start + 3]} == {5}


@pytest.mark.parametrize(("evil", "raw"), HOSTILE, ids=IDS)
def test_card_text_is_escaped_in_classification_summary(evil, raw):
    m = model(f"acme/{evil}", quote=evil)
    out = markdown.render_classification(classification([m]))
    assert raw not in out
    (row,) = [r for r in _table_rows(out) if r.startswith("| acme")]
    assert _cells(row) == 7


def test_escaped_text_still_reads_the_same():
    assert markdown.escape("a | b <c> [d]") == "a &#124; b &lt;c&gt; &#91;d&#93;"


def test_lint_summary_groups_by_rule_and_file(card_report):
    out = markdown.render_lint(card_report)
    assert (
        "| [`LMD101`](https://github.com/lmdef/lmdef/blob/main/docs/rules.md#lmd101) | undefined-term | 2 |"
        in out
    )
    assert "| models/README.md | 2 |" in out.replace("./models", "models")
    assert "| blob.md | not UTF-8 text (byte 0xff at offset 3) |" in out
    assert "emergent (1)" in out


def test_classification_summary_has_verdict_table_and_evidence_per_criterion(claim_report):
    out = markdown.render_classification(claim_report)
    assert (
        "| acme/tiny-bert | **not-llm** | yes | unknown | no | unknown "
        "| google-bert/bert-base-uncased |" in out
    )
    assert "| acme/big | **llm** | yes | unknown | no | 3e+09 |" in out
    assert "| acme/missing | error: acme/missing: no README.md |" in out
    # Evidence for each criterion of each classified model, folded.
    assert out.count("<details><summary>") == 6
    assert "<details><summary>data: unknown</summary>" in out
    assert "readme:4, line 4: pretraining size (&ldquo;trained on 3B tokens&rdquo;)" in out
    assert "LMD201" in out


def test_large_report_is_cut_under_one_mebibyte_with_a_note():
    long_message = "x" * 300
    findings = [find(CARD, "emergent", message=long_message) for _ in range(5000)]
    out = markdown.render_lint(lint_report([LintedFile(path="big.md", findings=findings)]))
    assert len(out.encode("utf-8")) < 1024 * 1024
    assert "Summary truncated" in out
    assert out.rstrip().endswith("for the full report.")


def test_small_report_is_not_truncated(card_report):
    assert "truncated" not in markdown.render_lint(card_report)


def test_clean_run_says_so():
    out = markdown.render_lint(lint_report([LintedFile(path="a.md", findings=[])]))
    assert "**0** finding(s) in **0** of 1 file(s)." in out
    assert "### Findings" not in out


def test_failed_files_only():
    out = markdown.render_lint(lint_report([FailedFile(path="a|b.md", error="missing")]))
    assert "| a&#124;b.md | missing |" in out
