"""``#fragment`` rules: which fragments are looked for, which ids satisfy them, and GitHub.

A fragment on an HTML page must exist as an ``id`` or ``name`` attribute. GitHub renders the
headings of a Markdown file with ``user-content-`` ids, and its React blob pages keep the
rendered HTML inside a JSON string, so :func:`find_ids` also reads ``id=\\"…\\"`` in JSON.
Because that page structure is GitHub's to change, a fragment not seen on a
``github.com/OWNER/REPO/blob/REF/FILE.md`` page is looked up once more among the heading ids
GitHub derives from the raw Markdown file (:func:`github_raw_url`, :func:`github_heading_ids`).
"""

from __future__ import annotations

import html
import re
import unicodedata
from urllib.parse import unquote

from markdown_it import MarkdownIt
from yarl import URL

#: ``id="x"``/``name='x'``/``id=x`` in HTML, also inside JSON strings (``id=\"x\"``).
_ID_ATTR = re.compile(
    r"""(?<![\w-])(?:id|name)\s*=\s*"""
    r"""(?:\\?"((?:[^"\\<>]|\\u[0-9a-fA-F]{4})*)\\?"|'([^'<>]*)'|([^\s"'<>=`\\]+))""",
    re.IGNORECASE,
)
_JSON_ESCAPE = re.compile(r"\\u([0-9a-fA-F]{4})")
_GITHUB_LINE = re.compile(r"^L\d+(C\d+)?(-L\d+(C\d+)?)?$")
_GITHUB_BLOB = re.compile(r"^/([^/]+)/([^/]+)/blob/(.+\.(?:md|markdown))$", re.IGNORECASE)
GITHUB_HOSTS = frozenset({"github.com", "www.github.com"})


def skip_reason(page: URL, fragment: str) -> str | None:
    """Why a fragment is not looked for on the page, or ``None`` if it must exist as an id."""
    if not fragment or fragment == "top":
        return "empty or #top"
    if ":~:" in fragment:
        return "text fragment (:~:) is matched by the browser, not by an id"
    if fragment[0] in "/!":
        return "client-side route"
    if page.host in GITHUB_HOSTS and _GITHUB_LINE.match(fragment):
        return "GitHub line anchor (made by JavaScript)"
    return None


def wanted_ids(fragment: str) -> set[str]:
    """Ids that satisfy ``#fragment``: as written, percent-decoded, and GitHub's
    ``user-content-`` form of both."""
    names = {fragment, unquote(fragment, errors="replace")}
    return names | {"user-content-" + name for name in names}


def find_ids(text: str) -> set[str]:
    """All ``id``/``name`` attribute values in an HTML (or JSON-embedded HTML) text."""
    ids = set()
    for match in _ID_ATTR.finditer(text):
        value = next(group for group in match.groups() if group is not None)
        value = _JSON_ESCAPE.sub(lambda m: chr(int(m.group(1), 16)), value)
        ids.add(html.unescape(value))
    return ids


def github_raw_url(page: str) -> str | None:
    """``raw.githubusercontent.com`` URL of a ``github.com/…/blob/…/*.md`` page, else None."""
    url = URL(page)
    if url.host not in GITHUB_HOSTS:
        return None
    match = _GITHUB_BLOB.match(url.raw_path)
    if not match:
        return None
    owner, repo, rest = match.groups()
    return f"https://raw.githubusercontent.com/{owner}/{repo}/{rest}"


def github_slug(text: str) -> str:
    """The anchor GitHub makes from a heading's text (as github-slugger does): lower case,
    punctuation and symbols dropped, spaces turned into hyphens; Hangul is kept."""
    kept = [
        ch for ch in text.strip().lower() if ch in " -_" or unicodedata.category(ch)[0] in "LNM"
    ]
    return "".join(kept).replace(" ", "-")


def github_heading_ids(markdown: str) -> set[str]:
    """Every heading id GitHub gives a rendered Markdown file (``user-content-`` form too),
    plus ``id``/``name`` attributes written in its HTML."""
    tokens = MarkdownIt("commonmark").enable("table").parse(markdown)
    seen: dict[str, int] = {}
    ids: set[str] = set()
    for index, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[index + 1]
        text = "".join(
            child.content
            for child in inline.children or []
            if child.type in ("text", "code_inline", "html_inline")
            and not child.content.startswith("<")
        )
        slug = github_slug(text)
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        ids.add(slug if count == 0 else f"{slug}-{count}")
    ids |= find_ids(markdown)
    return ids | {"user-content-" + name for name in ids}
