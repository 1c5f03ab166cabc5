"""The fault matrix: the crawler against a real HTTP server on 127.0.0.1 that misbehaves on purpose.

Every test asserts what the crawler returned and what the server saw (its own request log): nothing hangs,
every URL is accounted for, retries and waits happen where they should and nowhere else.
"""

import gzip
import itertools
import subprocess
import sys
import time

import pytest
from webserver import Route, max_concurrency, min_gap

from flows.crawler import Crawler, Fetched, Policy, Request
from flows.crawlstate import Validators
from transforms.extract import ExtractOptions, Failure, extract_article

HTML = b"<html><head><title>t</title></head><body><p>" + b"Some words of news. " * 40 + b"</p></body></html>"


def crawler(**overrides) -> Crawler:
    policy = dict(
        user_agent="newsetl-test/1.0",
        host_interval=0.0,
        connect_timeout=2,
        read_timeout=1,
        total_timeout=5,
        retries=2,
        backoff=0.05,
        allow_private=True,
    )
    policy.update(overrides)
    return Crawler(Policy(**policy), run_id="test-run")


def fetch(c: Crawler, url: str, **kw) -> Fetched | Failure:
    return c.fetch_all([Request(url, **kw)])[0]


def extract_fetched(result: Fetched) -> dict | Failure:
    assert isinstance(result, Fetched), result
    return extract_article(
        result.body,
        url=result.final_url,
        fetched_at=result.fetched_at,
        content_type=result.headers.get("content-type"),
        options=ExtractOptions(),
    )


def page_attempts(c: Crawler, url: str) -> list[dict]:
    return [row for row in c.log if row["url"] == url]


def test_a_good_page_is_fetched_and_logged(web):
    web.routes["/a"] = Route(HTML, headers={"ETag": '"v1"'})
    c = crawler()
    result = fetch(c, f"{web.base}/a")
    assert isinstance(result, Fetched) and result.status == 200 and result.body == HTML
    assert result.headers["etag"] == '"v1"'
    [row] = page_attempts(c, f"{web.base}/a")
    assert row["status"] == 200 and row["bytes"] == len(HTML) and row["error"] is None and row["attempt"] == 1
    assert web.hits("/a")[0].headers["User-Agent"] == "newsetl-test/1.0"
    assert [h.path for h in web.log] == ["/robots.txt", "/a"]  # robots.txt first, once


def test_slow_response_past_the_timeout(web):
    web.routes["/slow"] = Route(HTML, delay=3)
    c = crawler(retries=0)
    t0 = time.monotonic()
    result = fetch(c, f"{web.base}/slow")
    assert isinstance(result, Failure) and result.reason == "read_timeout"
    assert time.monotonic() - t0 < 2.5


def test_a_slow_drip_body_hits_the_total_timeout(web):
    web.routes["/drip"] = Route(HTML * 4, fault="drip")  # 64 bytes every 0.2 s: never a read timeout
    c = crawler(retries=0, total_timeout=1.0)
    t0 = time.monotonic()
    result = fetch(c, f"{web.base}/drip")
    assert isinstance(result, Failure) and result.reason == "total_timeout"
    assert time.monotonic() - t0 < 2.0


def test_connection_reset_mid_body_is_retried_then_reported(web):
    web.routes["/reset"] = Route(HTML, fault="reset")
    c = crawler(retries=2)
    result = fetch(c, f"{web.base}/reset")
    assert isinstance(result, Failure) and result.reason == "connection_broken"
    assert len(web.hits("/reset")) == 3
    assert [r["attempt"] for r in page_attempts(c, f"{web.base}/reset")] == [1, 2, 3]


def test_500_then_success(web):
    web.routes["/flaky"] = [Route(b"oops", status=500), Route(HTML)]
    c = crawler()
    result = fetch(c, f"{web.base}/flaky")
    assert isinstance(result, Fetched) and result.body == HTML
    assert [r["status"] for r in page_attempts(c, f"{web.base}/flaky")] == [500, 200]


def test_503_forever_gives_up_and_parks_the_host(web):
    for i in range(5):
        web.routes[f"/down{i}"] = Route(b"down", status=503)
    c = crawler(retries=1, park_after=2, per_host=1)
    results = c.fetch_all([Request(f"{web.base}/down{i}") for i in range(5)])
    reasons = [r.reason for r in results]
    assert reasons == ["http_503", "http_503", "host_parked", "host_parked", "host_parked"]
    assert "parked after 2 failed URLs" in results[2].detail
    assert sum(len(web.hits(f"/down{i}")) for i in range(5)) == 4  # 2 URLs x 2 attempts, then nothing
    assert c.counts["hosts_parked"] == 1


