#!/usr/bin/env python3
"""Lint speed of lmdef against codespell (Markdown cards) and proselint (LaTeX), one run.

Issue #2's targets: on Markdown model cards lmdef's throughput >= 0.5x codespell's; on LaTeX
>= 1x proselint's; cold start of `lmdef lint one.md` <= 2.5x `codespell one.md`.

Times are CPU seconds (user + system, children included), best of --runs: the machine is
shared and wall time swings with other load. Fairness: every tool gets the same files in the same process model. Throughput ("CLI") runs
each tool once as a subprocess over the whole corpus (copied K times into a temp folder so the
run is long enough to time) and subtracts that tool's own cold start on one file, so
interpreter and dictionary start-up are not counted as reading speed. In-process figures
(parse only, `lmdef.lint.lint_text`, and the candidate parsers that were measured to choose
the Markdown/LaTeX parsers) are printed beside them.

usage:
  python bench/bench_lint_speed.py                      # ../shared/eval corpora
  python bench/bench_lint_speed.py --copies 20 --runs 5
  python bench/bench_lint_speed.py --cards DIR --passages DIR

codespell and proselint install from PyPI: `pip install -e '.[bench]'`.
"""

from __future__ import annotations

import argparse
import contextlib
import glob
import io
import os
import resource
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Callable, Sequence
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parent.parent / "shared" / "eval"
BIN = Path(sys.executable).parent


def _cpu() -> float:
    """CPU seconds (user + system) of this process and its finished children.

    CPU time rather than wall time: the benchmark machine is shared, and CPU time of the
    same work varies far less under load (both tools are single-threaded).
    """
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime


def _best(fn: Callable[[], object], runs: int) -> float:
    best = float("inf")
    for _ in range(runs):
        start = _cpu()
        fn()
        best = min(best, _cpu() - start)
    return best


def _run(cmd: Sequence[str]) -> None:
    subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, check=False)


def _tool(name: str) -> str | None:
    path = BIN / name
    return str(path) if path.exists() else shutil.which(name)


def _copy_corpus(files: list[str], dest: Path, copies: int, suffix: str) -> list[str]:
    """K copies of each file under unique names in a temp folder (never in the repo)."""
    out: list[str] = []
    for k in range(copies):
        folder = dest / f"copy{k:02d}"
        folder.mkdir(parents=True, exist_ok=True)
        for i, src in enumerate(files):
            target = folder / f"{i:04d}{suffix}"
            shutil.copyfile(src, target)
            out.append(str(target))
    return out


def _mb(files: list[str]) -> float:
    return sum(os.path.getsize(f) for f in files) / 1e6


def _cli_throughput(
    cmd: list[str], files: list[str], one: str, runs: int
) -> tuple[float, float, float]:
    """(MB/s with start-up subtracted, seconds for the corpus, start-up seconds)."""
    startup = _best(lambda: _run([*cmd, one]), runs)
    total = _best(lambda: _run([*cmd, *files]), runs)
    work = max(total - startup, 1e-9)
    return _mb(files) / work, total, startup


def _inprocess(fn: Callable[[str, str], object], texts: list[tuple[str, str]], runs: int) -> float:
    size = sum(len(t.encode("utf-8")) for _, t in texts) / 1e6

    def go() -> None:
        for path, text in texts:
            fn(text, path)

    return size / _best(go, runs)


def _read(files: list[str]) -> list[tuple[str, str]]:
    return [(f, Path(f).read_text(encoding="utf-8")) for f in files]


def _ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b else "n/a"


