"""Benchmark of lmdef's Hub layer against the naive loop, on a local Hub imitation (issue #5).

Serves N models (default 500) from tests/hub/hubsim.py with 50 ms added to every request, then
prints, from one run:
  1. models/s of lmdef's fetch_models (cold cache, --workers 64) vs the naive sequential loop a
     user writes (`ModelCard.load(id)` + `HfApi().model_info(id)` per ID), and the ratio
     (target >= 15x);
  2. requests per listed model (shared bases excluded): cold (<= 3), warm rerun (<= 1),
     HF_HUB_OFFLINE=1 (0);
  3. peak RSS (ru_maxrss) of `lmdef classify --format jsonl --from-file ids.txt` for 10,000 vs
     1,000 IDs (target within 1.5x); if the classify command cannot run, of a process that
     drains `fetch_models` to JSON lines instead (and says so).

Each client runs in its own subprocess (its own GIL); the imitation runs in this process and
counts the requests. Run:
    .venv/bin/python bench/bench_hub.py            # the issue's figures (a few minutes)
    .venv/bin/python bench/bench_hub.py --quick    # smaller, for a smoke run
Nothing here leaves 127.0.0.1; nothing downloads weights.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.hub.hubsim import FakeRepo, HubSim, card  # noqa: E402

BASES = [f"bench-base/family-{i}" for i in range(5)]


def make_repos(n: int, prefix: str) -> list[FakeRepo]:
    repos = [
        FakeRepo(
            base,
            files={"README.md": card("license: apache-2.0"), "config.json": b"{}"},
            card_data={"license": "apache-2.0"},
            pipeline_tag="text-generation",
        )
        for base in BASES
    ]
    body = "A fine-tuned model for the lmdef benchmark.\n" * 40  # ~1.8 kB, a small real card
    for i in range(n):
        base = BASES[i % len(BASES)]
        front = f"base_model: {base}\nlicense: mit\ndatasets:\n- some/data\n"
        repos.append(
            FakeRepo(
                f"{prefix}/model-{i:05d}",
                files={
                    "README.md": card(front, body),
                    "config.json": b"{}",
                    "model.safetensors": b"w",
                },
                card_data={"base_model": base, "license": "mit"},
                tags=[f"base_model:finetune:{base}"],
                pipeline_tag="text-classification",
            )
        )
    return repos


# -- child processes ---------------------------------------------------------------------------
def child_lmdef(ids: list[str], workers: int, hooks: str) -> dict:
    from lmdef.hub import HubModel, fetch_models
    from lmdef.hub.lineage import hub_base_ids

    # hooks="classify": lineage and the config.json decision from lmdef.classify, exactly as
    # `lmdef classify` runs it; hooks="hub": the Hub layer alone (lineage from Hub metadata).
    extra = (
        {} if hooks == "classify" else {"base_ids": hub_base_ids, "needs_config": lambda s: False}
    )
    start, cpu = time.perf_counter(), time.process_time()
    ok = sum(
        isinstance(r, HubModel)
        for _, r in fetch_models(
            ids, revision=None, workers=workers, timeout=10.0, progress=False, **extra
        )
    )
    return {"seconds": time.perf_counter() - start, "cpu": time.process_time() - cpu, "ok": ok}


def child_naive(ids: list[str]) -> dict:
    from huggingface_hub import HfApi, ModelCard

    api = HfApi()
    start = time.perf_counter()
    for repo_id in ids:  # what a user writes
        ModelCard.load(repo_id)
        api.model_info(repo_id)
    return {"seconds": time.perf_counter() - start, "ok": len(ids)}


def child_drain(ids: list[str], out: str) -> dict:
    from lmdef.hub import HubModel, fetch_models

    with open(out, "w", encoding="utf-8") as fh:
        for index, r in fetch_models(ids, revision=None, workers=16, timeout=10.0, progress=False):
            snap = r.snapshot if isinstance(r, HubModel) else None
            row = {
                "index": index,
                "error": None if snap else r.error,
                "chars": len(snap.card_text or "") if snap else 0,
            }
            fh.write(json.dumps(row) + "\n")
    return {}


def spawn(mode: str, ids_file: Path, env: dict[str, str], *extra: str) -> dict:
    cmd = [sys.executable, __file__, "--child", mode, "--ids", str(ids_file), *extra]
    done = subprocess.run(cmd, env=env, capture_output=True, text=True, check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


# -- the parent --------------------------------------------------------------------------------
def client_env(sim: HubSim, home: Path, *, offline: bool = False) -> dict[str, str]:
    env = {**os.environ, "HF_ENDPOINT": sim.endpoint, "HF_HOME": str(home)}
    env.update(
        HF_HUB_DISABLE_TELEMETRY="1", HF_HUB_DISABLE_PROGRESS_BARS="1", PYTHONPATH=str(ROOT / "src")
    )
    for name in ("HF_HUB_CACHE", "HF_TOKEN", "HF_HUB_OFFLINE"):
        env.pop(name, None)
    if offline:
        env["HF_HUB_OFFLINE"] = "1"
    return env


def per_model(sim: HubSim, ids: list[str]) -> float:
    return sum(sim.count(i) for i in ids) / len(ids)


def write_ids(path: Path, ids: list[str]) -> Path:
    path.write_text("\n".join(ids) + "\n", encoding="utf-8")
    return path


def peak_rss(cmd: list[str], env: dict[str, str], out: Path) -> tuple[int, float, int]:
    start = time.perf_counter()
    with out.open("w") as fh:
        proc = subprocess.Popen(cmd, env=env, stdout=fh, stderr=subprocess.DEVNULL)
        _, status, usage = os.wait4(proc.pid, 0)
    return usage.ru_maxrss, time.perf_counter() - start, os.waitstatus_to_exitcode(status)


def classify_cmd(ids_file: Path) -> list[str]:
    return [
        sys.executable, "-m", "lmdef", "classify", "--format", "jsonl", "--no-progress",
        "--workers", "16", "--from-file", str(ids_file),
    ]  # fmt: skip


def speed_and_requests(args: argparse.Namespace, tmp: Path) -> None:
    repos = make_repos(args.models, "bench")
    sim = HubSim(repos, latency=args.latency).start()
    ids = [r.id for r in repos if r.id.startswith("bench/")]
    all_ids = write_ids(tmp / "ids.txt", ids)
    naive_ids = write_ids(tmp / "naive-ids.txt", ids[: args.naive])
    print(
        f"Hub imitation at {sim.endpoint}: {len(ids)} models (+{len(BASES)} shared bases), "
        f"{args.latency * 1000:.0f} ms added per request"
    )
    naive = spawn("naive", naive_ids, client_env(sim, tmp / "naive-home"))
    naive_rate = args.naive / naive["seconds"]
    print(
        f"naive loop (ModelCard.load + model_info), first {args.naive} IDs: {naive['seconds']:.1f} s"
        f" = {naive_rate:.1f} models/s, {per_model(sim, ids[: args.naive]):.2f} requests/model"
    )
    home = tmp / "lmdef-home"
    for hooks, what in (("hub", "Hub layer alone"), ("classify", "with lmdef.classify hooks")):
        sim.reset()
        home = tmp / f"lmdef-home-{hooks}"
        cold = spawn(
            "lmdef",
            all_ids,
            client_env(sim, home),
            "--workers",
            str(args.workers),
            "--hooks",
            hooks,
        )
        cold_rate = len(ids) / cold["seconds"]
        print(
            f"lmdef fetch_models --workers {args.workers}, {what}, cold: {len(ids)} models ({cold['ok']} ok)"
            f" in {cold['seconds']:.2f} s = {cold_rate:.1f} models/s -> {cold_rate / naive_rate:.1f}x the naive"
            f" loop (target >= 15x); client CPU {cold['cpu'] / len(ids) * 1000:.1f} ms/model"
        )
    base_requests = sum(sim.count(b) for b in BASES)
    print(
        f"requests/model cold:    {per_model(sim, ids):.2f} (target <= 3); shared bases: "
        f"{base_requests} requests for {len(BASES)} bases (each fetched once)"
    )
    sim.reset()
    warm = spawn(
        "lmdef",
        all_ids,
        client_env(sim, home),
        "--workers",
        str(args.workers),
        "--hooks",
        "classify",
    )
    print(
        f"requests/model warm:    {per_model(sim, ids):.2f} (target <= 1); "
        f"{len(ids) / warm['seconds']:.1f} models/s"
    )
    sim.reset()
    off = spawn(
        "lmdef", all_ids, client_env(sim, home, offline=True), "--workers", str(args.workers)
    )
    print(
        f"requests/model offline: {per_model(sim, ids):.2f} (target 0; {len(sim.requests)} requests in all); "
        f"{off['ok']}/{len(ids)} answered from the cache"
    )
    sim.stop()


def memory(args: argparse.Namespace, tmp: Path) -> None:
    small, large = args.memory
    sim = HubSim(make_repos(large, "mem"), latency=0.0).start()  # memory, not speed: no latency
    ids = [f"mem/model-{i:05d}" for i in range(large)]
    probe = write_ids(tmp / "probe.txt", ids[:3])
    done = subprocess.run(
        classify_cmd(probe), env=client_env(sim, tmp / "probe-home"), capture_output=True, text=True
    )
    use_cli = (
        done.returncode in (0, 1, 2)
        and done.stdout.count("\n") == 3
        and "Traceback" not in done.stderr
    )
    label = (
        "lmdef classify --format jsonl"
        if use_cli
        else "fetch_models drained to jsonl (classify CLI not usable)"
    )
    rss = {}
    for n in (small, large):
        ids_file = write_ids(tmp / f"mem-{n}.txt", ids[:n])
        out = tmp / f"mem-{n}.jsonl"
        env = client_env(sim, tmp / f"mem-home-{n}")
        if use_cli:
            cmd = classify_cmd(ids_file)
        else:
            cmd = [
                sys.executable,
                __file__,
                "--child",
                "drain",
                "--ids",
                str(ids_file),
                "--out",
                str(out),
            ]
        rss[n], secs, code = peak_rss(cmd, env, tmp / f"stdout-{n}" if not use_cli else out)
        rows = [json.loads(line) for line in out.open()]
        errors = Counter(row.get("error") for row in rows if row.get("error"))
        print(
            f"peak RSS, {label}, {n:>6} IDs: {rss[n] / 1024:.1f} MiB "
            f"({len(rows)} lines, {sum(errors.values())} with error, exit {code}, {secs:.1f} s)"
        )
        for error, count in errors.most_common(3):
            print(f"    {count} x {error}")
    print(f"peak RSS ratio {large} / {small} IDs: {rss[large] / rss[small]:.2f} (target <= 1.5)")
    sim.stop()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", type=int, default=500)
    parser.add_argument("--latency", type=float, default=0.05)
    parser.add_argument(
        "--workers", type=int, default=64, help="lmdef --workers (the CLI allows 1-64)"
    )
    parser.add_argument("--naive", type=int, default=100, help="IDs timed in the naive loop")
    parser.add_argument(
        "--memory", type=int, nargs=2, default=[1000, 10000], metavar=("SMALL", "LARGE")
    )
    parser.add_argument("--quick", action="store_true", help="100 models; memory 200 vs 2,000 IDs")
    parser.add_argument("--skip-memory", action="store_true")
    parser.add_argument("--child", choices=["lmdef", "naive", "drain"], help=argparse.SUPPRESS)
    parser.add_argument("--ids", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--hooks", default="classify", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        ids = Path(args.ids).read_text(encoding="utf-8").split()
        if args.child == "lmdef":
            print(json.dumps(child_lmdef(ids, args.workers, args.hooks)))
        elif args.child == "naive":
            print(json.dumps(child_naive(ids)))
        else:
            print(json.dumps(child_drain(ids, args.out)))
        return 0
    if args.quick:
        args.models, args.naive, args.memory = 100, 30, [200, 2000]
    tmp = Path(tempfile.mkdtemp(prefix="lmdef-bench-hub-"))
    speed_and_requests(args, tmp)
    if not args.skip_memory:
        memory(args, tmp)
    return 0


if __name__ == "__main__":
    sys.exit(main())
