"""Inputs and sources files -> sources -> page references; user mistakes are clear errors."""

from collections import Counter
from datetime import date

import pytest

from flows.ingest import fresh_batches
from flows.sources import (
    InputError,
    PageRef,
    check_inputs,
    load_sources_file,
    local_refs,
    sources_from_inputs,
)


def resolve(inputs):
    """Page references as a run gets them: each page once, the first mention winning (flows.ingest)."""
    refs, bad = [], []
    for source in sources_from_inputs(inputs):
        more, wrong = local_refs(source)
        refs += more
        bad += wrong
    unique = [r for batch in fresh_batches(refs, None, 10_000, True, Counter()) for r in batch]
    return unique, bad


@pytest.fixture
def tree(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "a" / "one.html").write_text("<p>1</p>")
    (tmp_path / "a" / "two.HTM").write_text("<p>2</p>")
    (tmp_path / "a" / "notes.md").write_text("not a page")
    (tmp_path / "a" / "deep").mkdir()
    (tmp_path / "a" / "deep" / "three.html").write_text("<p>3</p>")
    (tmp_path / "urls.txt").write_text(
        "# feeds we like\nhttps://news.example/a\n\nhttp://news.example/b\nftp://files.example/c\nnews.example/d\n"
        "http://[::1/broken\nhttp://news.example:99999/port\n"
    )
    return tmp_path


def test_folder_is_searched_recursively_for_html(tree):
    refs, bad = resolve([str(tree / "a")])
    assert [r.location.rsplit("/", 1)[1] for r in refs] == ["three.html", "one.html", "two.HTM"]
    assert all(r.kind == "file" and r.source == "files" for r in refs) and bad == []


def test_glob_and_duplicates(tree):
    refs, _ = resolve([str(tree / "a" / "*.html"), str(tree / "a" / "one.html"), str(tree / "a" / "**" / "*.html")])
    names = [r.location.rsplit("/", 1)[1] for r in refs]
    assert names == ["one.html", "three.html"]  # each file once, in first-seen order


def test_url_list_keeps_http_urls_and_reports_the_rest(tree):
    refs, bad = resolve([str(tree / "urls.txt"), "https://news.example/a", "https://news.example/e"])
    assert refs == [  # URLs given on the command line first, then the list's
        PageRef("url", "https://news.example/a", "urls"),
        PageRef("url", "https://news.example/e", "urls"),
        PageRef("url", "http://news.example/b", "urls"),
    ]
    assert [(b.location, b.reason) for b in bad] == [
        ("ftp://files.example/c", "bad_url"),
        ("news.example/d", "bad_url"),
        ("http://[::1/broken", "bad_url"),  # urllib raises on these; they must not stop the run
        ("http://news.example:99999/port", "bad_url"),
    ]
    assert "urls.txt line 5" in bad[0].detail


@pytest.mark.parametrize(
    ("given", "message"),
    [("missing.html", "no such file or directory"), ("nothing-*.html", "no file matches")],
)
def test_user_mistakes_are_clear_errors(tree, given, message):
    with pytest.raises(InputError, match=message):
        check_inputs([str(tree / given)])


def test_inputs_become_sources_by_kind(tree):
    (tree / "crawl.warc.gz").write_bytes(b"")
    kinds = [
        (s.kind, s.name)
        for s in sources_from_inputs(
            [str(tree / "a"), str(tree / "urls.txt"), str(tree / "crawl.warc.gz"), "https://x.example/1"],
            feeds=["https://x.example/"],
            sitemaps=["https://x.example/robots.txt"],
            since=date(2026, 11, 1),
        )
    ]
    assert kinds == [
        ("urls", "urls"),
        ("files", "files"),
        ("urls", "urls"),
        ("warc", "warc"),
        ("feed", "feed"),
        ("sitemap", "sitemap"),
    ]


def test_sources_file_paths_are_relative_to_it(tree):
    (tree / "sources.toml").write_text(
        """
[sources.meridian]
kind = "feed"
url = "https://meridian.example/rss.xml"
since = 2026-11-01

[sources.list]
kind = "urls"
path = "urls.txt"

[sources.local]
kind = "files"
path = "a"
"""
    )
    sources = load_sources_file(tree / "sources.toml")
    assert [(s.name, s.kind) for s in sources] == [("meridian", "feed"), ("list", "urls"), ("local", "files")]
    assert sources[0].since == date(2026, 11, 1)
    refs, _ = local_refs(sources[2])
    assert len(refs) == 3 and all(r.source == "local" for r in refs)


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ('[sources.x]\nkind = "feed"\n', "a feed needs url"),
        ('[sources.x]\nkind = "rss"\nurl = "https://a.example/"\n', "sources.x.kind"),
        ('[sources.x]\nkind = "feed"\nurl = "https://a.example/"\nshedule = "hourly"\n', "shedule"),
        ('[sources.x]\nkind = "warc"\npath = "missing/*.warc.gz"\n', "no file matches"),
        ('[sources.x]\nkind = "files"\npath = "a"\nsince = 2026-01-01\n', "since applies to feeds"),
        ("[sources.x\n", "not valid TOML"),
        ("title = 1\n", "no [sources.NAME] tables"),
    ],
)
def test_sources_file_mistakes_are_one_line_errors(tree, body, message):
    (tree / "bad.toml").write_text(body)
    with pytest.raises(InputError, match=message.replace("[", "\\[")) as info:
        load_sources_file(tree / "bad.toml")
    assert "\n" not in str(info.value)


def test_a_files_identity_changes_when_it_is_edited(tree):
    import os

    page = tree / "a" / "one.html"
    [before] = [r for r in resolve([str(page)])[0]]
    os.utime(page, ns=(1_700_000_000_000_000_000, 1_700_000_000_000_000_000))
    [touched] = [r for r in resolve([str(page)])[0]]
    page.write_text("<p>1, edited</p>")
    [edited] = [r for r in resolve([str(page)])[0]]
    assert before.item.startswith("file:") and len({before.item, touched.item, edited.item}) == 3
