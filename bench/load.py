"""Memory of a big load: peak RSS of `newsetl run` over N synthetic article pages read from one WARC file.

    uv run python bench/load.py                       # 10,000 and 100,000 pages (~35 min on 2 cores)
    uv run python bench/load.py --sizes 2000          # a quick look

The pages are news-like HTML: sentences drawn from the bundled English sample articles, mixed with
sentences naming people, organisations and places drawn Zipf-like from ~1,300 / 120 / 30 names, 3-16
paragraphs (log-normal), 200 sites, dates over a year, and 2% syndicated copies of an earlier page under
another site's URL. They go into one .warc.gz, so the run has no network and each run reads the same way.

Each size is one `newsetl run <warc>` into an empty warehouse against a running `prefect server` (as a
scheduled deployment runs). A sampler reads the run process's resident memory (VmRSS) every second with
the number of batches committed so far, so the result shows whether memory grows with the run or stays flat;
the peak is the kernel's high-water mark (VmHWM). Results: bench/results/load-<sizes>.{json,md}.
"""

import argparse
import gzip
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
SAMPLE = ROOT / "flows" / "sample_pages"
RESULTS = ROOT / "bench" / "results"
ENGLISH_SITES = ("meridian-", "harbor-", "northfield-", "worldaffairs-")

# Names as space-separated words, split once.
FIRST = "James Maria Ahmed Chen Olga Pedro Aisha Tomas Ingrid Kwame Sofia Rahul Elena Yusuf Hannah Diego".split()  # noqa: SIM905
LAST = "Okafor Lindqvist Moreau Tanaka Haddad Novak Fischer Mensah Kowalski Duarte Rossi Park Ivanova Byrne".split()  # noqa: SIM905
ORG_WORDS = "Northern Atlantic Meridian Harbor Union Civic Federal Coastal Pacific Global United Alpine".split()  # noqa: SIM905
ORG_KINDS = "Bank Authority Council Institute Holdings Group Commission Agency Partners Ministry".split()  # noqa: SIM905
PLACES = (  # noqa: SIM905
    "Lisbon Nairobi Hamburg Rotterdam Malaga Seville Lyon Marseille Cologne Geneva Dushanbe Oslo Accra Lagos "
    "Krakow Porto Bilbao Antwerp Gdansk Tunis Valencia Leeds Bristol Cork Turin Graz Brno Tallinn Riga"
).split()
TEMPLATES = [
    "{p} told reporters in {g} that {o} would review the plan before the end of the year.",
    "According to {o}, the figures published in {g} on Monday showed a rise of {n} percent.",
    "{p}, who leads the {g} office of {o}, said the decision had been expected for months.",
    "Officials in {g} declined to comment, but {p} said talks with {o} were continuing.",
    "The {o} report, written by {p}, was presented to local leaders in {g} on Thursday.",
    "{p} of {o} warned that costs in {g} could climb by {n} percent next spring.",
]


class Pages:
    """Deterministic synthetic news pages."""

    def __init__(self, seed: int = 11, path: str = "news"):
        self.rng = np.random.default_rng(seed)
        self.path = path
        texts = []
        for path in sorted(SAMPLE.glob("*.html")):
            if path.name.startswith(ENGLISH_SITES) and "index" not in path.name and "teaser" not in path.name:
                texts += re.findall(r"<p>([^<]{40,})</p>", path.read_text(encoding="utf-8"))
        sentences = [s.strip().rstrip(".") + "." for t in texts for s in t.split(". ") if len(s) > 30]
        self.sentences = [s for s in sentences if not re.search(r"cookie|subscri|disagree|comment", s, re.I)]
        self.people = [f"{f} {m}{last}" for f in FIRST for m in ("", "A. ", "B. ", "C. ", "D. ") for last in LAST]
        self.people = [f"{f} {last}" for f in FIRST for last in LAST] + self.people
        self.orgs = [f"{w} {k}" for w in ORG_WORDS for k in ORG_KINDS]
        self.made: list[tuple[str, str]] = []  # (url, html) of recent pages, for syndicated copies

    def _pick(self, names: list[str]) -> str:
        return names[(self.rng.zipf(1.3) - 1) % len(names)]

    def _paragraph(self) -> str:
        out = []
        for _ in range(int(self.rng.integers(2, 5))):
            if self.rng.random() < 0.2:
                template = TEMPLATES[int(self.rng.integers(0, len(TEMPLATES)))]
                p, o, g = self._pick(self.people), self._pick(self.orgs), self._pick(PLACES)
                out.append(template.format(p=p, o=o, g=g, n=int(self.rng.integers(2, 40))))
            else:
                out.append(self.sentences[int(self.rng.integers(0, len(self.sentences)))])
        return " ".join(out)

    def page(self, i: int) -> tuple[str, bytes]:
        site = int(self.rng.integers(0, 200))
        url = f"https://site{site}.example/{self.path}/{i}"
        if self.made and self.rng.random() < 0.02:  # a syndicated copy of a recent page, under another site
            _, html = self.made[int(self.rng.integers(0, len(self.made)))]
            return url, re.sub(r'rel="canonical" href="[^"]+"', f'rel="canonical" href="{url}"', html).encode()
        published = datetime(2025, 11, 1, tzinfo=UTC) + timedelta(seconds=int(self.rng.integers(0, 365 * 86400)))
        n_paragraphs = int(np.clip(self.rng.lognormal(1.8, 0.4), 3, 16))
        body = "\n".join(f"<p>{self._paragraph()}</p>" for _ in range(n_paragraphs))
        title = f"{self._pick(self.orgs)} and {self._pick(PLACES)}: report {i}"
        author = self._pick(self.people)
        html = (
            f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{title}</title>'
            f'<link rel="canonical" href="{url}"><meta name="author" content="{author}">'
            f'<meta property="article:published_time" content="{published.isoformat()}"></head>'
            f"<body><nav><a href='/'>Home</a> <a href='/world'>World</a></nav><article><h1>{title}</h1>"
            f"<p class='byline'>By {author}</p>\n{body}\n</article><footer>© site{site}</footer></body></html>"
        )
        self.made = [*self.made[-499:], (url, html)]
        return url, html.encode()


