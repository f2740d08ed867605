"""One formatter per format; each renders a whole report to a string.

A formatter module defines `render_lint(report: LintReport) -> str` and
`render_classification(report: ClassificationReport) -> str`. Register it in FORMATS.
Everything that came from a card or document is hostile: each formatter escapes for its medium.
"""

from __future__ import annotations

FORMATS: tuple[str, ...] = ("text", "json", "jsonl", "sarif", "github", "markdown")
