"""Vectorised scoring of (candidate, vacancy) pairs from separate, weighted signals.

Every signal is an array over the pairs plus a mask saying where it is known; the score is the
weighted mean of the known signals, so a missing field is neither rewarded nor punished.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from matching.geo import EARTH_RADIUS_KM, ROAD_FACTOR
from matching.licences import LICENCE_CLASSES
from matching.profiles import Tables
from matching.relations import RelationMatrix
from matching.text_index import fuzzy_similarity
from matching.weights import Weights

FloatArray = npt.NDArray[np.float64]
IntArray = npt.NDArray[np.int64]
BoolArray = npt.NDArray[np.bool_]

DEFAULT_MAX_COMMUTE_KM = 30.0
# below this confidence a candidate's own words are also compared with the title directly
UNKNOWN_TEXT_CONFIDENCE = 0.5
TITLE_TIEBREAK = 0.15
LICENCE_BITS = len(LICENCE_CLASSES)


@dataclass(slots=True)
class PairScores:
    """Signals and the combined score of many pairs (index arrays into the tables)."""

    cand: IntArray
    vac: IntArray
    score: FloatArray
    occupation: FloatArray
    occupation_known: BoolArray
    concept: FloatArray
    title_similarity: FloatArray
    text_similarity: FloatArray
    named_similarity: FloatArray
    exact_title: BoolArray
    relation: npt.NDArray[np.int8]
    cand_slot: IntArray
    vac_slot: IntArray
    skills_required: FloatArray
    skills_optional: FloatArray
    skills_known: BoolArray
    skills: FloatArray
    level_missing: IntArray
    german_known: BoolArray
    distance_km: FloatArray
    max_km: FloatArray
    distance_known: BoolArray
    licence_missing: IntArray
    licence_known: BoolArray
    type_known: BoolArray
    type_ok: BoolArray
    start_delay_days: IntArray
    start_known: BoolArray
    languages_known: BoolArray
    recognition: FloatArray
    recognition_known: BoolArray
    excluded: BoolArray


def popcount(masks: IntArray) -> IntArray:
    """Number of set bits of each (licence) mask."""
    count = np.zeros(len(masks), dtype=np.int64)
    for bit in range(LICENCE_BITS):
        count += (masks >> bit) & 1
    return count


def rowwise_dot(a: sp.csr_matrix, b: sp.csr_matrix, ai: IntArray, bi: IntArray) -> FloatArray:
    """``a[ai[k]] · b[bi[k]]`` for every k, in chunks (no dense matrices)."""
    out = np.zeros(len(ai))
    if a.nnz == 0 or b.nnz == 0:
        return out
    both = np.nonzero((np.diff(a.indptr)[ai] > 0) & (np.diff(b.indptr)[bi] > 0))[0]
    step = 200_000
    for start in range(0, len(both), step):
        pairs = both[start : start + step]
        products = a[ai[pairs]].multiply(b[bi[pairs]])
        out[pairs] = np.asarray(products.sum(axis=1)).ravel()
    return out


def _occupation(
    t: Tables, relations: RelationMatrix, ci: IntArray, vi: IntArray, weights: Weights
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray, BoolArray, npt.NDArray[np.int8],
           IntArray, IntArray, BoolArray]:
    cc, vc = t.cand_concepts, t.vac_concepts
    concept = np.zeros(len(ci))
    kind = np.zeros(len(ci), dtype=np.int8)
    cslot = np.zeros(len(ci), dtype=np.int64)
    vslot = np.zeros(len(ci), dtype=np.int64)
    factors = relations.factors(weights)
    for j in range(cc.index.shape[1]):
        a = cc.index[ci, j]
        if not (a >= 0).any():
            break
        for k in range(vc.index.shape[1]):
            b = vc.index[vi, k]
            ok = (a >= 0) & (b >= 0)
            rel = np.where(ok, relations.kind[np.maximum(a, 0), np.maximum(b, 0)], 0)
            value = cc.conf[ci, j] * vc.conf[vi, k] * factors[rel]
            better = value > concept
            concept = np.where(better, value, concept)
            kind = np.where(better, rel, kind).astype(np.int8)
            cslot = np.where(better, j, cslot)
            vslot = np.where(better, k, vslot)
    # the title against the names of the candidate's resolved occupations (across languages)
    named = np.zeros(len(ci))
    for j in range(cc.index.shape[1]):
        a = cc.index[ci, j]
        sim = np.where(a >= 0, t.vac_title_similarity[vi, np.maximum(a, 0)], 0.0)
        named = np.maximum(named, cc.conf[ci, j] * sim)
    # the candidate's own words against the title: TF-IDF cosine for every pair, rapidfuzz too
    # where the words did not resolve well
    direct = np.zeros(len(ci))
    for vectors in t.cand_text_vectors:
        direct = np.maximum(direct, rowwise_dot(vectors, t.vac_title_vectors, ci, vi))
    best_conf = cc.conf[ci, 0]
    for k in np.nonzero(best_conf < UNKNOWN_TEXT_CONFIDENCE)[0].tolist():
        vtitle = t.vac_titles[vi[k]]
        if vtitle is not None:
            fuzzy = max((fuzzy_similarity(q, vtitle) for q in t.cand_texts[ci[k]]), default=0.0)
            direct[k] = max(direct[k], fuzzy)
    title_id = t.vac_title_id[vi]
    exact = ((t.cand_text_ids[ci] == title_id[:, None]) & (title_id[:, None] >= 0)).any(axis=1)
    has_title = np.array([x is not None for x in t.vac_titles], dtype=np.bool_)
    has_text = np.array([bool(x) for x in t.cand_texts], dtype=np.bool_)
    known = ((cc.index[ci, 0] >= 0) | has_text[ci]) & ((vc.index[vi, 0] >= 0) | has_title[vi])
    comparable = has_title[vi] & t.cand_text_latin[ci]
    occupation = weights.fusion.combine(
        concept, named, direct, exact, comparable, has_title[vi]
    )
    return occupation, concept, named, direct, exact, kind, cslot, vslot, known


def score_pairs(
    t: Tables, relations: RelationMatrix, ci: IntArray, vi: IntArray, weights: Weights
) -> PairScores:
    """Score the pairs ``(ci[k], vi[k])``: each signal, its known-mask and the weighted mean."""
    occupation, concept, named, direct, exact, kind, cslot, vslot, occ_known = _occupation(
        t, relations, ci, vi, weights
    )
    title = np.maximum(named, direct)

    n_req = np.diff(t.vac_required.indptr)[vi].astype(np.float64)
    n_opt = np.diff(t.vac_optional.indptr)[vi].astype(np.float64)
    has_skills = np.diff(t.cand_skills.indptr)[ci] > 0
    got_req = rowwise_dot(t.cand_skills, t.vac_required, ci, vi)
    got_opt = rowwise_dot(t.cand_skills, t.vac_optional, ci, vi)
    skills_known = has_skills & ((n_req + n_opt) > 0)
    denominator = np.where(n_req > 0, n_req + 0.5 * n_opt, n_opt)
    numerator = np.where(n_req > 0, got_req + 0.5 * got_opt, got_opt)
    skills = np.where(skills_known, numerator / np.maximum(denominator, 1e-9), 0.0)

    c_level, v_level = t.cand_level[ci], t.vac_level[vi]
    german_known = (c_level >= 0) & (v_level >= 0)
    level_missing = np.where(german_known, np.maximum(v_level - c_level, 0), 0)
    german = np.clip(1.0 - weights.german_level_step * level_missing, 0.0, 1.0)

    lat1, lon1 = np.radians(t.cand_lat[ci]), np.radians(t.cand_lon[ci])
    lat2, lon2 = np.radians(t.vac_lat[vi]), np.radians(t.vac_lon[vi])
    h = np.sin((lat2 - lat1) / 2) ** 2
    h += np.cos(lat1) * np.cos(lat2) * np.sin((lon2 - lon1) / 2) ** 2
    distance_km = 2 * EARTH_RADIUS_KM * np.arcsin(np.sqrt(np.clip(h, 0, 1))) * ROAD_FACTOR
    distance_known = ~np.isnan(distance_km)
    distance_km = np.where(distance_known, distance_km, 0.0)
    max_km = np.where(np.isnan(t.cand_max_km[ci]), DEFAULT_MAX_COMMUTE_KM, t.cand_max_km[ci])
    max_km = np.maximum(max_km, 1.0)
    distance = np.clip(1.0 - np.maximum(distance_km - max_km, 0.0) / max_km, 0.0, 1.0)

    required = t.vac_licences[vi]
    licence_known = (required != 0) & t.cand_licences_known[ci]
    missing_bits = required & ~t.cand_licences[ci]
    licence_missing = popcount(missing_bits)
    n_required = popcount(required)
    licence = np.where(licence_known, 1.0 - licence_missing / np.maximum(n_required, 1), 0.0)

    v_type = t.vac_type[vi]
    type_known = (v_type >= 0) & (t.cand_types[ci] != 0)
    type_ok = type_known & (((t.cand_types[ci] >> np.maximum(v_type, 0)) & 1) == 1)

    avail, start = t.cand_available[ci], t.vac_start[vi]
    start_known = (avail >= 0) & (start >= 0)
    delay = np.where(start_known, np.maximum(avail - start, 0), 0)
    start_score = np.clip(1.0 - weights.start_delay_per_month * delay / 30.0, 0.0, 1.0)

    # helpful languages only count where they are shared: not speaking one is no gap
    languages_known = (t.vac_languages[vi] & t.cand_languages[ci]) != 0

    recognition_known = (t.vac_qualification[vi] == 1) & (t.cand_recognition[ci] >= 0)
    recognition = np.where(recognition_known, t.cand_recognition[ci], 0.0)

    signals = (
        (weights.occupation, occupation, occ_known),
        (weights.skills, skills, skills_known),
        (weights.german_level, german, german_known),
        (weights.distance, distance, distance_known),
        (weights.licence, licence, licence_known),
        (weights.employment_type, type_ok.astype(np.float64), type_known),
        (weights.start_date, start_score, start_known),
        (weights.languages, np.ones(len(ci)), languages_known),
        (weights.recognition, recognition, recognition_known),
    )
    total = np.zeros(len(ci))
    weight_sum = np.zeros(len(ci))
    for weight, value, known in signals:
        total += np.where(known, weight * value, 0.0)
        weight_sum += np.where(known, weight, 0.0)
    score = np.where(weight_sum > 0, total / np.maximum(weight_sum, 1e-12), 0.0)

    hard = weights.hard_filters
    excluded = np.zeros(len(ci), dtype=np.bool_)
    if "licence" in hard:
        excluded |= licence_known & (licence_missing > 0)
    if "german_level" in hard:
        excluded |= level_missing > 0
    if "distance" in hard:
        excluded |= distance_known & (distance_km > max_km)
    if "employment_type" in hard:
        excluded |= type_known & ~type_ok

    return PairScores(
        cand=ci, vac=vi, score=np.clip(score, 0.0, 1.0), occupation=occupation,
        occupation_known=occ_known, concept=concept, title_similarity=title,
        text_similarity=direct, named_similarity=named, exact_title=exact, relation=kind,
        cand_slot=cslot, vac_slot=vslot, skills_required=got_req, skills_optional=got_opt,
        skills_known=skills_known, skills=skills, level_missing=level_missing,
        german_known=german_known, distance_km=distance_km, max_km=max_km,
        distance_known=distance_known, licence_missing=licence_missing,
        licence_known=licence_known, type_known=type_known, type_ok=type_ok,
        start_delay_days=delay, start_known=start_known, languages_known=languages_known,
        recognition=recognition, recognition_known=recognition_known, excluded=excluded,
    )  # fmt: skip
