"""Candidates and vacancies turned into arrays for vectorised shortlisting and scoring.

Each distinct text is resolved once per ``Resolver`` (the ``Matcher`` keeps one), so a county
pool with many repeated titles costs little. ``build_tables`` puts together the parts: the
occupations of both sides (concepts.py), the skills (skill_space.py), the texts compared with
titles, places, and the facts of each side as arrays.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from matching.concepts import (
    ConceptTable,
    candidate_concepts,
    occupation_texts,
    vacancy_concepts,
)
from matching.geo import Gazetteer
from matching.licences import canonical_licence, implied_licences, licence_mask
from matching.models import EMPLOYMENT_TYPES, GERMAN_LEVELS, Candidate, Vacancy
from matching.ngrams import CharNgramTfidf
from matching.resolver import Resolver
from matching.skill_space import SkillSpace, candidate_skill_texts, row_columns
from matching.text_index import PreparedText

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
Row = TypeVar("Row")

# desired-occupation texts per candidate compared with titles directly (TF-IDF cosine)
TEXT_SLOTS = 2
RECOGNITION_VALUE = {"recognised": 1.0, "in_progress": 0.5, "none": 0.0}
UNKNOWN = -1


@dataclass(slots=True)
class Tables:
    """Both sides of a ranking as arrays over the same occupation and skill columns."""

    cand_concepts: ConceptTable
    cand_texts: list[tuple[PreparedText, ...]]
    cand_text_vectors: list[sp.csr_matrix]
    cand_text_latin: npt.NDArray[np.bool_]
    cand_skills: sp.csr_matrix
    cand_level: IntArray
    cand_lat: FloatArray
    cand_lon: FloatArray
    cand_max_km: FloatArray
    cand_licences: IntArray
    cand_licences_known: npt.NDArray[np.bool_]
    cand_types: IntArray
    cand_available: IntArray
    cand_languages: IntArray
    cand_recognition: FloatArray
    vac_concepts: ConceptTable
    vac_title_similarity: npt.NDArray[np.float32]
    vac_titles: list[PreparedText | None]
    vac_title_vectors: sp.csr_matrix
    # the normalised words as numbers: a candidate's texts (-1: none) and each title (-1: none)
    cand_text_ids: npt.NDArray[np.int64]
    vac_title_id: npt.NDArray[np.int64]
    vac_required: sp.csr_matrix
    vac_optional: sp.csr_matrix
    vac_level: IntArray
    vac_lat: FloatArray
    vac_lon: FloatArray
    vac_licences: IntArray
    vac_type: IntArray
    vac_start: IntArray
    vac_languages: IntArray
    vac_qualification: IntArray
    skill_labels: list[str]


def build_tables(
    candidates: Sequence[Candidate],
    vacancies: Sequence[Vacancy],
    resolver: Resolver,
    gazetteer: Gazetteer,
    experience_factor: float,
) -> Tables:
    """Resolve every text once and lay both sides out as arrays."""
    resolved = resolver.occupations(occupation_texts(candidates, vacancies, resolver))
    language_bits: dict[str, int] = {}
    return Tables(
        cand_concepts=candidate_concepts(candidates, resolved, experience_factor),
        vac_concepts=vacancy_concepts(vacancies, resolved, resolver),
        vac_title_similarity=_title_similarity(vacancies, resolver),
        **_skill_parts(candidates, vacancies, resolver),
        **_text_parts(candidates, vacancies, resolver),
        **_place_parts(candidates, vacancies, gazetteer),
        **_candidate_facts(candidates, language_bits),
        **_vacancy_facts(vacancies, language_bits),
    )


def _ints(rows: Sequence[Row], value: Callable[[Row], int]) -> IntArray:
    return np.array([value(row) for row in rows], dtype=np.int64)


def _floats(rows: Sequence[Row], value: Callable[[Row], float]) -> FloatArray:
    return np.array([value(row) for row in rows], dtype=np.float64)


def _level(value: str | None) -> int:
    return GERMAN_LEVELS.index(value) if value in GERMAN_LEVELS else UNKNOWN


def _day(value: Any) -> int:
    return int(value.toordinal()) if value else UNKNOWN


def _language_bits(codes: Sequence[str], bits: dict[str, int]) -> int:
    mask = 0
    for code in codes:
        key = code.strip().lower()
        if key not in bits and len(bits) < 62:
            bits[key] = len(bits)
        if key in bits:
            mask |= 1 << bits[key]
    return mask


def _type_mask(types: Sequence[str]) -> int:
    return sum(1 << EMPLOYMENT_TYPES.index(t) for t in set(types) if t in EMPLOYMENT_TYPES)


def _recognition(candidate: Candidate) -> float:
    values = [RECOGNITION_VALUE[q.recognition] for q in candidate.qualifications
              if q.recognition in RECOGNITION_VALUE]
    return max(values) if values else float(UNKNOWN)


def _title_similarity(vacancies: Sequence[Vacancy],
                      resolver: Resolver) -> npt.NDArray[np.float32]:
    """(vacancies × occupations) TF-IDF cosine of each title to each occupation's names."""
    similarity = resolver.title_similarity([v.title for v in vacancies if v.title])
    matrix = np.zeros((len(vacancies), len(resolver.vocabulary.occupations)), dtype=np.float32)
    for r, v in enumerate(vacancies):
        if v.title:
            matrix[r] = similarity[v.title]
    return matrix


