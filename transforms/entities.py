"""Named entities from a spaCy pipeline, with a canonical form resolved within each article.

The small English model tags a lone surname as ORG now and then, tags an acronym on one of its seven
mentions and keeps a leading "the". Canonicalising inside the article fixes those (shared/measured.md):

1. trim leading determiners and a trailing possessive from each span (offsets move with the trim);
2. an acronym takes the one longer name whose initials it spells, or that defines it in parentheses
   ("CSTO" -> "Collective Security Treaty Organization");
3. a surname or partial name takes the one longer PERSON name containing it ("Putin" -> "Vladimir Putin");
4. each canonical entity gets one label per article: the majority of the labels the model gave its full
   name, where it tagged the full name at all ("John Major" PERSON stays a person however often a lone
   "Major" was tagged ORG), else the majority over all its mentions;
5. repeats of a known name that the model left untagged become mentions too;
6. an ALL-CAPS dateline opening a paragraph ("ROTTERDAM, Netherlands (Reuters) -") is a place, which the
   model, trained on mixed case, misses; ALL-CAPS forms are counted under their mixed-case spelling;
7. a person's name stops before a token with digits ("Ijaz Ahmad 0.1-0-0-0" is "Ijaz Ahmad"; "Ligue 1" keeps
   its number), and the header row of a table ("| Team | P | Pts |") holds no entities.

Headline and text are tagged as one document (`entities_for_article`), so a surname in the headline resolves
to the full name in the text; each mention says which field it is in.

Pure: takes spaCy Docs (or plain spans) and text, returns rows. Loading the model is the caller's business.
"""

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

KEEP_LABELS = frozenset(
    {"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW", "MISC"}
)
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
LEADING_DETERMINERS = ("the ", "a ", "an ")
POSSESSIVES = ("'s", "’s", "'", "’")
ACRONYM_STOPWORDS = frozenset({"of", "the", "for", "and", "on", "in", "de", "du", "des", "la", "le", "&"})
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,7}$")


def _set(words: str) -> frozenset[str]:
    return frozenset(words.split())


_SPACED_DASH = re.compile(r"\s+[-–—]\s+")
HONORIFICS = _set(
    "Mr Mrs Ms Miss Mx Dr Prof Professor Sir Dame Lord Lady Judge Justice President Senator Sen Rep Gov Governor "
    "General Gen Captain Capt Coach Minister Chancellor Mayor Rev Father Sister Brother Sheikh M Mme Mlle Me "
    "Herr Frau Señor Señora Sr Sra Councillor Cllr Alderman Inspector Sergeant Detective Officer"
)
_HONORIFIC_PATTERN = "|".join(sorted(HONORIFICS, key=len, reverse=True))
# Capitalised words that precede a place's name without making it a surname ("New", "Greater", "In", "At").
NOT_FIRST_NAMES = _set(
    "the a an in at on to from of for by and or but as new old north south east west northern southern eastern "
    "western central greater upper lower port lake mount fort saint st san santa los las el la le de downtown "
    "inner outer metro near outside across into via with without after before during since until while when "
    "where if than that this these those our their his her its my your said says say told"
)
CLUB_WORDS = _set(
    "United City Town Rovers Wanderers Athletic Albion Rangers Celtic FC AFC CF SC Hotspur Villa Olympic "
    "Dynamo Sporting Kings Sultans Gladiators Zalmi Qalandars"
)
# Words that make a name an organisation's, never a person's.
ORG_NAME_WORDS = _set(
    "bank group holdings inc ltd plc llc corp corporation company co association council committee party union "
    "university college school hospital agency authority ministry department office institute foundation "
    "trust fund club league federation commission court police service services news times post media "
    "airlines airways energy capital partners systems technologies labs motors"
)
STREET_WORDS = _set("Street St Road Rd Lane Avenue Ave Boulevard Square Drive Way Place Terrace Crescent Close Row")
_NATURAL_FEATURE = re.compile(r"\b(?:river|lake|mount|mountain|sea|bay|gulf|island|valley|glacier|forest)\s+$")
# Letters after a person's name that are not part of it.
POST_NOMINALS = _set("KC QC MP MEP MSP OBE MBE CBE KBE DBE PhD MD")
_TRAILING_JOINER = re.compile(r"\s+(?:and|or|of|the|for|et|und|y|e|de|du|des)\s*$", re.IGNORECASE)
_DIGIT_TOKEN = re.compile(r"(?:(?<=\s)|^)\S*\d")
# "ROTTERDAM, Netherlands (Reuters) -", "NAIROBI, March 3 (AFP) -", "LONDON (Reuters) -", "BERLIN -": an
# upper-case place of four letters or more opening a line, before a comma, a bracket or a dash.
_DATELINE = re.compile(
    r"^((?:[A-Z][A-Z'’.-]{3,})(?:\s[A-Z][A-Z'’.-]+){0,2})(?=,\s[A-Z0-9]|\s\(|\s[-–—]\s)", re.MULTILINE
)
_TABLE_HEADER = re.compile(r"^\|.*\|\s*\n\|(?:\s*:?-+:?\s*\|)+\s*$", re.MULTILINE)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str


