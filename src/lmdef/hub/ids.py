"""Hub model IDs are checked before any request (issue #5, "Inputs").

The Hub's own rules (mirrored from huggingface_hub's `validate_repo_id` and the Hub's repo-name
policy): `NAME` or `ORG/NAME`; each part starts with a letter or digit, uses only letters,
digits, `.`, `_` and `-`, has at most 96 characters, contains no `--` or `..`, and does not end
with `.`, `-` or `.git`. Anything else (absolute paths, `../x`, URLs, spaces) is refused with a
one-line reason, so a typo never becomes a request.
"""

from __future__ import annotations

import re

MAX_PART_LENGTH = 96
_PART = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]*")


class HubIdError(ValueError):
    """A string that cannot be a Hub model ID; the message is one line."""


def hub_id_problem(value: str) -> str | None:
    """Why `value` is not a valid Hub model ID, or None when it is."""
    if not value:
        return "empty"
    if value.startswith(("/", "\\")) or re.match(r"[A-Za-z]:[\\/]", value):
        return "an absolute path, not ORG/NAME"
    if "://" in value:
        return "a URL; give ORG/NAME"
    if "\\" in value:
        return "contains a backslash"
    parts = value.split("/")
    if len(parts) > 2:
        return "more than one '/'; expected NAME or ORG/NAME"
    for part in parts:
        if part in ("", ".", ".."):
            return "has an empty, '.' or '..' part"
        if len(part) > MAX_PART_LENGTH:
            return f"part '{part[:20]}...' is longer than {MAX_PART_LENGTH} characters"
        if not _PART.fullmatch(part):
            bad = sorted({c for c in part if not (c.isascii() and (c.isalnum() or c in "._-"))})
            if bad:
                return f"contains {', '.join(repr(c) for c in bad)}; allowed: letters, digits, '.', '_', '-'"
            return "each part must start with a letter or digit"
        if "--" in part or ".." in part:
            return "contains '--' or '..'"
        if part.endswith((".", "-")) or part.endswith(".git"):
            return "a part ends with '.', '-' or '.git'"
    return None


def validate_hub_id(value: str) -> str:
    """Return `value` unchanged when it is a valid Hub model ID; raise HubIdError otherwise."""
    problem = hub_id_problem(value)
    if problem is not None:
        raise HubIdError(f"invalid Hub model ID {value!r}: {problem}")
    return value
