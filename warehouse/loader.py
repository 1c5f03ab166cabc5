"""What is new, and putting it in the warehouse.

`WarehouseState` holds the keys already stored so a run skips what it has (no duplicate rows on a re-run)
and numbers article versions. It is read once per run and kept up to date as batches load. Planning comes
before entity extraction, so unchanged articles cost no NER time.

A batch's rows, for every table, are committed in one DuckLake transaction: an article is never visible
without its mentions and pages, whatever moment a run is killed at.
"""

from dataclasses import dataclass, field
from pathlib import Path

from transforms.dedup import NearDuplicateIndex
from transforms.text import short_id
from warehouse import keycache, lake, lock, lookups, maintain, storage, upgrade, writer
from warehouse.keys import Codec, KeyMap, KeySet
from warehouse.schemas import TABLES


@dataclass
class StoredArticle:
    version: int
    record_key: int  # record_hash as a key; for rows written before schema 2, a key of (content_hash, title)
    legacy: bool  # no record_hash stored (schema 1): compared on text and title

    def same_as(self, row: dict, codec: Codec) -> bool:
        if self.legacy:
            return self.record_key == codec.one(short_id(row["content_hash"], row["title"] or ""))
        return self.record_key == codec.one(row["record_hash"])


@dataclass
class WarehouseState:
    """Every key is a uint64 (warehouse.keys): ~100 bytes per stored article (105 MB at 1M articles), read
    without a Python object per row."""

    codec: Codec = field(default_factory=Codec)
    # article id -> (version, record key, legacy)
    articles: KeyMap = field(default_factory=lookups.no_articles)
    content_owner: KeyMap = field(default_factory=lookups.no_owners)  # content -> first loaded article
    near: NearDuplicateIndex = field(default_factory=NearDuplicateIndex)  # simhashes of articles that own theirs
    page_ids: KeySet = field(default_factory=KeySet)
    failure_ids: KeySet = field(default_factory=KeySet)
    published: set[tuple[int, int]] = field(default_factory=set)  # (article key, version) committed by this run

    @classmethod
    def read(cls, root: Path, articles: bool = True) -> "WarehouseState":
        """The keys stored. `articles=False` skips the articles and pages, for a run with no page to process
        (a scheduled run that finds nothing new then costs the same at any warehouse size)."""
        state = cls()
        if not storage.of(root).exists():
            return state
        with lake.session(root, read_only=True) as con:
            state.failure_ids = KeySet(keycache.ids(con, TABLES["failures"].stored_as, "failure_id", state.codec))
            if not articles:
                return state
            found, pages = keycache.read(root, con, state.codec)
        state.articles, state.content_owner, state.near = found.articles, found.content_owner, found.near
        state.page_ids = pages
        return state

    def article(self, article_id: str) -> StoredArticle | None:
        stored = self.articles.get(self.codec.one(article_id))
        return StoredArticle(stored[0], stored[1], bool(stored[2])) if stored else None

    def plan_articles(self, rows: list[dict]) -> tuple[list[dict], int]:
        """Keep new or changed articles, numbering their versions; returns (rows to load, unchanged count)."""
        fresh, unchanged = [], 0
        # The earliest published copy of a text owns it; later copies, exact or near (simhash within
        # transforms.dedup.THRESHOLD bits), are marked duplicate_of it.
        for row in sorted(rows, key=lambda r: (r["published_at"] is None, r["published_at"] or r["extracted_at"])):
            key = self.codec.one(row["article_id"])
            stored = self.article(row["article_id"])
            if stored and stored.same_as(row, self.codec):
                unchanged += 1
                continue
            row["version"] = stored.version + 1 if stored else 1
            content = self.codec.one(row["content_hash"], prefix=True)
            owner = self.content_owner.get(content)
            owner = owner[0] if owner else self.near.find(row["simhash"])
            if owner is None:
                owner = key
                self.near.add(row["simhash"], owner)
            if self.content_owner.get(content) is None:
                self.content_owner.set(content, (owner,))
            row["duplicate_of"] = self.codec.name(owner) if owner != key else None
            self.articles.set(key, (row["version"], self.codec.one(row["record_hash"]), False))
            fresh.append(row)
        return fresh, unchanged

    def new_pages(self, rows: list[dict]) -> list[dict]:
        return _unseen(rows, "page_id", self.page_ids, self.codec)

    def new_failures(self, rows: list[dict]) -> list[dict]:
        return _unseen(rows, "failure_id", self.failure_ids, self.codec)

    def unpublished(self, articles: list[dict], mentions: list[dict]) -> tuple[list[dict], list[dict]]:
        """The article versions (and their mentions) this run has not committed yet: a retried load writes
        what a failed attempt did not, and nothing twice."""

        def key(row: dict) -> tuple[int, int]:
            return self.codec.one(row["article_id"]), row["version"]

        return [a for a in articles if key(a) not in self.published], [
            m for m in mentions if key(m) not in self.published
        ]

    def mark_written(self, pages: list[dict], failures: list[dict], articles: list[dict] = ()) -> None:
        """Record keys only once their batch is committed, so a retried load writes what a failed one did not."""
        self.page_ids.update(self.codec.one(r["page_id"]) for r in pages)
        self.failure_ids.update(self.codec.one(r["failure_id"]) for r in failures)
        self.published.update((self.codec.one(a["article_id"]), a["version"]) for a in articles)


def _unseen(rows: list[dict], key: str, seen: KeySet, codec: Codec) -> list[dict]:
    """Rows whose key is not stored yet, each key once."""
    out, batch = [], set()
    for row in rows:
        k = codec.one(row[key])
        if k not in seen and k not in batch:
            batch.add(k)
            out.append(row)
    return out


def prepare(root: Path) -> dict[str, int]:
    """Before a writer starts (holding the warehouse lock): convert a warehouse in the format before DuckLake
    (once), create the DuckLake if there is none, and delete debris: data files a killed run wrote but never
    committed (looked for only when the last writer did not finish normally). Returns what it did, for the
    run's counts."""
    from warehouse.catalog import write_init_file

    counts = upgrade.upgrade_if_needed(root)
    with lake.session(root, create=True):  # the DuckLake made if new, and the writer's instance: reads share it
        pass
    counts["debris_files_deleted"] = maintain.delete_debris(root) if lock.may_have_debris(root) else 0
    write_init_file(root)  # with this folder's paths: a copied warehouse's names the copy
    return counts


def publish(
    root: Path,
    *,
    pages: list[dict],
    failures: list[dict],
    mentions: list[dict],
    articles: list[dict],
    fetch_log: list[dict] = (),
) -> dict[str, int]:
    """Write one batch's rows (already filtered to new ones) in one DuckLake transaction; return rows written
    per table. A process killed at any point leaves the whole batch or none of it."""
    tables = {
        name: writer.to_table(TABLES[name], list(rows))
        for name, rows in (
            ("pages", pages),
            ("failures", failures),
            ("fetch_log", fetch_log),
            ("entity_mentions", mentions),
            ("articles", articles),
        )
    }
    return writer.write_tables(root, tables, "load a batch")