def _check(label: str, ok: bool) -> str:
    return f"{label}: {'PASS' if ok else 'MISS'}"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", default=str(SHARED / "classify" / "cards"))
    parser.add_argument("--passages", default=str(SHARED / "lint"))
    parser.add_argument("--copies", type=int, default=10, help="corpus copies for CLI runs")
    parser.add_argument("--runs", type=int, default=5, help="best of N")
    args = parser.parse_args(argv)

    md_files = sorted(glob.glob(os.path.join(args.cards, "*", "README.md")))
    md_files += sorted(glob.glob(os.path.join(args.passages, "*", "*.md")))
    tex_files = sorted(glob.glob(os.path.join(args.passages, "*", "*.tex")))
    if not md_files or not tex_files:
        print(f"no corpus under {args.cards} / {args.passages}", file=sys.stderr)
        return 2

    from lmdef.config import Config
    from lmdef.documents import parse_document
    from lmdef.lint import lint_text

    config = Config()
    md_texts, tex_texts = _read(md_files), _read(tex_files)
    # Default text output, like codespell's; JSON costs about the same (measured).
    lmdef_cli = [_tool("lmdef") or "lmdef", "lint", "--format", "text"]
    codespell = _tool("codespell")
    proselint = _tool("proselint")

    print(f"python {sys.version.split()[0]}; best of {args.runs}; CLI corpora x{args.copies}")
    print(
        f"Markdown: {len(md_files)} files, {_mb(md_files):.2f} MB; "
        f"LaTeX: {len(tex_files)} files, {_mb(tex_files):.3f} MB\n"
    )

    # -- in-process: parsers (how pyromark and the LaTeX scanner were chosen) -----------
    rows: list[tuple[str, float]] = []
    rows.append(
        ("lmdef parse Markdown (pyromark)", _inprocess(parse_document, md_texts, args.runs))
    )
    rows.append(
        (
            "lmdef lint Markdown (lint_text)",
            _inprocess(lambda t, p: lint_text(t, p, config), md_texts, args.runs),
        )
    )
    rows.append(("lmdef parse LaTeX (scanner)", _inprocess(parse_document, tex_texts, args.runs)))
    rows.append(
        (
            "lmdef lint LaTeX (lint_text)",
            _inprocess(lambda t, p: lint_text(t, p, config), tex_texts, args.runs),
        )
    )
    with contextlib.suppress(ImportError):
        import pyromark

        from lmdef.documents.markdown import _OPTIONS

        rows.append(
            (
                "  candidate: pyromark events_with_range only",
                _inprocess(
                    lambda t, p: list(pyromark.events_with_range(t, options=_OPTIONS)),
                    md_texts,
                    args.runs,
                ),
            )
        )
    with contextlib.suppress(ImportError):
        from markdown_it import MarkdownIt

        md = MarkdownIt("commonmark").enable("table")
        rows.append(
            (
                "  candidate: markdown-it-py parse only",
                _inprocess(lambda t, p: md.parse(t), md_texts, 1),
            )
        )
    with contextlib.suppress(ImportError):
        from pylatexenc.latexwalker import LatexWalker

        rows.append(
            (
                "  candidate: pylatexenc latexwalker parse only",
                _inprocess(
                    lambda t, p: LatexWalker(t, tolerant_parsing=True).get_latex_nodes(),
                    tex_texts,
                    1,
                ),
            )
        )
    with contextlib.suppress(ImportError):
        from proselint.checks import __register__
        from proselint.config import DEFAULT
        from proselint.registry import CheckRegistry
        from proselint.tools import LintFile

        CheckRegistry().register_many(__register__)
        rows.append(
            (
                "proselint lint LaTeX (LintFile.lint)",
                _inprocess(lambda t, p: LintFile(p, t).lint(DEFAULT), tex_texts, 1),
            )
        )
    with contextlib.suppress(ImportError):
        from codespell_lib import _codespell

        def codespell_inproc(files: list[str]) -> None:
            with contextlib.redirect_stdout(io.StringIO()):
                _codespell.main(*files)

        one_card = md_files[0]
        start = _best(lambda: codespell_inproc([one_card]), args.runs)
        total = _best(lambda: codespell_inproc(md_files), args.runs)
        rows.append(
            (
                "codespell Markdown (main(), dictionary load subtracted)",
                _mb(md_files) / max(total - start, 1e-9),
            )
        )
    print("in-process throughput (MB/s):")
    for label, value in rows:
        print(f"  {label:58s} {value:8.2f}")

    # -- CLI: same files, same process model, start-up subtracted ------------------------
    print("\nCLI throughput (MB/s, own cold start on one file subtracted):")
    with tempfile.TemporaryDirectory(prefix="lmdef-bench-") as tmp:
        md_copy = _copy_corpus(md_files, Path(tmp) / "md", args.copies, ".md")
        tex_copy = _copy_corpus(tex_files, Path(tmp) / "tex", args.copies, ".tex")
        cli: dict[str, tuple[float, float, float]] = {}
        cli["lmdef md"] = _cli_throughput(lmdef_cli, md_copy, md_copy[0], args.runs)
        cli["lmdef tex"] = _cli_throughput(lmdef_cli, tex_copy, tex_copy[0], args.runs)
        if codespell:
            cli["codespell md"] = _cli_throughput([codespell], md_copy, md_copy[0], args.runs)
        if proselint:
            runs = max(1, args.runs // 2)  # proselint is slow
            cli["proselint tex"] = _cli_throughput(
                [proselint, "check"], tex_copy, tex_copy[0], runs
            )
        for label, (mbps, total, startup) in cli.items():
            print(
                f"  {label:16s} {mbps:8.2f} MB/s  (corpus {total:6.2f} s, start-up {startup:5.3f} s CPU)"
            )

        # -- cold start: one card ---------------------------------------------------------
        one = md_copy[0]
        n = max(args.runs, 7)
        print(f"\ncold start on one card (CPU s, best of {n}):")
        bare = _best(lambda: _run([sys.executable, "-c", "pass"]), n)
        lm_cold = _best(lambda: _run([*lmdef_cli[:2], one]), n)
        print(f"  python -c pass   {bare:6.3f} s")
        print(f"  lmdef lint       {lm_cold:6.3f} s")
        cs_cold = _best(lambda: _run([codespell, one]), n) if codespell else 0.0
        if codespell:
            print(f"  codespell        {cs_cold:6.3f} s")

    print("\nratios (issue #2 targets):")
    if "codespell md" in cli:
        ratio = cli["lmdef md"][0] / cli["codespell md"][0]
        print(
            f"  Markdown throughput lmdef/codespell = {ratio:.2f}x  "
            + _check("target >= 0.5x", ratio >= 0.5)
        )
    if "proselint tex" in cli:
        ratio = cli["lmdef tex"][0] / cli["proselint tex"][0]
        print(
            f"  LaTeX throughput lmdef/proselint    = {ratio:.2f}x  "
            + _check("target >= 1x", ratio >= 1.0)
        )
    if cs_cold:
        ratio = lm_cold / cs_cold
        print(
            f"  cold start lmdef/codespell          = {ratio:.2f}x  "
            + _check("target <= 2.5x", ratio <= 2.5)
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
