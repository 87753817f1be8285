"""Build the same pages with stock Material for MkDocs: the baseline our figures are printed beside.

Why: a speed or search figure means little alone. "Stock" is this project's own mkdocs.yml and
pages with everything the project adds taken away: no hooks, no extra CSS or JavaScript, no
template overrides, no polyfills, and the bare `search` plugin (no separator, no extra fields).
The Markdown extensions stay, so both builds hold the same content and differ only in what
Material does with it.

Used by scripts/budget.py (page weight, Lighthouse) and tests/test_search.py (search quality).
`python scripts/stock_site.py DEST` builds it by hand.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

import yaml

ROOT = Path(__file__).resolve().parent.parent
REMOVED_KEYS = ("hooks", "extra_css", "extra_javascript")


class _Tagged:
    """A YAML node with a custom tag (`!ENV`, `!!python/name:…`), kept as written."""

    def __init__(self, tag: str, node: yaml.Node) -> None:
        self.tag = tag
        self.node = node


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps unknown tags instead of resolving them."""


class _Dumper(yaml.SafeDumper):
    """SafeDumper that writes kept tags back unchanged."""


def _keep(loader: yaml.SafeLoader, suffix: str, node: yaml.Node) -> _Tagged:
    return _Tagged(node.tag, node)


def _write(dumper: yaml.SafeDumper, value: _Tagged) -> yaml.Node:
    node = value.node
    if isinstance(node, yaml.ScalarNode):
        return dumper.represent_scalar(value.tag, node.value)
    if isinstance(node, yaml.SequenceNode):
        return yaml.SequenceNode(value.tag, node.value)
    return yaml.MappingNode(value.tag, node.value)


_Loader.add_multi_constructor("!", _keep)
_Loader.add_multi_constructor("tag:yaml.org,2002:python/", _keep)
_Dumper.add_representer(_Tagged, _write)


def stock_config(project: Path = ROOT) -> dict[str, Any]:
    """The project's mkdocs.yml as a dict, with the project's additions removed."""
    config = yaml.load((project / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    for key in REMOVED_KEYS:
        config.pop(key, None)
    config["theme"].pop("custom_dir", None)
    config.get("extra", {}).pop("polyfills", None)
    plugins = []
    for plugin in config.get("plugins", []):
        name = plugin if isinstance(plugin, str) else next(iter(plugin))
        if name in ("search", "tags"):
            plugins.append(name)  # bare: Material's defaults
    config["plugins"] = plugins
    config["docs_dir"] = str(project / "docs")
    # Paths that `mkdocs serve` watches are relative to mkdocs.yml, which is written elsewhere.
    config.pop("watch", None)
    return config


def build_stock_site(dest: Path, project: Path = ROOT) -> Path:
    """Build the stock baseline into dest and return dest.

    Not strict: links to anchors that only the project's hooks add (question ids) would warn.
    """
    with tempfile.TemporaryDirectory() as tmp:
        config_file = Path(tmp) / "mkdocs-stock.yml"
        config_file.write_text(
            yaml.dump(stock_config(project), Dumper=_Dumper, allow_unicode=True, sort_keys=False),
            encoding="utf-8",
        )
        result = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "-f", str(config_file), "-d", str(dest)],
            cwd=project,  # snippets' base_path "." is the project
            env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONPATH": str(project)},
            capture_output=True,
            text=True,
            timeout=300,
            check=False,
        )
    if result.returncode != 0:
        raise RuntimeError(f"stock build failed:\n{result.stdout}\n{result.stderr}")
    return dest


def main(argv: list[str] | None = None) -> int:
    """Build the stock baseline into the folder given on the command line."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dest", type=Path)
    args = parser.parse_args(argv)
    print(build_stock_site(args.dest.resolve()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
