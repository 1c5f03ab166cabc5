"""`newsetl check`: is the warehouse whole? Reads everything, changes nothing.

Problems (the check fails): a damaged log; a committed file that is missing, unreadable, of another table, of
a newer schema than this code, or with a column of the wrong type; a key stored twice; a mention without its
article version; an article without its page. Notes (the check passes): debris the next run will delete,
files written before schema version N, partitions with many small files (compaction would help).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from warehouse import catalog, log, storage, writer
from warehouse.schemas import SCHEMA_VERSION, TABLES

SMALL_FILES_NOTE = 32  # files per partition above which compaction is suggested

ORPHANS = {
    "mentions without their article version": (
        "entity_mentions",
        "SELECT count(*) FROM entity_mentions m ANTI JOIN articles a USING (article_id, version)",
    ),
    "articles without their page": (
        "articles",
        "SELECT count(*) FROM articles a ANTI JOIN pages p USING (page_id)",
    ),
}


@dataclass
class Report:
    problems: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    files: dict[str, int] = field(default_factory=dict)
    rows: dict[str, int] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.problems

    def as_dict(self) -> dict:
        return {"ok": self.ok, **self.__dict__}


def _check_file(report: Report, root: Path, table: str, rel: str) -> bool:
    spec = TABLES[table]
    store = storage.of(root)
    if not store.exists(rel):
        report.problems.append(f"{rel}: committed but missing")
        return False
    try:
        schema = pq.read_schema(store.full(rel), filesystem=store.fs)
    except Exception as exc:  # any unreadable file is a finding, whatever pyarrow raises
        report.problems.append(f"{rel}: not readable as Parquet ({type(exc).__name__}: {exc})")
        return False
    meta = schema.metadata or {}
    if meta.get(b"newsetl.table", table.encode()).decode() != table:
        report.problems.append(f"{rel}: holds table {meta[b'newsetl.table'].decode()!r}, not {table!r}")
    version = int(meta.get(b"newsetl.schema_version", b"0"))
    if version > SCHEMA_VERSION:
        report.problems.append(f"{rel}: schema version {version} is newer than this newsetl's {SCHEMA_VERSION}")
    elif version < SCHEMA_VERSION:
        report.notes.append(f"{rel}: schema version {version} (readable; new columns read as NULL)")
    for column in schema:
        if column.name not in spec.schema.names:
            report.problems.append(f"{rel}: column {column.name!r} is not in the {table} schema")
        elif not column.type.equals(spec.schema.field(column.name).type):
            expected = spec.schema.field(column.name).type
            report.problems.append(f"{rel}: column {column.name!r} is {column.type}, the schema says {expected}")
    return True


def check(root: Path, progress: Callable[[int, int], None] | None = None) -> Report:
    """Verify the warehouse; `progress(done, total)` is called as files are read (a progress bar's hook)."""
    report = Report()
    try:
        snapshot = log.read(root)
    except (RuntimeError, ValueError, KeyError, OSError) as exc:
        report.problems.append(f"commit log: {exc}")
        return report
    adoptable = log.unlogged(root, list(TABLES))
    if adoptable:  # checked as the next run will adopt them
        snapshot = log.Snapshot(files={t: set(p) for t, p in adoptable.items()})
        count = sum(len(p) for p in adoptable.values())
        report.notes.append(f"no commit log yet (written by an older newsetl): the next run adopts its {count} files")
    readable: dict[str, list[str]] = {}
    files = {table: writer.files(root, table, snapshot) for table in TABLES}
    total, done = sum(len(p) for p in files.values()), 0
    for table, spec in TABLES.items():
        paths = files[table]
        report.files[table] = len(paths)
        readable[table] = []
        for p in paths:
            if _check_file(report, root, table, p):
                readable[table].append(p)
            done += 1
            if progress:
                progress(done, total)
        if spec.partitioned:
            per_partition: dict[str, int] = {}
            for p in paths:
                month = writer.month_of(p)
                per_partition[month] = per_partition.get(month, 0) + 1
            crowded = {k: v for k, v in per_partition.items() if v > SMALL_FILES_NOTE}
            if crowded:
                report.notes.append(
                    f"{table}: {len(crowded)} partitions with over {SMALL_FILES_NOTE} files "
                    f"(most: {max(crowded.values())}); `newsetl compact` merges them"
                )
    con = duckdb.connect()
    try:
        for table, spec in TABLES.items():
            if not readable[table]:
                con.register(table, spec.schema.empty_table())
                report.rows[table] = 0
                continue
            source = catalog.files_source(con, root, table, readable[table])
            con.execute(f"CREATE VIEW {table} AS SELECT * FROM {source}")
            key = ", ".join(spec.key)
            total, distinct = con.sql(f"SELECT count(*), count(DISTINCT ({key})) FROM {table}").fetchall()[0]
            report.rows[table] = total
            if total != distinct:
                report.problems.append(f"{table}: {total - distinct} rows repeat a key ({key})")
        for what, (table, sql) in ORPHANS.items():
            if report.rows.get(table):
                orphans = con.sql(sql).fetchall()[0][0]
                if orphans:
                    report.problems.append(f"{orphans} {what}")
    finally:
        con.close()
    names = list(TABLES)
    leftover = log.debris(root, names, snapshot)
    if leftover:
        report.notes.append(f"{len(leftover)} uncommitted or long-removed files (the next run deletes them)")
    return report
