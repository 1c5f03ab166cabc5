"""Hostile input (issue 18): each attack a red-team pass found, reproduced against real files or a real HTTP
server on 127.0.0.1. Each test failed on the code before its fix (a crash, a hang, a page read that must not
be, or a URL, link or record that vanished without a trace)."""

import gzip
import os
import time
from collections import Counter
from pathlib import Path

import pytest
from test_discover import http_response, warc_record
from webserver import Route

from flows.crawler import Crawler, Fetched, Policy, Request
from flows.discover import discover, page_refs
from flows.fetch import fetch_refs
from flows.ingest import fresh_batches
from flows.sources import Source, check_inputs, local_refs, sources_from_inputs
from flows.tasks import failure_row
from transforms.extract import Failure

PAGE = b"<html><head><title>t</title></head><body><p>" + b"Some words of news. " * 40 + b"</p></body></html>"


def crawler(**overrides) -> Crawler:
    policy = dict(
        user_agent="newsetl-test/1.0", host_interval=0.0, connect_timeout=2, read_timeout=2, total_timeout=5,
        retries=2, backoff=0.05, allow_private=True,
    )  # fmt: skip
    policy.update(overrides)
    known = Policy.__dataclass_fields__  # so that the tests also run, and fail, against the code before the fixes
    return Crawler(Policy(**{k: v for k, v in policy.items() if k in known}), run_id="test-run")


def local_pages(inputs: list[str], follow_symlinks: bool = False):
    """What a run makes of local inputs: (pages, failure reasons by location), through discovery, the run's
    batching (which keys every reference) and the fetch stage."""
    found = discover([], crawler=None, state=None)
    sources = sources_from_inputs(inputs)
    refs = page_refs(found, sources, **({"follow_symlinks": True} if follow_symlinks else {}))
    fetched = [fetch_refs(b, run_id="r", max_bytes=3_000_000, crawler=None, state=None) for b in
               fresh_batches(refs, None, 50, True, Counter())]  # fmt: skip
    pages = [p for f in fetched for p in f.pages]
    failures = {b.location: b.reason for b in found.bad} | {x.url: x.reason for f in fetched for x in f.failures}
    return pages, failures


# -- 2. a malformed WARC record ------------------------------------------------------------------------------


def test_a_warc_record_with_no_status_line_is_one_failure_and_the_rest_load(tmp_path):
    page = http_response(PAGE)
    archive = tmp_path / "cc.warc.gz"
    archive.write_bytes(
        warc_record("response", "https://x.example/0", page)
        + warc_record("response", "https://x.example/bad", b"NOT A STATUS LINE\r\nContent-Type: text/html\r\n\r\n<p>")
        + warc_record("response", "https://x.example/2", page)
    )
    pages, failures = local_pages([str(archive)])
    assert sorted(p["url"] for p in pages) == ["https://x.example/0", "https://x.example/2"]
    assert failures == {"https://x.example/bad": "warc_bad_record"}


@pytest.mark.parametrize("compressed", [True, False])
@pytest.mark.parametrize("left", [20, 100])
def test_a_warc_file_cut_inside_its_last_records_headers_says_so(tmp_path, compressed, left):
    records = [warc_record("response", f"https://x.example/{i}", http_response(PAGE + os.urandom(3000))) for i in
               range(3)]  # fmt: skip
    if not compressed:
        records = [gzip.decompress(r) for r in records]
    archive = tmp_path / ("cut.warc.gz" if compressed else "cut.warc")
    archive.write_bytes(b"".join(records[:2]) + records[2][:left])  # the last record: its first bytes only
    pages, failures = local_pages([str(archive)])
    assert len(pages) == 2
    [reason] = failures.values()  # one row for the lost record: before the fix, none when the cut fell in its headers
    assert reason in ("warc_truncated", "warc_bad_record", "warc_unreadable")


# -- 4. file names that are not UTF-8 ----------------------------------------------------------------------------


