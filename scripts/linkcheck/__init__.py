"""External link checking for the study-notes site (used by ``scripts/check_links.py``).

Modules, one job each:

- :mod:`linkcheck.models` - the data passed between the steps (locations, results, errors).
- :mod:`linkcheck.extract` - finds every external URL in Markdown files, with file and line.
- :mod:`linkcheck.allowlist` - reads and validates the reviewed 403/429 allowlist file.
- :mod:`linkcheck.check` - checks URLs over HTTP (retries, deadlines, limits, redirects).
- :mod:`linkcheck.fragments` - which ``#fragment`` ids satisfy a link (GitHub included).
- :mod:`linkcheck.report` - console table, JSON file, GitHub Actions annotations and summary.
"""
