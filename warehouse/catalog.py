"""The DuckDB catalog: one small database file of views over the Parquet tables.

`duckdb <root>/news.duckdb`, `newsetl query` and `duckdb.connect(...)` all see the same views, from any working
directory (paths are absolute). The views name the committed files of each table (`warehouse/log.py`), so
they never read debris from a killed run. The file is rebuilt beside the old one and swapped in with os.replace, which
works while readers have the old one open. It is written in DuckDB's v1.5.0 storage format so the DuckDB CLI
from PyPI (`duckdb-cli` 1.5) opens it too.
"""

import hashlib
import json
import os
from pathlib import Path

import duckdb
import pyarrow as pa

from transforms import aliases
from warehouse import log, storage, writer
from warehouse.schemas import ENTITY_ALIASES, TABLES

CATALOG_FILE = "news.duckdb"
STORAGE_VERSION = "v1.5.0"

DERIVED_VIEWS = {
    # The latest version: no newer version of the same article exists. On 1M articles the anti-join beat a
    # row_number() window by 1.2-2.6x on every example query (bench/scale.py's warehouse).
    "articles": """
        SELECT v.* FROM article_versions v
        ANTI JOIN article_versions newer ON newer.article_id = v.article_id AND newer.version > v.version""",
    "unique_articles": """
        SELECT * FROM articles WHERE duplicate_of IS NULL""",
    "entity_mentions": """
        SELECT m.* REPLACE (coalesce(m.field, 'text') AS field)
        FROM entity_mention_versions m JOIN articles a USING (article_id, version)""",
    # Per article and entity, under the cross-article name (entity_aliases): "Putin" alone counts as
    # "Vladimir Putin", "U.S." as "United States".
    "entities": """
        SELECT m.article_id, a.day, a.domain, a.language,
               coalesce(al.canonical, m.canonical) AS canonical, coalesce(al.label, m.label) AS label,
               count(*) AS mentions, a.duplicate_of IS NOT NULL AS is_duplicate,
               a.published_at IS NULL AS undateable
        FROM entity_mention_versions m JOIN articles a USING (article_id, version)
        LEFT JOIN entity_aliases al ON al.alias = m.canonical
        GROUP BY ALL""",
    # By publish day: an undateable article's `day` is only its fetch day, so it is left out here (it is in
    # `entities`); a syndicated copy is left out so a story counts once.
    "entity_daily": """
        SELECT day, label, canonical, count(*) AS articles, sum(mentions) AS mentions
        FROM entities WHERE NOT is_duplicate AND NOT undateable
        GROUP BY ALL""",
}
# Base views read every file of a table; where a derived view takes the table's name, the base one is renamed.
BASE_VIEW_NAMES = {"articles": "article_versions", "entity_mentions": "entity_mention_versions"}


def _sql_string(value: str) -> str:
    return "'" + value.replace("'", "''") + "'"


def _empty_sql(con: duckdb.DuckDBPyConnection, name: str) -> str:
    """A typed, empty SELECT with every declared column (and `month` for partitioned tables)."""
    spec = TABLES[name]
    rel = con.from_arrow(spec.schema.empty_table())
    cols = [f'CAST(NULL AS {t}) AS "{c}"' for c, t in zip(rel.columns, rel.types, strict=True)]
    if spec.partitioned:
        cols.append('CAST(NULL AS VARCHAR) AS "month"')
    return f"SELECT {', '.join(cols)} WHERE false"


def remote_relation(name: str) -> str:
    """The name under which a remote warehouse's table is registered on a connection (an Arrow dataset)."""
    return f"_files_{name}"


def files_source(con: duckdb.DuckDBPyConnection, root: Path, name: str, paths: list[str]) -> str:
    """SQL for a FROM clause reading exactly these files of table `name`. Local files are named in
    read_parquet; files on S3 reach DuckDB as an Arrow dataset registered on `con` (duckdb 2.0.1 has no
    httpfs here: docs/distributed.md)."""
    store = storage.of(root)
    if isinstance(store, storage.LocalStorage):
        listed = ", ".join(_sql_string(store.full(p)) for p in paths)
        # union_by_name reads files of every schema version.
        return f"read_parquet([{listed}], hive_partitioning = true, union_by_name = true)"
    relation = remote_relation(name)
    con.register(relation, writer.dataset(root, name, paths, with_month=True))
    return relation


def register_remote(con: duckdb.DuckDBPyConnection, root: Path, snapshot: log.Snapshot | None = None) -> None:
    """On a connection to a remote warehouse's catalog: register each table's committed files as of now (the
    persisted views read them by name, so queries see every commit up to this moment)."""
    snapshot = snapshot or log.read(root)
    for name in TABLES:
        files_source(con, root, name, writer.files(root, name, snapshot))


def _base_view_sql(con: duckdb.DuckDBPyConnection, root: Path, name: str, snapshot: log.Snapshot) -> str:
    paths = writer.files(root, name, snapshot)
    if not paths and isinstance(storage.of(root), storage.LocalStorage):
        return _empty_sql(con, name)  # no file yet: queries still work on a fresh warehouse
    # The committed files, by name: a file written by a batch that never committed is not read. The empty
    # typed side adds the columns that no file has yet (say, a column added by a newer schema while every
    # file is older), as NULLs.
    return f"SELECT * FROM {files_source(con, root, name, paths)} UNION ALL BY NAME {_empty_sql(con, name)}"


