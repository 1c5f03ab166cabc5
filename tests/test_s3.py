"""A warehouse on S3, against a real S3-compatible server on 127.0.0.1 (moto's server mode): the data files in
the bucket, read and written by DuckDB's httpfs; plain DuckDB (its CLI) queries it with the documented command."""

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import boto3
import pytest
from conftest import S3_ENV, sample_counts
from typer.testing import CliRunner

from flows.cli import app
from tests.test_warehouse import article as warehouse_article
from warehouse import catalog, storage, writer

NEWSETL = str(Path(sys.executable).parent / "newsetl")
DUCKDB_CLI = str(Path(sys.executable).parent / "duckdb")


def keys(uri: str, under: str = "") -> list[str]:
    bucket, prefix = storage.split_s3(uri)
    client = boto3.client("s3")
    listed = client.list_objects_v2(Bucket=bucket, Prefix=f"{prefix}/{under}")
    return sorted(o["Key"].removeprefix(prefix + "/") for o in listed.get("Contents", []))


def article(article_id: str) -> dict:
    return {**warehouse_article(article_id, day=date(2026, 11, 2)), "version": 1}


def test_tables_on_s3_are_written_and_queried_by_newsetl_and_by_the_duckdb_cli(s3_warehouse, tmp_path):
    root = storage.local_root(s3_warehouse)
    writer.write(root, "articles", [article("a1"), article("a2")])
    catalog.build(root)
    stored = keys(s3_warehouse)
    assert any(k.startswith("lake/main/article_versions/year=2026/month=11/") for k in stored), stored
    assert not list(root.rglob("*.parquet"))  # the working folder holds the catalog, not the data
    assert catalog.connect(root).sql("SELECT article_id FROM articles ORDER BY 1").fetchall() == [("a1",), ("a2",)]

    init = root / catalog.INIT_FILE
    text = init.read_text()
    assert "getenv('AWS_SECRET_ACCESS_KEY')" in text and S3_ENV["AWS_SECRET_ACCESS_KEY"] not in text  # no secret
    # The documented command: the DuckDB CLI with the warehouse's init file, credentials from the environment.
    done = subprocess.run(
        [DUCKDB_CLI, "-init", str(init), "-csv", "-c", "SELECT count(*) AS n FROM articles"],
        cwd=tmp_path, capture_output=True, text=True, timeout=120, env={**os.environ},
    )  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert done.stdout.split()[-2:] == ["n", "2"]  # after CREATE SECRET's "Success"


def test_a_bad_s3_location_is_a_clear_error():
    with pytest.raises(storage.StorageError, match="not an S3 location"):
        storage.local_root("s3://A_B/x")


def newsetl(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([NEWSETL, *args], env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_the_sample_run_on_s3_through_a_local_dask_cluster_loads_what_a_local_run_loads(
    prefect_server, sample_reference, s3_warehouse
):
    """Two Dask workers compute the batches (the run starts its own local cluster), the flow commits them to
    the bucket; then a plain run and maintenance there."""
    env = {**prefect_server, **{k: os.environ[k] for k in (*S3_ENV, "AWS_ENDPOINT_URL", "XDG_CACHE_HOME")}}
    on_s3 = newsetl(env, "run", "--json", "--batch-size", "3", "--runner", "dask", "--workers", "2", "-w", s3_warehouse)
    assert on_s3.returncode == 0, on_s3.stderr[-3000:]
    summary = json.loads(on_s3.stdout)
    assert summary["status"] == "completed" and summary["warehouse"] == s3_warehouse
    assert summary["counts"]["batches"] == 9
    assert sample_counts(s3_warehouse) == sample_reference  # what the same run loads into a local warehouse
    assert sample_reference["articles"] == 23
    # The data files are in the bucket; the working folder holds this machine's lock, crawl state and catalog.
    assert {k.split("/")[2] for k in keys(s3_warehouse, "lake/")} >= {"article_versions", "pages", "runs"}
    assert not list(storage.default_local_dir(s3_warehouse).rglob("*.parquet"))
    # A second run stores nothing twice; maintenance and the integrity check work there too.
    again = newsetl(env, "run", "--json", "-w", s3_warehouse)
    assert again.returncode == 0 and json.loads(again.stdout)["counts"]["articles_new"] == 0, again.stderr[-3000:]
    compact = CliRunner().invoke(app, ["compact", "-w", s3_warehouse])  # in this process: no start-up to pay
    assert compact.exit_code == 0, compact.output
    check = CliRunner().invoke(app, ["check", "--json", "-w", s3_warehouse])
    assert check.exit_code == 0 and json.loads(check.stdout)["ok"], check.output
    assert sample_counts(s3_warehouse) == sample_reference
