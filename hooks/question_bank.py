"""MkDocs hook and command: question anchors on every page, and the question bank for practice mode.

Every `??? question "…"` block (CONTRIBUTING.md, page contract) gets a stable id,
`q-` + FNV-1a 32-bit (8 hex digits) of the UTF-8 bytes of `page_key + "\\n" + plain_title`:

- page_key: the page's URL path below the site root, without the trailing slash, i.e. the source
  path without `.md` and without a final `index` (`network/tcp-handshake.md` ->
  `network/tcp-handshake`, `http/index.md` -> `http`, `index.md` -> ``). It follows the URL, not
  the source path, so docs/assets/javascripts/practice.js can compute the same id from `location`
  alone (with directory URLs, `http/` could be `http.md` or `http/index.md`).
- plain_title: the title as written between the quotes, with backticks, `**` and backslash escapes
  removed and whitespace collapsed, which is the text the reader sees in the rendered summary.

Ids depend on the page and the question text only, never on positions: reordering keeps them.

As a hook (listed under `hooks:` in mkdocs.yml):

- `on_page_markdown` puts `<span class="question-anchor" id="q-…"></span>` before every question
  block, so `page.md#q-…` links pass the strict anchor check and land on the question without JS;
- on the bank page (docs/practice/index.md, the page holding the `question-bank` markers) it
  replaces the region between the markers with a freshly generated bank.

As a command, the same generator keeps the committed copy in the bank page up to date for builds
that run no hooks (Zensical): `python hooks/question_bank.py --write` rewrites it (`make bank`),
`--check` exits 1 if it differs from a fresh generation (a test runs it). The committed copy links
to the pages without the `#q-…` fragments (see render_bank); practice.js adds them.
"""

from __future__ import annotations

import argparse
import html
import logging
import posixpath
import re
import sys
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

log = logging.getLogger("mkdocs.hooks.question_bank")

ROOT = Path(__file__).resolve().parent.parent
START = "<!-- question-bank:start -->"
END = "<!-- question-bank:end -->"
NOTICE = (
    "<!-- 이 영역은 hooks/question_bank.py가 페이지의 질문 블록에서 만든다. "
    "손으로 고치지 말고 `make bank`를 실행한다. -->"
)

QUESTION = re.compile(r'^(?P<indent> *)\?\?\?\+? question "(?P<title>(?:[^"\\]|\\.)+)"\s*$')
FENCE_OPEN = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})")
H1 = re.compile(r"^#\s+(?P<text>.+?)\s*#*\s*$")
# Inline links and images `](url "title")` and reference definitions `[id]: url`.
INLINE_LINK = re.compile(r"(?P<head>\]\()(?P<url><[^>]*>|[^)\s]+)")
REF_DEF = re.compile(r"^(?P<head> {0,3}\[[^\]]+\]:\s*)(?P<url>\S+)")
ESCAPABLE = set("\\`*_{}[]()#+-.!\"'<>|~^=:")
ANCHOR_IN_HTML = re.compile(r'<span class="question-anchor" id="(q-[0-9a-f]{8})"></span>')
FNV_OFFSET = 0x811C9DC5
FNV_PRIME = 0x01000193


# --- ids ------------------------------------------------------------------------------------


def fnv1a_32(data: bytes) -> int:
    """FNV-1a, 32-bit (http://www.isthe.com/chongo/tech/comp/fnv/)."""
    value = FNV_OFFSET
    for byte in data:
        value = ((value ^ byte) * FNV_PRIME) & 0xFFFFFFFF
    return value


def page_key(src_uri: str) -> str:
    """`network/tcp-handshake.md` -> `network/tcp-handshake`; `http/index.md` -> `http`."""
    key = src_uri.replace("\\", "/")
    key = key[: -len(".md")] if key.endswith(".md") else key
    if key == "index":
        return ""
    if key.endswith("/index"):
        return key[: -len("/index")]
    return key


