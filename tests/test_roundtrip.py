"""Property: any valid article row written by the warehouse comes back unchanged through the DuckLake, both as
written and after maintenance has merged its files."""

from datetime import UTC, date, datetime
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from warehouse import catalog, lake, maintain, writer

texts = st.text(max_size=200)
timestamps = st.datetimes(min_value=datetime(1995, 1, 1), max_value=datetime(2100, 1, 1), timezones=st.just(UTC))


@st.composite
def article_rows(draw):
    published = draw(st.none() | timestamps)
    extracted = draw(timestamps)
    return {
        "article_id": draw(st.text(alphabet="0123456789abcdef", min_size=16, max_size=16)),
        "version": draw(st.integers(1, 2**31 - 1)),
        "page_id": draw(texts), "url": draw(texts), "canonical_url": draw(texts), "domain": draw(texts),
        "title": draw(st.none() | texts), "authors": draw(st.lists(texts, max_size=4)),
        "published_at": published, "date_source": draw(st.none() | st.sampled_from(["json-ld", "meta", "htmldate"])),
        "day": (published or extracted).date(), "language": draw(st.none() | st.sampled_from(["en", "de", "zh"])),
        "language_score": draw(st.none() | st.floats(0, 1, width=32)), "declared_language": draw(st.none() | texts),
        "sitename": draw(st.none() | texts), "description": draw(st.none() | texts),
        "tags": draw(st.lists(texts, max_size=4)), "text": draw(texts), "word_count": draw(st.integers(0, 2**31 - 1)),
        "content_hash": draw(texts), "simhash": draw(st.integers(0, 2**64 - 1)), "duplicate_of": draw(st.none() | texts),
        "extractor": draw(texts), "extracted_at": extracted, "run_id": draw(texts),
        "title_source": draw(st.none() | st.sampled_from(["json-ld", "meta", "h1", "title-tag", "trafilatura"])),
        "byline_org": draw(st.lists(texts, max_size=2)), "authors_source": draw(st.none() | texts),
        "undateable": published is None, "modified_at": draw(st.none() | timestamps),
        "language_source": draw(st.none() | st.sampled_from(["text", "declared"])),
        "language_reliable": draw(st.none() | st.booleans()), "language_mismatch": draw(st.none() | st.booleans()),
    }  # fmt: skip


@pytest.fixture(scope="module")
def root(tmp_path_factory):
    path = tmp_path_factory.mktemp("roundtrip")
    lake.connect(path, create=True).close()
    return path


def read_back(root: Path) -> list[dict]:
    con = catalog.connect(root)
    try:
        rel = con.sql("SELECT * FROM article_versions")
        return sorted(
            (dict(zip(rel.columns, r, strict=True)) for r in rel.fetchall()),
            key=lambda r: (r["article_id"], r["version"]),
        )
    finally:
        con.close()


def same(got: list[dict], rows: list[dict]) -> None:
    want = sorted(rows, key=lambda r: (r["article_id"], r["version"]))
    for g, w in zip(got, want, strict=True):
        g = dict(g)
        if w["language_score"] is not None:
            assert abs(g.pop("language_score") - w["language_score"]) < 1e-6
            w = {k: v for k, v in w.items() if k != "language_score"}
        for key in ("published_at", "extracted_at", "modified_at"):
            if g[key] is not None:
                g[key] = g[key].astimezone(UTC)
        assert {k: g[k] for k in w} == w
    assert len(got) == len(want) and isinstance(want[0]["day"], date)


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture]
)
@given(rows=st.lists(article_rows(), min_size=1, max_size=6, unique_by=lambda r: (r["article_id"], r["version"])))
def test_article_rows_round_trip_through_the_catalog_and_parquet(root, rows):
    with lake.session(root) as con:
        con.execute("DELETE FROM article_versions")
    writer.write(root, "articles", rows)
    same(read_back(root), rows)
    maintain.maintain(root, tables=["articles"])
    same(read_back(root), rows)  # from the merged file