def _form(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def _strip_end(text: str, start: int, end: int) -> int:
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".)"):
        end -= 1
    return end


def trim(span: Span, text: str) -> Span | None:
    """Drop a leading determiner, a trailing possessive, conjunction or punctuation, and whatever follows a line
    break or a number in a name; None if nothing is left, or nothing with a capital letter."""
    start, end = span.start, span.end
    while start < end and not text[start].isalnum():
        start += 1
    if (newline := text.find("\n", start, end)) != -1:  # a name never runs over a line (headline, paragraph)
        end = newline
    lowered = text[start:end].lower()
    for det in LEADING_DETERMINERS:
        if lowered.startswith(det) and end - start > len(det):
            start += len(det)
            break
    for suffix in POSSESSIVES:
        if text[start:end].endswith(suffix) and end - start > len(suffix) + 1:
            end -= len(suffix)
            break
    end = _strip_end(text, start, end)
    # a name ends before a number glued to it by the model: a score, an age, a bowling figure
    if span.label == "PERSON" and (digit := _DIGIT_TOKEN.search(text, start, end)):
        end = _strip_end(text, start, digit.start())
    if (tail := _TRAILING_JOINER.search(text, start, end)) and tail.end() == end:  # "Amu Darya and"
        end = _strip_end(text, start, tail.start())
    words = text[start:end].split()
    if span.label == "PERSON" and len(words) >= 2 and words[0].rstrip(".") in HONORIFICS:  # "M. Lebrun", "Dr Pike"
        start += len(words[0])
        while start < end and text[start].isspace():
            start += 1
        words = words[1:]
    if span.label == "PERSON" and len(words) >= 2 and words[-1].strip(",.") in POST_NOMINALS:  # "Daniel Okonjo KC"
        end = _strip_end(text, start, start + text[start:end].rindex(words[-1]))
    if end - start < 2:
        return None
    form = text[start:end]
    if form.lower() == form and form.upper() != form:  # "metro", "commuters": no name in a cased script
        return None
    return Span(start, end, span.label)


def _initials(name: str) -> str:
    return "".join(w[0] for w in name.replace("-", " ").split() if w.lower() not in ACRONYM_STOPWORDS).upper()


def _acronym_expansions(forms: Iterable[str], text: str) -> dict[str, str]:
    forms = set(forms)
    expansions: dict[str, str] = {}
    long_forms = [f for f in forms if len(f.split()) >= 2]
    for form in forms:
        if not _ACRONYM.match(form):
            continue
        bare = form.replace(".", "")
        defined = [f for f in long_forms if f"{f} ({form})" in text or f"{form} ({f})" in text]
        spelled = defined or [f for f in long_forms if _initials(f) == bare]
        if len(set(spelled)) == 1:
            expansions[form] = spelled[0]
    return expansions


def _contains_tokens(short: list[str], long: list[str]) -> bool:
    n = len(short)
    return n < len(long) and any(long[i : i + n] == short for i in range(len(long) - n + 1))


