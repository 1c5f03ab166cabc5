"""`newsetl forget URL…`: remove an article from the warehouse for good, and record who asked, when and why.

For each URL: every version of the article it names (by URL or canonical URL), their entity mentions, the raw
pages it was extracted from or that were fetched from that URL, its rows in the full-text index, its failure
rows and its fetch log rows are deleted in one commit, with a row in `takedowns` saying who, when, why and how
many rows went. Then the deleted rows are purged from storage, not only hidden:

1. every data file with deleted rows is rewritten without them (`ducklake_rewrite_data_files`);
2. every snapshot but the current one is expired, so no time travel reaches back to them (a takedown ends
   the history before it: that is the point);
3. the files no snapshot needs are deleted at once (`ducklake_cleanup_old_files(cleanup_all)`);
4. a SQLite catalog is vacuumed, so the file keeps no freed page holding the article's URL or title.

The crawl state still knows the URL, so later runs do not fetch it again (unless --refetch).
"""

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

from warehouse import catalog, daily, keycache, lake, maintain, search, storage, writer
from warehouse.schemas import LAKE_TABLES


def _matching(con, url: str) -> tuple[list[str], list[str]]:
    ids = [
        r[0]
        for r in con.execute(
            "SELECT DISTINCT article_id FROM article_versions WHERE url = ? OR canonical_url = ?", [url, url]
        ).fetchall()
    ]
    pages = [
        r[0]
        for r in con.execute(
            "SELECT page_id FROM pages WHERE url = ? OR final_url = ? "
            "UNION SELECT page_id FROM article_versions WHERE list_contains(?, article_id)",
            [url, url, ids],
        ).fetchall()
    ]
    return ids, pages


def forget(root: Path, urls: list[str], requested_by: str, reason: str) -> list[dict]:
    """Delete and purge what the URLs name (the caller holds the writer lock); returns the takedown rows."""
    now = datetime.now(UTC)
    rows = []
    with lake.session(root, create=True) as con:
        con.execute("BEGIN")
        for url in urls:
            ids, pages = _matching(con, url)
            counts = {}
            search.forget(con, ids)
            for table, where, args in (
                ("entity_mention_versions", "list_contains(?, article_id)", [ids]),
                ("article_versions", "list_contains(?, article_id)", [ids]),
                ("pages", "list_contains(?, page_id)", [pages]),
                ("failures", "url = ?", [url]),
                ("fetch_log", "url = ?", [url]),
            ):
                counts[table] = con.execute(f"DELETE FROM {table} WHERE {where}", args).fetchall()[0][0]
            rows.append(
                {
                    "url": url,
                    "article_id": ids[0] if ids else None,
                    "requested_by": requested_by,
                    "reason": reason,
                    "removed_at": now,
                    "articles": counts["article_versions"],
                    "pages": counts["pages"],
                    "entity_mentions": counts["entity_mention_versions"],
                }
            )
        lake.insert(con, "takedowns", writer.to_table(LAKE_TABLES["takedowns"], rows))
        lake.set_commit_message(con, requested_by, f"forget {len(urls)} URLs: {reason}")
        con.execute("COMMIT")
        # Every derived table up to date before the purge expires the history they update from; the marker
        # lets them resume from the snapshot the purge leaves (lake.resume_from).
        con.execute("BEGIN")
        catalog.refresh_aliases(con)  # the names those mentions taught go too
        search.update(con)
        con.execute("COMMIT")
        daily.update(con)  # and their counts
        con.execute("BEGIN")
        lake.set_meta(con, lake.PURGED_AFTER, lake.snapshot_id(con))
        con.execute("COMMIT")
        purge(con)
    (root / keycache.FILE).unlink(missing_ok=True)  # it holds the forgotten articles' keys: made again without
    vacuum(root)
    catalog.write_init_file(root)
    return rows


def purge(con) -> None:
    """Deleted rows out of the data files, and the files that held them gone."""
    maintain.rewrite_deleted(con)
    maintain.expire_and_clean(con, keep_days=0, cleanup_all=True)


def vacuum(root: Path) -> None:
    """A SQLite catalog rewritten without its free pages (deleted metadata rows, inlined values)."""
    file = storage.of(root).catalog_file
    if file is None or not file.exists():
        return
    lake.close_all()  # no open handle while SQLite rewrites the file
    db = sqlite3.connect(file)
    try:
        db.execute("VACUUM")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
