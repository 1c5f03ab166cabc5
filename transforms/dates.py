"""When an article was published, and which evidence said so.

The cascade, first trustworthy answer wins, recorded in `date_source`:

1. `json-ld`   the page's JSON-LD article object (datePublished, dateCreated);
2. `meta`      OpenGraph / article / Dublin Core / parsely ... <meta> tags and <time itemprop=datePublished>;
3. `htmldate`  htmldate's search (its fast mode) of the article's part of the page (bylines, <time>, visible
               dates; not the sidebars, whose dates are other stories'), the URL left out;
   `dateline`  a date with its month's name in the byline, in one of seven languages (htmldate reads English);
4. `url`       a full year-month-day in the URL path;
5. `feed` / `sitemap`  the date the listing gave for the URL;
6. `relative`  a dateline such as "3 hours ago" / "vor 2 Stunden", counted back from the fetch time.

Every answer is UTC; one before 1995 or after the fetch time (plus a day of clock skew) is no answer. An
article with none is *undateable*: `published_at` stays null, never the fetch time. Pure: the fetch time is
passed in.
"""

import re
from copy import deepcopy
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from email.utils import parsedate_to_datetime

from dateutil import parser as date_parser
from htmldate import find_date

EARLIEST = datetime(1995, 1, 1, tzinfo=UTC)
CLOCK_SKEW = timedelta(days=1)
PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dcterms.created",
    "dcterms.issued",
    "sailthru.date",
    "parsely-pub-date",
)
MODIFIED_META = ("article:modified_time", "og:updated_time", "datemodified", "dcterms.modified", "last-modified")

_URL_DATE = re.compile(r"(?<!\d)((?:19|20)\d{2})([/_.-])(0?[1-9]|1[0-2])\2(0?[1-9]|[12]\d|3[01])(?!\d)")
_URL_COMPACT_DATE = re.compile(r"/((?:19|20)\d{2})(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])(?=[/_-]|$)")
_UNITS = {
    "minute": "minutes", "min": "minutes", "minuten": "minutes", "minuto": "minutes", "minutos": "minutes",
    "hour": "hours", "hr": "hours", "stunde": "hours", "stunden": "hours", "heure": "hours", "heures": "hours",
    "hora": "hours", "horas": "hours",
    "day": "days", "tag": "days", "tagen": "days", "jour": "days", "jours": "days", "día": "days", "días": "days",
    "dia": "days", "dias": "days",
}  # fmt: skip
_AGO = re.compile(
    r"(?:(?P<n1>\d{1,2}|an?|one)\s+(?P<u1>minutes?|mins?|hours?|hrs?|days?)\s+ago"
    r"|vor\s+(?P<n2>\d{1,2}|einer?|einem)\s+(?P<u2>minuten?|stunden?|tag(?:en)?)"
    r"|il\s+y\s+a\s+(?P<n3>\d{1,2}|une?)\s+(?P<u3>minutes?|heures?|jours?)"
    r"|hace\s+(?P<n4>\d{1,2}|una?)\s+(?P<u4>minutos?|horas?|d[ií]as?))",
    re.IGNORECASE,
)
_YESTERDAY = re.compile(r"\b(yesterday|gestern|hier|ayer)\b", re.IGNORECASE)
_TODAY = re.compile(r"\b(today|heute|aujourd'hui|hoy)\b", re.IGNORECASE)
MAX_RELATIVE = timedelta(days=6)  # "2 weeks ago" is not a day; better no date than a wrong one
_DATELINE_XPATH = (
    "//time | //*[contains(@class, 'date') or contains(@class, 'time') or contains(@class, 'byline')"
    " or contains(@class, 'published') or contains(@class, 'meta')]"
)


@dataclass(frozen=True)
class PublishDate:
    published_at: datetime | None
    source: str | None  # json-ld | meta | htmldate | url | feed | sitemap | relative; None when undateable
    modified_at: datetime | None

    @property
    def undateable(self) -> bool:
        return self.published_at is None


def _plausible(ts: datetime, now: datetime) -> datetime | None:
    ts = ts.replace(tzinfo=UTC) if ts.tzinfo is None else ts.astimezone(UTC)
    return ts if EARLIEST <= ts <= now + CLOCK_SKEW else None


