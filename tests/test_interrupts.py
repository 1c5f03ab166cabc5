"""Ctrl-C and SIGTERM as the flows see them, also when a library turns them into an error of its own (DuckDB:
`RuntimeError: Query interrupted`, raised from the KeyboardInterrupt, seen in a real terminal). A SIGINT sent
to a pytest-xdist worker during a DuckDB query was not raised that way and hung the worker, so the chain is
tested here with the exceptions built as DuckDB raised them."""

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


def test_storage_tasks_retry_failures_but_not_interrupts():
    assert not_interrupted(None, None, Failed(data=OSError("No space left on device")))
    assert not not_interrupted(None, None, Failed(data=_raised_from(KeyboardInterrupt())))
    assert not not_interrupted(None, None, Failed(data=_raised_from(runtime.Terminated())))
