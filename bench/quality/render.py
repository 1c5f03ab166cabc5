"""Write the gold pages (`pages/*.html`) and their expectations (`gold.jsonl`) from the specs.

    uv run python -m bench.quality.render

The pages are committed; rerun this after editing a spec. Each site has its own markup (class names, byline
and body containers) and chrome (cookie banner, navigation, share bars, related stories, comments, footer) so
the extractor meets what it meets on the web, not one template.
"""

import html
import json
from pathlib import Path

from dateutil import parser as date_parser

from bench.quality.spec import A
from bench.quality.specs_en import ARTICLES
from bench.quality.specs_fresh_en import FRESH_EN
from bench.quality.specs_fresh_fr import FRESH_FR
from bench.quality.specs_other import OTHER

HERE = Path(__file__).parent
PAGES = HERE / "pages"
GOLD = HERE / "gold.jsonl"

SITES = {
    "meridian": ("The Meridian Post", "www.meridianpost.example", "story", "story-body", "headline", "byline"),
    "harbor": ("Harbor Daily", "harbordaily.example", "post", "entry-content", "entry-title", "byline author vcard"),
    "northfield": ("Northfield Gazette", "northfieldgazette.example", "article", "article__body", "article__title",
                   "article__meta"),
    "worldaffairs": ("World Affairs Review", "worldaffairs.example", "report", "report-text", "report-title",
                     "report-byline"),
    "rheinblick": ("Rheinblick", "rheinblick.example", "artikel", "artikel-text", "artikel-titel", "autor"),
    "courrier": ("Le Courrier du Sud", "courrierdusud.example", "article", "article-contenu", "titre", "signature"),
    "diariosur": ("Diario del Sur", "diariodelsur.example", "noticia", "cuerpo-noticia", "titular", "firma"),
}  # fmt: skip
NAV = {
    "en": ["World", "Business", "Politics", "Sport", "Opinion", "Subscribe"],
    "de": ["Politik", "Wirtschaft", "Köln", "Sport", "Kultur", "Abo"],
    "fr": ["International", "Économie", "Régions", "Sports", "Culture", "S'abonner"],
    "es": ["Andalucía", "Economía", "Sociedad", "Deportes", "Cultura", "Suscríbete"],
}
CHROME = {
    "en": ("We use cookies to improve your experience. By continuing you accept our use of cookies.",
           "Share this article", "Related stories", "Comments", "All rights reserved.", "Most read"),
    "de": ("Wir verwenden Cookies, um Ihnen das beste Nutzererlebnis zu bieten.", "Artikel teilen",
           "Mehr zum Thema", "Kommentare", "Alle Rechte vorbehalten.", "Meistgelesen"),
    "fr": ("Nous utilisons des cookies pour améliorer votre expérience de navigation.", "Partager l'article",
           "À lire aussi", "Commentaires", "Tous droits réservés.", "Les plus lus"),
    "es": ("Utilizamos cookies propias y de terceros para mejorar nuestros servicios.", "Compartir noticia",
           "Noticias relacionadas", "Comentarios", "Todos los derechos reservados.", "Lo más leído"),
}  # fmt: skip
FOOTER_LINKS = '<ul><li><a href="/about">About</a></li><li><a href="/privacy">Privacy</a></li></ul>'
RELATED = [
    ("Port strike talks resume", "12 March 2024"),
    ("Council tax to rise by 4.99 percent", "11 March 2024"),
    ("Rail timetable changes from June", "9 March 2024"),
]


def url_of(a: A) -> str:
    if a.url:
        return a.url
    _, domain, *_ = SITES[a.site]
    section = "news" if a.kind != "listing" else a.slug.removeprefix("listing-")
    return f"https://{domain}/{section}/{a.slug}" if a.kind != "listing" else f"https://{domain}/{section}/"


def _e(text: str) -> str:
    return html.escape(text, quote=True)


def _long_date(stated: str) -> str:
    return date_parser.parse(stated).strftime("%-d %B %Y")


