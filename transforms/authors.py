"""Bylines -> a clean list of person names, with organisations kept apart. Better none than wrong.

Sources, first that yields a person or an organisation wins (recorded in `authors_source`): the JSON-LD
article's `author` (typed Person / Organization where the page says so), then author <meta> tags, then the
byline trafilatura found in the page. Each raw byline is

- split on "and", "&", commas, semicolons, pipes, slashes and dashes between words (English, German, French,
  Spanish, Italian conjunctions);
- stripped of "By" / "Von" / "Par" / "Reporting by" ..., e-mail addresses, URLs, "Email the author", and a
  trailing "in Berlin";
- cut into parts that are roles ("Senior Reporter", "Europe Correspondent", "Staff"): dropped;
  organisations (agencies, "... News", "... Desk", the site's own name, an all-capitals acronym): kept in
  `byline_org`; and person names: 2 to 5 words, each capitalised or a name particle, no digits.

Anything else is dropped: a wrong name would be counted in every author query.
"""

import re
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ROLE_NOUNS = _words(
    "reporter reporters correspondent correspondents editor editors writer writers staff columnist "
    "contributor contributors commentator photographer photographers producer analyst journalist "
    "journalists chief bureau team desk newsroom intern fellow host presenter anchor critic redakteur "
    "redakteurin redaktion korrespondent korrespondentin autor autorin rédaction rédacteur rédactrice "
    "correspondant correspondante envoyé envoyée journaliste redacción redactor redactora corresponsal "
    "periodista enviado enviada redazione"
)
ROLE_WORDS = ROLE_NOUNS | _words(
    "senior junior deputy associate assistant managing executive contributing special staff political "
    "politics business economics economy science sports sport culture foreign diplomatic security health "
    "technology tech markets europe european africa asia world national local city metro investigations "
    "data digital social media chief our the of for and at a an news online leitender leitende "
    "stellvertretender freier freie notre spécial spéciale nuestro nuestra"
)
ORG_WORDS = _words(
    "news press agency agencies associated reuters afp ap dpa apa efe ansa bloomberg wire wires service "
    "services media times post journal tribune herald gazette telegraph guardian bbc cnn agence agencia "
    "agentur nachrichtenagentur editorial group newspaper magazine radio tv television network"
)
GENERIC_ORG_WORDS = _words("agencies agency staff wire wires news press service services media group the and")
AGENCIES = _words("reuters afp ap dpa apa efe ansa bloomberg kyodo xinhua epd kna sid")
PARTICLES = _words("van von der den de del della da di du dos das la le bin ibn al el ter ten zu y e")
_LEADING = re.compile(
    r"^\s*(?:(?:story|words|text|reporting|written|analysis|interview|report|photos?|additional reporting)\s+)?"
    r"(?:by|von|par|por|di|de|from)\s*:?\s+",
    re.IGNORECASE,
)
_NOISE = re.compile(
    r"(email|e-mail|follow|contact)\s+(the\s+)?(author|me|us|him|her)\b.*$|\bupdated?\b.*$|\bpublished\b.*$",
    re.IGNORECASE,
)
_SPLIT = re.compile(
    r"\s*(?:;|,|\||/|·|\n|\s[-–—]\s|\band\b|\bwith\b|\bund\b|\bet\b|\by\b|\be\b|&)\s*",
    re.IGNORECASE,
)
_TRAILING_PLACE = re.compile(r"\s+(?:in|from|at|aus|en|à|a)\s+[A-ZÀ-Þ][\w .'-]*$")
_EMAIL_OR_URL = re.compile(r"\S+@\S+|https?://\S+|www\.\S+|@\w+")
_WORD = re.compile(r"[^\W\d_][\w'’.-]*$", re.UNICODE)


@dataclass(frozen=True)
class Byline:
    people: list[str]
    orgs: list[str]
    source: str | None  # json-ld | meta | byline; None when nothing usable was found


def _title_case(part: str) -> str:
    """'JOHN SMITH' -> 'John Smith'; mixed case is left as written ('Ursula von der Leyen', 'McKinsey')."""
    if part.isupper() and len(part) > 5:
        return " ".join(w.capitalize() for w in part.split())
    return part


def _is_person(part: str) -> bool:
    words = part.split()
    if not 2 <= len(words) <= 5 or len(part) > 60:
        return False
    if words[0].lower() in PARTICLES or words[-1].lower() in PARTICLES:
        return False
    for word in words:
        if not _WORD.match(word) or any(ch.isdigit() for ch in word):
            return False
        if not (word[0].isupper() or word.lower() in PARTICLES):
            return False
    return not any(w.lower().strip(".") in ROLE_NOUNS | ORG_WORDS for w in words)