def test_a_file_name_that_is_not_utf8_is_read_and_rows_stay_valid_text(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.html").write_bytes(PAGE)
    bad_name = os.fsdecode(b"bad\xff\xfe.html")
    (folder / bad_name).write_bytes(PAGE.replace(b"news", b"other news"))
    (folder / os.fsdecode(b"gone\xff.html")).symlink_to(folder / "nowhere.html")  # fails: its row too
    pages, failures = local_pages([str(folder)])
    assert sorted(p["url"].rsplit("/", 1)[1] for p in pages) == ["bad%FF%FE.html", "good.html"]
    [(location, reason)] = failures.items()
    assert reason == "unreadable" and location.endswith("gone%FF.html")
    row = failure_row(Failure(os.fsdecode(b"file:///x/\xff"), "fetch", "unreadable", bad_name), "r")
    assert row["url"] == "file:///x/\\xff" and row["detail"] == "bad\\xff\\xfe.html"
    for text in [*(p["url"] for p in pages), row["url"], row["detail"]]:
        text.encode("utf-8")  # what Arrow will do with it


# -- 5, 6. links out of an input root, link cycles, FIFOs ----------------------------------------------------


@pytest.fixture
def linked(tmp_path):
    """An input folder with a page, a link to a page inside it, and links to a secret file outside it."""
    secret = tmp_path / "secret.html"
    secret.write_bytes(b"<html><body><p>AWS_SECRET_ACCESS_KEY=not-for-the-warehouse</p></body></html>")
    (tmp_path / "outside").mkdir()
    (tmp_path / "outside" / "more.html").write_bytes(PAGE)
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "page.html").write_bytes(PAGE)
    (folder / "sub" / "alias.html").symlink_to(folder / "page.html")
    (folder / "shadow.html").symlink_to(secret)
    (folder / "sub" / "environ.html").symlink_to(secret)
    (folder / "elsewhere").symlink_to(tmp_path / "outside", target_is_directory=True)
    return folder


@pytest.mark.parametrize("form", ["folder", "glob"])
def test_links_out_of_an_input_folder_are_not_followed(linked, form):
    given = str(linked) if form == "folder" else str(linked / "**" / "*.html")
    pages, failures = local_pages([given])
    assert [Path(p["final_url"]).name for p in pages] == ["page.html"]  # the link inside the folder: same page
    assert not any(b"AWS_SECRET" in p["body"] for p in pages)
    outside = sorted(Path(k).name for k, v in failures.items() if v == "symlink_outside")
    assert outside == ["elsewhere", "environ.html", "shadow.html"]


def test_follow_symlinks_reads_them(linked):
    pages, failures = local_pages([str(linked)], follow_symlinks=True)
    assert sorted(Path(p["final_url"]).name for p in pages) == ["more.html", "page.html", "secret.html"]
    assert failures == {}


@pytest.mark.timeout(30)
def test_a_link_cycle_under_a_recursive_glob_ends(tmp_path):
    folder = tmp_path / "in"
    (folder / "a" / "b").mkdir(parents=True)
    (folder / "a" / "b" / "page.html").write_bytes(PAGE)
    for name, target in [("loop", folder), ("up", folder / "a"), ("self", folder / "a" / "b")]:
        (folder / "a" / "b" / name).symlink_to(target, target_is_directory=True)
    (folder / "a" / "back").symlink_to(folder, target_is_directory=True)
    pattern = str(folder / "**" / "*.html")
    t0 = time.monotonic()
    check_inputs([pattern])  # before the flow starts: no task timeout would apply
    pages, failures = local_pages([pattern], follow_symlinks=True)  # even when links are followed
    assert [Path(p["final_url"]).name for p in pages] == ["page.html"] and failures == {}
    os.mkfifo(folder / "a" / "b" / "pipe.html")
    pages, failures = local_pages([pattern])
    assert list(failures.values()) == ["not_a_file"]  # once, not again through each link to its folder
    assert time.monotonic() - t0 < 10


@pytest.mark.timeout(30)
def test_a_fifo_is_reported_not_read(tmp_path):
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "page.html").write_bytes(PAGE)
    os.mkfifo(folder / "pipe.html")  # nobody writes to it: reading it would block for ever
    os.mkfifo(tmp_path / "named.html")
    for given in [str(folder), str(folder / "*.html"), str(tmp_path / "named.html")]:
        pages, failures = local_pages([given])
        assert [Path(p["final_url"]).name for p in pages] == ([] if "named" in given else ["page.html"])
        assert [(Path(k).name, v) for k, v in failures.items()] == [
            ("named.html" if "named" in given else "pipe.html", "not_a_file")
        ]


