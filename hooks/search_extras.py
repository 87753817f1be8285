"""MkDocs hook: make Material's search find Korean compounds by their parts, and synonyms.

Material's search (lunr) matches a query term as a prefix of an indexed word, so `컬렉션` never
finds `가비지컬렉션`, and `OOME`, `3way` or `핸드쉐이크` find nothing when the page never spells
them. After the search plugin has written search/search_index.json, this hook adds two invisible
fields (declared under the search plugin's `fields`, so the worker indexes them; never rendered in
results) to every section:

- `kw`: the inner suffixes of each long Hangul word (`가비지컬렉션` -> `비지컬렉션 … 컬렉션 렉션`),
  after dropping one trailing particle, so a fragment from the middle of a compound matches; on a
  page's own entry also its title words with particles (`구조체와`, `헤더에`);
- `syn`: every other spelling of a term the section uses, from the reviewed list in
  includes/search-synonyms.yml (`GC` <-> `가비지 컬렉션`, `OOME` <-> `OutOfMemoryError`, …).
  A field of its own, because lunr divides a field's score by its length.

Optional by design: under Zensical (which runs no hooks) the site builds the same and search works,
without these extras.
"""

from __future__ import annotations

import json
import logging
import re
from functools import cache
from pathlib import Path

import yaml

log = logging.getLogger("mkdocs.hooks.search_extras")

FIELD = "kw"
SYNONYM_FIELD = "syn"
SYNONYMS = Path(__file__).resolve().parent.parent / "includes" / "search-synonyms.yml"
HANGUL_RUN = re.compile(r"[가-힣]{3,}")
MIN_SUFFIX = 2
# One trailing particle (josa) is dropped before taking suffixes: `컬렉션은` and `컬렉션을` then
# give the same suffixes, which keeps the index small. Longest first.
PARTICLES = (
    "에서",
    "으로",
    "에게",
    "까지",
    "부터",
    "처럼",
    "보다",
    "이나",
    "은",
    "는",
    "이",
    "가",
    "을",
    "를",
    "의",
    "에",
    "와",
    "과",
    "로",
    "도",
    "만",
    "나",
)
TAGS = re.compile(r"<[^>]+>")
# Readers type a page's topic with a particle (`구조체와`, `헤더에`), and lunr only matches word
# prefixes: the page's own entry gets these forms of each Hangul word of its title.
TITLE_PARTICLES = (
    "은", "는", "이", "가", "을", "를", "와", "과", "의", "에", "로", "으로", "도", "에서",
)  # fmt: skip


def strip_particle(word: str) -> str:
    """Drop one trailing particle, keeping at least two syllables of the stem."""
    for particle in PARTICLES:
        if word.endswith(particle) and len(word) - len(particle) >= MIN_SUFFIX:
            return word[: -len(particle)]
    return word


def inner_suffixes(text: str) -> list[str]:
    """Suffixes (>= 2 syllables) of each long Hangul word, not counting the word itself."""
    found: dict[str, None] = {}
    for run in HANGUL_RUN.findall(text):
        stem = strip_particle(run)
        for start in range(1, len(stem) - MIN_SUFFIX + 1):
            found.setdefault(stem[start:])
    return list(found)


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


MAX_REPEAT = 3


def title_particle_forms(title: str) -> list[str]:
    """Topic words of a title with particles: `구조체의 차이` -> `구조체와 구조체를 … 차이에서`."""
    forms: dict[str, None] = {}
    for run in re.findall(r"[가-힣]{2,}", TAGS.sub(" ", title)):
        stem = strip_particle(run)
        for particle in TITLE_PARTICLES:
            forms.setdefault(stem + particle)
    return list(forms)


@cache
def _pattern(term: str) -> re.Pattern[str]:
    """Whole-word pattern for Latin terms (GC is not in GCC), plain substring for Hangul."""
    term = term.lower()
    if re.search(r"[a-z0-9]", term):
        return re.compile(rf"(?<![a-z0-9]){re.escape(term)}(?![a-z0-9])")
    return re.compile(re.escape(term))


def _mentions(text: str, term: str) -> int:
    """How often the (lower-cased) text uses a term."""
    return len(_pattern(term).findall(text))


def synonyms_for(title: str, text: str, groups: tuple[tuple[str, ...], ...]) -> list[str]:
    """Every spelling of every group the section uses, repeated as often as it is used (up to 3),
    plus 3 more when its heading uses it.

    The repetition keeps ranking honest: the section titled "로드 밸런서" outranks one that
    mentions a load balancer once.
    """
    title, text = title.lower(), text.lower()
    found: list[str] = []
    for group in groups:
        uses = min(sum(_mentions(text, term) for term in group), MAX_REPEAT)
        if any(_mentions(title, term) for term in group):
            uses += MAX_REPEAT
        found += list(group) * uses
    return found


def keywords(title: str, text: str, groups: tuple[tuple[str, ...], ...]) -> tuple[str, str]:
    """The invisible fields for one search entry: (`kw` inner parts, `syn` other spellings).

    Two fields, because lunr normalises a field's score by its length: a long list of inner
    parts must not dilute the synonyms of a section that is about the term.
    """
    title, text = TAGS.sub(" ", title), TAGS.sub(" ", text)
    synonyms = synonyms_for(title, text, groups)
    # Suffixes of the synonyms too: `비지컬렉션` finds a page that only writes `가비지 컬렉션`.
    parts = inner_suffixes(" ".join([title, text, *dict.fromkeys(synonyms)]))
    return " ".join(parts), " ".join(synonyms)


def on_post_build(config) -> None:  # type: ignore[no-untyped-def]
    """Rewrite the index the search plugin wrote (runs before the offline plugin inlines it)."""
    path = Path(config["site_dir"]) / "search" / "search_index.json"
    if not path.is_file():
        return
    index = json.loads(path.read_text(encoding="utf-8"))
    missing = {FIELD, SYNONYM_FIELD} - set(index["config"]["fields"])
    if missing:
        log.warning("search plugin lacks fields %s: add them under plugins.search.fields", missing)
        return
    try:
        groups = synonym_groups()
    except ValueError as error:
        log.error("%s", error)  # fails the build, naming the file and line
        raise SystemExit(1) from None
    for doc in index["docs"]:
        parts, synonyms = keywords(doc.get("title", ""), doc.get("text", ""), groups)
        if "#" not in doc["location"]:  # the page's own entry (its H1)
            parts = " ".join([parts, *title_particle_forms(doc.get("title", ""))]).strip()
        if parts:
            doc[FIELD] = parts
        if synonyms:
            doc[SYNONYM_FIELD] = synonyms
    path.write_text(json.dumps(index, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
