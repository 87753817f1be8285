"""Where Debian's Chromium is and how every script and test starts it (one list, not three).

Headless, as root, on a machine whose only network is the package registries: without the
background-networking flags Chromium keeps trying Google's hosts. Never a downloaded browser.
"""

from __future__ import annotations

import os

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
