"""MkDocs hook: turn off instant navigation in the offline build (OFFLINE=true).

Material's instant navigation fetches pages and the sitemap with XHR, which file:// forbids; with
it on, the offline copy never signals "page ready", so code-copy buttons and the practice page's
scripts never start (measured in Chromium; diagrams are inline SVG and need no script). The
online site keeps it.
"""

from __future__ import annotations

import logging

log = logging.getLogger("mkdocs.hooks.offline")
INSTANT = ("navigation.instant", "navigation.instant.progress", "navigation.instant.prefetch")


def on_config(config):  # type: ignore[no-untyped-def]
    """Drop the instant-navigation features when the offline plugin is enabled."""
    offline = config["plugins"].get("material/offline") or config["plugins"].get("offline")
    if offline is not None and offline.config.enabled:
        features = config["theme"]["features"]
        features[:] = [feature for feature in features if feature not in INSTANT]
        log.info("offline build: instant navigation is off (file:// forbids its requests)")
    return config
