"""Sources -> page references: feeds (RSS, Atom, JSON Feed, autodiscovery), sitemaps (index, gzip children,
news sitemaps, robots.txt), WARC files; and the XML attacks they are refused for."""

import gzip
from datetime import UTC, date, datetime

import pytest
from webserver import Route

from flows.crawler import Crawler, Policy
from flows.crawlstate import CrawlState
from flows.discover import discover
from flows.fetch import fetch_refs
from flows.sources import Source
from transforms.feeds import ListingError, parse_feed, parse_sitemap

NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)

RSS = b"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Meridian</title><link>https://meridian.example/</link>
<item><title>ECB holds rates</title><link>/news/ecb-holds</link><pubDate>Thu, 26 Nov 2026 09:30:00 +0100</pubDate></item>
<item><title>Lisbon tram strike</title><link>https://meridian.example/news/lisbon-tram?utm_source=rss</link></item>
<item><title>No link here</title></item>
<item><title>Broken link</title><link>http://[::1/broken</link></item>
</channel></rss>"""

ATOM = b"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Harbor</title>
<entry><title>Maersk results</title><link href="https://harbor.example/maersk"/><id>urn:1</id>
<updated>2026-11-25T08:00:00Z</updated></entry></feed>"""

JSON_FEED = b"""{"version": "https://jsonfeed.org/version/1.1", "title": "North",
"items": [{"id": "1", "url": "https://north.example/flood", "title": "Flood defences",
"date_published": "2026-11-24T10:00:00+00:00"}]}"""

BILLION_LAUGHS = b"""<?xml version="1.0"?>
<!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
<!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]>
<rss version="2.0"><channel><title>&lol9;</title><item><link>https://x.example/1</link></item></channel></rss>"""


def urlset(urls, news=False) -> bytes:
    ns = ' xmlns:news="http://www.google.com/schemas/sitemap-news/0.9"' if news else ""
    items = []
    for url, when in urls:
        if news:
            items.append(
                f"<url><loc>{url}</loc><news:news><news:publication_date>{when}</news:publication_date>"
                f"<news:title>Title of {url.rsplit('/', 1)[-1]}</news:title></news:news></url>"
            )
        else:
            items.append(f"<url><loc>{url}</loc>{f'<lastmod>{when}</lastmod>' if when else ''}</url>")
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"{ns}>'
        + "".join(items)
        + "</urlset>"
    ).encode()


def crawler() -> Crawler:
    return Crawler(Policy(user_agent="newsetl-test/1.0", host_interval=0, allow_private=True, backoff=0.01), "r")


def test_rss_atom_and_json_feed_entries_with_titles_and_dates():
    rss = parse_feed(RSS, "https://meridian.example/feed", NOW)
    assert [e.url for e in rss] == [
        "https://meridian.example/news/ecb-holds",
        "https://meridian.example/news/lisbon-tram?utm_source=rss",
    ]
    assert rss[0].title == "ECB holds rates" and rss[0].published_at == datetime(2026, 11, 26, 8, 30, tzinfo=UTC)
    assert rss[1].published_at is None
    [atom] = parse_feed(ATOM, "https://harbor.example/atom", NOW)
    assert atom.url == "https://harbor.example/maersk" and atom.published_at.day == 25
    [item] = parse_feed(JSON_FEED, "https://north.example/feed.json", NOW)
    assert item.url == "https://north.example/flood" and item.title == "Flood defences"


@pytest.mark.parametrize(
    ("body", "reason"),
    [
        (b"<html><body>not a feed at all</body></html>", "bad_feed"),
        (b"\x00\x01\x02 binary", "bad_feed"),
        (BILLION_LAUGHS, "xml_entities"),
        (b'<?xml version="1.0"?><!DOCTYPE r [<!ENTITY x SYSTEM "file:///etc/passwd">]><rss>&x;</rss>', "xml_entities"),
    ],
)
def test_bad_and_hostile_feeds_are_refused(body, reason):
    with pytest.raises(ListingError) as info:
        parse_feed(body, "https://x.example/feed", NOW)
    assert info.value.reason == reason


def test_a_malformed_but_readable_feed_is_read_leniently():
    broken = RSS.replace(b"</channel></rss>", b"<item><title>unclosed & broken</title>")
    assert len(parse_feed(broken, "https://meridian.example/feed", NOW)) == 2


def test_billion_laughs_sitemap_is_refused():
    with pytest.raises(ListingError, match="entities"):
        parse_sitemap(BILLION_LAUGHS.replace(b"rss", b"urlset"), "https://x.example/s.xml", NOW)


