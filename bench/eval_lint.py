#!/usr/bin/env python3
"""Score lmdef lint on labelled passages, exactly like ../shared/tools/score_lint.py.

Unit: (passage, term). Gold positive when any occurrence of the term should be flagged;
predicted positive when lmdef reports a finding with that term in that file. Prints precision
and recall per language and overall, the share of negative pairs left alone, and the
flag-every-occurrence baseline (every labelled pair predicted positive) from the same run.

usage:
  python bench/eval_lint.py ../shared/eval/lint                # in-process (lmdef.lint)
  python bench/eval_lint.py ../shared/eval/lint --cli .venv/bin/lmdef   # the installed CLI
  python bench/eval_lint.py ../shared/eval/lint --json /tmp/eval.json   # misses, false alarms
"""

from __future__ import annotations

import argparse
import json
import os
import shlex
import subprocess
import sys
from collections import defaultdict
from pathlib import Path

TERMS = {
    "llm",
    "emergent",
    "foundation-model",
    "frontier-model",
    "general-purpose-technology",
    "sota",
    "robust",
}


def predict_cli(cmd: str, files: list[str], cwd: str) -> dict[tuple[str, str], set[int]]:
    argv = shlex.split(cmd)
    if os.path.exists(argv[0]):  # a relative path to the command must survive the cwd change
        argv[0] = os.path.abspath(argv[0])
    out = subprocess.run(
        [*argv, "lint", "--format", "json", *files],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if out.returncode not in (0, 1):
        sys.exit(f"lmdef lint exited {out.returncode}: {out.stderr[-2000:]}")
    pred: dict[tuple[str, str], set[int]] = defaultdict(set)
    for f in json.loads(out.stdout).get("files", []):
        path = os.path.normpath(
            os.path.relpath(f["path"], cwd) if os.path.isabs(f["path"]) else f["path"]
        )
        for x in f.get("findings") or []:
            if x.get("term") in TERMS:
                pred[(path, x["term"])].add(x["start"]["line"])
    return pred


def predict_in_process(files: list[str], cwd: str) -> tuple[dict, dict]:
    from lmdef.analysis import analyse
    from lmdef.documents import parse_document
    from lmdef.lexicon import load_lexicon
    from lmdef.rules.undefined_term import UNDEFINED_TERM
    from lmdef.spans import LineIndex

    lexicon = load_lexicon()
    pred: dict[tuple[str, str], set[int]] = defaultdict(set)
    detail: dict[str, list] = {}
    for rel in files:
        text = Path(cwd, rel).read_text(encoding="utf-8")
        doc = parse_document(text, rel)
        analysis = analyse(doc, lexicon)

        class Ctx:
            document = doc

        Ctx.analysis = analysis
        index = LineIndex(text)
        for hit in UNDEFINED_TERM.check(Ctx):
            pred[(os.path.normpath(rel), hit.term)].add(index.line_col(hit.span.start)[0])
        detail[os.path.normpath(rel)] = [
            (o.term, index.line_col(o.span.start)[0], o.text, o.status, o.reason)
            for o in analysis.occurrences
        ]
    return pred, detail


def score(gold: list[dict], pred: dict) -> dict:
    tp = fp = fn = tn = placed = 0
    per_lang: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    misses, false_alarms = [], []
    for g in gold:
        path = os.path.normpath(g["file"])
        by_term: dict[str, list] = defaultdict(list)
        for o in g["occurrences"]:
            if o["term"] in TERMS:
                by_term[o["term"]].append(o)
        lang = g.get("language", "en")
        for t, occ in by_term.items():
            want = any(o["should_flag"] for o in occ)
            got = (path, t) in pred
            row = per_lang[lang]
            if want and got:
                tp += 1
                row[0] += 1
                placed += bool(pred[(path, t)] & {o["line"] for o in occ if o["should_flag"]})
            elif got:
                fp += 1
                row[1] += 1
                false_alarms.append(f"{path}:{t}")
            elif want:
                fn += 1
                row[2] += 1
                misses.append(f"{path}:{t}")
            else:
                tn += 1
                row[3] += 1
    return {
        "tp": tp,
        "fp": fp,
        "fn": fn,
        "tn": tn,
        "placed": placed,
        "per_lang": dict(per_lang),
        "misses": misses,
        "false_alarms": false_alarms,
    }


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def main() -> int:
    ap = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    ap.add_argument("labels_dir")
    ap.add_argument("--cli", help="run this lmdef command instead of the in-process library")
    ap.add_argument("--json", help="write misses, false alarms and per-occurrence decisions here")
    a = ap.parse_args()
    labels = Path(a.labels_dir, "labels.jsonl").read_text(encoding="utf-8")
    gold = [json.loads(line) for line in labels.splitlines() if line.strip()]
    files = [g["file"] for g in gold]
    detail: dict = {}
    if a.cli:
        pred = predict_cli(a.cli, files, a.labels_dir)
    else:
        pred, detail = predict_in_process(files, a.labels_dir)
    s = score(gold, pred)
    print(
        f"{'':8} {'P':>6} {'R':>6} {'F1':>6} {'left alone':>10}   tp  fp  fn  tn"
        "   | flag-every-occurrence baseline P / F1"
    )
    rows = sorted(s["per_lang"].items())
    for lang, (tp, fp, fn, tn) in [*rows, ("all", (s["tp"], s["fp"], s["fn"], s["tn"]))]:
        p, r, f1 = _prf(tp, fp, fn)
        alone = tn / (tn + fp) if tn + fp else 0.0
        bp = (tp + fn) / (tp + fp + fn + tn) if tp + fp + fn + tn else 0.0
        print(
            f"{lang:8} {p:6.3f} {r:6.3f} {f1:6.3f} {alone:10.3f}  {tp:3} {fp:3} {fn:3} {tn:3}"
            f"   | {bp:.3f} / {2 * bp / (bp + 1):.3f}"
        )
    pos = s["tp"] + s["fn"]
    units = pos + s["fp"] + s["tn"]
    bp = pos / units if units else 0.0
    print(
        f"baseline (flag every occurrence): P {bp:.3f} R 1.000 F1 {2 * bp / (bp + 1):.3f}, leaves 0.000 of the negatives alone"
    )
    print(
        f"well placed (finding on a should-flag line): {s['placed'] / s['tp'] if s['tp'] else 0:.3f}"
    )
    if a.json:
        out = {k: v for k, v in s.items() if k != "per_lang"}
        out["decisions"] = {
            key: detail.get(key.rsplit(":", 1)[0], []) for key in s["misses"] + s["false_alarms"]
        }
        Path(a.json).write_text(json.dumps(out, indent=1, ensure_ascii=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
