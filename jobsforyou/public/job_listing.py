"""A fair's jobs for visitors: filtered by occupation and kind of work, grouped by employer."""

from __future__ import annotations

from dataclasses import dataclass

from jobsforyou.vacancies.models import Vacancy


@dataclass(frozen=True)
class EmployerJobs:
    """The jobs one employer brings to the fair, with the booth where to find them."""

    employer_name: str
    booth: str | None
    vacancies: tuple[Vacancy, ...]


def occupation_choices(occupation_names: dict[int, str | None]) -> list[str]:
    """The names of the occupations among the fair's jobs, each once, alphabetically."""
    return sorted({name for name in occupation_names.values() if name}, key=str.casefold)


def kinds_of_work(vacancies: list[Vacancy]) -> list[str]:
    """The kinds of employment among the fair's jobs (codes), each once."""
    return sorted({v.employment_type for v in vacancies if v.employment_type})


def group_jobs(
    vacancies: list[Vacancy],
    occupation_names: dict[int, str | None],
    booths: dict[int, str],
    occupation: str = "",
    kind: str = "",
) -> list[EmployerJobs]:
    """The jobs that fit the filters, grouped by employer (by name), titles alphabetically."""
    chosen = [
        v for v in vacancies
        if (not occupation or occupation_names.get(v.id) == occupation)
        and (not kind or v.employment_type == kind)
    ]
    by_employer: dict[int, list[Vacancy]] = {}
    for vacancy in chosen:
        by_employer.setdefault(vacancy.employer_id, []).append(vacancy)
    groups = [
        EmployerJobs(jobs[0].employer.name, booths.get(employer_id),
                     tuple(sorted(jobs, key=lambda v: v.title.casefold())))
        for employer_id, jobs in by_employer.items()
    ]
    return sorted(groups, key=lambda group: group.employer_name.casefold())
