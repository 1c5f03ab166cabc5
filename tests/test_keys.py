"""The compact key store the warehouse state is held in agrees with plain Python sets and dicts."""

import numpy as np
import pyarrow as pa
from hypothesis import given, settings
from hypothesis import strategies as st

from warehouse import keys
from warehouse.keys import Codec, KeyMap, KeySet

hex_ids = st.text(alphabet="0123456789abcdef", min_size=16, max_size=16)
any_ids = st.one_of(hex_ids, st.text(max_size=20))


@settings(max_examples=100, deadline=None)
@given(values=st.lists(any_ids, max_size=40))
def test_column_and_scalar_encodings_agree_and_turn_back_into_the_strings(values):
    codec = Codec()
    column = codec.many(pa.chunked_array([pa.array(values, pa.string())]))
    assert [int(k) for k in column] == [codec.one(v) for v in values]
    assert [codec.name(int(k)) for k in column] == values


same_width = st.text(alphabet="0123456789abcdefABg_ ", min_size=16, max_size=16)


@settings(max_examples=100, deadline=None)
@given(values=st.lists(st.one_of(hex_ids, same_width), min_size=1, max_size=40), prefix=st.booleans(),
       tail=st.sampled_from(["", "0" * 48]), offset=st.integers(0, 3))  # fmt: skip
def test_a_column_of_same_width_values_decodes_as_value_by_value(values, prefix, tail, offset):
    """The one-pass path for columns whose values are all as long (ids, hashes), sliced arrays included."""
    values = [v + tail for v in values] if prefix else values
    codec = Codec()
    column = pa.array(["x" * len(values[0])] * offset + values, pa.string())[offset:]
    assert [int(k) for k in codec.many(column, prefix)] == [codec.one(v, prefix) for v in values]
    assert [codec.name(int(k)) for k in codec.many(column)] == values


def test_a_hash_is_keyed_by_its_first_16_hex_digits():
    codec = Codec()
    digest = "0123456789abcdef" + "9" * 48
    assert codec.one(digest, prefix=True) == 0x0123456789ABCDEF
    assert list(codec.many(pa.array([digest]), prefix=True)) == [0x0123456789ABCDEF]
    assert codec.one(digest) != 0x0123456789ABCDEF  # a whole long string is not an id: it is hashed


operations = st.lists(st.tuples(st.integers(0, 2**64 - 1) | st.integers(0, 50), st.integers(0, 2**63 - 1)), max_size=80)


@settings(max_examples=100, deadline=None)
@given(stored=operations, added=operations)
def test_keymap_and_keyset_behave_like_a_dict_and_a_set(stored, added):
    keys.MERGE_AFTER, before = 7, keys.MERGE_AFTER  # merge often, so both paths run
    try:
        first = {}
        for k, v in stored:
            first.setdefault(k, v)
        # the store is built from unique keys (the loader keeps one row per key)
        mapping = KeyMap(np.array(list(first), dtype=np.uint64), [np.array(list(first.values()), dtype=np.int64)])
        members = KeySet(np.array([k for k, _ in stored], dtype=np.uint64))
        model = dict(first)
        for k, v in added:
            mapping.set(k, (v,))
            members.update([k])
            model[k] = v
        for k in {k for k, _ in stored + added} | {12345}:
            assert mapping.get(k) == ((model[k],) if k in model else None)
            assert (k in members) == (k in model)
        assert len(mapping) == len(model) == len(members)
    finally:
        keys.MERGE_AFTER = before


@settings(max_examples=150, deadline=None)
@given(
    stored=st.lists(st.tuples(st.integers(0, 40), st.integers(0, 9)), max_size=30),
    batches=st.lists(st.lists(st.tuples(st.integers(0, 40), st.integers(0, 9)), max_size=12), max_size=4),
)
def test_many_keys_at_once_agree_with_one_at_a_time(stored, batches):
    """`put`, `lookup` and `update` with arrays, as the lookups are brought up to date: a few keys go to the
    recent dict or set, more are merged into the sorted arrays (MERGE_AFTER is small here, so both run)."""
    keys.MERGE_AFTER, before = 7, keys.MERGE_AFTER
    try:
        first = dict(reversed(stored))
        mapping = KeyMap(np.array(list(first), dtype=np.uint64), [np.array(list(first.values()), dtype=np.int64)])
        members = KeySet(np.array(sorted(first), dtype=np.uint64))
        model = dict(first)
        for batch in batches:
            batch = dict(batch)  # distinct keys
            ks = np.array(list(batch), dtype=np.uint64)
            mapping.put(ks, [np.array(list(batch.values()), dtype=np.int64)])
            members.update(ks)
            model.update(batch)
            probe = np.arange(45, dtype=np.uint64)
            found, (values,) = mapping.lookup(probe)
            assert found.tolist() == [int(k) in model for k in probe]
            assert [int(v) for v, f in zip(values, found, strict=True) if f] == [
                model[k] for k in range(45) if k in model
            ]
            assert members.holds(probe).tolist() == found.tolist()
        assert members.array().tolist() == sorted(model) and len(mapping) == len(model) == len(members)
    finally:
        keys.MERGE_AFTER = before
