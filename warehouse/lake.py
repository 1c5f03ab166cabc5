"""The DuckLake: connections, DuckDB's extensions, the tables and views.

The warehouse is a DuckLake 1.0 (https://ducklake.select): Parquet data files plus a SQL catalog (a SQLite
file in the warehouse folder by default, or PostgreSQL) that says which files make up each table at each
snapshot. Every commit is one catalog transaction, across every table it touches.

DuckDB's extensions (ducklake, sqlite, postgres, httpfs, fts) come from the locked PyPI packages
`duckdb-extension-*==1.5.5`, which ship DuckDB's signed binaries. They are never downloaded: this module points
DuckDB's extension directory at a folder of links to those files (the sqlite one must be called
`sqlite_scanner.duckdb_extension` to load). Where the packages are missing, DuckDB's own INSTALL/LOAD path is
left as it is.
"""

import functools
import os
import sys
import threading
import time
from contextlib import contextmanager, suppress
from pathlib import Path

import duckdb
import pyarrow as pa

# DuckDB imports pyarrow.dataset itself the first time it reads an Arrow table, and takes a Ctrl-C during that
# import for "not installed": the KeyboardInterrupt was lost and the run went on to the end (seen in a real
# terminal, 0.3-0.5 s after a new warehouse's catalog appeared). Imported here, before any run starts.
import pyarrow.dataset

from warehouse import storage
from warehouse.schemas import LAKE_TABLES, TABLES, TableSpec

NAME = "news"  # the DuckLake's name in every session: news.articles, ...
EXTENSIONS = {  # file name DuckDB loads -> the PyPI package shipping it
    "ducklake": "duckdb_extension_ducklake",
    "sqlite_scanner": "duckdb_extension_sqlite",
    "postgres_scanner": "duckdb_extension_postgres",
    "httpfs": "duckdb_extension_httpfs",
    "fts": "duckdb_extension_fts",
}


def _package_file(name: str) -> Path | None:
    package = EXTENSIONS[name]
    stem = name.removesuffix("_scanner")
    for entry in sys.path:
        path = Path(entry) / package / "extensions" / f"v{duckdb.__version__}" / f"{stem}.duckdb_extension"
        if path.is_file():
            return path
    return None


@functools.cache
def _platform() -> str:  # an in-memory instance, ~25 ms: once per process
    return duckdb.connect().sql("SELECT platform FROM pragma_platform()").fetchall()[0][0]


def extension_dir() -> Path | None:
    """A DuckDB extension directory holding links to the packaged extension binaries (made on first use);
    None if the packages are not installed."""
    found = {name: _package_file(name) for name in EXTENSIONS}
    if not all(found.values()):
        return None
    for base in (Path(sys.prefix) / "share" / "newsetl", _cache_home() / "newsetl"):
        folder = base / "duckdb_extensions"
        target = folder / f"v{duckdb.__version__}" / _platform()
        try:
            target.mkdir(parents=True, exist_ok=True)
            for name, source in found.items():
                link = target / f"{name}.duckdb_extension"
                if not (link.is_symlink() and link.resolve() == source.resolve()):
                    tmp = target / f".{name}.{os.getpid()}.tmp"
                    tmp.unlink(missing_ok=True)
                    tmp.symlink_to(source)
                    os.replace(tmp, link)
            return folder
        except OSError:
            continue
    return None


def _cache_home() -> Path:
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")


_ext_dir: list[Path | None] = []


def _extensions() -> Path | None:
    if not _ext_dir:
        _ext_dir.append(extension_dir())
    return _ext_dir[0]


def sql_string(value: str) -> str:
    return "'" + str(value).replace("'", "''") + "'"


def _needed(location: storage.Location) -> list[str]:
    needed = ["ducklake", "postgres_scanner" if location.catalog else "sqlite_scanner"]
    if location.remote:
        needed.append("httpfs")
    return needed


