"""The feature packages depend on each other in one direction only (jobsforyou/layers.py)."""

from __future__ import annotations

from pathlib import Path

from jobsforyou import layers


def test_no_feature_imports_its_own_layer_or_above_and_every_package_has_a_layer() -> None:
    graph = layers.import_graph()
    assert layers.violations(graph, layers.feature_packages()) == []


def test_the_graph_is_read_from_the_sources() -> None:
    graph = layers.import_graph()
    # known edges: the check would pass vacuously if the reader found no imports at all
    assert {"registration", "matchmaking"} <= graph["personal"]
    assert "fairs" in graph["registration"]
    assert len(layers.feature_packages()) >= 15


def test_an_import_against_the_direction_is_reported(tmp_path: Path) -> None:
    for package, source in {
        "fairs": "from jobsforyou.registration.models import Registration\n",
        "registration": "from jobsforyou.fairs.models import Fair\n",
        "newfeature": "",
    }.items():
        (tmp_path / package).mkdir()
        (tmp_path / package / "__init__.py").write_text("")
        (tmp_path / package / "services.py").write_text(source)
    (tmp_path / "mail.py").write_text("from jobsforyou.fairs import services\n")
    graph = layers.import_graph(tmp_path)
    problems = layers.violations(graph, layers.feature_packages(tmp_path))
    assert problems == [
        "newfeature: a feature package without a layer in FEATURE_LAYERS",
        "fairs -> registration: imports a feature of its own or a higher layer",
        "mail: a base module imports the feature fairs",
    ]
