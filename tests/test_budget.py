"""The performance budget check runs and passes; it prints its figures (time is never asserted)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.browser


def test_budget_script_prints_figures_and_stays_within_budget(site_dir: Path) -> None:
    """Measures the session's build (CI's Budgets step also times a fresh strict build)."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "budget.py"), "--site", str(site_dir)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "| home |" in result.stdout and "| diagram page |" in result.stdout
    assert "search index:" in result.stdout
