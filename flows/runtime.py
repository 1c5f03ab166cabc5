"""Process-wide defaults for running Prefect offline here, in one place (the CLI and the tests use them)."""

import contextlib
import os
import signal
import subprocess
import sys
import time
from contextlib import contextmanager
from pathlib import Path

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


@contextmanager
def local_prefect_server(api_url: str | None, port: int, wait: float = 120.0, env: dict | None = None):
    """Yield `api_url` if it is set; otherwise start `prefect server start` on 127.0.0.1:`port` (its database
    under PREFECT_HOME, as Prefect's own CLI keeps it), wait until it answers, yield its API URL, and stop it
    on the way out. `env`: the server's environment (default: this process's)."""
    if api_url:
        yield api_url
        return
    import httpx

    api = f"http://127.0.0.1:{port}/api"
    prefect = Path(sys.executable).parent / "prefect"
    # In its own process group, so that stopping it stops whatever it started too.
    server = subprocess.Popen([str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                              start_new_session=True)  # fmt: skip
    try:
        deadline = time.monotonic() + wait
        while True:
            try:
                if httpx.get(f"{api}/health", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if server.poll() is not None:
                raise RuntimeError(f"prefect server start exited with {server.returncode} (is port {port} in use?)")
            if time.monotonic() > deadline:
                raise RuntimeError(f"the Prefect server did not answer within {wait:.0f} s")
            time.sleep(0.5)
        yield api
    finally:
        _stop(server, api)


def _stop(server: subprocess.Popen, api: str, wait: float = 30.0) -> None:
    """Stop the server's process group, and return once its port no longer answers (a test of `serve` found
    the API still answering just after `prefect server start` itself had exited)."""
    import httpx

    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGTERM)
    try:
        server.wait(timeout=wait)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(server.pid, signal.SIGKILL)
        server.wait()
    deadline = time.monotonic() + wait
    while time.monotonic() < deadline:
        try:
            httpx.get(f"{api}/health", timeout=1)
        except httpx.HTTPError:
            return
        time.sleep(0.2)
    with contextlib.suppress(ProcessLookupError):
        os.killpg(server.pid, signal.SIGKILL)
