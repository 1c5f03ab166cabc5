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

import fnmatch
import glob
import os
import stat
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
    """Raise InputError for an input that is neither a URL, an existing path nor a matching glob. A glob is
    walked only until its first match, never following links, so a link cycle cannot hang the check."""
    for item in inputs:
        if _is_url(item) or Path(item).exists():
            continue
        if glob.has_magic(item):
            if next(iter(walk(item, follow_symlinks=False, bad=[])), None) is None:
                raise InputError(f"no file matches {printable(item)!r}: check the pattern")
            continue
        raise InputError(
            f"no such file or directory: {printable(item)!r} (give HTML files, folders, URL lists or URLs)"
        )


def printable(text: str) -> str:
    """A path as valid UTF-8 text, for rows and messages: bytes of a file name that are not UTF-8 (which
    Python carries as lone surrogates) are shown as \\xNN. Valid text is returned as it is."""
    try:
        text.encode("utf-8")
        return text
    except UnicodeEncodeError:
        try:
            raw = text.encode("utf-8", "surrogateescape")
        except UnicodeEncodeError:
            raw = text.encode("utf-8", "surrogatepass")
        return raw.decode("utf-8", "backslashreplace")


def file_uri(path: Path) -> str:
    """A file's URI (`file:///...`, non-UTF-8 bytes of its name percent-encoded), for rows."""
    return Path(os.path.abspath(path)).as_uri()


def paths(pattern: str, bad: list[BadRef] | None = None, follow_symlinks: bool = False) -> Iterator[Path]:
    """The paths a file name or glob gives, lazily (see `walk`)."""
    return walk(pattern, follow_symlinks=follow_symlinks, bad=[] if bad is None else bad)


def _root_of(pattern: str) -> tuple[Path, list[str]]:
    """A glob's fixed leading folder, and the parts after it."""
    parts = Path(pattern).parts
    fixed = next((i for i, part in enumerate(parts) if glob.has_magic(part)), len(parts))
    return Path(*parts[:fixed]) if fixed else Path("."), list(parts[fixed:])


class _Walk:
    """Walks folders and globs without leaving the input root (the folder, or the glob's fixed leading
    folder): a symbolic link whose target is outside it is not followed but reported (`symlink_outside`),
    unless `follow_symlinks`. Each directory is entered once (by device and inode), so link cycles end; what
    is not a regular file (a FIFO, a device, a socket) is reported (`not_a_file`) instead of read."""

    def __init__(self, root: Path, follow_symlinks: bool, bad: list[BadRef]):
        self.root = Path(os.path.realpath(root))
        self.follow, self.bad, self.entered = follow_symlinks, bad, set()

    def allowed(self, path: Path) -> bool:
        """Whether a path found by walking may be used: it is no link, or its target is in the root (or
        links may be followed). A link out of the root is reported."""
        if not path.is_symlink() or self.follow:
            return True
        target = Path(os.path.realpath(path))
        if target == self.root or self.root in target.parents:
            return True
        self.bad.append(
            BadRef(
                printable(path.as_uri()),
                "symlink_outside",
                f"{printable(str(path))} links outside the input folder {printable(str(self.root))}: not read "
                "(--follow-symlinks reads it)",
            )
        )
        return False

    def listing(self, folder: Path, once: bool) -> list[os.DirEntry] | None:
        """A directory's entries, sorted by name. With `once`, a directory entered before (by device and
        inode: a cycle, or a second link to it) gives None: the walks that can go deeper without end use it."""
        try:
            if once:
                info = folder.stat()
                if (info.st_dev, info.st_ino) in self.entered:
                    return None
                self.entered.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as entries:
                return sorted(entries, key=lambda e: e.name)
        except OSError as exc:
            self.bad.append(BadRef(printable(str(folder)), "unreadable", f"folder: {exc.strerror or exc}"))
            return []

    def is_file(self, path: Path) -> bool:
        """A regular file (links followed); other kinds, and links to nothing, are reported."""
        where = printable(str(path))
        try:
            mode = path.stat().st_mode
        except OSError as exc:
            self.bad.append(BadRef(file_uri(path), "unreadable", f"{where}: {exc.strerror or exc}"))
            return False
        if stat.S_ISREG(mode):
            return True
        if not stat.S_ISDIR(mode):
            self.bad.append(BadRef(file_uri(path), "not_a_file", f"{where}: not a regular file (FIFO, device, socket)"))
        return False

    def html_files(self, folder: Path) -> Iterator[Path]:
        """HTML files under a folder, recursively."""
        for entry in self.listing(folder, once=True) or []:
            path = folder / entry.name
            if not self.allowed(path):
                continue
            if entry.is_dir():
                yield from self.html_files(path)
            elif path.suffix.lower() in HTML_SUFFIXES and self.is_file(path):
                yield path

    def match(self, folder: Path, parts: list[str]) -> Iterator[Path]:
        """Paths under `folder` that match the glob parts (`**`: any number of folders, each entered once)."""
        if not parts:
            yield folder
            return
        head, rest = parts[0], parts[1:]
        if head == "**":
            entries = self.listing(folder, once=True)
            if entries is None:  # entered before, through another link: matched there
                return
            yield from self.match(folder, rest)
            for entry in entries:
                path = folder / entry.name
                if entry.name[0] != "." and entry.is_dir() and self.allowed(path):
                    yield from self.match(path, parts)
        elif glob.has_magic(head):
            for entry in self.listing(folder, once=False) or []:  # one part of the pattern: no deeper than it
                if not fnmatch.fnmatchcase(entry.name, head) or (entry.name[0] == "." and head[0] != "."):
                    continue
                path = folder / entry.name
                if (not rest or entry.is_dir()) and self.allowed(path):
                    yield from self.match(path, rest)
        elif os.path.lexists(folder / head) and self.allowed(folder / head):
            yield from self.match(folder / head, rest)


