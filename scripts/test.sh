#!/usr/bin/env bash
# Install everything the tests need and run the whole suite on SQLite, then on PostgreSQL.
# Works on a fresh Debian 12 machine (as root, or as a user with sudo).
# Usage: bash scripts/test.sh [extra pytest arguments]
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
PY="$VENV/bin/python"
PG_URL="${JOBSFORYOU_TEST_POSTGRES_URL:-postgresql://127.0.0.1:5432/test}"
OS_USER="$(id -un)"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
# Run a command as the postgres OS user, from a directory it may read.
as_postgres() { (cd / && as_root su postgres -c "$*"); }

# A usable virtual environment: its python runs and has pip.
venv_ok() { [ -x "$PY" ] && "$PY" -m pip --version >/dev/null 2>&1; }
make_venv() { rm -rf "$VENV" && python3 -m venv "$VENV" >/dev/null 2>&1; }

# --- System packages ------------------------------------------------------------------------
# Collect what is missing, then run one `apt-get update` and one `apt-get install`.
missing=()
if ! venv_ok && ! make_venv; then
  # Debian ships `venv`'s pip support (ensurepip) in python3-venv.
  rm -rf "$VENV"
  missing+=(python3 python3-venv)
fi
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)               # axe-core for the a11y tests
command -v chromium >/dev/null 2>&1 || missing+=(chromium)             # browser tests (Playwright)
[ -d /usr/share/fonts/truetype/noto ] || missing+=(fonts-noto-core)   # fonts of the PDFs
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)       # PDF checks
command -v pg_lsclusters >/dev/null 2>&1 || missing+=(postgresql)      # the PostgreSQL run
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null 2>&1; then
    echo "== apt-get install ${missing[*]}"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "Not a Debian system: install ${missing[*]} yourself." >&2
  fi
fi

# --- Python packages, in the project's virtual environment ----------------------------------
venv_ok || make_venv || { echo "python3 -m venv failed: install python3-venv." >&2; exit 1; }
"$PY" -m pip install -q -e '.[test]'
npm install --no-audit --no-fund --silent
"$PY" -m babel.messages.frontend compile -d translations --statistics 2>&1 | tail -n 1

# --- PostgreSQL -----------------------------------------------------------------------------
# Best effort with the local cluster: start it if it is down, and create a superuser role for
# the current OS user and the `test` database (the tests create and drop their own databases).
if command -v pg_lsclusters >/dev/null 2>&1; then
  pg_lsclusters --no-header | while read -r version cluster _port status _rest; do
    if [ "$status" != "online" ]; then
      as_root pg_ctlcluster --skip-systemctl-redirect "$version" "$cluster" start || true
    fi
  done
  if ! as_postgres "psql -Atqc \"SELECT 1 FROM pg_roles WHERE rolname = '$OS_USER'\"" \
      2>/dev/null | grep -q 1; then
    as_postgres "createuser -s '$OS_USER'" || true
  fi
  if ! as_postgres "psql -Atqc \"SELECT 1 FROM pg_database WHERE datname = 'test'\"" \
      2>/dev/null | grep -q 1; then
    as_postgres "createdb -O '$OS_USER' test" || true
  fi
fi

# --- Static checks --------------------------------------------------------------------------
"$PY" -m ruff check jobsforyou matching tests benchmarks
"$PY" -m mypy matching
# Security: no high-severity finding in our code; no known vulnerable dependency. pip-audit asks
# PyPI's vulnerability data over the network: where it cannot reach it, it says which packages it
# could not audit (and does not fail); a vulnerability it finds fails the run.
"$PY" -m bandit -q -r jobsforyou matching --severity-level high
audit_log="$(mktemp)"
if "$PY" -m pip_audit --skip-editable --progress-spinner off >"$audit_log" 2>&1; then
  skipped="$(grep -c "could not be audited" "$audit_log" || true)"
  echo "pip-audit: $(head -n 1 "$audit_log") (${skipped} packages could not be audited from here)"
else
  cat "$audit_log" >&2
  exit 1
fi
rm -f "$audit_log"

# --- Test suite: SQLite, then PostgreSQL ----------------------------------------------------
export JOBSFORYOU_REQUIRE_BROWSER="${JOBSFORYOU_REQUIRE_BROWSER:-1}"
echo "== test suite on SQLite"
"$PY" -m pytest -q -p no:cacheprovider "$@"

pg_reachable() {
  "$PY" -c "import psycopg, sys; psycopg.connect(sys.argv[1], connect_timeout=5).close()" \
    "$1" 2>/dev/null
}
# Debian's default pg_hba.conf asks for a password over TCP but trusts the OS user on the local
# socket: without an explicit URL, fall back to the socket when 127.0.0.1 refuses us.
if ! pg_reachable "$PG_URL" && [ -z "${JOBSFORYOU_TEST_POSTGRES_URL:-}" ] \
    && [ -S /var/run/postgresql/.s.PGSQL.5432 ]; then
  PG_URL="postgresql:///test?host=/var/run/postgresql"
fi
if pg_reachable "$PG_URL"; then
  echo "== test suite on PostgreSQL (${PG_URL})"
  JOBSFORYOU_TEST_DATABASE_URL="$PG_URL" "$PY" -m pytest -q -p no:cacheprovider \
    --ignore=tests/matching "$@"
elif [ "${CI:-}" = "true" ]; then
  echo "PostgreSQL at ${PG_URL} is not reachable; CI requires it." >&2
  exit 1
else
  echo "PostgreSQL at ${PG_URL} is not reachable: skipped the PostgreSQL run." >&2
fi
