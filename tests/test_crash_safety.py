"""A run killed with SIGKILL at any moment leaves no partial or duplicate rows visible, loses nothing already
loaded, and the next run completes the work: the same rows as a run that was never killed.

Real `newsetl run` processes, against a real Prefect server, killed at random moments; the warehouse is read
back both through the views (what analysts see) and through the tables (what the next run builds on), by a
separate read-only DuckDB session.
"""

import contextlib
import os
import random
import signal
import subprocess
import sys
import time

import pytest
from conftest import PROJECT, SAMPLE_PAGES

from warehouse import catalog, lake, storage

pytestmark = pytest.mark.slow

KILLS = 3  # each kill costs a whole run's start-up (10-30 s); tests/test_warehouse.py kills inside a commit
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


def catalog_written(root) -> tuple:
    """When the catalog (SQLite, in WAL mode) was last written: a cheap sign that a commit may have landed."""
    catalog_file = storage.of(root).catalog_file
    stamps = []
    for path in (catalog_file, catalog_file.with_name(catalog_file.name + "-wal")):
        with contextlib.suppress(OSError):
            stamps.append((path.stat().st_mtime_ns, path.stat().st_size))
    return tuple(stamps)


def wait_for_a_commit(run: subprocess.Popen, root, after: int) -> bool:
    """Whether the run committed pages beyond `after` before it ended: a read-only session looks each time the
    catalog file changed (one every 0.1 s took CPU from the run it watched)."""
    deadline, seen = time.monotonic() + 300, None
    while run.poll() is None and time.monotonic() < deadline:
        if (stamp := catalog_written(root)) != seen:
            seen = stamp
            try:
                if committed_counts(root)["pages"] > after:
                    return True
            except Exception:  # the catalog being created by the run: look again
                seen = None
        time.sleep(0.05)
    return False


@pytest.mark.timeout(900)
def test_sigkill_at_random_moments_then_rerun(prefect_server, sample_reference_run, tmp_path):
    env = {**prefect_server, "NEWSETL_BATCH_SIZE": "3", "PYTHONUNBUFFERED": "1"}
    reference = sample_reference_run["root"]  # the same run in the same batches, never killed
    duration = sample_reference_run["seconds"]
    expected = visible_counts(reference)
    assert expected == committed_counts(reference) and expected["article_versions"] == 23

    rng = random.Random(20261128)
    root = tmp_path / "killed"
    kills, mid_load, runs = 0, 0, 0
    before = dict.fromkeys(KEYS, 0)
    # Every other kill lands mid-load: once this run has committed a batch, after a random 0-1.5 s (inside a
    # later batch or its commit); the others at a random moment of a whole run (start-up, fetching, loading).
    # Timed by what the run has done, not by the clock, so a slow or a fast machine gets the same kinds of kill.
    while kills < KILLS or mid_load < KILLS // 2:
        assert runs < 4 * KILLS, f"only {mid_load} of {kills} kills landed while batches were loading"
        run, started = start_run(root, env), time.monotonic()
        runs += 1
        if kills % 2 == 0:
            if wait_for_a_commit(run, root, before["pages"]):
                time.sleep(rng.uniform(0, 1.5))
        else:
            with contextlib.suppress(subprocess.TimeoutExpired):
                run.wait(timeout=rng.uniform(0.5, max(1.0, duration)))
        if run.poll() is None:
            os.kill(run.pid, signal.SIGKILL)
            kills += 1
        run.wait()
        if run.returncode != -signal.SIGKILL:
            assert run.returncode == 0, run.stderr.read()
        visible = visible_counts(root)
        committed = committed_counts(root)
        mid_load += run.returncode == -signal.SIGKILL and 0 < committed["pages"] < expected["pages"]
        for view in KEYS:  # nothing already loaded is lost, and the catalog never shows more than is committed
            assert before[view] <= committed[view] and visible[view] <= committed[view], (view, before, committed)
        if run.returncode == 0:  # it finished before its kill: all of it is there; the next kills start afresh
            duration = min(duration, time.monotonic() - started)  # how long a whole run takes on this machine now
            assert visible == committed == expected
            root = tmp_path / f"killed-{runs}"
            committed = dict.fromkeys(KEYS, 0)
        before = committed
    for _ in range(2):  # the run after the kills completes the work; the one after it adds no row
        final = start_run(root, env)
        assert final.wait(timeout=300) == 0, final.stderr.read()
        assert visible_counts(root) == committed_counts(root) == expected
    print(f"{kills} kills in {runs} runs, {mid_load} with the warehouse part-loaded")
