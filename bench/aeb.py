"""Text extraction on the ScrapingHub article-extraction-benchmark, newsetl beside bare trafilatura.

    uv run python bench/aeb.py DATA            # DATA: a folder with ground-truth.json and html/<id>.html.gz
    uv run python bench/aeb.py DATA --name aeb-dev --show 10

DATA is a checkout of github.com/scrapinghub/article-extraction-benchmark (or part of it). Scored with the
benchmark's own shingle metric (bench/scoring.py). Sides, each over the same pages in this one process:
newsetl's extraction (`transforms.extract.extract_article`, what a run stores in `articles.text`), and
`trafilatura.extract` with its defaults and with `favor_precision`. Results: bench/results/<name>.{json,md}.
"""

import argparse
import gzip
import json
import statistics
import sys
import time
from datetime import UTC, datetime
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from bench.scoring import page_f1, shingle_counts, text_scores  # noqa: E402
from transforms.extract import ExtractOptions, Failure, extract_article  # noqa: E402

RESULTS = ROOT / "bench" / "results"
FETCHED_AT = datetime(2030, 1, 1, tzinfo=UTC)  # after every page: no date is refused as "in the future"


def load(data: Path) -> list[dict]:
    truth = json.loads((data / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id, item in sorted(truth.items()):
        path = data / "html" / f"{page_id}.html.gz"
        if path.exists():
            pages.append({"id": page_id, "url": item.get("url") or "", "body": gzip.decompress(path.read_bytes()),
                          "expected": item.get("articleBody") or ""})  # fmt: skip
    return pages


def newsetl_text(page: dict) -> tuple[str, str | None]:
    result = extract_article(page["body"], url=page["url"], fetched_at=FETCHED_AT, options=ExtractOptions())
    if isinstance(result, Failure):
        return "", f"{result.reason}: {result.detail}"
    return result["text"], None


def trafilatura_text(page: dict, **options) -> tuple[str, str | None]:
    html = page["body"].decode("utf-8", errors="replace")
    return trafilatura.extract(html, url=page["url"], **options) or "", None


SIDES = {
    "newsetl": newsetl_text,
    "trafilatura": trafilatura_text,
    "trafilatura (favor_precision)": lambda page: trafilatura_text(page, favor_precision=True),
}


def run(pages: list[dict]) -> dict:
    for side in SIDES.values():  # warm-up: lazy imports and caches are not any page's cost
        side(pages[0])
    per_page = {name: [] for name in SIDES}
    for page in pages:
        for name, side in SIDES.items():
            t0 = time.process_time()
            text, failure = side(page)
            cpu = time.process_time() - t0
            expected = page["expected"]
            per_page[name].append(
                {"id": page["id"], "url": page["url"], "counts": shingle_counts(expected, text),
                 "f1": page_f1(expected, text), "cpu_s": cpu, "failure": failure}
            )  # fmt: skip
    return per_page


def report(name: str, pages: list[dict], per_page: dict, show: int) -> None:
    sides = {}
    for side, rows in per_page.items():
        sides[side] = {
            **text_scores(r["counts"] for r in rows),
            "cpu_ms_median": 1000 * statistics.median(r["cpu_s"] for r in rows),
            "cpu_s_total": sum(r["cpu_s"] for r in rows),
            "failures": [{"id": r["id"], "failure": r["failure"]} for r in rows if r["failure"]],
        }
    ours, bare = per_page["newsetl"], per_page["trafilatura"]
    worst = sorted(zip(ours, bare, strict=True), key=lambda pair: pair[0]["f1"] - pair[1]["f1"])
    result = {
        "benchmark": name,
        "pages": len(pages),
        "trafilatura": version("trafilatura"),
        "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
        "sides": sides,
        "per_page": {
            side: [{k: r[k] for k in ("id", "f1", "cpu_s", "failure")} for r in rows] for side, rows in per_page.items()
        },
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps(result, indent=1))
    lines = [
        f"# Text extraction: {name} ({len(pages)} pages)",
        "",
        f"`uv run python bench/aeb.py <data> --name {name}`, trafilatura {version('trafilatura')}, "
        f"{result['measured_at']}. The benchmark's own metric (4-gram shingles, per-page means).",
        "",
        "| side | precision | recall | F1 | CPU ms per page (median) | failures |",
        "|---|---|---|---|---|---|",
    ]
    for side, s in sides.items():
        lines.append(f"| {side} | {s['precision']:.3f} | {s['recall']:.3f} | **{s['f1']:.3f}** "
                     f"| {s['cpu_ms_median']:.1f} | {len(s['failures'])} |")  # fmt: skip
    lines += ["", "Pages where newsetl trails trafilatura most (F1 newsetl / trafilatura):", ""]
    lines += [f"- {a['url'] or a['id']}: {a['f1']:.3f} / {b['f1']:.3f}" for a, b in worst[:show] if a["f1"] < b["f1"]]
    if sides["newsetl"]["failures"]:
        lines += ["", "newsetl refused:", ""] + [f"- {f['id']}: {f['failure']}" for f in sides["newsetl"]["failures"]]
    (RESULTS / f"{name}.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder with ground-truth.json and html/")
    parser.add_argument("--name", default=None, help="results name (default: aeb-<folder name>)")
    parser.add_argument("--show", type=int, default=10, help="worst pages listed against trafilatura")
    args = parser.parse_args()
    if not (args.data / "ground-truth.json").exists():
        raise SystemExit(f"error: {args.data} has no ground-truth.json (a checkout of article-extraction-benchmark?)")
    pages = load(args.data)
    name = args.name or (args.data.name if args.data.name.startswith("aeb") else f"aeb-{args.data.name}")
    report(name, pages, run(pages), args.show)


if __name__ == "__main__":
    main()
