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
Delete it at any time; the next run makes it again. The rows are kept and returned in load order (extraction
time, version, article id: `in_load_order`), the order what is derived from them (`WarehouseState`) needs.
New rows come after the old ones in that order as a rule, so a run finds them sorted and sorts nothing (at
10^6 articles, not sorting made reading the state 1.8 -> 1.5 s); where they do not (two writers at
once), they are sorted, so appended rows give the state a fresh read gives.
"""

import json
import os
import threading
from pathlib import Path

import duckdb
import numpy as np

from transforms.text import short_id
from warehouse import lake
from warehouse.keys import Codec
from warehouse.schemas import TABLES

FILE = Path("_state") / "keys.npz"
FORMAT = 3  # bump when the arrays change meaning (3: kept in load order)
# Article versions read from the change feed before the file is written again: writing it costs ~0.25 s at
# 10^6 articles, reading 500 rows from the feed a few ms (hourly runs of 500 write it every ~4 days, well
# inside the 7 days of snapshots maintenance keeps).
SAVE_AFTER = 50_000
READ_ROWS = 65_536  # rows per record batch while reading: memory stays bounded
_NONE = "'" + "0" * 16 + "'"  # a key of 0 where a column is NULL (the flags say so)
KEYS = (("id", "article_id"), ("record", "record"), ("content", "content_hash"), ("owner", "owner"))
NUMBERS = (("version", np.int64), ("extracted", np.int64), ("published", np.int64), ("simhash", np.uint64),
           ("legacy", bool), ("dated", bool), ("copy", bool))  # fmt: skip
ARTICLE_COLUMNS = [name for name, _ in KEYS + NUMBERS]


def read(root: Path, con: duckdb.DuckDBPyConnection, codec: Codec) -> tuple[dict[str, np.ndarray], np.ndarray]:
    """(every stored article version's key columns, every stored page id), from the cache where it holds
    (written again after a read of the tables, or once SAVE_AFTER rows have come from the change feed)."""
    current = con.execute(
        f"SELECT snapshot_id, snapshot_time::VARCHAR FROM ducklake_snapshots('{lake.NAME}') "
        "ORDER BY snapshot_id DESC LIMIT 1"
    ).fetchall()[0]
    cached = _load(root / FILE, codec)
    found = _brought_up_to(con, cached, current[0], codec) if cached is not None else None
    if found is None:
        found = _read_all(con, codec)
        found["articles"] = in_load_order(found["articles"])
        _save(root / FILE, found, current, codec)
    elif len(found["articles"]["id"]) - len(cached["articles"]["id"]) >= SAVE_AFTER:
        _save(root / FILE, found, current, codec)
    return found["articles"], found["pages"]


def in_load_order(rows: dict[str, np.ndarray]) -> dict[str, np.ndarray]:
    """`rows` by extraction time, then version, then article id: as they are where they already are so (a
    check of each neighbouring pair), sorted otherwise."""
    e, v, i = rows["extracted"], rows["version"], rows["id"]
    later = e[1:] > e[:-1]
    same = e[1:] == e[:-1]
    later |= same & (v[1:] > v[:-1])
    same &= v[1:] == v[:-1]
    if np.all(later | (same & (i[1:] >= i[:-1]))):
        return rows
    order = np.lexsort((i, v, e))
    return {k: column[order] for k, column in rows.items()}


def article_rows(con: duckdb.DuckDBPyConnection, source: str, codec: Codec) -> dict[str, np.ndarray]:
    """The key columns of the article versions in `source` (a table, or a table function's rows)."""
    reader = con.execute(
        f"SELECT article_id, coalesce(record_hash, {_NONE}) AS record, content_hash, "
        f"coalesce(duplicate_of, {_NONE}) AS owner, version, record_hash IS NULL AS legacy, "
        "epoch_us(extracted_at) AS extracted, published_at IS NOT NULL AS dated, "
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


def _brought_up_to(con: duckdb.DuckDBPyConnection, cached: dict, current: int, codec: Codec) -> dict | None:
    """The cached rows with what was inserted since, or None where the cache cannot be trusted."""
    since, taken = cached["snapshot"]
    tables = (TABLES["articles"].stored_as, TABLES["pages"].stored_as)
    if since > current or not _only_inserted(con, since, taken, tables):
        return None
    if since == current:
        return cached
    feed = f"ducklake_table_insertions('{lake.NAME}', 'main', '{{}}', {since + 1}, {current})"
    try:
        new_rows = article_rows(con, feed.format(tables[0]), codec)
        new_pages = ids(con, feed.format(tables[1]), "page_id", codec)
    except duckdb.Error:  # the feed cannot be read for that range
        return None
    new_rows = in_load_order(new_rows)
    found = {
        "articles": in_load_order({k: np.concatenate([cached["articles"][k], new_rows[k]]) for k in ARTICLE_COLUMNS}),
        "pages": np.concatenate([cached["pages"], new_pages]),
    }
    counts = con.execute(f"SELECT (SELECT count(*) FROM {tables[0]}), (SELECT count(*) FROM {tables[1]})").fetchall()
    if counts[0] != (len(found["articles"]["id"]), len(found["pages"])):
        return None
    return found


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


def _load(path: Path, codec: Codec) -> dict | None:
    try:
        with np.load(path, allow_pickle=False) as f:
            meta = json.loads(str(f["meta"]))
            if meta.get("format") != FORMAT:
                return None
            found = {
                "articles": {k: f[f"a_{k}"] for k in ARTICLE_COLUMNS},
                "pages": f["pages"],
                "snapshot": (int(meta["snapshot"][0]), str(meta["snapshot"][1])),
            }
            names = dict(zip(f["name_keys"].tolist(), meta["names"], strict=True))
    except Exception:  # missing, damaged, from another version: a cache, so the tables are read instead
        return None
    codec.names.update(names)
    return found


def _save(path: Path, found: dict, snapshot: tuple[int, str], codec: Codec) -> None:
    """Written whole then renamed: a reader finds the old file or the new one, never part of one."""
    names = sorted(codec.names.items())
    meta = {"format": FORMAT, "snapshot": list(snapshot), "names": [n for _, n in names]}
    arrays = {f"a_{k}": v for k, v in found["articles"].items()}
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}.tmp")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as out:
            np.savez(out, meta=np.array(json.dumps(meta)), pages=found["pages"],
                     name_keys=np.array([k for k, _ in names], dtype=np.uint64), **arrays)  # fmt: skip
        tmp.replace(path)
    except OSError:  # a read-only or full disk: the next run reads the tables again
        tmp.unlink(missing_ok=True)
