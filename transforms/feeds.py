"""Feed and sitemap bytes -> the article URLs they list, with the titles and dates they give. Pure.

feedparser reads RSS 0.9x/1.0/2.0, Atom and JSON Feed; sitemaps (index, urlset, Google news, plain text)
are read here. XML that declares entities is refused before any parser sees it (billion laughs, external
entities): a feed or sitemap never needs them. For feeds the whole document is searched, as the bytes
feedparser will parse (its own conversion to UTF-8 first), because feedparser's lenient parser, which takes
over from the strict one on the first well-formedness error, expands the entities a document declares
anywhere before its first element, without limit. Sitemaps are parsed by defusedxml itself, which refuses
a declaration wherever it comes.
"""

import io
import json
import re
import zlib
from calendar import timegm
from dataclasses import dataclass
from datetime import UTC, datetime

import defusedxml.ElementTree as SafeET
import feedparser
from defusedxml import DefusedXmlException
from feedparser.encodings import convert_to_utf8

from transforms.dates import parse_timestamp
from transforms.metadata import parse_tree
from transforms.urls import http_url

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/feed+json", "application/json")
_SITEMAP_LINE = re.compile(r"^\s*sitemap\s*:\s*(\S+)", re.IGNORECASE | re.MULTILINE)
_ENTITY_DECL = re.compile(rb"<!ENTITY", re.IGNORECASE)


class ListingError(ValueError):
    """A feed or sitemap that cannot be read; `reason` is the failure code."""

    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason, self.detail = reason, detail


@dataclass(frozen=True)
class Listed:
    """One URL a feed or sitemap lists, with what it says about it."""

    url: str
    title: str | None = None
    published_at: datetime | None = None


@dataclass(frozen=True)
class Sitemap:
    entries: list[Listed]
    children: list[Listed]  # child sitemaps of an index, with their lastmod
    unusable: int = 0  # entries with no http(s) URL (file:, ftp:, data:, javascript:, none at all)
    unusable_example: str | None = None  # the first of them, as written (cut to 100 characters)


@dataclass(frozen=True)
class Feed:
    entries: list[Listed]
    unusable: int = 0  # as for Sitemap
    unusable_example: str | None = None


class _Unusable:
    """Counts the entries a listing gives no http(s) URL for, and keeps the first as an example."""

    def __init__(self) -> None:
        self.count, self.example = 0, None

    def add(self, link) -> None:
        self.count += 1
        if self.example is None:
            self.example = (link if isinstance(link, str) else "(no link)")[:100]


def refuse_entities(body: bytes) -> None:
    """Raise ListingError for XML with entity declarations (billion laughs, external entities)."""
    head = body[:65536]
    if _ENTITY_DECL.search(head):
        raise ListingError("xml_entities", "the document declares XML entities; refused (entity expansion attack)")
    try:
        SafeET.fromstring(body)
    except DefusedXmlException as exc:
        raise ListingError("xml_entities", f"refused: {type(exc).__name__}") from exc
    except Exception:
        pass  # malformed XML: the lenient parsers below decide what they can read


def gunzip(body: bytes, max_bytes: int) -> bytes:
    """Decompress a gzip body (a .xml.gz sitemap), refusing more than max_bytes of output."""
    inflater = zlib.decompressobj(wbits=47)
    try:
        out = inflater.decompress(body, max_bytes + 1)
    except zlib.error as exc:
        raise ListingError("bad_gzip", f"gzip data is corrupt: {exc}") from exc
    if len(out) > max_bytes or inflater.unconsumed_tail:
        raise ListingError("too_large", f"decompresses to more than {max_bytes:,} bytes")
    return out


def _struct_time(value, now: datetime) -> datetime | None:
    if not value:
        return None
    moment = datetime.fromtimestamp(timegm(value), UTC)
    return parse_timestamp(moment.isoformat(), now)


def parse_json_feed(body: bytes, base_url: str, now: datetime) -> Feed:
    """JSON Feed 1.0 / 1.1 (feedparser 6.0 reads only XML feeds)."""
    try:
        data = json.loads(body)
    except (ValueError, UnicodeDecodeError) as exc:
        raise ListingError("bad_feed", f"not JSON: {exc}") from exc
    if not isinstance(data, dict) or not str(data.get("version", "")).startswith("https://jsonfeed.org/version/"):
        raise ListingError("bad_feed", "JSON, but not a JSON Feed (no jsonfeed.org version)")
    entries, unusable = [], _Unusable()
    for item in data.get("items") or []:
        if not isinstance(item, dict):
            continue
        link = item.get("url") or item.get("external_url")
        url = http_url(link, base_url) if isinstance(link, str) else None
        if url is None:
            unusable.add(link)
            continue
        title = item.get("title") if isinstance(item.get("title"), str) else None
        date = parse_timestamp(item.get("date_published") or item.get("date_modified"), now)
        entries.append(Listed(url, (title or "").strip() or None, date))
    return Feed(entries, unusable.count, unusable.example)


def as_feedparser_reads(body: bytes) -> bytes:
    """The bytes feedparser parses for `body`: its own conversion to UTF-8 (which also rewrites the XML
    declaration), so a check on them holds for what it parses, whatever the document's encoding."""
    return convert_to_utf8({}, body, {})


