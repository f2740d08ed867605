"""`lmdef classify` end to end through click: input order, formats, exit codes 0/1/2."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from lmdef.cli import cli

LLM_CARD = (
    "---\npipeline_tag: fill-mask\n---\nA masked language model pretrained on 20 billion "
    "tokens of news text. Fine-tune it on downstream tasks.\n"
)
CLAIMING_CLASSIFIER = (
    "---\npipeline_tag: text-classification\nlibrary_name: sklearn\n---\n"
    "This model is an LLM: a logistic regression classifier on tabular features.\n"
)


@pytest.fixture
def folders(tmp_path):
    def make(name, card):
        folder = tmp_path / name
        folder.mkdir()
        if card is not None:
            (folder / "README.md").write_text(card, encoding="utf-8")
        return str(folder)

    return make


def run(args, stdin=None):
    return CliRunner().invoke(cli, ["classify", *args], input=stdin)


def test_clean_run_exits_0_and_keeps_input_order(folders):
    a, b = folders("a", LLM_CARD), folders("b", "---\nlicense: mit\n---\n")
    result = run(["--format", "json", b, a])
    assert result.exit_code == 0, result.output
    report = json.loads(result.output)
    assert [m["input"] for m in report["models"]] == [b, a]
    assert report["models"][1]["verdict"] == "llm"


def test_finding_exits_1_unless_fail_on_never(folders):
    bad = folders("claim", CLAIMING_CLASSIFIER)
    assert run(["--format", "json", bad]).exit_code == 1
    assert run(["--format", "json", "--fail-on", "never", bad]).exit_code == 0
    assert run(["--format", "json", "--fail-on", "error", bad]).exit_code == 0


def test_failed_input_exits_2_and_still_reports_the_others(folders):
    good, empty = folders("good", LLM_CARD), folders("empty", None)
    result = run(["--format", "json", empty, good])
    assert result.exit_code == 2
    models = json.loads(result.output)["models"]
    assert models[0]["error"] and "README.md" in models[0]["error"]
    assert models[1]["verdict"] == "llm"


def test_jsonl_lines_carry_their_index(folders):
    a, b = folders("a", LLM_CARD), folders("b", LLM_CARD)
    result = run(["--format", "jsonl", a, b])
    lines = [json.loads(line) for line in result.output.splitlines()]
    assert sorted(line["index"] for line in lines) == [0, 1]
    assert {line["input"] for line in lines} == {a, b}


def test_from_file_skips_comments_and_blanks(folders, tmp_path):
    a = folders("a", LLM_CARD)
    listing = tmp_path / "list.txt"
    listing.write_text(f"# models\n\n{a}  # the news model\n", encoding="utf-8")
    result = run(["--format", "json", "--from-file", str(listing)])
    assert result.exit_code == 0
    assert [m["input"] for m in json.loads(result.output)["models"]] == [a]


def test_stdin_dash_reads_inputs(folders):
    a = folders("a", LLM_CARD)
    result = run(["--format", "json", "-"], stdin=f"{a}\n")
    assert [m["input"] for m in json.loads(result.output)["models"]] == [a]


def test_no_inputs_is_a_usage_error():
    assert run(["--format", "json"]).exit_code == 2


def test_min_tokens_flag(folders):
    a = folders("a", LLM_CARD)
    result = run(["--format", "json", "--min-tokens", "1e12", a])
    model = json.loads(result.output)["models"][0]
    assert model["criteria"][1]["met"] == "no"
    assert json.loads(result.output)["min_tokens"] == 1e12
