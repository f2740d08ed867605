"""fetch_cards (for `lmdef lint ORG/NAME`) against the Hub imitation."""

from __future__ import annotations

import pytest

from lmdef.hub import HubCard, HubFailure, RetryPolicy, fetch_cards

from .hubsim import FakeRepo, HubSim, card


def cards(ids: list[str], **kwargs) -> dict[int, HubCard | HubFailure]:
    options = {"revision": None, "workers": 4, "timeout": 5.0, "progress": False}
    options.update(kwargs)
    return dict(fetch_cards(ids, retry=RetryPolicy(max_retries=1, base_wait=0.0), **options))


def test_card_text_cold_warm_and_offline(hub: HubSim, monkeypatch: pytest.MonkeyPatch) -> None:
    hub.add(FakeRepo("acme/talker", files={"README.md": card("license: mit", "An LLM.\n")}))
    first = cards(["acme/talker"])[0]
    assert first == HubCard(
        id="acme/talker", path="acme/talker/README.md", text="---\nlicense: mit\n---\n\nAn LLM.\n"
    )
    assert [m for m, _ in hub.requests] == ["HEAD", "GET"]
    hub.reset()
    assert cards(["acme/talker"])[0] == first
    assert [m for m, _ in hub.requests] == ["HEAD"]  # a branch is re-checked, the body is cached
    hub.reset()
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert cards(["acme/talker"])[0] == first
    assert hub.requests == []


@pytest.mark.parametrize(
    ("repo", "expected"),
    [
        pytest.param(
            FakeRepo("acme/x", files={"config.json": b"{}"}), "has no README.md", id="no-readme"
        ),
        pytest.param(
            FakeRepo("acme/x", files={"README.md": b"x"}, gated=True),
            "gated repository",
            id="gated",
        ),
        pytest.param(FakeRepo("acme/x", private=True), "not found or private", id="private"),
    ],
)
def test_card_problems_are_one_line_errors(hub: HubSim, repo: FakeRepo, expected: str) -> None:
    hub.add(repo)
    result = cards(["acme/x"])[0]
    assert isinstance(result, HubFailure)
    assert (
        result.error.startswith("acme/x: ")
        and expected in result.error
        and "\n" not in result.error
    )


def test_offline_card_not_cached(hub: HubSim, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    result = cards(["acme/unseen"])[0]
    assert isinstance(result, HubFailure) and "not in the local cache" in result.error
    assert hub.requests == []
