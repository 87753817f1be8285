"""Read the Markdown sources the way the page contract (CONTRIBUTING.md) describes them.

Deliberately independent of the build: tests compare what this finds in the sources with what the
built site shows, so a bug in the build-time code cannot hide itself.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

DOCS = Path(__file__).resolve().parents[1] / "docs"

# Landing pages hold maps and tools, not a topic: they are exempt from the topic contract.
LANDING_PAGES = {"index.md", "network/index.md", "backend/index.md", "practice/index.md", "tags.md"}

QUESTION = re.compile(r'^(?P<indent> *)\?\?\?\+? question "(?P<title>(?:[^"\\]|\\.)+)"\s*$')
HEADING = re.compile(r"^(?P<hashes>#{1,6})\s+(?P<text>.+?)\s*#*\s*$")
FENCE = re.compile(r"^\s*(```|~~~)")
LINK = re.compile(r"\]\((?P<url>https?://[^)\s]+)\)|<(?P<auto>https?://[^>\s]+)>")


@dataclass
class Question:
    """One `??? question "…"` block: its title, answer text, and nesting (0 = top level)."""

    title: str
    line: int
    depth: int
    answer: str
    parent: str | None = None


@dataclass
class Heading:
    level: int
    text: str
    line: int


@dataclass
class Page:
    path: str  # relative to docs/, e.g. "network/tcp-handshake.md"
    text: str
    meta: dict = field(default_factory=dict)
    body_start: int = 1  # line number where the Markdown after the front matter starts
    headings: list[Heading] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)

    def location(self, line: int) -> str:
        return f"docs/{self.path}:{line}"

    def section(self, heading: str) -> str:
        """The Markdown text under an H2 heading, up to the next H2."""
        lines = self.text.splitlines()
        starts = [h for h in self.headings if h.level == 2]
        for index, current in enumerate(starts):
            if current.text == heading:
                end = starts[index + 1].line - 1 if index + 1 < len(starts) else len(lines)
                return "\n".join(lines[current.line : end])
        return ""

    def links(self, text: str | None = None) -> list[str]:
        return [m.group("url") or m.group("auto") for m in LINK.finditer(text or self.text)]


def _split_front_matter(text: str) -> tuple[dict, int]:
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        return {}, 1
    for index, line in enumerate(lines[1:], start=1):
        if line.strip() == "---":
            return yaml.safe_load("\n".join(lines[1:index])) or {}, index + 2
    raise ValueError("front matter is not closed with ---")


def load_page(path: Path) -> Page:
    """Parse one page: front matter, headings and question blocks (outside code fences)."""
    text = path.read_text(encoding="utf-8")
    meta, body_start = _split_front_matter(text)
    page = Page(path=path.relative_to(DOCS).as_posix(), text=text, meta=meta, body_start=body_start)
    lines = text.splitlines()
    in_fence = False
    open_blocks: list[tuple[int, Question]] = []  # (indent, question)
    for number, line in enumerate(lines, start=1):
        if number < body_start:
            continue
        if FENCE.match(line):
            in_fence = not in_fence
            continue
        if in_fence:
            continue
        indent = len(line) - len(line.lstrip(" "))
        if line.strip():
            while open_blocks and indent <= open_blocks[-1][0]:
                open_blocks.pop()
        match = QUESTION.match(line)
        if match:
            parent = open_blocks[-1][1].title if open_blocks else None
            question = Question(
                title=match.group("title"),
                line=number,
                depth=len(open_blocks),
                answer="",
                parent=parent,
            )
            page.questions.append(question)
            open_blocks.append((len(match.group("indent")), question))
            continue
        if open_blocks and line.strip():
            open_blocks[-1][1].answer += line.strip() + "\n"
        heading = HEADING.match(line)
        if heading and indent == 0:
            page.headings.append(
                Heading(len(heading.group("hashes")), heading.group("text"), number)
            )
    return page


def all_pages() -> list[Page]:
    return [load_page(path) for path in sorted(DOCS.rglob("*.md"))]


def topic_pages() -> list[Page]:
    return [page for page in all_pages() if page.path not in LANDING_PAGES]