def s3_secret_sql(location: storage.Location, from_env_in_sql: bool = False) -> str:
    """CREATE SECRET for the warehouse's bucket. In a session, with the values from this process's
    environment; in the DuckDB CLI's init file (`from_env_in_sql`), as getenv() calls, so no credential is
    written down."""
    endpoint = location.s3_endpoint()
    region = location.s3_region()

    def value(var: str, known: str | None) -> str | None:
        if from_env_in_sql:
            return f"getenv('{var}')"
        return sql_string(known) if known is not None else None

    options = {
        "KEY_ID": value("AWS_ACCESS_KEY_ID", os.environ.get("AWS_ACCESS_KEY_ID")),
        "SECRET": value("AWS_SECRET_ACCESS_KEY", os.environ.get("AWS_SECRET_ACCESS_KEY")),
        "SESSION_TOKEN": value("AWS_SESSION_TOKEN", os.environ.get("AWS_SESSION_TOKEN"))
        if os.environ.get("AWS_SESSION_TOKEN")
        else None,
        "REGION": sql_string(region) if region else None,
    }
    if endpoint:
        parts = endpoint.split("://", 1)
        scheme, host = (parts[0], parts[1]) if len(parts) == 2 else ("https", parts[0])
        options["ENDPOINT"] = sql_string(host.rstrip("/"))
        options["URL_STYLE"] = "'path'"
        options["USE_SSL"] = "false" if scheme == "http" else "true"
    bucket, prefix = storage.split_s3(location.uri)
    options["SCOPE"] = sql_string(f"s3://{bucket}/{prefix}".rstrip("/"))
    body = ", ".join(f"{k} {v}" for k, v in options.items() if v is not None)
    return f"CREATE OR REPLACE SECRET newsetl_s3 (TYPE s3, {body})"


def attach_sql(location: storage.Location, read_only: bool) -> str:
    """ATTACH for the warehouse's DuckLake, with the data path of this location: a copied warehouse reads
    its own files, not the original's (OVERRIDE_DATA_PATH; DuckLake stores file paths relative to it)."""
    options = [f"DATA_PATH {sql_string(location.data_path)}", "OVERRIDE_DATA_PATH true"]
    if read_only:
        options.append("READ_ONLY")
    return f"ATTACH {sql_string(location.attach_target())} AS {NAME} ({', '.join(options)})"


def _wal(path: Path) -> None:
    """A SQLite catalog in write-ahead-log mode, so readers never block a writer's commit nor it them (in the
    default rollback mode a reader's lock made commits fail with "database is locked"). Set once, in the file."""
    import sqlite3

    path.parent.mkdir(parents=True, exist_ok=True)
    db = sqlite3.connect(path)
    try:
        if db.execute("PRAGMA journal_mode").fetchone()[0].lower() != "wal":
            db.execute("PRAGMA journal_mode=WAL")
    finally:
        db.close()


def _config(autoload: bool = True) -> dict:
    config = {"autoinstall_known_extensions": False, "autoload_known_extensions": autoload}
    folder = _extensions()
    if folder is not None:
        config["extension_directory"] = str(folder)
        # DuckDB checks an extension's signature at each LOAD, in each instance: 0.41 s for ducklake and sqlite
        # against 0.004 s unchecked (measured side by side), paid by every run, query and command. These files
        # are the locked PyPI packages' (uv checks their hashes at install; `extension_dir` links each name to
        # its package's file in every process): as trusted as the Python code that loads them. Where DuckDB
        # downloads its own (no packages), its signature checks stay. `newsetl query` loads nothing
        # (catalog.lock_down), which tests/test_query_lockdown.py checks with an unsigned file.
        config["allow_unsigned_extensions"] = True
    return config


# Set when the lake is made: zstd like the Parquet warehouse before it (smaller pages bodies), and no data
# inlining: DuckLake 1.5.5 inlines small inserts into the catalog as SQL text, and a NUL character in a list of
# strings made the commit fail ("unterminated quoted string", found by tests/test_roundtrip.py), which would
# fail a whole batch over one odd byline. Every row is in Parquet; maintenance merges the small files.
LAKE_OPTIONS = {"parquet_compression": "'zstd'", "data_inlining_row_limit": "0"}


class NoWarehouse(FileNotFoundError):
    """No DuckLake catalog at this location yet."""


def open_instance(root: Path, read_only: bool = False, create: bool = False) -> duckdb.DuckDBPyConnection:
    """A new DuckDB instance with the warehouse's DuckLake attached as `news` and in use. `create` makes the
    catalog, its tables and views if they do not exist (writers); readers attach it READ_ONLY. Loading the
    extensions costs ~0.5 s, so a process keeps its instances (`connect`)."""
    location = storage.of(root)
    if not create and not location.exists():
        raise NoWarehouse(f"no warehouse at {location.display()} (run `newsetl run` first, or pass --warehouse)")
    if create and not location.remote:
        Path(location.data_path).mkdir(parents=True, exist_ok=True)
    con = _instance(location)
    try:
        if create and location.catalog_file is not None:
            if location.catalog_file.exists():
                _wal(location.catalog_file)  # a catalog made before it was set
            else:
                _create_catalog(con, location)
        _attach(con, location, read_only)
        con.execute(f"USE {NAME}")
        if create:
            ensure_tables(con)
    except BaseException:
        con.close()
        raise
    return con


