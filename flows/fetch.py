"""References -> page rows: local files, WARC records, and HTTP through the crawler."""

import os
import stat
from collections import Counter
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path

from flows import warc
from flows.crawler import Crawler, Fetched, Request
from flows.crawlstate import CrawlState, Visit
from flows.sources import PageRef
from transforms.extract import Failure
from transforms.text import sha256_hex, short_id


@dataclass
class Fetch:
    """What fetching one batch of references gave."""

    pages: list[dict] = field(default_factory=list)
    failures: list[Failure] = field(default_factory=list)
    visits: list[Visit] = field(default_factory=list)  # for the crawl state, once the pages are stored
    items: list[str] = field(default_factory=list)  # local files and WARC records read, likewise
    counts: Counter = field(default_factory=Counter)


def page_row(
    ref: PageRef,
    body: bytes,
    *,
    final_url: str,
    run_id: str,
    fetched_at: datetime | None = None,
    status: int | None = None,
    headers: dict[str, str] | None = None,
) -> dict:
    fetched_at = fetched_at or datetime.now(UTC)
    body_sha = sha256_hex(body)
    headers = {k.lower(): v for k, v in (headers or {}).items()}
    listed = ref.listed
    return {
        "page_id": short_id(final_url, body_sha),
        "url": ref.page_url,
        "final_url": final_url,
        "source": ref.source,
        "fetched_at": fetched_at,
        "day": fetched_at.date(),
        "status": status,
        "content_type": headers.get("content-type"),
        "etag": headers.get("etag"),
        "last_modified": headers.get("last-modified"),
        "body_sha256": body_sha,
        "body_bytes": len(body),
        "body": body,
        "run_id": run_id,
        "listed_title": listed.title if listed else None,
        "listed_published_at": listed.published_at if listed else None,
        "listed_via": ref.listed_via,
        "listed_in": ref.listed_in,
    }


def read_file(ref: PageRef, run_id: str, max_bytes: int) -> dict | Failure:
    """A local file's bytes. Opened without blocking and without following a link at its last step (the
    reference holds the resolved path, so a link there now was put there since), and read only if it is a
    regular file: a FIFO would block the read for ever, a device never end."""
    path = Path(ref.location)
    uri = path.as_uri()
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_NOFOLLOW | getattr(os, "O_CLOEXEC", 0))
    except OSError as exc:
        return Failure(uri, "fetch", "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}")
    with os.fdopen(fd, "rb") as stream:
        try:
            info = os.fstat(fd)
            if not stat.S_ISREG(info.st_mode):
                return Failure(uri, "fetch", "not_a_file", "not a regular file (a FIFO, device or socket): not read")
            if info.st_size > max_bytes:
                return Failure(
                    uri, "fetch", "too_large", f"{info.st_size:,} bytes is over the {max_bytes:,}-byte limit"
                )
            body = stream.read(max_bytes + 1)
        except OSError as exc:
            return Failure(uri, "fetch", "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}")
    if len(body) > max_bytes:
        return Failure(uri, "fetch", "too_large", f"grew past the {max_bytes:,}-byte limit while read")
    return page_row(ref, body, final_url=uri, run_id=run_id)


def read_warc(ref: PageRef, run_id: str, max_bytes: int) -> dict | Failure:
    result = warc.read_record(Path(ref.location), ref.offset, ref.page_url, max_bytes)
    if isinstance(result, Failure):
        return result
    fields, body = result
    return page_row(
        ref,
        body,
        final_url=fields["final_url"],
        run_id=run_id,
        fetched_at=fields["fetched_at"],
        status=fields["status"],
        headers={
            "content-type": fields["content_type"],
            "etag": fields["etag"],
            "last-modified": fields["last_modified"],
        },
    )


def fetch_refs(
    refs: list[PageRef], *, run_id: str, max_bytes: int, crawler: Crawler | None, state: CrawlState | None
) -> Fetch:
    """Read or download every reference of a batch; each ends as a page, a failure, or 'not modified'."""
    out = Fetch()
    urls = []
    for ref in refs:
        if ref.kind == "url":
            urls.append(ref)
            continue
        try:
            result = read_file(ref, run_id, max_bytes) if ref.kind == "file" else read_warc(ref, run_id, max_bytes)
        except Exception as exc:  # a reader's surprise costs one reference, not the batch and every later one
            result = Failure(ref.page_url, "fetch", "error", f"{type(exc).__name__}: {exc}")
        if isinstance(result, Failure):
            out.failures.append(result)
        else:
            out.pages.append(result)
            if ref.item:
                out.items.append(ref.item)
    if not urls:
        return out
    if crawler is None:
        raise ValueError("URLs to fetch but no crawler")
    requests = [
        Request(ref.location, "page", ref.source, state.validators(ref.location) if state else None) for ref in urls
    ]
    for ref, result in zip(urls, crawler.fetch_all(requests), strict=True):
        if isinstance(result, Failure):
            out.failures.append(result)
            if result.reason in ("http_404", "http_410"):
                out.visits.append(Visit(ref.location, "page", "gone"))
        elif isinstance(result, Fetched) and result.not_modified:
            out.counts["pages_not_modified"] += 1
            out.visits.append(Visit(ref.location, "page", "not_modified"))
        else:
            row = page_row(
                ref,
                result.body,
                final_url=result.final_url,
                run_id=run_id,
                fetched_at=result.fetched_at,
                status=result.status,
                headers=result.headers,
            )
            out.pages.append(row)
            out.visits.append(
                Visit(ref.location, "page", "page", row["etag"], row["last_modified"], row["body_sha256"])
            )
    return out
