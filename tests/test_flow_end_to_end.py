"""The whole flow on real parts: Prefect's local server, real files, a real HTTP server, real DuckDB."""

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from conftest import FIXTURES, PROJECT, SAMPLE_PAGES, Route, sample_counts
from test_daily import TOP_PEOPLE_PLAIN
from typer.testing import CliRunner

from flows.cli import app
from warehouse import catalog

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def sample_warehouse(readme_sample_run):
    """The README's main command, run twice into a temporary warehouse (tests/conftest.py)."""
    run = readme_sample_run
    return run["root"], run["first"], run["counts_after_first"], run["second"]


def test_main_command_prints_what_it_loaded_and_how_to_query(sample_warehouse):
    _, first, _, second = sample_warehouse
    assert "Loaded 23 new" in first.stdout
    assert "newsetl query" in first.stdout and "duckdb -init" in first.stdout and "news.sql" in first.stdout
    # start-up is never silent: it says what it does, and that the server it started stays for later runs
    assert first.stderr.index("Starting Prefect") < first.stderr.index("Starting a Prefect server in the background")
    assert "Prefect server started in the background for this and later runs" in first.stderr
    assert "stop it with `uv run prefect server stop`" in first.stderr  # as the person can paste it
    assert "Starting a Prefect server" not in second.stderr and "Loading the pipeline" in second.stderr
    for done in (first, second):  # a run that succeeded ends with its summary, not the server's tracebacks
        assert "Traceback" not in done.stderr and "ERROR" not in done.stderr, done.stderr[-3000:]
    # each run is in the server's UI, which the summary links to
    [link] = re.findall(r"In Prefect: (http://\S+/runs/flow-run/\S+)", first.stdout)
    run_id = link.rsplit("/", 1)[1]
    api = link.split("/runs/")[0] + "/api"
    assert httpx.get(f"{api}/flow_runs/{run_id}", timeout=10).json()["state"]["type"] == "COMPLETED"


def test_the_hints_a_run_prints_work_when_pasted_into_the_shell_it_ran_from(sample_warehouse):
    """`uv run newsetl run` puts the environment on PATH for newsetl only: the person's shell has no `newsetl`
    nor `duckdb`, so the hints say `uv run ...`."""
    root, first, _, _ = sample_warehouse
    hints = first.stdout.split("Query it:\n", 1)[1].splitlines()
    assert [h.split()[:3] for h in hints] == [["uv", "run", "newsetl"], ["uv", "run", "duckdb"]], hints
    venv = str(Path(sys.executable).parent)
    shell = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "UV_RUN_RECURSION_DEPTH")}
    shell["PATH"] = os.pathsep.join(p for p in os.environ["PATH"].split(os.pathsep) if p != venv)
    shell["NEWSETL_WAREHOUSE"] = str(root)  # as the person's own shell had it for the run
    query = subprocess.run(hints[0], shell=True, cwd=PROJECT, env=shell, capture_output=True, text=True, timeout=300)
    assert query.returncode == 0 and "Sergey Lavrov" in query.stdout, query.stderr
    duckdb_cli = hints[1].split("(the DuckDB CLI")[0]
    sql = "SELECT count(*) AS n FROM articles;"
    opened = subprocess.run(duckdb_cli, shell=True, cwd=PROJECT, env=shell, input=sql, capture_output=True, text=True,
                            timeout=300)  # fmt: skip
    assert opened.returncode == 0 and "23" in opened.stdout, opened.stderr


