"""Markdown (CommonMark + GFM, with Hugging Face YAML front matter) -> Document."""

from __future__ import annotations

from lmdef.documents import Document, DocumentError
from lmdef.documents.frontmatter import split_front_matter


def parse_markdown(text: str, path: str) -> Document:
    fm = split_front_matter(text)
    if fm.error is not None:
        raise DocumentError(fm.error)
    prose = text
    if fm.span is not None:
        prose = _blank(text[: fm.span.end]) + text[fm.span.end :]
    return Document(path=path, kind="markdown", text=text, prose=prose, front_matter=fm.data)


def _blank(segment: str) -> str:
    """Spaces for every character except line breaks (kept so line numbers stay true)."""
    return "".join(ch if ch in "\r\n" else " " for ch in segment)
