-- The five most-mentioned people per day (copies of syndicated articles counted once).
SELECT day, canonical AS person, articles, mentions
FROM entity_daily
WHERE label = 'PERSON'
QUALIFY row_number() OVER (PARTITION BY day ORDER BY articles DESC, mentions DESC, canonical) <= 5
ORDER BY day DESC, articles DESC, mentions DESC, person;
