"""The statistics of some fairs: live counts plus retained counts, with small cells suppressed.

Counts of people below MIN_SHOWN are never shown (nor exported): they read "fewer than 5".
Where the cells of a figure add up to a total shown elsewhere (each person has one German
level; checked in + no-shows make the people with a place), a single suppressed cell could be
recomputed from the others, so the next smallest cell is suppressed as well (secondary
suppression). Known limit: someone who sees the figures of each fair and of the sum across
fairs could subtract one from the other; the sum is suppressed the same way, and a county's
figures are read by its own staff only.

Matches suggested are not among the figures: the match plan is computed on demand by the
matching library and not stored, so counting it would mean re-running matching for every fair
on every page view (and the count would change with each change of vacancies).
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from flask_babel import format_decimal
from sqlalchemy import select

from jobsforyou.booths.attendance import open_vacancies_at_fair
from jobsforyou.codes import GERMAN_LEVEL_UNKNOWN, GERMAN_LEVELS, german_level_label, language_name
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.fairs.scope import fairs_in_scope
from jobsforyou.occupations.services import vocabulary
from jobsforyou.registration import retained
from jobsforyou.registration.models import Registration
from jobsforyou.scoping import SYSTEM, Scope, scoped
from jobsforyou.statistics import labels
from jobsforyou.statistics.contributions import OUTCOME, OUTCOME_STAGES, TALKS

MIN_SHOWN = 5
Value = int | None  # None: fewer than MIN_SHOWN people (suppressed)


@dataclass(frozen=True)
class Row:
    """One category of a figure with its values (one per series)."""

    key: str
    label: str
    values: tuple[Value, ...]


@dataclass(frozen=True)
class Figure:
    """A figure as shown: a title, the names of its series and its rows."""

    id: str
    title: str
    series: tuple[str, ...]
    rows: tuple[Row, ...]


def fairs_of(scope: Scope, municipality_id: int | None = None) -> list[Fair]:
    """The fairs of a scope (optionally of one municipality), newest first."""
    query = select(Fair).where(fairs_in_scope(scope)).order_by(Fair.date.desc(), Fair.id)
    if municipality_id is not None:
        query = query.where(Fair.municipality_id == municipality_id)
    return list(db.session.scalars(query))


def fair_of(scope: Scope, fair_id: int) -> Fair | None:
    """One fair of the scope, or None."""
    return db.session.scalar(select(Fair).where(Fair.id == fair_id, fairs_in_scope(scope)))


def counts_for(fairs: Sequence[Fair], today: dt.date) -> Counter[retained.Cell]:
    """Every cell of the fairs: what live registrations add plus what deleted ones left."""
    fair_ids = [fair.id for fair in fairs]
    if not fair_ids:
        return Counter()
    registrations = list(db.session.scalars(scoped(
        select(Registration).where(Registration.fair_id.in_(fair_ids)),
        SYSTEM,  # counted, never listed; the views ask for the fairs in the user's scope
    )))
    cells = retained.contributions(registrations, today)
    cells.update(retained.retained_counts(fair_ids))
    return cells


def offered_groups(fairs: Sequence[Fair]) -> Counter[str]:
    """Open vacancies of the fairs' attending employers by ISCO major group (not people)."""
    groups: Counter[str] = Counter()
    for fair in fairs:
        for vacancy in open_vacancies_at_fair(fair):
            occupation = vocabulary().occupation(vacancy.occupation_id) \
                if vacancy.occupation_id else None
            groups[occupation.isco[:1] if occupation and occupation.isco
                   else retained.UNKNOWN_GROUP] += 1
    return groups


def shown(count: int) -> Value:
    """A count of people as it may be shown: None below MIN_SHOWN."""
    return count if count >= MIN_SHOWN else None


def suppress(counts: dict[str, int], partition: bool = False) -> dict[str, Value]:
    """The counts as shown; for a partition, one suppressed cell hides the next smallest too."""
    result = {key: shown(count) for key, count in counts.items()}
    hidden = [key for key, value in result.items() if value is None]
    if partition and len(hidden) == 1:
        visible = sorted((count, key) for key, count in counts.items() if result[key] is not None)
        if visible:
            result[visible[0][1]] = None
    return result


def _by_figure(cells: Counter[retained.Cell]) -> dict[str, Counter[str]]:
    """The cells summed over the fairs, per figure."""
    figures: dict[str, Counter[str]] = {}
    for (_fair, figure, key), count in cells.items():
        figures.setdefault(figure, Counter())[key] += count
    return figures


def _sorted_by_value(rows: Iterable[Row]) -> tuple[Row, ...]:
    return tuple(sorted(rows, key=lambda row: (-(row.values[0] or 0), row.label)))


