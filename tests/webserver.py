"""A real HTTP server on 127.0.0.1 with injectable faults, and its own request log.

Each path answers with a `Route`, or with a list of Routes taken in turn (the last repeats). The log records
every request with its start and end time, so tests measure politeness from the server's side.
"""

import gzip
import itertools
import socket
import struct
import threading
import time
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Route:
    body: bytes = b""
    status: int = 200
    content_type: str | None = "text/html; charset=utf-8"
    delay: float = 0.0  # before the status line
    headers: dict = field(default_factory=dict)  # an ETag here makes a matching If-None-Match get a 304
    fault: str | None = None  # reset | truncate | drip | no_length
    gzip: bool = False  # send the body gzip-compressed with Content-Encoding: gzip
    raw_body: bytes | None = None  # sent as is (e.g. a pre-made gzip bomb), with the headers given


@dataclass
class Hit:
    path: str
    port: int
    start: float
    end: float = 0.0
    headers: dict = field(default_factory=dict)


class FaultServer:
    def __init__(self):
        self.routes: dict[str, Route | list[Route]] = {}
        self.log: list[Hit] = []
        self._lock = threading.Lock()
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_GET(self):
                hit = Hit(self.path, self.server.server_address[1], time.monotonic(), headers=dict(self.headers))
                with server._lock:
                    server.log.append(hit)
                try:
                    server._answer(self, server._route(self.path))
                finally:
                    hit.end = time.monotonic()

            def log_message(self, *args):
                pass

        class Server(ThreadingHTTPServer):
            def handle_error(self, request, client_address):
                pass  # a client that hung up on a fault we injected is expected, not news

        self._server = Server(("127.0.0.1", 0), Handler)
        self._server.daemon_threads = True
        self._thread = threading.Thread(target=self._server.serve_forever, daemon=True)
        self._thread.start()
        self.base = f"http://127.0.0.1:{self._server.server_address[1]}"

    def _route(self, path: str) -> Route | None:
        with self._lock:
            route = self.routes.get(path) or self.routes.get(path.split("?")[0])  # like a site ignoring utm_*
            if isinstance(route, list):
                return route.pop(0) if len(route) > 1 else route[0]
            return route

    @staticmethod
    def _answer(handler: BaseHTTPRequestHandler, route: Route | None) -> None:
        if route is None:
            route = Route(b"not found", status=404, content_type="text/plain")
        if route.delay:
            time.sleep(route.delay)
        etag = route.headers.get("ETag")
        if etag and handler.headers.get("If-None-Match") == etag:
            route = Route(b"", status=304, content_type=None, headers={"ETag": etag})
        body = route.raw_body if route.raw_body is not None else route.body
        if route.gzip and route.raw_body is None:
            body = gzip.compress(body)
        handler.send_response(route.status)
        if route.content_type:
            handler.send_header("Content-Type", route.content_type)
        if route.gzip:
            handler.send_header("Content-Encoding", "gzip")
        if route.fault == "no_length":
            handler.send_header("Connection", "close")
        else:
            handler.send_header("Content-Length", str(len(body)))
        for k, v in route.headers.items():
            handler.send_header(k, v)
        handler.end_headers()
        if route.fault in ("reset", "truncate"):
            handler.wfile.write(body[: len(body) // 2])
            handler.wfile.flush()
            if route.fault == "reset":  # RST instead of FIN
                handler.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
            handler.close_connection = True
            handler.connection.close()
            return
        if route.fault == "drip":
            for i in range(0, len(body), 64):
                handler.wfile.write(body[i : i + 64])
                handler.wfile.flush()
                time.sleep(0.2)
            return
        handler.wfile.write(body)
        if route.fault == "no_length":
            handler.close_connection = True

    def hits(self, path: str) -> list[Hit]:
        with self._lock:
            return [h for h in self.log if h.path == path]

    def close(self) -> None:
        self._server.shutdown()
        self._server.server_close()


def max_concurrency(hits: list[Hit]) -> int:
    """The most requests that were being served at once."""
    events = sorted([(h.start, 1) for h in hits] + [(h.end, -1) for h in hits], key=lambda e: (e[0], e[1]))
    current = peak = 0
    for _, step in events:
        current += step
        peak = max(peak, current)
    return peak


def min_gap(hits: list[Hit]) -> float:
    """The shortest time between two request starts."""
    starts = sorted(h.start for h in hits)
    return min((b - a for a, b in itertools.pairwise(starts)), default=float("inf"))
