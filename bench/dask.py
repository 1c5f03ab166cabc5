"""Throughput on Dask workers against the default runner, on the same pages.

    uv run python bench/dask.py                         # 2,000 pages; default runner, 1 and 2 workers; 3 repeats
    uv run python bench/dask.py --workers 1,2,4,8 --pages 20000 --repeats 3   # a bigger machine

Each configuration is `newsetl run <pages> --json` into an empty warehouse, against one running Prefect server
(as scheduled runs have), in the order default, 1 worker, 2 workers, ..., repeated. The time quoted is the
flow's own (`seconds` in its summary: from taking the warehouse lock to the last commit, cluster start-up
included; Prefect's client start-up not included), and its median over repeats. The pages are the English
sample articles replicated with distinct URLs and first sentences (bench/throughput.py). Results go to
bench/results/dask-<pages>.{json,md}.
"""

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.throughput import RESULTS, ROOT, make_corpus, start_prefect_server

NEWSETL = Path(sys.executable).parent / "newsetl"


def one_run(corpus: Path, warehouse: Path, env: dict, extra: list[str]) -> dict:
    t0 = time.perf_counter()
    cmd = [str(NEWSETL), "run", str(corpus), "-w", str(warehouse), "--json", *extra]
    done = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed:\n{done.stderr[-3000:]}")
    summary = json.loads(done.stdout)
    return {
        "seconds": summary["seconds"],
        "wall_s": round(wall, 2),
        "articles": summary["counts"]["articles_new"],
        "mentions": summary["counts"]["entity_mentions"],
        "stage_seconds": summary.get("stage_seconds", {}),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--workers", default="1,2", help="Dask worker counts to run, comma-separated")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--batch-size", type=int, default=200)
    args = parser.parse_args()
    counts = [int(w) for w in args.workers.split(",")]
    configs = {"default": []} | {f"dask-{n}": ["--runner", "dask", "--workers", str(n)] for n in counts}
    work = Path(tempfile.mkdtemp(prefix="newsetl-bench-dask-"))
    runs: dict[str, list[dict]] = {name: [] for name in configs}
    try:
        corpus = work / "pages"
        corpus.mkdir()
        make_corpus(corpus, args.pages)
        server, env = start_prefect_server(work)
        env = {**env, "NEWSETL_BATCH_SIZE": str(args.batch_size)}
        try:
            for repeat in range(args.repeats):
                for name, extra in configs.items():
                    warehouse = work / f"wh-{name}-{repeat}"
                    runs[name].append(one_run(corpus, warehouse, env, extra))
                    shutil.rmtree(warehouse, ignore_errors=True)
                    print(f"repeat {repeat + 1} {name}: {runs[name][-1]['seconds']:.1f} s", file=sys.stderr)
        finally:
            server.terminate()
            server.wait(timeout=60)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(args, runs)


def report(args, runs: dict[str, list[dict]]) -> None:
    median = {name: statistics.median(r["seconds"] for r in rs) for name, rs in runs.items()}
    rows = []
    for name, rs in runs.items():
        rows.append({
            "config": name,
            "median_s": round(median[name], 2),
            "pages_per_s": round(args.pages / median[name], 1),
            "vs_default": round(median["default"] / median[name], 2),
            "vs_dask_1": round(median["dask-1"] / median[name], 2) if "dask-1" in median else None,
            "runs_s": [r["seconds"] for r in rs],
            "articles": rs[0]["articles"],
            "mentions": rs[0]["mentions"],
        })  # fmt: skip
    result = {
        "pages": args.pages,
        "batch_size": args.batch_size,
        "repeats": args.repeats,
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()},
        "measured_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "results": rows,
        "runs": runs,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"dask-{args.pages}"
    out.with_suffix(".json").write_text(json.dumps(result, indent=2))
    lines = [
        f"# Dask runner: {args.pages} pages, batches of {args.batch_size}, {args.repeats} repeats "
        f"({result['measured_at']}, {os.cpu_count()} CPUs)",
        "",
        "| runner | median s | pages/s | speed-up vs default | speed-up vs 1 worker | runs (s) |",
        "|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| {r['config']} | {r['median_s']} | {r['pages_per_s']} | {r['vs_default']}x | "
            f"{r['vs_dask_1'] or '–'}{'x' if r['vs_dask_1'] else ''} | {', '.join(f'{s:.1f}' for s in r['runs_s'])} |"
        )
    lines += ["", f"Every configuration loaded {rows[0]['articles']} articles and {rows[0]['mentions']} mentions."]
    if len({(r["articles"], r["mentions"]) for r in rows}) > 1:
        lines[-1] = "Configurations loaded DIFFERENT counts: " + ", ".join(
            f"{r['config']} {r['articles']}/{r['mentions']}" for r in rows
        )
    out.with_suffix(".md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
