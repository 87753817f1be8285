"""A reader in a real browser (Debian Chromium, Playwright) on the built site on 127.0.0.1."""

from __future__ import annotations

import json
import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from conftest import ROOT

pytestmark = pytest.mark.browser

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
DIAGRAM_PAGE = "network/tcp-handshake/"
PLAIN_PAGE = "backend/"


def _html_pages(site_dir: Path) -> list[str]:
    """Every page of the site as a URL path relative to the base ("" for home)."""
    pages = []
    for path in sorted(site_dir.rglob("index.html")):
        rel = path.parent.relative_to(site_dir).as_posix()
        if rel.startswith("assets"):
            continue
        pages.append("" if rel == "." else rel + "/")
    return pages


def _diagram_count(site_dir: Path, page: str) -> int:
    html = (site_dir / page / "index.html").read_text(encoding="utf-8")
    return html.count('<pre class="mermaid">')


def _wait_for_diagrams(tab, expected: int) -> None:  # type: ignore[no-untyped-def]
    tab.wait_for_function(
        "n => window.mermaid && (window.mermaid.rendered + window.mermaid.errors.length) >= n",
        arg=expected,
        timeout=30_000,
    )


def test_reader_opens_home_and_navigates_to_a_nested_page(page, site_url: str) -> None:
    page.goto(site_url)
    assert "백엔드 면접 스터디 노트" in page.title()
    page.get_by_role("link", name="TCP와 UDP").first.click()
    page.wait_for_url(re.compile(r"network/tcp-udp/$"))
    assert "TCP" in page.locator("article h1").inner_text()
    # Sidebar navigation inside the section (instant navigation, no full reload).
    page.locator(".md-nav--primary").get_by_role(
        "link", name=re.compile("핸드셰이크")
    ).first.click()
    page.wait_for_url(re.compile(r"network/tcp-handshake/$"))
    assert "핸드셰이크" in page.locator("article h1").inner_text()


def test_dark_mode_toggle_persists_after_reload(page, site_url: str, output_dir: Path) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(site_url)
    page.screenshot(path=str(output_dir / "home-light.png"), full_page=False)
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    # Palette order: system → light → dark. Click until the dark scheme is on.
    for _ in range(3):
        if page.evaluate(scheme) == "slate":
            break
        page.locator("form[data-md-component=palette] label:visible").first.click()
    assert page.evaluate(scheme) == "slate"
    page.reload()
    assert page.evaluate(scheme) == "slate", "dark mode was lost on reload"
    page.screenshot(path=str(output_dir / "home-dark.png"), full_page=False)


def test_diagram_renders_as_svg_with_no_network(
    page, site_url: str, site_dir: Path, output_dir: Path
) -> None:
    expected = _diagram_count(site_dir, DIAGRAM_PAGE)
    assert expected >= 1
    page.goto(site_url + DIAGRAM_PAGE)
    _wait_for_diagrams(page, expected)
    state = page.evaluate("({r: window.mermaid.rendered, e: window.mermaid.errors})")
    assert state == {"r": expected, "e": []}
    assert page.locator("pre.mermaid").count() == 0
    boxes = [box for box in page.locator("div.mermaid").all() if box.bounding_box()]
    assert len(boxes) == expected and all(b.bounding_box()["height"] > 40 for b in boxes)
    assert any(url.endswith("vendor/mermaid/mermaid.min.js") for url in page.requests)
    page.locator("div.mermaid").first.scroll_into_view_if_needed()
    page.screenshot(path=str(output_dir / "diagram-page.png"), full_page=False)
    page.emulate_media(color_scheme="dark")  # the palette follows the system: diagrams too
    page.wait_for_timeout(300)
    assert page.evaluate("document.body.getAttribute('data-md-color-scheme')") == "slate"
    page.screenshot(path=str(output_dir / "diagram-page-dark.png"), full_page=False)


def test_page_without_diagrams_does_not_download_mermaid(page, site_url: str) -> None:
    page.goto(site_url + PLAIN_PAGE)
    page.wait_for_load_state("networkidle")
    assert not [url for url in page.requests if "mermaid.min.js" in url]


def test_diagrams_render_after_instant_navigation(page, site_url: str, site_dir: Path) -> None:
    page.goto(site_url + PLAIN_PAGE)
    page.locator("article").get_by_role("link", name="NLB vs ALB").first.click()
    page.wait_for_url(re.compile(r"aws/nlb-alb/$"))
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    expected = _diagram_count(site_dir, "aws/nlb-alb/")
    if expected:
        _wait_for_diagrams(page, expected)
        assert page.evaluate("window.mermaid.errors") == []
        assert page.locator("div.mermaid").count() == expected


def test_every_page_loads_without_errors_or_foreign_requests(
    page, site_url: str, site_dir: Path
) -> None:
    """Visit the whole site: no console error, every diagram renders, nothing leaves 127.0.0.1."""
    problems = []
    for path in _html_pages(site_dir):
        page.console_errors.clear()
        page.goto(site_url + path)
        expected = _diagram_count(site_dir, path)
        if expected:
            _wait_for_diagrams(page, expected)
            errors = page.evaluate("window.mermaid.errors")
            problems += [f"/{path}: diagram error: {e}" for e in errors]
        page.wait_for_load_state("networkidle")
        problems += [f"/{path}: console: {e}" for e in page.console_errors]
    foreign = sorted(
        {
            u
            for u in page.requests
            if urlsplit(u).hostname not in ("127.0.0.1",) and not u.startswith(("data:", "blob:"))
        }
    )
    assert not foreign, f"requests to other hosts: {foreign}"
    assert not problems, "\n".join(problems)


def test_mobile_reader_opens_the_drawer_and_reads_without_sideways_scroll(
    browser, site_url: str
) -> None:
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True, locale="ko-KR"
    )
    tab = context.new_page()
    try:
        tab.goto(site_url + "network/tcp-udp/")
        drawer = tab.locator("nav.md-nav--primary")
        tab.locator("label.md-header__button[for=__drawer]").click()
        tab.wait_for_timeout(400)  # drawer slide-in animation
        assert drawer.get_by_role("link", name="JWT").first.is_visible()
        overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"page scrolls sideways by {overflow}px on a phone"
        sizes = tab.evaluate(
            """[".md-content__inner > p", ".admonition p", "details p"].map(
                s => parseFloat(getComputedStyle(document.querySelector(s)).fontSize))"""
        )
        assert min(sizes) >= 14, f"text sizes on a phone (body, summary box, question): {sizes}"
    finally:
        context.close()


@pytest.mark.parametrize("scheme", ["light", "dark"])
@pytest.mark.parametrize("path", ["", DIAGRAM_PAGE])
def test_no_serious_accessibility_violations(
    page, site_url: str, site_dir: Path, scheme: str, path: str
) -> None:
    assert AXE.is_file(), "axe-core is missing: run `make setup` (npm ci)"
    page.emulate_media(color_scheme=scheme)
    page.goto(site_url + path)
    expected = _diagram_count(site_dir, path) if path else 0
    if expected:
        _wait_for_diagrams(page, expected)
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("async () => (await axe.run(document)).violations")
    serious = [
        f"{v['id']} ({v['impact']}): {v['help']} — "
        + "; ".join(n["target"][0] if n["target"] else "?" for n in v["nodes"][:5])
        for v in result
        if v["impact"] in ("serious", "critical")
    ]
    assert not serious, json.dumps(serious, ensure_ascii=False, indent=1)
