"""Crawling across runs, through the real flow: a site with a feed, a sitemap and a WARC archive, served on
127.0.0.1; Prefect's local server; the warehouse read back with DuckDB.

One module-scoped site and warehouse; the tests run in order, each a run of its own: first crawl, a second
run that fetches nothing new, --refetch with conditional requests, a lost crawl state, then reprocess.
"""

import json
import shutil
from datetime import UTC, datetime

import pytest
from conftest import SAMPLE_PAGES
from test_discover import http_response, warc_record
from typer.testing import CliRunner
from webserver import FaultServer, Route

from flows.cli import app
from warehouse import catalog, lake

pytestmark = pytest.mark.slow

ARTICLES = {  # path -> sample page served there
    "/news/ecb": "meridian-ecb-holds-rates.html",
    "/news/lisbon": "meridian-lisbon-tram-strike.html",
    "/news/lagarde": "meridian-ecb-lagarde-june.html",
    "/port/maersk": "harbor-maersk-results.html",
    "/port/rotterdam": "harbor-port-of-rotterdam-automation.html",
}
UNDATED_TEXT = " ".join(
    "The city council approved a new plan for cycle lanes along the river, after a long debate about parking."
    for _ in range(6)
)
UNDATED = f"<html><body><div class='content'><p>{UNDATED_TEXT}</p><p>{UNDATED_TEXT}</p></div></body></html>"


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    web = FaultServer()
    base = web.base
    web.routes["/robots.txt"] = Route(
        f"User-agent: *\nDisallow: /private/\nSitemap: {base}/news-sitemap.xml\n".encode(), content_type="text/plain"
    )
    web.routes["/"] = Route(
        b'<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml"></head><body>hi</body></html>'
    )
    items = "".join(
        f"<item><title>{title}</title><link>{base}{path}</link><pubDate>{date}</pubDate></item>"
        for path, title, date in [
            ("/news/ecb", "ECB holds", "Thu, 05 Jun 2025 09:00:00 GMT"),
            ("/news/lisbon", "Lisbon strike", "Thu, 05 Jun 2025 09:00:00 GMT"),
            ("/news/lagarde", "Lagarde", "Thu, 05 Jun 2025 09:00:00 GMT"),
            ("/news/cycle-lanes", "Council approves cycle lanes", "Wed, 25 Nov 2026 07:15:00 GMT"),
            ("/news/removed", "Removed story", "Wed, 25 Nov 2026 07:15:00 GMT"),
            ("/private/draft", "Draft", "Wed, 25 Nov 2026 07:15:00 GMT"),
        ]
    )
    web.routes["/rss.xml"] = Route(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>M</title>{items}</channel></rss>'.encode(),
        content_type="application/rss+xml",
        headers={"ETag": '"rss-1"'},
    )
    web.routes["/news-sitemap.xml"] = Route(  # no validators: listed again every run
        (
            '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{base}/port/maersk</loc></url><url><loc>{base}/port/rotterdam?utm_source=x</loc></url>"
            "</urlset>"
        ).encode(),
        content_type="application/xml",
    )
    for path, name in ARTICLES.items():
        web.routes[path] = Route((SAMPLE_PAGES / name).read_bytes(), headers={"ETag": f'"{path}-v1"'})
    web.routes["/news/cycle-lanes"] = Route(UNDATED.encode(), headers={"ETag": '"cycle-v1"'})
    web.routes["/private/draft"] = Route(b"<html>secret</html>")

    folder = tmp_path_factory.mktemp("site")
    archive = folder / "archive.warc.gz"
    archive.write_bytes(
        warc_record(
            "response",
            "https://northfield.example/library",
            http_response((SAMPLE_PAGES / "northfield-library-reopens.html").read_bytes()),
        )
        + warc_record("revisit", "https://northfield.example/library", b"HTTP/1.1 200 OK\r\n\r\n")
    )
    sources = folder / "sources.toml"
    sources.write_text(
        f"""
[sources.meridian]
kind = "feed"
url = "{base}/"

[sources.harbor]
kind = "sitemap"
url = "{base}/robots.txt"

[sources.archive]
kind = "warc"
path = "archive.warc.gz"
"""
    )
    yield web, sources, tmp_path_factory.mktemp("wh")
    web.close()


def run(prefect_harness, sources, root, *extra):
    result = CliRunner().invoke(
        app, ["run", "--sources", str(sources), "-w", str(root), "--allow-private", "--json", *extra]
    )
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


def article_hits(web) -> int:
    return sum(len(web.hits(p)) for p in [*ARTICLES, "/news/cycle-lanes"])


@pytest.fixture(autouse=True)
def fast_politeness(monkeypatch):
    monkeypatch.setenv("NEWSETL_HOST_INTERVAL", "0.02")
    monkeypatch.setenv("NEWSETL_BACKOFF", "0.01")


