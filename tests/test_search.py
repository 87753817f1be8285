"""Korean search, measured where readers use it: typed into Material's search box on the built site.

The queries live in tests/search_queries.tsv (one line each: query, expected page, query type), so
adding a query is a one-line change. Prints recall@1, recall@5 and MRR per query type.
"""

from __future__ import annotations

import gzip
import json
import shutil
import subprocess
import sys
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import ROOT

pytestmark = pytest.mark.browser

QUERIES = Path(__file__).with_name("search_queries.tsv")
RESULT_LINKS = """() => [...document.querySelectorAll('.md-search-result__item')]
    .map(item => item.querySelector('a.md-search-result__link'))
    .filter(Boolean).map(a => a.href)"""


def load_queries() -> list[tuple[str, str, str]]:
    """(query, expected page source path, type) from the TSV, skipping comments."""
    rows = []
    for number, line in enumerate(QUERIES.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        assert len(parts) == 3, f"{QUERIES.name}:{number}: need query<TAB>page<TAB>type"
        rows.append((parts[0], parts[1], parts[2]))
    return rows


def page_url(source: str) -> str:
    """docs-relative source path -> URL path under the site base ("network/tcp-udp/")."""
    stem = source.removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


def search(tab, query: str) -> list[str]:  # type: ignore[no-untyped-def]
    """Type a query into the real search box; return result page paths, best first."""
    box = tab.locator("input.md-search__input")
    # Material reads the box on keyup: fill, then a key press, as a typing reader produces.
    box.fill("")
    box.press("End")
    tab.wait_for_function(
        "() => document.querySelectorAll('.md-search-result__item').length === 0", timeout=5_000
    )
    box.fill(query)
    box.press("End")
    tab.wait_for_function(
        """() => document.querySelectorAll('.md-search-result__item').length > 0
            || document.querySelector('.md-search-result__meta')
                .textContent.includes('없습니다')""",
        timeout=5_000,
    )
    tab.wait_for_timeout(60)  # let the same worker reply finish rendering
    base = tab.evaluate("new URL(JSON.parse(__config.textContent).base + '/', location).pathname")
    pages: list[str] = []
    for href in tab.evaluate(RESULT_LINKS):
        path = urlsplit(href).path.removeprefix(base)
        if path not in pages:
            pages.append(path)
    return pages


@pytest.fixture(scope="module")
def search_tab(browser, site_url: str):  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="ko-KR")
    tab = context.new_page()
    tab.goto(site_url)
    tab.locator("input.md-search__input").click()
    # The worker loads the index asynchronously: retry a known query until it answers.
    for _ in range(50):
        tab.locator("input.md-search__input").fill("HTTP")
        tab.locator("input.md-search__input").press("End")
        tab.wait_for_timeout(200)
        if tab.locator(".md-search-result__item").count():
            break
    yield tab
    context.close()


def test_search_finds_what_readers_type(search_tab) -> None:  # type: ignore[no-untyped-def]
    queries = load_queries()
    assert len(queries) >= 80
    scores: dict[str, list[tuple[float, float, float]]] = defaultdict(list)
    misses = []
    for query, expected, kind in queries:
        assert (ROOT / "docs" / expected).is_file(), f"{QUERIES.name}: no page {expected}"
        results = search(search_tab, query)
        target = page_url(expected)
        rank = results.index(target) + 1 if target in results else 0
        scores[kind].append((rank == 1, 0 < rank <= 5, 1 / rank if rank else 0.0))
        if not 0 < rank <= 5:
            misses.append(f"  {kind:10} {query!r} -> expected {target}, got {results[:5]}")
    print("\n| type | n | recall@1 | recall@5 | MRR |\n| --- | ---: | ---: | ---: | ---: |")
    everything = []
    for kind, rows in sorted(scores.items()):
        everything += rows
        n = len(rows)
        r1, r5, mrr = (sum(r[i] for r in rows) / n for i in range(3))
        print(f"| {kind} | {n} | {r1:.2f} | {r5:.2f} | {mrr:.2f} |")
        assert r5 > 0, f"query type {kind} scores zero"
    n = len(everything)
    overall = [sum(r[i] for r in everything) / n for i in range(3)]
    print(f"| all | {n} | {overall[0]:.2f} | {overall[1]:.2f} | {overall[2]:.2f} |")
    if misses:
        print("misses (not in top 5):\n" + "\n".join(misses))
    assert overall[1] >= 0.95, "recall@5 below 0.95:\n" + "\n".join(misses)


