"""The stored keys kept between runs (warehouse/keycache.py): a state read through the cache, brought up to
date from the change feed, is the state read from the tables; where the cache cannot be trusted (a takedown,
a damaged file, another catalog) the tables are read again; merged files leave it trusted."""

import json
from datetime import UTC, datetime

import numpy as np
from test_check import page
from test_warehouse import article, load

from warehouse import keycache, maintain, takedown, writer
from warehouse.loader import WarehouseState, publish
from warehouse.lookups import Lookups


def state_arrays(state: WarehouseState) -> dict:
    near = state.near.arrays()
    order = np.argsort(near["ranks"], kind="stable")  # what `find` answers by: rank, then insertion
    return {
        "articles": [state.articles.arrays()[0], *state.articles.arrays()[1]],
        "owners": [state.content_owner.arrays()[0], *state.content_owner.arrays()[1]],
        "pages": [state.page_ids.array()],
        "near": [near["hashes"][order], near["owners"][order], near["ranks"][order]],
    }


def same(a: WarehouseState, b: WarehouseState) -> bool:
    x, y = state_arrays(a), state_arrays(b)
    return all(len(x[k]) == len(y[k]) and all(np.array_equal(p, q) for p, q in zip(x[k], y[k], strict=True)) for k in x)


def fresh(root) -> WarehouseState:
    """The state read from the tables alone."""
    (root / keycache.FILE).unlink(missing_ok=True)
    return WarehouseState.read(root)


def read_from_cache(root, monkeypatch) -> tuple[WarehouseState, list[str]]:
    """The state as a run reads it, and whether it read the tables whole (["all"]) or only the change feed."""
    calls = []
    real = keycache._read_all
    monkeypatch.setattr(keycache, "_read_all", lambda con, codec: calls.append("all") or real(con, codec))
    state = WarehouseState.read(root)
    monkeypatch.setattr(keycache, "_read_all", real)
    return state, calls


def test_a_state_brought_up_to_date_from_the_change_feed_is_the_state_read_from_the_tables(tmp_path, monkeypatch):
    texts = ["Lisbon trams run late again.", "A harbour strike in Porto.", "Rain over Braga all week."]
    load(tmp_path, [article(f"a{i}", text=t) for i, t in enumerate(texts)])
    writer.write(tmp_path, "pages", [page("a0"), page("a1")])
    state, calls = read_from_cache(tmp_path, monkeypatch)
    assert calls == ["all"] and (tmp_path / keycache.FILE).exists()  # no cache yet: the tables, and one made
    load(tmp_path, [article("a1", text="A harbour strike in Porto ends."), article("b1", text=texts[0] + " ")])
    writer.write(tmp_path, "pages", [page("a2")])
    load(tmp_path, [article("c1", text="Rain over Braga all week!", title="Other")])  # a near copy
    state, calls = read_from_cache(tmp_path, monkeypatch)
    assert calls == []  # the cached rows and what was inserted since
    assert same(state, fresh(tmp_path))
    assert state.article("a1").version == 2 and len(state.page_ids) == 3
    state, calls = read_from_cache(tmp_path, monkeypatch)  # nothing since: the cache as it is
    assert calls == [] and same(state, fresh(tmp_path))
    monkeypatch.setattr(keycache, "SAVE_AFTER", 1)  # written again once enough came from the change feed
    load(tmp_path, [article("d1", text="Sun in Faro.")])
    before = (tmp_path / keycache.FILE).read_bytes()
    state, calls = read_from_cache(tmp_path, monkeypatch)
    assert calls == [] and (tmp_path / keycache.FILE).read_bytes() != before
    assert same(read_from_cache(tmp_path, monkeypatch)[0], fresh(tmp_path)) and state.article("d1").version == 1


def test_after_a_takedown_or_a_damaged_file_the_tables_are_read_again(tmp_path, monkeypatch):
    load(tmp_path, [article(f"a{i}", text=f"Story number {i} about Lisbon.") for i in range(4)])
    WarehouseState.read(tmp_path)
    cached = (tmp_path / keycache.FILE).read_bytes()
    takedown.forget(tmp_path, ["https://x.example/a2"], reason="test", requested_by="tests")
    assert not (tmp_path / keycache.FILE).exists()  # it held the forgotten article's key
    (tmp_path / keycache.FILE).write_bytes(cached)  # had it stayed, it would not be trusted
    state, calls = read_from_cache(tmp_path, monkeypatch)
    assert calls == ["all"] and state.article("a2") is None and same(state, fresh(tmp_path))

    (tmp_path / keycache.FILE).write_bytes(b"not an npz file")
    state, calls = read_from_cache(tmp_path, monkeypatch)
    assert calls == ["all"] and same(state, fresh(tmp_path)) and state.article("a3").version == 1

    with np.load(tmp_path / keycache.FILE) as f:  # a file that opens, one of whose arrays is missing
        arrays = {k: f[k] for k in f.files if k != "l_near_bands"}
    np.savez(tmp_path / keycache.FILE, **arrays)
    state, calls = read_from_cache(tmp_path, monkeypatch)
    assert calls == ["all"] and same(state, fresh(tmp_path))


