"""MkDocs hook and command: question anchors on every page, and the question bank for practice mode.

Every `??? question "…"` block (CONTRIBUTING.md, page contract) gets a stable id, `q-` + 8 hex
digits, from ONE checked-in map, includes/question-ids.yml: id -> {page: source path below docs/,
question: plain_title}. The build looks each question up by (page, plain text); a question that is
not in the map fails the build, naming docs/<page>:<line> and the command that fixes it:

- `python hooks/question_bank.py --ids` (`make ids`) gives new questions a new id (FNV-1a 32-bit of
  `page_key + "\\n" + plain_title`, the rule every id was made with before the map existed, salted
  on a clash) and drops entries whose question is gone. On each page it lines the old entries up
  with the current questions (difflib): an entry and a question that swapped places one for one
  are a rewording. It lists them and writes nothing until the author confirms: `--rename` keeps
  the old id (the readers' marks and `#q-…` links follow the new wording), `--new` gives a new id.
- page_key: the page's URL path without the trailing slash (`network/tcp-handshake.md` ->
  `network/tcp-handshake`, `http/index.md` -> `http`, `index.md` -> ``). Only new ids use it.
- plain_title: the title as written between the quotes, with backticks, `**` and backslash escapes
  removed and whitespace collapsed, which is the text the reader sees in the rendered summary.

Ids never depend on positions: reordering keeps them; rewording keeps them once confirmed.
practice.js computes no ids: it reads them from the anchors below, or (builds without this hook,
Zensical) from the bank.

As a hook (listed under `hooks:` in mkdocs.yml):

- `on_page_markdown` puts `<span class="question-anchor" id="q-…"></span>` before every question
  block, so `page.md#q-…` links pass the strict anchor check and land on the question without JS;
- `on_page_content` keeps each question's rendered answer (its block without the summary and
  without its follow-up blocks), so answers are exactly what the topic page shows;
- `on_env` (every page read and rendered) writes the bank, `bank.json` next to the practice page
  (the page with the `<!-- question-bank … -->` marker line, docs/practice/index.md, so
  `practice/bank.json`); the offline build (Material's offline plugin on) also writes `bank.js`,
  the same data as a script (`window.interviewNotesBank = …;`), because fetch() of a file:// URL
  fails in Chromium;
- `on_post_page` replaces the practice page's marker with the question list drawn from the bank:
  plain `<h2>`/`<h3>`/`<ul>`/`<li>`/`<a>` HTML, every question a link to `page/#q-…`, follow-ups
  right after their parent, no answers, no tooltips (render_list), inside
  `<noscript class="practice-list-source">`. Without JavaScript the reader sees the whole list;
  with it the browser keeps the list as inert text (no elements, whatever the number of
  questions), and practice.js shows it page by page, a page's items only when the reader opens it.

The bank is compact JSON (no spaces, UTF-8), with short keys:

    {"v": 1,                        format version
     "s": ["자기소개", …],           sections, in nav order
     "p": [{"u": "../intro/",       pages, in nav order: URL relative to the practice page,
            "t": "자기소개",          page title (plain text),
            "s": 0}, …],             index into "s"
     "q": [{"i": "q-44fea25c",      questions, in nav and document order: id,
            "p": 0,                  index into "p",
            "t": "자기소개 해 주세요.", question text (plain_title: the text the id is made from),
            "a": "<p>…</p>",         model answer as HTML: links and images rewritten to work from
                                     the practice page, no ids, no <abbr> tooltips,
            "up": "q-…",             parent question's id (follow-ups only),
            "c": ["q-…", …]}, …]}    follow-ups' ids in order (questions that have some)

A question's link is `p[q.p].u + "#" + q.i`. practice.js reads the bank only when the reader
starts the drill (and, under Zensical, to draw the list, which has no hook there).

As a command, the same build keeps the committed copy docs/practice/bank.json up to date for builds
that run no hooks (Zensical copies it as is): `python hooks/question_bank.py --write` (`make bank`)
runs `mkdocs build` into a temporary folder and copies the bank it wrote; `--check` exits 1 if
the committed copy differs. tests/test_practice.py compares the copy with the test build's bank.
"""

from __future__ import annotations

