"""The writer lock: one writer per SQLite catalog, a clear exit 3 for a second one."""

import threading
import time

import pytest
from typer.testing import CliRunner

from flows.cli import app
from warehouse.lock import WarehouseLocked, stopped_short, writer_lock


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
    assert not (tmp_path / "catalog.sqlite").exists()  # the locked-out run wrote nothing


DEBRIS_WRITER = """
import os, sys
from pathlib import Path
from warehouse.lock import writer_lock
root = Path(sys.argv[1])
with writer_lock(root, "a writer killed mid-commit"):
    (root / "lake" / "main").mkdir(parents=True, exist_ok=True)
    (root / "lake" / "main" / "debris.parquet").write_bytes(b"PAR1 never committed")
    print("written", flush=True)
    sys.stdin.read()  # killed here
"""


def _stray(root):
    return root / "lake" / "main" / "debris.parquet"


def test_the_writer_after_a_killed_one_deletes_its_debris_and_a_clean_finish_skips_the_look(tmp_path):
    import signal
    import subprocess
    import sys

    from warehouse.loader import prepare

    with writer_lock(tmp_path, "first run"):
        assert prepare(tmp_path)["debris_files_deleted"] == 0  # creates the DuckLake
    writer = subprocess.Popen(
        [sys.executable, "-c", DEBRIS_WRITER, str(tmp_path)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    assert writer.stdout.readline().strip() == "written"
    writer.send_signal(signal.SIGKILL)
    writer.wait()
    with writer_lock(tmp_path, "the next run"):
        assert prepare(tmp_path)["debris_files_deleted"] == 1
    assert not _stray(tmp_path).exists()

    # That run finished normally: the next one does not list the data files (a stray file is not its debris).
    _stray(tmp_path).write_bytes(b"PAR1 put here by hand")
    with writer_lock(tmp_path, "a run after a clean one"):
        assert prepare(tmp_path)["debris_files_deleted"] == 0
    assert _stray(tmp_path).exists()

    # A run that fails (an exception, Ctrl-C) may have written files it never committed: the next one looks.
    with pytest.raises(RuntimeError), writer_lock(tmp_path, "a failing run"):
        raise RuntimeError("failed in load")
    with writer_lock(tmp_path, "the run after it"):
        assert prepare(tmp_path)["debris_files_deleted"] == 1
    # A run that handled a Ctrl-C (it records itself as cancelled and returns) may have left files too.
    _stray(tmp_path).write_bytes(b"PAR1 after a Ctrl-C")
    with writer_lock(tmp_path, "a cancelled run"):
        stopped_short(tmp_path)
    with writer_lock(tmp_path, "the run after it"):
        assert prepare(tmp_path)["debris_files_deleted"] == 1
    # Without the lock (a shared catalog's writers take none), a writer always looks.
    _stray(tmp_path).write_bytes(b"PAR1 again")
    assert prepare(tmp_path)["debris_files_deleted"] == 1
