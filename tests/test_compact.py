"""Compaction: fewer files, the same answers to every question, atomically."""

import json
import time

import pyarrow.parquet as pq
import pytest
from conftest import PROJECT, SAMPLE_PAGES
from test_warehouse import article, load, mention, write_as_schema_1
from typer.testing import CliRunner

from flows.cli import app
from warehouse import catalog, log, writer
from warehouse.check import check
from warehouse.compact import compact
from warehouse.loader import prepare
from warehouse.lock import writer_lock

QUERIES = sorted((PROJECT / "warehouse" / "queries").glob("*.sql"))
DUMPS = {
    "article_versions": "SELECT * EXCLUDE (month) FROM article_versions ORDER BY article_id, version",
    "entity_mention_versions": "SELECT * EXCLUDE (month) FROM entity_mention_versions ORDER BY ALL",
    "pages": "SELECT * EXCLUDE (month) FROM pages ORDER BY page_id",
    "failures": "SELECT * EXCLUDE (month) FROM failures ORDER BY failure_id",
    "runs": "SELECT * FROM runs ORDER BY run_id",
}


def answers(root) -> dict:
    con = catalog.connect(root)
    try:
        out = {name: con.sql(sql).fetchall() for name, sql in DUMPS.items()}
        out |= {q.stem: con.sql(q.read_text()).fetchall() for q in QUERIES}
        return out
    finally:
        con.close()


def files_per_partition(root, table) -> dict:
    counts: dict = {}
    for path in writer.files(root, table):
        counts[path.parent.name] = counts.get(path.parent.name, 0) + 1
    return counts


@pytest.mark.slow
def test_compacting_a_real_warehouse_changes_no_answer(prefect_harness, tmp_path):
    from flows.ingest import ingest

    root = tmp_path / "wh"
    ingest(inputs=[str(SAMPLE_PAGES)], warehouse=str(root), batch_size=2)  # a file per table per 2 pages
    before = answers(root)
    assert max(files_per_partition(root, "entity_mentions").values()) > 3
    assert all(before[q.stem] for q in QUERIES if q.stem != "articles_about")

    result = CliRunner().invoke(app, ["compact", "-w", str(root)])

    assert result.exit_code == 0, result.output
    assert answers(root) == before
    for table in ("pages", "articles", "entity_mentions", "failures", "fetch_log"):
        assert set(files_per_partition(root, table).values()) <= {1}, table
    assert check(root).ok


def test_compaction_upgrades_old_files_keeps_replaced_ones_for_the_grace_period(tmp_path, monkeypatch):
    old = article("a0", version=1)
    write_as_schema_1(tmp_path, "articles", [old], {"record_hash"})
    prepare(tmp_path)  # adopts the schema-1 file
    for i in range(1, 4):
        load(
            tmp_path,
            [article(f"a{i}", text=f"Text number {i} about Lisbon.")],
            lambda a: [mention(a["article_id"], 1, 0)],
        )
    before = answers(tmp_path)
    replaced = writer.files(tmp_path, "articles")
    assert len(replaced) == 4

    done = compact(tmp_path)
    catalog.build(tmp_path)

    assert done.tables == {"articles": 1, "entity_mentions": 1} and done.rows == 4 + 3
    assert answers(tmp_path) == before
    [merged] = writer.files(tmp_path, "articles")
    assert merged.name.startswith("part-") and all(p.exists() for p in replaced)  # readers' grace period
    import pyarrow.parquet as pq

    assert pq.read_schema(merged).metadata[b"newsetl.schema_version"] == b"2"
    assert pq.read_metadata(merged).num_row_groups == 1  # 4 small files, not 4 small row groups
    assert compact(tmp_path).partitions == 0  # nothing left to merge
    assert prepare(tmp_path)["debris_files_deleted"] == 0
    monkeypatch.setattr(log, "GRACE_SECONDS", 0)
    time.sleep(0.01)
    assert prepare(tmp_path)["debris_files_deleted"] == 4 + 3
    assert not any(p.exists() for p in replaced) and answers(tmp_path) == before


def test_compact_waits_its_turn(tmp_path):
    load(tmp_path, [article("a1")])
    with writer_lock(tmp_path, "newsetl ingest (flow run x)"):
        result = CliRunner().invoke(app, ["compact", "-w", str(tmp_path)])
    assert result.exit_code == 3 and "flow run x" in result.output


@pytest.mark.slow
def test_a_run_compacts_crowded_partitions_on_its_own(prefect_harness, tmp_path):
    from flows.ingest import ingest

    root = tmp_path / "wh"
    summary = ingest(inputs=[str(SAMPLE_PAGES)], warehouse=str(root), batch_size=2, options={"compact_threshold": 3})
    assert summary["counts"]["partitions_compacted"] > 0
    operations = [json.loads(p.read_text())["info"].get("operation") for p in sorted((root / "_log").glob("0*.json"))]
    first_compaction = operations.index("compact")
    assert "load" in operations[first_compaction:]  # compacted while loading, not only at the end
    for table in ("articles", "entity_mentions", "pages"):
        assert max(files_per_partition(root, table).values()) <= 3, table
    assert check(root).ok
    con = catalog.connect(root)
    assert con.sql("SELECT count(*) FROM articles").fetchall() == [(23,)]


def test_a_runs_compaction_leaves_full_files_alone(tmp_path):
    rows = [article(f"a{i}", text=f"Text number {i} about Lisbon.") for i in range(6)]
    load(tmp_path, rows[:4])  # one file of 4 rows: "full" at max_rows=3
    for row in rows[4:]:
        load(tmp_path, [row])  # two files of 1 row
    before = answers(tmp_path)
    [full] = [p for p in writer.files(tmp_path, "articles") if pq.read_metadata(p).num_rows == 4]

    result = compact(tmp_path, min_files=2, tables=["articles"], max_rows=3)

    assert result.partitions == 1 and result.files_before == 2
    paths = writer.files(tmp_path, "articles")
    assert full in paths and sorted(pq.read_metadata(p).num_rows for p in paths) == [2, 4]
    catalog.build(tmp_path)
    assert answers(tmp_path) == before
