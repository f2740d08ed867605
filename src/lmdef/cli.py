"""The command line: parse flags, call one function, return its exit code. Nothing else.

Exit codes: 0 clean, 1 findings at or above --fail-on (or a not-llm claim), 2 usage, config
or input errors. Heavy imports happen inside the commands so `lmdef lint` starts fast.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click

from lmdef import __version__

FORMAT_CHOICES_LINT = ["auto", "text", "json", "sarif", "github", "markdown"]
FORMAT_CHOICES_CLASSIFY = ["auto", "text", "json", "jsonl", "sarif", "github", "markdown"]
SEVERITIES = ["error", "warning", "info", "never"]

F = TypeVar("F", bound=Callable[..., Any])


def _split(values: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(v.strip() for item in values for v in item.split(",") if v.strip())


def _report_options(formats: list[str]) -> Callable[[F], F]:
    """--format, --fail-on and --output: the same for every command that writes a report."""

    def apply(f: F) -> F:
        for option in reversed(
            [
                click.option(
                    "--format",
                    "fmt",
                    type=click.Choice(formats),
                    default="auto",
                    show_default=True,
                    help="auto = github under GitHub Actions, else text.",
                ),
                click.option(
                    "--fail-on",
                    type=click.Choice(SEVERITIES),
                    default=None,
                    help="Lowest finding severity that makes the exit code 1 [default: warning].",
                ),
                click.option(
                    "--output",
                    "-o",
                    "output",
                    type=click.Path(dir_okay=False),
                    default=None,
                    help="Write the report here instead of standard output.",
                ),
            ]
        ):
            f = option(f)
        return f

    return apply


def _hub_options(f: F) -> F:
    """--revision, --workers, --timeout, --no-progress: how ORG/NAME arguments are fetched."""
    for option in reversed(
        [
            click.option("--revision", default=None, help="Hub revision (branch, tag or commit)."),
            click.option(
                "--workers",
                type=click.IntRange(1, 64),
                default=16,
                show_default=True,
                help="Concurrent Hub requests.",
            ),
            click.option(
                "--timeout",
                type=click.FloatRange(0.1, 600),
                default=10.0,
                show_default=True,
                help="Seconds per Hub request.",
            ),
            click.option("--no-progress", is_flag=True, help="No progress bar on stderr."),
        ]
    ):
        f = option(f)
    return f


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="lmdef")
def cli() -> None:
    """Hold claims about "LLMs" to a written definition (Rogers & Luccioni, ICML 2024)."""


@cli.command()
@click.argument("paths", nargs=-1)
@_report_options(FORMAT_CHOICES_LINT)
@click.option("--select", multiple=True, help="Rule codes or names to enable (comma-separated).")
@click.option("--ignore", multiple=True, help="Rule codes or names to disable (comma-separated).")
@click.option(
    "--config",
    "config_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Config file (pyproject.toml or .lmdef.toml); default: discovered upward.",
)
@click.option("--stdin-filename", default=None, help="Name (and markup kind) for text read from -.")
@_hub_options
def lint(
    paths: tuple[str, ...],
    fmt: str,
    fail_on: str | None,
    output: str | None,
    select: tuple[str, ...],
    ignore: tuple[str, ...],
    config_path: str | None,
    stdin_filename: str | None,
    revision: str | None,
    workers: int,
    timeout: float,
    no_progress: bool,
) -> None:
    """Flag vague terms (LLM, emergent, SOTA, ...) that a document uses without defining.

    PATHS are Markdown, LaTeX or plain-text files, folders (recursed), `-` for stdin, or
    Hugging Face model IDs (ORG/NAME) whose card is linted.
    """
    from lmdef.commands.lint import LintOptions, run_lint

    sys.exit(
        run_lint(
            LintOptions(
                paths=paths,
                fmt=fmt,
                select=_split(select),
                ignore=_split(ignore),
                fail_on=fail_on,
                config_path=config_path,
                stdin_filename=stdin_filename,
                revision=revision,
                output=output,
                progress=not no_progress,
                workers=workers,
                timeout=timeout,
            )
        )
    )


@cli.command()
@click.argument("inputs", nargs=-1)
@click.option(
    "--from-file",
    "from_file",
    type=click.Path(dir_okay=False, allow_dash=True),
    default=None,
    help="Read hub IDs or paths, one a line (# comments), - for stdin.",
)
@_report_options(FORMAT_CHOICES_CLASSIFY)
@click.option(
    "--min-tokens",
    type=float,
    default=1e9,
    show_default=True,
    help="Pretraining volume (tokens) that criterion 2 requires to be exceeded.",
)
@_hub_options
def classify(
    inputs: tuple[str, ...],
    from_file: str | None,
    fmt: str,
    fail_on: str | None,
    output: str | None,
    min_tokens: float,
    revision: str | None,
    workers: int,
    timeout: float,
    no_progress: bool,
) -> None:
    """Test models against the three criteria of an LLM: text, data, transfer.

    INPUTS are local model folders (README.md + config.json ...), card files, or Hugging Face
    model IDs (ORG/NAME); an argument is a path when it exists on disk. `-` reads IDs from stdin.
    """
    from lmdef.commands.classify import ClassifyOptions, run_classify

    sys.exit(
        run_classify(
            ClassifyOptions(
                inputs=inputs,
                from_file=from_file,
                fmt=fmt,
                min_tokens=min_tokens,
                revision=revision,
                workers=workers,
                timeout=timeout,
                fail_on=fail_on,
                output=output,
                progress=not no_progress,
            )
        )
    )


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["text", "json", "markdown"]), default="text")
def rules(fmt: str) -> None:
    """List every rule with its code, name and summary."""
    from lmdef.commands.meta import run_rules

    sys.exit(run_rules(fmt))


@cli.command()
@click.argument("rule")
def explain(rule: str) -> None:
    """Explain a rule (by code or name): what it flags, why, example, what to write instead."""
    from lmdef.commands.meta import run_explain

    sys.exit(run_explain(rule))


def main() -> None:
    cli(prog_name="lmdef")
