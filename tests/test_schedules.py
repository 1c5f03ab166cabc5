"""Scheduled runs: `newsetl serve` against a real `prefect server start`, with a run triggered through a
deployment that loads rows."""

import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from flows.sources import InputError, load_sources_file
from warehouse import catalog

SAMPLE = Path(__file__).parent.parent / "flows" / "sample_pages"
BIN = Path(sys.executable).parent


def test_schedule_must_be_a_cron_expression(tmp_path):
    bad = tmp_path / "s.toml"
    bad.write_text(f'[sources.sample]\nkind = "files"\npath = "{SAMPLE}"\nschedule = "every hour"\n')
    with pytest.raises(InputError, match=r"sources\.sample: source 'sample': schedule 'every hour' is not a cron"):
        load_sources_file(bad)


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _servers_on(port: int) -> list[int]:
    """Processes of a `prefect server start` on this port (from /proc: also those no test started)."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            argv = (proc / "cmdline").read_bytes().split(b"\0")
        except (OSError, ValueError):
            continue
        if b"server" in argv and b"start" in argv and str(port).encode() in argv:
            found.append(int(proc.name))
    return found


def _serve_without_a_server(tmp_path, port: int, home: Path):
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[sources.sample]\nkind = "files"\npath = "{SAMPLE}"\nschedule = "0 * * * *"\n')
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env["PREFECT_HOME"] = str(home)  # no background server there: serve starts its own
    env["PYTHONFAULTHANDLER"] = "1"  # a SIGABRT prints where each thread is: see _stopped
    log = tmp_path / "serve.log"
    with log.open("w") as out:
        serving = subprocess.Popen([str(BIN / "newsetl"), "serve", "-s", str(sources), "-w", str(tmp_path / "wh"),
                                    "--prefect-port", str(port)], env=env, stdout=out, stderr=subprocess.STDOUT,
                                   start_new_session=True)  # fmt: skip
    return serving, log


@pytest.mark.slow
@pytest.mark.parametrize("moment", ["SIGTERM while its server starts", "SIGKILL while its server starts",
                                    "SIGTERM once its deployment is registered"])  # fmt: skip
def test_serve_without_a_prefect_server_starts_one_and_stops_it_whenever_it_is_stopped(
    tmp_path, moment, migrated_prefect_home
):
    port = _free_port()
    serving, log = _serve_without_a_server(tmp_path, port, migrated_prefect_home)
    api = f"http://127.0.0.1:{port}/api"
    try:
        if "starts" in moment:  # the very moment the server process is started
            _wait(lambda: _servers_on(port), 180, "serve to start its server")
        else:

            def served():
                try:
                    found = httpx.post(f"{api}/deployments/filter", json={}, timeout=5).json()
                except httpx.HTTPError:
                    return None
                return found or None

            [deployment] = _wait(served, 180, "the server serve started, with its deployment")
            assert deployment["name"] == "sample" and deployment["schedules"][0]["schedule"]["cron"] == "0 * * * *"
    finally:
        os.kill(serving.pid, signal.SIGKILL if "SIGKILL" in moment else signal.SIGTERM)
        # 0.2-2.2 s here; the bounds serve's own stop allows add up to 70 s: its run reporter (10 s), the server's
        # exit (30 s), its port going quiet (30 s). CI once took over 60 s; not reproduced here in 76 tries.
        _stopped(serving, log, 150)
    # the server it started is gone with it (on SIGKILL the kernel tells the server its parent died)
    _wait(lambda: not _servers_on(port), 60, "the server to stop")
    with pytest.raises(httpx.HTTPError):
        httpx.get(f"{api}/health", timeout=5)
    if "SIGTERM" in moment:  # a stop, not a failure; once Prefect's runner runs, it handles the SIGTERM itself
        said = log.read_text().strip().splitlines()
        assert serving.returncode == 0 and said[-1] in ("serve stopped (SIGTERM)", "serve stopped"), said


def _stopped(serving: subprocess.Popen, log: Path, timeout: float) -> None:
    """Wait for serve to exit; one that does not is stopped with SIGABRT, and the failure shows its output,
    with the stacks of its threads (PYTHONFAULTHANDLER)."""
    try:
        serving.wait(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.kill(serving.pid, signal.SIGABRT)
        try:
            serving.wait(timeout=10)
        except subprocess.TimeoutExpired:
            serving.kill()
            serving.wait()
        pytest.fail(f"serve still running {timeout} s after its signal:\n{log.read_text()[-8000:]}")


def test_serve_reports_a_port_another_process_holds_instead_of_using_it(tmp_path):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        serving, log = _serve_without_a_server(tmp_path, port, tmp_path / "home")
        assert serving.wait(timeout=120) == 1
    assert log.read_text().splitlines() == [
        f"error: port {port} is in use by another process (a Prefect server left running?): stop it, pass another "
        f"--prefect-port, or set PREFECT_API_URL=http://127.0.0.1:{port}/api to use the server there"
    ]


def _create_flow_run(client: httpx.Client, deployment_id: str) -> dict:
    """A run of the deployment, now. A busy server (SQLite, while the scheduler fills in the deployments' runs)
    answers 503 for a moment: asked again, as Prefect's own client does."""

    def created():
        answer = client.post(f"/deployments/{deployment_id}/create_flow_run", json={})
        if answer.status_code == 503:
            return None
        assert "id" in answer.json(), answer.text  # the server's answer, if it refused
        return answer.json()

    return _wait(created, 120, "the server to take a flow run")


def _wait(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := predicate():
            return result
        time.sleep(0.5)
    pytest.fail(f"timed out waiting for {what}")


@pytest.mark.slow
def test_served_deployments_have_the_sources_schedules_and_a_triggered_run_loads_rows(prefect_server, tmp_path):
    env = {**prefect_server, "PREFECT_RUNNER_POLL_FREQUENCY": "1"}
    api = env["PREFECT_API_URL"]
    sources = tmp_path / "sources.toml"
    sources.write_text(
        f'[sources.sample]\nkind = "files"\npath = "{SAMPLE}"\nschedule = "*/30 * * * *"\n\n'
        f'[sources.archive]\nkind = "files"\npath = "{SAMPLE}/meridian-*.html"\nschedule = "5 2 * * *"\n\n'
        f'[sources.adhoc]\nkind = "files"\npath = "{SAMPLE}"\n'  # no schedule: not served
    )
    warehouse = tmp_path / "wh"
    log = (tmp_path / "serve.log").open("w")
    serving = subprocess.Popen([str(BIN / "newsetl"), "serve", "-s", str(sources), "-w", str(warehouse)],
                               env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
    try:
        client = httpx.Client(base_url=api, timeout=10)

        def deployments():  # this test's, on a server other tests share
            found = {d["name"]: d for d in client.post("/deployments/filter", json={}).json()}
            return (
                {n: d for n, d in found.items() if n in ("sample", "archive", "adhoc")} if "archive" in found else None
            )

        found = _wait(deployments, 120, "the deployments")
        time.sleep(1)  # served together: had "adhoc" been served, it would be there now
        found = deployments()
        crons = {name: [s["schedule"]["cron"] for s in d["schedules"]] for name, d in found.items()}
        assert crons == {"sample": ["*/30 * * * *"], "archive": ["5 2 * * *"]}
        assert found["sample"]["parameters"]["only"] == ["sample"]
        assert all(s["active"] for d in found.values() for s in d["schedules"])

        run = _create_flow_run(client, found["archive"]["id"])

        def finished():
            state = client.get(f"/flow_runs/{run['id']}").json()["state"]
            return state if state["type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") else None

        state = _wait(finished, 240, "the triggered run to finish")
        assert state["type"] == "COMPLETED", (state, (tmp_path / "serve.log").read_text()[-3000:])
        _wait(lambda: "completed after" in (tmp_path / "serve.log").read_text(), 60, "serve to say the run ended")
    finally:
        os.killpg(serving.pid, signal.SIGTERM)  # as systemd or Docker stop it
        try:
            serving.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(serving.pid, signal.SIGKILL)
        log.close()
    # A stopped server leaves its schedules active: restarting it resumes them
    after = httpx.post(f"{api}/deployments/filter", json={}, timeout=10).json()
    assert [s["active"] for d in after if d["name"] in ("sample", "archive") for s in d["schedules"]] == [True, True]
    # The run ingested its own source only: the five Meridian pages, one of them a section front
    con = catalog.connect(warehouse)
    assert con.sql("SELECT domain, count(*) FROM articles GROUP BY 1").fetchall() == [("meridianpost.example", 4)]
    assert con.sql("SELECT reason FROM failures").fetchall() == [("not_article",)]
    assert con.sql("SELECT status, parameters['only'] FROM runs").fetchall() == [("completed", '["archive"]')]
    con.close()
    # serve says what it runs, and how each run ended
    said = (tmp_path / "serve.log").read_text().splitlines()
    started = [line for line in said if re.fullmatch(r"ingest/archive: run '[\w-]+' started", line)]
    ended = [line for line in said if re.fullmatch(r"ingest/archive: run '[\w-]+' completed after [\d.]+ s", line)]
    assert len(started) == len(ended) == 1 and started[0].split("'")[1] == ended[0].split("'")[1], said


@pytest.mark.slow
def test_deploy_registers_with_a_work_pool_whose_worker_runs_them(prefect_server, tmp_path):
    env = {**prefect_server, "PREFECT_WORKER_QUERY_SECONDS": "1", "PREFECT_WORKER_PREFETCH_SECONDS": "1"}
    api = env["PREFECT_API_URL"]
    sources = tmp_path / "sources.toml"
    sources.write_text(f'[sources.harbor]\nkind = "files"\npath = "{SAMPLE}/harbor-*.html"\nschedule = "0 6 * * 1"\n')
    warehouse = tmp_path / "wh"

    def cli(*args):
        return subprocess.run([str(BIN / "newsetl"), *args], env=env, capture_output=True, text=True, timeout=120)

    missing = cli("deploy", "-s", str(sources), "--pool", "no-such-pool", "-w", str(warehouse))
    assert missing.returncode == 1 and "no-such-pool" in missing.stderr
    pool = subprocess.run([str(BIN / "prefect"), "work-pool", "create", "newsetl-test", "--type", "process"],
                          env=env, capture_output=True, text=True, timeout=120)  # fmt: skip
    assert pool.returncode == 0, pool.stdout + pool.stderr
    done = cli("deploy", "-s", str(sources), "--pool", "newsetl-test", "-w", str(warehouse))
    assert done.returncode == 0 and "registered ingest/harbor" in done.stdout, done.stderr
    client = httpx.Client(base_url=api, timeout=10)
    [deployment] = [d for d in client.post("/deployments/filter", json={}).json() if d["name"] == "harbor"]
    assert deployment["work_pool_name"] == "newsetl-test"
    assert [s["schedule"]["cron"] for s in deployment["schedules"]] == ["0 6 * * 1"]

    log = (tmp_path / "worker.log").open("w")
    worker = subprocess.Popen([str(BIN / "prefect"), "worker", "start", "--pool", "newsetl-test"], env=env,
                              stdout=log, stderr=subprocess.STDOUT, start_new_session=True)  # fmt: skip
    try:
        run = _create_flow_run(client, deployment["id"])

        def finished():
            state = client.get(f"/flow_runs/{run['id']}").json()["state"]
            return state if state["type"] in ("COMPLETED", "FAILED", "CRASHED", "CANCELLED") else None

        state = _wait(finished, 240, "the worker to run the deployment")
        assert state["type"] == "COMPLETED", (state, (tmp_path / "worker.log").read_text()[-3000:])
    finally:
        os.killpg(worker.pid, signal.SIGINT)
        try:
            worker.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
        log.close()
    con = catalog.connect(warehouse)
    assert con.sql("SELECT DISTINCT domain FROM articles").fetchall() == [("harbordaily.example",)]
    con.close()


def test_flow_parameters_become_the_json_prefect_would_store():
    """flows/jsonflow.py: the same JSON as Prefect's own encoder, without importing FastAPI (0.4 s a run)."""
    from datetime import date

    from flows.ingest import ingest

    parameters = {"inputs": ["a.html", Path("b")], "since": date(2026, 3, 1), "options": {"refetch": True},
                  "only": ("x",), "warehouse": None, "batch_size": 5}  # fmt: skip
    assert ingest.serialize_parameters(parameters) == {
        "inputs": ["a.html", "b"], "since": "2026-03-01", "options": {"refetch": True}, "only": ["x"],
        "warehouse": None, "batch_size": 5,
    }  # fmt: skip
    assert ingest.serialize_parameters({"inputs": object()}) == {"inputs": "<object>"}