def test_results_show_the_real_text_never_the_extra_field(search_tab) -> None:  # type: ignore[no-untyped-def]
    """A fragment found only through the invisible field still shows the page's own words."""
    results = search(search_tab, "비지컬렉션")
    assert "java/gc/" in results[:5]
    shown = search_tab.locator(".md-search-result").inner_text()
    assert "비지컬렉션" not in shown.replace(" ", "").replace("가비지컬렉션", "")
    assert "가비지" in shown


def test_search_index_stays_within_budget(site_dir: Path) -> None:
    """The extras may grow the compressed index by at most 40% over Material's own output."""
    path = site_dir / "search" / "search_index.json"
    index = json.loads(path.read_text(encoding="utf-8"))
    extras = {"kw", "syn"}  # hooks/search_extras.py: inner parts, other spellings
    assert extras <= set(index["config"]["fields"])
    assert sum("kw" in doc for doc in index["docs"]) > len(index["docs"]) / 2
    assert sum("syn" in doc for doc in index["docs"]) > len(index["docs"]) / 4
    stock = {
        "config": index["config"],
        "docs": [{k: v for k, v in doc.items() if k not in extras} for doc in index["docs"]],
    }
    stock_size = len(gzip.compress(json.dumps(stock, separators=(",", ":")).encode()))
    ours = len(gzip.compress(path.read_bytes()))
    print(
        f"\nsearch index gzip: stock {stock_size / 1024:.0f} KB, ours {ours / 1024:.0f} KB "
        f"({(ours / stock_size - 1) * 100:+.0f}%)"
    )
    assert ours <= stock_size * 1.4


def test_404_page_offers_search(page, site_url: str) -> None:  # type: ignore[no-untyped-def]
    response = page.goto(site_url + "no/such/page/")
    assert response.status == 404
    page.get_by_text("검색 열기").click()
    page.locator("input.md-search__input").press_sequentially("TCP")
    page.wait_for_selector(".md-search-result__item", timeout=10_000)


@pytest.fixture(scope="module")
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


def test_offline_copy_browses_and_searches_from_the_file_system(
    browser, offline_site: Path
) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(locale="ko-KR", offline=True)
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    try:
        tab.goto((offline_site / "index.html").as_uri())
        tab.get_by_role("link", name="TCP와 UDP").first.click()
        tab.wait_for_url("**/network/tcp-udp.html")
        tab.locator("input.md-search__input").click()
        for query, expected in [
            ("핸드쉐이크", "tcp-handshake.html"),
            ("OOME", "oome.html"),
            ("컬렉션", "gc.html"),
        ]:
            tab.locator("input.md-search__input").fill(query)
            tab.locator("input.md-search__input").press("End")
            tab.wait_for_selector(".md-search-result__item", timeout=10_000)
            hrefs = tab.evaluate(RESULT_LINKS)
            assert any(expected in href for href in hrefs[:5]), (query, hrefs[:5])
        # Diagrams render from the file system too (Mermaid is served by the copy itself).
        tab.goto((offline_site / "network" / "tcp-handshake.html").as_uri())
        tab.wait_for_function("() => window.mermaid && window.mermaid.rendered > 0", timeout=30_000)
        assert tab.evaluate("window.mermaid.errors") == []
    finally:
        context.close()
    assert all(url.startswith(("file:", "data:", "blob:", "about:")) for url in requests), [
        url for url in requests if not url.startswith(("file:", "data:", "blob:", "about:"))
    ]
