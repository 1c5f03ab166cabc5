"""`newsetl query` reads the warehouse and nothing else (issue 18, item 1): each attack the red team used
against main (225f655) is refused, and changes nothing. And a copied warehouse reads its own files (item 13)."""

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from test_warehouse import article, load
from typer.testing import CliRunner

from flows.cli import app
from warehouse import catalog, lake

NEWSETL = str(Path(sys.executable).parent / "newsetl")


@pytest.fixture(scope="module")
def wh(tmp_path_factory):
    root = tmp_path_factory.mktemp("lockdown") / "wh"
    load(root, [article(f"a{i}", text=f"Text {i} about Lisbon.") for i in range(12)])
    return root


def query(root, sql, *more):
    return CliRunner().invoke(app, ["query", "-w", str(root), sql, *more])


def count(root) -> int:
    with lake.session(root, read_only=True) as con:
        return con.sql("SELECT count(*) FROM article_versions").fetchall()[0][0]


def test_copy_over_a_committed_data_file_is_refused(wh):
    [target] = [p for p in (wh / "lake" / "main" / "article_versions").rglob("*.parquet")][:1]
    before = target.read_bytes()
    result = query(wh, f"COPY (SELECT * FROM article_versions WHERE false) TO '{target}' (FORMAT parquet)")
    assert result.exit_code == 2 and "only queries are allowed" in result.output
    assert target.read_bytes() == before and count(wh) == 12


@pytest.mark.parametrize(
    ("sql", "made"),
    [
        ("ATTACH '{tmp}/new.db' AS x (READ_ONLY false)", "new.db"),
        ("EXPORT DATABASE '{tmp}/exported'", "exported"),
    ],
)
def test_nothing_new_is_attached_or_exported(wh, tmp_path, sql, made):
    result = query(wh, sql.format(tmp=tmp_path))
    assert result.exit_code == 2 and "only queries are allowed" in result.output
    assert not (tmp_path / made).exists()


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM read_text('/etc/passwd')",
        "SELECT * FROM read_blob('/proc/self/environ')",
        "SELECT * FROM glob('/root/*')",
        "SELECT count(*) FROM read_parquet('/etc/*.parquet')",
    ],
)
def test_files_outside_the_warehouse_cannot_be_read(wh, sql, monkeypatch):
    monkeypatch.setenv("NEWSETL_TEST_SECRET", "hunter2")
    result = query(wh, sql)
    assert result.exit_code == 1 and "disabled by configuration" in result.output
    assert "root:" not in result.output and "hunter2" not in result.output


def test_no_url_is_fetched_and_no_extension_installed(wh, http_server):
    base, routes, log = http_server
    from conftest import Route

    routes["/x.csv"] = Route(b"a\n1\n", content_type="text/csv")
    result = query(wh, f"SELECT * FROM read_csv('{base}/x.csv')")
    assert result.exit_code == 1 and "disabled by configuration" in result.output
    for sql in ("INSTALL httpfs", f"INSTALL httpfs FROM '{base}'", "LOAD httpfs", "SET enable_external_access = true"):
        result = query(wh, sql)
        assert result.exit_code == 2 and "only queries are allowed" in result.output, sql
    assert log == []  # nothing reached the server


def test_no_unsigned_extension_is_loaded(wh, tmp_path):
    """The packaged extensions load without DuckDB's signature check (lake._config): a query still loads
    none."""
    evil = tmp_path / "evil.duckdb_extension"
    evil.write_bytes(b"\x7fELF" + bytes(4096))
    result = query(wh, f"LOAD '{evil}'")
    assert result.exit_code == 2 and "only queries are allowed" in result.output


@pytest.mark.parametrize(
    "sql",
    [
        "SELECT * FROM sqlite_scan('{db}', 'ducklake_snapshot')",  # SQLite's reader bypasses DuckDB's file checks
        "SELECT * FROM query('SELECT 1')",
        "SELECT * FROM ducklake_cleanup_old_files('news', cleanup_all => true)",
        "SELECT * FROM ducklake_set_option('news', 'data_inlining_row_limit', 1000)",
    ],
)
def test_other_databases_dynamic_sql_and_maintenance_functions_are_refused(wh, sql):
    result = query(wh, sql.format(db=wh / "catalog.sqlite"))
    assert result.exit_code == 2 and "is not allowed in a query" in result.output


def test_ducklakes_own_read_only_functions_are_allowed(wh):
    result = query(wh, "SELECT count(*) AS n FROM ducklake_snapshots('news')", "--format", "csv")
    assert result.exit_code == 0, result.output


def test_a_huge_result_is_capped_in_constant_memory(wh, tmp_path):
    time_cmd = shutil.which("time") or "/usr/bin/time"
    cmd = [NEWSETL, "query", "-w", str(wh), "SELECT * FROM range(5000000)", "--format", "csv"]
    measured = os.path.exists(time_cmd)
    if measured:
        cmd = [time_cmd, "-f", "peak-kib %M", *cmd]
    done = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert done.returncode == 0, done.stderr
    assert len(done.stdout.splitlines()) == 1 + 1000  # header and the first --max-rows rows
    assert "--max-rows" in done.stderr
    if measured:  # main printed all 5M rows, 645 MiB at the peak
        peak_mib = int(done.stderr.rsplit("peak-kib", 1)[1].split()[0]) / 1024
        assert peak_mib < 450, peak_mib


def test_a_copied_warehouse_reads_its_own_files_not_the_originals(tmp_path):
    original = tmp_path / "original"
    load(original, [article(f"a{i}") for i in range(3)])
    lake.close_all()
    copy = tmp_path / "copy"
    shutil.copytree(original, copy)
    assert count(copy) == 3
    # a change to the copy does not reach the original, and the copy works with the original gone
    result = CliRunner().invoke(app, ["forget", "https://x.example/a1", "-r", "test", "-w", str(copy)])
    assert result.exit_code == 0, result.output
    assert count(original) == 3 and count(copy) == 2
    lake.close_all()
    shutil.rmtree(original)
    result = query(copy, "SELECT count(*) AS n FROM articles", "--format", "csv")
    assert result.exit_code == 0 and result.output.split()[:2] == ["n", "2"], result.output
    assert str(original) not in (copy / catalog.INIT_FILE).read_text()
