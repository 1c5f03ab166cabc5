"""Regenerate the bundled sample corpus (`flows/sample_pages/`) from `sample/articles.py`.

    uv run python sample/make_pages.py

Each site has its own page style and metadata flavour (JSON-LD, OpenGraph only, plain <meta>), and every page
carries the boilerplate real news pages have (navigation, cookie banner, share buttons, related links,
comments, footer) so that tests can check it is stripped. A few special pages cover the failure paths.
"""

import html
import json
import shutil
from pathlib import Path

from articles import ARTICLES, SampleArticle

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "flows" / "sample_pages"
SEED_TEXT = ROOT / "sample" / "seed_article.txt"

SITES = {
    "meridian": {"name": "The Meridian Post", "host": "www.meridianpost.example", "lang": "en"},
    "harbor": {"name": "Harbor Daily", "host": "harbordaily.example", "lang": "en"},
    "northfield": {"name": "Northfield Gazette", "host": "www.northfield-gazette.example", "lang": "en"},
    "worldaffairs": {"name": "World Affairs Today", "host": "www.worldaffairs.example", "lang": "en"},
    "rheinblick": {"name": "Rheinblick", "host": "www.rheinblick.example", "lang": "de"},
    "courrier": {"name": "Le Courrier du Matin", "host": "www.courrierdumatin.example", "lang": "fr"},
    "diariosur": {"name": "El Diario del Sur", "host": "www.diariodelsur.example", "lang": "es"},
}

e = html.escape


def url_of(a: SampleArticle) -> str:
    site = SITES[a.site]
    return f"https://{site['host']}/{a.section}/{a.published[:4]}/{a.published[5:7]}/{a.slug}"


def paragraphs_of(a: SampleArticle) -> list[str]:
    if a.paragraphs:
        return list(a.paragraphs)
    # The seed article keeps its own line breaks: one paragraph per line, word for word.
    return [line for line in SEED_TEXT.read_text(encoding="utf-8").splitlines() if line.strip()]


def cookie_banner() -> str:
    return (
        '<div id="cookie-consent" class="cookie-banner" role="dialog"><p>We use cookies to personalise content '
        "and ads and to analyse our traffic. By continuing to browse you agree to our use of cookies.</p>"
        '<button class="accept">Accept all cookies</button> <a href="/privacy">Manage preferences</a></div>'
    )


def share_buttons(url: str) -> str:
    return (
        '<div class="share-bar"><span>Share this article:</span>'
        f'<a class="share" href="https://social.example/share?u={e(url)}">Share on Facebook</a>'
        f'<a class="share" href="https://microblog.example/intent?u={e(url)}">Post on X</a>'
        '<a class="share" href="mailto:?subject=Article">Email</a></div>'
    )


def related(site_key: str, exclude: str) -> str:
    items = [a for a in ARTICLES if a.site == site_key and a.slug != exclude][:3]
    links = "".join(f'<li><a href="{e(url_of(a))}">{e(a.title)}</a></li>' for a in items)
    return f'<aside class="related"><h3>Related stories</h3><ul>{links}</ul></aside>'


def comments() -> str:
    return (
        '<section id="comments" class="comments"><h3>Comments (3)</h3>'
        '<div class="comment"><span class="user">reader_42</span><p>Interesting read, thanks for sharing this '
        "with us all.</p></div>"
        '<div class="comment"><span class="user">jkl</span><p>I disagree with most of this, the author misses '
        "the point entirely.</p></div>"
        '<div class="comment"><span class="user">mo</span><p>First!</p></div>'
        '<form class="comment-form"><textarea>Write a comment</textarea><button>Post comment</button></form>'
        "</section>"
    )


def nav(site: dict) -> str:
    return (
        f'<header class="site-header"><a class="logo" href="/">{e(site["name"])}</a><nav class="main-nav"><ul>'
        '<li><a href="/world">World</a></li><li><a href="/business">Business</a></li>'
        '<li><a href="/politics">Politics</a></li><li><a href="/sport">Sport</a></li>'
        '<li><a href="/subscribe">Subscribe</a></li></ul></nav></header>'
    )


