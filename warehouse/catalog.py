"""What analysts open: the DuckLake's views, the derived tables, and the ways in (Python, the DuckDB CLI,
`newsetl query`).

The views live in the DuckLake itself, so every DuckLake client sees them: `articles` (latest version of each
article), `unique_articles`, `entity_mentions` (of latest versions), `entities`, `entity_daily`. The derived
tables, `entity_aliases`, the full-text index `search_terms` and `entity_daily_counts` (what the `entity_daily`
view shows), are brought up to date after each run from what it changed (`build`).

`connect` gives a read-only session from any folder; `connect(..., locked=True)` is the session `newsetl
query` runs user SQL in: besides READ_ONLY, DuckDB's external access is off (only the warehouse's own catalog
and data path can be read), no extension can be installed or loaded, and the configuration is locked.
`<root>/news.sql` is the DuckDB CLI's init file (`duckdb -init <root>/news.sql`), rewritten with this folder's
paths by every writer, so a copied warehouse's file names the copy.
"""

import hashlib
import json
from pathlib import Path

import duckdb
import pyarrow as pa

from transforms import aliases
from warehouse import daily, lake, search, storage
from warehouse.schemas import ENTITY_ALIASES

INIT_FILE = "news.sql"

# Table names kept from the Parquet warehouse: `articles` is a view of the latest version over the
# `article_versions` table, `entity_mentions` one over `entity_mention_versions`.
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
    # A table kept up to date after each run (warehouse/daily.py), with the columns the view had.
    "entity_daily": """
        SELECT day, label, canonical, articles, mentions FROM entity_daily_counts""",
}
META = "newsetl_meta"  # key/value rows the derived tables record their inputs in


def create_views(con: duckdb.DuckDBPyConnection) -> None:
    for view, sql in DERIVED_VIEWS.items():
        con.execute(f"CREATE OR REPLACE VIEW {view} AS {sql}")
    con.execute(f"CREATE TABLE IF NOT EXISTS {META} (key VARCHAR NOT NULL, value VARCHAR NOT NULL)")


def _aliases_key(changed: dict[str, int]) -> str:
    """What entity_aliases is computed from: the mentions (as of their last change), the seeds and the rules."""
    return hashlib.sha256(
        json.dumps(
            [changed.get("entity_mention_versions", 0), sorted(aliases.SEED.items()), aliases.RULES_VERSION]
        ).encode()
    ).hexdigest()


def refresh_aliases(con: duckdb.DuckDBPyConnection, changed: dict[str, int] | None = None) -> bool:
    """Rebuild entity_aliases if its inputs changed since it was built (an hourly run that adds no mention pays
    nothing for it, at any size); returns whether it did. Part of the caller's transaction. `changed`:
    `lake.tables_changed_at` in this transaction, if the caller has it."""
    key = _aliases_key(changed if changed is not None else lake.tables_changed_at(con))
    if lake.meta(con, "entity_aliases_input") == key:
        return False
    # Every version's mentions, not only the latest: the evidence is about names, and skipping the
    # latest-version join keeps this to one scan of two columns.
    evidence = con.execute(
        "SELECT text, canonical, count(DISTINCT article_id) FROM entity_mention_versions WHERE text <> canonical "
        "GROUP BY ALL"
    ).fetchall()
    targets = {canonical for _, canonical, _ in evidence} | {c for c, _ in aliases.SEED.values()}
    con.register("alias_targets", pa.table({"canonical": sorted(targets)}))
    try:
        labels = con.execute(
            "SELECT canonical, label, count(*) FROM entity_mention_versions "
            "SEMI JOIN alias_targets USING (canonical) GROUP BY ALL"
        ).fetchall()
    finally:
        con.unregister("alias_targets")
    table = pa.Table.from_pylist(aliases.build(evidence, labels), schema=ENTITY_ALIASES)
    con.execute("DELETE FROM entity_aliases")
    lake.insert(con, "entity_aliases", table)
    lake.set_meta(con, "entity_aliases_input", key)
    return True


def write_init_file(root: Path) -> Path:
    """`<root>/news.sql`: what the DuckDB CLI needs to open the warehouse read-only (`duckdb -init`): the
    packaged extensions, the S3 secret from the environment (getenv, nothing written down), the ATTACH."""
    location = storage.of(root)
    folder = lake.extension_dir()
    lines = ["-- The DuckDB CLI's way into this warehouse: duckdb -init " + str(root / INIT_FILE)]
    lines.append("-- (written by newsetl; DuckDB 1.5.5 and its packaged extensions, nothing is downloaded)")
    if folder is not None:
        lines.append(f"SET extension_directory = {lake.sql_string(folder)};")
    lines.append("SET autoinstall_known_extensions = false;")
    lines += [f"LOAD {name};" for name in lake._needed(location)]
    if location.remote:
        lines.append(lake.s3_secret_sql(location, from_env_in_sql=True) + ";")
    lines.append(lake.attach_sql(location, read_only=True) + ";")
    lines.append(f"USE {lake.NAME};")
    path = root / INIT_FILE
    text = "\n".join(lines) + "\n"
    if not path.exists() or path.read_text() != text:
        tmp = root / f".{INIT_FILE}.tmp"
        tmp.write_text(text)
        tmp.replace(path)
    return path


