"""Process-wide defaults for running Prefect offline here, in one place (the CLI and the tests use them)."""

import os

PREFECT_DEFAULTS = {
    # A fresh temporary server needed 14-16 s to start on these machines; Prefect's default wait is 20 s.
    "PREFECT_SERVER_EPHEMERAL_STARTUP_TIMEOUT_SECONDS": "90",
    # Prefect's telemetry phones home (server side and client side); runs are offline.
    "PREFECT_SERVER_ANALYTICS_ENABLED": "false",
    "DO_NOT_TRACK": "1",
}


def apply_prefect_defaults(quiet_logs: bool = False) -> None:
    """Set each default unless the user set it already; call before Prefect is imported."""
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
    if quiet_logs:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")
