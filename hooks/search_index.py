"""MkDocs hook: shape the search index for Korean search and keep it off the page's main thread.

After Material's search plugin has written search/search_index.json, this hook:

- trims what no reader searches for and every reader downloads: the 참고 자료 (references)
  sections, which are lists of source titles, and markup other than `<code>`;
- leaves the model answers of the question blocks out (`on_page_content` marks them
  `data-search-exclude`, which Material's search plugin honours). They are a third of the index
  and retell the page's own body, so a query that matches an answer already matches the page;
  only the Latin-script terms an answer alone uses (`Querydsl`, `jcmd`) are kept, added to the
  text of the section that holds the questions, so no term on a page becomes unfindable;
- adds the reviewed synonym groups (includes/search-synonyms.yml) to the index's config, where
  the search worker's query analysis (docs/assets/javascripts/workers/korean-query.js) reads them
  to replace a spelling the index does not use (`핸드쉐이크`) with one it does;
- splits the file in two (online builds only): search_index.full.json, which the search worker
  fetches itself when the reader first searches or the page has been idle, and a stub
  search_index.json of a few hundred bytes, which is all Material's bundle fetches and parses
  on the main thread at every page load. The offline build (file://) keeps one file, because
  the offline plugin inlines it into a script.

The Korean word boundaries themselves are found in the worker, from the index's own vocabulary,
so they cost no bytes here. Under Zensical (no hooks) search works as stock Material.
"""

from __future__ import annotations

import json
import logging
import re
from functools import cache
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

import yaml

log = logging.getLogger("mkdocs.hooks.search_index")

SYNONYMS = Path(__file__).resolve().parent.parent / "includes" / "search-synonyms.yml"
FULL_NAME = "search_index.full.json"
SKIPPED_SECTIONS = {"참고 자료"}
MARKUP = re.compile(r"</?(?!code\b)[a-z][^>]*>")
SPACES = re.compile(r"\s{2,}")
DUMP: dict[str, Any] = {"ensure_ascii": False, "separators": (",", ":")}
EXCLUDE = " data-search-exclude"
LATIN_TERM = re.compile(r"[A-Za-z][A-Za-z0-9_]*(?:[.+#-][A-Za-z0-9_]+)*")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}

# page URL -> (id of the heading above its first question block or "", Latin terms of its answers)
_answer_terms: dict[str, tuple[str, list[str]]] = {}


class _Answers(HTMLParser):
    """Find the answer elements of `<details class="question">` blocks in a page's HTML.

    An answer element is a direct child of a question block other than its `<summary>` and its
    follow-up blocks. `starts` holds the offset just after each one's tag name, where the
    exclusion attribute goes; `terms` the Latin-script terms of their text, in order.
    """

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]
        self.stack: list[tuple[str, bool]] = []  # (tag, is a question block)
        self.inside = 0  # depth inside an answer element (0: outside)
        self.starts: list[int] = []
        self.terms: list[str] = []
        self.heading = ""
        self.section = ""  # id of the last heading before the first question block
        self.seen_question = False

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if tag in HEADINGS and values.get("id"):
            self.heading = values["id"] or ""
        if tag in VOID:
            return
        question = tag == "details" and "question" in (values.get("class") or "").split()
        if question and not self.seen_question:
            self.seen_question, self.section = True, self.heading
        parent_is_question = bool(self.stack) and self.stack[-1][1]
        if self.inside:
            self.inside += 1
        elif parent_is_question and tag not in ("summary", "details"):
            self.inside = 1
            self.starts.append(self._offset() + 1 + len(tag))
        self.stack.append((tag, question))

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or not self.stack:
            return
        while self.stack:  # tolerate an unclosed element: close up to the matching tag
            closed, _ = self.stack.pop()
            if self.inside:
                self.inside -= 1
            if closed == tag:
                break

    def handle_data(self, data: str) -> None:
        if self.inside:
            self.terms.extend(LATIN_TERM.findall(data))


def exclude_answers(page_html: str) -> tuple[str, str, list[str]]:
    """Mark every answer element `data-search-exclude`.

    Returns the new HTML, the id of the heading above the first question block ("" when there
    is none) and the Latin-script terms of the answers.
    """
    parser = _Answers(page_html)
    parser.feed(page_html)
    parser.close()
    pieces, cursor = [], 0
    for start in parser.starts:
        pieces += [page_html[cursor:start], EXCLUDE]
        cursor = start
    pieces.append(page_html[cursor:])
    return "".join(pieces), parser.section, parser.terms