def test_a_symlinked_page_file_named_on_the_command_line_is_read(linked):
    pages, failures = local_pages([str(linked / "shadow.html")])  # the user named it: their choice
    assert [Path(p["final_url"]).name for p in pages] == ["secret.html"] and failures == {}


def test_each_file_of_a_folder_once_and_in_path_order(linked):
    refs, bad = local_refs(Source(name="f", kind="files", path=str(linked)))
    assert [Path(r.location).name for r in refs] == ["page.html", "page.html"]  # the link resolves to it
    assert len(bad) == 3


# -- 13. a Retry-After that str.isdigit() accepts and float() does not ---------------------------------------


def test_a_unicode_digit_retry_after_is_ignored_not_a_crash(web):
    web.routes["/p"] = [Route(b"busy", status=503, headers={"Retry-After": "\u00b2"}), Route(PAGE)]
    result = crawler().fetch_all([Request(f"{web.base}/p")])[0]
    assert isinstance(result, Fetched) and result.body == PAGE  # retried after the usual backoff
    assert len(web.hits("/p")) == 2


# -- 12. a damaged crawl state is rebuilt from pages -----------------------------------------------------------


@pytest.fixture
def stored(tmp_path):
    """A warehouse whose pages table holds two fetched URLs, and its crawl state."""
    from flows.crawlstate import STATE_DIR, STATE_FILE
    from flows.fetch import page_row
    from flows.sources import PageRef
    from warehouse import writer

    urls = ["https://x.example/a", "https://x.example/b"]
    rows = [page_row(PageRef("url", u, "s"), PAGE + u.encode(), final_url=u, run_id="r", status=200) for u in urls]
    writer.write(tmp_path, "pages", rows)
    return tmp_path, tmp_path / STATE_DIR / STATE_FILE, urls


@pytest.mark.parametrize("damage", ["junk", "torn", "middle"])
def test_a_damaged_crawl_state_is_set_aside_and_rebuilt_from_pages(stored, damage):
    from flows.crawlstate import CrawlState, Visit

    root, path, urls = stored
    state = CrawlState.open(root)
    state.record([Visit(f"https://y.example/{i}/{'z' * 200}", "page", "page") for i in range(5000)])  # many pages
    state.close()
    size = path.stat().st_size
    with open(path, "r+b") as f:
        if damage == "junk":
            f.write(os.urandom(size))
        elif damage == "torn":
            f.truncate(100)  # a header cut short
        else:
            f.seek(4096)
            f.write(b"\xff" * (size - 4096))  # every page but the first: the header and the schema read fine
    state = CrawlState.open(root)
    assert state.done([*urls, "https://x.example/new"]) == set(urls)  # known again, from the pages table
    state.record([Visit("https://x.example/new", "page", "page")])
    assert state.done(["https://x.example/new"]) == {"https://x.example/new"}
    state.close()
    aside = [p for p in path.parent.glob("crawl.sqlite.broken-*") if not p.name.endswith(("-wal", "-shm"))]
    assert len(aside) == 1  # kept for whoever wants to look


# -- 3. entity declarations a feed hides from the first 64 KB and from expat -----------------------------------


def _entity_feed(encoding: str) -> bytes:
    """A feed that breaks expat early (`--` inside a comment) and declares an entity after 64 KB of padding
    (utf-8), or in UTF-16, where a byte search for `<!ENTITY` finds nothing: feedparser's lenient parser
    then expanded it 2,000 times (82 KB became a 2 MB title)."""
    padding = "p" * 70_000 if encoding == "utf-8" else ""
    text = (
        f'<?xml version="1.0" encoding="{encoding}"?>\n<!-- breaks expat -- early {padding} -->\n'
        f'<!DOCTYPE rss [\n<!ENTITY big "{"x" * 1000}">\n]>\n<rss version="2.0"><channel><item><title>'
        + "&big;" * 2000
        + "</title><link>https://x.example/1</link></item></channel></rss>"
    )
    return text.encode(encoding)