def parse_timestamp(value, now: datetime) -> datetime | None:
    """A date or timestamp as pages write them -> aware UTC datetime; None for junk, for a value missing its day
    or year, and for dates before 1995 or in the future. A value without a zone is taken as UTC."""
    if not value or not isinstance(value, str) or len(value) > 64:
        return None
    value = value.strip()
    try:
        return _plausible(datetime.fromisoformat(value.replace("Z", "+00:00")), now)
    except ValueError:
        pass
    try:
        return _plausible(parsedate_to_datetime(value), now)  # RFC 2822, as in feeds and HTTP headers
    except (TypeError, ValueError, IndexError):
        pass
    # Free text ("March 5, 2024 10:00 CET"): parsed twice with different defaults; a value that needed a default
    # for its year, month or day (so the two parses differ) says too little.
    try:
        first = date_parser.parse(value, default=datetime(2001, 1, 1))
        second = date_parser.parse(value, default=datetime(2002, 2, 2))
    except (ValueError, OverflowError, date_parser.ParserError):
        return None
    if first.date() != second.date():
        return None
    return _plausible(first, now)


def url_date(url: str) -> datetime | None:
    """A full date in the URL's path (/2024/03/15/, /2024-03-15-, /20240315/); None for a year or month alone."""
    path = re.sub(r"^[a-z]+://[^/]+", "", url or "", flags=re.IGNORECASE).split("?")[0]
    for pattern in (_URL_DATE, _URL_COMPACT_DATE):
        if match := pattern.search(path):
            groups = [g for g in match.groups() if g and g.isdigit()]
            try:
                return datetime(int(groups[0]), int(groups[1]), int(groups[2]), tzinfo=UTC)
            except ValueError:
                return None
    return None


def _count(word: str) -> int:
    return int(word) if word.isdigit() else 1


def relative_date(tree, now: datetime) -> datetime | None:
    """A dateline that counts back from now ("3 hours ago", "vor 2 Stunden", "yesterday"), within six days."""
    for node in tree.xpath(_DATELINE_XPATH)[:40]:
        text = " ".join(node.text_content().split())
        if not text or len(text) > 80:
            continue
        if match := _AGO.search(text):
            n = next(g for g in (match["n1"], match["n2"], match["n3"], match["n4"]) if g)
            unit = next(g for g in (match["u1"], match["u2"], match["u3"], match["u4"]) if g).lower()
            key = _UNITS.get(unit) or _UNITS.get(unit.rstrip("s")) or _UNITS.get(unit.rstrip("n"))
            if key is None:
                continue
            delta = timedelta(**{key: _count(n)})
            if delta <= MAX_RELATIVE:
                return now - delta
        elif _YESTERDAY.search(text) and len(text) <= 40:
            return now - timedelta(days=1)
        elif _TODAY.search(text) and len(text) <= 40:
            return now
    return None


_OUTSIDE_ARTICLE = (
    ".//nav | .//aside | .//footer | .//*[contains(@class, 'related') or contains(@class, 'most-read')"
    " or contains(@class, 'sidebar') or contains(@class, 'comment') or contains(@class, 'teaser')]"
)
# A site's masthead often shows today's date; an article's own <header> (the one with its headline) holds its
# dateline and stays.
_MASTHEAD = ".//header[not(.//h1)]"


def article_region(tree):
    """A copy of the part of the page that is about this article: its one <article> element, else the page
    without navigation, asides, related stories, comments and footers (whose dates belong to other pages)."""
    articles = tree.xpath("//article")
    region = deepcopy(articles[0] if len(articles) == 1 else tree)
    for node in region.xpath(_OUTSIDE_ARTICLE if len(articles) == 1 else f"{_OUTSIDE_ARTICLE} | {_MASTHEAD}"):
        if node.getparent() is not None:
            node.drop_tree()
    return region


_JAN_FIRST = re.compile(
    r"\b(0?1[./-]0?1[./-](19|20)\d\d|(19|20)\d\d-01-01|1\.? (january|januar|janvier|enero|gennaio)|"
    r"(january|jan\.?) 1\b|1er janvier|1 de enero)",
    re.IGNORECASE,
)


def htmldate_search(region, now: datetime) -> datetime | None:
    """htmldate's search over the article's part of the page, with the URL left out (a step of its
    own). htmldate answers a bare year ("the 2019 strike", "© 2024") with 1 January of it: that answer is
    taken only where the page does say 1 January."""
    try:
        found = find_date(
            region,
            url="",  # not None: htmldate would read the URL from <link rel=canonical>
            # Its extensive search ends in dateparser over every locale: ~10 s of CPU the first time in each
            # process, then ~0.1 s a page, and it found no date on fundus-dev or the gold set that the fast
            # search and our own dateline step did not (bench/fundus.py, bench/quality).
            extensive_search=False,
            original_date=True,
            min_date=EARLIEST.date().isoformat(),
            max_date=now.date().isoformat(),
        )
    except Exception:  # htmldate raises assorted errors on odd markup; no date is then the answer
        return None
    ts = parse_timestamp(found, now) if found else None
    if ts and (ts.month, ts.day) == (1, 1) and not _JAN_FIRST.search(region.text_content()):
        return None
    return ts


