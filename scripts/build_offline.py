"""Build the offline copy of the site and zip it, for readers who want the notes on a plane.

Material's offline plugin (enabled by OFFLINE=true in mkdocs.yml) turns off directory URLs and
inlines the search index, so the unzipped folder works from file:// with no network; the
iframe-worker shim the plugin needs is served from docs/assets/vendor instead of a CDN.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def build_offline(dest: Path) -> None:
    """Strict offline build (never -q or -v) into dest."""
    env = {**os.environ, "OFFLINE": "true", "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-d", str(dest)],
        cwd=ROOT,
        env=env,
        check=True,
    )


def main(argv: list[str] | None = None) -> int:
    """Build and write the zip; print its path and size."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--zip", type=Path, default=ROOT / "dist" / "interview-notes-offline.zip")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "interview-notes"
        build_offline(site)
        args.zip.parent.mkdir(parents=True, exist_ok=True)
        archive = shutil.make_archive(str(args.zip.with_suffix("")), "zip", tmp, site.name)
    size = Path(archive).stat().st_size
    print(f"{archive}: {size / 1024 / 1024:.1f} MB — unzip and open interview-notes/index.html")
    return 0


if __name__ == "__main__":
    sys.exit(main())