@pytest.mark.parametrize("encoding", ["utf-8", "utf-16"])
def test_entities_declared_past_64kb_or_in_utf16_are_refused(web, encoding):
    web.routes["/rss.xml"] = Route(_entity_feed(encoding), content_type="application/rss+xml")
    found = discover([Source(name="f", kind="feed", url=f"{web.base}/rss.xml")], crawler=crawler(), state=None)
    assert found.refs == [] and [b.reason for b in found.bad] == ["xml_entities"]


# -- 7. one deadline per URL, over its retries and redirects ---------------------------------------------------


def test_a_slow_server_gets_one_deadline_per_url_not_one_per_response(web):
    # Every response takes 0.7 s and the chain redirects 4 times, then answers 503: under a 1 s total timeout
    # no single response is cut off, so before the fix the URL took ~3 attempts x 5 responses x 0.7 s = 10 s.
    for i in range(4):
        web.routes[f"/r{i}"] = Route(b"", status=302, headers={"Location": f"/r{i + 1}"}, delay=0.7)
    web.routes["/r4"] = Route(b"busy", status=503, delay=0.7)
    c = crawler(total_timeout=1.0, url_timeout=2.0, retries=2, backoff=0.01)
    t0 = time.monotonic()
    result = c.fetch_all([Request(f"{web.base}/r0")])[0]
    took = time.monotonic() - t0
    assert isinstance(result, Failure) and result.reason == "url_timeout", result
    assert took < 5, took  # the deadline plus the test server's robots.txt and start-up; before: ~10 s
    assert len([h for h in web.log if h.path != "/robots.txt"]) <= 4  # cut off, not retried
    assert [r["error"] for r in c.log if r["url"].endswith("/r3")][-1:] in (["url_timeout"], [])


def test_a_retry_that_would_pass_the_deadline_is_not_waited_for(web):
    web.routes["/p"] = Route(b"busy", status=503, headers={"Retry-After": "5"})
    c = crawler(url_timeout=2.0, retries=2, max_retry_after=10)
    t0 = time.monotonic()
    result = c.fetch_all([Request(f"{web.base}/p")])[0]
    assert isinstance(result, Failure) and result.reason == "http_503" and "would pass" in result.detail
    assert time.monotonic() - t0 < 2 and len(web.hits("/p")) == 1


# -- 8. DNS rebinding: the checked address is the connected address ---------------------------------------------


@pytest.fixture
def dns(monkeypatch):
    """A resolver the test controls (socket.getaddrinfo, which both the crawler's check and, before the fix,
    httpx's own connection used), and a guard that refuses, without sending a packet, every connection to
    an address outside 127.0.0.0/8: a test never reaches out. Yields (answers, lookups, refused)."""
    import ipaddress
    import socket

    answers: dict[str, list[str]] = {}  # name -> the addresses of successive lookups (the last repeats)
    lookups: list[str] = []
    refused: list[tuple] = []
    real_getaddrinfo, real_connect, real_connect_ex = (
        socket.getaddrinfo,
        socket.socket.connect,
        socket.socket.connect_ex,
    )

    def getaddrinfo(host, port, *args, **kwargs):
        name = host.decode() if isinstance(host, bytes) else host
        if name not in answers:
            return real_getaddrinfo(host, port, *args, **kwargs)
        lookups.append(name)
        queue = answers[name]
        address = queue.pop(0) if len(queue) > 1 else queue[0]
        return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (address, int(port or 0)))]

    def outside(address) -> bool:
        return isinstance(address, tuple) and not ipaddress.ip_address(address[0].split("%")[0]).is_loopback

    def connect(self, address):
        if outside(address):
            refused.append(address)
            raise OSError(101, "Network is unreachable (refused by the test's guard)")
        return real_connect(self, address)

    def connect_ex(self, address):
        if outside(address):
            refused.append(address)
            return 101
        return real_connect_ex(self, address)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect_ex)
    return answers, lookups, refused


