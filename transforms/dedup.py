"""Near-duplicate lookup over 64-bit simhashes. Pure; numpy only.

Two texts are near-duplicates when their simhashes differ in at most `THRESHOLD` bits. The hash is cut into
`THRESHOLD + 1` bands; two hashes that close must agree exactly on at least one band (pigeonhole), so a lookup
only compares the stored hashes that share a band with it: a binary search per band in sorted arrays. At a
million stored articles that is ~14,000 candidates in 7 bands, against a million for a scan.

The threshold, measured with `transforms.text.simhash` (word 3-grams) on ~500-word news texts (docs/design.md):
a credit line added moved 3-6 bits, a byline changed 1-3, one sentence reworded 4-11, the last paragraph
dropped 2-8; different articles were 27 bits apart or more. 6 bits catches most light edits and stays far
from chance: two unrelated hashes fall within 6 bits with probability about 4e-12.
"""

import itertools
from collections.abc import Sequence

import numpy as np

THRESHOLD = 6
_BAND_EDGES = np.linspace(0, 64, THRESHOLD + 2).round().astype(int)  # 7 bands of 9-10 bits
BANDS = [(int(lo), int(hi)) for lo, hi in itertools.pairwise(_BAND_EDGES)]
REBUILD_AFTER = 5000
LAST = np.iinfo(np.int64).max  # the rank of an entry added without one: after every ranked entry


def _band(values: np.ndarray, lo: int, hi: int) -> np.ndarray:
    return (values >> np.uint64(lo)) & np.uint64((1 << (hi - lo)) - 1)


def _grown(values: np.ndarray, size: int, capacity: int) -> np.ndarray:
    grown = np.empty(capacity, dtype=values.dtype)  # not np.resize, which fills the new part by repeating
    grown[:size] = values[:size]
    return grown


class NearDuplicateIndex:
    """Simhashes, each with its owner (an integer key) and a rank; `find` returns the owner of least rank within
    THRESHOLD bits, the earliest inserted of equal ranks. Entries added without a rank rank after every ranked
    one (LAST), in insertion order. Storage grows by doubling, so adding one hash costs O(1)."""

    def __init__(self) -> None:
        self._hashes = np.empty(1024, dtype=np.uint64)
        self._owners = np.empty(1024, dtype=np.uint64)
        self._ranks = np.empty(1024, dtype=np.int64)
        self._size = 0
        self._bands: list[tuple[np.ndarray, np.ndarray]] = []  # per band: sorted band values, their positions
        self._indexed = 0  # positions below this are in the sorted bands; the rest are scanned

    def __len__(self) -> int:
        return self._size

    def arrays(self) -> dict[str, np.ndarray]:
        """The entries in insertion order, and each band's sorted positions (`of` makes the index again without
        sorting). Views: copy them to keep them past the next change."""
        n = self._size
        bands = np.stack([order for _, order in self._bands]) if self._bands else np.empty((len(BANDS), 0), np.uint32)
        return {"hashes": self._hashes[:n], "owners": self._owners[:n], "ranks": self._ranks[:n], "bands": bands}

    @classmethod
    def of(cls, hashes: np.ndarray, owners: np.ndarray, ranks: np.ndarray, bands: np.ndarray) -> "NearDuplicateIndex":
        """The index `arrays` described: at 10^6 entries, 7 gathers instead of 7 sorts (~0.1 s)."""
        index = cls()
        index._hashes = np.asarray(hashes, dtype=np.uint64)  # full: the next entry goes into a grown copy
        index._owners = np.asarray(owners, dtype=np.uint64)
        index._ranks = np.asarray(ranks, dtype=np.int64)
        index._size = index._indexed = len(hashes)
        if not index._size:
            return index
        index._indexed = bands.shape[1]
        indexed = index._hashes[: index._indexed]
        for (lo, hi), order in zip(BANDS, bands, strict=True):
            index._bands.append((_band(indexed, lo, hi).astype(np.uint16)[order], order))
        if index._size - index._indexed > REBUILD_AFTER or not index._indexed:
            index._rebuild()
        return index

    def _rebuild(self) -> None:
        self._bands = []
        hashes = self._hashes[: self._size]
        for lo, hi in BANDS:
            values = _band(hashes, lo, hi).astype(np.uint16)  # a band is at most 10 bits
            order = np.argsort(values, kind="stable").astype(np.uint32)
            self._bands.append((values[order], order))
        self._indexed = self._size

    def extend(
        self,
        hashes: Sequence[int] | np.ndarray,
        owners: Sequence[int] | np.ndarray,
        ranks: Sequence[int] | np.ndarray | None = None,
    ) -> None:
        hashes, owners = np.asarray(hashes, dtype=np.uint64), np.asarray(owners, dtype=np.uint64)
        ranks = np.full(len(hashes), LAST, dtype=np.int64) if ranks is None else np.asarray(ranks, dtype=np.int64)
        end = self._size + len(hashes)
        if end > len(self._hashes):
            capacity = max(end, 2 * len(self._hashes))
            self._hashes, self._owners, self._ranks = (
                _grown(a, self._size, capacity) for a in (self._hashes, self._owners, self._ranks)
            )
        self._hashes[self._size : end] = hashes
        self._owners[self._size : end] = owners
        self._ranks[self._size : end] = ranks
        self._size = end
        if self._size - self._indexed > REBUILD_AFTER or not self._indexed:
            self._rebuild()

    def add(self, simhash: int, owner: int) -> None:
        self.extend([simhash], [owner])

    def find(self, simhash: int) -> int | None:
        if not self._size:
            return None
        query = np.uint64(simhash)
        candidates = [np.arange(self._indexed, self._size)]  # added since the last rebuild
        for (lo, hi), (values, order) in zip(BANDS, self._bands, strict=True):
            key = np.uint16(_band(np.array([query]), lo, hi)[0])
            start, stop = np.searchsorted(values, key, side="left"), np.searchsorted(values, key, side="right")
            candidates.append(order[start:stop])
        positions = np.unique(np.concatenate(candidates))  # sorted: insertion order
        if not len(positions):
            return None
        distances = np.bitwise_count(self._hashes[positions] ^ query)
        close = positions[distances <= THRESHOLD]
        if not len(close):
            return None
        return int(self._owners[close[np.argmin(self._ranks[close])]])  # argmin: the first of equal ranks
