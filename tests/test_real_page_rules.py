"""The rules found on real pages (bench/aeb.py, bench/fundus.py), each on a small page or span list made here."""

import json
from datetime import UTC, datetime

import pytest

from transforms.authors import byline, sort_bylines
from transforms.decode import decode_html
from transforms.entities import Span, canonicalise, entities_for_article, spans_of
from transforms.extract import ExtractOptions, Failure, extract_article
from transforms.places import gazetteer

NOW = datetime(2024, 3, 22, 12, 0, tzinfo=UTC)
PARAGRAPH = "The harbour authority said the new quay would open in the spring, a year later than planned."
BODY = "".join(f"<p>{PARAGRAPH} Line {i}.</p>" for i in range(6))


def article_page(head: str = "", top: str = "", body: str = BODY, title: str = "Quay opens", after: str = "") -> str:
    return (
        f'<html lang="en"><head><meta charset="utf-8"><title>{title}</title>{head}</head><body>'
        f"<nav><a href='/'>Home</a></nav><article><h1>{title}</h1>{top}{body}</article>{after}"
        "<footer>© Harbor Daily</footer></body></html>"
    )


def extract(html: str | bytes, **kw) -> dict:
    body = html.encode("utf-8") if isinstance(html, str) else html
    row = extract_article(
        body, url="https://harbordaily.example/news/quay", fetched_at=NOW, options=ExtractOptions(), **kw
    )
    assert not isinstance(row, Failure), row
    return row


# --- text --------------------------------------------------------------------------------------------------------


def test_bytes_that_are_utf8_are_read_as_utf8_under_a_stale_latin1_declaration():
    html = article_page(title="Tarif für 5,99 Euro").replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    assert decode_html(html.encode("utf-8")).text.count("für") == 2
    assert extract(html.encode("utf-8"))["title"] == "Tarif für 5,99 Euro"
    # real Latin-1 (not valid UTF-8) is still read as declared
    latin = article_page(title="Tarif für 5,99 Euro").replace('<meta charset="utf-8">', '<meta charset="iso-8859-1">')
    assert decode_html(latin.encode("latin-1")).text.count("für") == 2


def test_react_comment_separators_do_not_cut_paragraphs_short():
    # React renders "<!-- -->" between the pieces of one paragraph; the whole paragraph is the article's.
    pieces = " <!-- -->".join(f"Piece {i} of the council's long statement on the harbour budget" for i in range(12))
    row = extract(article_page(body=f"<p>{pieces}.</p>" + BODY))
    assert "Piece 11 of the council's long statement" in row["text"]
    assert "Piece 0 of the council's long statement on the harbour budget Piece 1" in row["text"]


# --- titles ------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("head", "h1", "want", "source"),
    [
        # og:title without the site's name beats the <h1>
        (
            '<meta property="og:site_name" content="Golem.de"><meta property="og:title" content="Akkus im Test - Golem.de">',
            "Akkus im Test: alles neu",
            "Akkus im Test",
            "meta",
        ),
        # a title that is another stated title plus a suffix gives the shorter one
        (
            '<meta property="og:title" content="Russia hits Kyiv - National | Globalnews.ca">'
            '<meta property="og:site_name" content="Global News">'
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Russia hits Kyiv"}</script>',
            "Russia hits Kyiv",
            "Russia hits Kyiv",
            "json-ld",
        ),
        # entities decoded (some sites escape twice), invisible characters dropped
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Schubert: &quot;Nicht viel&quot;"}'
            "</script>",
            "Schubert: \u201cNicht viel\u201d",
            'Schubert: "Nicht viel"',
            "json-ld",
        ),
        (
            '<meta property="og:title" content="Helikopter\u00adlandeplatz geplant\u200b">',
            "x",
            "Helikopterlandeplatz geplant",
            "meta",
        ),
    ],
)
def test_title_is_the_stated_headline_without_the_site_name(head, h1, want, source):
    row = extract(article_page(head=head, title=h1))
    assert (row["title"], row["title_source"]) == (want, source)
    assert not row["text"].startswith(h1)  # the headline is a column of its own, not the text's first line


