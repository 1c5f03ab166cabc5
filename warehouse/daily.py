"""`entity_daily` kept as a table: day × label × canonical entity, with its articles and mentions.

As a view over every mention it cost 703 ms at 100k articles (bench/scale.py) and grew with the warehouse.
It is now a DuckLake table, `entity_daily_counts`, brought up to date after each run from what changed
since the snapshot it was last brought up to (recorded in `newsetl_meta`), and `entity_daily` a view of it,
with the same columns as before.

An update adds each touched article's contribution now and subtracts its contribution then:

- the articles touched are those whose versions or mentions were inserted or deleted since (DuckLake's change
  feed, `ducklake_table_changes`: a new article, a new version, a takedown), plus those whose mentions name an
  alias that `entity_aliases` changed since (its rows then and now differ);
- an article's contribution is what `entity_daily`'s definition counts for it (its latest version, if that
  version is dated and no syndicated copy, one row per entity under its aliased name), computed from the
  tables now and from the same tables at that snapshot (`AT (VERSION => n)`);
- the rows of the (day, label, canonical) keys that changed are replaced.

An hourly run that only adds new articles reads only what it added (their old contribution is nothing); one
that adds versions, deletes or changes aliases reads the touched articles' rows too. Where there is no
recorded snapshot, or it has been expired (but by a takedown's purge, `lake.resume_from`), the table is rebuilt
from the views (`rebuild`). A touched set
larger than needed is harmless: an unchanged article's two contributions cancel.
"""

import duckdb

from warehouse import lake

TABLE = "entity_daily_counts"
META_SNAPSHOT = "entity_daily_snapshot"

# What entity_daily counts: by publish day (an undateable article's `day` is only its fetch day, so it is left
# out; it is in `entities`), a syndicated copy left out so a story counts once.
FULL = """
    SELECT day, label, canonical, count(*) AS articles, sum(mentions) AS mentions
    FROM entities WHERE NOT is_duplicate AND NOT undateable
    GROUP BY ALL"""


# Label first: a query for one label (top people per day) reads that label's row groups only (1M articles:
# 557 ms for top_people_per_day on the table as updated, 176 ms on the same rows in one file sorted so).
ORDER = "label, day, canonical"
REWRITE_AFTER = 8  # delete files (one per update) before the table is written again as one sorted file
ADVANCE_AFTER = "1 day"  # a recorded snapshot older than this is moved on even when nothing changed


def _rewrite_if_scattered(con: duckdb.DuckDBPyConnection) -> None:
    """Each update deletes the rows it replaces (a delete file) and adds a small file; every read applies the
    deletes. After REWRITE_AFTER of them the table is written again, whole and sorted (at 1M articles, ~2M
    rows, once every REWRITE_AFTER runs)."""
    meta = f"__ducklake_metadata_{lake.NAME}"
    deletes = con.execute(
        f"SELECT count(*) FROM {meta}.ducklake_delete_file d JOIN {meta}.ducklake_table t USING (table_id) "
        f"JOIN {meta}.ducklake_data_file f ON f.data_file_id = d.data_file_id AND f.end_snapshot IS NULL "
        "WHERE d.end_snapshot IS NULL AND t.end_snapshot IS NULL AND t.table_name = ?",
        [TABLE],
    ).fetchall()[0][0]
    if deletes + 1 < REWRITE_AFTER:  # + this update's own, not in the catalog until it commits
        return
    con.execute(f"CREATE OR REPLACE TEMP TABLE daily_all AS SELECT * FROM {TABLE}")
    con.execute(f"DELETE FROM {TABLE}")
    con.execute(f"INSERT INTO {TABLE} SELECT * FROM daily_all ORDER BY {ORDER}")
    con.execute("DROP TABLE daily_all")


