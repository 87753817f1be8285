"""Print the site's performance budget: strict-build time and what a cold page load transfers.

Why: readers open the notes on phones and slow networks, and Mermaid alone is about 1 MB
compressed. This script builds the site, serves it on 127.0.0.1, opens the home page and a diagram
page in a fresh headless Chromium, and adds up every response, gzip-compressed as GitHub Pages
serves it, by kind (HTML, CSS, JS, fonts, images, search index). Time is printed, never asserted;
sizes are checked against the budgets below (exit 1 when over), and any request to a host other
than 127.0.0.1 is a failure.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
HOME_BUDGET_KB = 150  # compressed, search index not counted
PAGES = {"home": "", "diagram page": "network/tcp-handshake/"}


def kind_of(url: str, content_type: str) -> str:
    """Classify a response for the report."""
    path = urlsplit(url).path
    if "search_index" in path or path.endswith("search.json"):
        return "search index"
    if "font" in content_type or path.endswith((".woff", ".woff2", ".ttf", ".otf")):
        return "fonts"
    for kind, marks in {
        "html": ("text/html",),
        "css": ("text/css",),
        "js": ("javascript",),
        "images": ("image/",),
    }.items():
        if any(mark in content_type for mark in marks):
            return kind
    return "other"


def strict_build(dest: Path) -> float:
    """Build with the gate (`--strict`, never -q/-v) and return the seconds it took."""
    start = time.perf_counter()
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
        cwd=ROOT,
        check=True,
        capture_output=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
    )
    return time.perf_counter() - start


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        return


def serve(site: Path) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Serve the built site at the root of a loopback port."""
    handler = functools.partial(_QuietHandler, directory=str(site))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}/"


def cold_load(browser, url: str) -> tuple[dict[str, int], list[str], list[str]]:  # type: ignore[no-untyped-def]
    """Open url in a fresh context; return compressed bytes per kind, foreign and all URLs."""
    context = browser.new_context()
    page = context.new_page()
    sizes: dict[str, int] = defaultdict(int)
    foreign: list[str] = []
    responses = []
    page.on(
        "request",
        lambda r: (
            foreign.append(r.url) if urlsplit(r.url).hostname not in ("127.0.0.1", None) else None
        ),
    )
    page.on("response", lambda response: responses.append(response))
    page.goto(url, wait_until="networkidle")
    page.wait_for_timeout(500)
    for response in responses:
        try:
            body = response.body()
        except Exception:  # redirects and aborted requests have no body
            continue
        kind = kind_of(response.url, response.headers.get("content-type", ""))
        sizes[kind] += len(gzip.compress(body, compresslevel=6))
    context.close()
    return dict(sizes), foreign, [response.url for response in responses]


def main(argv: list[str] | None = None) -> int:
    """Build, measure, print the table, and return 1 if a budget is exceeded."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="measure this built site instead of building one")
    args = parser.parse_args(argv)
    from playwright.sync_api import sync_playwright

    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        site = args.site or Path(tmp) / "site"
        if args.site is None:
            print(f"strict build: {strict_build(site):.1f} s")
        index = site / "search" / "search_index.json"
        if index.is_file():
            raw = index.read_bytes()
            print(
                f"search index: {len(raw) / 1024:.0f} KB raw, "
                f"{len(gzip.compress(raw)) / 1024:.0f} KB gzip (loaded by the search worker)"
            )
        server, base = serve(site)
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(
                    executable_path=CHROMIUM,
                    headless=True,
                    args=["--no-sandbox", "--disable-background-networking", "--disable-gpu"],
                )
                print("\n| page | html | css | js | fonts | images | other | total (no index) |")
                print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
                for name, path in PAGES.items():
                    sizes, foreign, urls = cold_load(browser, base + path)
                    total = sum(v for k, v in sizes.items() if k != "search index")
                    cells = [
                        f"{sizes.get(k, 0) / 1024:.0f} KB"
                        for k in ("html", "css", "js", "fonts", "images", "other")
                    ]
                    print(f"| {name} | {' | '.join(cells)} | {total / 1024:.0f} KB |")
                    if foreign:
                        failures.append(f"{name}: third-party requests {foreign}")
                    if name == "home" and total > HOME_BUDGET_KB * 1024:
                        failures.append(f"home: {total / 1024:.0f} KB > {HOME_BUDGET_KB} KB")
                    if name == "home" and any("mermaid.min.js" in u for u in urls):
                        failures.append("home: loaded Mermaid")
                browser.close()
        finally:
            server.shutdown()
    print("\n(gzip level 6 of every response body, as a static host would compress it)")
    for failure in failures:
        print(f"OVER BUDGET: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
