-- Per site: where publish dates came from, articles with no trustworthy date, bylines without a person,
-- and pages whose declared language is not the language of their text.
SELECT domain,
       count(*) AS articles,
       count(*) FILTER (WHERE date_source IN ('json-ld', 'meta')) AS dated_by_markup,
       count(*) FILTER (WHERE date_source NOT IN ('json-ld', 'meta')) AS dated_otherwise,
       count(*) FILTER (WHERE published_at IS NULL) AS undateable,
       count(*) FILTER (WHERE len(authors) = 0) AS no_person_in_byline,
       count(*) FILTER (WHERE language_mismatch) AS language_mismatch
FROM unique_articles
GROUP BY domain
ORDER BY articles DESC, domain;