def _skill_parts(candidates: Sequence[Candidate], vacancies: Sequence[Vacancy],
                 resolver: Resolver) -> dict[str, Any]:
    """Skill matrices over shared columns, and each vacancy's required licence classes.

    Licences are skills too ("Führerschein CE" as a required skill): a candidate who listed
    skills also has the licence skills of the classes held, and a vacancy's licence skill
    counts as a required licence class.
    """
    vocabulary = resolver.vocabulary
    licence_skills = {s.code: s for s in vocabulary.skills if s.kind == "licence" and s.code}
    licence_names = {code: skill.display_name("de") for code, skill in licence_skills.items()}
    space = SkillSpace(resolver)
    cand_skills, vac_required, vac_optional = space.matrices(
        candidate_skill_texts(candidates, licence_names),
        [v.required_skills for v in vacancies],
        [v.optional_skills for v in vacancies],
    )
    skill_codes = {vocabulary.skill_position(s.id): code for code, s in licence_skills.items()}
    required_licences = [
        {code for code in (canonical_licence(x) for x in v.driving_licences_required) if code}
        | {skill_codes[i] for i in row_columns(vac_required, r) if i in skill_codes}
        for r, v in enumerate(vacancies)
    ]
    return {
        "cand_skills": cand_skills, "vac_required": vac_required, "vac_optional": vac_optional,
        "vac_licences": _ints(required_licences, licence_mask), "skill_labels": space.labels,
    }


def in_latin_script(text: str) -> bool:
    """Whether most letters of ``text`` are Latin (its words can be compared with a German
    title character by character; Cyrillic, Arabic or Persian words cannot)."""
    letters = [ch for ch in text if ch.isalpha()]
    latin = sum(1 for ch in letters if unicodedata.name(ch, "").startswith("LATIN"))
    return bool(letters) and latin * 2 > len(letters)


def _text_parts(candidates: Sequence[Candidate], vacancies: Sequence[Vacancy],
                resolver: Resolver) -> dict[str, Any]:
    """The candidates' own words and the vacancy titles, prepared and as TF-IDF vectors."""
    empty = PreparedText("", "")
    cand_texts = [tuple(resolver.prepare(t) for t in c.desired_occupations) for c in candidates]
    vac_titles = [resolver.prepare(v.title) if v.title else None for v in vacancies]
    slots = [[(texts[j] if len(texts) > j else empty).expanded for texts in cand_texts]
             for j in range(TEXT_SLOTS)]  # fmt: skip
    distinct = sorted({*(x for slot in slots for x in slot),
                       *(x.expanded for x in vac_titles if x is not None), ""})
    row_of = {text: row for row, text in enumerate(distinct)}
    # fitted on this call's own texts (as plain character TF-IDF would be), so that words the
    # vocabulary has never seen still count: the text signal never loses to its baseline
    distinct_vectors = CharNgramTfidf(3, 5).fit_transform(distinct).tocsr()

    def vectors(texts: Sequence[str]) -> sp.csr_matrix:
        return distinct_vectors[[row_of[x] for x in texts]]

    return {
        "cand_texts": cand_texts,
        "cand_text_latin": np.array(
            [any(in_latin_script(t) for t in c.desired_occupations) for c in candidates],
            dtype=np.bool_),
        "cand_text_vectors": [vectors(slot) for slot in slots],
        "vac_titles": vac_titles,
        "vac_title_vectors": vectors([(x or empty).expanded for x in vac_titles]),
        **_text_ids(cand_texts, vac_titles),
    }


