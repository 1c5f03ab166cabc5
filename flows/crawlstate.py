"""Crawl state that survives between runs: which URLs are stored, and their HTTP validators; which local
files and WARC records were read.

A SQLite file beside the warehouse (`<root>/_state/crawl.sqlite`), keyed by the hash of the canonical URL.
A lookup is a primary-key probe, so its cost does not grow with the warehouse the way a scan of the pages
table would (bench/fetch.py measures it). The state is derived: it is updated only after a batch's pages are
published, and rebuilt from the `pages` table when the file is missing, so losing it costs refetches, never
data.
"""

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


class CrawlState:
    def __init__(self, path: Path):
        path.parent.mkdir(parents=True, exist_ok=True)
        self.path = path
        self._lock = threading.Lock()
        self._db = sqlite3.connect(path, check_same_thread=False, isolation_level=None)
        self._db.execute("PRAGMA journal_mode=WAL")
        self._db.execute("PRAGMA synchronous=NORMAL")
        self._db.executescript(SCHEMA)

    @classmethod
    def open(cls, root: Path) -> "CrawlState":
        path = root / STATE_DIR / STATE_FILE
        fresh = not path.exists()
        state = cls(path)
        if fresh:
            state.rebuild_from_pages(root)
        return state

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

    def done(self, urls: Iterable[str]) -> set[str]:
        """The URLs among `urls` already stored (or gone) from earlier runs."""
        keys = {url_key(u): u for u in urls}
        sql = f"SELECT url_key FROM urls WHERE url_key IN ({{marks}}) AND outcome IN {DONE}"
        return {keys[k] for k in self._present(sql, list(keys))}

    def items_done(self, items: Iterable[str]) -> set[str]:
        """The local items (files, WARC records) among `items` already stored by earlier runs."""
        return self._present("SELECT item_key FROM items WHERE item_key IN ({marks})", list(dict.fromkeys(items)))

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

    def validators(self, url: str) -> Validators | None:
        with self._lock:
            row = self._db.execute("SELECT etag, last_modified FROM urls WHERE url_key = ?", (url_key(url),)).fetchone()
        if row is None or (row[0] is None and row[1] is None):
            return None
        return Validators(*row)

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

    def count(self) -> int:
        with self._lock:
            return self._db.execute("SELECT count(*) FROM urls").fetchone()[0]

    def close(self) -> None:
        with self._lock:
            self._db.close()
