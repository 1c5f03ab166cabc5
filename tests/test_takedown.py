"""`newsetl forget`: an article removed for good, from the views, the data files and the catalog's own file."""

import pyarrow.parquet as pq
from test_check import page
from test_warehouse import article, load, mention
from typer.testing import CliRunner

from flows.cli import app
from warehouse import catalog, lake, maintain, writer

SECRET = "Confidential source says the minister resigned in Porto."


def every_value_in_the_data_files(root) -> str:
    """Every value of every Parquet file under the warehouse but the takedown record's, as text."""
    parts = []
    for path in sorted((root / "lake").rglob("*.parquet")):
        if "takedowns" not in path.parts:
            parts.append(repr(pq.read_table(path).to_pylist()))
    return "\n".join(parts)


def test_forget_removes_an_article_from_the_views_the_parquet_files_and_the_catalog(tmp_path):
    writer.write(tmp_path, "pages", [page("a1"), {**page("a2"), "body": SECRET.encode()}])
    load(
        tmp_path,
        [article("a1"), article("a2", text=SECRET, title="The minister's secret")],
        lambda a: [mention(a["article_id"], 1, 0)],
    )
    maintain.maintain(tmp_path)  # the rows merged into shared files: forgetting must rewrite them
    assert SECRET in every_value_in_the_data_files(tmp_path)
    lake.close_all()
    assert b"minister" in (tmp_path / "catalog.sqlite").read_bytes()  # in its column statistics

    result = CliRunner().invoke(
        app,
        [
            "forget",
            "https://x.example/a2",
            "--reason",
            "publisher's request #4411",
            "--by",
            "legal",
            "-w",
            str(tmp_path),
        ],
    )

    assert result.exit_code == 0, result.output
    assert "removed 1 article versions, 1 mentions, 1 pages" in result.output
    con = catalog.connect(tmp_path)
    assert con.sql("SELECT article_id FROM article_versions").fetchall() == [("a1",)]
    assert con.sql("SELECT count(*) FROM entity_mention_versions WHERE article_id = 'a2'").fetchall() == [(0,)]
    assert con.sql("SELECT page_id FROM pages").fetchall() == [("p-a1",)]
    assert con.sql("SELECT url, requested_by, reason, articles, pages FROM takedowns").fetchall() == [
        ("https://x.example/a2", "legal", "publisher's request #4411", 1, 1)
    ]
    # no time travel back to before the takedown
    assert con.sql("SELECT count(*) FROM ducklake_snapshots('news')").fetchall() == [(1,)]
    con.close()
    data = every_value_in_the_data_files(tmp_path)
    assert "x.example/a1" in data and SECRET not in data and "x.example/a2" not in data
    assert "The minister's secret" not in data
    lake.close_all()
    # nor does the catalog (its column statistics held the title, and SQLite's free pages the deleted rows)
    assert b"minister" not in (tmp_path / "catalog.sqlite").read_bytes()


def test_forgetting_an_unknown_url_records_it_and_changes_nothing_else(tmp_path):
    load(tmp_path, [article("a1")])
    result = CliRunner().invoke(app, ["forget", "https://nowhere.example/x", "-r", "test", "-w", str(tmp_path)])
    assert result.exit_code == 0 and "nothing stored under this URL" in result.output
    con = catalog.connect(tmp_path)
    assert con.sql("SELECT count(*) FROM articles").fetchall() == [(1,)]
    assert con.sql("SELECT articles FROM takedowns").fetchall() == [(0,)]
