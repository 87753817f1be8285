"""A clone is the whole project: no file of it reads or names a path outside the repository."""

from __future__ import annotations

import re
import subprocess

from conftest import ROOT

# What reaching outside the clone looks like: the sibling folder our own checkouts happen to
# have, a parent of the repository root, or an absolute path of this machine.
OUTSIDE = re.compile(r"\.\./shared\b|ROOT\.parent\b|parents\[[2-9]\]|/work/|\.\./\.\./\.\.")
TEXT_SUFFIXES = {".py", ".sh", ".yml", ".yaml", ".toml", ".md", ".txt", ".js", ".html", ".cfg"}


def _tracked_files() -> list[str]:
    result = subprocess.run(
        ["git", "ls-files"], cwd=ROOT, capture_output=True, text=True, check=True
    )
    return result.stdout.splitlines()


def _project_files() -> list[str]:
    """Scripts, tests, config and docs about them; not the notes' own page links."""
    names = []
    for name in _tracked_files():
        path = ROOT / name
        if name.startswith(("docs/", "seed/")) and path.suffix == ".md":
            continue  # page links like ../network/ stay inside docs/
        if name.startswith("docs/assets/vendor/"):
            continue
        if path.suffix in TEXT_SUFFIXES or path.name in {"Makefile", "run"}:
            names.append(name)
    return names


def test_the_checks_cover_the_files_that_run() -> None:
    files = _project_files()
    for expected in ("Makefile", ".ci/run", "scripts/setup.sh", "tests/conftest.py", "mkdocs.yml"):
        assert expected in files, f"{expected} is not checked"


def test_no_project_file_names_a_path_outside_the_repository() -> None:
    hits = []
    for name in _project_files():
        if name == "tests/test_self_contained.py":
            continue
        text = (ROOT / name).read_text(encoding="utf-8", errors="replace")
        for number, line in enumerate(text.splitlines(), 1):
            if OUTSIDE.search(line):
                hits.append(f"{name}:{number}: {line.strip()}")
    assert not hits, "paths outside the repository:\n" + "\n".join(hits)


def test_the_authors_notes_are_in_the_repository() -> None:
    notes = sorted((ROOT / "seed").glob("*.txt"))
    assert notes, "seed/ has no notes"
    assert "Network" in notes[0].read_text(encoding="utf-8")
