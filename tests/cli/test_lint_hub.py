"""`lmdef lint ORG/NAME`: Hub cards are linted beside local files, in input order, through the
real client against the Hub imitation from tests/hub (issue #5 section 1)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from huggingface_hub import constants as hf_constants

from hub.hubsim import FakeRepo, HubSim, card

VAGUE_BODY = "# Vague\n\nOur LLM is the best chat model.\n"


@pytest.fixture
def sim(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[HubSim]:
    hub = HubSim(
        [
            FakeRepo("org/vague", files={"README.md": card("license: mit", VAGUE_BODY)}),
            FakeRepo(
                "org/clean", files={"README.md": card("license: mit", "# Clean\n\nA card.\n")}
            ),
            FakeRepo("org/no-card", files={"config.json": b"{}"}),
        ]
    ).start()
    monkeypatch.setenv("HF_ENDPOINT", hub.endpoint)
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    monkeypatch.setenv("HF_HUB_DISABLE_TELEMETRY", "1")
    monkeypatch.setattr(hf_constants, "HF_HUB_DISABLE_TELEMETRY", True)
    monkeypatch.setenv("NO_PROXY", "127.0.0.1,localhost")
    for name in ("HF_HUB_CACHE", "HF_TOKEN", "HF_HUB_OFFLINE"):
        monkeypatch.delenv(name, raising=False)
    yield hub
    hub.stop()


def test_hub_cards_and_local_files_in_input_order(lmdef, sim: HubSim) -> None:
    Path("local.md").write_text("# Local\n\nNothing vague here.\n", encoding="utf-8")
    run = lmdef(
        "lint", "--format", "json", "--no-progress",
        "org/vague", "local.md", "org/missing", "org/clean", "org/no-card",
    )  # fmt: skip
    assert run.code == 2  # two inputs failed; the others were still linted
    files = run.json["files"]
    assert [f["path"] for f in files] == [
        "org/vague/README.md",
        "local.md",
        "org/missing",
        "org/clean/README.md",
        "org/no-card",
    ]
    assert [(x["rule"], x["term"], x["start"]["line"]) for x in files[0]["findings"]] == [
        ("LMD101", "llm", 7)  # line numbers count the front matter
    ]
    assert files[1]["findings"] == [] and files[3]["findings"] == []
    assert files[2]["error"].startswith("org/missing") and "\n" not in files[2]["error"]
    assert "README" in files[4]["error"]


def test_a_missing_local_file_with_a_suffix_is_not_sent_to_the_hub(lmdef, sim: HubSim) -> None:
    run = lmdef("lint", "--format", "json", "docs/card.md")
    assert run.json["files"] == [{"path": "docs/card.md", "error": "no such file or directory"}]
    assert sim.requests == []
