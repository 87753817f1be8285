"""`make budget` (scripts/budget.py): figures printed beside stock Material's, budgets enforced.

The end-to-end test measures the session's build beside stock and asserts the budgets through the
script's exit code: bytes by type and DOM size of every page, no Mermaid, no foreign host. It
skips Lighthouse (`--no-lighthouse`): six Lighthouse runs cost three minutes of a ten-minute
suite, and their figures are timing, which tests never assert. `make budget` (and CI's Budgets
step) runs Lighthouse, median of three, and fails on its scores.
"""

from __future__ import annotations

import gzip
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import budget


@pytest.mark.browser
def test_budget_script_prints_figures_beside_stock_and_stays_within_budget(
    site_dir: Path, stock_site: Path
) -> None:
    result = subprocess.run(
        [
            sys.executable,
            str(ROOT / "scripts" / "budget.py"),
            "--site",
            str(site_dir),
            "--stock",
            str(stock_site),
            "--no-lighthouse",
        ],
        capture_output=True,
        text=True,
        timeout=1200,
        check=False,
    )
    print(result.stdout)
    assert result.returncode in (0, 1), result.stdout + result.stderr  # 2: a tool is missing
    out = result.stdout
    assert "### Cold load of every page" in out and "Lighthouse: not run" in out, out
    for path in budget.html_pages(site_dir):
        assert f"| /{path} |" in out, f"no row for /{path}"
    assert "search index (fetched by the search worker" in out
    over = [line for line in out.splitlines() if line.startswith("OVER BUDGET")]
    assert result.returncode == 0, "\n".join(over)


def test_budget_failures_name_the_page_and_the_figure() -> None:
    kib = 1024
    loads = {
        "": budget.PageLoad("", {"html": 10 * kib, "js": 40 * kib, "search index": 900 * kib}),
        "network/tcp-handshake/": budget.PageLoad(
            "network/tcp-handshake/",
            {"js": 1000 * kib},
            mermaid=["http://127.0.0.1:1/interview-notes/assets/vendor/mermaid/mermaid.min.js"],
        ),
        "practice/": budget.PageLoad(
            "practice/", {"html": 90 * kib}, dom=4000, foreign=["https://unpkg.com/x.js"]
        ),
    }
    lighthouse = {
        "home": {"performance": 96, "accessibility": 100, "best-practices": 100, "seo": 100},
        "practice": {"performance": 80, "accessibility": 98, "best-practices": 100, "seo": 100},
    }
    failures = budget.check_budgets(loads, lighthouse)
    assert failures == [
        "/network/tcp-handshake/: cold load 1000.0 KiB gzip > 150 KiB (search index not counted)",
        "/network/tcp-handshake/: loads Mermaid JS "
        "(http://127.0.0.1:1/interview-notes/assets/vendor/mermaid/mermaid.min.js)",
        "/practice/: requests to hosts other than 127.0.0.1: ['https://unpkg.com/x.js']",
        "/practice/: 4000 DOM elements > 1500",
        "/practice/ (practice): Lighthouse performance 80 < 95",
        "/practice/ (practice): Lighthouse accessibility 98 < 100",
    ]
    assert budget.check_budgets(loads, lighthouse, timing=False) == [
        line for line in failures if "performance" not in line
    ]
    assert budget.check_budgets({"": loads[""]}, None) == []  # 50 KiB without the index


def test_mermaid_and_favicon_are_recognised() -> None:
    assert budget.is_mermaid("http://127.0.0.1:1/a/assets/vendor/mermaid/mermaid.min.js")
    assert budget.is_mermaid("https://unpkg.com/mermaid@11/dist/mermaid.min.js")
    assert not budget.is_mermaid("http://127.0.0.1:1/a/assets/javascripts/mermaid-loader.js")
    assert budget.is_favicon("http://127.0.0.1:1/a/assets/images/favicon.png")
    assert budget.kind_of("http://h/search/search_index.json", "application/json") == (
        "search index"
    )
    assert budget.kind_of("http://h/search/search_index.full.json", "application/json") == (
        "search index"
    )
    assert budget.kind_of("http://h/a.js", "text/javascript; charset=utf-8") == "js"


def test_static_host_gzips_text_under_the_base_path(tmp_path: Path) -> None:
    (tmp_path / "page").mkdir()
    (tmp_path / "page" / "index.html").write_text("<p>안녕</p>" * 100, encoding="utf-8")
    (tmp_path / "404.html").write_text("없음", encoding="utf-8")
    (tmp_path / "a.png").write_bytes(b"\x89PNG" + bytes(100))
    server, url = budget.serve(tmp_path, "/base/")
    try:

        def get(path: str) -> tuple[int, dict[str, str], bytes]:
            request = urllib.request.Request(url + path, headers={"Accept-Encoding": "gzip"})
            try:
                with urllib.request.urlopen(request) as response:
                    return response.status, dict(response.headers), response.read()
            except urllib.error.HTTPError as error:
                return error.code, dict(error.headers), error.read()

        status, headers, body = get("page/")
        assert status == 200 and headers["Content-Encoding"] == "gzip"
        assert gzip.decompress(body).decode() == "<p>안녕</p>" * 100
        assert len(body) == int(headers["Content-Length"]) < 200
        status, headers, body = get("a.png")
        assert status == 200 and "Content-Encoding" not in headers and len(body) == 104
        status, headers, body = get("nowhere/")
        assert status == 404 and gzip.decompress(body).decode() == "없음"
    finally:
        server.shutdown()
        server.server_close()
