"""Fixtures: hand-built reports (see output_factories.py for why they are built by hand)."""

from __future__ import annotations

import pytest
from output_factories import CARD, CLAIM, classification, find, lint_report, model

from lmdef.report import ClassificationReport, FailedFile, LintedFile, LintReport


@pytest.fixture
def card_report() -> LintReport:
    """A card with two findings (one after an emoji), a clean file and an unreadable one."""
    return lint_report(
        [
            LintedFile(
                path="./models/README.md",
                findings=[find(CARD, "state-of-the-art"), find(CARD, "emergent")],
            ),
            LintedFile(path="paper/intro.tex", findings=[]),
            FailedFile(path="blob.md", error="not UTF-8 text (byte 0xff at offset 3)"),
        ]
    )


@pytest.fixture
def claim_report() -> ClassificationReport:
    text = "# Tiny\n\nTiny is a large language model for Spanish.\n"
    claim = find(
        text,
        "large language model",
        CLAIM,
        term="llm",
        message="the card calls the model an LLM, but it is not-llm",
    )
    return classification(
        [
            model(findings=[claim]),
            model("acme/big", verdict="llm", card_path=None),
            model("acme/missing", verdict="undetermined", error="acme/missing: no README.md"),
        ]
    )
