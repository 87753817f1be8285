"""Check URLs over HTTP and give each one a verdict.

What comes from linkcheckmd 1.4.0 and is used as it is:

- the request model of its ``coro.check_url``: an ``aiohttp.ClientSession`` that sends a
  browser User-Agent (:data:`linkcheckmd.base.USER_AGENT`), asks with GET rather than HEAD
  (HEAD draws false alarms from anti-crawler setups) and looks at the status without reading
  the body;
- its per-request timeout (:data:`linkcheckmd.coro.TIMEOUT`, 10 s) as the default.

What this module adds, because linkcheckmd's coroutine cannot be made right from outside (it
returns nothing for a 200 *and* for a timeout, and nothing but the status code otherwise):

- one shared session, a global and a per-host concurrency limit, links to the same page
  fetched once;
- redirects followed by hand (at most ``max_redirects``) so that loops are a verdict instead
  of an exception, and permanent redirects are listed with the URL to use instead;
- timeouts are failures; timeouts, connection errors, 403, 408, 425, 429 and 5xx are retried
  with exponential backoff, honouring ``Retry-After`` up to a bound;
- a per-request timeout and a whole-run deadline (unfinished links are broken, not passed);
- ``#fragment`` checks (rules in :mod:`linkcheck.fragments`): the body is streamed only when
  a fragment must be found, only up to ``max_body`` bytes, and reading stops as soon as every
  wanted id has been seen; on a GitHub blob page of a Markdown file, a fragment not seen is
  looked up among the heading ids of the raw file.
"""

from __future__ import annotations

import asyncio
import codecs
import email.utils
import os
import random
import re
import socket
import sys
import time
import traceback
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from http import HTTPStatus

import aiohttp
from aiohttp.abc import ResolveResult
from linkcheckmd import base as lcm_base
from linkcheckmd import coro as lcm_coro
from yarl import URL

from .allowlist import Allowlist
from .fragments import find_ids, github_heading_ids, github_raw_url, skip_reason, wanted_ids
from .models import ALLOWLISTED, BROKEN, OK, REDIRECT, Link, Result

PERMANENT_REDIRECTS = frozenset({301, 308})
REDIRECTS = frozenset({301, 302, 303, 307, 308})
#: Statuses that can change on their own: tried again before being reported.
RETRY_STATUSES = frozenset({403, 408, 425, 429}) | frozenset(range(500, 600))
HTML_TYPES = frozenset({"text/html", "application/xhtml+xml"})

_HOST_CHARS = re.compile(r"^[\w.-]+$|^\[[0-9a-fA-F:.]+\]$")
_OVERLAP = 4096  # characters kept between body chunks so an attribute is never cut in two


class _Resolver(aiohttp.ThreadedResolver):
    """The system resolver, except that names under ``.invalid`` fail at once, as RFC 6761
    (section 6.4) asks of resolver libraries, instead of waiting on a slow DNS server."""

    async def resolve(
        self, host: str, port: int = 0, family: socket.AddressFamily = socket.AF_INET
    ) -> list[ResolveResult]:
        name = host.rstrip(".").lower()
        if name == "invalid" or name.endswith(".invalid"):
            raise socket.gaierror(socket.EAI_NONAME, "names under .invalid never resolve")
        return await super().resolve(host, port, family)


@dataclass(frozen=True)
class CheckOptions:
    """Limits and retry policy. Defaults suit CI on GitHub; the tests pass small values."""

    timeout: float = float(lcm_coro.TIMEOUT)
    retries: int = 3
    backoff: float = 1.0
    max_retry_after: float = 60.0
    deadline: float = 600.0
    concurrency: int = 100
    per_host: int = 4
    max_redirects: int = 10
    max_body: int = 10 * 1024 * 1024
    user_agent: str = lcm_base.USER_AGENT


@dataclass
class CheckRun:
    """All results of one run."""

    results: list[Result]
    elapsed: float
    deadline_reached: bool


@dataclass
class _Attempt:
    """What one try at a page produced (after following its redirects)."""

    status: int | None = None
    error: str | None = None
    retryable: bool = False
    retry_after: float | None = None
    final_url: str | None = None
    host: str = ""
    #: (status, URL that answered with it) for every redirect followed, in order.
    hops: list[tuple[int, str]] = field(default_factory=list)
    content_type: str = ""
    ids: set[str] | None = None
    truncated: bool = False
    #: Why the body stopped before every wanted id was seen (timeout, dropped connection).
    body_error: str | None = None
    #: GitHub blob pages: the raw Markdown file asked for heading ids, and what it gave.
    source: str | None = None
    source_ids: set[str] | None = None
    source_problem: str = ""
    note: str = ""


