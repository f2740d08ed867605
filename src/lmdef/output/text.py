"""Text for a terminal: `path:line:col: CODE [term] message` plus an indented help line.

Everything that came from a document, a card or a file name is hostile (issue #2 section 9):
control characters (ANSI escape sequences included) and bidirectional-override characters are
shown as visible `\\xNN` / `\\uNNNN` escapes, and whitespace runs become one space, so a card
cannot move the cursor, recolour the terminal, or reorder what the reader sees.
"""

from __future__ import annotations

import re

from lmdef.report import (
    ClassificationReport,
    Criterion,
    FailedFile,
    Finding,
    LintReport,
    ModelResult,
)

# C0/C1 controls and DEL, plus the bidi embeddings/overrides/isolates and marks.
_UNSAFE = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def _escape_char(m: re.Match[str]) -> str:
    cp = ord(m.group())
    return f"\\x{cp:02x}" if cp < 0x100 else f"\\u{cp:04x}"


def clean(text: str) -> str:
    """One line, safe to print: whitespace collapsed, controls made visible."""
    return _UNSAFE.sub(_escape_char, " ".join(text.split()))


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def _finding_lines(path: str, f: Finding, indent: str = "") -> list[str]:
    term = f" [{clean(f.term)}]" if f.term else ""
    return [
        f"{indent}{clean(path)}:{f.start.line}:{f.start.column}: {f.rule}{term} {clean(f.message)}",
        f"{indent}    help: {clean(f.help)}",
    ]


def render_lint(report: LintReport) -> str:
    lines: list[str] = []
    severities: dict[str, int] = {}
    for file in report.files:
        if isinstance(file, FailedFile):
            lines.append(f"{clean(file.path)}: error: {clean(file.error)}")
            continue
        for f in file.findings:
            severities[f.severity] = severities.get(f.severity, 0) + 1
            lines.extend(_finding_lines(file.path, f))
    s = report.summary
    if lines:
        lines.append("")
    if s.findings:
        by_severity = ", ".join(
            _plural(severities[k], k) for k in ("error", "warning", "info") if k in severities
        )
        summary = (
            f"{_plural(s.findings, 'finding')} ({by_severity}) in "
            f"{s.files_with_findings} of {_plural(s.files, 'file')}"
        )
    else:
        summary = f"No findings in {_plural(s.files - s.files_with_errors, 'file')}"
    if s.files_with_errors:
        summary += f"; {_plural(s.files_with_errors, 'input')} could not be linted"
    lines.append(summary + ".")
    return "\n".join(lines) + "\n"


# --- classify ----------------------------------------------------------------------------


def format_tokens(tokens: float | None) -> str:
    """2.0e12 -> '2T', 3e11 -> '300B': the scale readers compare against the 1B threshold."""
    if tokens is None:
        return "?"
    for scale, unit in ((1e12, "T"), (1e9, "B"), (1e6, "M"), (1e3, "K")):
        if tokens >= scale:
            return f"{tokens / scale:.3g}{unit}"
    return f"{tokens:.3g}"


def _met(model: ModelResult, criterion: str) -> str:
    for c in model.criteria:
        if c.id == criterion:
            return c.met
    return "-"


def _table(report: ClassificationReport) -> list[str]:
    header = ("MODEL", "VERDICT", "TEXT", "DATA", "TRANSFER", "TOKENS")
    rows = [
        (
            clean(m.model_id or m.input),
            "error" if m.error else m.verdict,
            _met(m, "text"),
            _met(m, "data"),
            _met(m, "transfer"),
            format_tokens(m.pretraining_tokens),
        )
        for m in report.models
    ]
    widths = [max(len(r[i]) for r in (header, *rows)) for i in range(len(header))]
    return [
        "  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip()
        for row in (header, *rows)
    ]


def _criterion_lines(c: Criterion) -> list[str]:
    lines = [f"  {c.id}: {c.met} - {clean(c.rationale)}"]
    for e in c.evidence:
        where = clean(e.source)
        if e.line and not e.source.endswith(f":{e.line}"):  # "readme:12" already says it
            where += f" (line {e.line})"
        lines.append(f"    - {where}: {clean(e.detail)}")
        if e.quote:
            lines.append(f'      "{clean(e.quote)}"')
    return lines


def _model_lines(m: ModelResult) -> list[str]:
    title = clean(m.model_id or m.input)
    if m.error:
        return [f"{title}: error: {clean(m.error)}"]
    lines = [f"{title}: {m.verdict}"]
    for c in m.criteria:
        lines.extend(_criterion_lines(c))
    if m.token_estimate is not None:
        est = m.token_estimate
        lines.append(f"  pretraining tokens ~ {format_tokens(est.tokens)}")
        lines.extend(f"    - {clean(step)}" for step in est.arithmetic)
    if m.base_models:
        lines.append("  base models: " + ", ".join(clean(b) for b in m.base_models))
    if m.derived_from_llm:
        lines.append("  derived from an LLM: yes")
    lines.extend(f"  note: {clean(n.source)}: {clean(n.detail)}" for n in m.notes)
    for f in m.findings:
        lines.extend(_finding_lines(m.card_path or m.input, f, indent="  "))
    return lines


def render_classification(report: ClassificationReport) -> str:
    lines = _table(report)
    for m in report.models:
        lines.append("")
        lines.extend(_model_lines(m))
    counts: dict[str, int] = {}
    for m in report.models:
        key = "error" if m.error else m.verdict
        counts[key] = counts.get(key, 0) + 1
    lines.append("")
    lines.append(
        f"{_plural(len(report.models), 'model')}: "
        + ", ".join(f"{n} {k}" for k, n in counts.items())
        + f" (data criterion: more than {format_tokens(report.min_tokens)} pretraining tokens)."
    )
    return "\n".join(lines) + "\n"
