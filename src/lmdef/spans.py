"""Offsets into the original text, and their conversion to line:column at the edge.

The core works only with code-point offsets into the text exactly as decoded from the file
(CRLF kept). Line and column are computed here, once, when a finding is stamped.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass


@dataclass(frozen=True, slots=True)
class Span:
    """Half-open range [start, end) of code-point offsets into a document's original text."""

    start: int
    end: int

    def slice(self, text: str) -> str:
        return text[self.start : self.end]


class LineIndex:
    """Maps code-point offsets to 1-based (line, column) pairs; columns count code points.

    A line ends after "\\n"; a "\\r" before it belongs to the line (so CRLF files keep their
    columns). `utf16_column` gives the column GitHub/SARIF expect (UTF-16 code units).
    """

    __slots__ = ("_starts", "_text")

    def __init__(self, text: str) -> None:
        self._text = text
        starts = [0]
        find = text.find
        i = find("\n")
        while i != -1:
            starts.append(i + 1)
            i = find("\n", i + 1)
        self._starts = starts

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and 1-based code-point column of `offset`."""
        line = bisect.bisect_right(self._starts, offset) - 1
        return line + 1, offset - self._starts[line] + 1

    def utf16_column(self, offset: int) -> int:
        """1-based column of `offset` counted in UTF-16 code units (astral chars count 2)."""
        line = bisect.bisect_right(self._starts, offset) - 1
        prefix = self._text[self._starts[line] : offset]
        return len(prefix) + sum(1 for ch in prefix if ord(ch) > 0xFFFF) + 1

    def line_start(self, line: int) -> int:
        """Offset of the first character of 1-based `line`."""
        return self._starts[line - 1]

    @property
    def line_count(self) -> int:
        return len(self._starts)
