"""MkDocs hook: shape the search index for Korean search and keep it off the page's main thread.

After Material's search plugin has written search/search_index.json, this hook:

- trims what no reader searches for and every reader downloads: the 참고 자료 (references)
  sections, which are lists of source titles, and markup other than `<code>`;
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


def on_post_build(config) -> None:  # type: ignore[no-untyped-def]
    """Rewrite the index the search plugin wrote (before the offline plugin inlines it)."""
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
    index["config"]["synonyms"] = [list(group) for group in groups]
    offline = config["plugins"].get("material/offline")
    if offline is not None and offline.config.enabled:
        path.write_text(json.dumps(index, **DUMP), encoding="utf-8")
        return
    split_index(path.parent, index)
