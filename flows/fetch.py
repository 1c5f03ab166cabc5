"""Getting page bytes: local files, or a plain HTTP GET with a timeout. The only network code of the flow."""

from datetime import UTC, datetime
from pathlib import Path

import httpx

from flows.sources import PageRef
from transforms.extract import Failure
from transforms.text import sha256_hex, short_id

HTML_TYPES = ("text/html", "application/xhtml+xml")


def page_row(
    ref: PageRef,
    body: bytes,
    *,
    final_url: str,
    run_id: str,
    status: int | None = None,
    headers: httpx.Headers | None = None,
) -> dict:
    fetched_at = datetime.now(UTC)
    body_sha = sha256_hex(body)
    headers = headers or httpx.Headers()
    return {
        "page_id": short_id(final_url, body_sha),
        "url": ref.location if ref.kind == "url" else Path(ref.location).as_uri(),
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
    }


def read_file(ref: PageRef, run_id: str, max_bytes: int) -> dict | Failure:
    path = Path(ref.location)
    uri = path.as_uri()
    try:
        size = path.stat().st_size
        if size > max_bytes:
            return Failure(uri, "fetch", "too_large", f"{size:,} bytes is over the {max_bytes:,}-byte limit")
        body = path.read_bytes()
    except OSError as exc:
        return Failure(uri, "fetch", "unreadable", f"{type(exc).__name__}: {exc.strerror or exc}")
    return page_row(ref, body, final_url=uri, run_id=run_id)


def get_url(client: httpx.Client, ref: PageRef, run_id: str, max_bytes: int) -> dict | Failure:
    def fail(reason: str, detail: str) -> Failure:
        return Failure(ref.location, "fetch", reason, detail)

    try:
        with client.stream("GET", ref.location) as response:
            if response.status_code >= 400:
                return fail(f"http_{response.status_code}", f"HTTP {response.status_code} {response.reason_phrase}")
            content_type = response.headers.get("content-type", "")
            if content_type and not content_type.lower().startswith(HTML_TYPES):
                return fail("not_html", f"content type {content_type.split(';')[0]!r} is not HTML")
            chunks, size = [], 0
            for chunk in response.iter_bytes():
                size += len(chunk)
                if size > max_bytes:
                    return fail("too_large", f"body over the {max_bytes:,}-byte limit")
                chunks.append(chunk)
            body = b"".join(chunks)
            final_url = str(response.url)
            return page_row(
                ref, body, final_url=final_url, run_id=run_id, status=response.status_code, headers=response.headers
            )
    except httpx.TimeoutException as exc:
        return fail("timeout", f"{type(exc).__name__} after the configured timeout")
    except httpx.TooManyRedirects:
        return fail("too_many_redirects", "more than 5 redirects")
    except httpx.HTTPError as exc:
        return fail("connect_error", f"{type(exc).__name__}: {exc}")


def http_client(timeout: float, user_agent: str) -> httpx.Client:
    return httpx.Client(
        timeout=httpx.Timeout(timeout),
        follow_redirects=True,
        max_redirects=5,
        headers={"User-Agent": user_agent, "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5"},
    )
