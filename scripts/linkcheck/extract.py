"""Find every external (http/https) URL in Markdown files, with its file and line.

A real Markdown parser (markdown-it-py, CommonMark plus tables) is used instead of a URL regex
over the raw text, so that:

- inline links and images, reference-style definitions, autolinks (``<https://...>``), bare URLs
  in text and ``href``/``src`` attributes in inline or block HTML are all found;
- text inside code spans, fenced and indented code blocks is never taken as a link;
- the body of a PyMdown admonition, collapsible block or content tab (``!!! note``,
  ``??? question``, ``=== "Tab"``, body indented by four spaces) is parsed as Markdown, as
  Python-Markdown does, instead of as an indented code block as plain CommonMark would.

File discovery uses :func:`linkcheckmd.files.get` (recursive ``*.md`` walk).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from html.parser import HTMLParser
from pathlib import Path

from linkcheckmd import files as lcm_files
from markdown_it import MarkdownIt
from markdown_it.rules_block import StateBlock
from markdown_it.token import Token

from .models import InputError, Link, Location

_EXTERNAL = re.compile(r"^https?://", re.IGNORECASE)

#: A bare URL in running text: stops at whitespace, angle brackets, quotes and backticks.
_BARE_URL = re.compile(r"""https?://[^\s<>"`]+""", re.IGNORECASE)
#: Punctuation that ends a sentence rather than a URL (GFM's autolink rule, plus CJK marks).
_TRAILING = ".,:;!?'\"*_~。、，"

#: ``!!! note "title"``, ``??? question "q"``, ``???+ tip``, ``=== "Tab"`` (PyMdown blocks).
_CONTAINER_MARKER = re.compile(r"""^(?:(?:!!!|\?\?\?\+?)[ \t]*[\w-]|===[+!]*[ \t]+")""")

_FRONT_MATTER_END = ("---", "...")


def find_markdown_files(paths: Iterable[Path]) -> list[Path]:
    """Return the Markdown files named by ``paths`` (folders are walked recursively), sorted.

    Raises :class:`InputError` for a missing path, a file that is not ``.md`` or a folder
    without any Markdown file.
    """
    found: list[Path] = []
    for path in paths:
        if not path.exists():
            raise InputError(f"{path}: no such file or folder")
        if path.is_file() and path.suffix.lower() != ".md":
            raise InputError(f"{path}: not a Markdown (.md) file")
        in_path = sorted(set(lcm_files.get(path, ".md", recurse=True)))
        if not in_path:
            raise InputError(f"{path}: no Markdown (.md) files in this folder")
        found.extend(in_path)
    return sorted(set(found))


def display_path(path: Path) -> str:
    """Show ``path`` relative to the current folder when it is inside it (POSIX separators)."""
    absolute = path.resolve()
    try:
        return absolute.relative_to(Path.cwd().resolve()).as_posix()
    except ValueError:
        return absolute.as_posix()