import argparse
import html
import importlib.util
import json
import logging
import os
import posixpath
import re
import subprocess
import sys
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from html.parser import HTMLParser
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import urljoin, urlsplit, urlunsplit

log = logging.getLogger("mkdocs.hooks.question_bank")

ROOT = Path(__file__).resolve().parent.parent
# The practice page holds this line; the hook replaces it with the question list.
MARKER = re.compile(r"^<!-- question-bank\b.*-->[ \t]*$", re.M)
HTML_MARKER = re.compile(r"<!-- question-bank\b.*?-->", re.S)
LIST_SOURCE = "practice-list-source"
BANK_JSON = "bank.json"
BANK_JS = "bank.js"
BANK_GLOBAL = "interviewNotesBank"

QUESTION = re.compile(r'^(?P<indent> *)\?\?\?\+? question "(?P<title>(?:[^"\\]|\\.)+)"\s*$')
FENCE_OPEN = re.compile(r"^(?P<indent> *)(?P<fence>`{3,}|~{3,})")
H1 = re.compile(r"^#\s+(?P<text>.+?)\s*#*\s*$")
ESCAPABLE = set("\\`*_{}[]()#+-.!\"'<>|~^=:")
ANCHOR_IN_HTML = re.compile(r'<span class="question-anchor" id="(q-[0-9a-f]{8})"></span>')
ANCHORED_BLOCK = re.compile(
    r'(<span class="question-anchor" id="(q-[0-9a-f]{8})"></span>(?:</p>)?\s*'
    r'<details class="question")'
)
ANCHOR_PARAGRAPH = re.compile(r'<p><span class="question-anchor" id="q-[0-9a-f]{8}"></span></p>\s*')
ABBR = re.compile(r"</?abbr\b[^>]*>")
TAG = re.compile(r"<[a-zA-Z][^<>]*>")
URL_ATTR = re.compile(r"(?P<head>\s(?:href|src)=)(?P<quote>[\"'])(?P<url>.*?)(?P=quote)")
ID_ATTR = re.compile(r"\sid=([\"']).*?\1")
SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
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


# --- the id map (includes/question-ids.yml) ------------------------------------------------

ID_MAP = Path("includes") / "question-ids.yml"
ID_FORM = re.compile(r"^q-[0-9a-f]{8}$")
ID_COMMAND = "`make ids` (python hooks/question_bank.py --ids)"
ID_MAP_HEADER = """\
# 면접 질문 id: 질문 블록마다 하나, 독자의 연습 기록과 `페이지/#q-…` 링크가 이 id를 쓴다.
# 빌드(hooks/question_bank.py)가 이 파일로 질문에 id를 붙이고,
# 여기 없는 질문이 있으면 빌드가 실패한다.
# 손으로 고치지 말고 `make ids`(python hooks/question_bank.py --ids)로 갱신한다(CONTRIBUTING.md §5).
# id: {page: docs/ 아래 원본 경로, question: 화면에 보이는 질문 문장}. 페이지와 문서 순서대로.
"""


class IdMapError(ValueError):
    """includes/question-ids.yml is missing or malformed."""


def load_id_map(path: Path) -> dict[str, tuple[str, str]]:
    """id -> (page src, plain question text), in file order. Raises IdMapError when malformed."""
    import yaml

    if not path.is_file():
        raise IdMapError(f"{path}: 없습니다. {ID_COMMAND}로 만드세요.")
    text = path.read_text(encoding="utf-8")
    keys = re.findall(r"^(q-[^:\s]*):", text, re.M)
    repeated = sorted({key for key in keys if keys.count(key) > 1})
    if repeated:
        raise IdMapError(f"{path}: 같은 id가 두 번 있습니다: {', '.join(repeated)}")
    data = yaml.safe_load(text) or {}
    if not isinstance(data, dict):
        raise IdMapError(f"{path}: id -> {{page, question}} 매핑이 아닙니다.")
    out: dict[str, tuple[str, str]] = {}
    seen: dict[tuple[str, str], str] = {}
    for qid, entry in data.items():
        if not (isinstance(qid, str) and ID_FORM.match(qid)):
            raise IdMapError(f"{path}: {qid!r}는 q-와 16진수 8자리 꼴이 아닙니다.")
        if not (isinstance(entry, dict) and isinstance(entry.get("page"), str)
                and isinstance(entry.get("question"), str)):
            raise IdMapError(f"{path}: {qid}: page와 question이 필요합니다.")
        pair = (entry["page"], entry["question"])
        if pair in seen:
            raise IdMapError(f"{path}: {seen[pair]}와 {qid}가 같은 질문입니다: {pair}")
        seen[pair] = qid
        out[qid] = pair
    return out


