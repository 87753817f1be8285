#!/usr/bin/env python3
"""Benchmark: scripts/check_links.py next to plain ``python -m linkcheckmd`` on the same pages.

    sudo python scripts/bench_links.py [--pages 10] [--latency 0.2]

Serves 200 distinct URLs on 20 loopback hosts (127.0.0.2 … 127.0.0.21, port 80, because
linkcheckmd's URL pattern cannot see a URL with a port; binding port 80 needs root), each
answer delayed by ``--latency``. The server counts the requests in flight per host, so the
figures show whether the per-host limit held. Nothing leaves the machine. Not a test: the
numbers depend on the machine; scripts/README.md has the ones measured for this repository.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

SCRIPT = Path(__file__).resolve().parent / "check_links.py"
HOSTS = [f"127.0.0.{n}" for n in range(2, 22)]
URLS_PER_HOST = 10


class _Stats:
    """Requests in flight per host, and the most seen at once."""

    def __init__(self) -> None:
        self.lock = threading.Lock()
        self.in_flight: Counter[str] = Counter()
        self.peak: Counter[str] = Counter()
        self.requests = 0

    def reset(self) -> None:
        with self.lock:
            self.in_flight.clear()
            self.peak.clear()
            self.requests = 0


def _handler(stats: _Stats, latency: float) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.0"

        def log_message(self, format: str, *args: object) -> None:
            """Quiet."""

        def do_GET(self) -> None:
            host = str(self.server.server_address[0])
            with stats.lock:
                stats.requests += 1
                stats.in_flight[host] += 1
                stats.peak[host] = max(stats.peak[host], stats.in_flight[host])
            time.sleep(latency)
            # Answered: the request stops counting before the client can see the answer, so
            # the client's next request to this host can never overlap it in the count.
            with stats.lock:
                stats.in_flight[host] -= 1
            body = b"<!doctype html><title>bench</title><p>ok</p>"
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

    return Handler


def _serve(stats: _Stats, latency: float) -> list[ThreadingHTTPServer]:
    servers = []
    handler = _handler(stats, latency)
    for host in HOSTS:
        server = ThreadingHTTPServer((host, 80), handler)
        server.daemon_threads = True
        threading.Thread(target=server.serve_forever, daemon=True).start()
        servers.append(server)
    return servers


def _write_pages(folder: Path, pages: int) -> list[str]:
    """200 distinct URLs, hosts interleaved, spread over ``pages`` Markdown files."""
    urls = [f"http://{host}/page/{n}" for n in range(URLS_PER_HOST) for host in HOSTS]
    per_page = -(-len(urls) // pages)
    for index in range(pages):
        chunk = urls[index * per_page : (index + 1) * per_page]
        lines = [f"# 벤치마크 {index}", ""] + [
            f"- [링크 {n}]({url})" for n, url in enumerate(chunk)
        ]
        (folder / f"page-{index:02d}.md").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return urls


def _run(name: str, command: list[str], cwd: Path, stats: _Stats, report: Path) -> str:
    """Run one checker and describe it in one table row."""
    stats.reset()
    started = time.monotonic()
    proc = subprocess.run(command, cwd=cwd, capture_output=True, text=True, check=False)
    seconds = time.monotonic() - started
    if command[1] == str(SCRIPT):
        summary = json.loads(report.read_text(encoding="utf-8"))["summary"]
        note = (
            f"{summary['ok']} ok, {summary['broken']} broken; checking itself "
            f"{summary['elapsed_seconds']:.2f} s"
        )
    else:
        lines = (proc.stdout + proc.stderr).strip().splitlines()
        note = f"prints {lines[-1]!r}" if lines else ""
    peak = max(stats.peak.values(), default=0)
    return f"{name:<22} {seconds:>6.2f}s {proc.returncode:>5} {stats.requests:>9} {peak:>9}  {note}"


def main() -> int:
    """Run both checkers once on the same pages and print the figures."""
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument("--pages", type=int, default=10, help="Markdown files (default: 10)")
    parser.add_argument("--latency", type=float, default=0.2, help="seconds (default: 0.2)")
    args = parser.parse_args()

    stats = _Stats()
    try:
        servers = _serve(stats, args.latency)
    except PermissionError:
        print("bench_links.py: binding port 80 needs root", file=sys.stderr)
        return 2
    try:
        with tempfile.TemporaryDirectory() as tmp:
            docs = Path(tmp) / "docs"
            docs.mkdir()
            urls = _write_pages(docs, args.pages)
            report = Path(tmp) / "report.json"
            print(
                f"{len(urls)} distinct URLs on {len(HOSTS)} hosts ({HOSTS[0]} … {HOSTS[-1]}, "
                f"port 80), {args.latency * 1000:.0f} ms latency each, in {args.pages} pages"
            )
            print(f"{'checker':<22} {'wall':>7} {'exit':>5} {'requests':>9} {'max/host':>9}  notes")
            ours = [sys.executable, str(SCRIPT), str(docs), "--json", str(report)]
            theirs = [sys.executable, "-m", "linkcheckmd", str(docs), "-r"]
            print(_run("check_links.py", ours, Path(tmp), stats, report))
            print(_run("python -m linkcheckmd", theirs, Path(tmp), stats, report))
    finally:
        for server in servers:
            server.shutdown()
            server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