MONTHS = {
    # German, French, Spanish, Italian, Portuguese, Dutch month names -> English, for dateutil
    "januar": "January", "jänner": "January", "janvier": "January", "enero": "January", "gennaio": "January",
    "janeiro": "January", "januari": "January", "februar": "February", "février": "February",
    "febrero": "February", "febbraio": "February", "fevereiro": "February", "februari": "February",
    "märz": "March", "mars": "March", "marzo": "March", "março": "March", "maart": "March", "avril": "April",
    "abril": "April", "aprile": "April", "mai": "May", "mayo": "May", "maggio": "May", "maio": "May",
    "mei": "May", "juni": "June", "juin": "June", "junio": "June", "giugno": "June", "junho": "June",
    "juli": "July", "juillet": "July", "julio": "July", "luglio": "July", "julho": "July", "august": "August",
    "août": "August", "agosto": "August", "augustus": "August", "september": "September",
    "septembre": "September", "septiembre": "September", "settembre": "September", "setembro": "September",
    "oktober": "October", "octobre": "October", "octubre": "October", "ottobre": "October",
    "outubro": "October", "november": "November", "novembre": "November", "noviembre": "November",
    "novembro": "November", "dezember": "December", "décembre": "December", "diciembre": "December",
    "dicembre": "December", "dezembro": "December", "december": "December",
}  # fmt: skip
_MONTH_WORD = re.compile(r"\b(" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b", re.IGNORECASE)
_ENGLISH_MONTH = re.compile(r"\b(jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\b", re.IGNORECASE)
_DAY_MONTH_YEAR = re.compile(r"(\d{1,2})\.?\s+(?:de\s+)?([A-Za-z]+)\.?,?\s+(?:de\s+)?((?:19|20)\d\d)")
_MONTH_DAY_YEAR = re.compile(r"([A-Za-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+((?:19|20)\d\d)")


def dateline_date(region, now: datetime) -> datetime | None:
    """A date written out with its month's name in the article's byline or dateline, in English, German,
    French, Spanish, Italian, Portuguese or Dutch ("Sevilla, 15 de febrero de 2024", "11. März 2024")."""
    for node in region.xpath(_DATELINE_XPATH.replace("//", ".//")):  # within the region only
        text = " ".join(node.text_content().split())
        if not text or len(text) > 80:
            continue
        english = _MONTH_WORD.sub(lambda m: MONTHS[m.group(1).lower()], text)
        for pattern, order in ((_DAY_MONTH_YEAR, (0, 1, 2)), (_MONTH_DAY_YEAR, (1, 0, 2))):
            if (match := pattern.search(english)) and _ENGLISH_MONTH.fullmatch(match.group(order[1] + 1)):
                day, month, year = (match.group(i + 1) for i in order)
                if ts := parse_timestamp(f"{day} {month} {year}", now):
                    return ts
    return None


def modified(meta: dict[str, str], ld: dict | None, now: datetime) -> datetime | None:
    candidates = [(ld or {}).get("dateModified")] + [meta.get(k) for k in MODIFIED_META]
    return next((ts for value in candidates if (ts := parse_timestamp(value, now))), None)


def publish_date(
    tree,
    meta: dict[str, str],
    ld: dict | None,
    *,
    url: str,
    now: datetime,
    listed_at: datetime | None = None,
    listed_via: str | None = None,
) -> PublishDate:
    """Run the cascade (module docstring) and keep the modification time where the page gives one."""
    ld = ld or {}
    cut: list = []

    def region():  # cut out once, and only when a step needs it
        if not cut:
            cut.append(article_region(tree))
        return cut[0]

    def steps():
        yield (
            "json-ld",
            lambda: parse_timestamp(ld.get("datePublished"), now) or parse_timestamp(ld.get("dateCreated"), now),
        )
        yield "meta", lambda: next((ts for k in PUBLISHED_META if (ts := parse_timestamp(meta.get(k), now))), None)
        yield "htmldate", lambda: htmldate_search(region(), now)
        yield "dateline", lambda: dateline_date(region(), now)
        yield "url", lambda: ts if (ts := url_date(url)) and _plausible(ts, now) else None
        yield listed_via or "feed", lambda: _plausible(listed_at, now) if listed_at else None
        yield "relative", lambda: relative_date(tree, now)

    for source, step in steps():
        if (ts := step()) is not None:
            changed = modified(meta, ld, now)
            return PublishDate(ts, source, changed if changed and changed >= ts else None)
    return PublishDate(None, None, modified(meta, ld, now))
