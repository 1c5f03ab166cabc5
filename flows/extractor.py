"""Extraction with a time limit per page: pages go to a child process, and a page that takes too long (a
pathological page can keep trafilatura or a regular expression busy for hours, in C code that no signal
interrupts) gets the child killed and becomes a `timeout` failure; a fresh child takes the next page.

One child per process that runs flows, started on first use and reused for every batch: starting one
costs ~1 s (imports). A child that dies mid-page (a crash in C code, the kernel's OOM killer) makes that
page a `crashed` failure. Without a limit (`NEWSETL_EXTRACT_TIMEOUT=0`) pages are extracted in process.

Memory is bounded too (`NEWSETL_EXTRACT_MEMORY`, MiB of the child's resident memory): while a page is out,
the parent reads the child's RSS every 50 ms and kills it past the limit, and the page becomes a `memory`
failure. The child also caps its own address space (RLIMIT_AS) at what it held when ready plus twice the
limit, so an allocation too fast for the watch fails in the child (MemoryError: also `memory`).
"""

import atexit
import os
import resource
import socket
import subprocess
import sys
import threading
import time
from datetime import UTC, datetime
from multiprocessing.connection import Connection

from transforms.extract import ExtractOptions, Failure, extract_article

_WARM_UP = (
    b'<html lang="en"><head><title>Warm-up</title><meta property="article:published_time" content="2024-01-02">'
    b"</head><body><article><h1>Warm-up</h1><p class='byline'>By Ann Lee</p><p>"
    + b"The harbour authority said the new quay would open in the spring. " * 10
    + b"</p></article></body></html>"
)


def _rss_mib(pid: int) -> float | None:
    """A process's resident memory (MiB), from /proc; None where there is no /proc."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as statm:
            return int(statm.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20
    except (OSError, ValueError, IndexError):
        return None


def _cap_address_space(memory_mib: float) -> None:
    """The child's backstop: its address space may grow by twice the RSS limit from what it holds now."""
    try:
        with open("/proc/self/statm", "rb") as statm:
            size = int(statm.read().split()[0]) * os.sysconf("SC_PAGE_SIZE")
        cap = size + int(2 * memory_mib * 2**20)
        resource.setrlimit(resource.RLIMIT_AS, (cap, resource.getrlimit(resource.RLIMIT_AS)[1]))
    except (OSError, ValueError):
        pass  # no /proc, or a hard limit already lower: the parent's watch still holds


def _serve(conn: Connection, memory_mib: float = 0) -> None:
    """The child's loop: says it is ready (its imports done), then (body, keyword arguments) in, the
    extraction's result out, until None or EOF."""
    # The first extraction in a process is slow (lazy imports and caches in trafilatura and htmldate): done
    # here on a tiny page, so it does not count against a real page's limit.
    extract_article(_WARM_UP, url="https://warm.up/", fetched_at=datetime.now(UTC), options=ExtractOptions())
    if memory_mib:
        _cap_address_space(memory_mib)
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except EOFError:
            return
        if job is None:
            return
        body, kwargs = job
        try:
            result = extract_article(body, **kwargs)
        except MemoryError:
            result = None  # the memory goes with the page's objects: only then is there room to answer
        except Exception as exc:  # one page must not stop the batch; the failure row keeps the reason
            result = Failure(kwargs["url"], "extract", "error", f"{type(exc).__name__}: {exc}")
        if result is None:
            result = Failure(kwargs["url"], "extract", "memory", f"extraction ran out of memory ({memory_mib:g} MiB)")
        conn.send(result)


STARTUP_SECONDS = 120
WATCH_SECONDS = 0.05  # how often the child's memory is read while a page is out