def test_first_run_reads_feed_sitemap_and_warc(prefect_harness, site):
    web, sources, root = site
    summary = run(prefect_harness, sources, root)
    c = summary["counts"]
    con = catalog.connect(root)
    by_source = dict(
        con.sql("SELECT p.source, count(*) FROM articles a JOIN pages p USING (page_id) GROUP BY 1").fetchall()
    )
    assert by_source == {"meridian": 4, "harbor": 2, "archive": 1}
    # the undated page takes its date and title from the feed, and says so
    undated = con.sql("SELECT title, published_at, date_source FROM articles WHERE url LIKE '%cycle-lanes'").fetchall()
    assert undated == [("Council approves cycle lanes", datetime(2026, 11, 25, 7, 15, tzinfo=UTC), "feed")]
    reasons = dict(con.sql("SELECT regexp_extract(url, '[^/]+$'), reason FROM failures").fetchall())
    assert reasons == {"removed": "http_404", "draft": "robots_disallowed", "library": "warc_revisit"}
    assert web.hits("/private/draft") == []
    # every URL accounted for: a page, or a fetch failure
    fetch_failures = sum(1 for r in reasons.values() if r in ("http_404", "robots_disallowed"))
    assert c["discovered"] == c["pages_read"] + fetch_failures == 9
    # every request is in fetch_log, robots.txt once per host and run
    kinds = dict(con.sql("SELECT kind, count(*) FROM fetch_log GROUP BY 1").fetchall())
    assert kinds == {"robots": 1, "feed": 2, "sitemap": 2, "page": 7}  # homepage + rss; robots + sitemap
    assert con.sql("SELECT error FROM fetch_log WHERE status = 404").fetchall() == [("http_404",)]


def test_second_run_fetches_nothing_new_and_polls_conditionally(prefect_harness, site):
    web, sources, root = site
    before_hits = article_hits(web)
    con = catalog.connect(root)
    before = con.sql("SELECT (SELECT count(*) FROM article_versions), (SELECT count(*) FROM pages)").fetchall()
    con.close()

    summary = run(prefect_harness, sources, root)

    assert article_hits(web) == before_hits  # no article fetched again
    rss = web.hits("/rss.xml")
    assert len(rss) == 2 and rss[1].headers.get("If-None-Match") == '"rss-1"'
    c = summary["counts"]
    # the sitemap lists its 2 URLs again, and the WARC file its record: all 3 stored already
    assert c["feeds_not_modified"] == 1 and c["skipped_seen"] == 3 and c.get("pages_read", 0) == 0
    con = catalog.connect(root)
    after = con.sql("SELECT (SELECT count(*) FROM article_versions), (SELECT count(*) FROM pages)").fetchall()
    assert after == before


def test_refetch_sends_conditional_requests_and_makes_no_new_versions(prefect_harness, site):
    web, sources, root = site
    summary = run(prefect_harness, sources, root, "--refetch")
    maersk = web.hits("/port/maersk")
    assert len(maersk) == 2 and maersk[1].headers.get("If-None-Match") == '"/port/maersk-v1"'
    assert summary["counts"]["pages_not_modified"] == 2
    assert summary["counts"].get("articles_new", 0) == 0 and summary["counts"].get("articles_updated", 0) == 0


def test_a_lost_crawl_state_is_rebuilt_from_pages(prefect_harness, site):
    web, sources, root = site
    shutil.rmtree(root / "_state")
    web.routes["/rss.xml"].headers.pop("ETag")  # so the feed lists its URLs again
    before_hits = article_hits(web)
    summary = run(prefect_harness, sources, root)
    assert article_hits(web) == before_hits
    # 4 feed + 2 sitemap URLs, known again from the pages table; the WARC record is read again (harmless:
    # the same bytes make the same page_id, and the article is unchanged)
    assert summary["counts"]["skipped_seen"] == 6 and summary["counts"]["pages_read"] == 1
    assert summary["counts"].get("articles_new", 0) == 0 and summary["counts"]["articles_unchanged"] == 1


def test_reprocess_reads_stored_pages_and_versions_only_what_changed(prefect_harness, site):
    web, _, root = site
    requests_before = len(web.log)
    # Make one stored article look like the output of an older extractor.
    with lake.session(root) as con:
        con.execute(
            "UPDATE article_versions SET title = 'An older, worse title', record_hash = 'stale' "
            "WHERE url LIKE '%/news/lisbon'"
        )

    result = CliRunner().invoke(app, ["reprocess", "-w", str(root), "--json"])

    assert result.exit_code == 0, result.output
    c = json.loads(result.stdout)["counts"]
    assert len(web.log) == requests_before  # no network
    assert c["articles_updated"] == 1 and c["articles_unchanged"] == 6 and c.get("articles_new", 0) == 0
    con = catalog.connect(root)
    latest = con.sql("SELECT version, title FROM articles WHERE url LIKE '%/news/lisbon'").fetchall()
    assert latest[0][0] == 2 and latest[0][1] != "An older, worse title"
    runs = con.sql("SELECT flow, count(*) FROM runs GROUP BY 1 ORDER BY 1").fetchall()
    assert runs == [("ingest", 4), ("reprocess", 1)]
