"""`newsetl check` finds what is wrong with a warehouse, and says nothing is when nothing is."""

import shutil
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from test_warehouse import T0, article, load, mention
from typer.testing import CliRunner

from flows.cli import app
from warehouse import lake, maintain, writer
from warehouse.check import check


def page(article_id):
    return {
        "page_id": f"p-{article_id}",  # what article() points at
        "url": f"https://x.example/{article_id}",
        "final_url": f"https://x.example/{article_id}",
        "source": "urls",
        "fetched_at": T0,
        "day": T0.date(),
        "status": 200,
        "body_sha256": "00",
        "body_bytes": 1,
        "body": b"<",
        "run_id": "r1",
    }


@pytest.fixture(scope="module")
def sound(tmp_path_factory):
    root = tmp_path_factory.mktemp("sound")
    writer.write(root, "pages", [page("a1"), page("a2")])
    load(
        root,
        [article("a1"), article("a2", text="Other text about Porto.")],
        lambda a: [mention(a["article_id"], 1, 0)],
    )
    lake.close_all()
    return root


@pytest.fixture
def good(sound, tmp_path):
    """A sound warehouse of this test's own: a copy of the module's (built once: ~1.5 s each)."""
    shutil.copytree(sound, tmp_path, dirs_exist_ok=True)
    return tmp_path


def test_a_sound_warehouse_passes(good):
    report = check(good)
    assert report.ok, report.problems
    assert report.rows["articles"] == 2 and report.rows["entity_mentions"] == 2
    result = CliRunner().invoke(app, ["check", "-w", str(good)])
    assert result.exit_code == 0 and "OK" in result.output


def data_files(root, table):
    with lake.session(root, read_only=True) as con:
        return [p for (p,) in con.execute("SELECT data_file FROM ducklake_list_files('news', ?)", [table]).fetchall()]


def test_debris_is_a_note_not_a_problem(good):
    folder = good / "lake" / "main" / "article_versions"
    pq.write_table(writer.to_table(writer.LAKE_TABLES["articles"], [article("a9", version=1)]), folder / "x.parquet")
    report = check(good)  # a killed commit's file
    assert report.ok and any("next run deletes" in n for n in report.notes), report.notes


@pytest.mark.parametrize(
    ("damage", "finding"),
    [
        ("duplicate", "articles: 1 rows repeat a key"),
        ("orphan", "1 mentions without their article version"),
        ("pageless", "1 articles without their page"),
        ("missing", "is missing or unreadable"),
        ("truncated", "is missing or unreadable"),
    ],
)
def test_each_kind_of_damage_is_found_and_fails_the_cli(good, damage, finding):
    if damage == "duplicate":
        writer.write(good, "articles", [article("a1", version=1)])
    elif damage == "orphan":
        writer.write(good, "entity_mentions", [mention("nobody", 1, 0)])
    elif damage == "pageless":
        writer.write(good, "articles", [article("a7", version=1)])
    else:
        maintain.maintain(good)  # the inlined rows written out as Parquet files
        path = data_files(good, "article_versions")[0]
        if damage == "missing":
            Path(path).unlink()
        else:
            data = Path(path).read_bytes()
            Path(path).write_bytes(data[: len(data) // 2])
    report = check(good)
    assert not report.ok and any(finding in p for p in report.problems), report.problems
    result = CliRunner().invoke(app, ["check", "-w", str(good)])
    assert result.exit_code == 1 and finding in result.output
