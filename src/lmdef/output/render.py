"""Re-render saved JSON reports in other formats, for the GitHub Action (issue #4).

The Action analyses once (`--format json`), then renders annotations, the job summary and
SARIF from that one report, so the three can never disagree and a Hub card is fetched once:

    python -m lmdef.output.render FORMAT [--lint lint.json] [--classification cls.json] [-o OUT]
    python -m lmdef.output.render outputs --lint lint.json --classification cls.json

`outputs` prints the Action's outputs as `name=value` lines (verdict, findings count).
Exit codes: 0, or 2 when a report cannot be read (one line on stderr naming the file).
"""

from __future__ import annotations

import argparse
import importlib
import sys
from pathlib import Path

from lmdef.report import ClassificationReport, LintedFile, LintReport

RENDER_FORMATS = ("text", "json", "sarif", "github", "markdown")


class ReportError(Exception):
    pass


def _load(path: str | None, model: type[LintReport] | type[ClassificationReport]):
    if not path:
        return None
    try:
        return model.model_validate_json(Path(path).read_bytes())
    except (OSError, ValueError) as exc:
        first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        raise ReportError(f"{path}: not a readable lmdef {model.__name__}: {first}") from exc


def render(fmt: str, lint: LintReport | None, classification: ClassificationReport | None) -> str:
    if fmt == "sarif":
        from lmdef.output import sarif

        runs = []
        if lint is not None:
            runs.append(sarif.lint_run(lint))
        if classification is not None:
            runs.append(sarif.classification_run(classification))
        return sarif.dumps(sarif.sarif_log(runs))
    module = importlib.import_module(f"lmdef.output.{fmt}")
    parts = []
    if lint is not None:
        parts.append(module.render_lint(lint))
    if classification is not None:
        parts.append(module.render_classification(classification))
    return "\n".join(parts)


def outputs(lint: LintReport | None, classification: ClassificationReport | None) -> dict[str, str]:
    """The Action's outputs; verdict is that of the first model ('' when nothing classified)."""
    count = 0
    if lint is not None:
        count += sum(len(f.findings) for f in lint.files if isinstance(f, LintedFile))
    verdict = ""
    if classification is not None:
        count += sum(len(m.findings) for m in classification.models)
        if classification.models:
            first = classification.models[0]
            verdict = "error" if first.error else first.verdict
    return {"verdict": verdict, "findings": str(count)}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m lmdef.output.render")
    parser.add_argument("format", choices=[*RENDER_FORMATS, "outputs"])
    parser.add_argument("--lint", help="lint report (JSON) from `lmdef lint --format json`")
    parser.add_argument("--classification", help="report from `lmdef classify --format json`")
    parser.add_argument("-o", "--output", help="write here instead of standard output")
    args = parser.parse_args(argv)
    try:
        lint = _load(args.lint, LintReport)
        classification = _load(args.classification, ClassificationReport)
    except ReportError as exc:
        print(f"lmdef: {exc}", file=sys.stderr)
        return 2
    if args.format == "outputs":
        text = "".join(f"{k}={v}\n" for k, v in outputs(lint, classification).items())
    else:
        text = render(args.format, lint, classification)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