def test_429_with_retry_after_is_honoured(web):
    web.routes["/busy"] = [Route(b"slow down", status=429, headers={"Retry-After": "1"}), Route(HTML)]
    c = crawler(backoff=0.01)
    result = fetch(c, f"{web.base}/busy")
    assert isinstance(result, Fetched)
    first, second = web.hits("/busy")
    assert second.start - first.start >= 0.95


def test_retry_after_longer_than_the_cap_gives_up(web):
    web.routes["/later"] = Route(b"", status=503, headers={"Retry-After": "3600"})
    result = fetch(crawler(max_retry_after=30), f"{web.base}/later")
    assert isinstance(result, Failure) and result.reason == "rate_limited" and "3600" in result.detail
    assert len(web.hits("/later")) == 1


def test_redirects_are_followed_and_a_loop_is_stopped(web):
    web.routes["/moved"] = Route(b"", status=301, headers={"Location": "/here"})
    web.routes["/here"] = Route(HTML)
    web.routes["/loop"] = Route(b"", status=302, headers={"Location": "/loop2"})
    web.routes["/loop2"] = Route(b"", status=302, headers={"Location": "/loop"})
    c = crawler()
    moved, loop = c.fetch_all([Request(f"{web.base}/moved"), Request(f"{web.base}/loop")])
    assert isinstance(moved, Fetched) and moved.final_url == f"{web.base}/here"
    assert isinstance(loop, Failure) and loop.reason == "redirect_loop"
    assert [r["hop"] for r in c.log if "moved" in r["url"] or "here" in r["url"]] == [0, 1]


def test_too_many_redirects(web):
    for i in range(8):
        web.routes[f"/r{i}"] = Route(b"", status=302, headers={"Location": f"/r{i + 1}"})
    result = fetch(crawler(max_redirects=3), f"{web.base}/r0")
    assert isinstance(result, Failure) and result.reason == "too_many_redirects"
    assert len(web.log) == 1 + 4  # robots.txt, then the first request and 3 redirects


@pytest.mark.parametrize("status", [404, 410])
def test_404_and_410_are_not_retried(web, status):
    web.routes["/gone"] = Route(b"", status=status)
    result = fetch(crawler(), f"{web.base}/gone")
    assert isinstance(result, Failure) and result.reason == f"http_{status}"
    assert len(web.hits("/gone")) == 1


def test_robots_txt_disallow_is_obeyed(web):
    web.routes["/robots.txt"] = Route(
        b"User-agent: *\nDisallow: /private/\n\nUser-agent: newsetl-test\nDisallow: /members\n",
        content_type="text/plain",
    )
    web.routes["/private/a"] = Route(HTML)
    web.routes["/members/b"] = Route(HTML)
    web.routes["/public"] = Route(HTML)
    c = crawler()
    results = c.fetch_all([Request(f"{web.base}/{p}") for p in ("members/b", "public", "private/a")])
    assert [getattr(r, "reason", "ok") for r in results] == ["robots_disallowed", "ok", "ok"]
    assert web.hits("/members/b") == [] and len(web.hits("/robots.txt")) == 1
    # our group replaces the * group (RFC 9309), so /private/ is allowed for us


def test_robots_txt_unreachable_means_stay_away(web):
    web.routes["/robots.txt"] = Route(b"", status=500)
    web.routes["/a"] = Route(HTML)
    result = fetch(crawler(retries=1), f"{web.base}/a")
    assert isinstance(result, Failure) and result.reason == "robots_unreachable"
    assert web.hits("/a") == []


def test_crawl_delay_spaces_requests(web):
    web.routes["/robots.txt"] = Route(b"User-agent: *\nCrawl-delay: 0.5\n", content_type="text/plain")
    for i in range(4):
        web.routes[f"/p{i}"] = Route(HTML)
    c = crawler(per_host=2)
    results = c.fetch_all([Request(f"{web.base}/p{i}") for i in range(4)])
    assert all(isinstance(r, Fetched) for r in results)
    # robots.txt and 4 pages, each started 0.5 s apart; seen by the server, a request that arrives late on a
    # loaded machine shortens the gap after it (0.444 s once in the suite), so the floor is 0.4, not 0 as
    # without the delay
    assert min_gap(web.log) >= 0.4


def test_crawl_delay_is_capped(web):
    web.routes["/robots.txt"] = Route(b"User-agent: *\nCrawl-delay: 3600\n", content_type="text/plain")
    web.routes["/a"] = Route(HTML)
    web.routes["/b"] = Route(HTML)
    c = crawler(max_crawl_delay=0.3)
    t0 = time.monotonic()
    assert all(isinstance(r, Fetched) for r in c.fetch_all([Request(f"{web.base}/a"), Request(f"{web.base}/b")]))
    assert 0.5 <= time.monotonic() - t0 < 3


