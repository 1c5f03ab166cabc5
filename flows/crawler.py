"""The HTTP fetcher: polite to every host, bounded in time and size, and accountable for every request.

Politeness and robustness live here, in process (Prefect's concurrency limits cost a server round trip per
call):
- a global limit on requests in flight, and per host at most `per_host` at once with at least
  `host_interval` seconds between request starts (robots.txt's Crawl-delay raises it, up to a cap);
- robots.txt fetched once per host per run and obeyed (RFC 9309: 4xx means no rules, 5xx or no answer
  means stay away);
- retries with exponential backoff and jitter on connect errors, timeouts, broken connections, 408, 429 and
  5xx; Retry-After honoured (capped), and a wait applies to the whole host, not just one URL;
- a host that keeps failing is parked for the rest of the run: its remaining URLs become failure rows;
- connect, read and total timeouts per response, and one deadline per URL (`url_timeout`) over all its
  attempts, retry waits and redirect hops, so a slow server cannot multiply it; the body is streamed and
  aborted past the size cap, and compressed bodies are inflated here with an output cap (a gzip bomb costs
  at most the cap);
- redirects followed by hand, so every hop is checked (scheme, address) and logged;
- only http(s), and hosts that resolve to loopback, private, link-local, multicast or reserved addresses
  are refused unless `allow_private`. A host is resolved once per run, and connections go to the addresses
  that were checked, never to a fresh DNS answer (`PinnedTransport`), so DNS rebinding cannot reach a private
  address; TLS still verifies, and SNI and Host still name, the host of the URL.

Every HTTP request becomes a `fetch_log` row; every URL asked for ends as a `Fetched` or a `Failure`.
"""

import asyncio
import contextlib
import functools
import ipaddress
import os
import random
import re
import signal
import socket
import ssl
import threading
import time
import zlib
from collections import Counter, defaultdict, deque
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from urllib.parse import urlsplit

import httpcore
import httpx
from protego import Protego

from flows.crawlstate import Validators
from transforms.extract import Failure
from transforms.text import short_id
from transforms.urls import http_url

HTML_TYPES = ("text/html", "application/xhtml+xml")
REDIRECTS = {301, 302, 303, 307, 308}
RETRY_STATUSES = {408, 429, 500, 502, 503, 504}
_ASCII_DIGITS = re.compile(r"[0-9]+")


@dataclass(frozen=True)
class Policy:
    user_agent: str
    concurrency: int = 32
    per_host: int = 2
    host_interval: float = 1.0
    connect_timeout: float = 10.0
    read_timeout: float = 20.0
    total_timeout: float = 60.0
    url_timeout: float = 120.0  # one URL: every attempt, retry wait and redirect hop
    max_bytes: int = 3_000_000
    max_redirects: int = 5
    retries: int = 2
    backoff: float = 0.5
    max_retry_after: float = 60.0
    max_crawl_delay: float = 10.0
    park_after: int = 5
    allow_private: bool = False
    respect_robots: bool = True

    @property
    def robots_agent(self) -> str:
        return self.user_agent.split("/")[0].split()[0]


@dataclass(frozen=True)
class Request:
    url: str
    kind: str = "page"  # page | feed | sitemap | robots
    source: str = "urls"
    validators: Validators | None = None
    max_bytes: int | None = None  # overrides the policy's cap (sitemaps may be 50 MB)


@dataclass
class Fetched:
    request: Request
    final_url: str
    status: int  # 200-ish, or 304 when the stored copy is still current
    headers: dict[str, str]
    body: bytes
    fetched_at: datetime

    @property
    def not_modified(self) -> bool:
        return self.status == 304


@dataclass
class HostState:
    interval: float
    next_start: float = 0.0  # when the next request may be scheduled
    last_sent: float = float("-inf")  # when the last request's headers went on the wire
    failures_in_row: int = 0
    parked: str | None = None
    robots: Protego | None = None
    robots_error: str | None = None  # robots.txt unreachable: the host is off limits this run
    robots_done: bool = False
    address_error: str | None = None
    address_done: bool = False
    addresses: list[str] = field(default_factory=list)  # what the name resolved to and was checked: connect here


class _Transient(Exception):
    def __init__(self, reason: str, detail: str, retry_after: float | None = None):
        super().__init__(detail)
        self.reason, self.detail, self.retry_after = reason, detail, retry_after


class _Permanent(Exception):
    def __init__(self, reason: str, detail: str):
        super().__init__(detail)
        self.reason, self.detail = reason, detail


