"""Sources -> page references. Feeds and sitemaps are fetched through the crawler (polite, logged,
conditional); WARC files are indexed without reading bodies; files and URL lists are read locally.

Local sources (files, URL lists, WARC files) can be read lazily with `page_refs`, one file at a time, so a run
over millions of pages never holds their list: the flow discovers the network sources first, then streams
the rest."""

from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlsplit

from flows import warc
from flows.crawler import Crawler, Fetched, Request
from flows.crawlstate import CrawlState, Visit
from flows.sources import BadRef, PageRef, Source, iter_local_refs, paths, printable
from transforms.feeds import (
    Listed,
    ListingError,
    feed_links,
    gunzip,
    looks_like_feed,
    parse_feed,
    parse_sitemap,
    robots_sitemaps,
)
from transforms.text import sha256_hex

MAX_SITEMAP_DEPTH = 3
LOCAL_KINDS = ("files", "urls", "warc")  # read without the network


@dataclass
class Discovery:
    refs: list[PageRef] = field(default_factory=list)
    bad: list[BadRef] = field(default_factory=list)
    listings: list[Visit] = field(default_factory=list)  # feeds and sitemaps read: stored after the run
    counts: Counter = field(default_factory=Counter)


@dataclass(frozen=True)
class Limits:
    max_sitemap_bytes: int = 50_000_000  # the sitemaps.org limit, uncompressed
    max_sitemaps: int = 1000  # per source and run


def discover(
    sources: list[Source], *, crawler: Crawler | None, state: CrawlState | None, limits: Limits = Limits()
) -> Discovery:
    """Every source's page references, as lists."""
    found = Discovery()
    for source in sources:
        try:
            _discover_one(source, crawler, state, limits, found)
        except Exception as exc:  # one source that breaks (a bug, a parser's surprise) must not stop the others
            _broken(source, exc, found)
    return found


def page_refs(found: Discovery, local: list[Source], follow_symlinks: bool = False) -> Iterator[PageRef]:
    """What discovery found, then the page references of local sources, lazily: a WARC file is indexed when
    the run reaches it. Bad references and counts go to `found` as they are met."""
    yield from found.refs
    for source in local:
        try:
            yield from _local(source, found, follow_symlinks)
        except Exception as exc:
            _broken(source, exc, found)


def _broken(source: Source, exc: Exception, found: Discovery) -> None:
    where = source.url or source.path or source.name
    found.bad.append(BadRef(where, "discover_error", f"source {source.name}: {type(exc).__name__}: {exc}"))


def _local(source: Source, found: Discovery, follow_symlinks: bool = False) -> Iterator[PageRef]:
    if source.kind == "warc":
        yield from _warc(source, found, follow_symlinks)
    else:
        yield from iter_local_refs(source, found.bad, follow_symlinks)


def _discover_one(source: Source, crawler, state, limits: Limits, found: Discovery) -> None:
    if source.kind in LOCAL_KINDS:
        found.refs += _local(source, found)
    elif crawler is None:
        raise ValueError("feeds and sitemaps need a crawler")
    elif source.kind == "feed":
        _feed(source, crawler, state, found)
    else:
        _sitemap(source, crawler, state, limits, found)


def _warc(source: Source, found: Discovery, follow_symlinks: bool = False) -> Iterator[PageRef]:
    for path in paths(source.path, found.bad, follow_symlinks):
        try:
            records, skipped = warc.index(path)
        except warc.WarcError as exc:
            found.bad.append(BadRef(printable(str(path)), "warc_unreadable", str(exc)))
            continue
        found.counts["warc_records"] += len(records)
        found.bad += [BadRef(uri, reason, detail) for uri, reason, detail in skipped]
        location = str(path.resolve())
        for offset, uri, record_id in records:
            yield PageRef("warc", location, source.name, offset, uri, item=f"warc:{record_id}")


def _get(crawler: Crawler, state: CrawlState | None, urls: list[str], kind: str, source: Source, max_bytes=None):
    """Fetch listings, conditionally where the state has validators: (url, Fetched or Failure) pairs."""
    requests = [Request(u, kind, source.name, state.validators(u) if state else None, max_bytes) for u in urls]
    return list(zip(urls, crawler.fetch_all(requests), strict=True))


