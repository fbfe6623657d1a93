"""Reasons and gaps of a scored pair as language-neutral codes (see matching/README.md)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import fields
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt
import scipy.sparse as sp

from matching.licences import LICENCE_CLASSES
from matching.models import GERMAN_LEVELS
from matching.profiles import Tables
from matching.relations import RELATION_NAMES, SAME
from matching.results import Explanation, ParamValue
from matching.scoring import TITLE_TIEBREAK, PairScores
from matching.vocabulary import Vocabulary

STRONG_MATCH = 0.5


def _skill_list(t: Tables, columns: set[int]) -> tuple[str, ...]:
    return tuple(sorted(t.skill_labels[c] for c in columns))


def _columns(matrix: sp.csr_matrix, row: int) -> set[int]:
    return set(matrix.indices[matrix.indptr[row] : matrix.indptr[row + 1]].tolist())


def explain_pairs(
    s: PairScores, chosen: npt.NDArray[np.int64], t: Tables, vocabulary: Vocabulary
) -> list[tuple[tuple[Explanation, ...], tuple[Explanation, ...]]]:
    """Reasons and gaps for the pairs ``chosen`` (indices into ``s``), in that order."""
    columns = {f.name: getattr(s, f.name)[chosen].tolist() for f in fields(s)}
    return [
        _explain_row({name: values[k] for name, values in columns.items()}, t, vocabulary)
        for k in range(len(chosen))
    ]


def _explain_row(
    r: Mapping[str, Any], t: Tables, vocabulary: Vocabulary
) -> tuple[tuple[Explanation, ...], tuple[Explanation, ...]]:
    reasons: list[Explanation] = []
    gaps: list[Explanation] = []
    c, v = r["cand"], r["vac"]
    occupations = vocabulary.occupations

    if r["occupation_known"]:
        relation = int(r["relation"])
        a = int(t.cand_concepts.index[c, r["cand_slot"]])
        b = int(t.vac_concepts.index[v, r["vac_slot"]])
        from_experience = bool(t.cand_concepts.source[c, r["cand_slot"]] == 1)
        concept = float(r["concept"])
        if 0.9 * r["title_similarity"] > concept or a < 0 or b < 0:
            if r["title_similarity"] >= 0.3:
                reasons.append(Explanation(
                    "occupation_similar_title",
                    {"similarity": round(float(r["title_similarity"]), 2)},
                ))  # fmt: skip
        elif relation == SAME and concept >= STRONG_MATCH * (1 - TITLE_TIEBREAK):
            code = "experience_match" if from_experience else "occupation_match"
            params: dict[str, ParamValue] = {"occupation": occupations[b].id}
            if from_experience:
                params["years"] = float(t.cand_concepts.years[c, r["cand_slot"]])
            reasons.append(Explanation(code, params))
        elif relation in RELATION_NAMES and relation != SAME:
            reasons.append(
                Explanation(
                    "occupation_related",
                    {
                        "occupation": occupations[a].id,
                        "vacancy_occupation": occupations[b].id,
                        "relation": RELATION_NAMES[relation],
                    },
                )
            )

    if r["skills_known"]:
        have = _columns(t.cand_skills, c)
        req = _columns(t.vac_required, v)
        opt = _columns(t.vac_optional, v)
        matched = have & (req | opt)
        if matched:
            reasons.append(Explanation("skills_matched", {"skills": _skill_list(t, matched)}))
        if req - have:
            gaps.append(Explanation("skills_missing", {"skills": _skill_list(t, req - have)}))

    if r["german_known"]:
        required, actual = GERMAN_LEVELS[t.vac_level[v]], GERMAN_LEVELS[t.cand_level[c]]
        if r["level_missing"] == 0:
            reasons.append(Explanation("german_level_ok", {"required": required, "actual": actual}))
        else:
            gaps.append(Explanation(
                "german_level_below",
                {"required": required, "actual": actual, "levels_missing": int(r["level_missing"])},
            ))  # fmt: skip

    if r["languages_known"]:
        reasons.append(Explanation("languages_helpful", {}))

    if r["distance_known"]:
        reach: dict[str, ParamValue] = {
            "distance_km": round(float(r["distance_km"])),
            "max_km": round(float(r["max_km"])),
        }
        if r["distance_km"] <= r["max_km"]:
            reasons.append(Explanation("within_reach", reach))
        else:
            gaps.append(Explanation("too_far", reach))

    if r["type_known"]:
        if r["type_ok"]:
            reasons.append(Explanation("employment_type_match", {}))
        else:
            gaps.append(Explanation("employment_type_mismatch", {}))

    if r["licence_known"]:
        missing = int(t.vac_licences[v] & ~t.cand_licences[c])
        if missing == 0:
            reasons.append(Explanation("licence_ok", {}))
        for bit, code in enumerate(LICENCE_CLASSES):
            if missing >> bit & 1:
                gaps.append(Explanation("licence_missing", {"licence": code}))

    if r["start_known"]:
        if r["start_delay_days"] == 0:
            reasons.append(Explanation("available_in_time", {}))
        else:
            gaps.append(Explanation(
                "starts_later",
                {"available_from": date.fromordinal(int(t.cand_available[c])).isoformat(),
                 "start_date": date.fromordinal(int(t.vac_start[v])).isoformat(),
                 "days": int(r["start_delay_days"])},
            ))  # fmt: skip

    if r["recognition_known"]:
        if r["recognition"] >= 1.0:
            reasons.append(Explanation("qualification_recognised", {}))
        else:
            state = "in_progress" if r["recognition"] > 0 else "none"
            gaps.append(Explanation("recognition_needed", {"recognition": state}))
    return tuple(reasons), tuple(gaps)
