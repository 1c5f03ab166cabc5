"""A run as a person meets it in a terminal: a real pseudo-terminal, a real Ctrl-C (the terminal driver sends
SIGINT to the whole foreground process group, the extraction child too) or SIGTERM, a real Prefect server."""

import os
import pty
import re
import signal
import sys
import threading
import time
from pathlib import Path

import httpx
import pytest
from conftest import SAMPLE_PAGES
from typer.testing import CliRunner
from webserver import Route

from flows.cli import app
from warehouse import catalog

pytestmark = pytest.mark.slow
NEWSETL = Path(sys.executable).parent / "newsetl"
ANSI = re.compile(r"\x1b\[[0-9;?]*[A-Za-z]|\x1b\][^\x07]*\x07")


class Terminal:
    """A command on a pseudo-terminal of its own (its controlling terminal, in the foreground), its output
    collected as it comes."""

    def __init__(self, argv: list[str], env: dict) -> None:
        self.pid, self.fd = pty.fork()
        if self.pid == 0:  # the child: the command, on the terminal
            os.execve(argv[0], argv, env)
        self._chunks: list[bytes] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        while True:
            try:
                data = os.read(self.fd, 65536)
            except OSError:  # the terminal closed: the command ended
                return
            if not data:
                return
            self._chunks.append(data)

    def output(self) -> str:
        return ANSI.sub("", b"".join(self._chunks).decode("utf-8", "replace"))

    def press_ctrl_c(self) -> None:
        os.write(self.fd, b"\x03")

    def wait(self, timeout: float) -> int:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self._reader.join(timeout=5)
                return os.waitstatus_to_exitcode(status)
            time.sleep(0.05)
        pytest.fail(f"still running after {timeout} s:\n{self.stop_and_dump()}")

    def stop_and_dump(self) -> str:
        """Stop a command that hangs, with where each of its threads was (SIGABRT: Python's faulthandler,
        PYTHONFAULTHANDLER=1, prints their stacks), and return its output without the progress bars."""
        os.kill(self.pid, signal.SIGABRT)
        deadline = time.monotonic() + 10
        while not os.waitpid(self.pid, os.WNOHANG)[0]:
            if time.monotonic() > deadline:
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
                break
            time.sleep(0.1)
        self._reader.join(timeout=5)
        lines = self.output().replace("\r", "\n").splitlines()
        return "\n".join(line for line in lines if line.strip() and "━" not in line)[-6000:]


def _until(predicate, timeout: float, what: str, terminal: Terminal):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if result := predicate():
            return result
        time.sleep(0.1)
    pytest.fail(f"timed out waiting for {what}:\n{terminal.stop_and_dump()}")


