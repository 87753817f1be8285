"""A new contributor's first command: `make serve` in a fresh copy, with only Python and git.

The copy has no .venv, no node_modules and nothing beside it; apt-get, sudo, npm, node and
chromium are replaced by stand-ins that record being called and fail. The test waits (bounded)
until the preview answers at the README's path, then stops the server.
"""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import time
import urllib.request
from pathlib import Path

from conftest import ROOT, site_base_path

FORBIDDEN = ("apt-get", "sudo", "npm", "npx", "node", "chromium")


def _working_tree_copy(dest: Path) -> Path:
    """The files git would put in a clone (tracked and new, not ignored), as they are now."""
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "-z"],
        cwd=ROOT,
        capture_output=True,
        check=True,
    ).stdout.decode().split("\0")
    for name in filter(None, listed):
        src = ROOT / name
        if src.is_file():
            (dest / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest / name)
    return dest


def _stand_ins(folder: Path, log: Path) -> Path:
    folder.mkdir()
    for tool in FORBIDDEN:
        script = folder / tool
        script.write_text(f'#!/bin/sh\necho "{tool} $*" >> "{log}"\nexit 127\n')
        script.chmod(0o755)
    return folder


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def test_make_serve_needs_only_python(tmp_path: Path) -> None:
    clone = _working_tree_copy(tmp_path / "clone")
    log = tmp_path / "forbidden-calls.log"
    path = f"{_stand_ins(tmp_path / 'bin', log)}{os.pathsep}{os.environ['PATH']}"
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith("VIRTUAL_ENV")}
    server = subprocess.Popen(
        ["make", "serve", f"SERVE_ADDR=127.0.0.1:{port}"],
        cwd=clone,
        env={**env, "PATH": path},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    url = f"http://127.0.0.1:{port}{site_base_path()}"
    body = ""
    try:
        deadline = time.monotonic() + 300  # the venv install dominates
        while time.monotonic() < deadline and server.poll() is None and not body:
            try:
                with urllib.request.urlopen(url, timeout=5) as response:
                    body = response.read().decode("utf-8")
            except OSError:
                time.sleep(1)
    finally:
        os.killpg(server.pid, signal.SIGTERM)
        output = server.communicate(timeout=30)[0]
    assert "백엔드 면접 스터디 노트" in body, f"no preview at {url}:\n{output[-3000:]}"
    called = log.read_text() if log.exists() else ""
    assert not called, f"`make serve` called tools it must not need:\n{called}"
    assert not (clone / "node_modules").exists()
