"""Sources -> page references. Feeds and sitemaps are fetched through the crawler (polite, logged,
conditional); WARC files are indexed without reading bodies; files and URL lists are read locally.

`page_refs` reads every source lazily: the run takes references a batch at a time, so a run over millions of
pages never holds their list. A sitemap source is read a few sitemaps at a time (`SITEMAPS_AT_ONCE`), each
sitemap's entries handed on before the next is fetched; its queue of child sitemaps holds at most
`max_sitemaps` URLs, and children past that are counted (`sitemaps_over_limit`) and reported once per source
(`sitemap_limit`). Memory is then bounded by a batch of references, a few sitemap bodies and one sitemap's
entries, not by the number of sitemaps. Entries with no http(s) URL are counted per listing and reported
once per listing (`bad_url`)."""

from collections import Counter, deque
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
    parse_sitemap,
    read_feed,
    robots_sitemaps,
)
from transforms.text import sha256_hex

MAX_SITEMAP_DEPTH = 3
SITEMAPS_AT_ONCE = 2  # fetched together (a host's default per_host): at most this many bodies held at once
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
    """Every source's page references, as lists (for small inputs and tests; a run uses `page_refs`)."""
    found = Discovery()
    found.refs = list(page_refs(found, sources, crawler=crawler, state=state, limits=limits))
    return found


def page_refs(
    found: Discovery,
    sources: list[Source],
    *,
    crawler: Crawler | None = None,
    state: CrawlState | None = None,
    limits: Limits = Limits(),
    follow_symlinks: bool = False,
) -> Iterator[PageRef]:
    """The page references of `found.refs`, then of each source in turn, lazily: a feed or sitemap is fetched,
    and a WARC file indexed, when the run reaches it. Bad references and counts go to `found` as they are met."""
    yield from found.refs
    for source in sources:
        try:
            if source.kind in LOCAL_KINDS:
                yield from _local(source, found, follow_symlinks)
            elif crawler is None:
                raise ValueError("feeds and sitemaps need a crawler")
            elif source.kind == "feed":
                yield from _feed(source, crawler, state, found)
            else:
                yield from _sitemap(source, crawler, state, limits, found)
        except Exception as exc:  # one source that breaks (a bug, a parser's surprise) must not stop the others
            _broken(source, exc, found)


def _broken(source: Source, exc: Exception, found: Discovery) -> None:
    where = source.url or source.path or source.name
    found.bad.append(BadRef(where, "discover_error", f"source {source.name}: {type(exc).__name__}: {exc}"))


def _local(source: Source, found: Discovery, follow_symlinks: bool = False) -> Iterator[PageRef]:
    if source.kind == "warc":
        yield from _warc(source, found, follow_symlinks)
    else:
        yield from iter_local_refs(source, found.bad, follow_symlinks)


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


def _entries(found: Discovery, source: Source, listing, via: str, listing_url: str) -> Iterator[PageRef]:
    """A feed's or sitemap's entries as page references (those dated before `since` counted, not kept), and
    its entries with no http(s) URL counted and reported in one row."""
    entries = listing.entries
    found.counts[f"{via}_entries"] += len(entries)
    if listing.unusable:
        found.counts[f"{via}_entries_no_http_url"] += listing.unusable
        found.bad.append(
            BadRef(
                listing_url,
                "bad_url",
                f"{via}: {listing.unusable:,} entries with no http(s) URL, not fetched "
                f"(the first: {listing.unusable_example!r})",
            )
        )
    for entry in entries:
        if _fresh(entry, source.since):
            yield PageRef("url", entry.url, source.name, listed=entry, listed_via=via, listed_in=listing_url)
        else:
            found.counts[f"{via}_entries_too_old"] += 1


def _feed(source: Source, crawler: Crawler, state: CrawlState | None, found: Discovery) -> Iterator[PageRef]:
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
                feed = read_feed(result.body, result.final_url, now)
            except ListingError as exc:
                found.bad.append(BadRef(url, exc.reason, exc.detail))
                continue
            found.counts["feeds_read"] += 1
            found.listings.append(_listing_visit(result, "feed"))
            yield from _entries(found, source, feed, "feed", url)


def _sitemap(
    source: Source, crawler: Crawler, state: CrawlState | None, limits: Limits, found: Discovery
) -> Iterator[PageRef]:
    now = datetime.now(UTC)
    first = [source.url]
    if urlsplit(source.url).path in ("/robots.txt", "", "/"):
        parts = urlsplit(source.url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        [(url, result)] = _get(crawler, None, [robots_url], "sitemap", source)
        if not isinstance(result, Fetched):
            found.bad.append(BadRef(url, f"sitemap_{result.reason}", f"robots.txt: {result.detail}"))
            return
        first = robots_sitemaps(result.body.decode("utf-8", errors="replace"), result.final_url)
        if not first:
            found.bad.append(BadRef(url, "no_sitemap", "robots.txt names no Sitemap"))
    # Breadth first, as before; `seen` (queued or read) and the queue stay within max_sitemaps.
    seen: set[str] = set()
    queue: deque[tuple[str, int]] = deque()
    over = 0

    def enqueue(urls: list[str], depth: int) -> None:
        nonlocal over
        for child in urls:
            if child in seen:
                continue
            if len(seen) >= limits.max_sitemaps:
                over += 1
                continue
            seen.add(child)
            queue.append((child, depth))

    enqueue(first, 0)
    while queue:
        group = [queue.popleft() for _ in range(min(SITEMAPS_AT_ONCE, len(queue)))]
        depths = dict(group)
        fetched = _get(crawler, state, [u for u, _ in group], "sitemap", source, limits.max_sitemap_bytes)
        for url, result in _changed(found, fetched, "sitemap"):
            try:
                body = result.body
                if body[:2] == b"\x1f\x8b":
                    body = gunzip(body, limits.max_sitemap_bytes)
                sitemap = parse_sitemap(body, result.final_url, now)
            except ListingError as exc:
                found.bad.append(BadRef(url, exc.reason, exc.detail))
                continue
            del body
            found.counts["sitemaps_read"] += 1
            found.listings.append(_listing_visit(result, "sitemap"))
            result.body = b""  # its entries are parsed: the bytes need not wait for the rest of the group
            children = [c.url for c in sitemap.children if _fresh(c, source.since)]
            found.counts["sitemaps_too_old"] += len(sitemap.children) - len(children)
            if children and depths[url] == MAX_SITEMAP_DEPTH:
                found.counts["sitemaps_too_deep"] += len(children)
                found.bad.append(
                    BadRef(
                        url,
                        "sitemap_too_deep",
                        f"{len(children):,} child sitemaps nested deeper than {MAX_SITEMAP_DEPTH}, not read "
                        f"(the first: {children[0]!r})",
                    )
                )
            elif children:
                enqueue(children, depths[url] + 1)
            yield from _entries(found, source, sitemap, "sitemap", url)
    if over:
        found.counts["sitemaps_over_limit"] += over
        found.bad.append(
            BadRef(
                source.url,
                "sitemap_limit",
                f"{over:,} child sitemaps not read: over the limit of {limits.max_sitemaps:,} per source and run "
                "(NEWSETL_MAX_SITEMAPS)",
            )
        )