def test_a_name_that_rebinds_to_loopback_after_the_check_is_not_reached(web, dns):
    answers, lookups, refused = dns
    web.routes["/secret"] = Route(b"<html><body><p>internal admin page</p></body></html>")
    port = int(web.base.rsplit(":", 1)[1])
    answers["rebind.test"] = ["93.184.216.34", "127.0.0.1"]  # public when checked, loopback from then on
    c = crawler(allow_private=False, retries=0, respect_robots=False)
    result = c.fetch_all([Request(f"http://rebind.test:{port}/secret")])[0]
    assert web.hits("/secret") == []  # before the fix: served from 127.0.0.1 without --allow-private
    assert isinstance(result, Failure) and result.reason == "connect_error"
    assert refused == [("93.184.216.34", port)] and lookups == ["rebind.test"]  # the checked address, once


def test_a_private_answer_at_the_check_is_refused_before_any_connection(web, dns):
    answers, _, refused = dns
    port = int(web.base.rsplit(":", 1)[1])
    answers["inside.test"] = ["10.1.2.3"]
    result = crawler(allow_private=False, retries=0).fetch_all([Request(f"http://inside.test:{port}/x")])[0]
    assert isinstance(result, Failure) and result.reason == "private_address"
    assert refused == [] and web.log == []


def _tls_server(tmp_path, name: str):
    """An HTTPS server on 127.0.0.1 with a certificate for `name` from a CA made here; records each
    request's SNI and Host. Returns (server, port, CA file, seen)."""
    import datetime
    import ssl
    import threading
    from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    def cert(subject: str, key, issuer_name, issuer_key, ca: bool):
        now = datetime.datetime.now(datetime.UTC)
        builder = (
            x509.CertificateBuilder()
            .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
            .issuer_name(issuer_name or x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, subject)]))
            .public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(minutes=5))
            .not_valid_after(now + datetime.timedelta(hours=1))
            .add_extension(x509.BasicConstraints(ca=ca, path_length=None), critical=True)
        )
        if not ca:
            builder = builder.add_extension(x509.SubjectAlternativeName([x509.DNSName(subject)]), critical=False)
        return builder.sign(issuer_key, hashes.SHA256())

    ca_key, key = ec.generate_private_key(ec.SECP256R1()), ec.generate_private_key(ec.SECP256R1())
    ca_cert = cert("newsetl test CA", ca_key, None, ca_key, ca=True)
    leaf = cert(name, key, ca_cert.subject, ca_key, ca=False)
    pem = serialization.Encoding.PEM
    (tmp_path / "ca.pem").write_bytes(ca_cert.public_bytes(pem))
    (tmp_path / "leaf.pem").write_bytes(leaf.public_bytes(pem))
    (tmp_path / "leaf.key").write_bytes(
        key.private_bytes(pem, serialization.PrivateFormat.PKCS8, serialization.NoEncryption())
    )
    seen: list[tuple[str | None, str | None]] = []
    snis: list[str | None] = []
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp_path / "leaf.pem", tmp_path / "leaf.key")
    context.sni_callback = lambda sock, server_name, ctx: snis.append(server_name)

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            seen.append((snis[-1] if snis else None, self.headers.get("Host")))
            body = PAGE
            self.send_response(200)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    server.socket = context.wrap_socket(server.socket, server_side=True)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, server.server_address[1], tmp_path / "ca.pem", seen


def test_tls_through_the_pinned_address_keeps_sni_host_and_certificate_checks(tmp_path, dns, monkeypatch):
    answers, lookups, _ = dns
    server, port, ca, seen = _tls_server(tmp_path, "news.test")
    try:
        monkeypatch.setenv("SSL_CERT_FILE", str(ca))  # httpx trusts the test's CA (and only it)
        answers["news.test"] = ["127.0.0.1"]
        answers["other.test"] = ["127.0.0.1"]
        c = crawler(retries=0, respect_robots=False)  # loopback: allowed here
        [good] = c.fetch_all([Request(f"https://news.test:{port}/a")])
        [wrong] = c.fetch_all([Request(f"https://other.test:{port}/b")])  # a name the certificate is not for
        assert isinstance(good, Fetched) and good.body == PAGE
        assert seen[0] == ("news.test", f"news.test:{port}")  # SNI and Host name the URL's host, not 127.0.0.1
        assert isinstance(wrong, Failure) and "certificate" in wrong.detail.lower()  # still verified, per name
        assert lookups.count("news.test") == 1
    finally:
        server.shutdown()
        server.server_close()


