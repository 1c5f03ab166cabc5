"""Metrics of the public benchmarks, re-implemented from their own definitions (bench/aeb.py, bench/fundus.py).

- `shingle_counts`: the ScrapingHub article-extraction-benchmark's text metric. Tokens are `\\w+` (Unicode, case
  kept); shingles are 4-grams of tokens (a text shorter than 4 tokens is one shingle); a page's TP/FP/FN are the
  multiset overlaps of shingle counts, normalised so TP + FP + FN = 1. Precision is the mean over pages with
  TP + FP > 0 of TP / (TP + FP), recall the mean over pages with TP + FN > 0 of TP / (TP + FN), a page whose
  FP = FN = 0 scoring 1 on both; F1 comes from the two means.
- `name_counts`: set overlap of names per page (NFC, case-folded, spaces collapsed), summed over pages.
"""

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable

_TOKEN = re.compile(r"\w+", re.UNICODE)


def _shingles(text: str | None, n: int = 4) -> Counter:
    tokens = _TOKEN.findall(text or "")
    return Counter(tuple(tokens[i : i + n]) for i in range(max(1, len(tokens) - n + 1)) if tokens[i : i + n])


def shingle_counts(expected: str | None, got: str | None) -> tuple[float, float, float]:
    """(TP, FP, FN) of one page, normalised to sum to 1 (all 0 when both texts are empty)."""
    want, have = _shingles(expected), _shingles(got)
    tp = sum((want & have).values())
    fp = sum((have - want).values())
    fn = sum((want - have).values())
    total = tp + fp + fn
    return (tp / total, fp / total, fn / total) if total else (0.0, 0.0, 0.0)


def page_precision(tp: float, fp: float, fn: float) -> float | None:
    if fp == fn == 0 and tp > 0:
        return 1.0
    return tp / (tp + fp) if tp + fp > 0 else None


def page_recall(tp: float, fp: float, fn: float) -> float | None:
    if fp == fn == 0 and tp > 0:
        return 1.0
    return tp / (tp + fn) if tp + fn > 0 else None


def text_scores(pages: Iterable[tuple[float, float, float]]) -> dict:
    """Benchmark-level precision, recall and F1 from per-page (TP, FP, FN)."""
    pages = list(pages)
    precisions = [p for c in pages if (p := page_precision(*c)) is not None]
    recalls = [r for c in pages if (r := page_recall(*c)) is not None]
    p = sum(precisions) / len(precisions) if precisions else 0.0
    r = sum(recalls) / len(recalls) if recalls else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "pages": len(pages)}


def page_f1(expected: str | None, got: str | None) -> float:
    tp, fp, fn = shingle_counts(expected, got)
    p, r = page_precision(tp, fp, fn) or 0.0, page_recall(tp, fp, fn) or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def name_key(name: str) -> str:
    return " ".join(unicodedata.normalize("NFC", name).casefold().split())


def name_counts(expected: Iterable[str], got: Iterable[str]) -> tuple[int, int, int]:
    """(TP, FP, FN) of one page's names, compared as sets of `name_key`s."""
    want = {name_key(n) for n in expected if n and n.strip()}
    have = {name_key(n) for n in got if n and n.strip()}
    return len(want & have), len(have - want), len(want - have)


def prf(tp: int, fp: int, fn: int) -> dict:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"precision": p, "recall": r, "f1": 2 * p * r / (p + r) if p + r else 0.0, "tp": tp, "fp": fp, "fn": fn}
