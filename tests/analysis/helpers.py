"""Shared helpers: run the real parser and analysis on a hand-written passage."""

from __future__ import annotations

from lmdef.analysis import TermAnalysis, analyse
from lmdef.documents import parse_document
from lmdef.lexicon import load_lexicon

LEXICON = load_lexicon()


def analysis_of(text: str, path: str = "passage.txt", glossary=None) -> TermAnalysis:
    return analyse(parse_document(text, path), LEXICON, glossary)


def flagged(text: str, term: str, path: str = "passage.txt") -> bool:
    """Whether the (passage, term) pair would be flagged: some use of `term` is undefined."""
    return bool(analysis_of(text, path).undefined_uses(term))


def statuses(text: str, term: str, path: str = "passage.txt") -> list[str]:
    return [o.status for o in analysis_of(text, path).for_term(term)]
