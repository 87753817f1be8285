"""What every reader gets from the built HTML: Korean, titled, described, and self-contained."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from conftest import ROOT

RESOURCE_ATTRS = {
    "script": "src",
    "img": "src",
    "iframe": "src",
    "source": "src",
    "audio": "src",
    "video": "src",
    "embed": "src",
    "object": "data",
}
LOADING_LINK_RELS = {
    "stylesheet",
    "preload",
    "modulepreload",
    "icon",
    "apple-touch-icon",
    "manifest",
}
EXTERNAL = re.compile(r"^(https?:)?//", re.IGNORECASE)


def _pages(site_dir: Path) -> list[Path]:
    return sorted(site_dir.rglob("*.html"))


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_page_is_korean_with_a_title_and_description(site_dir: Path) -> None:
    problems = []
    for path in _pages(site_dir):
        soup = _soup(path)
        name = path.relative_to(site_dir).as_posix()
        if soup.html.get("lang") != "ko":
            problems.append(f"{name}: <html lang> is {soup.html.get('lang')!r}")
        if not (soup.title and soup.title.get_text(strip=True)):
            problems.append(f"{name}: no <title>")
        description = soup.find("meta", attrs={"name": "description"})
        if not (description and description.get("content", "").strip()):
            problems.append(f"{name}: no meta description")
    assert not problems, "\n".join(problems)


def test_each_page_has_its_own_description(site_dir: Path) -> None:
    """Front matter `description:` per page: none is missing (site-wide fallback) or shared."""
    seen: dict[str, str] = {}
    problems = []
    for path in _pages(site_dir):
        name = path.relative_to(site_dir).as_posix()
        if name == "404.html":
            continue
        content = _soup(path).find("meta", attrs={"name": "description"})["content"]
        if content in seen:
            problems.append(f"{name} has the same description as {seen[content]}")
        seen.setdefault(content, name)
    assert not problems, "\n".join(problems)


def test_sitemap_and_404_page_exist(site_dir: Path) -> None:
    assert (site_dir / "sitemap.xml").is_file()
    assert "<urlset" in (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    page_404 = _soup(site_dir / "404.html")
    assert "404" in page_404.get_text()


def test_no_page_loads_anything_from_another_host(site_dir: Path) -> None:
    offenders = []
    for path in _pages(site_dir):
        soup = _soup(path)
        name = path.relative_to(site_dir).as_posix()
        for tag, attr in RESOURCE_ATTRS.items():
            for element in soup.find_all(tag):
                value = element.get(attr, "")
                if EXTERNAL.match(value):
                    offenders.append(f"{name}: <{tag} {attr}={value}>")
        for link in soup.find_all("link"):
            rels = set(link.get("rel", []))
            if rels & LOADING_LINK_RELS and EXTERNAL.match(link.get("href", "")):
                offenders.append(f"{name}: <link rel={' '.join(rels)} href={link['href']}>")
    for css in site_dir.rglob("*.css"):
        for url in re.findall(r"url\(\s*['\"]?((?:https?:)?//[^'\")]+)", css.read_text("utf-8")):
            offenders.append(f"{css.relative_to(site_dir).as_posix()}: url({url})")
    assert not offenders, "\n".join(offenders)


@pytest.mark.parametrize("heading", ["## 3-way 핸드셰이크"])
def test_korean_headings_get_readable_ids(site_dir: Path, heading: str) -> None:
    """pymdownx.slugs.slugify keeps Hangul: '3-way 핸드셰이크' -> '3-way-핸드셰이크', never '_2'."""
    html = (site_dir / "network/tcp-handshake/index.html").read_text(encoding="utf-8")
    assert 'id="3-way-핸드셰이크"' in html
    ids = re.findall(r'<h[2-6] id="([^"]+)"', html)
    assert ids and not [i for i in ids if re.fullmatch(r"_\d*", i)], ids


def test_nested_page_edit_and_view_links_point_at_its_source(site_dir: Path) -> None:
    """ "Edit this page" opens the right file of the repository on GitHub."""
    config = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    repo = re.search(r"^repo_url:\s*(\S+)", config, re.M).group(1)
    soup = _soup(site_dir / "network/tcp-handshake/index.html")
    edit = soup.find("a", attrs={"rel": "edit"})
    assert edit is not None, "no edit link"
    assert edit["href"] == f"{repo}/edit/main/docs/network/tcp-handshake.md"
    view = [a["href"] for a in soup.select("a.md-content__button") if a is not edit]
    assert f"{repo}/raw/main/docs/network/tcp-handshake.md" in view


def test_vendored_front_end_files_match_the_pinned_npm_packages() -> None:
    """docs/assets/vendor is a committed copy of package-lock.json's iframe-worker."""
    import subprocess
    import sys

    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "vendor_assets.py"), "--check"],
        capture_output=True, text=True, check=False,
    )
    assert result.returncode == 0, result.stderr
