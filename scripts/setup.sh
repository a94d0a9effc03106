#!/usr/bin/env bash
# Install what the site needs into .venv; with --test, also what the test suite needs.
# Usage: bash scripts/setup.sh [--editor] [--test]  (a thin wrapper: the work is in scripts/setup.py,
# which also runs without bash, e.g. on Windows: py scripts\setup.py [--editor] [--test])
set -euo pipefail
cd "$(dirname "$0")/.."
exec python3 scripts/setup.py "$@"
