"""Every built page passes axe-core in the light and the dark scheme; code colours are readable.

Every page is opened once per scheme by the `every_page_visits` fixture (tests/every_page.py:
light on a phone, dark on a desktop, the palette chosen as Material's toggle stores it), whose
loads the reader's checks in test_browser.py share.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from conftest import ROOT
from every_page import SCHEMES, Visit, open_scheme

BLOCKING = ("serious", "critical")
# Rules fixed on purpose whose impact is below "serious" must stay fixed, except for the nodes
# named here: Material 9.8's JavaScript gives every code block an unnamed <nav class=
# "md-code__nav"> (its copy button), which no template can name. Those are printed, not failed.
ALSO_REQUIRED = {"landmark-unique": ".md-code__nav"}
MIN_CONTRAST = 4.5


@pytest.mark.browser
def test_every_page_has_no_serious_axe_violations_in_light_and_dark(
    every_page_visits: list[Visit],
) -> None:
    problems: list[str] = []
    others: dict[str, int] = {}
    for visit in every_page_visits:
        path, scheme = visit.path, visit.scheme
        if visit.opened_in != scheme:
            problems.append(f"/{path} [{scheme}]: page opened in {visit.opened_in!r}")
        for v in visit.violations:
            targets = v["targets"]
            if v["impact"] not in BLOCKING and v["id"] in ALSO_REQUIRED:
                targets = [t for t in targets if ALSO_REQUIRED[v["id"]] not in t]
            if targets and (v["impact"] in BLOCKING or v["id"] in ALSO_REQUIRED):
                more = len(targets) - 8
                problems.append(
                    f"/{path} [{scheme}] {v['id']} ({v['impact']}): {v['help']} — "
                    + "; ".join(targets[:8])
                    + (f" (+{more} more)" if more > 0 else "")
                )
            else:
                key = f"{v['id']} ({v['impact']})"
                others[key] = others.get(key, 0) + 1
    print(f"\naxe-core: minor/moderate left (pages): {others or 'none'}", file=sys.stderr)
    assert not problems, "\n".join(problems)


# --------------------------------------------------------------------------------------------
# Every code-highlight colour, in both schemes, against the code background.
# --------------------------------------------------------------------------------------------

TOKEN_COLORS = """() => {
  const TOKEN = /^--md-code-hl-[a-z]+-color$/, names = new Set();
  for (const sheet of document.styleSheets) {
    let rules;
    try { rules = sheet.cssRules; } catch (e) { continue; }
    const walk = list => { for (const rule of list) {
      if (rule.style) for (const p of rule.style) if (TOKEN.test(p)) names.add(p);
      if (rule.cssRules) walk(rule.cssRules);
    } };
    walk(rules);
  }
  const host = document.createElement("div");
  host.className = "md-typeset";
  host.innerHTML = '<div class="highlight"><pre><code></code></pre></div>';
  document.querySelector(".md-content").appendChild(host);
  const code = host.querySelector("code");
  const out = {background: getComputedStyle(code).backgroundColor};
  for (const name of [...names].sort()) {
    const span = document.createElement("span");
    span.style.color = `var(${name})`;
    code.appendChild(span);
    out[name] = getComputedStyle(span).color;
  }
  host.remove();
  return out;
}"""


def _rgba(css: str) -> tuple[float, float, float, float]:
    numbers = [float(n) for n in re.findall(r"[\d.]+", css)]
    r, g, b = numbers[:3]
    return r / 255, g / 255, b / 255, numbers[3] if len(numbers) > 3 else 1.0


def _luminance(rgb: tuple[float, float, float]) -> float:
    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(fg_css: str, bg_css: str) -> float:
    """WCAG contrast of a (possibly translucent) colour drawn on an opaque background."""
    *fg, alpha = _rgba(fg_css)
    bg = _rgba(bg_css)[:3]
    mixed = tuple(alpha * f + (1 - alpha) * b for f, b in zip(fg, bg, strict=True))
    hi, lo = sorted((_luminance(mixed), _luminance(bg)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def test_contrast_formula() -> None:
    assert contrast("rgb(0, 0, 0)", "rgb(255, 255, 255)") == pytest.approx(21)
    assert contrast("rgba(0, 0, 0, 0)", "rgb(245, 245, 245)") == pytest.approx(1)


@pytest.mark.browser
@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_every_code_highlight_color_is_readable_on_the_code_background(
    browser, site_url: str, site_dir: Path, scheme: str
) -> None:
    """Not only the tokens today's pages use: every --md-code-hl-*-color the CSS defines."""
    context, tab = open_scheme(browser, site_dir, scheme)
    try:
        tab.goto(site_url)
        assert tab.evaluate("document.body.getAttribute('data-md-color-scheme')") == scheme
        colors = tab.evaluate(TOKEN_COLORS)
    finally:
        context.close()
    background = colors.pop("background")
    assert _rgba(background)[3] == 1, f"code background is translucent: {background}"
    assert len(colors) >= 12, f"expected Material's token variables, found {sorted(colors)}"
    ratios = {name: round(contrast(color, background), 2) for name, color in colors.items()}
    print(f"\n{scheme}: code background {background}; contrast {ratios}", file=sys.stderr)
    low = {name: ratio for name, ratio in ratios.items() if ratio < MIN_CONTRAST}
    assert not low, f"{scheme}: below {MIN_CONTRAST}:1 on {background}: {low}"


# --------------------------------------------------------------------------------------------
# The build-time fixes of hooks/accessibility.py, on Markdown of their own (no browser).
# --------------------------------------------------------------------------------------------


def _render(markdown_text: str) -> str:
    import markdown

    sys.path.insert(0, str(ROOT / "hooks"))
    import accessibility

    html = markdown.markdown(
        markdown_text,
        extensions=["tables", "pymdownx.tasklist"],
        extension_configs={"pymdownx.tasklist": {"custom_checkbox": True}},
    )
    return accessibility.on_page_content(html, page=None, config=None, files=None)


def test_task_list_checkboxes_are_named_by_their_item_text() -> None:
    html = _render(
        "- [ ] 첫째 `exitCode`를 **확인**한다 (<클러스터>)  \n  다음 줄\n"
        "- [x] 둘째\n    - [ ] 안쪽 항목\n"
    )
    labels = re.findall(r'<input type="checkbox"([^>]*)/>', html)
    assert labels == [
        ' disabled aria-label="첫째 exitCode를 확인한다 (&lt;클러스터&gt;) 다음 줄"',
        ' disabled checked aria-label="둘째"',
        ' disabled aria-label="안쪽 항목"',
    ], html


def test_markdown_tables_are_keyboard_scrollable() -> None:
    html = _render("| a | b |\n| --- | --- |\n| 1 | 2 |\n")
    assert '<table tabindex="0">' in html, html
