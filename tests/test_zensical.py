"""Material reaches end of life on 2027-05-05: the same mkdocs.yml must build with Zensical."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from conftest import copy_project

ZENSICAL = Path(sys.executable).parent / "zensical"


def _page_urls(site: Path) -> set[str]:
    return {
        path.relative_to(site).as_posix()
        for path in site.rglob("*.html")
        if not path.relative_to(site).as_posix().startswith(("assets/", "search/"))
    }


def test_zensical_builds_the_same_pages(tmp_path: Path, site_dir: Path) -> None:
    project = copy_project(tmp_path / "project")
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
    zensical_pages = _page_urls(project / "site")
    mkdocs_pages = _page_urls(site_dir)
    assert zensical_pages == mkdocs_pages, (
        f"only MkDocs: {sorted(mkdocs_pages - zensical_pages)}\n"
        f"only Zensical: {sorted(zensical_pages - mkdocs_pages)}"
    )