def test_feed_autodiscovery_from_a_homepage(web, tmp_path):
    web.routes["/"] = Route(
        b'<html><head><link rel="alternate" type="application/rss+xml" href="/rss.xml">'
        b'<link rel="alternate" type="application/atom+xml" href="/atom.xml"></head><body>Home</body></html>'
    )
    web.routes["/rss.xml"] = Route(RSS, content_type="application/rss+xml")
    web.routes["/atom.xml"] = Route(ATOM, content_type="application/atom+xml")
    found = discover([Source(name="m", kind="feed", url=f"{web.base}/")], crawler=crawler(), state=None)
    assert found.counts["feeds_autodiscovered"] == 2 and found.counts["feeds_read"] == 2
    assert len(found.refs) == 3 and all(r.listed_via == "feed" and r.source == "m" for r in found.refs)
    assert found.refs[0].listed.title == "ECB holds rates"


def test_malformed_feed_becomes_a_discover_failure(web):
    web.routes["/feed"] = Route(b"<rss><channel><item>", content_type="application/rss+xml")
    web.routes["/lol"] = Route(BILLION_LAUGHS, content_type="application/rss+xml")
    found = discover(
        [Source(name="a", kind="feed", url=f"{web.base}/feed"), Source(name="b", kind="feed", url=f"{web.base}/lol")],
        crawler=crawler(),
        state=None,
    )
    assert found.refs == []
    assert sorted(b.reason for b in found.bad) == ["bad_feed", "xml_entities"]


def test_sitemap_index_with_gzip_children_and_a_10000_entry_child(web):
    big = [(f"{web.base}/a/{i}", "2026-11-20") for i in range(10_000)]
    web.routes["/robots.txt"] = Route(
        f"User-agent: *\nSitemap: {web.base}/index.xml\n".encode(), content_type="text/plain"
    )
    web.routes["/index.xml"] = Route(
        (
            '<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<sitemap><loc>{web.base}/big.xml.gz</loc><lastmod>2026-11-20</lastmod></sitemap>"
            f"<sitemap><loc>{web.base}/small.xml</loc></sitemap>"
            f"<sitemap><loc>{web.base}/old.xml.gz</loc><lastmod>2025-01-01</lastmod></sitemap>"
            "</sitemapindex>"
        ).encode(),
        content_type="application/xml",
    )
    web.routes["/big.xml.gz"] = Route(raw_body=gzip.compress(urlset(big)), content_type="application/gzip")
    web.routes["/small.xml"] = Route(urlset([(f"{web.base}/b/1", None)]), content_type="application/xml")
    web.routes["/old.xml.gz"] = Route(raw_body=gzip.compress(urlset([(f"{web.base}/c/1", None)])))
    source = Source(name="s", kind="sitemap", url=f"{web.base}/robots.txt", since=date(2026, 11, 1))
    found = discover([source], crawler=crawler(), state=None)
    assert found.bad == []
    assert len(found.refs) == 10_001 and found.counts["sitemaps_read"] == 3
    assert found.counts["sitemaps_too_old"] == 1 and web.hits("/old.xml.gz") == []  # skipped by its lastmod
    assert found.refs[0].listed.published_at == datetime(2026, 11, 20, tzinfo=UTC)


def test_news_sitemap_with_since(web):
    web.routes["/news.xml"] = Route(
        urlset(
            [
                (f"{web.base}/n/today", "2026-11-27T08:00:00+01:00"),
                (f"{web.base}/n/last-week", "2026-11-20"),
                (f"{web.base}/n/last-year", "2025-11-20T10:00:00Z"),
            ],
            news=True,
        ),
        content_type="application/xml",
    )
    source = Source(name="n", kind="sitemap", url=f"{web.base}/news.xml", since=date(2026, 11, 15))
    found = discover([source], crawler=crawler(), state=None)
    assert [r.location.rsplit("/", 1)[1] for r in found.refs] == ["today", "last-week"]
    assert found.counts["sitemap_entries_too_old"] == 1
    today = found.refs[0].listed
    assert today.title == "Title of today" and today.published_at == datetime(2026, 11, 27, 7, tzinfo=UTC)


def test_a_feed_is_polled_conditionally_on_the_next_run(web, tmp_path):
    web.routes["/rss.xml"] = [
        Route(RSS, content_type="application/rss+xml", headers={"ETag": '"feed-1"'}),
        Route(b"", status=304),
    ]
    state = CrawlState(tmp_path / "crawl.sqlite")
    source = Source(name="m", kind="feed", url=f"{web.base}/rss.xml")
    first = discover([source], crawler=crawler(), state=state)
    state.record(first.listings)
    second = discover([source], crawler=crawler(), state=state)
    assert len(first.refs) == 2 and second.refs == [] and second.counts["feeds_not_modified"] == 1
    assert web.hits("/rss.xml")[1].headers["If-None-Match"] == '"feed-1"'


