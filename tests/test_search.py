"""Full-text search: BM25 over the index in the DuckLake agrees with BM25 computed by hand, and the index is
kept up to date incrementally (new articles, new versions, takedowns)."""

import hashlib
import math
from collections import Counter

from conftest import PROJECT
from test_check import page
from test_warehouse import article, load

from warehouse import catalog, lake, search, takedown, writer

QUERY = (PROJECT / "warehouse" / "queries" / "articles_about.sql").read_text()

TEXTS = {
    "a1": "The central bank raised the interest rate again; the rate is now 4 percent.",
    "a2": "Interest in the festival was high. Tickets sold out.",
    "a3": "Rate cuts are not expected, the central bank said. Interest rates stay.",
    "a4": "Football: the rate of goals this season is the highest in years.",
    "a5": "Nothing to see here about music.",
}


def by_hand(con, words: list[str]) -> list[tuple[str, float]]:
    """BM25 (k1 1.2, b 0.75) over the latest versions, tokenised by the index's own SQL."""
    terms = search.tokens("coalesce(title, '') || ' ' || text")
    docs = dict(con.execute(f"SELECT article_id, {terms} FROM articles").fetchall())
    n, avgdl = len(docs), sum(len(t) for t in docs.values()) / len(docs)
    df = Counter(w for t in docs.values() for w in set(t) if w in words)
    scores = {}
    for doc, terms in docs.items():
        tf = Counter(terms)
        score = sum(
            math.log(1 + (n - df[w] + 0.5) / (df[w] + 0.5))
            * tf[w]
            * 2.2
            / (tf[w] + 1.2 * (0.25 + 0.75 * len(terms) / avgdl))
            for w in words
            if tf[w]
        )
        if score:
            scores[doc] = score
    return sorted(scores.items(), key=lambda kv: (-kv[1], kv[0]))[:20]


def ranked(con) -> list[tuple[str, float]]:
    rows = con.execute(QUERY).fetchall()
    ids = {url.rsplit("/", 1)[-1]: None for *_, url in rows}
    return [(aid, score) for aid, (score, *_rest) in zip(ids, rows, strict=True)]


def close(a, b):
    return [k for k, _ in a] == [k for k, _ in b] and all(
        abs(x - y) < 1e-3 for (_, x), (_, y) in zip(a, b, strict=True)
    )


def test_articles_about_ranks_by_bm25_and_the_index_follows_new_articles_versions_and_takedowns(tmp_path):
    load(tmp_path, [article(k, text=v, title="") for k, v in list(TEXTS.items())[:3]])
    con = catalog.connect(tmp_path)
    assert close(ranked(con), by_hand(con, ["interest", "rate"]))
    assert [k for k, _ in ranked(con)][:2] == ["a1", "a3"]

    # new articles: only they are tokenised
    load(tmp_path, [article(k, text=v, title="") for k, v in list(TEXTS.items())[3:]])
    with lake.session(tmp_path) as w:
        assert search.update(w) == 0  # up to date: nothing to do
    assert close(ranked(con), by_hand(con, ["interest", "rate"]))

    # a new version replaces the old one's terms
    load(tmp_path, [article("a2", text="Interest rate, interest rate, interest rate: the rate.", title="")])
    assert ranked(con)[0][0] == "a2"
    assert close(ranked(con), by_hand(con, ["interest", "rate"]))
    assert con.execute("SELECT count(DISTINCT article_id) FROM search_terms").fetchall() == [(5,)]

    # a takedown takes the article out of the index and its statistics
    takedown.forget(tmp_path, ["https://x.example/a2"], "test", "test")
    con = catalog.connect(tmp_path)
    assert "a2" not in [k for k, _ in ranked(con)]
    assert close(ranked(con), by_hand(con, ["interest", "rate"]))


def test_the_index_built_incrementally_equals_one_built_at_once(tmp_path):
    one, many = tmp_path / "one", tmp_path / "many"
    rows = [article(k, text=v, title="") for k, v in TEXTS.items()]
    load(one, [dict(r) for r in rows])
    for r in rows:
        load(many, [dict(r)])
    dumps = []
    for root in (one, many):
        with lake.session(root, read_only=True) as con:
            dumps.append(con.execute("SELECT * FROM search_terms ORDER BY ALL").fetchall())
            dumps.append(
                con.execute("SELECT key, value FROM newsetl_meta WHERE key LIKE 'search_%' AND key <> ? ORDER BY 1",
                            [search.META_SNAPSHOT]).fetchall()
            )  # fmt: skip
    assert dumps[0] == dumps[2] and dumps[1] == dumps[3] and dumps[0]


def fast_path(con, words: list[str]) -> bool:
    """Whether articles_about took MaxScore's fast path for these words (its `exact` CTE)."""
    head = QUERY[: QUERY.rindex("SELECT round(")]
    return con.execute(with_words(head + "SELECT fast FROM exact", words)).fetchall()[0][0]


def with_words(sql: str, words: list[str]) -> str:
    assert "['interest', 'rate']" in sql  # the words are written once, as a list
    return sql.replace("['interest', 'rate']", "[" + ", ".join(f"'{w}'" for w in words) + "]")


