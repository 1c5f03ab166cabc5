"""The commit log and the writer lock: what is in the warehouse, and who may write to it."""

import threading
import time

import pytest
from typer.testing import CliRunner

from flows.cli import app
from warehouse import log
from warehouse.lock import WarehouseLocked, writer_lock


def touch(root, rel):
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"PAR1")
    return rel


def test_commits_add_and_remove_files_in_order(tmp_path):
    a = touch(tmp_path, "articles/month=2024-03/part-a.parquet")
    b = touch(tmp_path, "articles/month=2024-03/part-b.parquet")
    m = touch(tmp_path, "entity_mentions/month=2024-03/part-m.parquet")
    log.commit(tmp_path, add={"articles": [a], "entity_mentions": [m]})
    log.commit(tmp_path, add={"articles": [b]}, remove={"articles": [a]}, info={"operation": "compact"})
    snapshot = log.read(tmp_path)
    assert snapshot.version == 2
    assert snapshot.table_files("articles") == [b] and snapshot.table_files("entity_mentions") == [m]
    assert a in snapshot.removed


def test_checkpoints_bound_the_replay_and_agree_with_it(tmp_path, monkeypatch):
    monkeypatch.setattr(log, "CHECKPOINT_EVERY", 10)
    for i in range(25):
        log.commit(tmp_path, add={"pages": [touch(tmp_path, f"pages/part-{i}.parquet")]})
    names = sorted(p.name for p in (tmp_path / log.LOG_DIR).iterdir())
    assert "000000000010.checkpoint.json" in names and "000000000020.checkpoint.json" in names
    full = log.read(tmp_path)
    # delete the commits a checkpoint covers: the state must not change
    for name in names:
        if not name.endswith("checkpoint.json") and int(name[:12]) <= 20:
            (tmp_path / log.LOG_DIR / name).unlink()
    assert log.read(tmp_path).files == full.files and log.read(tmp_path).version == 25


def test_concurrent_committers_never_lose_a_commit(tmp_path):
    def commit_many(worker):
        for i in range(20):
            log.commit(tmp_path, add={"pages": [touch(tmp_path, f"pages/w{worker}-{i}.parquet")]})

    threads = [threading.Thread(target=commit_many, args=(w,)) for w in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    snapshot = log.read(tmp_path)
    assert snapshot.version == 80 and len(snapshot.table_files("pages")) == 80


def test_debris_is_what_no_commit_names_or_was_removed_long_ago(tmp_path):
    live = touch(tmp_path, "pages/part-live.parquet")
    gone = touch(tmp_path, "pages/part-gone.parquet")
    touch(tmp_path, "pages/part-never-committed.parquet")
    log.commit(tmp_path, add={"pages": [live, gone]})
    log.commit(tmp_path, remove={"pages": [gone]})
    snapshot = log.read(tmp_path)
    now = time.time()
    assert log.debris(tmp_path, ["pages"], snapshot, now) == ["pages/part-never-committed.parquet"]
    later = now + log.GRACE_SECONDS + 1  # readers of an older catalog have had their grace period
    assert log.debris(tmp_path, ["pages"], snapshot, later) == [
        "pages/part-gone.parquet",
        "pages/part-never-committed.parquet",
    ]


def test_a_damaged_log_is_an_error_not_a_guess(tmp_path):
    log.commit(tmp_path, add={"pages": [touch(tmp_path, "pages/a.parquet")]})
    log.commit(tmp_path, add={"pages": [touch(tmp_path, "pages/b.parquet")]})
    (tmp_path / log.LOG_DIR / "000000000001.json").unlink()
    with pytest.raises(RuntimeError, match="log damaged"):
        log.read(tmp_path)


def test_a_second_writer_is_refused_with_who_holds_the_lock(tmp_path):
    refused = pytest.raises(WarehouseLocked, match=r"newsetl ingest \(flow run abc\) \(pid \d+")
    with writer_lock(tmp_path, "newsetl ingest (flow run abc)"), refused, writer_lock(tmp_path, "second"):
        pass
    with writer_lock(tmp_path, "after the first"):  # released
        pass


def test_a_second_writer_can_wait_for_the_first(tmp_path):
    release = threading.Event()

    def hold():
        with writer_lock(tmp_path, "first"):
            release.wait(5)

    holder = threading.Thread(target=hold)
    holder.start()
    time.sleep(0.2)
    threading.Timer(0.5, release.set).start()
    t0 = time.monotonic()
    with writer_lock(tmp_path, "second", wait=5):
        waited = time.monotonic() - t0
    holder.join()
    assert 0.3 < waited < 5


def test_cli_run_against_a_locked_warehouse_exits_3_with_the_reason(tmp_path, prefect_harness):
    with writer_lock(tmp_path, "newsetl ingest (flow run other)"):
        result = CliRunner().invoke(app, ["run", "-w", str(tmp_path), "--quiet"])
    assert result.exit_code == 3, result.output
    assert "flow run other" in result.output and "NEWSETL_LOCK_WAIT" in result.output
    assert not (tmp_path / "runs").exists()  # the locked-out run wrote nothing
