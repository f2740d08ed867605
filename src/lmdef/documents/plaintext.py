"""Plain text: everything is prose; `lmdef: ...` lines are directives."""

from __future__ import annotations

from lmdef.documents import Document


def parse_plaintext(text: str, path: str) -> Document:
    return Document(path=path, kind="text", text=text, prose=text)
