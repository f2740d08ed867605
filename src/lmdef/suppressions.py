"""Suppression directives: which findings the author asked lmdef not to report, and where.

Syntax (issue #2 section 7), in any comment the document parser hands us as a `Directive`
(HTML comments in Markdown, `%` comments in LaTeX, `lmdef:` lines in plain text):

    lmdef: ignore[LMD101]            the next block only (codes or names, comma-separated)
    lmdef: ignore                    the next block, every rule
    lmdef: disable LMD101            from here to the matching `enable` (or the end of file)
    lmdef: disable                   every rule, from here
    lmdef: enable [LMD101]           end the region(s) (no code: every open region)

Text after `]` is a free-form reason. The tracker records which (directive, code) pairs
suppressed something, so LMD901 (unused-suppression) can report the ones that did not.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from lmdef.documents import Directive
from lmdef.spans import Span

ALL = "*"  # the code set of a directive that names no rule

_ACTION = re.compile(r"lmdef:[ \t]*([A-Za-z][\w-]*)?[ \t]*(.*)", re.DOTALL)
_BRACKETS = re.compile(r"\[([^\]]*)\](.*)", re.DOTALL)
_SEP = re.compile(r"[,\s]+")


@dataclass(frozen=True, slots=True)
class Suppression:
    """One directive's claim: hits of `codes` starting inside `scope` are not reported."""

    index: int  # position of the directive in Document.directives
    kind: Literal["ignore", "disable"]
    codes: frozenset[str]  # rule codes, or {ALL}
    scope: Span
    directive: Span  # the comment itself, where LMD901 points
    text: str  # the directive as written (for messages)


@dataclass(frozen=True, slots=True)
class DirectiveProblem:
    """A directive lmdef cannot honour (unknown rule, unknown action, stray `enable`)."""

    directive: Span
    message: str


@dataclass(frozen=True, slots=True)
class Suppressions:
    items: tuple[Suppression, ...] = ()
    problems: tuple[DirectiveProblem, ...] = ()


def _one_line(text: str) -> str:
    return " ".join(text.split())


def parse_suppressions(
    directives: Sequence[Directive], text_length: int, resolve: Callable[[str], str | None]
) -> Suppressions:
    """Turn a document's directives into suppression scopes. `resolve` maps a code or name
    to a rule code (None when unknown)."""
    items: list[Suppression] = []
    problems: list[DirectiveProblem] = []
    # Open `disable` regions: code -> (directive index, start offset, directive span, text)
    open_regions: dict[str, tuple[int, int, Span, str]] = {}

    def close(code: str, end: int) -> None:
        index, start, span, text = open_regions.pop(code)
        items.append(Suppression(index, "disable", frozenset({code}), Span(start, end), span, text))

    for index, d in enumerate(directives):
        content = d.text.strip()
        if not content.startswith("lmdef:"):
            continue  # an ordinary comment
        shown = _one_line(content)
        m = _ACTION.match(content)
        action = (m.group(1) or "").lower() if m else ""
        rest = m.group(2).strip() if m else ""
        if action not in ("ignore", "disable", "enable"):
            problems.append(
                DirectiveProblem(
                    d.span,
                    f"unknown lmdef directive {shown!r}: use ignore[CODE], disable CODE or enable",
                )
            )
            continue
        bracket = _BRACKETS.match(rest)
        raw = bracket.group(1) if bracket else rest.split("--", 1)[0]
        tokens = [t for t in _SEP.split(raw) if t]
        codes: set[str] = set()
        for token in tokens:
            code = resolve(token)
            if code is None:
                problems.append(
                    DirectiveProblem(d.span, f"unknown rule {token!r} in directive {shown!r}")
                )
            else:
                codes.add(code)
        if tokens and not codes:
            continue  # only unknown rules: reported above, suppresses nothing
        wanted = frozenset(codes) if codes else frozenset({ALL})
        if action == "ignore":
            scope = d.next_block if d.next_block is not None else Span(d.span.end, d.span.end)
            items.append(Suppression(index, "ignore", wanted, scope, d.span, shown))
        elif action == "disable":
            for code in wanted:
                if code not in open_regions:  # a repeated disable keeps the first start
                    open_regions[code] = (index, d.span.end, d.span, shown)
        else:  # enable
            targets = list(open_regions) if ALL in wanted else [c for c in wanted]
            closed = False
            for code in targets:
                if code in open_regions:
                    close(code, d.span.start)
                    closed = True
            if not closed:
                problems.append(
                    DirectiveProblem(
                        d.span, f"{shown!r} has no matching 'lmdef: disable' before it"
                    )
                )
    for code in list(open_regions):
        close(code, text_length)
    return Suppressions(tuple(items), tuple(problems))


@dataclass
class SuppressionTracker:
    """Answers "is this hit suppressed?" for one lint run of one document, and remembers
    which (directive, code) pairs answered yes. Lives only as long as that run."""

    suppressions: Suppressions
    used: set[tuple[int, str]] = field(default_factory=set)

    def is_suppressed(self, code: str, span: Span) -> bool:
        hit = False
        for s in self.suppressions.items:
            if (code in s.codes or ALL in s.codes) and s.scope.start <= span.start < s.scope.end:
                self.used.add((s.index, code if code in s.codes else ALL))
                hit = True  # keep going: every directive covering the hit counts as used
        return hit

    def unused(self, ran: frozenset[str]) -> list[tuple[Suppression, list[str]]]:
        """Suppressions with codes that ran on this file yet suppressed nothing, grouped by
        directive (a `disable A,B` region is one directive with two codes)."""
        by_directive: dict[int, tuple[Suppression, list[str]]] = {}
        for s in self.suppressions.items:
            for code in sorted(s.codes):
                judged = bool(ran) if code == ALL else code in ran
                if judged and (s.index, code) not in self.used:
                    entry = by_directive.setdefault(s.index, (s, []))
                    if code not in entry[1]:
                        entry[1].append(code)
        return [by_directive[i] for i in sorted(by_directive)]
