"""HTML bytes -> an `articles` row, or a Failure saying why not. Pure: no network, no files, no clock."""

from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version

import trafilatura

from transforms import authors, dates, language, metadata
from transforms.decode import DecodeError, decode_html
from transforms.text import count_words, normalise, sha256_hex, short_id, simhash
from transforms.urls import article_id, canonical_url, domain

EXTRACTOR = f"trafilatura {version('trafilatura')}"


@dataclass(frozen=True)
class Failure:
    url: str
    stage: str
    reason: str  # short code: empty, too_large, not_html, undecodable, no_content, too_short, not_article, error
    detail: str


@dataclass(frozen=True)
class ExtractOptions:
    min_words: int = 50
    max_bytes: int = 3_000_000
    # A page whose og:type says it is no article (a section front, a profile) is taken as one anyway when it
    # has this much text: many news sites mislabel their articles as "website".
    non_article_type_min_words: int = 200
    # A page with this many linked headlines (<h2-4><a>) and no article markup (JSON-LD article, og:type
    # article) is a section front or a search page, however much text its teasers add up to.
    listing_min_headline_links: int = 6


@dataclass(frozen=True)
class Listing:
    """What a feed or sitemap said of the page: used only where the page itself says nothing."""

    title: str | None = None
    published_at: datetime | None = None
    via: str | None = None  # feed | sitemap


def extract_article(
    body: bytes,
    *,
    url: str,
    fetched_at: datetime,
    content_type: str | None = None,
    options: ExtractOptions,
    listing: Listing | None = None,
) -> dict | Failure:
    """Extract one page. Returns the article's columns (without page_id, version, run_id) or a Failure."""

    def fail(reason: str, detail: str) -> Failure:
        return Failure(url=url, stage="extract", reason=reason, detail=detail)

    if not body or not body.strip():
        return fail("empty", "the page has no content")
    if len(body) > options.max_bytes:
        return fail("too_large", f"{len(body):,} bytes is over the {options.max_bytes:,}-byte limit")
    try:
        decoded = decode_html(body, content_type)
    except DecodeError as exc:
        return fail(exc.reason, exc.detail)
    tree = metadata.parse_tree(decoded.text)
    if tree is None:
        return fail("no_content", "the markup could not be parsed")
    # Read our metadata first: the parsed tree is then handed to trafilatura (which cleans a copy of it),
    # so each page is parsed once.
    ld = metadata.json_ld_article(tree)
    meta = metadata.meta_values(tree)
    page_type = (metadata.og_type(meta) or "").lower()
    stated_titles = metadata.titles(tree, meta, ld)
    declared = metadata.declared_language(tree, ld)
    bylines = metadata.page_bylines(tree)
    headline_links = metadata.headline_links(tree)
    # Dates are read before trafilatura cleans the tree (htmldate needs the bylines it removes). trafilatura's
    # own date search is kept cheap: its answer is not used.
    date = dates.publish_date(
        tree,
        meta,
        ld,
        url=url,
        now=fetched_at,
        listed_at=listing.published_at if listing else None,
        listed_via=listing.via if listing else None,
    )
    metadata.drop_prompts(tree)
    doc = trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if doc is None or not (doc.text or "").strip():
        return fail("no_content", "no main text found")
    text = normalise(doc.text)
    title = normalise(doc.title or "") or None
    if title and text.startswith(title):
        # trafilatura keeps the headline as the first line of the text; it is a column of its own.
        text = text[len(title) :].lstrip("\n")
    n_words = count_words(text)
    if page_type in metadata.NON_ARTICLE_OG_TYPES and ld is None and n_words < options.non_article_type_min_words:
        return fail("not_article", f"og:type is {page_type!r} and the page has only {n_words} words of text")
    if ld is None and page_type != "article" and headline_links >= options.listing_min_headline_links:
        return fail("not_article", f"a listing: {headline_links} headlines link to other pages, and no article markup")
    if n_words < options.min_words:
        return fail("too_short", f"{n_words} words of main text, fewer than {options.min_words}")
    title_source = next((src for src, t in stated_titles if normalise(t) == title), "trafilatura") if title else None
    if title is None and listing and listing.title:
        title, title_source = normalise(listing.title) or None, listing.via
    canonical = canonical_url(doc.url or url)
    names = metadata.site_names(meta, ld, doc.sitename, domain(canonical))
    by = authors.byline(ld, meta, bylines, doc.author, names)
    lang = language.assess(text, declared)
    row = {
        "article_id": article_id(canonical),
        "url": url,
        "canonical_url": canonical,
        "domain": domain(canonical),
        "title": title,
        "title_source": title_source,
        "authors": by.people,
        "byline_org": by.orgs,
        "authors_source": by.source,
        "published_at": date.published_at,
        "date_source": date.source,
        "undateable": date.undateable,
        "modified_at": date.modified_at,
        "day": (date.published_at or fetched_at).date(),
        "language": lang.code,
        "language_score": lang.score,
        "language_source": lang.source,
        "language_reliable": lang.reliable,
        "language_mismatch": lang.mismatch,
        "declared_language": declared,
        "sitename": normalise(doc.sitename or "") or None,
        "description": normalise(doc.description or "") or None,
        "tags": list(dict.fromkeys(normalise(t) for t in (doc.tags or []) if normalise(t))),
        "text": text,
        "word_count": n_words,
        "content_hash": sha256_hex(text),
        "simhash": simhash(text),
        "duplicate_of": None,
        "extractor": EXTRACTOR,
        "extracted_at": fetched_at,
    }
    row["record_hash"] = record_hash(row)
    return row


RECORD_FIELDS = (
    "title",
    "authors",
    "published_at",
    "date_source",
    "language",
    "sitename",
    "description",
    "tags",
    # schema 3. Rows extracted before it lack these, so extracting such a page again makes a new version: right,
    # since the new columns are new information about it.
    "byline_org",
    "modified_at",
)


def _canonical(value) -> str:
    """A value's text for hashing, the same whichever library built it (a UTC datetime from Parquet has
    another tzinfo object, and so another repr, than one built here)."""
    if value is None:
        return "\x00"
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, list | tuple):
        return "\x1e".join(_canonical(v) for v in value)
    return str(value)


def record_hash(row: dict) -> str:
    """One hash over the text and every extracted field: any change makes a new article version."""
    return short_id(row["content_hash"], *(_canonical(row.get(f)) for f in RECORD_FIELDS))
