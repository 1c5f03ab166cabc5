"""Runs on kept warehouses: a scheduled run with nothing new, and an hourly run that finds 500 new pages.

    uv run python bench/runs.py /tmp/wh/wh-10000 /tmp/wh/wh-1000000
    uv run python bench/runs.py /tmp/wh/wh-10000 /tmp/wh/wh-1000000 --baseline ../newsetl-before

The warehouses are ones `bench/scale.py --keep DIR` built (their crawl state knows their URLs). Every run is
`newsetl run ... --json` in a child process against one running `prefect server`, as scheduled runs are:
- nothing new: a URL list of 1,000 URLs the warehouse has stored (`--nothing` runs, median);
- hourly: a WARC of 500 article pages new to the warehouse (`--hourly` runs, median, after `--warmup` runs
  that are not counted). Each adds 500 articles, so the warehouses grow a little as the benchmark goes on.
- the floor: `bench/empty_flow.py`, a Prefect flow that does nothing, run the same way right after each
  nothing-new run: what any run pays before and after its own work;
- after the runs: the example queries on each warehouse (as `bench/scale.py` times them), and its live files.

With `--baseline CHECKOUT` (another checkout of newsetl, with its own .venv), each run is made with that
checkout's code right after this one's: the ratios compare code measured side by side. It runs on the same
warehouses, or on copies of them (`--baseline-warehouse`, once per warehouse, in their order) where this
checkout changed the warehouse's layout and the older code cannot write to it.
Results: bench/results/runs-<warehouse names>.{json,md}, or runs-<name>.{json,md} with `--name` (so that a
comparison does not overwrite an earlier one of the same warehouses).
"""

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from load import make_warc  # noqa: E402
from throughput import start_prefect_server  # noqa: E402

from warehouse import lake  # noqa: E402


def stored_urls(root: Path, n: int = 1000) -> list[str]:
    """`n` URLs of stored pages that the crawl state knows as done (bench/scale.py seeds it with a sample): a
    run given them has nothing to fetch."""
    from flows.crawlstate import CrawlState

    with lake.session(root, read_only=True) as con:
        candidates = [u for (u,) in con.sql("SELECT DISTINCT url FROM pages").fetchall()]
    crawl = CrawlState.open(root)
    try:
        done = sorted(crawl.done(candidates))[:n]
    finally:
        crawl.close()
    lake.close_all()
    if len(done) < n:
        raise SystemExit(f"{root}: only {len(done)} stored URLs are in its crawl state (want {n})")
    return done


def _commit(checkout: Path) -> str:
    """The checkout's commit, with "+changes" where its code differs from it (results are not counted)."""
    head = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=checkout, capture_output=True, text=True)
    changed = subprocess.run(["git", "status", "--porcelain", "--", ".", ":!bench/results"], cwd=checkout,
                             capture_output=True, text=True).stdout.strip()  # fmt: skip
    return head.stdout.strip() + ("+changes" if changed else "")


def newsetl_run(checkout: Path, source: Path, root: Path, env: dict) -> dict:
    """One `newsetl run --json` of `checkout`'s code: wall seconds, peak RSS, the flow's own seconds by stage."""
    python = checkout / ".venv" / "bin" / "python"
    t0 = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", str(python), "-m", "flows.cli", "run", str(source), "-w", str(root), "--json"],
        cwd=checkout, env=env, capture_output=True, text=True,
    )  # fmt: skip
    seconds = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(f"{checkout}: {done.stderr[-3000:]}")
    summary = json.loads(done.stdout)
    return {
        "seconds": round(seconds, 2),
        "peak_rss_mib": round(int(done.stderr.strip().splitlines()[-1]) / 1024),
        "stage_seconds": summary.get("stage_seconds", {}),
        "articles_new": summary["counts"].get("articles_new", 0),
        "skipped_seen": summary["counts"].get("skipped_seen", 0),
    }


def empty_flow_run(env: dict) -> dict:
    t0 = time.perf_counter()
    done = subprocess.run([sys.executable, str(ROOT / "bench" / "empty_flow.py")], cwd=ROOT, env=env,
                          capture_output=True, text=True)  # fmt: skip
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    return {"seconds": round(time.perf_counter() - t0, 2), "peak_rss_mib": 0}


def after_runs(root: Path) -> dict:
    """The example queries' medians (ms) and the live data files, on the warehouse as the runs left it."""
    from scale import time_queries

    from warehouse import maintain

    queries = time_queries(root, repeats=5)
    with lake.session(root, read_only=True) as con:
        files = sum(sum(parts.values()) for parts in maintain.files_per_partition(con).values())
    lake.close_all()
    return {"query_ms": queries, "live_files": files}


