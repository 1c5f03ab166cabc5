"""A run's fixed cost: what Prefect's start-up costs a `newsetl run`, for the options newsetl had to choose from.

    uv run python bench/startup.py              # 3 interleaved repeats
    uv run python bench/startup.py --repeats 5

Every run is `newsetl run` on the bundled sample (27 pages) into a warehouse that holds them already, so it
reads nothing: what is left is start-up (imports, the Prefect server, the flow run's records). Options:

- background, first: no server yet (a fresh PREFECT_HOME): the run starts one in the background, which stays
- background, later: that server is running (what every later run meets)
- per-run: NEWSETL_PREFECT_SERVER=per-run, a server for the run, stopped after it (existing database)
- prefect temporary: Prefect's own temporary server, as newsetl used before (existing database; a fresh one too)
- prefect temporary, no migrations: the same with PREFECT_SERVER_DATABASE_MIGRATE_ON_START=false (a setting)
- imports: importing the flow module with spaCy imported up front (as before) and lazily (now)

Also: the first README run (27 new pages, fresh PREFECT_HOME), seconds to the first line a person sees, and
seconds from SIGINT to exit for a run stopped mid-batch. Results: bench/results/startup.{json,md}; medians.
"""

import argparse
import json
import os
import platform
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "flows" / "sample_pages"
RESULTS = ROOT / "bench" / "results"
NEWSETL = Path(sys.executable).parent / "newsetl"
OLD_WAY = (  # newsetl's run before: the flow called with no PREFECT_API_URL, on Prefect's temporary server
    "import sys; from flows.runtime import apply_prefect_defaults; apply_prefect_defaults(quiet_logs=True); "
    "from flows.ingest import ingest; ingest(inputs=[sys.argv[1]], warehouse=sys.argv[2])"
)


