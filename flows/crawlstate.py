"""Crawl state that survives between runs: which URLs are stored, and their HTTP validators; which local
files and WARC records were read.

A SQLite file beside the warehouse (`<root>/_state/crawl.sqlite`), keyed by the hash of the canonical URL.
A lookup is a primary-key probe, so its cost does not grow with the warehouse the way a scan of the pages
table would (bench/fetch.py measures it). The state is derived: it is updated only after a batch's pages are
published, and rebuilt from the `pages` table when the file is missing, so losing it costs refetches, never
data.
"""

import functools
import logging
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from transforms.text import short_id
from transforms.urls import canonical_url
from warehouse import writer

STATE_DIR = "_state"
_log = logging.getLogger("newsetl")
STATE_FILE = "crawl.sqlite"
# Outcomes after which a URL is not fetched again unless --refetch: it is stored, or the site said it is gone.
DONE = ("page", "not_modified", "gone")

SCHEMA = """
CREATE TABLE IF NOT EXISTS urls (
    url_key TEXT PRIMARY KEY,     -- short_id(canonical_url(url))
    url TEXT NOT NULL,
    kind TEXT NOT NULL,           -- page | feed | sitemap
    outcome TEXT NOT NULL,        -- page | not_modified | gone | failed
    etag TEXT,
    last_modified TEXT,
    body_sha256 TEXT,
    first_seen TEXT NOT NULL,
    last_fetched TEXT NOT NULL,
    fetches INTEGER NOT NULL DEFAULT 1
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS items (  -- local files (path, size, mtime) and WARC records (record id) read
    item_key TEXT PRIMARY KEY,
    stored_at TEXT NOT NULL
) WITHOUT ROWID;
"""


def url_key(url: str) -> str:
    return short_id(canonical_url(url))


@dataclass(frozen=True)
class Validators:
    etag: str | None
    last_modified: str | None


@dataclass(frozen=True)
class Visit:
    """What one fetch of a URL came to, as the state records it."""

    url: str
    kind: str
    outcome: str
    etag: str | None = None
    last_modified: str | None = None
    body_sha256: str | None = None


def _damage(exc: sqlite3.DatabaseError) -> bool:
    """Whether an error says the file is damaged (not a lock, a full disk or a read-only folder)."""
    text = str(exc).lower()
    return type(exc) is sqlite3.DatabaseError or any(
        sign in text for sign in ("malformed", "not a database", "corrupt", "no such table")
    )


def _set_aside(path: Path, exc: Exception) -> None:
    """Move a damaged state (and its WAL files) to `crawl.sqlite.broken-<time>`, for whoever wants to look."""
    aside = path.with_name(f"{path.name}.broken-{datetime.now(UTC):%Y%m%dT%H%M%S%f}")
    for suffix in ("", "-wal", "-shm"):
        part = path.with_name(path.name + suffix)
        if part.exists():
            part.replace(aside.with_name(aside.name + suffix))
    _log.warning("crawl state %s is damaged (%s): moved to %s, rebuilding it from the pages table", path, exc, aside)