def host_key(url: str) -> str:
    parts = urlsplit(url)
    return f"{(parts.hostname or '').lower()}:{parts.port or (443 if parts.scheme == 'https' else 80)}"


def _retry_after(value: str | None) -> float | None:
    if not value:
        return None
    value = value.strip()
    if _ASCII_DIGITS.fullmatch(value):  # not str.isdigit: it takes '²', which float() refuses
        return float(value)
    try:
        return max(0.0, (parsedate_to_datetime(value) - datetime.now(UTC)).total_seconds())
    except (TypeError, ValueError):
        return None


def _public(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%")[0])
    return not (
        ip.is_private or ip.is_loopback or ip.is_link_local or ip.is_multicast or ip.is_reserved or ip.is_unspecified
    )


async def resolve(host: str, port: int) -> list[str]:
    """The addresses a host name resolves to, in the resolver's order (the one place the crawler asks DNS)."""
    infos = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return list(dict.fromkeys(info[4][0] for info in infos))


class _PinnedBackend(httpcore.AsyncNetworkBackend):
    """httpcore's network backend, but a TCP connection goes to an address the crawler checked for the host
    (`addresses(host, port)`), never to what a new DNS lookup would say. TLS is started by httpcore on the
    stream this returns, with the URL's host as SNI and for certificate checks."""

    def __init__(self, addresses) -> None:
        self._addresses = addresses
        self._inner = httpcore.AnyIOBackend()

    async def connect_tcp(self, host, port, timeout=None, local_address=None, socket_options=None):
        error: Exception | None = None
        for address in await self._addresses(host, port):
            try:
                return await self._inner.connect_tcp(address, port, timeout, local_address, socket_options)
            except (httpcore.ConnectError, httpcore.ConnectTimeout) as exc:  # the next address, as a resolver would
                error = exc
        raise error or httpcore.ConnectError(f"{host}: no address to connect to")

    async def connect_unix_socket(self, path, timeout=None, socket_options=None):
        raise httpcore.ConnectError("unix sockets are not fetched")

    async def sleep(self, seconds: float) -> None:
        await self._inner.sleep(seconds)


@functools.lru_cache(maxsize=4)
def _ssl_context(cert_file: str | None, cert_dir: str | None) -> ssl.SSLContext:
    """httpx's verifying context (certifi, or SSL_CERT_FILE / SSL_CERT_DIR), made once: making one loads the
    CA bundle, ~110 ms, which every batch and every group of sitemaps would otherwise pay."""
    return httpx.create_ssl_context()


class PinnedTransport(httpx.AsyncHTTPTransport):
    """httpx's transport over `_PinnedBackend`: the checked address is the connected address."""

    def __init__(self, addresses, limits: httpx.Limits) -> None:
        super().__init__(limits=limits)
        self._pool = httpcore.AsyncConnectionPool(
            ssl_context=_ssl_context(os.environ.get("SSL_CERT_FILE"), os.environ.get("SSL_CERT_DIR")),
            max_connections=limits.max_connections,
            max_keepalive_connections=limits.max_keepalive_connections,
            keepalive_expiry=limits.keepalive_expiry,
            network_backend=_PinnedBackend(addresses),
        )


@dataclass
class _Budget:
    """One URL's time (`url_timeout`): it starts when its first request is sent (a wait for the host's turn
    before that is politeness, not the URL's), and ends every attempt, retry wait and hop still going."""

    seconds: float
    scope: asyncio.Timeout | None = None
    started: float | None = None

    def start(self) -> None:
        if self.started is None and self.scope is not None:
            self.started = asyncio.get_running_loop().time()
            self.scope.reschedule(self.started + self.seconds)

    def left(self) -> float:
        if self.started is None:
            return self.seconds
        return self.started + self.seconds - asyncio.get_running_loop().time()

    def expired(self) -> bool:
        return self.scope is not None and self.scope.expired()


def run_sync(coro):
    """Run a coroutine from sync code, also when the calling thread already runs an event loop."""
    try:
        asyncio.get_running_loop()
    except RuntimeError:
        return asyncio.run(_woken_by_signals(coro))
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coro).result()