def _split_at_dashes(span: Span, text: str) -> list[Span]:
    """A spaced dash ends a name: "HALIFAX - Nova Scotia", "California - Sofia Lara" are two spans."""
    out, start = [], span.start
    for dash in _SPACED_DASH.finditer(text, span.start, span.end):
        out.append(Span(start, dash.start(), span.label))
        start = dash.end()
    out.append(Span(start, span.end, span.label))
    return out


def _prepared(spans: Sequence[Span], text: str) -> list[Span]:
    """The model's spans with the datelines added (a dateline is a place whatever the model said there),
    trimmed, split at spaced dashes, none in a table's header row, without overlaps (the earlier, longer
    span stays), in order."""
    headers = [(m.start(), m.end()) for m in _TABLE_HEADER.finditer(text)]
    datelines = dateline_spans(text)
    candidates = {
        t
        for s in spans
        if s.label in KEEP_LABELS and not any(s.start < d.end and d.start < s.end for d in datelines)
        for part in _split_at_dashes(s, text)
        if (t := trim(part, text)) and not any(a <= t.start < b for a, b in headers)
    }
    candidates |= {t for d in datelines if (t := trim(d, text))}
    kept: list[Span] = []
    for span in sorted(candidates, key=lambda s: (s.start, -s.end, s.label)):
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    return kept


def _surnames_of_people(spans: list[Span], forms: list[str], text: str) -> set[str]:
    """Words that are a person's name in this article: the words of its multi-word PERSON spans, and a
    word printed right after a first name or a title ("Marcus Houston" tagged ORG, "Mr Houston")."""
    words = {w for f, s in zip(forms, spans, strict=True) if s.label == "PERSON" and " " in f for w in f.split()}
    for form in set(forms):
        if " " not in form and form not in words:
            for m in re.finditer(rf"\b([A-Z][\w'’-]*|[A-Z]\.)\s+{re.escape(form)}\b", text):
                if m.group(1) in HONORIFICS or m.group(1).lower() not in NOT_FIRST_NAMES:
                    words.add(form)
                    break
    return words


def relabel_places(spans: list[Span], forms: list[str], places: Mapping[str, str], text: str = "") -> list[Span]:
    """A span the model took for a person, an organisation or a nationality whose name is a known place
    (a country, a US state, a continent, a city of the gazetteer) is that place; except a word that is a
    person's name in this article ("Washington" beside "George Washington" or after "Mr")."""
    if not places:
        return spans
    person_words = _surnames_of_people(spans, forms, text)
    out = []
    for span, form in zip(spans, forms, strict=True):
        kind = places.get(form)
        if kind and span.label in ("ORG", "PERSON", "NORP") and not (" " not in form and form in person_words):
            span = Span(span.start, span.end, kind)
        out.append(span)
    return out


def relabel_clubs(spans: list[Span], forms: list[str], places: Mapping[str, str]) -> list[Span]:
    """A name ending in a sports club's word is a club ("Bradford City", "Aireton Rovers", "Northfield Town"),
    unless the gazetteer knows it as a place ("Mexico City", "Cape Town"); and so is that word alone in the same
    article ("Rovers equalised")."""
    clubs = {f for f in forms if len(f.split()) >= 2 and f.split()[-1] in CLUB_WORDS and f not in places}
    short_names = {c.split()[-1] for c in clubs}
    out = []
    for span, form in zip(spans, forms, strict=True):
        if (form in clubs or form in short_names) and span.label in ("PERSON", "GPE", "FAC"):
            span = Span(span.start, span.end, "ORG")
        out.append(span)
    return out


def relabel_geography(spans: list[Span], forms: list[str], text: str) -> list[Span]:
    """A name ending in a street's word is a facility ("Mill Lane", "Downing Street"); a name after a lower-case
    word for a natural feature is a location ("the river Avon", "lake Geneva")."""
    out = []
    for span, form in zip(spans, forms, strict=True):
        if span.label in ("PERSON", "ORG", "GPE", "NORP"):
            if len(form.split()) >= 2 and form.split()[-1] in STREET_WORDS:
                span = Span(span.start, span.end, "FAC")
            elif _NATURAL_FEATURE.search(text, max(0, span.start - 12), span.start):
                span = Span(span.start, span.end, "LOC")
        out.append(span)
    return out


