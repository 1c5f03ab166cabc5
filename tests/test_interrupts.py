"""Ctrl-C and SIGTERM as the flows see them, also when a library turns them into an error of its own."""

import os
import signal
import threading

import duckdb
import pytest
from prefect.states import Failed

from flows import runtime
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


def test_ctrl_c_during_a_duckdb_query_is_seen_as_ctrl_c():
    """What broke Ctrl-C in a real terminal: DuckDB raised the interrupt as an error, so the run was recorded
    as failed (exit 1, a traceback), and a storage task retried it and went on."""
    con = duckdb.connect()
    timer = threading.Timer(0.5, os.kill, (os.getpid(), signal.SIGINT))
    timer.start()
    try:
        with pytest.raises(BaseException) as caught:
            con.sql("SELECT count(*) FROM range(10000000000) a, range(10) b WHERE a.range % 7 = b.range").fetchall()
    finally:
        timer.cancel()
    assert runtime.interrupted_by(caught.value) == "SIGINT", repr(caught.value)


def test_storage_tasks_retry_failures_but_not_interrupts():
    assert not_interrupted(None, None, Failed(data=OSError("No space left on device")))
    assert not not_interrupted(None, None, Failed(data=_raised_from(KeyboardInterrupt())))
    assert not not_interrupted(None, None, Failed(data=_raised_from(runtime.Terminated())))
