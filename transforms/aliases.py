"""Cross-article aliases: "US", "U.S." and "United States", or a lone "Putin" and "Vladimir Putin", counted as
one entity in `entity_daily`.

Inside one article, `entities.canonicalise` already maps "Putin" to "Vladimir Putin" when both appear. An
article that only says "Putin" keeps "Putin". The alias table closes that gap with two kinds of row:

- **seed**: well-known abbreviations and short names (below), whatever the articles say;
- **learned**: a form that articles resolved to a longer name. It becomes an alias of that name when at
  least `min_articles` articles resolved it, and at least `min_share` of the articles that resolved it
  chose that one name. "Smith" resolved to two different Smiths is ambiguous and gets no alias.

Each alias carries the label its target has in most mentions, so a surname the model once tagged ORG joins
its PERSON. Pure: the evidence comes in as rows, the table goes out as rows. The catalog builds it
(warehouse/catalog.py).
"""

from collections import Counter, defaultdict
from collections.abc import Iterable

# alias -> (canonical, label): forms that mean one thing in news text. "America" (a continent, or the
# United States) is left out; "Britain" is in: in news it means the United Kingdom.
SEED: dict[str, tuple[str, str]] = {
    **dict.fromkeys(("US", "U.S.", "USA", "U.S.A.", "the United States"), ("United States", "GPE")),
    **dict.fromkeys(("UK", "U.K.", "Britain", "Great Britain"), ("United Kingdom", "GPE")),
    **dict.fromkeys(("EU", "E.U."), ("European Union", "ORG")),
    **dict.fromkeys(("UN", "U.N."), ("United Nations", "ORG")),
    "UAE": ("United Arab Emirates", "GPE"),
    "ECB": ("European Central Bank", "ORG"),
    "Fed": ("Federal Reserve", "ORG"),
    "IMF": ("International Monetary Fund", "ORG"),
    "WHO": ("World Health Organization", "ORG"),
    "OPEC": ("Organization of the Petroleum Exporting Countries", "ORG"),
}
# Part of the key under which a catalog reuses its alias table: bump when build()'s rules change.
RULES_VERSION = 1


def _form(text: str) -> str:
    return " ".join(text.split())


def build(
    evidence: Iterable[tuple[str, str, int]],
    label_counts: Iterable[tuple[str, str, int]],
    *,
    min_articles: int = 2,
    min_share: float = 0.8,
) -> list[dict]:
    """evidence: (form as written, canonical it was resolved to in-article, articles) for form != canonical;
    label_counts: (canonical, label, mentions). Returns rows {alias, canonical, label, source, articles}."""
    resolved: dict[str, Counter] = defaultdict(Counter)
    for text, canonical, articles in evidence:
        form, canonical = _form(text), _form(canonical)
        if form and canonical and form != canonical:
            resolved[form][canonical] += int(articles)
    labels: dict[str, Counter] = defaultdict(Counter)
    for canonical, label, n in label_counts:
        labels[_form(canonical)][label] += int(n)

    def label_of(canonical: str, fallback: str) -> str:
        top = labels.get(canonical)
        return top.most_common(1)[0][0] if top else fallback

    rows = [
        {"alias": alias, "canonical": canonical, "label": label_of(canonical, label), "source": "seed",
         "articles": sum(resolved.get(alias, Counter()).values())}
        for alias, (canonical, label) in SEED.items()
    ]  # fmt: skip
    for form, targets in sorted(resolved.items()):
        if form in SEED:
            continue
        (best, n), total = targets.most_common(1)[0], sum(targets.values())
        if n >= min_articles and n >= min_share * total and best not in SEED:
            rows.append({"alias": form, "canonical": best, "label": label_of(best, "PERSON"), "source": "learned",
                         "articles": n})  # fmt: skip
    return rows
