"""What hostile or merely large input costs, measured: memory per page, a run's peak on large real pages,
seconds per URL against a slow server, and sitemap discovery's memory.

    uv run python bench/limits.py --pages DIR            # DIR: real pages, *.html or *.html.gz (e.g. the
                                                         # ScrapingHub article-extraction-benchmark's html/)
    uv run python bench/limits.py --pages DIR --only extract,run,url,sitemaps --run-pages 2000

- extract: each page through the extraction child (flows/extractor.py), the child's peak RSS per page
  (VmHWM, reset before each page); then the same pages joined into 0.5, 1 and 2.8 MB documents; then a
  hostile 2.8 MB page of 350,000 paragraphs under the default memory limit.
- run: `newsetl run` over the pages copied to --run-pages files (each with its own URL), into an empty
  warehouse; the peak RSS of the run's process, of the extraction child, and of the whole process tree
  (Prefect's temporary server included), sampled every 0.2 s.
- url: one URL against a local server whose every answer takes --hop-delay seconds (under the read timeout):
  a redirect, 5 times, then a 503. Before the per-URL deadline each of the 3 attempts x 6 responses had its
  own timeout; now the URL has `url_timeout`. Run with the default settings, so it takes about 120 s.
- sitemaps: discovery over robots.txt naming --indexes sitemap indexes of 50,000 children each (the
  red-team's attack), children answering 100 URLs each, with the default max_sitemaps (1000); the discovering
  process's peak RSS over its RSS before, and what it counted. On code without streaming discovery (an older
  checkout on PYTHONPATH) it measures `discover()`, which was the run's path then.

Results: bench/results/limits.{json,md} (or --out NAME). Servers run in child processes, on 127.0.0.1.
"""

import argparse
import gzip
import inspect
import json
import os
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"
sys.path.append(str(ROOT))  # after PYTHONPATH: an older checkout there is measured instead


def read_pages(folder: Path) -> list[bytes]:
    pages = []
    for path in sorted(folder.iterdir()):
        if path.name.endswith(".html.gz"):
            pages.append(gzip.decompress(path.read_bytes()))
        elif path.suffix in (".html", ".htm"):
            pages.append(path.read_bytes())
    if not pages:
        sys.exit(f"no *.html or *.html.gz pages in {folder}")
    return pages


def status_kib(pid: int, field: str) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise KeyError(field)


# -- extract --------------------------------------------------------------------------------------------------


def bench_extract(pages: list[bytes]) -> dict:
    from flows.extractor import LimitedExtractor
    from flows.settings import Settings
    from transforms.extract import ExtractOptions

    def kwargs(i):
        return {
            "url": f"https://bench.example/{i}",
            "fetched_at": datetime.now(UTC),
            "content_type": "text/html",
            "options": ExtractOptions(),
            "listing": None,
        }

    def peak_of(extractor, body, i) -> tuple[float, float, object]:
        if extractor.pid is None:
            extractor.extract(pages[0], **kwargs("warm"))
        with open(f"/proc/{extractor.pid}/clear_refs", "w") as refs:
            refs.write("5")  # reset the peak (VmHWM) to the current RSS
        t0 = time.perf_counter()
        result = extractor.extract(body, **kwargs(i))
        seconds = time.perf_counter() - t0
        peak = status_kib(extractor.pid, "VmHWM") / 1024 if extractor.pid else float("nan")
        return peak, seconds, result

    out: dict = {}
    unlimited = LimitedExtractor(120, 0)
    unlimited.extract(pages[0], **kwargs("warm"))
    idle = status_kib(unlimited.pid, "VmRSS") / 1024
    peaks, sizes = [], []
    for i, body in enumerate(pages):
        peak, _, _ = peak_of(unlimited, body, i)
        peaks.append(peak)
        sizes.append(len(body))
    out["real_pages"] = {
        "pages": len(pages),
        "median_bytes": statistics.median(sizes),
        "max_bytes": max(sizes),
        "child_idle_rss_mib": round(idle, 1),
        "child_peak_rss_mib_median": round(statistics.median(peaks), 1),
        "child_peak_rss_mib_max": round(max(peaks), 1),
        "largest_page_peak_mib": round(peaks[sizes.index(max(sizes))], 1),
    }
    joined = []
    for target in (500_000, 1_000_000, 2_800_000):
        body, k = b"", 0
        while len(body) < target:
            body += pages[k % len(pages)]
            k += 1
        peak, seconds, result = peak_of(unlimited, body[:target], f"joined-{target}")
        joined.append(
            {
                "bytes": target,
                "pages_joined": k,
                "child_peak_rss_mib": round(peak, 1),
                "seconds": round(seconds, 2),
                "result": "article" if isinstance(result, dict) else result.reason,
            }
        )
    out["joined_pages"] = joined
    unlimited.close()
    limit = Settings().extract_memory
    limited = LimitedExtractor(Settings().extract_timeout, limit)
    hostile = b"<html><body>" + b"<p>w</p>" * 350_000 + b"</body></html>"
    limited.extract(pages[0], **kwargs("warm"))
    t0 = time.perf_counter()
    result = limited.extract(hostile, **kwargs("hostile"))
    out["hostile_page"] = {
        "bytes": len(hostile),
        "memory_limit_mib": limit,
        "seconds": round(time.perf_counter() - t0, 2),
        "result": getattr(result, "reason", "article"),
        "detail": getattr(result, "detail", ""),
    }
    limited.close()
    return out


