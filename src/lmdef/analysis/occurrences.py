"""Find lexicon terms in a document's prose with one compiled regex per lexicon.

Every variant is wrapped in ASCII-only boundaries, so "LLMの能力" and "Foundation Modelの"
match while "TensorRT-LLMs" letters inside a longer ASCII word do not (issue #2 §4).

Speed: Python's `re` tries every alternative at every position of an alternation that starts
with a lookbehind (~4 MB/s here). So each variant's possible literal prefixes are derived from
its parsed pattern, found with `str.find` on a lowercased copy of the prose (same length,
checked, so offsets hold), and the full regex is only tried where a prefix occurs. A lexicon
with a variant that has no literal prefix falls back to scanning with the regex.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from lmdef.lexicon import Exclusion, Lexicon, Variant
from lmdef.spans import Span

try:  # Python >= 3.11
    from re import _constants as _sre_c
    from re import _parser as _sre_p
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as _sre_c  # type: ignore[no-redef]
    import sre_parse as _sre_p  # type: ignore[no-redef]

_LEFT = r"(?<![A-Za-z0-9])"
_RIGHT = r"(?![A-Za-z0-9])"
_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
_MAX_PREFIXES = 64
_CONTEXT = 120  # exclusions are local: looked up this far around an occurrence


def _variant_regex(v: Variant | Exclusion) -> str:
    return f"(?:{v.pattern})" if v.case_sensitive else f"(?i:{v.pattern})"


def _bounded(v: Variant) -> str:
    # ASCII-only boundaries for Latin-script variants; CJK forms need none (no spaces in
    # Japanese), and ASCII boundaries must not stop "大規模言語モデルLlama" either.
    body = _variant_regex(v)
    return f"{_LEFT}{body}{_RIGHT}" if v.lang == "en" else body


def _lower(ch: int) -> str:
    return chr(ch).lower()


def _prefixes(seq: list) -> tuple[set[str], bool]:
    """Literal prefixes any match of the parsed `seq` starts with, and whether they are all of it."""
    acc = {""}
    for op, av in seq:
        if op is _sre_c.LITERAL:
            acc = {a + _lower(av) for a in acc}
        elif op is _sre_c.IN and 0 < len(av) <= 4 and all(o is _sre_c.LITERAL for o, _ in av):
            acc = {a + _lower(c) for a in acc for _, c in av}
        elif op is _sre_c.SUBPATTERN:
            sub, complete = _prefixes(list(av[-1]))
            acc = {a + s for a in acc for s in sub}
            if not complete:
                return acc, False
        elif op is _sre_c.BRANCH:
            subs = [_prefixes(list(alt)) for alt in av[1]]
            acc = {a + s for a in acc for sub, _ in subs for s in sub}
            if not all(complete for _, complete in subs):
                return acc, False
        else:
            return acc, False
        if len(acc) > _MAX_PREFIXES:
            return {a[:2] for a in acc}, False
    return acc, True


def literal_prefixes(pattern: str) -> set[str] | None:
    """Lowercase literal prefixes of `pattern`, or None when some match has none."""
    try:
        found, _ = _prefixes(list(_sre_p.parse(pattern)))
    except Exception:  # an exotic construct: scan with the regex instead
        return None
    if not found or "" in found:
        return None
    return {p[:12].lower() for p in found}


@dataclass(frozen=True, slots=True)
class RawMatch:
    term: str
    span: Span


class Matcher:
    """The lexicon compiled once: one alternation for all terms, one regex per term's exclusions."""

    __slots__ = ("_context", "_exclusions", "_groups", "_prefixes", "lexicon", "regex")

    def __init__(self, lexicon: Lexicon) -> None:
        self.lexicon = lexicon
        groups: dict[str, str] = {}
        parts = []
        prefixes: set[str] | None = set()
        for i, term in enumerate(lexicon.terms):
            name = f"t{i}"
            groups[name] = term.id
            body = "|".join(_bounded(v) for v in term.variants)
            parts.append(f"(?P<{name}>{body})")
            for v in term.variants:
                found = literal_prefixes(v.pattern)
                if found is None or prefixes is None:
                    prefixes = None
                else:
                    prefixes |= found
        self._groups = groups
        # Keep only the shortest prefixes: "emergen" covers "emergent" and "emergence".
        # Seven characters are selective enough ("general", "emergen", "capabil").
        minimal = sorted({p[:7] if p.isascii() else p[:2] for p in prefixes or ()}, key=len)
        kept: list[str] = []
        for p in minimal:
            if not any(p.startswith(k) for k in kept):
                kept.append(p)
        self._prefixes = tuple(kept) if prefixes else None
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

    def _candidates(self, prose: str) -> list[int] | None:
        if self._prefixes is None:
            return None
        lowered = prose.lower()
        if len(lowered) != len(prose):  # rare: a character whose lowercase is longer (İ)
            lowered = prose.translate(_ASCII_LOWER)
        found: set[int] = set()
        for p in self._prefixes:
            find = lowered.find
            i = find(p)
            while i != -1:
                found.add(i)
                i = find(p, i + 1)
        return sorted(found)

    def _matches(self, prose: str) -> Iterator[re.Match[str]]:
        candidates = self._candidates(prose)
        if candidates is None:
            yield from self.regex.finditer(prose)
            return
        match = self.regex.match
        end = 0
        for i in candidates:
            if i < end:
                continue
            m = match(prose, i)
            if m is not None and m.end() > m.start():
                end = m.end()
                yield m

    def occurs_in(self, text: str) -> bool:
        """Whether any term variant matches anywhere in `text` (exclusions not applied)."""
        return next(self._matches(text), None) is not None

    def find(self, prose: str) -> Iterator[RawMatch]:
        """All term matches, in order; a match nested in another term's match is reported too
        ("frontier LLMs" is a frontier-model and an llm occurrence)."""
        search = self.regex.search
        for m in self._matches(prose):
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

    def is_excluded(self, term: str, prose: str, span: Span) -> bool:
        """Whether an exclusion of `term` (a name, a technical sense) overlaps `span`."""
        rx = self._exclusions.get(term)
        if rx is None:
            return False
        lo, hi = max(0, span.start - _CONTEXT), min(len(prose), span.end + _CONTEXT)
        return any(
            m.start() < span.end and span.start < m.end() for m in rx.finditer(prose, lo, hi)
        )

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
