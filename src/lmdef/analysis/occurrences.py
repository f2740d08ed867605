"""Find lexicon terms in a document's prose with one compiled regex per lexicon.

Every variant is wrapped in ASCII-only boundaries, so "LLMの能力" and "Foundation Modelの"
match while "TensorRT-LLMs" letters inside a longer ASCII word do not (issue #2 §4).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lmdef.lexicon import Exclusion, Lexicon, Variant
from lmdef.spans import Span

_LEFT = r"(?<![A-Za-z0-9])"
_RIGHT = r"(?![A-Za-z0-9])"


def _variant_regex(v: Variant | Exclusion) -> str:
    return f"(?:{v.pattern})" if v.case_sensitive else f"(?i:{v.pattern})"


def _bounded(v: Variant) -> str:
    # ASCII-only boundaries for Latin-script variants; CJK forms need none (no spaces in
    # Japanese), and ASCII boundaries must not stop "大規模言語モデルLlama" either.
    body = _variant_regex(v)
    return f"{_LEFT}{body}{_RIGHT}" if v.lang == "en" else body


@dataclass(frozen=True, slots=True)
class RawMatch:
    term: str
    span: Span


class Matcher:
    """The lexicon compiled once: one alternation for all terms, one regex per term's exclusions."""

    __slots__ = ("_context", "_exclusions", "_groups", "lexicon", "regex")

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        groups: dict[str, str] = {}
        parts = []
        for i, term in enumerate(lexicon.terms):
            name = f"t{i}"
            groups[name] = term.id
            body = "|".join(_bounded(v) for v in term.variants)
            parts.append(f"(?P<{name}>{body})")
        self._groups = groups
        self.regex = re.compile("|".join(parts))
        self._exclusions = {
            t.id: re.compile("|".join(_variant_regex(e) for e in t.exclusions))
            for t in lexicon.terms
            if t.exclusions
        }
        self._context = {
            t.id: re.compile("|".join(_variant_regex(e) for e in t.non_ml_context))
            for t in lexicon.terms
            if t.non_ml_context
        }

    def find(self, prose: str) -> Iterator[RawMatch]:
        """All term matches, in order; a match nested in another term's match is reported too
        ("frontier LLMs" is a frontier-model and an llm occurrence)."""
        search = self.regex.search
        for m in self.regex.finditer(prose):
            term = self._groups[m.lastgroup or ""]
            yield RawMatch(term, Span(m.start(), m.end()))
            pos = m.start() + 1
            while pos < m.end():
                inner = search(prose, pos, m.end())
                if inner is None:
                    break
                inner_term = self._groups[inner.lastgroup or ""]
                if inner_term != term:
                    yield RawMatch(inner_term, Span(inner.start(), inner.end()))
                pos = inner.start() + 1

    def excluded_spans(self, term: str, prose: str) -> list[Span]:
        rx = self._exclusions.get(term)
        return [Span(m.start(), m.end()) for m in rx.finditer(prose)] if rx else []

    def non_ml_context(self, term: str, text: str) -> bool:
        rx = self._context.get(term)
        return bool(rx and rx.search(text))

    def match_term(self, text: str) -> str | None:
        """The term id whose variant matches all of `text` (e.g. a glossary key), if any."""
        m = self.regex.fullmatch(text.strip())
        return self._groups[m.lastgroup or ""] if m else None


# A pure memo (not state a caller can observe): the engine analyses many files per lexicon.
_MEMO: dict[int, tuple[Lexicon, Matcher]] = {}


def matcher(lexicon: Lexicon) -> Matcher:
    """The compiled matcher of `lexicon`, compiled once per lexicon object."""
    hit = _MEMO.get(id(lexicon))
    if hit is not None and hit[0] is lexicon:
        return hit[1]
    compiled = Matcher(lexicon)
    if len(_MEMO) > 16:
        _MEMO.clear()
    _MEMO[id(lexicon)] = (lexicon, compiled)
    return compiled
