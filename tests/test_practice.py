"""Practice mode: the question bank, question ids, and the drill with marks in a real browser.

The bank (docs/practice/index.md, filled by hooks/question_bank.py) is compared with an
independent reading of the Markdown sources (tests/markdown_pages.py) and of mkdocs.yml's nav.
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
KEY = "interview-notes:practice:v1"
NESTED_PAGE = "network/tcp-handshake/"  # questions nested three levels deep
LABELS = {"know": "알아요", "unsure": "헷갈려요", "unknown": "모르겠어요"}
ID = re.compile(r"^q-[0-9a-f]{8}$")


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
def _expected() -> list[tuple[str, str, str, str, int]]:
    """(section, page src, id, plain title, depth) for every question, in nav order."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_NavLoader)
    found = []
    for entry in config["nav"]:
        for section, value in entry.items():
            for src in _flatten(value):
                if src == BANK_SRC or not (DOCS / src).is_file():
                    continue
                for question in load_page(DOCS / src).questions:
                    found.append(
                        (section, src, _fnv1a(_key(src) + "\n" + _plain(question.title)),
                         _plain(question.title), question.depth)
                    )
    return found


@cache
def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@cache
def _ids(path: Path) -> dict[str, object]:
    return {node["id"]: node for node in _soup(path).find_all(id=True)}


def _text(node: object) -> str:
    return " ".join(node.get_text().split())  # type: ignore[attr-defined]