def read_markdown(path: Path, shown: str) -> str:
    """Read a Markdown file as UTF-8; raise :class:`InputError` naming the file and line if not."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{shown}: cannot read the file: {exc.strerror or exc}") from exc
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        line_start = data.rfind(b"\n", 0, exc.start) + 1
        column = len(data[line_start : exc.start].decode("utf-8", errors="replace")) + 1
        raise InputError(
            f"{shown}:{line}: not valid UTF-8 (byte 0x{data[exc.start]:02x} at column {column});"
            " save the page as UTF-8"
        ) from exc


def collect_links(paths: Iterable[Path]) -> tuple[list[Link], int]:
    """Extract the external URLs of all Markdown files under ``paths``.

    Returns the unique URLs (first-seen order, each with all its locations) and the number of
    Markdown files read. Raises :class:`InputError` for bad input; every file is read before
    anything is checked, so bad input never costs a network run.
    """
    files = find_markdown_files(paths)
    links: dict[str, Link] = {}
    for path in files:
        shown = display_path(path)
        text = read_markdown(path, shown)
        for url, line in extract_urls(text):
            link = links.setdefault(url, Link(url))
            location = Location(shown, line)
            if location not in link.locations:
                link.locations.append(location)
    return list(links.values()), len(files)


def extract_urls(text: str) -> list[tuple[str, int]]:
    """Return ``(url, line)`` for every external URL in one Markdown text, in source order.

    Lines are 1-based. A reference-style link is reported where its definition is written
    (that is the line to edit); a URL written twice is reported twice.
    """
    text = _blank_front_matter(text)
    lines = text.split("\n")
    tokens = _parser().parse(text)
    found: list[tuple[str, int]] = []
    defined = {t.meta["url"] for t in tokens if t.type == "definition"}
    # Block tokens are a flat list; only "inline" tokens have children.
    for token in tokens:
        if token.map is None:
            continue
        start, end = token.map
        if token.type == "definition":
            url = token.meta["url"]
            if _EXTERNAL.match(url):
                found.append((url, _refine_line(url, start, start, end, lines)))
        elif token.type == "html_block":
            for url, offset in _html_attr_urls(token.content):
                found.append((url, _refine_line(url, start + offset, start, end, lines)))
        elif token.type == "inline":
            for url, guess in _inline_urls(token, start):
                line = _find_line(url, guess, start, end, lines)
                if line is None and url in defined:
                    continue  # a reference usage (e.g. ![alt][ref]): reported at the definition
                found.append((url, guess + 1 if line is None else line))
    found.sort(key=lambda item: item[1])
    return found


def _parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"inline_definitions": True, "store_labels": True})
    md.enable(["table", "strikethrough"])
    # Keep URLs exactly as written (Python-Markdown writes them to the page unchanged).
    md.normalizeLink = lambda url: url  # type: ignore[method-assign]
    md.block.ruler.before(
        "fence",
        "pymdown_container",
        _container_rule,
        {"alt": ["paragraph", "reference", "blockquote", "list"]},
    )
    return md


def _container_rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
    """Parse a PyMdown admonition/details/tab block: a marker line and a body indented by 4."""
    if state.sCount[start_line] - state.blkIndent >= 4:
        return False
    first = state.src[
        state.bMarks[start_line] + state.tShift[start_line] : state.eMarks[start_line]
    ]
    if not _CONTAINER_MARKER.match(first):
        return False
    if silent:
        return True
    body_indent = state.sCount[start_line] + 4
    body_end = start_line + 1
    line = start_line + 1
    while line < end_line:
        if state.isEmpty(line):
            line += 1
            continue
        if state.sCount[line] < body_indent:
            break
        line += 1
        body_end = line
    saved = (state.parentType, state.blkIndent, state.lineMax)
    state.parentType = "admonition"  # type: ignore[assignment]
    state.blkIndent = body_indent
    state.lineMax = body_end
    opening = state.push("pymdown_container_open", "div", 1)
    opening.map = [start_line, body_end]
    opening.info = first
    state.md.block.tokenize(state, start_line + 1, body_end)
    state.push("pymdown_container_close", "div", -1)
    state.parentType, state.blkIndent, state.lineMax = saved
    state.line = body_end
    return True


def _inline_urls(token: Token, first_line: int) -> Iterator[tuple[str, int]]:
    """``(url, 0-based line guess)`` for links, images, inline HTML and bare URLs in a block."""
    line = first_line
    link_depth = 0
    for child in token.children or []:
        kind = child.type
        if kind == "link_open":
            link_depth += 1
            href = str(child.attrs.get("href", "")).strip()
            # A reference usage ([text][ref]) carries a label: it is reported at its definition.
            if "label" not in child.meta and _EXTERNAL.match(href):
                yield href, line
        elif kind == "link_close":
            link_depth -= 1
        elif kind == "image":
            src = str(child.attrs.get("src", "")).strip()
            if _EXTERNAL.match(src):
                yield src, line
            line += sum(1 for c in child.children or [] if c.type in ("softbreak", "hardbreak"))
        elif kind == "html_inline":
            for url, offset in _html_attr_urls(child.content):
                yield url, line + offset
            line += child.content.count("\n")
        elif kind in ("softbreak", "hardbreak"):
            line += 1
        elif kind == "text" and link_depth == 0:
            for url in bare_urls(child.content):
                yield url, line


def bare_urls(text: str) -> list[str]:
    """URLs written as plain text (GFM's extended-autolink trimming of trailing punctuation)."""
    urls = []
    for match in _BARE_URL.finditer(text):
        url = match.group(0)
        while url:
            last = url[-1]
            opener = {")": "(", "]": "["}.get(last)
            unbalanced = opener is not None and url.count(opener) < url.count(last)
            if last in _TRAILING or unbalanced:
                url = url[:-1]
            else:
                break
        if re.match(r"^https?://[^/?#]", url, re.IGNORECASE):
            urls.append(url)
    return urls


class _AttrURLs(HTMLParser):
    """Collects external ``href``/``src`` attribute values with the line of their tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, int]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        for name, value in attrs:
            if name in ("href", "src") and value and _EXTERNAL.match(value.strip()):
                self.found.append((value.strip(), self.getpos()[0] - 1))

    handle_startendtag = handle_starttag


def _html_attr_urls(html: str) -> list[tuple[str, int]]:
    """``(url, 0-based line offset)`` for external ``href``/``src`` in an HTML fragment."""
    parser = _AttrURLs()
    parser.feed(html)
    parser.close()
    return parser.found


def _find_line(url: str, guess: int, start: int, end: int, lines: list[str]) -> int | None:
    """The 1-based line in ``[start, end)`` that contains ``url``, closest to ``guess``."""
    candidates = [n for n in range(start, min(end, len(lines))) if url in lines[n]]
    if not candidates:
        return None
    return min(candidates, key=lambda n: (abs(n - guess), n)) + 1


def _refine_line(url: str, guess: int, start: int, end: int, lines: list[str]) -> int:
    line = _find_line(url, guess, start, end, lines)
    return guess + 1 if line is None else line


def _blank_front_matter(text: str) -> str:
    """Replace a YAML front matter block with empty lines (keeps line numbers, hides its URLs)."""
    lines = text.split("\n")
    if not lines or lines[0].rstrip() != "---":
        return text
    for n in range(1, len(lines)):
        if lines[n].rstrip() in _FRONT_MATTER_END:
            return "\n".join([""] * (n + 1) + lines[n + 1 :])
    return text
