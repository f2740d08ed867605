"""Markdown -> Document: what is prose, what is blanked, and the structure lint relies on.

Fixtures are written for these tests (issue #2 section 3 lists the constructs).
"""

from __future__ import annotations

import pytest

from lmdef.documents import parse_document

# (id, source): the word LLM in the source must NOT reach the prose.
MASKED = [
    ("fenced-code", "Text.\n\n```python\nllm = LLM()\n```\n"),
    ("tilde-fence", "Text.\n\n~~~\nLLM\n~~~\n"),
    ("indented-code", "Text.\n\n    LLM = 1\n"),
    ("inline-code", "Call `LLM()` here.\n"),
    (
        "html-tags-and-attributes",
        '<div align="center" title="LLM">\n<img alt="LLM" src="LLM.png">\n</div>\n',
    ),
    ("html-block-pre", "<pre>\nLLM = load()\n</pre>\n"),
    ("html-block-code-element", '<p>Run <code class="x">LLM()</code></p>\n'),
    ("inline-code-element", "Run <code>LLM()</code> now.\n"),
    ("inline-kbd-element", "Press <kbd>LLM</kbd> now.\n"),
    ("inline-html-attribute", 'A <span title="LLM">word</span>.\n'),
    ("html-comment", "Text <!-- LLM --> more.\n"),
    ("html-comment-block", "<!-- the LLM\nspans lines -->\n\nText.\n"),
    ("autolink", "See <https://example.org/LLM>.\n"),
    ("email-autolink", "Mail <LLM@example.org>.\n"),
    ("bare-url", "See https://example.org/LLM/card for more.\n"),
    ("bare-www", "See www.LLM.example.org today.\n"),
    ("bare-email", "Write to LLM.team@example.org today.\n"),
    ("link-destination", "[the card](https://example.org/LLM)\n"),
    ("link-title", '[the card](https://example.org "LLM page")\n'),
    ("reference-definition", "[card][1]\n\n[1]: https://example.org/LLM 'LLM'\n"),
    ("image-alt", "![an LLM diagram](diagram.png)\n"),
    ("image-destination", "![diagram](LLM.png)\n"),
    ("inline-math", "The loss $L_{LLM}$ is small.\n"),
    ("display-math", "Then\n\n$$\nLLM(x)\n$$\n"),
    ("front-matter", "---\ntags: [LLM]\nmodel_name: LLM\n---\nText.\n"),
    ("footnote-marker", "A claim[^LLM].\n\n[^LLM]: A note.\n"),
]

# (id, source, the exact prose fragment that must survive at its own offset)
PROSE = [
    ("paragraph", "An LLM is here.\n", "An LLM is here."),
    ("heading", "# About the LLM\n", "About the LLM"),
    ("setext-heading", "The LLM\n=======\n", "The LLM"),
    ("link-text", "[our LLM](https://example.org)\n", "our LLM"),
    ("emphasis", "An *LLM* and __LLM__.\n", "LLM"),
    ("table-cell", "| a | b |\n|---|---|\n| LLM | 1 |\n", "LLM"),
    ("list-item", "- an LLM\n- another\n", "an LLM"),
    ("blockquote", "> An LLM quote.\n", "An LLM quote."),
    ("footnote-body", "A claim[^1].\n\n[^1]: An LLM note.\n", "An LLM note."),
    ("definition-list", "LLM\n: a large model\n", "LLM"),
    ("inline-html-content", "A <b>LLM</b> word.\n", "LLM"),
    ("html-block-text", '<h3 align="center">Open bilingual LLMs</h3>\n', "Open bilingual LLMs"),
    (
        "html-details-summary",
        "<details><summary>The LLM setup</summary>\n\nBody.\n\n</details>\n",
        "The LLM setup",
    ),
    ("text-after-unclosed-inline-code-tag", "Run <code>x\n\nAn LLM here.\n", "An LLM here."),
    ("after-front-matter", "---\nlicense: mit\n---\nAn LLM card.\n", "An LLM card."),
    ("cjk-adjacent", "本稿のLLMの能力について。\n", "LLMの能力"),
    ("after-emoji", "🤗 Foundation Modelの説明\n", "Foundation Modelの"),
    ("dollar-amount", "It costs $5 and $10 to run the LLM.\n", "run the LLM."),
    ("crlf", "Line one.\r\nAn LLM here.\r\n", "An LLM here."),
]


@pytest.mark.parametrize(("source"), [c[1] for c in MASKED], ids=[c[0] for c in MASKED])
def test_non_prose_construct_is_blanked(source: str) -> None:
    doc = parse_document(source, "card.md")
    assert "LLM" not in doc.prose
    assert len(doc.prose) == len(source)
    assert [i for i, c in enumerate(doc.prose) if c in "\r\n"] == [
        i for i, c in enumerate(source) if c in "\r\n"
    ]


@pytest.mark.parametrize(("source", "fragment"), [c[1:] for c in PROSE], ids=[c[0] for c in PROSE])
def test_prose_construct_is_kept_at_its_offset(source: str, fragment: str) -> None:
    doc = parse_document(source, "card.md")
    start = source.index(fragment)
    assert doc.prose[start : start + len(fragment)] == fragment


