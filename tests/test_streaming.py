"""A run reads local sources lazily, a batch at a time: its memory does not grow with the number of pages."""

from collections import Counter

import pytest

from flows.crawlstate import CrawlState, Visit
from flows.ingest import fresh_batches, ingest
from flows.settings import SAMPLE_PAGES
from flows.sources import PageRef
from warehouse import catalog


def test_batches_are_read_lazily_each_page_once_and_stored_ones_skipped(tmp_path):
    state = CrawlState(tmp_path / "crawl.sqlite")
    state.record([Visit("https://x.example/stored", "page", "page")])
    pulled = 0

    def refs():
        nonlocal pulled
        for i in range(1000):
            pulled += 1
            yield PageRef("url", f"https://x.example/{i % 700}", "s")  # 300 repeats
        yield PageRef("url", "https://x.example/stored", "s")

    counts = Counter()
    batches = fresh_batches(refs(), state, 50, False, counts)
    first = next(batches)
    assert len(first) == 50 and pulled <= 100  # read as far as one batch needs, not the whole list
    rest = [ref for batch in batches for ref in batch]
    locations = [r.location for r in first + rest]
    assert len(locations) == len(set(locations)) == 700
    assert counts == Counter(discovered=701, skipped_seen=1)
    state.close()


@pytest.mark.usefixtures("prefect_harness")
def test_a_bad_reference_met_after_the_last_batch_is_still_a_failure_row(tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("meridian-ecb-holds-rates.html", "harbor-maersk-results.html"):
        (pages / name).write_bytes((SAMPLE_PAGES / name).read_bytes())
    urls = tmp_path / "urls.txt"
    urls.write_text("# read after the pages: its bad line comes once the last batch is already full\nnot a url\n")
    root = tmp_path / "wh"
    summary = ingest(inputs=[str(pages), str(urls)], warehouse=str(root), batch_size=2)
    assert summary["counts"]["articles_new"] == 2 and summary["counts"]["failures_new"] == 1
    con = catalog.connect(root)
    assert con.sql("SELECT reason, url FROM failures").fetchall() == [("bad_url", "not a url")]