def relabel_people(spans: list[Span], forms: list[str], text: str) -> list[Span]:
    """A two- or three-word name the model took for an organisation is a person where the article calls its
    last word by a title ("Imran Siddiqui" ... "Mr Siddiqui") or the model tags that word alone as a person."""
    lone_people = {f for f, s in zip(forms, spans, strict=True) if s.label == "PERSON" and " " not in f}
    out = []
    for span, form in zip(spans, forms, strict=True):
        words = form.split()
        org_word = any(w.lower() in ORG_NAME_WORDS for w in words) or words[-1] in CLUB_WORDS
        if span.label == "ORG" and 2 <= len(words) <= 3 and not org_word:
            surname = words[-1]
            titled = re.search(rf"\b(?:{_HONORIFIC_PATTERN})\.?\s+{re.escape(surname)}\b", text)
            if titled or surname in lone_people:
                span = Span(span.start, span.end, "PERSON")
        out.append(span)
    return out


def canonicalise(spans: Sequence[Span], text: str, places: Mapping[str, str] | None = None) -> list[dict]:
    """Spans over `text` -> mention rows {text, canonical, label, start_char, end_char}, sorted by offset."""
    kept = _prepared(spans, text)
    forms = [_form(text[s.start : s.end]) for s in kept]
    kept = relabel_places(kept, forms, places or {}, text)
    kept = relabel_people(kept, forms, text)
    kept = relabel_clubs(kept, forms, places or {})
    kept = relabel_geography(kept, forms, text)
    labels_by_form: dict[str, Counter] = defaultdict(Counter)
    for form, span in zip(forms, kept, strict=True):
        labels_by_form[form][span.label] += 1

    canonical = {form: _mixed_case(form, labels_by_form) for form in labels_by_form}
    canonical.update(_acronym_expansions(labels_by_form, text))
    people = [f for f, labels in labels_by_form.items() if labels["PERSON"] and len(f.split()) >= 2]
    for form, labels in labels_by_form.items():
        # A name the model took for a place joins a person's full name only where it is no known place:
        # "Adeyemi" tagged GPE is Tunde Adeyemi, "Washington" beside "George Washington" may be the city.
        place = labels.most_common(1)[0][0] in PLACE_LABELS
        if canonical[form] != form or (place and (not places or form in places)):
            continue
        tokens = form.split()
        fuller = {p for p in people if _contains_tokens(tokens, p.split())}
        if len(fuller) == 1:
            canonical[form] = fuller.pop()

    # Repeats the model left untagged: whole-word occurrences of a known form outside every tagged span.
    covered = [(s.start, s.end) for s in kept]
    extra: list[tuple[Span, str]] = []
    for form in sorted(labels_by_form, key=len, reverse=True):
        if len(form) < 3 and not _ACRONYM.match(form):
            continue
        for match in re.finditer(rf"(?<!\w){re.escape(form)}(?!\w)", text):
            start, end = match.span()
            if any(start < e and s < end for s, e in covered):
                continue
            covered.append((start, end))
            extra.append((Span(start, end, labels_by_form[form].most_common(1)[0][0]), form))
    mentions = list(zip(kept, forms, strict=True)) + extra

    votes: dict[str, Counter] = defaultdict(Counter)
    full_votes: dict[str, Counter] = defaultdict(Counter)  # the labels of the canonical name's own mentions
    for span, form in mentions:
        votes[canonical[form]][span.label] += 1
        if form == canonical[form] and len(form.split()) >= 2:
            full_votes[form][span.label] += 1
    label_of = {}
    for name, counts in votes.items():
        counts = full_votes.get(name) or counts
        top = counts.most_common()
        tied = [label for label, n in top if n == top[0][1]]
        own = labels_by_form.get(name, Counter()).most_common(1)
        label_of[name] = own[0][0] if len(tied) > 1 and own and own[0][0] in tied else tied[0]

    rows = [
        {
            "text": text[span.start : span.end],
            "canonical": canonical[form],
            "label": label_of[canonical[form]],
            "start_char": span.start,
            "end_char": span.end,
        }
        for span, form in mentions
    ]
    return sorted(rows, key=lambda r: r["start_char"])


