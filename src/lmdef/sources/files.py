"""The file-input edge of `lmdef lint`: paths, folders and stdin -> decoded texts or errors.

Bad input never stops the others (issue #2 section 9): each argument yields texts or one-line
`SourceError`s in order. This module decodes and limits; it does not decide whether an
argument is a Hub ID (commands/lint.py routes those) and it does not parse markup.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import BinaryIO

LINTABLE_SUFFIXES = (".md", ".markdown", ".mdown", ".mkd", ".tex", ".latex", ".ltx", ".txt")
SKIPPED_DIRS = frozenset({".git", ".hg", ".svn", "node_modules", ".venv", "venv", "__pycache__"})
DEFAULT_MAX_BYTES = 5_000_000
STDIN_NAME = "<stdin>"
_CHUNK = 1 << 16

_HUB_ID = re.compile(r"^[A-Za-z0-9][\w.-]*/[A-Za-z0-9][\w.-]*$")


@dataclass(frozen=True, slots=True)
class SourceText:
    path: str  # as given on the command line (folder entries: folder joined with the name)
    text: str


@dataclass(frozen=True, slots=True)
class SourceError:
    path: str
    error: str  # one line, no traceback


def looks_like_path(arg: str) -> bool:
    """True when `arg` can only be a path: it exists, is `-`, or is not shaped like ORG/NAME.

    `lmdef lint` sends arguments that do not exist on disk and look like `ORG/NAME` to the Hub.
    """
    if arg == "-" or os.path.exists(arg):
        return True
    return _HUB_ID.match(arg) is None or arg.endswith(LINTABLE_SUFFIXES)


def read_lint_inputs(
    paths: Sequence[str],
    stdin_filename: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: BinaryIO | None = None,
) -> Iterator[SourceText | SourceError]:
    """Texts to lint, in argument order; a folder expands to its lintable files, sorted."""
    for arg in paths:
        if arg == "-":
            name = stdin_filename or STDIN_NAME
            if stdin is None:
                yield SourceError(name, "no standard input to read")
                continue
            yield _decode(name, _read_limited(stdin, max_bytes), max_bytes)
            continue
        try:
            mode = os.stat(arg).st_mode
        except FileNotFoundError:
            yield SourceError(arg, "no such file or directory")
            continue
        except OSError as exc:
            yield SourceError(arg, f"cannot read: {exc.strerror or exc}")
            continue
        if stat.S_ISDIR(mode):
            files = list(walk_lintable(arg))
            if not files:
                suffixes = ", ".join(LINTABLE_SUFFIXES)
                yield SourceError(arg, f"directory contains no lintable files ({suffixes})")
            for path in files:
                yield read_file(path, max_bytes)
        else:
            yield read_file(arg, max_bytes)


def walk_lintable(folder: str) -> Iterator[str]:
    """Lintable files under `folder`, sorted by path; hidden and vendored folders skipped."""
    found: list[str] = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".") and d not in SKIPPED_DIRS]
        found.extend(
            os.path.join(root, name)
            for name in files
            if name.lower().endswith(LINTABLE_SUFFIXES) and not name.startswith(".")
        )
    # Sort by path components so "a/b.md" and "a.md" order the same on every OS.
    yield from sorted(found, key=lambda p: p.split(os.sep))


def read_file(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> SourceText | SourceError:
    try:
        with open(path, "rb") as fh:
            data = _read_limited(fh, max_bytes)
    except IsADirectoryError:
        return SourceError(path, "is a directory")
    except OSError as exc:
        return SourceError(path, f"cannot read: {exc.strerror or exc}")
    return _decode(path, data, max_bytes)


def _read_limited(stream: BinaryIO, max_bytes: int) -> bytes:
    """At most max_bytes + 1 bytes: enough to know the input is too large, no more.

    Read in chunks: `read(max_bytes + 1)` allocates the whole 5 MB buffer for every file,
    which cost more than parsing a typical 3 KB card.
    """
    chunks: list[bytes] = []
    left = max_bytes + 1
    while left > 0:
        chunk = stream.read(min(left, _CHUNK))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def _decode(path: str, data: bytes, max_bytes: int) -> SourceText | SourceError:
    if len(data) > max_bytes:
        return SourceError(path, f"file is larger than the size limit of {max_bytes:,} bytes")
    nul = data.find(b"\0")
    if nul != -1:
        return SourceError(path, f"binary file (NUL byte at offset {nul}), not text")
    skip = 3 if data.startswith(b"\xef\xbb\xbf") else 0  # a UTF-8 BOM is not text
    try:
        text = data[skip:].decode("utf-8") if skip else data.decode("utf-8")
    except UnicodeDecodeError as exc:
        offset = exc.start + skip
        return SourceError(path, f"not valid UTF-8 (byte offset {offset}): {exc.reason}")
    return SourceText(path, text)
