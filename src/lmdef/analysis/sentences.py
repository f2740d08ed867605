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
    r"|(?<=[\u3040-\u30ff\u4e00-\u9fff）」])\n(?=[\u3040-\u30ff\u4e00-\u9fff（「])"
    r"|(?P<hard>\n[ \t\r]*\n\s*|\n(?=[ \t]*(?:[-*+•●・|#■□◆◇▶►○※]|\d+[.)]\s|\\item)))"
)
_BLANK_LINE = re.compile(r"\n[ \t\r]*\n")
# Tokens before a period that do not end a sentence.
_ABBREV = re.compile(
    r"(?:\b(?:e\.g|i\.e|cf|vs|al|etc|Fig|Figs|Eq|Eqs|Sec|Tab|Ref|Refs|approx|resp|incl|No|Dr|Mr|Ms|Prof|St|Inc|Ltd|Jr|viz|ca|[A-Z])\.)$"
)


class Sentences:
    """Sentence spans of a document's prose, looked up by offset."""

    __slots__ = ("_para", "_starts", "spans")

    def __init__(self, prose: str, blocks: Iterable[Span] = ()) -> None:
        cuts = {0, len(prose)}
        hard = {0, len(prose)}  # paragraph-level cuts: the window never crosses them
        for m in _BOUNDARY.finditer(prose):
            if prose[m.start()] == "." and _ABBREV.search(
                prose, max(0, m.start() - 8), m.start() + 1
            ):
                continue
            cuts.add(m.end())
            if m.group("hard") is not None or _BLANK_LINE.search(m.group(0)):
                hard.add(m.end())
        for b in blocks:
            cuts.update((b.start, b.end))
            hard.update((b.start, b.end))
        ordered = sorted(c for c in cuts if 0 <= c <= len(prose))
        self.spans: tuple[Span, ...] = tuple(
            Span(a, b) for a, b in itertools.pairwise(ordered) if b > a
        )
        self._starts = [s.start for s in self.spans]
        para, count = [], 0
        for sp in self.spans:
            if sp.start in hard:
                count += 1
            para.append(count)
        self._para = para

    def index_of(self, offset: int) -> int:
        return max(0, bisect.bisect_right(self._starts, offset) - 1)

    def at(self, offset: int) -> Span:
        return self.spans[self.index_of(offset)] if self.spans else Span(0, 0)

    def window(self, offset: int, radius: int = 1) -> tuple[Span, ...]:
        """The sentence holding `offset` and up to `radius` sentences either side."""
        if not self.spans:
            return ()
        i = self.index_of(offset)
        lo, hi = max(0, i - radius), min(len(self.spans), i + radius + 1)
        return tuple(self.spans[j] for j in range(lo, hi) if self._para[j] == self._para[i])
