"""Front matter of Hugging Face cards: found exactly, parsed safely, hostile YAML refused."""

from __future__ import annotations

import pytest

from lmdef.documents import DocumentError, parse_document
from lmdef.documents.frontmatter import MAX_FRONT_MATTER_CHARS, split_front_matter


def _laughs(levels: int, width: int = 9) -> str:
    """A billion-laughs YAML: each level lists the previous one `width` times."""
    lines = ["l0: &l0 [" + ", ".join(["lol"] * width) + "]"]
    for i in range(1, levels):
        lines.append(f"l{i}: &l{i} [" + ", ".join([f"*l{i - 1}"] * width) + "]")
    return "\n".join(lines)


@pytest.mark.parametrize(
    ("text", "data", "body"),
    [
        ("---\nlicense: mit\n---\n# Card\n", {"license": "mit"}, "# Card\n"),
        (
            "---\r\nlicense: mit\r\ntags: [a, b]\r\n---\r\nBody",
            {"license": "mit", "tags": ["a", "b"]},
            "Body",
        ),
        ("\ufeff---\nlicense: mit\n---\nBody", {"license": "mit"}, "Body"),
        ("\n\n---\nlicense: mit\n---\nBody", {"license": "mit"}, "Body"),
        ("---\n---\nBody", {}, "Body"),
        ("---\nlicense: mit\n---", {"license": "mit"}, ""),
        ("---  \nlicense: mit\n---\t\nBody", {"license": "mit"}, "Body"),
    ],
    ids=["lf", "crlf", "bom", "leading-blank-lines", "empty", "no-body", "trailing-spaces"],
)
def test_front_matter_is_split_at_the_closing_delimiter(text: str, data: dict, body: str) -> None:
    fm = split_front_matter(text)
    assert fm.error is None
    assert fm.data == data
    assert fm.span is not None and fm.span.start == 0
    assert text[fm.body_start :] == body
    assert text[: fm.span.end].rstrip("\r\n").endswith(("---", "---\t"))


@pytest.mark.parametrize(
    "text",
    ["# Title\n\nText", "Intro\n---\nlicense: mit\n---\n", "---\nunclosed: yes\n\nbody", ""],
    ids=["plain", "not-at-start", "unclosed", "empty-file"],
)
def test_without_front_matter_the_body_starts_at_zero(text: str) -> None:
    fm = split_front_matter(text)
    assert (fm.data, fm.span, fm.body_start, fm.error) == (None, None, 0, None)


@pytest.mark.parametrize(
    ("yaml_text", "reason"),
    [
        (_laughs(9), "alias bomb"),
        ("a: &a [x]\nb: [" + ", ".join(["*a"] * 150) + "]", "more than 100 YAML aliases"),
        ("a: &a [*a]", "recursive YAML alias"),
        ("base: &b {x: 1}\n" + "\n".join(f"k{i}: {{<<: *b}}" for i in range(120)), "aliases"),
        ("a: " + "[" * 80 + "]" * 80, "nested too deeply"),
        ("- a\n- b", "is a list, not a mapping"),
        ("just a string", "is a string, not a mapping"),
        ("a: [1, 2\nb: 3", "malformed YAML front matter at line"),
        ("x: *nowhere", "malformed YAML front matter at line 2"),
        ("key: " + "x" * MAX_FRONT_MATTER_CHARS, "too large"),
        ("!!python/object/apply:os.system ['true']", "malformed YAML"),
    ],
    ids=[
        "billion-laughs",
        "many-aliases",
        "recursive-alias",
        "merge-key-aliases",
        "deep-nesting",
        "list",
        "scalar",
        "syntax-error",
        "undefined-alias",
        "too-large",
        "python-tag",
    ],
)
def test_hostile_or_malformed_front_matter_gives_a_one_line_reason(
    yaml_text: str, reason: str
) -> None:
    fm = split_front_matter(f"---\n{yaml_text}\n---\nBody text.\n")
    assert fm.data is None
    assert fm.error is not None and reason in fm.error
    assert "\n" not in fm.error
    assert fm.body_start == fm.span.end  # the body is still located


@pytest.mark.parametrize(
    ("yaml_text", "hostile"),
    [
        pytest.param(_laughs(9), True, id="billion-laughs"),
        pytest.param("a: &a [*a]", True, id="recursive-alias"),
        pytest.param("a: " + "[" * 80 + "]" * 80, True, id="deep-nesting"),
        pytest.param("key: " + "x" * MAX_FRONT_MATTER_CHARS, True, id="too-large"),
        pytest.param("- a\n- b", False, id="list"),
        pytest.param("a: [1, 2\nb: 3", False, id="syntax-error"),
        pytest.param("!!python/object/apply:os.system ['true']", False, id="python-tag"),
    ],
)
def test_hostile_blocks_are_told_apart_from_merely_malformed_ones(yaml_text, hostile) -> None:
    """Hostile YAML is refused as input; malformed YAML only loses its metadata."""
    assert split_front_matter(f"---\n{yaml_text}\n---\nBody.\n").hostile is hostile


def test_markdown_with_malformed_front_matter_keeps_its_prose() -> None:
    doc = parse_document("---\ntags: [a\n---\nAn LLM card.\n", "card.md")
    assert doc.front_matter is None
    assert doc.front_matter_problem is not None and "at line" in doc.front_matter_problem[1]
    assert "LLM" in doc.prose and "tags" not in doc.prose


def test_markdown_with_hostile_front_matter_raises_document_error() -> None:
    with pytest.raises(DocumentError, match="alias bomb"):
        parse_document(f"---\n{_laughs(9)}\n---\nBody\n", "card.md")


def test_front_matter_is_data_not_prose() -> None:
    text = "---\nlicense: mit\ntags: [llm]\n---\nAn LLM card.\n"
    doc = parse_document(text, "README.md")
    assert doc.front_matter == {"license": "mit", "tags": ["llm"]}
    assert "llm" not in doc.prose
    assert doc.prose.index("LLM") == text.index("LLM card")
    assert len(doc.prose) == len(text)
    assert doc.prose.count("\n") == text.count("\n")


@pytest.mark.parametrize(
    "yaml_text",
    [
        "a:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 80)) + " " * 80 + "x: 1",
        "a:\n" + "- " * 80 + "x",
        "a: " + "{b: " * 70 + "1" + "}" * 70,
    ],
    ids=["block-indent", "compact-sequences", "flow-mappings"],
)
def test_every_way_of_nesting_deeply_is_refused(yaml_text: str) -> None:
    fm = split_front_matter(f"---\n{yaml_text}\n---\n")
    assert fm.error is not None and "too deep" in fm.error
