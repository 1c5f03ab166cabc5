-- Articles that mention an entity (edit the name), most mentions first.
SELECT a.day, a.domain, a.title, e.mentions, a.url
FROM entities e JOIN articles a USING (article_id)
WHERE e.canonical = 'Vladimir Putin'
ORDER BY e.mentions DESC, a.day DESC, a.url;
