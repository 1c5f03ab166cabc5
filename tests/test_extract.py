"""HTML -> article rows on the bundled corpus and on bad input."""

from datetime import UTC, datetime

import pytest
from conftest import FIXTURES, SAMPLE_PAGES, SEED_PAGE, SEED_TEXT

from transforms.extract import ExtractOptions, Failure, extract_article

NOW = datetime(2026, 11, 28, 12, 0, tzinfo=UTC)
OPTIONS = ExtractOptions()


def extract(body: bytes, url: str = "https://site.example/page", **kw):
    return extract_article(body, url=url, fetched_at=NOW, options=kw.pop("options", OPTIONS), **kw)


def test_seed_page_text_is_word_for_word_and_metadata_right():
    article = extract(SEED_PAGE.read_bytes(), url=SEED_PAGE.as_uri())
    assert not isinstance(article, Failure), article
    assert article["text"].split() == SEED_TEXT.read_text(encoding="utf-8").split()
    assert article["title"] == "Lavrov warns CSTO: unresolved Syria crisis threatens international law"
    assert article["published_at"] == datetime(2013, 9, 23, 11, 42, tzinfo=UTC)
    assert article["date_source"] == "json-ld"
    assert article["sitename"] == "World Affairs Today"
    assert article["canonical_url"] == "https://www.worldaffairs.example/politics/2013/09/lavrov-csto-syria"
    assert article["domain"] == "worldaffairs.example"
    assert article["authors"] == ["Ivan Petrov"]
    assert article["language"] == "en" and article["language_score"] > 0.9
    assert article["tags"] == ["Russia", "CSTO", "Syria"]
    assert article["word_count"] == len(SEED_TEXT.read_text().split())


@pytest.mark.parametrize(
    "boilerplate",
    [
        "cookies",
        "Accept all",
        "Related stories",
        "Comments (3)",
        "Interesting read",
        "First!",
        "All rights reserved",
        "Share on Facebook",
        "File photo",
        "Subscribe",
        "Privacy policy",
        "Kerry and Lavrov meet in Geneva",
    ],
)
def test_seed_page_boilerplate_is_absent(boilerplate):
    article = extract(SEED_PAGE.read_bytes(), url=SEED_PAGE.as_uri())
    assert boilerplate not in article["text"]


@pytest.mark.parametrize(
    ("page", "date_source", "published", "authors", "language", "declared"),
    [
        (
            "meridian-lisbon-tram-strike.html",
            "json-ld",
            "2024-03-08T09:05:00+00:00",
            ["Rui Almeida", "Helen Okafor"],
            "en",
            "en",
        ),
        (
            "harbor-red-sea-insurance.html",
            "meta",
            "2024-03-09T11:20:00+00:00",
            ["Pieter de Vries", "Sarah Lindqvist"],
            "en",
            "en",
        ),
        (
            "northfield-flood-defences.html",
            "meta",
            "2024-03-12T00:00:00+00:00",
            ["Margaret Ellison", "Tom Hargreaves"],
            "en",
            "en",
        ),
        (
            "rheinblick-koeln-rheinbruecke-sanierung.html",
            "json-ld",
            "2024-03-08T09:30:00+00:00",
            ["Jana Becker", "Lukas Hoffmann"],
            "de",
            "de",
        ),
        (
            "diariosur-sevilla-sequia-embalses.html",
            "meta",
            "2024-03-13T00:00:00+00:00",
            ["Lucía Fernández"],
            "es",
            "es",
        ),
        # declares English, is French: the language comes from the text
        (
            "courrier-marseille-port-croisieres.html",
            "meta",
            "2024-03-12T10:45:00+00:00",
            ["Claire Dubois", "Marc Lefèvre"],
            "fr",
            "en",
        ),
    ],
)
def test_metadata_flavours(page, date_source, published, authors, language, declared):
    article = extract((SAMPLE_PAGES / page).read_bytes())
    assert not isinstance(article, Failure), article
    assert article["date_source"] == date_source
    assert article["published_at"] == datetime.fromisoformat(published)
    assert article["day"] == article["published_at"].date()
    assert article["authors"] == authors
    assert (article["language"], article["declared_language"]) == (language, declared)


@pytest.mark.parametrize(
    ("page", "reason"),
    [
        ("empty.html", "empty"),
        ("broken-truncated.html", "too_short"),
        ("meridian-world-index.html", "not_article"),
        ("harbor-paywalled-teaser.html", "too_short"),
    ],
)
def test_sample_pages_that_are_not_articles(page, reason):
    result = extract((SAMPLE_PAGES / page).read_bytes())
    assert isinstance(result, Failure)
    assert (result.stage, result.reason) == ("extract", reason)
    assert result.detail


def test_binary_file_is_not_html():
    result = extract((FIXTURES / "binary.bin").read_bytes())
    assert isinstance(result, Failure) and result.reason == "not_html"


def test_page_over_the_size_limit():
    big = b"<html><body>" + b"<p>" + b"word " * 1_100_000 + b"</p></body></html>"  # ~5.5 MB
    result = extract(big)
    assert isinstance(result, Failure) and result.reason == "too_large"


def test_whitespace_only_page_is_empty():
    assert extract(b"  \n\t ").reason == "empty"


def test_misdeclared_charset_is_recovered_by_detection():
    # cp1251 Russian text on a page that claims UTF-8: detection, not the claim, gives readable text.
    body = (FIXTURES / "cp1251_declared_utf8.html").read_bytes()
    article = extract(body)
    assert not isinstance(article, Failure), article
    assert "Государственной думы" in article["text"]
    assert article["language"] == "ru"


def test_undecodable_bytes_become_a_failure():
    body = (FIXTURES / "undecodable.html").read_bytes()
    result = extract(body)
    assert isinstance(result, Failure) and result.reason == "undecodable"


def test_charset_from_http_header_wins_over_guessing():
    html = (
        "<html><body><article><p>"
        + "Größere Brücken über den Rhein werden saniert. " * 20
        + "</p></article></body></html>"
    )
    article = extract(html.encode("latin-1"), content_type="text/html; charset=ISO-8859-1")
    assert "Größere Brücken über den Rhein" in article["text"]


def test_future_and_ancient_dates_are_not_trusted():
    html = (
        '<html><head><meta property="article:published_time" content="2099-01-01T00:00:00Z">'
        '<meta name="date" content="1970-01-01"></head><body><article><p>'
        + "A story about the harbour and the ships that use it every day. " * 10
        + "</p></article></body></html>"
    )
    article = extract(html.encode())
    assert article["published_at"] is None or article["published_at"] <= NOW
    assert article["date_source"] != "meta"


def test_record_hash_is_the_same_for_a_row_read_back_from_parquet():
    import pyarrow as pa

    from transforms.extract import record_hash
    from warehouse.schemas import ARTICLES

    page = SEED_PAGE.read_bytes()
    row = extract_article(
        page, url="https://x.example/a", fetched_at=datetime(2026, 11, 1, tzinfo=UTC), options=OPTIONS
    )
    full = {f.name: row.get(f.name) for f in ARTICLES} | {"page_id": "p", "version": 1, "run_id": "r"}
    back = pa.Table.from_pylist([full], schema=ARTICLES).to_pylist()[0]
    assert back["published_at"] is not None and record_hash(back) == row["record_hash"]
    assert record_hash(back | {"authors": ["Someone Else"]}) != row["record_hash"]
