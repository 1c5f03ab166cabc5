"""What is new, and putting it in the warehouse.

`WarehouseState` holds the keys already stored so a run skips what it has (no duplicate rows on a re-run)
and numbers article versions. It is read once per run and kept up to date as batches load. Planning comes
before entity extraction, so unchanged articles cost no NER time.

A batch's files, for every table, are written first and then committed together in the log: an article is
never visible without its mentions and pages, whatever moment a run is killed at.
"""

from dataclasses import dataclass, field
from pathlib import Path

from transforms.dedup import NearDuplicateIndex
from warehouse import log, writer
from warehouse.schemas import TABLES


@dataclass
class StoredArticle:
    version: int
    content_hash: str
    title: str | None
    record_hash: str | None  # None in files written before schema version 2

    def same_as(self, row: dict) -> bool:
        if self.record_hash is not None:
            return self.record_hash == row["record_hash"]
        return self.content_hash == row["content_hash"] and self.title == row["title"]


@dataclass
class WarehouseState:
    articles: dict[str, StoredArticle] = field(default_factory=dict)
    content_owner: dict[str, str] = field(default_factory=dict)  # content hash -> earliest article_id
    near: NearDuplicateIndex = field(default_factory=NearDuplicateIndex)  # simhashes of articles that own theirs
    page_ids: set[str] = field(default_factory=set)
    failure_ids: set[str] = field(default_factory=set)

    @classmethod
    def read(cls, root: Path, articles: bool = True) -> "WarehouseState":
        """The keys stored. `articles=False` skips the articles and pages, for a run with no page to process
        (a scheduled run that finds nothing new then costs the same at any warehouse size)."""
        state = cls()
        state.failure_ids = set(writer.read(root, "failures", ["failure_id"]).column("failure_id").to_pylist())
        if not articles:
            return state
        cols = ["article_id", "version", "content_hash", "title", "record_hash", "extracted_at", "published_at"]
        cols += ["simhash", "duplicate_of"]
        stored = writer.read(root, "articles", cols).sort_by([("extracted_at", "ascending"), ("version", "ascending")])
        owners: dict[str, tuple] = {}  # article_id -> (publish order, simhash) of articles that are no copy
        for row in stored.to_pylist():
            current = state.articles.get(row["article_id"])
            if current is None or row["version"] > current.version:
                state.articles[row["article_id"]] = StoredArticle(
                    row["version"], row["content_hash"], row["title"], row["record_hash"]
                )
            state.content_owner.setdefault(row["content_hash"], row["duplicate_of"] or row["article_id"])
            if row["duplicate_of"] is None and row["article_id"] not in owners:
                published = row["published_at"] or row["extracted_at"]
                owners[row["article_id"]] = ((row["published_at"] is None, published), row["simhash"])
        ordered = sorted(owners.items(), key=lambda kv: kv[1][0])
        state.near.extend([h for _, (_, h) in ordered], [a for a, _ in ordered])
        state.page_ids = set(writer.read(root, "pages", ["page_id"]).column("page_id").to_pylist())
        return state

    def plan_articles(self, rows: list[dict]) -> tuple[list[dict], int]:
        """Keep new or changed articles, numbering their versions; returns (rows to load, unchanged count)."""
        fresh, unchanged = [], 0
        # The earliest published copy of a text owns it; later copies, exact or near (simhash within
        # transforms.dedup.THRESHOLD bits), are marked duplicate_of it.
        for row in sorted(rows, key=lambda r: (r["published_at"] is None, r["published_at"] or r["extracted_at"])):
            stored = self.articles.get(row["article_id"])
            if stored and stored.same_as(row):
                unchanged += 1
                continue
            row["version"] = stored.version + 1 if stored else 1
            owner = self.content_owner.get(row["content_hash"]) or self.near.find(row["simhash"])
            if owner is None:
                owner = row["article_id"]
                self.near.add(row["simhash"], owner)
            self.content_owner.setdefault(row["content_hash"], owner)
            row["duplicate_of"] = owner if owner != row["article_id"] else None
            self.articles[row["article_id"]] = StoredArticle(
                row["version"], row["content_hash"], row["title"], row["record_hash"]
            )
            fresh.append(row)
        return fresh, unchanged

    def new_pages(self, rows: list[dict]) -> list[dict]:
        return _unseen(rows, "page_id", self.page_ids)

    def new_failures(self, rows: list[dict]) -> list[dict]:
        return _unseen(rows, "failure_id", self.failure_ids)

    def mark_written(self, pages: list[dict], failures: list[dict]) -> None:
        """Record keys only once their files are published, so a retried load writes what a failed one did not."""
        self.page_ids.update(r["page_id"] for r in pages)
        self.failure_ids.update(r["failure_id"] for r in failures)


def _unseen(rows: list[dict], key: str, seen: set[str]) -> list[dict]:
    """Rows whose key is not stored yet, each key once."""
    out, batch = [], set()
    for row in rows:
        if row[key] not in seen and row[key] not in batch:
            batch.add(row[key])
            out.append(row)
    return out


def prepare(root: Path) -> dict[str, int]:
    """Before a writer starts (holding the warehouse lock): adopt the files of a warehouse written before the
    commit log, and delete debris: files a killed run wrote but never committed, files compaction removed
    longer ago than the grace period, and staging leftovers. Returns what it did, for the run's counts."""
    names = list(TABLES)
    adopted = 0
    if not (root / log.LOG_DIR).exists():
        adopted = sum(len(p) for p in log.adopt_existing(root, names).files.values())
    removed = log.debris(root, names, log.read(root))
    for path in removed:
        path.unlink(missing_ok=True)
    staging = root / writer.STAGING
    leftovers = list(staging.iterdir()) if staging.exists() else []
    for path in leftovers:
        path.unlink(missing_ok=True)
    return {"files_adopted": adopted, "debris_files_deleted": len(removed) + len(leftovers)}


def publish(
    root: Path,
    *,
    pages: list[dict],
    failures: list[dict],
    mentions: list[dict],
    articles: list[dict],
    fetch_log: list[dict] = (),
) -> dict[str, int]:
    """Write one batch's rows (already filtered to new ones) in one commit; return rows written per table.

    All files are written first and committed together: a process killed at any point leaves the whole
    batch or none of it."""
    counts, added = {}, {}
    for name, rows in (
        ("pages", pages),
        ("failures", failures),
        ("fetch_log", fetch_log),
        ("entity_mentions", mentions),
        ("articles", articles),
    ):
        added[name] = [p.relative_to(root).as_posix() for p in writer.write_files(root, name, rows)]
        counts[name] = len(rows)
    if any(added.values()):
        log.commit(root, add=added, info={"operation": "load", "rows": counts})
    return counts
