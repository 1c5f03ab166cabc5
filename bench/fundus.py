"""Metadata and text on Fundus' publisher test pages, newsetl beside bare trafilatura.

    uv run python bench/fundus.py DATA          # DATA: expected.jsonl and html/<page>.html.gz
    uv run python bench/fundus.py DATA --name fundus-dev --show 15

DATA is Fundus' `tests/resources/parser/test_data` turned into one `expected.jsonl` (github.com/flairNLP/fundus);
one line per page: page, publisher, latest, url, crawl_date, title, authors, publishing_date, plaintext.
Scored on the pages of each publisher's current parser (`latest`) as the main set, and on all pages.

- authors: names compared as sets per page (NFC, case-folded), TP/FP/FN summed over pages. Fundus counts
  organisations ("dpa", "Reuters") as authors, so two figures: *with organisations* (newsetl's people and
  byline organisations against everything Fundus lists) and *people only* (newsetl's people against Fundus'
  names less the organisations in `ORGANISATIONS` below, a labelling of Fundus' expected values);
- title: exact match after NFC, collapsing spaces and dropping invisible characters (soft hyphens, zero-width
  spaces: Fundus keeps some, "Helikopter\xadlandeplatz", which no reader sees);
- publish date: right to the day in the publisher's own offset (a whole-day expected value: the same day in UTC
  or in that offset), wrong, or missing;
- text: the ScrapingHub shingle metric against Fundus' plaintext (which starts with the article's summary);
- refused: pages newsetl did not take as an article (every page here is one).
"""

import argparse
import gzip
import json
import re
import statistics
import sys
import time
import unicodedata
from datetime import UTC, datetime, timedelta
from importlib.metadata import version
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import trafilatura  # noqa: E402

from bench.scoring import name_counts, page_f1, prf, shingle_counts, text_scores  # noqa: E402
from transforms.extract import ExtractOptions, Failure, extract_article  # noqa: E402

RESULTS = ROOT / "bench" / "results"

# Fundus' expected authors that are not people: agencies, newsrooms, the publisher itself. A labelling of the
# benchmark's values (for the people-only figure), not a rule newsetl uses.
ORGANISATIONS = {
    "afp", "afp deutschland", "anadolu ajansı", "associated press", "the associated press", "bbc news",
    "br24 redaktion", "der spiegel", "deutsche presse-agentur", "dpa", "euronews", "focus online", "gear team",
    "guardian staff reporter", "mdr sachsen-anhalt", "mm-redaktion", "mnd staff", "orf.at",
    "redaktion hessenschau.de", "reuters", "sda", "kicker", "mbl.is", "nieuwsblad.be", "ntv.com.tr",
    "sportschau.de", "última hora", "朝日新聞デジタル",
}  # fmt: skip


def load(data: Path) -> list[dict]:
    pages = []
    for line in (data / "expected.jsonl").read_text(encoding="utf-8").splitlines():
        if line.strip():
            page = json.loads(line)
            page["body"] = gzip.decompress((data / "html" / page["page"]).read_bytes())
            pages.append(page)
    return pages


_INVISIBLE = dict.fromkeys(map(ord, "\xad\u200b\u200c\u200d\u2060\ufeff"))


def _norm(text: str | None) -> str:
    return " ".join(unicodedata.normalize("NFC", text or "").translate(_INVISIBLE).split())


def crawl_time(page: dict) -> datetime:
    ts = datetime.fromisoformat(page["crawl_date"])
    return ts.replace(tzinfo=UTC) if ts.tzinfo is None else ts


def newsetl_side(page: dict) -> dict:
    result = extract_article(page["body"], url=page["url"], fetched_at=crawl_time(page), options=ExtractOptions())
    if isinstance(result, Failure):
        return {"refused": f"{result.reason}: {result.detail}", "people": [], "orgs": [], "title": None,
                "date": None, "text": ""}  # fmt: skip
    return {"refused": None, "people": result["authors"], "orgs": result["byline_org"], "title": result["title"],
            "date": result["published_at"], "text": result["text"]}  # fmt: skip


