"""What every rule is, and how the engine turns a rule's hit into a finding.

A rule says *what* and *where* (a `Hit` with a span and a message). The engine, not the rule,
stamps the code, name, severity and line:column (`stamp`).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Protocol

from lmdef.report import Finding, Position, Severity
from lmdef.spans import LineIndex, Span


@dataclass(frozen=True, slots=True)
class Hit:
    span: Span
    message: str
    term: str | None = None
    help: str | None = None  # overrides the rule's default help line


@dataclass(frozen=True, slots=True)
class RuleDoc:
    """Ruff-style rule page, rendered by `lmdef explain`, the README table and tests."""

    what: str
    why: str
    example: str
    use_instead: str
    known_problems: str = ""
    options: str = ""  # config keys that change what the rule reports (rendered by `explain`)


class Rule(Protocol):
    code: str  # "LMD101": never reused once retired
    name: str  # "undefined-term": reads naturally after "ignore"
    severity: Severity
    summary: str  # one line, for `lmdef rules`
    help: str  # default help line attached to each finding
    doc: RuleDoc

    def check(self, context: Any) -> Iterable[Hit]: ...


def stamp(
    rule: Rule, hit: Hit, text: str, index: LineIndex, severity: Severity | None = None
) -> Finding:
    """Turn a rule's hit into a frozen, positioned finding."""
    sl, sc = index.line_col(hit.span.start)
    el, ec = index.line_col(hit.span.end)
    return Finding(
        rule=rule.code,
        rule_name=rule.name,
        term=hit.term,
        severity=severity or rule.severity,
        message=hit.message,
        help=hit.help or rule.help,
        start=Position(line=sl, column=sc),
        end=Position(line=el, column=ec),
        offset=hit.span.start,
        length=hit.span.end - hit.span.start,
        snippet=hit.span.slice(text),
        start_utf16_column=index.utf16_column(hit.span.start),
        end_utf16_column=index.utf16_column(hit.span.end),
    )
