"""`newsetl check`: is the warehouse whole? Reads everything, changes nothing.

DuckLake keeps the catalog consistent by itself (one transaction per commit); what can still go wrong is
outside it, or in what newsetl promises on top of it. Problems (the check fails): the catalog cannot be opened;
a data or delete file it names is missing or unreadable; a key stored twice; a mention without its article
version; an article without its page. Notes (the check passes): data files no commit names (debris the next
run deletes), files waiting for cleanup, rows still inlined in the catalog, partitions with many small files
(`newsetl compact` merges them), a warehouse in the format before DuckLake (the next writer converts it).
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from warehouse import lake, maintain, storage, upgrade
from warehouse.schemas import TABLES

SMALL_FILES_NOTE = 32  # files per partition above which compaction is suggested
READ_AT_ONCE = 200

ORPHANS = {
    "mentions without their article version": (
        "entity_mentions",
        "SELECT count(*) FROM entity_mention_versions m ANTI JOIN article_versions a USING (article_id, version)",
    ),
    "articles without their page": (
        "articles",
        "SELECT count(*) FROM article_versions a ANTI JOIN pages p USING (page_id)",
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


def _unreadable(con: duckdb.DuckDBPyConnection, paths: list[str]) -> list[tuple[str, str]]:
    """The files among `paths` that cannot be read as Parquet, with why."""
    try:
        con.execute("SELECT count(*) FROM parquet_file_metadata(?)", [paths]).fetchall()
        return []
    except duckdb.Error:
        pass  # find which, one by one
    bad = []
    for path in paths:
        try:
            con.execute("SELECT count(*) FROM parquet_file_metadata(?)", [[path]]).fetchall()
        except duckdb.Error as exc:
            bad.append((path, str(exc).splitlines()[0]))
    return bad


def check(root: Path, progress: Callable[[int, int], None] | None = None) -> Report:
    """Verify the warehouse; `progress(done, total)` is called as files are read (a progress bar's hook)."""
    report = Report()
    location = storage.of(root)
    if upgrade.old_format(root):
        report.notes.append(
            "a warehouse in the format before DuckLake: the next run (or `newsetl compact`) converts it"
        )
        if not location.exists():
            return report
    try:
        con = lake.connect(root, read_only=True)
    except (duckdb.Error, OSError) as exc:
        report.problems.append(f"catalog: {str(exc).splitlines()[0]}")
        return report
    try:
        files: dict[str, list[str]] = {}
        for name, spec in TABLES.items():
            listed = con.execute(
                f"SELECT data_file, delete_file FROM ducklake_list_files('{lake.NAME}', ?)", [spec.stored_as]
            ).fetchall()
            files[name] = [p for pair in listed for p in pair if p]
            report.files[name] = len(listed)
        total, done = sum(len(p) for p in files.values()), 0
        for name, paths in files.items():
            for i in range(0, len(paths), READ_AT_ONCE):
                chunk = paths[i : i + READ_AT_ONCE]
                for path, why in _unreadable(con, chunk):
                    report.problems.append(f"{name}: {path} is missing or unreadable ({why})")
                done += len(chunk)
                if progress:
                    progress(done, total)
        for name, spec in TABLES.items():
            key = ", ".join(spec.key)
            try:
                count, distinct = con.execute(
                    f"SELECT count(*), count(DISTINCT ({key})) FROM {spec.stored_as}"
                ).fetchall()[0]
            except duckdb.Error as exc:
                report.problems.append(f"{name}: cannot be read ({str(exc).splitlines()[0]})")
                continue
            report.rows[name] = count
            if count != distinct:
                report.problems.append(f"{name}: {count - distinct} rows repeat a key ({key})")
        for what, (table, sql) in ORPHANS.items():
            if report.rows.get(table):
                try:
                    orphans = con.execute(sql).fetchall()[0][0]
                except duckdb.Error:
                    continue  # unreadable: reported above
                if orphans:
                    report.problems.append(f"{orphans} {what}")
        try:  # DuckLake's dry runs need a writable attachment (they change nothing)
            with lake.session(root) as writable:
                _notes(writable, report)
        except (duckdb.Error, OSError) as exc:  # notes are extras: say why there are none
            report.notes.append(f"maintenance notes unavailable: {str(exc).splitlines()[0]}")
    finally:
        con.close()
    return report


def _notes(con: duckdb.DuckDBPyConnection, report: Report) -> None:
    debris = con.execute(
        f"SELECT count(*) FROM ducklake_delete_orphaned_files('{lake.NAME}', dry_run => true, cleanup_all => true)"
    ).fetchall()[0][0]
    if debris:
        report.notes.append(f"{debris} data files no commit names (a killed run's; the next run deletes them)")
    waiting = con.execute(
        f"SELECT count(*) FROM ducklake_cleanup_old_files('{lake.NAME}', dry_run => true, cleanup_all => true)"
    ).fetchall()[0][0]
    if waiting:
        report.notes.append(f"{waiting} files no snapshot needs, deleted by maintenance after an hour")
    inlined = maintain.inlined_rows(con)
    if inlined:
        report.notes.append(f"{inlined} rows inlined in the catalog (small inserts; maintenance writes them out)")
    for table, parts in sorted(maintain.files_per_partition(con).items()):
        crowded = {k: v for k, v in parts.items() if v > SMALL_FILES_NOTE}
        if crowded:
            report.notes.append(
                f"{table}: {len(crowded)} partitions with over {SMALL_FILES_NOTE} files "
                f"(most: {max(crowded.values())}); `newsetl compact` merges them"
            )
