"""A gazetteer of place names: countries, US states, continents and cities of 100,000 people or more, with
their usual alternate spellings ("Seville", "Sevilla"), from GeoNames (CC BY 4.0). The small English model
labels a lone city ORG or PERSON often ("Rotterdam", "Malaga"); `entities.relabel_places` corrects that
with this list. Written by transforms/data/build_places.py; read once per process from the package's data.
"""

from functools import cache
from importlib.resources import files


@cache
def gazetteer() -> dict[str, str]:
    """name -> label (GPE for countries, states and cities; LOC for continents)."""
    places: dict[str, str] = {}
    for line in files("transforms.data").joinpath("places.tsv").read_text(encoding="utf-8").splitlines():
        if line and not line.startswith("#"):
            name, _, label = line.partition("\t")
            places[name] = label
    return places
