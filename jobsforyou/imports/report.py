"""What an import does (or would do): one outcome per row, every error with row and column."""

from __future__ import annotations

import enum
from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from flask_babel.speaklater import LazyString

from jobsforyou.employers.models import Employer
from jobsforyou.vacancies.models import Vacancy

EmployerKey = tuple[str, ...]


class Outcome(enum.StrEnum):
    """What importing a row does (or would do)."""

    NEW = "new"
    UPDATE = "update"
    UNCHANGED = "unchanged"
    ERROR = "error"


@dataclass(frozen=True)
class RowError:
    """A problem in one cell: the row number in the file, the column as named there, why."""

    row: int
    column: str
    message: LazyString | str


@dataclass
class RowInput:
    """One row to import: its number, cells by column key, and the column names of its source."""

    number: int
    cells: dict[str, object]
    labels: dict[str, str]
    original: list[object] = field(default_factory=list)


@dataclass
class RowResult:
    """The outcome of one row, with what it would write."""

    row: int
    ref: str
    outcome: Outcome
    errors: list[RowError]
    original: list[object]
    changes: dict[str, Any] = field(default_factory=dict, repr=False)
    vacancy: Vacancy | None = field(default=None, repr=False)
    employer: Employer | None = field(default=None, repr=False)
    new_employer: EmployerKey | None = None


@dataclass
class ImportReport:
    """The outcome of a whole file or API call."""

    headers: list[str] = field(default_factory=list)
    rows: list[RowResult] = field(default_factory=list)
    file_errors: list[LazyString] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    new_employers: dict[EmployerKey, dict[str, Any]] = field(default_factory=dict, repr=False)
    applied: bool = False

    @property
    def counts(self) -> dict[str, int]:
        """How many rows have each outcome (every outcome listed, zero included)."""
        found = Counter(row.outcome.value for row in self.rows)
        return {outcome.value: found.get(outcome.value, 0) for outcome in Outcome}

    @property
    def errors(self) -> list[RowError]:
        """All row errors, in row order."""
        return [error for row in self.rows for error in row.errors]

    @property
    def error_rows(self) -> list[RowResult]:
        """The rows that cannot be imported."""
        return [row for row in self.rows if row.outcome == Outcome.ERROR]

    @property
    def has_errors(self) -> bool:
        """Whether anything was refused (the file, or at least one row)."""
        return bool(self.file_errors) or any(row.errors for row in self.rows)

    @property
    def importable(self) -> int:
        """How many rows would change something."""
        return sum(1 for row in self.rows if row.outcome in (Outcome.NEW, Outcome.UPDATE))
