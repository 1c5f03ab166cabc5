"""The stored keys a run starts from, kept between runs in `<root>/_state/keys.npz`.

A writer needs every stored article version's keys (`warehouse.loader.WarehouseState`). Read from the tables,
that is ~10^6 rows of strings at 10^6 articles: 2.8 s of every run, the one part of an hourly run that grew
with the warehouse. So the rows are kept as uint64 arrays (`warehouse.keys`) in a file beside the crawl state,
with the snapshot they were read at; a later run reads only what DuckLake's change feed inserted since
(`ducklake_table_insertions`) and appends it. The file is a cache: it is used only when it is provably the
tables' content, and read again from the tables otherwise:
- the snapshot it was made at still exists (not expired), with the time it was taken at (the same catalog);
- no snapshot since deleted rows from the tables it holds (a takedown);
- after appending, its row counts equal the tables' own.
Merged files are no reason to read again: a merge keeps each row's snapshot, and the change feed shows no row
of a merge (tests/test_keycache.py checks it, with files merged between two runs). Runs merge an hour's small
files every few runs (`warehouse.maintain.TIERS`), so distrusting merges would read the tables whole as often.
Delete it at any time; the next run makes it again.

Beside the rows it keeps what is derived from them (`warehouse.lookups`: latest versions, text owners, the
near-duplicate index), and a run appends the rows inserted since to those lookups: at 10^6 articles, a few ms
instead of ~1 s of sorting. The rows are kept in load order, which is DuckLake's row id (`rowid`: given to a
row when it is inserted, kept when files are merged; `in_load_order`). Appending gives what a fresh derive
gives for rows that come after the kept ones in that order, and rows inserted since do: row ids only grow.
Where they did not, everything would be derived again from the kept rows, and the file written again. A run
that only appends reads the lookups and page ids, never the rows.

Load order was (extraction time, version, article id) until 2 Dec: rows of a WARC archive or of runs whose
pages carry their fetch time share extraction times across runs, so new rows fell before kept ones and every
hourly run derived everything again and wrote the file (the state stage took 1.96 s at 1M, against 1.36 s
before the lookups were kept: bench/results/runs-hourly-w10k-1000000-extraction-order.md).
"""

import contextlib
import json
import os
import threading
import zipfile
from pathlib import Path

import duckdb
import numpy as np

from transforms.dedup import REBUILD_AFTER
from transforms.text import short_id
from warehouse import lake
from warehouse.keys import Codec, KeySet, merge_sorted
from warehouse.lookups import Lookups
from warehouse.schemas import TABLES

FILE = Path("_state") / "keys.npz"
FORMAT = 5  # bump when the arrays change meaning (3: kept in load order; 4: with the lookups; 5: by row id)
# Article versions read from the change feed before the file is written again. At 10^6 articles writing it
# costs 0.25-0.9 s (175 MB), reading it and appending a few thousand rows ~0.2 s; more rows make each run pay
# more (the feed, and a near-duplicate index whose unsorted tail outgrows transforms.dedup.REBUILD_AFTER).
# Hourly runs of 500 write it every ~10 runs, well inside the 7 days of snapshots maintenance keeps.
SAVE_AFTER = REBUILD_AFTER
READ_ROWS = 65_536  # rows per record batch while reading: memory stays bounded
_NONE = "'" + "0" * 16 + "'"  # a key of 0 where a column is NULL (the flags say so)
KEYS = (("id", "article_id"), ("record", "record"), ("content", "content_hash"), ("owner", "owner"))
NUMBERS = (("version", np.int64), ("row", np.int64), ("published", np.int64), ("simhash", np.uint64),
           ("legacy", bool), ("dated", bool), ("copy", bool))  # fmt: skip
ARTICLE_COLUMNS = [name for name, _ in KEYS + NUMBERS]


def read(root: Path, con: duckdb.DuckDBPyConnection, codec: Codec) -> tuple[Lookups, KeySet]:
    """(the lookups derived from every stored article version, every stored page id), from the cache
    where it holds: its lookups with the rows inserted since appended (`warehouse.lookups`). It is written
    again after a read of the tables, or once SAVE_AFTER rows have come from the change feed."""
    current = con.execute(
        f"SELECT snapshot_id, snapshot_time::VARCHAR FROM ducklake_snapshots('{lake.NAME}') "
        "ORDER BY snapshot_id DESC LIMIT 1"
    ).fetchall()[0]
    with _Cached.open(root / FILE, codec) as cached:
        try:
            found = _from_cache(con, cached, current[0], codec) if cached else None
        except (KeyError, ValueError, OSError, zipfile.BadZipFile):  # a damaged or older file: a cache
            found = None
        if found is None:  # no cache, or one that cannot be trusted: the tables
            tables = _read_all(con, codec)
            rows, pages = in_load_order(tables["articles"]), np.sort(tables["pages"])
            found = Lookups.derive(rows), KeySet(pages), (rows, pages)
        lookups, page_ids, keep = found
        if keep:
            _save(root / FILE, *keep, lookups, current, codec)
    return lookups, page_ids


