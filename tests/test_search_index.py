"""hooks/search_index.py: the trimmed index, synonyms in its config, the stub for the page."""

from __future__ import annotations

import html
import json
import re
import sys
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
import search_index


def test_the_reviewed_synonym_list_is_well_formed() -> None:
    groups = search_index.synonym_groups()
    assert len(groups) >= 40
    terms = [term.lower() for group in groups for term in group]
    repeated = sorted({term for term in terms if terms.count(term) > 1})
    assert not repeated, f"includes/search-synonyms.yml: spellings listed twice: {repeated}"


def test_a_malformed_synonym_list_names_the_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "synonyms.yml"
    bad.write_text("- [GC, 가비지 컬렉션]\n- not a list\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"synonyms\.yml:2: a group is a list"):
        search_index.synonym_groups.__wrapped__(bad)
    bad.write_text("- [GC, 가비지 컬렉션\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"synonyms\.yml:\d+: not valid YAML"):
        search_index.synonym_groups.__wrapped__(bad)


def test_references_and_markup_other_than_code_leave_the_index() -> None:
    docs = [
        {"location": "a/", "title": "A", "text": "<p>본문 <code>x</code> <b>굵게</b></p>"},
        {"location": "a/#참고-자료", "title": "참고 자료", "text": "<ul><li>RFC</li></ul>"},
    ]
    kept = search_index.trim(docs)
    assert [d["location"] for d in kept] == ["a/"]
    assert kept[0]["text"] == "본문 <code>x</code> 굵게"


def test_the_page_gets_a_stub_and_the_worker_the_full_index(tmp_path: Path) -> None:
    index = {"config": {"separator": "x", "synonyms": [["a", "b"]]}, "docs": [{"location": "a/"}]}
    search_index.split_index(tmp_path, index)
    stub = json.loads((tmp_path / "search_index.json").read_text("utf-8"))
    full = json.loads((tmp_path / search_index.FULL_NAME).read_text("utf-8"))
    assert stub["docs"] == [] and "synonyms" not in stub["config"]
    assert full == index


PAGE = """<h2 id="본문">본문</h2>
<p>JPA는 ORM 명세다.</p>
<h2 id="면접-질문">면접 질문</h2>
<p><span class="question-anchor" id="q-00000001"></span></p>
<details class="question">
<summary>JPA란?</summary>
<p>ORM 명세이고 <code>Querydsl</code>로 조회를 짭니다.<br>JPA도 씁니다.</p>
<table>
<tr><td>jcmd</td></tr>
</table>
<p><span class="question-anchor" id="q-00000002"></span></p>
<details class="question">
<summary>꼬리 질문: 왜?</summary>
<ul><li>flush 때문</li></ul>
</details>
</details>
<hr>
<p>질문 밖의 글</p>
"""


def test_answers_are_marked_and_their_own_latin_terms_kept() -> None:
    marked, section, terms = search_index.exclude_answers(PAGE)
    assert section == "면접-질문"
    assert terms == ["ORM", "Querydsl", "JPA", "jcmd", "flush"]
    # Every direct child of a question block but its summary and follow-ups, nothing else.
    assert marked.count(search_index.EXCLUDE) == 4  # answer, table, follow-up's anchor, list
    assert "<p data-search-exclude>ORM 명세이고" in marked
    assert "<table data-search-exclude>" in marked and "<ul data-search-exclude>" in marked
    assert "<summary>JPA란?</summary>" in marked and '<details class="question">' in marked
    assert "<p>질문 밖의 글</p>" in marked and "<p>JPA는 ORM 명세다.</p>" in marked
    assert marked.replace(search_index.EXCLUDE, "") == PAGE


def test_an_answers_terms_go_to_the_question_section_only_when_missing() -> None:
    docs = [
        {"location": "a/", "title": "JPA", "text": "intro"},
        {"location": "a/#본문", "title": "본문", "text": "JPA는 ORM 명세다. <code>FLUSH</code>"},
        {"location": "a/#면접-질문", "title": "면접 질문", "text": "JPA란?"},
        {"location": "b/", "title": "B", "text": ""},
    ]
    search_index.add_answer_terms(
        docs, {"a/": ("면접-질문", ["Querydsl", "JPA", "jcmd", "flush", "querydsl"]),
               "b/": ("", ["jcmd"]), "gone/": ("x", ["y"])})
    assert docs[2]["text"] == "JPA란? Querydsl jcmd"
    assert docs[0]["text"] == "intro" and docs[1]["text"].endswith("<code>FLUSH</code>")
    assert docs[3]["text"] == "jcmd"


def _opening(answer_html: str, words: int = 12) -> str:
    return " ".join(re.sub("<[^>]+>", " ", answer_html).split()[:words])


def test_the_built_index_leaves_answers_out_but_finds_their_terms(site_dir: Path) -> None:
    index = json.loads((site_dir / "search" / search_index.FULL_NAME).read_text("utf-8"))
    text = " ".join(doc["text"] for doc in index["docs"])
    # The sections that hold the question blocks (a page's body may retell an answer itself).
    questions = " ".join(d["text"] for d in index["docs"] if d["title"].startswith("면접 질문"))
    bank = json.loads((site_dir / "practice" / "bank.json").read_text("utf-8"))
    answers = [q for q in bank["q"] if _opening(q.get("a", ""))]
    assert len(answers) > 400
    # The questions are in the index, their model answers are not.
    missing = [q["i"] for q in answers if q["t"].removeprefix("꼬리 질문: ")[:15] not in questions]
    assert len(missing) < len(answers) // 10, f"questions missing from the index: {missing[:5]}"
    leaked = [q["i"] for q in answers if _opening(q["a"]) in questions]
    assert not leaked, f"answers still in the index: {leaked[:5]}"
    # A Latin-script term only an answer uses stays findable (PESSIMISTIC_WRITE, setReadOnly).
    indexed = {term.lower() for term in search_index.LATIN_TERM.findall(text)}
    plain = [html.unescape(re.sub("<[^>]+>", " ", q["a"])) for q in answers]
    lost = {term for answer in plain for term in search_index.LATIN_TERM.findall(answer)
            if term.lower() not in indexed}
    assert not lost, f"answer terms no search can find: {sorted(lost)[:10]}"
    assert "data-search-exclude" not in json.dumps(bank), "the bank's answers are shown as is"
