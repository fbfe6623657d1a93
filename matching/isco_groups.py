"""ISCO-08 unit groups as a back-off: every one of the 436 groups named in all 8 languages.

`matching/data/isco08/<language>.jsonl` gives each unit group its official-style title and the
everyday words people use for its jobs (written for this project). Each group becomes an
occupation of the vocabulary (id ``isco:<code>``, level ``group``) whose names are those titles
and words, so that a query that reaches no occupation of the vocabulary still reaches its group,
and through the relation "same ISCO unit group" every occupation of that group: a vacancy of the
same group then ranks above unrelated ones.
"""

from __future__ import annotations

import json
from pathlib import Path

from matching.vocabulary import LANGUAGES, Occupation

GROUP_PREFIX = "isco:"


def read_unit_groups(directory: Path) -> tuple[Occupation, ...]:
    """The unit groups of ``directory`` (``<language>.jsonl`` files) as occupations."""
    names: dict[str, dict[str, list[str]]] = {}
    for language in LANGUAGES:
        path = directory / f"{language}.jsonl"
        if not path.exists():
            continue
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            record = json.loads(line)
            group = names.setdefault(str(record["isco08"]), {})
            group[language] = [str(record["title"]), *(str(w) for w in record.get("words", []))]
    return tuple(
        Occupation(id=f"{GROUP_PREFIX}{code}", isco=code, kldb="", level="group", sector="isco",
                   names={language: tuple(dict.fromkeys(values))
                          for language, values in by_language.items()})
        for code, by_language in sorted(names.items())
    )  # fmt: skip


def coverage(directory: Path) -> dict[str, tuple[int, int]]:
    """Per language: how many unit groups are named, and with how many names in all."""
    groups = read_unit_groups(directory)
    return {
        language: (sum(1 for g in groups if g.names.get(language)),
                   sum(len(g.names.get(language, ())) for g in groups))
        for language in LANGUAGES
    }  # fmt: skip