def _json_ld(a: A) -> str:
    name, _domain, *_ = SITES[a.site]
    kind = {"liveblog": "LiveBlogPosting"}.get(a.kind, "NewsArticle")
    authors = a.ld_authors or ([(a.byline.removeprefix("By ").strip(), "Person")] if a.byline else [])
    obj = {
        "@context": "https://schema.org",
        "@type": kind,
        "headline": a.title,
        "datePublished": a.published,
        "author": [{"@type": t, "name": n} for n, t in authors],
        "publisher": {"@type": "NewsMediaOrganization", "name": name},
        "mainEntityOfPage": url_of(a),
        "inLanguage": a.declared or a.lang,
    }
    if a.modified:
        obj["dateModified"] = a.modified
    if a.kind == "liveblog":
        obj["coverageStartTime"] = a.published
    if a.kind == "teaser":
        obj["isAccessibleForFree"] = False
    return f'<script type="application/ld+json">{json.dumps(obj, ensure_ascii=False)}</script>'


def _head(a: A) -> str:
    name, *_ = SITES[a.site]
    parts = [
        '<meta charset="utf-8">',
        f"<title>{_e(a.title)} | {_e(name)}</title>",
        f'<link rel="canonical" href="{_e(url_of(a))}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta property="og:site_name" content="{_e(name)}">',
        f'<meta property="og:title" content="{_e(a.title)}">',
        f'<meta property="og:type" content="{"website" if a.kind == "listing" else "article"}">',
        f'<meta property="og:url" content="{_e(url_of(a))}">',
    ]
    if a.paras:
        parts.append(f'<meta name="description" content="{_e(a.paras[0].split(". ")[0])}.">')
    if a.kind in ("ld", "liveblog", "teaser"):
        parts.append(_json_ld(a))
    if a.kind == "og":
        parts.append(f'<meta property="article:published_time" content="{a.published}">')
        if a.modified:
            parts.append(f'<meta property="article:modified_time" content="{a.modified}">')
        for author in a.meta_authors or []:
            parts.append(f'<meta name="author" content="{_e(author)}">')
    return "\n".join(parts)


def _byline(a: A) -> str:
    *_, byline_class = SITES[a.site]
    bits = []
    if a.byline:
        bits.append(f'<span class="{byline_class}">{_e(a.byline)}</span>')
    if a.kind in ("ld", "og", "teaser") and a.published:
        bits.append(f'<time datetime="{a.published}">{_long_date(a.published)}</time>')
    if a.kind in ("visible", "relative") and a.dateline:
        cls = "time" if a.kind == "relative" else "dateline"
        bits.append(f'<span class="{cls}">{_e(a.dateline)}</span>')
    return f'<div class="meta">{" · ".join(bits)}</div>' if bits else ""


def _body(a: A) -> str:
    if a.kind == "liveblog":
        updates = []
        for p in a.paras:
            stamp, rest = p.split(" ", 1)
            updates.append(f'<div class="live-update"><p><strong>{stamp}</strong> {_e(rest)}</p></div>')
        return "\n".join(updates)
    body = "\n".join(f"<p>{_e(p)}</p>" for p in a.paras)
    if a.kind == "teaser":
        body += (
            '\n<div class="paywall"><h3>Subscribe to keep reading</h3><p>This article is for subscribers. '
            'Get unlimited access for just £1 for your first month.</p><a class="button" href="/subscribe">'
            'Subscribe now</a> <a href="/login">Already a subscriber? Log in</a></div>'
        )
    return body


def _listing(a: A) -> str:
    items = []
    for story in a.listing_of or []:
        when = f'<span class="date">{_long_date(story.published)}</span>' if story.published else ""
        items.append(
            f'<li class="teaser"><h2><a href="{_e(url_of(story))}">{_e(story.title)}</a></h2>'
            f"<p>{_e(story.paras[0].split('. ')[0])}.</p>{when}</li>"
        )
    return f'<h1>{_e(a.title)}</h1>\n<ul class="stream">\n' + "\n".join(items) + "\n</ul>"


