"""Fetching benchmark: pages/s against a local server simulating many hosts, with politeness on, measured
from the server's side; and the cost of the crawl state's seen-lookup as it grows.

    uv run python bench/fetch.py                    # 50 hosts, 3,000 pages, state sizes 10k/100k/1M
    uv run python bench/fetch.py --hosts 50 --pages 3000 --state-sizes 10000,100000

The server runs in a child process (its own core): an asyncio HTTP/1.1 server listening on one port per
simulated host (host = host:port, the crawler's unit of politeness), answering every GET with a ~20 KB page
after a configurable delay, and logging each request's start and end per port. Results go to
bench/results/fetch.{json,md}.
"""

import argparse
import asyncio
import itertools
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
RESULTS = ROOT / "bench" / "results"
PAGE = (ROOT / "flows" / "sample_pages" / "meridian-ecb-holds-rates.html").read_bytes()


# ---------------------------------------------------------------- server (child process)
async def _serve(hosts: int, delay: float, ports_file: Path, log_file: Path) -> None:
    active: dict[int, int] = defaultdict(int)
    peak: dict[int, int] = defaultdict(int)
    starts: dict[int, list[float]] = defaultdict(list)

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        port = writer.get_extra_info("sockname")[1]
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                path = head.split(b" ", 2)[1]
                starts[port].append(time.monotonic())
                active[port] += 1
                peak[port] = max(peak[port], active[port])
                if delay:
                    await asyncio.sleep(delay)
                if path == b"/robots.txt":
                    body, ctype = b"User-agent: *\nAllow: /\n", b"text/plain"
                else:
                    body, ctype = PAGE, b"text/html; charset=utf-8"
                writer.write(
                    b"HTTP/1.1 200 OK\r\nContent-Type: "
                    + ctype
                    + b"\r\nContent-Length: "
                    + str(len(body)).encode()
                    + b"\r\n\r\n"
                    + body
                )
                await writer.drain()
                active[port] -= 1
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    servers = [await asyncio.start_server(handle, "127.0.0.1", 0) for _ in range(hosts)]
    ports_file.write_text(json.dumps([s.sockets[0].getsockname()[1] for s in servers]))

    async def dump_on_request():
        while not (log_file.parent / "dump").exists():
            await asyncio.sleep(0.1)
        gaps = {}
        for port, times in starts.items():
            times.sort()
            gaps[port] = [b - a for a, b in itertools.pairwise(times)]
        log_file.write_text(json.dumps({"peak": peak, "gaps": gaps, "requests": sum(map(len, starts.values()))}))

    await dump_on_request()


def start_server(hosts: int, delay: float, workdir: Path) -> tuple[subprocess.Popen, list[int]]:
    ports_file = workdir / "ports.json"
    proc = subprocess.Popen(
        [sys.executable, __file__, "serve", str(hosts), str(delay), str(ports_file), str(workdir / "log.json")]
    )
    while not ports_file.exists():
        time.sleep(0.05)
    time.sleep(0.1)
    return proc, json.loads(ports_file.read_text())


def stop_server(proc: subprocess.Popen, workdir: Path) -> dict:
    (workdir / "dump").touch()
    proc.wait(timeout=30)
    return json.loads((workdir / "log.json").read_text())


