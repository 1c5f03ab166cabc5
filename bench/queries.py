"""The example queries timed on a warehouse already built (e.g. `bench/scale.py --keep DIR`), without rebuilding.

    uv run python bench/queries.py /tmp/wh16/wh-100000                 # every query in warehouse/queries/
    uv run python bench/queries.py /tmp/wh16/wh-100000 -k about -n 9   # those whose name holds "about"
    uv run python bench/queries.py /tmp/wh16/wh-100000 --sql other.sql # an edited query beside them

Each query runs as `newsetl query` runs it (a locked-down read-only session): one warm-up each, then `-n`
rounds (5) of every query once, so queries compared side by side see the same load; the median of each.
`articles_about` also runs for two words the synthetic texts hold (bench/scale.py's
ABOUT_WORDS): its own words are in none of them. Prints one line per query and the load average; `--out`
writes them as JSON too.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from scale import ABOUT_HITS, QUERIES, about_with  # noqa: E402

from warehouse import catalog, lake  # noqa: E402


def timed(con, queries: list[tuple[str, str]], repeats: int) -> dict[str, list[float]]:
    """Each query once as a warm-up, then `repeats` rounds of each query once: queries compared side by side
    see the same load (the machine is shared), in ms."""
    for _, sql in queries:
        con.sql(sql).fetchall()
    times: dict[str, list[float]] = {name: [] for name, _ in queries}
    for _ in range(repeats):
        for name, sql in queries:
            t0 = time.perf_counter()
            con.sql(sql).fetchall()
            times[name].append(round((time.perf_counter() - t0) * 1000, 1))
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("warehouse", type=Path)
    parser.add_argument("-k", default="", help="only the shipped queries whose name holds this")
    parser.add_argument("-n", type=int, default=5, help="timed runs per query (after one warm-up)")
    parser.add_argument("--sql", type=Path, action="append", default=[], help="another query file to time")
    parser.add_argument("--out", type=Path, help="write the results here as JSON")
    args = parser.parse_args()
    queries = [(q.stem, q.read_text()) for q in QUERIES]
    about = dict(queries).get("articles_about")
    if about:
        queries.append((ABOUT_HITS, about_with(about)))
    queries = [(n, s) for n, s in queries if args.k in n] + [(p.stem, p.read_text()) for p in args.sql]
    lake.close_all()
    con = catalog.connect(args.warehouse, locked=True)  # as `newsetl query` runs them
    load_before = [round(x, 2) for x in os.getloadavg()]
    try:
        times = timed(con, queries, args.n)
    finally:
        con.close()
    results = {}
    for name, runs in times.items():
        results[name] = {"median_ms": round(statistics.median(runs), 1), "runs_ms": runs}
        print(f"{name:45s} {results[name]['median_ms']:9.1f} ms   {runs}")
    load = [round(x, 2) for x in os.getloadavg()]
    print(f"load average {load_before} before, {load} after")
    if args.out:
        summary = {"warehouse": str(args.warehouse), "load": [load_before, load], "queries": results}
        args.out.write_text(json.dumps(summary, indent=2))


if __name__ == "__main__":
    main()
