"""The writer, the loader's bookkeeping and the DuckLake's views, on real files."""

import subprocess
import sys
import time
from datetime import UTC, date, datetime
from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from transforms.extract import record_hash
from transforms.text import sha256_hex, simhash
from warehouse import catalog, lake, maintain, writer
from warehouse.loader import WarehouseState, prepare, publish
from warehouse.schemas import TABLES

T0 = datetime(2024, 3, 7, 12, 0, tzinfo=UTC)


def article(article_id="a1", text="Some text about Lisbon.", title="T", day=date(2024, 3, 7), **kw):
    row = {
        "article_id": article_id,
        "version": 0,
        "page_id": "p-" + article_id,
        "url": f"https://x.example/{article_id}",
        "canonical_url": f"https://x.example/{article_id}",
        "domain": "x.example",
        "title": title,
        "authors": ["A B"],
        "byline_org": [],
        "published_at": datetime.combine(day, datetime.min.time(), UTC),
        "date_source": "meta",
        "undateable": False,
        "day": day,
        "language": "en",
        "language_score": 1.0,
        "declared_language": "en",
        "sitename": "X",
        "description": None,
        "tags": [],
        "text": text,
        "word_count": len(text.split()),
        "content_hash": sha256_hex(text),
        "simhash": simhash(text),
        "duplicate_of": None,
        "extractor": "test",
        "extracted_at": T0,
        "run_id": "r1",
    }
    row.update(kw)
    row.setdefault("record_hash", record_hash(row))
    return row


def mention(article_id, version, start, canonical="Lisbon", day=date(2024, 3, 7)):
    return {
        "article_id": article_id,
        "version": version,
        "day": day,
        "text": canonical,
        "canonical": canonical,
        "label": "GPE",
        "start_char": start,
        "end_char": start + len(canonical),
        "model": "test",
    }


def load(root, articles, mentions_for=lambda a: []):
    state = WarehouseState.read(root)
    fresh, unchanged = state.plan_articles(articles)
    mentions = [m for a in fresh for m in mentions_for(a)]
    publish(root, pages=[], failures=[], mentions=mentions, articles=fresh)
    catalog.build(root)
    return fresh, unchanged


def data_files(root, table):
    with lake.session(root, read_only=True) as con:
        return [
            Path(p) for (p,) in con.execute("SELECT data_file FROM ducklake_list_files('news', ?)", [table]).fetchall()
        ]


def test_the_lake_partitions_by_year_and_month_sorted_by_day_in_zstd_parquet(tmp_path):
    rows = [article(f"a{i}", day=date(2024, 3, 9 - i % 3)) for i in range(12)] + [article("b", day=date(2024, 4, 2))]
    for r in rows:
        r["version"] = 1
    assert writer.write(tmp_path, "articles", rows) == 13
    maintain.maintain(tmp_path)  # small inserts are inlined in the catalog until maintenance writes them out
    paths = data_files(tmp_path, "article_versions")
    assert sorted(p.parent.relative_to(tmp_path / "lake" / "main" / "article_versions").as_posix() for p in paths) == [
        "year=2024/month=3",
        "year=2024/month=4",
    ]
    march = pq.read_table(next(p for p in paths if "month=3" in str(p)))
    assert march.column("day").to_pylist() == sorted(march.column("day").to_pylist())
    assert pq.read_metadata(paths[0]).row_group(0).column(0).compression == "ZSTD"


def test_required_column_missing_is_a_clear_error(tmp_path):
    bad = article("a1", version=1)
    bad["text"] = None
    with pytest.raises(writer.SchemaError, match=r"articles\.text is required"):
        writer.write(tmp_path, "articles", [bad])
    assert writer.count(tmp_path, "articles") == 0


def test_versions_duplicates_and_unchanged(tmp_path):
    fresh, unchanged = load(tmp_path, [article("a1"), article("b1", text="Other text.")])
    assert [a["version"] for a in fresh] == [1, 1] and unchanged == 0
    fresh, unchanged = load(tmp_path, [article("a1"), article("b1", text="Other text.")])
    assert fresh == [] and unchanged == 2
    fresh, _ = load(tmp_path, [article("a1", text="Some text about Lisbon, corrected.")])
    assert [(a["article_id"], a["version"]) for a in fresh] == [("a1", 2)]
    fresh, _ = load(tmp_path, [article("c1", text="Other text.", extracted_at=datetime(2024, 3, 8, tzinfo=UTC))])
    assert fresh[0]["duplicate_of"] == "b1"
    con = catalog.connect(tmp_path)
    assert con.sql("SELECT count(*) FROM article_versions").fetchall() == [(4,)]
    assert con.sql("SELECT version, text FROM articles WHERE article_id = 'a1'").fetchall() == [
        (2, "Some text about Lisbon, corrected.")
    ]


