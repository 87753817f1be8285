"""Practice mode: the question list, the bank (bank.json), question ids, and the drill in a browser.

What the build made (the practice page's list, practice/bank.json) is compared with an
independent reading of the Markdown sources (tests/markdown_pages.py), of mkdocs.yml's nav and of
the rendered topic pages.
"""

from __future__ import annotations

import importlib.util
import json
import re
import subprocess
import sys
from functools import cache
from pathlib import Path
from types import ModuleType
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, copy_project, mkdocs_build
from markdown_pages import DOCS, load_page

pytestmark = pytest.mark.browser

BANK = "practice/"
BANK_SRC = "practice/index.md"
BANK_JSON = "practice/bank.json"
KEY = "interview-notes:practice:v1"
NESTED_PAGE = "network/tcp-handshake/"  # questions nested three levels deep
LABELS = {"know": "알아요", "unsure": "헷갈려요", "unknown": "모르겠어요"}
ID = re.compile(r"^q-[0-9a-f]{8}$")
MAX_ELEMENTS = 1500  # document.getElementsByTagName('*').length on the practice page
LIST_ITEMS = "#practice-list li[data-qid]"
GROUPS = "#practice-list details.practice-page"  # with JavaScript: one folded group per page


# --- independent expectations -----------------------------------------------------------------


def _fnv1a(text: str) -> str:
    value = 0x811C9DC5
    for byte in text.encode("utf-8"):
        value = ((value ^ byte) * 0x01000193) % 2**32
    return f"q-{value:08x}"


def _plain(title: str) -> str:
    text = title.replace("`", "").replace("**", "").replace('\\"', '"')
    return " ".join(text.split())


def _key(src: str) -> str:
    """The page's URL path without the trailing slash: `http/index.md` -> `http`."""
    return re.sub(r"(^|/)index$", "", src.removesuffix(".md")).rstrip("/")


class _NavLoader(yaml.SafeLoader):
    """Read mkdocs.yml's nav without importing what its Python tags name."""


_NavLoader.add_multi_constructor("", lambda loader, suffix, node: None)


def _flatten(item: object) -> list[str]:
    if isinstance(item, str):
        return [item] if item.endswith(".md") else []
    if isinstance(item, dict):
        return [page for value in item.values() for page in _flatten(value)]
    if isinstance(item, list):
        return [page for child in item for page in _flatten(child)]
    return []


@cache
def _expected() -> list[tuple[str, str, str, str, int, str | None]]:
    """(section, page src, id, plain title, depth, parent id) for every question, in nav order."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_NavLoader)
    found = []
    for entry in config["nav"]:
        for section, value in entry.items():
            for src in _flatten(value):
                if src == BANK_SRC or not (DOCS / src).is_file():
                    continue
                key = _key(src)
                for question in load_page(DOCS / src).questions:
                    parent = question.parent
                    found.append((
                        section, src, _fnv1a(key + "\n" + _plain(question.title)),
                        _plain(question.title), question.depth,
                        _fnv1a(key + "\n" + _plain(parent)) if parent else None,
                    ))
    return found


@cache
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@cache
def _ids(path: Path) -> dict[str, object]:
    return {node["id"]: node for node in _soup(path).find_all(id=True)}


def _text(node: object) -> str:
    return " ".join(node.get_text().split())  # type: ignore[attr-defined]


def _html_text(fragment: str) -> str:
    return _text(BeautifulSoup(fragment, "html.parser"))


def _hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("question_bank", ROOT / "hooks/question_bank.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("question_bank", module)
    spec.loader.exec_module(module)
    return module


def _bank(site: Path) -> dict:
    return json.loads((site / BANK_JSON).read_text(encoding="utf-8"))


def _target(site: Path, base: str, href: str) -> tuple[Path, str]:
    """The built file and fragment a relative link on the page at `base` (a site path) opens."""
    url = urlsplit(urljoin("https://example.test/" + base, href))
    path = site / unquote(url.path).lstrip("/")
    return (path / "index.html" if url.path.endswith("/") else path), unquote(url.fragment)


def _rendered_answers(site: Path) -> dict[str, str]:
    """Each question's answer text as its topic page shows it (follow-up blocks left out)."""
    answers = {}
    for path in sorted(site.rglob("index.html")):
        for details in _soup(path).select("article details.question"):
            anchor = details.find_previous_sibling()
            span = anchor.select_one("span.question-anchor") if anchor else None
            if span is None:
                continue
            parts = []
            for child in details.find_all(recursive=False):
                if child.name == "summary" or "question" in child.get("class", []):
                    continue
                if child.select_one(":scope > span.question-anchor") and not _text(child):
                    continue
                parts.append(_text(child))
            answers[span["id"]] = " ".join(part for part in parts if part)
    return answers


