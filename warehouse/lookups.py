"""What a writer looks stored articles up in (`warehouse.loader.WarehouseState`), derived from the key columns
of every stored article version (`warehouse.keycache`), in load order (DuckLake's row id):
- articles: each article's latest version (version, record key, legacy flag);
- content owners: each text's first loaded article, or the article that one was marked a copy of;
- near-duplicates: the simhash of each article that is no copy (its first loaded such version), ranked by
  publish time, dated ones first, then by load order; `find` returns the close one of least rank.

Rows loaded later are appended to lookups already derived: `append(a); append(b)` gives what `append(a + b)`
gives when `b` comes after `a` in load order (tests/test_lookups.py). At 10^6 articles, deriving them from
scratch is ~1 s of sorting; appending an hour's 500 rows takes a few ms. Pure: numpy only.
"""

from dataclasses import dataclass, field

import numpy as np

from transforms.dedup import NearDuplicateIndex
from warehouse.keys import KeyMap, KeySet

UNDATED = 1 << 62  # added to an undated article's rank (its extraction time): after every dated one
_NO_KEYS = np.empty(0, dtype=np.uint64)


def no_articles() -> KeyMap:
    return KeyMap(_NO_KEYS, [np.empty(0, np.int64), _NO_KEYS, np.empty(0, bool)])


def no_owners() -> KeyMap:
    return KeyMap(_NO_KEYS, [_NO_KEYS])


@dataclass
class Lookups:
    articles: KeyMap = field(default_factory=no_articles)  # article id -> (version, record key, legacy)
    content_owner: KeyMap = field(default_factory=no_owners)  # content -> article
    near: NearDuplicateIndex = field(default_factory=NearDuplicateIndex)
    near_ids: KeySet = field(default_factory=KeySet)  # the articles `near` holds

    @classmethod
    def derive(cls, rows: dict[str, np.ndarray]) -> "Lookups":
        lookups = cls()
        lookups.append(rows)
        return lookups

    def append(self, rows: dict[str, np.ndarray]) -> None:
        """Rows (key columns, `warehouse.keycache.ARTICLE_COLUMNS`) loaded after every row these lookups were
        derived from, in load order."""
        if not len(rows["id"]):
            return
        ids = rows["id"]
        owner = np.where(rows["copy"], rows["owner"], ids)
        # the latest version of each article: the last loaded of its highest version
        by_id = np.lexsort((rows["version"], ids))
        last = by_id[np.r_[ids[by_id][1:] != ids[by_id][:-1], True]]
        found, (stored_version, _, _) = self.articles.lookup(ids[last])
        last = last[~found | (rows["version"][last] >= stored_version)]
        self.articles.put(ids[last], [rows["version"][last], rows["record"][last], rows["legacy"][last]])
        # the first article loaded with a text owns it
        contents, first = np.unique(rows["content"], return_index=True)
        found, _ = self.content_owner.lookup(contents)
        self.content_owner.put(contents[~found], [owner[first[~found]]])
        # articles that are no copy, once each (their first loaded such version), in rank order
        originals = np.flatnonzero(~rows["copy"])
        _, once = np.unique(ids[originals], return_index=True)
        originals = np.sort(originals[once])
        originals = originals[~self.near_ids.holds(ids[originals])]
        rank = rows["published"][originals] + np.where(rows["dated"][originals], 0, UNDATED)
        order = np.lexsort((originals, rank))
        self.near.extend(rows["simhash"][originals[order]], ids[originals[order]], rank[order])
        self.near_ids.update(ids[originals])

    def arrays(self) -> dict[str, np.ndarray]:
        """Everything held, as arrays to keep in a file (`of` makes the lookups again)."""
        article_ids, (version, record, legacy) = self.articles.arrays()
        contents, (owners,) = self.content_owner.arrays()
        near = self.near.arrays()
        return {
            "article_ids": article_ids, "versions": version, "records": record, "legacy": legacy,
            "contents": contents, "content_owners": owners,
            "near_hashes": near["hashes"], "near_owners": near["owners"], "near_ranks": near["ranks"],
            "near_bands": near["bands"],
            "near_ids": self.near_ids.array(),
        }  # fmt: skip

    @classmethod
    def of(cls, a: dict[str, np.ndarray]) -> "Lookups":
        near = NearDuplicateIndex.of(a["near_hashes"], a["near_owners"], a["near_ranks"], a["near_bands"])
        return cls(
            articles=KeyMap(a["article_ids"], [a["versions"], a["records"], a["legacy"]]),
            content_owner=KeyMap(a["contents"], [a["content_owners"]]),
            near=near,
            near_ids=KeySet(a["near_ids"]),
        )
