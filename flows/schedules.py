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
