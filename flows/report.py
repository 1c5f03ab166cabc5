"""`newsetl report`: one self-contained HTML file over a date range, with charts drawn by matplotlib and
inlined as SVG (no script, no stylesheet or image fetched: it opens offline in any browser).

Charts: articles per day per site, the most-named entities per day, failures per day by stage:reason, and
the language mix. Any one of them can also be written as a PNG.
"""

import html
import io
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import duckdb
import matplotlib

matplotlib.use("Agg")  # no display; must precede pyplot
import matplotlib.pyplot as plt
from matplotlib.ticker import MaxNLocator

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


def _days(con: duckdb.DuckDBPyConnection, sql: str, since: date | None, until: date | None) -> tuple[date, date]:
    """The first and last day of `sql`'s days within the given bounds (a bound given is kept as it is)."""
    low, high = con.sql(f"SELECT min(day), max(day) FROM ({sql})").fetchall()[0]
    today = datetime.now().date()
    return since or low or until or today, until or high or since or today


ARTICLE_DAYS = "SELECT day FROM unique_articles"
FAILURE_DAYS = "SELECT day FROM failures"

# Bins that fit the span: at most ~60 bars, so that a sparse decade is not hairlines and a week is not one bar.
UNITS = ((62, "day"), (7 * 60, "week"), (31 * 72, "month"))


def bin_unit(since: date, until: date) -> str:
    span = (until - since).days + 1
    return next((unit for most, unit in UNITS if span <= most), "year")


def bin_start(day: date, unit: str) -> date:
    if unit == "day":
        return day
    if unit == "week":
        return day - timedelta(days=day.weekday())  # weeks start on Monday (ISO)
    if unit == "month":
        return day.replace(day=1)
    return day.replace(month=1, day=1)


def _next_bin(start: date, unit: str) -> date:
    if unit in ("day", "week"):
        return start + timedelta(days=1 if unit == "day" else 7)
    if unit == "month":
        return date(start.year + start.month // 12, start.month % 12 + 1, 1)
    return date(start.year + 1, 1, 1)


LABELS = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m", "year": "%Y"}  # a week by its Monday


def bin_label(start: date, unit: str) -> str:
    return start.strftime(LABELS[unit])


@dataclass
class Binned:
    """Counts per bin of a span (every bin, empty ones too, so that gaps show), for the `top` names."""

    unit: str
    starts: list[date]
    series: dict[str, list[int]]

    @property
    def labels(self) -> list[str]:
        return [bin_label(s, self.unit) for s in self.starts]

    def span(self) -> str:
        first, last = self.labels[0], self.labels[-1]
        return first if first == last else f"{first} to {last}"


def binned(rows: list[tuple], since: date, until: date, top: int = TOP_SERIES) -> Binned:
    """(day, name, n) rows -> counts per day, week, month or year (whichever fits since..until) for the `top`
    names by total, the rest summed as 'other'."""
    unit = bin_unit(since, until)
    starts, start = [], bin_start(since, unit)
    while start <= until:
        starts.append(start)
        start = _next_bin(start, unit)
    index = {s: i for i, s in enumerate(starts)}
    totals: dict[str, int] = {}
    for _, name, n in rows:
        totals[name] = totals.get(name, 0) + n
    keep = sorted(totals, key=lambda k: (-totals[k], k))[:top]
    series = {name: [0] * len(starts) for name in keep}
    for day, name, n in rows:
        key = name if name in series else "other"
        series.setdefault(key, [0] * len(starts))[index[bin_start(day, unit)]] += n
    return Binned(unit, starts, series)


def _stacked(title: str, what: str, data: Binned, ylabel: str, note: str = "") -> plt.Figure:
    """Stacked bars, one per bin, on an axis of every bin of the span (empty ones too)."""
    figure, ax = plt.subplots(figsize=(9, 3.8))
    positions = list(range(len(data.starts)))
    bottom = [0] * len(positions)
    for name, values in data.series.items():
        ax.bar(positions, values, bottom=bottom, label=name, width=0.8)
        bottom = [b + v for b, v in zip(bottom, values, strict=True)]
    step = max(1, -(-len(positions) // 12))  # at most ~12 labels
    ax.set_xticks(positions[::step], data.labels[::step], rotation=30, ha="right")
    pad = max(0.0, (7 - len(positions)) / 2)  # a few bars stay narrow, centred
    ax.set_xlim(-0.6 - pad, len(positions) - 0.4 + pad)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(f"{what}, per {data.unit}" + (" (weeks from Monday)" if data.unit == "week" else ""))
    _finish(ax, f"{title.format(unit=data.unit)}\n{data.span()}{note}", ylabel, bool(data.series))
    return figure


def _finish(ax, title: str, ylabel: str, has_data: bool, legend: bool = True) -> None:
    ax.set_title(title, fontsize="medium")
    ax.set_ylabel(ylabel)
    if not has_data:
        ax.text(0.5, 0.5, "nothing in this range", ha="center", va="center", transform=ax.transAxes)
    elif legend:
        ax.legend(fontsize="small", loc="upper left", bbox_to_anchor=(1.0, 1.0))
    ax.figure.tight_layout()


def build(con: duckdb.DuckDBPyConnection, since: date | None = None, until: date | None = None) -> Report:
    """The report over since..until (default: the first to the last day of articles and failures). Each chart
    bins its own span: articles and entities by publish day, failures by the day they happened (run days),
    unless the range is given, which every chart then spans."""
    low, high = _days(con, f"{ARTICLE_DAYS} UNION ALL {FAILURE_DAYS}", since, until)
    between = [low, high]

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
    article_span = _days(con, f"{ARTICLE_DAYS} WHERE day BETWEEN '{low}' AND '{high}'", since, until)
    failure_span = _days(con, f"{FAILURE_DAYS} WHERE day BETWEEN '{low}' AND '{high}'", since, until)
    figures = {
        "articles": _stacked("Articles per {unit}, by site", "publish date", binned(per_site, *article_span),
                             "articles"),
        "entities": _stacked(
            "Articles naming the most-named entities, per {unit}", "publish date",
            binned(entity_days, *article_span, len(names)), "articles",
            note="; stacked: an article naming two of them counts for both",
        ),
        "failures": _stacked("Pages that failed, per {unit}, by stage:reason", "day of the failure",
                             binned(failures, *failure_span), "pages"),
    }  # fmt: skip
    figure, ax = plt.subplots(figsize=(9, 0.9 + 0.4 * max(1, len(languages))))
    ax.barh([lang for lang, _ in languages][::-1], [n for _, n in languages][::-1])
    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel("articles")
    _finish(ax, "Articles by language (detected)", "", bool(languages), legend=False)
    figures["languages"] = figure
    return Report(low, high, totals, figures, top_entities)


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
