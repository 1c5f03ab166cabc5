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
7. a span stops before a token with digits ("Ijaz Ahmad 0.1-0-0-0" is "Ijaz Ahmad"), and the header row of a
   table ("| Team | P | Pts |") holds no entities.

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
NAME_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC"})
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,7}$")
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
    if span.label in NAME_LABELS and (digit := _DIGIT_TOKEN.search(text, start, end)):
        end = _strip_end(text, start, digit.start())
    if (tail := _TRAILING_JOINER.search(text, start, end)) and tail.end() == end:  # "Amu Darya and"
        end = _strip_end(text, start, tail.start())
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


def relabel_places(spans: list[Span], forms: list[str], places: Mapping[str, str]) -> list[Span]:
    """A span the model took for a person, an organisation or a nationality whose name is a known place
    (a country, a US state, a continent, a city of the gazetteer) is that place; except a name that is part
    of a person's full name in the same article ("Washington" beside "George Washington")."""
    if not places:
        return spans
    person_words = {w for f, s in zip(forms, spans, strict=True) if s.label == "PERSON" and " " in f for w in f.split()}
    out = []
    for span, form in zip(spans, forms, strict=True):
        kind = places.get(form)
        if kind and span.label in ("ORG", "PERSON", "NORP") and not (" " not in form and form in person_words):
            span = Span(span.start, span.end, kind)
        out.append(span)
    return out


def canonicalise(spans: Sequence[Span], text: str, places: Mapping[str, str] | None = None) -> list[dict]:
    """Spans over `text` -> mention rows {text, canonical, label, start_char, end_char}, sorted by offset."""
    headers = [(m.start(), m.end()) for m in _TABLE_HEADER.finditer(text)]
    tagged = [*spans, *dateline_spans(text)]
    trimmed = sorted(
        {
            t
            for s in tagged
            if s.label in KEEP_LABELS and (t := trim(s, text)) and not any(a <= t.start < b for a, b in headers)
        },
        key=lambda s: (s.start, -s.end),
    )
    # Overlaps can appear after trimming; keep the earlier, longer span.
    kept: list[Span] = []
    for span in trimmed:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    forms = [_form(text[s.start : s.end]) for s in kept]
    kept = relabel_places(kept, forms, places or {})
    labels_by_form: dict[str, Counter] = defaultdict(Counter)
    for form, span in zip(forms, kept, strict=True):
        labels_by_form[form][span.label] += 1

    canonical = {form: _mixed_case(form, labels_by_form) for form in labels_by_form}
    canonical.update(_acronym_expansions(labels_by_form, text))
    people = [f for f, labels in labels_by_form.items() if labels["PERSON"] and len(f.split()) >= 2]
    for form, labels in labels_by_form.items():
        if canonical[form] != form or labels.most_common(1)[0][0] in PLACE_LABELS:
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
