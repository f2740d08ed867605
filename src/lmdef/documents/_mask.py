"""Helpers shared by the parsers: blanking, paragraphs and directive targets.

The invariant of every Document (STYLE.md "what they agree on" 2): `prose` has the length of
`text`, and every character is either the original one or a space; "\\n" and "\\r" are always
kept, so line numbers and CRLF columns stay true.
"""

from __future__ import annotations

import bisect
import re

from lmdef.spans import Span

_BLANK_TABLE = bytes(b if b in b"\r\n" else 0x20 for b in range(256))
# A blank line ends a paragraph in Markdown, LaTeX and plain text alike.
_BLANK_LINE = re.compile(r"\n[ \t]*\r?\n(?:[ \t]*\r?\n)*")
_URL = re.compile(r"(?:https?://|ftp://|www\.)[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]}]")
# E-mail addresses are found from their "@" (a regex starting with [\w.+-]+ backtracks over
# every word of the text: 0.13 s on the eval cards, most of the parse time).
_EMAIL_DOMAIN = re.compile(r"@[\w-]+(?:\.[\w-]+)+")
_EMAIL_LOCAL = re.compile(r"[\w.+-]{1,64}$")
_PROSE_CHAR = re.compile(r"[^\s]")


def blank(segment: str) -> str:
    """Spaces for every character except line breaks.

    Via bytes.translate on an ASCII stand-in of the same length (every non-ASCII code point
    becomes one "?"): a per-line Python loop here cost as much as the whole Markdown parse.
    """
    data = segment.encode("ascii", "replace")
    return data.translate(_BLANK_TABLE).decode("ascii")


def keep_only(text: str, kept: list[tuple[int, int]]) -> str:
    """`text` with everything outside the ordered, non-overlapping `kept` ranges blanked."""
    skeleton = blank(text)
    parts: list[str] = []
    append = parts.append
    pos = 0
    for start, end in kept:
        if start < pos:
            start = pos
        if end <= start:
            continue
        if start > pos:
            append(skeleton[pos:start])
        append(text[start:end])
        pos = end
    append(skeleton[pos:])
    return "".join(parts)


def blank_ranges(text: str, ranges: list[tuple[int, int]]) -> str:
    """`text` with every range in `ranges` (any order, may overlap) blanked."""
    if not ranges:
        return text
    ranges.sort()
    kept: list[tuple[int, int]] = []
    pos = 0
    for start, end in ranges:
        if start > pos:
            kept.append((pos, start))
        if end > pos:
            pos = end
    kept.append((pos, len(text)))
    return keep_only(text, kept)


def blank_urls(prose: str) -> str:
    """Blank bare URLs, www. addresses and e-mail addresses left in prose."""
    ranges: list[tuple[int, int]] = []
    # str.find for the markers, then the URL regex anchored there: a regex search over the
    # whole prose was an eighth of the Markdown parse time.
    for marker, backs in (("://", (5, 4, 3)), ("www.", (0,))):
        i = prose.find(marker)
        while i != -1:
            match = None
            for back in backs:
                if i >= back:
                    match = _URL.match(prose, i - back)
                    if match is not None:
                        break
            if match is not None:
                ranges.append(match.span())
                i = prose.find(marker, match.end())
            else:
                i = prose.find(marker, i + 1)
    at = prose.find("@")
    while at != -1:
        domain = _EMAIL_DOMAIN.match(prose, at)
        local = _EMAIL_LOCAL.search(prose, max(0, at - 64), at) if domain else None
        if domain is not None and local is not None:
            ranges.append((local.start(), domain.end()))
            at = prose.find("@", domain.end())
        else:
            at = prose.find("@", at + 1)
    return blank_ranges(prose, ranges) if ranges else prose


def paragraphs(text: str, prose: str, start: int = 0, end: int | None = None) -> list[Span]:
    """Blank-line separated paragraphs of text[start:end] that hold some prose, trimmed."""
    end = len(text) if end is None else end
    spans: list[Span] = []
    pos = start
    for match in _BLANK_LINE.finditer(text, start, end):
        _add_trimmed(spans, prose, pos, match.start())
        pos = match.end()
    _add_trimmed(spans, prose, pos, end)
    return spans


def _add_trimmed(spans: list[Span], prose: str, start: int, end: int) -> None:
    first = _PROSE_CHAR.search(prose, start, end)
    if first is None:
        return
    last = end
    while last > first.start() and prose[last - 1].isspace():
        last -= 1
    spans.append(Span(first.start(), last))


def next_blocks(text: str, prose: str, afters: list[int]) -> list[Span | None]:
    """For each offset (ascending), the span from the first prose character after it to the
    end of that paragraph (the target of an `ignore` directive), or None at the end of file.

    One backward sweep: each stretch of prose is searched once however many directives
    precede it (20k directive lines took 14 s with a search per directive).
    """
    result: list[Span | None] = [None] * len(afters)
    if not afters:
        return result
    breaks = [m.start() for m in _BLANK_LINE.finditer(text)]  # paragraph ends, once
    limit = len(prose)
    target: Span | None = None
    for index in range(len(afters) - 1, -1, -1):
        after = afters[index]
        first = _PROSE_CHAR.search(prose, after, limit) if after < limit else None
        if first is not None:
            start = first.start()
            k = bisect.bisect_left(breaks, start)
            end = breaks[k] if k < len(breaks) else len(text)
            while end > start and prose[end - 1].isspace():
                end -= 1
            target = Span(start, end)
        result[index] = target
        limit = min(limit, after)
    return result
