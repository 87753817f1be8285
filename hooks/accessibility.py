"""MkDocs hook: two accessibility fixes to the HTML that Markdown makes, at build time (no JS).

1. Task lists (`- [ ] …`, pymdownx.tasklist with custom_checkbox) render a checkbox with no
   label, so a screen reader says only "checkbox, not checked" (axe `label`, critical). Each
   checkbox gets `aria-label` = the text of its own item (up to a nested list or paragraph).
2. Markdown tables scroll sideways on a phone, but a keyboard cannot reach a scroll box with
   nothing focusable in it (axe `scrollable-region-focusable`, serious). Each Markdown table gets
   `tabindex="0"`: without JS the table itself is the scroll box (Material's CSS), with JS it sits
   in Material's `.md-typeset__scrollwrap`, and arrow keys on the focused table scroll that.
   The attribute goes on the table, not on a wrapper of ours, because Material's JS moves every
   `table:not([class])` into a new wrapper of its own at load time.

Zensical does not run hooks: there the pages build the same, without these two attributes.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

CHECKBOX = re.compile(
    r'(<label class="task-list-control"><input type="checkbox"(?![^>]*aria-label)([^>]*?)/?>)'
    r'(<span class="task-list-indicator"></span></label>)'
)
TABLE = re.compile(r"<table>")
# Where the item's own text ends: a nested block, or the end of its <li>/<p>.
BLOCKS = frozenset(
    {"address", "blockquote", "details", "div", "dl", "fieldset", "figure", "form", "hr", "li"}
    | {"h1", "h2", "h3", "h4", "h5", "h6", "ol", "p", "pre", "section", "table", "ul"}
)
VOID = frozenset({"br", "img", "input", "wbr"})  # no closing tag, no depth


class _ItemText(HTMLParser):
    """Collect the text of an item's first line; stop at a nested block or its closing tag."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.depth = 0
        self.done = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:
            self.done = True
        elif not self.done and tag not in VOID:
            self.depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in BLOCKS:  # <br/>, <img/> …: no depth of their own
            self.done = True

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID:
            return
        if self.depth == 0:
            self.done = True
        else:
            self.depth -= 1

    def handle_data(self, data: str) -> None:
        if not self.done:
            self.parts.append(data)

    @property
    def text(self) -> str:
        return " ".join("".join(self.parts).split())


def item_text(html_after_checkbox: str) -> str:
    """The plain text that follows a task-list checkbox, up to the end of its own line."""
    parser = _ItemText()
    # Feed in pieces so a long page is not parsed past the item.
    for start in range(0, len(html_after_checkbox), 2000):
        parser.feed(html_after_checkbox[start : start + 2000])
        if parser.done:
            break
    return parser.text


def label_task_checkboxes(page_html: str) -> str:
    """Give every task-list checkbox an accessible name: the text of its item."""

    def name(match: re.Match[str]) -> str:
        text = item_text(page_html[match.end() :])
        if not text:
            return match.group(0)
        attrs = match.group(2)
        label = html.escape(text, quote=True)
        return (
            f'<label class="task-list-control"><input type="checkbox"{attrs} '
            f'aria-label="{label}"/>{match.group(3)}'
        )

    return CHECKBOX.sub(name, page_html)


def focusable_tables(page_html: str) -> str:
    """Let a keyboard scroll every Markdown table (they have no attributes of their own)."""
    return TABLE.sub('<table tabindex="0">', page_html)


def on_page_content(content: str, page, config, files):  # type: ignore[no-untyped-def]
    """Apply both fixes to the page's content."""
    return focusable_tables(label_task_checkboxes(content))