def test_sample_run_loads_articles_entities_and_failures(sample_warehouse):
    root, *_ = sample_warehouse
    con = catalog.connect(root)
    assert con.sql("SELECT count(*) FROM articles").fetchall() == [(23,)]
    assert con.sql("SELECT count(DISTINCT language) FROM articles").fetchall() == [(4,)]
    seed = con.sql(
        "SELECT article_id, title, day::VARCHAR, sitename FROM articles WHERE title LIKE 'Lavrov warns%'"
    ).fetchall()
    assert seed and seed[0][2:] == ("2013-09-23", "World Affairs Today")
    people = {
        r[0]
        for r in con.sql(
            f"SELECT canonical FROM entities WHERE article_id = '{seed[0][0]}' AND label = 'PERSON'"
        ).fetchall()
    }
    assert {"Sergey Lavrov", "John Kerry", "Vladimir Putin", "Yuri Ushakov"} <= people
    assert "Putin" not in people and "Lavrov" not in people
    failures = sorted(con.sql("SELECT reason, regexp_extract(url, '[^/]+$') FROM failures").fetchall())
    assert failures == [
        ("empty", "empty.html"),
        ("not_article", "meridian-world-index.html"),
        ("too_short", "broken-truncated.html"),
        ("too_short", "harbor-paywalled-teaser.html"),
    ]
    # English and French have a model configured: other languages' articles carry no entities, and are still loaded.
    assert con.sql("SELECT DISTINCT language FROM entities ORDER BY 1").fetchall() == [("en",), ("fr",)]
    skipped = con.sql("SELECT counts['entities_skipped_language'] FROM runs ORDER BY started_at LIMIT 1").fetchall()
    others = con.sql("SELECT count(*) FROM articles WHERE language NOT IN ('en', 'fr')").fetchall()[0][0]
    assert skipped == [(others,)] == [(5,)]
    # Headlines are tagged too: the seed's "Lavrov warns CSTO: ..." counts for Sergey Lavrov, in its own field.
    in_title = con.sql(
        f"SELECT text, canonical, label FROM entity_mentions WHERE article_id = '{seed[0][0]}' AND field = 'title'"
    ).fetchall()
    assert ("Lavrov", "Sergey Lavrov", "PERSON") in in_title
    # Places the small model calls people are places: the README's "top people" query lists people.
    top_people = {r[0] for r in con.sql("SELECT canonical FROM entity_daily WHERE label = 'PERSON'").fetchall()}
    assert not top_people & {"Rotterdam", "Rovers", "Avon", "Mill Lane"}, top_people
    # The syndicated copy is marked, and entity_daily counts the story once.
    assert con.sql("SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL").fetchall() == [(1,)]
    assert con.sql("SELECT articles FROM entity_daily WHERE canonical = 'William Ruto'").fetchall() == [(1,)]
    runs = con.sql(
        "SELECT status, counts['articles_new'], versions['trafilatura'] FROM runs ORDER BY started_at"
    ).fetchall()
    assert [r[:2] for r in runs] == [("completed", 23), ("completed", 0)] and runs[0][2].startswith("2.")


def test_second_identical_run_changes_no_count(sample_warehouse):
    root, _, counts_after_first, _ = sample_warehouse
    assert sample_counts(root) == counts_after_first


