"""A warehouse written by the release before DuckLake (225f655) is converted once by the first writer, losing
nothing: every table holds exactly what that release's catalog showed."""

import hashlib
import json
import shutil
from datetime import UTC, datetime

from conftest import FIXTURES
from typer.testing import CliRunner

from flows.cli import app
from warehouse import catalog, upgrade
from warehouse.check import check
from warehouse.loader import prepare

OLD = FIXTURES / "warehouse-225f655"
KEYS = {
    "pages": "page_id",
    "article_versions": "article_id, version",
    "entity_mention_versions": "article_id, version, start_char",
    "failures": "failure_id",
    "fetch_log": "attempt_id",
    "runs": "run_id",
}
# Columns added after that release: the conversion gives them nulls (the entity_mentions view reads a null
# field as 'text'), and the digest of that release's values leaves them out.
ADDED = {"entity_mention_versions": ["field"]}


def _norm(v):
    if isinstance(v, datetime):
        return v.astimezone(UTC).isoformat()
    if isinstance(v, dict):
        return {k: _norm(x) for k, x in sorted(v.items())}
    if isinstance(v, list):
        return [_norm(x) for x in v]
    if isinstance(v, bytes):
        return hashlib.sha256(v).hexdigest()
    if isinstance(v, float):
        return round(v, 5)
    return v


def digest(con, exclude_month: bool = False) -> dict:
    """Row count and a hash of every value of every table (how expected.json was made, on the old catalog with
    exclude_month: its views had the partition column)."""
    out = {}
    for table, key in KEYS.items():
        excluded = ["month"] if exclude_month and table != "runs" else ADDED.get(table, [])
        leave_out = f"EXCLUDE ({', '.join(excluded)})" if excluded else ""
        rel = con.sql(f"SELECT * {leave_out} FROM {table} ORDER BY {key}")
        rows = [dict(zip(rel.columns, map(_norm, r), strict=True)) for r in rel.fetchall()]
        text = json.dumps(rows, sort_keys=True, default=str)
        out[table] = {"rows": len(rows), "sha256": hashlib.sha256(text.encode()).hexdigest()}
    return out


def test_the_old_format_is_converted_once_and_loses_nothing(tmp_path):
    root = tmp_path / "wh"
    shutil.copytree(OLD, root)
    assert upgrade.old_format(root)
    assert any("converts it" in n for n in check(root).notes)

    result = CliRunner().invoke(app, ["compact", "-w", str(root)])  # any writer converts: a run, compact

    assert result.exit_code == 0, result.output
    con = catalog.connect(root)
    assert digest(con) == json.loads((OLD / "expected.json").read_text())  # the debris file was not converted
    assert con.sql("SELECT count(*) FROM articles").fetchall() == [(23,)]
    assert con.sql("SELECT DISTINCT field FROM entity_mention_versions").fetchall() == [(None,)]
    assert con.sql("SELECT DISTINCT field FROM entity_mentions").fetchall() == [("text",)]
    con.close()
    assert not upgrade.old_format(root)
    kept = root / upgrade.ATTIC
    assert {p.name for p in kept.iterdir()} >= {"_log", "articles", "entity_mentions", "pages", "news.duckdb"}
    assert prepare(root) == {"debris_files_deleted": 0}  # once: nothing more to convert
    assert check(root).ok
