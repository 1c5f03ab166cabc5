"""Process-wide defaults for running Prefect offline here, and the Prefect servers newsetl starts, in one place
(the CLI and the tests use them).

Two kinds of server, both `prefect server start` on 127.0.0.1 in a session of their own, so that a Ctrl-C
at the terminal reaches newsetl and not the server (a server that died with the Ctrl-C made the run's
last state reports time out for minutes):

- *background*: started by the first `newsetl run` that finds no server, left running, and reused by later
  runs (a run then spends seconds on Prefect instead of ~10-25, and every run stays in its UI). Its pid and
  port are in `$PREFECT_HOME/newsetl-server.json`; its pid also in Prefect's own `server.pid`, so that
  `prefect server stop` stops it.
- *owned*: started for one command (`serve`, or a run with NEWSETL_PREFECT_SERVER=per-run) and stopped when
  the command ends, however it ends: SIGTERM and SIGINT at any moment, and SIGKILL on Linux (the server gets
  SIGTERM when its parent dies).
"""

import contextlib
import ctypes
import fcntl
import json
import logging
import os
import signal
import socket
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
SERVER_FILE = "newsetl-server.json"
DEFAULT_PORT = 4200


def apply_prefect_defaults(quiet_logs: bool = False) -> None:
    """Set each default unless the user set it already; call before Prefect is imported."""
    for key, value in PREFECT_DEFAULTS.items():
        os.environ.setdefault(key, value)
    if quiet_logs:
        os.environ.setdefault("PREFECT_LOGGING_LEVEL", "WARNING")


@contextmanager
def without_heartbeats():
    """Prefect settings for a flow run that `newsetl` starts in this process: no flow-run heartbeats unless the
    user set PREFECT_FLOWS_HEARTBEAT_FREQUENCY (env or profile), which then holds.

    Prefect emits a heartbeat event every 180 s by default, for an automation that marks runs whose machine
    died as crashed; nothing uses them until a person creates that automation, and then they set the setting.
    The heartbeat thread sleeps in 1 s steps and the flow's end waits for the step to finish: 0-1 s at the end
    of every run, about the same from run to run for runs of one length (a run with nothing new at 1M
    articles: 4.6-4.8 s without, 5.7-5.8 s with, run by run). Deployments that `newsetl serve` runs keep
    Prefect's default."""
    from prefect.settings import PREFECT_FLOWS_HEARTBEAT_FREQUENCY, temporary_settings

    with temporary_settings(set_defaults={PREFECT_FLOWS_HEARTBEAT_FREQUENCY: None}):
        yield


class Terminated(BaseException):
    """SIGTERM, raised in the main thread like KeyboardInterrupt for SIGINT, so that `finally` blocks run
    (Python's default for SIGTERM ends the process on the spot)."""

    signum = signal.SIGTERM


@contextmanager
def raising_on_sigterm():
    """While the block runs, SIGTERM raises `Terminated` (Prefect puts its own, alike, in place while a flow
    runs); the handler before is back after it."""

    def handler(signum, frame):
        raise Terminated()

    before = signal.signal(signal.SIGTERM, handler)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, before)


def signal_number(exc: BaseException) -> int | None:
    """The signal an exception stands for: SIGINT for KeyboardInterrupt, SIGTERM for `Terminated` and for
    Prefect's TerminationSignal, also where an error was raised from one (DuckDB turns Ctrl-C during a query
    into `RuntimeError: Query interrupted`, raised from the KeyboardInterrupt); None for anything else."""
    seen = set()
    while exc is not None and id(exc) not in seen:
        seen.add(id(exc))
        if isinstance(exc, KeyboardInterrupt):
            return signal.SIGINT
        if isinstance(exc, Terminated):
            return signal.SIGTERM
        if type(exc).__name__ == "TerminationSignal":  # prefect.exceptions, not imported for this
            return getattr(exc, "signal", signal.SIGTERM)
        exc = exc.__cause__ or exc.__context__
    return None


def interrupted_by(exc: BaseException) -> str | None:
    """The name of the signal (SIGINT, SIGTERM) an exception stands for, None for any other exception: what a
    flow's `except BaseException` records a run as cancelled by, or re-raises."""
    number = signal_number(exc)
    return None if number is None else signal.Signals(number).name


class ServerError(RuntimeError):
    """A Prefect server that could not be started, or a port that another process holds."""


def port_is_free(port: int) -> bool:
    """Can a server listen on 127.0.0.1:`port`? (SO_REUSEADDR, as servers bind: a port whose last connections
    are still closing is free.)"""
    with socket.socket() as s:
        s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            s.bind(("127.0.0.1", port))
        except OSError:
            return False
    return True