# --- the list on the practice page (built HTML) ---------------------------------------------------


def test_list_shows_exactly_the_questions_of_the_pages(site_dir: Path) -> None:
    listing = _soup(site_dir / BANK / "index.html").select_one("article #practice-list")
    assert listing is not None, "the hook did not put the list in the practice page"
    shown = [
        (item.find_parent("ul")["data-section"], item["data-qid"], _text(item.a),
         int(item.get("data-depth", 0)))
        for item in listing.select("li[data-qid]")
    ]
    expected = [(section, qid, title, depth) for section, _, qid, title, depth, _ in _expected()]
    assert len(expected) > 100
    missing = [q for q in expected if q not in shown]
    extra = [q for q in shown if q not in expected]
    assert not missing and not extra, f"missing from the list: {missing}\nnot in pages: {extra}"
    assert shown == expected, "the list is not in nav order"
    # Grouped by section (h2) and page (h3 + ul); plain HTML: no answers, tooltips or widgets.
    assert [_text(h2) for h2 in listing.select("h2")] == list(dict.fromkeys(q[0] for q in expected))
    pages = list(dict.fromkeys(src for _, src, *_ in _expected()))
    assert len(listing.select("h3 > a")) == len(listing.select("ul.practice-page")) == len(pages)
    tags = {node.name for node in listing.find_all(True)}
    assert tags <= {"p", "h2", "h3", "ul", "li", "a"}, tags
    assert not listing.select("[title]")


def test_every_list_link_lands_on_its_question(site_dir: Path) -> None:
    problems = []
    listing = _soup(site_dir / BANK / "index.html").select_one("#practice-list")
    for item in listing.select("li[data-qid]"):
        href = item.a["href"]
        target, fragment = _target(site_dir, BANK, href)
        if not re.match(r"^\.\./[^#]*/#q-[0-9a-f]{8}$", href) or not target.is_file():
            problems.append(f"{href}: no page")
            continue
        anchor = _ids(target).get(fragment)
        if anchor is None or fragment != item["data-qid"]:
            problems.append(f"{href}: no element with id {fragment!r}")
            continue
        following = anchor.parent.find_next_sibling()
        if following is None or "question" not in following.get("class", []):
            problems.append(f"{href}: the anchor is not right before a question block")
    for link in listing.select("h3 > a"):
        if not _target(site_dir, BANK, link["href"])[0].is_file():
            problems.append(f"{link['href']}: no page")
    assert not problems, "\n".join(problems)


def test_practice_page_is_a_small_hand_written_page(site_dir: Path) -> None:
    source = (DOCS / BANK_SRC).read_text(encoding="utf-8")
    assert len(source.encode()) < 4096, "docs/practice/index.md is generated again?"
    assert "??? " not in source
    meta = yaml.safe_load(source.split("---")[1])
    assert meta["title"] == "면접 질문 모음" and meta["description"]
    # Searchable by its title and intro (`면접 질문 모음`), never by the list: the questions are
    # found on their own pages, and the list would double the index.
    full = site_dir / "search" / "search_index.full.json"
    index = json.loads(full.read_text(encoding="utf-8"))
    entries = [doc for doc in index["docs"] if doc["location"].startswith(BANK)]
    assert entries and sum(len(doc["text"]) for doc in entries) < 2000
    built = site_dir / BANK / "index.html"
    print(f"\npractice page: {built.stat().st_size / 1024:.0f} KB HTML, "
          f"bank.json {(site_dir / BANK_JSON).stat().st_size / 1024:.0f} KB")
    assert built.stat().st_size < 200_000


# --- the bank (bank.json) ----------------------------------------------------------------------


