"""Compaction: fewer files, the same answers to every question, atomically."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from conftest import PROJECT, SAMPLE_PAGES
from test_warehouse import article, load, mention, write_as_schema_1
from typer.testing import CliRunner

from flows.cli import app
from warehouse import catalog, log, writer
from warehouse.check import check
from warehouse.compact import Compaction, compact, compact_in_child
from warehouse.loader import prepare
from warehouse.lock import LOCK_FILE, WarehouseLocked, writer_lock
from warehouse.schemas import TABLES

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
        counts[writer.month_of(path)] = counts.get(writer.month_of(path), 0) + 1
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
    replaced = [tmp_path / p for p in writer.files(tmp_path, "articles")]
    assert len(replaced) == 4

    done = compact(tmp_path)
    catalog.build(tmp_path)

    assert done.tables == {"articles": 1, "entity_mentions": 1} and done.rows == 4 + 3
    assert answers(tmp_path) == before
    [merged] = [tmp_path / p for p in writer.files(tmp_path, "articles")]
    assert merged.name.startswith("part-") and all(p.exists() for p in replaced)  # readers' grace period
    import pyarrow.parquet as pq

    from warehouse.schemas import SCHEMA_VERSION

    assert pq.read_schema(merged).metadata[b"newsetl.schema_version"] == str(SCHEMA_VERSION).encode()
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
    [full] = [p for p in writer.files(tmp_path, "articles") if pq.read_metadata(tmp_path / p).num_rows == 4]

    result = compact(tmp_path, min_files=2, tables=["articles"], max_rows=3)

    assert result.partitions == 1 and result.files_before == 2
    paths = writer.files(tmp_path, "articles")
    assert full in paths and sorted(pq.read_metadata(tmp_path / p).num_rows for p in paths) == [2, 4]
    catalog.build(tmp_path)
    assert answers(tmp_path) == before


def small_files(root, n=3):
    """`n` one-row files in one partition of `articles`."""
    for i in range(n):
        load(root, [article(f"a{i}", text=f"Text number {i} about Lisbon.")])


def test_a_runs_compaction_runs_in_a_child_that_shares_the_runs_lock(tmp_path):
    small_files(tmp_path)
    before = answers(tmp_path)
    with pytest.raises(RuntimeError, match="does not hold the writer lock"):
        compact_in_child(tmp_path, tables=["articles"])  # only a lock holder may compact

    with writer_lock(tmp_path, "newsetl ingest (flow run x)"):
        result = compact_in_child(tmp_path, min_files=2, tables=["articles"], max_rows=10)

    assert result == Compaction(partitions=1, files_before=3, files_after=1, rows=3, tables={"articles": 1})
    assert len(writer.files(tmp_path, "articles")) == 1
    catalog.build(tmp_path)
    assert answers(tmp_path) == before


def test_a_compaction_child_refuses_a_descriptor_that_does_not_hold_the_lock(tmp_path):
    small_files(tmp_path)
    files = writer.files(tmp_path, "articles")
    with writer_lock(tmp_path, "another writer"):
        fd = os.open(tmp_path / LOCK_FILE, os.O_RDWR)  # the same file, but not the holder's descriptor
        try:
            cmd = [sys.executable, "-m", "warehouse.compact", str(tmp_path), "--lock-fd", str(fd)]
            done = subprocess.run(cmd, pass_fds=(fd,), capture_output=True, text=True)
        finally:
            os.close(fd)
    assert done.returncode != 0 and "does not hold the writer lock" in done.stderr
    assert writer.files(tmp_path, "articles") == files


def _children(pid: int) -> list[int]:
    try:
        return [int(c) for c in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_compaction_child_outliving_a_killed_run_keeps_other_writers_out_until_it_is_done(tmp_path):
    small_files(tmp_path)
    before = answers(tmp_path)
    script = (
        "import sys, pathlib; from warehouse.lock import writer_lock; from warehouse.compact import compact_in_child\n"
        "root = pathlib.Path(sys.argv[1])\n"
        "with writer_lock(root, 'a run'):\n"
        "    compact_in_child(root, tables=['articles'])\n"
    )
    run = subprocess.Popen([sys.executable, "-c", script, str(tmp_path)])
    deadline = time.monotonic() + 60
    while not (children := _children(run.pid)) and time.monotonic() < deadline and run.poll() is None:
        time.sleep(0.005)
    assert children, "the run did not start a compaction child"
    [child] = children
    os.kill(child, signal.SIGSTOP)  # hold the child where it is, then kill the run under it
    run.kill()
    run.wait()
    try:
        with pytest.raises(WarehouseLocked, match="a run"), writer_lock(tmp_path, "the next run"):
            pass
    finally:
        os.kill(child, signal.SIGCONT)
    with writer_lock(tmp_path, "the next run", wait=120):  # free once the child has finished
        pass
    assert len(writer.files(tmp_path, "articles")) == 1  # the child finished its compaction and committed it
    catalog.build(tmp_path)
    assert answers(tmp_path) == before


def test_compaction_and_check_report_progress_up_to_their_totals(tmp_path):
    small_files(tmp_path)
    seen: list[tuple[int, int]] = []
    done = compact(tmp_path, progress=lambda d, t: seen.append((d, t)))
    assert seen[0] == (0, done.partitions) and seen[-1] == (done.partitions, done.partitions) and done.partitions
    files: list[tuple[int, int]] = []
    check(tmp_path, progress=lambda d, t: files.append((d, t)))  # (small_files writes articles without pages)
    assert files[-1][0] == files[-1][1] == sum(len(writer.files(tmp_path, t)) for t in TABLES)