def footer(site: dict) -> str:
    return (
        f'<footer class="site-footer"><p>© 2024 {e(site["name"])}. All rights reserved.</p>'
        '<ul><li><a href="/about">About us</a></li><li><a href="/contact">Contact</a></li>'
        '<li><a href="/terms">Terms of use</a></li><li><a href="/privacy">Privacy policy</a></li></ul></footer>'
    )


def body_html(a: SampleArticle) -> str:
    return "\n".join(f"<p>{e(p)}</p>" for p in paragraphs_of(a))


def json_ld(a: SampleArticle, site: dict, url: str) -> str:
    data = {
        "@context": "https://schema.org",
        "@type": "NewsArticle",
        "headline": a.title,
        "datePublished": a.published,
        "dateModified": a.published,
        "author": [{"@type": "Person", "name": n} for n in a.authors],
        "publisher": {"@type": "Organization", "name": site["name"]},
        "mainEntityOfPage": url,
        "keywords": ", ".join(a.tags),
        "description": a.description,
        "inLanguage": site["lang"],
    }
    return f'<script type="application/ld+json">{json.dumps(data, ensure_ascii=False)}</script>'


def og_meta(a: SampleArticle, site: dict, url: str) -> str:
    tags = "".join(f'<meta property="article:tag" content="{e(t)}">' for t in a.tags)
    authors = "".join(f'<meta property="article:author" content="{e(n)}">' for n in a.authors)
    return (
        f'<meta property="og:type" content="article"><meta property="og:title" content="{e(a.title)}">'
        f'<meta property="og:url" content="{e(url)}"><meta property="og:site_name" content="{e(site["name"])}">'
        f'<meta property="og:description" content="{e(a.description)}">'
        f'<meta property="article:published_time" content="{e(a.published)}">{authors}{tags}'
    )


def plain_meta(a: SampleArticle) -> str:
    return (
        f'<meta name="author" content="{e(", ".join(a.authors))}">'
        f'<meta name="date" content="{e(a.published)}">'
        f'<meta name="keywords" content="{e(", ".join(a.tags))}">'
        f'<meta name="description" content="{e(a.description)}">'
    )


def byline(a: SampleArticle) -> str:
    names = " and ".join(a.authors)
    return f'<p class="byline">By <span class="author">{e(names)}</span> · <time>{e(a.published[:10])}</time></p>'


def modern_page(a: SampleArticle, *, meta: str, lang: str | None = None) -> str:
    """Meridian, Harbor, World Affairs, Rheinblick, Courrier: a modern CMS page."""
    site = SITES[a.site]
    url = url_of(a)
    caption = (
        '<figure class="lead-image"><img src="/img/lead.jpg" alt="">'
        "<figcaption>File photo: delegates arrive at the venue. Photo: Agency</figcaption></figure>"
    )
    return f"""<!DOCTYPE html>
<html lang="{lang or site["lang"]}">
<head>
<meta charset="utf-8">
<title>{e(a.title)} | {e(site["name"])}</title>
<link rel="canonical" href="{e(url)}">
{meta}
</head>
<body>
{cookie_banner()}
{nav(site)}
<main>
<article class="story">
<h1 class="headline">{e(a.title)}</h1>
{byline(a)}
{share_buttons(url)}
{caption}
<div class="story-body">
{body_html(a)}
</div>
{share_buttons(url)}
</article>
{related(a.site, a.slug)}
{comments()}
</main>
{footer(site)}
</body>
</html>
"""


