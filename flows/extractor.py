"""Extraction with a time limit per page: pages go to a child process, and a page that takes too long (a
pathological page can keep trafilatura or a regular expression busy for hours, in C code that no signal
interrupts) gets the child killed and becomes a `timeout` failure; a fresh child takes the next page.

One child per process that runs flows, started on first use and reused for every batch: starting one
costs ~1 s (imports). A child that dies mid-page (a crash in C code, the kernel's OOM killer) makes that
page a `crashed` failure. Without a limit (`NEWSETL_EXTRACT_TIMEOUT=0`) pages are extracted in process.
"""

import atexit
import socket
import subprocess
import sys
import threading
from datetime import UTC, datetime
from multiprocessing.connection import Connection

from transforms.extract import ExtractOptions, Failure, extract_article

_WARM_UP = (
    b'<html lang="en"><head><title>Warm-up</title><meta property="article:published_time" content="2024-01-02">'
    b"</head><body><article><h1>Warm-up</h1><p class='byline'>By Ann Lee</p><p>"
    + b"The harbour authority said the new quay would open in the spring. " * 10
    + b"</p></article></body></html>"
)


def _serve(conn: Connection) -> None:
    """The child's loop: says it is ready (its imports done), then (body, keyword arguments) in, the
    extraction's result out, until None or EOF."""
    # The first extraction in a process is slow (lazy imports and caches in trafilatura and htmldate): done
    # here on a tiny page, so it does not count against a real page's limit.
    extract_article(_WARM_UP, url="https://warm.up/", fetched_at=datetime.now(UTC), options=ExtractOptions())
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
        except Exception as exc:  # one page must not stop the batch; the failure row keeps the reason
            result = Failure(kwargs["url"], "extract", "error", f"{type(exc).__name__}: {exc}")
        conn.send(result)


STARTUP_SECONDS = 120


class LimitedExtractor:
    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self._process = None
        self._conn: Connection | None = None
        self._pending = False  # a page was sent and its answer not yet read
        self.restarts = 0

    @property
    def pid(self) -> int | None:
        return self._process.pid if self._process else None

    def _start(self) -> None:
        # A plain child (`python -m flows.extractor`), not multiprocessing's spawn: spawn re-imports the
        # parent's __main__, which under Prefect's runner is Prefect's engine (seconds, and its memory).
        ours, theirs = socket.socketpair()
        self._process = subprocess.Popen(
            [sys.executable, "-m", "flows.extractor", str(theirs.fileno())], pass_fds=[theirs.fileno()]
        )
        theirs.close()
        self._conn = Connection(ours.detach())
        self._pending = True  # its "ready" is on the way
        # Starting (imports) is not the page's time: wait for the child to say it is ready.
        if not self._conn.poll(STARTUP_SECONDS) or self._conn.recv() != "ready":
            self._stop()
            raise RuntimeError(f"the extraction process did not start within {STARTUP_SECONDS} s")
        self._pending = False

    def _alive(self) -> bool:
        return self._process is not None and self._process.poll() is None

    def _stop(self) -> None:
        if self._process is not None:
            if self._process.poll() is None:
                self._process.kill()
            self._process.wait(timeout=10)
            self._conn.close()
        self._process = self._conn = None
        self._pending = False

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
            try:
                self._conn.send((body, kwargs))
                self._pending = True
                break
            except OSError:  # died between pages, after the check: start another and send again
                self._stop()
        else:
            return Failure(url, "extract", "crashed", "the extraction process would not take the page")
        try:
            if self._conn.poll(self.seconds):
                result = self._conn.recv()
                self._pending = False
                return result
        except (EOFError, OSError) as exc:  # the child died on this page
            self._stop()
            self.restarts += 1
            return Failure(url, "extract", "crashed", f"the extraction process died ({type(exc).__name__})")
        self._stop()
        self.restarts += 1
        return Failure(url, "extract", "timeout", f"extraction took longer than {self.seconds:g} s; cut off")

    def close(self) -> None:
        if self._conn is not None:
            try:
                self._conn.send(None)
                self._process.wait(timeout=5)
            except (OSError, subprocess.TimeoutExpired):
                pass
        self._stop()


_extractors: dict[float, LimitedExtractor] = {}
_lock = threading.Lock()


def limited_extractor(seconds: float) -> LimitedExtractor:
    """This process's extractor for a time limit (one child, reused by every batch)."""
    with _lock:
        if seconds not in _extractors:
            _extractors[seconds] = LimitedExtractor(seconds)
        return _extractors[seconds]


@atexit.register
def _close_all() -> None:
    for extractor in _extractors.values():
        extractor.close()


if __name__ == "__main__":
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # a Ctrl-C reaches the whole process group: the parent decides
    _serve(Connection(int(sys.argv[1])))
