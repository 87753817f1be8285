"""MkDocs hook: fail the strict build on malformed YAML front matter, naming the file and line.

MkDocs silently drops front matter it cannot parse (the page builds, its description and tags
vanish). This hook reports it as a warning, which `mkdocs build --strict` turns into a failure.
Optional by design: under Zensical (which runs no hooks) the site still builds.
"""

from __future__ import annotations

import logging
from pathlib import Path

import yaml

log = logging.getLogger("mkdocs.hooks.front_matter")


def front_matter_problem(text: str) -> tuple[int, str] | None:
    """Return (line, message) if the text opens with front matter that is not a YAML mapping."""
    lines = text.splitlines()
    if not lines or lines[0].rstrip() != "---":
        return None
    closing = [i for i, line in enumerate(lines[1:], start=1) if line.rstrip() in ("---", "...")]
    if not closing:
        return 1, "front matter가 '---'로 닫히지 않았습니다"
    end = closing[0]
    try:
        data = yaml.safe_load("\n".join(lines[1:end]))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 2 if mark is not None else 1
        return line, f"front matter YAML을 읽을 수 없습니다: {getattr(error, 'problem', error)}"
    if data is not None and not isinstance(data, dict):
        return 2, "front matter는 'key: value' 목록(매핑)이어야 합니다"
    return None


def on_pre_build(config) -> None:  # type: ignore[no-untyped-def]
    """Check every Markdown page under docs_dir before MkDocs reads them."""
    docs = Path(config["docs_dir"])
    for path in sorted(docs.rglob("*.md")):
        problem = front_matter_problem(path.read_text(encoding="utf-8"))
        if problem:
            line, message = problem
            log.warning("%s:%d: %s", path.relative_to(docs).as_posix(), line, message)