def warc_record(i: int, url: str, html: bytes) -> bytes:
    block = (
        f"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: {len(html)}\r\n\r\n".encode()
        + html
    )
    head = (
        f"WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: {url}\r\nWARC-Date: 2026-11-20T10:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-{i:012d}>\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return gzip.compress(head.encode() + block + b"\r\n\r\n", compresslevel=1)


def make_warc(path: Path, n: int, url_path: str = "news", first_record: int = 0) -> int:
    """A WARC of `n` article pages under /`url_path`/; record ids from `first_record` on (a run skips a record
    id it has stored, so WARCs meant to be new to a warehouse need ids of their own)."""
    pages = Pages(path=url_path)
    with path.open("wb") as out:
        for i in range(n):
            url, html = pages.page(i)
            out.write(warc_record(first_record + i, url, html))
    return path.stat().st_size


def _status(pid: int) -> dict[str, int]:
    fields = {}
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            key, _, value = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                fields[key] = int(value.split()[0]) // 1024  # kB -> MiB
    return fields


def _tree_rss(pid: int) -> int:
    """VmRSS (MiB) of `pid` and all its descendants: a run's extraction and compaction children count too."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(") ", 1)[1].split()
        except (FileNotFoundError, ProcessLookupError, IndexError):
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            total += _status(current).get("VmRSS", 0)
        except (FileNotFoundError, ProcessLookupError):
            continue
        todo += children.get(current, [])
    return total


def sampled_run(cmd: list[str], env: dict, warehouse: Path) -> dict:
    """Run `cmd`, sampling its memory (the run's process, and its process tree) and committed batches every
    second."""
    proc = subprocess.Popen(cmd, env=env, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    samples, peak, peak_tree, t0 = [], 0, 0, time.perf_counter()
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak, peak_tree
        while not stop.wait(1.0):
            try:
                status = _status(proc.pid)
            except (FileNotFoundError, ProcessLookupError):
                return
            peak = max(peak, status.get("VmHWM", 0))
            tree = _tree_rss(proc.pid)
            peak_tree = max(peak_tree, tree)
            log_dir = warehouse / "_log"
            commits = sum(1 for _ in log_dir.glob("*.json")) if log_dir.exists() else 0
            if status.get("VmRSS"):  # absent once the process has exited
                samples.append((round(time.perf_counter() - t0, 1), status["VmRSS"], commits, tree))

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    stdout, stderr = proc.communicate()
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise SystemExit(f"run failed ({proc.returncode}):\n{stderr[-3000:]}")
    return {"wall_s": round(time.perf_counter() - t0, 1), "peak_rss_mib": peak, "peak_tree_rss_mib": peak_tree,
            "samples": samples,
            "summary": json.loads(stdout)}  # fmt: skip


def by_progress(samples: list, batches: int, column: int = 1) -> dict[str, int]:
    """RSS (MiB) when 10%, 25%, 50%, 75% and 100% of the batches were committed (approximately: compaction
    commits and checkpoints count too)."""
    out = {}
    for share in (0.10, 0.25, 0.50, 0.75, 1.0):
        target = max(1, int(batches * share))
        reached = [sample[column] for sample in samples if sample[2] >= target]
        if reached:
            out[f"{int(share * 100)}%"] = reached[0]
    return out


def per_five_minutes(samples: list, column: int) -> list[int]:
    """Median RSS (MiB) of each 5-minute window of the run: flat after warm-up is the target."""
    windows: dict[int, list[int]] = {}
    for sample in samples:
        windows.setdefault(int(sample[0] // 300), []).append(sample[column])
    return [int(statistics.median(v)) for _, v in sorted(windows.items())]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000")
    args = parser.parse_args()
    from throughput import start_prefect_server

    newsetl = Path(sys.executable).parent / "newsetl"
    results = []
    with tempfile.TemporaryDirectory(prefix="newsetl-load-") as tmp:
        work = Path(tmp)
        server, env = start_prefect_server(work)
        try:
            for size in [int(s) for s in args.sizes.split(",")]:
                warc = work / f"pages-{size}.warc.gz"
                t0 = time.perf_counter()
                warc_bytes = make_warc(warc, size)
                made_s = time.perf_counter() - t0
                warehouse = work / f"wh-{size}"
                cmd = [str(newsetl), "run", str(warc), "-w", str(warehouse), "--json"]
                run = sampled_run(cmd, env, warehouse)
                counts = run["summary"]["counts"]
                batches = -(-size // 200)
                result = {
                    "pages": size,
                    "warc_mib": round(warc_bytes / 2**20, 1),
                    "generate_s": round(made_s, 1),
                    "wall_s": run["wall_s"],
                    "articles_new": counts.get("articles_new", 0),
                    "duplicates": counts.get("duplicates", 0),
                    "entity_mentions": counts.get("entity_mentions", 0),
                    "failures": counts.get("failures", 0),
                    "peak_rss_mib": run["peak_rss_mib"],
                    "rss_by_progress_mib": by_progress(run["samples"], batches),
                    "peak_tree_rss_mib": run["peak_tree_rss_mib"],
                    "tree_rss_by_progress_mib": by_progress(run["samples"], batches, column=3),
                    "median_tree_rss_per_5_min_mib": per_five_minutes(run["samples"], column=3),
                    "median_rss_per_5_min_mib": per_five_minutes(run["samples"], column=1),
                    "samples": run["samples"],
                }
                results.append(result)
                print(json.dumps({k: v for k, v in result.items() if k != "samples"}), flush=True)
                shutil.rmtree(warehouse, ignore_errors=True)
                warc.unlink()
        finally:
            server.terminate()
            server.wait(timeout=30)
    write_results(results)


def write_results(results: list[dict]) -> None:
    name = "load-" + "-".join(str(r["pages"]) for r in results)
    RESULTS.mkdir(parents=True, exist_ok=True)
    machine = {"cpus": os.cpu_count(), "python": platform.python_version()}
    (RESULTS / f"{name}.json").write_text(json.dumps({"machine": machine, "results": results}, indent=2))
    sizes = [f"{r['pages']:,} pages" for r in results]
    shares = ["10%", "25%", "50%", "75%", "100%"]
    lines = [
        "# Load memory benchmark (bench/load.py)",
        "",
        f"{os.cpu_count()} cores, Python {platform.python_version()}; one `newsetl run` per size over one WARC "
        "file, into an empty warehouse, against a running `prefect server`; one run each.",
        "",
        "| | " + " | ".join(sizes) + " |",
        "|---|" + "---|" * len(results),
        "| peak RSS of the run's process (MiB, VmHWM) | " + " | ".join(str(r["peak_rss_mib"]) for r in results) + " |",
        "| peak RSS of its process tree, with extraction and compaction children (MiB, sampled each second) | "
        + " | ".join(str(r.get("peak_tree_rss_mib", "")) for r in results)
        + " |",
        "| median tree RSS per 5 minutes (MiB) | "
        + " | ".join(" → ".join(map(str, r.get("median_tree_rss_per_5_min_mib", []))) for r in results)
        + " |",
    ]
    for share in shares:
        cells = [str(r["rss_by_progress_mib"].get(share, "")) for r in results]
        lines.append(f"| RSS at {share} of batches committed (MiB) | " + " | ".join(cells) + " |")
    lines += [
        "| wall clock (s) | " + " | ".join(str(r["wall_s"]) for r in results) + " |",
        "| articles new / duplicates | "
        + " | ".join(f"{r['articles_new']:,} / {r['duplicates']:,}" for r in results)
        + " |",
        "| entity mentions | " + " | ".join(f"{r['entity_mentions']:,}" for r in results) + " |",
        "| failure rows | " + " | ".join(str(r["failures"]) for r in results) + " |",
        "| WARC size (MiB) | " + " | ".join(str(r["warc_mib"]) for r in results) + " |",
    ]
    (RESULTS / f"{name}.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
