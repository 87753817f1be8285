"""Render every page's ```mermaid fences to the SVG files the build inlines (`make diagrams`).

Why: readers get diagrams as inline SVG (no Mermaid JavaScript, visible with JavaScript off), and a
contributor without a browser can still build, so the renders are committed in includes/diagrams/,
one file per diagram named by diagram_svg.diagram_key() (a hash of the source, the render settings
and the Mermaid version). This script renders only what is missing, with the npm Mermaid in
node_modules driven by Debian's /usr/bin/chromium through Playwright (one browser, one page for
all diagrams; never a downloaded browser), and deletes renders that no page uses any more.

    python scripts/render_diagrams.py          # render missing, delete orphans
    python scripts/render_diagrams.py --check  # change nothing; exit 1 if anything is out of date
    python scripts/render_diagrams.py --force  # render every diagram again

Exit codes: 0 up to date, 1 a diagram failed to render (file:line and Mermaid's message) or
--check found work to do, 2 setup problem (Mermaid or Chromium missing, wrong Mermaid version).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

from diagram_svg import (
    COMMAND,
    MERMAID_CONFIG,
    MERMAID_VERSION,
    STORE,
    Diagram,
    find_diagrams,
)

sys.path.insert(0, str(Path(__file__).resolve().parent))
from chromium import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"
MERMAID = ROOT / "node_modules" / "mermaid"
RENDER_JS = Path(__file__).resolve().with_suffix(".js")
PAGE = '<!doctype html><html lang="ko"><head><meta charset="utf-8"></head><body></body></html>'


def plan(store: Path, diagrams: list[Diagram], force: bool) -> tuple[list[Diagram], list[Path]]:
    """(diagrams to render, one per distinct key; render files no page uses)."""
    wanted: dict[str, Diagram] = {}
    for diagram in diagrams:
        wanted.setdefault(diagram.key, diagram)
    missing = [d for key, d in wanted.items() if force or not (store / f"{key}.svg").is_file()]
    orphans = sorted(path for path in store.glob("*.svg") if path.stem not in wanted)
    return missing, orphans


def check_setup() -> str | None:
    """Why rendering cannot start here, or None."""
    package = MERMAID / "package.json"
    if not package.is_file():
        return f"{package.relative_to(ROOT)} is missing: run `make setup` (npm ci)"
    installed = json.loads(package.read_text(encoding="utf-8"))["version"]
    if installed != MERMAID_VERSION:
        return (
            f"node_modules has mermaid {installed}, extensions/diagram_svg.py renders with "
            f"{MERMAID_VERSION}: run `npm ci`, or update MERMAID_VERSION after bumping package.json"
        )
    if not Path(CHROMIUM).exists():
        return f"{CHROMIUM} is missing: run `make setup` (scripts/setup.sh test)"
    return None


def render(diagrams: list[Diagram]) -> list[dict[str, str]]:
    """Render the diagrams in one headless Chromium page; [{key, svg} | {key, error}]."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        try:
            page = browser.new_page()
            page.route("**/*", lambda route: route.abort())  # nothing leaves the page
            page.set_content(PAGE)
            page.add_script_tag(path=str(MERMAID / "dist" / "mermaid.min.js"))
            page.add_script_tag(path=str(RENDER_JS))
            items = [{"key": d.key, "source": d.normalized} for d in diagrams]
            return page.evaluate(
                "([items, config]) => window.renderDiagrams(items, config)",
                [items, MERMAID_CONFIG],
            )
        finally:
            browser.close()


def main(argv: list[str] | None = None) -> int:
    """Bring includes/diagrams/ in line with the pages; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing, report only")
    parser.add_argument("--force", action="store_true", help="render every diagram again")
    args = parser.parse_args(argv)
    start = time.perf_counter()
    store = ROOT / STORE
    diagrams = find_diagrams(DOCS)
    missing, orphans = plan(store, diagrams, args.force)
    if args.check:
        for diagram in missing:
            print(f"docs/{diagram.page}:{diagram.line}: no render {STORE}/{diagram.key}.svg")
        for path in orphans:
            print(f"{path.relative_to(ROOT)}: no page uses this render")
        if missing or orphans:
            print(f"run `{COMMAND}`", file=sys.stderr)
            return 1
        print(f"{len(diagrams)} diagrams, all rendered")
        return 0

    failed = 0
    if missing:
        problem = check_setup()
        if problem:
            print(problem, file=sys.stderr)
            return 2
        store.mkdir(parents=True, exist_ok=True)
        by_key = {d.key: d for d in missing}
        for result in render(missing):
            diagram = by_key[result["key"]]
            where = f"docs/{diagram.page}:{diagram.line}"
            if "error" in result:
                failed += 1
                print(f"{where}: Mermaid could not render it: {result['error']}", file=sys.stderr)
                continue
            target = store / f"{diagram.key}.svg"
            target.write_text(result["svg"] + "\n", encoding="utf-8")
            print(f"{where}: rendered {target.relative_to(ROOT)} ({target.stat().st_size} bytes)")
    for path in orphans:
        path.unlink()
        print(f"{path.relative_to(ROOT)}: deleted (no page uses it)")
    for diagram in diagrams:
        if names := diagram.missing_text_alternative():
            print(f"docs/{diagram.page}:{diagram.line}: add {' and '.join(names)} (for readers)")
    kept = len({d.key for d in diagrams}) - len(missing)
    print(
        f"{len(diagrams)} diagrams: {len(missing) - failed} rendered, {kept} up to date, "
        f"{len(orphans)} deleted, {failed} failed ({time.perf_counter() - start:.1f} s)"
    )
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
