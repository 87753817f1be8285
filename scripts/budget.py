"""Print the site's performance budget beside stock Material's, and fail when a budget is broken.

Why: readers open the notes on phones and slow networks. A figure means little alone, so every
figure is printed next to the same pages built with stock Material for MkDocs
(scripts/stock_site.py: the project's pages and Markdown extensions, none of its additions).

What it does, all on 127.0.0.1 and offline:

1. builds the site with the gate (`mkdocs build --strict`, never -q/-v) unless `--site DIR` is
   given, and builds the stock baseline unless `--stock DIR` is given (the test suite passes
   the one its search test built);
2. serves each build under the site's base path (/interview-notes/) with gzip level 6 for text,
   as GitHub Pages serves it;
3. opens EVERY page cold (a fresh browser context, Debian Chromium via Playwright) and adds up
   the bytes on the wire by kind (html, css, js, images, fonts, other; the search index apart,
   since the search worker fetches it in the background), the DOM element count and the
   JavaScript bytes (gzip and raw);
4. runs Lighthouse (npm `lighthouse`, mobile, its default simulated throttling) N times on the
   home page, a page with diagrams and the practice page, and prints the median of each figure.

Times (build, LCP, TBT) are printed, never checked. Exit 1 when a budget below is broken (one
line per page and figure), 2 when a tool is missing. The Lighthouse performance score is a budget
too, but it depends on the machine's speed: `--no-timing-budgets` prints it without failing on it
(the test suite, on a shared machine).
"""

from __future__ import annotations

import argparse
import asyncio
import gzip
import http.server
import json
import mimetypes
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urlsplit

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))
from stock_site import build_stock_site  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

LIGHTHOUSE = ROOT / "node_modules" / "lighthouse" / "cli" / "index.js"
# Every host but the loopback fails to resolve: the measurement never leaves the machine, and a
# page that tries to (stock Material asks api.github.com for the stars) fails fast, not hanging.
OFFLINE_FLAG = "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"
CHROME_FLAGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
]
PLAYWRIGHT_FLAGS = [*CHROMIUM_ARGS, OFFLINE_FLAG]