def test_bank_holds_every_question_with_its_answer(site_dir: Path) -> None:
    text = (site_dir / BANK_JSON).read_text(encoding="utf-8")
    bank = json.loads(text)
    assert text == json.dumps(bank, ensure_ascii=False, separators=(",", ":")) + "\n", (
        "bank.json is not compact JSON"
    )
    assert bank["v"] == 1
    expected = _expected()
    pages = list(dict.fromkeys(src for _, src, *_ in expected))
    assert [(p["u"], bank["s"][p["s"]]) for p in bank["p"]] == [
        (f"../{_key(src)}/".replace("..//", "../"),
         next(q[0] for q in expected if q[1] == src)) for src in pages
    ]
    for page, src in zip(bank["p"], pages, strict=True):
        h1 = _soup(_target(site_dir, BANK, page["u"])[0]).select_one("article h1")
        assert page["t"] == _text(h1).rstrip("¶").strip(), src
    children: dict[str, list[str]] = {}
    for *_, qid, _, _, parent in expected:
        if parent:
            children.setdefault(parent, []).append(qid)
    assert [
        (bank["p"][q["p"]]["u"], q["i"], q["t"], q.get("up"), q.get("c")) for q in bank["q"]
    ] == [
        (bank["p"][pages.index(src)]["u"], qid, title, parent, children.get(qid))
        for _, src, qid, title, _, parent in expected
    ]
    rendered = _rendered_answers(site_dir)
    problems = []
    for question in bank["q"]:
        answer = question["a"]
        if not _html_text(answer):
            problems.append(f"{question['i']}: empty answer")
        elif _html_text(answer) != rendered[question["i"]]:
            problems.append(f"{question['i']}: not the answer its page shows")
        for leak in ('class="question', "question-anchor", " id=", "<abbr", "<script"):
            if leak in answer:
                problems.append(f"{question['i']}: {leak!r} in the answer")
        for node in BeautifulSoup(answer, "html.parser").select("[href], [src]"):
            url = node.get("href") or node.get("src")
            if re.match(r"^[a-z]+:", url):
                continue
            target, fragment = _target(site_dir, BANK, url)
            if not target.is_file() or (fragment and fragment not in _ids(target)):
                problems.append(f"{question['i']}: {url} does not work from the practice page")
    assert not problems, "\n".join(problems)


def test_committed_bank_matches_the_build(site_dir: Path) -> None:
    """Zensical runs no hooks and copies docs/practice/bank.json: it must not drift."""
    committed = DOCS / "practice" / "bank.json"
    assert committed.is_file(), "docs/practice/bank.json is missing: run `make bank`"
    assert committed.read_bytes() == (site_dir / BANK_JSON).read_bytes(), (
        "docs/practice/bank.json differs from the pages' questions: run `make bank` "
        "(python hooks/question_bank.py --write) and commit docs/practice/bank.json"
    )


