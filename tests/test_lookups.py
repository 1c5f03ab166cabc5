"""The lookups a writer derives from the stored article versions (warehouse/lookups.py): appending rows loaded
later gives exactly what deriving them all from scratch gives, so a run that brings cached lookups up to date
marks the same duplicates as one that reads the whole warehouse."""

import itertools

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from transforms.dedup import NearDuplicateIndex
from warehouse.keycache import ARTICLE_COLUMNS, in_load_order
from warehouse.lookups import Lookups


def rows_in_load_order(seed: int, n: int) -> dict[str, np.ndarray]:
    """Article versions with the collisions that matter: few ids (several versions each), shared texts, copies,
    near simhashes, undated rows, equal publish and extraction times."""
    rng = np.random.default_rng(seed)
    ids = rng.integers(1, 2**64, max(2, n // 3), dtype=np.uint64)
    base = rng.integers(0, 2**64, 8, dtype=np.uint64)
    rows = {
        "id": rng.choice(ids, n),
        "record": rng.integers(0, 2**64, n, dtype=np.uint64),
        "content": rng.choice(rng.integers(0, 2**64, max(2, n // 4), dtype=np.uint64), n),
        "owner": rng.choice(ids, n),
        "version": rng.integers(1, 4, n).astype(np.int64),
        "row": rng.permutation(n).astype(np.int64),
        "published": rng.integers(0, 4, n).astype(np.int64),
        "simhash": rng.choice(base, n) ^ (np.uint64(1) << rng.integers(0, 64, n).astype(np.uint64)),  # near
        "legacy": rng.random(n) < 0.1,
        "dated": rng.random(n) < 0.7,
        "copy": rng.random(n) < 0.3,
    }
    assert sorted(rows) == sorted(ARTICLE_COLUMNS)
    return in_load_order(rows)


def canonical(lookups: Lookups) -> dict[str, np.ndarray]:
    """What the lookups answer: their arrays, the near-duplicate entries in rank order (equal ranks in the
    order they were added, which `find` breaks ties by)."""
    a = dict(lookups.arrays())
    del a["near_bands"]  # how the index finds candidates, which depends on when it last sorted them
    order = np.argsort(a["near_ranks"], kind="stable")
    for k in ("near_hashes", "near_owners", "near_ranks"):
        a[k] = a[k][order]
    return a


def equal(x: Lookups, y: Lookups) -> bool:
    a, b = canonical(x), canonical(y)
    return a.keys() == b.keys() and all(a[k].dtype == b[k].dtype and np.array_equal(a[k], b[k]) for k in a)


@settings(max_examples=150, deadline=None)
@given(seed=st.integers(0, 2**32 - 1), n=st.integers(0, 120), cuts=st.lists(st.integers(0, 120), max_size=3))
def test_appending_later_rows_gives_what_deriving_them_all_gives(seed, n, cuts):
    rows = rows_in_load_order(seed, n)
    whole = Lookups.derive(rows)
    parts = Lookups()
    edges = [0, *sorted(min(c, n) for c in cuts), n]
    for lo, hi in itertools.pairwise(edges):
        parts.append({k: v[lo:hi] for k, v in rows.items()})
    assert equal(parts, whole)
    again = Lookups.of({k: v.copy() for k, v in parts.arrays().items()})  # as kept in a file between runs
    assert equal(again, whole)
    for query in np.unique(rows["simhash"]):
        assert again.near.find(int(query)) == whole.near.find(int(query))


def test_the_lookups_follow_the_rules_a_fresh_read_had():
    """Latest version wins; the first loaded text owns it; the near-duplicate owner is the earliest published
    original, dated before undated, whatever order the originals were loaded in."""
    near_text = 0b1011 << 40

    def rows(*r):  # (id, version, content, row id, published, dated, copy, owner)
        cols = list(zip(*r, strict=True))
        n = len(r)
        return {
            "id": np.array(cols[0], np.uint64), "version": np.array(cols[1], np.int64),
            "content": np.array(cols[2], np.uint64), "row": np.array(cols[3], np.int64),
            "published": np.array(cols[4], np.int64), "dated": np.array(cols[5], bool),
            "copy": np.array(cols[6], bool), "owner": np.array(cols[7], np.uint64),
            "record": np.arange(n, dtype=np.uint64) + 100, "legacy": np.zeros(n, bool),
            "simhash": np.full(n, near_text, np.uint64) ^ np.arange(n, dtype=np.uint64),
        }  # fmt: skip

    lookups = Lookups.derive(rows((1, 1, 50, 0, 30, True, False, 0), (2, 1, 51, 1, 99, False, False, 0)))
    assert lookups.near.find(near_text) == 1
    lookups.append(rows((3, 1, 50, 2, 10, True, False, 0), (1, 2, 52, 3, 30, True, False, 0)))
    assert lookups.articles.get(1) == (2, 101, False) and lookups.articles.get(3) == (1, 100, False)
    assert lookups.content_owner.get(50) == (1,)  # loaded first, though published later
    assert lookups.near.find(near_text) == 3  # published first
    lookups.near.add(near_text, 4)  # added by a run: after every stored one
    assert lookups.near.find(near_text) == 3


def test_an_unranked_index_returns_the_earliest_added_and_a_ranked_one_the_least_rank():
    index = NearDuplicateIndex()
    index.extend([0b111, 0b110, 0b011], [7, 8, 9])
    assert index.find(0b111) == 7
    index = NearDuplicateIndex()
    index.extend([0b111, 0b110, 0b011], [7, 8, 9], [30, 10, 10])
    assert index.find(0b111) == 8  # the least rank, the first added of two equal ones
    index.add(0b111, 6)
    assert index.find(0b111) == 8
