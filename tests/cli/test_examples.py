"""The bundled examples/ show what the README says they show, through the real CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


@pytest.fixture
def report(lmdef) -> dict[str, list[dict]]:
    run = lmdef("lint", "--format", "json", str(EXAMPLES))
    assert run.code == 1
    return {
        Path(f["path"]).relative_to(EXAMPLES).as_posix(): f["findings"] for f in run.json["files"]
    }


def terms(findings: list[dict]) -> set[str]:
    return {f["term"] for f in findings if f["rule"] == "LMD101"}


def test_every_example_is_linted(report) -> None:
    assert set(report) >= {
        "README.md",
        "cards/defined-card.md",
        "cards/vague-card.md",
        "cards/japanese-card.md",
        "paper/excerpt.tex",
        "notes.txt",
    }


@pytest.mark.parametrize("name", ["README.md", "cards/defined-card.md"])
def test_clean_examples_have_no_findings(report, name: str) -> None:
    assert report[name] == []


def test_vague_card_flags_each_undefined_term_once(report) -> None:
    findings = report["cards/vague-card.md"]
    assert terms(findings) == {"llm", "sota", "emergent", "robust", "foundation-model"}
    assert len(findings) == 5  # one per term, not one per use; the code block is not prose


def test_japanese_card_flags_undefined_terms_but_not_the_defined_one(report) -> None:
    found = terms(report["cards/japanese-card.md"])
    assert {"llm", "sota", "emergent"} <= found
    assert "robust" not in found  # 頑健 is defined under 用語


def test_paper_excerpt_honours_its_definition_and_suppression(report) -> None:
    findings = report["paper/excerpt.tex"]
    assert {"foundation-model", "emergent"} <= terms(findings)
    assert "llm" not in terms(findings)  # \begin{definition}[LLM]
    assert "frontier-model" not in terms(findings)  # % lmdef: ignore[LMD101]
    assert all(f["rule"] != "LMD901" for f in findings)  # and that suppression was used


def test_plain_text_ignore_line(report) -> None:
    assert terms(report["notes.txt"]) == {"robust"}  # "state-of-the-art" is under lmdef: ignore