def _text_ids(cand_texts: Sequence[tuple[PreparedText, ...]],
              vac_titles: Sequence[PreparedText | None]) -> dict[str, Any]:
    """Each distinct normalised text as a number, so that "identical after normalisation" is an
    array comparison over the pairs rather than a string comparison per pair."""
    ids: dict[str, int] = {}
    width = max((len(texts) for texts in cand_texts), default=0) or 1
    cand = np.full((len(cand_texts), width), -1, dtype=np.int64)
    for row, texts in enumerate(cand_texts):
        for column, text in enumerate(texts):
            cand[row, column] = ids.setdefault(text.base, len(ids))
    vac = np.array([ids.get(title.base, -2) if title is not None else -1 for title in vac_titles],
                   dtype=np.int64)  # -2: a title no candidate wrote
    return {"cand_text_ids": cand, "vac_title_id": vac}


def _place_parts(candidates: Sequence[Candidate], vacancies: Sequence[Vacancy],
                 gazetteer: Gazetteer) -> dict[str, Any]:
    """Coordinates of each side's place (NaN where unknown)."""

    def coords(postcode: str | None, municipality: str | None) -> tuple[float, float]:
        place = gazetteer.locate(postcode, municipality)
        return (place.lat, place.lon) if place else (np.nan, np.nan)

    cand_xy = np.array([coords(c.postcode, c.municipality) for c in candidates]).reshape(-1, 2)
    vac_xy = np.array([coords(v.postcode, v.municipality) for v in vacancies]).reshape(-1, 2)
    return {"cand_lat": cand_xy[:, 0], "cand_lon": cand_xy[:, 1],
            "vac_lat": vac_xy[:, 0], "vac_lon": vac_xy[:, 1]}


def _candidate_facts(candidates: Sequence[Candidate],
                     language_bits: dict[str, int]) -> dict[str, Any]:
    """German level, reach, licences, kinds of work, start, languages, recognition."""
    return {
        "cand_level": _ints(candidates, lambda c: _level(c.german_level)),
        "cand_max_km": _floats(
            candidates, lambda c: c.max_commute_km if c.max_commute_km is not None else np.nan),
        "cand_licences": _ints(
            candidates, lambda c: licence_mask(implied_licences(c.driving_licences or ()))),
        "cand_licences_known": np.array([c.driving_licences is not None for c in candidates],
                                        dtype=np.bool_),
        "cand_types": _ints(candidates, lambda c: _type_mask(c.employment_types)),
        "cand_available": _ints(candidates, lambda c: _day(c.available_from)),
        "cand_languages": _ints(candidates, lambda c: _language_bits(
            (*c.languages, *([c.language] if c.language else [])), language_bits)),
        "cand_recognition": _floats(candidates, _recognition),
    }


def _vacancy_facts(vacancies: Sequence[Vacancy],
                   language_bits: dict[str, int]) -> dict[str, Any]:
    """Minimum German level, kind of work, start, helpful languages, recognition needed."""
    return {
        "vac_level": _ints(vacancies, lambda v: _level(v.german_level_min)),
        "vac_type": _ints(vacancies, lambda v: EMPLOYMENT_TYPES.index(v.employment_type)
                          if v.employment_type in EMPLOYMENT_TYPES else UNKNOWN),
        "vac_start": _ints(vacancies, lambda v: _day(v.start_date)),
        "vac_languages": _ints(vacancies,
                               lambda v: _language_bits(v.languages_helpful, language_bits)),
        "vac_qualification": _ints(vacancies, lambda v: UNKNOWN if v.qualification_required
                                   is None else int(v.qualification_required)),
    }
