"""The matching library stands alone: no web framework, no database layer, no web app."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WEB_PACKAGES = ("flask", "flask_sqlalchemy", "sqlalchemy", "jobsforyou", "werkzeug")


def test_library_and_cli_import_no_web_or_database_package() -> None:
    code = (
        "import sys, matching, matching.cli, matching.evaluate\n"
        "matching.load_default_vocabulary()\n"
        f"print(sorted(m for m in sys.modules if m.split('.')[0] in {WEB_PACKAGES!r}))\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            cwd=ROOT, check=True)
    assert result.stdout.strip() == "[]"


def test_its_tests_run_without_the_web_app() -> None:
    conftest = (ROOT / "tests" / "conftest.py").read_text(encoding="utf-8")
    top_level = [line for line in conftest.splitlines() if line.startswith(("import ", "from "))]
    assert not [line for line in top_level if any(p in line for p in ("flask", "jobsforyou"))]
