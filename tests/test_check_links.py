"""The external link check (scripts/check_links.py), run as a maintainer or CI runs it.

Every test runs the real script as a subprocess against pages that link to a misbehaving
fixture server on 127.0.0.1 (tests/linkcheck_server.py); nothing here touches the internet.
Small limits (--timeout 1, --backoff 0.05 …) keep the whole module to a few seconds per run.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from linkcheckmd.base import USER_AGENT
from yarl import URL

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "scripts"))
from linkcheck import fragments  # scripts/linkcheck, the script's own package
from linkcheck.allowlist import load_allowlist
from linkcheck.models import InputError
from linkcheck_server import BIG_BODY, FixtureServer, closed_port

ROOT = Path(__file__).resolve().parent.parent
SCRIPT = ROOT / "scripts" / "check_links.py"
CORPUS = Path(__file__).resolve().parent / "fixtures" / "links" / "docs"
FAST = [
    "--timeout", "1",
    "--retries", "2",
    "--backoff", "0.05",
    "--max-retry-after", "2",
    "--max-body", "262144",
    "--deadline", "30",
]  # fmt: skip

INDEX, HTTP = "docs/index.md", "docs/network/http.md"
FRAGMENTS, KOREAN = "docs/network/deep/fragments.md", "docs/network/deep/한글-파일.md"

#: path on the fixture server -> (verdict, status, part of the reason, locations)
EXPECTED: dict[str, tuple[str, int | None, str, list[tuple[str, int]]]] = {
    "/ok": ("ok", 200, "200 OK", [(INDEX, 7)]),
    "/ok/image.png": ("ok", 200, "200 OK", [(INDEX, 7)]),
    "/204": ("ok", 204, "204 No Content", [(INDEX, 8)]),
    "/slow/bare": ("ok", 200, "200 OK", [(INDEX, 8)]),
    "/dup": ("ok", 200, "200 OK", [(INDEX, 10), (INDEX, 11), (KOREAN, 3), (HTTP, 16)]),
    "/head-405": ("ok", 200, "200 OK", [(INDEX, 13)]),
    "/robots-403": ("ok", 200, "200 OK", [(INDEX, 16)]),
    "/503-once": ("ok", 200, "200 OK after 2 tries", [(INDEX, 24)]),
    "/page.html#present": ("ok", 200, "#present found", [(FRAGMENTS, 5)]),
    "/page.html#legacy-name": ("ok", 200, "#legacy-name found", [(FRAGMENTS, 6)]),
    "/page.html#http%EC%99%80-https": ("ok", 200, "found", [(FRAGMENTS, 7)]),
    "/page.html#user-content-http%EC%99%80-https": ("ok", 200, "found", [(FRAGMENTS, 8)]),
    "/page.html#json-heading": ("ok", 200, "#json-heading found", [(FRAGMENTS, 9)]),
    "/page.html#missing": ("broken", 200, "#missing not found on the page", [(FRAGMENTS, 10)]),
    "/page.html#user-content-nope": (
        "broken",
        200,
        "#user-content-nope not found on the page",
        [(FRAGMENTS, 11)],
    ),
    "/drip/page#early": ("ok", 200, "#early found", [(FRAGMENTS, 15)]),
    "/drip/page#late": (
        "broken",
        200,
        "#late not found before the page stopped: body not complete within 1 s after 3 tries",
        [(FRAGMENTS, 16)],
    ),
    "/big/page#nowhere": (
        "broken",
        200,
        "#nowhere not found in the first 256 KiB of the page",
        [(FRAGMENTS, 20)],
    ),
    "/%EB%AC%B8%EC%84%9C/%ED%95%9C%EA%B8%80-%EA%B2%BD%EB%A1%9C": (
        "ok",
        200,
        "200 OK",
        [(FRAGMENTS, 22)],
    ),
    "/문서/한글-경로": ("ok", 200, "200 OK", [(FRAGMENTS, 23)]),
    "/404": ("broken", 404, "404 Not Found", [(HTTP, 3)]),
    "/410": ("broken", 410, "410 Gone", [(HTTP, 4)]),
    "/500": ("broken", 500, "500 Internal Server Error after 3 tries", [(HTTP, 5)]),
    "/429-once": ("ok", 200, "200 OK after 2 tries", [(HTTP, 6)]),
    "/429-long": (
        "broken",
        429,
        "429 Too Many Requests from 127.0.0.1 (Retry-After 3600 s is over the 2 s bound); "
        "host not in the allowlist",
        [(HTTP, 7)],
    ),
    "/forbidden": (
        "broken",
        403,
        "403 Forbidden from 127.0.0.1 after 3 tries; host not in the allowlist",
        [(HTTP, 8)],
    ),
    "/301": ("redirect", 200, "200 OK via 1 redirect (301); permanent redirect", [(HTTP, 9)]),
    "/302": ("ok", 200, "200 OK via 1 redirect (302)", [(HTTP, 10)]),
    "/chain/1": (
        "redirect",
        200,
        "200 OK via 3 redirects (301, 308, 302); permanent redirect",
        [(HTTP, 11)],
    ),
    "/loop/a": ("broken", 302, "redirect loop: ", [(HTTP, 12)]),
    "/never": ("broken", None, "no answer within 1 s (timeout) after 3 tries", [(HTTP, 13)]),
    "CLOSED/ok": ("broken", None, "Connection refused after 3 tries", [(HTTP, 14)]),
    "http://no-such-host.invalid/": (
        "broken",
        None,
        "DNS lookup failed: host no-such-host.invalid not found after 3 tries",
        [(HTTP, 15)],
    ),
    "/slow": ("ok", 200, "200 OK", [(HTTP, 19)]),
    "/drip": ("ok", 200, "200 OK", [(HTTP, 22)]),
    "/big": ("ok", 200, "200 OK", [(HTTP, 23)]),
}


@dataclass
class Run:
    """One finished run of the script."""

    code: int
    stdout: str
    stderr: str
    seconds: float
    report: dict[str, Any] | None

    def link(self, url: str) -> dict[str, Any]:
        return next(link for link in (self.report or {})["links"] if link["url"] == url)


@dataclass
class CorpusRun:
    """The run over the whole fixture corpus, with what the server saw during it."""

    run: Run
    base: str
    closed: str
    hits: Counter[str]
    bytes_sent: Counter[str]
    user_agents: list[str]

    def url(self, key: str) -> str:
        if key.startswith("CLOSED"):
            return self.closed + key[len("CLOSED") :]
        return key if key.startswith("http") else self.base + key


def run_check(*args: str, cwd: Path, env: dict[str, str] | None = None) -> Run:
    """Run ``python scripts/check_links.py ARGS`` in ``cwd``; read ``--json`` if given."""
    clean = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    clean["PYTHONIOENCODING"] = "utf-8"
    started = time.monotonic()
    proc = subprocess.run(
        [sys.executable, str(SCRIPT), *args],
        cwd=cwd,
        env={**clean, **(env or {})},
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        check=False,
    )
    seconds = time.monotonic() - started
    report = None
    if "--json" in args:
        out = cwd / args[args.index("--json") + 1]
        if out.exists():
            report = json.loads(out.read_text(encoding="utf-8"))
    return Run(proc.returncode, proc.stdout, proc.stderr, seconds, report)


def write_pages(folder: Path, pages: dict[str, str]) -> Path:
    """Write Markdown pages (relative path -> text) under ``folder/docs``."""
    docs = folder / "docs"
    for name, text in pages.items():
        page = docs / name
        page.parent.mkdir(parents=True, exist_ok=True)
        page.write_text(text, encoding="utf-8")
    return docs


@pytest.fixture(scope="module")
def link_server() -> Any:
    server = FixtureServer().start()
    yield server
    server.stop()


@pytest.fixture(scope="module")
def corpus_run(link_server: FixtureServer, tmp_path_factory: pytest.TempPathFactory) -> CorpusRun:
    folder = tmp_path_factory.mktemp("corpus")
    shutil.copytree(CORPUS, folder / "docs")
    closed = f"http://127.0.0.1:{closed_port()}"
    for page in (folder / "docs").rglob("*.md"):
        text = page.read_text(encoding="utf-8")
        text = text.replace("{{BASE}}", link_server.base).replace("{{CLOSED}}", closed)
        page.write_text(text, encoding="utf-8")
    link_server.reset()
    run = run_check("docs", "--json", "report.json", *FAST, cwd=folder)
    with link_server.lock:
        return CorpusRun(
            run,
            link_server.base,
            closed,
            Counter(link_server.hits),
            Counter(link_server.bytes_sent),
            list(link_server.user_agents),
        )


@pytest.fixture
def server(link_server: FixtureServer) -> FixtureServer:
    link_server.reset()
    return link_server


# --- the fixture corpus: every verdict, location and request ---------------------------------


def test_every_fixture_link_gets_exactly_the_expected_verdict(corpus_run: CorpusRun) -> None:
    report = corpus_run.run.report
    assert report is not None, corpus_run.run.stderr
    got = {link["url"]: (link["verdict"], link["status"]) for link in report["links"]}
    want = {corpus_run.url(key): (v[0], v[1]) for key, v in EXPECTED.items()}
    assert got == want
    for key, (_, _, reason, _) in EXPECTED.items():
        assert reason in corpus_run.run.link(corpus_run.url(key))["reason"], key


def test_every_link_syntax_is_found_on_its_file_and_line(corpus_run: CorpusRun) -> None:
    for key, (*_, locations) in EXPECTED.items():
        got = corpus_run.run.link(corpus_run.url(key))["locations"]
        assert [(loc["file"], loc["line"]) for loc in got] == locations, key


def test_dead_link_is_reported_with_file_and_line(corpus_run: CorpusRun) -> None:
    out = corpus_run.run.stdout
    assert corpus_run.run.code == 1
    section = out[out.index(f"{HTTP}\n") :]
    assert f"      3  broken          404  {corpus_run.base}/404" in section
    assert "404 Not Found" in section.splitlines()[2]


def test_json_report_lists_every_checked_url_in_the_documented_schema(
    corpus_run: CorpusRun,
) -> None:
    report = corpus_run.run.report
    assert report is not None
    assert set(report) == {"links", "summary"}
    assert len(report["links"]) == len(EXPECTED)
    for link in report["links"]:
        assert set(link) == {
            "url",
            "ok",
            "verdict",
            "status",
            "reason",
            "final_url",
            "locations",
        }
        assert link["ok"] is (link["verdict"] != "broken")
        assert link["status"] is None or isinstance(link["status"], int)
        assert all(set(loc) == {"file", "line"} for loc in link["locations"])
    verdicts = Counter(link["verdict"] for link in report["links"])
    assert report["summary"] == {
        "urls": len(EXPECTED),
        "locations": sum(len(v[3]) for v in EXPECTED.values()),
        "files": 4,
        "ok": verdicts["ok"],
        "redirect": 2,
        "allowlisted": 0,
        "broken": verdicts["broken"],
        "elapsed_seconds": report["summary"]["elapsed_seconds"],
        "deadline_reached": False,
    }
    assert f"{len(EXPECTED)} URLs checked" in corpus_run.run.stdout


def test_permanent_redirect_is_ok_but_listed_with_the_url_to_use(corpus_run: CorpusRun) -> None:
    base = corpus_run.base
    moved = corpus_run.run.link(f"{base}/301")
    assert moved["ok"] is True
    assert moved["final_url"] == f"{base}/ok"
    assert moved["reason"].endswith(f"update the link to {base}/ok")
    # 301 -> 308 -> 302: the link should point where the permanent part of the chain ends.
    chain = corpus_run.run.link(f"{base}/chain/1")
    assert chain["reason"].endswith(f"update the link to {base}/chain/3")
    assert f"↳ use {base}/chain/3" in corpus_run.run.stdout
    assert corpus_run.run.link(f"{base}/302")["verdict"] == "ok"


def test_each_url_is_requested_once_and_reported_with_all_its_places(
    corpus_run: CorpusRun,
) -> None:
    assert corpus_run.hits["/dup"] == 1
    # Seven links into one page: one request, every fragment looked up in the same body.
    assert corpus_run.hits["/page.html"] == 1


def test_links_in_code_and_front_matter_are_never_requested(corpus_run: CorpusRun) -> None:
    report = corpus_run.run.report
    assert report is not None
    urls = " ".join(link["url"] for link in report["links"])
    for path in ("/code-span", "/code-block", "/code-block-link", "/indented-code", "/front"):
        assert path not in urls
        assert not any(hit.startswith(path) for hit in corpus_run.hits)


def test_failures_are_confirmed_by_retries_and_definite_answers_are_not(
    corpus_run: CorpusRun,
) -> None:
    hits = corpus_run.hits
    assert (hits["/500"], hits["/never"], hits["/forbidden"]) == (3, 3, 3)
    assert (hits["/503-once"], hits["/429-once"]) == (2, 2)
    assert (hits["/404"], hits["/410"], hits["/429-long"]) == (1, 1, 1)


def test_requests_carry_linkcheckmd_browser_user_agent(corpus_run: CorpusRun) -> None:
    assert corpus_run.user_agents
    assert set(corpus_run.user_agents) == {USER_AGENT}


def test_fifty_megabyte_body_is_not_downloaded(corpus_run: CorpusRun) -> None:
    # No fragment: the body is never read (what the server sent is what the sockets buffer).
    assert corpus_run.bytes_sent["/big"] < 2 * 1024 * 1024
    # A fragment: read up to --max-body (256 KiB) and stop.
    assert corpus_run.bytes_sent["/big/page"] < 4 * 1024 * 1024
    assert corpus_run.bytes_sent["/big"] + corpus_run.bytes_sent["/big/page"] < BIG_BODY / 10


def test_slow_pages_do_not_hold_up_the_run(corpus_run: CorpusRun) -> None:
    # Retries of the never-answering and dripping pages run side by side with everything else:
    # about three 1 s timeouts in a row, plus start-up.
    assert corpus_run.run.seconds < 15
    assert corpus_run.run.report is not None
    assert corpus_run.run.report["summary"]["elapsed_seconds"] < 8


# --- exit codes, deadline, limits ------------------------------------------------------------


def test_exit_code_is_0_when_every_link_is_fine(server: FixtureServer, tmp_path: Path) -> None:
    write_pages(tmp_path, {"a.md": f"[ok]({server.base}/ok)\n[moved]({server.base}/301)\n"})
    run = run_check("docs", *FAST, cwd=tmp_path)
    assert run.code == 0, run.stdout + run.stderr
    assert "2 URLs checked (2 places in 1 files)" in run.stdout
    assert "1 ok, 1 permanent redirects, 0 allowlisted, 0 broken" in run.stdout


def test_never_answering_server_fails_the_run_within_its_deadline(
    server: FixtureServer, tmp_path: Path
) -> None:
    write_pages(tmp_path, {"a.md": f"[ok]({server.base}/ok) [never]({server.base}/never)\n"})
    args = ["docs", "--json", "r.json", "--timeout", "60", "--deadline", "2"]
    run = run_check(*args, cwd=tmp_path)
    assert run.code == 1
    assert run.seconds < 10
    assert run.report is not None
    never = run.link(f"{server.base}/never")
    assert never["verdict"] == "broken"
    assert never["reason"] == "not finished within the run deadline of 2 s"
    assert run.link(f"{server.base}/ok")["verdict"] == "ok"
    assert run.report["summary"]["deadline_reached"] is True
    assert "run deadline reached" in run.stdout


def test_per_host_limit_is_respected(server: FixtureServer, tmp_path: Path) -> None:
    links = "\n".join(f"- [slow {n}]({server.base}/slow/{n})" for n in range(8))
    write_pages(tmp_path, {"a.md": links + "\n"})
    run = run_check("docs", *FAST, "--per-host", "2", cwd=tmp_path)
    assert run.code == 0, run.stdout
    assert server.max_in_flight["/slow"] == 2
    assert run.seconds > 4 * 0.3  # 8 slow pages, 2 at a time


def test_one_markdown_file_can_be_checked_on_its_own(server: FixtureServer, tmp_path: Path) -> None:
    docs = write_pages(
        tmp_path, {"a.md": f"<{server.base}/404>\n", "b.md": f"<{server.base}/ok>\n"}
    )
    run = run_check(str(docs / "b.md"), cwd=tmp_path)
    assert run.code == 0
    assert "1 URLs checked (1 places in 1 files)" in run.stdout


def test_allowlisted_host_403_is_ok_and_shows_the_reviewed_reason(
    server: FixtureServer, tmp_path: Path
) -> None:
    write_pages(tmp_path, {"a.md": f"[blocked]({server.base}/forbidden)\n"})
    allow = tmp_path / "allow.yml"
    allow.write_text(
        "hosts:\n"
        "  - host: 127.0.0.1\n"
        "    reason: 봇 차단, 브라우저에서 확인함\n"
        "    statuses: [403]\n",
        encoding="utf-8",
    )
    run = run_check("docs", "--json", "r.json", "--allowlist", "allow.yml", *FAST, cwd=tmp_path)
    assert run.code == 0, run.stdout
    link = run.link(f"{server.base}/forbidden")
    assert (link["verdict"], link["status"], link["ok"]) == ("allowlisted", 403, True)
    assert link["reason"].endswith("allowlisted: 봇 차단, 브라우저에서 확인함")


def test_github_actions_run_gets_annotations_and_a_job_summary(
    server: FixtureServer, tmp_path: Path
) -> None:
    page = f"# 제목\n\n[없음]({server.base}/404)\n[이동]({server.base}/301)\n"
    write_pages(tmp_path, {"네트워크/a.md": page})
    summary = tmp_path / "summary.md"
    env = {"GITHUB_ACTIONS": "true", "GITHUB_STEP_SUMMARY": str(summary)}
    run = run_check("docs", *FAST, cwd=tmp_path, env=env)
    assert run.code == 1
    lines = run.stdout.splitlines()
    assert (
        f"::error file=docs/네트워크/a.md,line=3,title=Broken link::{server.base}/404 — "
        "404 Not Found"
    ) in lines
    assert any(
        line.startswith("::warning file=docs/네트워크/a.md,line=4,title=Permanent redirect::")
        for line in lines
    )
    table = summary.read_text(encoding="utf-8")
    assert "| File:line | URL | Verdict | Status | Reason |" in table
    assert f"| `docs/네트워크/a.md:3` | {server.base}/404 | broken | 404 | 404 Not Found |" in table


def test_markdown_report_for_the_tracking_issue_lists_what_to_fix(
    server: FixtureServer, tmp_path: Path
) -> None:
    write_pages(tmp_path, {"a.md": f"[없음]({server.base}/410)\n[ok]({server.base}/ok)\n"})
    run = run_check("docs", "--markdown", "issue.md", *FAST, cwd=tmp_path)
    assert run.code == 1
    body = (tmp_path / "issue.md").read_text(encoding="utf-8")
    assert "2 URLs checked" in body
    assert f"{server.base}/410 | broken | 410 | 410 Gone" in body
    assert f"{server.base}/ok |" not in body


# --- bad input: clear message, exit code 2 (a broken link in the input: 1), no traceback -----


def test_missing_folder_is_a_usage_error(tmp_path: Path) -> None:
    run = run_check("no-such-docs", cwd=tmp_path)
    assert run.code == 2
    assert run.stderr == "check_links.py: error: no-such-docs: no such file or folder\n"


def test_empty_docs_folder_is_a_usage_error_not_a_silent_pass(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    run = run_check("docs", cwd=tmp_path)
    assert run.code == 2
    assert "docs: no Markdown (.md) files in this folder" in run.stderr
    assert "Traceback" not in run.stderr


def test_non_markdown_file_is_a_usage_error(tmp_path: Path) -> None:
    (tmp_path / "notes.txt").write_text("https://example.invalid/\n", encoding="utf-8")
    run = run_check("notes.txt", cwd=tmp_path)
    assert (run.code, run.stderr) == (
        2,
        "check_links.py: error: notes.txt: not a Markdown (.md) file\n",
    )


def test_non_utf8_page_is_named_with_its_line(tmp_path: Path) -> None:
    docs = write_pages(tmp_path, {"good.md": "# 좋은 페이지\n"})
    (docs / "bad.md").write_bytes("# 제목\n\n잘못된 ".encode() + "인코딩".encode("euc-kr") + b"\n")
    run = run_check("docs", cwd=tmp_path)
    assert run.code == 2
    assert "docs/bad.md:3: not valid UTF-8 (byte 0xc0 at column 5)" in run.stderr
    assert "Traceback" not in run.stderr
    assert run.stdout == ""  # nothing was checked


def test_malformed_url_is_a_broken_link_with_its_line(tmp_path: Path) -> None:
    page = '# 잘못된 주소\n\n[IPv6](http://[::1)\n<a href="https://exa mple.com/">공백</a>\n'
    write_pages(tmp_path, {"a.md": page})
    run = run_check("docs", "--json", "r.json", *FAST, cwd=tmp_path)
    assert run.code == 1
    assert "Traceback" not in run.stderr
    ipv6 = run.link("http://[::1")
    assert (ipv6["verdict"], ipv6["status"]) == ("broken", None)
    assert ipv6["reason"].startswith("malformed URL: ")
    assert ipv6["locations"] == [{"file": "docs/a.md", "line": 3}]
    spaced = run.link("https://exa mple.com/")
    assert spaced["reason"] == "malformed URL: invalid host name 'exa mple.com'"
    assert spaced["locations"] == [{"file": "docs/a.md", "line": 4}]


def test_page_without_external_links_passes_and_says_so(tmp_path: Path) -> None:
    write_pages(tmp_path, {"a.md": "# 제목\n\n[내부](b.md) `https://code.example/`\n"})
    run = run_check("docs", cwd=tmp_path)
    assert run.code == 0
    assert "0 URLs checked (0 places in 1 files)" in run.stdout


def test_bad_option_value_is_a_usage_error(tmp_path: Path) -> None:
    run = run_check("--timeout", "-1", cwd=tmp_path)
    assert run.code == 2
    assert "--timeout: must be at least 0.001: '-1'" in run.stderr


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("hosts:\n  - host: medium.com\n    reason: [unclosed\n", "allow.yml:4: YAML syntax error"),
        ("hosts:\n  - host: medium.com\n", "allow.yml:2: entry has no 'reason'"),
        ("hosts:\n  - host: a.com\n    reason: ''\n", "allow.yml:3: 'reason' must be a non-empty"),
        (
            "hosts:\n  - host: https://medium.com/\n    reason: x\n",
            "allow.yml:2: host must be a bare host name",
        ),
        ("hosts:\n  - host: a.com\n    reasn: typo\n", "allow.yml:3: unknown key 'reasn'"),
        (
            "hosts:\n  - host: a.com\n    reason: x\n    statuses: [404]\n",
            "allow.yml:4: 'statuses' must be a non-empty list of 403 and/or 429",
        ),
        (
            "hosts:\n  - host: a.com\n    reason: x\n  - host: a.com\n    reason: y\n",
            "allow.yml:4: host a.com is already listed on line 2",
        ),
        ("- host: a.com\n", "allow.yml:1: expected a mapping with a 'hosts:' list"),
    ],
)
def test_malformed_allowlist_is_rejected_naming_file_and_line(
    tmp_path: Path, text: str, message: str
) -> None:
    (tmp_path / "allow.yml").write_text(text, encoding="utf-8")
    with pytest.raises(InputError) as error:
        load_allowlist(tmp_path / "allow.yml", "allow.yml")
    assert str(error.value).startswith(message)


def test_malformed_allowlist_stops_the_check_before_any_request(
    server: FixtureServer, tmp_path: Path
) -> None:
    write_pages(tmp_path, {"a.md": f"<{server.base}/ok>\n"})
    (tmp_path / "allow.yml").write_text("hosts:\n  - host: a.com\n", encoding="utf-8")
    run = run_check("docs", "--allowlist", "allow.yml", cwd=tmp_path)
    assert (run.code, run.stdout) == (2, "")
    assert run.stderr == "check_links.py: error: allow.yml:2: entry has no 'reason'\n"
    assert not server.hits


def test_missing_allowlist_file_is_a_usage_error(tmp_path: Path) -> None:
    write_pages(tmp_path, {"a.md": "# 제목\n"})
    run = run_check("docs", "--allowlist", "nope.yml", cwd=tmp_path)
    assert (run.code, run.stderr) == (
        2,
        "check_links.py: error: nope.yml: allowlist file not found\n",
    )


def test_repository_allowlist_is_valid(tmp_path: Path) -> None:
    write_pages(tmp_path, {"a.md": "# 제목\n"})
    run = run_check(
        "docs", "--allowlist", str(ROOT / "scripts" / "link-allowlist.yml"), cwd=tmp_path
    )
    assert run.code == 0, run.stderr


# --- GitHub fragments (no network: the rules the check applies to github.com pages) ----------


@pytest.mark.parametrize(
    ("heading", "fragment"),
    [
        # The seed's links into WeareSoft/tech-interview (outline.yml), decoded.
        ("HTTP와 HTTPS", "http와-https"),
        ("HTTP와 HTTPS 동작 과정", "http와-https-동작-과정"),
        ("쿠키와 세션", "쿠키와-세션"),
        ("REST와 RESTful의 개념", "rest와-restful의-개념"),
        ("Socket.io와 WebSocket의 차이", "socketio와-websocket의-차이"),
        ("C++ & Go: `slice` 🚀", "c--go-slice-"),
    ],
)
def test_github_heading_slug_matches_the_seed_fragments(heading: str, fragment: str) -> None:
    ids = fragments.github_heading_ids(f"# 문서\n\n## {heading}\n")
    assert fragment in ids
    assert "user-content-" + fragment in ids


def test_github_blob_fragment_falls_back_to_the_raw_markdown_file() -> None:
    blob = "https://github.com/WeareSoft/tech-interview/blob/master/contents/network.md"
    raw = "https://raw.githubusercontent.com/WeareSoft/tech-interview/master/contents/network.md"
    assert fragments.github_raw_url(blob) == raw
    assert fragments.github_raw_url("https://github.com/WeareSoft/tech-interview") is None
    assert fragments.github_raw_url("https://example.com/a/b/blob/main/x.md") is None
    wanted = fragments.wanted_ids("http%EC%99%80-https")
    assert wanted & fragments.github_heading_ids("## HTTP와 HTTPS\n")
    repeated = fragments.github_heading_ids("## 정리\n\n## 정리\n")
    assert {"정리", "정리-1"} <= repeated


def test_github_line_anchors_and_text_fragments_are_not_looked_up() -> None:
    github = URL("https://github.com/o/r/blob/main/a.go")
    assert fragments.skip_reason(github, "L10-L20") is not None
    assert fragments.skip_reason(github, ":~:text=tcp") is not None
    assert fragments.skip_reason(github, "user-content-tcp") is None


def test_the_real_docs_yield_every_seed_reference_on_its_page() -> None:
    """The extractor, run on the site's own pages, finds each seed link on the page that keeps it
    (including the `medium.com/@…` URL that linkcheckmd's own pattern never sees)."""
    import yaml
    from linkcheck.extract import collect_links

    root = Path(__file__).resolve().parents[1]
    outline = yaml.safe_load((root / "outline.yml").read_text(encoding="utf-8"))
    expected = {(e["link"], e["page"]) for part in outline for e in part["items"] if "link" in e}
    links, files = collect_links([root / "docs"])
    assert files > 20
    found = {
        (link.url, location.file.split("docs/", 1)[-1])
        for link in links
        for location in link.locations
    }
    assert expected <= found, sorted(expected - found)