# --- bylines -----------------------------------------------------------------------------------------------------


def test_photo_and_video_credits_and_other_stories_are_not_bylines():
    top = (
        "<figure><img src='a.jpg'><figcaption>The quay <span class='credit'>Photo by GHULAM RASOOL</span>"
        "</figcaption></figure><figure><footer class='credit'>APA/AFP/Mandel Ngan</footer></figure>"
        "<div class='video-player'><div class='mediaplayer-subline__info'>Trainer Klopp - interview</div></div>"
        "<p class='byline'>By Anna Berg</p>"
    )
    after = "<ul class='recirc-most-popular'><li><p class='byline'>By Someone Else</p></li></ul>"
    row = extract(article_page(top=top, after=after))
    assert row["authors"] == ["Anna Berg"]


@pytest.mark.parametrize(
    ("raw", "declared", "people", "orgs"),
    [
        ("Photo by Kevin S. Vineys", None, [], []),
        ("Foto: Imago Images", None, [], []),
        ("Anna Berg (obe)", "Person", ["Anna Berg"], []),  # bracketed initials
        ("Lars Jensen og Mette Holm", None, ["Lars Jensen", "Mette Holm"], []),  # Danish "and"
        ("Sven Ek och Eva Lind", None, ["Sven Ek", "Eva Lind"], []),
        ("mediaindonesia.com developer", None, [], ["mediaindonesia.com"]),  # a CMS account, the site's address
        ("admin", None, [], []),
        ("Ilanga D", None, [], []),  # a truncated account name
        ("Y. Yamada and E. Rossi", None, ["Y. Yamada", "E. Rossi"], []),  # initials are not conjunctions
        ("大渡 美咲", "Person", ["大渡 美咲"], []),  # a CJK name the page declares a Person
        ("国際", None, [], []),  # ... and caseless text that is not declared one is not taken
        ("日本経済新聞社", "Organization", [], ["日本経済新聞社"]),
        ("by Paul Serran Jul. 19, 2026 9:45 am", None, ["Paul Serran"], []),  # a date after the name
        (
            "Veröffentlicht am 13. Mai 2026 um 15:44 Von: Bill MCCARTHY, Marisha GOLDHAMER Übersetzung und "
            "Adaptierung: AFP Deutschland",
            None,
            ["Bill MCCARTHY", "Marisha GOLDHAMER"],
            ["AFP Deutschland"],
        ),
        ("Redaktion: Roman Warschauer und Marcel Sommer", None, [], []),  # editors of a broadcast, not authors
        ("Deutsche Presse-Agentur\nMM-Redaktion", None, [], ["Deutsche Presse-Agentur", "MM-Redaktion"]),
        ("Redaktion", None, [], []),
    ],
)
def test_byline_rules_from_real_pages(raw, declared, people, orgs):
    assert sort_bylines([(raw, declared)], set()) == (people, orgs)


def test_json_ld_person_given_by_its_parts_and_a_byline_box_with_meta_in_its_class():
    ld = {"author": [{"@type": "Person", "givenName": "Anna Giulia", "familyName": "Fink"}]}
    assert byline(ld, {}, [], None, set()).people == ["Anna Giulia Fink"]
    # "meta" in the class no longer hides a box that is also an author's
    row = extract(article_page(top="<div class='article-meta author-box'>Anna Berg</div>"))
    assert row["authors"] == ["Anna Berg"]


def test_organisations_are_the_winning_sources_own_and_not_repeated():
    got = byline({"author": {"@type": "Organization", "name": "Redaktion hessenschau.de"}},
                 {"author": "hessenschau.de, Frankfurt"}, [], None, set())  # fmt: skip
    assert (got.people, got.orgs) == ([], ["Redaktion hessenschau.de"])  # "hessenschau.de" is within it


