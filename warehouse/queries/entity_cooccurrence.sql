-- Pairs of people and organisations named in the same article, by how many articles share them.
SELECT x.canonical AS entity_a, y.canonical AS entity_b, count(*) AS articles
FROM entities x
JOIN entities y ON x.article_id = y.article_id AND x.canonical < y.canonical
WHERE x.label IN ('PERSON', 'ORG') AND y.label IN ('PERSON', 'ORG') AND NOT x.is_duplicate
GROUP BY ALL
ORDER BY articles DESC, entity_a, entity_b
LIMIT 25;
