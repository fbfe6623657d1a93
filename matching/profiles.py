"""Candidates and vacancies turned into arrays for vectorised shortlisting and scoring.

Each distinct text is resolved once per ``Resolver`` (the ``Matcher`` keeps one), so a county
pool with many repeated titles costs little.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from matching.geo import Gazetteer
from matching.licences import canonical_licence, implied_licences, licence_mask
from matching.models import EMPLOYMENT_TYPES, GERMAN_LEVELS, Candidate, Vacancy
from matching.text_index import PreparedText, TextPreparer
from matching.vocabulary import Vocabulary

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
Resolution = list[tuple[int, float]]

CANDIDATE_CONCEPTS = 6
VACANCY_CONCEPTS = 4
SKILL_CONFIDENCE = 0.82
# resolution confidence at or below which a concept counts (almost) nothing
CONFIDENCE_FLOOR = 0.4
# desired-occupation texts per candidate compared with titles directly (TF-IDF cosine)
TEXT_SLOTS = 2
RECOGNITION_VALUE = {"recognised": 1.0, "in_progress": 0.5, "none": 0.0}


class Resolver:
    """Resolves texts to occupations and skills, once per distinct text."""

    def __init__(self, vocabulary: Vocabulary, preparer: TextPreparer) -> None:
        self.vocabulary = vocabulary
        self.preparer = preparer
        self._prepared: dict[str, PreparedText] = {}
        self._occupations: dict[str, Resolution] = {}
        self._skills: dict[str, Resolution] = {}
        self._title_similarity: dict[str, npt.NDArray[np.float32]] = {}

    def clear(self) -> None:
        """Forget all cached resolutions."""
        for cache in (self._prepared, self._occupations, self._skills, self._title_similarity):
            cache.clear()

    def prepare(self, text: str) -> PreparedText:
        """The prepared form of ``text`` (cached)."""
        prepared = self._prepared.get(text)
        if prepared is None:
            prepared = self._prepared[text] = self.preparer.prepare(text)
        return prepared

    def occupations(self, texts: Sequence[str]) -> dict[str, Resolution]:
        """Resolutions of all ``texts`` (new ones resolved in one batch)."""
        new = sorted({t for t in texts if t not in self._occupations})
        if new:
            index = self.vocabulary.occupation_index
            hits = index.search_many([self.prepare(t) for t in new], 8)
            self._occupations.update(zip(new, hits, strict=True))
        return {t: self._occupations[t] for t in texts}

    def skills(self, texts: Sequence[str]) -> dict[str, Resolution]:
        """Skill resolutions of all ``texts``."""
        new = sorted({t for t in texts if t not in self._skills})
        if new:
            hits = self.vocabulary.skill_index.search_many([self.prepare(t) for t in new], 1)
            self._skills.update(zip(new, hits, strict=True))
        return {t: self._skills[t] for t in texts}

    def title_similarity(self, titles: Sequence[str]) -> dict[str, npt.NDArray[np.float32]]:
        """Per title the best TF-IDF cosine to any name of each occupation."""
        new = sorted({t for t in titles if t not in self._title_similarity})
        if new:
            rows = self.vocabulary.occupation_index.cosine_by_owner([self.prepare(t) for t in new])
            self._title_similarity.update(zip(new, rows, strict=True))
        return {t: self._title_similarity[t] for t in titles}


def _top_concepts(
    found: dict[int, tuple[float, int, float]], k: int
) -> list[tuple[int, float, int, float]]:
    ranked = sorted(found.items(), key=lambda item: -item[1][0])
    if not ranked:
        return []
    floor = max(0.25, 0.5 * ranked[0][1][0])
    return [(i, calibrate(c), src, yrs) for i, (c, src, yrs) in ranked[:k] if c >= floor]


def calibrate(confidence: float) -> float:
    """Map a resolution confidence to the weight of its concept: weak resolutions (below
    ``CONFIDENCE_FLOOR``) are mostly noise and count little."""
    span = 1.0 - CONFIDENCE_FLOOR
    return min(1.0, max(0.05, (confidence - CONFIDENCE_FLOOR) / span))


def _merge(
    found: dict[int, tuple[float, int, float]],
    hits: Resolution,
    factor: float,
    source: int,
    years: float,
) -> None:
    for index, conf in hits:
        value = conf * factor
        if value > found.get(index, (0.0, 0, 0.0))[0]:
            found[index] = (value, source, years)


@dataclass(slots=True)
class ConceptTable:
    """Top occupations per row: index (-1 = none), confidence, source (0 desired/title,
    1 experience) and years of experience."""

    index: IntArray
    conf: FloatArray
    source: npt.NDArray[np.int8]
    years: FloatArray

    @classmethod
    def build(cls, rows: list[list[tuple[int, float, int, float]]], k: int) -> ConceptTable:
        """Pad per-row concept lists into arrays of width ``k``."""
        n = len(rows)
        table = cls(
            np.full((n, k), -1, dtype=np.int64),
            np.zeros((n, k)),
            np.zeros((n, k), dtype=np.int8),
            np.zeros((n, k)),
        )
        for r, row in enumerate(rows):
            for j, (index, conf, source, years) in enumerate(row):
                table.index[r, j] = index
                table.conf[r, j] = conf
                table.source[r, j] = source
                table.years[r, j] = years
        return table

    def sparse(self, n_occupations: int) -> sp.csr_matrix:
        """(rows × occupations) confidences as a sparse matrix."""
        rows, cols = np.nonzero(self.index >= 0)
        return sp.csr_matrix(
            (self.conf[rows, cols], (rows, self.index[rows, cols])),
            shape=(self.index.shape[0], n_occupations),
        )


class SkillSpace:
    """Columns for skills: vocabulary skills first, then unresolved texts by folded form."""

    def __init__(self, resolver: Resolver) -> None:
        self.resolver = resolver
        self.n_vocabulary = len(resolver.vocabulary.skills)
        self.text_columns: dict[str, int] = {}
        self.labels: list[str] = [s.id for s in resolver.vocabulary.skills]

    def columns(self, texts: Sequence[str]) -> dict[str, int]:
        """Column per text: its vocabulary skill if resolved confidently, else its own."""
        resolved = self.resolver.skills(texts)
        out: dict[str, int] = {}
        for text in texts:
            hits = resolved[text]
            if hits and hits[0][1] >= SKILL_CONFIDENCE:
                out[text] = hits[0][0]
                continue
            key = self.resolver.prepare(text).base or text.strip().casefold()
            if key not in self.text_columns:
                self.text_columns[key] = self.n_vocabulary + len(self.text_columns)
                self.labels.append(text.strip())
            out[text] = self.text_columns[key]
        return out

    def matrices(self, *sides: Sequence[Sequence[str]]) -> list[sp.csr_matrix]:
        """One binary (rows × skill columns) matrix per side, all over the same columns."""
        mapping = self.columns(sorted({t for side in sides for texts in side for t in texts}))
        out = []
        for side in sides:
            rows: list[int] = []
            cols: list[int] = []
            for r, texts in enumerate(side):
                for c in {mapping[t] for t in texts}:
                    rows.append(r)
                    cols.append(c)
            shape = (len(side), len(self.labels))
            out.append(sp.csr_matrix((np.ones(len(rows)), (rows, cols)), shape=shape))
        return out


def row_columns(matrix: sp.csr_matrix, row: int) -> list[int]:
    """Column indices of the stored entries of one row of a CSR matrix."""
    columns: list[int] = matrix.indices[matrix.indptr[row] : matrix.indptr[row + 1]].tolist()
    return columns


def _level(value: str | None) -> int:
    return GERMAN_LEVELS.index(value) if value in GERMAN_LEVELS else -1


def _language_bits(codes: Sequence[str], bits: dict[str, int]) -> int:
    mask = 0
    for code in codes:
        key = code.strip().lower()
        if key not in bits and len(bits) < 62:
            bits[key] = len(bits)
        if key in bits:
            mask |= 1 << bits[key]
    return mask


@dataclass(slots=True)
class Tables:
    """Both sides of a ranking as arrays over the same occupation and skill columns."""

    cand_concepts: ConceptTable
    cand_texts: list[tuple[PreparedText, ...]]
    cand_text_vectors: list[sp.csr_matrix]
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
    vocabulary = resolver.vocabulary
    n_occ = len(vocabulary.occupations)
    cand_occ_texts = [t for c in candidates for t in c.desired_occupations]
    cand_occ_texts += [e.occupation for c in candidates for e in c.experience]
    vac_occ_texts = [v.title for v in vacancies if v.title]
    vac_occ_texts += [
        v.occupation for v in vacancies
        if v.occupation and vocabulary.occupation_position(v.occupation) is None
    ]  # fmt: skip
    resolved = resolver.occupations(cand_occ_texts + vac_occ_texts)

    cand_rows = []
    for c in candidates:
        found: dict[int, tuple[float, int, float]] = {}
        for text in c.desired_occupations:
            _merge(found, resolved[text], 1.0, 0, 0.0)
        for exp in c.experience:
            _merge(found, resolved[exp.occupation], experience_factor, 1, exp.years or 0.0)
        cand_rows.append(_top_concepts(found, CANDIDATE_CONCEPTS))

    vac_rows = []
    for v in vacancies:
        found = {}
        if v.title:
            _merge(found, resolved[v.title], 1.0, 0, 0.0)
        if v.occupation:
            position = vocabulary.occupation_position(v.occupation)
            hits = [(position, 1.0)] if position is not None else resolved[v.occupation]
            _merge(found, hits, 1.0, 0, 0.0)
        vac_rows.append(_top_concepts(found, VACANCY_CONCEPTS))

    titles = [v.title for v in vacancies if v.title]
    similarity = resolver.title_similarity(titles)
    title_matrix = np.zeros((len(vacancies), n_occ), dtype=np.float32)
    for r, v in enumerate(vacancies):
        if v.title:
            title_matrix[r] = similarity[v.title]

    # Licences are skills too ("Führerschein CE" as a required skill): a candidate who listed
    # skills also has the licence skills of the classes held, and a vacancy's licence skill
    # counts as a required licence class.
    licence_skills = {s.code: s for s in vocabulary.skills if s.kind == "licence" and s.code}
    licence_names = {code: skill.display_name("de") for code, skill in licence_skills.items()}
    cand_skill_texts = [
        (*c.skills, *(licence_names[x] for x in sorted(implied_licences(c.driving_licences or ()))
                      if x in licence_names)) if c.skills else ()
        for c in candidates
    ]  # fmt: skip
    space = SkillSpace(resolver)
    cand_skills, vac_required, vac_optional = space.matrices(
        cand_skill_texts,
        [v.required_skills for v in vacancies],
        [v.optional_skills for v in vacancies],
    )
    skill_codes = {resolver.vocabulary.skill_position(s.id): code
                   for code, s in licence_skills.items()}  # fmt: skip

    def coords(postcode: str | None, municipality: str | None) -> tuple[float, float]:
        place = gazetteer.locate(postcode, municipality)
        return (place.lat, place.lon) if place else (np.nan, np.nan)

    cand_xy = np.array([coords(c.postcode, c.municipality) for c in candidates]).reshape(-1, 2)
    vac_xy = np.array([coords(v.postcode, v.municipality) for v in vacancies]).reshape(-1, 2)
    language_bits: dict[str, int] = {}

    def cand_licence_codes(c: Candidate) -> tuple[str, ...]:
        return c.driving_licences or ()

    def type_mask(types: Sequence[str]) -> int:
        return sum(1 << EMPLOYMENT_TYPES.index(t) for t in set(types) if t in EMPLOYMENT_TYPES)

    def recognition(c: Candidate) -> float:
        values = [
            RECOGNITION_VALUE[q.recognition]
            for q in c.qualifications
            if q.recognition in RECOGNITION_VALUE
        ]
        return max(values) if values else -1.0

    vectorizer = vocabulary.occupation_index.vectorizer
    empty = PreparedText("", "")
    cand_texts = [tuple(resolver.prepare(t) for t in c.desired_occupations) for c in candidates]
    vac_titles = [resolver.prepare(v.title) if v.title else None for v in vacancies]
    slots = [[(texts[j] if len(texts) > j else empty).expanded for texts in cand_texts]
             for j in range(TEXT_SLOTS)]  # fmt: skip
    distinct = sorted(
        {
            *(x for slot in slots for x in slot),
            *(x.expanded for x in vac_titles if x is not None),
            "",
        }
    )
    row_of = {text: row for row, text in enumerate(distinct)}
    distinct_vectors = vectorizer.transform(distinct).tocsr()

    def vectors(texts: Sequence[str]) -> sp.csr_matrix:
        return distinct_vectors[[row_of[x] for x in texts]]

    cand_text_vectors = [vectors(slot) for slot in slots]
    vac_title_vectors = vectors([(x or empty).expanded for x in vac_titles])
    required_licences = [
        {code for code in (canonical_licence(x) for x in v.driving_licences_required) if code}
        | {skill_codes[i] for i in row_columns(vac_required, r) if i in skill_codes}
        for r, v in enumerate(vacancies)
    ]
    return Tables(
        cand_concepts=ConceptTable.build(cand_rows, CANDIDATE_CONCEPTS),
        cand_texts=cand_texts,
        cand_text_vectors=cand_text_vectors,
        cand_skills=cand_skills,
        cand_level=np.array([_level(c.german_level) for c in candidates], dtype=np.int64),
        cand_lat=cand_xy[:, 0],
        cand_lon=cand_xy[:, 1],
        cand_max_km=np.array(
            [c.max_commute_km if c.max_commute_km is not None else np.nan for c in candidates],
            dtype=np.float64,
        ),
        cand_licences=np.array(
            [licence_mask(implied_licences(cand_licence_codes(c))) for c in candidates],
            dtype=np.int64,
        ),
        cand_licences_known=np.array(
            [c.driving_licences is not None for c in candidates], dtype=np.bool_
        ),
        cand_types=np.array([type_mask(c.employment_types) for c in candidates], dtype=np.int64),
        cand_available=np.array(
            [c.available_from.toordinal() if c.available_from else -1 for c in candidates],
            dtype=np.int64,
        ),
        cand_languages=np.array(
            [
                _language_bits((*c.languages, *([c.language] if c.language else [])), language_bits)
                for c in candidates
            ],
            dtype=np.int64,
        ),
        cand_recognition=np.array([recognition(c) for c in candidates], dtype=np.float64),
        vac_concepts=ConceptTable.build(vac_rows, VACANCY_CONCEPTS),
        vac_title_similarity=title_matrix,
        vac_titles=vac_titles,
        vac_title_vectors=vac_title_vectors,
        vac_required=vac_required,
        vac_optional=vac_optional,
        vac_level=np.array([_level(v.german_level_min) for v in vacancies], dtype=np.int64),
        vac_lat=vac_xy[:, 0],
        vac_lon=vac_xy[:, 1],
        vac_licences=np.array([licence_mask(req) for req in required_licences], dtype=np.int64),
        vac_type=np.array(
            [
                EMPLOYMENT_TYPES.index(v.employment_type)
                if v.employment_type in EMPLOYMENT_TYPES
                else -1
                for v in vacancies
            ],
            dtype=np.int64,
        ),
        vac_start=np.array(
            [v.start_date.toordinal() if v.start_date else -1 for v in vacancies], dtype=np.int64
        ),
        vac_languages=np.array(
            [_language_bits(v.languages_helpful, language_bits) for v in vacancies],
            dtype=np.int64,
        ),
        vac_qualification=np.array(
            [
                -1 if v.qualification_required is None else int(v.qualification_required)
                for v in vacancies
            ],
            dtype=np.int64,
        ),
        skill_labels=space.labels,
    )
