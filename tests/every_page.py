"""One visit of every built page in both colour schemes, shared by the tests that need it.

axe-core (test_accessibility.py) and the reader's checks (test_browser.py: no console error,
every diagram shown, no Mermaid, no request to another host) look at the same page loads, so
every page is opened twice in all (light on a phone, dark on a desktop), not four times.

The palette is chosen the way Material remembers a reader's choice: the palette entry is stored
in localStorage (`<scope>.__palette`, as Material's palette toggle does) before any page script
runs, and the system preference is emulated to match. The two schemes also differ in viewport:
light on a phone (the issue: "every page fast and accessible on a phone": drawer, sideways-
scrolling tables) and dark on a desktop (tabs, both sidebars). Colours depend on the scheme and
layout on the viewport, so each is checked once without running every page four times.

One context and one tab per scheme, axe injected once per page (an init script); the two tabs
take turns, so a page loads in one while axe runs in the other (two cores busy).
"""

from __future__ import annotations

import json
import re
import time
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path

from conftest import ROOT, site_base_path

AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
# The phone is a 375 px mobile viewport without touch emulation: on a touch-only device Material
# deliberately leaves scrolling code blocks out of the tab order (`(hover)` does not match) and
# a reader swipes them, so the keyboard case is the one checked.
SCHEMES = {
    "default": {"emulate": "light", "viewport": {"width": 375, "height": 740}, "mobile": True},
    "slate": {"emulate": "dark", "viewport": {"width": 1280, "height": 800}, "mobile": False},
}


@dataclass
class Visit:
    """What one page showed in one scheme."""

    path: str
    scheme: str
    opened_in: str = ""  # the scheme the page really opened in
    violations: list[dict] = field(default_factory=list)  # axe-core's, all impacts
    console_errors: list[str] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)
    diagrams_shown: int = 0
    diagrams_built: int = 0  # inline SVG diagrams in the built HTML
    mermaid_left: int = 0  # elements Material would hand to Mermaid (it would load unpkg)


