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

Scripts without capital letters (Chinese, Japanese, Korean, Arabic, Hebrew, Thai, ...) cannot pass the
capitalisation test: there a name is a short run of letters (one or two words), and organisation endings
(新聞, 通信社, 編集部 ...) make it an organisation. Photo and caption credits ("Foto: ...", "Photo by ...") are
never bylines.
"""

import re
from dataclasses import dataclass


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


ROLE_NOUNS = _words(
    "reporter reporters correspondent correspondents editor editors writer writers staff columnist "
    "contributor contributors commentator photographer photographers producer analyst journalist "
    "journalists chief bureau desk intern fellow host presenter anchor critic redakteur "
    "redakteurin korrespondent korrespondentin autor autorin rédacteur rédactrice "
    "correspondant correspondante envoyé envoyée journaliste redactor redactora corresponsal "
    "periodista enviado enviada jurnalis wartawan "
    # accounts a CMS fills in when nobody signed the piece
    "admin administrator webmaster developer developers user guest moderator publisher"
)
# A newsroom's own name ("MM-Redaktion", "BR24 Redaktion", "Gear Team"): an organisation when it names whose
# newsroom, a role when alone ("Redaktion").
NEWSROOM_WORDS = _words("redaktion rédaction redacción redazione redactie redaksjon newsroom team")
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
    "agentur nachrichtenagentur presse-agentur editorial group newspaper magazine radio tv television network "
    "nachrichten zeitung online inc ltd gmbh"
)
GENERIC_ORG_WORDS = _words("agencies agency staff wire wires news press service services media group the and")
AGENCIES = _words("reuters afp ap dpa apa efe ansa bloomberg kyodo xinhua epd kna sid sda")
# How an organisation's name ends in scripts without capitals: newspaper, news agency, editorial office,
# broadcaster, "digital", "news" (Japanese, Chinese, Korean).
CASELESS_ORG_ENDINGS = (
    "新聞", "新聞社", "新聞デジタル", "デジタル", "通信", "通信社", "編集部", "放送", "放送局", "日報", "時報",
    "ニュース", "新闻", "新闻社", "日报", "晚报", "通讯社", "编辑部", "电视台", "신문", "일보", "뉴스", "통신", "방송",
    "社", "局", "部",
)  # fmt: skip
# A credit for a photo, a video or a graphic: never the article's byline.
_CREDIT = re.compile(
    r"^\s*(?:©|\(c\)|foto|fotos|photo|photos|photograph|photography|picture|pictures|image|images|bild|bilder|"
    r"video|grafik|graphic|illustration|credit|quelle|source|imago|getty|ljósmynd|kuva|zdjęcie)\b",
    re.IGNORECASE,
)
PARTICLES = _words("van von der den de del della da di du dos das la le bin ibn al el ter ten zu y e")
_LEADING = re.compile(
    r"^\s*(?:(?:story|words|text|reporting|written|analysis|interview|report|photos?|additional reporting)\s+)?"
    r"(?:by|von|par|por|di|de|from)\s*:?\s+",
    re.IGNORECASE,
)
_NOISE = re.compile(
    r"(email|e-mail|follow|contact)\s+(the\s+)?(author|me|us|him|her)\b.*$|\bupdated?\b.*$|\bpublished\b.*$"
    # a date or a time printed after the name ("Naufal Zuhdi 20/1/2026 18:30"): the rest is no name
    r"|\s\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b.*$|\s\d{1,2}:\d{2}\b.*$",
    re.IGNORECASE,
)
# A "By" inside a longer dateline ("Veröffentlicht am 13. Mai 2026 ... Von: Bill McCarthy"): the byline starts there.
_BY_INSIDE = re.compile(r"(?:^|\s)(?i:by|von|par|por|door|av|af|di)\s*:\s*|\s(?:By|Von|Par|Por|Door)\s+(?=[A-ZÀ-Þ])")
# A label before a colon ("Text:", "Übersetzung und Adaptierung:"): what follows is the name, the label a role.
_LABEL = re.compile(r"(?:\b[^\W\d_]+\s+(?:and|und|et|y|e|og|och|en)\s+)?\b[^\W\d_]+\s*:\s+")
# Labels of other work than writing the piece: the people they name are not its authors.
OTHER_ROLE_LABELS = _words(
    "redaktion redaction rédaction redacción edited editing editor editors foto fotos photo photos bild bilder "
    "grafik graphic graphics kamera camera schnitt sendung quelle source sources übersetzung translation "
    "translated traduction adaptierung adaptation produktion production video audio illustration sprecher "
    "moderation realisation"
)
_MONTH_NAMES = (
    "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|january|february|march|april|june|july|august|"
    "september|october|november|december|januar|jänner|februar|märz|mai|juni|juli|oktober|dezember|janvier|"
    "février|mars|avril|juin|juillet|août|septembre|octobre|novembre|décembre|enero|febrero|marzo|abril|mayo|"
    "junio|julio|agosto|septiembre|octubre|noviembre|diciembre"
)
# A date printed after the name ("by Paul Serran Jul. 19, 2026 9:45 am", "Anna Berg 3. Mai 2024"): names
# have no digits, so the byline ends before the first number and the month name in front of it.
_DATE_TAIL = re.compile(rf"\s+(?:(?:{_MONTH_NAMES})\.?,?\s+)?\d.*$", re.IGNORECASE | re.DOTALL)
# Parenthesised notes after a name: initials ("Anna Berg (obe)"), a club, a place.
_PARENTHESES = re.compile(r"\s*[(\[][^)\]]*[)\]]")
_SPLIT = re.compile(
    r"\s*(?:;|,|\||/|·|\*|\n|\s[-–—]\s|&|\b(?i:and|with)\b"
    # "and" in German, French, Spanish, Italian/Portuguese, Danish/Norwegian, Swedish, Dutch, Turkish, Russian,
    # Ukrainian: written lower-case, so that "Y." or "E." as an initial is not taken for one
    r"|\b(?:und|et|y|e|og|och|en|ve|и|і|та)\b)\s*"
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


_CASED_LETTER = re.compile(r"[^\W\d_]")
_DOMAIN = re.compile(r"\b[\w-]+\.(?:[a-z]{2,6})(?:\.[a-z]{2})?\b", re.IGNORECASE)


def _caseless(part: str) -> bool:
    """Written in a script without capitals (no letter has an upper and a lower form)."""
    letters = _CASED_LETTER.findall(part)
    return bool(letters) and all(ch.upper() == ch.lower() for ch in letters)


def _is_caseless_person(part: str) -> bool:
    words = part.split()
    return (
        1 <= len(words) <= 3
        and len(part.replace(" ", "")) <= 12
        and not any(ch.isdigit() for ch in part)
        and not part.endswith(CASELESS_ORG_ENDINGS)
    )


def _word_parts(words: list[str]) -> list[str]:
    """Lower-cased words and the parts of hyphenated ones ("Presse-Agentur" -> presse-agentur, presse, agentur)."""
    out = []
    for w in words:
        w = w.lower().strip(".")
        out += [w, *w.split("-")] if "-" in w else [w]
    return out


def _is_person(part: str, declared_person: bool = False) -> bool:
    if _caseless(part):
        # Without capitals there is little to tell a name from a section label ("منوعات", "国際"): taken only
        # where the page declares a Person.
        return declared_person and _is_caseless_person(part)
    words = part.split()
    if not 2 <= len(words) <= 5 or len(part) > 60 or _DOMAIN.search(part):
        return False
    # "Ilanga D": a lone capital without its full stop is a truncated account name, not an initial
    if len(words[-1]) == 1:
        return False
    if words[0].lower() in PARTICLES or words[-1].lower() in PARTICLES:
        return False
    for word in words:
        if not _WORD.match(word) or any(ch.isdigit() for ch in word):
            return False
        if not (word[0].isupper() or word.lower() in PARTICLES):
            return False
    return not any(w in ROLE_NOUNS | ORG_WORDS | NEWSROOM_WORDS for w in _word_parts(words))


def _is_role(part: str) -> bool:
    words = [w.lower().strip(".") for w in part.split()]
    return bool(words) and (all(w in ROLE_WORDS | NEWSROOM_WORDS for w in words) or words[-1] in ROLE_NOUNS)


def _is_org(part: str, site_names: set[str]) -> bool:
    words = [w.lower().strip(".") for w in part.split()]
    if part.lower() in site_names:
        return True
    if _caseless(part):
        return len(part) <= 30 and part.endswith(CASELESS_ORG_ENDINGS)
    if _DOMAIN.fullmatch(part.strip()):  # "mbl.is", "nieuwsblad.be": the site by its address
        return True
    parts = _word_parts(part.split())
    if any(w in NEWSROOM_WORDS for w in parts) and any(w not in NEWSROOM_WORDS | ROLE_WORDS for w in parts):
        return True  # "MM-Redaktion", "BR24 Redaktion", "Redaktion hessenschau.de", "Gear Team"
    if any(w in ROLE_NOUNS for w in parts) and not any(w in ORG_WORDS for w in parts):
        return False  # "mediaindonesia.com developer", "Staff Reporter"
    if len(words) == 1 and re.fullmatch(r"[A-Z]{2,6}", part):  # AP, AFP, DPA, EFE
        return True
    if any(w in AGENCIES for w in words) and len(words) <= 3:  # "dpa", "Reuters", "AFP/dpa"
        return True
    if not 1 <= len(words) <= 6 or not part[0].isupper() or all(w in GENERIC_ORG_WORDS for w in words):
        return False
    # "Harbor Post", "Associated Press", "Reuters", "Reuters Staff"; not navigation such as "Home News Politics"
    return words[-1] in ORG_WORDS or any(w in AGENCIES for w in words)


MAX_BYLINE_CHARS = 300  # a longer "byline" is a paragraph someone tagged as author; its head is enough


def _parts(raw: str) -> list[tuple[str, bool]]:
    """A raw byline -> (part, may be a person) pairs. A part after a label that names another role than
    writing ("Redaktion:", "Foto:", "Übersetzung:") may be an organisation, not a person."""
    raw = (raw or "")[:MAX_BYLINE_CHARS]
    if _CREDIT.match(raw):
        return []
    if (by := _BY_INSIDE.search(raw)) and by.start() > 0:
        raw = raw[by.end() :]
    raw = _EMAIL_OR_URL.sub(" ", _PARENTHESES.sub(" ", raw))
    raw = _NOISE.sub("", _LEADING.sub("", raw.strip()))
    raw = _DATE_TAIL.sub("", raw)
    out = []
    people_ok, position = True, 0
    for label in [*_LABEL.finditer(raw), None]:
        segment = raw[position : label.start() if label else len(raw)]
        for part in _SPLIT.split(segment):
            part = _LEADING.sub("", " ".join(part.split())).strip(" .,:;·-–—()[]\"'")
            part = _TRAILING_PLACE.sub("", part).strip(" .,")
            if part:
                out.append((_title_case(part), people_ok))
        if label:
            words = {w.lower() for w in re.findall(r"[^\W\d_]+", label.group())}
            people_ok = not words & OTHER_ROLE_LABELS
            position = label.end()
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
            if org and not _EMAIL_OR_URL.search(org):
                _add_org(orgs, org)
            continue
        for part, people_ok in _parts(name):
            if people_ok and _is_person(part, declared is not None) and part.lower() not in site_names:
                if part not in people:
                    people.append(part)
            elif _is_org(org := _org_name(part), site_names) and not _is_role(org):
                _add_org(orgs, org)
            # roles ("Senior Reporter", "Our Foreign Staff") and anything unrecognised are dropped
    return people, orgs


def _add_org(orgs: list[str], org: str) -> None:
    """Add an organisation unless it is already there, within a longer name ("hessenschau.de" beside
    "Redaktion hessenschau.de"); a longer name replaces the shorter one it contains."""
    key = org.casefold()
    for i, known in enumerate(orgs):
        if key in known.casefold():
            return
        if known.casefold() in key:
            orgs[i] = org
            return
    orgs.append(org)


def _ld_authors(value) -> list[tuple[str, str | None]]:
    if isinstance(value, str):
        return [(value, None)]
    if isinstance(value, dict):
        kind = value.get("@type")
        kind = kind[0] if isinstance(kind, list) and kind else kind
        name = value.get("name")
        if not isinstance(name, str):  # schema.org Person by its parts
            given, family = value.get("givenName"), value.get("familyName")
            name = " ".join(n for n in (given, family) if isinstance(n, str)) or None
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
    # The first source that names a person wins, with the organisations it names beside them ("By Ann Lee,
    # Reuters"). Many sites give only the publisher as JSON-LD author and print the reporter in the byline, so
    # a source with organisations alone does not end the search; where no source names a person, the
    # organisations of the first source that names any are the byline.
    first_orgs: tuple[list[str], str] | None = None
    for source, raw in candidates:
        people, orgs = sort_bylines(raw, names)
        if people:
            return Byline(people, orgs, source)
        if orgs and first_orgs is None:
            first_orgs = (orgs, source)
    return Byline([], *first_orgs) if first_orgs else Byline([], [], None)
