#!/usr/bin/env bash
# Set up a fresh Debian machine for briefing: system libraries (only those missing), a venv, the package.
# Usage: scripts/setup.sh [run|test|bench]   (test adds the tools the tests drive: LibreOffice, poppler, PostgreSQL, Chromium;
#        bench adds pandoc, for the "usual route" the benchmarks measure against)
set -euo pipefail
cd "$(dirname "$0")/.."
MODE=${1:-run}
VENV=${VENV:-.venv}

# WeasyPrint needs Pango; libharfbuzz-subset0 makes its font subsetting ~10x faster.
RUN_PKGS="libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz0b libharfbuzz-subset0 libfontconfig1 shared-mime-info"
# The tests check output with real tools. libreoffice-writer-nogui brings no Arabic font; omegat is the CAT
# tool the translation round trip drives (console mode); php-symfony-translation ships the OASIS XLIFF 1.2
# strict schema (and xml.xsd) that the exported XLIFF is validated against.
TEST_PKGS="poppler-utils libreoffice-writer-nogui postgresql chromium omegat php-symfony-translation"
# Only the benchmarks drive pandoc (GPL; run as a program, never imported).
BENCH_PKGS="pandoc"

want="$RUN_PKGS"
[ "$MODE" = test ] && want="$want $TEST_PKGS"
[ "$MODE" = bench ] && want="$want $TEST_PKGS $BENCH_PKGS" && MODE=test
missing=""
for pkg in $want; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing="$missing $pkg"
done
if [ -n "$missing" ]; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "setup: installing system packages:$missing"
    SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends $missing >/dev/null
  else
    echo "setup: please install:$missing" >&2
  fi
fi

if [ ! -x "$VENV/bin/python" ]; then
  python3 -m venv "$VENV"
fi
stamp="$VENV/.briefing-$MODE-$(sha256sum pyproject.toml | cut -c1-16)"
if [ ! -f "$stamp" ]; then
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -U pip
  if [ "$MODE" = test ]; then
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e ".[test]"
  else
    "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e .
  fi
  touch "$stamp"
fi
