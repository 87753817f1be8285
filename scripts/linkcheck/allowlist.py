"""The reviewed allowlist of hosts whose 403/429 answers are not counted as broken links.

Some hosts answer every non-browser client with 403 (bot protection) or 429. A host goes on the
list only after a person has checked the links in a browser, and every entry says why::

    hosts:
      - host: medium.com          # exact host; "*.example.com" also matches its subdomains
        reason: "Cloudflare bot check answers 403 to scripts; checked in a browser 2025-01"
        statuses: [403]           # optional, default [403, 429]

Any mistake in the file (YAML syntax, a missing reason, an unknown key, a URL instead of a
host) is an :class:`~linkcheck.models.InputError` naming the file and line: exit code 2.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from .models import InputError

ALLOWED_STATUSES = frozenset({403, 429})
_KEYS = {"host", "reason", "statuses"}
_HOST = re.compile(r"^(\*\.)?[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*$")


@dataclass(frozen=True)
class AllowEntry:
    """One reviewed host."""

    host: str
    reason: str
    statuses: frozenset[int]
    line: int

    def matches(self, host: str) -> bool:
        """True if ``host`` is this entry's host (or one of its subdomains for ``*.`` entries)."""
        host = host.lower().rstrip(".")
        if self.host.startswith("*."):
            base = self.host[2:]
            return host == base or host.endswith("." + base)
        return host == self.host


@dataclass(frozen=True)
class Allowlist:
    """All entries of the allowlist file (possibly none)."""

    entries: tuple[AllowEntry, ...] = ()

    def find(self, host: str, status: int) -> AllowEntry | None:
        """The entry that excuses ``status`` from ``host``, if any."""
        for entry in self.entries:
            if status in entry.statuses and entry.matches(host):
                return entry
        return None


def load_allowlist(path: Path, shown: str) -> Allowlist:
    """Read and validate the allowlist file; raise :class:`InputError` on any problem."""
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError as exc:
        raise InputError(f"{shown}: allowlist file not found") from exc
    except (OSError, UnicodeDecodeError) as exc:
        raise InputError(f"{shown}: cannot read the allowlist file: {exc}") from exc
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 1
        raise InputError(f"{shown}:{line}: YAML syntax error: {exc.problem or exc}") from exc
    except yaml.YAMLError as exc:
        raise InputError(f"{shown}: YAML error: {exc}") from exc
    if root is None:
        return Allowlist()
    if not isinstance(root, yaml.MappingNode):
        raise InputError(f"{shown}:{_line(root)}: expected a mapping with a 'hosts:' list")
    hosts_node = None
    for key, value in root.value:
        if not (isinstance(key, yaml.ScalarNode) and key.value == "hosts"):
            raise InputError(f"{shown}:{_line(key)}: unknown top-level key (only 'hosts:')")
        hosts_node = value
    if hosts_node is None or _is_null(hosts_node):
        return Allowlist()
    if not isinstance(hosts_node, yaml.SequenceNode):
        raise InputError(f"{shown}:{_line(hosts_node)}: 'hosts:' must be a list of entries")
    entries: list[AllowEntry] = []
    seen: dict[str, int] = {}
    for node in hosts_node.value:
        entry = _entry(node, shown)
        if entry.host in seen:
            raise InputError(
                f"{shown}:{entry.line}: host {entry.host} is already listed on line "
                f"{seen[entry.host]}"
            )
        seen[entry.host] = entry.line
        entries.append(entry)
    return Allowlist(tuple(entries))


def _entry(node: yaml.Node, shown: str) -> AllowEntry:
    line = _line(node)
    if not isinstance(node, yaml.MappingNode):
        raise InputError(f"{shown}:{line}: each entry must be a mapping with 'host' and 'reason'")
    fields: dict[str, yaml.Node] = {}
    for key, value in node.value:
        name = key.value if isinstance(key, yaml.ScalarNode) else None
        if name not in _KEYS:
            raise InputError(
                f"{shown}:{_line(key)}: unknown key {name!r} (allowed: host, reason, statuses)"
            )
        fields[str(name)] = value
    host = _text(fields.get("host"), "host", shown, line).lower()
    if not _HOST.match(host):
        raise InputError(
            f"{shown}:{_line(fields['host'])}: host must be a bare host name such as medium.com"
            f" or *.example.com, not {host!r}"
        )
    reason = _text(fields.get("reason"), "reason", shown, line)
    statuses = frozenset(ALLOWED_STATUSES)
    if "statuses" in fields:
        statuses = _statuses(fields["statuses"], shown)
    return AllowEntry(host, reason, statuses, line)


def _text(node: yaml.Node | None, name: str, shown: str, line: int) -> str:
    if node is None:
        raise InputError(f"{shown}:{line}: entry has no '{name}'")
    if not isinstance(node, yaml.ScalarNode) or _is_null(node) or not str(node.value).strip():
        raise InputError(f"{shown}:{_line(node)}: '{name}' must be a non-empty text")
    return str(node.value).strip()


def _statuses(node: yaml.Node, shown: str) -> frozenset[int]:
    values = node.value if isinstance(node, yaml.SequenceNode) else None
    codes: set[int] = set()
    for item in values or []:
        text = item.value if isinstance(item, yaml.ScalarNode) else ""
        if not (text.isdigit() and int(text) in ALLOWED_STATUSES):
            values = None
            break
        codes.add(int(text))
    if not values:
        raise InputError(
            f"{shown}:{_line(node)}: 'statuses' must be a non-empty list of 403 and/or 429"
        )
    return frozenset(codes)


def _is_null(node: yaml.Node) -> bool:
    return isinstance(node, yaml.ScalarNode) and node.tag == "tag:yaml.org,2002:null"


def _line(node: yaml.Node) -> int:
    return node.start_mark.line + 1
