"""The hand-annotated gold set is consistent with itself: every annotated surface is on its page, annotations do
not cut through one another, one surface means one thing on a page, and gold.jsonl is what the specs render to.

These are checks on the gold data, not on the pipeline (bench/quality scores the pipeline against it).
"""

import json
import re
from collections import defaultdict
from pathlib import Path

import pytest

from bench.quality.render import GOLD, all_specs, gold_record
from bench.quality.specs_fresh_en import FRESH_EN
from bench.quality.specs_fresh_fr import FRESH_FR

LABELS = {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
SPECS = [a for a in all_specs() if a.is_article and a.ents]
FRESH = FRESH_EN + FRESH_FR


def occurrences(surface: str, text: str) -> list[tuple[int, int]]:
    """Whole-word occurrences, as bench/quality counts gold mentions."""
    return [(m.start(), m.end()) for m in re.finditer(rf"(?<!\w){re.escape(surface)}(?!\w)", text)]


@pytest.mark.parametrize("a", SPECS, ids=lambda a: a.slug)
def test_each_surface_is_on_its_page_once_meant(a):
    text = f"{a.title}\n{a.text}"
    meaning = {}
    for surface, canonical, label in a.ents:
        assert label in LABELS, f"{surface!r}: unknown label {label}"
        assert occurrences(surface, text), f"{surface!r} is annotated but not on the page"
        assert meaning.setdefault(surface, (canonical, label)) == (canonical, label), f"{surface!r} means two things"


@pytest.mark.parametrize("a", SPECS, ids=lambda a: a.slug)
def test_annotations_nest_and_do_not_cross(a):
    """Longest surface first, as the benchmark takes them: a shorter one inside a longer one is skipped there,
    but two that overlap without one containing the other would make the gold depend on the order."""
    text = f"{a.title}\n{a.text}"
    taken: list[tuple[int, int, str]] = []
    for surface, _, _ in sorted(a.ents, key=lambda e: -len(e[0])):
        for start, end in occurrences(surface, text):
            for s, e, other in taken:
                crosses = start < e and s < end and not (s <= start and end <= e)
                assert not crosses, f"{surface!r} at {start} cuts through {other!r}"
            if not any(start < e and s < end for s, e, _ in taken):
                taken.append((start, end, surface))


def test_fresh_pages_are_marked_and_sized():
    assert len(FRESH_EN) == 25 and len(FRESH_FR) == 10
    assert all(a.fresh and a.slug.startswith("fresh-") for a in FRESH)
    assert {a.lang for a in FRESH_FR} == {"fr"} and {a.lang for a in FRESH_EN} == {"en"}
    assert not any(a.fresh for a in all_specs() if a not in FRESH)
    for a in FRESH:
        words = len(re.findall(r"\w+", a.text))
        assert 150 <= words <= 400, f"{a.slug}: {words} words"
        assert a.title and a.date and a.ents


def test_one_canonical_one_label_across_fresh_pages():
    labels = defaultdict(set)
    for a in FRESH:
        for _, canonical, label in a.ents:
            labels[canonical].add(label)
    assert {c: ls for c, ls in labels.items() if len(ls) > 1} == {}


def test_gold_jsonl_is_rendered_from_the_specs():
    rows = [json.loads(line) for line in Path(GOLD).read_text(encoding="utf-8").splitlines()]
    assert rows == [gold_record(a) for a in all_specs()], "rerun: uv run python -m bench.quality.render"
    assert sum(r["fresh"] for r in rows) == len(FRESH)