def timed(cmd: list[str], env: dict, cwd: Path = ROOT) -> dict:
    """Wall seconds of a command, and seconds until its first line on stderr."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    first: list[float] = []
    err: list[str] = []

    def read_err() -> None:
        for line in proc.stderr:
            if not first and line.strip() and not line.startswith("Bytecode compiled"):
                first.append(time.perf_counter() - t0)
            err.append(line)

    reader = threading.Thread(target=read_err)
    reader.start()
    out = proc.stdout.read()
    proc.wait()
    reader.join()
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{''.join(err)[-3000:]}")
    return {"wall_s": round(wall, 2), "first_line_s": round(first[0], 2) if first else None, "stdout": out}


def stop_background(home: Path) -> None:
    subprocess.run([sys.executable, "-c", "from flows.runtime import stop_background_server as s; s()"],
                   cwd=ROOT, env={**os.environ, "PREFECT_HOME": str(home)}, check=True)  # fmt: skip


class Stall(BaseHTTPRequestHandler):
    """Pages that answer at once, and /stall, which answers after a minute."""

    stalled = threading.Event()  # set when the stalled page is asked for: the first batch is committed by then

    def do_GET(self):
        if self.path == "/stall":
            Stall.stalled.set()
            time.sleep(60)
        name = self.path.strip("/")
        page = SAMPLE / name
        if not page.is_file():
            self.send_error(404)
            return
        body = page.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class StallServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        pass  # the cancelled run hung up on the stalled page: expected


def cancel_latency(work: Path, env: dict, i: int) -> float:
    """Seconds from SIGINT to exit, for a run whose second batch waits on a stalled page."""
    server = StallServer(("127.0.0.1", 0), Stall)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    urls = work / f"urls-{i}.txt"
    names = [p.name for p in sorted(SAMPLE.glob("meridian-*.html"))[:2]]
    urls.write_text("".join(f"{base}/{n}\n" for n in names) + f"{base}/stall\n")
    cmd = [str(NEWSETL), "run", str(urls), "-w", str(work / f"wh-cancel-{i}"), "--allow-private", "--batch-size", "2"]
    Stall.stalled.clear()
    proc = subprocess.Popen(cmd, cwd=ROOT, env={**env, "NEWSETL_HOST_INTERVAL": "0"}, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        if not Stall.stalled.wait(timeout=300):
            raise SystemExit("the run never asked for the stalled page")
        time.sleep(0.5)  # into the second batch's wait
        t0 = time.perf_counter()
        proc.send_signal(signal.SIGINT)
        proc.wait(timeout=120)
        seconds = time.perf_counter() - t0
    finally:
        server.shutdown()
    if proc.returncode != 130:
        raise SystemExit(f"the cancelled run exited {proc.returncode}:\n{proc.stderr.read()[-3000:]}")
    return round(seconds, 2)


def import_seconds(eager_spacy: bool) -> float:
    code = "import time; t = time.perf_counter(); " + ("import spacy; " if eager_spacy else "")
    code += "import flows.ingest; print(time.perf_counter() - t)"
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    return round(float(done.stdout.strip()), 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument(
        "--later-only",
        action="store_true",
        help="only the runs every later run meets (a server running): 27 new pages, nothing new",
    )
    parser.add_argument(
        "--baseline", type=Path, help="another checkout of newsetl (with its .venv): its later runs too, interleaved"
    )
    args = parser.parse_args()
    if args.later_only:
        later_only(args)
        return
    work = Path(tempfile.mkdtemp(prefix="newsetl-startup-"))
    base = {k: v for k, v in os.environ.items() if k not in ("PREFECT_API_URL", "UV_RUN_RECURSION_DEPTH")}
    runs: dict[str, list] = {}
    try:
        stored = work / "wh"  # the sample, stored once: every timed run below reads nothing new
        shared = work / "home-shared"  # an existing Prefect database, for the per-run and temporary options
        env = {**base, "PREFECT_HOME": str(shared), "NEWSETL_PREFECT_SERVER": "per-run"}
        timed([str(NEWSETL), "run", "-w", str(stored)], env)
        for i in range(args.repeats):
            home = work / f"home-{i}"
            env = {**base, "PREFECT_HOME": str(home)}
            first = timed([str(NEWSETL), "run", "-w", str(work / f"wh-first-{i}")], env)
            runs.setdefault("readme first run (27 new pages, fresh PREFECT_HOME)", []).append(first)
            later_new = timed([str(NEWSETL), "run", "-w", str(work / f"wh-later-{i}")], env)
            runs.setdefault("readme later run (27 new pages, server running)", []).append(later_new)
            cmd = [str(NEWSETL), "run", "-w", str(stored)]  # not --json: its start-up lines are what a person sees
            runs.setdefault("background, later (server running)", []).append(timed(cmd, env))
            runs.setdefault("cancel: SIGINT to exit", []).append({"wall_s": cancel_latency(work, env, i)})
            stop_background(home)
            fresh = {**base, "PREFECT_HOME": str(work / f"home-fresh-{i}")}
            runs.setdefault("background, first (fresh PREFECT_HOME)", []).append(timed(cmd, fresh))
            stop_background(work / f"home-fresh-{i}")
            per_run = {**base, "PREFECT_HOME": str(shared), "NEWSETL_PREFECT_SERVER": "per-run"}
            runs.setdefault("per-run server (existing database)", []).append(timed(cmd, per_run))
            old = [sys.executable, "-c", OLD_WAY, str(SAMPLE), str(stored)]
            shared_env = {**base, "PREFECT_HOME": str(shared)}
            runs.setdefault("prefect temporary server (existing database)", []).append(timed(old, shared_env))
            no_migrations = {**shared_env, "PREFECT_SERVER_DATABASE_MIGRATE_ON_START": "false"}
            runs.setdefault("prefect temporary, migrate_on_start=false", []).append(timed(old, no_migrations))
            fresh_old = {**base, "PREFECT_HOME": str(work / f"home-old-{i}")}
            runs.setdefault("prefect temporary server (fresh database)", []).append(timed(old, fresh_old))
            runs.setdefault("import flows.ingest, spaCy up front", []).append({"wall_s": import_seconds(True)})
            runs.setdefault("import flows.ingest, spaCy lazily", []).append({"wall_s": import_seconds(False)})
            print(f"repeat {i + 1} done", file=sys.stderr)
    finally:
        for home in work.glob("home-*"):
            stop_background(home)
        shutil.rmtree(work, ignore_errors=True)
    report(args, runs)


def commit_of(checkout: Path) -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], cwd=checkout, capture_output=True, text=True)
    return done.stdout.strip() or "?"


def later_only(args) -> None:
    """A server running (this checkout's background server, shared): a run of the sample into a new warehouse,
    and one that finds nothing new; with --baseline, the other checkout's runs of both, interleaved."""
    work = Path(tempfile.mkdtemp(prefix="newsetl-startup-"))
    base = {
        k: v for k, v in os.environ.items() if k not in ("PREFECT_API_URL", "UV_RUN_RECURSION_DEPTH", "VIRTUAL_ENV")
    }
    env = {**base, "PREFECT_HOME": str(work / "home")}
    checkouts = [("", ROOT)] + ([(f" (baseline {commit_of(args.baseline)})", args.baseline)] if args.baseline else [])
    runs: dict[str, list] = {}
    try:
        timed([str(NEWSETL), "run", "-w", str(work / "warm")], env)  # starts the server; not timed
        for i in range(args.repeats):
            for label, checkout in checkouts:
                newsetl = str(checkout / ".venv" / "bin" / "newsetl")
                wh = work / f"wh-{i}-{len(label)}"
                runs.setdefault(f"later run, 27 new pages{label}", []).append(
                    timed([newsetl, "run", "-w", str(wh)], env, checkout)
                )
                runs.setdefault(f"later run, nothing new{label}", []).append(
                    timed([newsetl, "run", "-w", str(wh)], env, checkout)
                )
            print(f"repeat {i + 1} done", file=sys.stderr)
    finally:
        stop_background(work / "home")
        shutil.rmtree(work, ignore_errors=True)
    report(args, runs, stem="startup-later")


def report(args, runs: dict[str, list], stem: str = "startup") -> None:
    rows = {}
    for name, found in runs.items():
        walls = [r["wall_s"] for r in found]
        firsts = [r["first_line_s"] for r in found if r.get("first_line_s") is not None]
        rows[name] = {
            "median_s": round(statistics.median(walls), 2),
            "all_s": walls,
            "first_line_median_s": round(statistics.median(firsts), 2) if firsts else None,
        }
    load = os.getloadavg()
    meta = {"repeats": args.repeats, "machine": f"{platform.machine()}, {os.cpu_count()} cores",
            "load_average_at_end": [round(x, 1) for x in load], "python": platform.python_version()}  # fmt: skip
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{stem}.json").write_text(json.dumps({"meta": meta, "rows": rows}, indent=2) + "\n")
    lines = [
        "# A run's fixed cost (bench/startup.py)",
        "",
        f"{meta['machine']}, {args.repeats} interleaved repeats, medians; "
        f"load average at the end {meta['load_average_at_end']}.",
        "Runs read the stored sample (nothing new) unless the row says otherwise.",
        "",
        "| option | wall s (median) | first line after s | all runs, s |",
        "|---|---|---|---|",
    ]
    for name, row in rows.items():
        first = "" if row["first_line_median_s"] is None else f"{row['first_line_median_s']:.2f}"
        lines.append(f"| {name} | {row['median_s']:.2f} | {first} | {', '.join(f'{w:.1f}' for w in row['all_s'])} |")
    (RESULTS / f"{stem}.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
