"""WARC files (CC-NEWS style, .warc or .warc.gz): response records become pages, with no network.

Discovery lists the records (type, target URI, offset) without reading their bodies; the fetch stage
reads one batch of records by offset, so a multi-gigabyte archive streams through in batches.
"""

import zlib
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
    downloaded CC-NEWS file is common), and the break is reported as one more skipped entry, also when it
    falls inside the last record's headers, where the reader itself sees no record at all."""
    records, skipped = [], []
    last = None  # (offset, block length) of the last whole record read, of any type
    cut = False  # the break was reported already
    try:
        with open(path, "rb") as stream:
            for record in ArchiveIterator(stream, parse_http=False):
                if record.record_id:
                    last = (record.stream_pos, record.content_length)
                if not record.record_type & RECORD_TYPES:
                    continue
                uri = (record.headers.get("WARC-Target-URI") or "").strip("<> ")
                if not uri:
                    continue
                if not record.record_id:
                    cut = True
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
    except Exception as exc:  # the reader's errors are not all OSErrors; a break keeps what came before it
        if not records and not skipped:
            raise WarcError(f"{path.name}: not a readable WARC file ({exc})") from exc
        skipped.append((str(path), "warc_unreadable", f"{path.name} breaks off after {len(records)} records: {exc}"))
        return records, skipped
    if last is not None and not cut and (tail := _cut_off_tail(path, *last)):
        skipped.append((str(path), "warc_truncated", tail))
    return records, skipped


def _cut_off_tail(path: Path, offset: int, length: int) -> str | None:
    """Why the bytes after the last whole record are a record cut off, or None when the file ends there."""
    size = path.stat().st_size
    with open(path, "rb") as stream:
        stream.seek(offset)
        if stream.read(2) == b"\x1f\x8b":  # one gzip member per record: find where this one ends
            stream.seek(offset)
            inflater, read = zlib.decompressobj(wbits=31), 0
            while not inflater.eof and (chunk := stream.read(1 << 16)):
                read += len(chunk)
                try:
                    inflater.decompress(chunk)
                except zlib.error:
                    return None  # not ours to judge: the record reader reports a corrupt record
            if not inflater.eof:
                return None  # the last record itself is cut short: read_record reports it (warc_truncated)
            end = offset + read - len(inflater.unused_data)
        else:
            stream.seek(offset)
            head = stream.read(1 << 16)
            header_end = head.find(b"\r\n\r\n")
            if header_end < 0:
                return None
            end = offset + header_end + 4 + length + 4  # headers, block, and the record's closing CRLF CRLF
    if size - end <= 4:  # a missing or extra trailing CRLF pair is no lost record
        return None
    return f"{path.name} ends with {size - end:,} bytes of a record cut off at byte {end:,} (truncated file?)"


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
            if not isinstance(status, int):
                return fail("warc_bad_record", f"{path.name} at byte {offset}: no HTTP status line in the record")
            content_type = record.http_content_type or http.get("Content-Type")
            body = record.reader.read(max_bytes + 1)
            expected = record.content_length  # the payload's length, once the HTTP headers are parsed
    except Exception as exc:  # the reader's errors are not all OSErrors: one record, one failure
        return fail("warc_bad_record", f"{path.name} at byte {offset}: {type(exc).__name__}: {exc}")
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