# -- 10. the extraction child's memory limit -------------------------------------------------------------------


def test_a_page_that_takes_too_much_memory_is_an_extract_memory_failure_and_the_next_page_extracts():
    from datetime import UTC, datetime

    from conftest import SAMPLE_PAGES

    from flows.settings import load_settings
    from flows.tasks import extract_batch

    now = datetime(2026, 11, 20, tzinfo=UTC)
    # 2.8 MB of 350,000 tiny paragraphs: lxml's tree and trafilatura's copies of it grow past 400 MiB (and
    # took 8 s to); before the fix nothing stopped it short of the 60 s time limit.
    greedy = b"<html><body>" + b"<p>w</p>" * 350_000 + b"</body></html>"
    tram = (SAMPLE_PAGES / "meridian-lisbon-tram-strike.html").read_bytes()
    pages = [
        {"body": body, "final_url": f"https://x.example/{name}", "url": f"https://x.example/{name}", "fetched_at": now,
         "content_type": "text/html", "page_id": name, "body_sha256": name}
        for name, body in [("greedy", greedy), ("tram", tram)]
    ]  # fmt: skip
    settings = load_settings(extract_timeout=60, extract_memory=220)  # the child holds ~130 MiB when idle
    t0 = time.monotonic()
    articles, failures = extract_batch.fn(pages, "run-1", settings)
    assert [(f["url"], f["stage"], f["reason"]) for f in failures] == [
        ("https://x.example/greedy", "extract", "memory")
    ]
    assert "over the 220 MiB limit" in failures[0]["detail"]
    assert [a["page_id"] for a in articles] == ["tram"]  # a fresh child took the next page
    assert time.monotonic() - t0 < 50  # cut off by memory, not by the 60 s time limit


# -- 9, 11. sitemaps streamed, bounded, and every entry accounted for ------------------------------------------


def _urlset(urls: list[str]) -> bytes:
    items = "".join(f"<url><loc>{u}</loc></url>" for u in urls)
    return f'<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</urlset>'.encode()


def _index(urls: list[str]) -> bytes:
    items = "".join(f"<sitemap><loc>{u}</loc></sitemap>" for u in urls)
    return f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{items}</sitemapindex>'.encode()


def test_child_sitemaps_past_max_sitemaps_are_counted_and_reported_not_held(web):
    from flows.discover import Limits

    web.routes["/index.xml"] = Route(
        _index([f"{web.base}/s{i}.xml" for i in range(500)]), content_type="application/xml"
    )
    for i in range(500):
        web.routes[f"/s{i}.xml"] = Route(_urlset([f"{web.base}/p{i}"]), content_type="application/xml")
    source = Source(name="big", kind="sitemap", url=f"{web.base}/index.xml")
    found = discover([source], crawler=crawler(), state=None, limits=Limits(max_sitemaps=5))
    assert len(found.refs) == 4 and found.counts["sitemaps_read"] == 5  # the index and 4 children
    assert found.counts["sitemaps_over_limit"] == 496
    assert [(b.reason, "496 child sitemaps" in b.detail) for b in found.bad] == [("sitemap_limit", True)]


