"""Mermaid diagrams shipped as SVG rendered ahead of time: the Markdown side.

Pages keep their diagrams as ```mermaid fences (contributors edit the source). mkdocs.yml points
pymdownx.superfences' `mermaid` custom fence at fence_format(), which replaces each fence with the
SVG committed in includes/diagrams/<key>.svg, where the key hashes the diagram source together
with the render settings below and the Mermaid version. So no page loads Mermaid's JavaScript,
diagrams show with JavaScript off, and the same works under `mkdocs build`, `mkdocs serve`, the
offline build and Zensical (which runs Python-Markdown extensions but no MkDocs hooks or plugins).

When a fence has no render (new or edited diagram, or changed settings), fence_format() logs a
warning naming the page and line and the command to run (`make diagrams`, which is
scripts/render_diagrams.py) and shows the source as text; `mkdocs build --strict` then fails.

This module is a tiny local package (extensions/pyproject.toml, installed editable by
requirements.txt) because a `!!python/name:` tag in mkdocs.yml is resolved while the config is
parsed, before hooks run, and neither the `mkdocs` nor the `zensical` console script puts the
project folder on sys.path.
"""

from __future__ import annotations

import hashlib
import html
import json
import logging
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.extensions.diagram_svg")

# The npm package that renders (package.json pins the same; tests/test_diagrams.py compares).
MERMAID_VERSION = "11.17.2"
# Where the renders live, relative to the folder of mkdocs.yml (outside docs/: not copied as files).
STORE = Path("includes") / "diagrams"
# Bump when scripts/render_diagrams.py changes what it does to Mermaid's SVG (every key changes).
FORMAT_VERSION = 1
# The site's Korean font stack (docs/assets/stylesheets/extra.css, --md-text-font): text is measured
# with it when rendering and drawn with it by diagrams.css.
FONT_FAMILY = (
    '"Pretendard", "Apple SD Gothic Neo", "Malgun Gothic", "맑은 고딕", "Noto Sans KR", '
    '"Noto Sans CJK KR", "Nanum Gothic", system-ui, sans-serif'
)
# mermaid.initialize() settings. Colours are not rendered in: diagrams.css draws every diagram with
# Material's palette, so one render follows the light/dark toggle.
MERMAID_CONFIG: dict[str, Any] = {
    "startOnLoad": False,
    "securityLevel": "strict",
    "theme": "neutral",
    "fontFamily": FONT_FAMILY,
    "fontSize": 16,
    "htmlLabels": False,
    "flowchart": {"htmlLabels": False, "useMaxWidth": False},
    "sequence": {"useMaxWidth": False, "mirrorActors": False},
}
COMMAND = "make diagrams"