def plain_title(title: str) -> str:
    """The summary text a reader sees: no backticks, no `**`, no escapes, single spaces."""
    out: list[str] = []
    in_code = False
    index = 0
    while index < len(title):
        char = title[index]
        if char == "`":
            in_code = not in_code
            index += 1
            continue
        if not in_code:
            if char == "\\" and index + 1 < len(title) and title[index + 1] in ESCAPABLE:
                out.append(title[index + 1])
                index += 2
                continue
            if title.startswith("**", index):
                index += 2
                continue
        out.append(char)
        index += 1
    return " ".join("".join(out).split())


def question_id(key: str, title: str) -> str:
    """`q-` + 8 hex digits, from the page key and the question title (raw Markdown)."""
    return f"q-{fnv1a_32((key + chr(10) + plain_title(title)).encode('utf-8')):08x}"


# --- parsing --------------------------------------------------------------------------------


@dataclass
class QuestionBlock:
    """One `??? question "…"` block of a page, with its place in the Markdown lines."""

    title: str
    qid: str
    indent: int
    start: int  # index of the `??? question` line
    end: int  # index just past the block's last non-blank line
    depth: int = 0
    parent: QuestionBlock | None = None
    children: list[QuestionBlock] = field(default_factory=list)

    @property
    def plain(self) -> str:
        return plain_title(self.title)


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def fenced_lines(lines: Sequence[str]) -> list[bool]:
    """For each line, whether it belongs to a fenced code block (fence lines included)."""
    inside = [False] * len(lines)
    fence: tuple[int, str] | None = None  # (indent, marker)
    for number, line in enumerate(lines):
        if fence is None:
            match = FENCE_OPEN.match(line)
            if match:
                fence = (len(match.group("indent")), match.group("fence"))
                inside[number] = True
            continue
        inside[number] = True
        stripped = line.strip()
        marker = fence[1]
        if stripped.startswith(marker) and set(stripped) == {marker[0]}:
            fence = None
    return inside


def parse_questions(markdown: str, key: str) -> list[QuestionBlock]:
    """Every question block outside code fences, in document order, with nesting."""
    lines = markdown.splitlines()
    fenced = fenced_lines(lines)
    blocks: list[QuestionBlock] = []
    open_blocks: list[QuestionBlock] = []
    last_text = -1
    for number, line in enumerate(lines):
        if not line.strip():
            continue
        indent = _indent(line)
        while open_blocks and indent < open_blocks[-1].indent + 4:
            open_blocks.pop().end = last_text + 1
        last_text = number
        if fenced[number]:
            continue
        match = QUESTION.match(line)
        if not match:
            continue
        parent = open_blocks[-1] if open_blocks else None
        block = QuestionBlock(
            title=match.group("title"),
            qid=question_id(key, match.group("title")),
            indent=len(match.group("indent")),
            start=number,
            end=number + 1,
            depth=len(open_blocks),
            parent=parent,
        )
        if parent is not None:
            parent.children.append(block)
        blocks.append(block)
        open_blocks.append(block)
    while open_blocks:
        open_blocks.pop().end = last_text + 1
    return blocks


def answer_markdown(lines: Sequence[str], block: QuestionBlock) -> str:
    """The block's own answer, dedented, without its follow-up question blocks."""
    skip: set[int] = set()
    for child in block.children:
        skip.update(range(child.start, child.end))
    body = [lines[n] for n in range(block.start + 1, block.end) if n not in skip]
    width = block.indent + 4
    dedented = [line[width:] if line[:width].strip() == "" else line.lstrip() for line in body]
    text = "\n".join(line.rstrip() for line in dedented).strip("\n")
    return re.sub(r"\n{3,}", "\n\n", text)


def split_front_matter(text: str) -> tuple[dict[str, Any], str]:
    """(front matter, Markdown body) of a page source."""
    import yaml

    match = re.match(r"^---[ \t]*\n(.*?\n)?(?:---|\.\.\.)[ \t]*(?:\n|$)", text, re.S)
    if not match:
        return {}, text
    try:
        meta = yaml.safe_load(match.group(1) or "") or {}
    except yaml.YAMLError:
        meta = {}
    return (meta if isinstance(meta, dict) else {}), text[match.end() :]


