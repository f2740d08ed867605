"""`lmdef classify`: inputs -> snapshots -> classifications -> one report -> formatter."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class ClassifyOptions:
    inputs: tuple[str, ...]
    from_file: str | None = None
    fmt: str = "auto"
    min_tokens: float = 1e9
    revision: str | None = None
    workers: int = 8
    timeout: float = 10.0
    fail_on: str | None = None
    output: str | None = None
    progress: bool = True


def run_classify(options: ClassifyOptions) -> int:
    raise NotImplementedError("classify command: being built (issue #3)")
