"""`newsetl check` finds what is wrong with a warehouse, and says nothing is when nothing is."""

import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from test_warehouse import T0, article, load, mention
from typer.testing import CliRunner

from flows.cli import app
from warehouse import log, writer
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


@pytest.fixture
def good(tmp_path):
    writer.write(tmp_path, "pages", [page("a1"), page("a2")])
    load(
        tmp_path,
        [article("a1"), article("a2", text="Other text about Porto.")],
        lambda a: [mention(a["article_id"], 1, 0)],
    )
    return tmp_path


def test_a_sound_warehouse_passes(good):
    report = check(good)
    assert report.ok, report.problems
    assert report.rows["articles"] == 2 and report.rows["entity_mentions"] == 2
    result = CliRunner().invoke(app, ["check", "-w", str(good)])
    assert result.exit_code == 0 and "OK" in result.output


def test_debris_is_a_note_not_a_problem(good):
    writer.write_files(good, "articles", [article("a9", version=1)])  # a killed run's file
    report = check(good)
    assert report.ok and any("next run deletes" in n for n in report.notes)


@pytest.mark.parametrize(
    ("damage", "finding"),
    [
        ("duplicate", "articles: 1 rows repeat a key"),
        ("orphan", "1 mentions without their article version"),
        ("pageless", "1 articles without their page"),
        ("missing", "committed but missing"),
        ("wrong_type", "column 'word_count' is string"),
        ("newer_schema", "is newer than this newsetl's"),
        ("damaged_log", "log damaged"),
    ],
)
def test_each_kind_of_damage_is_found_and_fails_the_cli(good, damage, finding):
    if damage == "duplicate":
        row = article("a1", version=1)
        path = good / "articles" / "month=2024-03" / "part-copy.parquet"
        pq.write_table(writer.to_table(writer.TABLES["articles"], [row]), path)
        log.commit(good, add={"articles": [path.relative_to(good).as_posix()]})
    elif damage == "orphan":
        writer.write(good, "entity_mentions", [mention("nobody", 1, 0)])
    elif damage == "pageless":
        writer.write(good, "articles", [article("a7", version=1)])
    elif damage == "missing":
        (good / writer.files(good, "articles")[0]).unlink()
    elif damage in ("wrong_type", "newer_schema"):
        table = writer.to_table(writer.TABLES["articles"], [article("a3", version=1)])
        if damage == "wrong_type":
            index = table.schema.get_field_index("word_count")
            table = table.set_column(index, "word_count", pa.array(["many"]))
        else:
            table = table.replace_schema_metadata({b"newsetl.table": b"articles", b"newsetl.schema_version": b"99"})
        path = good / "articles" / "month=2024-03" / f"part-{damage}.parquet"
        pq.write_table(table, path)
        log.commit(good, add={"articles": [path.relative_to(good).as_posix()]})
    else:
        log.commit(good, add={"runs": []}, info={})  # an empty commit, then lose the one before it
        (good / log.LOG_DIR / "000000000001.json").unlink()
    report = check(good)
    assert not report.ok and any(finding in p for p in report.problems), report.problems
    result = CliRunner().invoke(app, ["check", "-w", str(good)])
    assert result.exit_code == 1 and finding in result.output