def trafilatura_side(page: dict) -> dict:
    html = page["body"].decode("utf-8", errors="replace")
    doc = trafilatura.bare_extraction(html, url=page["url"], with_metadata=True)
    if doc is None:
        return {"refused": "nothing extracted", "people": [], "orgs": [], "title": None, "date": None, "text": ""}
    authors = [a.strip() for a in (doc.author or "").split(";") if a.strip()]
    date = None
    if doc.date:
        try:
            date = datetime.fromisoformat(doc.date).replace(tzinfo=UTC)  # a day: compared as a whole day
        except ValueError:
            date = None
    return {"refused": None, "people": authors, "orgs": [], "title": doc.title, "date": date, "text": doc.text or "",
            "whole_day": True}  # fmt: skip


SIDES = {"newsetl": newsetl_side, "trafilatura": trafilatura_side}


def date_verdict(expected: str | None, got: datetime | None, whole_day: bool = False) -> str:
    """right | wrong | missing | no_expected."""
    if not expected:
        return "no_expected"
    if got is None:
        return "missing"
    want = datetime.fromisoformat(expected)
    if want.tzinfo is None:  # a whole day (or a local time) without offset: the day as written
        days = {got.astimezone(UTC).date()}
        if not whole_day:
            days |= {(got.astimezone(UTC) + timedelta(hours=h)).date() for h in (-5, 2, 9)}
        return "right" if want.date() in days else "wrong"
    if whole_day:  # the side gave a day without a time (trafilatura): that day, as the publisher wrote it
        return "right" if got.date() == want.date() else "wrong"
    return "right" if got.astimezone(want.tzinfo).date() == want.date() else "wrong"


def score(pages: list[dict], outputs: list[dict]) -> dict:
    with_orgs, people = [0, 0, 0], [0, 0, 0]
    cjk = [0, 0, 0]
    titles = dates_right = 0
    verdicts = {"right": 0, "wrong": 0, "missing": 0, "no_expected": 0}
    texts = []
    for page, out in zip(pages, outputs, strict=True):
        expected = page["authors"] or []
        for acc, exp, got in (
            (with_orgs, expected, out["people"] + out["orgs"]),
            (people, [a for a in expected if a.casefold() not in ORGANISATIONS], out["people"]),
        ):
            for i, n in enumerate(name_counts(exp, got)):
                acc[i] += n
        if any(_cjk(a) for a in expected):  # people and organisations: "朝日新聞デジタル" is one
            for i, n in enumerate(name_counts([a for a in expected if _cjk(a)], out["people"] + out["orgs"])):
                cjk[i] += n
        titles += _norm(out["title"]) == _norm(page["title"])
        verdict = date_verdict(page["publishing_date"], out["date"], out.get("whole_day", False))
        verdicts[verdict] += 1
        dates_right += verdict == "right"
        if page.get("plaintext"):
            texts.append(shingle_counts(page["plaintext"], out["text"]))
    dated = len(pages) - verdicts["no_expected"]
    return {
        "pages": len(pages),
        "authors_with_orgs": prf(*with_orgs),
        "authors_people": prf(*people),
        "authors_cjk": prf(*cjk),
        "title_exact": titles / len(pages),
        "dates": verdicts,
        "date_right_share": dates_right / dated if dated else 0.0,
        "text": text_scores(texts),
        "refused": sum(1 for o in outputs if o["refused"]),
    }


