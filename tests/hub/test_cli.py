"""`lmdef classify ORG/NAME ...` end to end against the Hub imitation (issues #3 and #5).

Pins what a user relies on: every input appears once, in input order, a Hub failure is that
model's one-line `error`, and the exit code is 2 when any input failed.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from lmdef.cli import cli

from .hubsim import FakeRepo, HubSim, card

LM_CARD = card(
    "license: mit\npipeline_tag: text-generation\nlibrary_name: transformers",
    "A causal language model pretrained on 300 billion tokens of English web text.\n"
    "It can be fine-tuned or prompted with few-shot examples.\n",
)


@pytest.fixture
def repos(hub: HubSim) -> HubSim:
    for name in ("acme/first", "acme/second"):
        hub.add(
            FakeRepo(
                name,
                files={
                    "README.md": LM_CARD,
                    "config.json": b'{"architectures": ["GPT2LMHeadModel"]}',
                },
                pipeline_tag="text-generation",
                library_name="transformers",
                card_data={"license": "mit", "pipeline_tag": "text-generation"},
            )
        )
    hub.add(FakeRepo("acme/gated", files={"README.md": LM_CARD}, gated=True))
    return hub


def test_classify_hub_ids_json_keeps_input_order_and_exits_2_on_failure(repos: HubSim) -> None:
    args = ["acme/second", "acme/missing", "acme/first", "acme/gated", "bad//id"]
    result = CliRunner().invoke(cli, ["classify", *args, "--format", "json", "--no-progress"])
    assert result.exit_code == 2, result.output
    models = json.loads(result.stdout)["models"]
    assert [m["input"] for m in models] == args
    errors = {m["input"]: m["error"] for m in models}
    assert errors["acme/second"] is None and errors["acme/first"] is None
    assert "repository not found" in errors["acme/missing"]
    assert "gated repository" in errors["acme/gated"]
    assert errors["bad//id"].startswith("invalid Hub model ID")
    assert all("\n" not in (e or "") for e in errors.values())
    assert repos.count("bad//id") == 0


def test_classify_hub_ids_jsonl_has_every_input_once(repos: HubSim, tmp_path) -> None:
    ids_file = tmp_path / "ids.txt"
    ids_file.write_text(
        "# a list a user pastes\nacme/first\n\nacme/missing\nacme/second\n", encoding="utf-8"
    )
    result = CliRunner().invoke(
        cli, ["classify", "--from-file", str(ids_file), "--format", "jsonl", "--no-progress"]
    )
    assert result.exit_code == 2, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert sorted(r["index"] for r in rows) == [0, 1, 2]
    by_index = {r["index"]: r for r in rows}
    assert [by_index[i]["input"] for i in range(3)] == ["acme/first", "acme/missing", "acme/second"]
    assert by_index[1]["error"] is not None and by_index[0]["error"] is None


def test_classify_offline_without_cache_names_the_reason(
    repos: HubSim, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    result = CliRunner().invoke(
        cli, ["classify", "acme/first", "--format", "json", "--no-progress"]
    )
    assert result.exit_code == 2
    (model,) = json.loads(result.stdout)["models"]
    assert "not cached" in model["error"] and "HF_HUB_OFFLINE" in model["error"]
    assert repos.requests == []
