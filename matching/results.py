"""Output records of the matcher: explanations, matches and fair plans."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

ParamValue = str | int | float | tuple[str, ...]


@dataclass(frozen=True, slots=True)
class Explanation:
    """A language-neutral reason or gap: a code plus parameters the web app translates."""

    code: str
    params: Mapping[str, ParamValue] = field(default_factory=dict)

    def to_json(self) -> dict[str, Any]:
        """Serialise as ``{"code": ..., **params}`` (tuples become lists)."""
        out: dict[str, Any] = {"code": self.code}
        for key, value in self.params.items():
            out[key] = list(value) if isinstance(value, tuple) else value
        return out


@dataclass(frozen=True, slots=True)
class Match:
    """One scored (candidate, vacancy) pair with its reasons and gaps."""

    candidate_id: str
    vacancy_id: str
    score: float
    reasons: tuple[Explanation, ...] = ()
    gaps: tuple[Explanation, ...] = ()

    def to_json(self, counterpart: str) -> dict[str, Any]:
        """Serialise for a result line; ``counterpart`` is "vacancy" or "candidate"."""
        other = self.vacancy_id if counterpart == "vacancy" else self.candidate_id
        return {
            counterpart: other,
            "score": round(self.score, 3),
            "reasons": [r.to_json() for r in self.reasons],
            "gaps": [g.to_json() for g in self.gaps],
        }


def _ranking_line(side: str, identifier: str, counterpart: str,
                  matches: tuple[Match, ...]) -> dict[str, Any]:
    """One result line: the ranked side's id and its matches, best first."""
    return {side: identifier, "matches": [m.to_json(counterpart) for m in matches]}


@dataclass(frozen=True, slots=True)
class CandidateMatches:
    """The ranked vacancies for one candidate, best first."""

    candidate_id: str
    matches: tuple[Match, ...]

    def to_json(self) -> dict[str, Any]:
        """Serialise as one CLI output line."""
        return _ranking_line("candidate", self.candidate_id, "vacancy", self.matches)


@dataclass(frozen=True, slots=True)
class VacancyMatches:
    """The ranked candidates for one vacancy, best first."""

    vacancy_id: str
    matches: tuple[Match, ...]

    def to_json(self) -> dict[str, Any]:
        """Serialise as one CLI output line (``--for vacancies``)."""
        return _ranking_line("vacancy", self.vacancy_id, "candidate", self.matches)


@dataclass(frozen=True, slots=True)
class FairPlan:
    """Who should meet whom at a fair.

    ``routes``: per candidate the booths (vacancies) to visit, best first.
    ``invitations``: per vacancy the candidates to expect, best first.
    """

    routes: tuple[CandidateMatches, ...]
    invitations: tuple[VacancyMatches, ...]
