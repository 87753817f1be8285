"""Reports: console table grouped by file, JSON file, Markdown table, GitHub Actions output."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

from .check import CheckRun
from .models import ALLOWLISTED, BROKEN, OK, REDIRECT, VERDICTS, Location, Result

#: Longest Markdown report written (GitHub issue bodies are limited to 65536 characters).
MARKDOWN_LIMIT = 60_000


def full_reason(result: Result) -> str:
    """The reason, with the URL to use instead for a permanent redirect."""
    if result.suggested_url:
        return f"{result.reason}; update the link to {result.suggested_url}"
    return result.reason


def summary(run: CheckRun, files: int) -> dict[str, Any]:
    """Counts for the summary line and the JSON ``summary`` object."""
    counts = Counter(result.verdict for result in run.results)
    return {
        "urls": len(run.results),
        "locations": sum(len(result.locations) for result in run.results),
        "files": files,
        **{verdict: counts.get(verdict, 0) for verdict in VERDICTS},
        "elapsed_seconds": round(run.elapsed, 3),
        "deadline_reached": run.deadline_reached,
    }


def summary_line(run: CheckRun, files: int) -> str:
    """One line: what was checked and how it went."""
    s = summary(run, files)
    line = (
        f"{s['urls']} URLs checked ({s['locations']} places in {s['files']} files) in "
        f"{run.elapsed:.1f} s: {s[OK]} ok, {s[REDIRECT]} permanent redirects, "
        f"{s[ALLOWLISTED]} allowlisted, {s[BROKEN]} broken"
    )
    if run.deadline_reached:
        line += " (run deadline reached: unfinished links count as broken)"
    return line


def json_report(run: CheckRun, files: int) -> dict[str, Any]:
    """``{"links": [...], "summary": {...}}`` with every checked URL, good or bad."""
    links = [
        {
            "url": result.url,
            "ok": result.ok,
            "verdict": result.verdict,
            "status": result.status,
            "reason": full_reason(result),
            "final_url": result.final_url,
            "locations": [{"file": loc.file, "line": loc.line} for loc in result.locations],
        }
        for result in run.results
    ]
    return {"links": links, "summary": summary(run, files)}


def write_json(path: Path, run: CheckRun, files: int) -> None:
    """Write :func:`json_report` to ``path`` (UTF-8, Korean kept readable)."""
    text = json.dumps(json_report(run, files), ensure_ascii=False, indent=2)
    path.write_text(text + "\n", encoding="utf-8")


def _rows(run: CheckRun, show_ok: bool) -> dict[str, list[tuple[Location, Result]]]:
    """Locations to show, grouped by file and sorted by line."""
    by_file: dict[str, list[tuple[Location, Result]]] = defaultdict(list)
    for result in run.results:
        if result.verdict == OK and not show_ok:
            continue
        for location in result.locations:
            by_file[location.file].append((location, result))
    return {
        file: sorted(rows, key=lambda row: row[0].line) for file, rows in sorted(by_file.items())
    }


def _width(text: str) -> int:
    """Terminal columns taken by ``text`` (Hangul and other wide characters count 2)."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _pad(text: str, width: int) -> str:
    return text + " " * max(0, width - _width(text))


def console_table(run: CheckRun, show_ok: bool = False) -> str:
    """The readable table, grouped by file; OK links only with ``show_ok``."""
    out: list[str] = []
    for file, rows in _rows(run, show_ok).items():
        url_width = min(80, max(_width(result.url) for _, result in rows))
        out.append(file)
        header = f"  {'LINE':>5}  {'VERDICT':<11}  {'STATUS':>6}  {_pad('URL', url_width)}  REASON"
        out.append(header)
        for location, result in rows:
            status = "-" if result.status is None else str(result.status)
            out.append(
                f"  {location.line:>5}  {result.verdict:<11}  {status:>6}  "
                f"{_pad(result.url, url_width)}  {result.reason}"
            )
            if result.suggested_url:
                out.append(f"  {'':>5}  {'':<11}  {'':>6}  ↳ use {result.suggested_url}")
        out.append("")
    return "\n".join(out)


def _cell(text: str) -> str:
    return text.replace("\\", "\\\\").replace("|", "\\|").replace("\n", " ")


def markdown_report(run: CheckRun, files: int) -> str:
    """A Markdown table of everything to fix, for the job summary and the tracking issue."""
    s = summary(run, files)
    lines = [
        "## External link check",
        "",
        summary_line(run, files),
        "",
    ]
    rows = _rows(run, show_ok=False)
    if not rows:
        lines.append(f"All {s['urls']} external URLs are reachable.")
        return "\n".join(lines) + "\n"
    lines += ["| File:line | URL | Verdict | Status | Reason |", "| --- | --- | --- | --- | --- |"]
    order = {BROKEN: 0, REDIRECT: 1, ALLOWLISTED: 2, OK: 3}
    flat = [(loc, res) for file_rows in rows.values() for loc, res in file_rows]
    flat.sort(key=lambda row: (order[row[1].verdict], row[0]))
    size = sum(len(line) + 1 for line in lines)
    for shown, (location, result) in enumerate(flat):
        status = "" if result.status is None else str(result.status)
        row = (
            f"| `{_cell(location.file)}:{location.line}` | {_cell(result.url)} | "
            f"{result.verdict} | {status} | {_cell(full_reason(result))} |"
        )
        if size + len(row) > MARKDOWN_LIMIT:
            lines.append(f"\n… and {len(flat) - shown} more rows: see the JSON report artifact.")
            break
        lines.append(row)
        size += len(row) + 1
    return "\n".join(lines) + "\n"


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def github_annotations(run: CheckRun) -> list[str]:
    """``::error``/``::warning`` workflow commands, one per location to fix."""
    commands = []
    for result in run.results:
        if result.verdict == BROKEN:
            kind, title = "error", "Broken link"
        elif result.verdict == REDIRECT:
            kind, title = "warning", "Permanent redirect"
        else:
            continue
        for location in result.locations:
            commands.append(
                f"::{kind} file={_escape_property(location.file)},line={location.line},"
                f"title={_escape_property(title)}::"
                f"{_escape_data(result.url)} — {_escape_data(full_reason(result))}"
            )
    return commands