def test_headings_have_text_span_and_level() -> None:
    text = "# Model card\n\nIntro.\n\n## Glossary *terms*\n\nBody.\n"
    doc = parse_document(text, "README.md")
    assert [(h.span.slice(text), h.level) for h in doc.headings] == [
        ("Model card", 1),
        ("Glossary *terms*", 2),
    ]


def test_footnote_reference_is_paired_with_its_definition_body() -> None:
    text = "An LLM[^def] and more[^x].\n\n[^x]: Other.\n\n[^def]: A model with 1B+ parameters.\n"
    doc = parse_document(text, "README.md")
    pairs = [(f.anchor.slice(text), f.body.slice(text)) for f in doc.footnotes]
    assert pairs == [("[^def]", "A model with 1B+ parameters."), ("[^x]", "Other.")]


def test_definition_list_items_pair_term_and_definition() -> None:
    text = "Terms:\n\nFoundation model\n: A model trained on broad data.\n\nSOTA\n: Best score.\n"
    doc = parse_document(text, "README.md")
    pairs = [(t.slice(text), b.slice(text)) for t, b in doc.definition_items]
    assert pairs == [
        ("Foundation model", "A model trained on broad data."),
        ("SOTA", "Best score."),
    ]


@pytest.mark.parametrize(
    ("text", "target"),
    [
        ("<!-- lmdef: ignore[LMD101] -->\nAn LLM here.\n\nNext.\n", "An LLM here."),
        ("Intro.\n\n<!-- lmdef: ignore -->\n\n- an LLM\n- two\n\nEnd.\n", "- an LLM\n- two"),
        (
            "<!-- lmdef: ignore -->\n| a |\n|---|\n| LLM |\n\nEnd.\n",
            "| a |\n|---|\n| LLM |",
        ),
        ("<!-- lmdef: ignore -->\n<!-- note -->\n# LLM\n", "# LLM"),
    ],
    ids=["paragraph", "whole-list", "whole-table", "skips-other-comments"],
)
def test_html_comment_directive_targets_the_next_block(text: str, target: str) -> None:
    doc = parse_document(text, "README.md")
    first = doc.directives[0]
    assert first.text.startswith("lmdef: ignore")
    assert first.span.slice(text).startswith("<!--")
    assert first.next_block is not None
    assert first.next_block.slice(text) == target


def test_directive_at_end_of_file_has_no_next_block() -> None:
    doc = parse_document("Text.\n\n<!-- lmdef: enable -->\n", "README.md")
    assert [(d.text, d.next_block) for d in doc.directives] == [("lmdef: enable", None)]


def test_blocks_are_paragraphs_items_and_cells_in_order() -> None:
    text = "# T\n\nPara one.\n\n- item\n\n| h |\n|---|\n| cell |\n"
    doc = parse_document(text, "README.md")
    assert [b.slice(text) for b in doc.blocks] == ["T", "Para one.", "- item", "h", "cell"]


def test_reference_section_entries_are_references() -> None:
    text = "# Card\n\nUses an LLM.\n\n## References\n\n- Wei et al. Emergent abilities.\n\n## Usage\n\nRun it.\n"
    doc = parse_document(text, "README.md")
    assert [r.slice(text) for r in doc.references] == ["- Wei et al. Emergent abilities."]


def test_footnotes_with_japanese_labels_pair_by_their_own_label() -> None:
    # The parser sees an ASCII stand-in ("?" per non-ASCII character), so labels of equal
    # length look alike to it; pairing must use the original labels.
    text = "LLM[^注]と基盤モデル[^脚]。\n\n[^脚]: 広いデータで学習したモデル。\n\n[^注]: 大規模言語モデル。\n"
    doc = parse_document(text, "README.md")
    pairs = [(f.anchor.slice(text), f.body.slice(text)) for f in doc.footnotes]
    assert pairs == [("[^注]", "大規模言語モデル。"), ("[^脚]", "広いデータで学習したモデル。")]


def test_emphasis_next_to_cjk_keeps_the_term_at_its_offset() -> None:
    text = "本稿の**LLM**は「*基盤モデル*」である。\n"
    doc = parse_document(text, "README.md")
    for term in ("LLM", "基盤モデル"):
        start = text.index(term)
        assert doc.prose[start : start + len(term)] == term
    assert "*" not in doc.prose


GLOSSARY_TABLES = [
    (
        "term-meaning",
        "| Term | Meaning |\n|---|---|\n| LLM | a text model pretrained on over 1B tokens |\n",
        [("LLM", "a text model pretrained on over 1B tokens")],
    ),
    (
        "ja-headers-and-emphasis",
        "| 用語 | 定義 |\n|---|---|\n| **基盤モデル** | 大量のデータで事前学習されたモデル |\n",
        [("基盤モデル", "大量のデータで事前学習されたモデル")],
    ),
    (
        "results-table-is-not-a-glossary",
        "| Model | Score |\n|---|---|\n| LLM | 71.2 |\n",
        [],
    ),
    (
        "empty-term-cell-is-skipped",
        "| Acronym | Description |\n|---|---|\n|  | no term here at all |\n",
        [],
    ),
]


@pytest.mark.parametrize(
    ("source", "items"), [c[1:] for c in GLOSSARY_TABLES], ids=[c[0] for c in GLOSSARY_TABLES]
)
def test_glossary_table_rows_are_definition_items(source, items):
    doc = parse_document(source, "card.md")
    assert [(t.slice(source), b.slice(source)) for t, b in doc.definition_items] == items
