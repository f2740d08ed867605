"""LaTeX -> Document (being built, issue #2): for now everything is prose."""

from __future__ import annotations

from lmdef.documents import Document


def parse_latex(text: str, path: str) -> Document:
    return Document(path=path, kind="latex", text=text, prose=text)
