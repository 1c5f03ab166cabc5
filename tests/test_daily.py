"""entity_daily as a derived table (warehouse/daily.py): updated from what each run changed, it always equals
the same counts computed from every mention."""

from datetime import date

import pytest
from test_aliases import mention_rows
from test_warehouse import article, load

from warehouse import catalog, daily, lake, maintain, takedown

D1, D2 = date(2024, 3, 7), date(2024, 3, 8)
ROWS = "SELECT day, label, canonical, articles, mentions FROM {} ORDER BY ALL"


@pytest.fixture
def updates(monkeypatch):
    """What each daily.update did, in order."""
    done = []
    real = daily.update

    def recording(con):
        done.append(real(con))
        return done[-1]

    monkeypatch.setattr(daily, "update", recording)
    return done


def assert_matches_a_full_count(root):
    with lake.session(root, read_only=True) as con:
        kept = con.sql(ROWS.format("entity_daily")).fetchall()
        full = con.sql(ROWS.format(f"({daily.FULL})")).fetchall()
    assert kept == full
    return kept


def names(*entries):
    return lambda a: [{**m, "version": a["version"]} for m in mention_rows(a["article_id"], a["day"], entries)]


def test_updated_from_each_change_it_equals_a_full_count(tmp_path, updates):
    putin = [("Vladimir Putin", "Vladimir Putin", "PERSON"), ("Putin", "Vladimir Putin", "PERSON")]
    load(tmp_path, [article("a1", text="First text.", day=D1)], names(*putin))
    assert updates == ["rebuilt"]  # the first build: nothing recorded yet
    # new articles: one says only "Putin" (no alias learned yet), one is a copy of a1, one is undateable
    load(
        tmp_path,
        [
            article("a2", text="Second text.", day=D1),
            article("c1", text="First text.", day=D1),
            article("u1", text="Undated text.", day=D2, published_at=None, date_source=None, undateable=True),
        ],
        names(("Putin", "Putin", "PERSON"), ("Lisbon", "Lisbon", "GPE")),
    )
    assert assert_matches_a_full_count(tmp_path) == [
        (D1, "GPE", "Lisbon", 1, 1),
        (D1, "PERSON", "Putin", 1, 1),
        (D1, "PERSON", "Vladimir Putin", 1, 2),
    ]
    # a second article resolving "Putin" itself: the alias is learned, and a2's "Putin" now counts as him
    load(tmp_path, [article("a3", text="Third text.", day=D2)], names(*putin))
    assert assert_matches_a_full_count(tmp_path) == [
        (D1, "GPE", "Lisbon", 1, 1),
        (D1, "PERSON", "Vladimir Putin", 2, 3),
        (D2, "PERSON", "Vladimir Putin", 1, 2),
    ]
    # a new version of a2, on another day, naming someone else: its old counts go, its new ones come
    maintain.maintain(tmp_path)  # merged files in between change no count
    load(tmp_path, [article("a2", text="Second text, corrected.", day=D2)], names(("Lisbon", "Lisbon", "GPE")))
    assert assert_matches_a_full_count(tmp_path) == [
        (D1, "PERSON", "Vladimir Putin", 1, 2),
        (D2, "GPE", "Lisbon", 1, 1),
        (D2, "PERSON", "Vladimir Putin", 1, 2),
    ]
    assert updates[1:] == ["incremental"] * 3  # never rebuilt from scratch along the way


def test_a_takedown_is_reflected(tmp_path, updates):
    lisbon = names(("Lisbon", "Lisbon", "GPE"))
    load(tmp_path, [article("a1", text="One.", day=D1), article("a2", text="Two.", day=D1)], lisbon)
    assert assert_matches_a_full_count(tmp_path) == [(D1, "GPE", "Lisbon", 2, 2)]
    takedown.forget(tmp_path, ["https://x.example/a2"], "test", "request")
    assert updates[-1] == "incremental"
    assert assert_matches_a_full_count(tmp_path) == [(D1, "GPE", "Lisbon", 1, 1)]
    # the purge expired the snapshot it had recorded; the next build resumes from the one it left
    load(tmp_path, [article("a3", text="Three.", day=D2)], lisbon)
    assert updates[-1] == "incremental"
    assert assert_matches_a_full_count(tmp_path) == [(D1, "GPE", "Lisbon", 1, 1), (D2, "GPE", "Lisbon", 1, 1)]
    with lake.session(tmp_path, read_only=True) as con:  # the full-text index resumed too (it failed here before)
        indexed = con.sql("SELECT DISTINCT article_id FROM search_terms ORDER BY 1").fetchall()
        documents = con.sql("SELECT value FROM newsetl_meta WHERE key = 'search_documents'").fetchall()
    assert indexed == [("a1",), ("a3",)] and documents == [("2",)]


