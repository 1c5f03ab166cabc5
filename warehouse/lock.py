"""One writer per SQLite catalog: an exclusive lock on `<root>/_lock`, taken by every run that writes.

A SQLite catalog takes one committing writer at a time (a second one fails its commit with "database is
locked"), so a second run is refused up front instead. `flock` is released by the kernel when its holder
dies, SIGKILL included, so a crashed run never leaves a stale lock. The file records who holds it, for the
message the next run prints, and is emptied when its holder finishes normally: a holder that was killed or
failed leaves its record behind, which tells the next writer to look for the data files it may have left
(`may_have_debris`; looking lists every data file, ~1 s at 10^6 articles). A second run exits with that
message at once (exit code 3), or waits up to `wait` seconds for the first to finish (NEWSETL_LOCK_WAIT).
The catalog file, and so the lock, is local to a machine (an S3 warehouse's SQLite catalog lives in its
working folder); several machines writing one warehouse share a PostgreSQL catalog instead, and take no lock.
"""

import fcntl
import json
import os
import socket
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from pathlib import Path

LOCK_FILE = "_lock"
_held: dict[Path, int] = {}  # root -> the descriptor holding its lock, in this process
_unfinished: dict[Path, bool] = {}  # root -> whether the lock's previous holder did not finish normally
_stopped: set[Path] = set()  # roots whose holder here stopped short (`stopped_short`): their record stays


class WarehouseLocked(RuntimeError):
    """Another process is writing to this warehouse."""


def _holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        info = json.loads(os.read(fd, 4096) or b"{}")
        return f"{info['what']} (pid {info['pid']} on {info['host']}, since {info['since']})"
    except (OSError, ValueError, KeyError):
        return "another process"


@contextmanager
def writer_lock(root: Path, what: str, wait: float = 0.0) -> Iterator[None]:
    """Hold the warehouse's writer lock for the block. A warehouse whose catalog is shared (PostgreSQL) takes
    none: DuckLake's transactions there let several writers commit (docs/distributed.md)."""
    from warehouse import storage

    if storage.of(root).shared_catalog:
        yield
        return
    with _local_lock(root, what, wait):
        yield


@contextmanager
def _local_lock(root: Path, what: str, wait: float = 0.0) -> Iterator[None]:
    root.mkdir(parents=True, exist_ok=True)
    fd = os.open(root / LOCK_FILE, os.O_RDWR | os.O_CREAT, 0o644)
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() >= deadline:
                    waited = f" after waiting {wait:g} s" if wait else ""
                    raise WarehouseLocked(
                        f"{_holder(fd)} is writing to {root}; this run stops{waited} "
                        "(set NEWSETL_LOCK_WAIT=SECONDS to wait for it instead)"
                    ) from None
                time.sleep(0.2)
        previous = os.pread(fd, 1, 0)  # a record left behind: its writer was killed or failed
        info = {"what": what, "pid": os.getpid(), "host": socket.gethostname(), "since": datetime.now(UTC).isoformat()}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)
        _held[root.resolve()], _unfinished[root.resolve()] = fd, bool(previous)
        try:
            yield
            if root.resolve() not in _stopped:
                os.ftruncate(fd, 0)  # finished normally; an exception, or a stop it handled, leaves the record
        finally:
            _held.pop(root.resolve(), None)
            _unfinished.pop(root.resolve(), None)
            _stopped.discard(root.resolve())
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)


def stopped_short(root: Path) -> None:
    """The writer holding the lock here was stopped and handled it (a run cancelled by Ctrl-C or SIGTERM
    records itself and returns): the batch it was writing may have left files, so its record stays."""
    _stopped.add(root.resolve())


def may_have_debris(root: Path) -> bool:
    """Whether a writer may have left uncommitted data files: False only when this process holds the lock and
    its previous holder finished normally. A shared catalog's writers take no lock, so there it is True."""
    return _unfinished.get(root.resolve(), True)
