"""The strict build is the gate: each way a contribution breaks the site fails, naming the file."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import copy_project, mkdocs_build

PAGE = "docs/http/index.md"


def _append(path: Path, text: str) -> None:
    path.write_text(path.read_text(encoding="utf-8") + text, encoding="utf-8")


def _break_link(project: Path) -> None:
    _append(project / PAGE, "\n\n[깨진 링크](no-such-page.md)\n")


def _break_anchor(project: Path) -> None:
    _append(project / PAGE, "\n\n[없는 제목](messages.md#no-such-heading)\n")


def _orphan_page(project: Path) -> None:
    (project / "docs/http/orphan-page.md").write_text("# 고아 페이지\n", encoding="utf-8")


def _nav_without_file(project: Path) -> None:
    config = project / "mkdocs.yml"
    text = config.read_text(encoding="utf-8")
    config.write_text(
        text.replace(
            "      - http/messages.md\n", "      - http/messages.md\n      - http/ghost.md\n"
        ),
        encoding="utf-8",
    )


def _missing_snippet(project: Path) -> None:
    _append(project / PAGE, '\n\n--8<-- "examples/no-such-file.txt"\n')


def _malformed_front_matter(project: Path) -> None:
    page = project / PAGE
    body = page.read_text(encoding="utf-8").split("---", 2)[2]
    page.write_text(
        "---\ndescription: [닫히지 않은 목록\ntags: 네트워크\n---" + body, encoding="utf-8"
    )


def _broken_synonym_list(project: Path) -> None:
    _append(project / "includes/search-synonyms.yml", "- [외톨이]\n")


@pytest.mark.parametrize(
    ("breakage", "named"),
    [
        (_break_link, "http/index.md"),
        (_break_anchor, "http/index.md"),
        (_orphan_page, "http/orphan-page.md"),
        (_nav_without_file, "http/ghost.md"),
        (_missing_snippet, "no-such-file.txt"),
        (_malformed_front_matter, "http/index.md"),
        (_broken_synonym_list, "search-synonyms.yml:"),
    ],
    ids=[
        "broken-internal-link",
        "missing-anchor",
        "page-not-in-nav",
        "nav-entry-without-file",
        "missing-snippet",
        "malformed-front-matter",
        "broken-synonym-list",
    ],
)
def test_contribution_that_breaks_the_site_fails_the_build_naming_the_file(
    tmp_path: Path, breakage, named: str
) -> None:
    project = copy_project(tmp_path / "project")
    breakage(project)
    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the strict build passed a broken site:\n{output}"
    assert named in output, f"the error does not name {named}:\n{output}"


def test_untouched_copy_builds(tmp_path: Path) -> None:
    """Guards the test above: the untouched copy builds, so each failure comes from its breakage."""
    project = copy_project(tmp_path / "project")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
