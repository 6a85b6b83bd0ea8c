#!/usr/bin/env bash
# Regenerate constraints.txt from a fresh venv with the newest versions pyproject.toml allows.
# Run the whole test suite with the result before committing it.
set -euo pipefail
cd "$(dirname "$0")/.."
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 -m venv "$tmp/venv"
"$tmp/venv/bin/python" -m pip install -q --disable-pip-version-check -U pip
"$tmp/venv/bin/python" -m pip install -q --disable-pip-version-check -e ".[test]"
{
  echo "# Exact versions the test suite passed with; scripts/setup.sh installs them (pip -c)."
  echo "# Regenerate with scripts/constraints.sh after changing pyproject.toml, then run make test."
  "$tmp/venv/bin/python" -m pip freeze --exclude-editable --all | grep -v '^\(pip\|setuptools\)==' | sort -f
} > constraints.txt
echo "wrote constraints.txt ($(grep -vc '^#' constraints.txt) packages)"
