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
    return Crawler(Policy(**policy), run_id="test-run")


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
