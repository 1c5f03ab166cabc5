"""Every table's Arrow schema, declared once. Every write passes one of these; nothing is inferred.

A table's layout (name in the DuckLake, partitioning, sort key, dedup key) sits beside its schema so the
loader, the lake and the views read one definition. The DuckLake tables are created from these schemas
(warehouse/lake.py); a column added here is added to the table by DuckLake's schema evolution (older files read
it as NULL). `SCHEMA_VERSION` counts those changes.
"""

from dataclasses import dataclass

import pyarrow as pa

SCHEMA_VERSION = 5  # 2: pages.listed_*, articles.record_hash, fetch_log; 3: articles' provenance, byline_org, ...;
# 4: entity_mentions.field (mentions in the headline); 5: DuckLake

UTC_TS = pa.timestamp("us", tz="UTC")
STR_LIST = pa.list_(pa.string())

PAGES = pa.schema(
    [
        ("page_id", pa.string(), False),  # hash of final_url + body hash: the same bytes are stored once
        ("url", pa.string(), False),  # as requested (file:// for local files)
        ("final_url", pa.string(), False),  # after redirects
        ("source", pa.string(), False),  # the source's name (files, urls, warc, feed, ... or the sources file's)
        ("fetched_at", UTC_TS, False),
        ("day", pa.date32(), False),  # fetched_at's UTC day, sort key inside a month partition
        ("status", pa.int32()),  # HTTP status; null for files
        ("content_type", pa.string()),
        ("etag", pa.string()),
        ("last_modified", pa.string()),
        ("body_sha256", pa.string(), False),
        ("body_bytes", pa.int64(), False),
        ("body", pa.binary()),  # raw bytes as received; Parquet's zstd compresses them
        ("run_id", pa.string(), False),
        # What a feed or sitemap said of this URL: fallbacks for the title and publish date.
        ("listed_title", pa.string()),
        ("listed_published_at", UTC_TS),
        ("listed_via", pa.string()),  # feed | sitemap
        ("listed_in", pa.string()),  # the feed's or sitemap's URL
    ]
)

ARTICLES = pa.schema(
    [
        ("article_id", pa.string(), False),  # hash of canonical_url
        ("version", pa.int32(), False),  # 1, 2, ... a new version when title or text changes
        ("page_id", pa.string(), False),
        ("url", pa.string(), False),
        ("canonical_url", pa.string(), False),
        ("domain", pa.string(), False),
        ("title", pa.string()),
        ("title_source", pa.string()),  # json-ld | meta | h1 | title-tag | trafilatura | feed | sitemap
        ("authors", STR_LIST, False),  # person names only, cleaned (transforms/authors.py)
        ("byline_org", STR_LIST, False),  # organisations in the byline: agencies, the site itself
        ("authors_source", pa.string()),  # json-ld | meta | byline | null when no byline was usable
        ("published_at", UTC_TS),
        ("date_source", pa.string()),  # json-ld | meta | htmldate | url | feed | sitemap | relative | null
        ("undateable", pa.bool_()),  # no trustworthy publish date: published_at is null, never the fetch time
        ("modified_at", UTC_TS),  # last modification, where the page states one
        ("day", pa.date32(), False),  # published_at's UTC day, else (undateable) the fetch day
        ("language", pa.string()),  # ISO 639-1, detected on the text (declared, where the text is too short)
        ("language_score", pa.float32()),
        ("language_source", pa.string()),  # text | declared
        ("language_reliable", pa.bool_()),  # text of 200+ characters and an identifier probability of 0.9+
        ("language_mismatch", pa.bool_()),  # a reliable detection disagrees with declared_language
        ("declared_language", pa.string()),  # <html lang> / JSON-LD inLanguage, as the page says
        ("sitename", pa.string()),
        ("description", pa.string()),
        ("tags", STR_LIST, False),
        ("text", pa.string(), False),  # NFC-normalised; entity offsets point into it
        ("word_count", pa.int32(), False),
        ("content_hash", pa.string(), False),  # sha256 of the text: exact-duplicate key
        ("simhash", pa.uint64(), False),  # 64-bit simhash of word shingles: near-duplicate key
        ("duplicate_of", pa.string()),  # article_id of the earliest article with the same text
        ("extractor", pa.string(), False),  # e.g. trafilatura 2.3.1
        ("extracted_at", UTC_TS, False),
        ("run_id", pa.string(), False),
        # Hash of every extracted field: a new version when any of them changes (say, on reprocess).
        ("record_hash", pa.string()),
    ]
)