def warc_record(kind: str, uri: str, block: bytes, extra: str = "") -> bytes:
    content_type = "application/http; msgtype=request" if kind == "request" else "application/http; msgtype=response"
    head = (
        f"WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2026-11-20T10:00:00Z\r\n"
        f"WARC-Record-ID: <urn:uuid:{abs(hash((kind, uri))):032d}>\r\n{extra}"
        f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n"
    )
    return gzip.compress(head.encode() + block + b"\r\n\r\n")


def http_response(body: bytes, status: str = "200 OK", content_type: str = "text/html; charset=utf-8") -> bytes:
    return f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body


def test_warc_responses_become_pages_without_network(tmp_path):
    from conftest import SAMPLE_PAGES

    page = (SAMPLE_PAGES / "meridian-ecb-holds-rates.html").read_bytes()
    archive = tmp_path / "crawl.warc.gz"
    archive.write_bytes(
        warc_record("warcinfo", "", b"software: test\r\n")
        + warc_record("request", "https://meridian.example/ecb", b"GET /ecb HTTP/1.1\r\nHost: meridian.example\r\n\r\n")
        + warc_record("response", "https://meridian.example/ecb", http_response(page))
        + warc_record(
            "revisit",
            "https://meridian.example/ecb",
            b"HTTP/1.1 200 OK\r\n\r\n",
            "WARC-Refers-To-Date: 2026-11-19T10:00:00Z\r\n",
        )
        + warc_record(
            "response", "https://meridian.example/logo.png", http_response(b"\x89PNG", content_type="image/png")
        )
        + warc_record("response", "https://meridian.example/gone", http_response(b"", status="404 Not Found"))
    )
    found = discover([Source(name="cc", kind="warc", path=str(archive))], crawler=None, state=None)
    assert [r.url for r in found.refs] == [
        "https://meridian.example/ecb",
        "https://meridian.example/logo.png",
        "https://meridian.example/gone",
    ]
    assert [(b.location, b.reason) for b in found.bad] == [("https://meridian.example/ecb", "warc_revisit")]
    fetched = fetch_refs(found.refs, run_id="r", max_bytes=3_000_000, crawler=None, state=None)
    [row] = fetched.pages
    assert row["body"] == page and row["url"] == "https://meridian.example/ecb" and row["status"] == 200
    assert row["fetched_at"] == datetime(2026, 11, 20, 10, tzinfo=UTC) and row["source"] == "cc"
    assert sorted(f.reason for f in fetched.failures) == ["http_404", "not_html"]


def test_a_file_that_is_not_a_warc_is_a_failure_not_a_crash(tmp_path):
    bogus = tmp_path / "bogus.warc.gz"
    bogus.write_bytes(b"\x1f\x8b definitely not gzip")
    found = discover([Source(name="cc", kind="warc", path=str(bogus))], crawler=None, state=None)
    assert found.refs == []
    assert [(b.reason, "Invalid WARC header" in b.detail) for b in found.bad] == [("warc_unreadable", True)]


def test_a_warc_file_that_breaks_off_keeps_the_records_before_the_break(tmp_path):
    page = http_response(b"<html><body><p>hello</p></body></html>")
    whole = b"".join(warc_record("response", f"https://x.example/{i}", page) for i in range(3))
    archive = tmp_path / "partial.warc.gz"
    archive.write_bytes(whole[: len(whole) - 40])  # the last record's gzip member is cut short
    found = discover([Source(name="cc", kind="warc", path=str(archive))], crawler=None, state=None)
    assert [r.url for r in found.refs][:2] == ["https://x.example/0", "https://x.example/1"]
    assert all(r.item and r.item.startswith("warc:<urn:uuid:") for r in found.refs)
    fetched = fetch_refs(found.refs, run_id="r", max_bytes=3_000_000, crawler=None, state=None)
    assert len(fetched.pages) == 2
    assert [f.reason for f in fetched.failures] == ["warc_truncated"]


def test_a_source_that_breaks_is_a_failure_row_and_the_others_go_on(tmp_path, monkeypatch):
    import flows.discover

    def broken(*args):
        raise RuntimeError("index exploded")

    monkeypatch.setattr(flows.discover.warc, "index", broken)  # stands for a bug in one source's reader
    page = tmp_path / "page.html"
    page.write_text("<p>hello</p>")
    found = discover(
        [Source(name="cc", kind="warc", path=str(page)), Source(name="local", kind="files", path=str(page))],
        crawler=None,
        state=None,
    )
    assert [(b.reason, "index exploded" in b.detail) for b in found.bad] == [("discover_error", True)]
    assert [r.source for r in found.refs] == ["local"]
