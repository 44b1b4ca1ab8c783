#!/usr/bin/env bash
# Quick start, command 2: the whole gate — lint, types, and the test suite (which builds real
# sites with mkdocs and dot and drives headless Chromium). Extra arguments go to pytest.
# POLA_KARIR_DEPS=newest|lowest runs it against the newest or the lowest supported dependency
# releases (see scripts/setup.sh); .ci/run does both.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${POLA_KARIR_SKIP_SETUP:-0}" != "1" ]; then
  bash scripts/setup.sh
fi
case "${POLA_KARIR_DEPS:-}" in
  newest) venv=.venv-newest ;;
  lowest) venv=.venv-lowest ;;
  *) venv=.venv ;;
esac
if [ "${POLA_KARIR_DEPS:-}" = "lowest" ]; then
  # Lint and types judge our code, not the dependencies: older releases ship older type stubs.
  echo "test: lowest supported releases; ruff and mypy run with the newest ones only"
else
  "$venv/bin/ruff" check pola_karir tests scripts
  "$venv/bin/ruff" format --check pola_karir tests scripts
  "$venv/bin/mypy" --strict pola_karir
fi
# One worker per core (pytest-xdist); pass -n 0 to run in one process, e.g. to debug.
"$venv/bin/python" -m pytest -n auto "$@"