def _instance(location: storage.Location) -> duckdb.DuckDBPyConnection:
    """An in-memory DuckDB with the extensions this location needs loaded, and its S3 secret."""
    con = duckdb.connect(config=_config())
    try:
        for name in _needed(location):
            if _extensions() is None:  # no packaged binaries: DuckDB's own path (installed, or downloaded)
                con.execute(f"INSTALL {name}")
            con.execute(f"LOAD {name}")
        if location.remote:
            con.execute(s3_secret_sql(location))
    except BaseException:
        con.close()
        raise
    return con


def _create_catalog(con: duckdb.DuckDBPyConnection, location: storage.Location) -> None:
    """A new SQLite catalog, made whole or not at all. DuckLake sets up its own tables in several statements,
    not one transaction, and a Ctrl-C among them left a catalog that no later run could open ("Failed to
    initialize DuckLake", "database is locked"). So DuckLake's tables, ours and the views are made in a file of
    this process's own, which becomes the catalog once they are all there (a hard link: it never replaces a
    catalog another process made meanwhile)."""
    final = location.catalog_file
    for left in final.parent.glob(f"{final.name}.new-*"):  # a creation killed (SIGKILL) before its cleanup
        pid = left.name.removeprefix(f"{final.name}.new-").split("-")[0]
        if pid.isdigit() and not _alive(int(pid)):
            left.unlink(missing_ok=True)
    making = final.with_name(f"{final.name}.new-{os.getpid()}")
    _remove_sqlite(making)  # one an interrupted attempt of this process left
    _wal(making)
    try:
        target = f"ducklake:sqlite:{making}"
        con.execute(f"ATTACH {sql_string(target)} AS {NAME} (DATA_PATH {sql_string(location.data_path)})")
        try:
            con.execute(f"USE {NAME}")
            ensure_tables(con)
        finally:
            con.execute("USE memory")
            con.execute(f"DETACH {NAME}")  # the file closed, to be linked into place
    except BaseException:
        _remove_sqlite(making)
        raise
    _checkpoint(making)  # the log's pages into the file, which alone becomes the catalog
    try:
        os.link(making, final)
    except FileExistsError:  # another process made it first: its catalog is the warehouse's
        pass
    except OSError:  # a filesystem without hard links
        if not final.exists():
            os.replace(making, final)
    finally:
        _remove_sqlite(making)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # another user's
        return True
    return True


def _remove_sqlite(path: Path) -> None:
    for file in (path, path.with_name(path.name + "-wal"), path.with_name(path.name + "-shm")):
        file.unlink(missing_ok=True)


def _checkpoint(path: Path) -> None:
    import sqlite3

    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()


def _attach(con: duckdb.DuckDBPyConnection, location: storage.Location, read_only: bool, attempts: int = 5) -> None:
    """ATTACH; for a new shared catalog two writers may race to create DuckLake's own tables, and the loser
    tries again (then finds them)."""
    for attempt in range(attempts):
        try:
            con.execute(attach_sql(location, read_only))
            return
        except duckdb.Error:
            if not location.shared_catalog or attempt == attempts - 1:
                raise
            time.sleep(0.2 * (attempt + 1))


_instances: dict[tuple[Path, bool], tuple[object, duckdb.DuckDBPyConnection]] = {}
_lock = threading.Lock()
_ensured: set[tuple[Path, bool]] = set()
KEEP_INSTANCES = 4


def _identity(root: Path):
    """What tells a cached instance is still the warehouse's (a catalog file deleted and made again is not)."""
    file = storage.of(root).catalog_file
    if file is None:
        return "shared"
    try:
        stat = file.stat()
    except FileNotFoundError:
        return None
    return (stat.st_dev, stat.st_ino)


