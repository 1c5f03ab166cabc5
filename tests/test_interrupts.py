"""Ctrl-C and SIGTERM as the flows see them, also when a library turns them into an error of its own (DuckDB:
`RuntimeError: Query interrupted`, raised from the KeyboardInterrupt, seen in a real terminal). A SIGINT sent
to a pytest-xdist worker during a DuckDB query was not raised that way and hung the worker, so the chain is
tested here with the exceptions built as DuckDB raised them."""

import logging
import subprocess
import sys

import pytest
from prefect.states import Failed

from flows import runlog, runtime
from flows.tasks import not_interrupted


def _raised_from(cause: BaseException) -> RuntimeError:
    try:
        try:
            raise cause
        except BaseException as inner:
            raise RuntimeError("Query interrupted") from inner
    except RuntimeError as exc:
        return exc


def test_an_error_raised_from_an_interrupt_stands_for_its_signal():
    assert runtime.interrupted_by(_raised_from(KeyboardInterrupt())) == "SIGINT"
    assert runtime.interrupted_by(_raised_from(runtime.Terminated())) == "SIGTERM"
    assert runtime.interrupted_by(_raised_from(ValueError("disk full"))) is None
    assert runtime.interrupted_by(RuntimeError("no cause")) is None
    looped = RuntimeError("a")
    looped.__context__ = RuntimeError("b")
    looped.__context__.__context__ = looped
    assert runtime.interrupted_by(looped) is None  # a cycle in the chain ends the walk


def test_storage_tasks_retry_failures_but_not_interrupts():
    assert not_interrupted(None, None, Failed(data=OSError("No space left on device")))
    assert not not_interrupted(None, None, Failed(data=_raised_from(KeyboardInterrupt())))
    assert not not_interrupted(None, None, Failed(data=_raised_from(runtime.Terminated())))


def test_a_run_ends_cancelled_by_a_signal_failed_by_an_error_and_lets_an_exit_through(caplog):
    log = logging.getLogger("test-ending")
    summary = runlog.RunSummary("r1", "ingest", "wh", "?", {"batches": 1}, {}, 1.0, failed_stage="load")

    cancelled = runlog.Ending()
    assert cancelled.ended_by(_raised_from(KeyboardInterrupt()), "load", log) is True
    assert (cancelled.status, cancelled.error) == ("cancelled", "load: interrupted by SIGINT")
    state = cancelled.result(summary)
    assert state.is_cancelled() and "Ctrl-C" in state.message and "batches committed before it: 1" in state.message

    failed = runlog.Ending()
    try:
        raise OSError("No space left on device")
    except OSError as exc:
        assert failed.ended_by(exc, "fetch", log) is False
    assert (failed.status, failed.error) == ("failed", "fetch: OSError: No space left on device")
    assert "run failed in fetch" in caplog.text and "Traceback" in caplog.text
    with pytest.raises(RuntimeError, match="fetch: OSError"):
        failed.result(summary)

    with pytest.raises(SystemExit):
        runlog.Ending().ended_by(SystemExit(2), "load", log)
    assert runlog.Ending().result(summary) == summary.as_dict()


def test_a_warehouse_whose_creation_was_interrupted_is_not_there_and_the_next_run_makes_it(tmp_path, monkeypatch):
    """DuckLake sets up its catalog in several statements; a Ctrl-C among them left a catalog no later run could
    open ("database is locked", seen in a real terminal). The catalog appears whole or not at all."""
    from warehouse import lake

    root = tmp_path / "wh"
    real = lake.ensure_tables

    def interrupted(con, attempts=5):
        real(con)  # DuckLake's tables and ours are there, uncommitted to the warehouse: the signal comes now
        raise KeyboardInterrupt

    monkeypatch.setattr(lake, "ensure_tables", interrupted)
    with pytest.raises(KeyboardInterrupt):
        lake.open_instance(root, create=True)
    assert sorted(p.name for p in root.iterdir()) == ["lake"], "a half-made catalog was left"
    with pytest.raises(lake.NoWarehouse):
        lake.open_instance(root)

    monkeypatch.setattr(lake, "ensure_tables", real)
    con = lake.open_instance(root, create=True)
    try:
        assert con.sql("SELECT count(*) FROM articles").fetchone() == (0,)
        assert con.sql("PRAGMA database_list").fetchall()  # attached and usable
    finally:
        con.close()
    assert sorted(p.name for p in root.iterdir()) == ["catalog.sqlite", "lake"]


def test_what_duckdb_would_import_during_a_run_is_imported_before_it():
    """DuckDB imports pyarrow.dataset the first time it reads an Arrow table and takes a Ctrl-C during that
    import for a missing module: the run went on to the end. Importing the lake module imports it."""
    code = "import sys, warehouse.lake; print('pyarrow.dataset' in sys.modules)"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.stdout.strip() == "True", done.stderr


def test_a_creation_killed_before_its_cleanup_leaves_nothing_once_a_run_makes_the_catalog(tmp_path):
    from warehouse import lake

    root = tmp_path / "wh"
    root.mkdir()
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    for suffix in ("", "-wal", "-shm"):  # what a SIGKILLed creation in process `dead` left
        (root / f"catalog.sqlite.new-{dead.pid}{suffix}").write_bytes(b"half")
    lake.open_instance(root, create=True).close()
    assert sorted(p.name for p in root.iterdir()) == ["catalog.sqlite", "lake"]