def _healing(method):
    """A state method that, when the file turns out damaged, heals the state (see CrawlState._heal) and runs
    once more."""

    @functools.wraps(method)
    def run(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except sqlite3.DatabaseError as exc:
            with self._lock:
                if not self._heal(exc):
                    raise
            return method(self, *args, **kwargs)

    return run


class CrawlState:
    def __init__(self, path: Path, root: Path | None = None):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path, self.root = path, root
        self._lock = threading.RLock()
        self._connect()

    def _connect(self) -> None:
        self._db = sqlite3.connect(self.path, check_same_thread=False, isolation_level=None)
        try:
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(SCHEMA)
        except sqlite3.DatabaseError:
            self._db.close()
            raise

    @classmethod
    def open(cls, root: Path) -> "CrawlState":
        """The state beside the warehouse; rebuilt from `pages` when it is missing or damaged (see `_heal`)."""
        path = root / STATE_DIR / STATE_FILE
        fresh = not path.exists()
        try:
            state = cls(path, root)
            state._probe()
        except sqlite3.DatabaseError as exc:
            if not _damage(exc):
                raise
            _set_aside(path, exc)
            state, fresh = cls(path, root), True
        if fresh:
            state.rebuild_from_pages(root)
        return state

    def _probe(self) -> None:
        """Read the schema and a row of each table: a file that is no database (junk, a torn header) fails
        here. Damage deeper in the file fails the statement that reads it, which then heals the state."""
        for sql in ("SELECT count(*) FROM sqlite_master", "SELECT * FROM urls LIMIT 1", "SELECT * FROM items LIMIT 1"):
            self._db.execute(sql).fetchall()

    def _heal(self, exc: sqlite3.DatabaseError) -> bool:
        """A statement found the file damaged: set it aside, start a new one and rebuild it from `pages`, as
        after a lost state (this costs refetches, never data). False when the state cannot heal (no warehouse
        root known, or the error is not damage: a lock, a full disk)."""
        if self.root is None or not _damage(exc):
            return False
        self._db.close()
        _set_aside(self.path, exc)
        self._connect()
        self.rebuild_from_pages(self.root)
        return True

    def rebuild_from_pages(self, root: Path) -> int:
        """Fill an empty state from the pages table (HTTP pages only); returns the URLs recorded."""
        cols = ["url", "final_url", "source", "status", "etag", "last_modified", "body_sha256", "fetched_at"]
        pages = writer.read(root, "pages", cols).sort_by("fetched_at").to_pylist()
        visits = [
            Visit(p["url"], "page", "page", p["etag"], p["last_modified"], p["body_sha256"])
            for p in pages
            if p["status"] is not None and p["url"].startswith(("http://", "https://"))
        ]
        self.record(visits)
        return len(visits)

    def _present(self, sql: str, keys: list[str]) -> set[str]:
        """The keys among `keys` that `sql` (with one `{marks}` placeholder list) finds, 500 at a time."""
        found: set[str] = set()
        with self._lock:
            for i in range(0, len(keys), 500):
                chunk = keys[i : i + 500]
                found.update(k for (k,) in self._db.execute(sql.format(marks=",".join("?" * len(chunk))), chunk))
        return found

    @_healing
    def done(self, urls: Iterable[str]) -> set[str]:
        """The URLs among `urls` already stored (or gone) from earlier runs."""
        keys = {url_key(u): u for u in urls}
        sql = f"SELECT url_key FROM urls WHERE url_key IN ({{marks}}) AND outcome IN {DONE}"
        return {keys[k] for k in self._present(sql, list(keys))}

    @_healing
    def items_done(self, items: Iterable[str]) -> set[str]:
        """The local items (files, WARC records) among `items` already stored by earlier runs."""
        return self._present("SELECT item_key FROM items WHERE item_key IN ({marks})", list(dict.fromkeys(items)))

    @_healing
    def record_items(self, items: Iterable[str]) -> None:
        now = datetime.now(UTC).isoformat()
        rows = [(k, now) for k in items]
        if not rows:
            return
        with self._lock:
            self._db.execute("BEGIN")
            try:
                self._db.executemany("INSERT OR IGNORE INTO items (item_key, stored_at) VALUES (?, ?)", rows)
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    @_healing
    def validators(self, url: str) -> Validators | None:
        with self._lock:
            row = self._db.execute("SELECT etag, last_modified FROM urls WHERE url_key = ?", (url_key(url),)).fetchone()
        if row is None or (row[0] is None and row[1] is None):
            return None
        return Validators(*row)

    @_healing
    def record(self, visits: Iterable[Visit]) -> None:
        """Upsert visits in one transaction. A 304 keeps the stored validators and body hash."""
        now = datetime.now(UTC).isoformat()
        rows = [
            (url_key(v.url), v.url, v.kind, v.outcome, v.etag, v.last_modified, v.body_sha256, now, now) for v in visits
        ]
        if not rows:
            return
        with self._lock:
            self._db.execute("BEGIN")
            try:
                self._db.executemany(
                    """
                    INSERT INTO urls (url_key, url, kind, outcome, etag, last_modified, body_sha256,
                                      first_seen, last_fetched)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    ON CONFLICT (url_key) DO UPDATE SET
                        outcome = CASE WHEN excluded.outcome = 'not_modified' AND outcome = 'page'
                                       THEN 'page' ELSE excluded.outcome END,
                        etag = CASE WHEN excluded.outcome = 'not_modified' THEN etag ELSE excluded.etag END,
                        last_modified = CASE WHEN excluded.outcome = 'not_modified'
                                             THEN last_modified ELSE excluded.last_modified END,
                        body_sha256 = coalesce(excluded.body_sha256, body_sha256),
                        last_fetched = excluded.last_fetched,
                        fetches = fetches + 1
                    """,
                    rows,
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    @_healing
    def count(self) -> int:
        with self._lock:
            return self._db.execute("SELECT count(*) FROM urls").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._db.close()