def test_files_merged_between_runs_leave_the_cache_trusted_and_right(tmp_path, monkeypatch):
    """A run's maintenance merges small files every few runs: the change feed shows no row of a merge, so the
    cache is brought up to date from it, and equals a fresh read."""
    load(tmp_path, [article(f"a{i}", text=f"Story number {i} about Lisbon.") for i in range(4)])
    WarehouseState.read(tmp_path)  # the cache, at this snapshot
    for i in range(4, 8):  # files to merge, inserted after the cache's snapshot
        load(tmp_path, [article(f"a{i}", text=f"Story number {i} about Lisbon.")])
        writer.write(tmp_path, "pages", [page(f"a{i}")])
    # a run that read its state before the merge, and commits after it
    planned, _ = WarehouseState.read(tmp_path).plan_articles(
        [article("a9", text="Story number 9 about Lisbon."), article("a3", text="Story 3, updated.")]
    )
    merged = maintain.maintain(tmp_path)
    assert merged.tables.get("article_versions") and merged.tables.get("pages")
    publish(tmp_path, pages=[], failures=[], mentions=[], articles=planned)
    writer.write(tmp_path, "pages", [page("a9")])

    state, calls = read_from_cache(tmp_path, monkeypatch)

    assert calls == [] and same(state, fresh(tmp_path))
    assert state.article("a9").version == 1 and state.article("a3").version == 2 and len(state.page_ids) == 5


def test_a_cache_from_another_catalog_with_the_same_snapshot_numbers_is_not_trusted(tmp_path, monkeypatch):
    a, b = tmp_path / "a", tmp_path / "b"
    load(a, [article("x1", text="Trams in Lisbon."), article("x2", text="Ferries in Porto.")])
    load(b, [article("y1", text="Buses in Braga."), article("y2", text="Trains in Faro.")])
    WarehouseState.read(a)
    (b / keycache.FILE).parent.mkdir(parents=True, exist_ok=True)
    (b / keycache.FILE).write_bytes((a / keycache.FILE).read_bytes())  # as if b were made again in a's folder
    state, calls = read_from_cache(b, monkeypatch)
    assert calls == ["all"] and state.article("x1") is None and state.article("y1").version == 1


def test_rows_are_put_in_load_order_once_and_left_as_they_are_when_they_already_are():
    rng = np.random.default_rng(7)
    n = 5000
    rows = {"row": rng.permutation(n).astype(np.int64), "simhash": np.arange(n, dtype=np.uint64)}
    ordered = keycache.in_load_order(rows)
    assert np.array_equal(ordered["simhash"], rows["simhash"][np.argsort(rows["row"])])
    assert keycache.in_load_order(ordered) is ordered  # sorted already: nothing copied
    swapped = {k: v.copy() for k, v in ordered.items()}
    for k in swapped:  # two neighbours out of order, anywhere: sorted again
        swapped[k][[100, 101]] = swapped[k][[101, 100]]
    assert np.array_equal(keycache.in_load_order(swapped)["simhash"], ordered["simhash"])


def derived(monkeypatch) -> list[int]:
    """The sizes of the lookups derived from scratch from now on (none: the cached ones were appended to)."""
    sizes = []
    real = Lookups.derive.__func__
    monkeypatch.setattr(
        Lookups, "derive", classmethod(lambda cls, rows: sizes.append(len(rows["id"])) or real(cls, rows))
    )
    return sizes


def test_runs_whose_rows_share_extraction_times_append_to_the_cached_lookups(tmp_path, monkeypatch):
    """A WARC archive's records, or pages that carry their fetch time, give articles the same extraction time
    run after run, with ids in any order: load order is DuckLake's row id, so each run's rows come after the
    cached ones and are appended (they were derived from scratch every run when load order was extraction
    time, version, id)."""
    when = datetime(2025, 1, 1, tzinfo=UTC)
    load(tmp_path, [article(f"m{i}", text=f"Story {i} from the archive.", extracted_at=when) for i in range(3)])
    WarehouseState.read(tmp_path)  # the cache
    sizes = derived(monkeypatch)
    for run, ids in enumerate((["b2", "a7"], ["a1", "c9"])):  # ids smaller than the cached ones, same time
        load(tmp_path, [article(i, text=f"Run {run}: {i} from the archive.", extracted_at=when) for i in ids])
    load(tmp_path, [article("a0", text="Story 1 from the archive.", extracted_at=when)])  # a copy of m1
    state, calls = read_from_cache(tmp_path, monkeypatch)
    assert calls == [] and sizes == []
    assert same(state, fresh(tmp_path))
    assert state.content_owner.get(state.codec.one(article("x", text="Story 1 from the archive.")["content_hash"],
                                                   prefix=True)) == (state.codec.one("m1"),)  # fmt: skip


def test_rows_that_would_come_before_the_cached_ones_are_derived_again_with_them(tmp_path, monkeypatch):
    """Row ids only grow, so this is a fallback: a cache whose last row id is past the new rows' (made here by
    editing the file) is not appended to; everything is derived again, equal to a fresh read, and kept."""
    monkeypatch.setattr(keycache, "SAVE_AFTER", 1_000_000)
    load(tmp_path, [article(f"a{i}", text=f"Story number {i} about Lisbon.") for i in range(3)])
    WarehouseState.read(tmp_path)
    path = tmp_path / keycache.FILE
    with np.load(path) as f:
        arrays = {k: f[k] for k in f.files}
    meta = json.loads(str(arrays["meta"]))
    arrays["meta"] = np.array(json.dumps({**meta, "last": meta["last"] + 1000}))
    np.savez(path, **arrays)
    load(tmp_path, [article("b1", text="Rain over Braga all week.")])
    sizes = derived(monkeypatch)
    state, calls = read_from_cache(tmp_path, monkeypatch)
    assert calls == [] and sizes == [4] and same(state, fresh(tmp_path))
    sizes.clear()
    again, calls = read_from_cache(tmp_path, monkeypatch)  # the file was written again: appended to from now on
    assert calls == [] and sizes == [] and same(again, state)