@pytest.mark.parametrize("how", ["ctrl-c", "sigterm"])
def test_a_run_stopped_mid_way_is_cancelled_at_once_keeps_its_whole_batches_and_says_so_in_one_line(
    how, prefect_server, web, tmp_path
):
    pages = sorted(SAMPLE_PAGES.glob("meridian-*.html"))[:3]
    for page in pages:
        web.routes[f"/{page.name}"] = Route(page.read_bytes())
    web.routes["/stalls.html"] = Route(pages[0].read_bytes(), delay=120)  # answers long after the test ends
    urls = tmp_path / "urls.txt"  # batches of 2: the first two pages, then the stalled one and the third
    urls.write_text(
        "".join(f"{web.base}/{name}\n" for name in (pages[0].name, pages[1].name, "stalls.html", pages[2].name))
    )
    warehouse = tmp_path / "wh"
    env = {**prefect_server, "NEWSETL_HOST_INTERVAL": "0", "COLUMNS": "200", "PYTHONFAULTHANDLER": "1"}
    run = Terminal([str(NEWSETL), "run", str(urls), "-w", str(warehouse), "--allow-private", "--batch-size", "2"], env)

    _until(lambda: web.hits("/stalls.html"), 240, "the second batch's stalled page", run)  # the first is committed
    before = len(run.output())
    if how == "ctrl-c":
        run.press_ctrl_c()
    else:
        os.kill(run.pid, signal.SIGTERM)  # as systemd, Docker or `timeout` stop it
    code = run.wait(timeout=60)
    after = run.output()[before:]

    assert not web.hits("/stalls.html")[0].end, "it waited for the stalled page instead of stopping"
    assert code == (130 if how == "ctrl-c" else 143), after
    said = [line.strip() for line in after.replace("\r", "\n").splitlines() if line.strip() and "━" not in line]
    said = [line for line in said if line != "^C"]
    assert len(said) == 1 and said[0].startswith("Cancelled (Ctrl-C)" if how == "ctrl-c" else "Cancelled (SIGTERM)"), (
        after
    )
    assert "1 batch committed" in said[0] and "Traceback" not in after and "ERROR" not in after

    con = catalog.connect(warehouse)
    [(run_id, status, stage, error, batches)] = con.sql(
        "SELECT run_id, status, failed_stage, error, counts['batches'] FROM runs"
    ).fetchall()
    assert (status, stage, batches) == ("cancelled", "fetch", 1)
    assert error == f"fetch: interrupted by {'SIGINT' if how == 'ctrl-c' else 'SIGTERM'}"
    # the first batch whole, nothing of the second
    assert con.sql("SELECT count(*) FROM pages").fetchall() == [(2,)]
    assert con.sql("SELECT count(*) FROM articles").fetchall() == [(2,)]
    con.close()
    assert CliRunner().invoke(app, ["check", "-w", str(warehouse)]).exit_code == 0

    state = httpx.get(f"{prefect_server['PREFECT_API_URL']}/flow_runs/{run_id}", timeout=10).json()["state"]
    assert state["type"] == "CANCELLED" and "batch in progress was not written" in state["message"]


def _processes_with(variable: str) -> list[int]:
    """Processes whose environment holds this NAME=value (from /proc)."""
    found = []
    for proc in Path("/proc").iterdir():
        try:
            if variable.encode() in (proc / "environ").read_bytes().split(b"\0"):
                found.append(int(proc.name))
        except (OSError, ValueError):
            continue
    return found


def test_a_run_with_a_server_of_its_own_records_every_task_run_and_leaves_nothing_running(
    migrated_prefect_home, tmp_path
):
    """NEWSETL_PREFECT_SERVER=per-run, with batches of 2 (many task runs, whose records Prefect sends after
    them): a successful run ends with its summary, no server traceback after it, every task run in Prefect's
    database, and no server left."""
    import sqlite3
    import subprocess

    home = f"PREFECT_HOME={migrated_prefect_home}"
    pages = tmp_path / "pages"  # half the sample: 14 pages, 7 batches, 44 task runs
    pages.mkdir()
    for page in sorted(SAMPLE_PAGES.glob("*.html"))[::2]:
        (pages / page.name).write_bytes(page.read_bytes())
    env = {k: v for k, v in os.environ.items() if k != "PREFECT_API_URL"}
    env.update(PREFECT_HOME=str(migrated_prefect_home), NEWSETL_PREFECT_SERVER="per-run", NEWSETL_BATCH_SIZE="2")
    done = subprocess.run([str(NEWSETL), "run", str(pages), "-w", str(tmp_path / "wh")], env=env,
                          capture_output=True, text=True, timeout=600)  # fmt: skip
    assert done.returncode == 0, done.stderr[-3000:]
    assert re.search(r"Loaded \d+ new", done.stdout) and "In Prefect:" not in done.stdout  # its server is gone
    assert "Traceback" not in done.stderr and "ERROR" not in done.stderr, done.stderr[-3000:]
    assert not _processes_with(home)
    [(run_id, batches)] = catalog.connect(tmp_path / "wh").sql("SELECT run_id, counts['batches'] FROM runs").fetchall()
    db = sqlite3.connect(migrated_prefect_home / "prefect.db")
    states = db.execute(
        "SELECT state_type, count(*) FROM task_run WHERE flow_run_id = ? GROUP BY 1", [run_id]
    ).fetchall()
    [(flow_state,)] = db.execute("SELECT state_type FROM flow_run WHERE id = ?", [run_id]).fetchall()
    db.close()
    assert batches == 7 and flow_state == "COMPLETED"
    # per batch fetch, extract, plan, enrich, load, compact; then the last compact and the catalog
    assert states == [("COMPLETED", 6 * batches + 2)]