def test_a_page_whose_byline_names_a_person_is_not_a_listing():
    teasers = "".join(f"<h3><a href='/story-{i}'>Another story about the harbour {i}</a></h3>" for i in range(10))
    html = article_page(top="<p class='byline'>Do 25.04.24 | 14:07 Uhr | Von Eva Kirchner-Rätsch</p>",
                        after=f"<section>{teasers}</section>").replace("<h1>Quay opens</h1>", "")  # fmt: skip
    row = extract(html)
    assert row["authors"] == ["Eva Kirchner-Rätsch"]
    without_byline = html.replace("Von Eva Kirchner-Rätsch", "")
    result = extract_article(
        without_byline.encode(), url="https://x.example/", fetched_at=NOW, options=ExtractOptions()
    )
    assert isinstance(result, Failure) and result.reason == "not_article"


# --- entities ----------------------------------------------------------------------------------------------------


def spans(text: str, *tagged: tuple[str, str]) -> list[Span]:
    """(surface, label) pairs -> Spans at their next occurrences, in order."""
    out, position = [], 0
    for surface, label in tagged:
        start = text.index(surface, position)
        position = start + len(surface)
        out.append(Span(start, position, label))
    return out


def labels(rows) -> dict:
    return {r["text"]: r["label"] for r in rows}


def test_a_person_whose_surname_the_model_tags_org_stays_a_person():
    text = "John Major spoke. Major said no. Later Major left, and Major returned."
    got = canonicalise(
        spans(text, ("John Major", "PERSON"), ("Major", "ORG"), ("Major", "ORG"), ("Major", "ORG")), text
    )
    assert {(r["canonical"], r["label"]) for r in got} == {("John Major", "PERSON")}


def test_names_stop_before_numbers_line_breaks_dashes_and_post_nominals():
    text = "Ijaz Ahmad 0.1-0-0-0 bowled.\nArmenia\nLeaders met. HALIFAX - Nova Scotia agreed. Daniel Okonjo KC spoke."
    got = canonicalise(
        spans(text, ("Ijaz Ahmad 0.1-0-0-0", "PERSON"), ("Armenia\nLeaders", "ORG"), ("HALIFAX - Nova Scotia", "ORG"),
              ("Daniel Okonjo KC", "PERSON")),
        text,
    )  # fmt: skip
    forms = [r["text"] for r in got]
    assert "Ijaz Ahmad" in forms and "Armenia" in forms and "Daniel Okonjo" in forms
    assert "HALIFAX" in forms and "Nova Scotia" in forms
    assert all("\n" not in f and " - " not in f for f in forms)


def test_ligue_1_keeps_its_number_and_lower_case_spans_are_dropped():
    text = "Ligue 1 leaders won. The metro was shut."
    got = canonicalise(spans(text, ("Ligue 1", "ORG"), ("metro", "FAC")), text)
    assert [r["text"] for r in got] == ["Ligue 1"]


def test_all_caps_dateline_is_a_place_counted_under_mixed_case():
    text = "ROTTERDAM, Netherlands (Reuters) - The port said volumes fell. Rotterdam handles a third of them."
    got = canonicalise(spans(text, ("Netherlands", "GPE"), ("Rotterdam", "GPE")), text)
    dateline = next(r for r in got if r["text"] == "ROTTERDAM")
    assert (dateline["label"], dateline["canonical"]) == ("GPE", "Rotterdam")
    # the dateline wins over whatever the model said there
    got = canonicalise(spans(text, ("ROTTERDAM", "PERSON")), text)
    assert labels(got)["ROTTERDAM"] == "GPE"


def test_table_header_rows_hold_no_entities():
    text = "Leeds won.\n| Team | Pts |\n|---|---|\n| Avon United | 20 |"
    got = canonicalise(spans(text, ("Team", "ORG"), ("Pts", "ORG"), ("Avon United", "ORG")), text)
    assert [r["text"] for r in got] == ["Avon United"]