def ids_by_page(id_map: dict[str, tuple[str, str]]) -> dict[str, dict[str, str]]:
    """page src -> {plain question text -> id}."""
    pages: dict[str, dict[str, str]] = {}
    for qid, (page, question) in id_map.items():
        pages.setdefault(page, {})[question] = qid
    return pages


def dump_id_map(id_map: dict[str, tuple[str, str]]) -> str:
    import yaml

    body = {qid: {"page": page, "question": question} for qid, (page, question) in id_map.items()}
    return ID_MAP_HEADER + yaml.safe_dump(body, allow_unicode=True, sort_keys=False, width=1000)


def new_id(page: str, question: str, taken: set[str]) -> str:
    """A new question's id: FNV-1a of page key + text (the ids' old rule), salted if taken."""
    salt = 0
    while True:
        qid = question_id(page_key(page), question + (f"\n{salt}" if salt else ""))
        if qid not in taken:
            return qid
        salt += 1


@dataclass
class IdPlan:
    """What `--ids` would change: new questions, questions gone, and probable rewordings."""

    result: dict[str, tuple[str, str]]
    added: list[tuple[str, str, str]] = field(default_factory=list)  # (id, page, question)
    removed: list[tuple[str, str, str]] = field(default_factory=list)
    reworded: list[tuple[str, str, str, str]] = field(default_factory=list)  # (id, page, old, new)


def plan_ids(
    old: dict[str, tuple[str, str]], pages: Sequence[tuple[str, list[str]]], new: bool = False
) -> IdPlan:
    """The new map for `pages` ([(src, [plain question text, …])] in nav order).

    Questions already in `old` keep their id. On each page, the questions that lost their entry
    and the entries that lost their question are lined up by position (difflib): a replaced run of
    the same length is a rewording: it keeps the old id (and the readers' marks) and is listed in
    `reworded` so the author can confirm; with `new`, it is a new question with a new id instead.
    """
    import difflib

    by_page: dict[str, list[tuple[str, str]]] = {}
    for qid, (page, question) in old.items():
        by_page.setdefault(page, []).append((qid, question))
    taken = set(old)
    plan = IdPlan(result={})
    current_pages = {src for src, _ in pages}
    for src, questions in pages:
        before = by_page.get(src, [])
        known = {question: qid for qid, question in before}
        old_texts = [question for _, question in before]
        matcher = difflib.SequenceMatcher(a=old_texts, b=questions, autojunk=False)
        renamed: dict[str, str] = {}  # new text -> old id
        for tag, a0, a1, b0, b1 in matcher.get_opcodes():
            if tag == "replace" and a1 - a0 == b1 - b0:
                for old_text, new_text in zip(old_texts[a0:a1], questions[b0:b1], strict=True):
                    if old_text in questions or new_text in known:
                        continue  # moved, not reworded
                    renamed[new_text] = known[old_text]
        kept = set()
        for question in questions:
            if question in known:
                qid = known[question]
            elif question in renamed and not new:
                qid = renamed[question]
                plan.reworded.append((qid, src, old[qid][1], question))
            else:
                qid = new_id(src, question, taken)
                taken.add(qid)
                plan.added.append((qid, src, question))
            kept.add(qid)
            plan.result[qid] = (src, question)
        for qid, question in before:
            if qid not in kept:
                plan.removed.append((qid, src, question))
    for qid, (page, question) in old.items():
        if page not in current_pages:
            plan.removed.append((qid, page, question))
    return plan


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


def parse_questions(markdown: str, ids: dict[str, str] | None = None) -> list[QuestionBlock]:
    """Every question block outside code fences, in document order, with nesting.

    `ids`: the page's plain question text -> id (from includes/question-ids.yml); a question not
    in it gets the id "" (the hook fails the build for it, `--ids` gives it one).
    """
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
            qid=(ids or {}).get(plain_title(match.group("title")), ""),
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


