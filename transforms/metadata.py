"""What a page states about itself, read from the parsed tree: its JSON-LD article, <meta> values, stated
titles, site names, declared language and type. Dates and bylines are judged in `dates` and `authors`."""

import html
import json
import re
from urllib.parse import urlsplit

from lxml import html as lxml_html

from transforms.urls import http_url

ARTICLE_TYPES = {
    "article",
    "newsarticle",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "opinionnewsarticle",
    "blogposting",
    "backgroundnewsarticle",
    "reviewnewsarticle",
    "liveblogposting",
    "report",
    "scholarlyarticle",
}
NON_ARTICLE_OG_TYPES = {"website", "profile", "book", "music.song", "music.album", "video.other", "video.movie"}
MULTI_VALUED = frozenset(
    {"author", "article:author", "dc.creator", "parsely-author", "sailthru.author", "article:tag", "og:article:tag"}
)


# Comments and processing instructions are dropped at parsing: React writes "<!-- -->" between the pieces of a
# paragraph, and trafilatura, handed a tree that still has them, cuts such paragraphs short.
_PARSER = lxml_html.HTMLParser(remove_comments=True, remove_pis=True, collect_ids=False, default_doctype=False)


def parse_tree(text: str):
    """An lxml tree of the page, without comments; None when the markup cannot be parsed at all."""
    try:
        return lxml_html.document_fromstring(text, parser=_PARSER)
    except Exception:  # lxml raises several unrelated types on junk input; the caller records the failure
        return None


def _json_ld_objects(tree) -> list[dict]:
    found: list[dict] = []

    def walk(node):
        if isinstance(node, list):
            for item in node:
                walk(item)
        elif isinstance(node, dict):
            found.append(node)
            walk(node.get("@graph", []))

    for script in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            walk(json.loads(script.text_content() or "null"))
        except (ValueError, RecursionError):
            continue
    return found


def json_ld_article(tree) -> dict | None:
    for obj in _json_ld_objects(tree):
        types = obj.get("@type", [])
        types = [types] if isinstance(types, str) else types
        if any(isinstance(t, str) and t.lower() in ARTICLE_TYPES for t in types):
            return obj
    return None


