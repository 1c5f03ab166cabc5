"""Stored keys held compactly: 64-bit integers in sorted numpy arrays, not a Python object per row.

Warehouse ids are 16 lowercase hex digits (`transforms.text.short_id`), and a content hash's first 16 digits
identify it as well (64 bits: a chance collision among a million texts is ~3e-8). Each becomes one uint64.
Any other string (a hand-made id in a test, say) is hashed to one and remembered, so it still turns back
into itself. A million articles' worth of keys then takes tens of MB instead of hundreds, and is read from
Parquet without making a Python object per row.
"""

import hashlib
from collections.abc import Iterable, Sequence

import numpy as np
import pyarrow as pa

MERGE_AFTER = 20_000  # recent additions kept in a dict before they are merged into the sorted arrays
_EMPTY = np.empty(0, dtype=np.uint64)

_NIBBLE = np.full(256, 255, dtype=np.uint8)
_NIBBLE[np.frombuffer(b"0123456789", dtype=np.uint8)] = np.arange(10)
_NIBBLE[np.frombuffer(b"abcdef", dtype=np.uint8)] = np.arange(10, 16)


class Codec:
    """Strings <-> uint64 keys. `prefix=True` reads the first 16 hex digits of a longer hash."""

    def __init__(self) -> None:
        self.names: dict[int, str] = {}  # keys of strings that are not hex ids

    def one(self, value: str, prefix: bool = False) -> int:
        head = value[:16] if prefix else value
        if len(head) == 16 and all(c in "0123456789abcdef" for c in head):
            return int(head, 16)
        return self._hashed(value)

    def _hashed(self, value: str) -> int:
        key = int(hashlib.sha256(value.encode("utf-8")).hexdigest()[:16], 16)
        self.names[key] = value
        return key

    def many(self, values: pa.Array | pa.ChunkedArray, prefix: bool = False) -> np.ndarray:
        """A string column (no nulls) -> uint64 keys. Hex ids are decoded straight from Arrow's buffers, with
        no Python object per value; other strings are hashed one by one."""
        chunks = values.chunks if isinstance(values, pa.ChunkedArray) else [values]
        parts = [self._chunk(c, prefix) for c in chunks if len(c)]
        return np.concatenate(parts) if parts else _EMPTY.copy()

    def _chunk(self, chunk: pa.Array, prefix: bool) -> np.ndarray:
        if pa.types.is_string_view(chunk.type) or chunk.null_count:
            chunk = chunk.cast(pa.large_string())  # a layout with offsets; nulls are hashed below as ""
        width = np.int64 if pa.types.is_large_string(chunk.type) else np.int32
        _, offsets_buf, data_buf = chunk.buffers()
        n = len(chunk)
        offsets = np.frombuffer(offsets_buf, dtype=width)[chunk.offset : chunk.offset + n + 1].astype(np.int64)
        data = np.frombuffer(data_buf, dtype=np.uint8) if data_buf is not None else np.zeros(1, np.uint8)
        lengths = np.diff(offsets)
        good = lengths >= 16 if prefix else lengths == 16
        if not len(data):
            digits = np.full((n, 16), 255, np.uint8)
        elif good.all() and (lengths == lengths[0]).all():  # the usual column (ids: 16 digits, hashes: 64): its
            digits = _NIBBLE[data[offsets[0] : offsets[-1]].reshape(n, int(lengths[0]))[:, :16]]  # bytes as a matrix
        else:  # each value's first 16 bytes gathered (6x slower)
            digits = _NIBBLE[data[np.minimum(offsets[:-1, None] + np.arange(16), len(data) - 1)]]
        good &= (digits != 255).all(axis=1)
        # two digits a byte, 8 bytes read as one big-endian uint64
        keys = np.ascontiguousarray((digits[:, 0::2] << 4) | digits[:, 1::2]).view(">u8").ravel().astype(np.uint64)
        for i in np.flatnonzero(~good):  # no hex id (a hand-made one): hashed
            keys[i] = self.one(chunk[int(i)].as_py() or "", prefix)
        return keys

    def name(self, key: int) -> str:
        return self.names.get(key, f"{key:016x}")


def sorted_unique(keys: np.ndarray) -> np.ndarray:
    """np.unique by sorting: numpy 2.4's np.unique hashes uint64 keys, 25x slower (1.07 s against 0.04 s for
    10^6 keys, measured), and np.union1d calls it. Keys already in order are not sorted again."""
    if not np.all(keys[1:] >= keys[:-1]):
        keys = np.sort(keys)
    return keys[np.r_[True, keys[1:] != keys[:-1]]] if len(keys) else keys


def merge_sorted(stored: np.ndarray, more: np.ndarray) -> np.ndarray:
    """`stored` (sorted) with `more` (any order) put in place: O(len(stored)) copying, no sort of the whole."""
    more = np.sort(more)
    return np.insert(stored, np.searchsorted(stored, more, side="right"), more)


