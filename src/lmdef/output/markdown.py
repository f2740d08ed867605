"""Markdown job summaries for `$GITHUB_STEP_SUMMARY` (issue #4).

Everything quoted from a card or paper is hostile: it is entity-escaped so it can neither break
a table (`|`, newlines) nor add links, images, HTML or mentions. GitHub refuses a step summary
over 1 MiB, so output is cut at whole blocks below `MAX_BYTES` with a note saying so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from lmdef.output.sarif import help_uri
from lmdef.report import (
    ClassificationReport,
    FailedFile,
    Finding,
    LintedFile,
    LintReport,
    ModelResult,
)

MAX_BYTES = 1_000_000  # GitHub's limit is 1 MiB (1_048_576 bytes) per step; keep a margin.

_ENTITIES = {
    "&": "&amp;",
    "<": "&lt;",
    ">": "&gt;",
    "|": "&#124;",
    "[": "&#91;",
    "]": "&#93;",
    "`": "&#96;",
    "*": "&#42;",
    "_": "&#95;",
    "~": "&#126;",
    "\\": "&#92;",
    "#": "&#35;",
    "!": "&#33;",
    "@": "&#64;",
    "$": "&#36;",
}
_TABLE = str.maketrans(_ENTITIES)
_BLANKS = {ord(c): " " for c in "\r\n\t\x0b\x0c\x85\u2028\u2029"}
_CONTROLS = {c: None for c in [*range(0x00, 0x20), *range(0x7F, 0xA0)] if c not in _BLANKS}


def escape(text: object) -> str:
    """Inline-safe text: no Markdown or HTML meaning, one line."""
    return str(text).translate(_BLANKS).translate(_CONTROLS).translate(_TABLE)


def _row(*cells: object) -> str:
    return "| " + " | ".join(str(c) for c in cells) + " |"


def _cap(blocks: Iterable[str], omitted_what: str) -> str:
    """Join blocks (each a complete Markdown unit) until the byte budget is spent."""
    out: list[str] = []
    size = 0
    budget = MAX_BYTES - 400  # room for the truncation note
    blocks = list(blocks)
    for i, block in enumerate(blocks):
        n = len(block.encode("utf-8")) + 1
        if size + n > budget:
            out.append(
                f"\n> [!WARNING]\n> Summary truncated to stay under GitHub's 1 MiB limit: "
                f"{len(blocks) - i} more {omitted_what} not shown. Run lmdef with "
                f"`--format json` for the full report.\n"
            )
            break
        out.append(block)
        size += n
    return "\n".join(out) + "\n"


def _position(f: Finding) -> str:
    return f"{f.start.line}:{f.start.column}"


def _finding_rows(findings: Iterable[Finding], path: str | None = None) -> list[str]:
    rows = []
    for f in findings:
        cells = [escape(path)] if path is not None else []
        cells += [
            _position(f),
            f"`{f.rule}` {f.rule_name}",
            escape(f.term or ""),
            escape(f.message),
        ]
        rows.append(_row(*cells))
    return rows


def _lint_blocks(report: LintReport) -> Iterable[str]:
    s = report.summary
    yield "## lmdef lint\n"
    yield (
        f"**{s.findings}** finding(s) in **{s.files_with_findings}** of {s.files} file(s)"
        + (
            f"; **{s.files_with_errors}** file(s) could not be linted."
            if s.files_with_errors
            else "."
        )
        + "\n"
    )
    linted = [f for f in report.files if isinstance(f, LintedFile)]
    failed = [f for f in report.files if isinstance(f, FailedFile)]
    by_rule: Counter[tuple[str, str]] = Counter(
        (f.rule, f.rule_name) for file in linted for f in file.findings
    )
    if by_rule:
        yield "### By rule\n"
        yield _row("Rule", "Name", "Findings")
        yield _row("---", "---", "---:")
        for (code, name), n in sorted(by_rule.items()):
            yield _row(f"[`{code}`]({help_uri(code)})", name, n)
        yield ""
        terms = Counter(f.term for file in linted for f in file.findings if f.term)
        if terms:
            yield "**Terms:** " + ", ".join(f"{escape(t)} ({n})" for t, n in terms.most_common())
            yield ""
        yield "### By file\n"
        yield _row("File", "Findings")
        yield _row("---", "---:")
        for file in linted:
            if file.findings:
                yield _row(escape(file.path), len(file.findings))
        yield ""
        yield "### Findings\n"
        yield _row("File", "Line:Col", "Rule", "Term", "Message")
        yield _row("---", "---", "---", "---", "---")
        for file in linted:
            yield from _finding_rows(file.findings, file.path)
        yield ""
    if failed:
        yield "### Could not lint\n"
        yield _row("File", "Reason")
        yield _row("---", "---")
        for file in failed:
            yield _row(escape(file.path), escape(file.error))
        yield ""


def render_lint(report: LintReport) -> str:
    return _cap(_lint_blocks(report), "line(s)")


def _tokens(model: ModelResult) -> str:
    return "unknown" if model.pretraining_tokens is None else f"{model.pretraining_tokens:.3g}"


def _met(model: ModelResult, cid: str) -> str:
    return next((c.met for c in model.criteria if c.id == cid), "unknown")


_VERDICT = {"llm": "**llm**", "not-llm": "**not-llm**", "undetermined": "undetermined"}


def _model_details(model: ModelResult) -> Iterable[str]:
    yield f"### {escape(model.model_id or model.input)}: {_VERDICT[model.verdict]}\n"
    if model.token_estimate is not None:
        steps = "; ".join(escape(a) for a in model.token_estimate.arithmetic)
        yield f"Token estimate: {model.token_estimate.tokens:.3g} ({steps})\n"
    for c in model.criteria:
        lines = [
            f"<details><summary>{c.id}: {c.met}</summary>",
            "",
            "Rationale: " + escape(c.rationale),
            "",
        ]
        for e in c.evidence:
            where = escape(e.source) + (f", line {e.line}" if e.line else "")
            item = f"- {where}: {escape(e.detail)}"
            if e.quote:
                item += f" (&ldquo;{escape(e.quote)}&rdquo;)"
            lines.append(item)
        if not c.evidence:
            lines.append("- no evidence found")
        lines += ["", "</details>", ""]
        yield "\n".join(lines)
    if model.findings:
        yield _row("File", "Line:Col", "Rule", "Term", "Message")
        yield _row("---", "---", "---", "---", "---")
        yield from _finding_rows(model.findings, model.card_path or model.input)
        yield ""


def _classification_blocks(report: ClassificationReport) -> Iterable[str]:
    yield "## lmdef classify\n"
    yield (
        "Criteria of Rogers & Luccioni (ICML 2024): **text** (models text and can generate it), "
        f"**data** (pretrained on more than {report.min_tokens:.3g} tokens), "
        "**transfer** (enables transfer learning through adaptation).\n"
    )
    yield _row("Model", "Verdict", "Text", "Data", "Transfer", "Tokens", "Base models")
    yield _row("---", "---", "---", "---", "---", "---:", "---")
    for m in report.models:
        name = escape(m.model_id or m.input)
        if m.error:
            yield _row(name, "error: " + escape(m.error), "", "", "", "", "")
            continue
        yield _row(
            name,
            _VERDICT[m.verdict],
            _met(m, "text"),
            _met(m, "data"),
            _met(m, "transfer"),
            _tokens(m),
            ", ".join(escape(b) for b in m.base_models) or "none",
        )
    yield ""
    for m in report.models:
        if not m.error:
            yield from _model_details(m)


def render_classification(report: ClassificationReport) -> str:
    return _cap(_classification_blocks(report), "block(s)")