def _from_cache(con: duckdb.DuckDBPyConnection, cached: "_Cached", current: int, codec: Codec):
    """(lookups, page ids, the rows and page ids to write the file again with, or None) from the cache and what
    was inserted since; None where the cache cannot be trusted."""
    since = _inserted_since(con, cached, current, codec)
    if since is None:
        return None
    new_rows, new_pages = since
    if not _after(cached.last, new_rows):  # some were loaded before cached rows (two writers at once)
        rows, pages = in_load_order(_joined(cached.rows(), new_rows)), merge_sorted(cached.pages(), new_pages)
        return Lookups.derive(rows), KeySet(pages), (rows, pages)
    lookups = Lookups.of(cached.lookups())  # as a rule: the cached lookups brought up to date
    lookups.append(new_rows)
    page_ids = KeySet(cached.pages())
    page_ids.update(new_pages)
    if len(new_rows["id"]) < SAVE_AFTER:
        return lookups, page_ids, None
    return lookups, page_ids, (_joined(cached.rows(), new_rows), merge_sorted(cached.pages(), new_pages))


def in_load_order(rows: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """`rows` by DuckLake row id: as they are where they already are so (a check of each neighbouring pair),
    sorted otherwise."""
    if np.all(rows["row"][1:] > rows["row"][:-1]):
        return rows
    order = np.argsort(rows["row"], kind="stable")
    return {k: column[order] for k, column in rows.items()}


def article_rows(con: duckdb.DuckDBPyConnection, source: str, codec: Codec) -> dict[str, np.ndarray]:
    """The key columns of the article versions in `source` (a table, or a table function's rows)."""
    reader = con.execute(
        f"SELECT article_id, coalesce(record_hash, {_NONE}) AS record, content_hash, "
        f"coalesce(duplicate_of, {_NONE}) AS owner, version, record_hash IS NULL AS legacy, "
        "rowid AS row, published_at IS NOT NULL AS dated, "
        "epoch_us(coalesce(published_at, extracted_at)) AS published, simhash, duplicate_of IS NOT NULL AS copy "
        f"FROM {source}"
    ).to_arrow_reader(READ_ROWS)
    parts: dict[str, list[np.ndarray]] = {name: [] for name in ARTICLE_COLUMNS}
    for batch in reader:  # a batch at a time: no copy of the whole table's strings
        for name, column in KEYS:
            parts[name].append(codec.many(batch.column(column), prefix=name == "content"))
        for name, dtype in NUMBERS:
            parts[name].append(batch.column(name).to_numpy(zero_copy_only=False).astype(dtype))
    rows = {name: np.concatenate(p) if p else np.empty(0, dtype=_dtype(name)) for name, p in parts.items()}
    if rows["legacy"].any():  # schema-1 rows: a key of (content_hash, title) stands in for the record hash
        old = con.execute(f"SELECT article_id, version, content_hash, title FROM {source} WHERE record_hash IS NULL")
        stand_in = {(codec.one(i), v): codec.one(short_id(c, t or "")) for i, v, c, t in old.fetchall()}
        for i in np.flatnonzero(rows["legacy"]):
            rows["record"][i] = stand_in[(int(rows["id"][i]), int(rows["version"][i]))]
    return rows


def ids(con: duckdb.DuckDBPyConnection, source: str, column: str, codec: Codec) -> np.ndarray:
    reader = con.execute(f"SELECT {column} FROM {source}").to_arrow_reader(READ_ROWS)
    parts = [codec.many(batch.column(0)) for batch in reader]
    return np.concatenate(parts) if parts else np.empty(0, dtype=np.uint64)


def _dtype(name: str):
    return dict(NUMBERS).get(name, np.uint64)


def _read_all(con: duckdb.DuckDBPyConnection, codec: Codec) -> dict:
    return {
        "articles": article_rows(con, TABLES["articles"].stored_as, codec),
        "pages": ids(con, TABLES["pages"].stored_as, "page_id", codec),
    }


def _inserted_since(con: duckdb.DuckDBPyConnection, cached: "_Cached", current: int, codec: Codec):
    """(article rows in load order, page ids) inserted since the cache's snapshot, or None where the cache
    cannot be trusted."""
    since, taken = cached.snapshot
    tables = (TABLES["articles"].stored_as, TABLES["pages"].stored_as)
    if since > current or not _only_inserted(con, since, taken, tables):
        return None
    if since == current:
        return _no_article_rows(), np.empty(0, dtype=np.uint64)
    feed = f"ducklake_table_insertions('{lake.NAME}', 'main', '{{}}', {since + 1}, {current})"
    try:
        new_rows = in_load_order(article_rows(con, feed.format(tables[0]), codec))
        new_pages = ids(con, feed.format(tables[1]), "page_id", codec)
    except duckdb.Error:  # the feed cannot be read for that range
        return None
    counts = con.execute(f"SELECT (SELECT count(*) FROM {tables[0]}), (SELECT count(*) FROM {tables[1]})").fetchall()
    if counts[0] != (cached.rows_held + len(new_rows["id"]), cached.pages_held + len(new_pages)):
        return None
    return new_rows, new_pages


def _no_article_rows() -> dict[str, np.ndarray]:
    return {name: np.empty(0, dtype=_dtype(name)) for name in ARTICLE_COLUMNS}


def _after(last: int | None, rows: dict[str, np.ndarray]) -> bool:
    """Do `rows` (in load order) all come after the row whose row id is `last`?"""
    return last is None or not len(rows["id"]) or int(rows["row"][0]) > last


def _joined(a: dict[str, np.ndarray], b: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    return {k: np.concatenate([a[k], b[k]]) for k in ARTICLE_COLUMNS}


def _only_inserted(con: duckdb.DuckDBPyConnection, since: int, taken: str, tables: tuple[str, ...]) -> bool:
    """Is snapshot `since` still there, taken at `taken` (so this is the catalog the cache was made from, not
    one made again in the same folder), and did no snapshot after it delete from `tables`?"""
    ids_of = dict(
        con.execute(
            f"SELECT table_name, table_id::VARCHAR FROM __ducklake_metadata_{lake.NAME}.ducklake_table "
            "WHERE end_snapshot IS NULL"
        ).fetchall()
    )
    if not all(t in ids_of for t in tables):
        return False
    watched = [ids_of[t] for t in tables]
    other = " || ".join(f"coalesce(changes['{k}'], [])" for k in ("tables_deleted_from", "inlined_delete"))
    kept, touched = con.execute(
        f"SELECT count(*) FILTER (WHERE snapshot_id = ? AND snapshot_time::VARCHAR = ?), "
        f"count(*) FILTER (WHERE snapshot_id > ? AND len(list_intersect({other}, ?)) > 0) "
        f"FROM ducklake_snapshots('{lake.NAME}')",
        [since, taken, since, watched],
    ).fetchall()[0]
    return bool(kept) and not touched


class _Cached:
    """The cache file, read lazily: a run whose lookups are brought up to date never reads the rows."""

    def __init__(self, f, meta: dict) -> None:
        self._f = f
        self.snapshot = (int(meta["snapshot"][0]), str(meta["snapshot"][1]))
        self.rows_held, self.pages_held = int(meta["rows"]), int(meta["pages"])
        self.last = meta["last"]  # the last row's row id

    @classmethod
    @contextlib.contextmanager
    def open(cls, path: Path, codec: Codec):
        f = None
        try:
            f = np.load(path, allow_pickle=False)
            meta = json.loads(str(f["meta"]))
            cached = cls(f, meta) if meta.get("format") == FORMAT else None
            if cached:
                codec.names.update(zip(f["name_keys"].tolist(), meta["names"], strict=True))
        except Exception:  # missing, damaged, from another version: a cache, so the tables are read instead
            cached = None
        try:
            yield cached
        finally:
            if f is not None:
                f.close()

    def rows(self) -> dict[str, np.ndarray]:
        return {k: self._f[f"a_{k}"] for k in ARTICLE_COLUMNS}

    def pages(self) -> np.ndarray:
        return self._f["pages"]

    def lookups(self) -> dict[str, np.ndarray]:
        return {k[2:]: self._f[k] for k in self._f.files if k.startswith("l_")}


def _save(path: Path, rows: dict, pages: np.ndarray, lookups: Lookups, snapshot: tuple[int, str], codec: Codec):
    """Written whole then renamed: a reader finds the old file or the new one, never part of one."""
    names = sorted(codec.names.items())
    n = len(rows["id"])
    last = int(rows["row"][-1]) if n else None
    meta = {"format": FORMAT, "snapshot": list(snapshot), "rows": n, "pages": len(pages), "last": last,
            "names": [name for _, name in names]}  # fmt: skip
    arrays = {f"a_{k}": v for k, v in rows.items()} | {f"l_{k}": v for k, v in lookups.arrays().items()}
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as out:
            np.savez(out, meta=np.array(json.dumps(meta)), pages=pages,
                     name_keys=np.array([k for k, _ in names], dtype=np.uint64), **arrays)  # fmt: skip
        tmp.replace(path)
    except OSError:  # a read-only or full disk: the next run reads the tables again
        tmp.unlink(missing_ok=True)