@pytest.mark.parametrize("query_file", sorted((PROJECT / "warehouse" / "queries").glob("*.sql")), ids=lambda p: p.stem)
def test_example_queries_run_and_return_rows(sample_warehouse, query_file):
    root, *_ = sample_warehouse
    result = CliRunner().invoke(app, ["query", f"@{query_file}", "-w", str(root), "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output), f"{query_file.name} returned no rows on the sample"


PLAIN_FORMS = {  # the obvious SQL for the example queries that were rewritten for speed at 1M articles
    "entity_cooccurrence": """
        SELECT x.canonical, y.canonical, count(DISTINCT x.article_id) AS articles
        FROM entities x JOIN entities y ON x.article_id = y.article_id AND x.canonical < y.canonical
        WHERE x.label IN ('PERSON', 'ORG') AND y.label IN ('PERSON', 'ORG') AND NOT x.is_duplicate
        GROUP BY ALL ORDER BY articles DESC, 1, 2 LIMIT 25""",
    "top_people_per_day": TOP_PEOPLE_PLAIN,
}


@pytest.mark.parametrize("name", sorted(PLAIN_FORMS))
def test_fast_example_queries_give_what_their_plain_forms_give(sample_warehouse, name):
    root, *_ = sample_warehouse
    con = catalog.connect(root)
    fast = con.sql((PROJECT / "warehouse" / "queries" / f"{name}.sql").read_text()).fetchall()
    assert fast and fast == con.sql(PLAIN_FORMS[name]).fetchall()


def test_query_formats_and_errors(sample_warehouse):
    root, *_ = sample_warehouse
    runner = CliRunner()
    as_json = runner.invoke(app, ["query", "SELECT count(*) AS n FROM articles", "-w", str(root), "--json"])
    assert as_json.exit_code == 0 and json.loads(as_json.output) == [{"n": 23}]
    csv_out = runner.invoke(
        app, ["query", "SELECT domain, count(*) AS n FROM articles GROUP BY 1 ORDER BY 1", "-w", str(root), "-f", "csv"]
    )
    assert csv_out.exit_code == 0 and csv_out.output.splitlines()[0] == "domain,n"
    assert "meridianpost.example,4" in csv_out.output
    table = runner.invoke(app, ["query", "SELECT count(*) AS n FROM articles", "-w", str(root)])
    assert "23" in table.output and "1 rows" in table.output
    bad = runner.invoke(app, ["query", "SELEC nonsense", "-w", str(root)])
    assert bad.exit_code == 1 and bad.output.count("\n") == 1 and "SQL" in bad.output
    write = runner.invoke(app, ["query", "CREATE TABLE x (i INT)", "-w", str(root)])
    assert write.exit_code == 2 and write.output.count("\n") == 1 and "only reads" in write.output, write.output
    missing = runner.invoke(app, ["query", "SELECT 1", "-w", str(root / "nowhere")])
    assert missing.exit_code == 1 and "newsetl run" in missing.output


def test_status_reports_tables_and_runs(sample_warehouse):
    root, *_ = sample_warehouse
    result = CliRunner().invoke(app, ["status", "-w", str(root), "--json"])
    assert result.exit_code == 0, result.output
    status = json.loads(result.output)
    assert status["rows"]["articles"] == 23 and status["rows"]["failures"] == 4 and len(status["runs"]) == 2


def test_run_with_a_missing_path_is_a_one_line_error(tmp_path):
    result = CliRunner().invoke(app, ["run", str(tmp_path / "missing.html"), "-w", str(tmp_path)])
    assert result.exit_code == 2
    assert "no such file or directory" in result.output and result.output.count("\n") == 1


def test_bad_input_and_http_faults_become_failure_rows(prefect_harness, tmp_path, http_server, monkeypatch):
    from prefect import get_client
    from prefect.client.schemas.filters import ArtifactFilter, ArtifactFilterKey

    from flows.ingest import ingest

    base, routes, _ = http_server
    good = (SAMPLE_PAGES / "meridian-ecb-holds-rates.html").read_bytes()
    routes["/good"] = Route(good)
    routes["/gone"] = Route(b"gone", status=410)
    routes["/error"] = Route(b"oops", status=500)
    routes["/slow"] = Route(good, delay=3)
    routes["/pdf"] = Route(b"%PDF-1.4 ...", content_type="application/pdf")
    routes["/moved"] = Route(b"", status=301, headers={"Location": "/landed"})
    routes["/landed"] = Route((SAMPLE_PAGES / "northfield-library-reopens.html").read_bytes())
    routes["/loop"] = Route(b"", status=302, headers={"Location": "/loop"})
    routes["/big"] = Route(b"<html><body>" + b"x" * 3_100_000 + b"</body></html>")
    urls = tmp_path / "urls.txt"
    urls.write_text(
        "\n".join(
            f"{base}{p}" for p in ("/good", "/gone", "/error", "/slow", "/pdf", "/big", "/missing", "/moved", "/loop")
        )
        + "\n# a comment\nnot a url\n"
    )
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.html").write_bytes(b"")
    (bad / "binary.html").write_bytes((FIXTURES / "binary.bin").read_bytes())
    (bad / "huge.html").write_bytes(b"<html><body><p>" + b"words " * 900_000 + b"</p></body></html>")  # 5.4 MB
    (bad / "broken.html").write_bytes((SAMPLE_PAGES / "broken-truncated.html").read_bytes())
    (bad / "undecodable.html").write_bytes((FIXTURES / "undecodable.html").read_bytes())
    (bad / "cp1251.html").write_bytes((FIXTURES / "cp1251_declared_utf8.html").read_bytes())
    root = tmp_path / "wh"

    summary = ingest(
        inputs=[str(urls), str(bad)],
        warehouse=str(root),
        batch_size=4,
        options={"allow_private": True, "http_timeout": 1, "host_interval": 0, "backoff": 0.01, "per_host": 4},
    )

    assert summary["status"] == "completed"
    con = catalog.connect(root)
    reasons = dict(con.sql("SELECT regexp_extract(url, '[^/]+$'), stage || ':' || reason FROM failures").fetchall())
    assert reasons == {
        "gone": "fetch:http_410",
        "error": "fetch:http_500",
        "slow": "fetch:read_timeout",
        "pdf": "fetch:not_html",
        "big": "fetch:too_large",
        "loop": "fetch:redirect_loop",
        "missing": "fetch:http_404",
        "not a url": "discover:bad_url",
        "empty.html": "extract:empty",
        "binary.html": "extract:not_html",
        "huge.html": "fetch:too_large",
        "broken.html": "extract:too_short",
        "undecodable.html": "extract:undecodable",
    }
    loaded = sorted(con.sql("SELECT language, url LIKE 'http%' FROM articles").fetchall())
    assert loaded == [("en", True), ("en", True), ("ru", False)]  # 2 good URLs and the recovered cp1251 page
    moved = con.sql("SELECT url, final_url, status FROM pages WHERE url LIKE '%/moved'").fetchall()
    assert moved == [(f"{base}/moved", f"{base}/landed", 200)]
    assert con.sql("SELECT url FROM articles WHERE title LIKE 'Northfield library%'").fetchall() == [(f"{base}/moved",)]
    assert summary["counts"]["failures"] == 13
    with get_client(sync_client=True) as client:
        artifacts = client.read_artifacts(
            artifact_filter=ArtifactFilter(key=ArtifactFilterKey(any_=["newsetl-ingest-summary"]))
        )
    assert any(summary["run_id"] in (a.data or "") and "http_410" in a.data for a in artifacts)


def test_run_json_is_for_machines(prefect_harness, tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    for name in ("meridian-ecb-holds-rates.html", "empty.html"):
        (pages / name).write_bytes((SAMPLE_PAGES / name).read_bytes())
    result = CliRunner().invoke(app, ["run", str(pages), "-w", str(tmp_path / "wh"), "--json"])
    assert result.exit_code == 0, result.output
    summary = json.loads(result.stdout)  # logs go to stderr; stdout is the JSON alone
    assert summary["status"] == "completed"
    assert summary["counts"]["articles_new"] == 1 and summary["failures_by_reason"] == {"extract:empty": 1}


def test_runs_newsetl_starts_emit_no_heartbeats_unless_the_user_asks(prefect_harness):
    """Prefect's heartbeat thread makes every flow's end wait for its next 1 s step (flows.runtime); the flow
    body sees the settings the engine decided the heartbeats by."""
    from prefect import flow
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, get_current_settings, temporary_settings

    from flows import cli
    from flows.settings import load_settings

    @flow(name="heartbeat-probe")
    def probe() -> dict:
        from prefect.runtime import flow_run

        return {"run_id": str(flow_run.id), "heartbeat": get_current_settings().flows.heartbeat_frequency}

    settings = load_settings()
    assert get_current_settings().flows.heartbeat_frequency == 180  # Prefect's default, outside newsetl's runs
    assert cli._run_flow(lambda: probe(return_state=True), "pages", True, False, settings)["heartbeat"] is None
    with temporary_settings(updates={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: 45}):  # as set in a profile or the env
        assert cli._run_flow(lambda: probe(return_state=True), "pages", True, False, settings)["heartbeat"] == 45


def test_a_run_that_reads_no_page_says_so(prefect_harness, tmp_path, http_server):
    base, routes, _ = http_server
    empty = tmp_path / "urls.txt"
    empty.write_text("# nothing yet\n")
    nothing = CliRunner().invoke(app, ["run", str(empty), "-w", str(tmp_path / "wh")])
    assert nothing.exit_code == 0, nothing.output
    assert "warning: no page to read: the inputs named none (an empty URL file or folder?)" in nothing.stderr
    routes["/gone/feed.xml"] = Route(b"gone", status=410)
    dead = CliRunner().invoke(app, ["run", "--feed", f"{base}/gone/feed.xml", "-w", str(tmp_path / "wh"),
                                    "--allow-private"])  # fmt: skip
    assert dead.exit_code == 1, dead.output
    assert dead.stderr.splitlines()[-1] == (
        "error: nothing was read: every source failed (discover:feed_http_410 1); the failures table says why"
    )


def test_report_is_one_offline_html_file_with_four_charts_and_a_png(sample_warehouse, tmp_path):
    import html

    from flows.report import CHARTS

    root, *_ = sample_warehouse
    page, png = tmp_path / "report.html", tmp_path / "failures.png"
    args = ["report", "-w", str(root), "-o", str(page), "--png", str(png), "--chart", "failures"]
    result = CliRunner().invoke(app, args)
    assert result.exit_code == 0, result.output
    text = page.read_text(encoding="utf-8")
    assert text.count("<svg") == 4 and all(f'<figure id="{c}">' in text for c in CHARTS)
    assert "<script" not in text and "<link" not in text and "<img" not in text  # nothing to fetch
    con = catalog.connect(root)
    [(person,)] = con.sql(
        "SELECT canonical FROM entity_daily WHERE label = 'PERSON' GROUP BY 1 ORDER BY sum(articles) DESC, 1 LIMIT 1"
    ).fetchall()
    [(reason,)] = con.sql(
        "SELECT stage || ':' || reason FROM failures GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1"
    ).fetchall()
    assert html.escape(person) in text and "meridianpost.example" in text and reason in text
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 5000
    # a date range counts what is in it
    [(in_range,)] = con.sql(
        "SELECT count(*) FROM unique_articles WHERE day BETWEEN '2024-03-05' AND '2024-03-09'"
    ).fetchall()
    ranged = CliRunner().invoke(
        app, ["report", "-w", str(root), "-o", str(page), "--since", "2024-03-05", "--until", "2024-03-09"]
    )
    assert ranged.exit_code == 0 and f"{in_range:,} articles" in ranged.output and 0 < in_range < 22
    bad = CliRunner().invoke(app, ["report", "-w", str(root), "-o", str(page), "--png", str(png), "--chart", "pies"])
    assert bad.exit_code == 2 and "--chart must be one of" in bad.output


def test_report_png_alone_writes_the_png_only_and_says_what_it_replaced(sample_warehouse, tmp_path, monkeypatch):
    root, *_ = sample_warehouse
    monkeypatch.chdir(tmp_path)
    (tmp_path / "report.html").write_text("the person's own report")
    first = CliRunner().invoke(app, ["report", "-w", str(root), "--png", "failures.png", "--chart", "failures"])
    assert first.exit_code == 0 and first.output == "Wrote failures.png (chart: failures)\n", first.output
    assert (tmp_path / "report.html").read_text() == "the person's own report"
    again = CliRunner().invoke(app, ["report", "-w", str(root), "--png", "failures.png", "-o", "report.html"])
    assert again.output.startswith("Replaced report.html (") and "Replaced failures.png" in again.output
