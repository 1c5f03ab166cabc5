-- Pairs of people and organisations named in the same article, by how many articles share them
-- (copies of syndicated articles left out; a name counted once per article).
WITH named AS MATERIALIZED (
    SELECT DISTINCT m.article_id, m.canonical
    FROM entity_mention_versions m JOIN unique_articles a USING (article_id, version)
    WHERE m.label IN ('PERSON', 'ORG')
)
SELECT x.canonical AS entity_a, y.canonical AS entity_b, count(*) AS articles
FROM named x JOIN named y ON x.article_id = y.article_id AND x.canonical < y.canonical
GROUP BY ALL
ORDER BY articles DESC, entity_a, entity_b
LIMIT 25;