def _cjk(text: str) -> bool:
    return bool(re.search(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]", text))


def run(pages: list[dict]) -> dict[str, list[dict]]:
    for side in SIDES.values():
        side(pages[0])
    outputs: dict[str, list[dict]] = {name: [] for name in SIDES}
    for page in pages:
        for name, side in SIDES.items():
            t0 = time.process_time()
            out = side(page)
            out["cpu_s"] = time.process_time() - t0
            outputs[name].append(out)
    return outputs


def differences(pages: list[dict], outputs: dict, show: int) -> list[str]:
    """What newsetl got wrong, page by page: for reading, not for scoring."""
    lines = []
    for page, out in zip(pages, outputs["newsetl"], strict=True):
        if not page["latest"]:
            continue
        wrong = []
        exp = {a.casefold() for a in page["authors"] or []}
        got = {a.casefold() for a in out["people"] + out["orgs"]}
        if exp != got:
            wrong.append(f"authors {sorted(got)} ≠ {sorted(exp)}")
        if _norm(out["title"]) != _norm(page["title"]):
            wrong.append(f"title {out['title']!r} ≠ {page['title']!r}")
        verdict = date_verdict(page["publishing_date"], out["date"])
        if verdict in ("wrong", "missing"):
            wrong.append(f"date {verdict}: {out['date']} vs {page['publishing_date']}")
        if page.get("plaintext") and (f1 := page_f1(page["plaintext"], out["text"])) < 0.8:
            wrong.append(f"text F1 {f1:.2f}")
        if out["refused"]:
            wrong.append(f"refused: {out['refused']}")
        if wrong:
            lines.append(f"- {page['page']}: " + "; ".join(wrong))
    return lines[:show] if show >= 0 else lines


def _fmt(s: dict) -> str:
    return f"{s['precision']:.3f} / {s['recall']:.3f} / **{s['f1']:.3f}**"


def report(name: str, pages: list[dict], outputs: dict, show: int) -> None:
    subsets = {"latest": [i for i, p in enumerate(pages) if p["latest"]], "all": list(range(len(pages)))}
    results = {}
    for subset, idx in subsets.items():
        results[subset] = {
            side: score([pages[i] for i in idx], [outs[i] for i in idx]) for side, outs in outputs.items()
        }
    cpu = {side: 1000 * statistics.median(o["cpu_s"] for o in outs) for side, outs in outputs.items()}
    measured = datetime.now(UTC).isoformat(timespec="seconds")
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / f"{name}.json").write_text(json.dumps({
        "benchmark": name, "trafilatura": version("trafilatura"), "measured_at": measured, "results": results,
        "cpu_ms_median": cpu,
    }, indent=1))  # fmt: skip
    lines = [f"# Metadata and text: {name}", "",
             f"`uv run python bench/fundus.py <data> --name {name}`, trafilatura {version('trafilatura')}, {measured}.",
             "Authors P / R / F1; text by the ScrapingHub shingle metric against Fundus' plaintext."]  # fmt: skip
    for subset, idx in subsets.items():
        a, b = results[subset]["newsetl"], results[subset]["trafilatura"]
        lines += [
            "",
            f"## {subset} ({len(idx)} pages)"
            if subset == "all"
            else f"## latest parser per publisher ({len(idx)} pages)",
            "",
            "| metric | newsetl | bare trafilatura |",
            "|---|---|---|",
            f"| authors, with organisations | {_fmt(a['authors_with_orgs'])} | {_fmt(b['authors_with_orgs'])} |",
            f"| authors, people only | {_fmt(a['authors_people'])} | {_fmt(b['authors_people'])} |",
            f"| authors in CJK scripts | {_fmt(a['authors_cjk'])} | {_fmt(b['authors_cjk'])} |",
            f"| title exact | {a['title_exact']:.1%} | {b['title_exact']:.1%} |",
            f"| publish date right to the day | {a['date_right_share']:.1%} | {b['date_right_share']:.1%} |",
            f"| publish date wrong / missing | {a['dates']['wrong']} / {a['dates']['missing']} "
            f"| {b['dates']['wrong']} / {b['dates']['missing']} |",
            f"| body text F1 | {a['text']['f1']:.3f} | {b['text']['f1']:.3f} |",
            f"| pages refused as not an article | {a['refused']} | {b['refused']} |",
        ]
    lines += ["", f"CPU ms per page (median): newsetl {cpu['newsetl']:.1f}, trafilatura {cpu['trafilatura']:.1f}."]
    lines += ["", "## Where newsetl differs from Fundus (latest pages)", "", *differences(pages, outputs, show)]
    (RESULTS / f"{name}.md").write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data", type=Path, help="folder with expected.jsonl and html/")
    parser.add_argument("--name", default=None, help="results name (default: fundus-<folder name>)")
    parser.add_argument("--show", type=int, default=-1, help="pages listed where newsetl differs (-1: all)")
    args = parser.parse_args()
    if not (args.data / "expected.jsonl").exists():
        raise SystemExit(f"error: {args.data} has no expected.jsonl")
    pages = load(args.data)
    name = args.name or (args.data.name if args.data.name.startswith("fundus") else f"fundus-{args.data.name}")
    report(name, pages, run(pages), args.show)


if __name__ == "__main__":
    main()
