"""Inputs -> the pages to fetch: HTML files, directories and globs of them, URL lists, single URLs."""

import glob
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
URL_LIST_SUFFIXES = {".txt", ".urls", ".lst", ".list"}


class InputError(ValueError):
    """A user mistake in the inputs: missing path, nothing to read. One line, says what to do."""


@dataclass(frozen=True)
class PageRef:
    kind: str  # file | url
    location: str  # absolute path or URL
    source: str  # files | urls


@dataclass(frozen=True)
class BadRef:
    location: str
    reason: str
    detail: str


def _is_url(value: str) -> bool:
    return urlsplit(value).scheme in ("http", "https")


def _html_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in HTML_SUFFIXES)


def _url_list(path: Path) -> tuple[list[PageRef], list[BadRef]]:
    refs, bad = [], []
    for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if _is_url(line):
            refs.append(PageRef("url", line, "urls"))
        else:
            bad.append(BadRef(line, "bad_url", f"{path.name} line {number}: not an http(s) URL"))
    return refs, bad


def check_inputs(inputs: list[str]) -> None:
    """Raise InputError for an input that is neither a URL, an existing path nor a matching glob."""
    for item in inputs:
        if _is_url(item) or Path(item).exists():
            continue
        if glob.has_magic(item):
            if not glob.glob(item, recursive=True):
                raise InputError(f"no file matches {item!r}: check the pattern")
            continue
        raise InputError(f"no such file or directory: {item!r} (give HTML files, folders, URL lists or URLs)")


def resolve(inputs: list[str]) -> tuple[list[PageRef], list[BadRef]]:
    """Expand inputs into page references (deduplicated, in order) and bad entries."""
    check_inputs(inputs)
    refs: list[PageRef] = []
    bad: list[BadRef] = []
    for item in inputs:
        if _is_url(item):
            refs.append(PageRef("url", item, "urls"))
            continue
        paths = [Path(p) for p in sorted(glob.glob(item, recursive=True))] if glob.has_magic(item) else [Path(item)]
        for path in paths:
            if path.is_dir():
                refs += [PageRef("file", str(p.resolve()), "files") for p in _html_files(path)]
            elif path.suffix.lower() in URL_LIST_SUFFIXES:
                more, wrong = _url_list(path)
                refs += more
                bad += wrong
            else:
                refs.append(PageRef("file", str(path.resolve()), "files"))
    return list(dict.fromkeys(refs)), bad