def connect(
    root: Path, read_only: bool = False, create: bool = False, strict: bool = False
) -> duckdb.DuckDBPyConnection:
    """A connection (a cursor of this process's instance for the warehouse) with `news` in use. Close it when
    done; the instance stays for the next caller. A read-only connection shares the instance this process
    writes with, if it has one, unless `strict` (then the DuckLake is attached READ_ONLY)."""
    root = Path(root)
    key = (root, read_only)
    with _lock:
        if read_only and not strict and (root, False) in _instances:
            key = (root, False)  # this process writes there already: its instance serves its reads too
        cached = _instances.get(key)
        if cached and cached[0] != _identity(root):
            _instances.pop(key)[1].close()
            _ensured.discard(key)
            cached = None
        if cached is None:
            if create and read_only:
                create = False
            base = open_instance(root, read_only=read_only, create=create)
            while len(_instances) >= KEEP_INSTANCES:
                old = next(iter(_instances))
                _instances.pop(old)[1].close()
                _ensured.discard(old)
            _instances[key] = (_identity(root), base)
            cached = _instances[key]
        elif create and key not in _ensured:
            ensure_tables(cached[1].cursor())
        if create:
            _ensured.add(key)
        cursor = cached[1].cursor()
    cursor.execute(f"USE {NAME}")
    return cursor


def close_all() -> None:
    """Close this process's instances (tests; before a warehouse's files are moved away)."""
    with _lock:
        _ensured.clear()
        while _instances:
            _instances.popitem()[1][1].close()


@contextmanager
def session(root: Path, read_only: bool = False, create: bool = False):
    con = connect(root, read_only=read_only, create=create)
    try:
        yield con
    finally:
        con.close()


@contextmanager
def derived_lock(root: Path):
    """Held while the derived tables (entity_aliases, the search index) are brought up to date. With a SQLite
    catalog the writer lock already serialises writers; with a shared (PostgreSQL) catalog several runs may
    finish at once, and two refreshes racing would index the same articles twice, so this takes a
    PostgreSQL advisory lock on a connection of its own, held until the block ends (closing the connection
    releases it, also if this process dies)."""
    location = storage.of(root)
    if not location.shared_catalog:
        yield
        return
    con = duckdb.connect(config=_config())
    try:
        con.execute("LOAD postgres_scanner")
        # one connection, never reaped while idle: the session the advisory lock belongs to
        con.execute("SET pg_pool_max_connections = 1")
        con.execute("SET pg_pool_enable_reaper_thread = false")
        con.execute(f"ATTACH {sql_string(location.catalog)} AS newsetl_lock (TYPE postgres)")
        # a transaction-scoped lock: the extension keeps one PostgreSQL transaction open for the attached
        # database until this DuckDB transaction ends (a session lock did not hold: pooled connections are reset)
        con.execute("BEGIN")
        con.execute("SELECT * FROM postgres_query('newsetl_lock', 'SELECT pg_advisory_xact_lock(4242016)')").fetchall()
        yield
    finally:
        with suppress(duckdb.Error):
            con.execute("ROLLBACK")
        con.close()


def duck_columns(con: duckdb.DuckDBPyConnection, spec: TableSpec) -> list[tuple[str, str, bool]]:
    """(name, DuckDB type, nullable) of a table's declared Arrow schema."""
    rel = con.from_arrow(spec.schema.empty_table())
    return [(c, str(t), spec.schema.field(c).nullable) for c, t in zip(rel.columns, rel.types, strict=True)]


def ensure_tables(con: duckdb.DuckDBPyConnection, attempts: int = 5) -> list[str]:
    """Create the tables that do not exist and add the columns a newer schema declares (DuckLake's schema
    evolution: old files read the new column as NULL), then the views; one commit. Returns what it changed.
    Two writers of a shared catalog may race to do it: the loser looks again."""
    for attempt in range(attempts):
        try:
            return _ensure_tables(con)
        except (duckdb.CatalogException, duckdb.TransactionException) as exc:
            with suppress(duckdb.Error):
                con.execute("ROLLBACK")
            if attempt == attempts - 1:
                raise
            time.sleep(0.1 * (attempt + 1))
            del exc
    return []


