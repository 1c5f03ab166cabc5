-- Articles about a topic: a case-insensitive search over titles and text (edit the phrase).
SELECT day, domain, title, language
FROM articles
WHERE title ILIKE '%interest rate%' OR text ILIKE '%interest rate%'
ORDER BY day DESC, domain, title;
