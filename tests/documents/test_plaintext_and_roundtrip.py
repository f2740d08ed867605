"""Plain text directives, and the core promise of every parser: offsets into prose are offsets
into the original text (STYLE.md: mask, never strip), for CJK, emoji and CRLF lines too."""

from __future__ import annotations

import re

import pytest

from lmdef.documents import kind_for_path, parse_document
from lmdef.spans import LineIndex

TERMS = re.compile(r"LLMs?|Foundation Model|基盤モデル|大規模言語モデル|emergent|創発")

SAMPLES = {
    "markdown": (
        "card.md",
        "---\r\nlicense: mit\r\n---\r\n# 🤗 LLMの能力\r\n\r\n"
        "本稿では基盤モデルを扱う。 Foundation Modelの定義は[こちら](https://x.org/LLM)。\r\n\r\n"
        "| モデル | 説明 |\r\n|---|---|\r\n| 😀 emergent | 大規模言語モデル |\r\n\r\n"
        "```\r\nLLM code\r\n```\r\n",
    ),
    "latex": (
        "paper.tex",
        "\\section{大規模言語モデルの能力}\r\n🤗 LLMs show emergent 創発 skills~\\cite{LLM}.\r\n"
        "% LLM comment\r\n$LLM$ and Foundation Modelの \\footnote{基盤モデル 😀 note}.\r\n",
    ),
    "text": (
        "notes.txt",
        "😀😀 LLMの能力と基盤モデル\r\nSee https://x.org/LLM\r\n\r\nemergent 創発 Foundation Modelの\r\n",
    ),
}


@pytest.mark.parametrize("kind", list(SAMPLES), ids=list(SAMPLES))
def test_terms_found_in_prose_cut_the_same_text_out_of_the_source(kind: str) -> None:
    path, text = SAMPLES[kind]
    doc = parse_document(text, path)
    assert doc.kind == kind
    assert len(doc.prose) == len(text)
    found = [(m.start(), m.group()) for m in TERMS.finditer(doc.prose)]
    assert found, "the sample must contain prose terms"
    for start, term in found:
        assert text[start : start + len(term)] == term


@pytest.mark.parametrize("kind", list(SAMPLES), ids=list(SAMPLES))
def test_prose_keeps_every_line_break_and_only_blanks(kind: str) -> None:
    path, text = SAMPLES[kind]
    doc = parse_document(text, path)
    for p, c in zip(doc.prose, text, strict=True):
        assert p == c or (p == " " and c not in "\r\n")


def test_line_and_column_after_emoji_and_cjk_count_code_points() -> None:
    path, text = SAMPLES["text"]
    doc = parse_document(text, path)
    start = doc.prose.index("LLM")
    assert LineIndex(text).line_col(start) == (1, 4)  # two emoji + a space before it
    start = doc.prose.index("Foundation")
    assert LineIndex(text).line_col(start) == (4, 13)


@pytest.mark.parametrize(
    ("path", "kind"),
    [
        ("README.md", "markdown"),
        ("a/b.MARKDOWN", "markdown"),
        ("x.mdown", "markdown"),
        ("paper.tex", "latex"),
        ("p.latex", "latex"),
        ("notes.txt", "text"),
        ("README", "text"),
        ("<stdin>", "text"),
    ],
)
def test_markup_kind_follows_the_file_extension(path: str, kind: str) -> None:
    assert kind_for_path(path) == kind


@pytest.mark.parametrize(
    ("text", "directive", "target"),
    [
        ("lmdef: ignore\nAn LLM.\n", "lmdef: ignore", "An LLM."),
        (
            "# lmdef: ignore[LMD101] reviewed\nAn LLM.\nMore.\n\nNext.\n",
            "lmdef: ignore[LMD101] reviewed",
            "An LLM.\nMore.",
        ),
        ("// lmdef: disable LMD101\r\n\r\nAn LLM.\r\n", "lmdef: disable LMD101", "An LLM."),
    ],
    ids=["bare", "hash-comment", "crlf-blank-line"],
)
def test_plain_text_lmdef_lines_are_directives(text: str, directive: str, target: str) -> None:
    doc = parse_document(text, "notes.txt")
    assert [(d.text, d.next_block.slice(text)) for d in doc.directives] == [(directive, target)]
    assert "lmdef" not in doc.prose


def test_plain_text_masks_urls_and_splits_paragraphs() -> None:
    text = "An LLM, see https://example.org/LLM.\n\n  \nSecond paragraph\nwith two lines.\n"
    doc = parse_document(text, "notes.txt")
    assert doc.prose.count("LLM") == 1
    assert [b.slice(text) for b in doc.blocks] == [
        "An LLM, see https://example.org/LLM.",
        "Second paragraph\nwith two lines.",
    ]


@pytest.mark.parametrize(
    ("path", "text"),
    [
        ("notes.txt", "lmdef: ignore[LMD101]\nlmdef: ignore[LMD102]\nAn LLM.\n\nlmdef: enable\n"),
        (
            "paper.tex",
            "% lmdef: ignore[LMD101]\n% lmdef: ignore[LMD102]\nAn LLM.\n\n% lmdef: enable\n",
        ),
        (
            "card.md",
            "<!-- lmdef: ignore[LMD101] -->\n<!-- lmdef: ignore[LMD102] -->\nAn LLM.\n\n<!-- lmdef: enable -->\n",
        ),
    ],
    ids=["text", "latex", "markdown"],
)
def test_consecutive_directives_share_the_next_block_and_the_last_has_none(
    path: str, text: str
) -> None:
    doc = parse_document(text, path)
    targets = [d.next_block.slice(text) if d.next_block else None for d in doc.directives]
    assert targets == ["An LLM.", "An LLM.", None]
