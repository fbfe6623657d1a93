#!/usr/bin/env bash
# Install everything the tests need and run the whole suite on SQLite, then on PostgreSQL.
# Usage: bash scripts/test.sh [extra pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

# System packages: Chromium for the browser tests, Noto fonts for PDFs, poppler for PDF checks.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
[ -d /usr/share/fonts/truetype/noto ] || missing+=(fonts-noto-core)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -gt 0 ] && command -v apt-get >/dev/null 2>&1; then
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
fi

python3 -m pip install -q -e '.[test]'
npm install --no-audit --no-fund --silent
python3 -m babel.messages.frontend compile -d translations --statistics 2>&1 | tail -n 1

# PostgreSQL: start the local cluster if it is installed but down.
if command -v pg_lsclusters >/dev/null 2>&1; then
  pg_lsclusters --no-header | while read -r version cluster _port status _rest; do
    if [ "$status" != "online" ]; then
      as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start || true
    fi
  done
fi

python3 -m ruff check jobsforyou matching tests benchmarks
python3 -m mypy matching

export JOBSFORYOU_REQUIRE_BROWSER="${JOBSFORYOU_REQUIRE_BROWSER:-1}"
echo "== test suite on SQLite"
python3 -m pytest -q -p no:cacheprovider "$@"
PG_URL="${JOBSFORYOU_TEST_POSTGRES_URL:-postgresql://127.0.0.1:5432/test}"
if python3 -c "import psycopg,sys; psycopg.connect('${PG_URL}', connect_timeout=5).close()" 2>/dev/null; then
  echo "== test suite on PostgreSQL (${PG_URL})"
  JOBSFORYOU_TEST_DATABASE_URL="$PG_URL" python3 -m pytest -q -p no:cacheprovider \
    --ignore=tests/matching "$@"
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL at ${PG_URL} is not reachable; CI requires it." >&2
  exit 1
else
  echo "PostgreSQL at ${PG_URL} is not reachable: skipped the PostgreSQL run." >&2
fi
