"""Metadata that trafilatura does not give with full precision: timestamps with their source, author lists,
the page's declared language and type. Reads the parsed tree only."""

import json
import re
from datetime import UTC, datetime, timedelta

from lxml import html as lxml_html

ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "blogposting",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "liveblogposting",
    "report",
    "scholarlyarticle",
}
NON_ARTICLE_OG_TYPES = {"website", "profile", "book", "music.song", "music.album", "video.other", "video.movie"}
DATE_META = (
    "article:published_time",
    "og:article:published_time",
    "datepublished",
    "date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
    "og:published_time",
)
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified")
EARLIEST_DATE = datetime(1995, 1, 1, tzinfo=UTC)
_BY = re.compile(r"^\s*(by|von|par|por|di)\s+", re.IGNORECASE)
_SPLIT_AUTHORS = re.compile(r"\s*(?:;|,|\||\band\b|\bund\b|\bet\b|\by\b|&)\s*", re.IGNORECASE)


def parse_tree(text: str):
    """An lxml tree for metadata lookups; None when the markup cannot be parsed at all."""
    try:
        return lxml_html.document_fromstring(text)
    except Exception:  # lxml raises several unrelated types on junk input; the caller records the failure
        return None


def _json_ld_objects(tree) -> list[dict]:
    found: list[dict] = []

    def walk(node):
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            found.append(node)
            walk(node.get("@graph", []))

    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            walk(json.loads(script.text_content() or "null"))
        except (ValueError, RecursionError):
            continue
    return found


def json_ld_article(tree) -> dict | None:
    for obj in _json_ld_objects(tree):
        types = obj.get("@type", [])
        types = [types] if isinstance(types, str) else types
        if any(isinstance(t, str) and t.lower() in ARTICLE_TYPES for t in types):
            return obj
    return None


def meta_values(tree) -> dict[str, str]:
    """<meta> content by lower-cased property/name/itemprop (first wins), plus <time itemprop=datePublished>."""
    values: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key and key not in values:
            values[key] = meta.get("content", "").strip()
    for time in tree.xpath('//time[@itemprop="datePublished"][@datetime]'):
        values.setdefault("datepublished", time.get("datetime", "").strip())
    return values


def parse_timestamp(value: str | None, now: datetime) -> datetime | None:
    """ISO 8601 text -> aware UTC datetime; None for junk, dates before 1995 or in the future."""
    if not value or not isinstance(value, str):
        return None
    value = value.strip().replace("Z", "+00:00")
    try:
        parsed = datetime.fromisoformat(value)
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=UTC)
    parsed = parsed.astimezone(UTC)
    if parsed < EARLIEST_DATE or parsed > now + timedelta(days=1):
        return None
    return parsed


def published(meta: dict[str, str], ld: dict | None, now: datetime) -> tuple[datetime | None, str | None]:
    """The publish time and where it came from: JSON-LD, then <meta> tags."""
    if ld and (ts := parse_timestamp(ld.get("datePublished") or ld.get("dateCreated"), now)):
        return ts, "json-ld"
    for key in DATE_META:
        if ts := parse_timestamp(meta.get(key), now):
            return ts, "meta"
    return None, None


def _names(value) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, dict):
        return _names(value.get("name"))
    if isinstance(value, list):
        return [n for item in value for n in _names(item)]
    return []


def clean_authors(names: list[str]) -> list[str]:
    """Split joined bylines, drop 'By', e-mail addresses and empty bits; keep order, no repeats."""
    out: list[str] = []
    for name in names:
        for part in _SPLIT_AUTHORS.split(_BY.sub("", name or "")):
            part = part.strip(" .·-–—")
            if part and "@" not in part and any(ch.isalpha() for ch in part) and part not in out:
                out.append(part)
    return out


def authors(ld: dict | None, trafilatura_author: str | None) -> list[str]:
    if ld and (names := _names(ld.get("author"))):
        return clean_authors(names)
    return clean_authors([trafilatura_author] if trafilatura_author else [])


def declared_language(tree, ld: dict | None) -> str | None:
    lang = (ld or {}).get("inLanguage") or tree.get("lang") or ""
    lang = lang.strip().lower().replace("_", "-").split("-")[0] if isinstance(lang, str) else ""
    return lang or None


def og_type(meta: dict[str, str]) -> str | None:
    return meta.get("og:type") or None
