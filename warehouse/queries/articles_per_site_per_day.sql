-- Articles per site per day, with their languages.
SELECT day, domain, count(*) AS articles, string_agg(DISTINCT language, ',' ORDER BY language) AS languages
FROM articles
WHERE duplicate_of IS NULL
GROUP BY ALL
ORDER BY day DESC, articles DESC, domain;