def test_feed_and_sitemap_entries_with_no_http_url_are_counted_and_reported(web):
    bad_links = ["file:///etc/passwd", "ftp://x.example/a", "data:text/html,<p>hi", "javascript:alert(1)"]
    items = "".join(f"<item><title>t</title><link>{link}</link></item>" for link in bad_links)
    web.routes["/rss.xml"] = Route(
        f'<?xml version="1.0"?><rss version="2.0"><channel><title>M</title>{items}'
        f"<item><link>{web.base}/ok</link></item></channel></rss>".encode(),
        content_type="application/rss+xml",
    )
    web.routes["/sitemap.xml"] = Route(_urlset([*bad_links[:2], f"{web.base}/ok2"]), content_type="application/xml")
    found = discover(
        [Source(name="f", kind="feed", url=f"{web.base}/rss.xml"), Source(name="s", kind="sitemap", url=f"{web.base}/sitemap.xml")],
        crawler=crawler(),
        state=None,
    )  # fmt: skip
    assert [r.location for r in found.refs] == [f"{web.base}/ok", f"{web.base}/ok2"]
    assert found.counts["feed_entries_no_http_url"] == 4 and found.counts["sitemap_entries_no_http_url"] == 2
    assert [(b.location.rsplit("/", 1)[1], b.reason) for b in found.bad] == [
        ("rss.xml", "bad_url"),
        ("sitemap.xml", "bad_url"),
    ]
    assert "etc/passwd" in found.bad[0].detail  # the first, as feedparser gave it


# -- the whole run: hostile inputs become failure rows, the rest loads ------------------------------------------


@pytest.mark.slow
def test_a_run_over_hostile_inputs_loads_the_rest_and_streams_sitemaps(prefect_harness, tmp_path, web):
    from conftest import SAMPLE_PAGES
    from typer.testing import CliRunner

    from flows.cli import app
    from warehouse import catalog

    names = ["meridian-ecb-holds-rates.html", "harbor-maersk-results.html", "northfield-library-reopens.html"]
    pages = [(SAMPLE_PAGES / n).read_bytes() for n in names]
    web.routes["/robots.txt"] = Route(f"Sitemap: {web.base}/index.xml\n".encode(), content_type="text/plain")
    web.routes["/index.xml"] = Route(_index([f"{web.base}/s{i}.xml" for i in range(4)]), content_type="application/xml")
    for i in range(4):
        urls = [f"{web.base}/a{i}-{j}" for j in range(3)] + ["javascript:void(0)"]
        web.routes[f"/s{i}.xml"] = Route(_urlset(urls), content_type="application/xml")
        for j in range(3):
            web.routes[f"/a{i}-{j}"] = Route(pages[j])
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "good.html").write_bytes((SAMPLE_PAGES / "meridian-lisbon-tram-strike.html").read_bytes())
    (folder / os.fsdecode(b"caf\xe9.html")).write_bytes(
        (SAMPLE_PAGES / "harbor-port-of-rotterdam-automation.html").read_bytes()
    )
    (tmp_path / "secret.html").write_bytes(b"<html><body><p>AWS_SECRET_ACCESS_KEY=hostile</p></body></html>")
    (folder / "secret.html").symlink_to(tmp_path / "secret.html")
    os.mkfifo(folder / "pipe.html")
    archive = tmp_path / "cc.warc.gz"
    archive.write_bytes(
        warc_record("response", "https://w.example/bad", b"garbage\r\n\r\n<p>")
        + warc_record("response", "https://w.example/lib", http_response(pages[2]))
    )
    root = tmp_path / "wh"
    result = CliRunner().invoke(
        app,
        ["run", str(folder), str(archive), "--sitemap", f"{web.base}/robots.txt", "-w", str(root), "--allow-private",
         "--batch-size", "3", "--json"],
        env={"NEWSETL_HOST_INTERVAL": "0", "NEWSETL_BACKOFF": "0.01"},
    )  # fmt: skip
    assert result.exit_code == 0, result.output
    con = catalog.connect(root)
    reasons = sorted(r for (r,) in con.sql("SELECT stage || ':' || reason FROM failures").fetchall())
    assert reasons == ["discover:bad_url"] * 4 + [
        "discover:not_a_file",
        "discover:symlink_outside",
        "fetch:warc_bad_record",
    ]
    urls = {u for (u,) in con.sql("SELECT url FROM pages").fetchall()}
    assert len(urls) == 12 + 2 + 1 and any(u.endswith("/caf%E9.html") for u in urls)
    assert con.sql("SELECT count(*) FROM pages WHERE contains(decode(body), 'AWS_SECRET')").fetchall() == [(0,)]
    # Streamed: the first batch of pages was fetched before the last sitemap was read.
    order = [h.path for h in web.log]
    assert order.index("/a0-0") < order.index("/s3.xml"), order
