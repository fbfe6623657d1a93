#!/usr/bin/env bash
# Install JobsForYou, load the demo data into SQLite and start the site on http://127.0.0.1:5000
set -euo pipefail
cd "$(dirname "$0")/.."
python3 -m pip install -q -e .
python3 -m babel.messages.frontend compile -d translations 2>&1 | tail -n 1
export FLASK_APP=jobsforyou
flask demo
exec flask run --host 127.0.0.1 --port 5000
