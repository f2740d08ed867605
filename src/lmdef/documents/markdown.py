"""Markdown (CommonMark + GFM tables/footnotes + math, HF YAML front matter) -> Document.

Parser: pyromark (pulldown-cmark, a Rust CommonMark parser) because of speed. On the eval
cards and Markdown passages (215 files, 0.66 MB), `python bench/bench_lint_speed.py` measured
its event stream at ~40-70 MB/s and this whole parser at ~12-19 MB/s, against ~2-3 MB/s for
markdown-it-py's parse alone; issue #2 asks lint throughput to be at least half of codespell's
(~11 MB/s), and codespell parses nothing.

The prose mask is a *whitelist*: only the source ranges of `Text` events outside code blocks,
images and autolinks are kept; everything else (markup characters, code, HTML tags and
comments, link destinations and titles, reference definitions, math, footnote markers, front
matter) is blanked, so a construct the parser does not report as text cannot leak into the
prose. Two additions: text between the tags of an HTML block is prose (a card's
`<h3 align="center">...</h3>` title is read by people; the labelling guide excludes only HTML
comments), except inside <pre>/<code>/<script>...; and bare URLs and e-mail addresses, which
CommonMark leaves as text, are blanked afterwards.

Offsets: pyromark reports UTF-8 *byte* ranges. Rather than converting every range, we parse
an ASCII copy of the text in which every non-ASCII code point is replaced by one `?`; byte
offsets in that copy are code-point offsets in the original. No Markdown construct is spelled
with non-ASCII characters; the replacement can only change whether an emphasis delimiter next
to CJK punctuation counts as emphasis, i.e. whether a `*` is blanked, which no rule can see.
"""

from __future__ import annotations

import bisect
import re
from dataclasses import replace

import pyromark

from lmdef.documents import Directive, Document, DocumentError, Footnote, Heading
from lmdef.documents._mask import blank, blank_urls, keep_only
from lmdef.documents.frontmatter import split_front_matter
from lmdef.spans import Span

_OPTIONS = (
    pyromark.Options.ENABLE_TABLES
    | pyromark.Options.ENABLE_FOOTNOTES
    | pyromark.Options.ENABLE_STRIKETHROUGH
    | pyromark.Options.ENABLE_TASKLISTS
    | pyromark.Options.ENABLE_MATH
    | pyromark.Options.ENABLE_DEFINITION_LIST
)

# Blocks recorded in Document.blocks (headings are "H1".."H6").
_PROSE_BLOCKS = frozenset(
    {"Paragraph", "Item", "TableCell", "DefinitionListTitle", "DefinitionListDefinition"}
    | {f"H{level}" for level in range(1, 7)}
)
# Inline containers whose delimiters are simply blanked.
_INLINE_TAGS = frozenset({"Emphasis", "Strong", "Strikethrough", "Superscript", "Subscript"})
# Containers whose Text is not prose: code, image alt text, autolink/email link text.
_OPAQUE_LINKS = frozenset({"Autolink", "Email"})

_ATX_OPEN = re.compile(r"#{1,6}[ \t]*")
# A glossary table: its header names a term column then a definition column (GUIDE §3, a
# Glossary/Definitions entry); each body row is then a definition item (term cell, gloss cell).
_TERM_HEADER = re.compile(
    r"\W*(?:terms?|acronyms?|abbreviations?|names?|words?|concepts?|用語|略語|名称)\W*",
    re.IGNORECASE,
)
_GLOSS_HEADER = re.compile(
    r"\W*(?:definitions?|meanings?|descriptions?|explanations?|glosses|what\s+it\s+means|"
    r"定義|意味|説明)\W*",
    re.IGNORECASE,
)
# HTML whose text is not prose; the start of a tag, declaration or processing instruction.
_OPAQUE_HTML = frozenset(
    {"pre", "code", "kbd", "samp", "script", "style", "textarea", "math", "svg", "var", "tt"}
)
_HTML_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9-]*)(?:\"[^\"]*\"|'[^']*'|[^'\">])*>")
_HTML_OPEN = re.compile(r"<(?:(/?)([A-Za-z][A-Za-z0-9-]*)|[!?])")
_FOOTNOTE_LABEL = re.compile(r"\s*\[\^([^\]]*)\]:")
_REFERENCE_HEADING = re.compile(
    r"^\s*(?:\d+(?:\.\d+)*\.?\s*)?(references?|bibliography|works cited|citations?|"
    r"参考文献|引用文献|引用)\s*$",
    re.IGNORECASE,
)