def _language_label(code: str) -> str:
    return str(labels.OTHER_VALUE) if code == retained.OTHER else language_name(code)


def _level_label(level: str) -> str:
    return str(labels.OTHER_VALUE) if level == retained.OTHER else german_level_label(level)


def build_figures(cells: Counter[retained.Cell], fairs: Sequence[Fair]) -> list[Figure]:
    """The figures of some fairs in the reader's language, suppressed where needed."""
    by_figure = _by_figure(cells)

    def counts(figure: str) -> Counter[str]:
        return by_figure.get(figure, Counter())

    attendance = counts(retained.ATTENDANCE)
    shown_attendance = {retained.REGISTERED: shown(attendance[retained.REGISTERED]),
                        retained.WALK_IN: shown(attendance[retained.WALK_IN])}
    shown_attendance.update(suppress({key: attendance[key] for key in
                                      (retained.CHECKED_IN, retained.NO_SHOW)}, partition=True))
    people = str(labels.SERIES["people"])
    figures = [Figure(retained.ATTENDANCE, str(labels.FIGURE_TITLES[retained.ATTENDANCE]),
                      (people,),
                      tuple(Row(key, str(label), (shown_attendance[key],))
                            for key, label in labels.ATTENDANCE_LABELS.items()))]

    languages = suppress(dict(counts(retained.LANGUAGE)))
    figures.append(Figure(retained.LANGUAGE, str(labels.FIGURE_TITLES[retained.LANGUAGE]),
                          (people,), _sorted_by_value(
                              Row(code, _language_label(code), (value,))
                              for code, value in languages.items())))

    levels = suppress(dict(counts(retained.GERMAN_LEVEL)), partition=True)
    order = {level: index for index, level in
             enumerate((*GERMAN_LEVELS, GERMAN_LEVEL_UNKNOWN))}
    figures.append(Figure(retained.GERMAN_LEVEL, str(labels.FIGURE_TITLES[retained.GERMAN_LEVEL]),
                          (people,), tuple(
                              Row(level, _level_label(level), (levels[level],))
                              for level in sorted(levels, key=lambda k: (order.get(k, 99), k)))))

    sought = suppress(dict(counts(retained.SOUGHT)))
    offered = offered_groups(fairs)
    group_keys = [key for key in labels.ISCO_MAJOR_GROUPS if key in sought or key in offered]
    figures.append(Figure("occupations", str(labels.FIGURE_TITLES["occupations"]),
                          (str(labels.SERIES["seekers"]), str(labels.SERIES["vacancies"])),
                          tuple(Row(key, str(labels.ISCO_MAJOR_GROUPS[key]),
                                    (sought.get(key, shown(0)), offered.get(key, 0)))
                                for key in group_keys)))

    outcomes = counts(OUTCOME)
    outcome_keys = (TALKS, *(stage.value for stage in OUTCOME_STAGES))
    figures.append(Figure("outcomes", str(labels.FIGURE_TITLES["outcomes"]),
                          (str(labels.SERIES["talks"]),),
                          tuple(Row(key, str(labels.OUTCOME_LABELS[key]), (shown(outcomes[key]),))
                                for key in outcome_keys)))

    needed = counts(retained.INTERPRETER)
    planned: Counter[str] = Counter()
    for fair in fairs:
        planned.update(set(fair.interpreter_languages or ()))
    shown_needed = suppress(dict(needed))
    interpreter_keys = set(needed) | set(planned)
    figures.append(Figure("interpreters", str(labels.FIGURE_TITLES["interpreters"]),
                          (str(labels.SERIES["needed"]), str(labels.SERIES["planned"])),
                          _sorted_by_value(
                              Row(code, _language_label(code),
                                  (shown_needed.get(code, shown(0)), planned.get(code, 0)))
                              for code in interpreter_keys)))
    return figures


def figures_for(fairs: Sequence[Fair], today: dt.date) -> list[Figure]:
    """The figures of some fairs (all summed) as of a day."""
    return build_figures(counts_for(fairs, today), fairs)


def per_fair_summary(fairs: Sequence[Fair], today: dt.date) -> list[tuple[Fair, Value, Value]]:
    """Per fair: people registered and checked in (suppressed), for the overview's list."""
    cells = counts_for(fairs, today)
    return [(fair, shown(cells[(fair.id, retained.ATTENDANCE, retained.REGISTERED)]),
             shown(cells[(fair.id, retained.ATTENDANCE, retained.CHECKED_IN)]))
            for fair in fairs]


def value_text(value: Value) -> str:
    """A shown value as text in the reader's locale: the number, or "fewer than 5"."""
    if value is None:
        return str(labels.FEWER_THAN)
    return format_decimal(value)