def page_title(meta: dict[str, Any], body: str, src: str) -> str:
    """The page's `# H1` (what the reader sees on top of the page), else its front matter title."""
    lines = body.splitlines()
    fenced = fenced_lines(lines)
    for number, line in enumerate(lines):
        match = H1.match(line)
        if match and not fenced[number]:
            return match.group("text")
    return str(meta.get("title") or src)


# --- anchors (hook) ---------------------------------------------------------------------------


def add_anchors(markdown: str, key: str) -> tuple[str, list[str]]:
    """Insert an anchor line before each question block; also return duplicated titles."""
    lines = markdown.splitlines()
    blocks = parse_questions(markdown, key)
    seen: dict[str, str] = {}
    duplicates = []
    starts = {}
    for block in blocks:
        if block.qid in seen:
            duplicates.append(block.title)
            continue
        seen[block.qid] = block.title
        starts[block.start] = block
    out: list[str] = []
    for number, line in enumerate(lines):
        block = starts.get(number)
        if block is not None:
            pad = " " * block.indent
            out += [f'{pad}<span class="question-anchor" id="{block.qid}"></span>', ""]
        out.append(line)
    text = "\n".join(out)
    return (text + "\n" if markdown.endswith("\n") else text), duplicates


# --- the bank -------------------------------------------------------------------------------


@dataclass
class BankPage:
    src: str
    title: str
    lines: list[str]
    questions: list[QuestionBlock]


@dataclass
class BankSection:
    title: str
    pages: list[BankPage] = field(default_factory=list)

    @property
    def count(self) -> int:
        return sum(len(page.questions) for page in self.pages)


def _nav_pages(item: Any) -> list[str]:
    """The Markdown pages of a nav item, in nav order (links to other sites are skipped)."""
    if isinstance(item, str):
        return [item] if item.endswith(".md") and "://" not in item else []
    if isinstance(item, dict):
        return [page for value in item.values() for page in _nav_pages(value)]
    if isinstance(item, list):
        return [page for child in item for page in _nav_pages(child)]
    return []


def nav_sections(nav: Any, docs_dir: Path) -> list[tuple[str, list[str]]]:
    """Top-level nav entries as (section title, pages). Without a nav: one section per folder."""
    if not nav:
        groups: dict[str, list[str]] = {}
        for path in sorted(docs_dir.rglob("*.md")):
            src = path.relative_to(docs_dir).as_posix()
            groups.setdefault(src.split("/")[0] if "/" in src else "", []).append(src)
        return list(groups.items())
    sections = []
    for item in nav:
        if isinstance(item, dict):
            for title, value in item.items():
                sections.append((str(title), _nav_pages(value)))
        else:
            pages = _nav_pages(item)
            if pages:
                meta, body = split_front_matter((docs_dir / pages[0]).read_text(encoding="utf-8"))
                sections.append((page_title(meta, body, pages[0]), pages))
    return sections


def collect(nav: Any, docs_dir: Path) -> list[BankSection]:
    """Every question of every nav page (the bank itself excluded), grouped by section and page."""
    sections = []
    for title, sources in nav_sections(nav, docs_dir):
        section = BankSection(title)
        for src in sources:
            path = docs_dir / src
            if not path.is_file():
                continue
            meta, body = split_front_matter(path.read_text(encoding="utf-8"))
            if START in body:
                continue  # the bank page itself
            questions = parse_questions(body, page_key(src))
            if questions:
                section.pages.append(
                    BankPage(src, page_title(meta, body, src), body.splitlines(), questions)
                )
        if section.pages:
            sections.append(section)
    return sections


