"""`newsetl run` on Dask: a real two-worker local cluster, a real Prefect server, a worker killed mid-run (a run
that starts its own cluster, on an S3 warehouse: tests/test_s3.py)."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import sample_counts
from distributed import Client, LocalCluster
from distributed.diagnostics.plugin import WorkerPlugin

from flows import doctor
from flows.cluster import PLUGIN_NAME, worker_state
from flows.settings import load_settings
from warehouse import catalog

pytestmark = pytest.mark.slow

NEWSETL = str(Path(sys.executable).parent / "newsetl")


def newsetl(env: dict, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run([NEWSETL, *args], env=env, capture_output=True, text=True, timeout=600)


def run(env: dict, warehouse: str, *args: str) -> dict:
    done = newsetl(env, "run", "--json", "--batch-size", "3", "-w", warehouse, *args)
    assert done.returncode == 0, done.stderr[-3000:]
    return json.loads(done.stdout)


@pytest.fixture
def baseline(sample_reference) -> dict:
    """The sample corpus run without Dask, in batches of 3 pages: what every Dask run must load too."""
    return sample_reference


@pytest.fixture(scope="module")
def cluster():
    """One two-worker cluster for the module (its workers load the pipelines as they join, ~20 s); the test
    that kills a worker comes last."""
    with (
        LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster,
        Client(cluster) as client,
    ):
        yield cluster, client


def test_doctor_checks_the_workers_of_a_dask_scheduler(cluster):
    local_cluster, _ = cluster
    # the check `newsetl doctor` runs, in this process (the whole doctor is tests/test_doctor.py's)
    settings = load_settings(dask_address=local_cluster.scheduler_address)  # an address alone: dask
    assert settings.runner == "dask"
    assert doctor.dask_workers(settings).startswith("2 workers")
    broken = load_settings(dask_address=local_cluster.scheduler_address, models={"en": "no_such_pipeline"})
    with pytest.raises(RuntimeError, match="spaCy pipelines not installed: no_such_pipeline"):
        doctor.dask_workers(broken)


def test_an_unreachable_scheduler_fails_the_run_with_a_runs_row_saying_so(prefect_server, tmp_path):
    import socket

    with socket.socket() as s:  # a port nobody listens on
        s.bind(("127.0.0.1", 0))
        address = f"tcp://127.0.0.1:{s.getsockname()[1]}"
    env = {**prefect_server, "DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT": "2s"}
    done = newsetl(env, "run", "--dask-address", address, "-w", str(tmp_path))
    assert done.returncode == 1 and "start workers" in done.stderr, done.stderr[-2000:]
    runs = catalog.connect(tmp_path).sql("SELECT status, failed_stage FROM runs").fetchall()
    assert runs == [("failed", "start workers")]


def test_a_run_with_nothing_new_starts_no_workers(prefect_harness, tmp_path):
    """A scheduled run that finds nothing pays no cluster start, nor its workers' pipeline loads."""
    from flows.ingest import ingest

    empty = tmp_path / "nothing"
    empty.mkdir()
    summary = ingest(inputs=[str(empty)], warehouse=str(tmp_path / "wh"), options={"runner": "dask", "workers": 2})
    assert summary["status"] == "completed" and summary["counts"]["batches"] == 0
    assert "start workers" not in summary["stage_seconds"], summary["stage_seconds"]


class KillOnce(WorkerPlugin):
    """Kills its worker's process as the first task of the cluster starts running (once: a marker file)."""

    def __init__(self, marker: str) -> None:
        self.marker = marker

    def transition(self, key, start, finish, **kwargs) -> None:
        if finish != "executing":
            return
        try:
            os.close(os.open(self.marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY))
        except FileExistsError:
            return
        os._exit(1)


def test_batches_run_on_both_workers_which_load_the_model_once_each_and_a_killed_worker_costs_a_rerun(
    prefect_server, baseline, cluster, tmp_path
):
    """One sample run on the module's two-worker cluster whose first task's worker dies as it starts: Dask runs
    that task again elsewhere, the flow commits each batch once, and every worker (the one that replaced the dead
    one too) loads each pipeline once, when it joins."""
    local_cluster, client = cluster
    marker = tmp_path / "killed"
    client.register_plugin(KillOnce(str(marker)), name="kill-once")
    warehouse = str(tmp_path / "wh")
    summary = run(prefect_server, warehouse, "--dask-address", local_cluster.scheduler_address)
    assert marker.exists()  # a worker died with a batch task on it; Dask ran the task again elsewhere
    assert summary["status"] == "completed" and summary["counts"]["batches"] == 9
    assert sample_counts(warehouse) == baseline
    check = newsetl(prefect_server, "check", "--json", "-w", warehouse)
    assert check.returncode == 0 and json.loads(check.stdout)["ok"], check.stdout
    client.wait_for_workers(2, timeout=120)  # the nanny's replacement has joined
    states = client.run(worker_state)
    assert len(states) == 2
    for state in states.values():
        # each configured pipeline (en, fr) loaded once when the worker joined, and never again by a batch
        assert state["model_loads"] == 2 and state["extraction_children"] == 1, states
    # the batches' entity tasks reused the loaded pipelines (9 batches over 2 workers)
    assert sum(state["model_reuses"] for state in states.values()) >= 1, states
    assert PLUGIN_NAME in client.run_on_scheduler(lambda dask_scheduler: list(dask_scheduler.worker_plugins))