def _hook() -> ModuleType:
    spec = importlib.util.spec_from_file_location("question_bank", ROOT / "hooks/question_bank.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("question_bank", module)
    spec.loader.exec_module(module)
    return module


# --- the bank and the ids (built HTML) ----------------------------------------------------------


def test_bank_lists_exactly_the_questions_of_the_pages(site_dir: Path) -> None:
    soup = _soup(site_dir / BANK / "index.html")
    shown = [
        (item["data-section"], item["data-qid"],
         _text(item.select_one(".practice-item__question")), int(item["data-depth"]))
        for item in soup.select("article .practice-item")
    ]
    expected = [(section, qid, title, depth) for section, _, qid, title, depth in _expected()]
    assert len(expected) > 100
    missing = [q for q in expected if q not in shown]
    extra = [q for q in shown if q not in expected]
    assert not missing and not extra, f"missing from the bank: {missing}\nnot in pages: {extra}"
    assert shown == expected, "the bank is not in nav order"
    # Every question has its own answer in the bank, collapsed.
    for item in soup.select("article .practice-item"):
        answer = item.select_one("details.success")
        assert answer is not None and answer.get("open") is None, item["data-qid"]
        assert _text(answer.summary) == "모범 답안"
        assert len(_text(answer)) > len("모범 답안") + 5, f"{item['data-qid']}: empty answer"
        assert not answer.select("details.question"), "a follow-up leaked into an answer"


def test_counts_at_the_top_match_the_pages(site_dir: Path) -> None:
    table = _soup(site_dir / BANK / "index.html").select_one("article table")
    rows = [[_text(cell) for cell in row.select("td")] for row in table.select("tbody tr")]
    expected: dict[str, tuple[set[str], int]] = {}
    for section, src, *_ in _expected():
        pages, count = expected.get(section, (set(), 0))
        expected[section] = (pages | {src}, count + 1)
    shown = {row[0]: (int(row[1]), int(row[2])) for row in rows}
    assert shown.pop("전체") == (
        sum(len(p) for p, _ in expected.values()), sum(c for _, c in expected.values())
    )
    assert shown == {section: (len(p), c) for section, (p, c) in expected.items()}
    assert list(shown) == ["자기소개", "네트워크", "백엔드 면접", "HTTP"]


def test_every_bank_link_lands_on_its_question(site_dir: Path) -> None:
    base = "https://example.test/" + BANK
    problems = []
    items = _soup(site_dir / BANK / "index.html").select("article .practice-item")
    for item in items:
        href = item.select_one(".practice-item__question")["href"]
        url = urlsplit(urljoin(base, href))
        target = site_dir / unquote(url.path).lstrip("/") / "index.html"
        if not target.is_file():
            problems.append(f"{href}: no page")
            continue
        anchor = _ids(target).get(url.fragment)
        if anchor is None or url.fragment != item["data-qid"]:
            problems.append(f"{href}: no element with id {url.fragment!r}")
            continue
        following = anchor.parent.find_next_sibling()
        if following is None or "question" not in following.get("class", []):
            problems.append(f"{href}: the anchor is not right before a question block")
    assert not problems, "\n".join(problems)


def test_anchors_keep_the_question_nesting_on_every_page(site_dir: Path) -> None:
    """Each question block gets its anchor; follow-ups stay inside their parent's block."""
    by_page: dict[str, list[tuple[str, int]]] = {}
    for _, src, qid, _, depth in _expected():
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


def test_committed_bank_matches_the_pages() -> None:
    """Zensical runs no hooks and shows the committed copy: it must not drift from the pages."""
    result = subprocess.run(
        [sys.executable, str(ROOT / "hooks" / "question_bank.py"), "--check"],
        cwd=ROOT, capture_output=True, text=True, timeout=120, check=False,
    )
    assert result.returncode == 0, f"run `make bank` and commit docs/{BANK_SRC}\n{result.stderr}"
    # The committed copy is the build's bank minus the `#q-…` fragments (Zensical has no anchors).
    from mkdocs.config import load_config

    hook = _hook()
    config = load_config(str(ROOT / "mkdocs.yml"))
    built = hook.generate(config["nav"], DOCS, BANK_SRC)
    committed = hook.generate(config["nav"], DOCS, BANK_SRC, anchors=False)
    assert re.sub(r"#q-[0-9a-f]{8}\)", ")", built) == committed
    assert built.count("#q-") == len(_expected())


def test_a_question_added_to_a_page_is_in_the_bank_on_the_next_build(tmp_path: Path) -> None:
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
    qid = _fnv1a("network/tcp-handshake\n새로 추가한 질문: SYN_RECV는 무엇인가요?")
    bank = BeautifulSoup(
        (tmp_path / "site" / BANK / "index.html").read_text(encoding="utf-8"), "html.parser"
    )
    item = bank.select_one(f'.practice-item[data-qid="{qid}"]')
    assert item is not None, "the new question is not in the bank"
    assert item["data-section"] == "네트워크"
    assert item.select_one("a.practice-item__question")["href"] == (
        f"../network/tcp-handshake/#{qid}"
    )
    answer = item.select_one("details.success")
    assert answer.select_one('a[href="../network/tcp-udp/"]'), "relative link not rewritten"
    follow_up = item.find_next_sibling(class_="practice-item")
    assert follow_up["data-depth"] == "1" and "새 꼬리 질문" in _text(follow_up)
    built = (tmp_path / "site" / "network/tcp-handshake/index.html").read_text(encoding="utf-8")
    assert f'id="{qid}"' in built


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


def test_drill_reveals_the_answer_and_moves_focus_to_it(page, site_url: str) -> None:
    page.goto(site_url + BANK)
    requests_before = len(page.requests)
    assert page.get_by_role("button", name="답 보기").count() == 0  # nothing to reveal yet
    page.get_by_role("button", name="무작위 질문").click()
    question = page.locator("#practice-question")
    assert question.get_attribute("aria-live") == "polite"
    title = question.locator("a").inner_text()
    qid = question.locator("a").get_attribute("href").rsplit("#", 1)[1]
    assert ID.match(qid) and title
    answer = page.locator("#practice-answer")
    assert not answer.is_visible()
    page.get_by_role("button", name="답 보기").click()
    assert answer.is_visible()
    assert page.evaluate("document.activeElement.closest('#practice-answer') !== null")
    bank_answer = page.locator(f'.practice-item[data-qid="{qid}"] details.success')
    expected = bank_answer.evaluate(
        "d => [...d.children].filter(c => c.tagName !== 'SUMMARY')"
        ".map(c => c.textContent).join(' ').replace(/\\s+/g, ' ').trim()"
    )
    assert expected and expected in " ".join(answer.inner_text().split())
    for label in LABELS.values():
        assert page.get_by_role("button", name=label, exact=True).is_visible()
    later = [url for url in page.requests[requests_before:] if not url.endswith("favicon.png")]
    assert later == [], "the drill must work offline (no requests)"
    assert page.console_errors == []


def test_mark_survives_reload_updates_progress_and_shows_on_the_topic_page(
    page, site_url: str
) -> None:
    page.goto(site_url + BANK)
    qid = _drill(page)
    section = page.locator(f'.practice-item[data-qid="{qid}"]').get_attribute("data-section")
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
    item = page.locator(f'.practice-item[data-qid="{qid}"]')
    assert item.locator(".practice-badge").inner_text().endswith("알아요")
    # Instant navigation from the bank to the question's page: the badge is there too.
    item.locator("a.practice-item__question").click()
    page.wait_for_url(re.compile(f"#{qid}$"))
    summary = page.locator(f'details.question[data-qid="{qid}"] > summary')
    summary.locator(".practice-badge").wait_for()
    assert summary.locator(".practice-badge").inner_text().endswith("알아요")
    assert page.evaluate("performance.getEntriesByType('navigation').length") == 1
    assert page.locator("details.question .practice-badge").count() == 1
    assert page.console_errors == []


def test_review_only_filters_the_drill_and_the_bank(page, site_url: str) -> None:
    page.goto(site_url + BANK)
    items = page.locator(".practice-item")
    first, second = items.nth(0).get_attribute("data-qid"), items.nth(1).get_attribute("data-qid")
    _set_storage(page, json.dumps({first: "unsure", second: "know"}))
    page.reload()
    page.get_by_label("다시 볼 질문만", exact=True).check()
    shown = "[...document.querySelectorAll('.practice-item')].filter(i => i.offsetParent)"
    assert page.evaluate(shown + ".map(i => i.dataset.qid)") == [first]
    assert page.locator(".practice-page:visible").count() == 1
    for _ in range(3):
        page.get_by_role("button", name="무작위 질문").click()
        assert page.locator("#practice-question a").get_attribute("href").endswith(first)
    page.get_by_label("섹션", exact=True).select_option("HTTP")
    assert "다시 볼 질문이 없습니다" in page.locator("#practice-question").inner_text()
    page.get_by_label("다시 볼 질문만", exact=True).uncheck()
    assert page.evaluate(shown + ".length") == len(_expected())
    page.get_by_role("button", name="무작위 질문").click()
    href = page.locator("#practice-question a").get_attribute("href")
    assert page.locator(f'.practice-item[data-qid="{href.rsplit("#", 1)[1]}"]').get_attribute(
        "data-section"
    ) == "HTTP"


def test_reset_clears_marks_only_after_confirmation(page, site_url: str) -> None:
    page.goto(site_url + BANK)
    qid = page.locator(".practice-item").first.get_attribute("data-qid")
    _set_storage(page, json.dumps({qid: "unknown"}))
    page.reload()
    assert page.locator(".practice-item .practice-badge").count() == 1
    page.once("dialog", lambda dialog: dialog.dismiss())
    page.get_by_role("button", name="기록 초기화").click()
    assert _marks(page) == {qid: "unknown"}
    page.once("dialog", lambda dialog: dialog.accept())
    page.get_by_role("button", name="기록 초기화").click()
    assert _marks(page) == {}
    assert page.locator(".practice-badge").count() == 0
    assert "모르겠어요 0" in _progress(page, "전체")[2]
    page.reload()
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
    badge = page.locator(f'.practice-item[data-qid="{qid}"] .practice-badge')
    assert badge.inner_text().endswith("모르겠어요")
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


def test_bank_is_a_readable_list_without_javascript(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, locale="ko-KR")
    tab = context.new_page()
    try:
        tab.goto(site_url + BANK)
        assert tab.locator("#practice-drill").inner_text() == ""
        links = tab.locator("a.practice-item__question")
        assert links.count() == len(_expected())
        assert links.first.is_visible()
        answer = tab.locator(".practice-item details.success").first
        assert not answer.locator("p").first.is_visible()
        answer.locator("summary").click()
        assert answer.locator("p").first.is_visible()
    finally:
        context.close()


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