def legacy_page(a: SampleArticle) -> str:
    """Northfield, Diario del Sur: an older table layout with plain <meta> only."""
    site = SITES[a.site]
    url = url_of(a)
    return f"""<html lang="{site["lang"]}">
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>{e(a.title)} - {e(site["name"])}</title>
<link rel="canonical" href="{e(url)}">
{plain_meta(a)}
</head>
<body>
<table width="100%"><tr><td class="masthead">{e(site["name"])}</td></tr>
<tr><td class="menu"><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a> |
<a href="/letters">Letters</a> | <a href="/advertise">Advertise with us</a></td></tr></table>
{cookie_banner()}
<table><tr>
<td class="content" valign="top">
<div id="article">
<h2>{e(a.title)}</h2>
<p class="byline">{e(", ".join(a.authors))} - {e(a.published)}</p>
{body_html(a)}
</div>
</td>
<td class="sidebar" valign="top">{related(a.site, a.slug)}
<div class="advert">Advertisement: Sell your car fast with our classifieds. Call now!</div></td>
</tr></table>
{comments()}
{footer(site)}
</body>
</html>
"""


def render(a: SampleArticle, lang: str | None = None) -> str:
    site = SITES[a.site]
    url = url_of(a)
    if a.site in ("northfield", "diariosur"):
        return legacy_page(a)
    if a.site in ("meridian", "worldaffairs", "rheinblick"):
        return modern_page(a, meta=json_ld(a, site, url) + og_meta(a, site, url), lang=lang)
    return modern_page(a, meta=og_meta(a, site, url), lang=lang)


def listing_page() -> str:
    """A section front: many links, no article. Must become a failure row, not an article."""
    site = SITES["meridian"]
    items = "".join(f'<li><a href="{e(url_of(a))}">{e(a.title)}</a></li>' for a in ARTICLES if a.site == "meridian")
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>World news | {e(site["name"])}</title>
<meta property="og:type" content="website"></head>
<body>{cookie_banner()}{nav(site)}<main><h1>World</h1><ul class="teasers">{items}</ul></main>
{footer(site)}</body></html>
"""


def teaser_page() -> str:
    """A paywalled teaser: real metadata, too little text to be an article."""
    site = SITES["harbor"]
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Subscribers only: port strike talks | {e(site["name"])}</title>
<meta property="og:type" content="article"><meta property="og:title" content="Port strike talks resume">
</head><body>{nav(site)}<main><article><h1>Port strike talks resume</h1>
<p>Talks resumed on Monday.</p>
<div class="paywall">Subscribe to read the full story. Already a subscriber? Log in.</div>
</article></main>{footer(site)}</body></html>
"""


def broken_page() -> str:
    """Cut off mid-tag with stray bytes: the kind of page a failed transfer leaves behind."""
    return '<!DOCTYPE html><html><head><title>Bre<ak</title></he<body><div class="story"><p>The mar<b'


def main() -> None:
    if OUT.exists():
        shutil.rmtree(OUT)
    OUT.mkdir(parents=True)
    for a in ARTICLES:
        (OUT / f"{a.site}-{a.slug}.html").write_text(render(a), encoding="utf-8")
    by_slug = {a.slug: a for a in ARTICLES}
    # The page declares English, but the text is French: language must be detected on the text.
    marseille = by_slug["marseille-port-croisieres"]
    (OUT / f"{marseille.site}-{marseille.slug}.html").write_text(render(marseille, lang="en"), encoding="utf-8")
    # A syndicated copy of a Meridian story on Harbor Daily, with its own URL.
    original = by_slug["nairobi-solar-grid"]
    copy = SampleArticle(
        **{
            **original.__dict__,
            "site": "harbor",
            "slug": "nairobi-solar-grid-syndicated",
            "published": "2024-03-11T10:30:00+03:00",
        }
    )
    (OUT / f"harbor-{copy.slug}.html").write_text(render(copy), encoding="utf-8")
    (OUT / "meridian-world-index.html").write_text(listing_page(), encoding="utf-8")
    (OUT / "harbor-paywalled-teaser.html").write_text(teaser_page(), encoding="utf-8")
    (OUT / "broken-truncated.html").write_bytes(broken_page().encode("utf-8"))
    (OUT / "empty.html").write_bytes(b"")
    print(f"wrote {len(list(OUT.iterdir()))} pages to {OUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
