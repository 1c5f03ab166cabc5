"""py3langid against lingua on the sample texts: accuracy at three text lengths, time per text, memory; and on
paragraphs in languages identifiers confuse (pt/es, da/no/sv, nl/de: bench/quality/close_languages.py).

    uv run --with lingua-language-detector python bench/langid_compare.py

Gold labels are the sample articles' own languages (sample/articles.py). Results: bench/results/langid.md.
"""

import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "sample"))
from articles import ARTICLES  # noqa: E402
from make_pages import SITES  # noqa: E402

sys.path.insert(0, str(ROOT))
from bench.quality.close_languages import TEXTS as CLOSE  # noqa: E402

SEED = (ROOT / "sample" / "seed_article.txt").read_text(encoding="utf-8")
NORWEGIAN = {"nb": "no", "nn": "no"}  # lingua says Bokmål (nb); py3langid and the texts say no


def cases() -> dict[str, list[tuple[str, str]]]:
    full, first, short = [], [], []
    for a in ARTICLES:
        paragraphs = list(a.paragraphs) or SEED.splitlines()
        lang = SITES[a.site]["lang"]
        full.append((" ".join(paragraphs), lang))
        first.append((paragraphs[0], lang))
        short.append((" ".join(paragraphs[0].split()[:8]), lang))
    close = [(text, lang) for lang, text in CLOSE]
    close_short = [(" ".join(text.split()[:8]), lang) for lang, text in CLOSE]
    return {"whole article": full, "first paragraph": first, "first 8 words": short,
            "close languages, paragraph": close, "close languages, first 8 words": close_short}  # fmt: skip


def rss_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(name, load, classify, data) -> dict:
    base = rss_mib()
    t0 = time.perf_counter()
    model = load()
    load_s = time.perf_counter() - t0
    row = {"identifier": name, "load_s": load_s, "rss_added_mib": rss_mib() - base}
    for label, items in data.items():
        times, correct = [], 0
        for text, gold in items * 5:
            t = time.perf_counter()
            got = classify(model, text)
            correct += NORWEGIAN.get(got, got) == gold
            times.append(time.perf_counter() - t)
        row[label] = (correct / (len(items) * 5), statistics.median(times) * 1000)
    return row


def main() -> None:
    data = cases()
    rows = []
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    rows.append(measure("py3langid", lambda: LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True),
                        lambda m, t: m.classify(t)[0], data))  # fmt: skip
    try:
        from lingua import LanguageDetectorBuilder
    except ImportError:
        print("lingua not installed: run with `uv run --with lingua-language-detector ...`", file=sys.stderr)
    else:
        rows.append(measure(
            "lingua (all languages, high accuracy)",
            lambda: LanguageDetectorBuilder.from_all_languages().with_preloaded_language_models().build(),
            lambda m, t: (lang := m.detect_language_of(t)) and lang.iso_code_639_1.name.lower(),
            data,
        ))  # fmt: skip
    n = {k: len(v) for k, v in data.items()}
    lines = ["# Language identification on the sample texts and on close languages", "",
             "Accuracy (ms per text, median) by text length; " + ", ".join(f"{k}: {v} texts" for k, v in n.items()), "",
             "| identifier | load s | RSS added MiB | " + " | ".join(data) + " |",
             "|---|---|---|" + "---|" * len(data)]  # fmt: skip
    for r in rows:
        cells = " | ".join(f"{r[k][0]:.2f} ({r[k][1]:.2f} ms)" for k in data)
        lines.append(f"| {r['identifier']} | {r['load_s']:.2f} | {r['rss_added_mib']:.0f} | {cells} |")
    out = ROOT / "bench" / "results" / "langid.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("\n".join(lines) + "\n")
    print("\n".join(lines))


if __name__ == "__main__":
    main()
