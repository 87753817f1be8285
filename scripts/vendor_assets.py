"""Copy the front-end files the site serves itself from node_modules into docs/assets/vendor.

Why: the site must load nothing from a CDN (the offline plugin would fetch its iframe-worker shim
from one). The copies are committed so that a fresh clone builds with pip alone; this script
refreshes them after `npm ci` when package.json is bumped, and `--check` (run by the tests) fails
when a committed copy differs from the pinned npm package. (Mermaid is not served any more: it
renders diagrams to SVG ahead of time, see scripts/render_diagrams.py.)
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
VENDOR = ROOT / "docs" / "assets" / "vendor"

# (source inside node_modules, destination inside docs/assets/vendor)
FILES: list[tuple[str, str]] = [
    ("iframe-worker/shim/index.js", "iframe-worker/shim.js"),
    ("iframe-worker/LICENSE", "iframe-worker/LICENSE"),
]


def differences(node_modules: Path) -> list[str]:
    """Return the vendored files that are missing or differ from node_modules."""
    bad = []
    for src, dst in FILES:
        source, target = node_modules / src, VENDOR / dst
        if not source.is_file():
            bad.append(f"{source}: not installed (run `npm ci`)")
        elif not target.is_file() or target.read_bytes() != source.read_bytes():
            bad.append(f"{target.relative_to(ROOT)}: differs from {src}")
    return bad


def main(argv: list[str] | None = None) -> int:
    """Copy (default) or compare (--check) the vendored files; return the exit code."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="compare only, change nothing")
    parser.add_argument("--node-modules", type=Path, default=ROOT / "node_modules")
    args = parser.parse_args(argv)
    if args.check:
        bad = differences(args.node_modules)
        for line in bad:
            print(line, file=sys.stderr)
        return 1 if bad else 0
    for src, dst in FILES:
        target = VENDOR / dst
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(args.node_modules / src, target)
        print(f"copied {src} -> {target.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
