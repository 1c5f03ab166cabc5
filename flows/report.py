"""`newsetl report`: one self-contained HTML file over a date range, with charts drawn by matplotlib and
inlined as SVG (no script, no stylesheet or image fetched: it opens offline in any browser).

Charts: articles per day per site, the most-named entities per day, failures per day by stage:reason, and
the language mix. Any one of them can also be written as a PNG.
"""

import html
import io
from dataclasses import dataclass
from datetime import date, datetime

import duckdb
import matplotlib

matplotlib.use("Agg")  # no display; must precede pyplot
import matplotlib.pyplot as plt

matplotlib.rcParams["svg.fonttype"] = "none"  # text stays text in the SVG: smaller, searchable, selectable

CHARTS = ("articles", "entities", "failures", "languages")
TOP_SERIES = 8


@dataclass
class Report:
    since: date
    until: date
    totals: dict[str, int]
    figures: dict[str, plt.Figure]
    top_entities: list[tuple[str, str, int]]

    def close(self) -> None:
        for figure in self.figures.values():
            plt.close(figure)


def _range(con: duckdb.DuckDBPyConnection, since: date | None, until: date | None) -> tuple[date, date]:
    # articles by publish day, failures by the day they happened: the default range covers both
    low, high = con.sql(
        "SELECT min(day), max(day) FROM (SELECT day FROM unique_articles UNION ALL SELECT day FROM failures)"
    ).fetchall()[0]
    today = datetime.now().date()
    return since or low or today, until or high or today


def _series(rows: list[tuple], top: int = TOP_SERIES) -> tuple[list[date], dict[str, list[int]]]:
    """(day, name, n) rows -> days and one count per day for the `top` names (the rest summed as 'other')."""
    days = sorted({r[0] for r in rows})
    totals: dict[str, int] = {}
    for _, name, n in rows:
        totals[name] = totals.get(name, 0) + n
    keep = sorted(totals, key=lambda k: (-totals[k], k))[:top]
    series = {name: [0] * len(days) for name in keep}
    index = {d: i for i, d in enumerate(days)}
    for day, name, n in rows:
        key = name if name in series else "other"
        series.setdefault(key, [0] * len(days))[index[day]] += n
    return days, series


def _stacked(title: str, days: list[date], series: dict[str, list[int]], ylabel: str) -> plt.Figure:
    figure, ax = plt.subplots(figsize=(9, 3.6))
    bottom = [0] * len(days)
    for name, values in series.items():
        ax.bar(days, values, bottom=bottom, label=name, width=0.8)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    _finish(ax, title, ylabel, bool(series))
    figure.autofmt_xdate()
    return figure


def _lines(title: str, days: list[date], series: dict[str, list[int]], ylabel: str) -> plt.Figure:
    figure, ax = plt.subplots(figsize=(9, 3.6))
    for name, values in series.items():
        ax.plot(days, values, marker="o", label=name)
    _finish(ax, title, ylabel, bool(series))
    figure.autofmt_xdate()
    return figure


def _finish(ax, title: str, ylabel: str, has_data: bool, legend: bool = True) -> None:
    ax.set_title(title)
    ax.set_ylabel(ylabel)
    if not has_data:
        ax.text(0.5, 0.5, "nothing in this range", ha="center", va="center", transform=ax.transAxes)
    elif legend:
        ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.figure.tight_layout()


def build(con: duckdb.DuckDBPyConnection, since: date | None = None, until: date | None = None) -> Report:
    since, until = _range(con, since, until)
    between = [since, until]

    def rows(sql: str) -> list[tuple]:
        return con.execute(sql, between).fetchall()

    totals = {
        "articles": rows("SELECT count(*) FROM unique_articles WHERE day BETWEEN ? AND ?")[0][0],
        "sites": rows("SELECT count(DISTINCT domain) FROM unique_articles WHERE day BETWEEN ? AND ?")[0][0],
        "syndicated copies": rows(
            "SELECT count(*) FROM articles WHERE duplicate_of IS NOT NULL AND day BETWEEN ? AND ?"
        )[0][0],
        "failures": rows("SELECT count(*) FROM failures WHERE day BETWEEN ? AND ?")[0][0],
    }
    per_site = rows("SELECT day, domain, count(*) FROM unique_articles WHERE day BETWEEN ? AND ? GROUP BY ALL")
    top_entities = rows(
        "SELECT canonical, label, sum(articles)::BIGINT AS n FROM entity_daily WHERE day BETWEEN ? AND ? "
        "AND label IN ('PERSON', 'ORG', 'GPE') GROUP BY ALL ORDER BY n DESC, canonical LIMIT 15"
    )
    names = [name for name, _, _ in top_entities[:TOP_SERIES]]
    entity_days = [
        r
        for r in rows(
            "SELECT day, canonical, sum(articles)::BIGINT FROM entity_daily WHERE day BETWEEN ? AND ? GROUP BY ALL"
        )
        if r[1] in names
    ]
    failures = rows("SELECT day, stage || ':' || reason, count(*) FROM failures WHERE day BETWEEN ? AND ? GROUP BY ALL")
    languages = rows(
        "SELECT coalesce(language, 'unknown'), count(*) FROM unique_articles WHERE day BETWEEN ? AND ? "
        "GROUP BY ALL ORDER BY 2 DESC, 1"
    )
    figures = {
        "articles": _stacked("Articles per day, by site", *_series(per_site), "articles"),
        "entities": _lines("Most-named entities: articles per day", *_series(entity_days, len(names)), "articles"),
        "failures": _stacked("Failures per day, by stage:reason", *_series(failures), "pages"),
    }
    figure, ax = plt.subplots(figsize=(9, 0.6 + 0.4 * max(1, len(languages))))
    ax.barh([lang for lang, _ in languages][::-1], [n for _, n in languages][::-1])
    _finish(ax, "Language mix (articles)", "", bool(languages), legend=False)
    figures["languages"] = figure
    return Report(since, until, totals, figures, top_entities)


def _svg(figure: plt.Figure) -> str:
    buffer = io.StringIO()
    figure.savefig(buffer, format="svg")
    text = buffer.getvalue()
    return text[text.index("<svg") :]  # drop the XML prolog and doctype: the SVG sits inside HTML


def write_png(report: Report, chart: str, path) -> None:
    report.figures[chart].savefig(path, format="png", dpi=120)


def render_html(report: Report, warehouse: str) -> str:
    e = html.escape
    totals = "".join(f"<tr><th>{e(k)}</th><td>{v:,}</td></tr>" for k, v in report.totals.items())
    entities = "".join(
        f"<tr><td>{e(name)}</td><td>{e(label)}</td><td>{n:,}</td></tr>" for name, label, n in report.top_entities
    )
    charts = "".join(f'<figure id="{name}">{_svg(report.figures[name])}</figure>' for name in CHARTS)
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<title>newsetl report {report.since} to {report.until}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 2rem auto; max-width: 60rem; color: #222; }}
table {{ border-collapse: collapse; margin: 1rem 0; }} th, td {{ padding: .2rem .8rem; text-align: left; }}
tr:nth-child(even) {{ background: #f4f4f4; }} figure {{ margin: 1.5rem 0; }} svg {{ max-width: 100%; height: auto; }}
</style></head>
<body>
<h1>newsetl report</h1>
<p>Warehouse <code>{e(warehouse)}</code>, days {report.since} to {report.until} (publish day; undateable articles
by fetch day). Syndicated copies are counted once.</p>
<table>{totals}</table>
{charts}
<h2>Most-named entities</h2>
<table><tr><th>entity</th><th>label</th><th>articles</th></tr>{entities}</table>
</body></html>
"""
