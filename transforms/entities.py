"""Named entities from a spaCy pipeline, with a canonical form resolved within each article.

The small English model tags a lone surname as ORG now and then, tags an acronym on one of its seven
mentions and keeps a leading "the". Canonicalising inside the article fixes those (shared/measured.md):

1. trim leading determiners and a trailing possessive from each span (offsets move with the trim);
2. an acronym takes the one longer name whose initials it spells, or that defines it in parentheses
   ("CSTO" -> "Collective Security Treaty Organization");
3. a surname or partial name takes the one longer PERSON name containing it ("Putin" -> "Vladimir Putin");
4. each canonical entity gets one label per article, by majority vote over its mentions;
5. repeats of a known name that the model left untagged become mentions too.

Pure: takes spaCy Docs (or plain spans) and text, returns rows. Loading the model is the caller's business.
"""

import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

KEEP_LABELS = frozenset({"PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC", "NORP"})
LEADING_DETERMINERS = ("the ", "a ", "an ")
POSSESSIVES = ("'s", "’s", "'", "’")
ACRONYM_STOPWORDS = frozenset({"of", "the", "for", "and", "on", "in", "de", "du", "des", "la", "le", "&"})
_ACRONYM = re.compile(r"^(?:[A-Z]\.?){2,7}$")
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    label: str


def _form(text: str) -> str:
    return _SPACES.sub(" ", text).strip()


def trim(span: Span, text: str) -> Span | None:
    """Drop a leading determiner and a trailing possessive or punctuation; None if nothing is left."""
    start, end = span.start, span.end
    while start < end and not text[start].isalnum():
        start += 1
    lowered = text[start:end].lower()
    for det in LEADING_DETERMINERS:
        if lowered.startswith(det) and end - start > len(det):
            start += len(det)
            break
    for suffix in POSSESSIVES:
        if text[start:end].endswith(suffix) and end - start > len(suffix) + 1:
            end -= len(suffix)
            break
    while end > start and not (text[end - 1].isalnum() or text[end - 1] in ".)"):
        end -= 1
    if end - start < 2:
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


def canonicalise(spans: Sequence[Span], text: str) -> list[dict]:
    """Spans over `text` -> mention rows {text, canonical, label, start_char, end_char}, sorted by offset."""
    trimmed = sorted({t for s in spans if s.label in KEEP_LABELS and (t := trim(s, text))}, key=lambda s: s.start)
    # Overlaps can appear after trimming; keep the earlier, longer span.
    kept: list[Span] = []
    for span in trimmed:
        if kept and span.start < kept[-1].end:
            continue
        kept.append(span)
    forms = [_form(text[s.start : s.end]) for s in kept]
    labels_by_form: dict[str, Counter] = defaultdict(Counter)
    for form, span in zip(forms, kept, strict=True):
        labels_by_form[form][span.label] += 1

    canonical = {form: form for form in labels_by_form}
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
    for span, form in mentions:
        votes[canonical[form]][span.label] += 1
    label_of = {}
    for name, counts in votes.items():
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


def spans_of(doc) -> list[Span]:
    """The entity spans of a spaCy Doc."""
    return [Span(ent.start_char, ent.end_char, ent.label_) for ent in doc.ents]


def entities_for_text(nlp, text: str) -> list[dict]:
    return canonicalise(spans_of(nlp(text)), text)


def entities_for_texts(nlp, texts: Sequence[str], batch_size: int = 32) -> list[list[dict]]:
    """Batch version on nlp.pipe: one list of mention rows per input text, in order."""
    return [
        canonicalise(spans_of(doc), text)
        for doc, text in zip(nlp.pipe(texts, batch_size=batch_size), texts, strict=True)
    ]
