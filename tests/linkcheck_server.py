"""A misbehaving HTTP server on 127.0.0.1 for the link-check tests.

Each route imitates something real sites do. The server counts requests and bytes sent per
path and the most requests it had in flight at once, so the tests can assert that a URL was
fetched once, that a 50 MB body was not downloaded and that the per-host limit held.
"""

from __future__ import annotations

import socket
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import unquote, urlsplit

BIG_BODY = 50 * 1024 * 1024
ROBOT_MARKERS = ("python", "aiohttp", "curl", "wget", "bot", "spider", "crawl", "httpx")
KOREAN_PATH = "/문서/한글-경로"

FRAGMENT_PAGE = """<!doctype html>
<html><head><meta charset="utf-8"><title>fragments</title></head><body>
<h2 id="present">Present</h2>
<a name="legacy-name"></a>
<div class="markdown-heading"><h2 class="heading-element">HTTP와 HTTPS</h2>
<a id="user-content-http와-https" class="anchor" href="#http와-https">link</a></div>
<script type="application/json" data-target="react-app.embeddedData">
{"payload":{"blob":{"richText":
"\\u003ch2 id=\\"user-content-json-heading\\"\\u003eJSON\\u003c/h2\\u003e"}}}
</script>
</body></html>
"""


class FixtureServer(ThreadingHTTPServer):
    """Threaded server; :meth:`stop` also releases handlers that are holding a request."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, port: int = 0) -> None:
        super().__init__(("127.0.0.1", port), _Handler)
        self.stopping = threading.Event()
        self.lock = threading.Lock()
        self.hits: Counter[str] = Counter()
        self.bytes_sent: Counter[str] = Counter()
        #: Requests being answered now and the most at once, by first path segment ("/slow").
        self.in_flight: Counter[str] = Counter()
        self.max_in_flight: Counter[str] = Counter()
        self.user_agents: list[str] = []
        self._thread = threading.Thread(target=self.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        """``http://127.0.0.1:PORT`` (no ``:80`` on port 80, for linkcheckmd's URL pattern)."""
        port = self.server_address[1]
        return "http://127.0.0.1" if port == 80 else f"http://127.0.0.1:{port}"

    def start(self) -> FixtureServer:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        self.shutdown()
        self.server_close()
        self._thread.join(timeout=5)

    def reset(self) -> None:
        """Forget the counters (the 'once' routes fail once again)."""
        with self.lock:
            self.hits.clear()
            self.bytes_sent.clear()
            self.max_in_flight.clear()
            self.user_agents.clear()


def closed_port() -> int:
    """A port on 127.0.0.1 that nothing listens on (connections are refused)."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class _Handler(BaseHTTPRequestHandler):
    server: FixtureServer
    protocol_version = "HTTP/1.0"

    def log_message(self, format: str, *args: object) -> None:
        """Keep test output quiet."""

    def do_HEAD(self) -> None:
        path = unquote(urlsplit(self.path).path)
        if path == "/head-405":
            self._send(405, b"")
        else:
            self._send(200, b"")

    def do_GET(self) -> None:
        path = unquote(urlsplit(self.path).path)
        server = self.server
        self._group: str | None = "/" + path.split("/")[1]
        with server.lock:
            count = server.hits[path] = server.hits[path] + 1
            server.in_flight[self._group] += 1
            peak = max(server.max_in_flight[self._group], server.in_flight[self._group])
            server.max_in_flight[self._group] = peak
            server.user_agents.append(self.headers.get("User-Agent", ""))
        try:
            self._route(path, count)
        except (BrokenPipeError, ConnectionResetError):
            pass
        finally:
            self._answered()

    def send_response(self, code: int, message: str | None = None) -> None:
        """A request stops counting as in flight before the client can see the answer."""
        self._answered()
        super().send_response(code, message)

    def _answered(self) -> None:
        group = getattr(self, "_group", None)
        if group is not None:
            self._group = None
            with self.server.lock:
                self.server.in_flight[group] -= 1

    def _route(self, path: str, count: int) -> None:
        if path in ("/ok", "/dup", "/head-405", KOREAN_PATH) or path.startswith("/ok/"):
            self._send(200, b"<!doctype html><title>ok</title><p>ok</p>")
        elif path.startswith("/slow"):
            time.sleep(0.3)
            self._send(200, b"<p>slow</p>")
        elif path == "/page.html":
            self._send(200, FRAGMENT_PAGE.encode())
        elif path == "/204":
            self._send(204, b"")
        elif path in ("/404", "/410", "/500"):
            self._send(int(path[1:]), b"error")
        elif path == "/503-once":
            self._send(503 if count == 1 else 200, b"")
        elif path == "/429-once":
            headers = {"Retry-After": "1"} if count == 1 else {}
            self._send(429 if count == 1 else 200, b"", headers)
        elif path == "/429-long":
            self._send(429, b"", {"Retry-After": "3600"})
        elif path == "/forbidden":
            self._send(403, b"forbidden")
        elif path == "/robots-403":
            agent = self.headers.get("User-Agent", "").lower()
            robot = not agent or any(marker in agent for marker in ROBOT_MARKERS)
            self._send(403 if robot else 200, b"")
        elif path == "/301":
            self._redirect(301, "/ok")
        elif path == "/302":
            self._redirect(302, "/ok")
        elif path == "/chain/1":
            self._redirect(301, "/chain/2")
        elif path == "/chain/2":
            self._redirect(308, "/chain/3")
        elif path == "/chain/3":
            self._redirect(302, "/ok")
        elif path == "/loop/a":
            self._redirect(302, "/loop/b")
        elif path == "/loop/b":
            self._redirect(302, "/loop/a")
        elif path == "/never":
            self.server.stopping.wait(60)
        elif path.startswith("/drip"):
            self._drip()
        elif path.startswith("/big"):
            self._big()
        else:
            self._send(404, b"no such fixture route")

    def _send(self, status: int, body: bytes, headers: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        if status != 204:
            self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if body and self.command != "HEAD":
            self.wfile.write(body)
            self._count(len(body))

    def _redirect(self, status: int, location: str) -> None:
        self._send(status, b"", {"Location": location})

    def _count(self, size: int) -> None:
        with self.server.lock:
            self.server.bytes_sent[unquote(urlsplit(self.path).path)] += size

    def _drip(self) -> None:
        """An id early in the body, then one byte every 0.2 s for up to 30 s."""
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.end_headers()
        first = b'<!doctype html><h1 id="early">early</h1>'
        self.wfile.write(first)
        self.wfile.flush()
        self._count(len(first))
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline and not self.server.stopping.wait(0.2):
            self.wfile.write(b" ")
            self.wfile.flush()
            self._count(1)

    def _big(self) -> None:
        """50 MB of HTML, written in 64 KiB pieces through a small send buffer."""
        self.connection.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 64 * 1024)
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(BIG_BODY))
        self.end_headers()
        piece = b"<p>filler</p>\n" * (64 * 1024 // 14)
        sent = 0
        while sent < BIG_BODY and not self.server.stopping.is_set():
            chunk = piece[: BIG_BODY - sent]
            self.wfile.write(chunk)
            sent += len(chunk)
            self._count(len(chunk))
