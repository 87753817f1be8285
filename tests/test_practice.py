"""Practice mode: the question list, the bank (bank.json), question ids, and the drill in a browser.

What the build made (the practice page's list, practice/bank.json) is compared with an
independent reading of the Markdown sources (tests/markdown_pages.py), of mkdocs.yml's nav and of
the rendered topic pages.
"""

from __future__ import annotations

import functools
import http.server
import importlib.util
import json
import re
import subprocess
import sys
import threading
from functools import cache
from pathlib import Path
from types import ModuleType
from typing import Any
from urllib.parse import unquote, urljoin, urlsplit

import pytest
import yaml
from bs4 import BeautifulSoup
from conftest import ROOT, _SiteHandler, copy_project, mkdocs_build, site_base_path
from markdown_pages import DOCS, load_page

pytestmark = pytest.mark.browser

BANK = "practice/"
BANK_SRC = "practice/index.md"
BANK_JSON = "practice/bank.json"
KEY = "interview-notes:practice:v2"
V1_KEY = "interview-notes:practice:v1"
ID_MAP = ROOT / "includes" / "question-ids.yml"
NESTED_PAGE = "network/tcp-handshake/"  # questions nested three levels deep
LABELS = {"know": "알아요", "unsure": "헷갈려요", "unknown": "모르겠어요"}
ID = re.compile(r"^q-[0-9a-f]{8}$")
MAX_ELEMENTS = 1500  # document.getElementsByTagName('*').length on the practice page
LIST_ITEMS = "#practice-list li[data-qid]"
GROUPS = "#practice-list details.practice-page"  # with JavaScript: one folded group per page


# --- independent expectations -----------------------------------------------------------------


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
def _id_map() -> dict[tuple[str, str], str]:
    """(page src, plain question text) -> id, from includes/question-ids.yml."""
    data = yaml.safe_load(ID_MAP.read_text(encoding="utf-8"))
    return {(entry["page"], entry["question"]): qid for qid, entry in data.items()}


