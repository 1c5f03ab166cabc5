"""What to ingest: named sources (a TOML sources file, or inputs on the command line) and page references.

A sources file:

    [sources.meridian]
    kind = "feed"                   # urls | feed | sitemap | warc | files
    url = "https://meridian.example/"   # a feed, or a homepage that announces its feeds

    [sources.harbor]
    kind = "sitemap"
    url = "https://harbor.example/robots.txt"   # a sitemap, an index, or robots.txt's Sitemap: lines
    since = "2026-11-01"

    [sources.ccnews]
    kind = "warc"
    path = "archives/*.warc.gz"
    schedule = "15 * * * *"         # optional cron (UTC): `newsetl serve` runs this source at :15 every hour

Paths are relative to the sources file.
"""

import glob
import tomllib
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, ValidationError, model_validator

from transforms.feeds import Listed
from transforms.urls import http_url

HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
URL_LIST_SUFFIXES = {".txt", ".urls", ".lst", ".list"}
WARC_SUFFIXES = (".warc", ".warc.gz", ".arc.gz")

Kind = Literal["urls", "feed", "sitemap", "warc", "files"]


class InputError(ValueError):
    """A user mistake in the inputs: missing path, nothing to read. One line, says what to do."""


class Source(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    kind: Kind
    url: str | None = None  # feed, sitemap
    urls: tuple[str, ...] = ()  # urls given inline
    path: str | None = None  # urls (a file of URLs), warc, files: a file, folder or glob
    since: date | None = None  # feed, sitemap: skip entries dated before this day
    schedule: str | None = None  # a cron expression (UTC): `newsetl serve` runs the source on it

    @model_validator(mode="after")
    def _fits_kind(self) -> "Source":
        if self.kind in ("feed", "sitemap"):
            if not self.url or not _is_url(self.url):
                raise ValueError(f"source {self.name!r}: a {self.kind} needs url = an http(s) URL")
        elif self.kind == "urls":
            if not self.urls and not self.path:
                raise ValueError(f"source {self.name!r}: kind urls needs path = a file of URLs, or urls = [...]")
            bad = [u for u in self.urls if not _is_url(u)]
            if bad:
                raise ValueError(f"source {self.name!r}: not an http(s) URL: {bad[0]!r}")
        elif not self.path:
            raise ValueError(f"source {self.name!r}: kind {self.kind} needs path = a file, folder or glob")
        if self.since and self.kind not in ("feed", "sitemap"):
            raise ValueError(f"source {self.name!r}: since applies to feeds and sitemaps only")
        if self.schedule is not None:
            from prefect.client.schemas.schedules import CronSchedule

            try:
                CronSchedule(cron=self.schedule)
            except ValueError:
                raise ValueError(
                    f"source {self.name!r}: schedule {self.schedule!r} is not a cron expression "
                    "(five fields, e.g. '0 * * * *' for every hour)"
                ) from None
        return self


@dataclass(frozen=True)
class PageRef:
    kind: str  # file | url | warc
    location: str  # absolute path or URL
    source: str  # the source's name
    offset: int = -1  # warc: the record's byte offset in the file
    url: str | None = None  # warc: the record's target URI
    listed: Listed | None = None  # what a feed or sitemap said of this URL
    listed_via: str | None = None  # feed | sitemap
    listed_in: str | None = None  # the feed or sitemap URL
    item: str | None = None  # a local file's or WARC record's identity, for skipping it once stored

    @property
    def key(self) -> tuple[str, str, int]:
        return self.kind, self.location, self.offset

    @property
    def page_url(self) -> str:
        if self.kind == "url":
            return self.location
        if self.kind == "warc":
            return self.url or self.location
        return Path(self.location).as_uri()


@dataclass(frozen=True)
class BadRef:
    location: str
    reason: str
    detail: str


def _is_url(value: str) -> bool:
    return http_url(value) is not None


def _is_warc(path: str) -> bool:
    return path.lower().endswith(WARC_SUFFIXES)


def load_sources_file(path: Path) -> list[Source]:
    """Parse and validate a TOML sources file; InputError with one line on any mistake."""
    if not path.is_file():
        raise InputError(f"no such sources file: {str(path)!r}")
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as exc:
        raise InputError(f"{path}: not valid TOML ({exc})") from exc
    table = data.get("sources")
    if not isinstance(table, dict) or not table:
        raise InputError(f"{path}: no [sources.NAME] tables found")
    sources = []
    for name, options in table.items():
        if not isinstance(options, dict):
            raise InputError(f"{path}: sources.{name} must be a table")
        options = dict(options)
        if options.get("path") and not Path(options["path"]).is_absolute():
            options["path"] = str(path.parent / options["path"])
        try:
            sources.append(Source(name=name, **options))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            message = first["msg"].removeprefix("Value error, ")
            raise InputError(f"{path}: sources.{name}{'.' + where if where else ''}: {message}") from exc
    check_inputs([s.path for s in sources if s.path])
    return sources


def sources_from_inputs(
    inputs: list[str], feeds: list[str] = (), sitemaps: list[str] = (), since: date | None = None
) -> list[Source]:
    """Command-line inputs as sources: files and folders, URL lists, WARC files, URLs, feeds and sitemaps."""
    check_inputs(inputs)
    sources: list[Source] = []
    urls = [i for i in inputs if _is_url(i)]
    if urls:
        sources.append(Source(name="urls", kind="urls", urls=tuple(urls)))
    for item in inputs:
        if _is_url(item):
            continue
        if _is_warc(item):
            sources.append(Source(name="warc", kind="warc", path=item))
        elif Path(item).suffix.lower() in URL_LIST_SUFFIXES:
            sources.append(Source(name="urls", kind="urls", path=item))
        else:
            sources.append(Source(name="files", kind="files", path=item))
    for url in feeds:
        sources.append(Source(name="feed", kind="feed", url=url, since=since))
    for url in sitemaps:
        sources.append(Source(name="sitemap", kind="sitemap", url=url, since=since))
    return sources


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


def paths(pattern: str) -> list[Path]:
    if glob.has_magic(pattern):
        return [Path(p) for p in sorted(glob.glob(pattern, recursive=True))]
    return [Path(pattern)]


def _html_files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.rglob("*") if p.is_file() and p.suffix.lower() in HTML_SUFFIXES)


