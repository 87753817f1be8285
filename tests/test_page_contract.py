"""Every topic page follows the contract in CONTRIBUTING.md; errors name the file and line."""

from __future__ import annotations

import re

import pytest
from markdown_pages import DOCS, LANDING_PAGES, Page, all_pages, topic_pages

PAGES = topic_pages()
IDS = [page.path for page in PAGES]
MIN_QUESTIONS = 5


def test_file_names_are_lowercase_kebab_case() -> None:
    bad = [
        path.relative_to(DOCS).as_posix()
        for path in DOCS.rglob("*.md")
        if not re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*\.md", path.name)
    ]
    assert not bad, bad


def test_landing_pages_exist() -> None:
    assert all((DOCS / name).is_file() for name in LANDING_PAGES)


@pytest.mark.parametrize("page", all_pages(), ids=lambda p: p.path)
def test_front_matter_has_description(page: Page) -> None:
    description = page.meta.get("description")
    assert isinstance(description, str) and description.strip(), (
        f"{page.location(1)}: front matter needs `description:`"
    )
    assert len(description) <= 160, f"{page.location(2)}: description longer than 160 characters"


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_topic_page_has_tags_and_one_korean_title(page: Page) -> None:
    tags = page.meta.get("tags")
    assert isinstance(tags, list) and tags, f"{page.location(1)}: front matter needs `tags:`"
    titles = [h for h in page.headings if h.level == 1]
    assert len(titles) == 1, f"{page.location(page.body_start)}: needs exactly one `# 제목`"
    assert re.search(r"[가-힣]", titles[0].text), (
        f"{page.location(titles[0].line)}: title not Korean"
    )


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_topic_page_opens_with_a_summary(page: Page) -> None:
    lines = page.text.splitlines()
    title = next(h for h in page.headings if h.level == 1)
    following = next(line for line in lines[title.line :] if line.strip())
    assert following.startswith('!!! abstract "한 줄 요약"'), (
        f'{page.location(title.line + 1)}: the title must be followed by !!! abstract "한 줄 요약"'
    )


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_topic_page_has_interview_questions_with_answers(page: Page) -> None:
    h2 = [h.text for h in page.headings if h.level == 2]
    assert "면접 질문" in h2, f"{page.location(page.body_start)}: missing `## 면접 질문`"
    top = [q for q in page.questions if q.depth == 0]
    assert len(top) >= MIN_QUESTIONS, (
        f"{page.location(page.body_start)}: {len(top)} questions, need {MIN_QUESTIONS}"
    )
    empty = [page.location(q.line) for q in page.questions if not q.answer.strip()]
    assert not empty, f"question blocks without an answer: {empty}"
    titles = [q.title for q in page.questions]
    duplicates = {t for t in titles if titles.count(t) > 1}
    assert not duplicates, f"docs/{page.path}: repeated question titles {duplicates}"


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_topic_page_ends_with_references(page: Page) -> None:
    h2 = [h for h in page.headings if h.level == 2]
    assert h2 and h2[-1].text == "참고 자료", (
        f"{page.location(h2[-1].line if h2 else 1)}: the last `##` section must be `## 참고 자료`"
    )
    links = page.links(page.section("참고 자료"))
    assert len(links) >= 2, f"{page.location(h2[-1].line)}: cite at least two sources"


def test_glossary_defines_each_abbreviation_once() -> None:
    path = DOCS.parent / "includes" / "abbreviations.md"
    seen: dict[str, int] = {}
    problems = []
    previous = ""
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        line_before, previous = previous, line
        if line.startswith("<!--") or not line.strip():
            continue
        match = re.fullmatch(r"\*\[([^\]]+)\]: .+", line)
        if not match:
            problems.append(f"includes/abbreviations.md:{number}: not `*[ABBR]: 풀이`")
        elif line_before.startswith("*["):
            # The file is appended to every page. Definitions on adjacent lines form one Markdown
            # block, which the parser tests again after taking each line off: with 260 of them
            # that doubled the build (18.6 s against 8.8 s). A blank line keeps each its own block.
            problems.append(
                f"includes/abbreviations.md:{number}: leave a blank line before {match.group(1)}"
            )
        elif match.group(1) in seen:
            problems.append(
                f"includes/abbreviations.md:{number}: {match.group(1)} already defined on line "
                f"{seen[match.group(1)]}"
            )
        else:
            seen[match.group(1)] = number
    assert not problems, "\n".join(problems)


MAX_ANSWER_CHARS = 500  # about a minute aloud at a Korean speaking pace (~350-400 syllables/min)


@pytest.mark.parametrize("page", PAGES, ids=IDS)
def test_model_answers_can_be_said_aloud_in_about_a_minute(page: Page) -> None:
    long = [
        f"{page.location(q.line)}: {len(' '.join(q.answer.split()))} characters"
        for q in page.questions
        if len(" ".join(q.answer.split())) > MAX_ANSWER_CHARS
    ]
    assert not long, f"answers longer than {MAX_ANSWER_CHARS} characters: {long}"


# Upper-case words that are not abbreviations: HTTP methods, SQL, TCP and thread states, units,
# names written in capitals. Anything else in capitals needs a line in includes/abbreviations.md.
NOT_ABBREVIATIONS = {
    "GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS", "TRACE", "CONNECT", "UPDATE",
    "INSERT", "SELECT", "WHERE", "JOIN", "ORDER", "BY", "IN", "EXPLAIN", "EAGER", "LAZY",
    "LISTEN", "CLOSED", "CLOSING", "WAITING", "BLOCKED", "EVENT", "MASK", "PROXY", "SIGKILL",
    "OK", "KB", "MB", "GB", "TB", "NGINX", "IBM", "README", "X25519", "RSV1", "RSV2", "RSV3",
    "S0", "S1",
}  # fmt: skip
CAPITALS = re.compile(r"(?<![A-Za-z0-9_\-./@%])[A-Z][A-Z0-9]{1,6}(?![A-Za-z0-9_\-])")


def _prose(text: str) -> str:
    """Page text without code, link targets, URLs and HTML tags."""
    text = re.sub(r"^\s*(```|~~~).*?^\s*\1", "", text, flags=re.S | re.M)
    text = re.sub(r"`[^`\n]*`", "", text)
    text = re.sub(r"\]\([^)\s]*\)", "]", text)
    text = re.sub(r"https?://\S+", "", text)
    return re.sub(r"<[^>]+>", "", text)


def test_every_abbreviation_on_a_page_is_in_the_glossary() -> None:
    glossary_file = DOCS.parent / "includes" / "abbreviations.md"
    glossary = set(re.findall(r"^\*\[([^\]]+)\]", glossary_file.read_text("utf-8"), re.M))
    missing: dict[str, str] = {}
    for page in all_pages():
        body = "\n".join(page.text.splitlines()[page.body_start - 1 :])
        for line in _prose(body).splitlines():
            for word in CAPITALS.findall(line):
                if word not in glossary and word not in NOT_ABBREVIATIONS:
                    missing.setdefault(word, f"docs/{page.path}")
    assert not missing, (
        "add these to includes/abbreviations.md (or NOT_ABBREVIATIONS if they are not one): "
        + ", ".join(f"{word} ({where})" for word, where in sorted(missing.items()))
    )
