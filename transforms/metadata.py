"""What a page states about itself, read from the parsed tree: its JSON-LD article, <meta> values, stated
titles, site names, declared language and type. Dates and bylines are judged in `dates` and `authors`."""

import json
import re

from lxml import html as lxml_html

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
MULTI_VALUED = frozenset({"author", "article:author", "dc.creator", "parsely-author", "sailthru.author"})


def parse_tree(text: str):
    """An lxml tree for metadata lookups; None when the markup cannot be parsed at all."""
    try:
        return lxml_html.document_fromstring(text)
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


def titles(tree, meta: dict[str, str], ld: dict | None) -> list[tuple[str, str]]:
    """(source, headline) pairs the page states, in order of trust: JSON-LD headline, OpenGraph/Twitter title,
    a single <h1>, the <title> tag."""
    found = []
    if ld and isinstance(headline := ld.get("headline") or ld.get("name"), str):
        found.append(("json-ld", headline))
    for key in ("og:title", "twitter:title"):
        if meta.get(key):
            found.append(("meta", meta[key]))
    h1s = tree.xpath("//h1")
    if len(h1s) == 1:
        found.append(("h1", h1s[0].text_content()))
    if (tag := tree.find(".//title")) is not None and tag.text:
        found.append(("title-tag", tag.text))
    return found


def site_names(meta: dict[str, str], ld: dict | None, *more: str | None) -> set[str]:
    """Names the site goes by (og:site_name, the JSON-LD publisher, trafilatura's sitename): a byline equal to
    one of them is the organisation, not a person."""
    publisher = (ld or {}).get("publisher")
    names = {meta.get("og:site_name"), publisher.get("name") if isinstance(publisher, dict) else None, *more}
    return {n.strip() for n in names if isinstance(n, str) and n.strip()}


_BYLINE_CLASSES = ("byline", "author", "autor", "signature", "firma", "credit", "writer")
_BYLINE_XPATH = (
    "//*[@rel='author' or @itemprop='author' or "
    + " or ".join(f"contains(@class, '{c}')" for c in _BYLINE_CLASSES)
    + "]"
)
_META_XPATH = "//*[contains(@class, 'meta') or contains(@class, 'info') or contains(@class, 'dateline')]"
_OUTSIDE_STORY = "ancestor::nav or ancestor::aside or ancestor::footer or ancestor::*[contains(@class, 'comment')]"
_BY_WORD = re.compile(r"^\s*(by|von|par|por|di|door|av)\s", re.IGNORECASE)


def page_bylines(tree) -> list[str]:
    """Raw text of the page's byline elements (outermost first, at most three), as printed: "By X, Senior
    Reporter". Elements inside navigation, asides, comments and footers are skipped."""
    found: list[str] = []
    for node in tree.xpath(f"{_BYLINE_XPATH} | {_META_XPATH}"):
        if node.xpath(_OUTSIDE_STORY):
            continue
        text = " ".join(node.text_content().split())
        if node.get("class") and "meta" in node.get("class") and not _BY_WORD.match(text):
            continue  # a "meta" box is a byline only when it says "By ..."
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
_PROMPT_XPATH = "//*[" + " or ".join(f"contains(@class, '{c}') or contains(@id, '{c}')" for c in _PROMPT_CLASSES) + "]"


def drop_prompts(tree) -> int:
    """Remove subscription and paywall prompts (short boxes whose class says so) before the text is extracted;
    a long element with such a class may be the locked article itself and is kept. Returns how many went."""
    dropped = 0
    for node in tree.xpath(_PROMPT_XPATH):
        if node.getparent() is not None and len(node.text_content().split()) < 60:
            node.drop_tree()  # keeps the text that follows the element
            dropped += 1
    return dropped


def declared_language(tree, ld: dict | None) -> str | None:
    lang = (ld or {}).get("inLanguage") or tree.get("lang") or ""
    lang = lang.strip().lower().replace("_", "-").split("-")[0] if isinstance(lang, str) else ""
    return lang or None


def og_type(meta: dict[str, str]) -> str | None:
    return meta.get("og:type") or None