_FENCE_OPEN = re.compile(r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})[ \t]*(?P<info>[^`]*)$")
_MERMAID_INFO = re.compile(r"^mermaid\b")
_ACC_TITLE = re.compile(r"^\s*accTitle\s*:\s*\S", re.MULTILINE)
_ACC_DESCR = re.compile(r"^\s*accDescr\s*(:\s*\S|\{)", re.MULTILINE)


def normalize(source: str) -> str:
    """The diagram text that is hashed and rendered: no trailing spaces or blank edge lines."""
    return "\n".join(line.rstrip() for line in source.splitlines()).strip("\n")


def render_settings() -> str:
    """Everything besides the source that changes a render, as one stable string."""
    return json.dumps(
        {"mermaid": MERMAID_VERSION, "config": MERMAID_CONFIG, "format": FORMAT_VERSION},
        sort_keys=True,
        ensure_ascii=False,
    )


def diagram_key(source: str) -> str:
    """The name of a diagram's render: a hash of the render settings and the normalized source."""
    digest = hashlib.sha256(f"{render_settings()}\n{normalize(source)}".encode())
    return digest.hexdigest()[:16]


def fences(text: str) -> list[tuple[int, str]]:
    """The ```mermaid fences of a Markdown text as (1-based line of the opening fence, source)."""
    lines = text.splitlines()
    found = []
    i = 0
    while i < len(lines):
        match = _FENCE_OPEN.match(lines[i])
        if not match:
            i += 1
            continue
        indent, fence = match["indent"], match["fence"]
        closing = re.compile(rf"^[ \t]*{re.escape(fence[0])}{{{len(fence)},}}[ \t]*$")
        body = []
        j = i + 1
        while j < len(lines) and not closing.match(lines[j]):
            line = lines[j]
            body.append(line[len(indent) :] if line.startswith(indent) else line.lstrip())
            j += 1
        if _MERMAID_INFO.match(match["info"].strip()):  # other fences are skipped whole
            found.append((i + 1, "\n".join(body)))
        i = j + 1
    return found


@dataclass(frozen=True)
class Diagram:
    """One ```mermaid fence of a page."""

    page: str  # path relative to docs/, as MkDocs names pages ("network/tcp-handshake.md")
    line: int
    source: str

    @property
    def normalized(self) -> str:
        """The text that is rendered (and hashed)."""
        return normalize(self.source)

    @property
    def key(self) -> str:
        """The render's file name without .svg."""
        return diagram_key(self.source)

    def missing_text_alternative(self) -> list[str]:
        """Which of accTitle / accDescr (the SVG's <title> and <desc>) the source lacks."""
        return [
            name
            for name, pattern in (("accTitle", _ACC_TITLE), ("accDescr", _ACC_DESCR))
            if not pattern.search(self.source)
        ]


def find_diagrams(docs_dir: Path) -> list[Diagram]:
    """Every ```mermaid fence under docs_dir, page by page."""
    return [
        Diagram(path.relative_to(docs_dir).as_posix(), line, source)
        for path in sorted(docs_dir.rglob("*.md"))
        for line, source in fences(path.read_text(encoding="utf-8"))
    ]


def _context(md: Any) -> tuple[Path, str | None, Path | None]:
    """(project folder, page path relative to docs/, page file) of the page being converted.

    MkDocs registers a "relpath" tree processor that knows the page and the config; Zensical
    registers a preprocessor holding its page context. Anything else: the working directory.
    """
    treeprocessors = getattr(md, "treeprocessors", None)
    relpath = treeprocessors["relpath"] if treeprocessors and "relpath" in treeprocessors else None
    if relpath is not None and hasattr(relpath, "file"):
        config_file = relpath.config.get("config_file_path")
        root = Path(config_file).parent if config_file else Path.cwd()
        return root, relpath.file.src_uri, Path(relpath.file.abs_src_path)
    for processor in getattr(md, "preprocessors", []):
        if type(processor).__name__ == "ContextPreprocessor" and hasattr(processor, "page"):
            root = Path.cwd()
            docs = root / str(processor.config.get("docs_dir", "docs"))
            page = Path(str(processor.page.path))
            page_file = page if page.is_absolute() else docs / page
            rel = page_file.relative_to(docs).as_posix() if page_file.is_relative_to(docs) else None
            return root, rel or page.as_posix(), page_file
    return Path.cwd(), None, None


def _fence_line(page_file: Path | None, source: str, occurrence: int) -> int | None:
    """The line of the occurrence-th fence with this source in the page file (for messages)."""
    if page_file is None or not page_file.is_file():
        return None
    wanted = normalize(source)
    lines = [line for line, text in fences(page_file.read_text(encoding="utf-8"))
             if normalize(text) == wanted]
    if not lines:
        return None
    return lines[min(occurrence, len(lines) - 1)]


def fence_format(
    source: str,
    language: str,
    class_name: str,
    options: dict[str, Any],
    md: Any,
    **kwargs: Any,
) -> str:
    """pymdownx.superfences custom fence: the committed SVG render of a ```mermaid fence.

    Never raises: superfences would swallow the exception and leave the fence as plain code.
    """
    try:
        return _format(source, md)
    except Exception as error:  # a warning instead, which fails the strict build
        log.warning("Mermaid 다이어그램을 넣지 못했습니다: %s: %s", type(error).__name__, error)
        return _source_as_text(source)


def _source_as_text(source: str) -> str:
    return f'<pre class="diagram-missing"><code>{html.escape(normalize(source))}</code></pre>'


def _format(source: str, md: Any) -> str:
    root, page, page_file = _context(md)
    key = diagram_key(source)
    seen: Counter[str] = md.__dict__.setdefault("_diagram_svg_seen", Counter())
    occurrence = seen[key]
    seen[key] += 1
    render = root / STORE / f"{key}.svg"
    if not render.is_file():
        line = _fence_line(page_file, source, occurrence)
        where = f"{page or '<page>'}:{line}" if line else (page or "<page>")
        log.warning(
            "%s: Mermaid 다이어그램의 SVG 렌더(%s)가 없거나 낡았습니다. "
            "`%s`로 다시 그리고 %s/를 커밋하세요",
            where,
            (STORE / f"{key}.svg").as_posix(),
            COMMAND,
            STORE.as_posix(),
        )
        return _source_as_text(source)
    svg = render.read_text(encoding="utf-8")
    if occurrence:  # the same diagram twice on a page: keep its ids unique
        svg = svg.replace(f"d-{key}-", f"d-{key}-{occurrence}-")
    return _wrap(svg)


WIDE_PX = 640  # wider than this shrinks below readable text on a phone
MIN_SCALE = 0.6  # so a wide diagram scrolls sideways instead of shrinking past 60 %


def _wrap(svg: str) -> str:
    """The SVG in its box; a wide one keeps a minimum width and scrolls (keyboard too)."""
    width = re.search(r'<svg[^>]*\swidth="([\d.]+)', svg)
    if not width or float(width.group(1)) <= WIDE_PX:
        return f'<div class="diagram">{svg}</div>'
    minimum = round(float(width.group(1)) * MIN_SCALE)
    svg = svg.replace("<svg", f'<svg style="min-width: {minimum}px"', 1)
    title = re.search(r"<title[^>]*>([^<]*)</title>", svg)
    name = html.escape(html.unescape(title.group(1)), quote=True) if title else "다이어그램"
    return (
        '<div class="diagram diagram--wide" tabindex="0" role="region" '
        f'aria-label="{name} (다이어그램, 옆으로 밀어서 보기)">{svg}</div>'
    )
