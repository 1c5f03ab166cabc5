"""WARC files (CC-NEWS style, .warc or .warc.gz): response records become pages, with no network.

Discovery lists the records (type, target URI, offset) without reading their bodies; the fetch stage
reads one batch of records by offset, so a multi-gigabyte archive streams through in batches.
"""

from datetime import UTC, datetime
from pathlib import Path

from fastwarc import ArchiveIterator, WarcRecordType

from transforms.extract import Failure

RECORD_TYPES = WarcRecordType.response | WarcRecordType.revisit | WarcRecordType.resource


class WarcError(ValueError):
    pass


def index(path: Path) -> tuple[list[tuple[int, str, str]], list[tuple[str, str, str]]]:
    """(offset, target URI, record id) of each response record, and (uri, reason, detail) for records that
    give no page. A file that breaks off midway keeps the records read before the break (a partly
    downloaded CC-NEWS file is common), and the break is reported as one more skipped entry."""
    records, skipped = [], []
    try:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream, record_types=RECORD_TYPES, parse_http=False):
                uri = (record.headers.get("WARC-Target-URI") or "").strip("<> ")
                if not uri:
                    continue
                if not record.record_id:
                    skipped.append(
                        (
                            uri,
                            "warc_bad_record",
                            f"{path.name} at byte {record.stream_pos}: incomplete record header (truncated file?)",
                        )
                    )
                elif record.record_type == WarcRecordType.revisit:
                    refers = record.headers.get("WARC-Refers-To-Date") or record.headers.get("WARC-Date") or "?"
                    skipped.append((uri, "warc_revisit", f"revisit record (payload as captured on {refers}): no body"))
                elif record.record_type == WarcRecordType.resource:
                    skipped.append((uri, "warc_resource", "resource record without HTTP headers: not a web response"))
                else:
                    records.append((record.stream_pos, uri, record.record_id))
    except OSError as exc:
        if not records and not skipped:
            raise WarcError(f"{path.name}: not a readable WARC file ({exc})") from exc
        skipped.append((str(path), "warc_unreadable", f"{path.name} breaks off after {len(records)} records: {exc}"))
    return records, skipped


def read_record(path: Path, offset: int, uri: str, max_bytes: int) -> tuple[dict, bytes] | Failure:
    """The HTTP response stored at `offset`: (fields for a pages row, body), or a Failure."""

    def fail(reason: str, detail: str) -> Failure:
        return Failure(uri, "fetch", reason, detail)

    try:
        with open(path, "rb") as stream:
            stream.seek(offset)
            record = next(iter(ArchiveIterator(stream, record_types=WarcRecordType.response)), None)
            if record is None or not record.is_http:
                return fail("warc_bad_record", f"{path.name} at byte {offset}: no HTTP response record")
            http = record.http_headers
            status = http.status_code
            content_type = record.http_content_type or http.get("Content-Type")
            body = record.reader.read(max_bytes + 1)
            expected = record.content_length  # the payload's length, once the HTTP headers are parsed
    except OSError as exc:
        return fail("warc_bad_record", f"{path.name} at byte {offset}: {exc}")
    if len(body) > max_bytes:
        return fail("too_large", f"body over the {max_bytes:,}-byte limit")
    if len(body) < expected:
        return fail("warc_truncated", f"{path.name} at byte {offset}: {len(body):,} of {expected:,} payload bytes")
    if status >= 400:
        return fail(f"http_{status}", f"HTTP {status} in the archive")
    if 300 <= status < 400:
        return fail(f"http_{status}", f"HTTP {status} redirect captured in the archive")
    if content_type and not content_type.lower().startswith(("text/html", "application/xhtml+xml")):
        return fail("not_html", f"content type {content_type!r} is not HTML")
    captured = record.record_date or datetime.now(UTC)
    fields = {
        "final_url": uri,
        "status": status,
        "content_type": http.get("Content-Type"),
        "etag": http.get("ETag"),
        "last_modified": http.get("Last-Modified"),
        "fetched_at": captured.astimezone(UTC),
    }
    return fields, body
