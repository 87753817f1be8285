"""The strict build is the gate: each way a contribution breaks the site fails, naming the file."""

from __future__ import annotations

import subprocess
from concurrent.futures import ThreadPoolExecutor
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


# name: (breakage, what the error names). The first four are warnings, which the strict build
# collects and reports together before it aborts: they share one broken copy, and each must show
# as a warning of its own. The others stop the build where they occur: one copy each.
BREAKAGES = {
    "broken-internal-link": (_break_link, "'http/index.md' contains a link 'no-such-page.md'"),
    "missing-anchor": (_break_anchor, "anchor '#no-such-heading'"),
    "page-not-in-nav": (_orphan_page, "http/orphan-page.md"),
    "nav-entry-without-file": (_nav_without_file, "http/ghost.md"),
    "missing-snippet": (_missing_snippet, "no-such-file.txt"),
    "malformed-front-matter": (_malformed_front_matter, "http/index.md"),
    "broken-synonym-list": (_broken_synonym_list, "search-synonyms.yml:"),
}
WARNINGS = ("broken-internal-link", "missing-anchor", "page-not-in-nav", "nav-entry-without-file")
COPIES = {"warnings": WARNINGS} | {n: (n,) for n in BREAKAGES if n not in WARNINGS}


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, subprocess.CompletedProcess[str]]:
    """Each broken copy built with the gate, two builds at a time (one build keeps one core
    busy; the machine has two): {breakage: the build of the copy that has it}."""

    def build(copy: str) -> subprocess.CompletedProcess[str]:
        root = tmp_path_factory.mktemp(copy)
        project = copy_project(root / "project")
        for name in COPIES[copy]:
            BREAKAGES[name][0](project)
        return mkdocs_build(project, root / "site")

    with ThreadPoolExecutor(max_workers=2) as pool:
        built = dict(zip(COPIES, pool.map(build, COPIES), strict=True))
    return {name: built[copy] for copy, names in COPIES.items() for name in names}


def _warnings(result: subprocess.CompletedProcess[str]) -> list[str]:
    """The build's warnings, one line each (a warning's list of pages joined to its line)."""
    lines = (result.stdout + result.stderr).replace("\n  - ", " - ").splitlines()
    return [line for line in lines if line.startswith("WARNING")]


@pytest.mark.parametrize("name", list(BREAKAGES))
def test_contribution_that_breaks_the_site_fails_the_build_naming_the_file(
    builds: dict[str, subprocess.CompletedProcess[str]], name: str
) -> None:
    result = builds[name]
    named = BREAKAGES[name][1]
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the strict build passed a broken site:\n{output}"
    if name in WARNINGS:
        warned = any(named in line for line in _warnings(result))
        assert warned, f"no warning names {named}:\n{output}"
    else:
        assert named in output, f"the error does not name {named}:\n{output}"


def test_the_broken_copy_has_no_warning_but_its_breakages(
    builds: dict[str, subprocess.CompletedProcess[str]],
) -> None:
    """Guards the test above: the copy warns once per breakage and about nothing else, so every
    failure comes from its breakage (the session's own build shows the project builds clean)."""
    result = builds[WARNINGS[0]]
    warnings = _warnings(result)
    expected = [BREAKAGES[name][1] for name in WARNINGS]
    assert len(warnings) == len(WARNINGS), "\n".join(warnings)
    for line in warnings:
        assert sum(named in line for named in expected) == 1, "\n".join(warnings)
