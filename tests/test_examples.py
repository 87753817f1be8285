"""The Go and Java examples shown on the pages run, and print exactly the output the page shows."""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest
from conftest import ROOT

EXAMPLES = ROOT / "examples"
GO = sorted(p.parent for p in (EXAMPLES / "go").glob("*/main.go"))
JAVA = sorted(p.parent for p in (EXAMPLES / "java").glob("*/Main.java"))


def _run(command: list[str], cwd: Path) -> str:
    env = {**os.environ, "GOFLAGS": "-mod=mod", "GOCACHE": str(ROOT / ".cache" / "go-build")}
    result = subprocess.run(
        command, cwd=cwd, capture_output=True, text=True, timeout=120, env=env, check=False
    )
    assert result.returncode == 0, f"{cwd.relative_to(ROOT)} failed:\n{result.stderr}"
    return result.stdout


def _expected(folder: Path) -> str:
    expected = folder / "expected.txt"
    assert expected.is_file(), f"{expected.relative_to(ROOT)} is missing"
    return expected.read_text(encoding="utf-8")


def test_every_example_is_shown_on_a_page() -> None:
    pages = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "docs").rglob("*.md"))
    unused = [
        folder.relative_to(ROOT).as_posix()
        for folder in GO + JAVA
        if folder.relative_to(ROOT).as_posix() + "/" not in pages
    ]
    assert not unused, f"examples no page includes: {unused}"


@pytest.mark.parametrize("folder", GO, ids=lambda p: p.name)
def test_go_example_prints_what_the_page_shows(folder: Path) -> None:
    assert shutil.which("go"), "Go is missing: run `make setup`"
    assert _run(["go", "run", f"./{folder.name}"], EXAMPLES / "go") == _expected(folder)


@pytest.mark.parametrize("folder", JAVA, ids=lambda p: p.name)
def test_java_example_prints_what_the_page_shows(folder: Path) -> None:
    assert shutil.which("java"), "Java is missing: run `make setup`"
    args_file = folder / "jvm-args.txt"
    jvm_args = args_file.read_text(encoding="utf-8").split() if args_file.is_file() else []
    assert _run(["java", *jvm_args, "Main.java"], folder) == _expected(folder)