def walk(pattern: str, *, follow_symlinks: bool, bad: list[BadRef]) -> Iterator[Path]:
    """The paths a file name, folder name or glob names, lazily. A glob is matched by walking from its fixed
    leading folder (see `_Walk`: no link out of it unless `follow_symlinks`, no cycle, no FIFO)."""
    if not glob.has_magic(pattern):
        yield Path(pattern)
        return
    root, parts = _root_of(pattern)
    walker = _Walk(root, follow_symlinks, bad)
    for path in walker.match(root, parts):
        if path.is_dir() or walker.is_file(path):
            yield path


def html_files(folder: Path, *, follow_symlinks: bool, bad: list[BadRef]) -> Iterator[Path]:
    """HTML files under a folder, recursively, lazily, without leaving it (see `_Walk`)."""
    return _Walk(folder, follow_symlinks, bad).html_files(folder)


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


def iter_local_refs(source: Source, bad: list[BadRef], follow_symlinks: bool = False) -> Iterator[PageRef]:
    """Page references of a `files` or `urls` source (no network), lazily; bad ones go to `bad` as met."""
    for url in source.urls:
        yield PageRef("url", url, source.name)
    for path in paths(source.path, bad, follow_symlinks) if source.path else []:
        if source.kind == "urls":
            yield from _url_list(path, source.name, bad)
        elif path.is_dir():
            yield from (_file_ref(p, source.name) for p in html_files(path, follow_symlinks=follow_symlinks, bad=bad))
        else:
            yield _file_ref(path, source.name)


def local_refs(source: Source, follow_symlinks: bool = False) -> tuple[list[PageRef], list[BadRef]]:
    """Page references of a `files` or `urls` source, as lists."""
    bad: list[BadRef] = []
    return list(iter_local_refs(source, bad, follow_symlinks)), bad


def _file_ref(path: Path, source: str) -> PageRef:
    """A file's identity is its path, size and modification time: an edited file is read again."""
    resolved = path.resolve()
    try:
        info = resolved.stat()
        item = f"file:{printable(str(resolved))}:{info.st_size}:{info.st_mtime_ns}"
    except OSError:
        item = None  # reading it will fail, and say why
    return PageRef("file", str(resolved), source, item=item)
