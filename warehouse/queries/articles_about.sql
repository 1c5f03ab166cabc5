-- Articles about a topic, ranked by BM25 over title and text (edit the words: lower case, accents left out).
-- The full-text index `search_terms` is brought up to date by every run (warehouse/search.py).
WITH words AS (SELECT DISTINCT unnest(['interest', 'rate']) AS term),
stats AS (
    SELECT max(CASE WHEN key = 'search_documents' THEN value::DOUBLE END) AS n,
           max(CASE WHEN key = 'search_total_length' THEN value::DOUBLE END)
               / greatest(1, max(CASE WHEN key = 'search_documents' THEN value::DOUBLE END)) AS avgdl
    FROM newsetl_meta),
hits AS (
    SELECT s.article_id, s.term, s.tf, s.doc_len
    FROM search_terms s
    WHERE s.bucket IN (SELECT (hash(term) % 64)::SMALLINT FROM words) AND s.term IN (SELECT term FROM words)),
idf AS (
    SELECT term, ln(1 + (n - count(*) + 0.5) / (count(*) + 0.5)) AS idf FROM hits, stats GROUP BY term, n),
ranked AS (
    SELECT h.article_id, sum(i.idf * h.tf * 2.2 / (h.tf + 1.2 * (0.25 + 0.75 * h.doc_len / s.avgdl))) AS score
    FROM hits h JOIN idf i USING (term), stats s
    GROUP BY h.article_id
    ORDER BY score DESC, h.article_id
    LIMIT 20)
SELECT round(r.score, 3) AS score, a.day, a.domain, a.title, a.url
FROM ranked r JOIN article_versions a USING (article_id)
WHERE a.version = (SELECT max(version) FROM article_versions v WHERE v.article_id = r.article_id)
ORDER BY r.score DESC, r.article_id;
