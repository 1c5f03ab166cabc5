-- Why pages did not become articles, by stage and reason, with an example of each.
SELECT stage, reason, count(*) AS pages, min(url) AS example, max(failed_at) AS last_seen
FROM failures
GROUP BY ALL
ORDER BY pages DESC, stage, reason;
