"""The performance budget check runs and passes; it prints its figures (time is never asserted)."""

from __future__ import annotations

import subprocess
import sys

import pytest
from conftest import ROOT

pytestmark = pytest.mark.browser


def test_budget_script_prints_figures_and_stays_within_budget() -> None:
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "budget.py")],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    print(result.stdout)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "| home |" in result.stdout and "| diagram page |" in result.stdout
    assert "strict build:" in result.stdout
