"""What a run reports: its `runs` row (stage durations, pages per source, where it failed) and the markdown
artifact Prefect shows, on a real Prefect server with real runs of the CLI."""

import re
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from conftest import Route

from warehouse import catalog

pytestmark = pytest.mark.slow
NEWSETL = Path(sys.executable).parent / "newsetl"


def test_a_run_reports_stages_sources_and_top_entities(readme_sample_run):
    """The session's run of the README's command (tests/conftest.py): its runs row and its Prefect artifact."""
    con = catalog.connect(readme_sample_run["root"])
    [(status, stage, error, seconds, sources, reasons, top)] = con.sql(
        "SELECT status, failed_stage, error, stage_seconds, source_pages, failures_by_reason, top_entities FROM runs "
        "ORDER BY started_at LIMIT 1"
    ).fetchall()
    assert (status, stage, error) == ("completed", None, None)
    assert {"discover", "fetch", "extract", "enrich", "load"} <= set(seconds) and all(v >= 0 for v in seconds.values())
    assert sources == {"files": 27}
    assert reasons == dict(con.sql("SELECT stage || ':' || reason, count(*) FROM failures GROUP BY 1").fetchall())
    assert len(top) == 10 and top[0]["articles"] >= top[-1]["articles"] >= 1 and top[0]["label"]
    con.close()

    [(ui, run_id)] = re.findall(r"In Prefect: (http://\S+)/runs/flow-run/(\S+)", readme_sample_run["first"].stdout)
    [artifact] = httpx.post(f"{ui}/api/artifacts/filter", timeout=10,
                            json={"artifacts": {"key": {"any_": ["newsetl-ingest-summary"]},
                                                "flow_run_id": {"any_": [run_id]}}}).json()  # fmt: skip
    report = artifact["data"]
    # the run's parameters as Prefect stores them (JSON made by flows/jsonflow.py, not FastAPI's encoder)
    parameters = httpx.get(f"{ui}/api/flow_runs/{run_id}", timeout=10).json()["parameters"]
    assert parameters == {"inputs": None, "sources_file": None, "feeds": None, "sitemaps": None, "since": None,
                          "warehouse": str(readme_sample_run["root"]), "batch_size": 200, "options": {},
                          "only": None}  # fmt: skip
    assert "articles new **23**" in report and "| files | 27 |" in report
    assert "| top entities in new articles | label | articles |" in report
    assert "| extract |" in report and "| not_article" not in report  # reasons are stage:reason
    assert "| extract:not_article |" in report


def test_a_task_over_its_time_limit_stops_the_run_and_the_runs_row_says_where(prefect_server, http_server, tmp_path):
    base, routes, _ = http_server
    routes["/slow"] = Route(b"<html><body><p>late</p></body></html>", delay=6)
    urls = tmp_path / "urls.txt"
    urls.write_text(f"{base}/slow\n")
    warehouse = tmp_path / "wh"
    env = {**prefect_server, "NEWSETL_TASK_TIMEOUT": "2"}
    done = subprocess.run([str(NEWSETL), "run", str(urls), "-w", str(warehouse), "--allow-private", "--verbose"],
                          env=env, capture_output=True, text=True, timeout=600)  # fmt: skip
    assert done.returncode != 0
    # --verbose shows Prefect's run logger, its lines tagged with the flow run
    assert re.search(r"Flow run '[^']+' - run failed in fetch", done.stderr), done.stderr[-2000:]
    con = catalog.connect(warehouse)
    [(status, stage, error)] = con.sql("SELECT status, failed_stage, error FROM runs").fetchall()
    assert (status, stage) == ("failed", "fetch") and "TaskRunTimeoutError" in error and "2.0 second" in error
    con.close()
