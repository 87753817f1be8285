"""Search figures in seconds, without a browser: for trying a synonym, a rule or a weight.

Why: the test suite measures search where readers use it (every query typed into the real search
box of the built site, beside stock Material), which takes minutes. This runs the same built
worker under Node (scripts/search_node.js: Material's worker and ours, fed the messages the box
sends) and prints the same figures in a few seconds. tests/test_search.py checks that its
answers are exactly what the search box shows, so the two cannot drift apart unnoticed.

    python scripts/search_quick.py                    # build the site, figures of every set
    python scripts/search_quick.py --site site tuning # a built site, one set
    python scripts/search_quick.py --misses tuning    # ...and the tuning set's misses
    python scripts/search_quick.py --knob KOREAN_OWN_WEIGHT=2

The hold-out sets are frozen: their figures are printed, their misses never (`--misses` lists
only tuning and original), so no rule is ever chosen by looking at them. Exit 2 on bad usage or
a malformed query file (file:line).
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from budget import strict_build

ROOT = Path(__file__).resolve().parent.parent
SETS = ROOT / "tests" / "search"
RUNNER = ROOT / "scripts" / "search_node.js"
OPEN_SETS = ("tuning", "original")  # the only sets whose misses may be read


@dataclass
class Row:
    """One query of a set: the query, the page(s) that answer it, its type."""

    query: str
    expected: set[str]
    kind: str


def page_url(source: str) -> str:
    """docs-relative source path -> URL path under the site base ("network/tcp-udp/")."""
    stem = source.strip().removesuffix(".md")
    if stem == "index":
        return ""
    return stem.removesuffix("index") if stem.endswith("/index") else stem + "/"


def load_set(path: Path, docs: Path = ROOT / "docs") -> list[Row]:
    """The rows of a query file (query<TAB>page(s)<TAB>type); ValueError names file and line."""
    rows = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 3:
            raise ValueError(f"{path.name}:{number}: need query<TAB>page(s)<TAB>type")
        pages = [p.strip() for p in parts[1].split(",")]
        for page in pages:
            if not (docs / page).is_file():
                raise ValueError(f"{path.name}:{number}: no page {page}")
        rows.append(Row(parts[0], {page_url(p) for p in pages}, parts[2]))
    return rows


def set_names() -> list[str]:
    """Every query set in tests/search/, the frozen hold-outs first."""
    names = sorted(path.stem for path in SETS.glob("*.tsv"))
    return [n for n in names if n not in OPEN_SETS] + [n for n in OPEN_SETS if n in names]


def worker_answers(
    site: Path, queries: list[str], knobs: dict[str, float] | None = None
) -> list[list[str]]:
    """The result pages of each query, best first, from the built site's worker under Node."""
    node = shutil.which("node")
    if not node:
        raise RuntimeError("node is needed (make setup installs it)")
    result = subprocess.run(
        [node, str(RUNNER), str(site), json.dumps(knobs or {})],
        input=json.dumps(queries, ensure_ascii=False),
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    if result.returncode != 0:
        raise RuntimeError(f"search_node.js failed:\n{result.stderr}")
    return json.loads(result.stdout)


def rank(row: Row, pages: list[str]) -> int:
    """1-based rank of the first expected page among the results, 0 when none is there."""
    return next((i + 1 for i, page in enumerate(pages) if page in row.expected), 0)


def report(site: Path, names: list[str], misses: bool, knobs: dict[str, float]) -> None:
    """Print recall@1, recall@5, MRR and zero results per set (and the open sets' misses)."""
    sets = {name: load_set(SETS / f"{name}.tsv") for name in names}
    queries = [row.query for rows in sets.values() for row in rows]
    pages = iter(worker_answers(site, queries, knobs))
    print("| set | n | recall@1 | recall@5 | MRR | zero results |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    missed: list[str] = []
    for name, rows in sets.items():
        ranks, zero = [], 0
        for row in rows:
            found = next(pages)
            ranks.append(rank(row, found))
            zero += not found
            if misses and name in OPEN_SETS and ranks[-1] != 1:
                top = " ".join(found[:3])
                missed.append(f"{name}\t{row.query}\t{ranks[-1]}\t{row.kind}\t{top}")
        n = len(ranks) or 1
        at1 = sum(r == 1 for r in ranks)
        at5 = sum(0 < r <= 5 for r in ranks)
        mrr = sum(1 / r for r in ranks if r) / n
        print(f"| {name} | {len(ranks)} | {at1 / n:.3f} ({at1}) | {at5 / n:.3f} ({at5}) "
              f"| {mrr:.3f} | {zero} |")
    if missed:
        print("\nmisses (set, query, rank of the expected page or 0, type, top three):")
        print("\n".join(missed))


def parse_knob(text: str) -> tuple[str, float]:
    """NAME=NUMBER -> (NAME, NUMBER), for argparse."""
    name, _, value = text.partition("=")
    try:
        return name, float(value)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"{text!r}: need NAME=NUMBER") from error


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("sets", nargs="*", help="set names (tests/search/<name>.tsv); default all")
    parser.add_argument("--site", type=Path, help="a built site (default: build one)")
    parser.add_argument("--misses", action="store_true", help="list tuning/original misses")
    parser.add_argument("--knob", type=parse_knob, action="append", default=[],
                        help="set a worker global first, e.g. KOREAN_OWN_WEIGHT=2")
    args = parser.parse_args(argv)
    known = set_names()
    unknown = [name for name in args.sets if name not in known]
    if unknown:
        parser.error(f"no query set {', '.join(unknown)} (have: {', '.join(known)})")
    if args.site and not (args.site / "assets/javascripts/workers/korean-search.js").is_file():
        parser.error(f"{args.site}: not a built site of this project (no korean-search.js)")
    try:
        with tempfile.TemporaryDirectory() as tmp:
            site = args.site
            if not site:
                site = Path(tmp) / "site"
                strict_build(site)
            report(site, args.sets or known, args.misses, dict(args.knob))
    except (ValueError, RuntimeError) as error:
        print(error, file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