def test_a_question_added_to_a_page_is_listed_and_in_the_bank(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    page = project / "docs" / "network" / "tcp-handshake.md"
    text = page.read_text(encoding="utf-8")
    added = (
        '??? question "새로 추가한 질문: `SYN_RECV`는 무엇인가요?"\n'
        "    SYN을 받고 SYN+ACK를 보낸 상태입니다. [TCP와 UDP](tcp-udp.md)도 보세요.\n\n"
        '    ??? question "꼬리 질문: 새 꼬리 질문인가요?"\n'
        "        네.\n\n"
    )
    page.write_text(text.replace("## 참고 자료", added + "## 참고 자료", 1), encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "docs/practice/bank.json가 페이지와 다릅니다: `make bank`" in result.stderr
    qid = _fnv1a("network/tcp-handshake\n새로 추가한 질문: SYN_RECV는 무엇인가요?")
    listing = BeautifulSoup(
        (tmp_path / "site" / BANK / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    item = listing.select_one(f'#practice-list li[data-qid="{qid}"]')
    assert item is not None, "the new question is not in the list"
    assert item.find_parent("ul")["data-section"] == "네트워크"
    assert item.a["href"] == f"../network/tcp-handshake/#{qid}"
    follow_up = item.find_next_sibling("li")
    assert follow_up["data-depth"] == "1" and "새 꼬리 질문" in _text(follow_up)
    bank = _bank(tmp_path / "site")
    entry = next(q for q in bank["q"] if q["i"] == qid)
    assert 'href="../network/tcp-udp/"' in entry["a"], "relative link not rewritten"
    assert entry["c"] == [follow_up["data-qid"]]
    assert next(q for q in bank["q"] if q["i"] == follow_up["data-qid"])["up"] == qid
    # The committed copy is now stale: --check says so, --write (make bank) brings it up to date.
    command = [sys.executable, str(project / "hooks" / "question_bank.py")]
    config = ["--config", str(project / "mkdocs.yml")]
    check = subprocess.run(
        [*command, "--check", *config], capture_output=True, text=True, timeout=300, check=False
    )
    assert check.returncode == 1 and "run `make bank`" in check.stderr, check.stderr
    write = subprocess.run(
        [*command, "--write", *config], capture_output=True, text=True, timeout=300, check=False
    )
    assert write.returncode == 0, write.stderr
    committed = project / "docs" / "practice" / "bank.json"
    assert committed.read_bytes() == (tmp_path / "site" / BANK_JSON).read_bytes()


# --- ids and anchors -----------------------------------------------------------------------------


def test_anchors_keep_the_question_nesting_on_every_page(site_dir: Path) -> None:
    """Each question block gets its anchor; follow-ups stay inside their parent's block."""
    by_page: dict[str, list[tuple[str, int]]] = {}
    for _, src, qid, _, depth, _ in _expected():
        by_page.setdefault(src, []).append((qid, depth))
    for src, expected in by_page.items():
        url = _key(src)
        soup = _soup(site_dir / url / "index.html" if url else site_dir / "index.html")
        shown = []
        for details in soup.select("article details.question"):
            anchor = details.find_previous_sibling()
            qid = anchor.select_one("span.question-anchor")["id"] if anchor else None
            shown.append((qid, len(details.find_parents("details"))))
        assert shown == expected, src


def test_rendered_question_text_gives_the_same_id_as_the_anchor(site_dir: Path) -> None:
    """What practice.js computes without anchors (Zensical) matches what the hook wrote."""
    checked = 0
    for path in sorted(site_dir.rglob("index.html")):
        soup = _soup(path)
        rel = path.parent.relative_to(site_dir).as_posix()
        key = "" if rel == "." else rel
        for span in soup.select("article span.question-anchor"):
            summary = span.parent.find_next_sibling("details").summary
            text = " ".join(summary.get_text().split())
            assert _fnv1a(key + "\n" + text) == span["id"], f"{key}: {text}"
            checked += 1
    assert checked == len(_expected())


def test_question_ids_are_stable_known_values() -> None:
    hook = _hook()
    assert hook.fnv1a_32(b"") == 0x811C9DC5  # FNV-1a test vectors
    assert hook.fnv1a_32(b"a") == 0xE40C292C
    assert hook.fnv1a_32(b"foobar") == 0xBF9CF968
    assert hook.page_key("network/tcp-handshake.md") == "network/tcp-handshake"
    assert hook.page_key("http/index.md") == "http"
    assert hook.page_key("index.md") == ""
    assert hook.plain_title("`listen()`의  **backlog**는 \\\"무엇\\\"인가요?") == (
        'listen()의 backlog는 "무엇"인가요?'
    )
    assert hook.plain_title("`a**b`") == "a**b"
    title = "TCP 3-way 핸드셰이크 과정을 설명해 주세요."
    assert hook.question_id("network/tcp-handshake", title) == "q-fcca90b5"
    assert hook.question_id("network/tcp-handshake", title) == _fnv1a(
        "network/tcp-handshake\n" + title
    )


def test_ids_survive_reordering_and_nesting_survives_anchors() -> None:
    hook = _hook()
    first = '??? question "A?"\n    a.\n\n    ??? question "B?"\n        b.\n'
    second = '??? question "C?"\n    c.\n'
    ids = [q.qid for q in hook.parse_questions(first + "\n" + second, "x/y")]
    swapped = [q.qid for q in hook.parse_questions(second + "\n" + first, "x/y")]
    assert sorted(ids) == sorted(swapped) and len(set(ids)) == 3
    anchored, duplicates = hook.add_anchors(first, "x/y")
    assert not duplicates
    assert anchored.splitlines()[5] == f'    <span class="question-anchor" id="{ids[1]}"></span>'
    questions = hook.parse_questions(anchored, "x/y")
    assert [(q.qid, q.depth) for q in questions] == [(ids[0], 0), (ids[1], 1)]
    assert hook.answer_markdown(anchored.splitlines(), questions[0]).startswith("a.")


# --- the reader in the browser ------------------------------------------------------------------


def _marks(page) -> dict[str, str]:  # type: ignore[no-untyped-def]
    raw = page.evaluate("key => localStorage.getItem(key)", KEY)
    return json.loads(raw) if raw else {}


def _set_storage(page, value: str) -> None:  # type: ignore[no-untyped-def]
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [KEY, value])


def _progress(page, section: str) -> tuple[int, int, str]:  # type: ignore[no-untyped-def]
    row = page.locator(f'.practice-progress__row[data-section="{section}"]')
    bar = row.locator("progress")
    return (
        int(bar.get_attribute("value")),
        int(bar.get_attribute("max")),
        row.locator(".practice-progress__text").inner_text(),
    )


def _drill(page) -> str:  # type: ignore[no-untyped-def]
    """Draw a question and reveal its answer; return the question's id."""
    page.get_by_role("button", name="무작위 질문").click()
    href = page.locator("#practice-question a").get_attribute("href")
    page.get_by_role("button", name="답 보기").click()
    return href.rsplit("#", 1)[1]


def _bank_requests(page) -> list[str]:  # type: ignore[no-untyped-def]
    return [url for url in page.requests if re.search(r"/bank\.(json|js)$", url)]


def _elements(page) -> int:  # type: ignore[no-untyped-def]
    return page.evaluate("document.getElementsByTagName('*').length")


def _section_of(qid: str) -> str:
    return next(section for section, _, q, *_ in _expected() if q == qid)


def _open_group(page, qid: str):  # type: ignore[no-untyped-def]
    """Unfold the page group holding the question (its items are added then); return its item."""
    pages = list(dict.fromkeys(src for _, src, *_ in _expected()))
    src = next(src for _, src, q, *_ in _expected() if q == qid)
    group = page.locator(f'{GROUPS}[data-page="{pages.index(src)}"]')
    if group.get_attribute("open") is None:
        group.locator(":scope > summary").click()
    item = group.locator(f'li[data-qid="{qid}"]')
    item.wait_for(state="attached")
    return item


def test_bank_is_fetched_only_when_the_drill_starts(page, site_url: str, site_dir: Path) -> None:
    page.goto(site_url + BANK)
    page.wait_for_load_state("networkidle")
    assert _bank_requests(page) == [], "the bank must not load with the page"
    assert _progress(page, "전체")[1] == len(_expected())  # progress comes from the page's list
    assert page.get_by_role("button", name="답 보기").count() == 0  # nothing to reveal yet
    page.get_by_role("button", name="무작위 질문").click()
    question = page.locator("#practice-question")
    assert question.get_attribute("aria-live") == "polite"
    title = question.locator("a").inner_text()
    qid = question.locator("a").get_attribute("href").rsplit("#", 1)[1]
    assert ID.match(qid) and title
    assert _bank_requests(page) == [site_url + BANK_JSON]
    answer = page.locator("#practice-answer")
    assert not answer.is_visible()
    page.get_by_role("button", name="답 보기").click()
    assert answer.is_visible()
    assert page.evaluate("document.activeElement.closest('#practice-answer') !== null")
    entry = next(q for q in _bank(site_dir)["q"] if q["i"] == qid)
    assert entry["t"] == title
    assert _html_text(entry["a"]) in " ".join(answer.inner_text().split())
    for label in LABELS.values():
        assert page.get_by_role("button", name=label, exact=True).is_visible()
    for _ in range(3):
        _drill(page)
    assert len(_bank_requests(page)) == 1, "the bank is fetched once"
    assert page.console_errors == []


def test_practice_page_stays_small(page, site_url: str) -> None:
    page.goto(site_url + BANK)
    page.locator(".practice-progress__row").first.wait_for()
    loaded = _elements(page)
    assert page.locator("noscript").count() == 0, "the list source stays in the page"
    assert page.locator(GROUPS).count() == len({src for _, src, *_ in _expected()})
    _drill(page)
    drilled = _elements(page)
    sizes = page.evaluate(
        f"[...document.querySelectorAll('{GROUPS} > summary')]"
        ".map(s => Number(s.textContent.match(/질문 (\\d+)개/)[1]))"
    )
    largest = sizes.index(max(sizes))
    page.locator(GROUPS).nth(largest).locator(":scope > summary").click()
    page.locator(GROUPS).nth(largest).locator("li").first.wait_for()
    opened = _elements(page)
    print(f"\npractice page: {loaded} elements after load, {drilled} with an answer shown, "
          f"{opened} with the largest page ({max(sizes)} questions) unfolded; "
          f"{len(_expected())} questions; limit {MAX_ELEMENTS}")
    assert max(loaded, drilled, opened) <= MAX_ELEMENTS
    assert page.locator(f"{GROUPS}[open] li").count() == max(sizes)
    assert page.locator("#practice-list abbr, #practice-list [title]").count() == 0
    assert page.locator("article details.question").count() == 0


def test_mark_survives_reload_updates_progress_and_shows_on_the_topic_page(
    page, site_url: str
) -> None:
    page.goto(site_url + BANK)
    qid = _drill(page)
    section = _section_of(qid)
    known, total, _ = _progress(page, section)
    assert known == 0 and total > 0
    page.get_by_role("button", name="알아요", exact=True).click()
    assert _marks(page) == {qid: "know"}
    # The next question is shown and focus is on its "답 보기" button.
    assert page.evaluate("document.activeElement.textContent") == "답 보기"
    page.reload()
    assert _progress(page, section)[:2] == (1, total)
    assert "알아요 1 /" in _progress(page, section)[2]
    assert _progress(page, "전체")[0] == 1
    item = _open_group(page, qid)
    assert item.locator(":scope > .practice-badge").inner_text().endswith("알아요")
    # Instant navigation from the list to the question's page: the badge is there too, and the
    # topic page does not load the bank.
    requests_before = len(page.requests)
    item.locator(":scope > a").click()
    page.wait_for_url(re.compile(f"#{qid}$"))
    summary = page.locator(f'details.question[data-qid="{qid}"] > summary')
    summary.locator(".practice-badge").wait_for()
    assert summary.locator(".practice-badge").inner_text().endswith("알아요")
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    assert page.locator("details.question .practice-badge").count() == 1
    assert not [u for u in page.requests[requests_before:] if re.search(r"/bank\.js(on)?$", u)]
    # Back to the practice page by instant navigation (Material parses the page without scripts,
    # so the <noscript> list arrives as elements): the list is folded again and the drill works.
    page.evaluate("""() => [...document.querySelectorAll('a[href]')]
        .find(a => new URL(a.href).pathname.endsWith('/practice/')).click()""")
    page.wait_for_url(re.compile(r"/practice/$"))
    page.locator(GROUPS).first.wait_for()
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    assert page.locator("noscript").count() == 0
    assert page.locator(GROUPS).count() == len({src for _, src, *_ in _expected()})
    assert _elements(page) <= MAX_ELEMENTS
    badge = _open_group(page, qid).locator(":scope > .practice-badge")
    assert badge.inner_text().endswith("알아요")
    _drill(page)
    assert len([u for u in page.requests[requests_before:] if u.endswith("/bank.json")]) == 1
    assert page.console_errors == []


def test_review_only_filters_the_drill_and_the_list(page, site_url: str) -> None:
    page.goto(site_url + BANK)
    first, second = _expected()[0][2], _expected()[1][2]
    assert _expected()[0][1] == _expected()[1][1]  # both on the first page
    _set_storage(page, json.dumps({first: "unsure", second: "know"}))
    page.reload()
    page.get_by_label("다시 볼 질문만", exact=True).check()
    assert page.locator(f"{GROUPS}:visible").count() == 1
    assert page.locator("#practice-list h2:visible").count() == 1
    _open_group(page, first)
    shown = f"[...document.querySelectorAll('{LIST_ITEMS}')].filter(i => i.offsetParent)"
    assert page.evaluate(shown + ".map(i => i.dataset.qid)") == [first]
    for _ in range(3):
        page.get_by_role("button", name="무작위 질문").click()
        assert page.locator("#practice-question a").get_attribute("href").endswith(first)
    page.get_by_label("섹션", exact=True).select_option("HTTP")
    assert "다시 볼 질문이 없습니다" in page.locator("#practice-question").inner_text()
    page.get_by_label("다시 볼 질문만", exact=True).uncheck()
    assert page.locator(f"{GROUPS}:visible").count() == page.locator(GROUPS).count()
    first_page = sum(1 for q in _expected() if q[1] == _expected()[0][1])
    assert page.evaluate(shown + ".length") == first_page
    page.get_by_role("button", name="무작위 질문").click()
    href = page.locator("#practice-question a").get_attribute("href")
    assert _section_of(href.rsplit("#", 1)[1]) == "HTTP"


def test_reset_clears_marks_only_after_confirmation(page, site_url: str) -> None:
    page.goto(site_url + BANK)
    qid = _expected()[0][2]
    _set_storage(page, json.dumps({qid: "unknown"}))
    page.reload()
    _open_group(page, qid)
    assert page.locator("#practice-list .practice-badge").count() == 1
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="기록 초기화").click()
    assert _marks(page) == {qid: "unknown"}
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="기록 초기화").click()
    assert _marks(page) == {}
    assert page.locator(".practice-badge").count() == 0
    assert "모르겠어요 0" in _progress(page, "전체")[2]
    page.reload()
    _open_group(page, qid)
    assert page.locator(".practice-badge").count() == 0
    assert page.console_errors == []


BAD_STORAGE = ["{not json", '{"q-unknown": "know", "x": 42}', "[1, 2]", "null", '"know"', "42"]


def test_bad_storage_is_ignored(page, site_url: str) -> None:
    page.goto(site_url + BANK)
    for stored in BAD_STORAGE:  # read again by the page's own code, as on every navigation
        _set_storage(page, stored)
        page.evaluate("window.practice.init()")
        assert page.evaluate("window.practice.readMarks()") == {}, stored
        assert _progress(page, "전체")[0] == 0, stored
    for stored in BAD_STORAGE[:2]:  # the two the issue names: a real reload, then drill
        _set_storage(page, stored)
        page.reload()
        qid = _drill(page)
        page.get_by_role("button", name="헷갈려요").click()
        assert _marks(page) == {qid: "unsure"}, "bad entries are dropped on the next save"
    _set_storage(page, BAD_STORAGE[0])
    page.goto(site_url + NESTED_PAGE)
    assert page.locator("details.question[data-qid]").count() > 0
    assert page.locator(".practice-badge").count() == 0
    assert page.console_errors == []


def test_unavailable_storage_does_not_break_the_page(page, site_url: str) -> None:
    """Private mode or blocked storage: reading and writing throw. Marks last for the visit."""
    blocked = """for (const name of ['getItem', 'setItem', 'removeItem']) {
        const original = Storage.prototype[name];
        Storage.prototype[name] = function (key, ...rest) {
          if (key === KEY) throw new DOMException('denied', 'SecurityError');
          return original.call(this, key, ...rest);
        };
      }"""
    page.add_init_script(blocked.replace("KEY", json.dumps(KEY)))
    page.goto(site_url + BANK)
    qid = _drill(page)
    page.get_by_role("button", name="모르겠어요").click()
    badge = _open_group(page, qid).locator(":scope > .practice-badge")
    assert badge.inner_text().endswith("모르겠어요")
    assert page.console_errors == []


def test_a_failed_bank_download_can_be_retried(page, site_url: str) -> None:
    failures = {"left": 1}

    def handle(route):  # type: ignore[no-untyped-def]
        if failures["left"]:
            failures["left"] -= 1
            route.fulfill(status=503, body="unavailable")
        else:
            route.continue_()

    page.route("**/practice/bank.json", handle)
    page.goto(site_url + BANK)
    page.get_by_role("button", name="무작위 질문").click()
    status = page.locator(".practice-drill__status")
    status.filter(has_text="불러오지 못했습니다").wait_for()
    assert page.get_by_role("button", name="답 보기").count() == 0
    _drill(page)
    assert page.locator("#practice-answer").is_visible()


def _shape(listing: object) -> list[tuple[str, ...]]:
    return [
        (node.name, node.get("id", ""), " ".join(node.get("class", [])),
         *(node.get(attr, "") for attr in ("data-qid", "data-depth", "data-section", "href")),
         "" if node.find(True) else _text(node))
        for node in listing.find_all(True)  # type: ignore[attr-defined]
    ]


def test_without_the_hook_the_list_is_drawn_from_the_bank(
    page, site_url: str, site_dir: Path
) -> None:
    """Zensical runs no hooks: practice.js draws the same list from bank.json on its own."""
    hook_list = _soup(site_dir / BANK / "index.html").select_one("noscript #practice-list")
    page.goto(site_url + BANK)
    drawn = page.evaluate(
        "async () => window.practice.renderList(await (await fetch('bank.json')).json()).outerHTML"
    )
    assert _shape(BeautifulSoup(drawn, "html.parser").select_one("#practice-list")) == _shape(
        hook_list
    )
    summaries = f"[...document.querySelectorAll('{GROUPS} > summary')].map(s => s.textContent)"
    folded = page.evaluate(summaries)
    page.requests.clear()
    page.evaluate("document.getElementById('practice-list').remove(); window.practice.init()")
    page.locator(GROUPS).first.wait_for()  # drawn from the bank, fetched at once
    assert _bank_requests(page) == [site_url + BANK_JSON]
    assert page.evaluate(summaries) == folded
    assert _progress(page, "전체")[1] == len(_expected())
    _drill(page)
    assert page.locator("#practice-answer").is_visible()
    assert len(_bank_requests(page)) == 1
    assert page.console_errors == []


def test_javascript_computes_the_same_ids_without_anchors(page, site_url: str) -> None:
    """Under Zensical the hook does not run: practice.js must find the same ids on its own."""
    for path in (NESTED_PAGE, "http/", "intro/"):
        page.goto(site_url + path)
        result = page.evaluate(
            """() => {
              const blocks = [...document.querySelectorAll('article details.question')];
              const before = blocks.map(d => d.dataset.qid);
              document.querySelectorAll('.question-anchor').forEach(a => {
                const p = a.parentElement;  // the hook's <p><span …></span></p>, as if never there
                (p.tagName === 'P' && p.childNodes.length === 1 ? p : a).remove();
              });
              document.querySelectorAll('.practice-badge').forEach(b => b.remove());
              blocks.forEach(d => d.removeAttribute('data-qid'));
              const computed = blocks.map(d => window.practice.questionId(
                window.practice.pageKey(), d.querySelector('summary').textContent));
              window.practice.init();
              const anchors = blocks.map(d => d.previousElementSibling.id);
              return {before, computed, after: blocks.map(d => d.dataset.qid), anchors};
            }"""
        )
        assert result["before"] and all(ID.match(i) for i in result["before"]), path
        assert result["computed"] == result["before"], path
        assert result["after"] == result["before"] == result["anchors"], path
    assert page.evaluate("window.practice.pageKey(location.origin + '/interview-notes/')") == ""
    assert page.console_errors == []


def test_list_is_readable_without_javascript(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, locale="ko-KR")
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    try:
        tab.goto(site_url + BANK)
        assert tab.locator("#practice-drill").inner_text() == ""
        links = tab.locator(f"{LIST_ITEMS} > a")
        assert links.count() == len(_expected())
        assert links.first.is_visible() and links.last.is_visible()
        assert tab.locator("#practice-list h2").first.is_visible()
        assert not [url for url in requests if "bank." in url]
    finally:
        context.close()


def test_offline_site_drill_works_from_the_file_system(browser, offline_site: Path) -> None:
    """file:// forbids fetch(): the offline copy loads bank.js with a <script> tag instead."""
    context = browser.new_context(locale="ko-KR", offline=True)
    tab = context.new_page()
    requests: list[str] = []
    errors: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    # Only practice.js's own problems count here (the search's are tests/test_search.py's).
    tab.on("pageerror", lambda error: errors.append(f"{error.message}\n{error.stack}"))
    tab.on("console", lambda message: errors.append(message.text) if message.type in (
        "error", "warning") else None)
    try:
        tab.goto((offline_site / "practice" / "index.html").as_uri())
        _, src, first, *_ = _expected()[0]
        link = _open_group(tab, first).locator(":scope > a")
        assert link.get_attribute("href") == f"../{src.removesuffix('.md')}.html#{first}"
        assert not [url for url in requests if "bank." in url]
        assert _elements(tab) <= MAX_ELEMENTS
        qid = _drill(tab)
        assert [url for url in requests if "bank." in url] == [
            (offline_site / "practice" / "bank.js").as_uri()
        ]
        assert len(_text(BeautifulSoup(tab.locator("#practice-answer").inner_html(),
                                       "html.parser"))) > 20
        tab.get_by_role("button", name="알아요", exact=True).click()
        assert _marks(tab) == {qid: "know"}
        _open_group(tab, qid).locator(":scope > a").click()
        tab.wait_for_url(re.compile(f"#{qid}$"))
        tab.locator(f'details.question[data-qid="{qid}"] .practice-badge').wait_for()
    finally:
        context.close()
    assert not [error for error in errors if "practice" in error or "bank" in error], errors
    assert all(url.startswith(("file:", "data:", "blob:", "about:")) for url in requests)


def test_drill_on_a_phone_in_dark_mode(browser, site_url: str, output_dir: Path) -> None:
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True,
        locale="ko-KR", color_scheme="dark",
    )
    tab = context.new_page()
    try:
        tab.goto(site_url + BANK)
        tab.evaluate("document.body.setAttribute('data-md-color-scheme', 'slate')")
        _drill(tab)
        tab.get_by_role("button", name="헷갈려요").click()
        _drill(tab)
        overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"the practice page scrolls sideways by {overflow}px on a phone"
        tab.screenshot(path=str(output_dir / "practice-phone-dark.png"), full_page=False)
        axe = ROOT / "node_modules" / "axe-core" / "axe.min.js"
        if axe.is_file():
            tab.add_script_tag(path=str(axe))
            violations = tab.evaluate(
                "async () => (await axe.run({include: [['#practice-drill'], ['.practice-badge']]}))"
                ".violations.filter(v => ['serious', 'critical'].includes(v.impact))"
                ".map(v => v.id + ': ' + v.nodes.map(n => n.target[0]).slice(0, 3).join(', '))"
            )
            assert violations == []
    finally:
        context.close()