@cache
def _expected() -> list[tuple[str, str, str, str, int, str | None]]:
    """(section, page src, id, plain title, depth, parent id) for every question, in nav order."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_NavLoader)
    ids = _id_map()
    found = []
    for entry in config["nav"]:
        for section, value in entry.items():
            for src in _flatten(value):
                if src == BANK_SRC or not (DOCS / src).is_file():
                    continue
                for question in load_page(DOCS / src).questions:
                    parent = question.parent
                    found.append((
                        section, src, ids[(src, _plain(question.title))],
                        _plain(question.title), question.depth,
                        ids[(src, _plain(parent))] if parent else None,
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


ADDED = "새로 추가한 질문: `SYN_RECV`는 무엇인가요?"
REWORDED_SRC = "network/tcp-handshake.md"
REWORDED_OLD = "TCP 3-way 핸드셰이크 과정을 설명해 주세요."
REWORDED_NEW = "TCP 3-way 핸드셰이크가 어떻게 진행되는지 설명해 주세요."


@pytest.fixture(scope="module")
def edited(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Any]:
    """A copy of the project where the author added a question and reworded another one.

    The build fails until `--ids` is run; `--ids` asks for confirmation of the rewording, then
    `--ids --rename` keeps its id. The copy is built once (shared by the tests below).
    """
    tmp = tmp_path_factory.mktemp("edited")
    project = copy_project(tmp / "project")
    page = project / "docs" / REWORDED_SRC
    text = page.read_text(encoding="utf-8")
    added = (
        f'??? question "{ADDED}"\n'
        "    SYN을 받고 SYN+ACK를 보낸 상태입니다. [TCP와 UDP](tcp-udp.md)도 보세요.\n\n"
        '    ??? question "꼬리 질문: 새 꼬리 질문인가요?"\n'
        "        네.\n\n"
    )
    assert f'question "{REWORDED_OLD}"' in text
    text = text.replace(f'question "{REWORDED_OLD}"', f'question "{REWORDED_NEW}"', 1)
    page.write_text(text.replace("## 참고 자료", added + "## 참고 자료", 1), encoding="utf-8")
    failed = mkdocs_build(project, tmp / "failed")
    command = [sys.executable, str(project / "hooks" / "question_bank.py")]
    config = ["--config", str(project / "mkdocs.yml")]

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [*command, *args, *config], capture_output=True, text=True, timeout=300, check=False
        )

    asked = run("--ids")
    map_after_asking = (project / "includes" / "question-ids.yml").read_text(encoding="utf-8")
    renamed = run("--ids", "--rename")
    result = mkdocs_build(project, tmp / "site")
    return {
        "project": project, "site": tmp / "site", "failed": failed, "asked": asked,
        "map_after_asking": map_after_asking, "renamed": renamed, "build": result, "run": run,
    }


def test_a_question_without_an_id_fails_the_build_with_file_line_and_command(edited) -> None:
    failed = edited["failed"]
    assert failed.returncode != 0
    lines = (edited["project"] / "docs" / REWORDED_SRC).read_text(encoding="utf-8").splitlines()
    line = next(n + 1 for n, text in enumerate(lines) if ADDED in text)
    shown = "새로 추가한 질문: SYN_RECV는 무엇인가요?"
    assert f"docs/{REWORDED_SRC}:{line}: “{shown}”" in failed.stderr
    assert "`make ids` (python hooks/question_bank.py --ids)" in failed.stderr
    # --ids alone lists the probable rewording and changes nothing until the author confirms.
    asked = edited["asked"]
    assert asked.returncode == 1, asked.stdout + asked.stderr
    assert REWORDED_OLD in asked.stdout and REWORDED_NEW in asked.stdout
    assert "--ids --rename" in asked.stderr and "--ids --new" in asked.stderr
    assert edited["map_after_asking"] == ID_MAP.read_text(encoding="utf-8")


def test_a_question_added_to_a_page_is_listed_and_in_the_bank(edited) -> None:
    assert edited["renamed"].returncode == 0, edited["renamed"].stderr
    result = edited["build"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert "docs/practice/bank.json가 페이지와 다릅니다: `make bank`" in result.stderr
    site = edited["site"]
    ids = yaml.safe_load((edited["project"] / "includes" / "question-ids.yml").read_text("utf-8"))
    qid = next(k for k, v in ids.items() if v["question"].startswith("새로 추가한 질문"))
    assert ID.match(qid) and qid not in yaml.safe_load(ID_MAP.read_text(encoding="utf-8"))
    # The reworded question kept its id: the readers' marks and links follow the new wording.
    old_id = _id_map()[(REWORDED_SRC, REWORDED_OLD)]
    assert ids[old_id] == {"page": REWORDED_SRC, "question": REWORDED_NEW}
    assert len(ids) == len(_expected()) + 2
    listing = BeautifulSoup((site / BANK / "index.html").read_text(encoding="utf-8"), "html.parser")
    item = listing.select_one(f'#practice-list li[data-qid="{qid}"]')
    assert item is not None, "the new question is not in the list"
    assert item.find_parent("ul")["data-section"] == "네트워크"
    assert item.a["href"] == f"../network/tcp-handshake/#{qid}"
    follow_up = item.find_next_sibling("li")
    assert follow_up["data-depth"] == "1" and "새 꼬리 질문" in _text(follow_up)
    assert _text(listing.select_one(f'#practice-list li[data-qid="{old_id}"] a')) == REWORDED_NEW
    bank = _bank(site)
    entry = next(q for q in bank["q"] if q["i"] == qid)
    assert 'href="../network/tcp-udp/"' in entry["a"], "relative link not rewritten"
    assert entry["c"] == [follow_up["data-qid"]]
    assert next(q for q in bank["q"] if q["i"] == follow_up["data-qid"])["up"] == qid
    # The committed copy is now stale: --check says so, --write (make bank) brings it up to date.
    check = edited["run"]("--check")
    assert check.returncode == 1 and "run `make bank`" in check.stderr, check.stderr
    write = edited["run"]("--write")
    assert write.returncode == 0, write.stderr
    committed = edited["project"] / "docs" / "practice" / "bank.json"
    assert committed.read_bytes() == (site / BANK_JSON).read_bytes()
    again = edited["run"]("--ids")
    assert again.returncode == 0 and "up to date" in again.stdout, again.stdout + again.stderr


def test_a_reworded_question_keeps_its_mark(edited, browser) -> None:
    """A mark left on the old wording shows on the reworded question (same id, same anchor)."""
    assert edited["build"].returncode == 0
    base = site_base_path()
    handler = functools.partial(
        type("Handler", (_SiteHandler,), {"base_path": base}), directory=str(edited["site"])
    )
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    context = browser.new_context(locale="ko-KR")
    old_id = _id_map()[(REWORDED_SRC, REWORDED_OLD)]
    try:
        tab = context.new_page()
        url = f"http://127.0.0.1:{server.server_address[1]}{base}"
        tab.goto(url + NESTED_PAGE)
        _set_storage(tab, _v2({old_id: "unsure"}))
        tab.goto(url + NESTED_PAGE + "#" + old_id)
        summary = tab.locator(f'details.question[data-qid="{old_id}"] > summary')
        summary.locator(".practice-badge").wait_for()
        assert summary.locator(".practice-badge").get_attribute("data-mark") == "unsure"
        assert REWORDED_NEW in summary.inner_text()
    finally:
        context.close()
        server.shutdown()
        server.server_close()


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


def test_id_map_is_the_one_source_of_ids(site_dir: Path) -> None:
    """includes/question-ids.yml: unique ids of the `q-` + 8 hex form, one per question; the
    anchors the build wrote are exactly the map's ids for the questions' rendered text."""
    text = ID_MAP.read_text(encoding="utf-8")
    keys = re.findall(r"^(q-[^:]+):$", text, re.M)
    assert len(keys) == len(set(keys)) == len(_expected()), "ids must be unique"
    assert all(ID.match(key) for key in keys)
    assert len(_id_map()) == len(keys), "two ids for the same question"
    assert [qid for _, _, qid, *_ in _expected()] == keys, "the map is in nav and document order"
    page_of = {qid: page for (page, _), qid in _id_map().items()}
    checked = 0
    for path in sorted(site_dir.rglob("index.html")):
        for span in _soup(path).select("article span.question-anchor"):
            summary = span.parent.find_next_sibling("details").summary
            shown = " ".join(summary.get_text().split())
            assert _id_map()[(page_of[span["id"]], shown)] == span["id"], shown
            checked += 1
    assert checked == len(_expected())
    # Created from the ids of before the map (FNV-1a of page key + text): old marks still match.
    assert _id_map()[("network/tcp-handshake.md", REWORDED_OLD)] == "q-fcca90b5"
    js = (DOCS / "assets" / "javascripts" / "practice.js").read_text(encoding="utf-8")
    assert "0x811c9dc5" not in js.lower() and "fnv" not in js.lower(), "practice.js computes no ids"


def test_new_ids_and_rewording_plans() -> None:
    hook = _hook()
    assert hook.fnv1a_32(b"") == 0x811C9DC5  # FNV-1a test vectors (new ids)
    assert hook.fnv1a_32(b"a") == 0xE40C292C
    assert hook.fnv1a_32(b"foobar") == 0xBF9CF968
    assert hook.page_key("network/tcp-handshake.md") == "network/tcp-handshake"
    assert hook.page_key("http/index.md") == "http"
    assert hook.page_key("index.md") == ""
    assert hook.plain_title("`listen()`의  **backlog**는 \\\"무엇\\\"인가요?") == (
        'listen()의 backlog는 "무엇"인가요?'
    )
    assert hook.plain_title("`a**b`") == "a**b"
    assert hook.new_id("network/tcp-handshake.md", REWORDED_OLD, set()) == "q-fcca90b5"
    assert hook.new_id("network/tcp-handshake.md", REWORDED_OLD, {"q-fcca90b5"}) != "q-fcca90b5"
    old = {"q-00000001": ("a.md", "A?"), "q-00000002": ("a.md", "B?"), "q-00000003": ("a.md", "C?")}
    plan = hook.plan_ids(old, [("a.md", ["A?", "B 고침?", "D?", "C?"])])
    assert plan.reworded == [] and [q for _, _, q in plan.added] == ["B 고침?", "D?"]
    plan = hook.plan_ids(old, [("a.md", ["A?", "B 고침?", "C?"])])
    assert plan.reworded == [("q-00000002", "a.md", "B?", "B 고침?")] and not plan.added
    assert list(plan.result) == ["q-00000001", "q-00000002", "q-00000003"]
    plan = hook.plan_ids(old, [("a.md", ["A?", "B 고침?", "C?"])], new=True)
    assert not plan.reworded and [q for _, _, q in plan.removed] == ["B?"]
    assert "q-00000002" not in plan.result and len(plan.result) == 3
    plan = hook.plan_ids(old, [("a.md", ["C?", "A?"])])  # reordered, one gone
    assert not plan.reworded and not plan.added and [q for *_, q in plan.removed] == ["B?"]


def test_ids_survive_reordering_and_nesting_survives_anchors() -> None:
    hook = _hook()
    ids = {"A?": "q-0000000a", "B?": "q-0000000b", "C?": "q-0000000c"}
    first = '??? question "A?"\n    a.\n\n    ??? question "B?"\n        b.\n'
    second = '??? question "C?"\n    c.\n'
    found = [q.qid for q in hook.parse_questions(first + "\n" + second, ids)]
    swapped = [q.qid for q in hook.parse_questions(second + "\n" + first, ids)]
    assert sorted(found) == sorted(swapped) == sorted(ids.values())
    assert [q.qid for q in hook.parse_questions(second, {})] == [""]  # not in the map
    anchored, duplicates = hook.add_anchors(first, ids)
    assert not duplicates
    assert anchored.splitlines()[5] == '    <span class="question-anchor" id="q-0000000b"></span>'
    questions = hook.parse_questions(anchored, ids)
    assert [(q.qid, q.depth) for q in questions] == [("q-0000000a", 0), ("q-0000000b", 1)]
    assert hook.answer_markdown(anchored.splitlines(), questions[0]).startswith("a.")


# --- the reader in the browser ------------------------------------------------------------------


def _stored(page) -> dict[str, dict]:  # type: ignore[no-untyped-def]
    """The v2 record: {id: {m: mark, b: box, d: due date, t: graded at (ms)}}."""
    raw = page.evaluate("key => localStorage.getItem(key)", KEY)
    if not raw:
        return {}
    data = json.loads(raw)
    assert data["v"] == 2, data
    return data["q"]


def _marks(page) -> dict[str, str]:  # type: ignore[no-untyped-def]
    return {qid: entry["m"] for qid, entry in _stored(page).items()}


def _set_storage(page, value: str, key: str = KEY) -> None:  # type: ignore[no-untyped-def]
    page.evaluate("([key, value]) => localStorage.setItem(key, value)", [key, value])


def _v2(marks: dict[str, str], due: str = "2099-01-01") -> str:
    return json.dumps({"v": 2, "q": {
        qid: {"m": mark, "b": 1, "d": due, "t": 1} for qid, mark in marks.items()
    }})


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
    assert item.locator(":scope > .practice-badge").get_attribute("data-mark") == "know"
    # Instant navigation from the list to the question's page: the badge is there too, and the
    # topic page does not load the bank.
    requests_before = len(page.requests)
    item.locator(":scope > a").click()
    page.wait_for_url(re.compile(f"#{qid}$"))
    summary = page.locator(f'details.question[data-qid="{qid}"] > summary')
    summary.locator(".practice-badge").wait_for()
    assert summary.locator(".practice-badge").get_attribute("data-mark") == "know"
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
    assert badge.get_attribute("data-mark") == "know"
    _drill(page)
    assert len([u for u in page.requests[requests_before:] if u.endswith("/bank.json")]) == 1
    assert page.console_errors == []


def test_review_only_filters_the_drill_and_the_list(page, site_url: str) -> None:
    page.goto(site_url + BANK)
    first, second = _expected()[0][2], _expected()[1][2]
    assert _expected()[0][1] == _expected()[1][1]  # both on the first page
    _set_storage(page, _v2({first: "unsure", second: "know"}))
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
    _set_storage(page, _v2({qid: "unknown"}))
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
        notice = page.locator(".practice-notice")
        assert notice.is_visible() and "읽을 수 없어" in notice.inner_text(), stored
    for stored in BAD_STORAGE[:2]:  # the two the issue names: a real reload, then drill
        _set_storage(page, stored)
        page.reload()
        qid = _drill(page)
        page.get_by_role("button", name="헷갈려요").click()
        assert _marks(page) == {qid: "unsure"}, "bad entries are dropped on the next save"
        assert not page.locator(".practice-notice").is_visible()
        kept = page.evaluate("key => localStorage.getItem(key)", KEY + ":unreadable")
        assert kept == stored, "what could not be read is kept aside, not lost"
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
    assert badge.get_attribute("data-mark") == "unknown"
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


def test_without_anchors_ids_come_from_the_bank(page, site_url: str) -> None:
    """Under Zensical the hook does not run: practice.js takes the ids from the bank (it
    computes none), matching the page's URL and each question's text."""
    for path in (NESTED_PAGE, "http/", "intro/"):
        page.goto(site_url + path)
        before = page.evaluate(
            """() => {
              const blocks = [...document.querySelectorAll('article details.question')];
              const before = blocks.map(d => d.dataset.qid);
              document.querySelectorAll('.question-anchor').forEach(a => {
                const p = a.parentElement;  // the hook's <p><span …></span></p>, as if never there
                (p.tagName === 'P' && p.childNodes.length === 1 ? p : a).remove();
              });
              document.querySelectorAll('.practice-badge').forEach(b => b.remove());
              blocks.forEach(d => d.removeAttribute('data-qid'));
              window.practice.init();
              return before;
            }"""
        )
        page.wait_for_function(
            "n => document.querySelectorAll('article details.question[data-qid]').length === n",
            arg=len(before),
        )
        after = page.evaluate("""() => [...document.querySelectorAll('article details.question')]
            .map(d => [d.dataset.qid, d.previousElementSibling.id])""")
        assert before and all(ID.match(i) for i in before), path
        assert [qid for qid, _ in after] == before == [anchor for _, anchor in after], path
    assert site_url + BANK_JSON in page.requests
    assert page.console_errors == []


def test_list_is_readable_without_javascript(browser, site_url: str) -> None:
    context = browser.new_context(java_script_enabled=False, locale="ko-KR")
    tab = context.new_page()
    requests: list[str] = []
    tab.on("request", lambda request: requests.append(request.url))
    try:
        tab.goto(site_url + BANK)
        assert tab.locator("#practice-drill").inner_text() == ""
        # The room kept for the drill while practice.js draws it is not kept without scripts.
        assert tab.locator("#practice-drill").bounding_box()["height"] < 50
        links = tab.locator(f"{LIST_ITEMS} > a")
        assert links.count() == len(_expected())
        assert links.first.is_visible() and links.last.is_visible()
        assert tab.locator("#practice-list h2").first.is_visible()
        assert not [url for url in requests if "bank." in url]
    finally:
        context.close()


LAYOUT_SHIFTS = """window.__shifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    window.__shifts.push({value: entry.value, moved: entry.sources.map(source =>
      source.node ? source.node.nodeName + '.' + (source.node.className || '') : '?')});
  }
}).observe({type: 'layout-shift', buffered: true});"""


@pytest.mark.parametrize("size", [(375, 667), (412, 823), (800, 1000), (1350, 940), (1920, 1200)])
def test_drawing_the_drill_moves_nothing_on_the_page(browser, site_url: str, size) -> None:
    """practice.js fills #practice-drill after the first paint; the room kept for it means the
    download line and the footer below do not jump (Lighthouse's CLS was 0.16 on a phone)."""
    width, height = size
    context = browser.new_context(viewport={"width": width, "height": height}, locale="ko-KR")
    tab = context.new_page()
    try:
        tab.add_init_script(LAYOUT_SHIFTS)
        tab.goto(site_url + BANK)
        tab.locator(".practice-progress__row").first.wait_for()
        tab.locator(GROUPS).first.wait_for()
        tab.wait_for_timeout(300)  # layout-shift entries are delivered after the frame
        shifts = tab.evaluate("window.__shifts")
        assert shifts == [], f"at {width}x{height} drawing the practice page moved {shifts}"
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


# --- spaced repetition, mock interview, export and import, cards, print ---------------------

FAKE_CLOCK = """(() => {
  const start = Date.parse('2026-03-02T09:00:00');
  Date.now = () => Number(sessionStorage.getItem('fake-now') || start);
})();"""


def _set_day(page, day: str) -> None:  # type: ignore[no-untyped-def]
    page.evaluate(
        "day => sessionStorage.setItem('fake-now', String(Date.parse(day + 'T09:00:00')))", day
    )


def _shown_next(page) -> str:  # type: ignore[no-untyped-def]
    """After a grade the drill shows the next question (never the one just graded): reveal it."""
    qid = page.locator("#practice-question a").get_attribute("href").rsplit("#", 1)[1]
    page.get_by_role("button", name="답 보기").click()
    return qid


def _due_list(page) -> list[tuple[str, str]]:  # type: ignore[no-untyped-def]
    return page.evaluate("""() => [...document.querySelectorAll('#practice-due li')]
        .map(li => [li.dataset.qid, li.textContent])""")


def test_grades_schedule_reviews_in_leitner_boxes(page, site_url: str) -> None:
    page.add_init_script(FAKE_CLOCK)
    page.goto(site_url + BANK)
    due_title = page.locator("#practice-due-title")
    assert due_title.inner_text() == "오늘 복습할 질문 0개"
    known = _drill(page)
    page.get_by_role("button", name="알아요", exact=True).click()
    unknown = _shown_next(page)
    page.get_by_role("button", name="모르겠어요").click()
    stored = _stored(page)
    assert {k: (v["m"], v["b"], v["d"]) for k, v in stored.items()} == {
        known: ("know", 2, "2026-03-04"), unknown: ("unknown", 1, "2026-03-03"),
    }
    assert due_title.inner_text() == "오늘 복습할 질문 0개"
    _set_day(page, "2026-03-05")
    page.reload()
    assert due_title.inner_text() == "오늘 복습할 질문 2개"
    due = _due_list(page)
    assert [qid for qid, _ in due] == [unknown, known], "the most overdue first"
    assert "3월 3일 (2일 지남)" in due[0][1] and "3월 4일 (1일 지남)" in due[1][1]
    # "오늘 복습할 질문만" draws only due questions; grading one moves it out of today's list.
    page.get_by_label("오늘 복습할 질문만").check()
    for _ in range(3):
        page.get_by_role("button", name="무작위 질문").click()
        drawn = page.locator("#practice-question a").get_attribute("href").rsplit("#", 1)[1]
        assert drawn in (known, unknown)
    page.get_by_role("button", name="무작위 질문").click()
    drawn = page.locator("#practice-question a").get_attribute("href").rsplit("#", 1)[1]
    page.get_by_role("button", name="답 보기").click()
    page.get_by_role("button", name="알아요", exact=True).click()
    entry = _stored(page)[drawn]
    assert (entry["b"], entry["d"]) == ((3, "2026-03-09") if drawn == known else (2, "2026-03-07"))
    assert due_title.inner_text() == "오늘 복습할 질문 1개"
    assert [qid for qid, _ in _due_list(page)] == [unknown if drawn == known else known]
    # Boxes: 헷갈려요 goes down one box, 모르겠어요 back to box 1, 알아요 stops at box 6 (32 days).
    assert page.evaluate("[1, 2, 6].map(b => window.practice.nextBox(b, 'unsure'))") == [1, 1, 5]
    assert page.evaluate("[3, 6].map(b => window.practice.nextBox(b, 'unknown'))") == [1, 1]
    assert page.evaluate("[0, 5, 6].map(b => window.practice.nextBox(b, 'know'))") == [2, 6, 6]
    # On the topic page the badge of a due question says so.
    still_due = unknown if drawn == known else known
    src = next(s for _, s, q, *_ in _expected() if q == still_due)
    page.goto(site_url + _key(src) + "/")
    badge = page.locator(f'details.question[data-qid="{still_due}"] > summary > .practice-badge')
    assert "practice-badge--due" in badge.get_attribute("class")
    assert "복습할 때" in badge.text_content()  # a follow-up may sit in a folded block
    other = page.locator(f'details.question[data-qid="{drawn}"] > summary > .practice-badge')
    if other.count():
        assert "practice-badge--due" not in other.get_attribute("class")
    assert page.console_errors == []


def test_v1_marks_migrate_to_v2(page, site_url: str) -> None:
    page.add_init_script(FAKE_CLOCK)
    page.goto(site_url + BANK)
    first, second = _expected()[0][2], _expected()[1][2]
    v1 = json.dumps({first: "know", second: "unknown", "q-zzzz": "know"})
    _set_storage(page, v1, V1_KEY)
    page.reload()
    stored = _stored(page)
    assert {k: (v["m"], v["b"], v["d"]) for k, v in stored.items()} == {
        first: ("know", 2, "2026-03-04"), second: ("unknown", 1, "2026-03-02"),
    }
    assert page.evaluate("key => localStorage.getItem(key)", V1_KEY) == v1, "v1 is left as it was"
    assert [qid for qid, _ in _due_list(page)] == [second]
    assert _progress(page, "전체")[0] == 1
    assert not page.locator(".practice-notice").is_visible()
    assert page.console_errors == []


def _steps_are_grouped_by_main_question(steps: list[tuple[str, int]], bank: dict) -> int:
    """Each main question is followed at once by its follow-ups, depth first and in order."""
    by_id = {q["i"]: q for q in bank["q"]}

    def tree(qid: str, depth: int) -> list[tuple[str, int]]:
        return [(qid, depth)] + [s for c in by_id[qid].get("c", []) for s in tree(c, depth + 1)]

    index, mains, follow_ups = 0, 0, 0
    while index < len(steps):
        qid, depth = steps[index]
        assert depth == 0 and "up" not in by_id[qid], steps[index]
        expected = tree(qid, 0)
        assert steps[index : index + len(expected)] == expected
        index += len(expected)
        mains += 1
        follow_ups += len(expected) - 1
    return follow_ups


def test_mock_interview_asks_follow_ups_right_after_their_parent(
    browser, site_url: str, site_dir: Path
) -> None:
    context = browser.new_context(
        viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True, locale="ko-KR"
    )
    tab = context.new_page()
    errors: list[str] = []
    tab.on("pageerror", lambda error: errors.append(str(error)))
    try:
        tab.goto(site_url + BANK)
        tab.get_by_label("주제", exact=True).select_option("네트워크")
        tab.get_by_label("길이", exact=True).select_option("5")
        tab.get_by_label("60초 타이머").check()
        tab.get_by_role("button", name="모의 면접 시작").click()
        question = tab.locator(".practice-mock__question")
        question.wait_for()
        assert "남은 시간 60초" in tab.locator(".practice-mock__timer").inner_text()
        steps: list[tuple[str, int]] = []
        while tab.locator(".practice-mock__question").count():
            depth = int(question.get_attribute("data-depth"))
            steps.append((question.get_attribute("data-qid"), depth))
            assert tab.evaluate("document.activeElement.textContent") == "답 보기"
            tab.keyboard.press("Enter")  # reveal, keyboard only
            tab.locator(".practice-mock .practice-drill__answer").wait_for()
            tab.keyboard.press("2" if len(steps) % 2 else "1")  # grade: 헷갈려요 / 알아요
            if len(steps) > 60:
                break
            tab.wait_for_function(
                "n => !document.querySelector('.practice-mock__question') || "
                "document.querySelector('.practice-mock__question').dataset.qid !== n",
                arg=steps[-1][0],
            )
        bank = _bank(site_dir)
        assert len([s for s in steps if s[1] == 0]) == 5
        assert _steps_are_grouped_by_main_question(steps, bank) > 0, "no follow-up was asked"
        page_of = {q["i"]: bank["p"][q["p"]] for q in bank["q"]}
        assert {page_of[qid]["s"] for qid, _ in steps} == {bank["s"].index("네트워크")}
        summary = tab.locator(".practice-mock__summary")
        assert summary.inner_text() == "모의 면접 정리"
        assert tab.evaluate("document.activeElement.classList.contains('practice-mock__summary')")
        unsure = [qid for n, (qid, _) in enumerate(steps) if n % 2 == 0]
        reread = tab.evaluate("[...document.querySelectorAll('.practice-mock__reread a')]"
                              ".map(a => a.getAttribute('href'))")
        assert reread == list(dict.fromkeys(page_of[qid]["u"] for qid in unsure))
        marks = _marks(tab)
        assert all(marks[qid] == "unsure" for qid in unsure) and len(marks) == len(set(steps))
        overflow = tab.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 1, f"sideways scroll {overflow}px on a phone"
        assert _elements(tab) <= MAX_ELEMENTS
    finally:
        context.close()
    assert errors == []


def test_export_and_import_progress(page, browser, site_url: str, tmp_path: Path) -> None:
    page.goto(site_url + BANK)
    first = _drill(page)
    page.get_by_role("button", name="헷갈려요").click()
    second = _shown_next(page)
    page.get_by_role("button", name="알아요", exact=True).click()
    with page.expect_download() as download:
        page.get_by_role("button", name="기록 내보내기").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name.startswith("interview-notes-practice-") and saved.suffix == ".json"
    exported = _stored(page)
    context = browser.new_context(locale="ko-KR")
    try:
        tab = context.new_page()
        tab.goto(site_url + BANK)
        # This browser has a newer grade for `second`: the newer review wins per question.
        newer = {"v": 2, "q": {second: {"m": "unknown", "b": 1, "d": "2099-01-01",
                                        "t": exported[second]["t"] + 1000}}}
        _set_storage(tab, json.dumps(newer))
        tab.reload()
        status = tab.locator(".practice-transfer__status")
        tab.set_input_files("#practice-import", str(saved))
        status.filter(has_text="가져왔습니다").wait_for()
        assert _stored(tab) == {first: exported[first], second: newer["q"][second]}
        assert _progress(tab, "전체")[2].endswith("헷갈려요 1 · 모르겠어요 1")
        # Into a fresh browser: the same marks.
        tab.evaluate("localStorage.clear()")
        tab.reload()
        tab.set_input_files("#practice-import", str(saved))
        status.filter(has_text="가져왔습니다").wait_for()
        assert _stored(tab) == exported
        for bad in (b"{not json", b'{"v": 2, "q": {}}', b'["q-00000000"]'):
            tab.set_input_files("#practice-import", files=[
                {"name": "bad.json", "mimeType": "application/json", "buffer": bad}])
            status.filter(has_text="가져오지 못했습니다").wait_for()
            assert "연습 기록 파일" in status.inner_text()
            assert _stored(tab) == exported, "a bad file changes nothing"
            tab.evaluate("document.querySelector('.practice-transfer__status').textContent = ''")
    finally:
        context.close()
    assert page.console_errors == []


def test_cards_are_built_with_the_site(site_dir: Path, tmp_path: Path) -> None:
    import csv
    import sqlite3
    import zipfile

    bank = _bank(site_dir)
    ids = [q["i"] for q in bank["q"]]
    with zipfile.ZipFile(site_dir / "practice" / "interview-notes.apkg") as package:
        package.extract("collection.anki2", tmp_path)
    with sqlite3.connect(tmp_path / "collection.anki2") as db:
        notes = db.execute("select guid, flds, tags from notes").fetchall()
    assert len(notes) == len(ids) and {guid for guid, _, _ in notes} == set(ids)
    parent = next(q for q in bank["q"] if q.get("c"))
    fields = next(flds for guid, flds, _ in notes if guid == parent["i"]).split("\x1f")
    assert fields[0] and _html_text(fields[1]) == _html_text(parent["a"])
    child = next(q for q in bank["q"] if q["i"] == parent["c"][0])
    assert child["t"].split("?")[0] in _html_text(fields[2])
    assert "https://ko-backend-notes.github.io/interview-notes/" in fields[4]
    assert f"#{parent['i']}" in fields[4]
    text = (site_dir / "practice" / "interview-notes.csv").read_text(encoding="utf-8-sig")
    rows = list(csv.DictReader(text.splitlines(keepends=True)))
    assert [row["id"] for row in rows] == ids
    row = rows[ids.index(parent["i"])]
    assert row["question"] == parent["t"] and row["follow_ups"].splitlines()[0] == child["t"]
    assert row["url"].endswith(f"/#{parent['i']}") and row["section"] in bank["s"]
    links = _soup(site_dir / BANK / "index.html").select("article .practice-deck a[download]")
    assert [a["href"] for a in links] == ["interview-notes.apkg", "interview-notes.csv"]


def test_print_shows_the_list_and_answers_on_request(page, site_url: str) -> None:
    page.goto(site_url + BANK)
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator(f"{GROUPS}:not([open])").count() == 0
    assert page.locator(LIST_ITEMS).count() == len(_expected())
    page.emulate_media(media="print")
    assert not page.locator("#practice-drill").is_visible()
    assert page.locator(LIST_ITEMS).first.is_visible()
    page.emulate_media(media="screen")
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator(f"{GROUPS}[open]").count() == 0
    page.get_by_label("모범 답안도 펼치기", exact=False).check()
    page.goto(site_url + NESTED_PAGE)
    opened = page.locator("article details.question[open]").count()
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    assert page.locator("article details.question:not([open])").count() == 0
    page.evaluate("window.dispatchEvent(new Event('afterprint'))")
    assert page.locator("article details.question[open]").count() == opened
    assert page.console_errors == []
