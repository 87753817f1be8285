"""Nothing in the seed is left out: every outline.yml entry resolves to a real heading and link."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT
from pymdownx.slugs import slugify

SEED = ROOT / "seed"
OUTLINE = yaml.safe_load((ROOT / "outline.yml").read_text(encoding="utf-8"))
ENTRIES = [item for part in OUTLINE for item in part["items"]]
slug = slugify(case="lower")


def _built(site_dir: Path, page: str) -> Path:
    stem = page.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return site_dir / stem.removesuffix("index") / "index.html"
    return site_dir / stem / "index.html"


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: f"{e['page']}:{e['seed']}"[:80])
def test_outline_entry_resolves_to_a_heading_on_the_built_page(entry: dict, site_dir: Path) -> None:
    built = _built(site_dir, entry["page"])
    assert built.is_file(), f"outline.yml: {entry['page']} was not built"
    soup = BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser")
    if "heading" in entry:
        anchor = slug(entry["heading"], "-")
        target = soup.find(id=anchor)
        assert target is not None and target.name in {"h1", "h2", "h3", "h4"}, (
            f"outline.yml: no heading '{entry['heading']}' (#{anchor}) on docs/{entry['page']}"
        )
    if "link" in entry:
        hrefs = {a.get("href") for a in soup.select("article a")}
        assert entry["link"] in hrefs, f"docs/{entry['page']}: seed link missing: {entry['link']}"


def test_every_seed_link_is_kept_in_the_outline() -> None:
    """Every URL in the author's notes appears in outline.yml, so the test above checks it."""
    import re

    seed_text = "".join(p.read_text(encoding="utf-8") for p in sorted(SEED.glob("*.txt")))
    seed_urls = set(re.findall(r"https?://[^\s)\]]+", seed_text))
    assert seed_urls, f"no seed notes found in {SEED}"
    kept = {e["link"] for e in ENTRIES if "link" in e}
    assert seed_urls <= kept, f"seed links missing from outline.yml: {sorted(seed_urls - kept)}"


def test_every_nav_page_is_in_the_outline_or_a_landing_page() -> None:
    from markdown_pages import LANDING_PAGES, all_pages

    covered = {e["page"] for e in ENTRIES} | LANDING_PAGES
    missing = [p.path for p in all_pages() if p.path not in covered]
    assert not missing, f"pages that no seed item points to (add them to outline.yml): {missing}"