# ---------------------------------------------------------------- crawler runs
def crawl(hosts: int, pages: int, delay: float, per_host: int, interval: float, concurrency: int) -> dict:
    from flows.crawler import Crawler, Fetched, Policy, Request

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        proc, ports = start_server(hosts, delay, workdir)
        try:
            requests = [Request(f"http://127.0.0.1:{ports[i % hosts]}/a/{i}") for i in range(pages)]
            policy = Policy(
                user_agent="newsetl-bench/1.0",
                per_host=per_host,
                host_interval=interval,
                concurrency=concurrency,
                allow_private=True,
            )
            crawler = Crawler(policy, "bench", sends=[])
            cpu0, t0 = time.process_time(), time.perf_counter()
            results = crawler.fetch_all(requests)
            wall, cpu = time.perf_counter() - t0, time.process_time() - cpu0
        finally:
            seen = stop_server(proc, workdir)
    ok = sum(isinstance(r, Fetched) for r in results)
    gaps = sorted(g for port_gaps in seen["gaps"].values() for g in port_gaps)
    sent: dict[str, list[float]] = defaultdict(list)
    for host, moment in crawler.sends:
        sent[host].append(moment)
    client_gaps = sorted(b - a for times in sent.values() for a, b in itertools.pairwise(sorted(times)))
    return {
        "hosts": hosts,
        "pages": pages,
        "server_delay_s": delay,
        "per_host": per_host,
        "host_interval_s": interval,
        "concurrency": concurrency,
        "fetched": ok,
        "wall_s": round(wall, 2),
        "pages_per_s": round(ok / wall, 1),
        "crawler_cpu_ms_per_page": round(cpu / max(ok, 1) * 1000, 3),
        "max_per_host_concurrency_seen_by_server": max(seen["peak"].values()),
        "min_interval_between_starts_seen_by_server_s": round(min(gaps), 4) if gaps else None,
        "p1_interval_between_starts_seen_by_server_s": round(gaps[len(gaps) // 100], 4) if gaps else None,
        "intervals_shorter_than_setting": sum(g < interval for g in gaps),
        "intervals": len(gaps),
        "min_interval_between_sends_seen_by_crawler_s": round(client_gaps[0], 4) if client_gaps else None,
        "smallest_intervals_s": [round(g, 4) for g in gaps[:5]],
        "theoretical_max_pages_per_s": round(hosts / interval, 1) if interval else None,
    }


def seen_lookup(state_sizes: list[int], lookups: int = 10_000, repeats: int = 5) -> list[dict]:
    """Time CrawlState.done() for `lookups` stored URLs, with the state holding each size."""
    from flows.crawlstate import CrawlState, Visit

    out = []
    with tempfile.TemporaryDirectory() as tmp:
        state = CrawlState(Path(tmp) / "crawl.sqlite")
        filled = 0
        for size in sorted(state_sizes):
            t0 = time.perf_counter()
            for start in range(filled, size, 50_000):
                stop = min(size, start + 50_000)
                state.record(
                    Visit(f"https://site{i % 200}.example/news/{i}", "page", "page") for i in range(start, stop)
                )
            filled = size
            fill_s = time.perf_counter() - t0
            probe = [f"https://site{i % 200}.example/news/{i}" for i in range(0, size, max(1, size // lookups))][
                :lookups
            ]
            times = []
            for _ in range(repeats):
                t0 = time.perf_counter()
                found = state.done(probe)
                times.append(time.perf_counter() - t0)
            assert len(found) == len(probe)
            out.append(
                {
                    "state_urls": size,
                    "lookups": len(probe),
                    "median_ms": round(statistics.median(times) * 1000, 1),
                    "us_per_url": round(statistics.median(times) / len(probe) * 1e6, 2),
                    "fill_s": round(fill_s, 1),
                    "db_mib": round(
                        sum(f.stat().st_size for f in state.path.parent.glob(state.path.name + "*")) / 2**20, 1
                    ),
                }
            )
        state.close()
    return out


def seen_run(urls: int = 10_000, repeats: int = 3) -> dict:
    """A whole `newsetl run` over a URL list whose URLs are all stored already, against one over an empty
    list: the difference is what the seen-check costs a scheduled run (Prefect's start-up is in both)."""
    from flows.crawlstate import CrawlState, Visit

    out = {}
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp) / "wh"
        state = CrawlState.open(root)
        listed = [f"https://site{i % 200}.example/news/{i}" for i in range(urls)]
        state.record(Visit(u, "page", "page") for u in listed)
        state.close()
        times: dict[str, list[float]] = {"empty_list": [], "all_seen": []}
        for _, (name, lines) in itertools.product(range(repeats), (("empty_list", []), ("all_seen", listed))):
            url_file = Path(tmp) / f"{name}.txt"
            url_file.write_text("\n".join(lines) + "\n")
            t0 = time.perf_counter()
            done = subprocess.run(
                [sys.executable, "-m", "flows.cli", "run", str(url_file), "-w", str(root), "--json"],
                cwd=ROOT,
                capture_output=True,
                text=True,
            )
            seconds = time.perf_counter() - t0
            if done.returncode != 0:
                raise RuntimeError(done.stderr[-2000:])
            counts = json.loads(done.stdout)["counts"]
            times[name].append(seconds)
            out[name] = {"skipped_seen": counts.get("skipped_seen", 0)}
    for name, values in times.items():
        out[name] |= {"wall_s": round(statistics.median(values), 2), "runs_s": [round(v, 2) for v in values]}
    out["seen_check_cost_s"] = round(out["all_seen"]["wall_s"] - out["empty_list"]["wall_s"], 2)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hosts", type=int, default=50)
    parser.add_argument("--pages", type=int, default=3000)
    parser.add_argument("--delay", type=float, default=0.02, help="server seconds per response (network-like)")
    parser.add_argument("--state-sizes", default="10000,100000,1000000")
    parser.add_argument("--crawl-only", action="store_true", help="skip the crawl-state measurements")
    args = parser.parse_args()

    runs = [
        # the benchmark target: politeness on (2 per host, 0.1 s between starts per host)
        crawl(args.hosts, args.pages, args.delay, per_host=2, interval=0.1, concurrency=64),
        # slow responses (0.25 s): 2 requests in flight per host is what limits each host
        crawl(args.hosts, args.pages, 0.25, per_host=2, interval=0.1, concurrency=128),
        # the defaults (1 s per host): bound by politeness, as it should be
        crawl(args.hosts, min(args.pages, 500), args.delay, per_host=2, interval=1.0, concurrency=32),
    ]
    if args.crawl_only:
        for r in runs:
            print(json.dumps(r))
        return
    lookups = seen_lookup([int(s) for s in args.state_sizes.split(",")])
    whole_run = seen_run()
    result = {
        "machine": {"cpus": os.cpu_count(), "python": platform.python_version()},
        "crawl": runs,
        "seen_lookup": lookups,
        "run_over_seen_urls": whole_run,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "fetch.json").write_text(json.dumps(result, indent=2))
    lines = [
        "# Fetching benchmark (bench/fetch.py)",
        "",
        f"{os.cpu_count()} cores, Python {platform.python_version()}; server in a child process, one port per host.",
        "",
        "| hosts | pages | server delay s | per host | interval s | pages/s | max/s allowed | crawler CPU ms/page "
        "| max per-host concurrency (server) | min interval (server) s | intervals < setting (server) "
        "| min interval (crawler, at send) s |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for r in runs:
        lines.append(
            f"| {r['hosts']} | {r['fetched']}/{r['pages']} | {r['server_delay_s']} | {r['per_host']} "
            f"| {r['host_interval_s']} "
            f"| **{r['pages_per_s']}** | {r['theoretical_max_pages_per_s']} | {r['crawler_cpu_ms_per_page']} "
            f"| {r['max_per_host_concurrency_seen_by_server']} | {r['min_interval_between_starts_seen_by_server_s']} "
            f"| {r['intervals_shorter_than_setting']} of {r['intervals']} "
            f"| {r['min_interval_between_sends_seen_by_crawler_s']} |"
        )
    lines += ["", "| URLs in crawl state | lookups | median ms | µs per URL | db MiB |", "|---|---|---|---|---|"]
    for r in lookups:
        lines.append(
            f"| {r['state_urls']:,} | {r['lookups']:,} | {r['median_ms']} | {r['us_per_url']} | {r['db_mib']} |"
        )
    lines += [
        "",
        f"A whole `newsetl run` over a list of {whole_run['all_seen']['skipped_seen']:,} stored URLs, median of "
        f"{len(whole_run['all_seen']['runs_s'])} interleaved runs: {whole_run['all_seen']['wall_s']} s "
        f"{whole_run['all_seen']['runs_s']}, against {whole_run['empty_list']['wall_s']} s "
        f"{whole_run['empty_list']['runs_s']} for an empty list (Prefect's temporary server starts in both).",
    ]
    (RESULTS / "fetch.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "serve":
        _, _, hosts, delay, ports_file, log_file = sys.argv
        asyncio.run(_serve(int(hosts), float(delay), Path(ports_file), Path(log_file)))
    else:
        main()