def _aliases_input(root: Path, snapshot: log.Snapshot) -> str:
    """What entity_aliases is computed from: the committed mention files, the seed list and the rules."""
    names = sorted(writer.files(root, "entity_mentions", snapshot))
    return hashlib.sha256(json.dumps([names, sorted(aliases.SEED.items()), aliases.RULES_VERSION]).encode()).hexdigest()


def _reuse_aliases(con: duckdb.DuckDBPyConnection, previous: Path, key: str) -> bool:
    """Copy entity_aliases from the catalog being replaced when it was built from the same input: a run that
    adds no mention (say, an hourly run that finds nothing new) then pays nothing for it at any size."""
    if not previous.exists():
        return False
    try:
        con.execute(f"ATTACH {_sql_string(str(previous))} AS previous (READ_ONLY)")
    except duckdb.Error:
        return False
    try:
        same = con.execute(
            "SELECT count(*) FROM previous._newsetl_catalog WHERE key = 'entity_aliases_input' AND value = ?", [key]
        ).fetchall()[0][0]
        if same:
            con.execute("CREATE TABLE entity_aliases AS SELECT * FROM previous.entity_aliases")
        return bool(same)
    except duckdb.Error:  # a catalog from before this table existed
        return False
    finally:
        con.execute("DETACH previous")


def _create_aliases(con: duckdb.DuckDBPyConnection) -> None:
    """The entity_aliases table, from what the articles' mentions say (transforms/aliases.py)."""
    # Every version's mentions, not only the latest: the evidence is about names, and skipping the
    # latest-version join keeps this to one scan of two columns.
    evidence = con.execute(
        "SELECT text, canonical, count(DISTINCT article_id) FROM entity_mention_versions WHERE text <> canonical "
        "GROUP BY ALL"
    ).fetchall()
    targets = {canonical for _, canonical, _ in evidence} | {c for c, _ in aliases.SEED.values()}
    con.register("alias_targets", pa.table({"canonical": sorted(targets)}))
    labels = con.execute(
        "SELECT canonical, label, count(*) FROM entity_mention_versions SEMI JOIN alias_targets USING (canonical) "
        "GROUP BY ALL"
    ).fetchall()
    con.unregister("alias_targets")
    table = pa.Table.from_pylist(aliases.build(evidence, labels), schema=ENTITY_ALIASES)
    con.register("new_entity_aliases", table)
    con.execute("CREATE TABLE entity_aliases AS SELECT * FROM new_entity_aliases ORDER BY alias")
    con.unregister("new_entity_aliases")


def build(root: Path) -> Path:
    """(Re)create `<root>/news.duckdb` with a view per table and the derived views."""
    root.mkdir(parents=True, exist_ok=True)
    final = root / CATALOG_FILE
    tmp = root / f".{CATALOG_FILE}.tmp"
    tmp.unlink(missing_ok=True)
    snapshot = log.read(root)
    con = duckdb.connect()
    # Creating a view binds it, which reads every file's footer, and each derived view binds its base views
    # again: caching footers halved the build at 1M articles (1.37 s -> 0.71 s, bench/scale.py's warehouse).
    con.execute("SET parquet_metadata_cache = true")
    try:
        con.execute(f"ATTACH {_sql_string(str(tmp))} AS catalog (STORAGE_VERSION '{STORAGE_VERSION}')")
        con.execute("USE catalog")
        for name in TABLES:
            view = BASE_VIEW_NAMES.get(name, name)
            con.execute(f"CREATE VIEW {view} AS {_base_view_sql(con, root, name, snapshot)}")
        key = _aliases_input(root, snapshot)
        for view, sql in DERIVED_VIEWS.items():
            if view == "entities" and not _reuse_aliases(con, final, key):
                _create_aliases(con)
            con.execute(f"CREATE VIEW {view} AS {sql}")
        con.execute("CREATE TABLE _newsetl_catalog AS SELECT 'entity_aliases_input' AS key, ? AS value", [key])
        con.execute("USE memory")
        con.execute("DETACH catalog")
    finally:
        con.close()
    os.replace(tmp, final)
    return final


def connect(root: Path) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the catalog: queries never lock out a running load. For a warehouse on S3 the
    catalog is this machine's (built on first use), and each table's committed files are registered on the
    connection."""
    path = root / CATALOG_FILE
    remote = not isinstance(storage.of(root), storage.LocalStorage)
    if remote and not path.exists():
        if not log.read(root).version:
            raise FileNotFoundError(f"no warehouse at {storage.of(root).display()} (run `newsetl run` first)")
        build(root)
    if not path.exists():
        raise FileNotFoundError(f"no warehouse at {root} (run `newsetl run` first, or pass --warehouse)")
    con = duckdb.connect(str(path), read_only=True)
    if remote:
        register_remote(con, root)
    return con