# -- run ------------------------------------------------------------------------------------------------------


def bench_run(pages: list[bytes], n: int) -> dict:
    import re

    import psutil

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(tmp) / "pages"
        corpus.mkdir()
        for i in range(n):
            html = pages[i % len(pages)].decode("utf-8", errors="replace")
            html = re.sub(r'(rel="canonical" href="[^"]+)"', rf'\1-{i}"', html)
            html = re.sub(r'(property="og:url" content="[^"]+)"', rf'\1-{i}"', html)
            (corpus / f"{i:05d}.html").write_text(html, encoding="utf-8")
        cmd = [sys.executable, "-m", "flows.cli", "run", str(corpus), "-w", str(Path(tmp) / "wh"), "--json"]
        env = {**os.environ, "PREFECT_HOME": str(Path(tmp) / "prefect")}
        env.pop("PREFECT_API_URL", None)
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        top = psutil.Process(proc.pid)
        peak = {"run": 0.0, "extraction_child": 0.0, "tree": 0.0}
        samples = []
        while proc.poll() is None:
            try:
                children = top.children(recursive=True)
                run = top.memory_info().rss
                child = max(
                    (c.memory_info().rss for c in children if "flows.extractor" in " ".join(c.cmdline())), default=0
                )
                tree = run + sum(c.memory_info().rss for c in children)
            except psutil.Error:
                continue
            samples.append(tree)
            for key, value in (("run", run), ("extraction_child", child), ("tree", tree)):
                peak[key] = max(peak[key], value / 2**20)
            time.sleep(0.2)
        out = proc.stdout.read()
        summary = json.loads(out) if proc.returncode == 0 else {}
    return {
        "pages": n,
        "median_page_bytes": statistics.median(len(p) for p in pages),
        "seconds": round(time.perf_counter() - t0, 1),
        "exit_code": proc.returncode,
        "articles": summary.get("counts", {}).get("articles_new"),
        "peak_rss_mib": {k: round(v) for k, v in peak.items()},
    }


# -- url ------------------------------------------------------------------------------------------------------


def _slow_server(delay: float, port_file: str) -> None:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            time.sleep(delay)
            hop = int(self.path.strip("/h") or 0) if self.path.startswith("/h") else None
            if self.path == "/robots.txt":
                self.send_response(404)
                self.send_header("Content-Length", "0")
                self.end_headers()
            elif hop is not None and hop < 5:
                self.send_response(302)
                self.send_header("Location", f"/h{hop + 1}")
                self.send_header("Content-Length", "0")
                self.end_headers()
            else:
                self.send_response(503)
                self.send_header("Content-Length", "4")
                self.end_headers()
                self.wfile.write(b"busy")

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    Path(port_file).write_text(str(server.server_address[1]))
    server.serve_forever()


def bench_url(delay: float) -> dict:
    from flows.crawler import Crawler, Policy, Request

    with tempfile.TemporaryDirectory() as tmp:
        port_file = str(Path(tmp) / "port")
        server = subprocess.Popen([sys.executable, __file__, "--serve-slow", str(delay), port_file])
        try:
            while not Path(port_file).exists() or not Path(port_file).read_text():
                time.sleep(0.05)
            port = int(Path(port_file).read_text())
            policy = Policy(user_agent="newsetl-bench/1.0", allow_private=True, respect_robots=False)
            crawler = Crawler(policy, "bench")
            t0 = time.perf_counter()
            [result] = crawler.fetch_all([Request(f"http://127.0.0.1:{port}/h0")])
            took = time.perf_counter() - t0
        finally:
            server.kill()
    p = policy
    fields = Policy.__dataclass_fields__
    return {
        "hop_delay_s": delay,
        "settings": {
            k: getattr(p, k)
            for k in ("read_timeout", "total_timeout", "url_timeout", "retries", "max_redirects")
            if k in fields
        },
        "responses_without_a_deadline": (p.retries + 1) * (p.max_redirects + 1),
        "seconds_without_a_deadline": round((p.retries + 1) * (p.max_redirects + 1) * delay, 1),
        "seconds": round(took, 1),
        "requests": len(crawler.log),
        "result": getattr(result, "reason", "fetched"),
    }