class _Palette(HTMLParser):
    """The palette entries (`input[name=__palette]`) of a built page, in order."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[dict[str, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {k: v or "" for k, v in attrs}
        if tag == "input" and values.get("name") == "__palette":
            self.entries.append(values)


def palette_choice(site_dir: Path, scheme: str) -> dict[str, object]:
    """What Material stores when a reader picks `scheme` with the palette toggle."""
    parser = _Palette()
    parser.feed((site_dir / "index.html").read_text(encoding="utf-8"))
    for index, entry in enumerate(parser.entries):
        media = entry.get("data-md-color-media", "")
        if entry.get("data-md-color-scheme") == scheme and media != "(prefers-color-scheme)":
            color = {
                key: entry.get(f"data-md-color-{key}", "")
                for key in ("media", "scheme", "primary", "accent")
            }
            return {"index": index, "color": color}
    raise AssertionError(f"mkdocs.yml has no palette entry with scheme {scheme!r}")


def open_scheme(browser, site_dir: Path, scheme: str):  # type: ignore[no-untyped-def]
    """A context whose every page opens in `scheme`, with axe-core loaded; and its one tab."""
    settings = SCHEMES[scheme]
    context = browser.new_context(
        locale="ko-KR",
        color_scheme=settings["emulate"],
        viewport=settings["viewport"],
        is_mobile=settings["mobile"],
    )
    key = site_base_path() + ".__palette"
    value = json.dumps(palette_choice(site_dir, scheme))
    store = f"localStorage.setItem({json.dumps(key)}, {json.dumps(value)})"
    context.add_init_script(script=f"try {{ {store} }} catch (e) {{}}")
    context.add_init_script(path=str(AXE))
    return context, context.new_page()


def diagrams_built(site_dir: Path, page: str) -> int:
    """Diagrams are SVG rendered ahead of time (includes/diagrams/), inlined by the build."""
    html = (site_dir / page / "index.html").read_text(encoding="utf-8")
    return len(re.findall(r'<div class="diagram[" ][^>]*><svg', html))


# Shown diagrams: inline SVG, painted, taller than a line of text.
SHOWN_DIAGRAMS = """() => [...document.querySelectorAll("div.diagram > svg")].filter(
    svg => svg.getBoundingClientRect().height > 40 && getComputedStyle(svg).display !== "none"
).length"""
# What Material would hand to Mermaid (it then loads Mermaid from unpkg): must be nothing.
MERMAID_LEFT = "() => document.querySelectorAll('.mermaid, pre.mermaid, div.mermaid').length"

START_AXE = """() => {
  window.__axeResult = new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))
    .then(() => axe.run(document, {resultTypes: ["violations"]}))
    .then(result => ({
      scheme: document.body.getAttribute("data-md-color-scheme"),
      violations: result.violations.map(v => ({
        id: v.id, impact: v.impact, help: v.help,
        targets: v.nodes.map(n => n.target.join(" "))
      }))
    }));
}"""


def visit_every_page(  # type: ignore[no-untyped-def]
    browser, site_url: str, site_dir: Path, pages: list[str]
) -> tuple[list[Visit], float]:
    """Open every page in both schemes, run axe, and record what a reader's browser saw.

    Returns the visits and the seconds they took.
    """
    assert AXE.is_file(), "axe-core is missing: run `make setup` (npm ci)"
    tabs = {scheme: open_scheme(browser, site_dir, scheme) for scheme in SCHEMES}
    current: dict[str, Visit] = {}  # scheme -> the visit under way in that tab
    in_flight: dict[str, set] = {scheme: set() for scheme in SCHEMES}  # started, not ended

    def started(scheme: str, request) -> None:  # type: ignore[no-untyped-def]
        current[scheme].requests.append(request.url)
        in_flight[scheme].add(request)

    for scheme, (_context, tab) in tabs.items():

        def error(text: str, scheme: str = scheme) -> None:
            current[scheme].console_errors.append(text)

        tab.on("console", lambda m, error=error: error(m.text) if m.type == "error" else None)
        tab.on("pageerror", lambda e, error=error: error(str(e)))
        tab.on("request", lambda r, s=scheme: started(s, r))
        tab.on("requestfinished", lambda r, s=scheme: in_flight[s].discard(r))
        tab.on("requestfailed", lambda r, s=scheme: in_flight[s].discard(r))

    visits: list[Visit] = []

    def finish(scheme: str) -> None:
        tab, visit = tabs[scheme][1], current[scheme]
        result = tab.evaluate("() => window.__axeResult")
        # Late requests and errors count too: every request the page started has ended before
        # the tab moves on (bounded). Not `networkidle`: its 500 ms of quiet after each of the
        # 60 loads made the visits 105 s instead of 61 s.
        for _ in range(200):
            if not in_flight[scheme]:
                break
            tab.wait_for_timeout(25)
        visit.opened_in, visit.violations = result["scheme"], result["violations"]
        visit.diagrams_shown = tab.evaluate(SHOWN_DIAGRAMS)
        visit.mermaid_left = tab.evaluate(MERMAID_LEFT)
        visits.append(visit)

    start = time.perf_counter()
    try:
        # Round robin: a tab's page loads while axe runs in the other tab.
        for path in pages:
            for scheme, (_context, tab) in tabs.items():
                if scheme in current:  # the page before, whose axe run is under way
                    finish(scheme)
                current[scheme] = Visit(path, scheme, diagrams_built=diagrams_built(site_dir, path))
                tab.goto(site_url + path, wait_until="load")
                tab.evaluate(START_AXE)  # after two frames: Material's JS has run
        for scheme in current:
            finish(scheme)
    finally:
        for context, _tab in tabs.values():
            context.close()
    return visits, time.perf_counter() - start
