"""One writer at a time: an exclusive lock on `<root>/_lock`, taken by every run that writes.

`flock` is released by the kernel when its holder dies, SIGKILL included, so a crashed run never leaves a
stale lock. The file records who holds it, for the message the next run prints. A second run exits with that
message at once, or waits up to `wait` seconds for the first to finish (NEWSETL_LOCK_WAIT). Local and POSIX
file systems only: on NFS, flock may not be shared between machines.

A warehouse on S3 is written from several machines, where no flock reaches: there the lock is also a lease,
the object `_lock.json` beside the tables, taken with a conditional PUT, renewed by a thread every
LEASE_SECONDS / 3 and deleted on release. A holder that died stops renewing, and once its lease has expired
the next writer takes it over (`remote_lease`). A holder cut off from S3 for longer than that may still be
running: before each commit it checks the lease is still its own (`check_lease`), and stops if not.
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


class WarehouseLocked(RuntimeError):
    """Another process is writing to this warehouse."""


def _holder(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        info = json.loads(os.read(fd, 4096) or b"{}")
        return f"{info['what']} (pid {info['pid']} on {info['host']}, since {info['since']})"
    except (OSError, ValueError, KeyError):
        return "another process"


def held_fd(root: Path) -> int:
    """The descriptor by which this process holds `root`'s lock. A child process given it (`pass_fds`) shares
    the lock: it stays held until the last holder exits, so a child that outlives a killed run still keeps
    other writers out until it is done."""
    try:
        return _held[root.resolve()]
    except KeyError:
        raise RuntimeError(f"this process does not hold the writer lock of {root}") from None


LEASE_FILE = "_lock.json"
LEASE_SECONDS = 300.0
_leases: dict[str, str] = {}  # S3 warehouse URI -> the token of the lease this process holds on it


class LeaseLost(WarehouseLocked):
    """Another writer took over this process's lease (it had expired): this process must not commit."""


def check_lease(store) -> None:
    """Before a commit to an S3 warehouse whose lease this process holds: refuse if another writer now holds it
    (say, after this process lost touch with S3 for longer than the lease). A process that holds no lease on
    it (a compaction child working under its parent's) is not checked."""
    token = _leases.get(store.uri)
    if token is None:
        return
    current = store.get_with_etag(LEASE_FILE)
    holder = json.loads(current[0]) if current else {}
    if holder.get("token") != token:
        raise LeaseLost(
            f"the writer lease of {store.display()} was taken over by {holder.get('what', 'nobody')}; "
            "this run stops without committing"
        )


@contextmanager
def remote_lease(store, what: str, wait: float = 0.0, lease: float = LEASE_SECONDS) -> Iterator[None]:
    """Hold the S3 warehouse `store`'s lease (`_lock.json`) for the block: one writer at a time, on any machine."""
    import threading
    import uuid

    def body() -> bytes:
        return json.dumps({**info, "expires": time.time() + lease}).encode()

    info = {"what": what, "pid": os.getpid(), "host": socket.gethostname(), "since": datetime.now(UTC).isoformat(),
            "token": uuid.uuid4().hex}  # fmt: skip
    deadline = time.monotonic() + wait
    while True:
        current = store.get_with_etag(LEASE_FILE)
        try:
            if current is None:
                etag = store.put_if(LEASE_FILE, body(), None)
                break
            holder = json.loads(current[0])
            if holder.get("expires", 0) < time.time():  # its holder stopped renewing it: taken over
                etag = store.put_if(LEASE_FILE, body(), current[1])
                break
        except FileExistsError:  # another writer took it between the read and the write
            continue
        if time.monotonic() >= deadline:
            waited = f" after waiting {wait:.3g} s" if wait else ""
            left = holder["expires"] - time.time()
            raise WarehouseLocked(
                f"{holder['what']} (pid {holder['pid']} on {holder['host']}, since {holder['since']}) is writing to "
                f"{store.display()}; this run stops{waited} (set NEWSETL_LOCK_WAIT=SECONDS to wait for it instead; "
                f"if that writer died, its lease expires in {left:.0f} s)"
            )
        time.sleep(min(1.0, max(0.05, deadline - time.monotonic())))
    stop = threading.Event()
    state = {"etag": etag, "lost": None}

    def renew() -> None:
        while not stop.wait(lease / 3):
            try:
                state["etag"] = store.put_if(LEASE_FILE, body(), state["etag"])
            except FileExistsError:
                state["lost"] = "taken over by another writer"
                return
            except Exception as exc:  # the store is unreachable for now: try again at the next beat
                state["lost"] = f"{type(exc).__name__}: {exc}"

    beat = threading.Thread(target=renew, name="newsetl-lease", daemon=True)
    beat.start()
    _leases[store.uri] = info["token"]
    try:
        yield
    finally:
        _leases.pop(store.uri, None)
        stop.set()
        beat.join()
        if state["lost"]:
            import logging

            logging.getLogger("newsetl").warning("the writer lease of %s was lost: %s", store.display(), state["lost"])
        current = store.get_with_etag(LEASE_FILE)
        if current is not None and json.loads(current[0]).get("token") == info["token"]:
            store.delete(LEASE_FILE)


@contextmanager
def writer_lock(root: Path, what: str, wait: float = 0.0) -> Iterator[None]:
    from warehouse import storage

    store = storage.of(root)
    if isinstance(store, storage.LocalStorage):
        with _local_lock(root, what, wait):
            yield
        return
    started = time.monotonic()
    with _local_lock(root, what, wait), remote_lease(store, what, max(0.0, wait - (time.monotonic() - started))):
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
        info = {"what": what, "pid": os.getpid(), "host": socket.gethostname(), "since": datetime.now(UTC).isoformat()}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(info).encode(), 0)
        _held[root.resolve()] = fd
        try:
            yield
        finally:
            _held.pop(root.resolve(), None)
            os.ftruncate(fd, 0)
            fcntl.flock(fd, fcntl.LOCK_UN)
    finally:
        os.close(fd)