def test_entity_views_follow_the_latest_version_and_skip_duplicates(tmp_path):
    load(
        tmp_path,
        [article("a1"), article("b1", text="Same words.")],
        lambda a: [mention(a["article_id"], a["version"], 0)],
    )
    load(tmp_path, [article("a1", text="Lisbon again, Lisbon.")], lambda a: [mention("a1", 2, 0), mention("a1", 2, 14)])
    load(
        tmp_path,
        [article("c1", text="Same words.", extracted_at=datetime(2025, 1, 1, tzinfo=UTC))],
        lambda a: [mention("c1", 1, 0)],
    )
    con = catalog.connect(tmp_path)
    assert con.sql("SELECT article_id, mentions FROM entities ORDER BY 1").fetchall() == [
        ("a1", 2),
        ("b1", 1),
        ("c1", 1),
    ]
    assert con.sql("SELECT count(*) FROM entity_mentions").fetchall() == [(4,)]
    # c1 is a copy of b1: entity_daily counts the story once
    assert con.sql("SELECT articles, mentions FROM entity_daily WHERE canonical = 'Lisbon'").fetchall() == [(2, 3)]


def test_empty_warehouse_has_typed_empty_views(tmp_path):
    catalog.build(tmp_path)
    con = catalog.connect(tmp_path)
    for view in ("articles", "entity_mentions", "entities", "entity_daily", "failures", "runs", "pages", "takedowns"):
        assert con.sql(f"SELECT count(*) FROM {view}").fetchall() == [(0,)]
    column_types = {name: kind for name, kind, *_ in con.sql("DESCRIBE articles").fetchall()}
    assert column_types["authors"] == "VARCHAR[]"
    assert column_types["published_at"] == "TIMESTAMP WITH TIME ZONE"