def rebuild(con: duckdb.DuckDBPyConnection, current: int) -> None:
    con.execute(f"DELETE FROM {TABLE}")
    con.execute(f"INSERT INTO {TABLE} SELECT * FROM ({FULL}) ORDER BY {ORDER}")
    lake.set_meta(con, META_SNAPSHOT, current)


def _changes(table: str, since: int, current: int, columns: str) -> str:
    return (
        f"SELECT change_type, {columns} FROM ducklake_table_changes('{lake.NAME}', 'main', '{table}', "
        f"{since + 1}, {current})"
    )


def _contribution(at: str, latest: str, mentions: str) -> str:
    """Per touched article and entity: (day, label, canonical, mentions), as entity_daily counts it. `latest`:
    the touched articles' latest versions (article_id, version, day, duplicate_of, published_at); `mentions`:
    their mentions (article_id, version, canonical, label); `at`: the snapshot clause for entity_aliases."""
    return f"""
        SELECT a.day, coalesce(al.label, m.label) AS label, coalesce(al.canonical, m.canonical) AS canonical,
               m.article_id, count(*) AS mentions
        FROM ({mentions}) m JOIN ({latest}) a USING (article_id, version)
        LEFT JOIN (SELECT alias, canonical, label FROM entity_aliases {at}) al ON al.alias = m.canonical
        WHERE a.duplicate_of IS NULL AND a.published_at IS NOT NULL
        GROUP BY ALL"""


def _touched(at: str) -> tuple[str, str]:
    """(latest, mentions) sources for the articles in the temp table daily_touched, at a snapshot."""
    latest = f"""
        SELECT article_id, version, day, duplicate_of, published_at
        FROM article_versions {at} SEMI JOIN daily_touched USING (article_id)
        QUALIFY version = max(version) OVER (PARTITION BY article_id)"""
    mentions = f"""
        SELECT article_id, version, canonical, label
        FROM entity_mention_versions {at} SEMI JOIN daily_touched USING (article_id)"""
    return latest, mentions


def update(con: duckdb.DuckDBPyConnection) -> str:
    """Bring entity_daily_counts up to date with the current snapshot; returns what it did ("none",
    "incremental", "rebuilt"). Runs in its own transaction (so `since` is the snapshot whose aliases and rows
    the table reflects)."""
    con.execute("BEGIN")
    try:
        done = _update(con)
        con.execute("COMMIT")
        return done
    except BaseException:
        con.execute("ROLLBACK")
        raise


