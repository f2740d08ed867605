"""A cheap sentence segmenter over the prose mask (English and Japanese).

Operationalisation is judged in "the same or adjacent sentence" (GUIDE §4), so sentences only
need to be good enough to bound that window. Boundaries: . ! ? followed by space and a capital,
digit, quote or CJK (but not after e.g./i.e./et al./Fig.), 。！？, blank lines, line starts that
look like list items or headings, and the document's own block boundaries. The last three are
paragraph-level: the "adjacent sentence" window never crosses them.
"""

from __future__ import annotations

import bisect
import itertools
import re
from collections.abc import Iterable

from lmdef.spans import Span

_BOUNDARY = re.compile(
    r"[.!?][\"'”’)\]]*[ \t\r\n]+(?=[\"'“‘(\[]?[A-Z0-9\u3040-\u30ff\u4e00-\u9fff])"
    r"|[。！？]+[」』）)]*"
    r"|\n(?<=[\u3040-\u30ff\u4e00-\u9fff）」]\n)(?=[\u3040-\u30ff\u4e00-\u9fff（「])"
    r"|(?P<hard>\n[ \t\r]*\n\s*|\n(?=[ \t]*(?:[-*+•●・|#■□◆◇▶►○※]|\d+[.)]\s|\\item)))"
)
_REGION = 4000
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
# Tokens before a period that do not end a sentence.
_ABBREV = re.compile(
    r"(?:\b(?:e\.g|i\.e|cf|vs|al|etc|Fig|Figs|Eq|Eqs|Sec|Tab|Ref|Refs|approx|resp|incl|No|Dr|Mr|Ms|Prof|St|Inc|Ltd|Jr|viz|ca|[A-Z])\.)$"
)


class Sentences:
    """Sentence spans of a document's prose, looked up by offset.

    Segmented lazily, one paragraph (blank-line delimited, at most `_REGION` characters either
    side of the offset) at a time: only paragraphs that hold a term are ever segmented.
    """

    __slots__ = ("_block_cuts", "_cache", "_paras", "_prose")

    def __init__(self, prose: str, blocks: Iterable[Span] = ()) -> None:
        self._prose = prose
        self._block_cuts = sorted({c for b in blocks for c in (b.start, b.end)})
        self._cache: dict[int, tuple[list[Span], list[int], list[int]]] = {}
        self._paras: list[int] | None = None

    def _region(self, offset: int) -> tuple[int, int]:
        if self._paras is None:
            # One pass of a cheap regex (it starts with a literal newline).
            self._paras = [m.end() for m in _BLANK_LINE.finditer(self._prose)]
        i = bisect.bisect_right(self._paras, offset)
        start = self._paras[i - 1] if i else 0
        end = self._paras[i] if i < len(self._paras) else len(self._prose)
        return max(start, offset - _REGION), min(end, offset + _REGION)

    def _segment(self, offset: int) -> tuple[list[Span], list[int], list[int]]:
        start, end = self._region(offset)
        cached = self._cache.get(start)
        if cached is not None and (not cached[0] or cached[0][-1].end >= end):
            return cached
        prose = self._prose
        cuts = {start, end}
        hard = {start, end}  # paragraph-level cuts: the window never crosses them
        for m in _BOUNDARY.finditer(prose, start, end):
            if prose[m.start()] == "." and _ABBREV.search(
                prose, max(0, m.start() - 8), m.start() + 1
            ):
                continue
            cuts.add(m.end())
            if m.group("hard") is not None or _BLANK_LINE.search(m.group(0)):
                hard.add(m.end())
        lo = bisect.bisect_left(self._block_cuts, start)
        hi = bisect.bisect_right(self._block_cuts, end)
        for c in self._block_cuts[lo:hi]:
            cuts.add(c)
            hard.add(c)
        ordered = sorted(c for c in cuts if start <= c <= end)
        spans = [Span(a, b) for a, b in itertools.pairwise(ordered) if b > a]
        para, count = [], 0
        for sp in spans:
            if sp.start in hard:
                count += 1
            para.append(count)
        result = (spans, [sp.start for sp in spans], para)
        self._cache[start] = result
        return result

    def at(self, offset: int) -> Span:
        spans, starts, _ = self._segment(offset)
        if not spans:
            return Span(offset, offset)
        return spans[max(0, bisect.bisect_right(starts, offset) - 1)]

    def window(self, offset: int, radius: int = 1) -> tuple[Span, ...]:
        """The sentence holding `offset` and up to `radius` sentences either side, never
        crossing a paragraph-level boundary."""
        spans, starts, para = self._segment(offset)
        if not spans:
            return ()
        i = max(0, bisect.bisect_right(starts, offset) - 1)
        lo, hi = max(0, i - radius), min(len(spans), i + radius + 1)
        return tuple(spans[j] for j in range(lo, hi) if para[j] == para[i])
