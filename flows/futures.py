"""Batch task results as futures, whether a task ran here or on a Dask worker (no Dask import: a local run
does not pay for it)."""

from dataclasses import dataclass
from typing import Any


class Parcel:
    """A batch task's input on its way to a Dask worker. Prefect walks every input of a task looking for futures
    (for a batch of pages, ~500k calls per 1,000 pages), and `quote`, which stops that in this process, does
    not survive prefect-dask (the worker got a plain tuple): a Parcel is a box Prefect does not open."""

    __slots__ = ("value",)

    def __init__(self, value: Any) -> None:
        self.value = value


def unwrap(value: Any) -> Any:
    return value.value if isinstance(value, Parcel) else value


@dataclass
class Done:
    """A result computed in this process, shaped like the futures the Dask runner returns."""

    value: Any

    def done(self) -> bool:
        return True

    def result(self) -> Any:
        return self.value


def wait_for(future) -> None:
    """Wait until this future (a `Done`, or a Prefect future on Dask) has finished, whatever its outcome."""
    if not isinstance(future, Done):
        future.wait()


def is_done(future) -> bool:
    """Without waiting: has this future (a `Done`, or a Prefect future on Dask) finished?"""
    wrapped = getattr(future, "wrapped_future", None)
    return future.done() if wrapped is None else wrapped.done()
