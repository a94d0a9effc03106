#!/usr/bin/env bash
# Install what the site needs into .venv; with --test, also what the test suite needs.
# Usage: bash scripts/setup.sh [--test]
set -euo pipefail
cd "$(dirname "$0")/.."

want_tests=0
[ "${1:-}" = "--test" ] && want_tests=1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if [ ! -x .venv/bin/python ]; then
  python3 -m venv .venv
fi
.venv/bin/python -m pip install --quiet --upgrade pip
if [ "$want_tests" = 1 ]; then
  .venv/bin/python -m pip install --quiet -r requirements-dev.txt
  if [ ! -x /usr/bin/chromium ] && command -v apt-get >/dev/null; then
    as_root apt-get update -qq
    DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq chromium >/dev/null
  fi
  if [ -f package.json ]; then
    npm ci --no-audit --no-fund --silent
  fi
else
  .venv/bin/python -m pip install --quiet -r requirements.txt
fi
