"""`newsetl`: run the ingest flow, query the warehouse, see its state."""

import csv
import json
import sys
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from flows.runtime import apply_prefect_defaults
from flows.settings import load_settings

app = typer.Typer(
    help="Batch ETL for news: pages -> clean articles and entities -> Parquet tables you query with DuckDB.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_enable=False,
)
out = Console()
err = Console(stderr=True)

WarehouseOpt = Annotated[
    Path | None,
    typer.Option(
        "--warehouse", "-w", help="Warehouse root folder (env NEWSETL_WAREHOUSE; default: data/ in the project folder)."
    ),
]
DebugOpt = Annotated[bool, typer.Option("--debug", help="Show tracebacks.")]


def _fail(message: str, debug: bool, code: int = 1) -> None:
    if debug:
        raise
    err.print(f"[red]error:[/red] {message}", highlight=False, soft_wrap=True)
    raise typer.Exit(code)


@app.command()
def run(
    inputs: Annotated[
        list[str] | None,
        typer.Argument(help="HTML files, folders, globs, text files of URLs, or URLs. Default: the sample corpus."),
    ] = None,
    warehouse: WarehouseOpt = None,
    batch_size: Annotated[
        int | None, typer.Option(help="Pages per task run (env NEWSETL_BATCH_SIZE; default 200).")
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print the run summary as JSON.")] = False,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="Print nothing but errors.")] = False,
    debug: DebugOpt = False,
) -> None:
    """Ingest pages into the warehouse: the Prefect `ingest` flow.

    Runs on a temporary local Prefect server, or on the server PREFECT_API_URL names (faster, and what
    scheduled runs use).

    Examples:

      newsetl run                         # the bundled sample corpus

      newsetl run pages/ 'more/*.html'    # HTML files

      newsetl run urls.txt -w /data/news  # a text file of URLs, one per line
    """
    from flows.sources import InputError, check_inputs

    try:
        settings = load_settings(warehouse=warehouse, batch_size=batch_size)
        check_inputs(inputs or [])
    except InputError as exc:
        _fail(str(exc), debug, 2)
    except ValueError as exc:
        _fail(f"bad setting: {exc}", debug, 2)
    apply_prefect_defaults(quiet_logs=not debug)
    from flows import progress
    from flows.ingest import ingest

    show = not (quiet or as_json) and sys.stderr.isatty()
    bar = Progress(TextColumn("pages"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(), console=err)
    if show:
        pages_task = bar.add_task("pages", total=None)

        def start(total: int) -> None:
            bar.update(pages_task, total=total)
            bar.start()

        progress.listen(start=start, advance=lambda n: bar.advance(pages_task, n), finish=bar.stop)
    elif not (quiet or as_json):
        err.print("starting Prefect and ingesting ...")
    try:
        summary = ingest(inputs=inputs, warehouse=str(settings.warehouse), batch_size=settings.batch_size)
    except Exception as exc:
        _fail(f"run failed: {exc}", debug)
    finally:
        progress.stop_listening()
    if as_json:
        print(json.dumps(summary, indent=2))
    elif not quiet:
        _print_summary(summary)


def _print_summary(summary: dict) -> None:
    c = summary["counts"]
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
    out.print("Query it:", highlight=False)
    out.print(
        f'  newsetl query -w {root} "SELECT canonical, sum(mentions) AS n FROM entity_daily '
        "WHERE label = 'PERSON' GROUP BY 1 ORDER BY n DESC LIMIT 10\"",
        highlight=False,
        soft_wrap=True,
    )
    out.print(
        f"  duckdb -readonly {root}/news.duckdb      (views: articles, entities, entity_daily, failures, runs)",
        highlight=False,
        soft_wrap=True,
    )


def _jsonable(value):
    if isinstance(value, datetime | date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return float(value)
    if isinstance(value, bytes):
        return f"<{len(value)} bytes>"
    return str(value)


@app.command()
def query(
    sql: Annotated[str, typer.Argument(help="SQL, or @file.sql to read it from a file.")],
    warehouse: WarehouseOpt = None,
    fmt: Annotated[str, typer.Option("--format", "-f", help="table, csv or json.")] = "table",
    debug: DebugOpt = False,
) -> None:
    """Run SQL against the warehouse's views, read-only.

    Examples:

      newsetl query "SELECT domain, count(*) FROM articles GROUP BY 1"

      newsetl query @warehouse/queries/top_people_per_day.sql --format csv
    """
    from warehouse import catalog

    if fmt not in ("table", "csv", "json"):
        _fail(f"unknown format {fmt!r}: use table, csv or json", debug, 2)
    if sql.startswith("@"):
        path = Path(sql[1:])
        if not path.is_file():
            _fail(f"no such SQL file: {path}", debug, 2)
        sql = path.read_text(encoding="utf-8")
    import duckdb

    root = load_settings(warehouse=warehouse).warehouse
    try:
        con = catalog.connect(Path(root))
        rel = con.sql(sql)
        if rel is None:
            _fail("the statement returned no rows (only queries are allowed: the connection is read-only)", debug)
        columns, rows = rel.columns, rel.fetchall()
    except FileNotFoundError as exc:
        _fail(str(exc), debug)
    except duckdb.Error as exc:
        _fail(f"SQL: {str(exc).splitlines()[0]}", debug)
    if fmt == "json":
        print(
            json.dumps(
                [dict(zip(columns, row, strict=True)) for row in rows], default=_jsonable, ensure_ascii=False, indent=1
            )
        )
    elif fmt == "csv":
        writer = csv.writer(sys.stdout)
        writer.writerow(columns)
        writer.writerows(rows)
    else:
        table = Table(*columns, show_lines=False)
        for row in rows:
            table.add_row(*("" if v is None else _jsonable(v) if not isinstance(v, str) else v for v in row))
        out.print(table)
        out.print(f"{len(rows)} rows", style="dim")


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
    from warehouse import catalog, writer
    from warehouse.schemas import TABLES

    root = Path(load_settings(warehouse=warehouse).warehouse)
    try:
        con = catalog.connect(root)
    except FileNotFoundError as exc:
        _fail(str(exc), debug)
    views = ["articles", "article_versions", "entity_mentions", "entities", "failures", "runs"]
    counts = {v: con.sql(f"SELECT count(*) FROM {v}").fetchall()[0][0] for v in views}
    files = {name: len(writer.files(root, name)) for name in TABLES}
    runs = con.sql(
        "SELECT run_id, started_at, status, counts['articles_new'] AS new_articles, counts['failures'] AS failures "
        "FROM runs ORDER BY started_at DESC LIMIT 5"
    ).fetchall()
    if as_json:
        print(
            json.dumps(
                {"warehouse": str(root), "rows": counts, "files": files, "runs": [list(r) for r in runs]},
                default=_jsonable,
                indent=2,
            )
        )
        return
    table = Table("view", "rows")
    for v, n in counts.items():
        table.add_row(v, f"{n:,}")
    out.print(f"Warehouse {root}")
    out.print(table)
    out.print("Files per table: " + ", ".join(f"{k} {v}" for k, v in files.items()), highlight=False)
    recent = Table("run_id", "started_at (UTC)", "status", "new articles", "failures", title="Last runs")
    for r in runs:
        recent.add_row(r[0], r[1].strftime("%Y-%m-%d %H:%M:%S"), r[2], str(r[3] or 0), str(r[4] or 0))
    out.print(recent)


if __name__ == "__main__":
    app()