def parse_markdown(text: str, path: str) -> Document:
    """Parse a Markdown document; raises DocumentError for hostile front matter."""
    fm = split_front_matter(text)
    if fm.error is not None and fm.hostile:
        raise DocumentError(fm.error)
    source = text
    if fm.span is not None:  # blank lines to the parser, so offsets need no shifting
        source = blank(text[: fm.span.end]) + text[fm.span.end :]
    if not source.isascii():
        source = source.encode("ascii", "replace").decode("ascii")
    document = _Builder(text).run(source, path, fm.data)
    if fm.error is not None and fm.span is not None:
        # Malformed but harmless YAML (real cards have it; the Hub still renders them): the
        # metadata is ignored, the prose is linted, and LMD902 reports the problem.
        document = replace(document, front_matter_problem=(fm.span, fm.error))
    return document


class _Builder:
    """One pass over pyromark's events, collecting kept ranges and structure."""

    def __init__(self, text: str) -> None:
        self.text = text

    def run(self, source: str, path: str, front_matter: object) -> Document:
        """`source` is `text` with the same offsets, all ASCII, front matter blanked."""
        text = self.text
        kept: list[tuple[int, int]] = []  # prose ranges (absolute offsets), in order
        keep = kept.append
        opaque = 0  # depth inside code blocks / images / autolinks / metadata
        link_stack: list[int] = []  # 1 when the link's text is opaque (autolink, image)
        # Open blocks: (tag, start offset, len(kept) at start)
        frames: list[tuple[str, int, int]] = []
        # Block ranges as (start, -end): sorted in C at the end, outer blocks first.
        blocks: list[tuple[int, int]] = []
        headings: list[Heading] = []
        comments: list[tuple[int, int]] = []  # ranges of HTML that may hold comments
        refs: list[tuple[str, Span]] = []  # footnote reference label -> anchor
        defs: dict[str, Span] = {}
        labels: list[str] = []  # labels of open footnote definitions
        dl_title: Span | None = None
        dl_items: list[tuple[Span, Span]] = []
        cells: list[Span | None] = []  # the cells of the current table row
        glossary_table = False
        # Only a file with HTML comments needs block starts (directive targets).
        track = "<!--" in source
        block_starts: list[tuple[int, int, int]] = []  # (start, end, depth)
        inline = _INLINE_TAGS
        prose_blocks = _PROSE_BLOCKS
        html_open: list[str] = []  # open inline <code>/<kbd>/... tags: their text is not prose

        for event, rng in pyromark.events_with_range(source, options=_OPTIONS):
            if "Text" in event:  # most events; on a str event this is a substring test
                if not opaque:
                    keep((rng["start"], rng["end"]))
                continue
            if type(event) is str:
                continue  # SoftBreak / HardBreak / Rule: nothing to keep
            value = event.get("Start")
            if value is not None:
                start = rng["start"]
                if type(value) is str:  # Paragraph, Item, TableCell, ..., Emphasis
                    if value in inline:
                        continue
                    tag = value
                    if tag == "HtmlBlock":
                        comments.append((start, rng["end"]))
                else:
                    tag, data = next(iter(value.items()))
                    if tag == "Link" or tag == "Image":
                        flag = tag == "Image" or data["link_type"] in _OPAQUE_LINKS
                        link_stack.append(flag)
                        opaque += flag
                        continue
                    if tag == "Heading":
                        tag = data["level"]  # "H1".."H6"
                    elif tag == "CodeBlock" or tag == "MetadataBlock":
                        opaque += 1
                    elif tag == "FootnoteDefinition":
                        label = _FOOTNOTE_LABEL.match(text, start)
                        labels.append(label.group(1) if label else data)
                frames.append((tag, start, len(kept)))
                if track and tag != "HtmlBlock":
                    block_starts.append((start, rng["end"], len(frames)))
                continue
            value = event.get("End")
            if value is not None:
                if type(value) is str:
                    if value in inline:
                        continue
                    if value == "Link" or value == "Image":
                        opaque -= link_stack.pop()
                        continue
                tag, bstart, mark = frames.pop()
                if html_open:  # inline HTML never spans blocks: forget unclosed <code>
                    opaque -= len(html_open)
                    html_open.clear()
                if tag in prose_blocks:  # the common case first
                    if tag == "TableCell":
                        cells.append(Span(kept[mark][0], kept[-1][1]) if len(kept) > mark else None)
                    if len(kept) <= mark:
                        continue
                    if tag == "Item":
                        blocks.append((bstart, -kept[-1][1]))
                    elif tag[0] == "H":
                        span = _heading_span(text, bstart, rng["end"])
                        headings.append(Heading(span, int(tag[1])))
                        blocks.append((span.start, -span.end))
                    elif tag[0] == "D":
                        span = Span(kept[mark][0], kept[-1][1])
                        blocks.append((span.start, -span.end))
                        if tag == "DefinitionListTitle":
                            dl_title = span
                        elif dl_title is not None:
                            dl_items.append((dl_title, span))
                    else:  # Paragraph, TableCell
                        blocks.append((kept[mark][0], -kept[-1][1]))
                elif tag == "CodeBlock" or tag == "MetadataBlock":
                    opaque -= 1
                elif tag == "TableHead":
                    glossary_table = _glossary_header(text, cells)
                    cells.clear()
                elif tag == "TableRow":
                    if glossary_table and len(cells) >= 2 and cells[0] and cells[1]:
                        dl_items.append((cells[0], cells[1]))
                    cells.clear()
                elif tag == "Table":
                    glossary_table = False
                    cells.clear()
                elif tag == "HtmlBlock":
                    # Text between tags is prose (a card's <h3>...</h3> title is read by
                    # people); tags, attributes, comments and <pre>/<code> content are not.
                    ranges = _html_text(text, bstart, rng["end"])
                    if ranges and not opaque:
                        kept.extend(ranges)
                        blocks.append((ranges[0][0], -ranges[-1][1]))
                elif tag == "FootnoteDefinition":
                    label = labels.pop()
                    if len(kept) > mark:
                        defs.setdefault(label.casefold(), Span(kept[mark][0], kept[-1][1]))
                continue
            if "FootnoteReference" in event:
                start = rng["start"]
                end = rng["end"]
                refs.append((text[start + 2 : end - 1], Span(start, end)))
            elif "InlineHtml" in event:
                start = rng["start"]
                if source.startswith("<!--", start):
                    comments.append((start, rng["end"]))
                    continue
                tag_match = _HTML_TAG.match(source, start)
                if tag_match is not None:
                    name = tag_match.group(2).lower()
                    if tag_match.group(1):  # a closing tag
                        if html_open and html_open[-1] == name:
                            html_open.pop()
                            opaque -= 1
                    elif name in _OPAQUE_HTML and not tag_match.group(0).endswith("/>"):
                        html_open.append(name)
                        opaque += 1
            # Code, InlineMath, DisplayMath, Html, TaskListMarker: not prose.

        prose = blank_urls(keep_only(text, kept))
        blocks.sort()
        block_spans = tuple([Span(start, -end) for start, end in blocks])
        directives = _directives(text, comments, block_starts) if comments else ()
        footnotes = tuple(
            Footnote(anchor, defs[label.casefold()])
            for label, anchor in refs
            if label.casefold() in defs
        )
        return Document(
            path=path,
            kind="markdown",
            text=text,
            prose=prose,
            front_matter=front_matter,  # type: ignore[arg-type]
            headings=tuple(headings),
            footnotes=footnotes,
            directives=directives,
            blocks=block_spans,
            definition_items=tuple(dl_items),
            references=_reference_sections(text, headings, block_spans) if headings else (),
        )


