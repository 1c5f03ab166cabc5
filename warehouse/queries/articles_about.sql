-- Articles about a topic, ranked by BM25 over title and text (edit the words: lower case, accents left out).
-- The full-text index `search_terms` is brought up to date by every run (warehouse/search.py).
WITH words AS (SELECT DISTINCT unnest(['interest', 'rate']) AS term),
stats AS (
    SELECT max(CASE WHEN key = 'search_documents' THEN value::DOUBLE END) AS n,
           max(CASE WHEN key = 'search_total_length' THEN value::DOUBLE END)
               / greatest(1, max(CASE WHEN key = 'search_documents' THEN value::DOUBLE END)) AS avgdl
    FROM newsetl_meta),
-- the words' postings (DuckDB reads only their partitions, `bucket`, and their row groups), read once
postings AS MATERIALIZED (
    SELECT s.article_id, s.term, s.tf, s.doc_len
    FROM search_terms s
    WHERE s.bucket IN (SELECT (hash(term) % 64)::SMALLINT FROM words) AND s.term IN (SELECT term FROM words)),
-- per word: its idf, the most one article can score by it (idf x (k1 + 1)), and whether it is "common": all
-- words but the rarest are
terms AS MATERIALIZED (
    SELECT term, idf, idf * 2.2 AS bound, row_number() OVER (ORDER BY df, term) > 1 AS common
    FROM (SELECT term, df, ln(1 + (n - df + 0.5) / (df + 0.5)) AS idf
          FROM (SELECT term, count(*) AS df FROM postings GROUP BY term), stats)),
-- MaxScore, so that common words do not cost a score for each of their articles: the articles holding the
-- rarest word are scored in full; if the 20th of them beats what an article with only common words can reach
-- (the sum of their bounds), they are the top 20. Otherwise (`fast` false) every article is scored.
candidates AS MATERIALIZED (
    SELECT p.article_id, sum(t.idf * p.tf * 2.2 / (p.tf + 1.2 * (0.25 + 0.75 * p.doc_len / s.avgdl))) AS score
    FROM postings p JOIN terms t USING (term), stats s
    WHERE p.article_id IN (SELECT article_id FROM postings JOIN terms USING (term) WHERE NOT common)
    GROUP BY p.article_id),
exact AS MATERIALIZED (
    SELECT coalesce((SELECT score FROM candidates ORDER BY score DESC, article_id LIMIT 1 OFFSET 19)
                    > (SELECT coalesce(sum(bound), 0) FROM terms WHERE common), false) AS fast),
everything AS (
    SELECT p.article_id, sum(t.idf * p.tf * 2.2 / (p.tf + 1.2 * (0.25 + 0.75 * p.doc_len / s.avgdl))) AS score
    FROM postings p JOIN (SELECT * FROM terms WHERE NOT (SELECT fast FROM exact)) t USING (term), stats s
    GROUP BY p.article_id),
ranked AS (
    SELECT * FROM (SELECT * FROM candidates WHERE (SELECT fast FROM exact) UNION ALL SELECT * FROM everything)
    ORDER BY score DESC, article_id
    LIMIT 20)
-- shown: their rows in search_docs, found by its integer key (DuckDB then reads only the row groups holding them)
SELECT round(r.score, 3) AS score, d.day, d.domain, d.title, d.url
FROM ranked r JOIN search_docs d ON d.doc_key = ('0x' || left(md5(r.article_id), 16))::UBIGINT
                                AND d.article_id = r.article_id
ORDER BY r.score DESC, r.article_id;