def _update(con: duckdb.DuckDBPyConnection) -> str:
    current = lake.snapshot_id(con)
    since = lake.resume_from(con, lake.meta_int(con, META_SNAPSHOT))
    if since is None:
        rebuild(con, current)
        return "rebuilt"
    if since >= current:
        return "none"
    inputs = ("article_versions", "entity_mention_versions", "entity_aliases")
    changed = lake.tables_changed_at(con)
    changed_at = {table: changed.get(table, 0) for table in inputs}
    if max(changed_at.values()) <= since:  # only other tables since (a run that found nothing: its runs row)
        if lake.older_than(con, since, ADVANCE_AFTER):
            lake.set_meta(con, META_SNAPSHOT, current)
        return "none"
    then = f"AT (VERSION => {since})"
    con.execute(
        "CREATE OR REPLACE TEMP TABLE daily_articles AS "
        + _changes("article_versions", since, current, "article_id, version, day, duplicate_of, published_at")
    )
    con.execute(
        "CREATE OR REPLACE TEMP TABLE daily_mentions AS "
        + _changes("entity_mention_versions", since, current, "article_id, version, canonical, label")
    )
    # aliases whose row differs now from then: the articles naming them are touched (the alias table is
    # compared only if it was rewritten since: at 1M articles it holds ~10^5 rows)
    differ = f"""SELECT alias FROM ((SELECT alias, canonical, label FROM entity_aliases {then}
                                     EXCEPT SELECT alias, canonical, label FROM entity_aliases)
                                    UNION ALL
                                    (SELECT alias, canonical, label FROM entity_aliases
                                     EXCEPT SELECT alias, canonical, label FROM entity_aliases {then}))"""
    if changed_at["entity_aliases"] <= since:
        differ = "SELECT alias FROM entity_aliases WHERE false"
    con.execute(f"CREATE OR REPLACE TEMP TABLE daily_aliases AS {differ}")
    try:
        changed = con.execute(
            "SELECT (SELECT count(*) FROM daily_articles) + (SELECT count(*) FROM daily_mentions) "
            "+ (SELECT count(*) FROM daily_aliases)"
        ).fetchall()[0][0]
        if not changed:
            # nothing to write (a scheduled run that found nothing commits nothing here), unless the recorded
            # snapshot is getting old: expired, it would cost a rebuild
            if lake.older_than(con, since, ADVANCE_AFTER):
                lake.set_meta(con, META_SNAPSHOT, current)
            return "none"
        only_new = not con.execute(
            "SELECT (SELECT count(*) FROM daily_articles WHERE change_type <> 'insert' OR version > 1) "
            "+ (SELECT count(*) FROM daily_mentions WHERE change_type <> 'insert' OR version > 1) "
            "+ (SELECT count(*) FROM daily_aliases)"
        ).fetchall()[0][0]
        if only_new:
            # new articles only: no contribution then, and what they contribute now is in the change feed
            new = _contribution(
                "",
                "SELECT article_id, version, day, duplicate_of, published_at FROM daily_articles",
                "SELECT article_id, version, canonical, label FROM daily_mentions",
            )
            delta = f"SELECT day, label, canonical, 1 AS sign, mentions FROM ({new})"
        else:
            con.execute(
                f"""CREATE OR REPLACE TEMP TABLE daily_touched AS
                SELECT article_id FROM daily_articles UNION SELECT article_id FROM daily_mentions
                UNION SELECT article_id FROM entity_mention_versions SEMI JOIN daily_aliases ON alias = canonical
                UNION SELECT article_id FROM entity_mention_versions AT (VERSION => {since})
                      SEMI JOIN daily_aliases ON alias = canonical"""
            )
            new = _contribution("", *_touched(""))
            old = _contribution(then, *_touched(then))
            delta = (
                f"SELECT day, label, canonical, 1 AS sign, mentions FROM ({new}) "
                f"UNION ALL SELECT day, label, canonical, -1 AS sign, -mentions FROM ({old})"
            )
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE daily_delta AS
            SELECT day, label, canonical, sum(sign) AS articles, sum(mentions) AS mentions
            FROM ({delta}) GROUP BY ALL HAVING sum(sign) <> 0 OR sum(mentions) <> 0"""
        )
        con.execute(
            f"""CREATE OR REPLACE TEMP TABLE daily_merged AS
            SELECT d.day, d.label, d.canonical, coalesce(e.articles, 0) + d.articles AS articles,
                   coalesce(e.mentions, 0) + d.mentions AS mentions
            FROM daily_delta d LEFT JOIN {TABLE} e USING (day, label, canonical)"""
        )
        con.execute(
            f"DELETE FROM {TABLE} USING daily_delta d "
            f"WHERE {TABLE}.day = d.day AND {TABLE}.label = d.label AND {TABLE}.canonical = d.canonical"
        )
        con.execute(
            f"INSERT INTO {TABLE} SELECT day, label, canonical, articles, mentions FROM daily_merged "
            f"WHERE articles > 0 ORDER BY {ORDER}"
        )
        _rewrite_if_scattered(con)
        lake.set_meta(con, META_SNAPSHOT, current)
        return "incremental"
    finally:
        for temp in ("daily_articles", "daily_mentions", "daily_aliases", "daily_touched", "daily_delta",
                     "daily_merged"):  # fmt: skip
            con.execute(f"DROP TABLE IF EXISTS {temp}")
