"""Markup -> Document: the original text plus a same-length prose mask.

Every parser returns a `Document` whose `prose` has exactly the length of `text`: characters
that are not prose (code, math, URLs, link targets, comments, command names and arguments,
front matter, preamble...) are replaced by spaces, newlines are kept. So any regex run over
`prose` reports offsets that are true offsets into the original file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Literal

from lmdef.spans import Span

DocumentKind = Literal["markdown", "latex", "text"]


@dataclass(frozen=True, slots=True)
class Heading:
    span: Span  # the heading's prose text (without the leading #'s / \section{)
    level: int


@dataclass(frozen=True, slots=True)
class Footnote:
    """A footnote attached to the word just before `anchor` (Markdown [^x] or LaTeX \\footnote)."""

    anchor: Span  # the reference marker ([^1]) or the \footnote command
    body: Span  # the footnote's text


@dataclass(frozen=True, slots=True)
class Directive:
    """A comment that may carry an `lmdef:` suppression directive.

    `text` is the comment content (without <!-- -->, %, or #); `span` covers the whole comment.
    `next_block` is the span of the block that follows the comment (for `ignore[...]`).
    """

    span: Span
    text: str
    next_block: Span | None = None


@dataclass(frozen=True, slots=True)
class Document:
    path: str
    kind: DocumentKind
    text: str
    prose: str
    front_matter: Mapping[str, Any] | None = None
    headings: tuple[Heading, ...] = ()
    footnotes: tuple[Footnote, ...] = ()
    directives: tuple[Directive, ...] = ()
    blocks: tuple[Span, ...] = ()  # paragraph-level blocks, in order (list items, table cells...)
    # Spans of definition-list terms / glossary entries / \newglossaryentry etc., each with the
    # span of its definition body; the analysis decides which lexicon term they define.
    definition_items: tuple[tuple[Span, Span], ...] = field(default=())
    # Spans of quoted titles or reference-list entries (mentions, not uses).
    references: tuple[Span, ...] = ()
    # Front matter that is malformed but not hostile: its block and the one-line reason
    # (the metadata is ignored; rule LMD902 reports it).
    front_matter_problem: tuple[Span, str] | None = None


class DocumentError(ValueError):
    """The input cannot be turned into a Document (one-line reason, no traceback)."""


_MARKDOWN_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd")
_LATEX_SUFFIXES = (".tex", ".latex", ".ltx")


def kind_for_path(path: str) -> DocumentKind:
    """Markup kind from a file name: Markdown, LaTeX, or plain text for anything else."""
    lower = path.lower()
    if lower.endswith(_MARKDOWN_SUFFIXES):
        return "markdown"
    if lower.endswith(_LATEX_SUFFIXES):
        return "latex"
    return "text"


def parse_document(text: str, path: str, kind: DocumentKind | None = None) -> Document:
    """Parse `text` (as decoded from `path`) into a Document; raises DocumentError.

    Parsers are imported on demand so that linting Markdown never loads the LaTeX scanner.
    """
    kind = kind or kind_for_path(path)
    if kind == "markdown":
        from lmdef.documents.markdown import parse_markdown

        return parse_markdown(text, path)
    if kind == "latex":
        from lmdef.documents.latex import parse_latex

        return parse_latex(text, path)
    from lmdef.documents.plaintext import parse_plaintext

    return parse_plaintext(text, path)