def add_anchors(markdown: str, ids: dict[str, str]) -> tuple[str, list[str]]:
    """Insert an anchor line before each question block; also return duplicated titles."""
    lines = markdown.splitlines()
    blocks = parse_questions(markdown, ids)
    seen: dict[str, str] = {}
    duplicates = []
    starts = {}
    for block in blocks:
        if block.plain in seen:
            duplicates.append(block.title)
            continue
        seen[block.plain] = block.title
        if block.qid:
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
    title: str  # plain text
    section: str
    questions: list[QuestionBlock]


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


def collect(
    nav: Any,
    docs_dir: Path,
    rendered: dict[str, tuple[dict[str, Any], str]] | None = None,
    ids: dict[str, dict[str, str]] | None = None,
) -> list[BankPage]:
    """Every question of every nav page (the practice page excluded), in nav and document order.

    `rendered`: src -> (front matter, Markdown) as the build read them; other pages are read here.
    `ids`: page src -> {question text -> id} (ids_by_page); without it every id is "".
    """
    pages = []
    seen_pages: set[str] = set()
    for section, sources in nav_sections(nav, docs_dir):
        for src in sources:
            path = docs_dir / src
            if src in seen_pages or not (src in (rendered or {}) or path.is_file()):
                continue
            seen_pages.add(src)
            if rendered and src in rendered:
                meta, body = rendered[src]
            else:
                meta, body = split_front_matter(path.read_text(encoding="utf-8"))
            if MARKER.search(body):
                continue  # the practice page itself
            seen: set[str] = set()
            questions = []
            for block in parse_questions(body, (ids or {}).get(src, {})):
                if block.plain not in seen:  # a repeated title: add_anchors warns, the first wins
                    seen.add(block.plain)
                    questions.append(block)
            if questions:
                title = plain_title(page_title(meta, body, src))
                pages.append(BankPage(src, title, section, questions))
    return pages


# --- URLs -----------------------------------------------------------------------------------


def relative_url(target: str, from_url: str) -> str:
    """Site path `target` (`network/tcp-udp/#x`) as a URL relative to the page at `from_url`."""
    parts = urlsplit(urljoin("/", target))
    base = posixpath.dirname("/" + from_url)
    path = posixpath.relpath(parts.path, base)
    if parts.path.endswith("/") and not path.endswith("/"):
        path += "/"
    return urlunsplit(("", "", path, parts.query, parts.fragment))


def rebase_url(url: str, page_url: str, bank_url: str) -> str:
    """A URL written in the page at `page_url` (File.url), rewritten to work from `bank_url`."""
    if not url or SCHEME.match(url) or url.startswith(("/", "?")):
        return url
    return relative_url(urljoin("/" + page_url, url).lstrip("/"), bank_url)


def _fix_tag(tag: str, page_url: str, bank_url: str) -> str:
    tag = ID_ATTR.sub("", tag)
    return URL_ATTR.sub(
        lambda m: m.group("head") + m.group("quote")
        + rebase_url(m.group("url"), page_url, bank_url) + m.group("quote"),
        tag,
    )


# --- answers from the rendered pages --------------------------------------------------------


class _QuestionBlocks(HTMLParser):
    """Find each `<details class="question">` after its anchor span in a page's rendered HTML.

    `found[qid]` = (start of the answer, start of `</details>`, [(start, end) of follow-ups]).
    """

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=False)
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.stack: list[dict[str, Any]] = []
        self.pending: str | None = None
        self.found: dict[str, tuple[int, int, list[tuple[int, int]]]] = {}

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def _tag_end(self) -> int:
        return self.text.index(">", self._offset()) + 1

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        classes = (values.get("class") or "").split()
        if tag == "span" and "question-anchor" in classes:
            self.pending = values.get("id")
            return
        if tag == "details":
            qid = self.pending if "question" in classes else None
            self.stack.append({"qid": qid, "start": self._offset(), "body": None, "inner": []})
        self.pending = None

    def handle_endtag(self, tag: str) -> None:
        if tag == "summary" and self.stack and self.stack[-1]["body"] is None:
            self.stack[-1]["body"] = self._tag_end()
        elif tag == "details" and self.stack:
            block = self.stack.pop()
            if not block["qid"]:
                return
            body = block["body"]
            if body is None:
                body = self.text.index(">", block["start"]) + 1
            self.found[block["qid"]] = (body, self._offset(), block["inner"])
            for outer in reversed(self.stack):
                if outer["qid"]:
                    outer["inner"].append((block["start"], self._tag_end()))
                    break