def check_links(links: list[Link], allowlist: Allowlist, options: CheckOptions) -> CheckRun:
    """Check every link and return one :class:`Result` per link, in the order given."""
    return asyncio.run(_Checker(allowlist, options).run(links))


def malformed_reason(url: str) -> str | None:
    """Why ``url`` cannot be requested at all, or ``None`` if it is a usable http(s) URL."""
    try:
        parsed = URL(url)
        parsed.port  # noqa: B018 - raises for an out-of-range port
    except (ValueError, TypeError) as exc:
        return f"malformed URL: {exc}"
    if parsed.scheme not in ("http", "https"):
        return "malformed URL: only http and https are checked"
    host = parsed.raw_host or ""
    if not host:
        return "malformed URL: no host name"
    if not _HOST_CHARS.match(host) or ".." in host or host.startswith("."):
        return f"malformed URL: invalid host name {parsed.host!r}"
    return None


def parse_retry_after(value: str | None) -> float | None:
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return max(0.0, (when - datetime.now(UTC)).total_seconds())


def _status_text(status: int) -> str:
    try:
        return f"{status} {HTTPStatus(status).phrase}"
    except ValueError:
        return str(status)


def _split(url: str) -> tuple[str, str]:
    """The page URL and the fragment (raw, without ``#``)."""
    page, _, fragment = url.partition("#")
    return page, fragment


