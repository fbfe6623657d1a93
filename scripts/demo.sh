#!/usr/bin/env bash
# Install JobsForYou in .venv, load the demo data into SQLite and start the site on
# http://127.0.0.1:5000 . Works on a fresh Debian 12 machine (as root, or with sudo).
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.venv
PY="$VENV/bin/python"

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
# A usable virtual environment: its python runs and has pip.
venv_ok() { [ -x "$PY" ] && "$PY" -m pip --version >/dev/null 2>&1; }
make_venv() { rm -rf "$VENV" && python3 -m venv "$VENV" >/dev/null 2>&1; }

# The project's virtual environment; Debian ships venv's pip support in python3-venv.
if ! venv_ok && ! make_venv; then
  rm -rf "$VENV"
  if command -v apt-get >/dev/null 2>&1; then
    echo "== apt-get install python3 python3-venv"
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3 python3-venv >/dev/null
  fi
  make_venv || { echo "python3 -m venv failed: install python3-venv." >&2; exit 1; }
fi
"$PY" -m pip install -q -e .

# The demo runs the development configuration (the app refuses to start without a secret
# otherwise); never use it for real data.
export JOBSFORYOU_ENV_NAME=development
export FLASK_APP=jobsforyou

"$PY" -m babel.messages.frontend compile -d translations 2>&1 | tail -n 1
# Schema (migrations) and demo data; safe to run again. Prints a demo job seeker's personal page.
"$PY" -m flask demo
exec "$PY" -m flask run --host 127.0.0.1 --port 5000