ENTITY_MENTIONS = pa.schema(
    [
        ("article_id", pa.string(), False),
        ("version", pa.int32(), False),
        ("day", pa.date32(), False),  # the article's day, so daily entity queries need no join
        # where the mention is: "title" (articles.title) or "text" (articles.text); null in files written before
        # schema 4, whose mentions are all in the text (the views read null as "text")
        ("field", pa.string(), True),
        ("text", pa.string(), False),  # == articles.<field>[start_char:end_char]
        ("canonical", pa.string(), False),  # resolved within the article ("Putin" -> "Vladimir Putin")
        ("label", pa.string(), False),  # PERSON, ORG, GPE, LOC, ... one label per canonical per article
        ("start_char", pa.int32(), False),
        ("end_char", pa.int32(), False),
        ("model", pa.string(), False),  # spaCy pipeline name and version
    ]
)

FAILURES = pa.schema(
    [
        ("failure_id", pa.string(), False),  # hash of url, stage, reason and input: one row per distinct failure
        ("run_id", pa.string(), False),  # the run that first saw it
        ("url", pa.string(), False),
        ("stage", pa.string(), False),  # discover | fetch | extract | enrich | load
        ("reason", pa.string(), False),  # short machine-readable code, e.g. too_short, not_html
        ("detail", pa.string()),  # one human-readable line
        ("failed_at", UTC_TS, False),  # not "at": a keyword in DuckDB 2.0 SQL
        ("day", pa.date32(), False),
    ]
)

FETCH_LOG = pa.schema(
    [
        ("attempt_id", pa.string(), False),
        ("run_id", pa.string(), False),
        ("url", pa.string(), False),  # this hop's URL
        ("host", pa.string(), False),  # host:port, the unit of politeness
        ("kind", pa.string(), False),  # page | feed | sitemap | robots
        ("source", pa.string(), False),
        ("attempt", pa.int32(), False),  # 1 + retries so far
        ("hop", pa.int32(), False),  # 0, then 1, 2, ... along redirects
        ("started_at", UTC_TS, False),
        ("day", pa.date32(), False),
        ("status", pa.int32()),  # null when no response came
        ("bytes", pa.int64(), False),  # body bytes kept (after decompression)
        ("elapsed_ms", pa.float64(), False),
        ("error", pa.string()),  # null, or the failure class: http_503, read_timeout, connection_broken, too_large, ...
    ]
)

RUNS = pa.schema(
    [
        ("run_id", pa.string(), False),
        ("flow", pa.string(), False),
        ("started_at", UTC_TS, False),
        ("finished_at", UTC_TS, False),
        ("status", pa.string(), False),  # completed | failed
        ("parameters", pa.map_(pa.string(), pa.string()), False),
        ("counts", pa.map_(pa.string(), pa.int64()), False),
        ("versions", pa.map_(pa.string(), pa.string()), False),  # package versions that produced the rows
        # schema 3
        ("failed_stage", pa.string()),  # where a failed run stopped: discover, fetch, extract, ... ; null if completed
        ("error", pa.string()),  # the exception, one line; null if completed
        ("stage_seconds", pa.map_(pa.string(), pa.float64())),  # wall-clock seconds spent in each stage
        ("source_pages", pa.map_(pa.string(), pa.int64())),  # pages read per source
        ("failures_by_reason", pa.map_(pa.string(), pa.int64())),  # "stage:reason" -> failure rows
        # the entities named by most of the run's new articles (in-article names, before aliases)
        (
            "top_entities",
            pa.list_(pa.struct([("name", pa.string()), ("label", pa.string()), ("articles", pa.int64())])),
        ),
    ]
)


# Derived: rebuilt from entity_mentions when they change (transforms/aliases.py decides, warehouse/catalog.py
# stores).
ENTITY_ALIASES = pa.schema(
    [
        ("alias", pa.string(), False),  # an article's canonical name, e.g. "Putin", "U.S."
        ("canonical", pa.string(), False),  # the name it is counted under: "Vladimir Putin", "United States"
        ("label", pa.string(), False),  # the label the canonical name has in most mentions
        ("source", pa.string(), False),  # seed | learned
        ("articles", pa.int64(), False),  # articles whose own canonicalisation resolved the alias so
    ]
)


# `newsetl forget`: who removed which article, when and why. The article's rows are deleted from every table;
# this row stays.
TAKEDOWNS = pa.schema(
    [
        ("url", pa.string(), False),  # as given
        ("article_id", pa.string()),  # the article it named, if any
        ("requested_by", pa.string(), False),
        ("reason", pa.string(), False),
        ("removed_at", UTC_TS, False),
        ("articles", pa.int64(), False),  # rows removed, per table
        ("pages", pa.int64(), False),
        ("entity_mentions", pa.int64(), False),
    ]
)

