"""One gold page: what the page shows (`kind` says where its date sits) and what should come out of it."""

import dataclasses
from dataclasses import dataclass, field

DEFAULT_FETCHED = "2024-03-22T12:00:00+00:00"


@dataclass(frozen=True)
class A:
    slug: str
    site: str
    kind: str  # ld | og | visible | url | feed | relative | undated | liveblog | teaser | listing
    title: str = ""
    byline: str | None = None  # as printed on the page
    authors: list[str] = field(default_factory=list)  # expected people
    orgs: list[str] = field(default_factory=list)  # expected byline organisations
    paras: list[str] = field(default_factory=list)
    ents: list[tuple[str, str, str]] = field(default_factory=list)  # (surface, canonical, label)
    lang: str = "en"
    declared: str | None = None  # <html lang> when it differs from the text's language
    published: str | None = None  # what the page's markup states (ld, og, liveblog, teaser kinds)
    date: str | None = None  # expected UTC day; None: undateable
    modified: str | None = None
    dateline: str | None = None  # visible date text (visible, relative kinds)
    url: str | None = None  # when the URL carries the date
    listed: str | None = None  # the feed's date for the URL (feed kind)
    fetched: str = DEFAULT_FETCHED
    ld_authors: list[tuple[str, str]] | None = None  # JSON-LD author (name, @type) when not the byline itself
    meta_authors: list[str] | None = None  # <meta name=author> values
    related_dates: bool = False  # a sidebar of other stories with their dates
    listing_of: list["A"] | None = None  # listing pages: the stories listed
    syndicated_from: str | None = None
    fresh: bool = False  # written by hand after the entity rules, without looking at them (specs_fresh_*.py)

    def copy(self, **changes) -> "A":
        return dataclasses.replace(self, **changes)

    @property
    def is_article(self) -> bool:
        return self.kind != "listing"

    @property
    def text(self) -> str:
        return "\n".join(self.paras)
