"""Files without any lexicon term skip parsing (lint.lint_source); results must not change."""

from __future__ import annotations

import pytest

from lmdef.config import Config
from lmdef.documents import parse_document
from lmdef.lint import lexicon_for, lint_document, lint_source
from lmdef.report import FailedFile, LintedFile

CONFIG = Config()
LEXICON = lexicon_for(CONFIG)

CASES = [
    pytest.param(
        "card.md", "---\nlicense: mit\n---\n# A tagger\nIt tags words.\n", id="md-no-term"
    ),
    pytest.param("card.md", "# Tagger\nA robust tagger for tweets.\n", id="md-with-term"),
    pytest.param("paper.tex", "\\section{Intro}\nWe tag words.\n", id="tex-no-term"),
    pytest.param("notes.txt", "Plain notes about tagging.\n", id="txt-no-term"),
    pytest.param(
        "card.md", "<!-- lmdef: ignore[LMD101] -->\nA tagger.\n", id="unused-directive-no-term"
    ),
    pytest.param("card.md", "---\nlmdef: [unclosed\n---\nA tagger.\n", id="bad-front-matter"),
    pytest.param(
        "card.md", "---\na: &a [x]\nb: *a\n---\nA tagger.\n", id="front-matter-with-alias"
    ),
]


def _full(text: str, path: str) -> LintedFile | FailedFile:
    from lmdef.documents import DocumentError

    try:
        document = parse_document(text, path)
    except DocumentError as exc:
        return FailedFile(path=path, error=str(exc))
    return LintedFile(path=path, findings=lint_document(document, CONFIG, LEXICON))


@pytest.mark.parametrize(("path", "text"), CASES)
def test_lint_source_equals_the_full_pipeline(path, text):
    assert lint_source(text, path, CONFIG, LEXICON) == _full(text, path)


def test_unused_directive_is_still_reported_without_any_term():
    result = lint_source("<!-- lmdef: ignore[LMD101] -->\nA tagger.\n", "c.md", CONFIG, LEXICON)
    assert [f.rule for f in result.findings] == ["LMD901"]


def test_hostile_front_matter_is_still_an_error_without_any_term():
    bomb = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n" + "".join(
        f"a{i}: &a{i} [{', '.join(['*a' if i == 1 else f'*a{i - 1}'] * 10)}]\n" for i in range(1, 8)
    )
    result = lint_source(bomb + "---\nA tagger.\n", "c.md", CONFIG, LEXICON)
    assert isinstance(result, FailedFile)
