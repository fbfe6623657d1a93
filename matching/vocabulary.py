"""The occupation and skill vocabulary: loading, lookup and resolution of free text."""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from matching.jsonl import InputError, json_objects
from matching.normalise import fold_text
from matching.text_index import NameIndex, PreparedText, TextPreparer
from matching.vocabulary_cache import cached_build, default_cache_dir

LANGUAGES: tuple[str, ...] = ("de", "en", "uk", "ru", "ar", "fa", "tr", "ku")
DATA_DIR = Path(__file__).resolve().parent / "data"


class VocabularyError(ValueError):
    """A vocabulary file is malformed (names the file and line)."""


def first_name(names: Mapping[str, tuple[str, ...]], language: str, fallback: str) -> str:
    """The first name in ``language``, else in German, else in English, else ``fallback``."""
    for lang in (language, "de", "en"):
        if names.get(lang):
            return names[lang][0]
    return fallback


@dataclass(frozen=True, slots=True)
class Occupation:
    """An occupation with its ISCO-08 unit group, KldB 2010 code and names per language."""

    id: str
    isco: str
    kldb: str
    level: str
    sector: str
    names: Mapping[str, tuple[str, ...]]
    related: tuple[str, ...] = ()

    def display_name(self, language: str) -> str:
        """The first name in ``language``, falling back to German, then English, then the id."""
        return first_name(self.names, language, self.id)


@dataclass(frozen=True, slots=True)
class Skill:
    """A skill, tool, software, licence, certificate or language skill."""

    id: str
    kind: str
    names: Mapping[str, tuple[str, ...]]
    related: tuple[str, ...] = ()
    code: str | None = None

    def display_name(self, language: str) -> str:
        """The first name in ``language``, falling back to German, then English, then the id."""
        return first_name(self.names, language, self.id)


def _read_jsonl(path: Path) -> Iterator[tuple[str, dict[str, object]]]:
    try:
        yield from json_objects(path)
    except InputError as exc:
        raise VocabularyError(str(exc)) from None


def _names(record: Mapping[str, object], where: str) -> dict[str, tuple[str, ...]]:
    raw = record.get("names")
    if not isinstance(raw, dict):
        raise VocabularyError(f"{where}: field 'names' must be an object")
    names: dict[str, tuple[str, ...]] = {}
    for lang, values in raw.items():
        if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
            raise VocabularyError(f"{where}: names.{lang} must be a list of strings")
        names[str(lang)] = tuple(v for v in values if v.strip())
    return names


def _str_list(record: Mapping[str, object], key: str) -> tuple[str, ...]:
    value = record.get(key) or []
    return tuple(str(v) for v in value) if isinstance(value, list) else ()


def load_occupations(paths: Iterable[Path]) -> tuple[Occupation, ...]:
    """Read occupations from JSON Lines files (format in ``matching/data/README.md``)."""
    out: list[Occupation] = []
    for path in paths:
        for where, record in _read_jsonl(path):
            if not isinstance(record.get("id"), str):
                raise VocabularyError(f"{where}: field 'id' missing")
            out.append(
                Occupation(
                    id=str(record["id"]),
                    isco=str(record.get("isco") or ""),
                    kldb=str(record.get("kldb") or ""),
                    level=str(record.get("level") or ""),
                    sector=str(record.get("sector") or ""),
                    names=_names(record, where),
                    related=_str_list(record, "related"),
                )
            )
    return tuple(out)


def load_skills(paths: Iterable[Path]) -> tuple[Skill, ...]:
    """Read skills, tools, licences and certificates from JSON Lines files."""
    out: list[Skill] = []
    for path in paths:
        for where, record in _read_jsonl(path):
            if not isinstance(record.get("id"), str):
                raise VocabularyError(f"{where}: field 'id' missing")
            code = record.get("code")
            out.append(
                Skill(
                    id=str(record["id"]),
                    kind=str(record.get("kind") or "skill"),
                    names=_names(record, where),
                    related=_str_list(record, "related"),
                    code=str(code) if isinstance(code, str) else None,
                )
            )
    return tuple(out)


def _build_index(entries: Sequence[Occupation | Skill], preparer: TextPreparer) -> NameIndex:
    names: list[PreparedText] = []
    owners: list[int] = []
    languages: list[str] = []
    for index, entry in enumerate(entries):
        seen: set[tuple[str, str]] = set()
        for lang, values in entry.names.items():
            for value in values:
                prepared = preparer.prepare(value)
                if prepared.base and (lang, prepared.base) not in seen:
                    seen.add((lang, prepared.base))
                    names.append(prepared)
                    owners.append(index)
                    languages.append(lang)
    return NameIndex(names, owners, languages, len(entries))


