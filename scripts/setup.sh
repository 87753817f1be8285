#!/usr/bin/env bash
# Install everything the site and its tests need on a fresh Debian machine (or a GitHub runner).
# Idempotent: each step is skipped when what it installs is already there.
#   - Debian packages: chromium (browser tests), golang-go and a JDK (page examples are run),
#     fonts-noto-cjk (Korean glyphs in screenshots). Needs root or sudo; skipped if present.
#   - Python: .venv with requirements-dev.txt (all pinned with ==).
#   - npm: package-lock.json (axe-core for accessibility tests, mermaid/iframe-worker to verify
#     the copies in docs/assets/vendor).
set -euo pipefail
cd "$(dirname "$0")/.."

need=()
command -v chromium >/dev/null || need+=(chromium)
command -v go >/dev/null || need+=(golang-go)
command -v javac >/dev/null || need+=(default-jdk-headless)
command -v npm >/dev/null || need+=(npm)
[ "$(dpkg-query -W -f='${Status}' fonts-noto-cjk 2>/dev/null)" = "install ok installed" ] \
  || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing Debian packages: ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

py=${PYTHON:-python3}
stamp=.venv/.installed
if [ ! -f "$stamp" ] || [ requirements.txt -nt "$stamp" ] || [ requirements-dev.txt -nt "$stamp" ]; then
  echo "setup: creating .venv from requirements-dev.txt"
  [ -x .venv/bin/python ] || "$py" -m venv .venv
  .venv/bin/python -m pip install -q --disable-pip-version-check -r requirements-dev.txt
  touch "$stamp"
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi
