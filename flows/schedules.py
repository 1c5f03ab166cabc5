"""Scheduled runs: one Prefect deployment of the `ingest` flow per source that has a `schedule`.

`newsetl serve` serves them from one long-running process (Prefect's `serve`); each scheduled run ingests
its one source into the warehouse. Prefect's temporary server cannot schedule, so serving needs a Prefect
server (`prefect server start`) named by PREFECT_API_URL.
"""

from pathlib import Path

from prefect.client.schemas.schedules import CronSchedule
from prefect.deployments.runner import EntrypointType, RunnerDeployment

from flows.sources import InputError, load_sources_file
from warehouse.storage import is_remote


def scheduled_deployments(sources_file: Path, warehouse: str) -> list[RunnerDeployment]:
    """A deployment per scheduled source, named after it; InputError when no source has a schedule."""
    from flows.ingest import ingest

    sources_file = sources_file.resolve()
    warehouse = warehouse if is_remote(warehouse) else str(Path(warehouse).resolve())
    scheduled = [s for s in load_sources_file(sources_file) if s.schedule]
    if not scheduled:
        raise InputError(f'{sources_file}: no source has a schedule (add e.g. schedule = "0 * * * *")')
    return [
        ingest.to_deployment(
            name=source.name,
            schedules=[CronSchedule(cron=source.schedule, timezone="UTC")],
            parameters={"sources_file": str(sources_file), "warehouse": warehouse, "only": [source.name]},
            description=f"newsetl: ingest source {source.name!r} ({source.kind}) on {source.schedule!r} (UTC)",
            tags=["newsetl", source.kind],
            # the flow is imported by module, so the runner finds it wherever newsetl is installed
            entrypoint_type=EntrypointType.MODULE_PATH,
        )
        for source in scheduled
    ]


class RunReporter:
    """serve's lines about its runs: one when a run of its deployments starts, one when it ends, read from the
    Prefect API every few seconds (Prefect's runner says nothing about them at WARNING)."""

    FINAL = ("COMPLETED", "FAILED", "CANCELLED", "CRASHED")

    def __init__(self, api: str, names: list[str], say, every: float = 2.0) -> None:
        import threading

        self.api, self.names, self.say, self.every = api, names, say, every
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._watch, name="newsetl-run-reporter", daemon=True)

    def __enter__(self) -> "RunReporter":
        self._thread.start()
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(timeout=10)

    def _watch(self) -> None:
        import httpx

        query = {
            "flows": {"name": {"any_": ["ingest"]}},
            "deployments": {"name": {"any_": self.names}},
            "flow_runs": {"state": {"type": {"any_": ["RUNNING", *self.FINAL]}}},
            "sort": "EXPECTED_START_TIME_DESC",
            "limit": 50,
        }
        said: dict[str, str] | None = None  # run id -> the state last said; None until the first look
        deployments: dict[str, str] = {}
        with httpx.Client(base_url=self.api, timeout=10) as client:
            while not self._stop.wait(0 if said is None else self.every):
                try:
                    runs = client.post("/flow_runs/filter", json=query).raise_for_status().json()
                    for run in runs:
                        if run["deployment_id"] not in deployments:
                            found = client.get(f"/deployments/{run['deployment_id']}").raise_for_status().json()
                            deployments[run["deployment_id"]] = found["name"]
                except httpx.HTTPError:  # the server busy or going away: the next look tells
                    continue
                if said is None:  # what ended before serve started is history, not news
                    said = {r["id"]: r["state"]["type"] for r in runs if r["state"]["type"] in self.FINAL}
                for run in reversed(runs):
                    state = run["state"]
                    if said.get(run["id"]) == state["type"]:
                        continue
                    said[run["id"]] = state["type"]
                    where = f"ingest/{deployments[run['deployment_id']]}: run {run['name']!r}"
                    if state["type"] == "RUNNING":
                        self.say(f"{where} started")
                    else:
                        took = f" after {run['total_run_time']:.1f} s" if run.get("total_run_time") else ""
                        why = f": {state['message']}" if state["type"] != "COMPLETED" and state.get("message") else ""
                        self.say(f"{where} {state['name'].lower()}{took}{why}")
