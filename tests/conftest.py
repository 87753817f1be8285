"""Shared fixtures: build the real site once per session, serve it on 127.0.0.1, open Chromium."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterator
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import unquote, urlsplit

import pytest

if TYPE_CHECKING:
    from every_page import Visit

ROOT = Path(__file__).resolve().parents[1]
DOCS = ROOT / "docs"
OUTPUT = ROOT / "test-output"
sys.path.insert(0, str(ROOT / "scripts"))
# One Chromium path and flag list, one base path: the scripts' own (scripts/chromium.py, budget.py).
from budget import site_base_path  # noqa: E402
from chromium import CHROMIUM, CHROMIUM_ARGS  # noqa: E402


def mkdocs_build(project: Path, dest: Path, *extra: str) -> subprocess.CompletedProcess[str]:
    """Run the gate exactly as CI does: `mkdocs build --strict` (never -q or -v)."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest), *extra],
        cwd=project,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def copy_project(dest: Path) -> Path:
    """Copy what the build reads (config, docs, snippets, overrides, hooks) to a scratch folder."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in ("mkdocs.yml", "docs", "includes", "overrides", "examples", "hooks"):
        src = ROOT / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
        elif src.is_file():
            shutil.copy2(src, dest / name)
    return dest


@pytest.fixture(scope="session")
def _builds(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, tuple[Path, Future]]]:
    """Start the site's build and the stock baseline's together: each is one busy core for about
    ten seconds, and the machine has two. Whichever fixture asks first starts both."""
    from stock_site import build_stock_site

    site = tmp_path_factory.mktemp("build") / "site"
    stock = tmp_path_factory.mktemp("stock") / "site"
    with ThreadPoolExecutor(max_workers=2) as pool:
        yield {
            "site": (site, pool.submit(mkdocs_build, ROOT, site)),
            "stock": (stock, pool.submit(build_stock_site, stock)),
        }


@pytest.fixture(scope="session")
def site_dir(_builds: dict[str, tuple[Path, Future]]) -> Path:
    """The real site, built once per test session with the strict gate."""
    dest, build = _builds["site"]
    result = build.result()
    assert result.returncode == 0, f"strict build failed:\n{result.stdout}\n{result.stderr}"
    return dest


@pytest.fixture(scope="session")
def stock_site(_builds: dict[str, tuple[Path, Future]]) -> Path:
    """The same pages built with stock Material search (no hooks, overrides or extra JS): the
    baseline of the search test and the budget, built once."""
    return _builds["stock"][1].result()


class _SiteHandler(http.server.SimpleHTTPRequestHandler):
    """Serve the built site under its GitHub Pages base path, with its 404 page."""

    base_path = "/"

    def translate_path(self, path: str) -> str:
        path = unquote(urlsplit(path).path)
        if not path.startswith(self.base_path):
            return str(Path(self.directory) / "__outside_base__")
        return super().translate_path("/" + path[len(self.base_path) :])

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        page_404 = Path(self.directory) / "404.html"
        if code == 404 and page_404.is_file():
            body = page_404.read_bytes()
            self.send_response(404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            if self.command != "HEAD":
                self.wfile.write(body)
            return
        super().send_error(code, message, explain)

    def log_message(self, format: str, *args: object) -> None:  # keep test output readable
        return


@pytest.fixture(scope="session")
def offline_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The offline copy as readers get it: the zip scripts/build_offline.py makes, unzipped."""
    tmp = tmp_path_factory.mktemp("offline")
    archive = tmp / "offline.zip"
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "build_offline.py"), "--zip", str(archive)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    shutil.unpack_archive(archive, tmp / "unzipped")
    return tmp / "unzipped" / "interview-notes"


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """http://127.0.0.1:PORT/<base>/ serving the built site; stopped at the end of the session."""
    base = site_base_path()
    handler = functools.partial(
        type("Handler", (_SiteHandler,), {"base_path": base}), directory=str(site_dir)
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{base}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Debian's Chromium driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    assert Path(CHROMIUM).exists(), f"{CHROMIUM} is missing: run `make setup` (scripts/setup.sh)"
    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield chromium
        chromium.close()


@pytest.fixture(scope="session")
def every_page_visits(browser, site_url: str, site_dir: Path) -> list[Visit]:  # type: ignore[no-untyped-def]
    """Every page opened once in each colour scheme, with axe-core's verdict and what the
    browser saw (tests/every_page.py): shared by the accessibility and the reader's checks."""
    from budget import html_pages
    from every_page import SCHEMES, visit_every_page

    pages = html_pages(site_dir)
    assert len(pages) > 20, pages
    visits, seconds = visit_every_page(browser, site_url, site_dir, pages)
    print(
        f"\nevery page: {len(pages)} pages x {len(SCHEMES)} schemes in {seconds:.0f} s",
        file=sys.stderr,
    )
    assert len(visits) == len(pages) * len(SCHEMES)
    return visits


@pytest.fixture
def page(browser):  # type: ignore[no-untyped-def]
    """A fresh browser tab that records every request URL and console error."""
    context = browser.new_context(locale="ko-KR")
    tab = context.new_page()
    tab.requests = []  # type: ignore[attr-defined]
    tab.console_errors = []  # type: ignore[attr-defined]
    tab.on("request", lambda request: tab.requests.append(request.url))
    tab.on(
        "console",
        lambda message: (
            tab.console_errors.append(message.text) if message.type == "error" else None
        ),
    )
    tab.on("pageerror", lambda error: tab.console_errors.append(str(error)))
    yield tab
    context.close()


@pytest.fixture(scope="session")
def output_dir() -> Path:
    """Where screenshots and reports go for a reviewer (uploaded by CI)."""
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT
