"""Run a composite action's steps the way the GitHub runner does, for tests (issue #4).

Each `run:` step is written to a file and run with `bash --noprofile --norc -eo pipefail`
(the runner's `shell: bash`), with the step's `env:` after substituting the few expressions
this action uses (`inputs.x`, `steps.id.outputs.x`), a fresh GITHUB_OUTPUT file per step and
one GITHUB_STEP_SUMMARY. An expression this evaluator does not know fails the test, so a new
kind of expression in action.yml gets a deliberate update here rather than a silent pass.
"""

from __future__ import annotations

import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

import yaml

_EXPR = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
_EQ = re.compile(r"^(\S+)\s*==\s*'([^']*)'$")
_DATA = [("%0D", "\r"), ("%0A", "\n"), ("%25", "%")]
_PROPS = [("%0D", "\r"), ("%0A", "\n"), ("%3A", ":"), ("%2C", ","), ("%25", "%")]


@dataclass
class StepRun:
    name: str
    skipped: bool
    returncode: int = 0
    stdout: str = ""
    stderr: str = ""
    outputs: dict[str, str] = field(default_factory=dict)


@dataclass
class ActionRun:
    steps: list[StepRun]
    outputs: dict[str, str]
    summary: str
    failed: bool

    @property
    def stdout(self) -> str:
        return "".join(s.stdout for s in self.steps)


def parse_output_file(text: str) -> dict[str, str]:
    """`name=value` lines and `name<<DELIM` heredocs, as the runner reads GITHUB_OUTPUT."""
    out: dict[str, str] = {}
    lines = text.splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delim = line.split("<<", 1)
            body = []
            i += 1
            while lines[i] != delim:
                body.append(lines[i])
                i += 1
            out[name] = "\n".join(body)
        elif line:
            name, value = line.split("=", 1)
            out[name] = value
        i += 1
    return out


def _value(expr: str, inputs: dict[str, str], steps: dict[str, dict[str, str]]) -> str:
    parts = expr.split(".")
    if parts[0] == "inputs" and len(parts) == 2:
        return inputs[parts[1]]
    if parts[0] == "steps" and len(parts) == 4 and parts[2] == "outputs":
        return steps.get(parts[1], {}).get(parts[3], "")
    raise AssertionError(f"action_runner does not evaluate expression {expr!r}")


def substitute(text: str, inputs: dict[str, str], steps: dict[str, dict[str, str]]) -> str:
    return _EXPR.sub(lambda m: _value(m.group(1), inputs, steps), text)


def condition(expr: str, inputs: dict[str, str], steps: dict[str, dict[str, str]]) -> bool:
    m = _EQ.match(_EXPR.sub(r"\1", expr).strip())
    if not m:
        raise AssertionError(f"action_runner does not evaluate condition {expr!r}")
    return _value(m.group(1), inputs, steps) == m.group(2)


def run_action(
    action: dict,
    inputs: dict[str, str],
    workspace: Path,
    tmp: Path,
    action_path: Path,
    base_env: dict[str, str],
) -> ActionRun:
    values = {k: str(v.get("default", "")) for k, v in action.get("inputs", {}).items()}
    unknown = set(inputs) - set(values)
    assert not unknown, f"inputs not declared in action.yml: {unknown}"
    values.update(inputs)
    summary = tmp / "step_summary.md"
    summary.write_text("", encoding="utf-8")
    runner_temp = tmp / "runner_temp"
    runner_temp.mkdir(exist_ok=True)
    steps_out: dict[str, dict[str, str]] = {}
    runs: list[StepRun] = []
    failed = False
    for n, step in enumerate(action["runs"]["steps"]):
        name = step.get("name", f"step {n}")
        if failed or ("if" in step and not condition(step["if"], values, steps_out)):
            runs.append(StepRun(name, skipped=True))
            continue
        assert step.get("shell") == "bash", f"{name}: only bash steps are emulated"
        script = tmp / f"step{n}.sh"
        script.write_text(step["run"], encoding="utf-8")
        output_file = tmp / f"output{n}"
        output_file.write_text("", encoding="utf-8")
        env = dict(base_env)
        env.update(
            GITHUB_ACTIONS="true",
            GITHUB_WORKSPACE=str(workspace),
            GITHUB_ACTION_PATH=str(action_path),
            GITHUB_STEP_SUMMARY=str(summary),
            GITHUB_OUTPUT=str(output_file),
            RUNNER_TEMP=str(runner_temp),
        )
        for key, value in (step.get("env") or {}).items():
            env[key] = substitute(str(value), values, steps_out)
        proc = subprocess.run(
            ["bash", "--noprofile", "--norc", "-eo", "pipefail", str(script)],
            cwd=workspace,
            env=env,
            capture_output=True,
            text=True,
            timeout=300,
        )
        outputs = parse_output_file(output_file.read_text(encoding="utf-8"))
        if "id" in step:
            steps_out[step["id"]] = outputs
        runs.append(StepRun(name, False, proc.returncode, proc.stdout, proc.stderr, outputs))
        failed = proc.returncode != 0
    action_outputs = {
        k: substitute(str(v["value"]), values, steps_out)
        for k, v in action.get("outputs", {}).items()
    }
    return ActionRun(runs, action_outputs, summary.read_text(encoding="utf-8"), failed)


def load_action(path: Path) -> dict:
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def parse_command(line: str) -> tuple[str, dict[str, str], str] | None:
    """A workflow command as the runner reads it (ActionCommand.TryParseV2), else None."""
    s = line.lstrip()
    if not s.startswith("::"):
        return None
    end = s.find("::", 2)
    if end < 0:
        return None
    name, _, rest = s[2:end].partition(" ")
    props = {}
    for pair in rest.strip().split(","):
        key, sep, value = pair.partition("=")
        if pair and sep:
            for escaped, raw in _PROPS:
                value = value.replace(escaped, raw)
            props[key] = value
    data = s[end + 2 :]
    for escaped, raw in _DATA:
        data = data.replace(escaped, raw)
    return name, props, data


def commands(stdout: str) -> list[tuple[str, dict[str, str], str]]:
    return [c for c in map(parse_command, stdout.splitlines()) if c is not None]


def base_env(bin_dir: Path) -> dict[str, str]:
    """A clean environment whose PATH finds this test run's lmdef and python first."""
    keep = {k: v for k, v in os.environ.items() if k in {"HOME", "LANG", "LC_ALL", "TMPDIR"}}
    keep.update(
        PATH=f"{bin_dir}{os.pathsep}{os.environ.get('PATH', '/usr/bin:/bin')}",
        HF_HUB_OFFLINE="1",
    )
    return keep