def _mixed_case(form: str, known: dict) -> str:
    """An ALL-CAPS form (a dateline, a shouted headline) counted under its mixed-case spelling: the one the
    article uses elsewhere, else title case. Acronyms ("NATO", "CSTO") stay as they are."""
    if not form.isupper():
        return form
    for other in known:
        if other != form and other.upper() == form:
            return other
    if _ACRONYM.match(form) or len(form.replace(" ", "")) <= 4:
        return form
    return " ".join(w if _ACRONYM.match(w) else w.capitalize() for w in form.split())


def dateline_spans(text: str) -> list[Span]:
    """Places of ALL-CAPS datelines opening a paragraph, which the model does not tag."""
    return [Span(m.start(1), m.end(1), "GPE") for m in _DATELINE.finditer(text)]


# WikiNER labels (the French, German, Spanish ... pipelines) in the English scheme's names; their LOC covers
# every place, so it stays LOC, and MISC (events, works, nationalities) stays MISC.
LABEL_NAMES = {"PER": "PERSON"}


def spans_of(doc) -> list[Span]:
    """The entity spans of a spaCy Doc, labels in one scheme."""
    return [Span(ent.start_char, ent.end_char, LABEL_NAMES.get(ent.label_, ent.label_)) for ent in doc.ents]


def _document(title: str | None, text: str) -> tuple[str, int, int]:
    """The headline and the text as one document for the model: the headline made a sentence of its own (so no
    entity runs from it into the text; +1 F1 on the gold set, bench/quality), then the text. Returns the document,
    the headline's length and where the text starts."""
    if not title:
        return text, 0, 0
    gap = "\n\n" if title.rstrip()[-1:] in (".", "!", "?", "…") else ".\n\n"
    return title + gap + text, len(title), len(title) + len(gap)


def _split_fields(rows: list[dict], title_end: int, text_start: int) -> list[dict]:
    """Mention rows over headline + text -> rows with `field` ("title" | "text") and offsets into that field."""
    out = []
    for row in rows:
        if row["start_char"] < text_start:
            if row["end_char"] <= title_end:
                out.append({**row, "field": "title"})
        else:
            out.append({**row, "field": "text", "start_char": row["start_char"] - text_start,
                        "end_char": row["end_char"] - text_start})  # fmt: skip
    return out


def entities_for_article(nlp, title: str | None, text: str, places: Mapping[str, str] | None = None) -> list[dict]:
    return entities_for_articles(nlp, [(title, text)], places=places)[0]


def entities_for_articles(
    nlp, articles: Sequence[tuple[str | None, str]], batch_size: int = 32, places: Mapping[str, str] | None = None
) -> list[list[dict]]:
    """(headline, text) pairs -> one list of mention rows per article, in order, each row with its `field`.
    Batched on nlp.pipe. `places`: a gazetteer (transforms.places) that corrects places labelled as people
    or organisations."""
    documents = [_document(title, text) for title, text in articles]
    docs = nlp.pipe((d for d, _, _ in documents), batch_size=batch_size)
    return [
        _split_fields(canonicalise(spans_of(doc), document, places), title_end, text_start)
        for doc, (document, title_end, text_start) in zip(docs, documents, strict=True)
    ]


def entities_for_texts(
    nlp, texts: Sequence[str], batch_size: int = 32, places: Mapping[str, str] | None = None
) -> list[list[dict]]:
    """Texts without headlines: one list of mention rows per text (each `field` "text")."""
    return entities_for_articles(nlp, [(None, t) for t in texts], batch_size=batch_size, places=places)