def test_plain_duckdb_opens_the_warehouse_from_any_directory_with_python_and_the_cli(tmp_path):
    root = tmp_path / "wh"
    load(root, [article("a1")])
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    init = root / catalog.INIT_FILE
    # README's lines for Python: the init file the warehouse writes, run in a plain DuckDB session
    code = (
        "import duckdb, pathlib; con = duckdb.connect(); "
        f"con.execute(pathlib.Path({str(init)!r}).read_text()); print(con.sql('SELECT count(*) FROM articles').fetchall())"
    )
    result = subprocess.run([sys.executable, "-c", code], cwd=elsewhere, capture_output=True, text=True, check=True)
    assert result.stdout.strip() == "[(1,)]"
    cli = Path(sys.executable).parent / "duckdb"
    assert cli.exists(), "duckdb-cli (a dev dependency) provides the DuckDB CLI"
    result = subprocess.run(
        [str(cli), "-init", str(init), "-csv", "-c", "SELECT title FROM articles"],
        cwd=elsewhere,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["title", "T"]


def test_a_reader_sees_each_commit_as_it_lands_and_a_new_process_too(tmp_path):
    load(tmp_path, [article("a1")])
    reader = catalog.connect(tmp_path)
    assert reader.sql("SELECT count(*) FROM articles").fetchall() == [(1,)]
    load(tmp_path, [article("b1", text="Another one.")])
    # Each query is a transaction on the latest snapshot: no reconnect needed.
    assert reader.sql("SELECT count(*) FROM articles").fetchall() == [(2,)]
    code = (
        "import duckdb, pathlib; con = duckdb.connect(); "
        f"con.execute(pathlib.Path({str(tmp_path / catalog.INIT_FILE)!r}).read_text()); "
        "print(con.sql('SELECT count(*) FROM articles').fetchall())"
    )
    fresh = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert fresh.stdout.strip() == "[(2,)]"
    reader.close()


def test_read_only_connection_refuses_writes(tmp_path):
    load(tmp_path, [article("a1")])
    with pytest.raises(duckdb.Error):
        catalog.connect(tmp_path).execute("CREATE TABLE t (x INT)")


def test_a_failed_load_can_be_retried_without_losing_or_doubling_rows(tmp_path):
    from flows.tasks import load_batch

    state = WarehouseState.read(tmp_path)
    page = {
        "page_id": "p1",
        "url": "file:///a.html",
        "final_url": "file:///a.html",
        "source": "files",
        "fetched_at": T0,
        "day": T0.date(),
        "status": None,
        "content_type": None,
        "etag": None,
        "last_modified": None,
        "body_sha256": "x",
        "body_bytes": 3,
        "body": b"abc",
        "run_id": "r1",
    }
    fresh, _ = state.plan_articles([article("a1")])
    broken_page = {**page, "url": None}  # the first attempt dies writing the pages
    with pytest.raises(writer.SchemaError):
        load_batch.fn(tmp_path, state, [broken_page], [], [], fresh)
    load_batch.fn(tmp_path, state, [page], [], [], fresh)  # the retry
    load_batch.fn(tmp_path, state, [page], [], [], fresh)  # and once more for good measure
    catalog.build(tmp_path)
    con = catalog.connect(tmp_path)
    assert con.sql("SELECT count(*) FROM pages").fetchall() == [(1,)]
    assert con.sql("SELECT count(*) FROM article_versions").fetchall() == [(1,)]


def test_readers_never_see_part_of_a_commit(tmp_path):
    """A reader counting rows while a writer commits batches of 12 across two tables only ever sees whole
    batches, in both tables at once."""
    import threading

    stop, seen, errors = threading.Event(), [], []
    writer.write(tmp_path, "articles", [])  # nothing: the lake is made by the first write below

    def reader():
        while not stop.is_set():
            try:
                with lake.session(tmp_path, read_only=True) as con:
                    seen.append(
                        con.sql(
                            "SELECT (SELECT count(*) FROM article_versions), (SELECT count(*) FROM entity_mention_versions)"
                        ).fetchall()[0]
                    )
            except lake.NoWarehouse:
                pass
            except Exception as exc:
                errors.append(repr(exc))

    publish(tmp_path, pages=[], failures=[], mentions=[], articles=[])
    lake.connect(tmp_path, create=True).close()
    thread = threading.Thread(target=reader)
    thread.start()
    try:
        for i in range(15):
            rows = [article(f"a{i}-{j}", version=1, text=f"Story {i}-{j} " + "words " * 400) for j in range(12)]
            publish(
                tmp_path, pages=[], failures=[], mentions=[mention(r["article_id"], 1, 0) for r in rows], articles=rows
            )
            looked = len(seen)  # the reader looks at least once between two commits, however busy the machine
            deadline = time.monotonic() + 30
            while len(seen) <= looked and time.monotonic() < deadline and thread.is_alive():
                time.sleep(0.005)
    finally:
        stop.set()
        thread.join()
    assert errors == []
    assert len(seen) > 15
    assert all(a % 12 == 0 and a == m for a, m in seen), [s for s in seen if s[0] % 12 or s[0] != s[1]]


def write_as_schema_1(root, name, rows, dropped):
    """A file as issue 2's code wrote it: the columns schema version 2 added are missing."""
    spec = TABLES[name]
    schema = pa.schema([f for f in spec.schema if f.name not in dropped])
    table = pa.Table.from_pylist([{k: v for k, v in r.items() if k not in dropped} for r in rows], schema=schema)
    table = table.replace_schema_metadata({b"newsetl.table": name.encode(), b"newsetl.schema_version": b"1"})
    folder = root / name / "month=2024-03"
    folder.mkdir(parents=True, exist_ok=True)
    pq.write_table(table, folder / "part-v1.parquet")


def test_a_warehouse_written_with_schema_1_stays_readable_and_versionable(tmp_path):
    from flows.crawlstate import CrawlState

    old = article("a1", version=1)
    write_as_schema_1(tmp_path, "articles", [old], {"record_hash"})
    page = {
        "page_id": "p1",
        "url": "https://x.example/a1",
        "final_url": "https://x.example/a1",
        "source": "urls",
        "fetched_at": T0,
        "day": date(2024, 3, 7),
        "status": 200,
        "content_type": "text/html",
        "etag": '"e1"',
        "last_modified": None,
        "body_sha256": "00",
        "body_bytes": 2,
        "body": b"<p>",
        "run_id": "r1",
    }
    write_as_schema_1(tmp_path, "pages", [page], {"listed_title", "listed_published_at", "listed_via", "listed_in"})

    # written before the commit log (and DuckLake): converted once by the first writer
    assert prepare(tmp_path) == {"rows_converted": 2, "files_converted": 2, "debris_files_deleted": 0}
    state = WarehouseState.read(tmp_path)  # old rows have no record_hash: compared on text and title
    assert state.article("a1").legacy
    fresh, unchanged = state.plan_articles([article("a1")])
    assert (fresh, unchanged) == ([], 1)
    fresh, _ = state.plan_articles([article("a1", title="New title")])
    assert [a["version"] for a in fresh] == [2]
    publish(tmp_path, pages=[], failures=[], mentions=[], articles=fresh)
    catalog.build(tmp_path)
    con = catalog.connect(tmp_path)
    assert con.sql("SELECT version, record_hash IS NULL FROM article_versions ORDER BY 1").fetchall() == [
        (1, True),
        (2, False),
    ]
    assert con.sql("SELECT listed_title, etag FROM pages").fetchall() == [(None, '"e1"')]
    [rows] = list(writer.scan(tmp_path, "pages"))
    assert rows[0]["listed_via"] is None and rows[0]["body"] == b"<p>"
    state = CrawlState.open(tmp_path)  # rebuilt from the old pages file
    assert state.validators("https://x.example/a1").etag == '"e1"'
    state.close()


def test_a_batch_killed_before_its_commit_leaves_nothing_and_the_rerun_adds_each_row_once(tmp_path, monkeypatch):
    load(tmp_path, [article("a0")])
    state = WarehouseState.read(tmp_path)
    rows = [article(f"a{i}", text=f"Text {i} about Porto.") for i in range(1, 13)]  # over 10 rows: Parquet files
    fresh, _ = state.plan_articles([dict(r) for r in rows])
    mentions = [mention(a["article_id"], 1, 14, canonical="Porto") for a in fresh]

    def killed(*args, **kwargs):
        raise KeyboardInterrupt  # stands for SIGKILL: every file of the batch is written, the commit is not

    monkeypatch.setattr(lake, "set_commit_message", killed)
    with pytest.raises(KeyboardInterrupt):
        publish(tmp_path, pages=[], failures=[], mentions=mentions, articles=fresh)
    monkeypatch.undo()
    con = catalog.connect(tmp_path)
    assert con.sql("SELECT article_id FROM article_versions").fetchall() == [("a0",)]
    assert con.sql("SELECT count(*) FROM entity_mention_versions").fetchall() == [(0,)]
    con.close()
    # A process killed inside DuckLake's commit leaves data files no commit names: debris, never read, and
    # deleted by the next writer.
    folder = tmp_path / "lake" / "main" / "article_versions" / "year=2024" / "month=3"
    folder.mkdir(parents=True, exist_ok=True)
    pq.write_table(writer.to_table(TABLES["articles"], fresh), folder / "ducklake-debris.parquet")
    assert catalog.connect(tmp_path).sql("SELECT count(*) FROM article_versions").fetchall() == [(1,)]
    assert prepare(tmp_path)["debris_files_deleted"] == 1
    assert not (folder / "ducklake-debris.parquet").exists()

    # The next run, with other batch boundaries: a few articles per batch.
    for batch in (rows[:5], rows[5:]):
        load(
            tmp_path,
            [dict(r) for r in batch],
            mentions_for=lambda a: [m for m in mentions if m["article_id"] == a["article_id"]],
        )
    con = catalog.connect(tmp_path)
    assert con.sql("SELECT count(*), count(DISTINCT article_id), max(version) FROM article_versions").fetchall() == [
        (13, 13, 1)
    ]
    assert con.sql("SELECT count(*), count(DISTINCT article_id) FROM entity_mention_versions").fetchall() == [(12, 12)]


def test_time_travel_and_changes_since_with_the_documented_queries(tmp_path):
    load(tmp_path, [article("a1")])
    with lake.session(tmp_path, read_only=True) as con:
        [(then,)] = con.sql("SELECT max(snapshot_time) FROM ducklake_snapshots('news')").fetchall()
    load(tmp_path, [article("b1", text="Another one.")])
    literal = f"TIMESTAMPTZ '{then.isoformat()}'"
    con = catalog.connect(tmp_path)
    assert con.sql(f"SELECT article_id FROM articles AT (TIMESTAMP => {literal})").fetchall() == [("a1",)]
    changed = con.sql(
        f"SELECT article_id, version FROM ducklake_table_insertions('news', 'main', 'article_versions', {literal}, now())"
    ).fetchall()
    assert changed == [("b1", 1)]
    assert con.sql("SELECT count(*) FROM articles").fetchall() == [(2,)]
