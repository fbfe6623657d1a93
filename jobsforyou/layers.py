"""Which feature package may import which: the dependency direction of the app, and a check.

Feature packages sit in layers; a package imports only packages of lower layers (never one of
its own layer, never both ways). The modules directly in `jobsforyou/` (extensions, database,
scoping, codes, mail, …) are the base that every feature may use; they import no feature
package. Only the app factory, the model registry and the CLI may import everything.

Run `python -m jobsforyou.layers` to print the package import graph and any violation.
"""

from __future__ import annotations

import ast
import sys
from collections.abc import Iterator
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent

FEATURE_LAYERS: tuple[tuple[str, ...], ...] = (
    ("regions",),
    ("fairs",),
    ("accounts",),
    ("employers", "occupations"),
    ("vacancies",),
    ("booths",),
    ("registration",),
    ("matchmaking", "imports", "retention", "talks"),
    ("organisers", "outcomes", "personal", "public", "privacy", "checkin"),
    ("printing", "statistics", "followup"),
    ("demo",),
)
# Modules that put the app together and may import every feature.
ASSEMBLY_MODULES = ("__init__", "cli", "models")
NOT_FEATURES = ("migrations", "static")


def feature_packages(root: Path = PACKAGE_DIR) -> list[str]:
    """The feature packages found on disk (folders with Python code)."""
    return sorted(
        path.name for path in root.iterdir()
        if path.is_dir() and path.name not in NOT_FEATURES and (path / "__init__.py").exists()
    )


def _imported_modules(source: Path) -> Iterator[str]:
    for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
        if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module
            yield from (f"{node.module}.{alias.name}" for alias in node.names)
        elif isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)


def import_graph(root: Path = PACKAGE_DIR) -> dict[str, set[str]]:
    """Package (or base module) → the feature packages it imports, from the source files."""
    features = set(feature_packages(root))
    graph: dict[str, set[str]] = {}
    for source in sorted(root.rglob("*.py")):
        parts = source.relative_to(root).parts
        if parts[0] in NOT_FEATURES:
            continue
        unit = parts[0] if len(parts) > 1 else source.stem
        targets = graph.setdefault(unit, set())
        for module in _imported_modules(source):
            names = module.split(".")
            if names[0] == "jobsforyou" and len(names) > 1 and names[1] in features:
                if names[1] != unit:
                    targets.add(names[1])
    return graph


def layer_of(package: str) -> int | None:
    """The index of a feature package's layer (None: not placed in a layer)."""
    for index, layer in enumerate(FEATURE_LAYERS):
        if package in layer:
            return index
    return None


def violations(graph: dict[str, set[str]], features: list[str]) -> list[str]:
    """Every import against the layering, and every feature package without a layer."""
    problems = [f"{name}: a feature package without a layer in FEATURE_LAYERS"
                for name in features if layer_of(name) is None]
    for unit, targets in sorted(graph.items()):
        if unit in ASSEMBLY_MODULES:
            continue
        own = layer_of(unit)
        for target in sorted(targets):
            if own is None and unit not in features:
                problems.append(f"{unit}: a base module imports the feature {target}")
            elif own is not None and (layer_of(target) or 0) >= own:
                problems.append(f"{unit} -> {target}: imports a feature of its own or a higher "
                                "layer")
    return problems


def describe(graph: dict[str, set[str]]) -> str:
    """The graph as text, features by layer, one line per package."""
    lines = []
    for index, layer in enumerate(FEATURE_LAYERS):
        for package in layer:
            targets = ", ".join(sorted(graph.get(package, ()))) or "(base only)"
            lines.append(f"{index} {package:<13} -> {targets}")
    return "\n".join(lines)


def main() -> int:
    """Print the graph and the violations; exit status 1 if there are any."""
    graph = import_graph()
    print(describe(graph))
    problems = violations(graph, feature_packages())
    for problem in problems:
        print(f"VIOLATION {problem}")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
