"""Maintenance (DuckLake's merge, expire and cleanup): fewer files, the same answers to every question."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import PROJECT, SAMPLE_PAGES
from test_warehouse import article, load, mention
from typer.testing import CliRunner

from flows.cli import app
from warehouse import catalog, lake, maintain
from warehouse.check import check
from warehouse.lock import writer_lock

QUERIES = sorted((PROJECT / "warehouse" / "queries").glob("*.sql"))
DUMPS = {
    "article_versions": "SELECT * FROM article_versions ORDER BY article_id, version",
    "entity_mention_versions": "SELECT * FROM entity_mention_versions ORDER BY ALL",
    "pages": "SELECT * FROM pages ORDER BY page_id",
    "failures": "SELECT * FROM failures ORDER BY failure_id",
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


def files(root) -> dict[str, dict[str, int]]:
    with lake.session(root, read_only=True) as con:
        return maintain.files_per_partition(con)


@pytest.mark.slow
def test_compacting_a_real_warehouse_changes_no_answer(prefect_harness, tmp_path):
    from flows.ingest import ingest

    root = tmp_path / "wh"
    # a data file per table per batch of 2 pages (once a batch has over 10 rows; fewer are inlined)
    ingest(inputs=[str(SAMPLE_PAGES)], warehouse=str(root), batch_size=2, options={"compact_threshold": 1000})
    before = answers(root)
    assert max(files(root)["entity_mention_versions"].values()) > 3
    assert all(before[q.stem] for q in QUERIES if q.stem != "articles_about")

    result = CliRunner().invoke(app, ["compact", "-w", str(root)])

    assert result.exit_code == 0, result.output
    assert answers(root) == before
    for table in ("pages", "article_versions", "entity_mention_versions", "failures"):
        assert set(files(root).get(table, {}).values()) <= {1}, table
    with lake.session(root, read_only=True) as con:
        assert maintain.inlined_rows(con) == 0  # written out
    assert check(root).ok


def test_a_runs_maintenance_merges_small_files_only_and_keeps_replaced_files_for_the_grace_period(tmp_path):
    for i in range(4):
        load(tmp_path, [article(f"a{i}-{j}", text=f"Text {i} {j} about Lisbon.") for j in range(11)],
             lambda a: [mention(a["article_id"], 1, 0)])  # fmt: skip
    before = answers(tmp_path)
    assert files(tmp_path)["article_versions"] == {"2024/3": 4}
    replaced = sorted((tmp_path / "lake" / "main" / "article_versions").rglob("*.parquet"))

    done = maintain.maintain(tmp_path, tables=["articles"], max_file_bytes=maintain.SMALL_FILE_BYTES)

    assert files(tmp_path)["article_versions"] == {"2024/3": 1} and done.tables == {"article_versions": 3}
    assert answers(tmp_path) == before
    assert all(p.exists() for p in replaced)  # kept for queries still reading them (GRACE)
    big = maintain.maintain(tmp_path, tables=["articles"], max_file_bytes=1)  # every file is "full" now
    assert big.files_before == big.files_after
    with lake.session(tmp_path) as con:
        assert maintain.expire_and_clean(con, keep_days=0, cleanup_all=True) >= len(replaced)
    assert not any(p.exists() for p in replaced) and answers(tmp_path) == before


def test_a_run_merges_the_crumbs_of_a_partition_and_leaves_its_larger_files_as_they_are(tmp_path):
    """Issue 16: the files a run merges are of one size tier, so a partition's crumbs (an hour's batches) merge
    among themselves and do not drag its bigger files (a search bucket's 7 MiB) into every merge."""
    noise = os.urandom(1_500_000).hex()  # incompressible: one article's text makes a file past the first tier
    load(tmp_path, [article("big", text=f"About Lisbon. {noise}")], lambda a: [mention(a["article_id"], 1, 0)])
    for i in range(3):
        load(tmp_path, [article(f"a{i}-{j}", text=f"Text {i} {j} about Lisbon.") for j in range(11)],
             lambda a: [mention(a["article_id"], 1, 0)])  # fmt: skip
    big = maintain.TIERS[1][0]
    with lake.session(tmp_path, read_only=True) as con:
        sizes = {f: s for f, s in con.sql(
            "SELECT data_file, data_file_size_bytes FROM ducklake_list_files('news', 'article_versions')").fetchall()}  # fmt: skip
        tiers = maintain.files_per_tier(con)["article_versions"]
    assert sorted(s >= big for s in sizes.values()) == [False, False, False, True]
    assert tiers == {("2024/3", 0): 3, ("2024/3", 1): 1}
    assert "article_versions" not in maintain.crowded(tmp_path, 3)  # at the threshold, not over it
    crowded = maintain.crowded(tmp_path, 2)
    assert crowded["article_versions"] == [0] and crowded["newsetl_meta"] == [0]  # the lake's own names
    before = answers(tmp_path)

    maintain.maintain(tmp_path, tiers=crowded)

    with lake.session(tmp_path, read_only=True) as con:
        after = {f: s for f, s in con.sql(
            "SELECT data_file, data_file_size_bytes FROM ducklake_list_files('news', 'article_versions')").fetchall()}  # fmt: skip
    kept = [f for f, s in sizes.items() if s >= big]
    assert len(after) == 2 and kept[0] in after  # the crumbs became one; the big file is the same file
    assert answers(tmp_path) == before


def test_compact_waits_its_turn(tmp_path):
    load(tmp_path, [article("a1")])
    with writer_lock(tmp_path, "newsetl ingest (flow run x)"):
        result = CliRunner().invoke(app, ["compact", "-w", str(tmp_path)])
    assert result.exit_code == 3 and "flow run x" in result.output


def test_compact_on_a_read_only_warehouse_is_a_one_line_error(tmp_path):
    """Issue 18, item 13: main printed a 44-line traceback."""
    load(tmp_path, [article("a1")])
    lake.close_all()
    newsetl = str(Path(sys.executable).parent / "newsetl")
    if os.geteuid() == 0:  # root writes anywhere: a read-only bind mount of the folder, in a mount namespace
        script = f'mount --bind "$0" "$0" && mount -o remount,ro,bind "$0" "$0" && exec {newsetl} compact -w "$0"'
        cmd = ["unshare", "-m", "sh", "-c", script, str(tmp_path)]
        probe = subprocess.run(["unshare", "-m", "true"], capture_output=True)
        if probe.returncode != 0:
            pytest.skip("no mount namespace here")
        done = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
    else:
        for path in [tmp_path, *tmp_path.rglob("*")]:
            path.chmod(path.stat().st_mode & ~(stat.S_IWUSR | stat.S_IWGRP | stat.S_IWOTH))
        try:
            done = subprocess.run(
                [newsetl, "compact", "-w", str(tmp_path)], capture_output=True, text=True, timeout=120
            )
        finally:
            for path in [tmp_path, *tmp_path.rglob("*")]:
                path.chmod(path.stat().st_mode | stat.S_IWUSR)
    assert done.returncode == 1, (done.stdout, done.stderr)
    lines = [line for line in done.stderr.strip().splitlines() if not line.startswith("Bytecode")]
    assert len(lines) == 1 and lines[0].startswith("error:"), done.stderr
    assert "Traceback" not in done.stderr + done.stdout


@pytest.mark.slow
def test_a_run_compacts_crowded_partitions_on_its_own(prefect_harness, tmp_path):
    from flows.ingest import ingest

    root = tmp_path / "wh"
    summary = ingest(inputs=[str(SAMPLE_PAGES)], warehouse=str(root), batch_size=2, options={"compact_threshold": 3})
    assert summary["counts"]["partitions_compacted"] > 0
    for table in ("article_versions", "entity_mention_versions", "pages"):
        assert max(files(root).get(table, {"": 0}).values()) <= 3, table
    assert check(root).ok
    con = catalog.connect(root)
    assert con.sql("SELECT count(*) FROM articles").fetchall() == [(23,)]