def test_maxscore_gives_the_top_20_of_plain_bm25_on_its_fast_path_and_when_it_falls_back(tmp_path):
    # 45 articles, all with "news"; "zebra" in 25 of them; "okapi" in 3; "lynx" in 20 and "puma" in 21 others
    texts = {}
    for i in range(45):
        words = ["news"] * (1 + i % 4) + ["filler"] * (i % 7)
        words += ["zebra"] * (1 + i % 3) if i < 25 else []
        words += ["okapi"] if i in (3, 30, 31) else []
        words += ["lynx"] if i < 20 else ["puma"] * (1 + i % 5) if i < 41 else []
        texts[f"d{i:02d}"] = " ".join(words)
    load(tmp_path, [article(k, text=v, title="") for k, v in texts.items()])
    con = catalog.connect(tmp_path)

    def about(words):
        rows = con.execute(with_words(QUERY, words)).fetchall()
        return [(url.rsplit("/", 1)[-1], score) for score, *_, url in rows]

    # the 20 best of the 25 zebra articles beat anything "news" alone can score: only they are ranked
    assert fast_path(con, ["zebra", "news"])
    assert close(about(["zebra", "news"]), by_hand(con, ["zebra", "news"]))
    # fewer than 20 articles hold the rarest word: every article is scored
    assert not fast_path(con, ["okapi", "news"])
    assert close(about(["okapi", "news"]), by_hand(con, ["okapi", "news"]))
    # 20 lynx articles, but puma alone can score more than the 20th of them: every article is scored, and
    # puma-only articles are in the top 20 (a fast path here would have been wrong)
    assert not fast_path(con, ["lynx", "puma"])
    top = about(["lynx", "puma"])
    assert close(top, by_hand(con, ["lynx", "puma"]))
    assert any("puma" in texts[k] and "lynx" not in texts[k] for k, _ in top)
    # one word: its articles are the candidates, nothing to bound
    assert fast_path(con, ["news"]) and close(about(["news"]), by_hand(con, ["news"]))


def test_search_docs_follow_the_index_and_an_index_made_before_them_is_filled_once(tmp_path):
    load(tmp_path, [article(k, text=v, title=k.upper()) for k, v in list(TEXTS.items())[:3]])
    shown = "SELECT article_id, version, title, url FROM search_docs ORDER BY article_id"
    con = catalog.connect(tmp_path)
    assert [r[0] for r in con.execute(shown).fetchall()] == ["a1", "a2", "a3"]
    load(tmp_path, [article("a2", text="Interest rate, interest rate.", title="NEW")])
    con = catalog.connect(tmp_path)
    assert con.execute(shown).fetchall()[1] == ("a2", 2, "NEW", "https://x.example/a2")
    assert con.execute("SELECT title FROM (" + QUERY.rstrip().rstrip(";") + ") LIMIT 1").fetchall() == [("NEW",)]

    with lake.session(tmp_path) as w:  # as an index built before search_docs existed
        w.execute("DELETE FROM search_docs")
    load(tmp_path, [article(k, text=v, title=k.upper()) for k, v in list(TEXTS.items())[3:]])
    con = catalog.connect(tmp_path)
    assert [r[:3] for r in con.execute(shown).fetchall()] == [
        ("a1", 1, "A1"), ("a2", 2, "NEW"), ("a3", 1, "A3"), ("a4", 1, "A4"), ("a5", 1, "A5")
    ]  # fmt: skip
    assert close(ranked(con), by_hand(con, ["interest", "rate"]))

    # rows from before search_docs had its lookup key (the query joins on it): filled again, once
    with lake.session(tmp_path) as w:
        w.execute("UPDATE search_docs SET doc_key = NULL WHERE article_id IN ('a1', 'a4')")
    load(tmp_path, [article("a6", text="Interest rate news.", title="A6")])
    con = catalog.connect(tmp_path)
    keys = con.execute("SELECT article_id, doc_key FROM search_docs ORDER BY article_id").fetchall()
    assert [k for k, _ in keys] == ["a1", "a2", "a3", "a4", "a5", "a6"]
    assert all(key == int(hashlib.md5(k.encode()).hexdigest()[:16], 16) for k, key in keys)
    shown_titles = {t for (t,) in con.execute("SELECT title FROM (" + QUERY.rstrip().rstrip(";") + ")").fetchall()}
    assert {"A1", "A4", "A6"} <= shown_titles


def test_a_build_with_no_new_article_version_writes_nothing_to_the_index_until_its_snapshot_gets_old(
    tmp_path, monkeypatch
):
    load(tmp_path, [article(k, text=v, title="") for k, v in list(TEXTS.items())[:2]])
    writer.write(tmp_path, "pages", [page("z9")])  # a commit with no article version (as a run's fetch log)
    with lake.session(tmp_path, read_only=True) as con:
        recorded = lake.meta_int(con, search.META_SNAPSHOT)
        changed = lake.tables_changed_at(con)
    catalog.build(tmp_path)
    with lake.session(tmp_path, read_only=True) as con:
        assert lake.meta_int(con, search.META_SNAPSHOT) == recorded  # nothing was written for the index
        assert lake.tables_changed_at(con).get("newsetl_meta") == changed.get("newsetl_meta")
    monkeypatch.setattr(search, "ADVANCE_AFTER", "0 seconds")  # the recorded snapshot is old now: moved on
    catalog.build(tmp_path)
    with lake.session(tmp_path, read_only=True) as con:
        assert lake.meta_int(con, search.META_SNAPSHOT) > recorded
    load(tmp_path, [article("a3", text=TEXTS["a3"], title="")])  # and a new article is indexed as before
    con = catalog.connect(tmp_path)
    assert close(ranked(con), by_hand(con, ["interest", "rate"])) and "a3" in {k for k, _ in ranked(con)}