def page_answers(text: str) -> dict[str, str]:
    """Each question's own answer in a page's rendered HTML (follow-up blocks cut out)."""
    parser = _QuestionBlocks(text)
    parser.feed(text)
    parser.close()
    answers = {}
    for qid, (body, end, inner) in parser.found.items():
        pieces, cursor = [], body
        for start, stop in sorted(inner):
            if start >= cursor:
                pieces.append(text[cursor:start])
                cursor = stop
        pieces.append(text[cursor:end])
        answers[qid] = ANCHOR_PARAGRAPH.sub("", "".join(pieces)).strip()
    return answers


def clean_answer(answer: str, page_url: str, bank_url: str) -> str:
    """An answer for the practice page: no tooltips, no ids, links that work from `bank_url`."""
    answer = ABBR.sub("", answer)
    return TAG.sub(lambda m: _fix_tag(m.group(0), page_url, bank_url), answer)


# --- the bank and the list ------------------------------------------------------------------


def bank_data(
    pages: Sequence[BankPage],
    urls: dict[str, str],
    bank_url: str,
    answers: dict[str, tuple[str, str]] | None = None,
) -> dict[str, Any]:
    """The bank (format in the module docstring). `urls`: src -> File.url; `answers`: qid ->
    (File.url of its page, answer HTML as rendered there). Without `answers`, no "a" keys."""
    sections: list[str] = []
    rows: list[dict[str, Any]] = []
    questions: list[dict[str, Any]] = []
    for index, page in enumerate(pages):
        if page.section not in sections:
            sections.append(page.section)
        rows.append({
            "u": relative_url(urls[page.src], bank_url),
            "t": page.title,
            "s": sections.index(page.section),
        })
        for block in page.questions:
            entry: dict[str, Any] = {"i": block.qid, "p": index, "t": block.plain}
            if answers is not None:
                page_url, answer = answers.get(block.qid, (urls[page.src], ""))
                entry["a"] = clean_answer(answer, page_url, bank_url)
            if block.parent is not None:
                entry["up"] = block.parent.qid
            if block.children:
                entry["c"] = [child.qid for child in block.children]
            questions.append(entry)
    return {"v": 1, "s": sections, "p": rows, "q": questions}


def dump_bank(data: dict[str, Any]) -> str:
    """The bank file's text: one line of JSON."""
    return json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n"


