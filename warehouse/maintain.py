"""Maintenance: DuckLake's own merge, expire and cleanup, run by `newsetl compact` and by runs as they go.

- **merge**: small data files of a partition become one (`ducklake_merge_adjacent_files`); inlined rows (small
  inserts DuckLake keeps in the catalog) are written out as Parquet first (`ducklake_flush_inlined_data`).
  A run merges by size tier (`TIERS`): once a partition holds more than the threshold of files of one tier,
  that tier's files are merged. Files of `SMALL_FILE_BYTES` or more are never rewritten by a run, so a run's
  maintenance costs what is new, not what the warehouse holds, and a partition holds at most the threshold of
  files per tier, plus full ones. `newsetl compact` merges files up to DuckLake's target size.
  Why it matters: with a SQLite catalog every query reads DuckLake's file lists whole (the sqlite extension
  pushes no filter down), so the files a warehouse holds cost every query, not only the scans.
- **expire**: snapshots older than `keep_days` are forgotten (time travel reaches back that far).
- **cleanup**: files no snapshot needs any more are deleted once they have been unused for `GRACE`, so a
  reader in the middle of a query on an older snapshot can finish.
- **debris**: files a killed writer wrote but never committed (`ducklake_delete_orphaned_files`). With a
  SQLite catalog the writer holds the warehouse lock, so every such file is debris; with a shared
  (PostgreSQL) catalog another writer's uncommitted files look the same, so only those older than GRACE go.
"""

from dataclasses import asdict, dataclass, field
from datetime import timedelta
from pathlib import Path

import duckdb

from warehouse import lake, storage
from warehouse.schemas import LAKE_TABLES

GRACE = timedelta(hours=1)
KEEP_DAYS = 7
SMALL_FILE_BYTES = 16 * 2**20  # a run merges files under this size
# [low, high) bytes: an hour's crumbs (a few KiB to a few hundred) merge among themselves, and what they become
# merges with its like later. One tier up to SMALL_FILE_BYTES rewrote, at 10^6 articles, each 7 MiB bucket of
# the search index with every few crumbs.
TIERS = ((0, 2**20), (2**20, SMALL_FILE_BYTES))


@dataclass
class Compaction:
    partitions: int = 0  # partitions whose files were merged
    files_before: int = 0
    files_after: int = 0
    rows: int = 0  # rows in the tables maintained
    inlined_rows_flushed: int = 0
    files_deleted: int = 0
    tables: dict[str, int] = field(default_factory=dict)  # files merged away per table

    def as_dict(self) -> dict:
        return asdict(self)


def _meta(table: str) -> str:
    return f"__ducklake_metadata_{lake.NAME}.{table}"


def _live_files(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str, int]]:
    """(table, partition values joined by '/' or '' for none, bytes) of each live data file."""
    return con.execute(
        f"""
        SELECT t.table_name, coalesce(string_agg(pv.partition_value, '/' ORDER BY pv.partition_key_index), '') AS part,
               any_value(f.file_size_bytes)
        FROM {_meta("ducklake_data_file")} f
        JOIN {_meta("ducklake_table")} t ON t.table_id = f.table_id AND t.end_snapshot IS NULL
        LEFT JOIN {_meta("ducklake_file_partition_value")} pv ON pv.data_file_id = f.data_file_id
        WHERE f.end_snapshot IS NULL
        GROUP BY t.table_name, f.data_file_id"""
    ).fetchall()


def files_per_partition(con: duckdb.DuckDBPyConnection) -> dict[str, dict[str, int]]:
    """Live data files per table and partition (partition values joined by '/', '' for none)."""
    out: dict[str, dict[str, int]] = {}
    for table, part, _ in _live_files(con):
        counts = out.setdefault(table, {})
        counts[part] = counts.get(part, 0) + 1
    return out


def files_per_tier(con: duckdb.DuckDBPyConnection) -> dict[str, dict[tuple[str, int], int]]:
    """Live data files under SMALL_FILE_BYTES per table, (partition, tier: an index into TIERS)."""
    out: dict[str, dict[tuple[str, int], int]] = {}
    for table, part, size in _live_files(con):
        if size >= SMALL_FILE_BYTES:
            continue
        tier = next(i for i, (low, high) in enumerate(TIERS) if low <= size < high)
        counts = out.setdefault(table, {})
        counts[part, tier] = counts.get((part, tier), 0) + 1
    return out