def relink(markdown: str, src: str, bank_src: str) -> str:
    """Rewrite relative links written for `src` so they resolve from the bank page."""
    source_dir = posixpath.dirname(src)
    bank_dir = posixpath.dirname(bank_src)

    def fix(url: str) -> str:
        bracketed = url.startswith("<") and url.endswith(">")
        bare = url[1:-1] if bracketed else url
        if not bare or re.match(r"^[a-zA-Z][a-zA-Z0-9+.-]*:", bare) or bare.startswith("/"):
            return url  # absolute URL, mailto:, site-absolute path: leave alone
        target = src if bare.startswith("#") else posixpath.join(source_dir, bare)
        path, _, fragment = target.partition("#")
        path = posixpath.relpath(posixpath.normpath(path), bank_dir or ".")
        fixed = path + (("#" + fragment) if "#" in target else "")
        return f"<{fixed}>" if bracketed else fixed

    lines = markdown.splitlines()
    fenced = fenced_lines(lines)
    out = []
    for number, line in enumerate(lines):
        if not fenced[number] and not line.lstrip().startswith("--8<--"):
            line = INLINE_LINK.sub(lambda m: m.group("head") + fix(m.group("url")), line)
            line = REF_DEF.sub(lambda m: m.group("head") + fix(m.group("url")), line)
        out.append(line)
    return "\n".join(out)


def _link_text(title: str) -> str:
    """A question title as link text: brackets outside code spans escaped."""
    parts = title.split("`")
    for index in range(0, len(parts), 2):
        parts[index] = parts[index].replace("[", "\\[").replace("]", "\\]")
    return "`".join(parts)


def _section_anchor(title: str) -> str:
    return "bank-" + "-".join(title.split())


def _indent_block(text: str, pad: str = "    ") -> str:
    return "\n".join(pad + line if line.strip() else "" for line in text.splitlines())


def render_bank(sections: Iterable[BankSection], bank_src: str, *, anchors: bool = True) -> str:
    """The Markdown between the markers: counts per section, then every question with its answer.

    With `anchors` (MkDocs builds, where this hook puts the anchors on the pages) each question
    links to `page.md#q-…`. The committed copy (`anchors=False`) links to the page only: under
    Zensical the anchors exist only once practice.js has run, and the build would report every
    fragment as a missing anchor; practice.js adds the fragments to the links in the browser.
    """
    sections = list(sections)
    bank_dir = posixpath.dirname(bank_src) or "."
    out = [
        NOTICE,
        "",
        "| 섹션 | 페이지 | 질문(꼬리 질문 포함) |",
        "| --- | ---: | ---: |",
    ]
    for section in sections:
        out.append(
            f"| [{section.title}](#{_section_anchor(section.title)}) "
            f"| {len(section.pages)} | {section.count} |"
        )
    total_pages = sum(len(section.pages) for section in sections)
    total = sum(section.count for section in sections)
    out += [f"| **전체** | {total_pages} | {total} |", ""]
    for section in sections:
        out += [f"## {section.title} {{ #{_section_anchor(section.title)} }}", ""]
        for page in section.pages:
            link = posixpath.relpath(page.src, bank_dir)
            out += [
                f'<div class="practice-page" markdown data-section="{html.escape(section.title)}">',
                "",
                f"### [{_link_text(page.title)}]({link})",
                "",
            ]
            for block in page.questions:
                answer = relink(answer_markdown(page.lines, block), page.src, bank_src)
                target = f"{link}#{block.qid}" if anchors else link
                if not answer.strip():
                    answer = f"[페이지에서 보기]({target})"
                classes = "practice-item" + (" practice-item--follow-up" if block.depth else "")
                attrs = (
                    f'class="{classes}" data-qid="{block.qid}" '
                    f'data-section="{html.escape(section.title)}" '
                    f'data-page="{html.escape(plain_title(page.title))}" data-depth="{block.depth}"'
                )
                kind = ""
                if block.depth and not block.plain.startswith("꼬리 질문"):
                    kind = '<span class="practice-item__kind">꼬리 질문</span> '
                out += [
                    f"<div {attrs} markdown>",
                    "",
                    f"{kind}[{_link_text(block.title)}]({target})"
                    "{ .practice-item__question }",
                    "",
                    '??? success "모범 답안"',
                    _indent_block(answer),
                    "",
                    "</div>",
                    "",
                ]
            out += ["</div>", ""]
    return "\n".join(out).rstrip("\n")


