from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from click.testing import CliRunner

from lmdef.cli import cli

SCHEMA = Path(__file__).resolve().parents[2] / "schemas" / "lint-report.schema.json"


class Run:
    """Invoke `lmdef` in-process; `json` parses stdout and validates it against the schema."""

    def __init__(self, result) -> None:
        self.result = result
        self.code = result.exit_code
        self.out = result.stdout
        self.err = result.stderr

    @property
    def json(self) -> dict:
        data = json.loads(self.out)
        jsonschema.validate(data, json.loads(SCHEMA.read_text(encoding="utf-8")))
        return data


@pytest.fixture
def lmdef(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Run lmdef inside an empty temporary folder (so no config is discovered by accident)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("GITHUB_ACTIONS", raising=False)

    def run(*args: str, input: str | bytes | None = None) -> Run:
        return Run(CliRunner().invoke(cli, list(args), input=input, catch_exceptions=False))

    return run
