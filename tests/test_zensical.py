"""Material reaches end of life on 2027-05-05: the same mkdocs.yml must build with Zensical."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import copy_project

ZENSICAL = Path(sys.executable).parent / "zensical"


def _page_urls(site: Path) -> set[str]:
    return {
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if not path.relative_to(site).as_posix().startswith(("assets/", "search/"))
    }


@pytest.fixture(scope="module")
def zensical_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """`zensical build` of a copy of the project (Zensical runs no MkDocs hooks or plugins)."""
    project = copy_project(tmp_path_factory.mktemp("zensical") / "project")
    result = subprocess.run(
        [ZENSICAL, "build"],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "NO_COLOR": "1"},
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return project / "site"


def test_zensical_builds_the_same_pages(zensical_site: Path, site_dir: Path) -> None:
    zensical_pages = _page_urls(zensical_site)
    mkdocs_pages = _page_urls(site_dir)
    assert zensical_pages == mkdocs_pages, (
        f"only MkDocs: {sorted(mkdocs_pages - zensical_pages)}\n"
        f"only Zensical: {sorted(zensical_pages - mkdocs_pages)}"
    )


def test_zensical_inlines_the_diagram_renders(zensical_site: Path) -> None:
    """The superfences custom fence (extensions/diagram_svg.py) needs no hook: same SVG here."""
    html = (zensical_site / "network" / "tcp-handshake" / "index.html").read_text("utf-8")
    assert html.count('<div class="diagram"><svg') >= 1
    assert "diagram-missing" not in html and 'class="mermaid"' not in html