def test_non_html_content_type_is_not_read(web):
    web.routes["/doc.pdf"] = Route(b"%PDF-1.7" + b"0" * 100_000, content_type="application/pdf")
    c = crawler()
    result = fetch(c, f"{web.base}/doc.pdf")
    assert isinstance(result, Failure) and result.reason == "not_html" and "application/pdf" in result.detail
    assert page_attempts(c, f"{web.base}/doc.pdf")[0]["bytes"] == 0


def test_truncated_body_is_retried_then_reported(web):
    web.routes["/cut"] = [Route(HTML, fault="truncate"), Route(HTML)]
    web.routes["/cut-always"] = Route(HTML, fault="truncate")
    c = crawler(retries=1)
    ok, cut = c.fetch_all([Request(f"{web.base}/cut"), Request(f"{web.base}/cut-always")])
    assert isinstance(ok, Fetched) and ok.body == HTML
    assert isinstance(cut, Failure) and cut.reason == "connection_broken"


@pytest.mark.parametrize("fault", [None, "no_length"])
def test_body_over_the_cap_is_aborted(web, fault):
    web.routes["/big"] = Route(b"<html>" + b"x" * 400_000, fault=fault)
    c = crawler(max_bytes=100_000)
    result = fetch(c, f"{web.base}/big")
    assert isinstance(result, Failure) and result.reason == "too_large"


def test_gzip_bomb_is_cut_at_the_cap(web):
    bomb = gzip.compress(b"\0" * 200_000_000, compresslevel=9)  # 200 MB of zeros in ~200 KB
    web.routes["/bomb"] = Route(raw_body=bomb, gzip=True)
    web.routes["/fine"] = Route(HTML, gzip=True)
    c = crawler(max_bytes=1_000_000)
    t0 = time.monotonic()
    bombed, fine = c.fetch_all([Request(f"{web.base}/bomb"), Request(f"{web.base}/fine")])
    assert isinstance(bombed, Failure) and bombed.reason == "too_large" and "inflates" in bombed.detail
    assert time.monotonic() - t0 < 5
    assert isinstance(fine, Fetched) and fine.body == HTML  # gzip itself works


def test_private_addresses_are_refused_by_default(web):
    web.routes["/a"] = Route(HTML)
    result = fetch(crawler(allow_private=False), f"{web.base}/a")
    assert isinstance(result, Failure) and result.reason == "private_address" and "--allow-private" in result.detail
    assert web.log == []  # not even robots.txt


@pytest.mark.parametrize("target", ["ftp://files.example/x", "http://[::1/x", "http://a.example:99999/"])
def test_a_redirect_to_no_http_url_is_refused(web, target):
    web.routes["/away"] = Route(b"", status=302, headers={"Location": target})
    result = fetch(crawler(), f"{web.base}/away")
    assert isinstance(result, Failure) and result.reason == "bad_redirect"


def test_conditional_get_sends_validators_and_takes_304(web):
    web.routes["/a"] = Route(b"", status=304)
    c = crawler()
    result = fetch(c, f"{web.base}/a", validators=Validators('"v1"', "Wed, 01 Nov 2026 10:00:00 GMT"))
    assert isinstance(result, Fetched) and result.not_modified
    sent = web.hits("/a")[0].headers
    assert sent["If-None-Match"] == '"v1"' and sent["If-Modified-Since"] == "Wed, 01 Nov 2026 10:00:00 GMT"


def test_cp1251_page_without_a_charset_header(web):
    text = "Министр иностранных дел России заявил журналистам в Москве, что переговоры продолжатся. " * 8
    page = f"<html><head><title>Новости</title></head><body><article><p>{text}</p></article></body></html>"
    web.routes["/ru"] = Route(page.encode("cp1251"), content_type="text/html")
    row = extract_fetched(fetch(crawler(), f"{web.base}/ru"))
    assert not isinstance(row, Failure), row
    assert "Министр иностранных дел" in row["text"] and row["language"] == "ru"


@pytest.mark.parametrize("declared", [True, False], ids=["meta-charset", "undeclared"])
def test_shift_jis_page(web, declared):
    text = "東京都は本日、新しい防災計画を発表しました。計画では、地震や台風に備えて避難所を増やします。" * 4
    meta = '<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">' if declared else ""
    page = f"<html><head>{meta}<title>防災計画</title></head><body><article><p>{text}</p></article></body></html>"
    web.routes["/ja"] = Route(page.encode("shift_jis"), content_type="text/html")
    row = extract_fetched(fetch(crawler(), f"{web.base}/ja"))
    assert not isinstance(row, Failure), row
    assert "新しい防災計画" in row["text"] and row["language"] == "ja"


