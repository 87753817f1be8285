"""Data passed between extraction, checking and reporting."""

from __future__ import annotations

from dataclasses import dataclass, field

#: A reachable page (2xx, fragment present when one was asked for).
OK = "ok"
#: Reachable, but through a permanent redirect (301/308): update the link.
REDIRECT = "redirect"
#: 403/429 after retries from a host listed in the reviewed allowlist file.
ALLOWLISTED = "allowlisted"
#: Anything a reader would not reach: 4xx/5xx, network errors, timeouts, loops, missing fragment.
BROKEN = "broken"

VERDICTS = (OK, REDIRECT, ALLOWLISTED, BROKEN)


class InputError(Exception):
    """Bad usage or input (missing path, unreadable file, malformed allowlist): exit code 2.

    The message is meant for a person and already names the file (and line where it applies).
    """


@dataclass(frozen=True, order=True)
class Location:
    """Where a URL is written: a file path as shown to the user and a 1-based line."""

    file: str
    line: int


@dataclass
class Link:
    """One unique URL (exactly as written in the Markdown) and every place it appears."""

    url: str
    locations: list[Location] = field(default_factory=list)


@dataclass
class Result:
    """The verdict for one unique URL."""

    url: str
    verdict: str
    status: int | None
    reason: str
    final_url: str | None = None
    #: The URL to write instead, for permanent redirects.
    suggested_url: str | None = None
    locations: list[Location] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        """True when the link needs no fix (ok, redirect, allowlisted)."""
        return self.verdict != BROKEN
