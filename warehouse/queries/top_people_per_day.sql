-- The five most-mentioned people per day (copies of syndicated articles counted once).
WITH people AS (SELECT day, canonical, articles, mentions FROM entity_daily WHERE label = 'PERSON'),
-- each day's fifth best (articles, mentions): only the rows at or above it are ranked (sorting every row was the cost)
fifth AS (SELECT day, list_last(max({'articles': articles, 'mentions': mentions}, 5)) AS cut FROM people GROUP BY day)
SELECT day, canonical AS person, articles, mentions
FROM people JOIN fifth USING (day)
WHERE {'articles': articles, 'mentions': mentions} >= cut
QUALIFY row_number() OVER (PARTITION BY day ORDER BY articles DESC, mentions DESC, canonical) <= 5
ORDER BY day DESC, articles DESC, mentions DESC, person;
