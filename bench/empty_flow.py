"""A Prefect flow that does nothing, run as `newsetl run` runs its flow (same settings, same server): the floor
under a run with nothing new. `bench/runs.py` times it beside the runs."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from flows.runtime import apply_prefect_defaults, without_heartbeats

apply_prefect_defaults(quiet_logs=True)

from prefect import flow  # noqa: E402


@flow(name="empty")
def empty() -> int:
    return 1


if __name__ == "__main__":
    with without_heartbeats():
        empty()