def dump_bank_script(data: dict[str, Any]) -> str:
    """The same bank as a script for file:// (JSON is a JS expression, bar U+2028/U+2029)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return f"window.{BANK_GLOBAL}={text};\n"


def section_anchor(title: str) -> str:
    return "bank-" + "-".join(title.split())


def render_list(data: dict[str, Any]) -> str:
    """The practice page's question list from the bank, as one raw HTML block.

    Per page an `<h3>` link and one flat `<ul>`: two elements per question (`<li>`, `<a>`) keep
    the page small. Follow-ups come right after their parent (every follow-up title starts
    with "꼬리 질문"), with `data-depth` for styling. practice.js (renderList) draws the same
    HTML from bank.json when the hook did not run (Zensical).
    """
    esc = html.escape
    by_id = {question["i"]: question for question in data["q"]}

    def depth(question: dict[str, Any]) -> int:
        return 0 if "up" not in question else 1 + depth(by_id[question["up"]])

    def items(ids: Sequence[str], url: str) -> list[str]:
        out = []
        for qid in ids:
            question = by_id[qid]
            level = depth(question)
            attrs = f'data-qid="{qid}"' + (f' data-depth="{level}"' if level else "")
            out.append(f'<li {attrs}><a href="{esc(url)}#{qid}">{esc(question["t"])}</a></li>')
            out += items(question.get("c", []), url)
        return out

    out = [
        '<div class="practice-list" id="practice-list">',
        f'<p>질문 {len(data["q"])}개(꼬리 질문 포함), 페이지 {len(data["p"])}개</p>',
    ]
    for number, section in enumerate(data["s"]):
        out.append(f'<h2 id="{esc(section_anchor(section))}">{esc(section)}</h2>')
        for index, page in enumerate(data["p"]):
            if page["s"] != number:
                continue
            top = [q["i"] for q in data["q"] if q["p"] == index and "up" not in q]
            out.append(f'<h3><a href="{esc(page["u"])}">{esc(page["t"])}</a></h3>')
            out.append(f'<ul class="practice-page" data-section="{esc(section)}">')
            out += items(top, page["u"])
            out.append("</ul>")
    out.append("</div>")
    return "\n".join(out)


# --- MkDocs hook ----------------------------------------------------------------------------

# One build's state: the practice page and what the pages rendered (reset in on_config).
_build: dict[str, Any] = {}


def _offline(config: Any) -> bool:
    plugins = config["plugins"]
    offline = plugins.get("material/offline") or plugins.get("offline")
    return bool(offline is not None and offline.config.enabled)


def _urls(files: Any) -> dict[str, str]:
    return {file.src_uri: file.url for file in files.documentation_pages()}


def on_config(config: Any) -> None:
    from mkdocs.exceptions import PluginError

    _build.clear()
    _build["answers"] = {}
    path = Path(config["config_file_path"] or ROOT / "mkdocs.yml").parent / ID_MAP
    try:
        _build["ids"] = ids_by_page(load_id_map(path))
    except IdMapError as error:
        raise PluginError(str(error)) from None


def _missing_ids(src: str, markdown: str, source: str, ids: dict[str, str]) -> list[str]:
    """`docs/<src>:<line>: "…"` for each question of the page that has no id in the map."""
    source_lines = source.splitlines()
    problems = []
    for block in parse_questions(markdown, ids):
        if block.qid:
            continue
        line = next(
            (n + 1 for n, text in enumerate(source_lines)
             if (m := QUESTION.match(text)) and plain_title(m.group("title")) == block.plain),
            block.start + 1,
        )
        problems.append(f"docs/{src}:{line}: “{block.plain}”")
    return problems


def on_page_markdown(markdown: str, page: Any, config: Any, files: Any) -> str:
    """Anchor every question block (and remember the Markdown the build read for the bank)."""
    src = page.file.src_uri
    if MARKER.search(markdown):
        # The practice page: the marker stays in the HTML until on_post_page puts the list there,
        # when every page has been read (pages after this one in build order included).
        _build.update(bank_src=src, bank_url=page.file.url, bank_dest=page.file.dest_uri)
        return markdown
    _build.setdefault("sources", {})[src] = (dict(page.meta or {}), markdown)
    ids = _build.get("ids", {}).get(src, {})
    missing = _missing_ids(src, markdown, page.file.content_string, ids)
    if missing:
        from mkdocs.exceptions import PluginError

        raise PluginError(
            f"{ID_MAP}에 id가 없는 질문이 있습니다:\n  " + "\n  ".join(missing) + "\n"
            f"{ID_COMMAND}로 id를 붙이세요. 질문 문장을 고쳤다면 같은 명령이 옛 id를 "
            "이어 받게 합니다(독자의 연습 기록 유지, CONTRIBUTING.md §5)."
        )
    anchored, duplicates = add_anchors(markdown, ids)
    for title in duplicates:
        log.warning("%s: 질문 문장이 페이지 안에서 겹칩니다(같은 질문 id): %s", src, title)
    return anchored


def on_page_content(html_text: str, page: Any, config: Any, files: Any) -> str:
    """Tell the anchor check about the question anchors in the HTML; keep the answers.

    MkDocs finds ids in raw HTML by feeding the whole Markdown source to an HTML parser. A code
    span such as `<script>` puts that parser in script mode until a `</script>` that never comes,
    so every raw-HTML id after it is missed (docs/http/request-lifecycle.md has one), and strict
    builds would reject correct `page.md#q-…` links. The ids are read from the rendered HTML here.
    """
    present = getattr(page, "present_anchor_ids", None)
    if isinstance(present, set):
        present.update(ANCHOR_IN_HTML.findall(html_text))
    if "question-anchor" in html_text:
        answers = _build.setdefault("answers", {})
        for qid, answer in page_answers(html_text).items():
            answers[qid] = (page.file.url, answer)
        # The block carries its id too, so practice.js does not have to set it on every page load
        # (28 attribute writes restyled a whole topic page on a phone).
        html_text = ANCHORED_BLOCK.sub(r'\1 data-qid="\2"', html_text)
    return html_text


def on_env(env: Any, config: Any, files: Any) -> Any:
    """Every page is rendered: write the bank next to the practice page (and bank.js offline)."""
    if "bank_src" not in _build:
        return env
    from mkdocs.structure.files import File

    answers = _build["answers"]
    pages = collect(config["nav"], Path(config["docs_dir"]), _build.get("sources"), _build["ids"])
    missing = [f"{p.src}: {q.plain}" for p in pages for q in p.questions if q.qid not in answers]
    for question in missing:
        log.warning("질문 모음: 모범 답안을 찾지 못했습니다: %s", question)
    data = bank_data(pages, _urls(files), _build["bank_url"], answers)
    _build["data"] = data
    folder = posixpath.dirname(_build["bank_dest"])
    bank_path = posixpath.join(folder, BANK_JSON)
    outputs: dict[str, str | bytes] = {bank_path: dump_bank(data)}
    if _offline(config):
        outputs[posixpath.join(folder, BANK_JS)] = dump_bank_script(data)
    committed = Path(config["docs_dir"]) / bank_path
    if not committed.is_file() or committed.read_text(encoding="utf-8") != outputs[bank_path]:
        log.info("docs/%s가 페이지와 다릅니다: `make bank`를 실행하세요.", bank_path)
    try:
        deck = _deck_module().deck_files(data, config.get("site_url") or "")
    except ImportError as error:
        log.warning("질문 카드(Anki·CSV)를 만들지 못했습니다(%s): "
                    "pip install -r requirements.txt", error)
        deck = {}
    for name, content in deck.items():
        outputs[posixpath.join(folder, name)] = content
    _build["deck"] = sorted(deck)
    for path, text in outputs.items():
        file = files.get_file_from_path(path)
        if file is None:
            files.append(File.generated(config, path, content=text))
        elif isinstance(text, bytes):
            file.content_bytes = text
        else:
            file.content_string = text
    return env


def _deck_module() -> ModuleType:
    """hooks/question_deck.py (hooks are loaded from files, not as a package)."""
    path = Path(__file__).with_name("question_deck.py")
    spec = importlib.util.spec_from_file_location("question_deck", path)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def deck_links(names: Sequence[str], count: int) -> str:
    """The practice page's links to the flash-card files the build wrote next to it."""
    labels = {".apkg": "Anki 카드 묶음(.apkg)", ".csv": "CSV(스프레드시트·다른 카드 앱)"}
    links = [
        f'<a href="{html.escape(name)}" download>{labels[posixpath.splitext(name)[1]]}</a>'
        for name in names if posixpath.splitext(name)[1] in labels
    ]
    if not links:
        return ""
    return (
        f'<p class="practice-deck">카드로 내려받기: {" · ".join(links)} — 질문 {count}개, '
        "빌드할 때마다 새로 만듭니다. 다시 가져오면 같은 질문의 카드가 갱신됩니다.</p>\n"
    )


