"""A warehouse on S3, against a real S3-compatible server on 127.0.0.1 (moto's server mode)."""

import json
import os
import subprocess
import sys
import threading
import time
from datetime import date
from pathlib import Path

import boto3
import pytest

from tests.conftest import S3_ENV
from tests.test_warehouse import article as warehouse_article
from warehouse import catalog, log, storage, writer
from warehouse.loader import prepare

NEWSETL = str(Path(sys.executable).parent / "newsetl")


def keys(uri: str, under: str = "") -> list[str]:
    bucket, prefix = storage.split_s3(uri)
    client = boto3.client("s3")
    listed = client.list_objects_v2(Bucket=bucket, Prefix=f"{prefix}/{under}")
    return sorted(o["Key"].removeprefix(prefix + "/") for o in listed.get("Contents", []))


def article(article_id: str) -> dict:
    return {**warehouse_article(article_id, day=date(2026, 11, 2)), "version": 1}


def test_a_commit_on_s3_is_taken_once_by_one_of_racing_writers(s3_warehouse):
    root = storage.local_root(s3_warehouse)
    store = storage.of(root)
    assert isinstance(store, storage.S3Storage)
    store.put_new("probe/x.json", b"first")
    with pytest.raises(FileExistsError):
        store.put_new("probe/x.json", b"second")
    assert store.read_bytes("probe/x.json") == b"first"

    errors = []

    def commit(i):
        try:
            log.commit(root, add={"pages": [f"pages/part-{i}.parquet"]}, info={"writer": i})
        except Exception as exc:
            errors.append(exc)

    threads = [threading.Thread(target=commit, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    snapshot = log.read(root)
    # eight commits, numbered 1..8, none lost or doubled, though all raced for the same numbers
    assert snapshot.version == 8
    assert snapshot.table_files("pages") == sorted(f"pages/part-{i}.parquet" for i in range(8))
    assert keys(s3_warehouse, "_log/") == [f"_log/{v:012d}.json" for v in range(1, 9)]


def test_tables_on_s3_are_written_committed_and_queried_and_debris_is_never_read(s3_warehouse, tmp_path):
    root = storage.local_root(s3_warehouse)
    paths = writer.write(root, "articles", [article("a1"), article("a2")])
    assert paths and all(k in keys(s3_warehouse) for k in paths)
    # a killed run's file: written to S3, never committed
    [debris] = writer.write_files(root, "articles", [article("zz")])
    catalog.build(root)
    con = catalog.connect(root)
    assert con.sql("SELECT article_id, month FROM articles ORDER BY 1").fetchall() == [
        ("a1", "2026-11"),
        ("a2", "2026-11"),
    ]
    assert prepare(root)["debris_files_deleted"] == 1 and debris not in keys(s3_warehouse)
    # Another machine (a fresh working folder) reads the same warehouse: its catalog is built on first use.
    elsewhere = storage.local_root(s3_warehouse, tmp_path / "elsewhere")
    assert not (elsewhere / catalog.CATALOG_FILE).exists()
    assert catalog.connect(elsewhere).sql("SELECT count(*) FROM articles").fetchall() == [(2,)]
    # A connection sees what was committed up to the moment it was opened.
    writer.write(root, "articles", [article("a3")])
    assert catalog.connect(elsewhere).sql("SELECT count(*) FROM articles").fetchall() == [(3,)]


def test_a_bad_s3_location_is_a_clear_error():
    with pytest.raises(storage.StorageError, match="not an S3 location"):
        storage.local_root("s3://A_B/x")


COUNTS = """SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM entity_mentions) AS mentions,
    (SELECT count(*) FROM entity_daily) AS daily, (SELECT count(*) FROM pages) AS pages,
    (SELECT count(*) FROM failures) AS failures, (SELECT count(*) FROM runs) AS runs"""


def newsetl(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([NEWSETL, *args], env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_the_sample_run_on_s3_loads_what_a_local_run_loads(prefect_server, s3_warehouse, tmp_path):
    env = {**prefect_server, **{k: os.environ[k] for k in (*S3_ENV, "AWS_ENDPOINT_URL", "XDG_CACHE_HOME")}}
    on_s3 = newsetl(env, "run", "--quiet", "-w", s3_warehouse)
    assert on_s3.returncode == 0, on_s3.stderr[-3000:]
    local = newsetl(env, "run", "--quiet", "-w", str(tmp_path / "local"))
    assert local.returncode == 0, local.stderr[-3000:]

    def counts(warehouse, **more_env):
        done = newsetl({**env, **more_env}, "query", "--json", "-w", warehouse, COUNTS)
        assert done.returncode == 0, done.stderr[-3000:]
        return json.loads(done.stdout)

    assert counts(s3_warehouse) == counts(str(tmp_path / "local"))
    assert counts(s3_warehouse)[0]["articles"] == 23
    # The tables and their log are in the bucket; the working folder holds only this machine's lock, crawl
    # state and catalog.
    stored = keys(s3_warehouse)
    assert {k.split("/")[0] for k in stored} >= {"_log", "articles", "entity_mentions", "pages", "failures", "runs"}
    working = storage.default_local_dir(s3_warehouse)
    assert not list(working.rglob("*.parquet"))
    # Another machine, with nothing local, sees the same warehouse.
    assert counts(s3_warehouse, XDG_CACHE_HOME=str(tmp_path / "other-machine")) == counts(s3_warehouse)
    # ... and its first run stores nothing twice: no page, article version or failure is repeated.
    again = newsetl({**env, "XDG_CACHE_HOME": str(tmp_path / "other-machine")}, "run", "--json", "-w", s3_warehouse)
    assert again.returncode == 0, again.stderr[-3000:]
    assert json.loads(again.stdout)["counts"]["articles_new"] == 0
    after = counts(s3_warehouse)[0]
    assert {k: v for k, v in after.items() if k != "runs"} == {
        k: v for k, v in counts(str(tmp_path / "local"))[0].items() if k != "runs"
    }
    # Compaction and the integrity check work there too.
    assert newsetl(env, "compact", "-w", s3_warehouse).returncode == 0
    check = newsetl(env, "check", "--json", "-w", s3_warehouse)
    assert check.returncode == 0 and json.loads(check.stdout)["ok"], check.stdout
    assert counts(s3_warehouse)[0] == after


def test_one_writer_at_a_time_on_s3_from_any_machine_and_a_dead_writers_lease_expires(s3_warehouse, tmp_path):
    from warehouse import lock

    here = storage.local_root(s3_warehouse, tmp_path / "machine-a")
    there = storage.local_root(s3_warehouse, tmp_path / "machine-b")  # its own flock: only the lease stops it
    with lock.writer_lock(here, "run on machine A"):
        assert "_lock.json" in keys(s3_warehouse)
        with pytest.raises(lock.WarehouseLocked, match="run on machine A"), lock.writer_lock(there, "run on B"):
            pass
        with pytest.raises(lock.WarehouseLocked, match=r"after waiting 0\.5 s"), lock.writer_lock(there, "B", 0.5):
            pass
    assert "_lock.json" not in keys(s3_warehouse)  # released
    with lock.writer_lock(there, "run on machine B"):
        pass
    # A writer that died holding the lease (here: a lease left behind, already expired) blocks nobody for
    # longer than the lease.
    store = storage.of(here)
    dead = {"what": "a killed run", "pid": 1, "host": "gone", "since": "2026-11-29T00:00:00+00:00", "expires": 0}
    store.put_new("_lock.json", json.dumps(dead).encode())
    with lock.writer_lock(there, "run on machine B"):
        assert json.loads(store.read_bytes("_lock.json"))["what"] == "run on machine B"


def test_the_lease_is_renewed_while_its_holder_works(s3_warehouse):
    from warehouse import lock

    store = storage.of(storage.local_root(s3_warehouse))
    with lock.remote_lease(store, "a long run", lease=0.6):
        first = json.loads(store.read_bytes("_lock.json"))["expires"]
        time.sleep(1.0)  # past the first lease: a renewal must have pushed it on
        later = json.loads(store.read_bytes("_lock.json"))
        assert later["expires"] > first and later["expires"] > time.time()
        with pytest.raises(lock.WarehouseLocked), lock.remote_lease(store, "another run"):
            pass


def test_a_writer_whose_lease_was_taken_over_commits_nothing(s3_warehouse):
    from warehouse import lock

    root = storage.local_root(s3_warehouse)
    store = storage.of(root)
    with lock.writer_lock(root, "a run that lost touch"):
        writer.write(root, "articles", [article("a1")])
        # Its lease expired while it was cut off, and another machine took it over.
        other = {"what": "a run on machine B", "pid": 2, "host": "b", "since": "now", "expires": time.time() + 300,
                 "token": "someone-else"}  # fmt: skip
        store.client.put_object(Bucket=store.bucket, Key=store.key("_lock.json"), Body=json.dumps(other).encode())
        with pytest.raises(lock.LeaseLost, match="machine B"):
            writer.write(root, "articles", [article("a2")])
    assert [p for p in log.read(root).table_files("articles")] == writer.files(root, "articles")
    assert len(log.read(root).table_files("articles")) == 1  # a1 only
    assert json.loads(store.read_bytes("_lock.json"))["token"] == "someone-else"  # not released by the loser
