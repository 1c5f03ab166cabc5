"""Inputs -> page references: folders, globs, URL lists, URLs; user mistakes are clear errors."""

import pytest

from flows.sources import InputError, PageRef, check_inputs, resolve


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
    assert refs == [
        PageRef("url", "https://news.example/a", "urls"),
        PageRef("url", "http://news.example/b", "urls"),
        PageRef("url", "https://news.example/e", "urls"),
    ]
    assert [(b.location, b.reason) for b in bad] == [
        ("ftp://files.example/c", "bad_url"),
        ("news.example/d", "bad_url"),
    ]
    assert "urls.txt line 5" in bad[0].detail


@pytest.mark.parametrize(
    ("given", "message"),
    [("missing.html", "no such file or directory"), ("nothing-*.html", "no file matches")],
)
def test_user_mistakes_are_clear_errors(tree, given, message):
    with pytest.raises(InputError, match=message):
        check_inputs([str(tree / given)])