def on_post_page(output: str, page: Any, config: Any) -> str:
    """Put the question list (and the flash-card links) where the practice page's marker is."""
    if page.file.src_uri != _build.get("bank_src") or "data" not in _build:
        return output
    listing = (
        deck_links(_build.get("deck", []), len(_build["data"]["q"]))
        + f'<noscript class="{LIST_SOURCE}" data-search-exclude>\n'
        + f"{render_list(_build['data'])}\n</noscript>"
    )
    return HTML_MARKER.sub(lambda _: listing, output, count=1)


# --- command line ---------------------------------------------------------------------------


def _bank_paths(config: Any) -> list[str]:
    """Where the bank goes (below docs_dir and site_dir) for each page holding the marker."""
    from mkdocs.structure.files import File

    docs_dir = Path(config["docs_dir"])
    paths = []
    for path in sorted(docs_dir.rglob("*.md")):
        if MARKER.search(path.read_text(encoding="utf-8")):
            src = path.relative_to(docs_dir).as_posix()
            page = File(src, str(docs_dir), config["site_dir"], config["use_directory_urls"])
            paths.append(posixpath.join(posixpath.dirname(page.dest_uri), BANK_JSON))
    return paths


def update_ids(config: Any, config_file: Path, rename: bool, new: bool) -> int:
    """`--ids`: give new questions ids in includes/question-ids.yml, keep reworded ones' ids."""
    path = config_file.parent / ID_MAP
    try:
        old = load_id_map(path) if path.is_file() else {}
    except IdMapError as error:
        print(error, file=sys.stderr)
        return 2
    pages = collect(config["nav"], Path(config["docs_dir"]))
    plan = plan_ids(old, [(p.src, [q.plain for q in p.questions]) for p in pages], new=new)
    for qid, page, question in plan.added:
        print(f"새 질문  {qid}  {page}: {question}")
    for qid, page, question in plan.removed:
        print(f"사라짐  {qid}  {page}: {question}")
    for qid, page, before, after in plan.reworded:
        print(f"고친 질문?  {qid}  {page}:\n    전: {before}\n    후: {after}")
    if plan.reworded and not rename:
        print(
            f"\n같은 자리의 질문 {len(plan.reworded)}개가 바뀌었습니다. 같은 질문을 고쳐 쓴 것이면 "
            "`python hooks/question_bank.py --ids --rename`(`make ids ARGS=--rename`)으로 옛 id를 "
            "유지하고(독자의 표시 유지), 다른 질문으로 바꾼 것이면 `--ids --new`로 새 id를 주세요. "
            f"{ID_MAP}는 고치지 않았습니다.",
            file=sys.stderr,
        )
        return 1
    text = dump_id_map(plan.result)
    current = path.read_text(encoding="utf-8") if path.is_file() else None
    if current == text:
        print(f"{ID_MAP} is up to date ({len(plan.result)} questions)")
    else:
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(f"updated {ID_MAP} ({len(plan.result)} questions)")
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """`--write` the committed bank, `--check` that it matches the pages (exit 1 if not), or
    `--ids` to bring includes/question-ids.yml up to date with the pages' questions."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--write", action="store_true", help="rewrite the committed bank copy")
    mode.add_argument("--check", action="store_true", help="exit 1 if the committed copy drifted")
    mode.add_argument("--ids", action="store_true", help=f"update {ID_MAP} from the pages")
    rewording = parser.add_mutually_exclusive_group()
    rewording.add_argument("--rename", action="store_true",
                           help="with --ids: a reworded question keeps its old id")
    rewording.add_argument("--new", action="store_true",
                           help="with --ids: a reworded question gets a new id")
    parser.add_argument("--config", default=str(ROOT / "mkdocs.yml"), help="mkdocs.yml to read")
    args = parser.parse_args(argv)

    from mkdocs.config import load_config

    config_file = Path(args.config).resolve()
    config = load_config(config_file=str(config_file))
    if args.ids:
        return update_ids(config, config_file, args.rename, args.new)
    docs_dir = Path(config["docs_dir"])
    paths = _bank_paths(config)
    if not paths:
        print(f"no page under {docs_dir} holds the <!-- question-bank --> marker", file=sys.stderr)
        return 1
    with tempfile.TemporaryDirectory() as site:
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "OFFLINE": "false"}
        build = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file), "-d", site],
            cwd=config_file.parent, env=env, capture_output=True, text=True, check=False,
        )
        if build.returncode != 0:
            print(build.stdout + build.stderr, file=sys.stderr)
            return 2
        fresh = {path: (Path(site) / path).read_text(encoding="utf-8") for path in paths}
    status = 0
    for path, text in fresh.items():
        committed = docs_dir / path
        current = committed.read_text(encoding="utf-8") if committed.is_file() else None
        if args.write:
            if current != text:
                committed.write_text(text, encoding="utf-8")
                print(f"updated docs/{path} ({len(text.encode()) / 1024:.0f} KB)")
            else:
                print(f"docs/{path} is up to date")
        elif current != text:
            print(
                f"docs/{path}: the committed question bank differs from the pages; "
                "run `make bank` (python hooks/question_bank.py --write) and commit the result",
                file=sys.stderr,
            )
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
