"""Quality figures of the matcher and both baselines: a wrapper of ``python -m matching evaluate``.

python benchmarks/evaluate_matching.py [--json] [--queries ...] [--titles ...]
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

if __name__ == "__main__":
    command = [sys.executable, "-m", "matching", "evaluate", *sys.argv[1:]]
    sys.exit(subprocess.run(command, cwd=ROOT, check=False).returncode)
