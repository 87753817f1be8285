"""hooks/search_index.py: the trimmed index, synonyms in its config, the stub for the page."""

from __future__ import annotations

import json
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
