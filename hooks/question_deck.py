"""The question bank as flash cards: an Anki package (genanki) and a CSV, made at every build.

hooks/question_bank.py calls `deck_files(bank, site_url)` in on_env and writes the result next to
the practice page (`practice/interview-notes.apkg`, `practice/interview-notes.csv`); the practice
page links them. One note per question (follow-ups are notes too, and are listed on their
parent's card in order): question, model answer (HTML, links made absolute with site_url),
follow-up questions, section and page, tags, and a link back to the question on the site.

The note's guid is the stable question id (includes/question-ids.yml), so importing a newer
deck into Anki updates the cards the reader already studies instead of adding copies. The model
and deck ids below are fixed for the same reason: never change them.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
from pathlib import Path
from typing import Any
from urllib.parse import urljoin

APKG = "interview-notes.apkg"
CSV = "interview-notes.csv"
DECK_NAME = "백엔드 면접 스터디 노트"
MODEL_ID = 1_734_201_401  # fixed: Anki matches notes to this note type
DECK_ID = 1_734_201_402  # fixed: the same deck on every import
CSV_COLUMNS = ["id", "question", "answer_html", "follow_ups", "section", "page", "tags", "url"]
URL_ATTR = re.compile(r"(?P<head>\s(?:href|src)=)(?P<quote>[\"'])(?P<url>.*?)(?P=quote)")
CARD_CSS = """\
.card { font-family: "Apple SD Gothic Neo", "Malgun Gothic", "Noto Sans KR", sans-serif;
        font-size: 18px; text-align: left; color: #1f1f1f; background: #fff; line-height: 1.6; }
.meta { color: #666; font-size: 14px; }
.follow-ups { margin-top: 1em; padding-top: .5em; border-top: 1px solid #ddd; }
pre, code { font-size: 15px; }
"""


def _absolute(html: str, base: str) -> str:
    """Relative href/src in an answer (written for the practice page at `base`) made absolute."""
    return URL_ATTR.sub(
        lambda m: m.group("head") + m.group("quote") + urljoin(base, m.group("url"))
        + m.group("quote"),
        html,
    )


def _tag(text: str) -> str:
    """Anki tags have no spaces."""
    return "_".join(text.split())


def deck_rows(bank: dict[str, Any], site_url: str) -> list[dict[str, str]]:
    """One row per question, in bank order (the CSV's rows and the Anki notes' fields)."""
    base = urljoin(site_url or "/", "practice/")
    by_id = {question["i"]: question for question in bank["q"]}
    rows = []
    for question in bank["q"]:
        page = bank["p"][question["p"]]
        section = bank["s"][page["s"]]
        url = urljoin(base, page["u"]) + "#" + question["i"]
        follow_ups = [by_id[child]["t"] for child in question.get("c", []) if child in by_id]
        tags = [_tag(section), _tag(page["t"])] + (["꼬리질문"] if "up" in question else [])
        rows.append({
            "id": question["i"],
            "question": question["t"],
            "answer_html": _absolute(question.get("a", ""), base),
            "follow_ups": "\n".join(follow_ups),
            "section": section,
            "page": page["t"],
            "tags": " ".join(tags),
            "url": url,
        })
    return rows


def deck_csv(rows: list[dict[str, str]]) -> str:
    """UTF-8 CSV with a header row (the hook writes it with a BOM, for spreadsheet programs)."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=CSV_COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def deck_apkg(rows: list[dict[str, str]]) -> bytes:
    import genanki
    from markupsafe import escape

    model = genanki.Model(
        MODEL_ID,
        "면접 질문 (interview-notes)",
        fields=[{"name": name} for name in ("Question", "Answer", "FollowUps", "Topic", "Link")],
        templates=[{
            "name": "질문 → 모범 답안",
            "qfmt": '<div class="meta">{{Topic}}</div><h3>{{Question}}</h3>',
            "afmt": (
                '{{FrontSide}}<hr id="answer">{{Answer}}'
                '{{#FollowUps}}<div class="follow-ups"><b>꼬리 질문</b>{{FollowUps}}</div>'
                "{{/FollowUps}}"
                '<p class="meta">{{Link}}</p>'
            ),
        }],
        css=CARD_CSS,
    )
    deck = genanki.Deck(DECK_ID, DECK_NAME)
    for row in rows:
        follow_ups = "".join(f"<li>{escape(text)}</li>" for text in row["follow_ups"].splitlines())
        deck.add_note(genanki.Note(
            model=model,
            fields=[
                str(escape(row["question"])),
                row["answer_html"],
                f"<ol>{follow_ups}</ol>" if follow_ups else "",
                str(escape(f"{row['section']} · {row['page']}")),
                f'<a href="{escape(row["url"])}">사이트에서 보기</a>',
            ],
            tags=row["tags"].split(),
            guid=row["id"],
        ))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / APKG
        genanki.Package(deck).write_to_file(str(path))
        return path.read_bytes()


def deck_files(bank: dict[str, Any], site_url: str) -> dict[str, bytes]:
    """{file name: content} for the practice page's folder."""
    rows = deck_rows(bank, site_url)
    return {APKG: deck_apkg(rows), CSV: ("\ufeff" + deck_csv(rows)).encode("utf-8")}
