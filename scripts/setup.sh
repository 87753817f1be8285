#!/usr/bin/env bash
# Install what a command of the Makefile needs. Idempotent: each step is skipped when done.
#
#   scripts/setup.sh build   what `make serve` / `make build` need: Python 3.11+ and a .venv with
#                            requirements.txt (MkDocs, Material, PyMdown). Nothing else: no root,
#                            no apt-get, no npm, no browser.
#   scripts/setup.sh test    what `make test` / `make budget` / `make diagrams` need, on top of that:
#                            - Debian packages (root or sudo): chromium (browser tests, diagram
#                              renders, Lighthouse), golang-go and a JDK (the pages' examples are
#                              compiled and run), fonts-noto-cjk (Korean glyphs in renders);
#                            - .venv with requirements-dev.txt (pytest, Playwright, linters);
#                            - npm ci from package-lock.json (axe-core, Mermaid, Lighthouse).
set -euo pipefail
cd "$(dirname "$0")/.."
mode=${1:-test}

die() { echo "setup: $*" >&2; exit 1; }

py=${PYTHON:-python3}
command -v "$py" >/dev/null || die "no '$py' on PATH: install Python 3.11 or newer (or set PYTHON=/path/to/python3)"
"$py" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
  || die "$("$py" --version 2>&1) is too old: the site needs Python 3.11 or newer (set PYTHON=/path/to/python3.11)"

venv() {  # venv REQUIREMENTS-FILE STAMP
  local req=$1 stamp=$2
  if [ ! -f "$stamp" ] || [ "$req" -nt "$stamp" ] || [ requirements.txt -nt "$stamp" ]; then
    echo "setup: installing $req into .venv"
    [ -x .venv/bin/python ] || "$py" -m venv .venv || die "'$py -m venv' failed: install the venv module (Debian: python3-venv)"
    .venv/bin/python -m pip install -q --disable-pip-version-check -r "$req"
    touch "$stamp"
  fi
}

if [ "$mode" = build ]; then
  # requirements-dev.txt includes requirements.txt, so a test install serves as well.
  [ -f .venv/.installed-test ] && [ ! requirements.txt -nt .venv/.installed-test ] && exit 0
  venv requirements.txt .venv/.installed-build
  exit 0
fi
[ "$mode" = test ] || die "unknown mode '$mode' (use: build or test)"

# Debian packages: what each is for is said above; missing ones are installed with apt-get.
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v go >/dev/null || need+=(golang-go)
command -v javac >/dev/null || need+=(default-jdk-headless)
command -v npm >/dev/null || need+=(npm)
fonts=$(fc-list 2>/dev/null | grep -ci "Noto Sans CJK" || true)  # grep -c reads all (no SIGPIPE under pipefail)
[ "${fonts:-0}" -gt 0 ] || need+=(fonts-noto-cjk)
if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || die "the tests need ${need[*]} and this user is not root and has no sudo.
  Install them yourself (Debian/Ubuntu: apt-get install ${need[*]}), or run 'make test' as root.
  'make serve' needs none of them."
    sudo="sudo"
  fi
  command -v apt-get >/dev/null || die "the tests need ${need[*]} and there is no apt-get here.
  Install them with your system's package manager (chromium at /usr/bin/chromium or set CHROMIUM=…),
  then run 'make test' again. 'make serve' needs none of them."
  echo "setup: installing Debian packages for the tests: ${need[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
fi

venv requirements-dev.txt .venv/.installed-test

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  command -v npm >/dev/null || die "the tests need npm (axe-core, Mermaid, Lighthouse from package-lock.json)"
  echo "setup: npm ci (axe-core, Mermaid, Lighthouse)"
  npm ci --no-audit --no-fund --loglevel=error
fi