class LimitedExtractor:
    def __init__(self, seconds: float, memory_mib: float = 0) -> None:
        self.seconds, self.memory_mib = seconds, memory_mib
        self._process = None
        self._conn: Connection | None = None
        self._pending = False  # a page was sent and its answer not yet read
        self._ready = False  # the child said it is ready (its imports done)
        self.restarts = 0

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def start_soon(self) -> None:
        """Start the child without waiting for it: its imports (~1.5 s) overlap the caller's own work until the
        first page is sent."""
        if self._process is None:
            self._spawn()

    def _start(self) -> None:
        self._spawn()
        self._await_ready()

    def _spawn(self) -> None:
        # A plain child (`python -m flows.extractor`), not multiprocessing's spawn: spawn re-imports the
        # parent's __main__, which under Prefect's runner is Prefect's engine (seconds, and its memory).
        ours, theirs = socket.socketpair()
        self._process = subprocess.Popen(
            [sys.executable, "-m", "flows.extractor", str(theirs.fileno()), str(self.memory_mib)],
            pass_fds=[theirs.fileno()],
            # its own process group: a Ctrl-C in the terminal reaches the run, which stops the child itself,
            # and never the child mid-import (a traceback of trafilatura's imports otherwise)
            process_group=0,
        )
        theirs.close()
        self._conn = Connection(ours.detach())
        self._ready = False  # its "ready" is on the way

    def _await_ready(self) -> None:
        # Starting (imports) is not the page's time: wait for the child to say it is ready.
        if not self._conn.poll(STARTUP_SECONDS) or self._conn.recv() != "ready":
            self._stop()
            raise RuntimeError(f"the extraction process did not start within {STARTUP_SECONDS} s")
        self._ready = True

    def _alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def _stop(self) -> None:
        if self._process is not None:
            if self._process.poll() is None:
                self._process.kill()
            self._process.wait(timeout=10)
            self._conn.close()
        self._process = self._conn = None
        self._pending = self._ready = False

    def extract(self, body: bytes, **kwargs) -> dict | Failure:
        url = kwargs["url"]
        if self._pending:
            # The last call was interrupted (a task timeout, Ctrl-C) before its answer came: that answer would
            # be read as this page's. The child is replaced instead.
            self._stop()
        for _ in range(2):
            if not self._alive():
                self._stop()  # gone while idle: not this page's fault
                self._start()
            elif not self._ready:  # started ahead (start_soon), or a wait for it interrupted
                self._await_ready()
            try:
                self._conn.send((body, kwargs))
                self._pending = True
                break
            except OSError:  # died between pages, after the check: start another and send again
                self._stop()
        else:
            return Failure(url, "extract", "crashed", "the extraction process would not take the page")
        try:
            if self._wait():
                result = self._conn.recv()
                self._pending = False
                return result
        except _OverMemory as exc:
            self._stop()
            self.restarts += 1
            detail = f"extraction held {exc} MiB, over the {self.memory_mib:g} MiB limit; cut off"
            return Failure(url, "extract", "memory", detail)
        except (EOFError, OSError) as exc:  # the child died on this page
            self._stop()
            self.restarts += 1
            return Failure(url, "extract", "crashed", f"the extraction process died ({type(exc).__name__})")
        self._stop()
        self.restarts += 1
        return Failure(url, "extract", "timeout", f"extraction took longer than {self.seconds:g} s; cut off")

    def _wait(self) -> bool:
        """Whether the page's answer came within the time limit; raises _OverMemory when the child's RSS
        passes the memory limit first."""
        if not self.memory_mib:
            return self._conn.poll(self.seconds)
        deadline = time.monotonic() + self.seconds
        while True:
            left = deadline - time.monotonic()
            if self._conn.poll(max(0.0, min(WATCH_SECONDS, left))):
                return True
            rss = _rss_mib(self._process.pid)
            if rss is not None and rss > self.memory_mib:
                raise _OverMemory(f"{rss:,.0f}")
            if left <= 0:
                return False

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.send(None)
                self._process.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                pass
        self._stop()


class _OverMemory(Exception):
    pass


_extractors: dict[tuple[float, float], LimitedExtractor] = {}
_lock = threading.Lock()


def limited_extractor(seconds: float, memory_mib: float = 0) -> LimitedExtractor:
    """This process's extractor for a time and memory limit (one child, reused by every batch)."""
    with _lock:
        if (seconds, memory_mib) not in _extractors:
            _extractors[seconds, memory_mib] = LimitedExtractor(seconds, memory_mib)
        return _extractors[seconds, memory_mib]


@atexit.register
def _close_all() -> None:
    for extractor in _extractors.values():
        extractor.close()


if __name__ == "__main__":
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a SIGINT sent to the group by hand: the parent decides
    _serve(Connection(int(sys.argv[1])), float(sys.argv[2]) if len(sys.argv) > 2 else 0)