def file_count(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute(f"SELECT count(*) FROM {_meta('ducklake_data_file')} WHERE end_snapshot IS NULL").fetchall()[0][
        0
    ]


def inlined_rows(con: duckdb.DuckDBPyConnection) -> int:
    """Rows DuckLake holds in the catalog rather than in Parquet (small inserts), still live."""
    tables = con.execute(
        f"SELECT table_name FROM duckdb_tables() WHERE database_name = '__ducklake_metadata_{lake.NAME}' "
        "AND table_name LIKE 'ducklake_inlined_data_%'"
    ).fetchall()
    total = 0
    for (name,) in tables:
        total += con.execute(f"SELECT count(*) FROM {_meta(name)} WHERE end_snapshot IS NULL").fetchall()[0][0]
    return total


def crowded(root: Path, threshold: int) -> dict[str, list[int]]:
    """The tiers (indexes into TIERS) of each DuckLake table (by its name in the lake: `article_versions`, and
    `newsetl_meta` too) that have a partition holding more than `threshold` of their files: what a run merges."""
    if not storage.of(root).exists():
        return {}
    with lake.session(root) as con:
        counts = files_per_tier(con)
    out: dict[str, list[int]] = {}
    for table, parts in sorted(counts.items()):
        tiers = sorted({tier for (_, tier), n in parts.items() if n > threshold})
        if tiers:
            out[table] = tiers
    return out


def delete_debris(root: Path) -> int:
    """Delete data files no commit names (a killed writer's); returns how many."""
    location = storage.of(root)
    with lake.session(root, create=True) as con:
        if location.shared_catalog:
            deleted = con.execute(
                f"SELECT count(*) FROM ducklake_delete_orphaned_files('{lake.NAME}', "
                "older_than => now() - ?::INTERVAL)",
                [f"{int(GRACE.total_seconds())} seconds"],
            ).fetchall()
        else:
            deleted = con.execute(
                f"SELECT count(*) FROM ducklake_delete_orphaned_files('{lake.NAME}', cleanup_all => true)"
            ).fetchall()
    return deleted[0][0]


def maintain(
    root: Path,
    tables: list[str] | None = None,
    max_file_bytes: int | None = None,
    keep_days: float = KEEP_DAYS,
    cleanup_all: bool = False,
    tiers: dict[str, list[int]] | None = None,
) -> Compaction:
    """Merge small files (of `tables`, default all; with `max_file_bytes`, only files under that size; with
    `tiers`, what `crowded` returned: for each table, only its files of those TIERS, each tier apart), expire
    old snapshots and delete files no snapshot needs. The caller holds the writer lock (SQLite catalogs)."""
    if tiers is not None:
        ranges = {table: [TIERS[i] for i in ts] for table, ts in tiers.items()}
    else:
        names = [LAKE_TABLES[t].stored_as for t in tables] if tables else [s.stored_as for s in LAKE_TABLES.values()]
        ranges = {name: [(0, max_file_bytes)] for name in names}
    done = Compaction()
    with lake.session(root, create=True) as con:
        before = files_per_partition(con)
        done.files_before = sum(sum(p.values()) for p in before.values())
        for table, sizes in ranges.items():
            flushed = con.execute(
                "SELECT coalesce(sum(rows_flushed), 0) "
                f"FROM ducklake_flush_inlined_data('{lake.NAME}', table_name => ?)",
                [table],
            ).fetchall()[0][0]
            done.inlined_rows_flushed += int(flushed)
            for low, high in sizes:
                size = f", max_file_size => {int(high)}" if high else ""
                size += f", min_file_size => {int(low)}" if low else ""
                con.execute(f"CALL ducklake_merge_adjacent_files('{lake.NAME}', '{table}'{size})")
        after = files_per_partition(con)
        done.files_after = sum(sum(p.values()) for p in after.values())
        for table, parts in before.items():
            merged = sum(parts.values()) - sum(after.get(table, {}).values())
            if merged > 0:
                done.tables[table] = merged
                done.partitions += sum(1 for k, n in parts.items() if n > after.get(table, {}).get(k, 0))
        done.files_deleted = expire_and_clean(con, keep_days, cleanup_all)
        done.rows = sum(con.execute(f"SELECT count(*) FROM {name}").fetchall()[0][0] for name in ranges)
    return done


def expire_and_clean(con: duckdb.DuckDBPyConnection, keep_days: float, cleanup_all: bool = False) -> int:
    """Expire snapshots older than `keep_days` (all but the current one with keep_days=0), then delete the files
    no snapshot needs (once every one of them has waited GRACE, or at once with `cleanup_all`); returns files
    deleted.

    Why not `ducklake_cleanup_old_files(older_than => …)`: with a SQLite catalog (DuckLake 1.5.5) it deleted
    files scheduled a moment ago as if they were older (tests/test_maintain.py), which would pull files from
    under a query still reading them. So this deletes only when nothing scheduled is younger than GRACE."""
    con.execute(
        f"CALL ducklake_expire_snapshots('{lake.NAME}', older_than => now() - ?::INTERVAL)",
        [f"{int(keep_days * 86400)} seconds"],
    )
    if not cleanup_all:
        recent = con.execute(
            f"SELECT count(*) FROM {_meta('ducklake_files_scheduled_for_deletion')} "
            "WHERE schedule_start::TIMESTAMPTZ > now() - ?::INTERVAL",
            [f"{int(GRACE.total_seconds())} seconds"],
        ).fetchall()[0][0]
        if recent:
            return 0
    sql = f"SELECT count(*) FROM ducklake_cleanup_old_files('{lake.NAME}', cleanup_all => true)"
    return con.execute(sql).fetchall()[0][0]


def rewrite_deleted(con: duckdb.DuckDBPyConnection) -> None:
    """Rewrite every data file that has deleted rows, so the rows are gone from the files themselves (then
    expire and clean up, for the old files to go)."""
    for spec in LAKE_TABLES.values():
        con.execute(f"CALL ducklake_flush_inlined_data('{lake.NAME}', table_name => '{spec.stored_as}')")
        con.execute(f"CALL ducklake_rewrite_data_files('{lake.NAME}', '{spec.stored_as}', delete_threshold => 0)")