def _ensure_tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    from warehouse.catalog import create_views

    existing = {
        (t, c)
        for t, c in con.execute(
            "SELECT table_name, column_name FROM duckdb_columns() WHERE database_name = ? AND schema_name = 'main'",
            [NAME],
        ).fetchall()
    }
    tables = {t for t, _ in existing}
    views = {
        v for (v,) in con.execute(
            "SELECT view_name FROM duckdb_views() WHERE database_name = ? AND NOT internal", [NAME]
        ).fetchall()
    }  # fmt: skip
    meta = f"__ducklake_metadata_{NAME}"
    sorts = dict(
        con.execute(
            f"SELECT t.table_name, list(trim(e.expression, '\"') ORDER BY e.sort_key_index) "
            f"FROM {meta}.ducklake_sort_info s JOIN {meta}.ducklake_table t USING (table_id) "
            f"JOIN {meta}.ducklake_sort_expression e USING (sort_id, table_id) "
            "WHERE s.end_snapshot IS NULL AND t.end_snapshot IS NULL GROUP BY t.table_name"
        ).fetchall()
    )  # each table's current sort, as its columns
    steps: list[tuple[str, list[str]]] = []
    for spec in LAKE_TABLES.values():
        columns = duck_columns(con, spec)
        if spec.stored_as not in tables:
            body = ", ".join(f'"{c}" {t}' + ("" if nullable else " NOT NULL") for c, t, nullable in columns)
            sql = [f"CREATE TABLE {spec.stored_as} ({body})"]
            if spec.partitioned or spec.partition_by:
                by = spec.partition_by or "year(day), month(day)"
                sql.append(f"ALTER TABLE {spec.stored_as} SET PARTITIONED BY ({by})")
            steps.append((f"created {spec.stored_as}", sql))
            continue
        for c, t, _ in columns:
            if (spec.stored_as, c) not in existing:
                steps.append((f"added {spec.stored_as}.{c}", [f'ALTER TABLE {spec.stored_as} ADD COLUMN "{c}" {t}']))
    for spec in LAKE_TABLES.values():  # after the CREATEs
        if spec.sorted_by and sorts.get(spec.stored_as) != list(spec.sorted_by):  # new, or a newer schema's
            sort = f"ALTER TABLE {spec.stored_as} SET SORTED BY ({', '.join(spec.sorted_by)})"
            steps.append((f"sorted {spec.stored_as}", [sort]))
    from warehouse.catalog import DERIVED_VIEWS

    if steps or not set(DERIVED_VIEWS) <= views:
        con.execute("BEGIN")
        if not tables:  # a new lake: its options first
            for option, value in LAKE_OPTIONS.items():
                con.execute(f"CALL ducklake_set_option('{NAME}', '{option}', {value})")
        for _, statements in steps:
            for sql in statements:
                con.execute(sql)
        create_views(con)
        set_commit_message(con, "newsetl", "schema: " + ", ".join(what for what, _ in steps) or "views")
        con.execute("COMMIT")
        for spec in LAKE_TABLES.values():  # a new table's own options (DuckLake sets none in its creating commit)
            if spec.row_group_rows and spec.stored_as not in tables:
                con.execute(
                    f"CALL ducklake_set_option('{NAME}', 'parquet_row_group_size', {spec.row_group_rows}, "
                    f"table_name => '{spec.stored_as}')"
                )
    return [what for what, _ in steps]