class KeySet:
    """Set of uint64 keys."""

    def __init__(self, keys: np.ndarray = _EMPTY) -> None:
        self._sorted = sorted_unique(np.asarray(keys, dtype=np.uint64))
        self._recent: set[int] = set()

    def __len__(self) -> int:
        return len(self._sorted) + len(self._recent)

    def __contains__(self, key: int) -> bool:
        i = int(np.searchsorted(self._sorted, np.uint64(key)))
        return (i < len(self._sorted) and int(self._sorted[i]) == key) or key in self._recent

    def update(self, keys: Iterable[int] | np.ndarray) -> None:
        if not isinstance(keys, np.ndarray):
            keys = np.fromiter(map(int, keys), dtype=np.uint64)
        keys = sorted_unique(keys.astype(np.uint64, copy=False))
        keys = keys[~self.holds(keys)]
        if len(self._recent) + len(keys) > MERGE_AFTER:  # merged into the sorted keys
            recent = np.fromiter(self._recent, dtype=np.uint64, count=len(self._recent))
            self._sorted = sorted_unique(np.concatenate([self._sorted, recent, keys]))
            self._recent = set()
        else:
            self._recent.update(keys.tolist())

    def holds(self, keys: np.ndarray) -> np.ndarray:
        """For many keys at once: which are in the set."""
        found = _in_sorted(self._sorted, keys)
        if self._recent:
            found |= np.fromiter((k in self._recent for k in keys.tolist()), dtype=bool, count=len(keys))
        return found

    def array(self) -> np.ndarray:
        """Every key, sorted."""
        recent = np.fromiter(self._recent, dtype=np.uint64, count=len(self._recent))
        return sorted_unique(np.concatenate([self._sorted, recent])) if self._recent else self._sorted


def _in_sorted(stored: np.ndarray, keys: np.ndarray) -> np.ndarray:
    if not len(stored):
        return np.zeros(len(keys), dtype=bool)
    return stored[np.minimum(np.searchsorted(stored, keys), len(stored) - 1)] == keys


class KeyMap:
    """Map of uint64 keys to fixed tuples of numbers (one numpy column each). A later `set` wins."""

    def __init__(self, keys: np.ndarray, columns: Sequence[np.ndarray]) -> None:
        self._recent: dict[int, tuple] = {}
        self._sort(keys, columns)

    def _sort(self, keys: np.ndarray, columns: Sequence[np.ndarray]) -> None:
        if np.all(keys[1:] >= keys[:-1]):  # in order already (kept so between runs): not sorted again
            self._keys, self._columns = keys, list(columns)
            return
        order = np.argsort(keys, kind="stable")
        self._keys = keys[order]
        self._columns = [c[order] for c in columns]

    def __len__(self) -> int:
        return len(self._keys) + sum(1 for k in self._recent if not self._stored(k)[0])

    def _stored(self, key: int) -> tuple[bool, int]:
        i = int(np.searchsorted(self._keys, np.uint64(key)))
        return i < len(self._keys) and int(self._keys[i]) == key, i

    def get(self, key: int) -> tuple | None:
        if key in self._recent:
            return self._recent[key]
        found, i = self._stored(key)
        return tuple(c[i].item() for c in self._columns) if found else None

    def set(self, key: int, value: tuple) -> None:
        self._recent[int(key)] = value
        if len(self._recent) > MERGE_AFTER:
            self._merge()

    def arrays(self) -> tuple[np.ndarray, list[np.ndarray]]:
        """(sorted keys, their columns)."""
        if self._recent:
            self._merge()
        return self._keys, self._columns

    def lookup(self, keys: np.ndarray) -> tuple[np.ndarray, list[np.ndarray]]:
        """For many keys at once: (stored or not, each column's value where stored)."""
        if not len(self._keys):
            found, columns = np.zeros(len(keys), dtype=bool), [np.zeros(len(keys), c.dtype) for c in self._columns]
        else:
            i = np.minimum(np.searchsorted(self._keys, keys), len(self._keys) - 1)
            found, columns = self._keys[i] == keys, [c[i] for c in self._columns]
        for j, key in enumerate(keys.tolist() if self._recent else ()):
            if key in self._recent:
                found[j] = True
                for c, value in zip(columns, self._recent[key], strict=True):
                    c[j] = value
        return found, columns

    def put(self, keys: np.ndarray, columns: Sequence[np.ndarray]) -> None:
        """Set many distinct keys at once: a few go where `set` puts them; many are merged into the sorted
        arrays, stored ones replaced and new ones put in place (no sort of the whole)."""
        if len(self._recent) + len(keys) <= MERGE_AFTER:
            self._recent.update(zip(keys.tolist(), zip(*(c.tolist() for c in columns), strict=True), strict=True))
            return
        stored, old = self.arrays()
        found = _in_sorted(stored, keys)
        at = np.searchsorted(stored, keys)
        kept = [c.copy() for c in old]
        for c, new in zip(kept, columns, strict=True):
            c[at[found]] = new[found]
        order = np.argsort(keys[~found])
        where = at[~found][order]
        self._keys = np.insert(stored, where, keys[~found][order])
        self._columns = [np.insert(c, where, new[~found][order]) for c, new in zip(kept, columns, strict=True)]

    def _merge(self) -> None:
        recent = np.fromiter(self._recent, dtype=np.uint64, count=len(self._recent))
        keep = ~np.isin(self._keys, recent)
        keys = np.concatenate([self._keys[keep], recent])
        columns = [
            np.concatenate([c[keep], np.array([v[j] for v in self._recent.values()], dtype=c.dtype)])
            for j, c in enumerate(self._columns)
        ]
        self._recent = {}
        self._sort(keys, columns)