def replace_region(text: str, generated: str) -> str:
    """The page text with the region between the markers replaced by `generated`."""
    start = text.index(START) + len(START)
    end = text.index(END, start)
    return text[:start] + "\n" + generated + "\n" + text[end:]


def committed_region(text: str) -> str:
    """The Markdown currently between the markers, without the surrounding newlines."""
    start = text.index(START) + len(START)
    return text[start : text.index(END, start)].strip("\n")


def generate(nav: Any, docs_dir: Path, bank_src: str, *, anchors: bool = True) -> str:
    """The bank for `bank_src`; `anchors=False` gives the committed copy (see render_bank)."""
    return render_bank(collect(nav, docs_dir), bank_src, anchors=anchors)


# --- MkDocs hook ----------------------------------------------------------------------------


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Anchor every question block; on the bank page, fill the bank from the current sources."""
    src = page.file.src_uri
    if START in markdown and END in markdown:
        nav, docs_dir = config["nav"], Path(config["docs_dir"])
        if committed_region(markdown) != generate(nav, docs_dir, src, anchors=False):
            log.info("%s: 커밋된 질문 모음이 페이지와 다릅니다. `make bank`를 실행하세요.", src)
        return replace_region(markdown, generate(nav, docs_dir, src))
    anchored, duplicates = add_anchors(markdown, page_key(src))
    for title in duplicates:
        log.warning("%s: 질문 문장이 페이지 안에서 겹칩니다(같은 질문 id): %s", src, title)
    return anchored


def on_page_content(html_text: str, page: Any, config: Any, files: Any) -> str:
    """Tell the anchor check about the question anchors that really are in the page's HTML.

    MkDocs finds ids in raw HTML by feeding the whole Markdown source to an HTML parser. A code
    span such as `<script>` puts that parser in script mode until a `</script>` that never comes,
    so every raw-HTML id after it is missed (docs/http/request-lifecycle.md has one), and strict
    builds would reject correct `page.md#q-…` links. The ids are read from the rendered HTML here.
    """
    present = getattr(page, "present_anchor_ids", None)
    if isinstance(present, set):
        present.update(ANCHOR_IN_HTML.findall(html_text))
    return html_text


# --- command line ---------------------------------------------------------------------------


def _bank_files(docs_dir: Path) -> list[Path]:
    """The pages that hold the bank markers (normally only docs/practice/index.md)."""
    return [p for p in sorted(docs_dir.rglob("*.md")) if START in p.read_text(encoding="utf-8")]


def main(argv: Sequence[str] | None = None) -> int:
    """`--write` the committed bank, or `--check` that it matches the pages (exit 1 if not)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="rewrite the committed bank region")
    mode.add_argument("--check", action="store_true", help="exit 1 if the committed copy drifted")
    parser.add_argument("--config", default=str(ROOT / "mkdocs.yml"), help="mkdocs.yml to read")
    args = parser.parse_args(argv)

    from mkdocs.config import load_config

    config = load_config(config_file=args.config)
    docs_dir = Path(config["docs_dir"])
    banks = _bank_files(docs_dir)
    if not banks:
        print(f"no page under {docs_dir} holds the {START} marker", file=sys.stderr)
        return 1
    status = 0
    for path in banks:
        src = path.relative_to(docs_dir).as_posix()
        text = path.read_text(encoding="utf-8")
        generated = generate(config["nav"], docs_dir, src, anchors=False)
        if args.write:
            updated = replace_region(text, generated)
            if updated != text:
                path.write_text(updated, encoding="utf-8")
                print(f"updated docs/{src}")
            else:
                print(f"docs/{src} is up to date")
        elif committed_region(text) != generated:
            print(
                f"docs/{src}: the committed question bank differs from the pages; "
                "run `make bank` (python hooks/question_bank.py --write) and commit the result",
                file=sys.stderr,
            )
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