# -- sitemaps -------------------------------------------------------------------------------------------------


def _sitemap_server(indexes: int, port_file: str) -> None:
    ns = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'
    cache: dict[int, bytes] = {}

    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def do_GET(self):
            base = f"http://127.0.0.1:{self.server.server_address[1]}"
            if self.path == "/robots.txt":
                body, kind = "".join(f"Sitemap: {base}/index{i}.xml\n" for i in range(indexes)).encode(), "text/plain"
            elif self.path.startswith("/index"):
                i = int(self.path[6:].split(".")[0])
                if i not in cache:
                    items = "".join(f"<sitemap><loc>{base}/c{i}-{j}.xml</loc></sitemap>" for j in range(50_000))
                    cache[i] = f'<?xml version="1.0"?><sitemapindex {ns}>{items}</sitemapindex>'.encode()
                body, kind = cache[i], "application/xml"
            else:
                name = self.path.strip("/").split(".")[0]
                items = "".join(f"<url><loc>{base}/{name}/p{k}</loc></url>" for k in range(100))
                body, kind = f'<?xml version="1.0"?><urlset {ns}>{items}</urlset>'.encode(), "application/xml"
            self.send_response(200)
            self.send_header("Content-Type", kind)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    Path(port_file).write_text(str(server.server_address[1]))
    server.serve_forever()


def bench_sitemaps(indexes: int) -> dict:
    """In a child process of its own, so its peak RSS is discovery's."""
    with tempfile.TemporaryDirectory() as tmp:
        port_file = str(Path(tmp) / "port")
        server = subprocess.Popen([sys.executable, __file__, "--serve-sitemaps", str(indexes), port_file])
        try:
            while not Path(port_file).exists() or not Path(port_file).read_text():
                time.sleep(0.05)
            out = subprocess.run(
                [sys.executable, __file__, "--discover", Path(port_file).read_text()],
                capture_output=True,
                text=True,
                check=True,
                env=os.environ,
            ).stdout
        finally:
            server.kill()
    return {"indexes": indexes, "children_per_index": 50_000, **json.loads(out.strip().splitlines()[-1])}


def _discover(port: int) -> None:
    import resource

    import flows.discover as discover_module
    from flows.crawler import Crawler, Policy
    from flows.discover import Discovery, Limits
    from flows.sources import Source

    def rss_mib() -> float:
        return status_kib(os.getpid(), "VmRSS") / 1024

    crawler = Crawler(Policy(user_agent="newsetl-bench/1.0", allow_private=True, host_interval=0), "bench")
    source = Source(name="s", kind="sitemap", url=f"http://127.0.0.1:{port}/robots.txt")
    before, t0 = rss_mib(), time.perf_counter()
    streaming = "crawler" in inspect.signature(discover_module.page_refs).parameters
    refs = 0
    if streaming:  # the run's path: references taken a batch of 200 at a time, then dropped
        found = Discovery()
        batch = []
        for _ in discover_module.page_refs(found, [source], crawler=crawler, state=None, limits=Limits()):
            batch.append(_)
            if len(batch) == 200:
                refs += len(batch)
                batch = []
        refs += len(batch)
    else:  # before streaming: the run called discover() and held its lists
        found = discover_module.discover([source], crawler=crawler, state=None, limits=Limits())
        refs = len(found.refs)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(
        json.dumps(
            {
                "streaming": streaming,
                "seconds": round(time.perf_counter() - t0, 1),
                "rss_before_mib": round(before),
                "peak_rss_mib": round(peak),
                "peak_over_before_mib": round(peak - before),
                "page_refs": refs,
                "sitemaps_read": found.counts.get("sitemaps_read"),
                "sitemaps_over_limit": found.counts.get("sitemaps_over_limit"),
                "failure_rows": len(found.bad),
            }
        )
    )


# -- report ---------------------------------------------------------------------------------------------------