async def _woken_by_signals(coro):
    """Await `coro` in a loop that a signal wakes, whichever thread the kernel hands it to. Ctrl-C comes as a
    process signal; given to another thread (a run has Prefect's, rich's), it only sets a flag, and the main
    thread, asleep in the loop's select() until the next timer, ran asyncio's Ctrl-C handler 20 s later, at the
    stalled page's read timeout (a full suite run: still fetching 60 s after Ctrl-C). The signal module writes
    each signal to a wakeup fd; the loop watches it, so its select() returns and the handler runs at once."""
    if threading.current_thread() is not threading.main_thread():
        return await coro
    loop = asyncio.get_running_loop()
    wake, wakeup = socket.socketpair()
    for end in (wake, wakeup):
        end.setblocking(False)
    previous = signal.set_wakeup_fd(wakeup.fileno(), warn_on_full_buffer=False)
    loop.add_reader(wake.fileno(), _drain, wake)
    try:
        return await coro
    finally:
        loop.remove_reader(wake.fileno())
        signal.set_wakeup_fd(previous)
        wake.close()
        wakeup.close()


def _drain(sock: socket.socket) -> None:
    with contextlib.suppress(OSError):
        while sock.recv(4096):
            pass


@dataclass
class Crawler:
    """One per run: host states (pacing, robots, parking) last across batches; fetch_log rows wait in `log`."""

    policy: Policy
    run_id: str
    hosts: dict[str, HostState] = field(default_factory=dict)
    log: list[dict] = field(default_factory=list)
    counts: Counter = field(default_factory=Counter)
    sends: list[tuple[str, float]] | None = None  # (host, monotonic time) of each request sent, when a list

    def fetch_all(self, requests: list[Request]) -> list[Fetched | Failure]:
        """Fetch every request (results in the same order), politely across hosts."""
        if not requests:
            return []
        return run_sync(self._fetch_all(requests))

    def drain_log(self) -> list[dict]:
        rows, self.log = self.log, []
        return rows

    def _host(self, key: str) -> HostState:
        if key not in self.hosts:
            self.hosts[key] = HostState(self.policy.host_interval)
        return self.hosts[key]

    async def _fetch_all(self, requests: list[Request]) -> list[Fetched | Failure]:
        p = self.policy
        results: list[Fetched | Failure | None] = [None] * len(requests)
        queues: dict[str, deque[int]] = defaultdict(deque)
        for i, request in enumerate(requests):
            queues[host_key(request.url)].append(i)
        # Loop-bound primitives are made per call: each batch runs its own event loop.
        self._slots = asyncio.Semaphore(p.concurrency)
        self._pacing: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._robots_locks: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._address_locks: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        self._send_locks: dict[str, asyncio.Lock] = defaultdict(asyncio.Lock)
        timeout = httpx.Timeout(p.connect_timeout, read=p.read_timeout, write=p.read_timeout, pool=None)
        limits = httpx.Limits(max_connections=p.concurrency * 2, max_keepalive_connections=p.concurrency * 2)
        headers = {
            "User-Agent": p.user_agent,
            "Accept": "text/html,application/xhtml+xml;q=0.9,*/*;q=0.5",
            "Accept-Encoding": "gzip, deflate",
        }
        transport = PinnedTransport(self._connect_to, limits)
        async with httpx.AsyncClient(
            timeout=timeout, headers=headers, follow_redirects=False, transport=transport, trust_env=False
        ) as client:

            async def worker(queue: deque[int]) -> None:
                while queue:
                    i = queue.popleft()
                    try:
                        results[i] = await self._fetch(client, requests[i])
                    except Exception as exc:  # a bug or a parser's surprise costs one URL, not the batch
                        results[i] = Failure(requests[i].url, "fetch", "error", f"{type(exc).__name__}: {exc}")

            await asyncio.gather(*(worker(q) for q in queues.values() for _ in range(min(p.per_host, len(q)))))
        return results  # type: ignore[return-value]

    async def _fetch(self, client: httpx.AsyncClient, request: Request) -> Fetched | Failure:
        p = self.policy
        budget = _Budget(p.url_timeout)
        try:
            async with asyncio.timeout(None) as budget.scope:
                return await self._attempts(client, request, budget)
        except TimeoutError:
            if not budget.expired():
                raise
            self._failed_in_row(self._host(host_key(request.url)), "url_timeout")
            return Failure(
                request.url,
                "fetch",
                "url_timeout",
                f"not fetched within the {p.url_timeout:g} s one URL may take (retries and redirects included)",
            )

    def _failed_in_row(self, hs: HostState, reason: str) -> None:
        hs.failures_in_row += 1
        if hs.failures_in_row >= self.policy.park_after and hs.parked is None:
            hs.parked = f"parked after {hs.failures_in_row} failed URLs in a row (last: {reason})"
            self.counts["hosts_parked"] += 1

    async def _attempts(self, client: httpx.AsyncClient, request: Request, budget: _Budget) -> Fetched | Failure:
        p = self.policy
        hs = self._host(host_key(request.url))
        for attempt in range(1, p.retries + 2):
            try:
                return await self._follow(client, request, attempt, budget)
            except _Permanent as exc:
                if exc.reason not in ("host_parked", "robots_disallowed", "robots_unreachable", "private_address"):
                    hs.failures_in_row = 0  # the host answered
                return Failure(request.url, "fetch", exc.reason, exc.detail)
            except _Transient as exc:
                if attempt > p.retries:
                    self._failed_in_row(hs, exc.reason)
                    return Failure(request.url, "fetch", exc.reason, f"{exc.detail} (after {attempt} attempts)")
                if exc.retry_after is not None and exc.retry_after > p.max_retry_after:
                    return Failure(
                        request.url,
                        "fetch",
                        "rate_limited",
                        f"{exc.detail}; Retry-After {exc.retry_after:.0f} s is over the {p.max_retry_after:.0f} s cap",
                    )
                delay = exc.retry_after
                if delay is None:
                    delay = p.backoff * 2 ** (attempt - 1) * (1 + random.random() * 0.5)
                if delay >= budget.left():  # waiting would only end in the URL's deadline
                    self._failed_in_row(hs, exc.reason)
                    return Failure(
                        request.url,
                        "fetch",
                        exc.reason,
                        f"{exc.detail} (after {attempt} attempts; a retry in {delay:.1f} s would pass the "
                        f"{p.url_timeout:g} s one URL may take)",
                    )
                # The wait applies to the host: the other workers on it hold back too.
                hs.next_start = max(hs.next_start, time.monotonic() + delay)
                self.counts["retries"] += 1
        raise AssertionError("unreachable")

    async def _follow(self, client: httpx.AsyncClient, request: Request, attempt: int, budget: _Budget) -> Fetched:
        p = self.policy
        url, seen = request.url, []
        for hop in range(p.max_redirects + 1):
            if urlsplit(url).scheme not in ("http", "https"):
                raise _Permanent("bad_scheme", f"only http and https are fetched, not {url[:80]!r}")
            if url in seen:
                raise _Permanent("redirect_loop", f"redirects back to {url}")
            seen.append(url)
            key = host_key(url)
            hs = self._host(key)
            if hs.parked:
                raise _Permanent("host_parked", hs.parked)
            await self._check_address(hs, url)
            if request.kind != "robots" and p.respect_robots:
                await self._check_robots(client, key, hs, url)
            status, headers, body = await self._request(client, key, hs, url, request, attempt, hop, budget)
            if status in REDIRECTS and headers.get("location"):
                target = http_url(headers["location"], url)
                if target is None:
                    raise _Permanent("bad_redirect", f"redirect to {headers['location'][:100]!r}: not an http(s) URL")
                url = target
                continue
            if status == 304 and request.validators is not None and hop == 0:
                hs.failures_in_row = 0
                return Fetched(request, url, 304, headers, b"", datetime.now(UTC))
            if status in RETRY_STATUSES:
                retry_after = _retry_after(headers.get("retry-after")) if status in (429, 503) else None
                raise _Transient(f"http_{status}", f"HTTP {status}", retry_after)
            if status >= 300 or status == 204:
                raise _Permanent(f"http_{status}", f"HTTP {status}")
            hs.failures_in_row = 0
            return Fetched(request, url, status, headers, body, datetime.now(UTC))
        raise _Permanent("too_many_redirects", f"more than {p.max_redirects} redirects")

    async def _check_address(self, hs: HostState, url: str) -> None:
        parts = urlsplit(url)
        # One check per host, and the host's other workers wait for it: none may go ahead on a check begun
        # and not yet finished.
        async with self._address_locks[host_key(url)]:
            if not hs.address_done:
                try:
                    addresses = await resolve(parts.hostname, parts.port or (443 if parts.scheme == "https" else 80))
                    if not addresses:
                        raise ValueError("no address")
                    if not self.policy.allow_private and not all(_public(a) for a in addresses):
                        hs.address_error = (
                            f"{parts.hostname} resolves to a non-public address ({', '.join(sorted(addresses))}); "
                            "allow it with --allow-private"
                        )
                    else:
                        hs.addresses = addresses
                except (OSError, UnicodeError, ValueError) as exc:
                    hs.address_error = f"{parts.hostname}: name does not resolve ({exc})"
                hs.address_done = True
        if hs.address_error:
            reason = "private_address" if "non-public" in hs.address_error else "dns_error"
            raise _Permanent(reason, hs.address_error)

    async def _connect_to(self, host: str, port: int) -> list[str]:
        """Where a connection to host:port may go: the addresses checked for it. A host the fetch path has
        not checked (a name spelled differently in the URL) is checked here, the same way."""
        hs = self._host(f"{host.lower()}:{port}")
        if not hs.address_done:
            await self._check_address(hs, f"http://{host}:{port}/" if ":" not in host else f"http://[{host}]:{port}/")
        if hs.address_error:
            reason = "private_address" if "non-public" in hs.address_error else "dns_error"
            raise _Permanent(reason, hs.address_error)
        return hs.addresses

    async def _check_robots(self, client: httpx.AsyncClient, key: str, hs: HostState, url: str) -> None:
        async with self._robots_locks[key]:
            if not hs.robots_done:
                await self._load_robots(client, hs, url)
                hs.robots_done = True
        if hs.robots_error:
            raise _Permanent("robots_unreachable", hs.robots_error)
        if hs.robots is not None and not hs.robots.can_fetch(url, self.policy.robots_agent):
            raise _Permanent("robots_disallowed", f"robots.txt disallows {urlsplit(url).path or '/'}")

    async def _load_robots(self, client: httpx.AsyncClient, hs: HostState, url: str) -> None:
        parts = urlsplit(url)
        robots_url = f"{parts.scheme}://{parts.netloc}/robots.txt"
        result = await self._fetch(client, Request(robots_url, kind="robots", max_bytes=500_000))
        if isinstance(result, Fetched):
            text = result.body.decode("utf-8", errors="replace")
            hs.robots = Protego.parse(text)
            delay = hs.robots.crawl_delay(self.policy.robots_agent)
            if delay:
                hs.interval = max(hs.interval, min(float(delay), self.policy.max_crawl_delay))
                hs.next_start = max(hs.next_start, time.monotonic() + hs.interval)
            self.counts["robots_loaded"] += 1
        elif result.reason.startswith("http_4"):
            hs.robots = None  # RFC 9309: robots.txt "unavailable" means no rules
        else:
            hs.robots_error = f"robots.txt could not be read ({result.reason}): not crawling this host this run"

    async def _acquire(self, key: str, hs: HostState) -> None:
        """Wait for this host's next start time, then take a global slot; the host's clock starts now."""
        while True:
            async with self._pacing[key]:
                wait = hs.next_start - time.monotonic()
                if wait <= 0:
                    await self._slots.acquire()
                    hs.next_start = time.monotonic() + hs.interval
                    return
            await asyncio.sleep(wait)

    async def _space_send(self, key: str, hs: HostState) -> None:
        """Called by httpcore just before a request's headers are written: the host's interval is kept where
        the server sees it. Scheduling (`_acquire`) already spaced the requests, but on a busy event loop the
        time from scheduling to sending varies by tens of milliseconds (measured by bench/fetch.py), which
        would bring two requests closer than the interval; here the rest of the interval, if any, is waited."""
        async with self._send_locks[key]:
            wait = hs.last_sent + hs.interval - time.monotonic()
            if wait > 0:
                await asyncio.sleep(wait)
            hs.last_sent = time.monotonic()
            if self.sends is not None:
                self.sends.append((key, hs.last_sent))

    async def _request(self, client, key, hs, url, request, attempt, hop, budget) -> tuple[int, dict[str, str], bytes]:
        p = self.policy
        await self._acquire(key, hs)
        budget.start()

        async def trace(event: str, info: dict) -> None:
            if event.endswith("send_request_headers.started"):
                await self._space_send(key, hs)

        headers = {}
        if request.validators and hop == 0:
            if request.validators.etag:
                headers["If-None-Match"] = request.validators.etag
            if request.validators.last_modified:
                headers["If-Modified-Since"] = request.validators.last_modified
        started, t0 = datetime.now(UTC), time.perf_counter()
        status, size, error = None, 0, None
        try:
            async with asyncio.timeout(p.total_timeout):
                async with client.stream("GET", url, headers=headers, extensions={"trace": trace}) as response:
                    status = response.status_code
                    got = {k.lower(): v for k, v in response.headers.items()}
                    if status >= 400:
                        error = f"http_{status}"
                    if status >= 300 or status == 204:
                        return status, got, b""
                    if request.kind == "page":
                        content_type = got.get("content-type", "")
                        if content_type and not content_type.lower().startswith(HTML_TYPES):
                            raise _Permanent("not_html", f"content type {content_type.split(';')[0]!r} is not HTML")
                    body = await self._read_body(response, got, request.max_bytes or p.max_bytes)
                    size = len(body)
                    return status, got, body
        except (_Permanent, _Transient) as exc:
            error = exc.reason
            raise
        except asyncio.CancelledError:
            error = "url_timeout" if budget.expired() else "cancelled"
            raise
        except TimeoutError as exc:
            error = "total_timeout"
            raise _Transient(error, f"no complete response within {p.total_timeout:g} s") from exc
        except httpx.ConnectTimeout as exc:
            error = "connect_timeout"
            raise _Transient(error, f"no connection within {p.connect_timeout:g} s") from exc
        except httpx.TimeoutException as exc:
            error = "read_timeout"
            raise _Transient(error, f"no data for {p.read_timeout:g} s") from exc
        except httpx.ConnectError as exc:
            error = "connect_error"
            raise _Transient(error, f"cannot connect: {exc}") from exc
        except httpx.RemoteProtocolError as exc:
            if "location header" in str(exc):  # httpx parses Location even when not following redirects
                error = "bad_redirect"
                raise _Permanent(error, f"redirect to a malformed URL: {exc}") from exc
            error = "connection_broken"
            raise _Transient(error, f"connection broken mid-response: {type(exc).__name__}: {exc}") from exc
        except httpx.ReadError as exc:
            error = "connection_broken"
            raise _Transient(error, f"connection broken mid-response: {type(exc).__name__}: {exc}") from exc
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            error = "bad_url"
            raise _Permanent(error, str(exc)) from exc
        except httpx.HTTPError as exc:
            error = "http_error"
            raise _Transient(error, f"{type(exc).__name__}: {exc}") from exc
        finally:
            self._slots.release()
            self.log.append(
                {
                    "attempt_id": short_id(self.run_id, url, str(attempt), str(hop), started.isoformat()),
                    "run_id": self.run_id,
                    "url": url,
                    "host": key,
                    "kind": request.kind,
                    "source": request.source,
                    "attempt": attempt,
                    "hop": hop,
                    "started_at": started,
                    "day": started.date(),
                    "status": status,
                    "bytes": size,
                    "elapsed_ms": round((time.perf_counter() - t0) * 1000, 2),
                    "error": error,
                }
            )
            self.counts["requests"] += 1

    async def _read_body(self, response: httpx.Response, headers: dict[str, str], cap: int) -> bytes:
        declared = headers.get("content-length", "")
        if _ASCII_DIGITS.fullmatch(declared) and int(declared) > cap:
            raise _Permanent("too_large", f"Content-Length {int(declared):,} is over the {cap:,}-byte limit")
        encoding = headers.get("content-encoding", "identity").lower().strip()
        if encoding in ("gzip", "x-gzip", "deflate"):
            inflater = zlib.decompressobj(wbits=47)  # gzip or zlib, by header
        elif encoding in ("identity", ""):
            inflater = None
        else:
            raise _Permanent("unsupported_encoding", f"Content-Encoding {encoding!r} was not asked for")
        chunks, raw, size = [], 0, 0
        async for chunk in response.aiter_raw():
            raw += len(chunk)
            if raw > cap:
                raise _Permanent("too_large", f"body over the {cap:,}-byte limit")
            if inflater is not None:
                try:
                    chunk = inflater.decompress(chunk, cap - size + 1)
                except zlib.error as exc:
                    raise _Permanent("bad_encoding", f"{encoding} body is corrupt: {exc}") from exc
                if inflater.unconsumed_tail:
                    raise _Permanent("too_large", f"{encoding} body inflates past the {cap:,}-byte limit")
            size += len(chunk)
            if size > cap:
                raise _Permanent("too_large", f"body over the {cap:,}-byte limit")
            chunks.append(chunk)
        if inflater is not None:
            tail = inflater.flush()
            if size + len(tail) > cap:
                raise _Permanent("too_large", f"{encoding} body inflates past the {cap:,}-byte limit")
            chunks.append(tail)
        return b"".join(chunks)
