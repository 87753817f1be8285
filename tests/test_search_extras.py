"""The build-time search extras (hooks/search_extras.py) produce what the search box relies on."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from conftest import ROOT

sys.path.insert(0, str(ROOT / "hooks"))
import search_extras


def test_compound_words_get_their_inner_parts() -> None:
    assert search_extras.inner_suffixes("가비지컬렉션은 자동이다") == [
        "비지컬렉션",
        "지컬렉션",
        "컬렉션",
        "렉션",
        "동이다",
        "이다",
    ]


def test_one_trailing_particle_is_dropped_but_a_stem_keeps_two_syllables() -> None:
    assert search_extras.strip_particle("세션을") == "세션"
    assert search_extras.strip_particle("서버에서") == "서버"
    assert search_extras.strip_particle("경로") == "경로"


def test_synonyms_match_whole_latin_words_only() -> None:
    groups = (("GC", "가비지 컬렉션"), ("OOME", "OutOfMemoryError"))
    assert search_extras.synonyms_for("", "gcc로 빌드한다", groups) == []
    found = search_extras.synonyms_for("", "GC가 멈춘다", groups)
    assert found == ["GC", "가비지 컬렉션"]


def test_a_heading_that_names_the_term_weighs_more_than_a_passing_mention() -> None:
    groups = (("LB", "로드 밸런서"),)
    passing = search_extras.synonyms_for("배포", "로드 밸런서 뒤에 둔다", groups)
    heading = search_extras.synonyms_for("로드 밸런서", "로드 밸런서 뒤에 둔다", groups)
    assert len(heading) > len(passing) > 0


def test_the_reviewed_synonym_list_is_well_formed() -> None:
    groups = search_extras.synonym_groups()
    assert len(groups) >= 40
    terms = [term.lower() for group in groups for term in group]
    repeated = sorted({term for term in terms if terms.count(term) > 1})
    assert not repeated, f"includes/search-synonyms.yml: spellings listed twice: {repeated}"


def test_a_malformed_synonym_list_names_the_file(tmp_path: Path) -> None:
    bad = tmp_path / "synonyms.yml"
    bad.write_text("- [GC, 가비지 컬렉션]\n- not a list\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"synonyms\.yml:2: a group is a list"):
        search_extras.synonym_groups.__wrapped__(bad)
    bad.write_text("- [GC, 가비지 컬렉션\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"synonyms\.yml:\d+: not valid YAML"):
        search_extras.synonym_groups.__wrapped__(bad)


def test_a_page_title_gets_its_topic_words_with_particles() -> None:
    forms = search_extras.title_particle_forms("클래스와 구조체의 차이")
    assert {"구조체와", "구조체를", "클래스는", "차이에서"} <= set(forms)
    assert not [form for form in forms if form.startswith("구조체의의")]
