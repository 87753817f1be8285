"""A reader in a real browser (Debian Chromium, Playwright) on the built site on 127.0.0.1.

The axe-core checks of every page, light and dark, are in test_accessibility.py; both look at
the same loads of every page (the `every_page_visits` fixture, tests/every_page.py).
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from every_page import MERMAID_LEFT, SHOWN_DIAGRAMS, Visit, diagrams_built

pytestmark = pytest.mark.browser

DIAGRAM_PAGE = "network/tcp-handshake/"
PLAIN_PAGE = "backend/"


# The fill diagrams.css gives the first diagram's first node: it follows the colour scheme.
NODE_FILL = """() => getComputedStyle(document.querySelector(
    ".diagram :is(rect.actor, .node rect, .node polygon, .node path)")).fill"""


def _mermaid_requests(urls: list[str]) -> list[str]:
    return [url for url in urls if "mermaid" in urlsplit(url).path.lower()]


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


def test_diagrams_show_as_svg_with_javascript_off_in_light_and_dark(
    browser, site_url: str, site_dir: Path, output_dir: Path
) -> None:
    """No script runs, yet every diagram is there; the slate scheme recolours the same SVG."""
    expected = diagrams_built(site_dir, DIAGRAM_PAGE)
    assert expected >= 1
    context = browser.new_context(locale="ko-KR", java_script_enabled=False)
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    try:
        tab.goto(site_url + DIAGRAM_PAGE)
        tab.wait_for_load_state("networkidle")
        assert tab.evaluate(SHOWN_DIAGRAMS) == expected
        assert tab.evaluate(MERMAID_LEFT) == 0
        tab.locator("div.diagram").first.scroll_into_view_if_needed()
        light = tab.evaluate(NODE_FILL)
        tab.screenshot(path=str(output_dir / "diagram-page.png"), full_page=False)
        # What the palette toggle does (it needs JavaScript): the same diagrams follow it.
        tab.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
        dark = tab.evaluate(NODE_FILL)
        assert light != dark, f"the diagram keeps its colours in the dark scheme: {light}"
        assert tab.evaluate(SHOWN_DIAGRAMS) == expected
        tab.screenshot(path=str(output_dir / "diagram-page-dark.png"), full_page=False)
    finally:
        context.close()
    assert not _mermaid_requests(requests), _mermaid_requests(requests)


def test_palette_toggle_recolours_the_diagrams(page, site_url: str) -> None:
    page.emulate_media(color_scheme="light")
    page.goto(site_url + DIAGRAM_PAGE)
    scheme = "document.body.getAttribute('data-md-color-scheme')"
    seen = {page.evaluate(scheme): page.evaluate(NODE_FILL)}
    for _ in range(3):  # system → light → dark
        page.locator("form[data-md-component=palette] label:visible").first.click()
        seen[page.evaluate(scheme)] = page.evaluate(NODE_FILL)
    assert set(seen) == {"default", "slate"}, seen
    assert seen["default"] != seen["slate"], seen


def test_diagrams_show_after_instant_navigation(page, site_url: str, site_dir: Path) -> None:
    page.goto(site_url + PLAIN_PAGE)
    page.locator("article").get_by_role("link", name="NLB vs ALB").first.click()
    page.wait_for_url(re.compile(r"aws/nlb-alb/$"))
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    assert page.evaluate(SHOWN_DIAGRAMS) == diagrams_built(site_dir, "aws/nlb-alb/")
    assert page.evaluate(MERMAID_LEFT) == 0


def test_every_page_loads_without_errors_or_foreign_requests(
    every_page_visits: list[Visit],
) -> None:
    """Every page, light on a phone and dark on a desktop (the loads axe-core also checks):
    no console error, every diagram shows, no Mermaid, nothing from another host."""
    problems = []
    requests: set[str] = set()
    for visit in every_page_visits:
        where = f"/{visit.path} [{visit.scheme}]"
        if visit.diagrams_shown != visit.diagrams_built:
            shown = f"{visit.diagrams_shown} of {visit.diagrams_built}"
            problems.append(f"{where}: {shown} diagrams shown")
        if visit.mermaid_left:
            problems.append(f"{where}: an element with class mermaid (Material would load unpkg)")
        problems += [f"{where}: console: {e}" for e in visit.console_errors]
        requests.update(visit.requests)
    problems += [f"requested Mermaid: {url}" for url in _mermaid_requests(sorted(requests))]
    foreign = sorted(
        u
        for u in requests
        if urlsplit(u).hostname not in ("127.0.0.1",) and not u.startswith(("data:", "blob:"))
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

