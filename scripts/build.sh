#!/usr/bin/env bash
# Quick start, command 1: set up everything, validate the example data and build the site
# into site/. A failed validation stops here with the list of problems; site/ is untouched.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
export NO_MKDOCS_2_WARNING=1  # MkDocs/Material print a long banner about MkDocs 2.0 otherwise
.venv/bin/pola-karir validate data
if [ -f mkdocs.yml ]; then
  .venv/bin/mkdocs build --strict
fi
