"""Hub ID validation happens before any request (issue #5, "Inputs")."""

from __future__ import annotations

import pytest

from lmdef.hub import HubIdError, validate_hub_id


@pytest.mark.parametrize(
    "value",
    ["gpt2", "openai-community/gpt2", "org/Name_1.5-x", "a/b", "x" * 96, "llm-jp/llm-jp-3-1.8b"],
    ids=["bare", "org-name", "punctuation", "short", "96-chars", "dots-dashes"],
)
def test_valid_ids_pass(value: str) -> None:
    assert validate_hub_id(value) == value


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        pytest.param("", "empty", id="empty"),
        pytest.param("/etc/passwd", "absolute path", id="absolute"),
        pytest.param("C:\\models\\x", "absolute path", id="windows-absolute"),
        pytest.param("../x", "'..'", id="dotdot-part"),
        pytest.param("org/../x", "more than one '/'", id="traversal"),
        pytest.param("a/b/c", "more than one '/'", id="three-parts"),
        pytest.param("org/", "empty", id="trailing-slash"),
        pytest.param("org--x/y", "'--'", id="double-dash"),
        pytest.param("org/x..y", "'..'", id="double-dot"),
        pytest.param("org/-x", "start with a letter or digit", id="leading-dash"),
        pytest.param("org/x.", "ends with", id="trailing-dot"),
        pytest.param("org/x.git", "ends with", id="dot-git"),
        pytest.param("org/my model", "' '", id="space"),
        pytest.param("org/モデル", "allowed: letters", id="non-ascii"),
        pytest.param("x" * 97, "longer than 96", id="97-chars"),
        pytest.param("https://huggingface.co/gpt2", "URL", id="url"),
    ],
)
def test_invalid_ids_name_the_reason_on_one_line(value: str, reason: str) -> None:
    with pytest.raises(HubIdError) as info:
        validate_hub_id(value)
    message = str(info.value)
    assert message.startswith(f"invalid Hub model ID {value!r}: ")
    assert reason in message and "\n" not in message