def test_gazetteer_relabels_places_but_not_a_persons_surname():
    places = gazetteer()
    assert places["Seville"] == "GPE" and places["Europe"] == "LOC"
    text = "Ships sailed between Shanghai and Rotterdam. Malaga airport was busy."
    got = canonicalise(spans(text, ("Shanghai", "GPE"), ("Rotterdam", "PERSON"), ("Malaga", "ORG")), text, places)
    assert labels(got) == {"Shanghai": "GPE", "Rotterdam": "GPE", "Malaga": "GPE"}
    text = "George Washington was born in Virginia. Washington led the army."
    got = canonicalise(spans(text, ("George Washington", "PERSON"), ("Washington", "PERSON")), text, places)
    assert labels(got)["Washington"] == "PERSON"
    text = "Premier Tim Houston spoke. Houston said the tax was unfair."
    got = canonicalise(spans(text, ("Tim Houston", "ORG"), ("Houston", "PERSON")), text, places)
    assert labels(got)["Houston"] == "PERSON"  # a first name before it: a surname, not the city


def test_a_surname_the_model_took_for_a_place_joins_the_full_name_unless_it_is_a_place():
    text = "Tunde Adeyemi scored. Adeyemi said it was his best goal."
    got = canonicalise(spans(text, ("Tunde Adeyemi", "PERSON"), ("Adeyemi", "GPE")), text, gazetteer())
    assert {(r["canonical"], r["label"]) for r in got} == {("Tunde Adeyemi", "PERSON")}


def test_clubs_and_titled_people():
    text = "Bradford City beat Northfield Town. Mexico City hosted. Imran Siddiqui scored; Mr Siddiqui smiled."
    got = canonicalise(
        spans(text, ("Bradford City", "GPE"), ("Northfield Town", "PERSON"), ("Mexico City", "GPE"),
              ("Imran Siddiqui", "ORG")),
        text, gazetteer(),
    )  # fmt: skip
    assert labels(got) == {"Bradford City": "ORG", "Northfield Town": "ORG", "Mexico City": "GPE",
                           "Imran Siddiqui": "PERSON"}  # fmt: skip
    text = "M. Lebrun a parlé. Me Antoine Guérin plaide."
    got = canonicalise(spans(text, ("M. Lebrun", "PERSON"), ("Me Antoine Guérin", "PERSON")), text)
    assert [r["text"] for r in got] == ["Lebrun", "Antoine Guérin"]


def test_french_labels_are_named_in_the_english_scheme():
    class Ent:
        def __init__(self, start, end, label):
            self.start_char, self.end_char, self.label_ = start, end, label

    class Doc:
        def __init__(self):
            self.ents = [Ent(0, 5, "PER"), Ent(6, 11, "LOC"), Ent(12, 16, "MISC")]

    assert [s.label for s in spans_of(Doc())] == ["PERSON", "LOC", "MISC"]


def test_headline_mentions_are_stored_with_their_field(nlp):
    title = "Lagarde warns eurozone leaders in Frankfurt"
    text = "Christine Lagarde told reporters in Frankfurt that the European Central Bank would wait. Lagarde said so."
    rows = entities_for_article(nlp, title, text, gazetteer())
    in_title = [r for r in rows if r["field"] == "title"]
    assert ("Lagarde", "Christine Lagarde", "PERSON") in {(r["text"], r["canonical"], r["label"]) for r in in_title}
    for r in rows:  # offsets point into the field they name
        assert (title if r["field"] == "title" else text)[r["start_char"] : r["end_char"]] == r["text"]
    assert json.dumps(rows)  # plain rows


def test_a_clubs_short_name_streets_and_rivers():
    text = "Bristol Rovers led. Rovers equalised. Residents of Mill Lane waited by the river Avon."
    got = canonicalise(
        spans(text, ("Bristol Rovers", "ORG"), ("Rovers", "PERSON"), ("Mill Lane", "PERSON"), ("Avon", "PERSON")),
        text, gazetteer(),
    )  # fmt: skip
    assert labels(got) == {"Bristol Rovers": "ORG", "Rovers": "ORG", "Mill Lane": "FAC", "Avon": "LOC"}
