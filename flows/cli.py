"""`newsetl`: run the ingest flow, query the warehouse, see its state."""

import atexit
import csv
import json
import os
import shlex
import shutil
import sys
from contextlib import contextmanager, nullcontext
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from flows.runtime import apply_prefect_defaults
from flows.settings import PROJECT_ROOT, Settings, load_settings

_ending: dict[str, int] = {}  # set by `main`: the exit code to end the program with


def _end_without_teardown() -> None:
    """The program's last exit handler (registered before the libraries' own, so it runs after them): the
    run is recorded and Prefect's log and event workers were drained before any exit handler, so end at once,
    skipping the interpreter's teardown of every module and object (~0.5 s of each run). Inactive where the
    CLI is called in-process (tests): `main` was not."""
    if "code" in _ending:
        import logging

        logging.shutdown()
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except OSError:  # a closed pipe (`newsetl query … | head -1`): the usual teardown deals with it
            return
        os._exit(_ending["code"])


atexit.register(_end_without_teardown)

app = typer.Typer(
    help="Batch ETL for news: pages -> clean articles and entities -> Parquet tables you query with DuckDB.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)


def _no_type_for_flags(display_type_rich):
    """Typer's help shows `<bool>` after a plain flag (`--refetch <bool>`), as if it took a value."""

    def display(self, ctx):
        return None if getattr(self, "is_flag", False) else display_type_rich(self, ctx)

    return display


typer.core.TyperOption.display_type_rich = _no_type_for_flags(typer.core.TyperOption.display_type_rich)

WarehouseOpt = Annotated[
    str | None,
    typer.Option(
        "--warehouse",
        "-w",
        help="Warehouse root: a folder, or s3://bucket/prefix (env NEWSETL_WAREHOUSE; default: data/ in the "
        "project folder).",
    ),
]
DebugOpt = Annotated[bool, typer.Option("--verbose", "-v", "--debug", help="Show Prefect's logs and tracebacks.")]


def _root(settings, debug: bool) -> Path:
    """The warehouse's local root (for s3://, its working folder here); a one-line error for a bad location."""
    from warehouse.storage import StorageError

    try:
        root = settings.root()
    except (StorageError, OSError) as exc:
        _fail(f"bad warehouse: {exc}", debug, 2)
    existing = next(p for p in (root, *root.parents) if p.exists())
    if not existing.is_dir():
        what = "is" if existing == root else f"is in {existing}, which is"
        _fail(f"bad warehouse: {root} {what} a file, not a folder (a warehouse is a folder; it is created if missing)",
              debug, 2)  # fmt: skip
    return root


def _settings(debug: bool, **flags) -> Settings:
    """The settings, with the command's flags; a bad one is a one-line error (exit 2) that names where it was
    set: the flag, the NEWSETL_* variable or the config file."""
    from pydantic import ValidationError

    try:
        return load_settings(**flags)
    except ValidationError as exc:
        config = os.environ.get("NEWSETL_CONFIG", "newsetl.toml")
        problems = []
        for e in exc.errors():
            name = str(e["loc"][0]) if e["loc"] else ""
            env = f"NEWSETL_{name.upper()}"
            if e["type"] == "extra_forbidden":
                where = f"{name} in {config} (no such setting)"
            elif flags.get(name) is not None:
                where = f"--{name.replace('_', '-')} {flags[name]}"
            elif env in os.environ:
                where = f"{env}={os.environ[env]}"
            else:
                where = f"{name} in {config}" if name else config
            problems.append(f"{where}: {e['msg']}")
        _fail(f"bad setting {'; '.join(problems)}", debug, 2)
    except ValueError as exc:
        _fail(f"bad setting: {exc}", debug, 2)


def _fail(message: str, debug: bool, code: int = 1) -> None:
    if debug and sys.exc_info()[1] is not None:
        raise
    err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


SinceOpt = Annotated[
    datetime | None,
    typer.Option(formats=["%Y-%m-%d"], help="Feeds and sitemaps: skip entries dated before this day (YYYY-MM-DD)."),
]


@app.command()
def run(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(
            help="HTML files, folders, globs, text files of URLs, WARC files, or URLs. Default: the sample corpus."
        ),
    ] = None,
    sources: Annotated[
        Path | None, typer.Option("--sources", "-s", help="A TOML sources file (its format is above).")
    ] = None,
    feed: Annotated[
        list[str] | None, typer.Option("--feed", help="An RSS, Atom or JSON feed, or a homepage that links one.")
    ] = None,
    sitemap: Annotated[
        list[str] | None, typer.Option("--sitemap", help="A sitemap, sitemap index, news sitemap, or robots.txt.")
    ] = None,
    since: SinceOpt = None,
    warehouse: WarehouseOpt = None,
    batch_size: Annotated[
        int | None, typer.Option(help="Pages per task run (env NEWSETL_BATCH_SIZE; default 200).")
    ] = None,
    refetch: Annotated[
        bool,
        typer.Option(
            "--refetch",
            help="Read again what earlier runs stored: article URLs (conditional GET), files, WARC records.",
        ),
    ] = False,
    allow_private: Annotated[
        bool, typer.Option("--allow-private", help="Allow hosts on loopback and private networks (intranets).")
    ] = False,
    follow_symlinks: Annotated[
        bool,
        typer.Option("--follow-symlinks", help="Read files that links in an input folder or glob point to outside it."),
    ] = False,
    runner: Annotated[
        str | None,
        typer.Option(help="Where extraction and entities run: 'local' (this process) or 'dask' (env NEWSETL_RUNNER)."),
    ] = None,
    workers: Annotated[
        int | None, typer.Option(help="Workers of the local Dask cluster (env NEWSETL_WORKERS; default: CPU count).")
    ] = None,
    dask_address: Annotated[
        str | None,
        typer.Option(help="An existing Dask scheduler, tcp://host:port, instead of a local cluster (implies dask)."),
    ] = None,
    catalog: Annotated[
        str | None,
        typer.Option(help="The DuckLake catalog in PostgreSQL, postgresql://user@host:port/db (env NEWSETL_CATALOG)."),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run summary as JSON.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Ingest pages into the warehouse: the Prefect `ingest` flow.

    Feeds and sitemaps are re-read every run (with conditional requests); article URLs, files and WARC
    records stored by an earlier run are not read again unless --refetch. Every host gets at most 2
    requests at once and 1 s between them (NEWSETL_PER_HOST, NEWSETL_HOST_INTERVAL), and its robots.txt
    is obeyed.

    Reports to the Prefect server PREFECT_API_URL names; without one, the first run starts a local server in
    the background (~15 s, once) and later runs reuse it: its UI at http://127.0.0.1:4200 shows every run.
    `prefect server stop` stops it; NEWSETL_PREFECT_SERVER=per-run starts one per run instead.

    Ctrl-C (or SIGTERM) stops a run within seconds: the batches it committed stay, the batch in progress is
    not written, the run is recorded as cancelled, and the exit code is 130 (143).

    A sources file names sources; paths in it are relative to it:

      \\[sources.meridian]
      kind = "feed"        # urls | feed | sitemap | warc | files
      url = "https://meridian.example/rss.xml"

      \\[sources.harbor]
      kind = "sitemap"
      url = "https://harbor.example/robots.txt"
      since = 2026-11-01

    Examples:

      newsetl run                               # the bundled sample corpus

      newsetl run pages/ 'more/*.html'          # HTML files

      newsetl run urls.txt -w /data/news        # a text file of URLs, one per line

      newsetl run --feed https://example.org/   # a site's feeds, found from its homepage

      newsetl run CC-NEWS-2026.warc.gz          # a WARC archive, no network

      newsetl run --sources sources.toml

      newsetl run --runner dask --workers 8 -w s3://news/warehouse   # docs/distributed.md
    """
    from flows.sources import InputError, load_sources_file, sources_from_inputs

    if dask_address:
        runner = runner or "dask"
    settings = _settings(
        debug,
        warehouse=warehouse,
        batch_size=batch_size,
        runner=runner,
        workers=workers,
        dask_address=dask_address,
        catalog=catalog,
    )
    try:
        if sources:
            load_sources_file(sources)
        sources_from_inputs(inputs or [], feed or [], sitemap or [])
    except InputError as exc:
        _fail(str(exc), debug, 2)
    except ValueError as exc:
        _fail(f"bad setting: {exc}", debug, 2)
    flags = (("refetch", refetch), ("allow_private", allow_private), ("follow_symlinks", follow_symlinks))
    options = {k: True for k, v in flags if v}
    options.update({k: v for k, v in (("runner", runner), ("workers", workers), ("dask_address", dask_address)) if v})
    _root(settings, debug)  # a bad warehouse location is a one-line error before Prefect starts
    apply_prefect_defaults(quiet_logs=not debug)

    def call():
        from flows.ingest import ingest

        return ingest(
            inputs=inputs,
            sources_file=str(sources.resolve()) if sources else None,
            feeds=feed,
            sitemaps=sitemap,
            since=since.date() if since else None,
            warehouse=settings.warehouse,
            batch_size=settings.batch_size,
            options=options,
            return_state=True,
        )

    summary = _run_flow(call, "pages", quiet or as_json, debug, settings)
    if as_json:
        print(json.dumps(summary, indent=2))
    elif not quiet:
        _print_summary(summary, _root(settings, debug))
    _nothing_read(summary, quiet, debug)


def _nothing_read(summary: dict, quiet: bool, debug: bool) -> None:
    """A run that read no page says so: a warning when there was nothing to read (an empty URL file), an error
    (exit 1) when every source failed (a dead feed), so that cron mails about it."""
    c = summary["counts"]
    if c.get("pages_read") or c.get("skipped_seen") or c.get("pages_not_modified"):
        return
    if reasons := summary["failures_by_reason"]:
        listed = ", ".join(f"{k} {v}" for k, v in sorted(reasons.items()))
        _fail(f"nothing was read: every source failed ({listed}); the failures table says why", debug, 1)
    if not quiet:
        err.print("[yellow]warning:[/yellow] no page to read: the inputs named none (an empty URL file or folder?)")


@app.command()
def reprocess(
    warehouse: WarehouseOpt = None,
    batch_size: Annotated[int | None, typer.Option(help="Pages per task run (default 200).")] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run summary as JSON.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Extract articles and entities again from the pages stored in the warehouse, with no network.

    The latest stored page of each URL is re-extracted; an article gets a new version only where the output
    (text, title, date, authors, language, ...) changed. Use it after upgrading newsetl or trafilatura, or
    after changing extraction settings.

    Example:

      newsetl reprocess -w /data/news
    """
    settings = _settings(debug, warehouse=warehouse, batch_size=batch_size)
    from warehouse import writer

    if not writer.count(_root(settings, debug), "pages"):
        _fail(f"no stored pages under {settings.warehouse} (run `newsetl run` first, or pass --warehouse)", debug)
    apply_prefect_defaults(quiet_logs=not debug)

    def call():
        from flows.reprocess import reprocess as reprocess_flow

        return reprocess_flow(warehouse=settings.warehouse, batch_size=settings.batch_size, return_state=True)

    summary = _run_flow(call, "pages", quiet or as_json, debug, settings)
    if as_json:
        print(json.dumps(summary, indent=2))
    elif not quiet:
        _print_summary(summary, _root(settings, debug))


def _scheduled(sources: Path, warehouse: Path | None, debug: bool) -> list:
    """The deployments of a sources file's scheduled sources; a one-line error (exit 2) on a bad file."""
    from flows.schedules import scheduled_deployments
    from flows.sources import InputError

    settings = _settings(debug, warehouse=warehouse)
    try:
        return scheduled_deployments(sources, settings.warehouse)
    except InputError as exc:
        _fail(str(exc), debug, 2)


@app.command()
def serve(
    sources: Annotated[
        Path, typer.Option("--sources", "-s", help="The sources file; sources with a `schedule` are served.")
    ],
    warehouse: WarehouseOpt = None,
    prefect_port: Annotated[
        int, typer.Option(help="Port of the Prefect server started when PREFECT_API_URL names none.")
    ] = 4200,
    debug: DebugOpt = False,
) -> None:
    """Run sources on their schedules, until stopped (Ctrl-C): Prefect's `serve`, one deployment per source.

    A source is scheduled by a cron expression (UTC) in the sources file:

      \\[sources.meridian]
      kind = "feed"
      url = "https://meridian.example/rss.xml"
      schedule = "0 * * * *"          # every hour, on the hour

    Prefect's temporary server cannot schedule. Unless PREFECT_API_URL names a server, serve starts a local
    one on 127.0.0.1 (its UI at http://127.0.0.1:4200 shows the runs) and stops it on exit.

    Examples:

      newsetl serve --sources sources.toml -w /data/news

      PREFECT_API_URL=http://127.0.0.1:4200/api newsetl serve -s sources.toml   # a server you run

    Trigger a run by hand: prefect deployment run ingest/meridian
    """
    from flows import runtime

    apply_prefect_defaults(quiet_logs=not debug)
    with runtime.raising_on_sigterm():  # from the first moment: a SIGTERM while the server starts stops it too
        _serve(sources, warehouse, prefect_port, debug)


def _serve(sources: Path, warehouse: str | None, prefect_port: int, debug: bool) -> None:
    from flows import runtime

    try:
        from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

        given = get_current_settings().api.url
        background = None if given else runtime.background_server()  # the one `newsetl run` started, if any
        if not (given or background or runtime.port_is_free(prefect_port)):
            raise runtime.ServerError(runtime.port_taken(prefect_port))
        deployments = _scheduled(sources, warehouse, debug)
        from prefect import serve as prefect_serve

        if not given and not background:
            err.print(f"Starting a Prefect server on 127.0.0.1:{prefect_port} for serve ...", highlight=False)
        with runtime.local_prefect_server(given or (background or {}).get("api"), prefect_port) as api:
            whose = "stopped with serve" if not (given or background) else "not serve's: it keeps running"
            err.print(f"Prefect server: {api} ({whose}); UI {api.removesuffix('/api')}", highlight=False)
            for d in deployments:
                err.print(f"serving ingest/{d.name}: {d.schedules[0].schedule.cron} (UTC)", highlight=False)
            os.environ["PREFECT_API_URL"] = api  # for the flow-run processes the runner starts
            from flows.schedules import RunReporter

            names = [d.name for d in deployments]
            say = lambda line: err.print(line, highlight=False, soft_wrap=True)  # noqa: E731
            with temporary_settings(updates={PREFECT_API_URL: api}), RunReporter(api, names, say):
                # pause_on_shutdown=False: a restart (a deploy, a reboot) must not leave the schedules paused
                prefect_serve(*deployments, pause_on_shutdown=False, print_starting_message=False)
    except runtime.ServerError as exc:
        _fail(str(exc), debug)
    except (KeyboardInterrupt, runtime.Terminated) as exc:
        if debug:
            raise
        err.print(f"serve stopped ({'Ctrl-C' if isinstance(exc, KeyboardInterrupt) else 'SIGTERM'})", highlight=False)
        return
    except SystemExit:  # Prefect's runner ends the process so on a SIGTERM that comes while it starts
        err.print("serve stopped (SIGTERM)", highlight=False)
        raise
    err.print("serve stopped", highlight=False)


@app.command()
def deploy(
    sources: Annotated[
        Path, typer.Option("--sources", "-s", help="The sources file; sources with a `schedule` are deployed.")
    ],
    pool: Annotated[str, typer.Option("--pool", "-p", help="The Prefect work pool whose workers run the flows.")],
    warehouse: WarehouseOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Register the scheduled sources with a Prefect server and work pool, for teams that run workers.

    Unlike `newsetl serve`, nothing runs here: the pool's workers pick up the runs. A worker imports the
    flow by module, so newsetl must be installed where the worker runs, and the warehouse must be reachable
    by the same name there: the same path, or an s3:// root (docs/distributed.md).

    Examples:

      prefect server start &

      export PREFECT_API_URL=http://127.0.0.1:4200/api

      prefect work-pool create newsetl --type process

      newsetl deploy --sources sources.toml --pool newsetl -w /data/news

      prefect worker start --pool newsetl       # on each machine that runs flows
    """

    apply_prefect_defaults(quiet_logs=not debug)
    from prefect.settings import get_current_settings

    if not get_current_settings().api.url:
        _fail("newsetl deploy needs a Prefect server: set PREFECT_API_URL (e.g. http://127.0.0.1:4200/api)", debug, 2)
    deployments = _scheduled(sources, warehouse, debug)
    for d in deployments:
        try:
            d.apply(work_pool_name=pool)
        except Exception as exc:  # the server's answer (no such pool, unreachable) is the message
            _fail(f"could not register ingest/{d.name} in work pool {pool!r}: {exc}", debug, 1)
        out.print(f"registered ingest/{d.name} in work pool {pool!r}: {d.schedules[0].schedule.cron} (UTC)")


@app.command()
def doctor(
    warehouse: WarehouseOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the checks as JSON.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Check the installation: libraries, spaCy pipelines, language identifier, the extraction process, the
    warehouse folder and the Prefect server. Says what to fix; exits 1 if anything fails.

    Examples:

      newsetl doctor

      newsetl doctor -w /data/news --json
    """
    from flows import doctor as checkup

    apply_prefect_defaults(quiet_logs=not debug)
    settings = _settings(debug, warehouse=warehouse)
    from prefect.settings import get_current_settings

    found = checkup.checks(settings, get_current_settings().api.url)
    if as_json:
        print(json.dumps(checkup.as_json(found), indent=2))
    else:
        table = Table("check", "", "found", "to fix")
        for c in found:
            table.add_row(c.name, "[green]ok[/]" if c.ok else "[red]FAIL[/]", c.found, "" if c.ok else c.fix)
        out.print(table)
    if not all(c.ok for c in found):
        raise typer.Exit(1)


@app.command()
def report(
    output: Annotated[
        Path | None,
        typer.Option("--output", "-o", help="The HTML file to write (default report.html; with --png, only if given)."),
    ] = None,
    since: Annotated[
        datetime | None, typer.Option(formats=["%Y-%m-%d"], help="First day (default: the earliest).")
    ] = None,
    until: Annotated[
        datetime | None, typer.Option(formats=["%Y-%m-%d"], help="Last day (default: the latest).")
    ] = None,
    png: Annotated[Path | None, typer.Option("--png", help="Write one chart as a PNG image (see --chart).")] = None,
    chart: Annotated[
        str, typer.Option(help="The chart --png writes: articles, entities, failures or languages.")
    ] = "articles",
    warehouse: WarehouseOpt = None,
    debug: DebugOpt = False,
) -> None:
    """Write a self-contained HTML report with charts: articles per site, the most-named entities and failure
    reasons over time, the language mix. It opens offline in any browser. Charts count per day, week, month or
    year, whichever fits the span of days, with a bar for every one, empty ones too.

    Examples:

      newsetl report                                   # report.html over every day in the warehouse

      newsetl report --since 2026-11-01 --until 2026-11-30 -o november.html

      newsetl report --png failures.png --chart failures    # the PNG only
    """
    from flows import report as reporting
    from warehouse import catalog

    if chart not in reporting.CHARTS:
        _fail(f"--chart must be one of {', '.join(reporting.CHARTS)}", debug, 2)
    root = _root(_settings(debug, warehouse=warehouse), debug)
    try:
        con = catalog.connect(root)
    except FileNotFoundError as exc:
        _fail(str(exc), debug)
    if output is None and png is None:
        output = Path("report.html")
    made = reporting.build(con, since.date() if since else None, until.date() if until else None)
    wrote = []
    try:
        if output is not None:
            wrote.append(("Replaced" if output.exists() else "Wrote", output))
            output.write_text(reporting.render_html(made, str(root)), encoding="utf-8")
        if png is not None:
            wrote.append(("Replaced" if png.exists() else "Wrote", png))
            reporting.write_png(made, chart, png)
    finally:
        made.close()
        con.close()
    span = f"{made.since} to {made.until}, {made.totals['articles']:,} articles"
    for verb, path in wrote:
        out.print(f"{verb} {path} ({span if path == output else f'chart: {chart}'})", highlight=False)


@contextmanager
def _bar(what: str, silent: bool):
    """A progress bar on a terminal (stderr) fed by a `progress(done, total)` hook; no bar otherwise."""
    if silent or not sys.stderr.isatty():
        yield None
        return
    with Progress(TextColumn(what), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err) as bar:
        task_id = bar.add_task(what, total=None)
        yield lambda done, total: bar.update(task_id, completed=done, total=total)


class _Status:
    """What a run is doing before its progress bar starts: a spinner line on a terminal, plain lines
    otherwise, nothing when silent. Start-up takes seconds (Prefect, the pipeline's imports): never silent."""

    def __init__(self, silent: bool) -> None:
        self.silent, self.tty, self.live = silent, sys.stderr.isatty(), None

    def __call__(self, text: str) -> None:
        if self.silent:
            return
        if not self.tty:
            err.print(text, highlight=False)
        elif self.live is None:
            self.live = err.status(text)
            self.live.start()
        else:
            self.live.update(text)

    def note(self, text: str) -> None:
        """A line that stays (above the spinner)."""
        if not self.silent:
            err.print(text, highlight=False, soft_wrap=True)

    def stop(self) -> None:
        if self.live is not None:
            self.live.stop()
            self.live = None


@contextmanager
def _prefect_api(settings, status: _Status):
    """The Prefect API a run reports to, and whether its server outlives the run: PREFECT_API_URL's; else this
    machine's background server (started by the first run, reused by later ones), or with
    NEWSETL_PREFECT_SERVER=per-run a server for this run only."""
    from prefect.settings import PREFECT_API_URL, get_current_settings, temporary_settings

    from flows import runtime

    given = get_current_settings().api.url
    if given:
        yield given, True
        return
    lasting = settings.prefect_server != "per-run"
    if not lasting:
        status("Starting a Prefect server for this run (~10-15 s; NEWSETL_PREFECT_SERVER=per-run) ...")
        server = runtime.local_prefect_server(None, runtime.free_port(), env=_server_env())
    else:

        def starting(port: int) -> None:
            status(f"Starting a Prefect server in the background on port {port} (the first run only: ~20 s) ...")

        api, started = runtime.start_background_server(on_start=starting)
        if started:
            prefect = _how_to_call("prefect") or "prefect"  # `uv run prefect` after `uv run newsetl run`
            status.note(
                f"Prefect server started in the background for this and later runs: UI {api.removesuffix('/api')}, "
                f"log in $PREFECT_HOME/newsetl-server.log; stop it with `{prefect} server stop`."
            )
        server = nullcontext(api)
    with server as api:
        os.environ["PREFECT_API_URL"] = api  # for the processes a run starts (Dask workers)
        with temporary_settings(updates={PREFECT_API_URL: api}):
            yield api, lasting


def _server_env() -> dict:
    return {**os.environ, "PREFECT_UI_ENABLED": "false"}  # a server for one run: nobody opens its UI


def _drain_prefect(api: str, flow_run_id, wait: float = 60.0) -> None:
    """Before a server that stops with the run is stopped: send the run's last events and logs now (at exit is
    too late), then wait until the server has recorded its task runs. It records them from those events, after
    they came (a server stopped at once had 62 of 87 task runs, one of them Pending forever)."""
    import time

    import httpx
    from prefect.events.worker import EventsWorker
    from prefect.logging.handlers import APILogWorker

    EventsWorker.drain_all(timeout=15)
    APILogWorker.drain_all(timeout=15)
    if flow_run_id is None:
        return
    of_run = {"flow_runs": {"id": {"any_": [str(flow_run_id)]}}}
    unfinished = {**of_run, "task_runs": {"state": {"type": {"any_": ["SCHEDULED", "PENDING", "RUNNING", "PAUSED",
                                                                      "CANCELLING"]}}}}  # fmt: skip
    queries, last, deadline = (of_run, unfinished), None, time.monotonic() + wait
    with httpx.Client(base_url=api, timeout=10) as client:
        while time.monotonic() < deadline:
            try:
                now = tuple(client.post("/task_runs/count", json=q).raise_for_status().json() for q in queries)
            except httpx.HTTPError:
                return
            if now == last and now[1] == 0:  # nothing left unfinished, and nothing new came in meanwhile
                return
            last = now
            time.sleep(0.5)


EXIT_SIGNALLED = 128  # the shell's convention: 128 + the signal's number (130 for Ctrl-C, 143 for SIGTERM)


def _run_flow(call, what: str, silent: bool, debug: bool, settings):
    """Run a flow as a person meets it: a line about start-up at once, a progress bar on a terminal, one line
    on failure, and on Ctrl-C or SIGTERM one line and exit 130 or 143 (the run is recorded as cancelled).
    `call()` runs the flow and returns its final Prefect state."""
    from flows import runtime  # not runlog yet: it imports Prefect, seconds before a first line

    with runtime.raising_on_sigterm():  # from the first moment: SIGTERM runs the `finally`s that stop servers
        return _run_flow_here(call, what, silent, debug, settings)


def _run_flow_here(call, what: str, silent: bool, debug: bool, settings):
    from flows import progress, runtime

    status = _Status(silent)
    show = not silent and sys.stderr.isatty()
    bar = Progress(TextColumn(what), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err)
    if show:
        task_id = bar.add_task(what, total=None, start=False)  # its clock starts with the flow's reading

        def start(total: int) -> None:
            status.stop()
            bar.update(task_id, total=total)
            bar.start_task(task_id)
            bar.start()

        progress.listen(start=start, advance=lambda n: bar.advance(task_id, n), finish=bar.stop)
    from warehouse.lock import WarehouseLocked

    state = None
    try:
        status("Starting Prefect ...")
        if not debug:
            runtime.quiet_interrupts()
        with _prefect_api(settings, status) as (api, lasting):
            status("Loading the pipeline (trafilatura, spaCy) ...")
            with runtime.without_heartbeats():
                state = call()
            if state.is_completed():
                summary = state.result()
                summary["prefect_ui"] = _flow_run_url(summary["run_id"]) if lasting else None
            if not lasting:
                _drain_prefect(api, state.state_details.flow_run_id)
    except (KeyboardInterrupt, runtime.Terminated) as exc:
        status.stop()
        bar.stop()
        _cancelled(runtime.signal_number(exc), debug)
    except WarehouseLocked as exc:
        _fail(str(exc), debug, 3)
    except runtime.ServerError as exc:
        _fail(str(exc), debug)
    except Exception as exc:
        _fail(f"run failed: {exc}", debug)
    finally:
        status.stop()
        progress.stop_listening()
    if state.is_cancelled():
        _cancelled(None, debug)
    if not state.is_completed():
        try:
            state.result()
        except WarehouseLocked as exc:
            _fail(str(exc), debug, 3)
        except Exception as exc:
            _fail(f"run failed: {exc}", debug)
        _fail(f"run ended {state.name}: {state.message}", debug)
    return summary


def _flow_run_url(run_id: str) -> str | None:
    from prefect.settings import get_current_settings

    ui = get_current_settings().ui_url
    return f"{ui}/runs/flow-run/{run_id}" if ui else None


def _cancelled(signum: int | None, debug: bool) -> None:
    """One line for a run stopped by Ctrl-C or SIGTERM (`signum`, else the one the flow recorded), and exit
    130 or 143."""
    import signal

    from flows import runlog

    summary = runlog.cancelled_summary()
    signum = signum or runlog.cancelled_signal() or signal.SIGINT
    how = "Ctrl-C" if signum == signal.SIGINT else signal.Signals(signum).name
    if summary is None:
        line = f"Cancelled ({how}) before the run started: nothing was written."
        if run_id := runlog.started_run():
            line = f"Cancelled ({how}): run {run_id} committed only whole batches; nothing is half-written."
    else:
        c = summary["counts"]
        batches = c.get("batches", 0)
        line = (
            f"Cancelled ({how}) in stage {summary['failed_stage']}: {batches} batch{'es' * (batches != 1)} committed "
            "before it "
            f"({c.get('pages_read', 0)} pages, {c.get('articles_new', 0)} new articles); the batch in progress was not "
            f"written. Run {summary['run_id']} is recorded as cancelled."
        )
    err.print(line, highlight=False, soft_wrap=True)
    raise typer.Exit(EXIT_SIGNALLED + signum)


def _print_summary(summary: dict, local_root: Path) -> None:
    c = summary["counts"]
    if c.get("skipped_seen") or c.get("pages_not_modified"):
        out.print(
            f"Already stored, not fetched: {c.get('skipped_seen', 0)} URLs; "
            f"not modified since last fetch: {c.get('pages_not_modified', 0)}.",
            highlight=False,
        )
    out.print(
        f"[bold]Loaded[/bold] {c.get('articles_new', 0)} new and {c.get('articles_updated', 0)} updated articles "
        f"({c.get('articles_unchanged', 0)} unchanged), {c.get('entity_mentions', 0)} entity mentions, "
        f"{c.get('failures_new', 0)} new failure rows, from {c.get('pages_read', 0)} pages in {summary['seconds']} s.",
        highlight=False,
    )
    if summary["failures_by_reason"]:
        reasons = ", ".join(f"{k} {v}" for k, v in sorted(summary["failures_by_reason"].items()))
        out.print(f"Pages that did not become articles: {reasons}.", highlight=False)
    root = summary["warehouse"]
    out.print(f"Warehouse: {root}  (run id {summary['run_id']})", highlight=False)
    if summary.get("prefect_ui"):
        out.print(f"In Prefect: {summary['prefect_ui']}", highlight=False, soft_wrap=True)
    newsetl, duckdb = _how_to_call("newsetl"), _how_to_call("duckdb")
    where = "" if root == Settings.model_fields["warehouse"].default else f" -w {shlex.quote(root)}"
    out.print("Query it:", highlight=False)
    out.print(
        f'  {newsetl} query{where} "SELECT canonical, sum(mentions) AS n FROM entity_daily '
        "WHERE label = 'PERSON' GROUP BY 1 ORDER BY n DESC LIMIT 10\"",
        highlight=False,
        soft_wrap=True,
    )
    # The DuckDB CLI (a dev dependency) opens the warehouse with its init file, local or on S3.
    if duckdb:
        out.print(
            f"  {duckdb} -init {shlex.quote(str(local_root / 'news.sql'))}      "
            "(the DuckDB CLI; views: articles, entities, entity_daily, failures, runs)",
            highlight=False,
            soft_wrap=True,
        )


def _how_to_call(program: str) -> str | None:
    """How the person who started this run calls `program` (newsetl, duckdb) from their shell: `uv run ...`
    when they started it so (the environment is not on their PATH), the bare name when their PATH finds this
    one, else its path; None when it is not installed."""
    installed = Path(sys.executable).parent / program
    if not installed.exists():
        return None
    # `uv run` sets UV_RUN_RECURSION_DEPTH for what it starts; the project is this checkout
    if os.environ.get("UV_RUN_RECURSION_DEPTH") and (PROJECT_ROOT / "pyproject.toml").exists():
        here = Path.cwd().resolve()
        inside = here == PROJECT_ROOT or PROJECT_ROOT in here.parents
        return f"uv run {program}" if inside else f"uv run --project {shlex.quote(str(PROJECT_ROOT))} {program}"
    found = shutil.which(program)
    if found and Path(found).resolve() == installed.resolve():
        return program
    return shlex.quote(str(installed))


def _jsonable(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return str(value)


def _cell(value) -> str:
    return "" if value is None else value if isinstance(value, str) else _jsonable(value)


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="SQL, or @file.sql to read it from a file.")],
    warehouse: WarehouseOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
    as_json: Annotated[bool, typer.Option("--json", help="Same as --format json.")] = False,
    max_rows: Annotated[
        int, typer.Option(help="Rows printed at most; 0: every row (csv and json stream them, in constant memory).")
    ] = 1000,
    debug: DebugOpt = False,
) -> None:
    """Run one query against the warehouse, read-only.

    The query reads the warehouse and nothing else: no other file, URL or extension, no COPY, ATTACH,
    EXPORT, INSTALL or SET (DuckDB's external access is off, only the warehouse's catalog and data files are
    allowed, its configuration is locked). At most --max-rows rows are printed.

    Examples:

      newsetl query "SELECT domain, count(*) FROM articles GROUP BY 1"

      newsetl query @warehouse/queries/top_people_per_day.sql --format csv

      newsetl query "SELECT * FROM articles" -f csv --max-rows 0 > articles.csv
    """
    from warehouse import catalog, lake

    fmt = "json" if as_json else fmt
    if fmt not in ("table", "csv", "json"):
        _fail(f"unknown format {fmt!r}: use table, csv or json", debug, 2)
    if max_rows < 0:
        _fail("--max-rows must be 0 (no cap) or more", debug, 2)
    if sql.startswith("@"):
        path = Path(sql[1:])
        if not path.is_file():
            _fail(f"no such SQL file: {path}", debug, 2)
        sql = path.read_text(encoding="utf-8")
    import duckdb

    root = _root(_settings(debug, warehouse=warehouse), debug)
    try:
        con = catalog.connect(root, locked=True)
        catalog.check_query(con, sql)
        result = con.execute(sql)
        columns = [d[0] for d in result.description]
    except lake.NoWarehouse as exc:
        _fail(str(exc), debug)
    except catalog.NotAQuery as exc:
        _fail(f"{exc} (newsetl query only reads)", debug, 2)
    except duckdb.Error as exc:
        _fail(f"SQL: {str(exc).splitlines()[0]}", debug)
    shown, more = _stream_rows(result, columns, fmt, max_rows)
    if fmt == "table" or more:
        note = f"{shown:,} rows" + (f" shown; more not printed (--max-rows {max_rows:,})" if more else "")
        err.print(note, style="dim", highlight=False)


def _stream_rows(result, columns: list[str], fmt: str, max_rows: int) -> tuple[int, bool]:
    """Print a query's rows as they come, a chunk at a time; returns (rows printed, whether more were left)."""
    chunk = 2048
    shown, more = 0, False
    table = Table(*columns, show_lines=False) if fmt == "table" else None
    sink = csv.writer(sys.stdout) if fmt == "csv" else None
    if sink:
        sink.writerow(columns)
    if fmt == "json":
        sys.stdout.write("[")
    while True:
        want = chunk if not max_rows else min(chunk, max_rows - shown + 1)
        rows = result.fetchmany(want)
        if max_rows and shown + len(rows) > max_rows:
            rows, more = rows[: max_rows - shown], True
        for row in rows:
            if table is not None:
                table.add_row(*(_cell(v) for v in row))
            elif sink:
                sink.writerow(row)
            else:
                record = json.dumps(dict(zip(columns, row, strict=True)), default=_jsonable, ensure_ascii=False)
                sys.stdout.write(("," if shown else "") + "\n " + record)
            shown += 1
        if more or len(rows) < want or not rows:
            break
    if fmt == "json":
        sys.stdout.write("\n]\n")
    if table is not None:
        out.print(table)
    return shown, more


@app.command()
def status(
    warehouse: WarehouseOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print as JSON.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Tables, row counts, files, and the last runs.

    Example:

      newsetl status -w /data/news
    """
    from warehouse import catalog, maintain, storage

    root = _root(_settings(debug, warehouse=warehouse), debug)
    try:
        con = catalog.connect(root)
    except FileNotFoundError as exc:
        _fail(str(exc), debug)
    views = ["articles", "article_versions", "entity_mentions", "entities", "failures", "pages", "fetch_log", "runs"]
    counts = {v: con.sql(f"SELECT count(*) FROM {v}").fetchall()[0][0] for v in views}
    files = {t: sum(p.values()) for t, p in sorted(maintain.files_per_partition(con).items())}
    snapshot = con.sql("SELECT max(snapshot_id) FROM ducklake_snapshots('news')").fetchall()[0][0]
    runs = con.sql(
        "SELECT run_id, started_at, status, counts['articles_new'] AS new_articles, counts['failures'] AS failures "
        "FROM runs ORDER BY started_at DESC LIMIT 5"
    ).fetchall()
    if as_json:
        print(
            json.dumps(
                {
                    "warehouse": storage.of(root).display(),
                    "snapshot": snapshot,
                    "rows": counts,
                    "files": files,
                    "runs": [list(r) for r in runs],
                },
                default=_jsonable,
                indent=2,
            )
        )
        return
    table = Table("view", "rows")
    for v, n in counts.items():
        table.add_row(v, f"{n:,}")
    out.print(f"Warehouse {storage.of(root).display()} (DuckLake snapshot {snapshot})", highlight=False)
    out.print(table)
    out.print("Data files per table: " + ", ".join(f"{k} {v}" for k, v in files.items()), highlight=False)
    recent = Table("run_id", "started_at (UTC)", "status", "new articles", "failures", title="Last runs")
    for r in runs:
        recent.add_row(r[0], r[1].strftime("%Y-%m-%d %H:%M:%S"), r[2], str(r[3] or 0), str(r[4] or 0))
    out.print(recent)


@app.command()
def compact(
    warehouse: WarehouseOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print what was done as JSON.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Maintain the warehouse: merge small files, expire old snapshots, delete files nothing needs.

    DuckLake's own maintenance (ducklake_flush_inlined_data, ducklake_merge_adjacent_files,
    ducklake_expire_snapshots, ducklake_cleanup_old_files): same rows, fewer files, faster queries.
    Snapshots older than NEWSETL_KEEP_SNAPSHOTS_DAYS (7) are expired; replaced files are deleted an hour after
    they stopped being used, for queries still reading them. Takes the warehouse lock like a run; runs merge
    on their own once a partition has more than NEWSETL_COMPACT_THRESHOLD (8) small files of one size.

    Example:

      newsetl compact -w /data/news
    """
    from warehouse import catalog, lake, maintain, storage
    from warehouse.loader import prepare
    from warehouse.lock import WarehouseLocked, writer_lock

    settings = _settings(debug, warehouse=warehouse)
    root = _root(settings, debug)
    if not storage.of(root).exists() and not (root / "_log").is_dir():
        _fail(f"no warehouse at {storage.of(root).display()} (run `newsetl run` first, or pass --warehouse)", debug)
    try:
        with writer_lock(root, "newsetl compact", settings.lock_wait):
            prepare(root)
            done = maintain.maintain(root, keep_days=settings.keep_snapshots_days)
            catalog.build(root)
    except WarehouseLocked as exc:
        _fail(str(exc), debug, 3)
    except lake.NoWarehouse as exc:
        _fail(str(exc), debug)
    except (OSError, duckdb_error()) as exc:
        _fail(f"could not maintain {storage.of(root).display()}: {_one_line(exc)}", debug)
    if as_json:
        print(json.dumps(done.as_dict(), indent=2))
    else:
        out.print(
            f"Compacted {done.partitions} partitions: {done.files_before} files into {done.files_after}, "
            f"{done.rows:,} rows; {done.inlined_rows_flushed:,} inlined rows written out; "
            f"{done.files_deleted} unused files deleted.",
            highlight=False,
        )


def duckdb_error():
    import duckdb

    return duckdb.Error


def _one_line(exc: BaseException) -> str:
    lines = str(exc).strip().splitlines()
    return lines[0] if lines else type(exc).__name__


@app.command()
def forget(
    urls: Annotated[list[str], typer.Argument(help="URLs of the articles (or pages) to remove.")],
    reason: Annotated[str, typer.Option("--reason", "-r", help="Why: recorded in the takedowns table.")],
    by: Annotated[str | None, typer.Option("--by", help="Who asked (recorded; default: your user name).")] = None,
    warehouse: WarehouseOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the takedown rows as JSON.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Remove articles for good (a publisher's takedown, a legal request): every version, its entity mentions,
    its raw pages, search index rows, failure and fetch rows; recorded in the `takedowns` table.

    The rows are purged from the data files, not only hidden, and the history before the takedown is
    expired (no time travel reaches back to them). Takes the warehouse lock like a run.

    Example:

      newsetl forget https://example.org/news/1 --reason "publisher's request, ticket 4411" --by legal@example.org
    """
    import getpass

    from warehouse import lake, storage, takedown
    from warehouse.lock import WarehouseLocked, writer_lock

    settings = load_settings(warehouse=warehouse)
    root = _root(settings, debug)
    if not storage.of(root).exists():
        _fail(f"no warehouse at {storage.of(root).display()} (pass --warehouse)", debug)
    try:
        with writer_lock(root, "newsetl forget", settings.lock_wait):
            rows = takedown.forget(root, urls, by or getpass.getuser(), reason)
    except WarehouseLocked as exc:
        _fail(str(exc), debug, 3)
    except (lake.NoWarehouse, OSError, duckdb_error()) as exc:
        _fail(f"could not forget: {_one_line(exc)}", debug)
    if as_json:
        print(json.dumps(rows, default=_jsonable, indent=2))
        return
    for r in rows:
        out.print(
            f"{r['url']}: removed {r['articles']} article versions, {r['entity_mentions']} mentions, "
            f"{r['pages']} pages" + ("" if r["articles"] or r["pages"] else " (nothing stored under this URL)"),
            highlight=False,
            soft_wrap=True,
        )


@app.command()
def check(
    warehouse: WarehouseOpt = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the report as JSON.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Check the warehouse is whole: files, schema versions, duplicate keys, orphans. Changes nothing.

    Exits 1 when something is wrong, with one line per problem; notes (debris the next run deletes, old
    schema versions, crowded partitions) do not fail the check.

    Example:

      newsetl check -w /data/news
    """
    from warehouse import storage
    from warehouse.check import check as check_warehouse

    root = _root(_settings(debug, warehouse=warehouse), debug)
    if not root.exists():
        _fail(f"no warehouse at {root} (run `newsetl run` first, or pass --warehouse)", debug)
    with _bar("files", as_json) as progress:
        report = check_warehouse(root, progress=progress)
    if as_json:
        print(json.dumps(report.as_dict(), indent=2))
    else:
        files = sum(report.files.values())
        rows = ", ".join(f"{k} {v:,}" for k, v in report.rows.items())
        where = storage.of(root).display()
        out.print(f"Warehouse {where}: {files} files; rows: {rows}", highlight=False, soft_wrap=True)
        for note in report.notes:
            out.print(f"note: {note}", highlight=False, soft_wrap=True)
        for problem in report.problems:
            err.print(f"[red]problem:[/red] {problem}", highlight=False, soft_wrap=True)
        out.print("OK" if report.ok else f"{len(report.problems)} problems", highlight=False)
    if not report.ok:
        raise typer.Exit(1)


def main() -> None:
    """The `newsetl` program."""
    try:
        app()
        _ending["code"] = 0
    except SystemExit as exc:  # typer ends with one; an uncaught exception or Ctrl-C gets the usual teardown
        _ending["code"] = exc.code if isinstance(exc.code, int) else 0 if exc.code is None else 1
        raise


if __name__ == "__main__":
    main()
