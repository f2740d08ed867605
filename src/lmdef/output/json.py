"""JSON: the whole report as one object per run, exactly the pydantic wire model
(`schemas/lint-report.schema.json`, `schemas/classification.schema.json`; issue #2 section 8)."""

from __future__ import annotations

from lmdef.report import ClassificationReport, LintReport


def render_lint(report: LintReport) -> str:
    return report.model_dump_json(indent=2) + "\n"


def render_classification(report: ClassificationReport) -> str:
    return report.model_dump_json(indent=2) + "\n"
