"""A run killed with SIGKILL at any moment leaves no partial or duplicate rows visible, loses nothing already
loaded, and the next run completes the work: the same rows as a run that was never killed.

Real `newsetl run` processes, against a real Prefect server, killed at random moments; the warehouse is read
back both through the views (what analysts see) and through the tables (what the next run builds on), by a
separate read-only DuckDB session.
"""

import os
import random
import signal
import subprocess
import sys

import pytest
from conftest import PROJECT, SAMPLE_PAGES

from warehouse import catalog, lake, storage

pytestmark = pytest.mark.slow

KILLS = 4  # each kill costs a whole run's start-up (10-30 s); tests/test_warehouse.py kills inside a commit
KEYS = {
    "article_versions": "article_id, version",
    "entity_mention_versions": "article_id, version, field, start_char",
    "pages": "page_id",
    "failures": "failure_id",
}


def start_run(root, env) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "flows.cli", "run", str(SAMPLE_PAGES), "-w", str(root), "--quiet"],
        cwd=PROJECT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        text=True,
    )


def visible_counts(root) -> dict[str, int]:
    """Row counts through the catalog, after checking what an analyst sees is whole: no key twice, no mention
    without its article version, no article without its page."""
    if not storage.of(root).exists():
        return dict.fromkeys(KEYS, 0)
    con = catalog.connect(root)
    try:
        counts = {}
        for view, key in KEYS.items():
            total, distinct = con.sql(f"SELECT count(*), count(DISTINCT ({key})) FROM {view}").fetchall()[0]
            assert total == distinct, f"{view}: {total - distinct} duplicate rows"
            counts[view] = total
        orphans = con.sql(
            "SELECT count(*) FROM entity_mention_versions m ANTI JOIN article_versions a USING (article_id, version)"
        ).fetchall()[0][0]
        assert orphans == 0, f"{orphans} mentions without their article version"
        pageless = con.sql("SELECT count(*) FROM article_versions a ANTI JOIN pages p USING (page_id)").fetchall()
        assert pageless == [(0,)], "articles without their page"
        return counts
    finally:
        con.close()


def committed_counts(root) -> dict[str, int]:
    """The same checks on the tables under the views, as of the latest snapshot."""
    if not storage.of(root).exists():
        return dict.fromkeys(KEYS, 0)
    with lake.session(root, read_only=True) as con:
        counts = {}
        for table, key in KEYS.items():
            total, distinct = con.sql(f"SELECT count(*), count(DISTINCT ({key})) FROM {table}").fetchall()[0]
            assert total == distinct, f"{table}: {total - distinct} duplicate rows"
            counts[table] = total
        assert con.sql(
            "SELECT count(*) FROM entity_mention_versions m ANTI JOIN article_versions a USING (article_id, version)"
        ).fetchall() == [(0,)]
        assert con.sql("SELECT count(*) FROM article_versions a ANTI JOIN pages p USING (page_id)").fetchall() == [(0,)]
    return counts


def first_load_at(root) -> float:
    """When the first batch was committed (unix time)."""
    with lake.session(root, read_only=True) as con:
        return con.sql(
            "SELECT epoch(min(snapshot_time)) FROM ducklake_snapshots('news') "
            "WHERE changes['tables_inserted_into'] IS NOT NULL OR changes['inlined_insert'] IS NOT NULL"
        ).fetchall()[0][0]


@pytest.mark.timeout(900)
def test_sigkill_at_random_moments_then_rerun(prefect_server, sample_reference_run, tmp_path):
    env = {**prefect_server, "NEWSETL_BATCH_SIZE": "3", "PYTHONUNBUFFERED": "1"}
    reference = sample_reference_run["root"]  # the same run in the same batches, never killed
    duration = sample_reference_run["seconds"]
    # Kill from a little before the first commit (imports and Prefect's start come first) to the end.
    first_commit = first_load_at(reference) - sample_reference_run["started"]
    expected = visible_counts(reference)
    assert expected == committed_counts(reference) and expected["article_versions"] == 23

    rng = random.Random(20261128)
    kills, chains, mid_load, runs = 0, 0, 0, 0

    def enough() -> bool:
        # KILLS kills, half of them while batches were loading (where kills land depends on the machine's speed)
        return kills >= KILLS and mid_load >= KILLS // 2

    while not enough() or chains == 0:
        root = tmp_path / f"chain-{chains}"
        chains += 1
        before = dict.fromkeys(KEYS, 0)
        while True:  # killed and run again until a run completes: once there are enough kills, it may
            assert runs < 4 * KILLS, f"only {mid_load} of {kills} kills landed while batches were loading"
            run = start_run(root, env)
            runs += 1
            try:
                # up to the reference run's end: a run that ends before its kill ends the chain
                window = (max(0.5, first_commit - 1.0), max(first_commit, duration - 0.5))
                run.wait(timeout=300 if enough() else rng.uniform(*window))
            except subprocess.TimeoutExpired:
                os.kill(run.pid, signal.SIGKILL)
                run.wait()
                kills += 1
            else:
                assert run.returncode == 0, run.stderr.read()
            visible = visible_counts(root)
            committed = committed_counts(root)
            mid_load += run.returncode != 0 and 0 < committed["pages"] < expected["pages"]
            for view in KEYS:  # nothing already loaded is lost, and the catalog never shows more than is committed
                assert before[view] <= committed[view] and visible[view] <= committed[view], (view, before, committed)
            before = committed
            if run.returncode == 0:
                break
        assert visible_counts(root) == committed_counts(root) == expected, f"chain {chains}"
    final = start_run(root, env)  # a re-run after the last chain completed adds no row
    assert final.wait(timeout=300) == 0, final.stderr.read()
    assert visible_counts(root) == committed_counts(root) == expected, "re-run"
    print(f"{kills} kills in {chains} chains, {mid_load} with the warehouse part-loaded")
