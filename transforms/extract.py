"""HTML bytes -> an `articles` row, or a Failure saying why not. Pure: no network, no files, no clock."""

from dataclasses import dataclass
from datetime import UTC, datetime
from importlib.metadata import version

from transforms import authors, boilerplate, chunks, dates, language, metadata
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
    # trafilatura's precision mode: drops more of what surrounds the article (teasers, link lists), and now
    # and then a paragraph of it. Measured in bench/aeb.py and bench/fundus.py.
    favor_precision: bool = False


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
    # What the page states about itself is read from the tree first; the tree is then handed to trafilatura
    # (which cleans a copy of it) for the text alone, so each page is parsed once and its metadata read once.
    ld = metadata.json_ld_article(tree)
    meta = metadata.meta_values(tree)
    page_type = (metadata.og_type(meta) or "").lower()
    canonical = canonical_url(metadata.canonical_link(tree, meta, url))
    host = domain(canonical)
    sitename = metadata.site_name(meta, ld)
    names = metadata.site_names(meta, ld, sitename, host, host.split(".")[-2] if "." in host else None)
    stated_titles = metadata.titles(tree, meta, ld, names)
    declared = metadata.declared_language(tree, ld)
    bylines = metadata.page_bylines(tree)
    headline_links = metadata.headline_links(tree)
    # Dates are read before trafilatura cleans the tree (htmldate needs the bylines it removes).
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
    metadata.drop_hidden(tree)
    metadata.drop_link_lists(tree)
    metadata.drop_link_blocks(tree)
    doc = main_text(tree, url, options)
    if doc is None or not (doc.text or "").strip():
        return fail("no_content", "no main text found")
    chosen = metadata.headline(stated_titles)
    title, title_source = (normalise(chosen[1]) or None, chosen[0]) if chosen else (None, None)
    if title is None and listing and listing.title:
        title, title_source = normalise(listing.title) or None, listing.via
    by = authors.byline(ld, meta, bylines, None, names)
    # trafilatura keeps the headline as the first line of the text (it is a column of its own), and the lines
    # of the site's own talk inside the article's container (transforms/boilerplate.py).
    text = drop_leading_titles(normalise(doc.text), [title or "", *(t for _, t in stated_titles)])
    text = boilerplate.drop_lines(text, by.people)
    n_words = count_words(text)
    if page_type in metadata.NON_ARTICLE_OG_TYPES and ld is None and n_words < options.non_article_type_min_words:
        return fail("not_article", f"og:type is {page_type!r} and the page has only {n_words} words of text")
    # A section front or a search page: many linked headlines, and nothing that makes it one article (article
    # markup, or a byline naming a person: teasers' own bylines are not read as the page's).
    if ld is None and page_type != "article" and not by.people and headline_links >= options.listing_min_headline_links:
        return fail("not_article", f"a listing: {headline_links} headlines link to other pages, and no article markup")
    if n_words < options.min_words:
        return fail("too_short", f"{n_words} words of main text, fewer than {options.min_words}")
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
        "sitename": sitename,
        "description": metadata.description(meta, ld),
        "tags": metadata.tags(meta, ld),
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


def _trafilatura(tree, url: str, options: ExtractOptions):
    # Imported on first use: a process that only orchestrates (a run's main process, which imports this
    # module for `Failure`) never pays its ~90 ms of imports.
    import trafilatura

    return trafilatura.bare_extraction(
        tree,
        url=url,
        with_metadata=False,
        include_comments=False,
        include_tables=True,
        deduplicate=False,
        favor_precision=options.favor_precision,
    )


def main_text(tree, url: str, options: ExtractOptions):
    """trafilatura's extraction of the article's text (the tree itself is left as it is); where the article is
    printed in chunks and only the first was taken, again with the chunks joined (transforms/chunks.py)."""
    doc = _trafilatura(tree, url, options)
    if doc is not None and doc.text and (groups := chunks.missing_chunks(tree, doc.text)):
        chunks.join_chunks(groups)
        joined = _trafilatura(tree, url, options)
        if joined is not None and len(joined.text or "") > len(doc.text):
            return joined
    return doc


def drop_leading_titles(text: str, titles: list[str]) -> str:
    """The text without its first lines where they repeat a stated title."""
    keys = {" ".join(t.split()).casefold() for t in titles if t.strip()}
    lines = text.split("\n")
    while lines and " ".join(lines[0].split()).casefold() in keys:
        lines.pop(0)
    return "\n".join(lines)


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