def _url_list(path: Path, source: str, bad: list[BadRef]) -> Iterator[PageRef]:
    """A URL list, a line at a time; lines that are no http(s) URL go to `bad`."""
    with path.open(encoding="utf-8", errors="replace") as lines:
        for number, line in enumerate(lines, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            if _is_url(line):
                yield PageRef("url", line, source)
            else:
                bad.append(BadRef(line, "bad_url", f"{path.name} line {number}: not an http(s) URL"))


def iter_local_refs(source: Source, bad: list[BadRef]) -> Iterator[PageRef]:
    """Page references of a `files` or `urls` source (no network), lazily; bad ones go to `bad` as met."""
    for url in source.urls:
        yield PageRef("url", url, source.name)
    for path in paths(source.path) if source.path else []:
        if source.kind == "urls":
            yield from _url_list(path, source.name, bad)
        elif path.is_dir():
            yield from (_file_ref(p, source.name) for p in _html_files(path))
        else:
            yield _file_ref(path, source.name)


def local_refs(source: Source) -> tuple[list[PageRef], list[BadRef]]:
    """Page references of a `files` or `urls` source, as lists."""
    bad: list[BadRef] = []
    return list(iter_local_refs(source, bad)), bad


def _file_ref(path: Path, source: str) -> PageRef:
    """A file's identity is its path, size and modification time: an edited file is read again."""
    resolved = path.resolve()
    try:
        stat = resolved.stat()
        item = f"file:{resolved}:{stat.st_size}:{stat.st_mtime_ns}"
    except OSError:
        item = None  # reading it will fail, and say why
    return PageRef("file", str(resolved), source, item=item)