def report(results: dict, out: str) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{out}.json").write_text(json.dumps(results, indent=2, default=str) + "\n")
    lines = [f"# bench/limits.py ({results['when']}, {results['machine']})", ""]
    if "extract" in results:
        e = results["extract"]
        r = e["real_pages"]
        lines += [
            "## Memory per page: the extraction child",
            "",
            f"- {r['pages']} real pages (median {r['median_bytes'] / 1000:.0f} kB, "
            f"largest {r['max_bytes'] / 1000:.0f} kB): "
            f"child idle {r['child_idle_rss_mib']} MiB, peak per page median {r['child_peak_rss_mib_median']} MiB, "
            f"max {r['child_peak_rss_mib_max']} MiB.",
            "",
            "| real pages joined into one document | child peak RSS MiB | seconds | result |",
            "|---|---|---|---|",
        ]
        lines += [
            f"| {j['bytes'] / 1e6:.1f} MB ({j['pages_joined']} pages) | {j['child_peak_rss_mib']} "
            f"| {j['seconds']} | {j['result']} |"
            for j in e["joined_pages"]
        ]
        h = e["hostile_page"]
        lines += [
            "",
            f"- Hostile page ({h['bytes'] / 1e6:.1f} MB of tiny paragraphs), "
            f"memory limit {h['memory_limit_mib']:g} MiB: "
            f"`extract:{h['result']}` after {h['seconds']} s ({h['detail']}).",
            "",
        ]
    if "run" in results:
        r = results["run"]
        lines += [
            "## A whole run on large real pages",
            "",
            f"`newsetl run` over {r['pages']:,} copies of real pages (median {r['median_page_bytes'] / 1000:.0f} kB), "
            f"Prefect's temporary server: {r['seconds']} s, exit {r['exit_code']}, {r['articles']} new articles.",
            "",
            "| peak RSS (MiB) | run process | extraction child | process tree (Prefect server included) |",
            "|---|---|---|---|",
            f"| | {r['peak_rss_mib']['run']} | {r['peak_rss_mib']['extraction_child']} | {r['peak_rss_mib']['tree']} |",
            "",
        ]
    if "url" in results:
        u = results["url"]
        lines += [
            "## Seconds per URL against a slow server",
            "",
            f"Every answer after {u['hop_delay_s']} s (under the read timeout): 5 redirects, then 503. "
            f"Settings {u['settings']}.",
            "",
            f"- Measured: **{u['seconds']} s** for the URL ({u['requests']} requests, result `{u['result']}`).",
            f"- Without a per-URL deadline: {u['responses_without_a_deadline']} responses x {u['hop_delay_s']} s = "
            f"{u['seconds_without_a_deadline']} s.",
            "",
        ]
    for key in ("sitemaps", "sitemaps_before"):
        if key in results:
            s = results[key]
            lines += [
                f"## Sitemap discovery{' (code before streaming)' if key.endswith('before') else ''}",
                "",
                f"robots.txt naming {s['indexes']} indexes x {s['children_per_index']:,} children; max_sitemaps 1000. "
                f"Streaming: {s['streaming']}. {s['seconds']} s; peak RSS {s['peak_rss_mib']} MiB, "
                f"**{s['peak_over_before_mib']} MiB over the {s['rss_before_mib']} MiB before**; "
                f"{s['page_refs']:,} page references, "
                f"{s['sitemaps_read']} sitemaps read, {s['sitemaps_over_limit']} children over the limit, "
                f"{s['failure_rows']} failure rows.",
                "",
            ]
    (RESULTS / f"{out}.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=Path, help="a folder of real pages (*.html, *.html.gz)")
    parser.add_argument("--only", default="extract,run,url,sitemaps")
    parser.add_argument("--run-pages", type=int, default=2000)
    parser.add_argument("--hop-delay", type=float, default=19.0)
    parser.add_argument("--indexes", type=int, default=60)
    parser.add_argument("--out", default="limits")
    parser.add_argument("--merge", action="store_true", help="add to the results file instead of replacing it")
    parser.add_argument("--serve-slow", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--serve-sitemaps", nargs=2, help=argparse.SUPPRESS)
    parser.add_argument("--discover", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve_slow:
        return _slow_server(float(args.serve_slow[0]), args.serve_slow[1])
    if args.serve_sitemaps:
        return _sitemap_server(int(args.serve_sitemaps[0]), args.serve_sitemaps[1])
    if args.discover:
        return _discover(args.discover)
    only = set(args.only.split(","))
    results: dict = {}
    path = RESULTS / f"{args.out}.json"
    if args.merge and path.exists():
        results = json.loads(path.read_text())
    results.update(when=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"), machine=f"{os.cpu_count()} cores")
    if only & {"extract", "run"}:
        if not args.pages:
            sys.exit("--pages DIR is needed for extract and run")
        pages = read_pages(args.pages)
    if "extract" in only:
        results["extract"] = bench_extract(pages)
    if "run" in only:
        results["run"] = bench_run(pages, args.run_pages)
    if "url" in only:
        results["url"] = bench_url(args.hop_delay)
    if "sitemaps" in only:
        measured = bench_sitemaps(args.indexes)
        results["sitemaps" if measured["streaming"] else "sitemaps_before"] = measured
    report(results, args.out)


if __name__ == "__main__":
    threading.current_thread().name = "bench"
    main()