def summarise(runs: list[dict]) -> dict:
    times = [r["seconds"] for r in runs]
    middle = sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2]
    stages = sorted({stage for r in runs for stage in r.get("stage_seconds", {})})
    stage_medians = {s: round(statistics.median(r.get("stage_seconds", {}).get(s, 0) for r in runs), 3) for s in stages}
    state = [r.get("stage_seconds", {}).get("state") for r in runs]
    return {"median_s": round(statistics.median(times), 2), "runs_s": times,
            "peak_rss_mib": max(r["peak_rss_mib"] for r in runs), "median_run": middle,
            "stage_median_s": stage_medians, "state_s": state}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("warehouses", type=Path, nargs="+")
    parser.add_argument("--baseline", type=Path, help="another checkout, run beside this one")
    parser.add_argument("--baseline-warehouse", type=Path, action="append", default=[],
                        help="the baseline's copy of each warehouse (default: the same ones)")  # fmt: skip
    parser.add_argument("--nothing", type=int, default=5, help="nothing-new runs per warehouse and checkout")
    parser.add_argument("--hourly", type=int, default=3, help="hourly runs per warehouse and checkout")
    parser.add_argument("--warmup", type=int, default=0,
                        help="hourly runs per warehouse and checkout before those measured (not counted): each "
                             "checkout's own key cache made first")  # fmt: skip
    parser.add_argument("--name", help="results in bench/results/runs-NAME.{json,md} (default: the warehouses' names)")
    args = parser.parse_args()
    checkouts = {"this": ROOT} | ({"baseline": args.baseline.resolve()} if args.baseline else {})
    for checkout in checkouts.values():
        if not (checkout / ".venv" / "bin" / "python").exists():
            raise SystemExit(f"{checkout}: no .venv (run `uv sync` there)")
    commits = {name: _commit(c) for name, c in checkouts.items()}
    results: dict = {"commits": commits, "warehouses": {}}
    record = 0
    with tempfile.TemporaryDirectory() as tmp:
        server, env = start_prefect_server(Path(tmp))
        try:
            copies = args.baseline_warehouse or args.warehouses
            if len(copies) != len(args.warehouses):
                raise SystemExit("give one --baseline-warehouse per warehouse")
            for root, copy in zip(args.warehouses, copies, strict=True):
                where = {"this": root, "baseline": copy}
                url_file = Path(tmp) / f"{root.name}-stored-urls.txt"
                url_file.write_text("\n".join(stored_urls(root)) + "\n")
                runs: dict = {f"{kind}/{name}": [] for kind in ("nothing_new", "hourly") for name in checkouts}
                runs["empty_prefect_flow"] = []
                for _ in range(args.nothing):
                    for name, checkout in checkouts.items():
                        runs[f"nothing_new/{name}"].append(newsetl_run(checkout, url_file, where[name], env))
                    runs["empty_prefect_flow"].append(empty_flow_run(env))
                for i in range(args.warmup + args.hourly):
                    for name, checkout in checkouts.items():
                        record += 1
                        warc = Path(tmp) / "hourly.warc.gz"
                        stamp = f"bench-runs-{int(time.time())}-{record}"
                        make_warc(warc, 500, url_path=stamp, first_record=int(time.time()) * 1000 + record * 500)
                        run = newsetl_run(checkout, warc, where[name], env)
                        warc.unlink()
                        if i >= args.warmup:
                            runs[f"hourly/{name}"].append(run)
                results["warehouses"][root.name] = {key: summarise(r) for key, r in runs.items() if r}
                results.setdefault("after_runs", {})[root.name] = {name: after_runs(where[name]) for name in checkouts}
                print(json.dumps({root.name: {k: v["median_s"] for k, v in results["warehouses"][root.name].items()}}),
                      flush=True)  # fmt: skip
        finally:
            server.terminate()
            server.wait(30)
    results["load_average_at_end"] = [round(x, 1) for x in os.getloadavg()]
    write(results, args.warehouses, args.name)


def write(results: dict, warehouses: list[Path], name: str | None = None) -> None:
    stem = "runs-" + (name or "-".join(w.name.removeprefix("wh-") for w in warehouses))
    out = ROOT / "bench" / "results"
    (out / f"{stem}.json").write_text(json.dumps(results, indent=2) + "\n")
    names = list(results["warehouses"])
    lines = [
        "# Runs on kept warehouses (bench/runs.py)",
        "",
        f"{platform.machine()}, {os.cpu_count()} cores; commits {results['commits']}; medians, each checkout's "
        f"run right after the other's; load average at the end {results['load_average_at_end']}.",
        "",
        "| run | " + " | ".join(names) + " |",
        "|---|" + "---|" * len(names),
    ]
    keys = list(results["warehouses"][names[0]])
    for key in keys:
        cells = []
        for n in names:
            s = results["warehouses"][n][key]
            cells.append(f"{s['median_s']} s ({', '.join(map(str, s['runs_s']))}; {s['peak_rss_mib']} MiB)")
        lines.append(f"| {key} | " + " | ".join(cells) + " |")
    if results.get("after_runs"):
        lines += ["", "After the runs, on each checkout's warehouse: live data files, and the example queries "
                  "(median of 5, ms, this checkout's SQL):", ""]  # fmt: skip
        for n, by in results["after_runs"].items():
            for name, after in by.items():
                queries = ", ".join(f"{q} {ms}" for q, ms in after["query_ms"].items())
                lines.append(f"- {n} {name}: {after['live_files']} files; {queries}")
    lines += ["", "The flow's own seconds by stage, medians over the runs (and the state stage run by run):", ""]
    for n in names:
        for key in keys:
            summary = results["warehouses"][n][key]
            stages = summary.get("stage_median_s") or summary["median_run"].get("stage_seconds")
            if stages:
                lines.append(f"- {n} {key}: {json.dumps(stages)}; state {summary.get('state_s')}")
    (out / f"{stem}.md").write_text("\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
