#!/usr/bin/env python3
"""Score `lmdef classify` on the labelled cards in ../shared/eval/classify (issue #3 "Done when").

Runs the shared scorer (../shared/tools/score_classify.py), which passes every card folder to
`lmdef classify --format json` (meta.json hidden) and prints verdict accuracy, each criterion's
accuracy and the false-LLM rate beside the pipeline-tag and keyword baselines; then prints the
misses per criterion from the saved JSON so they can be studied (fix causes, not cases).

usage: .venv/bin/python bench/eval_classify.py [CORPUS] [--lmdef CMD] [--misses]
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CRIT = {"text": "c1_text", "data": "c2_data", "transfer": "c3_transfer"}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", nargs="?", default=str(SHARED / "eval" / "classify"))
    ap.add_argument("--lmdef", default=str(ROOT / ".venv" / "bin" / "lmdef"))
    ap.add_argument("--misses", action="store_true", help="list per-criterion misses")
    a = ap.parse_args()
    scorer = SHARED / "tools" / "score_classify.py"
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "score.json")
        run = subprocess.run(
            [sys.executable, str(scorer), a.corpus, "--lmdef", a.lmdef, "--json", out],
            capture_output=True,
            text=True,
        )
        sys.stdout.write(run.stdout)
        if run.returncode != 0:
            sys.stderr.write(run.stderr)
            return run.returncode
        score = json.loads(Path(out).read_text())
    if a.misses:
        _misses(Path(a.corpus), a.lmdef)
    ok = (
        score["verdict_accuracy"] >= 0.90
        and all(v >= 0.90 for v in score["criterion_accuracy"].values())
        and score["false_llm_rate"] <= 0.02
    )
    print(
        f"targets (verdict, each criterion >= 0.90; false-LLM <= 2%): {'met' if ok else 'NOT met'}"
    )
    return 0


def _misses(corpus: Path, lmdef: str) -> None:
    gold = [json.loads(line) for line in (corpus / "labels.jsonl").open() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        import shutil

        shutil.copytree(
            corpus / "cards", Path(tmp) / "cards", ignore=shutil.ignore_patterns("meta.json")
        )
        args = [f"cards/{g['hub_id'].replace('/', '__')}" for g in gold]
        run = subprocess.run(
            [lmdef, "classify", "--format", "json", *args], cwd=tmp, capture_output=True, text=True
        )
        report = json.loads(run.stdout)
    by_id = {m["input"]: m for m in report["models"]}
    for g, arg in zip(gold, args, strict=False):
        m = by_id.get(arg)
        if m is None:
            continue
        crit = {c["id"]: c for c in m["criteria"]}
        for cid, key in CRIT.items():
            if crit[cid]["met"] != g[key]:
                ev = "; ".join(e["detail"][:70] for e in crit[cid]["evidence"][:2])
                print(f"{cid:8} {g['hub_id']:60} gold {g[key]:7} got {crit[cid]['met']:7} | {ev}")


if __name__ == "__main__":
    sys.exit(main())
