"""Reading candidates and vacancies from JSON Lines with validation (DESIGN.md section 6).

Errors name the file, the line and the field; unknown extra fields are ignored; empty lines
are skipped; duplicate ids are an error. Writing is ``json.dumps(result.to_json())``.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from datetime import date
from pathlib import Path
from typing import TypeVar

from matching.licences import LICENCE_CLASSES, canonical_licence
from matching.models import (
    EMPLOYMENT_TYPES,
    GERMAN_LEVELS,
    RECOGNITION_STATES,
    Candidate,
    Experience,
    Qualification,
    Recognition,
    Vacancy,
)

T = TypeVar("T")


class InputError(ValueError):
    """Invalid input; the message names file, line and field."""


class _Record:
    """Typed access to one JSON object with error messages naming the line and field."""

    def __init__(self, data: Mapping[str, object], where: str) -> None:
        self.data = data
        self.where = where

    def fail(self, key: str, problem: str) -> InputError:
        """An error naming this line and ``key``."""
        return InputError(f"{self.where}: field '{key}': {problem}")

    def text(self, key: str, required: bool = False) -> str | None:
        """A string (numbers accepted, e.g. postcodes); None if missing."""
        value = self.data.get(key)
        if value is None:
            if required:
                raise self.fail(key, "is required")
            return None
        if isinstance(value, bool) or not isinstance(value, str | int):
            raise self.fail(key, f"{json.dumps(value, ensure_ascii=False)} is not a string")
        text = str(value).strip()
        if required and not text:
            raise self.fail(key, "must not be empty")
        return text or None

    def texts(self, key: str) -> tuple[str, ...]:
        """A list of strings; () if missing."""
        value = self.data.get(key)
        if value is None:
            return ()
        if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise self.fail(key, "must be a list of strings")
        return tuple(v.strip() for v in value if v.strip())

    def choice(self, key: str, allowed: tuple[str, ...]) -> str | None:
        """One of ``allowed``; None if missing."""
        value = self.data.get(key)
        if value is None:
            return None
        if value not in allowed:
            shown = json.dumps(value, ensure_ascii=False).replace('"', "'")
            raise self.fail(key, f"{shown} is not one of {', '.join(allowed)}")
        return str(value)

    def choices(self, key: str, allowed: tuple[str, ...]) -> tuple[str, ...]:
        """A list of values from ``allowed``."""
        values = self.texts(key)
        for value in values:
            if value not in allowed:
                raise self.fail(key, f"'{value}' is not one of {', '.join(allowed)}")
        return values

    def licences(self, key: str) -> tuple[str, ...] | None:
        """Licence classes (canonical codes); None if missing, () if empty."""
        if self.data.get(key) is None:
            return None
        out = []
        for value in self.texts(key):
            code = canonical_licence(value)
            if code is None:
                raise self.fail(key, f"'{value}' is not one of {', '.join(LICENCE_CLASSES)}")
            out.append(code)
        return tuple(out)

    def number(self, key: str) -> float | None:
        """A number >= 0; None if missing."""
        value = self.data.get(key)
        if value is None:
            return None
        if isinstance(value, bool) or not isinstance(value, int | float) or value < 0:
            raise self.fail(key, f"{json.dumps(value)} is not a number >= 0")
        return float(value)

    def integer(self, key: str, default: int) -> int:
        """A whole number >= 1; ``default`` if missing."""
        value = self.data.get(key)
        if value is None:
            return default
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise self.fail(key, f"{json.dumps(value)} is not a whole number >= 1")
        return value

    def day(self, key: str) -> date | None:
        """An ISO date; None if missing."""
        value = self.data.get(key)
        if value is None:
            return None
        try:
            return date.fromisoformat(str(value)) if isinstance(value, str) else None
        except ValueError:
            pass
        raise self.fail(key, f"{json.dumps(value)} is not a date YYYY-MM-DD")

    def flag(self, key: str) -> bool | None:
        """true/false; None if missing."""
        value = self.data.get(key)
        if value is None or isinstance(value, bool):
            return value
        raise self.fail(key, f"{json.dumps(value)} is not true or false")

    def objects(self, key: str) -> list[_Record]:
        """A list of objects as records on the same line; [] if missing."""
        value = self.data.get(key)
        if value is None:
            return []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise self.fail(key, "must be a list of objects")
        return [_Record(v, self.where) for v in value]


def _candidate(r: _Record) -> Candidate:
    experience = []
    for item in r.objects("experience"):
        occupation = item.text("occupation")
        if occupation is None:
            raise r.fail("experience", "each entry needs 'occupation'")
        experience.append(Experience(occupation, item.number("years")))
    qualifications = []
    for item in r.objects("qualifications"):
        name = item.text("name")
        if name is None:
            raise r.fail("qualifications", "each entry needs 'name'")
        state = item.choice("recognition", RECOGNITION_STATES) or "unknown"
        recognition: Recognition = state  # type: ignore[assignment]
        qualifications.append(Qualification(name, recognition))
    return Candidate(
        id=str(r.text("id", required=True)),
        language=r.text("language"),
        desired_occupations=r.texts("desired_occupations"),
        experience=tuple(experience),
        skills=r.texts("skills"),
        german_level=r.choice("german_level", GERMAN_LEVELS),
        languages=r.texts("languages"),
        driving_licences=r.licences("driving_licences"),
        postcode=r.text("postcode"),
        municipality=r.text("municipality"),
        max_commute_km=r.number("max_commute_km"),
        employment_types=r.choices("employment_types", EMPLOYMENT_TYPES),
        available_from=r.day("available_from"),
        qualifications=tuple(qualifications),
    )


def _vacancy(r: _Record) -> Vacancy:
    return Vacancy(
        id=str(r.text("id", required=True)),
        employer=r.text("employer"),
        title=r.text("title"),
        occupation=r.text("occupation"),
        description=r.text("description"),
        required_skills=r.texts("required_skills"),
        optional_skills=r.texts("optional_skills"),
        german_level_min=r.choice("german_level_min", GERMAN_LEVELS),
        languages_helpful=r.texts("languages_helpful"),
        driving_licences_required=r.licences("driving_licences_required") or (),
        postcode=r.text("postcode"),
        municipality=r.text("municipality"),
        employment_type=r.choice("employment_type", EMPLOYMENT_TYPES),
        openings=r.integer("openings", 1),
        start_date=r.day("start_date"),
        qualification_required=r.flag("qualification_required"),
    )


def json_objects(path: Path) -> Iterator[tuple[str, dict[str, object]]]:
    """("<file> line <n>", object) for each non-empty line of a JSON Lines file; raises
    ``InputError`` naming the file and line for unreadable files, bad UTF-8, bad JSON and
    lines that are not objects."""
    try:
        handle = path.open("rb")
    except OSError as exc:
        raise InputError(f"{path.name}: cannot read ({exc.strerror})") from None
    with handle:
        for number, raw in enumerate(handle, start=1):
            where = f"{path.name} line {number}"
            try:
                line = raw.decode("utf-8-sig" if number == 1 else "utf-8")
            except UnicodeDecodeError:
                raise InputError(f"{where}: not valid UTF-8") from None
            if not line.strip():
                continue
            try:
                data = json.loads(line)
            except json.JSONDecodeError as exc:
                problem = f"invalid JSON ({exc.msg} at column {exc.colno})"
                raise InputError(f"{where}: {problem}") from None
            if not isinstance(data, dict):
                raise InputError(f"{where}: expected a JSON object")
            yield where, data


def _read(path: Path, build: Callable[[_Record], T], key: Callable[[T], str]) -> list[T]:
    out: list[T] = []
    first_line: dict[str, str] = {}
    for where, data in json_objects(path):
        record = _Record(data, where)
        item = build(record)
        item_id = key(item)
        if item_id in first_line:
            raise record.fail("id", f"duplicate id '{item_id}' (first on {first_line[item_id]})")
        first_line[item_id] = record.where
        out.append(item)
    return out


def read_candidates(path: Path | str) -> list[Candidate]:
    """Read and validate candidates from a JSON Lines file; raises ``InputError``."""
    return _read(Path(path), _candidate, lambda c: c.id)


def read_vacancies(path: Path | str) -> list[Vacancy]:
    """Read and validate vacancies from a JSON Lines file; raises ``InputError``."""
    return _read(Path(path), _vacancy, lambda v: v.id)