def _changed(found: Discovery, pairs, kind: str):
    """The listings that came back with content; failures become failure rows, 304s a count."""
    for url, result in pairs:
        if not isinstance(result, Fetched):
            found.bad.append(BadRef(url, f"{kind}_{result.reason}", f"{kind}: {result.detail}"))
        elif result.not_modified:
            found.counts[f"{kind}s_not_modified"] += 1
        else:
            yield url, result


def _listing_visit(result: Fetched, kind: str) -> Visit:
    return Visit(
        result.request.url,
        kind,
        "page",
        result.headers.get("etag"),
        result.headers.get("last-modified"),
        sha256_hex(result.body),
    )


def _fresh(listed: Listed, since) -> bool:
    return since is None or listed.published_at is None or listed.published_at.date() >= since


def _add_entries(found: Discovery, source: Source, entries: list[Listed], via: str, listing_url: str) -> None:
    kept = [e for e in entries if _fresh(e, source.since)]
    found.counts[f"{via}_entries"] += len(entries)
    found.counts[f"{via}_entries_too_old"] += len(entries) - len(kept)
    found.refs += [PageRef("url", e.url, source.name, listed=e, listed_via=via, listed_in=listing_url) for e in kept]


def _feed(source: Source, crawler: Crawler, state: CrawlState | None, found: Discovery) -> None:
    now = datetime.now(UTC)
    pending, tried = [source.url], set()
    while pending:
        batch = [u for u in pending if u not in tried]
        tried.update(batch)
        pending = []
        for url, result in _changed(found, _get(crawler, state, batch, "feed", source), "feed"):
            if not looks_like_feed(result.body, result.headers.get("content-type")):
                links = feed_links(result.body.decode("utf-8", errors="replace"), result.final_url)
                if not links:
                    found.bad.append(BadRef(url, "no_feed", "an HTML page that announces no feed"))
                found.counts["feeds_autodiscovered"] += len(links)
                pending += links
                continue
            try:
                entries = parse_feed(result.body, result.final_url, now)
            except ListingError as exc:
                found.bad.append(BadRef(url, exc.reason, exc.detail))
                continue
            found.counts["feeds_read"] += 1
            found.listings.append(_listing_visit(result, "feed"))
            _add_entries(found, source, entries, "feed", url)


def _sitemap(source: Source, crawler: Crawler, state: CrawlState | None, limits: Limits, found: Discovery) -> None:
    now = datetime.now(UTC)
    level = [source.url]
    if urlsplit(source.url).path in ("/robots.txt", "", "/"):
        parts = urlsplit(source.url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        [(url, result)] = _get(crawler, None, [robots_url], "sitemap", source)
        if not isinstance(result, Fetched):
            found.bad.append(BadRef(url, f"sitemap_{result.reason}", f"robots.txt: {result.detail}"))
            return
        level = robots_sitemaps(result.body.decode("utf-8", errors="replace"), result.final_url)
        if not level:
            found.bad.append(BadRef(url, "no_sitemap", "robots.txt names no Sitemap"))
    seen: set[str] = set()
    for depth in range(MAX_SITEMAP_DEPTH + 1):
        level = [u for u in dict.fromkeys(level) if u not in seen][: max(0, limits.max_sitemaps - len(seen))]
        if not level:
            return
        seen.update(level)
        children: list[str] = []
        fetched = _get(crawler, state, level, "sitemap", source, limits.max_sitemap_bytes)
        for url, result in _changed(found, fetched, "sitemap"):
            try:
                body = result.body
                if body[:2] == b"\x1f\x8b":
                    body = gunzip(body, limits.max_sitemap_bytes)
                sitemap = parse_sitemap(body, result.final_url, now)
            except ListingError as exc:
                found.bad.append(BadRef(url, exc.reason, exc.detail))
                continue
            found.counts["sitemaps_read"] += 1
            found.listings.append(_listing_visit(result, "sitemap"))
            _add_entries(found, source, sitemap.entries, "sitemap", url)
            fresh = [c for c in sitemap.children if _fresh(c, source.since)]
            found.counts["sitemaps_too_old"] += len(sitemap.children) - len(fresh)
            children += [c.url for c in fresh]
        if depth == MAX_SITEMAP_DEPTH and children:
            found.bad += [BadRef(u, "sitemap_too_deep", f"nested deeper than {MAX_SITEMAP_DEPTH}") for u in children]
        level = children