def build(root: Path) -> Path:
    """After loading: bring entity_aliases and the full-text index up to date with what was added (one commit),
    and (re)write the DuckDB CLI's init file."""
    with lake.derived_lock(root), lake.session(root, create=True) as con:
        con.execute("BEGIN")
        changed = lake.tables_changed_at(con)
        refresh_aliases(con, changed)
        search.update(con, changed)
        con.execute("COMMIT")
        daily.update(con)  # a transaction of its own: it records the snapshot it read (warehouse/daily.py)
    return write_init_file(root)


def connect(root: Path, locked: bool = False) -> duckdb.DuckDBPyConnection:
    """A read-only session on the warehouse (queries never lock out a running load). `locked`: the session
    for untrusted SQL (see the module's docstring)."""
    if not locked:
        return lake.connect(root, read_only=True, strict=True)
    con = lake.open_instance(root, read_only=True)  # an instance of its own, whose settings the query cannot change
    lock_down(con, storage.of(root))
    return con


def lock_down(con: duckdb.DuckDBPyConnection, location: storage.Location) -> None:
    """No file, URL or extension but the warehouse's own: DuckDB reads only the catalog and the data path
    (allowed_paths / allowed_directories), installs and loads nothing more, and no setting can be changed
    back. The DuckLake is attached READ_ONLY, so nothing in it can change either."""
    allowed_dirs = [location.data_path]
    allowed_files = [str(location.catalog_file)] if location.catalog_file else []
    con.execute(f"SET allowed_directories = [{', '.join(lake.sql_string(d) for d in allowed_dirs)}]")
    if allowed_files:
        con.execute(f"SET allowed_paths = [{', '.join(lake.sql_string(f) for f in allowed_files)}]")
    con.execute("SET autoload_known_extensions = false")
    con.execute("SET autoinstall_known_extensions = false")
    con.execute("SET allow_community_extensions = false")
    con.execute("SET enable_external_access = false")
    con.execute("SET lock_configuration = true")


# Functions no query may call: other databases' scanners (SQLite's and PostgreSQL's read files and servers
# outside DuckDB's file system checks), SQL run from a string, and DuckLake's maintenance functions. DuckLake's
# read-only functions (snapshots, changes, file lists) stay allowed.
DENIED_PREFIXES = ("sqlite_", "postgres_", "mysql_", "ducklake_")
ALLOWED_DUCKLAKE = {
    "ducklake_snapshots", "ducklake_current_snapshot", "ducklake_last_committed_snapshot", "ducklake_table_info",
    "ducklake_table_changes", "ducklake_table_insertions", "ducklake_table_deletions", "ducklake_list_files",
    "ducklake_options", "ducklake_settings",
}  # fmt: skip
DENIED = {"query", "query_table", "getenv"}


class NotAQuery(ValueError):
    """SQL that is not a query (COPY, ATTACH, EXPORT, INSTALL, SET, CALL, ...), or that calls what a query may not."""


def _function_names(node, found: set[str]) -> set[str]:
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "function_name" and isinstance(v, str):
                found.add(v.lower())
            _function_names(v, found)
    elif isinstance(node, list):
        for v in node:
            _function_names(v, found)
    return found


def check_query(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """Refuse (NotAQuery) anything but one SELECT that calls only allowed functions. The statement's parse tree
    is read, not its text, so quoting and comments do not matter."""
    statements = con.extract_statements(sql)
    if len(statements) != 1:
        raise NotAQuery(f"one statement at a time, please ({len(statements)} given)")
    kind = str(statements[0].type).rsplit(".", 1)[-1]
    tree = json.loads(con.execute("SELECT json_serialize_sql(?)", [sql]).fetchall()[0][0])
    if kind != "SELECT" or tree.get("error"):
        raise NotAQuery(f"only queries are allowed (SELECT, WITH, FROM, DESCRIBE, SUMMARIZE), not {kind}")
    for name in sorted(_function_names(tree, set())):
        if name in DENIED or (name.startswith(DENIED_PREFIXES) and name not in ALLOWED_DUCKLAKE):
            raise NotAQuery(f"{name}() is not allowed in a query")
