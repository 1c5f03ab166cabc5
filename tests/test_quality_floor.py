"""The quality floor: a small fixed set of real pages from the public benchmarks (tests/fixtures/realpages), scored
with each benchmark's own metric; a change that makes extraction worse on them fails here. Like trafilatura's
evaluation gate: pinned floors a little under today's figures, and a hash of the corpus so the floors always
mean the same pages. The full development sets are scored by bench/aeb.py and bench/fundus.py."""

import hashlib
from pathlib import Path

import pytest

from bench import aeb, fundus
from bench.scoring import shingle_counts, text_scores

PAGES = Path(__file__).parent / "fixtures" / "realpages"
# Written by hashing the files below; change it only with the floors, when the corpus is changed on purpose.
CORPUS_SHA256 = "7c50cbda05df1b9080f1822423b5c1e2693fe507dd977e3e24196ab571864b89"


def corpus_hash() -> str:
    digest = hashlib.sha256()
    for path in sorted(p for p in PAGES.rglob("*") if p.is_file() and p.name != "README.md"):
        digest.update(path.relative_to(PAGES).as_posix().encode() + b"\0" + path.read_bytes())
    return digest.hexdigest()


def test_the_corpus_is_the_one_the_floors_were_set_on():
    assert corpus_hash() == CORPUS_SHA256


@pytest.fixture(scope="module")
def fundus_scores():
    pages = fundus.load(PAGES / "fundus")
    return fundus.score(pages, [fundus.newsetl_side(p) for p in pages])


def test_text_floor_on_scrapinghub_pages():
    pages = aeb.load(PAGES / "aeb")
    scores = text_scores(shingle_counts(p["expected"], aeb.newsetl_text(p)[0]) for p in pages)
    assert scores["pages"] == 10
    assert scores["f1"] >= 0.975, scores  # 0.985 when set; bare trafilatura 0.886


def test_metadata_floor_on_fundus_pages(fundus_scores):
    s = fundus_scores
    assert s["pages"] == 14 and s["refused"] == 0
    assert s["authors_with_orgs"]["f1"] >= 0.95, s["authors_with_orgs"]  # 1.000 when set; bare trafilatura 0.732
    assert s["authors_people"]["f1"] >= 0.95, s["authors_people"]  # 1.000; bare 0.686
    assert s["authors_cjk"]["f1"] == 1.0
    assert s["title_exact"] >= 13 / 14  # 14/14; bare 12/14
    assert s["dates"]["wrong"] == 0 and s["dates"]["right"] >= 13
    assert s["text"]["f1"] >= 0.94, s["text"]  # 0.949; bare 0.942
