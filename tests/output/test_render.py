"""`python -m lmdef.output.render`: the Action renders every format from one saved report."""

from __future__ import annotations

import json

from output_factories import classification, model

from lmdef.output import render


def _save(tmp_path, name, report) -> str:
    path = tmp_path / name
    path.write_text(report.model_dump_json(), encoding="utf-8")
    return str(path)


def test_sarif_holds_one_run_per_report_with_distinct_categories(
    tmp_path, card_report, claim_report, capsys
):
    lint = _save(tmp_path, "lint.json", card_report)
    cls = _save(tmp_path, "cls.json", claim_report)
    assert render.main(["sarif", "--lint", lint, "--classification", cls]) == 0
    log = json.loads(capsys.readouterr().out)
    assert [r["automationDetails"]["id"] for r in log["runs"]] == ["lmdef/lint/", "lmdef/classify/"]


def test_outputs_count_findings_of_both_reports_and_give_first_verdict(
    tmp_path, card_report, claim_report, capsys
):
    lint = _save(tmp_path, "lint.json", card_report)
    cls = _save(tmp_path, "cls.json", claim_report)
    assert render.main(["outputs", "--lint", lint, "--classification", cls]) == 0
    assert capsys.readouterr().out == "verdict=not-llm\nfindings=3\n"


def test_errored_model_gives_error_verdict(tmp_path, capsys):
    cls = _save(tmp_path, "cls.json", classification([model(error="x: no README.md")]))
    render.main(["outputs", "--classification", cls])
    assert capsys.readouterr().out == "verdict=error\nfindings=0\n"


def test_unreadable_report_is_one_line_naming_the_file(tmp_path, capsys):
    bad = tmp_path / "lint.json"
    bad.write_text("{not json", encoding="utf-8")
    assert render.main(["github", "--lint", str(bad)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and str(bad) in err


def test_markdown_to_file(tmp_path, card_report):
    lint = _save(tmp_path, "lint.json", card_report)
    out = tmp_path / "summary.md"
    assert render.main(["markdown", "--lint", lint, "-o", str(out)]) == 0
    assert out.read_text(encoding="utf-8").startswith("## lmdef lint")