class Vocabulary:
    """Occupations and skills with indexes to resolve free text in any of the 8 languages."""

    def __init__(self, occupations: Iterable[Occupation], skills: Iterable[Skill] = ()) -> None:
        self.occupations: tuple[Occupation, ...] = tuple(occupations)
        self.skills: tuple[Skill, ...] = tuple(skills)
        self._occupation_ids = {o.id: i for i, o in enumerate(self.occupations)}
        self._skill_ids = {s.id: i for i, s in enumerate(self.skills)}
        self.lexicon = self._german_lexicon()
        self.preparer = TextPreparer(self.lexicon)
        self.occupation_index = _build_index(self.occupations, self.preparer)
        self.skill_index = _build_index(self.skills, self.preparer)

    @classmethod
    def from_directory(cls, directory: Path, cache_dir: Path | None = None) -> Vocabulary:
        """Load ``occupations_*.jsonl`` and ``skills_*.jsonl`` from ``directory``, and the ISCO-08
        unit groups from ``isco08/<language>.jsonl`` there if present (``matching.isco_groups``).

        With ``cache_dir`` the built indexes are kept there (see ``matching.vocabulary_cache``)
        and reused while the data files and the normalisation code are unchanged.
        """
        occupation_files = sorted(directory.glob("occupations_*.jsonl"))
        skill_files = sorted(directory.glob("skills_*.jsonl"))
        group_files = sorted((directory / "isco08").glob("*.jsonl"))

        def build() -> Vocabulary:
            from matching.isco_groups import read_unit_groups  # imports this module

            occupations = (*load_occupations(occupation_files),
                           *read_unit_groups(directory / "isco08"))  # fmt: skip
            return cls(occupations, load_skills(skill_files))

        if cache_dir is None:
            return build()
        return cached_build(cache_dir, [*occupation_files, *skill_files, *group_files], build)

    def _german_lexicon(self) -> frozenset[str]:
        words: set[str] = set()
        entries: list[Occupation | Skill] = [*self.occupations, *self.skills]
        for entry in entries:
            for name in entry.names.get("de", ()):
                words.update(w for w in fold_text(name).split() if len(w) >= 4)
        return frozenset(words)

    def occupation(self, occupation_id: str) -> Occupation | None:
        """The occupation with this id, or None."""
        index = self._occupation_ids.get(occupation_id)
        return None if index is None else self.occupations[index]

    def occupation_position(self, occupation_id: str) -> int | None:
        """Position of the occupation in ``occupations``, or None."""
        return self._occupation_ids.get(occupation_id)

    def skill(self, skill_id: str) -> Skill | None:
        """The skill with this id, or None."""
        index = self._skill_ids.get(skill_id)
        return None if index is None else self.skills[index]

    def skill_position(self, skill_id: str) -> int | None:
        """Position of the skill in ``skills``, or None."""
        return self._skill_ids.get(skill_id)

    def resolve_occupation(
        self, text: str, language: str | None = None, limit: int = 5
    ) -> list[tuple[Occupation, float]]:
        """Occupations that ``text`` (any language, any spelling) most likely means, with a
        confidence in 0..1, best first."""
        prepared = self.preparer.prepare(text)
        hits = self.occupation_index.search_many([prepared], limit, language)[0]
        return [(self.occupations[i], score) for i, score in hits]

    def resolve_skill(
        self, text: str, language: str | None = None, limit: int = 5
    ) -> list[tuple[Skill, float]]:
        """Skills that ``text`` most likely means, with a confidence in 0..1, best first."""
        prepared = self.preparer.prepare(text)
        hits = self.skill_index.search_many([prepared], limit, language)[0]
        return [(self.skills[i], score) for i, score in hits]

    def suggest_occupations(
        self, prefix_or_text: str, language: str | None = None, limit: int = 10
    ) -> list[Occupation]:
        """Autocomplete: occupations with a name starting with the typed text (names in
        ``language`` first), then the best resolutions of the text."""
        typed = fold_text(prefix_or_text)
        if not typed:
            return []
        index = self.occupation_index
        hits: list[tuple[int, int]] = []
        for position, name in enumerate(index.names):
            if name.base.startswith(typed) or f" {typed}" in name.base:
                rank = 0 if index.languages[position] == language else 1
                hits.append((rank, int(index.owners[position])))
        seen: list[int] = []
        for _, owner in sorted(hits):
            if owner not in seen:
                seen.append(owner)
        out = [self.occupations[i] for i in seen[:limit]]
        if len(out) < limit:
            for occupation, _ in self.resolve_occupation(prefix_or_text, language, limit):
                if occupation not in out:
                    out.append(occupation)
        return out[:limit]


@cache
def load_default_vocabulary() -> Vocabulary:
    """The vocabulary shipped in ``matching/data`` (loaded once per process; the built index
    is cached in the user's cache directory between processes)."""
    return Vocabulary.from_directory(DATA_DIR, default_cache_dir())
