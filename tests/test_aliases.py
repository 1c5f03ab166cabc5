"""Cross-article aliases: the pure rule, and entity_daily over a real warehouse."""

from datetime import date

from tests.test_warehouse import article, load
from transforms.aliases import build
from warehouse import catalog


def test_learned_alias_needs_support_and_a_clear_majority():
    evidence = [
        ("Putin", "Vladimir Putin", 3),
        ("Smith", "John Smith", 2),  # two Smiths: ambiguous
        ("Smith", "Anna Smith", 2),
        ("Tangen", "Nicolai Tangen", 1),  # one article is not enough
        ("CSTO", "Collective Security Treaty Organization", 2),
    ]
    labels = [("Vladimir Putin", "PERSON", 9), ("Vladimir Putin", "ORG", 1), ("Putin", "ORG", 1),
              ("Collective Security Treaty Organization", "ORG", 4)]  # fmt: skip
    rows = {r["alias"]: r for r in build(evidence, labels)}
    assert rows["Putin"] == {"alias": "Putin", "canonical": "Vladimir Putin", "label": "PERSON",
                             "source": "learned", "articles": 3}  # fmt: skip
    assert rows["CSTO"]["canonical"] == "Collective Security Treaty Organization"
    assert "Smith" not in rows and "Tangen" not in rows
    assert rows["U.S."]["canonical"] == rows["US"]["canonical"] == "United States" and rows["US"]["source"] == "seed"


def mention_rows(article_id, day, names):
    """(text, canonical, label) per mention, laid out one after another in the article's text."""
    rows, at = [], 0
    for text, canonical, label in names:
        rows.append({"article_id": article_id, "version": 1, "day": day, "text": text, "canonical": canonical,
                     "label": label, "start_char": at, "end_char": at + len(text), "model": "test"})  # fmt: skip
        at += len(text) + 1
    return rows


def test_entity_daily_counts_aliases_as_one_entity(tmp_path):
    day = date(2024, 3, 7)
    said = {
        # two articles resolve "Putin" themselves: the warehouse learns the alias
        "a1": [("Vladimir Putin", "Vladimir Putin", "PERSON"), ("Putin", "Vladimir Putin", "PERSON")],
        "a2": [("Vladimir Putin", "Vladimir Putin", "PERSON"), ("Putin", "Vladimir Putin", "PERSON")],
        # these only say "Putin" (the model tagged it ORG once) and "U.S."
        "a3": [("Putin", "Putin", "ORG"), ("U.S.", "U.S.", "GPE")],
        "a4": [("Putin", "Putin", "PERSON"), ("United States", "United States", "GPE")],
        "a5": [("US", "US", "GPE")],
    }
    articles = [article(a, text=f"Text of {a} about the summit.", day=day) for a in said]
    load(tmp_path, articles, lambda a: mention_rows(a["article_id"], day, said[a["article_id"]]))
    con = catalog.connect(tmp_path)
    daily = con.sql("SELECT canonical, label, articles FROM entity_daily ORDER BY canonical").fetchall()
    assert daily == [("United States", "GPE", 3), ("Vladimir Putin", "PERSON", 4)]
    # what each article said stays as it was
    assert con.sql("SELECT count(*) FROM entity_mentions WHERE canonical = 'Putin'").fetchall() == [(2,)]
    learned = con.sql("SELECT alias, canonical, articles FROM entity_aliases WHERE source = 'learned'").fetchall()
    assert learned == [("Putin", "Vladimir Putin", 2)]
    con.close()


def test_entity_daily_leaves_out_undateable_articles(tmp_path):
    """An undateable article's day is only its fetch day: entity_daily (by publish day) skips it, entities keeps it."""
    day = date(2024, 3, 7)
    dated = article("d1", text="Dated text about Lisbon.", day=day)
    undated = article("u1", text="Undated text about Lisbon.", day=day, published_at=None, date_source=None,
                      undateable=True)  # fmt: skip
    lisbon = [("Lisbon", "Lisbon", "GPE")]
    load(tmp_path, [dated, undated], lambda a: mention_rows(a["article_id"], day, lisbon))
    con = catalog.connect(tmp_path)
    assert con.sql("SELECT articles FROM entity_daily WHERE canonical = 'Lisbon'").fetchall() == [(1,)]
    assert con.sql("SELECT article_id, undateable FROM entities ORDER BY 1").fetchall() == [("d1", False), ("u1", True)]
    con.close()


def test_alias_table_is_reused_until_the_mentions_change(tmp_path):
    from warehouse import writer

    day = date(2024, 3, 7)
    said = {"a1": [("Vladimir Putin", "Vladimir Putin", "PERSON"), ("Putin", "Vladimir Putin", "PERSON")]}
    load(tmp_path, [article("a1", text="One.", day=day)], lambda a: mention_rows("a1", day, said["a1"]))
    marker = {"alias": "marker", "canonical": "Marker", "label": "ORG", "source": "seed", "articles": 0}
    writer.write(tmp_path, "entity_aliases", [marker])  # a row no rebuild would produce
    catalog.build(tmp_path)  # nothing new: the table is carried over
    with catalog.connect(tmp_path) as con:
        assert con.sql("SELECT count(*) FROM entity_aliases WHERE alias = 'marker'").fetchall() == [(1,)]
    said["a2"] = said["a1"]
    load(tmp_path, [article("a2", text="Two.", day=day)], lambda a: mention_rows("a2", day, said["a2"]))
    with catalog.connect(tmp_path) as con:  # new mentions: rebuilt from them
        assert con.sql("SELECT count(*) FROM entity_aliases WHERE alias = 'marker'").fetchall() == [(0,)]
        assert con.sql("SELECT canonical FROM entity_aliases WHERE alias = 'Putin'").fetchall() == [("Vladimir Putin",)]
