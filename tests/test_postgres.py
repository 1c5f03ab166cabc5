"""A DuckLake catalog in a real PostgreSQL server: for teams, several writers, several machines."""

import json
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from conftest import PROJECT
from test_warehouse import article, mention

from warehouse import catalog, lake, storage, writer
from warehouse.loader import WarehouseState, prepare, publish
from warehouse.lock import writer_lock

NEWSETL = str(Path(sys.executable).parent / "newsetl")


def test_a_postgres_catalog_holds_the_tables_and_plain_duckdb_opens_it(postgres_server, tmp_path):
    url = postgres_server()
    root = storage.local_root(tmp_path / "wh", catalog=url)
    assert not (root / storage.CATALOG_FILE).exists()
    writer.write(root, "articles", [article("a1", version=1)])
    catalog.build(root)
    assert not (root / storage.CATALOG_FILE).exists()  # the catalog is in PostgreSQL
    assert catalog.connect(root).sql("SELECT count(*) FROM articles").fetchall() == [(1,)]
    # another folder (another machine sharing the data folder) reaches the same warehouse by naming the catalog
    assert json.loads((root / storage.STORAGE_FILE).read_text())["catalog"] == url
    code = (
        "import duckdb, pathlib; con = duckdb.connect(); "
        f"con.execute(pathlib.Path({str(root / catalog.INIT_FILE)!r}).read_text()); "
        "print(con.sql('SELECT count(*) FROM articles').fetchall())"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert done.stdout.strip() == "[(1,)]", done.stderr


def test_several_writers_commit_at_once_to_one_postgres_catalog(postgres_server, tmp_path):
    """Two writers (threads here, each with its own DuckDB instance, as two flows would be) load different
    articles into the same tables at the same time: every batch lands once, none is lost."""
    url = postgres_server()
    root = storage.local_root(tmp_path / "wh", catalog=url)
    prepare(root)
    with writer_lock(root, "first"), writer_lock(root, "second"):  # a shared catalog takes no lock
        pass
    errors = []

    def write(name: str) -> None:
        try:
            con_root = root
            for b in range(6):
                rows = [article(f"{name}{b}-{i}", version=1, text=f"{name} {b} {i} Lisbon") for i in range(12)]
                mentions = [mention(r["article_id"], 1, 0) for r in rows]
                instance = lake.open_instance(con_root)
                try:
                    instance.execute("BEGIN")
                    for table, data in (("articles", rows), ("entity_mentions", mentions)):
                        lake.insert(instance, table, writer.to_table(writer.LAKE_TABLES[table], data))
                    instance.execute("COMMIT")
                finally:
                    instance.close()
        except Exception as exc:  # reported below
            errors.append(repr(exc))

    threads = [threading.Thread(target=write, args=(n,)) for n in ("x", "y")]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    con = catalog.connect(root)
    assert con.sql("SELECT count(*), count(DISTINCT article_id) FROM article_versions").fetchall() == [(144, 144)]
    assert con.sql("SELECT count(*) FROM entity_mention_versions").fetchall() == [(144,)]
    state = WarehouseState.read(root)
    assert len(state.articles) == 144
    publish(root, pages=[], failures=[], mentions=[], articles=[])


@pytest.mark.slow
def test_two_runs_of_different_sources_commit_at_once_to_a_postgres_catalog(postgres_server, prefect_server, tmp_path):
    from conftest import SAMPLE_PAGES

    url = postgres_server()
    pages = sorted(SAMPLE_PAGES.glob("*.html"))
    halves = [tmp_path / "first", tmp_path / "second"]
    for half, files in zip(halves, (pages[::2], pages[1::2]), strict=True):
        half.mkdir()
        for f in files:
            (half / f.name).write_bytes(f.read_bytes())
    env = {**prefect_server, "NEWSETL_CATALOG": url, "NEWSETL_BATCH_SIZE": "3"}
    wh = str(tmp_path / "wh")
    runs = [subprocess.Popen([NEWSETL, "run", str(h), "-w", wh, "--json"], env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.PIPE, text=True) for h in halves]  # fmt: skip
    outs = [r.communicate(timeout=600) for r in runs]
    assert [r.returncode for r in runs] == [0, 0], [o[1][-2000:] for o in outs]
    new = sum(json.loads(o[0])["counts"].get("articles_new", 0) for o in outs)
    con = catalog.connect(storage.local_root(wh))
    assert new == 23 and con.sql("SELECT count(*), count(DISTINCT article_id) FROM articles").fetchall() == [(23, 23)]
    assert con.sql("SELECT count(*) FROM runs").fetchall() == [(2,)]
    # the derived tables, built by both runs at their ends, hold each article once
    assert con.sql(
        "SELECT count(DISTINCT article_id), count(*) = count(DISTINCT (article_id, term)) FROM search_terms"
    ).fetchall() == [(23, True)]


def test_derived_tables_are_refreshed_by_one_writer_at_a_time(postgres_server, tmp_path):
    import time

    root = storage.local_root(tmp_path / "wh", catalog=postgres_server())
    spans = []

    def hold():
        with lake.derived_lock(root):
            t0 = time.monotonic()
            time.sleep(0.5)
            spans.append((t0, time.monotonic()))

    threads = [threading.Thread(target=hold) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    first, second = sorted(spans)
    assert second[0] >= first[1]  # the second waited for the first


KILLED_WHILE_CREATING = """
import os, signal, sys, threading
from pathlib import Path
from warehouse import lake
real = lake._attach
def attach(*args, **kw):  # SIGKILL `delay` s after DuckLake starts making its tables in PostgreSQL
    threading.Timer(float(sys.argv[2]), os.kill, (os.getpid(), signal.SIGKILL)).start()
    real(*args, **kw)
lake._attach = attach
lake.open_instance(Path(sys.argv[1]), create=True).close()
threading.Event().wait(30)  # made before the timer fired: killed here
"""


def test_a_postgres_catalog_whose_creation_was_killed_is_made_by_the_next_writer(postgres_server, tmp_path):
    """A SQLite catalog has to be made in a file of its own and linked into place (tests/test_interrupts.py).
    In PostgreSQL, DuckLake makes its tables in one transaction, and ours are one more: a creation killed at
    any moment leaves no catalog, or a whole one. Measured with DuckLake 1.5.5: 16 kills, 5 of them inside
    ATTACH and 8 while our tables were made; every next writer opened the catalog."""
    for delay in (0.02, 0.08, 0.16, 0.3):  # ATTACH took 0.13-0.19 s here; our tables, the next ~0.15 s
        root = storage.local_root(tmp_path / f"wh-{delay}", catalog=postgres_server())
        killed = subprocess.run([sys.executable, "-c", KILLED_WHILE_CREATING, str(root), str(delay)], cwd=PROJECT,
                                timeout=120)  # fmt: skip
        assert killed.returncode == -9
        writer.write(root, "articles", [article("a1", version=1)])
        with lake.session(root, read_only=True) as con:
            assert con.sql("SELECT count(*) FROM article_versions").fetchall() == [(1,)]
