"""Near-duplicates: the banded simhash index agrees with a brute-force scan, and syndicated copies with light
edits are marked duplicate_of the earliest article, across runs."""

from datetime import UTC, datetime, timedelta

from conftest import SEED_TEXT
from hypothesis import given, settings
from hypothesis import strategies as st
from test_warehouse import article, load, mention

from transforms.dedup import THRESHOLD, NearDuplicateIndex
from transforms.text import hamming
from warehouse import catalog

hashes = st.integers(min_value=0, max_value=2**64 - 1)


@settings(max_examples=200, deadline=None)
@given(stored=st.lists(hashes, max_size=60), base=st.integers(0, 59), flips=st.sets(st.integers(0, 63), max_size=9))
def test_the_index_finds_what_a_scan_finds(stored, base, flips):
    index = NearDuplicateIndex()
    index.extend(stored[: len(stored) // 2], list(range(len(stored) // 2)))
    for i, h in enumerate(stored[len(stored) // 2 :], start=len(stored) // 2):
        index.add(h, i)  # some indexed in bands, some scanned
    query = (stored[base % len(stored)] if stored else 0) ^ sum(1 << b for b in flips)
    expected = next((i for i, h in enumerate(stored) if hamming(h, query) <= THRESHOLD), None)
    assert index.find(query) == expected


def test_syndicated_copies_are_marked_across_runs_and_counted_once(tmp_path):
    text = SEED_TEXT.read_text(encoding="utf-8").strip()
    t0 = datetime(2024, 3, 7, 9, tzinfo=UTC)
    original = article("orig", text=text, published_at=t0)
    credited = article(
        "copy-credit",
        text=text + "\nThis article first appeared on World Affairs and is republished with permission.",
        published_at=t0 + timedelta(hours=3),
    )
    exact = article("copy-exact", text=text, published_at=t0 + timedelta(hours=5))
    other = article("other", text=text.replace("Syria", "Kenya").upper()[:400] + " entirely different words here " * 40)
    mentions = lambda a: [mention(a["article_id"], 1, text.index("Lavrov"), canonical="Sergey Lavrov")]  # noqa: E731
    load(tmp_path, [original], mentions)  # first run: the original alone
    load(tmp_path, [credited, exact, other], mentions)  # a later run: copies from other sites

    con = catalog.connect(tmp_path)
    marked = dict(con.sql("SELECT article_id, duplicate_of FROM articles").fetchall())
    assert marked == {"orig": None, "copy-credit": "orig", "copy-exact": "orig", "other": None}
    daily = con.sql("SELECT articles, mentions FROM entity_daily WHERE canonical = 'Sergey Lavrov'").fetchall()
    assert daily == [(2, 2)]  # the original and the unrelated article; the two copies are not counted
    assert con.sql("SELECT count(*) FROM unique_articles").fetchall() == [(2,)]
