"""`lmdef lint`: inputs -> documents -> findings -> one report -> formatter -> exit code."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class LintOptions:
    paths: tuple[str, ...]
    fmt: str = "auto"
    select: tuple[str, ...] = ()
    ignore: tuple[str, ...] = ()
    fail_on: str | None = None
    config_path: str | None = None
    stdin_filename: str | None = None
    revision: str | None = None
    output: str | None = None
    progress: bool = True


def run_lint(options: LintOptions) -> int:
    raise NotImplementedError("lint command: being built (issue #2)")