class _Checker:
    """One run: the shared session, the limits and the deadline."""

    def __init__(self, allowlist: Allowlist, options: CheckOptions) -> None:
        self.allowlist = allowlist
        self.options = options
        self.deadline_at = 0.0
        self._global: asyncio.Semaphore | None = None
        self._hosts: dict[str, asyncio.Semaphore] = {}
        self._session: aiohttp.ClientSession | None = None

    async def run(self, links: list[Link]) -> CheckRun:
        started = time.monotonic()
        self.deadline_at = started + self.options.deadline
        self._global = asyncio.Semaphore(self.options.concurrency)
        results: dict[str, Result] = {}
        pages: dict[str, list[Link]] = defaultdict(list)
        for link in links:
            reason = malformed_reason(link.url)
            if reason:
                results[link.url] = Result(link.url, BROKEN, None, reason)
            else:
                pages[_split(link.url)[0]].append(link)

        connector = aiohttp.TCPConnector(
            limit=self.options.concurrency, ttl_dns_cache=300, resolver=_Resolver()
        )
        headers = {
            "User-Agent": self.options.user_agent,
            "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8",
            "Accept-Language": "ko-KR,ko;q=0.9,en-US;q=0.8,en;q=0.7",
        }
        deadline_reached = False
        async with aiohttp.ClientSession(
            connector=connector,
            headers=headers,
            timeout=aiohttp.ClientTimeout(total=None),
            max_line_size=65536,
            max_field_size=65536,
        ) as session:
            self._session = session
            tasks = {
                asyncio.create_task(self._check_page(page, group)): group
                for page, group in pages.items()
            }
            if tasks:
                done, pending = await asyncio.wait(tasks, timeout=self.options.deadline)
                for task in done:
                    if task.exception() is None:
                        results.update((result.url, result) for result in task.result())
                        continue
                    # A bug must not cost the other links their check (or pass this one).
                    error = task.exception()
                    traceback.print_exception(error, file=sys.stderr)
                    for link in tasks[task]:
                        reason = f"checker error: {type(error).__name__}: {error}"
                        results[link.url] = Result(link.url, BROKEN, None, reason)
                for task in pending:
                    task.cancel()
                    deadline_reached = True
                    for link in tasks[task]:
                        results[link.url] = Result(
                            link.url,
                            BROKEN,
                            None,
                            f"not finished within the run deadline of {self.options.deadline:g} s",
                        )
                if pending:
                    await asyncio.wait(pending)
        ordered = []
        for link in links:
            result = results[link.url]
            result.locations = list(link.locations)
            ordered.append(result)
        return CheckRun(ordered, time.monotonic() - started, deadline_reached)

    async def _check_page(self, page: str, links: list[Link]) -> list[Result]:
        """Fetch one page (with retries) and judge every link that points into it."""
        page_url = URL(page)
        wanted: dict[str, set[str]] = {}
        for link in links:
            fragment = _split(link.url)[1]
            if skip_reason(page_url, fragment) is None:
                wanted[link.url] = wanted_ids(fragment)
        attempt, tries = await self._fetch_with_retries(page, list(wanted.values()))
        seen = attempt.ids or set()
        raw = github_raw_url(attempt.final_url or page)
        if raw and attempt.ids is not None and any(not names & seen for names in wanted.values()):
            # Not on GitHub's rendered page: ask the Markdown source, as GitHub slugs it.
            text, problem = await self._fetch_text(raw)
            attempt.source = raw
            attempt.source_ids = github_heading_ids(text) if text is not None else None
            attempt.source_problem = problem
        return [self._judge(link, attempt, tries, wanted.get(link.url)) for link in links]

    async def _fetch_text(self, url: str) -> tuple[str | None, str]:
        """One GET of a text file (up to ``max_body`` bytes), or why it failed."""
        assert self._session is not None and self._global is not None
        target = URL(url)
        try:
            async with self._host_limit(target.host), self._global:
                async with asyncio.timeout(self.options.timeout):
                    async with self._session.get(target) as response:
                        if response.status != 200:
                            return None, _status_text(response.status)
                        data = bytearray()
                        async for chunk in response.content.iter_chunked(64 * 1024):
                            data += chunk[: self.options.max_body - len(data)]
                            if len(data) >= self.options.max_body:
                                break
                        return data.decode(response.charset or "utf-8", errors="replace"), ""
        except TimeoutError:
            return None, f"no answer within {self.options.timeout:g} s"
        except (aiohttp.ClientError, LookupError) as exc:
            return None, f"{type(exc).__name__}: {exc}"

    def _host_limit(self, host: str | None) -> asyncio.Semaphore:
        return self._hosts.setdefault(host or "", asyncio.Semaphore(self.options.per_host))

    async def _fetch_with_retries(self, page: str, wanted: list[set[str]]) -> tuple[_Attempt, int]:
        tries = 0
        while True:
            tries += 1
            attempt = await self._fetch(page, wanted)
            if not attempt.retryable or tries > self.options.retries:
                return attempt, tries
            delay = self.options.backoff * 2 ** (tries - 1) * random.uniform(0.75, 1.25)
            if attempt.retry_after is not None:
                if attempt.retry_after > self.options.max_retry_after:
                    attempt.note = (
                        f"Retry-After {attempt.retry_after:g} s is over the "
                        f"{self.options.max_retry_after:g} s bound"
                    )
                    return attempt, tries
                delay = attempt.retry_after
            if time.monotonic() + delay >= self.deadline_at:
                attempt.note = "no time left before the run deadline for another try"
                return attempt, tries
            await asyncio.sleep(delay)

    async def _fetch(self, page: str, wanted: list[set[str]]) -> _Attempt:
        """One try: GET the page, following up to ``max_redirects`` redirects by hand."""
        attempt = _Attempt()
        current = URL(page)
        seen = [str(current)]
        try:
            for _ in range(self.options.max_redirects + 1):
                attempt.host = current.host or ""
                target = await self._get(current, wanted, attempt)
                if target is None:
                    attempt.final_url = str(current)
                    return attempt
                if target.scheme not in ("http", "https"):
                    attempt.error = f"redirects to a non-HTTP URL: {target}"
                    return attempt
                current = target
                seen.append(str(current))
            attempt.final_url = str(current)
            repeat = next((n for n, url in enumerate(seen) if url in seen[:n]), None)
            if repeat is not None:
                cycle = seen[seen.index(seen[repeat]) : repeat + 1]
                attempt.error = f"redirect loop: {' → '.join(cycle)}"
            else:
                attempt.error = f"more than {self.options.max_redirects} redirects"
        except TimeoutError:
            if attempt.ids is not None:
                # The page answered 2xx; the ids seen before the timeout still count.
                attempt.body_error = f"body not complete within {self.options.timeout:g} s"
                attempt.final_url = str(current)
            else:
                attempt.error = f"no answer within {self.options.timeout:g} s (timeout)"
            attempt.retryable = True
        except aiohttp.ClientSSLError as exc:
            attempt.error = f"TLS error: {exc}"
        except aiohttp.ClientConnectorDNSError:
            attempt.error = f"DNS lookup failed: host {current.host} not found"
            attempt.retryable = True
        except aiohttp.ClientConnectorError as exc:
            errno = exc.os_error.errno
            why = os.strerror(errno) if errno else str(exc.os_error)
            attempt.error = f"cannot connect to {current.host}:{current.port}: {why}"
            attempt.retryable = True
        except aiohttp.ClientError as exc:
            problem = f"connection error: {type(exc).__name__}: {exc}"
            if attempt.ids is not None:
                attempt.body_error = problem
                attempt.final_url = str(current)
            else:
                attempt.error = problem
            attempt.retryable = True
        except (ValueError, UnicodeError) as exc:
            attempt.error = f"malformed redirect target: {exc}"
        return attempt

    async def _get(self, url: URL, wanted: list[set[str]], attempt: _Attempt) -> URL | None:
        """One request. Returns the redirect target, or ``None`` once a final answer is in."""
        assert self._session is not None and self._global is not None
        # Host slot first: a task queued behind a busy host must not hold a global slot.
        async with self._host_limit(url.host), self._global:
            attempt.status = None
            async with asyncio.timeout(self.options.timeout):
                async with self._session.get(url, allow_redirects=False) as response:
                    attempt.status = response.status
                    location = response.headers.get("Location")
                    if response.status in REDIRECTS and location:
                        attempt.hops.append((response.status, str(url)))
                        return url.join(URL(location))
                    attempt.retryable = response.status in RETRY_STATUSES
                    attempt.retry_after = parse_retry_after(response.headers.get("Retry-After"))
                    attempt.content_type = response.content_type
                    needs_body = wanted and 200 <= response.status < 300
                    if needs_body and response.content_type in HTML_TYPES:
                        await self._scan(response, wanted, attempt)
                    return None

    async def _scan(
        self, response: aiohttp.ClientResponse, wanted: list[set[str]], attempt: _Attempt
    ) -> None:
        """Stream the body, collecting ids, until every wanted id is seen or ``max_body``."""
        charset = response.charset or "utf-8"
        try:
            decoder = codecs.getincrementaldecoder(charset)(errors="replace")
        except LookupError:
            decoder = codecs.getincrementaldecoder("utf-8")(errors="replace")
        ids: set[str] = set()
        attempt.ids = ids
        tail = ""
        received = 0
        async for chunk in response.content.iter_chunked(64 * 1024):
            chunk = chunk[: self.options.max_body - received]
            received += len(chunk)
            text = tail + decoder.decode(chunk)
            ids.update(find_ids(text))
            tail = text[-_OVERLAP:]
            if all(names & ids for names in wanted):
                return
            if received >= self.options.max_body:
                attempt.truncated = True
                return

    def _judge(self, link: Link, attempt: _Attempt, tries: int, wanted: set[str] | None) -> Result:
        """Turn one page attempt into the verdict for one link into that page."""
        after = f" after {tries} tries" if tries > 1 else ""
        note = f" ({attempt.note})" if attempt.note else ""
        status = attempt.status
        if attempt.error:
            return Result(
                link.url, BROKEN, status, f"{attempt.error}{after}{note}", attempt.final_url
            )
        assert status is not None
        final_url = attempt.final_url
        if not 200 <= status < 300:
            reason = _status_text(status)
            if status in (403, 429):
                reason += f" from {attempt.host}{after}{note}"
                entry = self.allowlist.find(attempt.host, status)
                if entry:
                    reason += f"; allowlisted: {entry.reason}"
                    return Result(link.url, ALLOWLISTED, status, reason, final_url)
                return Result(
                    link.url, BROKEN, status, f"{reason}; host not in the allowlist", final_url
                )
            return Result(link.url, BROKEN, status, f"{reason}{after}{note}", final_url)

        reason = _status_text(status) + after
        if attempt.hops:
            codes = ", ".join(str(code) for code, _ in attempt.hops)
            reason += f" via {len(attempt.hops)} redirect{'s' if len(attempt.hops) > 1 else ''}"
            reason += f" ({codes})"
        fragment = _split(link.url)[1]
        if wanted is not None:
            if attempt.content_type not in HTML_TYPES:
                reason += f"; #fragment not checked on a {attempt.content_type} page"
            elif attempt.ids is not None and wanted & attempt.ids:
                reason += f"; #{fragment} found"
            elif attempt.source_ids is not None and wanted & attempt.source_ids:
                reason += f"; #{fragment} found among the headings of {attempt.source}"
            else:
                if attempt.body_error:
                    missing = f"before the page stopped: {attempt.body_error}{after}"
                elif attempt.truncated:
                    missing = f"in the first {self.options.max_body // 1024} KiB of the page"
                else:
                    missing = "on the page (no id or name attribute, GitHub user-content- too)"
                if attempt.source_ids is not None:
                    missing += f" nor among the headings of {attempt.source}"
                elif attempt.source:
                    missing += f"; {attempt.source} could not be read: {attempt.source_problem}"
                return Result(
                    link.url, BROKEN, status, f"#{fragment} not found {missing}", final_url
                )
        suggested = _suggestion(link.url, attempt.hops, final_url)
        if suggested:
            return Result(
                link.url,
                REDIRECT,
                status,
                f"{reason}; permanent redirect",
                final_url,
                suggested,
            )
        return Result(link.url, OK, status, reason, final_url)


def _suggestion(url: str, hops: Iterable[tuple[int, str]], final_url: str | None) -> str | None:
    """The URL to write instead: where the leading run of permanent redirects ends."""
    hops = list(hops)
    if not hops or hops[0][0] not in PERMANENT_REDIRECTS:
        return None
    permanent = 0
    while permanent < len(hops) and hops[permanent][0] in PERMANENT_REDIRECTS:
        permanent += 1
    target = hops[permanent][1] if permanent < len(hops) else final_url
    if target is None:
        return None
    fragment = _split(url)[1]
    if fragment and "#" not in target:
        target += "#" + fragment
    return target