def page(a: A) -> str:
    name, _domain, article_class, body_class, title_class, _ = SITES[a.site]
    cookie, share, related, comments, rights, most_read = CHROME[a.lang]
    nav = "".join(f'<li><a href="/{w.lower()}">{_e(w)}</a></li>' for w in NAV[a.lang])
    if a.kind == "listing":
        main = _listing(a)
    else:
        share_bar = (
            f'<div class="share"><span>{share}:</span> <a href="https://social.example/share">Facebook</a> '
            '<a href="https://microblog.example/intent">X</a> <a href="mailto:?subject=Article">Email</a></div>'
        )
        main = (
            f'<article class="{article_class}">\n<h1 class="{title_class}">{_e(a.title)}</h1>\n{_byline(a)}\n'
            f"{share_bar}\n"
            f'<figure><img src="/img/{a.slug}.jpg" alt=""><figcaption>Photo: {_e(name)}</figcaption></figure>\n'
            f'<div class="{body_class}">\n{_body(a)}\n</div>\n{share_bar}\n</article>'
        )
        dated = a.related_dates
        links = "".join(
            f'<li><a href="/news/related-{i}">{_e(t)}</a>{f" <span class=date>{d}</span>" if dated else ""}</li>'
            for i, (t, d) in enumerate(RELATED)
        )
        main += f'\n<aside class="related"><h3>{related}</h3><ul>{links}</ul></aside>'
        main += (
            f'\n<section class="comments"><h3>{comments} (2)</h3><div class="comment"><span class="user">'
            'reader_42</span><p>Thanks for this, very useful.</p></div><div class="comment"><span class="user">'
            "mo</span><p>First!</p></div></section>"
        )
    aside = (
        f'<aside class="most-read"><h3>{most_read}</h3><ol><li><a href="/a">{_e(RELATED[0][0])}</a></li></ol></aside>'
    )
    return f"""<!DOCTYPE html>
<html lang="{a.declared or a.lang}">
<head>
{_head(a)}
</head>
<body>
<div class="cookie-banner" role="dialog"><p>{cookie}</p><button>OK</button></div>
<header class="site-header"><a class="logo" href="/">{_e(name)}</a><nav><ul>{nav}</ul></nav></header>
<main>
{main}
{aside}
</main>
<footer class="site-footer"><p>© {_e(name)}. {rights}</p>{FOOTER_LINKS}</footer>
</body>
</html>
"""


def gold_record(a: A) -> dict:
    return {
        "slug": a.slug,
        "file": f"{a.slug}.html",
        "kind": a.kind,
        "url": url_of(a),
        "fetched_at": a.fetched,
        "listed_at": a.listed,
        "is_article": a.is_article,
        "title": a.title if a.is_article else None,
        "text": a.text if a.is_article else None,
        "authors": a.authors,
        "byline_org": a.orgs,
        "date": a.date,
        "language": a.lang,
        "declared_language": a.declared or a.lang,
        "entities": [list(e) for e in a.ents],
        "syndicated_from": a.syndicated_from,
        "fresh": a.fresh,
    }


def all_specs() -> list[A]:
    return ARTICLES + OTHER + FRESH_EN + FRESH_FR


def main() -> None:
    PAGES.mkdir(exist_ok=True)
    specs = all_specs()
    slugs = [a.slug for a in specs]
    assert len(set(slugs)) == len(slugs), "slugs must be unique"
    for old in PAGES.glob("*.html"):
        old.unlink()
    with GOLD.open("w", encoding="utf-8") as out:
        for a in specs:
            (PAGES / f"{a.slug}.html").write_text(page(a), encoding="utf-8")
            out.write(json.dumps(gold_record(a), ensure_ascii=False) + "\n")
    print(f"{len(specs)} pages in {PAGES}, gold in {GOLD}")


if __name__ == "__main__":
    main()