def meta_values(tree) -> dict[str, str]:
    """<meta> content by lower-cased property/name/itemprop (first wins), plus <time itemprop=datePublished>."""
    values: dict[str, str] = {}
    for meta in tree.xpath("//meta[@content]"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        content = meta.get("content", "").strip()
        if key and key not in values:
            values[key] = content
        elif key in MULTI_VALUED and content:
            values[key] += "\n" + content  # several article:author tags: one name per line
    for time in tree.xpath('//time[@itemprop="datePublished"][@datetime]'):
        values.setdefault("datepublished", time.get("datetime", "").strip())
    return values


# Characters with no width that pages put in headlines (soft hyphens, zero-width spaces and joiners).
_INVISIBLE = dict.fromkeys(map(ord, "\xad\u200b\u200c\u200d\u2060\ufeff"))
# What sites put between a headline and their own name in og:title and <title>: "Headline | Site".
_SUFFIX_SEPARATORS = (" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " » ", " * ", "｜", "：", " / ")


def clean_title(text: str | None) -> str:
    """A stated title as text: entities decoded (some sites escape twice), invisible characters dropped,
    spaces collapsed."""
    if not isinstance(text, str):
        return ""
    return " ".join(html.unescape(text).translate(_INVISIBLE).split())


def _key(text: str) -> str:
    return re.sub(r"\W", "", text.casefold())


def strip_site_suffix(title: str, names: set[str]) -> str:
    """'Headline | Site' -> 'Headline' when the part after the last separator is one of the site's names."""
    keys = {_key(n) for n in names if n and _key(n)}
    for sep in _SUFFIX_SEPARATORS:
        head, found, tail = title.rpartition(sep)
        if found and head.strip() and (k := _key(tail)) and any(k == n or k in n or n in k for n in keys):
            return head.strip()
    return title


def titles(tree, meta: dict[str, str], ld: dict | None, site_names: set[str] = frozenset()) -> list[tuple[str, str]]:
    """(source, headline) pairs the page states, in the order they are trusted, each cleaned and without the
    site's name: OpenGraph (`meta`, the headline the publisher gives for sharing), the JSON-LD article's
    headline, a single <h1> (or the one inside the <article>), Twitter's title, the <title> tag."""
    found = []
    if meta.get("og:title"):
        found.append(("meta", meta["og:title"]))
    if ld and isinstance(headline := ld.get("headline") or ld.get("name"), str):
        found.append(("json-ld", headline))
    h1s = tree.xpath("//h1")
    if len(h1s) > 1:
        h1s = tree.xpath("//article//h1")
    if len(h1s) == 1:
        found.append(("h1", h1s[0].text_content()))
    if meta.get("twitter:title"):
        found.append(("meta", meta["twitter:title"]))
    if (tag := tree.find(".//title")) is not None and tag.text:
        found.append(("title-tag", tag.text))
    cleaned = [(src, strip_site_suffix(clean_title(t), site_names)) for src, t in found]
    return [(src, t) for src, t in cleaned if t]


def headline(stated: list[tuple[str, str]]) -> tuple[str, str] | None:
    """The article's title from `titles()`: the most trusted one, except where it is another stated title
    followed by a separator and more ("Headline - National", "Headline * Site * by Author"): then the shorter,
    since the rest is a suffix only that source adds."""
    if not stated:
        return None
    source, best = stated[0]
    for other_source, other in stated[1:]:
        if len(other) < len(best) and best.startswith(other):
            rest = best[len(other) :]
            if any(rest.startswith(sep) for sep in _SUFFIX_SEPARATORS):
                source, best = other_source, other
    return source, best


def site_names(meta: dict[str, str], ld: dict | None, *more: str | None) -> set[str]:
    """Names the site goes by (og:site_name, the JSON-LD publisher, trafilatura's sitename): a byline equal to
    one of them is the organisation, not a person."""
    publisher = (ld or {}).get("publisher")
    names = {meta.get("og:site_name"), publisher.get("name") if isinstance(publisher, dict) else None, *more}
    return {n.strip() for n in names if isinstance(n, str) and n.strip()}


_BYLINE_CLASSES = ("byline", "author", "autor", "signature", "firma", "writer")
_BYLINE_CLASS = re.compile("|".join(_BYLINE_CLASSES))
_META_CLASS = re.compile(r"meta|info|dateline")
# Elements with a class, rel or itemprop, in document order: filtered in Python, 2-3x faster than XPath's
# contains() over every element on 100 kB pages (bench/cost.py).
_WITH_ATTRIBUTES = "//*[@class or @rel or @itemprop]"
_OUTSIDE_TAGS = {"nav", "aside", "footer"}
# Credits and captions of photos and videos, and other stories' teasers: names there are not this article's
# byline ("Photo by ...", "APA/AFP/Mandel Ngan", a video's "Liverpool-Trainer Klopp", a recirculation box).
_MEDIA_OR_TEASER = re.compile(
    r"caption|credit|copyright|photo|foto|image|img|bild|picture|media|video|player|gallery|slideshow|"
    r"related|recirc|teaser|popular|recommend|promo|more-stories|summary-item",
    re.IGNORECASE,
)
_MEDIA_TAGS = {"figure", "figcaption", "picture", "video"}


def _outside_story(node) -> bool:
    """In navigation, an aside, a footer or comments; or in a photo's or video's caption or credit, or in
    another story's teaser (up to the <article>, <main> or <body> that holds the node)."""
    inside = False
    for el in (node, *node.iterancestors()):
        classes = el.get("class") or ""
        if el.tag in _OUTSIDE_TAGS or "comment" in classes:
            return True
        if el.tag in ("article", "main", "body"):
            inside = True
        if not inside and (el.tag in _MEDIA_TAGS or _MEDIA_OR_TEASER.search(classes)):
            return True
    return False


_BY_WORD = re.compile(r"^\s*(by|von|par|por|di|door|av)\s", re.IGNORECASE)


def page_bylines(tree) -> list[str]:
    """Raw text of the page's byline elements (outermost first, at most three), as printed: "By X, Senior
    Reporter". Elements inside navigation, asides, comments and footers are skipped."""
    found: list[str] = []
    for node in tree.xpath(_WITH_ATTRIBUTES):
        classes = node.get("class") or ""
        byline_class = _BYLINE_CLASS.search(classes)
        named = byline_class or node.get("rel") == "author" or node.get("itemprop") == "author"
        if not (named or _META_CLASS.search(classes)) or _outside_story(node):
            continue
        text = " ".join(node.text_content().split())
        if "meta" in classes.lower() and not _BY_WORD.match(text) and not byline_class:
            continue  # a "meta" box is a byline only when it says "By ..." (or is also an author's box)
        if text and len(text) <= 200 and not any(text in f for f in found):
            found.append(text)
        if len(found) == 3:
            break
    return found


def headline_links(tree) -> int:
    """Headings that are links to other pages: a section front has many, an article one (its own) or none."""
    links = tree.xpath("//h2//a[@href] | //h3//a[@href] | //h4//a[@href]")
    return sum(1 for a in links if len(a.text_content().split()) >= 3)


_PROMPT_CLASSES = ("paywall", "regwall", "subscribe", "subscription", "piano-", "newsletter-signup", "premium-cta")
_PROMPT = re.compile("|".join(_PROMPT_CLASSES))


def drop_prompts(tree) -> int:
    """Remove subscription and paywall prompts (short boxes whose class says so) before the text is extracted;
    a long element with such a class may be the locked article itself and is kept. Returns how many went."""
    dropped = 0
    for node in tree.xpath("//*[@class or @id]"):
        if not _PROMPT.search(f"{node.get('class') or ''} {node.get('id') or ''}"):
            continue
        if node.getparent() is not None and len(node.text_content().split()) < 60:
            node.drop_tree()  # keeps the text that follows the element
            dropped += 1
    return dropped


def declared_language(tree, ld: dict | None) -> str | None:
    lang = (ld or {}).get("inLanguage") or tree.get("lang") or ""
    lang = lang.strip().lower().replace("_", "-").split("-")[0] if isinstance(lang, str) else ""
    return lang or None


def canonical_link(tree, meta: dict[str, str], url: str) -> str:
    """The URL the page names as its own (<link rel=canonical>, else og:url), resolved against `url`; `url`
    itself where the page names none, or names its site's front page (a template bug that would make every
    article one)."""
    stated = [link.get("href") for link in tree.xpath("//link[@href][contains(concat(' ', @rel, ' '), ' canonical ')]")]
    stated.append(meta.get("og:url"))
    for href in stated:
        absolute = http_url(href, url if url.startswith("http") else None) if href else None
        if absolute and (urlsplit(absolute).path.strip("/") or not urlsplit(url).path.strip("/")):
            return absolute
    return url


def site_name(meta: dict[str, str], ld: dict | None) -> str | None:
    publisher = (ld or {}).get("publisher")
    for name in (meta.get("og:site_name"), publisher.get("name") if isinstance(publisher, dict) else None,
                 meta.get("application-name")):  # fmt: skip
        if isinstance(name, str) and clean_title(name):
            return clean_title(name)
    return None


def description(meta: dict[str, str], ld: dict | None) -> str | None:
    for text in (meta.get("og:description"), meta.get("description"), meta.get("twitter:description"),
                 (ld or {}).get("description")):  # fmt: skip
        if isinstance(text, str) and clean_title(text):
            return clean_title(text)
    return None


def tags(meta: dict[str, str], ld: dict | None) -> list[str]:
    """The article's tags: article:tag, else the JSON-LD keywords, else the keywords <meta>."""
    if meta.get("article:tag") or meta.get("og:article:tag"):
        found = (meta.get("article:tag") or meta.get("og:article:tag")).split("\n")
    elif isinstance(keywords := (ld or {}).get("keywords"), list):
        found = [k for k in keywords if isinstance(k, str)]
    elif isinstance(keywords, str) and keywords.strip():
        found = keywords.split(",")
    else:
        found = (meta.get("news_keywords") or meta.get("keywords") or "").split(",")
    return list(dict.fromkeys(t for k in found if (t := clean_title(k))))


def og_type(meta: dict[str, str]) -> str | None:
    return meta.get("og:type") or None
