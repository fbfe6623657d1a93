"""Figures that outlive a seeker's personal data: what each person added to a fair's statistics.

The statistics of a fair are the live count over its registrations plus the counts retained in
`RetainedFigure` when a registration was deleted. Both come from the same place: the
contributors registered here say, for a list of registrations, which cells (fair, figure, key)
each person adds to. `retain_contribution(registration)` adds a person's cells to the retained
table just before the row goes, so the figures are the same before and after a deletion.

This module lives in the registration package (not in `statistics`, which sits above it), so
that `registration.services.delete_registration` can call it without importing a higher layer.
Features above registration whose rows go with a registration (the outcomes of talks) register
their own contributor from their package (see `statistics/contributions.py`).

The table keeps one-dimensional counts per fair only (no combination of figures, no dates, no
ids), so a row cannot be traced back to a person; small counts are suppressed when shown.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable, Sequence
from functools import lru_cache

from sqlalchemy import ForeignKey, String, UniqueConstraint, select
from sqlalchemy.orm import Mapped, mapped_column

from jobsforyou.codes import (
    GERMAN_LEVEL_UNKNOWN,
    GERMAN_LEVELS,
    INTERPRETER_LANGUAGES,
    SPOKEN_LANGUAGES,
)
from jobsforyou.extensions import db
from jobsforyou.occupations.services import vocabulary
from jobsforyou.registration.models import Registration, RegistrationChannel, RegistrationStatus

# a cell of the statistics: (fair id, figure, key), e.g. (3, "german_level", "A2")
Cell = tuple[int, str, str]
Contributor = Callable[[Sequence[Registration], dt.date], Counter[Cell]]

ATTENDANCE = "attendance"
LANGUAGE = "language"
OTHER = "other"  # the key of values outside the form's choices
GERMAN_LEVEL = "german_level"
SOUGHT = "occupation_sought"
INTERPRETER = "interpreter"
REGISTERED, CHECKED_IN, WALK_IN, NO_SHOW = "registered", "checked_in", "walk_in", "no_show"
UNKNOWN_GROUP = "unknown"
# resolutions of a seeker's own words at least this confident count for an occupation group
RECOGNISED_CONFIDENCE = 0.75

_CONTRIBUTORS: list[Contributor] = []


class RetainedFigure(db.Model):  # type: ignore[name-defined,misc]
    """How many people of a fair, whose data has been deleted since, counted in a figure's key."""

    __tablename__ = "retained_figures"
    __table_args__ = (UniqueConstraint("fair_id", "figure", "key"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    fair_id: Mapped[int] = mapped_column(ForeignKey("fairs.id", ondelete="CASCADE"), index=True)
    figure: Mapped[str] = mapped_column(String(40))
    key: Mapped[str] = mapped_column(String(60))
    count: Mapped[int] = mapped_column(default=0)


def register_contributor(contributor: Contributor) -> None:
    """Declare a function that counts what a list of registrations adds to the statistics."""
    if contributor not in _CONTRIBUTORS:
        _CONTRIBUTORS.append(contributor)


def contributions(registrations: Sequence[Registration], today: dt.date) -> Counter[Cell]:
    """Every cell the registrations add to, from every registered contributor."""
    total: Counter[Cell] = Counter()
    if not registrations:
        return total
    for contributor in _CONTRIBUTORS:
        total.update(contributor(registrations, today))
    return total


def retain_contribution(registration: Registration, today: dt.date) -> None:
    """Keep what a registration adds to its fair's figures, before its row is deleted.

    Only for fairs that have taken place (on or before `today`): someone who deletes their data
    before the fair simply did not register. The caller holds the fair's row lock (deletions of
    one fair are decided one after the other), so the read-add-write below cannot lose a count.
    """
    if registration.fair.date > today:
        return
    cells = contributions([registration], today)
    if not cells:
        return
    fair_id = registration.fair_id
    existing = {
        (row.figure, row.key): row
        for row in db.session.scalars(select(RetainedFigure).where(
            RetainedFigure.fair_id == fair_id))
    }
    for (cell_fair, figure, key), count in sorted(cells.items()):
        if cell_fair != fair_id or count <= 0:
            continue
        row = existing.get((figure, key))
        if row is None:
            row = RetainedFigure(fair_id=fair_id, figure=figure, key=key, count=0)
            db.session.add(row)
            existing[(figure, key)] = row
        row.count += count
    db.session.flush()


def retained_counts(fair_ids: Sequence[int]) -> Counter[Cell]:
    """The retained cells of some fairs."""
    counts: Counter[Cell] = Counter()
    if not fair_ids:
        return counts
    rows = db.session.execute(select(RetainedFigure.fair_id, RetainedFigure.figure,
                                     RetainedFigure.key, RetainedFigure.count)
                              .where(RetainedFigure.fair_id.in_(list(fair_ids))))
    for fair_id, figure, key, count in rows:
        counts[(fair_id, figure, key)] += count
    return counts


def is_walk_in(registration: Registration) -> bool:
    """Whether the seeker was registered at the check-in desk on the day (a walk-in)."""
    return registration.channel == RegistrationChannel.DESK


@lru_cache(maxsize=4096)
def known_code(value: str, known: Sequence[str]) -> str:
    """``value`` if it is one of the ``known`` codes, else "other": a cell's key is always a code
    of the form's choices, never free text that could carry something about a person."""
    return value if value in known else OTHER


def occupation_group(words: str, language: str) -> str:
    """The ISCO-08 major group (one digit) of an occupation in a seeker's own words, or unknown."""
    found = vocabulary().resolve_occupation(words, language, limit=1)
    if found and found[0][1] >= RECOGNISED_CONFIDENCE and found[0][0].isco:
        return found[0][0].isco[:1]
    return UNKNOWN_GROUP


def person_contributions(registrations: Sequence[Registration], today: dt.date) -> Counter[Cell]:
    """Attendance, languages, German level, occupations sought and interpreters, per person.

    Withdrawn registrations add nothing. A no-show had a place, did not check in, and the fair
    is over; a person counts once per language, occupation group and interpreter language.
    """
    cells: Counter[Cell] = Counter()
    for registration in registrations:
        if registration.status == RegistrationStatus.WITHDRAWN:
            continue
        fair_id = registration.fair_id
        cells[(fair_id, ATTENDANCE, REGISTERED)] += 1
        if registration.checked_in_at is not None:
            cells[(fair_id, ATTENDANCE, CHECKED_IN)] += 1
            if is_walk_in(registration):
                cells[(fair_id, ATTENDANCE, WALK_IN)] += 1
        elif (registration.status == RegistrationStatus.CONFIRMED
              and registration.fair.date < today):
            cells[(fair_id, ATTENDANCE, NO_SHOW)] += 1
        spoken = {known_code(x, SPOKEN_LANGUAGES) for x in registration.languages or ()}
        for language in sorted(spoken):
            cells[(fair_id, LANGUAGE, language)] += 1
        if registration.german_level:
            level = known_code(registration.german_level, (*GERMAN_LEVELS, GERMAN_LEVEL_UNKNOWN))
            cells[(fair_id, GERMAN_LEVEL, level)] += 1
        groups = {occupation_group(words.strip(), registration.language)
                  for words in registration.desired_occupations or () if words.strip()}
        for group in sorted(groups):
            cells[(fair_id, SOUGHT, group)] += 1
        if registration.interpreter_language:
            interpreter = known_code(registration.interpreter_language, INTERPRETER_LANGUAGES)
            cells[(fair_id, INTERPRETER, interpreter)] += 1
    return cells


register_contributor(person_contributions)
