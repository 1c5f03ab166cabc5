"""Full-text search: BM25 over the index in the DuckLake agrees with BM25 computed by hand, and the index is
kept up to date incrementally (new articles, new versions, takedowns)."""

import math
from collections import Counter

from conftest import PROJECT
from test_warehouse import article, load

from warehouse import catalog, lake, search, takedown

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