def insert(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> int:
    """Insert an Arrow table (of its declared schema) into table `name`, sorted by its sort key, by column
    name. Part of the caller's transaction."""
    if not table.num_rows:
        return 0
    spec = LAKE_TABLES[name]
    view = f"_new_{spec.stored_as}"
    con.register(view, table)
    try:
        order = ", ".join(spec.sort_by)
        con.execute(f"INSERT INTO {spec.stored_as} BY NAME SELECT * FROM {view} ORDER BY {order}")
    finally:
        con.unregister(view)
    return table.num_rows


def read(root: Path, name: str, columns: list[str]) -> pa.Table:
    """Selected columns of a table (an empty table when there is no warehouse yet)."""
    spec = TABLES[name]
    if not storage.of(root).exists():
        return spec.schema.empty_table().select(columns)
    with session(root, read_only=True) as con:
        cols = ", ".join(f'"{c}"' for c in columns)
        return con.sql(f"SELECT {cols} FROM {spec.stored_as}").to_arrow_table()


def batches(root: Path, name: str, columns: list[str] | None = None, batch_rows: int = 200):
    """Stream a table's rows a record batch at a time (memory stays flat)."""
    spec = TABLES[name]
    if not storage.of(root).exists():
        return
    with session(root, read_only=True) as con:
        cols = ", ".join(f'"{c}"' for c in columns) if columns else "*"
        reader = con.execute(f"SELECT {cols} FROM {spec.stored_as}").to_arrow_reader(batch_rows)
        for batch in reader:
            if batch.num_rows:
                yield batch


def scan(root: Path, name: str, columns: list[str] | None = None, batch_rows: int = 200):
    for batch in batches(root, name, columns, batch_rows):
        yield batch.to_pylist()


def count(root: Path, name: str) -> int:
    if not storage.of(root).exists():
        return 0
    with session(root, read_only=True) as con:
        return con.sql(f"SELECT count(*) FROM {TABLES[name].stored_as}").fetchall()[0][0]


def snapshot_id(con: duckdb.DuckDBPyConnection) -> int:
    return con.execute(f"SELECT id FROM ducklake_current_snapshot('{NAME}')").fetchall()[0][0]


def meta(con: duckdb.DuckDBPyConnection, key: str) -> str | None:
    """A value newsetl keeps in the DuckLake's `newsetl_meta` table (index and derived-table positions)."""
    found = con.execute("SELECT value FROM newsetl_meta WHERE key = ?", [key]).fetchall()
    return found[0][0] if found else None


def meta_int(con: duckdb.DuckDBPyConnection, key: str) -> int | None:
    value = meta(con, key)
    return None if value is None else int(value)


def set_meta(con: duckdb.DuckDBPyConnection, key: str, value: object) -> None:
    """Set a `newsetl_meta` value, in the caller's transaction."""
    con.execute("DELETE FROM newsetl_meta WHERE key = ?", [key])
    con.execute("INSERT INTO newsetl_meta VALUES (?, ?)", [key, str(value)])


PURGED_AFTER = "purged_after"  # newsetl_meta: the snapshot a takedown's purge followed (warehouse/takedown.py)


def resume_from(con: duckdb.DuckDBPyConnection, since: int | None) -> int | None:
    """The snapshot a derived table recorded (`since`) to update from, if its history is still there; None when
    it must be rebuilt (nothing recorded, or the snapshot was expired). After a takedown, whose purge expires
    every snapshot but the last, a table that was up to date when the purge began (the takedown brings every
    derived table up to date first) resumes from the oldest snapshot left: the purge changed no row."""
    if since is None:
        return None
    found = con.execute(
        f"SELECT count(*) FILTER (WHERE snapshot_id = ?), min(snapshot_id) FROM ducklake_snapshots('{NAME}')", [since]
    ).fetchall()[0]
    if found[0]:
        return since
    marker = con.execute("SELECT max(value::BIGINT) FROM newsetl_meta WHERE key = ?", [PURGED_AFTER]).fetchall()
    if marker[0][0] is not None and since <= marker[0][0] < found[1]:
        return found[1]
    return None


def older_than(con: duckdb.DuckDBPyConnection, snapshot: int, age: str) -> bool:
    """Was `snapshot` taken more than `age` (an INTERVAL: '1 day') ago?"""
    return bool(
        con.execute(
            f"SELECT count(*) FROM ducklake_snapshots('{NAME}') WHERE snapshot_id = ? "
            "AND snapshot_time < now() - ?::INTERVAL",
            [snapshot, age],
        ).fetchall()[0][0]
    )


def set_commit_message(con: duckdb.DuckDBPyConnection, author: str, message: str) -> None:
    with suppress(duckdb.Error):  # informational only
        con.execute(f"CALL ducklake_set_commit_message('{NAME}', ?, ?)", [author, message])


DATA_CHANGES = ("tables_inserted_into", "tables_deleted_from", "inlined_insert", "inlined_delete")


def tables_changed_at(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """For each table, the last snapshot that inserted rows into it or deleted some (a table never changed is
    not there). One pass over the snapshots for every table: a pass per table cost each run's derived tables
    five of them."""
    touched = " || ".join(f"coalesce(changes['{k}'], [])" for k in DATA_CHANGES)
    rows = con.execute(
        f"""SELECT t.table_name, max(s.snapshot_id)
            FROM (SELECT snapshot_id, unnest(list_distinct({touched})) AS table_id FROM ducklake_snapshots('{NAME}')) s
            JOIN __ducklake_metadata_{NAME}.ducklake_table t
              ON t.table_id::VARCHAR = s.table_id AND t.end_snapshot IS NULL
            GROUP BY ALL"""
    ).fetchall()
    return dict(rows)
