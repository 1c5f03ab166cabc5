"""The writer lock: one writer per SQLite catalog, a clear exit 3 for a second one."""

import threading
import time

import pytest
from typer.testing import CliRunner

from flows.cli import app
from warehouse.lock import WarehouseLocked, writer_lock


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
