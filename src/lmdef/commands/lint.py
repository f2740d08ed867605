"""`lmdef lint`: inputs -> documents -> findings -> one report -> formatter -> exit code.

Exit codes (issue #2 section 9): 2 when the command line or config is wrong or any input could
not be linted (the other inputs are still linted and reported), else 1 when a finding is at or
above --fail-on (default warning), else 0.
"""

from __future__ import annotations

import difflib
import os
import sys
from dataclasses import dataclass
from typing import TYPE_CHECKING

from lmdef.config import Config, ConfigError, load_config
from lmdef.lint import build_report, exit_code, lexicon_for, lint_source
from lmdef.report import FailedFile, LintedFile
from lmdef.rules import UnknownRuleError, resolve_selectors
from lmdef.sources.files import SourceError, looks_like_path, read_lint_inputs

if TYPE_CHECKING:
    from lmdef.lexicon import Lexicon


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
    workers: int = 16
    timeout: float = 10.0


def _fail(message: str) -> int:
    sys.stderr.write(f"lmdef: error: {message}\n")
    return 2


def _configure(options: LintOptions) -> Config:
    """Config file, then the CLI flags on top; every problem is a ConfigError (exit 2)."""
    config = load_config(options.config_path)
    for flag, values in (("--select", options.select), ("--ignore", options.ignore)):
        try:
            resolve_selectors(values)
        except UnknownRuleError as exc:
            raise ConfigError(f"{flag}: {exc}") from None
    return config.with_cli(select=options.select, ignore=options.ignore, fail_on=options.fail_on)


def _lint_one(text: str, path: str, config: Config, lexicon: Lexicon) -> LintedFile | FailedFile:
    """One file; a bug met on one document is reported on that file and the run goes on."""
    try:
        return lint_source(text, path, config, lexicon)
    except Exception as exc:  # never let one hostile document stop the others (issue #2 §9)
        reason = " ".join(f"{type(exc).__name__}: {exc}".split())[:300]
        return FailedFile(path=path, error=f"internal error while linting: {reason}")


def _collect(
    options: LintOptions, config: Config, lexicon: Lexicon
) -> list[LintedFile | FailedFile]:
    """Lint every input, in the order given; a folder expands in place. An argument is a
    path when it exists on disk; one shaped like ORG/NAME that does not is a Hub ID (issue #5)."""
    files: list[LintedFile | FailedFile] = []
    hub_ids = list(dict.fromkeys(a for a in options.paths if not looks_like_path(a)))
    hub_results = _lint_hub(hub_ids, options, config, lexicon) if hub_ids else {}
    for arg in options.paths:
        if arg in hub_results:
            files.extend(hub_results[arg])
            continue
        for item in read_lint_inputs(
            [arg],
            stdin_filename=options.stdin_filename,
            max_bytes=config.max_file_size,
            stdin=getattr(sys.stdin, "buffer", None),
        ):
            if isinstance(item, SourceError):
                files.append(FailedFile(path=item.path, error=item.error))
            else:
                files.append(_lint_one(item.text, item.path, config, lexicon))
    return files


def _lint_hub(
    ids: list[str], options: LintOptions, config: Config, lexicon: Lexicon
) -> dict[str, list[LintedFile | FailedFile]]:
    """Lint the card of each Hub ID. The hub package (and huggingface_hub) is imported only
    when an ID is given, so linting local files never pays for it (issue #2, cold start)."""
    from lmdef.hub import HubCard, fetch_cards

    results: dict[str, list[LintedFile | FailedFile]] = {}
    for index, result in fetch_cards(
        ids,
        revision=options.revision,
        workers=options.workers,
        timeout=options.timeout,
        progress=options.progress,
    ):
        if isinstance(result, HubCard):
            results[ids[index]] = [_lint_one(result.text, result.path, config, lexicon)]
        else:
            results[ids[index]] = [FailedFile(path=ids[index], error=result.error)]
    return results


def run_lint(options: LintOptions) -> int:
    if not options.paths:
        return _fail("no inputs: give files, folders, - for stdin, or ORG/NAME Hub IDs")
    try:
        config = _configure(options)
    except ConfigError as exc:
        return _fail(str(exc))
    try:
        lexicon = lexicon_for(config)
        _check_glossary(config, lexicon)
    except ValueError as exc:  # LexiconError names the `extra-terms[i]` field; ConfigError
        return _fail(f"{config.prefix}{exc}" if not isinstance(exc, ConfigError) else str(exc))

    report = build_report(_collect(options, config, lexicon))

    from lmdef.output import render_lint, resolve_format

    rendered = render_lint(report, resolve_format(options.fmt, os.environ))
    if options.output:
        try:
            with open(options.output, "w", encoding="utf-8", newline="") as fh:
                fh.write(rendered)
        except OSError as exc:
            return _fail(f"cannot write {options.output}: {exc.strerror or exc}")
    else:
        _write_stdout(rendered)
    return exit_code(report, config.fail_on)


def _check_glossary(config: Config, lexicon: Lexicon) -> None:
    """A glossary entry for a term the lexicon does not know would silently do nothing."""
    ids = lexicon.ids
    for term in config.glossary:
        if term not in ids:
            close = difflib.get_close_matches(term, ids, n=1)
            hint = f" (did you mean {close[0]!r}?)" if close else f"; known: {', '.join(ids)}"
            raise ConfigError(f"{config.prefix}glossary: unknown term {term!r}{hint}")


def _write_stdout(text: str) -> None:
    """UTF-8 whatever the locale says: a C-locale CI runner must not crash on 大規模言語モデル."""
    buffer = getattr(sys.stdout, "buffer", None)
    if buffer is None:
        sys.stdout.write(text)
        return
    sys.stdout.flush()
    buffer.write(text.encode("utf-8"))
    buffer.flush()
