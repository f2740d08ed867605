"""GitHub Actions workflow commands: one annotation per finding (issue #4).

`::warning file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`. Card text is hostile:
the runner starts a command wherever a *line* starts with `::`, and ends the property list at
the first `::`, so every value is escaped the way the runner unescapes it (actions/toolkit
`command.ts`): data `%`→%25, CR→%0D, LF→%0A; properties additionally `:`→%3A and `,`→%2C.
Other control characters (ESC, NUL, bidi overrides, Unicode line separators) are dropped, so
nothing from a card can start a line, colour the log or reorder what the reader sees.
"""

from __future__ import annotations

import re

from lmdef.report import ClassificationReport, FailedFile, Finding, LintReport, Severity

_COMMANDS: dict[Severity, str] = {"error": "error", "warning": "warning", "info": "notice"}
# C0/C1 controls except TAB/LF/CR, DEL, NEL/LS/PS (line breaks to some readers), bidi controls.
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    return _UNSAFE.sub("", text.replace("\t", " "))


def escape_data(text: str) -> str:
    return clean(text).replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int | None) -> str:
    """One workflow command line; property names are ours, values are escaped."""
    props = ",".join(
        f"{key}={escape_property(str(value))}"
        for key, value in properties.items()
        if value is not None and value != ""
    )
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def _path(path: str) -> str:
    # Annotations attach to files by their path relative to the workspace.
    p = path.replace("\\", "/")
    while p.startswith("./"):
        p = p[2:]
    return p


def annotation(path: str | None, finding: Finding) -> str:
    start_col = finding.start_utf16_column or finding.start.column
    end_col = finding.end_utf16_column or finding.end.column
    message = f"{finding.message}\n{finding.help}" if finding.help else finding.message
    return command(
        _COMMANDS[finding.severity],
        message,
        file=_path(path) if path else None,
        line=finding.start.line,
        endLine=finding.end.line,
        # GitHub ignores columns on multi-line spans; they are harmless there.
        col=start_col,
        endColumn=end_col,
        title=f"{finding.rule} {finding.rule_name}",
    )


def render_lint(report: LintReport) -> str:
    lines = []
    for file in report.files:
        if isinstance(file, FailedFile):
            lines.append(
                command("error", file.error, file=_path(file.path), title="lmdef: cannot lint")
            )
        else:
            lines.extend(annotation(file.path, f) for f in file.findings)
    s = report.summary
    lines.append(
        f"lmdef: {s.findings} finding(s) in {s.files_with_findings} of {s.files} file(s), "
        f"{s.files_with_errors} file(s) not linted"
    )
    return "\n".join(lines) + "\n"


def _criteria(model_criteria: list) -> str:
    return ", ".join(f"{c.id} {c.met}" for c in model_criteria)


def render_classification(report: ClassificationReport) -> str:
    lines = []
    for model in report.models:
        title = f"lmdef classify {model.model_id or model.input}"
        if model.error:
            lines.append(command("error", model.error, title=title))
            continue
        detail = f"verdict: {model.verdict} ({_criteria(model.criteria)})"
        if model.pretraining_tokens is not None:
            detail += f"; pretraining tokens ≈ {model.pretraining_tokens:.3g}"
        if model.base_models:
            detail += f"; base models: {', '.join(model.base_models)}"
        lines.append(command("notice", detail, title=title))
        path = model.card_path or model.input
        lines.extend(annotation(path, f) for f in model.findings)
    return "\n".join(lines) + "\n"
