"""One page's extraction bounded in time, in a real child process."""

import os
import threading
import time
from datetime import UTC, datetime

import pytest
from conftest import SAMPLE_PAGES

from flows.extractor import LimitedExtractor
from flows.settings import load_settings
from flows.tasks import extract_batch
from transforms.extract import ExtractOptions, Failure, extract_article

NOW = datetime(2024, 3, 22, 12, tzinfo=UTC)
# 2.7 MB of distinct paragraphs, under the 3 MB page limit: trafilatura takes seconds over it (6.7 s here on
# 2 Dec, every time). Not nested markup: the parser stops at its depth limit, and the 1.7 MB nested page used
# before took 0.11-0.5 s once trafilatura's caches were warm, so a 0.3 s limit did not always cut it off.
SLOW = (
    b"<html><body><article>"
    + b"".join(b"<p>Paragraph %d: the harbour authority said the quay would open.</p>" % i for i in range(40000))
    + b"</article></body></html>"
)


def kwargs(url: str) -> dict:
    return {"url": url, "fetched_at": NOW, "content_type": "text/html; charset=utf-8", "options": ExtractOptions(),
            "listing": None}  # fmt: skip


@pytest.fixture
def extractor():
    ex = LimitedExtractor(30)
    yield ex
    ex.close()


def test_child_gives_what_in_process_extraction_gives(extractor):
    for page in sorted(SAMPLE_PAGES.glob("*.html"))[:8]:
        body = page.read_bytes()
        assert extractor.extract(body, **kwargs(f"https://x.example/{page.stem}")) == extract_article(
            body, **kwargs(f"https://x.example/{page.stem}")
        )


def test_a_child_started_ahead_is_the_one_that_extracts_and_its_start_is_not_the_pages_time(extractor):
    extractor.start_soon()  # returns at once: the child imports while the caller goes on
    ahead = extractor.pid
    assert ahead is not None
    extractor.start_soon()  # a second call starts no second child
    assert extractor.pid == ahead
    extractor.seconds = 1.0  # shorter than the child's start-up (1.5 s and more), longer than this page's extraction
    page = SAMPLE_PAGES / "meridian-ecb-holds-rates.html"
    result = extractor.extract(page.read_bytes(), **kwargs("https://x.example/ahead"))
    assert not isinstance(result, Failure) and result["title"].startswith("European Central Bank"), result
    assert extractor.pid == ahead and extractor.restarts == 0


def test_a_page_over_the_limit_is_cut_off_and_the_next_one_still_extracts(extractor):
    # a first page under the usual limit: on a loaded machine even a small page can take over 50 ms
    extractor.extract((SAMPLE_PAGES / "meridian-ecb-holds-rates.html").read_bytes(), **kwargs("https://x.example/a"))
    first_child = extractor.pid
    extractor.seconds = 0.05
    started = time.monotonic()
    result = extractor.extract(SLOW, **kwargs("https://x.example/slow"))
    assert isinstance(result, Failure) and (result.stage, result.reason) == ("extract", "timeout")
    assert time.monotonic() - started < 10 and extractor.restarts == 1
    assert not os.path.exists(f"/proc/{first_child}") or _zombie(first_child)  # killed, not left running
    extractor.seconds = 30
    after = extractor.extract(
        (SAMPLE_PAGES / "meridian-ecb-holds-rates.html").read_bytes(), **kwargs("https://x.example/b")
    )
    assert not isinstance(after, Failure) and after["title"].startswith("European Central Bank")
    assert extractor.pid != first_child


def _zombie(pid: int) -> bool:
    with open(f"/proc/{pid}/stat") as f:
        return f.read().split(") ")[1].startswith("Z")


def test_a_child_that_dies_mid_page_makes_that_page_a_failure_only(extractor):
    body = (SAMPLE_PAGES / "harbor-maersk-results.html").read_bytes()
    assert not isinstance(extractor.extract(body, **kwargs("https://x.example/warm")), Failure)
    victim = extractor.pid
    killer = threading.Timer(0.1, os.kill, (victim, 9))
    killer.start()
    result = extractor.extract(SLOW, **kwargs("https://x.example/slow"))
    killer.join()
    assert isinstance(result, Failure) and result.reason == "crashed"
    assert not isinstance(extractor.extract(body, **kwargs("https://x.example/next")), Failure)
    # killed while idle: the next page is not blamed, a new child takes it
    idle = extractor.pid
    os.kill(idle, 9)
    extractor._process.wait(timeout=10)  # dead before the next page is handed over
    after = extractor.extract(body, **kwargs("https://x.example/after"))
    assert not isinstance(after, Failure), (after, idle, extractor.pid)
    assert extractor.pid != idle and extractor.restarts == 1  # only the page it died on counted


def test_extract_batch_records_a_timeout_as_a_failure_row():
    settings = load_settings(extract_timeout=0.3)  # SLOW takes seconds; the tram page, even loaded, far less
    pages = [
        {"body": SLOW, "final_url": "https://x.example/slow", "url": "https://x.example/slow", "fetched_at": NOW,
         "content_type": "text/html", "page_id": "p1", "body_sha256": "s1"},
        {"body": (SAMPLE_PAGES / "meridian-lisbon-tram-strike.html").read_bytes(), "fetched_at": NOW,
         "final_url": "https://x.example/tram", "url": "https://x.example/tram", "content_type": "text/html",
         "page_id": "p2", "body_sha256": "s2"},
    ]  # fmt: skip
    articles, failures = extract_batch.fn(pages, "run-1", settings)
    assert [(f["url"], f["stage"], f["reason"]) for f in failures] == [("https://x.example/slow", "extract", "timeout")]
    assert [a["page_id"] for a in articles] == ["p2"]


def test_an_interrupted_call_never_hands_its_answer_to_the_next_page(extractor):
    """A task timeout or Ctrl-C can interrupt extract() while the child works; the next page must get its own
    answer, not the interrupted page's."""
    import signal

    def interrupt(*_):
        raise KeyboardInterrupt

    old = signal.signal(signal.SIGALRM, interrupt)
    body = (SAMPLE_PAGES / "meridian-lisbon-tram-strike.html").read_bytes()
    try:
        for _ in ("while the child starts", "while it works on a page"):
            signal.setitimer(signal.ITIMER_REAL, 0.05)
            with pytest.raises(KeyboardInterrupt):
                extractor.extract(SLOW, **kwargs("https://x.example/slow"))
            signal.setitimer(signal.ITIMER_REAL, 0)
            after = extractor.extract(body, **kwargs("https://x.example/tram"))
            assert after == extract_article(body, **kwargs("https://x.example/tram"))
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