def _is_role(part: str) -> bool:
    words = [w.lower().strip(".") for w in part.split()]
    return bool(words) and (all(w in ROLE_WORDS for w in words) or words[-1] in ROLE_NOUNS)


def _is_org(part: str, site_names: set[str]) -> bool:
    words = [w.lower().strip(".") for w in part.split()]
    if part.lower() in site_names:
        return True
    if len(words) == 1 and re.fullmatch(r"[A-Z]{2,6}", part):  # AP, AFP, DPA, EFE
        return True
    if any(w in AGENCIES for w in words) and len(words) <= 3:  # "dpa", "Reuters", "AFP/dpa"
        return True
    if not 1 <= len(words) <= 6 or not part[0].isupper() or all(w in GENERIC_ORG_WORDS for w in words):
        return False
    # "Harbor Post", "Associated Press", "Reuters", "Reuters Staff"; not navigation such as "Home News Politics"
    return words[-1] in ORG_WORDS or any(w in AGENCIES for w in words)


MAX_BYLINE_CHARS = 300  # a longer "byline" is a paragraph someone tagged as author; its head is enough


def _parts(raw: str) -> list[str]:
    raw = _EMAIL_OR_URL.sub(" ", (raw or "")[:MAX_BYLINE_CHARS])
    raw = _NOISE.sub("", _LEADING.sub("", raw.strip()))
    out = []
    for part in _SPLIT.split(raw):
        part = _LEADING.sub("", " ".join(part.split())).strip(" .,:;·-–—()[]\"'")
        part = _TRAILING_PLACE.sub("", part).strip(" .,")
        if part:
            out.append(_title_case(part))
    return out


def _org_name(part: str) -> str:
    """'Reuters Staff' -> 'Reuters': the agency, without the role word."""
    words = part.split()
    kept = [w for w in words if w.lower() not in ROLE_NOUNS - ORG_WORDS and w.lower() != "staff"]
    return " ".join(kept) or part


def sort_bylines(raw: list[tuple[str, str | None]], site_names: set[str]) -> tuple[list[str], list[str]]:
    """(name, declared type) pairs -> (people, organisations), each in order without repeats."""
    people: list[str] = []
    orgs: list[str] = []
    for name, declared in raw:
        if declared and declared.lower() not in ("person",):
            org = " ".join((name or "").split())
            if org and not _EMAIL_OR_URL.search(org) and org not in orgs:
                orgs.append(org)
            continue
        for part in _parts(name):
            if _is_person(part) and part.lower() not in site_names:  # "Harbor Daily" looks like a name
                if part not in people:
                    people.append(part)
            elif _is_org(org := _org_name(part), site_names) and not _is_role(org) and org not in orgs:
                orgs.append(org)
            # roles ("Senior Reporter", "Our Foreign Staff") and anything unrecognised are dropped
    return people, orgs


def _ld_authors(value) -> list[tuple[str, str | None]]:
    if isinstance(value, str):
        return [(value, None)]
    if isinstance(value, dict):
        kind = value.get("@type")
        kind = kind[0] if isinstance(kind, list) and kind else kind
        name = value.get("name")
        if isinstance(name, str):
            return [(name, kind if isinstance(kind, str) else None)]
        return []
    if isinstance(value, list):
        return [pair for item in value for pair in _ld_authors(item)]
    return []


AUTHOR_META = ("author", "article:author", "parsely-author", "sailthru.author", "dc.creator", "byl", "byline")


def byline(
    ld: dict | None, meta: dict[str, str], page_bylines: list[str], extractor_author: str | None, site_names: set[str]
) -> Byline:
    """The people and organisations that wrote the article, and which source gave them. `page_bylines` are the
    byline elements' raw text (metadata.page_bylines); trafilatura's author comes last, as it re-cases names
    and loses the commas that set roles apart."""
    names = {n.lower() for n in site_names if n}
    candidates = (
        ("json-ld", _ld_authors((ld or {}).get("author"))),
        ("meta", [(meta[k], None) for k in AUTHOR_META if meta.get(k)]),
        ("byline", [(text, None) for text in page_bylines]),
        ("byline", [(extractor_author, None)] if extractor_author else []),
    )
    # The first source that names a person wins. Many sites give only the publisher as JSON-LD author and
    # print the reporter in the byline, so a source with organisations alone does not end the search; the
    # organisations met on the way are kept.
    orgs_found: list[str] = []
    orgs_source = None
    for source, raw in candidates:
        people, orgs = sort_bylines(raw, names)
        for org in orgs:
            if org not in orgs_found:
                orgs_found.append(org)
                orgs_source = orgs_source or source
        if people:
            return Byline(people, orgs_found, source)
    return Byline([], orgs_found, orgs_source)
