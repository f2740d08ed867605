"""Tiny rules for testing the engine on its own (no lexicon, no analysis): they flag the
literal word "LLM" in the prose mask, so a test controls exactly where hits land."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from lmdef.report import Severity
from lmdef.rules.base import Hit, RuleDoc
from lmdef.spans import Span

_DOC = RuleDoc(what="w", why="y", example="e", use_instead="u")
_WORD = re.compile(r"\bLLM\b")


@dataclass(frozen=True)
class EveryUse:
    """One hit per occurrence of "LLM"."""

    code: str = "LMD101"
    name: str = "undefined-term"
    severity: Severity = "warning"
    summary: str = "every LLM"
    help: str = "define it"
    doc: RuleDoc = _DOC
    default_enabled: bool = True

    def check(self, context: Any) -> Iterable[Hit]:
        for m in _WORD.finditer(context.document.prose):
            yield Hit(Span(m.start(), m.end()), f"{m.group()} used", term="llm")


@dataclass(frozen=True)
class FirstUse(EveryUse):
    """Like LMD101: only the first use that no directive suppresses (lint.py's contract)."""

    def check(self, context: Any) -> Iterable[Hit]:
        for m in _WORD.finditer(context.document.prose):
            span = Span(m.start(), m.end())
            if not context.is_suppressed(self.code, span):
                yield Hit(span, "LLM used without a definition", term="llm")
                return
