"""One formatter per format; each renders a whole report to a string.

A formatter module `lmdef.output.<fmt>` defines `render_lint(report: LintReport) -> str` and
`render_classification(report: ClassificationReport) -> str`; add its name to FORMATS.
Modules are imported only when their format is asked for (lint start-up time, issue #2).
Everything that came from a card or document is hostile: each formatter escapes for its medium.
"""

from __future__ import annotations

import importlib
from collections.abc import Mapping
from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from lmdef.report import ClassificationReport, LintReport

FORMATS: tuple[str, ...] = ("text", "json", "jsonl", "sarif", "github", "markdown")


def resolve_format(fmt: str, env: Mapping[str, str]) -> str:
    """`auto` means GitHub annotations under GitHub Actions, text everywhere else."""
    if fmt != "auto":
        return fmt
    return "github" if env.get("GITHUB_ACTIONS") == "true" else "text"


def _module(fmt: str) -> ModuleType:
    if fmt not in FORMATS:
        raise ValueError(f"unknown format {fmt!r}; choose from {', '.join(FORMATS)}")
    return importlib.import_module(f"lmdef.output.{fmt}")


def render_lint(report: LintReport, fmt: str) -> str:
    """Render a lint report in format `fmt` (already resolved: not `auto`)."""
    return _module(fmt).render_lint(report)


def render_classification(report: ClassificationReport, fmt: str) -> str:
    """Render a classification report in format `fmt` (already resolved: not `auto`)."""
    return _module(fmt).render_classification(report)