def port_taken(port: int) -> str:
    return (
        f"port {port} is in use by another process (a Prefect server left running?): stop it, pass another "
        f"--prefect-port, or set PREFECT_API_URL=http://127.0.0.1:{port}/api to use the server there"
    )


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def answers(api: str, timeout: float = 2.0) -> bool:
    """Does the Prefect API at `api` answer its health check? (urllib: an httpx client makes an SSL context
    first, ~0.1 s of every run's start, even for http://127.0.0.1.)"""
    import urllib.error
    import urllib.request

    try:
        with urllib.request.urlopen(f"{api}/health", timeout=timeout) as response:
            return response.status == 200
    except (urllib.error.URLError, OSError, ValueError):
        return False


def _server_command(port: int) -> list[str]:
    prefect = Path(sys.executable).parent / "prefect"
    return [str(prefect), "server", "start", "--host", "127.0.0.1", "--port", str(port)]


def _wait_until_up(server: subprocess.Popen, api: str, port: int, wait: float) -> None:
    deadline = time.monotonic() + wait
    while not answers(api):
        if server.poll() is not None:
            raise ServerError(f"prefect server start exited with {server.returncode} (is port {port} in use?)")
        if time.monotonic() > deadline:
            raise ServerError(f"the Prefect server did not answer within {wait:.0f} s")
        time.sleep(0.25)
    if server.poll() is not None:  # what answered is another process's server, which took the port meanwhile
        raise ServerError(f"port {port} was taken by another process while the Prefect server started")


_PR_SET_PDEATHSIG = 1
_libc = ctypes.CDLL(None, use_errno=True) if sys.platform.startswith("linux") else None


def _die_with_parent() -> None:  # in the child, between fork and exec
    if _libc is not None:
        _libc.prctl(_PR_SET_PDEATHSIG, signal.SIGTERM)


