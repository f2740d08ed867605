"""`lmdef classify`: inputs -> snapshots -> classifications -> one report -> formatter.

An argument that exists on disk is a local model (folder or card file,
`lmdef.sources.local_model`); anything else is a Hub ID, fetched by `lmdef.hub` (imported only
when there is one, issue #5). `--from-file FILE` / `-` add one input a line (`#` comments and
blank lines skipped). Every input appears in the report, in input order; `--format jsonl`
streams one model a line as results arrive, with its `index` so order can be rebuilt.

Exit codes: 2 when any input failed (its model carries `error`) or the command line is
unusable; else 1 when a finding is at or above --fail-on (default warning); else 0.
"""

from __future__ import annotations

import json
import os
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from typing import IO, Any

SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


@dataclass(frozen=True)
class ClassifyOptions:
    inputs: tuple[str, ...]
    from_file: str | None = None
    fmt: str = "auto"
    min_tokens: float = 1e9
    revision: str | None = None
    workers: int = 16
    timeout: float = 10.0
    fail_on: str | None = None
    output: str | None = None
    progress: bool = True


def _fail(message: str) -> int:
    sys.stderr.write(f"lmdef: error: {message}\n")
    return 2


def parse_input_lines(lines: Iterator[str] | list[str]) -> list[str]:
    """One input a line; `#` starts a comment; blank lines are skipped."""
    out = []
    for raw in lines:
        line = raw.split("#", 1)[0].strip()
        if line:
            out.append(line)
    return out


def _gather_inputs(options: ClassifyOptions, stdin: IO[str]) -> list[str]:
    inputs: list[str] = []
    stdin_used = False
    for arg in options.inputs:
        if arg == "-" and not os.path.exists(arg):
            if not stdin_used:
                inputs += parse_input_lines(stdin)
                stdin_used = True
        else:
            inputs.append(arg)
    if options.from_file:
        if options.from_file == "-":
            if not stdin_used:
                inputs += parse_input_lines(stdin)
        else:
            with open(options.from_file, encoding="utf-8") as fh:
                inputs += parse_input_lines(fh)
    return inputs


def failed_result(input: str, model_id: str, error: str) -> Any:
    from lmdef.report import Criterion, ModelResult

    return ModelResult(
        input=input,
        model_id=model_id,
        verdict="undetermined",
        criteria=[
            Criterion(id=cid, met="unknown", evidence=[], rationale="The model could not be read.")
            for cid in ("text", "data", "transfer")
        ],
        pretraining_tokens=None,
        derived_from_llm=None,
        base_models=[],
        findings=[],
        error=" ".join(error.split()),
    )


def _classify_local(arg: str, min_tokens: float) -> Any:
    from lmdef.classify import classify_model
    from lmdef.sources.local_model import read_local_model

    local = read_local_model(arg)
    if local.snapshot is None:
        return failed_result(arg, local.model_id, local.error or f"{arg}: unreadable")
    try:
        result = classify_model(local.snapshot, min_tokens=min_tokens)
    except Exception as exc:  # one bad card never stops the others (issue #3 §7)
        return failed_result(arg, local.model_id, f"{arg}: cannot classify: {exc}")
    if local.error and not result.error:
        result = result.model_copy(update={"error": local.error})
    return result


def _classify_hub(ids: list[str], options: ClassifyOptions) -> Iterator[tuple[int, Any]]:
    """(index into `ids`, ModelResult) as each Hub model completes."""
    from lmdef.classify import classify_model
    from lmdef.hub import HubModel, fetch_models

    for index, outcome in fetch_models(
        ids,
        revision=options.revision,
        workers=options.workers,
        timeout=options.timeout,
        progress=options.progress,
    ):
        if isinstance(outcome, HubModel):
            try:
                result = classify_model(
                    outcome.snapshot, bases=outcome.bases, min_tokens=options.min_tokens
                )
            except Exception as exc:  # per model, never the run
                result = failed_result(
                    ids[index], ids[index], f"{ids[index]}: cannot classify: {exc}"
                )
            if result.input != ids[index]:
                result = result.model_copy(update={"input": ids[index]})
        else:
            result = failed_result(ids[index], ids[index], outcome.error)
        yield index, result


def iter_results(inputs: list[str], options: ClassifyOptions) -> Iterator[tuple[int, Any]]:
    """(input position, ModelResult): local inputs first, then Hub IDs as they complete."""
    hub_positions: dict[str, list[int]] = {}
    for pos, arg in enumerate(inputs):
        if os.path.exists(arg):
            yield pos, _classify_local(arg, options.min_tokens)
        else:
            hub_positions.setdefault(arg, []).append(pos)
    if hub_positions:
        ids = list(hub_positions)
        for index, result in _classify_hub(ids, options):
            for pos in hub_positions[ids[index]]:
                yield pos, result


def exit_code(models: list[Any], fail_on: str) -> int:
    if any(m.error for m in models):
        return 2
    if fail_on == "never":
        return 0
    floor = SEVERITY_RANK.get(fail_on, 1)
    if any(SEVERITY_RANK[f.severity] >= floor for m in models for f in m.findings):
        return 1
    return 0


def run_classify(options: ClassifyOptions) -> int:
    from lmdef.output import resolve_format

    try:
        inputs = _gather_inputs(options, sys.stdin)
    except OSError as exc:
        return _fail(f"--from-file {options.from_file}: {exc.strerror or exc}")
    except UnicodeDecodeError:
        return _fail(f"--from-file {options.from_file}: not UTF-8 text")
    if not inputs:
        return _fail("no inputs: give model folders, card files, ORG/NAME Hub IDs or --from-file")
    if not options.min_tokens > 0:
        return _fail("--min-tokens must be a positive number")
    fail_on = options.fail_on or "warning"
    fmt = resolve_format(options.fmt, os.environ)
    if not options.output:
        return _run(inputs, options, fail_on, fmt, None)
    try:
        fh = open(options.output, "w", encoding="utf-8", newline="")  # noqa: SIM115
    except OSError as exc:
        return _fail(f"cannot write {options.output}: {exc.strerror or exc}")
    with fh:
        return _run(inputs, options, fail_on, fmt, fh)


def _run(
    inputs: list[str], options: ClassifyOptions, fail_on: str, fmt: str, out: IO[str] | None
) -> int:
    from lmdef import __version__
    from lmdef.output import render_classification
    from lmdef.report import ClassificationReport

    if fmt == "jsonl":
        return _stream_jsonl(inputs, options, fail_on, out)
    results: list[Any] = [None] * len(inputs)
    for pos, result in iter_results(inputs, options):
        results[pos] = result
    report = ClassificationReport(
        version=__version__, min_tokens=options.min_tokens, models=results
    )
    _write(render_classification(report, fmt), out)
    return exit_code(results, fail_on)


def _stream_jsonl(
    inputs: list[str], options: ClassifyOptions, fail_on: str, out: IO[str] | None
) -> int:
    """One ModelResult a line as each completes; memory stays flat in the number of inputs."""
    worst = 0
    for pos, result in iter_results(inputs, options):
        line = json.dumps({"index": pos, **result.model_dump(mode="json")}, ensure_ascii=False)
        _write(line + "\n", out)
        worst = max(worst, exit_code([result], fail_on))
    return worst


def _write(text: str, out: IO[str] | None) -> None:
    if out is not None:
        out.write(text)
        return
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()