# The full-text index (warehouse/search.py): one row per (article, term) of the latest version of every
# article, with the term's frequency and the document's length, for BM25. Derived: updated after each run
# from what the run added.
SEARCH_TERMS = pa.schema(
    [
        ("bucket", pa.int16(), False),  # hash(term) % SEARCH_BUCKETS: the partition a query reads
        ("term", pa.string(), False),
        ("article_id", pa.string(), False),
        ("tf", pa.int32(), False),
        ("doc_len", pa.int32(), False),
    ]
)
SEARCH_BUCKETS = 64

# What articles_about shows of its 20 best (warehouse/search.py): one row per article of the index, sorted by
# article_id in small row groups, so the 20 are read from ~20 row groups, not from article_versions' files
# (at 100k articles that lookup took 96 ms of the query's 200 ms, growing with the warehouse).
SEARCH_DOCS = pa.schema(
    [
        ("article_id", pa.string(), False),
        ("version", pa.int32(), False),
        ("day", pa.date32(), False),
        ("domain", pa.string(), False),
        ("title", pa.string()),
        ("url", pa.string(), False),
        # the lookup key (warehouse/search.py DOC_KEY): the first 64 bits of md5(article_id). The 20 best are
        # found by it: DuckDB prunes row groups for a join's few integer keys, not for strings (28 against
        # 218 ms for 20 of 10^6, measured), and the rows are sorted by it.
        ("doc_key", pa.uint64()),
    ]
)
SEARCH_DOCS_ROW_GROUP = 8192

# entity_daily as a table (warehouse/daily.py): day x label x canonical entity, the articles naming it and their
# mentions. Derived: updated after each run from what changed.
ENTITY_DAILY = pa.schema(
    [
        ("day", pa.date32(), False),
        ("label", pa.string(), False),
        ("canonical", pa.string(), False),
        ("articles", pa.int64(), False),
        ("mentions", pa.int64(), False),
    ]
)


@dataclass(frozen=True)
class TableSpec:
    name: str
    schema: pa.Schema
    key: tuple[str, ...]  # identifies a row: a row whose key is stored already is not written again
    partitioned: bool  # by year and month of the `day` column
    sort_by: tuple[str, ...]
    stored_as: str = ""  # the DuckLake table's name, where it differs (the name is then a view's)
    partition_by: str | None = None  # another partitioning than year/month of day
    # DuckLake sorts the table's files by these when it writes or merges them (SET SORTED BY): a merged
    # partition's min/max statistics then let a filter on them skip what it does not need
    sorted_by: tuple[str, ...] = ()
    row_group_rows: int | None = None  # DuckLake's parquet_row_group_size for this table, where not the default

    def __post_init__(self):
        if not self.stored_as:
            object.__setattr__(self, "stored_as", self.name)


TABLES: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec("pages", PAGES, ("page_id",), True, ("day", "page_id")),
        TableSpec("articles", ARTICLES, ("article_id", "version"), True, ("day", "article_id"), "article_versions"),
        TableSpec(
            "entity_mentions",
            ENTITY_MENTIONS,
            ("article_id", "version", "field", "start_char"),
            True,
            ("day", "article_id", "field", "start_char"),
            "entity_mention_versions",
        ),
        TableSpec("failures", FAILURES, ("failure_id",), True, ("day", "failure_id")),
        TableSpec("fetch_log", FETCH_LOG, ("attempt_id",), True, ("day", "started_at")),
        TableSpec("runs", RUNS, ("run_id",), False, ("started_at",)),
    )
}

# What the DuckLake holds besides the loaded tables: derived tables and the takedown record.
DERIVED: dict[str, TableSpec] = {
    spec.name: spec
    for spec in (
        TableSpec("entity_aliases", ENTITY_ALIASES, ("alias",), False, ("alias",)),
        TableSpec("takedowns", TAKEDOWNS, ("url", "removed_at"), False, ("removed_at",)),
        TableSpec(
            "entity_daily",
            ENTITY_DAILY,
            ("day", "label", "canonical"),
            False,
            ("label", "day", "canonical"),
            "entity_daily_counts",
            sorted_by=("label", "day", "canonical"),
        ),
        TableSpec(
            "search_terms",
            SEARCH_TERMS,
            ("term", "article_id"),
            False,
            ("bucket", "term"),
            "",
            "bucket",
            sorted_by=("term", "article_id"),
        ),
        TableSpec(
            "search_docs",
            SEARCH_DOCS,
            ("article_id",),
            False,
            ("doc_key",),
            sorted_by=("doc_key",),
            row_group_rows=SEARCH_DOCS_ROW_GROUP,
        ),
    )
}
LAKE_TABLES: dict[str, TableSpec] = {**TABLES, **DERIVED}
