#!/usr/bin/env python3
"""Check every external link in the site's Markdown pages.

    python scripts/check_links.py [PATH ...] [--json FILE]

PATH is a folder (searched recursively for ``*.md``) or one Markdown file; the default is the
repository's ``docs/``. Exit codes: 0 every link is fine, 1 a link is broken, 2 bad usage or
input (missing path, unreadable page, malformed allowlist). See ``scripts/README.md``.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

from linkcheck.allowlist import Allowlist, load_allowlist
from linkcheck.check import CheckOptions, check_links
from linkcheck.extract import collect_links, display_path
from linkcheck.models import InputError
from linkcheck.report import (
    console_table,
    github_annotations,
    markdown_report,
    summary_line,
    write_json,
)

SCRIPTS = Path(__file__).resolve().parent
DEFAULT_DOCS = SCRIPTS.parent / "docs"
DEFAULT_ALLOWLIST = SCRIPTS / "link-allowlist.yml"
EXIT_OK, EXIT_BROKEN, EXIT_INPUT = 0, 1, 2


def _number(kind: type, minimum: float) -> Callable[[str], float]:
    def parse(text: str) -> float:
        try:
            value = kind(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a number: {text!r}") from None
        if value < minimum:
            raise argparse.ArgumentTypeError(f"must be at least {minimum:g}: {text!r}")
        return value

    return parse


# The numeric limits: CheckOptions field, metavar, parser with its minimum, help text.
LIMITS = [
    ("timeout", "SECONDS", _number(float, 0.001),
     "seconds per request (default: %(default)g, linkcheckmd's)"),
    ("retries", "N", _number(int, 0),
     "extra tries for timeouts, 403, 429, 5xx … (default: %(default)s)"),
    ("backoff", "SECONDS", _number(float, 0),
     "first retry delay in seconds, doubled each time (default: %(default)g)"),
    ("max_retry_after", "SECONDS", _number(float, 0),
     "longest Retry-After to wait for (default: %(default)g s)"),
    ("deadline", "SECONDS", _number(float, 0.001),
     "seconds for the whole run (default: %(default)g)"),
    ("concurrency", "N", _number(int, 1), "requests at once in all (default: %(default)s)"),
    ("per_host", "N", _number(int, 1), "requests at once to one host (default: %(default)s)"),
    ("max_redirects", "N", _number(int, 0), "redirects to follow (default: %(default)s)"),
    ("max_body", "BYTES", _number(int, 1024),
     "bytes of a page read to find a #fragment (default: %(default)s)"),
]  # fmt: skip


def build_parser() -> argparse.ArgumentParser:
    """The command line (every limit can be lowered for tests)."""
    defaults = CheckOptions()
    p = argparse.ArgumentParser(
        prog="check_links.py",
        description="Check the external (http/https) links of Markdown pages.",
        epilog="Exit codes: 0 all links fine, 1 a link is broken, 2 bad usage or input.",
    )
    p.add_argument(
        "paths", nargs="*", type=Path, metavar="PATH", help="folder or .md file (default: docs/)"
    )
    p.add_argument(
        "--json", type=Path, metavar="FILE", help="write every checked URL and its verdict as JSON"
    )
    p.add_argument(
        "--markdown",
        type=Path,
        metavar="FILE",
        help="write the links to fix as a Markdown table (for an issue)",
    )
    p.add_argument(
        "--allowlist",
        type=Path,
        metavar="FILE",
        help=f"reviewed 403/429 hosts (default: {display_path(DEFAULT_ALLOWLIST)})",
    )
    p.add_argument("--all", action="store_true", help="list OK links in the table too")
    limits = p.add_argument_group("limits")
    for name, metavar, parse, text in LIMITS:
        limits.add_argument(
            "--" + name.replace("_", "-"),
            dest=name,
            metavar=metavar,
            type=parse,
            default=getattr(defaults, name),
            help=text,
        )
    limits.add_argument(
        "--user-agent",
        metavar="TEXT",
        default=defaults.user_agent,
        help="User-Agent header (default: linkcheckmd's browser string)",
    )
    return p


def _check_output_path(path: Path | None, option: str) -> None:
    if path is not None and not path.resolve().parent.is_dir():
        raise InputError(f"{option} {path}: the folder {path.parent} does not exist")


def run(argv: Sequence[str] | None = None) -> int:
    """Run the check; return the exit code."""
    args = build_parser().parse_args(argv)
    options = CheckOptions(
        user_agent=args.user_agent, **{name: getattr(args, name) for name, *_ in LIMITS}
    )
    try:
        _check_output_path(args.json, "--json")
        _check_output_path(args.markdown, "--markdown")
        if args.allowlist is not None:
            allowlist = load_allowlist(args.allowlist, str(args.allowlist))
        elif DEFAULT_ALLOWLIST.exists():
            allowlist = load_allowlist(DEFAULT_ALLOWLIST, display_path(DEFAULT_ALLOWLIST))
        else:
            allowlist = Allowlist()
        links, files = collect_links(args.paths or [DEFAULT_DOCS])
    except InputError as exc:
        print(f"check_links.py: error: {exc}", file=sys.stderr)
        return EXIT_INPUT

    print(f"Checking {len(links)} external URLs from {files} Markdown files …", flush=True)
    result = check_links(links, allowlist, options)
    table = console_table(result, show_ok=args.all)
    if table:
        print(table)
    print(summary_line(result, files))
    if args.json is not None:
        write_json(args.json, result, files)
    report = markdown_report(result, files)
    if args.markdown is not None:
        args.markdown.write_text(report, encoding="utf-8")
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for command in github_annotations(result):
            print(command)
        step_summary = os.environ.get("GITHUB_STEP_SUMMARY")
        if step_summary:
            with open(step_summary, "a", encoding="utf-8") as out:
                out.write(report)
    broken = any(not r.ok for r in result.results)
    return EXIT_BROKEN if broken else EXIT_OK


def main() -> None:
    """Entry point: stdout/stderr never fail on Korean text."""
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    sys.exit(run())


if __name__ == "__main__":
    main()