def _glossary_header(text: str, cells: list[Span | None]) -> bool:
    """Whether a table header reads "Term | Definition" (or Acronym | Meaning, 用語 | 定義)."""
    if len(cells) < 2 or cells[0] is None or cells[1] is None:
        return False
    return bool(
        _TERM_HEADER.fullmatch(cells[0].slice(text))
        and _GLOSS_HEADER.fullmatch(cells[1].slice(text))
    )


def _html_text(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Ranges of an HTML block that are element text: outside tags, comments and the content
    of elements that hold code (<pre>, <code>, <script>, ...).

    str.find from "<" to ">" rather than a tag regex: a regex with quoted attributes rescans
    to the end of the block for every "<" that never closes (quadratic on hostile input).
    """
    ranges: list[tuple[int, int]] = []
    text_start = pos = start
    inside: str | None = None  # an open <pre>/<code>/... element
    find = text.find
    while True:
        lt = find("<", pos, end)
        if lt == -1:
            break
        name: str | None = None
        closing = False
        if text.startswith("<!--", lt):
            close = find("-->", lt + 4, end)
            tag_end = end if close == -1 else close + 3
        else:
            opener = _HTML_OPEN.match(text, lt, end)
            if opener is None:
                pos = lt + 1
                continue
            gt = find(">", opener.end(), end)
            if gt == -1:
                break  # no tag can close after this: the rest is text
            tag_end = gt + 1
            if opener.group(2):
                name = opener.group(2).lower()
                closing = bool(opener.group(1))
        if inside is None and lt > text_start:
            ranges.append((text_start, lt))
        if name is not None:
            if inside is None and not closing and name in _OPAQUE_HTML:
                if text[tag_end - 2] != "/":
                    inside = name
            elif inside == name and closing:
                inside = None
        text_start = pos = tag_end
    if inside is None and text_start < end:
        ranges.append((text_start, end))
    return [(a, b) for a, b in ranges if not text[a:b].isspace()]


def _heading_span(text: str, start: int, end: int) -> Span:
    """The heading's text: without `#` marks (ATX) or the underline (setext)."""
    while end > start and text[end - 1] in " \t\r\n":
        end -= 1
    while start < end and text[start] in " \t":
        start += 1
    if text.startswith("#", start):  # ATX: "## Title ##"
        opening = _ATX_OPEN.match(text, start, end)
        start = opening.end() if opening else start
        hashes = end
        while hashes > start and text[hashes - 1] == "#":
            hashes -= 1
        if hashes < end and (hashes == start or text[hashes - 1] in " \t"):
            end = hashes  # a closing sequence, not "C#"
            while end > start and text[end - 1] in " \t":
                end -= 1
    else:  # setext: drop the === / --- underline line
        newline = text.rfind("\n", start, end)
        if newline != -1:
            end = newline
            while end > start and text[end - 1] in " \t\r":
                end -= 1
    return Span(start, end)


def _directives(
    text: str,
    candidates: list[tuple[int, int]],
    block_starts: list[tuple[int, int, int]],
) -> tuple[Directive, ...]:
    """HTML comments -> Directives, each pointing at the next block that is not a comment."""
    found: list[Directive] = []
    seen_end = -1
    starts = sorted(block_starts)
    for cand_start, cand_end in candidates:
        if cand_start < seen_end:
            continue
        pos = cand_start
        while True:  # str.find, not a regex search: no rescanning past this candidate
            open_at = text.find("<!--", pos, max(cand_end, pos + 1))
            if open_at == -1:
                break
            close_at = text.find("-->", open_at + 4)
            if close_at == -1:
                break
            seen_end = pos = close_at + 3
            found.append(
                Directive(
                    span=Span(open_at, pos),
                    text=text[open_at + 4 : close_at].strip(),
                    next_block=_next_block(text, starts, pos),
                )
            )
    return tuple(found)


def _next_block(text: str, starts: list[tuple[int, int, int]], after: int) -> Span | None:
    """The outermost block starting after `after` (a whole list or table, not its first cell)."""
    index = bisect.bisect_left(starts, (after, -1, -1))
    if index >= len(starts):
        return None
    first = starts[index][0]
    best = starts[index]
    for candidate in starts[index : index + 8]:  # blocks opening at the same offset
        if candidate[0] != first:
            break
        if candidate[2] < best[2]:
            best = candidate
    end = best[1]
    while end > best[0] and text[end - 1] in " \t\r\n":
        end -= 1
    return Span(best[0], end)


def _reference_sections(
    text: str, headings: list[Heading], blocks: tuple[Span, ...]
) -> tuple[Span, ...]:
    """Blocks under a References/Bibliography heading: cited titles are mentions, not uses."""
    ordered = sorted(headings, key=lambda h: h.span.start)
    sections: list[tuple[int, int]] = []
    for i, heading in enumerate(ordered):
        if not _REFERENCE_HEADING.match(heading.span.slice(text)):
            continue
        stop = len(text)
        for j in range(i + 1, len(ordered)):  # at most 6 levels deep: linear overall
            if ordered[j].level <= heading.level:
                stop = ordered[j].span.start
                break
        if sections and heading.span.end < sections[-1][1]:
            continue  # nested in the previous references section
        sections.append((heading.span.end, stop))
    if not sections:
        return ()
    refs: list[Span] = []
    index = 0
    for start, stop in sections:  # blocks are sorted by start: one sweep
        index = bisect.bisect_left(blocks, start, index, key=lambda b: b.start)
        while index < len(blocks) and blocks[index].start < stop:
            block = blocks[index]
            if block.start > start and block.end <= stop:
                refs.append(block)
            index += 1
    return tuple(refs)
