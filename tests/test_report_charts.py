"""The report's charts on sparse and dense dates: bins that fit the span, a bar for every bin (empty ones too, so
gaps show), titles that say what is drawn. On a small DuckDB database with the views' columns; no Prefect."""

from datetime import date, timedelta

import duckdb
import pytest

from flows import report


@pytest.mark.parametrize(
    ("since", "until", "unit"),
    [
        (date(2024, 3, 7), date(2024, 3, 7), "day"),
        (date(2024, 3, 1), date(2024, 4, 30), "day"),
        (date(2024, 1, 1), date(2024, 6, 30), "week"),
        (date(2023, 1, 1), date(2024, 12, 31), "month"),
        (date(2013, 9, 23), date(2024, 3, 14), "year"),
    ],
)
def test_the_bin_fits_the_span(since, until, unit):
    assert report.bin_unit(since, until) == unit
    made = report.binned([(since, "a", 1), (until, "a", 2)], since, until)
    assert made.unit == unit and 1 <= len(made.starts) <= 62 and sum(made.series["a"]) == 3


def test_bins_cover_every_step_of_the_span_empty_ones_too():
    rows = [(date(2013, 9, 23), "worldaffairs", 3), (date(2024, 3, 7), "meridian", 4), (date(2024, 3, 14), "harbor", 1)]
    made = report.binned(rows, date(2013, 9, 23), date(2024, 3, 14))
    assert made.labels == [str(y) for y in range(2013, 2025)]
    assert made.series == {"meridian": [0] * 11 + [4], "worldaffairs": [3] + [0] * 11, "harbor": [0] * 11 + [1]}
    weeks = report.binned([(date(2024, 3, 7), "x", 1)], date(2024, 3, 1), date(2024, 5, 31) + timedelta(days=300))
    assert weeks.unit == "week" and all(s.weekday() == 0 for s in weeks.starts)  # a week starts on a Monday
    months = report.binned([(date(2024, 12, 31), "x", 1)], date(2022, 11, 5), date(2024, 12, 31))
    assert months.labels[:3] == ["2022-11", "2022-12", "2023-01"] and months.labels[-1] == "2024-12"


def test_the_rest_beyond_the_top_names_is_other():
    rows = [(date(2024, 3, 7), f"site{i}", 10 - i) for i in range(10)]
    made = report.binned(rows, date(2024, 3, 7), date(2024, 3, 7), top=3)
    assert list(made.series) == ["site0", "site1", "site2", "other"] and made.series["other"] == [
        7 + 6 + 5 + 4 + 3 + 2 + 1
    ]


@pytest.fixture
def sparse():
    """Articles on three days of 2013 and a week of 2024, failures on one day of 2026 (the run's day)."""
    con = duckdb.connect()
    days = [date(2013, 9, 23), date(2013, 9, 25), date(2024, 3, 7), date(2024, 3, 8), date(2024, 3, 14)]
    con.sql("CREATE TABLE articles (day DATE, domain VARCHAR, language VARCHAR, duplicate_of VARCHAR)")
    con.executemany("INSERT INTO articles VALUES (?, ?, 'en', NULL)", [(d, f"site{d.year}") for d in days])
    con.sql("CREATE VIEW unique_articles AS SELECT * FROM articles WHERE duplicate_of IS NULL")
    con.sql("CREATE TABLE entity_daily (day DATE, label VARCHAR, canonical VARCHAR, articles BIGINT)")
    con.executemany("INSERT INTO entity_daily VALUES (?, 'PERSON', ?, 1)", [(d, "Vladimir Putin") for d in days[:2]])
    con.sql("CREATE TABLE failures (day DATE, stage VARCHAR, reason VARCHAR)")
    con.sql("INSERT INTO failures VALUES ('2026-12-01', 'extract', 'too_short'), ('2026-12-01', 'extract', 'empty')")
    yield con
    con.close()


def test_sparse_dates_get_year_bars_and_failures_their_own_day(sparse):
    made = report.build(sparse)
    try:
        articles = made.figures["articles"].axes[0]
        assert articles.get_title() == "Articles per year, by site\n2013 to 2024"
        assert not articles.get_lines()  # bars, not lines drawn across the empty years
        heights = [p.get_height() for p in articles.patches]
        assert len(heights) == 2 * 12 and sorted(heights)[-2:] == [2, 3]  # 2 sites x 12 years, most of them empty
        entities = made.figures["entities"].axes[0]
        assert entities.get_title().startswith("Articles naming the most-named entities, per year\n2013 to 2024")
        assert not entities.get_lines()
        failures = made.figures["failures"].axes[0]
        assert failures.get_title() == "Pages that failed, per day, by stage:reason\n2026-12-01"
        assert [t.get_text() for t in failures.get_xticklabels()] == ["2026-12-01"]  # no hour ticks
        assert sorted(p.get_height() for p in failures.patches) == [1, 1]
    finally:
        made.close()


def test_a_given_range_is_what_every_chart_spans(sparse):
    made = report.build(sparse, date(2024, 3, 1), date(2024, 3, 31))
    try:
        assert made.totals["articles"] == 3 and made.totals["failures"] == 0
        articles = made.figures["articles"].axes[0]
        assert articles.get_title() == "Articles per day, by site\n2024-03-01 to 2024-03-31"
        assert len(articles.patches) == 31 and sum(p.get_height() for p in articles.patches) == 3
        failures = made.figures["failures"].axes[0]
        assert "nothing in this range" in [t.get_text() for t in failures.texts]
    finally:
        made.close()