@contextmanager
def _deferred_signals():
    """SIGINT and SIGTERM wait while the block runs (no handler raises inside it); yields the list of those
    that came. The caller re-raises them once what the block started is in the hands of a `finally`."""
    came: list[int] = []
    before = {s: signal.signal(s, lambda signum, frame: came.append(signum)) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        yield came
    finally:
        for s, handler in before.items():
            signal.signal(s, handler)


def _raise_for(signum: int) -> None:
    if signum == signal.SIGINT:
        raise KeyboardInterrupt
    raise Terminated()


@contextmanager
def local_prefect_server(api_url: str | None, port: int, wait: float = 120.0, env: dict | None = None):
    """Yield `api_url` if it is set; otherwise start a Prefect server on 127.0.0.1:`port` that this command
    owns (its database under PREFECT_HOME, as Prefect's own CLI keeps it), wait until it answers, yield its
    API URL, and stop it on the way out. A port another process holds is a ServerError, not reused.
    `env`: the server's environment (default: this process's)."""
    if api_url:
        yield api_url
        return
    if not port_is_free(port):
        raise ServerError(port_taken(port))
    api = f"http://127.0.0.1:{port}/api"
    main_thread = sys.platform.startswith("linux") and threading_is_main()
    with _deferred_signals() if main_thread else contextlib.nullcontext([]) as came:
        # In its own session: a Ctrl-C at the terminal reaches this process, which stops the server in turn.
        server = subprocess.Popen(_server_command(port), env=env, stdin=subprocess.DEVNULL,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True,
                                  preexec_fn=_die_with_parent if main_thread else None)  # fmt: skip
    up = False
    try:
        if came:  # a signal came while the server was being started: it is stopped below
            _raise_for(came[0])
        _wait_until_up(server, api, port, wait)
        up = True
        yield api
    finally:
        # One still starting has nothing to shut down gracefully, and may not heed SIGTERM until its start-up
        # (database migrations) is done: 30 s here once.
        _stop(server, api, wait=30.0 if up else 5.0)


def threading_is_main() -> bool:
    import threading

    return threading.current_thread() is threading.main_thread()


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


def prefect_home() -> Path:
    """Where Prefect keeps its database (PREFECT_HOME, default ~/.prefect), without importing Prefect."""
    return Path(os.environ.get("PREFECT_HOME") or "~/.prefect").expanduser()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _recorded() -> dict | None:
    """What $PREFECT_HOME/newsetl-server.json says of the background server, if its process is alive."""
    try:
        info = json.loads((prefect_home() / SERVER_FILE).read_text())
        pid, _ = int(info["pid"]), str(info["api"])
    except (OSError, ValueError, KeyError, TypeError):
        return None
    cmdline = Path(f"/proc/{pid}/cmdline")  # on Linux: the process of that id is a Prefect server, not a reused id
    if cmdline.exists() and b"prefect" not in cmdline.read_bytes():
        return None
    return info if _alive(pid) else None


def background_server() -> dict | None:
    """This PREFECT_HOME's background server, {"pid", "port", "api", "log"}, if it runs and answers."""
    info = _recorded()
    return info if info and answers(info["api"]) else None


def start_background_server(wait: float = 120.0, on_start=None) -> tuple[str, bool]:
    """The API URL of this PREFECT_HOME's background server, started (and left running) if none answers; and
    whether it was started now. Two runs at once start one server: the second waits for the first's.
    `on_start(port)` is called just before a server is started (to tell the person why the wait)."""
    home = prefect_home()
    home.mkdir(parents=True, exist_ok=True)
    with (home / "newsetl-server.lock").open("a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        if found := _recorded():  # running: it may be slow to answer on a busy machine, but it is not replaced
            deadline = time.monotonic() + wait
            while not answers(found["api"], timeout=5):
                if time.monotonic() > deadline:
                    raise ServerError(f"the background Prefect server (pid {found['pid']}, {found['api']}) does "
                                      "not answer: stop it with `prefect server stop`, and run again")  # fmt: skip
                time.sleep(0.5)
            return found["api"], False
        preferred = int(os.environ.get("PREFECT_SERVER_API_PORT") or DEFAULT_PORT)  # Prefect's own setting
        port = preferred if port_is_free(preferred) else free_port()
        api, log = f"http://127.0.0.1:{port}/api", home / "newsetl-server.log"
        if on_start:
            on_start(port)
        with log.open("ab") as out:
            server = subprocess.Popen(_server_command(port), stdin=subprocess.DEVNULL, stdout=out, stderr=out,
                                      start_new_session=True)  # fmt: skip
        info = {"pid": server.pid, "port": port, "api": api, "log": str(log)}
        (home / SERVER_FILE).write_text(json.dumps(info))
        pid_file = home / "server.pid"  # Prefect's own: `prefect server stop` stops the server it names
        with contextlib.suppress(OSError, ValueError):
            if pid_file.exists() and _alive(int(pid_file.read_text())):
                pid_file = None  # a server `prefect server start --background` started: not ours to replace
        if pid_file is not None:
            pid_file.write_text(str(server.pid))
        try:
            _wait_until_up(server, api, port, wait)
        except BaseException:
            stop_background_server()
            raise
        return api, True


def stop_background_server() -> bool:
    """Stop this PREFECT_HOME's background server; False if none was running."""
    home = prefect_home()
    try:
        info = json.loads((home / SERVER_FILE).read_text())
        pid = int(info["pid"])
    except (OSError, ValueError, KeyError, TypeError):
        return False
    running = _alive(pid)
    if running:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(pid, signal.SIGTERM)  # its own session: the group is its id
        deadline = time.monotonic() + 30
        while _alive(pid) and time.monotonic() < deadline:
            _reap(pid)
            time.sleep(0.1)
        if _alive(pid):
            with contextlib.suppress(ProcessLookupError):
                os.killpg(pid, signal.SIGKILL)
    (home / SERVER_FILE).unlink(missing_ok=True)
    pid_file = home / "server.pid"
    with contextlib.suppress(OSError, ValueError):
        if int(pid_file.read_text()) == pid:
            pid_file.unlink()
    return running


def _reap(pid: int) -> None:
    """Collect the exit of a server this process started (else it stays a zombie, and looks alive)."""
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, os.WNOHANG)


class _NotAboutAnInterrupt(logging.Filter):
    """Drops the records logged while Ctrl-C or SIGTERM is being handled (Prefect's "Crash detected!" for the
    task the signal cut short, say): the person gets one line from newsetl instead. They still reach the
    Prefect API, and with --debug the terminal too."""

    def filter(self, record: logging.LogRecord) -> bool:
        return signal_number(sys.exc_info()[1]) is None and not (
            record.exc_info and signal_number(record.exc_info[1]) is not None
        )


def quiet_interrupts() -> None:
    """Keep the terminal's log handlers quiet about an interrupt being handled (see _NotAboutAnInterrupt)."""
    from prefect.logging.configuration import ensure_logging_setup

    ensure_logging_setup()  # Prefect's handlers exist from here on: they get the filter

    named = (v for v in logging.root.manager.loggerDict.values() if isinstance(v, logging.Logger))
    for logger in [logging.getLogger(), *named]:
        for handler in logger.handlers:
            terminal = isinstance(handler, logging.StreamHandler) and not isinstance(handler, logging.FileHandler)
            if terminal and not any(isinstance(f, _NotAboutAnInterrupt) for f in handler.filters):
                handler.addFilter(_NotAboutAnInterrupt())


def supervisor_intent() -> str | None:
    """What the process that runs this flow run (`serve`'s runner, a worker) meant by its SIGTERM ("cancel",
    ...), or None when the signal came from elsewhere (a person, systemd)."""
    try:
        from prefect._internal.control_listener import get_intent
    except ImportError:
        return None
    return get_intent()
