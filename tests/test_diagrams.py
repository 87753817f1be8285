"""Diagrams reach readers as committed SVG renders of the pages' ```mermaid fences.

extensions/diagram_svg.py inlines includes/diagrams/<key>.svg for each fence; `make diagrams`
(scripts/render_diagrams.py) keeps that folder in line with the pages. These tests fail when it is
out of line (a render missing for an edited fence, or left behind by a deleted one), when a diagram
lacks its text alternative, and when the strict build would let a missing render through.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path
from xml.etree import ElementTree

import markdown
import pytest
from bs4 import BeautifulSoup
from conftest import DOCS, ROOT, copy_project, mkdocs_build
from diagram_svg import (
    FONT_FAMILY,
    MERMAID_VERSION,
    STORE,
    Diagram,
    diagram_key,
    fence_format,
    find_diagrams,
)

RENDERS = ROOT / STORE
SVG = "{http://www.w3.org/2000/svg}"
# Independent of diagram_svg.fences(): a top-level ```mermaid opening line.
MERMAID_FENCE = re.compile(r"^\s*(```+|~~~+)\s*mermaid\b", re.MULTILINE)


@pytest.fixture(scope="module")
def diagrams() -> list[Diagram]:
    found = find_diagrams(DOCS)
    assert found, "no ```mermaid fence under docs/"
    return found


def _where(diagram: Diagram) -> str:
    return f"docs/{diagram.page}:{diagram.line}"


def test_every_diagram_has_a_committed_render(diagrams: list[Diagram]) -> None:
    stale = [
        f"{_where(d)}: no {STORE.as_posix()}/{d.key}.svg"
        for d in diagrams
        if not (RENDERS / f"{d.key}.svg").is_file()
    ]
    assert not stale, "renders missing or stale — run `make diagrams` and commit them:\n" + (
        "\n".join(stale)
    )


def test_no_committed_render_is_orphaned(diagrams: list[Diagram]) -> None:
    used = {d.key for d in diagrams}
    orphans = sorted(
        path.relative_to(ROOT).as_posix() for path in RENDERS.glob("*") if path.stem not in used
    )
    assert not orphans, "no page uses these renders — `make diagrams` deletes them:\n" + (
        "\n".join(orphans)
    )


def test_every_diagram_has_a_text_alternative(diagrams: list[Diagram]) -> None:
    """accTitle names the diagram and accDescr says what it shows (the SVG's <title>/<desc>)."""
    lacking = [
        f"{_where(d)}: add {' and '.join(missing)}"
        for d in diagrams
        if (missing := d.missing_text_alternative())
    ]
    assert not lacking, f"{len(lacking)} of {len(diagrams)} diagrams lack a text alternative:\n" + (
        "\n".join(lacking)
    )


def _acc_value(source: str, name: str) -> str | None:
    match = re.search(rf"^\s*{name}\s*:\s*(.+?)\s*$", source, re.MULTILINE)
    return match.group(1) if match else None


def test_renders_are_lean_named_images(diagrams: list[Diagram]) -> None:
    """role=img named by <title>/<desc>, no <style>/<script>/colours, ids unique to the render."""
    problems = []
    for diagram in diagrams:
        path = RENDERS / f"{diagram.key}.svg"
        if not path.is_file():
            continue  # reported by test_every_diagram_has_a_committed_render
        where = f"{_where(diagram)} ({path.name})"
        text = path.read_text(encoding="utf-8")
        svg = ElementTree.fromstring(text)
        ids = {element.get("id") for element in svg.iter() if element.get("id")}
        if svg.get("role") != "img":
            problems.append(f"{where}: role is {svg.get('role')!r}, not 'img'")
        if not svg.get("viewBox") or not svg.get("width") or not svg.get("height"):
            problems.append(f"{where}: needs viewBox, width and height")
        if re.search(r"<(style|script|foreignObject)\b", text):
            problems.append(f"{where}: carries <style>, <script> or <foreignObject>")
        if re.search(r'\b(fill|stroke)="#|font-family', text):
            problems.append(f"{where}: carries colours or fonts (diagrams.css draws them)")
        if foreign := sorted(i for i in ids if not i.startswith(f"d-{diagram.key}-")):
            problems.append(f"{where}: ids not prefixed d-{diagram.key}-: {foreign}")
        for name, attr, tag in (
            ("accTitle", "aria-labelledby", "title"),
            ("accDescr", "aria-describedby", "desc"),
        ):
            value = _acc_value(diagram.source, name)
            if value is None:
                continue  # reported by test_every_diagram_has_a_text_alternative
            element = svg.find(f"{SVG}{tag}")
            if element is None or svg.get(attr) != element.get("id"):
                problems.append(f"{where}: {name} is not exposed as <{tag}> via {attr}")
            elif (element.text or "").strip() != value:
                problems.append(f"{where}: <{tag}> is {element.text!r}, {name} is {value!r}")
    assert not problems, "\n".join(problems)


def test_render_settings_pin_the_mermaid_of_package_json() -> None:
    """A Mermaid bump must re-render: the key hashes diagram_svg.MERMAID_VERSION."""
    package = json.loads((ROOT / "package.json").read_text(encoding="utf-8"))
    lock = json.loads((ROOT / "package-lock.json").read_text(encoding="utf-8"))
    assert package["dependencies"]["mermaid"] == MERMAID_VERSION, (
        "package.json's mermaid differs from MERMAID_VERSION in extensions/diagram_svg.py: "
        "update it and run `make diagrams`"
    )
    assert lock["packages"]["node_modules/mermaid"]["version"] == MERMAID_VERSION


def test_renders_measure_text_with_the_site_font() -> None:
    """Labels are sized with FONT_FAMILY when rendering: it must be extra.css's Korean stack."""
    css = (DOCS / "assets" / "stylesheets" / "extra.css").read_text(encoding="utf-8")
    stack = re.search(r"--md-text-font:\s*([^;]+);", css)
    assert stack, "extra.css no longer sets --md-text-font"
    site = re.sub(r"\s+", " ", stack.group(1)).strip()
    assert FONT_FAMILY.startswith(site), (
        f"extra.css font stack {site!r} differs from FONT_FAMILY in extensions/diagram_svg.py: "
        "update FONT_FAMILY and run `make diagrams`"
    )


def test_same_diagram_twice_on_a_page_keeps_ids_unique(
    diagrams: list[Diagram], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(ROOT)  # outside MkDocs, the renders are found from the working directory
    diagram = next(d for d in diagrams if (RENDERS / f"{d.key}.svg").is_file())
    fence = f"```mermaid\n{diagram.source}\n```\n"
    html = markdown.markdown(
        f"{fence}\n{fence}",
        extensions=["pymdownx.superfences"],
        extension_configs={
            "pymdownx.superfences": {
                "custom_fences": [{"name": "mermaid", "class": "diagram", "format": fence_format}]
            }
        },
    )
    assert len(re.findall(r'<div class="diagram[^"]*"[^>]*><svg', html)) == 2
    ids = Counter(re.findall(r'\bid="([^"]+)"', html))
    assert ids and all(count == 1 for count in ids.values()), ids
    for ref in re.findall(r'url\(#([^)]+)\)|aria-(?:labelledby|describedby)="([^"]+)"', html):
        assert (ref[0] or ref[1]) in ids, f"reference to a missing id: {ref}"


def test_a_wide_diagram_scrolls_instead_of_shrinking_past_reading_size(site_dir: Path) -> None:
    """A 1,600 px diagram at phone width would print 3 px text: it keeps 60 % and scrolls."""
    html = (site_dir / "spring" / "filter-interceptor-aop" / "index.html").read_text("utf-8")
    wide = re.findall(r'<div class="diagram diagram--wide" tabindex="0" role="region"[^>]*>'
                      r'<svg style="min-width: (\d+)px"', html)
    assert wide and all(int(px) >= 384 for px in wide), wide


def test_built_pages_inline_every_diagram_and_no_mermaid(site_dir: Path) -> None:
    """Each fence is an inline <svg>; nothing is left for Material's Mermaid loader (unpkg)."""
    problems = []
    for source in sorted(DOCS.rglob("*.md")):
        page = source.relative_to(DOCS).with_suffix("")
        built = site_dir / (page.parent if page.name == "index" else page) / "index.html"
        if not built.is_file():
            continue
        soup = BeautifulSoup(built.read_text(encoding="utf-8"), "html.parser")
        fences = len(MERMAID_FENCE.findall(source.read_text(encoding="utf-8")))
        inline = len(soup.select("div.diagram > svg[role=img]"))
        name = source.relative_to(DOCS).as_posix()
        if inline != fences:
            problems.append(f"{name}: {fences} ```mermaid fences, {inline} inline SVG diagrams")
        if soup.select(".mermaid, .diagram-missing"):
            problems.append(f"{name}: an element with class mermaid or diagram-missing")
        scripts = [s["src"] for s in soup.find_all("script", src=True) if "mermaid" in s["src"]]
        if scripts:
            problems.append(f"{name}: loads {scripts}")
        ids = Counter(element["id"] for element in soup.find_all(id=True))
        if duplicated := sorted(i for i, n in ids.items() if n > 1):
            problems.append(f"{name}: duplicate ids {duplicated[:5]}")
    assert not problems, "\n".join(problems)


def test_edited_diagram_without_render_fails_the_strict_build_naming_it(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    diagram = find_diagrams(project / "docs")[0]
    page = project / "docs" / diagram.page
    lines = page.read_text(encoding="utf-8").splitlines(keepends=True)
    closing = diagram.line + len(diagram.source.splitlines())  # 0-based index of the closing fence
    lines.insert(closing, "    %% 기여자가 고친 줄\n")
    page.write_text("".join(lines), encoding="utf-8")
    assert diagram_key(diagram.source) != find_diagrams(project / "docs")[0].key

    result = mkdocs_build(project, tmp_path / "site")
    output = result.stdout + result.stderr
    assert result.returncode != 0, f"the strict build passed a diagram without render:\n{output}"
    assert f"{diagram.page}:{diagram.line}:" in output, output
    assert "make diagrams" in output, output