# Budgets (gzip as served; KiB = 1024 bytes).
PAGE_BUDGET_KIB = 150  # every page's cold load, the search index not counted
PRACTICE_DOM_BUDGET = 1_500  # elements on the practice page
LIGHTHOUSE_MIN = {"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}
TIMING_CATEGORIES = ("performance",)  # scored from timings: see --no-timing-budgets
SLOW_CPU_BENCHMARK = 1000  # Lighthouse's own threshold (core/gather/driver/environment.js)

LIGHTHOUSE_PAGES = {"home": "", "diagram page": "network/tcp-handshake/", "practice": "practice/"}
PRACTICE_PAGE = "practice/"
SETTLE_TIMEOUT_MS = 120_000
PARALLEL_LOADS = 8  # cold loads at a time (bytes and DOM counts do not depend on timing)
KINDS = ("html", "css", "js", "images", "fonts", "other")
INDEX_KIND = "search index"
COMPRESSIBLE = (
    "text/",
    "application/javascript",
    "application/json",
    "application/manifest+json",
    "application/xml",
    "image/svg+xml",
)


def site_base_path() -> str:
    """The path part of site_url ("/interview-notes/"), where GitHub Pages serves the site."""
    for line in (ROOT / "mkdocs.yml").read_text(encoding="utf-8").splitlines():
        if line.startswith("site_url:"):
            path = urlsplit(line.split(":", 1)[1].strip()).path or "/"
            return path if path.endswith("/") else path + "/"
    return "/"


def kind_of(url: str, content_type: str) -> str:
    """Classify a response for the report."""
    path = urlsplit(url).path
    if re.fullmatch(r"search_index(\.[\w-]+)?\.json", path.rsplit("/", 1)[-1]):
        return INDEX_KIND  # search_index.json and any part of it the search worker fetches
    if "font" in content_type or path.endswith((".woff", ".woff2", ".ttf", ".otf")):
        return "fonts"
    for kind, mark in (("html", "text/html"), ("css", "text/css"), ("js", "javascript")):
        if mark in content_type:
            return kind
    if content_type.startswith("image/"):
        return "images"
    return "other"


def is_favicon(url: str) -> bool:
    """Headless Chromium fetches the favicon at random, so it is left out of the counts."""
    return urlsplit(url).path.rsplit("/", 1)[-1].startswith("favicon.")


def is_mermaid(url: str) -> bool:
    """A request for the Mermaid library itself (the vendored copy or a CDN's), not a loader."""
    path = urlsplit(url).path.lower()
    name = path.rsplit("/", 1)[-1]
    return "/mermaid@" in path or bool(re.fullmatch(r"mermaid(\.esm)?(\.min)?\.m?js", name))


# --------------------------------------------------------------------------------------------
# A static host on 127.0.0.1: the site under its base path, text gzip-compressed (level 6).
# --------------------------------------------------------------------------------------------


class GzipSiteHandler(http.server.BaseHTTPRequestHandler):
    """Serve a built site like GitHub Pages: base path, index.html, 404.html, gzip for text."""

    protocol_version = "HTTP/1.1"
    site: Path = Path()
    base: str = "/"
    _gzip_cache: dict[Path, bytes] = {}  # noqa: RUF012 (one per subclass, set in serve())

    def do_GET(self) -> None:
        self._serve(send_body=True)

    def do_HEAD(self) -> None:
        self._serve(send_body=False)

    def _resolve(self, path: str) -> tuple[int, Path | None, str | None]:
        """(status, file, redirect location) for a request path."""
        if not path.startswith(self.base):
            return 404, None, None
        rel = path[len(self.base) :]
        target = (self.site / rel).resolve()
        if self.site.resolve() not in (target, *target.parents):
            return 404, None, None
        if target.is_dir():
            if rel and not rel.endswith("/"):
                return 301, None, path + "/"
            target = target / "index.html"
        return (200, target, None) if target.is_file() else (404, None, None)

    def _serve(self, send_body: bool) -> None:
        status, file, location = self._resolve(unquote(urlsplit(self.path).path))
        if status == 404:
            file = self.site / "404.html"
        if file is None or not file.is_file():
            body, ctype, encoded = b"", "text/plain", False
        else:
            ctype = mimetypes.guess_type(file.name)[0] or "application/octet-stream"
            if ctype.startswith("text/") or ctype in ("application/javascript", "application/json"):
                ctype += "; charset=utf-8"
            encoded = ctype.startswith(COMPRESSIBLE) and "gzip" in self.headers.get(
                "Accept-Encoding", ""
            )
            body = self._gzip(file) if encoded else file.read_bytes()
        self.send_response(status)
        if location:
            self.send_header("Location", location)
        self.send_header("Content-Type", ctype)
        self.send_header("Cache-Control", "max-age=600")  # what GitHub Pages sends
        if encoded:
            self.send_header("Content-Encoding", "gzip")
            self.send_header("Vary", "Accept-Encoding")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if send_body:
            self.wfile.write(body)

    def _gzip(self, file: Path) -> bytes:
        cached = self._gzip_cache.get(file)
        if cached is None:
            cached = gzip.compress(file.read_bytes(), compresslevel=6, mtime=0)
            self._gzip_cache[file] = cached
        return cached

    def log_message(self, format: str, *args: object) -> None:
        return


class _QuietServer(http.server.ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address) -> None:  # type: ignore[no-untyped-def]
        """A browser closing a kept-alive connection is not an error worth a traceback."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


def serve(site: Path, base: str) -> tuple[http.server.ThreadingHTTPServer, str]:
    """Start the static host for site in a thread; return it and the site's URL."""
    handler = type("Handler", (GzipSiteHandler,), {"site": site, "base": base, "_gzip_cache": {}})
    server = _QuietServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server, f"http://127.0.0.1:{server.server_address[1]}{base}"


# --------------------------------------------------------------------------------------------
# Measurements
# --------------------------------------------------------------------------------------------


@dataclass
class PageLoad:
    """What one cold load of one page transferred."""

    path: str
    gzip_bytes: dict[str, int] = field(default_factory=dict)  # by kind, as on the wire
    js_raw: int = 0
    dom: int = 0
    foreign: list[str] = field(default_factory=list)
    mermaid: list[str] = field(default_factory=list)

    @property
    def total(self) -> int:
        """Cold-load bytes without the search index."""
        return sum(v for k, v in self.gzip_bytes.items() if k != INDEX_KIND)


def html_pages(site: Path) -> list[str]:
    """Every page of a build as a path relative to the base ("" for home)."""
    pages = []
    for path in sorted(site.rglob("index.html")):
        rel = path.parent.relative_to(site).as_posix()
        if not rel.startswith("assets"):
            pages.append("" if rel == "." else rel + "/")
    return pages


DOM_COUNT = "document.getElementsByTagName('*').length"


async def settle(page, requests: list[str]) -> int:  # type: ignore[no-untyped-def]
    """Wait until the page is done (diagrams drawn, network idle, DOM and requests unchanged).

    A busy machine can pause scripts for longer than `networkidle`'s 500 ms, so the page counts
    as done only when two looks half a second apart agree. Returns the DOM element count.
    """
    if await page.locator("pre.mermaid").count():  # Material draws client-side Mermaid late
        await page.wait_for_function(
            "() => !document.querySelector('pre.mermaid')", timeout=SETTLE_TIMEOUT_MS
        )
    previous = None
    for _ in range(20):
        await page.wait_for_load_state("networkidle", timeout=SETTLE_TIMEOUT_MS)
        now = (len(requests), await page.evaluate(DOM_COUNT))
        if now == previous:
            break
        previous = now
        await page.wait_for_timeout(500)
    return now[1]


async def cold_load(browser, base_url: str, path: str) -> PageLoad:  # type: ignore[no-untyped-def]
    """Open one page in a fresh context (empty cache) and add up its responses."""
    context = await browser.new_context(locale="ko-KR")
    page = await context.new_page()
    requests: list[str] = []
    responses = []
    page.on("request", lambda request: requests.append(request.url))
    page.on("response", lambda response: responses.append(response))
    await page.goto(base_url + path, wait_until="load")
    load = PageLoad(path, dom=await settle(page, requests))
    sizes: dict[str, int] = defaultdict(int)
    for response in responses:
        if not response.url.startswith("http") or is_favicon(response.url):
            continue
        kind = kind_of(response.url, response.headers.get("content-type", ""))
        try:
            wire = (await response.request.sizes())["responseBodySize"]
            if kind == "js":
                load.js_raw += len(await response.body())
        except Exception:  # redirects and failed requests have no body
            continue
        sizes[kind] += wire
    await context.close()
    load.gzip_bytes = dict(sizes)
    load.foreign = sorted(
        {u for u in requests if u.startswith("http") and urlsplit(u).hostname != "127.0.0.1"}
    )
    load.mermaid = sorted({u for u in requests if is_mermaid(u)})
    return load


def measure_pages(base_urls: dict[str, str], pages: dict[str, list[str]]) -> dict[str, dict]:
    """Cold-load every page of each build, a few at a time: {build: {path: PageLoad}}.

    Bytes and element counts do not depend on timing, so pages load in parallel.
    """
    from playwright.async_api import async_playwright

    async def run() -> dict[str, dict]:
        async with async_playwright() as playwright:
            browser = await playwright.chromium.launch(
                executable_path=CHROMIUM, headless=True, args=PLAYWRIGHT_FLAGS
            )
            slots = asyncio.Semaphore(PARALLEL_LOADS)

            async def one(build: str, path: str) -> tuple[str, PageLoad]:
                async with slots:
                    return build, await cold_load(browser, base_urls[build], path)

            jobs = [one(build, path) for build in base_urls for path in pages[build]]
            results: dict[str, dict] = {build: {} for build in base_urls}
            for build, load in await asyncio.gather(*jobs):
                results[build][load.path] = load
            await browser.close()
            return results

    return asyncio.run(run())


def lighthouse_once(url: str, out: Path) -> dict[str, float]:
    """One Lighthouse mobile run: category scores (0-100), LCP and TBT (ms)."""
    flags = " ".join([*CHROME_FLAGS, f'"{OFFLINE_FLAG}"'])
    result = subprocess.run(
        [
            "node",
            str(LIGHTHOUSE),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            "--only-categories=performance,accessibility,best-practices,seo",
            f"--chrome-flags={flags}",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0 or not out.is_file():
        raise RuntimeError(f"lighthouse failed on {url}:\n{result.stdout}\n{result.stderr}")
    report = json.loads(out.read_text(encoding="utf-8"))
    if report.get("runtimeError"):
        raise RuntimeError(f"lighthouse on {url}: {report['runtimeError']}")
    figures = {k: round(100 * (v["score"] or 0)) for k, v in report["categories"].items()}
    audits = report["audits"]
    figures["LCP"] = audits["largest-contentful-paint"]["numericValue"]
    figures["TBT"] = audits["total-blocking-time"]["numericValue"]
    figures["benchmark"] = report["environment"]["benchmarkIndex"]
    return figures


def measure_lighthouse(base_urls: dict[str, str], runs: int) -> dict[str, dict]:
    """Median of `runs` Lighthouse runs per page and build: {build: {name: figures}}."""
    samples: dict[tuple[str, str], list[dict[str, float]]] = defaultdict(list)
    with tempfile.TemporaryDirectory() as tmp:
        for run in range(runs):
            for name, path in LIGHTHOUSE_PAGES.items():
                for build, base_url in base_urls.items():  # interleaved: same conditions
                    out = Path(tmp) / f"{build}-{run}-{name.replace(' ', '-')}.json"
                    samples[build, name].append(lighthouse_once(base_url + path, out))
    medians: dict[str, dict] = defaultdict(dict)
    for (build, name), runs_ in samples.items():
        medians[build][name] = {k: statistics.median(r[k] for r in runs_) for k in runs_[0]}
    return dict(medians)


# --------------------------------------------------------------------------------------------
# Budgets and report
# --------------------------------------------------------------------------------------------


def page_label(path: str) -> str:
    return "/" + path


def kib(n: float) -> str:
    return f"{n / 1024:.1f}"


def check_budgets(
    loads: dict[str, PageLoad], lighthouse: dict[str, dict] | None, timing: bool = True
) -> list[str]:
    """Every broken budget as one line naming the page and the figure.

    timing=False leaves out the one budget that depends on the machine's speed (Lighthouse
    performance); accessibility, best practices and SEO are checks, not timings, and stay.
    """
    failures = []
    for path, load in loads.items():
        label = page_label(path)
        if load.total > PAGE_BUDGET_KIB * 1024:
            failures.append(
                f"{label}: cold load {kib(load.total)} KiB gzip > {PAGE_BUDGET_KIB} KiB "
                "(search index not counted)"
            )
        if load.mermaid:
            failures.append(f"{label}: loads Mermaid JS ({', '.join(load.mermaid)})")
        if load.foreign:
            failures.append(f"{label}: requests to hosts other than 127.0.0.1: {load.foreign}")
        if path == PRACTICE_PAGE and load.dom > PRACTICE_DOM_BUDGET:
            failures.append(f"{label}: {load.dom} DOM elements > {PRACTICE_DOM_BUDGET}")
    for name, figures in (lighthouse or {}).items():
        label = f"{page_label(LIGHTHOUSE_PAGES[name])} ({name})"
        for category, minimum in LIGHTHOUSE_MIN.items():
            if category in TIMING_CATEGORIES and not timing:
                continue
            if figures[category] < minimum:
                failures.append(
                    f"{label}: Lighthouse {category} {figures[category]:.0f} < {minimum}"
                )
    return failures


def pair(ours: str, stock: str) -> str:
    return f"{ours} / {stock}"


def print_lighthouse(medians: dict[str, dict], runs: int) -> None:
    print(f"\n### Lighthouse mobile, median of {runs} run(s) (ours / stock)\n")
    bench = [f["benchmark"] for build in medians.values() for f in build.values()]
    print(
        f"Lighthouse's CPU benchmark index: {min(bench):.0f}-{max(bench):.0f} (it calls a machine "
        f"under {SLOW_CPU_BENCHMARK} too slow: then performance, LCP and TBT are not comparable "
        "with other machines, only ours with stock)\n"
    )
    print("| page | performance | accessibility | best practices | SEO | LCP | TBT |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, path in LIGHTHOUSE_PAGES.items():
        ours, stock = medians["ours"][name], medians["stock"][name]
        cells = [
            pair(f"{ours[k]:.0f}", f"{stock[k]:.0f}")
            for k in ("performance", "accessibility", "best-practices", "seo")
        ]
        cells.append(pair(f"{ours['LCP'] / 1000:.1f} s", f"{stock['LCP'] / 1000:.1f} s"))
        cells.append(pair(f"{ours['TBT']:.0f} ms", f"{stock['TBT']:.0f} ms"))
        print(f"| {page_label(path)} ({name}) | {' | '.join(cells)} |")


def print_pages(loads: dict[str, dict]) -> None:
    print("\n### Cold load of every page, KiB gzip as served (ours / stock)\n")
    header = [*KINDS, "total (no index)", "DOM elements", "JS raw"]
    print(f"| page | {' | '.join(header)} |")
    print(f"| --- |{' ---: |' * len(header)}")
    ours, stock = loads["ours"], loads["stock"]
    for path in sorted(set(ours) | set(stock)):
        a, b = ours.get(path), stock.get(path)

        def cell(get, a=a, b=b) -> str:  # type: ignore[no-untyped-def]
            return pair(get(a) if a else "–", get(b) if b else "–")

        cells = [cell(lambda x, k=k: kib(x.gzip_bytes.get(k, 0))) for k in KINDS]
        cells += [
            cell(lambda x: kib(x.total)),
            cell(lambda x: str(x.dom)),
            cell(lambda x: kib(x.js_raw)),
        ]
        print(f"| {page_label(path)} | {' | '.join(cells)} |")


def index_line(site: Path) -> str:
    """The search index files of a build, gzip and raw."""
    files = sorted((site / "search").glob("search_index*.json"))
    if not files:
        return "none"
    raw = [f.read_bytes() for f in files]
    packed = sum(len(gzip.compress(r, 6)) for r in raw)
    names = " + ".join(f.name for f in files)
    return f"{kib(packed)} KiB gzip ({kib(sum(map(len, raw)))} KiB raw; {names})"


def strict_build(dest: Path) -> float:
    """Build with the gate (`--strict`, never -q/-v) and return the seconds it took."""
    start = time.perf_counter()
    result = subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1"},
        check=False,
    )
    if result.returncode != 0:
        raise SystemExit(f"strict build failed:\n{result.stdout}\n{result.stderr}")
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> int:
    """Build, measure, print the tables, and return 1 if a budget is broken."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--site", type=Path, help="measure this built site instead of building")
    parser.add_argument(
        "--stock", type=Path, help="use this stock-Material build (scripts/stock_site.py)"
    )
    parser.add_argument("--no-lighthouse", action="store_true", help="skip Lighthouse")
    parser.add_argument("--runs", type=int, default=3, help="Lighthouse runs per page (median)")
    parser.add_argument(
        "--no-timing-budgets",
        action="store_true",
        help="print the Lighthouse performance score but do not fail on it (the test suite: "
        "a shared or busy machine changes timings, never bytes, elements or audits)",
    )
    args = parser.parse_args(argv)
    if args.runs < 1:
        parser.error("--runs must be at least 1")
    if not Path(CHROMIUM).exists():
        print(f"budget: {CHROMIUM} is missing: run `make setup`", file=sys.stderr)
        return 2
    if not args.no_lighthouse and (not LIGHTHOUSE.is_file() or not shutil.which("node")):
        print("budget: Lighthouse is missing: run `make setup` (npm ci)", file=sys.stderr)
        return 2

    base = site_base_path()
    with tempfile.TemporaryDirectory() as tmp:
        sites = {"ours": args.site.resolve() if args.site else Path(tmp) / "site"}
        if args.site is None:
            print(f"strict build: {strict_build(sites['ours']):.1f} s")
        if args.stock:
            sites["stock"] = args.stock.resolve()
        else:
            start = time.perf_counter()
            sites["stock"] = build_stock_site(Path(tmp) / "stock")
            print(f"stock Material build: {time.perf_counter() - start:.1f} s")
        servers, urls = {}, {}
        for build, site in sites.items():
            servers[build], urls[build] = serve(site, base)
        try:
            pages = {build: html_pages(site) for build, site in sites.items()}
            start = time.perf_counter()
            loads = measure_pages(urls, pages)
            print(
                f"cold loads: {sum(map(len, pages.values()))} pages in "
                f"{time.perf_counter() - start:.0f} s"
            )
            medians = None
            if not args.no_lighthouse:
                start = time.perf_counter()
                medians = measure_lighthouse(urls, args.runs)
                print(
                    f"Lighthouse: {args.runs * len(LIGHTHOUSE_PAGES) * 2} runs in "
                    f"{time.perf_counter() - start:.0f} s"
                )
        finally:
            for server in servers.values():
                server.shutdown()
                server.server_close()

        if medians:
            print_lighthouse(medians, args.runs)
        else:
            print("\nLighthouse: not run (--no-lighthouse)")
        print_pages(loads)
        print(
            f"\nsearch index (fetched by the search worker, not in the totals): "
            f"ours {index_line(sites['ours'])} / stock {index_line(sites['stock'])}"
        )
        stock_foreign = sorted({u for x in loads["stock"].values() for u in x.foreign})
        print(f"stock Material's requests to other hosts (blocked): {stock_foreign or 'none'}")

    failures = check_budgets(loads["ours"], medians and medians["ours"])
    untimed = check_budgets(loads["ours"], medians and medians["ours"], timing=False)
    advisory = [f for f in failures if f not in untimed] if args.no_timing_budgets else []
    failures = [f for f in failures if f not in advisory]
    print(
        f"\nBudgets: every page <= {PAGE_BUDGET_KIB} KiB gzip without the search index; "
        f"no Mermaid JS; {PRACTICE_PAGE} <= {PRACTICE_DOM_BUDGET} DOM elements; "
        "no host but 127.0.0.1"
        + ("; Lighthouse performance >= 95, the rest 100" if medians else "")
    )
    for failure in failures:
        print(f"OVER BUDGET: {failure}")
    for line in advisory:
        print(f"over (timing, not failed with --no-timing-budgets): {line}")
    if not failures:
        print("all budgets met" + (" (timing budgets not checked)" if advisory else ""))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