def test_nothing_new_reads_nothing(tmp_path, updates):
    load(tmp_path, [article("a1", text="One.", day=D1)], names(("Lisbon", "Lisbon", "GPE")))
    with lake.session(tmp_path) as con:  # a row no count would give: an update that recounted would drop it
        con.execute(f"INSERT INTO {daily.TABLE} VALUES (DATE '2000-01-01', 'ORG', 'Marker', 1, 1)")
    catalog.build(tmp_path)
    assert updates[-1] == "none"
    with lake.session(tmp_path, read_only=True) as con:
        assert con.sql(f"SELECT count(*) FROM {daily.TABLE} WHERE canonical = 'Marker'").fetchall() == [(1,)]


def test_rewritten_whole_after_its_updates_pile_up(tmp_path, updates, monkeypatch):
    monkeypatch.setattr(daily, "REWRITE_AFTER", 1)
    load(tmp_path, [article("a1", text="One.", day=D1)], names(("Lisbon", "Lisbon", "GPE"), ("Porto", "Porto", "GPE")))
    # replaces the (D1, Lisbon) row of the file that holds Porto's too: a delete file
    load(tmp_path, [article("a2", text="Two.", day=D1)], names(("Lisbon", "Lisbon", "GPE")))
    assert updates == ["rebuilt", "incremental"]
    assert assert_matches_a_full_count(tmp_path) == [(D1, "GPE", "Lisbon", 2, 2), (D1, "GPE", "Porto", 1, 1)]
    with lake.session(tmp_path, read_only=True) as con:
        live_deletes = con.sql(
            "SELECT count(*) FROM __ducklake_metadata_news.ducklake_delete_file d "
            "JOIN __ducklake_metadata_news.ducklake_table t USING (table_id) "
            "JOIN __ducklake_metadata_news.ducklake_data_file f ON f.data_file_id = d.data_file_id "
            "AND f.end_snapshot IS NULL "
            f"WHERE d.end_snapshot IS NULL AND t.end_snapshot IS NULL AND t.table_name = '{daily.TABLE}'"
        ).fetchall()
    assert live_deletes == [(0,)]  # written again: no delete file left to apply


# top_people_per_day.sql before it ranked only the rows near each day's top five (the window over every PERSON
# row was most of its cost at 1M articles)
TOP_PEOPLE_PLAIN = """
    SELECT day, canonical AS person, articles, mentions FROM entity_daily WHERE label = 'PERSON'
    QUALIFY row_number() OVER (PARTITION BY day ORDER BY articles DESC, mentions DESC, canonical) <= 5
    ORDER BY day DESC, articles DESC, mentions DESC, person"""


def test_top_people_per_day_ranks_as_a_window_over_every_row_would_with_ties_at_the_cut():
    import duckdb
    from conftest import PROJECT

    con = duckdb.connect()
    con.execute(
        "CREATE TABLE entity_daily (day DATE, label VARCHAR, canonical VARCHAR, articles BIGINT, mentions BIGINT)"
    )
    rows = []
    for d in range(3):
        day = date(2026, 1, 1 + d)
        # day 0: ties on (articles, mentions) across the fifth place, broken by name; day 1: fewer than five;
        # day 2: ties in articles, not mentions
        people = {0: [(3, 9)] * 3 + [(2, 5)] * 4 + [(1, 1)] * 3, 1: [(4, 4), (1, 2)], 2: [(5, m) for m in range(8)]}[d]
        rows += [(day, "PERSON", f"P{d}-{9 - i}", a, m) for i, (a, m) in enumerate(people)]
        rows += [(day, "ORG", f"O{d}-{i}", 99, 99) for i in range(3)]
    con.executemany("INSERT INTO entity_daily VALUES (?, ?, ?, ?, ?)", rows)
    query = (PROJECT / "warehouse" / "queries" / "top_people_per_day.sql").read_text()
    got = con.sql(query).fetchall()
    assert got == con.sql(TOP_PEOPLE_PLAIN).fetchall()
    assert [r[1] for r in got if r[0] == date(2026, 1, 1)] == ["P0-7", "P0-8", "P0-9", "P0-3", "P0-4"]