def test_per_host_concurrency_and_interval_hold_across_hosts(web, web2):
    for server in (web, web2):
        for i in range(12):
            server.routes[f"/p{i}"] = Route(HTML, delay=0.5)
    c = crawler(per_host=2, host_interval=0.2, concurrency=8)
    c.sends = []  # when each request's headers were written
    requests = [Request(f"{s.base}/p{i}") for i in range(12) for s in (web, web2)]
    results = c.fetch_all(requests)
    assert all(isinstance(r, Fetched) for r in results)
    sent: dict[str, list[float]] = {}
    for host, at in c.sends:
        sent.setdefault(host, []).append(at)
    assert len(sent) == 2 and all(len(times) == 13 for times in sent.values())  # robots.txt + 12 pages each
    for times in sent.values():  # the interval, kept where the crawler sends
        assert min(b - a for a, b in itertools.pairwise(sorted(times))) >= 0.2 - 0.001
    for server in (web, web2):
        pages = [h for h in server.log if h.path != "/robots.txt"]
        assert len(pages) == 12
        assert max_concurrency(server.log) == 2  # reached, never exceeded
        # No gap is checked where the requests arrive: in this one process the test server's threads compete
        # with the crawler for the GIL, and on a busy machine a handler starts late. Full CI runs saw
        # arrivals 0.115 s and 0.002 s apart for requests the crawler wrote 0.2 s apart.
    # both hosts were served at the same time: politeness is per host, not global
    assert max_concurrency(web.log + web2.log) > 2


def test_every_url_is_accounted_for(web):
    web.routes["/ok"] = Route(HTML)
    web.routes["/gone"] = Route(b"", status=410)
    web.routes["/pdf"] = Route(b"%PDF", content_type="application/pdf")
    urls = [f"{web.base}/{p}" for p in ("ok", "gone", "pdf", "missing")] + ["http://nonexistent.invalid/x"]
    results = crawler(retries=0).fetch_all([Request(u) for u in urls])
    assert len(results) == len(urls) and all(isinstance(r, Fetched | Failure) for r in results)
    assert [getattr(r, "reason", "ok") for r in results] == ["ok", "http_410", "not_html", "http_404", "dns_error"]


def test_an_unexpected_error_costs_one_url_not_the_batch(web, monkeypatch):
    # A parser that raises where no test foresaw it (here: robots.txt parsing for one host) stands for a bug.
    import flows.crawler

    web.routes["/a"] = Route(HTML)
    real_parse = flows.crawler.Protego.parse

    def parse(text):
        if "explode" in text:
            raise UnicodeError("parser surprise")
        return real_parse(text)

    monkeypatch.setattr(flows.crawler.Protego, "parse", staticmethod(parse))
    web.routes["/robots.txt"] = Route(b"User-agent: *\n# explode\n", content_type="text/plain")
    result = fetch(crawler(), f"{web.base}/a")
    assert isinstance(result, Failure) and result.reason == "error" and "parser surprise" in result.detail


CTRL_C_IN_ANOTHER_THREAD = """
import signal, sys, threading, time
from flows.crawler import Crawler, Policy, Request

def ctrl_c_when_told():  # the kernel may hand a process's SIGINT to any of its threads: here, this one
    sys.stdin.readline()
    signal.pthread_kill(threading.get_ident(), signal.SIGINT)

threading.Thread(target=ctrl_c_when_told, daemon=True).start()
crawler = Crawler(Policy(user_agent="t", allow_private=True, host_interval=0, read_timeout=100, total_timeout=200,
                         url_timeout=300, retries=0), "r1")
print("fetching", flush=True)
try:
    crawler.fetch_all([Request(sys.argv[1])])
except KeyboardInterrupt:
    sys.exit(130)
"""


def test_ctrl_c_given_to_another_thread_stops_a_fetch_at_once(web):
    """A run's Ctrl-C reached a thread other than the main one, asleep in the event loop's select() until its
    next timer: the fetch went on until the stalled page's read timeout (a full suite run: 60 s)."""
    web.routes["/stalls.html"] = Route(b"<html>late</html>", delay=150)
    child = subprocess.Popen([sys.executable, "-c", CTRL_C_IN_ANOTHER_THREAD, f"{web.base}/stalls.html"],
                             stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)  # fmt: skip
    try:
        deadline = time.monotonic() + 120
        while not web.hits("/stalls.html") and time.monotonic() < deadline:
            assert child.poll() is None, child.stderr.read()
            time.sleep(0.05)
        assert web.hits("/stalls.html"), "the page was never asked for"
        child.stdin.write("now\n")
        child.stdin.flush()
        try:
            assert child.wait(timeout=60) == 130, child.stderr.read()  # the read timeout is 100 s
        except subprocess.TimeoutExpired:
            child.kill()
            pytest.fail(f"still fetching 60 s after Ctrl-C: {child.stderr.read()}")
    finally:
        child.kill()
        child.wait()