def parse_feed(body: bytes, base_url: str, now: datetime) -> list[Listed]:
    """Entries of an RSS, Atom or JSON feed. Raises ListingError when nothing is a feed."""
    return read_feed(body, base_url, now).entries


def read_feed(body: bytes, base_url: str, now: datetime) -> Feed:
    """An RSS, Atom or JSON feed's entries, and a count of those with no http(s) URL. Raises ListingError
    when nothing is a feed."""
    if body.lstrip()[:1] == b"{":
        return parse_json_feed(body, base_url, now)
    refuse_entities(body)
    utf8 = as_feedparser_reads(body)
    if _ENTITY_DECL.search(utf8):  # anywhere: the lenient parser would expand it (see the module's docstring)
        raise ListingError("xml_entities", "the document declares XML entities; refused (entity expansion attack)")
    parsed = feedparser.parse(
        utf8,
        sanitize_html=False,
        resolve_relative_uris=False,
        response_headers={"content-type": "application/xml; charset=utf-8"},  # parse what was checked
    )
    entries, unusable = [], _Unusable()
    for entry in parsed.entries:
        link = entry.get("link") or entry.get("id")
        url = http_url(link, base_url) if isinstance(link, str) else None
        if url is None:
            unusable.add(link)
            continue
        date = _struct_time(entry.get("published_parsed") or entry.get("updated_parsed"), now)
        title = (entry.get("title") or "").strip() or None
        entries.append(Listed(url, title, date))
    if not entries and (parsed.bozo or not parsed.version):
        problem = getattr(parsed, "bozo_exception", None)
        detail = f"{type(problem).__name__}: {problem}" if problem else "not RSS, Atom or JSON Feed"
        raise ListingError("bad_feed", detail[:300])
    return Feed(entries, unusable.count, unusable.example)


def feed_links(html: str, base_url: str) -> list[str]:
    """Feed URLs a homepage announces with <link rel="alternate" type="application/rss+xml" ...>."""
    tree = parse_tree(html)
    if tree is None:
        return []
    links = []
    for link in tree.iter("link"):
        rel = (link.get("rel") or "").lower().split()
        kind = (link.get("type") or "").lower().split(";")[0].strip()
        if "alternate" in rel and kind in FEED_TYPES and (url := http_url(link.get("href") or "", base_url)):
            links.append(url)
    return list(dict.fromkeys(links))


def looks_like_feed(body: bytes, content_type: str | None) -> bool:
    kind = (content_type or "").lower()
    if any(t in kind for t in ("rss", "atom", "xml", "json")):
        return True
    head = body[:2048].lstrip().lower()
    return head.startswith((b"<?xml", b"<rss", b"<feed", b"<rdf", b"{"))


def robots_sitemaps(robots_txt: str, base_url: str) -> list[str]:
    return list(dict.fromkeys(u for m in _SITEMAP_LINE.findall(robots_txt) if (u := http_url(m, base_url))))


def _local(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower() if isinstance(tag, str) else ""


def _child_text(node, name: str) -> str | None:
    for child in node.iter():
        if _local(child.tag) == name and child.text and child.text.strip():
            return child.text.strip()
    return None


def parse_sitemap(body: bytes, base_url: str, now: datetime) -> Sitemap:
    """A sitemap index, an urlset (news sitemap fields included) or a plain-text list of URLs. XML is read
    as a stream, each <url> or <sitemap> dropped once read, so memory goes with the entries, not the tree."""
    text_start = body.lstrip()[:1]
    if text_start and text_start != b"<":
        lines = body.decode("utf-8", errors="replace").splitlines()
        items, unusable = [], _Unusable()
        for line in lines:
            if url := http_url(line):
                items.append(Listed(url))
            elif line.strip():
                unusable.add(line.strip())
        return Sitemap(items, [], unusable.count, unusable.example)
    refuse_entities(body)
    items, unusable, kind = [], _Unusable(), None
    try:
        for event, node in SafeET.iterparse(io.BytesIO(body), events=("start", "end")):
            if kind is None:  # the root element
                kind = _local(node.tag)
                if kind not in ("urlset", "sitemapindex"):
                    raise ListingError("bad_sitemap", f"root element is <{kind}>, not <urlset> or <sitemapindex>")
                continue
            if event != "end" or _local(node.tag) not in ("url", "sitemap"):
                continue
            loc = _child_text(node, "loc")
            url = http_url(loc or "", base_url)
            if url is None:
                unusable.add(loc)
            else:
                # A news sitemap's publication date is the article's; lastmod is only when the entry last changed.
                date = parse_timestamp(_child_text(node, "publication_date"), now) or parse_timestamp(
                    _child_text(node, "lastmod"), now
                )
                items.append(Listed(url, _child_text(node, "title"), date))
            node.clear()
    except DefusedXmlException as exc:
        raise ListingError("xml_entities", f"refused: {type(exc).__name__}") from exc
    except SafeET.ParseError as exc:
        raise ListingError("bad_sitemap", f"not well-formed XML: {exc}") from exc
    if kind is None:
        raise ListingError("bad_sitemap", "not well-formed XML: no element found")
    if kind == "urlset":
        return Sitemap(items, [], unusable.count, unusable.example)
    return Sitemap([], items, unusable.count, unusable.example)
