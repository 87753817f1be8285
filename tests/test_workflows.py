"""GitHub Actions workflows are valid and pass a security audit, offline."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

BIN = Path(sys.executable).parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))


def test_there_are_ci_and_deploy_workflows() -> None:
    names = {path.name for path in WORKFLOWS}
    assert {"ci.yml", "deploy.yml"} <= names, names


GITHUB = ROOT / ".github"
SCHEMAS = [
    ("vendor.github-workflows", WORKFLOWS),
    ("vendor.dependabot", [GITHUB / "dependabot.yml"]),
    ("vendor.github-issue-forms", sorted((GITHUB / "ISSUE_TEMPLATE").glob("[!c]*.yml"))),
    ("vendor.github-issue-config", [GITHUB / "ISSUE_TEMPLATE" / "config.yml"]),
]


@pytest.mark.parametrize(("schema", "files"), SCHEMAS, ids=[name for name, _ in SCHEMAS])
def test_github_files_match_their_schema(schema: str, files: list[Path]) -> None:
    assert files, f"no files for {schema}"
    result = subprocess.run(
        [BIN / "check-jsonschema", "--builtin-schema", schema, *files],
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_zizmor_finds_nothing_of_medium_severity_or_above() -> None:
    """Audits all of .github/, as `zizmor --offline .github` does (dependabot cooldown included)."""
    result = subprocess.run(
        [
            BIN / "zizmor",
            "--offline",
            "--format",
            "json",
            "--min-severity",
            "medium",
            "--config",
            ROOT / ".github" / "zizmor.yml",
            ROOT / ".github",  # the whole folder: workflows and dependabot.yml
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    findings = json.loads(result.stdout or "[]")
    summary = [
        f"{f['ident']}: {f['desc']} — {f['locations'][0]['symbolic']['annotation']}"
        f" ({f['locations'][0]['symbolic']['key']['Local']['verbatim_path']}"
        f":{f['locations'][0]['concrete']['location']['start_point']['row'] + 1})"
        for f in findings
    ]
    assert not findings, "\n".join(summary)


def test_zizmor_policy_only_relaxes_githubs_own_actions() -> None:
    """Without the reviewed policy file, the only findings are tag-pinned actions/* references."""
    result = subprocess.run(
        [BIN / "zizmor", "--offline", "--format", "json", "--no-config", ROOT / ".github"],
        capture_output=True,
        text=True,
        check=False,
    )
    findings = json.loads(result.stdout or "[]")
    others = [f["ident"] for f in findings if f["ident"] != "unpinned-uses"]
    assert not others, others
