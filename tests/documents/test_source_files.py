"""The file-input edge: every bad input becomes a one-line error and the others still load."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from lmdef.sources.files import (
    SourceError,
    SourceText,
    looks_like_path,
    read_lint_inputs,
    walk_lintable,
)


def _read(paths: list[str], **kwargs: object) -> list[SourceText | SourceError]:
    return list(read_lint_inputs(paths, **kwargs))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"An LLM\x00\x01binary", "binary file (NUL byte at offset 6)"),
        (b"caf\xe9 LLM", "not valid UTF-8 (byte offset 3)"),
        (b"\xef\xbb\xbfcaf\xe9", "not valid UTF-8 (byte offset 6)"),
        (b"x" * 101, "larger than the size limit of 100 bytes"),
    ],
    ids=["binary", "latin-1", "latin-1-after-bom", "too-large"],
)
def test_bad_file_gives_one_line_error_and_others_still_load(
    tmp_path: Path, content: bytes, reason: str
) -> None:
    bad = tmp_path / "bad.md"
    bad.write_bytes(content)
    good = tmp_path / "good.md"
    good.write_text("An LLM.\n", encoding="utf-8")
    results = _read([str(bad), str(good)], max_bytes=100)
    assert isinstance(results[0], SourceError) and results[0].path == str(bad)
    assert reason in results[0].error and "\n" not in results[0].error
    assert results[1] == SourceText(str(good), "An LLM.\n")


def test_file_exactly_at_the_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"x" * 100)
    assert _read([str(path)], max_bytes=100) == [SourceText(str(path), "x" * 100)]


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    missing = str(tmp_path / "nope.md")
    assert _read([missing]) == [SourceError(missing, "no such file or directory")]


def test_bom_is_stripped_and_crlf_kept(tmp_path: Path) -> None:
    path = tmp_path / "a.md"
    path.write_bytes(b"\xef\xbb\xbf# T\r\nLLM\r\n")
    assert _read([str(path)]) == [SourceText(str(path), "# T\r\nLLM\r\n")]


def test_folder_without_lintable_files_is_one_error(tmp_path: Path) -> None:
    (tmp_path / "image.png").write_bytes(b"\x89PNG")
    (tmp_path / ".git").mkdir()
    (tmp_path / ".git" / "notes.md").write_text("x", encoding="utf-8")
    [result] = _read([str(tmp_path)])
    assert isinstance(result, SourceError) and result.path == str(tmp_path)
    assert "no lintable files" in result.error


def test_folder_recursion_is_sorted_and_skips_hidden_and_vendored(tmp_path: Path) -> None:
    for rel in [
        "b.md",
        "a/z.tex",
        "a/b/c.txt",
        "a.md",
        "skip.py",
        ".hidden/x.md",
        "node_modules/m.md",
        ".venv/v.md",
        "docs/.draft.md",
        "docs/UPPER.MD",
    ]:
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("text", encoding="utf-8")
    got = [Path(r.path).relative_to(tmp_path).as_posix() for r in _read([str(tmp_path)])]
    assert got == ["a/b/c.txt", "a/z.tex", "a.md", "b.md", "docs/UPPER.MD"]
    assert list(walk_lintable(str(tmp_path))) == [str(tmp_path / p) for p in got]


def test_stdin_is_named_by_stdin_filename() -> None:
    stdin = io.BytesIO(b"An LLM\n")
    assert _read(["-"], stdin_filename="card.md", stdin=stdin) == [
        SourceText("card.md", "An LLM\n")
    ]


def test_stdin_defaults_to_a_plain_text_name_and_is_size_limited() -> None:
    assert _read(["-"], stdin=io.BytesIO(b"abc")) == [SourceText("<stdin>", "abc")]
    [err] = _read(["-"], stdin=io.BytesIO(b"x" * 11), max_bytes=10)
    assert isinstance(err, SourceError) and "size limit of 10 bytes" in err.error


@pytest.mark.parametrize(
    ("arg", "expected"),
    [
        ("-", True),
        ("README.md", True),
        ("docs/paper.tex", True),
        ("./card", True),
        ("google/gemma-2b", False),
        ("meta-llama/Llama-3.1-8B", False),
    ],
)
def test_looks_like_path_separates_missing_paths_from_hub_ids(arg: str, expected: bool) -> None:
    assert looks_like_path(arg) is expected


def test_existing_org_name_folder_is_a_path(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "google" / "gemma").mkdir(parents=True)
    monkeypatch.chdir(tmp_path)
    assert looks_like_path("google/gemma") is True
