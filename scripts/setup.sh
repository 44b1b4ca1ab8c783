#!/usr/bin/env bash
# Install everything pola-karir needs on a fresh Debian/Ubuntu machine, idempotently:
# Graphviz (dot), Chromium, Pango (for the annex PDF) and poppler-utils (its tests) from apt
# when missing, and a virtual environment in .venv with
# the package (editable) and its test tools. Safe to run again; it only installs what is absent.
#
# POLA_KARIR_DEPS chooses the dependency releases (CI runs the suite with both):
#   newest  .venv-newest, upgraded to the newest release of every dependency on each run
#   lowest  .venv-lowest, the lowest releases pyproject.toml supports (.ci/constraints-lowest.txt)
#   unset   .venv, installed once (what the README's quick start uses)
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v dot >/dev/null 2>&1 || need_apt+=(graphviz)
# WeasyPrint (`pola-karir lampiran --pdf`) lays text out with Pango; the tests read the PDF with
# poppler's pdftotext and pdfinfo.
# grep reads the whole list (no -q): stopping at the first match would end ldconfig with SIGPIPE,
# which pipefail takes for "missing" now and then, and apt-get would run for nothing.
if ! ldconfig -p 2>/dev/null | grep 'libpangoft2-1\.0\.so\.0' >/dev/null; then
  need_apt+=(libpango-1.0-0 libpangoft2-1.0-0)
fi
command -v pdftotext >/dev/null 2>&1 || need_apt+=(poppler-utils)
if [ "${POLA_KARIR_BROWSER:-1}" = "1" ] && ! command -v chromium >/dev/null 2>&1; then
  need_apt+=(chromium)
fi
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = "0" ]; then SUDO=""; elif command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
    echo "setup: perlu memasang ${need_apt[*]} (apt-get), tetapi tidak ada akses root/sudo." >&2
    echo "setup: needs ${need_apt[*]} from apt-get but has no root/sudo; install them and rerun." >&2
    exit 1
  fi
  echo "setup: memasang ${need_apt[*]} ..."
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${need_apt[@]}" >/dev/null
fi

PYTHON="${PYTHON:-python3}"
if ! "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))'; then
  echo "setup: pola-karir memerlukan Python 3.11 atau lebih baru (needs Python >= 3.11)." >&2
  exit 1
fi
deps="${POLA_KARIR_DEPS:-}"
case "$deps" in
  "") venv=.venv; pip_args=() ;;
  newest) venv=.venv-newest; pip_args=(--upgrade --upgrade-strategy eager) ;;
  lowest) venv=.venv-lowest; pip_args=(--constraint .ci/constraints-lowest.txt) ;;
  *) echo "setup: POLA_KARIR_DEPS must be newest, lowest or unset (got '$deps')" >&2; exit 2 ;;
esac
if [ ! -x "$venv/bin/python" ]; then
  "$PYTHON" -m venv "$venv"
fi
stamp="$venv/.pola-karir-installed"
if [ "$deps" = "newest" ] || [ ! -f "$stamp" ] || [ pyproject.toml -nt "$stamp" ] \
  || [ .ci/constraints-lowest.txt -nt "$stamp" ]; then
  "$venv/bin/python" -m pip install -q --upgrade pip >/dev/null
  # --no-compile: pip would byte-compile every module of every package (some seconds of CPU);
  # Python compiles what is imported, once, on first use.
  "$venv/bin/python" -m pip install -q --no-compile "${pip_args[@]}" -e '.[test]'
  touch "$stamp"
fi
