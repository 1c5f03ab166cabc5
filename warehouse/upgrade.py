"""Converting a warehouse in the format before DuckLake, once, losing nothing.

Until schema version 3 a warehouse was Parquet folders per table (`<root>/articles/month=…/part-….parquet`)
made up by a commit log of JSON files (`<root>/_log/`), plus a DuckDB file of views (`news.duckdb`). The
first writer that opens such a folder (a run, `newsetl compact`) holds the lock and:

1. reads the committed files of every table from the log (or, for a warehouse older than the log, every file
   in the table folders), at the current schema: columns an old file lacks read as NULL;
2. inserts all their rows into the new DuckLake tables in one transaction, recording the conversion in the
   same commit, so a conversion killed half-way leaves no half-converted warehouse: the next writer starts
   it again;
3. moves the old folders, the log and the old catalog into `<root>/_before_ducklake/`, where they stay
   until someone deletes them.

Debris (files no commit named) is not converted: it never was part of the warehouse. Only local folders are
converted; an S3 warehouse in the old format is converted by pointing a local copy at it (docs/design.md).
"""

import json
import shutil
from pathlib import Path

from warehouse import lake, storage
from warehouse.schemas import TABLES

LOG_DIR = "_log"
OLD_CATALOG = "news.duckdb"
ATTIC = "_before_ducklake"
DONE_KEY = "converted_from_parquet_log"


def _old_table_dirs(root: Path) -> list[Path]:
    return [root / name for name in TABLES if (root / name).is_dir()]


def old_format(root: Path) -> bool:
    """Does `root` hold a warehouse in the format before DuckLake, not converted yet?"""
    return (root / LOG_DIR).is_dir() or any(any(d.rglob("*.parquet")) for d in _old_table_dirs(root))


def committed_files(root: Path) -> dict[str, list[str]]:
    """Per table, the files the old commit log says make it up (relative to the root): the newest checkpoint,
    then every commit after it. Without a log (a warehouse older than it), every Parquet file of the table."""
    log = root / LOG_DIR
    if not log.is_dir():
        return {t: sorted(p.relative_to(root).as_posix() for p in (root / t).rglob("*.parquet")) for t in TABLES}
    names = sorted(p.name for p in log.iterdir() if p.name.endswith(".json") and not p.name.startswith("."))
    files: dict[str, set[str]] = {}
    version = 0
    checkpoints = [n for n in names if n.endswith(".checkpoint.json")]
    if checkpoints:
        data = json.loads((log / checkpoints[-1]).read_text())
        version = data["version"]
        files = {t: set(p) for t, p in data["files"].items()}
    for name in names:
        if name.endswith(".checkpoint.json") or int(name.split(".")[0]) <= version:
            continue
        entry = json.loads((log / name).read_text())
        if entry["version"] != version + 1:
            raise RuntimeError(f"{log / name}: commit {entry['version']} follows {version}; the old log is damaged")
        for table, paths in entry.get("add", {}).items():
            files.setdefault(table, set()).update(paths)
        for table, paths in entry.get("remove", {}).items():
            files.setdefault(table, set()).difference_update(paths)
        version = entry["version"]
    return {t: sorted(files.get(t, ())) for t in TABLES}


def _dataset(root: Path, name: str, paths: list[str]):
    # Imported here: every writer checks for the old format, and only an upgrade reads it (~90 ms of imports).
    import pyarrow.dataset as ds
    import pyarrow.fs as pafs

    # The current schema: columns added after a file was written read as nulls.
    return ds.FileSystemDataset.from_paths(
        [str(root / p) for p in paths], schema=TABLES[name].schema, format=ds.ParquetFileFormat(),
        filesystem=pafs.LocalFileSystem(),
    )  # fmt: skip


def upgrade_if_needed(root: Path) -> dict[str, int]:
    """Convert `root` if it is in the old format (the caller holds the writer lock); returns
    {"rows_converted": n, "files_converted": m} when it did, {} otherwise."""
    location = storage.of(root)
    if location.remote or not old_format(root):
        return {}
    files = committed_files(root)
    counts = {"rows_converted": 0, "files_converted": sum(len(p) for p in files.values())}
    with lake.session(root, create=True) as con:
        done = con.execute(f"SELECT count(*) FROM newsetl_meta WHERE key = '{DONE_KEY}'").fetchall()[0][0]
        if not done:
            con.execute("BEGIN")
            for name, paths in files.items():
                if not paths:
                    continue
                spec = TABLES[name]
                view = f"_old_{name}"
                con.register(view, _dataset(root, name, paths))
                try:
                    con.execute(
                        f"INSERT INTO {spec.stored_as} BY NAME SELECT * FROM {view} ORDER BY {', '.join(spec.sort_by)}"
                    )
                finally:
                    con.unregister(view)
                counts["rows_converted"] += con.execute(f"SELECT count(*) FROM {spec.stored_as}").fetchall()[0][0]
            con.execute("INSERT INTO newsetl_meta VALUES (?, ?)", [DONE_KEY, json.dumps(counts)])
            lake.set_commit_message(con, "newsetl", f"converted from the Parquet commit log: {counts}")
            con.execute("COMMIT")
    _move_aside(root)
    return counts


def _move_aside(root: Path) -> None:
    """The old format's folders into `_before_ducklake/` (kept: nothing is deleted)."""
    attic = root / ATTIC
    attic.mkdir(exist_ok=True)
    for path in [*_old_table_dirs(root), root / LOG_DIR, root / OLD_CATALOG, root / "_staging"]:
        if path.exists():
            target = attic / path.name
            if target.exists():
                shutil.rmtree(target) if target.is_dir() else target.unlink()
            path.rename(target)
