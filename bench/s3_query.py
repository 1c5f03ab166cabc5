"""DuckDB over an S3 warehouse: the example queries, three ways, on the same synthetic warehouse.

    uv run python bench/s3_query.py                 # 10k articles
    uv run python bench/s3_query.py --size 100000

duckdb 2.0.1 has no httpfs extension here (none installs offline, and PyPI's duckdb-extension-httpfs exists
only for 1.5.5), so an S3 warehouse reaches DuckDB as Arrow datasets (pyarrow's S3 filesystem) registered on
each connection (warehouse/catalog.py). This measures what that costs:
- `local read_parquet`: the warehouse on local disk, the catalog as for every local warehouse;
- `local Arrow datasets`: the same files, read through registered Arrow datasets (the S3 path, without S3);
- `S3 (moto) Arrow datasets`: the same warehouse in a bucket of moto's S3 server on 127.0.0.1 (a Python server
  on the same cores: no network latency, but slower per request than S3 itself).
The warehouse is bench/scale.py's (200 sites, ~10 mentions per article), written in commits of --batch
articles. Each query: one warm-up, then the median of --repeats. Also: opening a connection (reading the log,
registering the tables). Results: bench/results/s3-query-<size>.{json,md}.
"""

import argparse
import json
import logging
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.scale import RESULTS, generate  # noqa: E402
from bench.scale import time_queries_on as time_queries  # noqa: E402
from warehouse import catalog, log, storage, writer  # noqa: E402
from warehouse.schemas import TABLES  # noqa: E402


def connect_local_datasets(local: Path, s3_root: Path):
    """The S3 warehouse's catalog (its views read registered datasets), fed the local copy's files."""
    import duckdb

    con = duckdb.connect(str(s3_root / catalog.CATALOG_FILE), read_only=True)
    snapshot = log.read(local)
    for name in TABLES:
        dataset = writer.dataset(local, name, writer.files(local, name, snapshot), with_month=True)
        con.register(catalog.remote_relation(name), dataset)
    return con


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--size", type=int, default=10_000)
    parser.add_argument("--batch", type=int, default=2000)
    parser.add_argument("--repeats", type=int, default=5)
    args = parser.parse_args()

    import boto3
    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    endpoint = f"http://{host}:{port}"
    os.environ.update(AWS_ACCESS_KEY_ID="bench", AWS_SECRET_ACCESS_KEY="bench", AWS_REGION="us-east-1")
    boto3.client("s3", endpoint_url=endpoint).create_bucket(Bucket="bench")
    work = Path(tempfile.mkdtemp(prefix="newsetl-bench-s3-"))
    try:
        local = work / "local"
        s3_root = storage.local_root("s3://bench/warehouse", work / "s3-working", endpoint=endpoint)
        built = {}
        for name, root in (("local", local), ("s3", s3_root)):
            t0 = time.perf_counter()
            generate(root, args.size, args.batch)  # the same seed: the same rows
            built[name] = round(time.perf_counter() - t0, 1)
            print(f"generated {name} in {built[name]} s", file=sys.stderr)
        opening = {}
        for name, connect in (
            ("local read_parquet", lambda: catalog.connect(local)),
            ("S3 (moto) Arrow datasets", lambda: catalog.connect(s3_root)),
        ):
            times = []
            for _ in range(args.repeats):
                t0 = time.perf_counter()
                connect().close()
                times.append(time.perf_counter() - t0)
            opening[name] = round(statistics.median(times) * 1000, 1)
        queries = {
            "local read_parquet": time_queries(catalog.connect(local), args.repeats),
            "local Arrow datasets": time_queries(connect_local_datasets(local, s3_root), args.repeats),
            "S3 (moto) Arrow datasets": time_queries(catalog.connect(s3_root), args.repeats),
        }
    finally:
        server.stop()
    report(args, built, opening, queries)


def report(args, built, opening, queries) -> None:
    result = {"size": args.size, "batch": args.batch, "repeats": args.repeats, "cpus": os.cpu_count(),
              "measured_at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "generate_s": built,
              "connect_ms": opening, "query_ms": queries}  # fmt: skip
    RESULTS.mkdir(parents=True, exist_ok=True)
    out = RESULTS / f"s3-query-{args.size}"
    out.with_suffix(".json").write_text(json.dumps(result, indent=2))
    ways = list(queries)
    lines = [
        f"# DuckDB over an S3 warehouse: {args.size:,} articles ({result['measured_at']}, {os.cpu_count()} CPUs)",
        "",
        f"Median of {args.repeats} after a warm-up, milliseconds. Ratio: against local read_parquet.",
        "",
        "| query | " + " | ".join(ways) + " |",
        "|---|" + "---|" * len(ways),
    ]
    base = queries[ways[0]]
    for q in base:
        cells = [f"{queries[w][q]:.1f} ({queries[w][q] / base[q]:.2f}x)" for w in ways]
        lines.append(f"| {q} | " + " | ".join(cells) + " |")
    totals = {w: sum(queries[w].values()) for w in ways}
    cells = [f"{totals[w]:.0f} ({totals[w] / totals[ways[0]]:.2f}x)" for w in ways]
    lines.append("| **all** | " + " | ".join(cells) + " |")
    lines += ["", "Opening a connection (ms, median): " + ", ".join(f"{k} {v}" for k, v in opening.items()) + "."]
    lines += [f"Writing the warehouse (s): local {built['local']}, S3 (moto) {built['s3']}."]
    out.with_suffix(".md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