def add_answer_terms(docs: list[dict[str, Any]], terms: dict[str, tuple[str, list[str]]]) -> None:
    """Append to each page's question section the answer terms its indexed text lacks."""
    by_location = {doc["location"]: doc for doc in docs}
    for url, (section, words) in terms.items():
        target = by_location.get(f"{url}#{section}" if section else url) or by_location.get(url)
        if target is None:
            continue
        page_docs = [d for loc, d in by_location.items() if loc.split("#")[0] == url]
        known = {
            word.lower()
            for doc in page_docs
            for word in LATIN_TERM.findall(f"{doc.get('title', '')} {doc.get('text', '')}")
        }
        missing = []
        for word in words:
            if word.lower() not in known:
                known.add(word.lower())
                missing.append(word)
        if missing:
            target["text"] = f"{target.get('text', '')} {' '.join(missing)}".strip()


@cache
def synonym_groups(path: Path = SYNONYMS) -> tuple[tuple[str, ...], ...]:
    """Load the reviewed synonym groups: a YAML list of lists of equivalent spellings.

    Raises ValueError naming the file and line of the first malformed group.
    """
    try:
        root = yaml.compose(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark is not None else 1
        raise ValueError(f"{path}:{line}: not valid YAML ({error})") from None
    if not isinstance(root, yaml.SequenceNode):
        raise ValueError(f"{path}:1: expected a list of groups like `- [GC, 가비지 컬렉션]`")
    groups = []
    for node in root.value:
        group = yaml.safe_load(yaml.serialize(node))
        if not (
            isinstance(group, list)
            and len(group) >= 2
            and all(isinstance(term, str) and term.strip() for term in group)
        ):
            raise ValueError(
                f"{path}:{node.start_mark.line + 1}: a group is a list of 2 or more spellings, "
                "like `- [GC, 가비지 컬렉션]`"
            )
        groups.append(tuple(group))
    return tuple(groups)


def trim(docs: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Drop the references sections and markup other than <code> from each entry's text."""
    kept = []
    for doc in docs:
        if doc.get("title", "").strip() in SKIPPED_SECTIONS:
            continue
        if doc.get("text"):
            doc["text"] = SPACES.sub(" ", MARKUP.sub(" ", doc["text"])).strip()
        kept.append(doc)
    return kept


def split_index(search_dir: Path, index: dict[str, Any]) -> None:
    """Write the full index for the worker and a stub for the page's main thread."""
    (search_dir / FULL_NAME).write_text(json.dumps(index, **DUMP), encoding="utf-8")
    config = {key: value for key, value in index["config"].items() if key != "synonyms"}
    stub = {"config": config, "docs": [], "full": FULL_NAME}
    (search_dir / "search_index.json").write_text(json.dumps(stub, **DUMP), encoding="utf-8")


def on_pre_build(config) -> None:  # type: ignore[no-untyped-def]
    """Start each build (also each `mkdocs serve` rebuild) without the last build's answer terms."""
    _answer_terms.clear()


def on_page_content(content: str, page, config, files):  # type: ignore[no-untyped-def]
    """Leave the page's model answers out of the search index (see the module docstring)."""
    if 'class="question"' not in content:
        return content
    content, section, terms = exclude_answers(content)
    _answer_terms[page.url] = (section, terms)
    return content


WORKERS = ("korean-query.js", "korean-search.js")
COMMENT = re.compile(r"/\*.*?\*/", re.S)


def strip_comments(site_dir: Path) -> None:
    """Drop the block comments of our search worker scripts in the built site: they are about 40%
    of the scripts' gzip size, which every page's cold load pays (scripts/budget.py). The sources in
    docs/ keep them; the scripts hold no `/*` in a string or regular expression (tests check)."""
    for name in WORKERS:
        path = site_dir / "assets" / "javascripts" / "workers" / name
        if path.is_file():
            text = COMMENT.sub("", path.read_text(encoding="utf-8"))
            path.write_text(re.sub(r"\n[ \t]*(?=\n)", "", text), encoding="utf-8")


def on_post_build(config) -> None:  # type: ignore[no-untyped-def]
    """Rewrite the index the search plugin wrote (before the offline plugin inlines it)."""
    strip_comments(Path(config["site_dir"]))
    path = Path(config["site_dir"]) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    try:
        groups = synonym_groups()
    except ValueError as error:
        log.error("%s", error)  # fails the build, naming the file and line
        raise SystemExit(1) from None
    if "\\u200b" not in index["config"]["separator"]:
        log.warning("mkdocs.yml: plugins.search.separator must split on \\u200b (Korean search)")
    index["docs"] = trim(index["docs"])
    add_answer_terms(index["docs"], _answer_terms)
    index["config"]["synonyms"] = [list(group) for group in groups]
    offline = config["plugins"].get("material/offline")
    if offline is not None and offline.config.enabled:
        path.write_text(json.dumps(index, **DUMP), encoding="utf-8")
        return
    split_index(path.parent, index)
