"""Reasons and gaps of scored pairs as language-neutral codes (see matching/README.md).

Everything a row needs is gathered vectorised first and turned into Python lists, so the
per-row work is plain list indexing (500,000 explained matches in a county run).
"""

from __future__ import annotations

from dataclasses import fields
from datetime import date
from typing import Any

import numpy as np
import numpy.typing as npt

from matching.licences import LICENCE_CLASSES
from matching.models import GERMAN_LEVELS
from matching.profiles import Tables
from matching.relations import RELATION_NAMES, SAME
from matching.results import Explanation, ParamValue
from matching.scoring import TITLE_TIEBREAK, PairScores
from matching.skill_space import row_columns
from matching.vocabulary import Vocabulary

STRONG_MATCH = 0.5
# below this text similarity a title is not called similar (стюардеса is no warehouse job)
SIMILAR_TITLE = 0.55
Explained = tuple[tuple[Explanation, ...], tuple[Explanation, ...]]


def _gather(s: PairScores, chosen: npt.NDArray[np.int64], t: Tables) -> dict[str, list[Any]]:
    """Per-pair values of ``s`` and of the tables for the chosen pairs, as lists."""
    cols: dict[str, list[Any]] = {f.name: getattr(s, f.name)[chosen].tolist() for f in fields(s)}
    c, v = s.cand[chosen], s.vac[chosen]
    cslot, vslot = s.cand_slot[chosen], s.vac_slot[chosen]
    cols["cand_occupation"] = t.cand_concepts.index[c, cslot].tolist()
    cols["vac_occupation"] = t.vac_concepts.index[v, vslot].tolist()
    cols["from_experience"] = (t.cand_concepts.source[c, cslot] == 1).tolist()
    cols["years"] = t.cand_concepts.years[c, cslot].tolist()
    cols["cand_level"] = t.cand_level[c].tolist()
    cols["vac_level"] = t.vac_level[v].tolist()
    cols["missing_licences"] = (t.vac_licences[v] & ~t.cand_licences[c]).tolist()
    cols["available"] = t.cand_available[c].tolist()
    cols["start"] = t.vac_start[v].tolist()
    return cols


def explain_pairs(
    s: PairScores, chosen: npt.NDArray[np.int64], t: Tables, vocabulary: Vocabulary
) -> list[Explained]:
    """Reasons and gaps for the pairs ``chosen`` (indices into ``s``), in that order."""
    cols = _gather(s, chosen, t)
    return [_explain(cols, k, t, vocabulary) for k in range(len(chosen))]


def _occupation(cols: dict[str, list[Any]], k: int, vocabulary: Vocabulary) -> Explanation | None:
    a, b = cols["cand_occupation"][k], cols["vac_occupation"][k]
    concept, title = cols["concept"][k], cols["title_similarity"][k]
    relation = cols["relation"][k]
    if 0.9 * title > concept or a < 0 or b < 0:
        if title >= SIMILAR_TITLE:
            return Explanation("occupation_similar_title", {"similarity": round(title, 2)})
        return None
    occupations = vocabulary.occupations
    if relation == SAME and concept >= STRONG_MATCH * (1 - TITLE_TIEBREAK):
        if cols["from_experience"][k]:
            years = cols["years"][k]
            shown = int(years) if float(years).is_integer() else years
            return Explanation(
                "experience_match", {"occupation": occupations[b].id, "years": shown}
            )
        return Explanation("occupation_match", {"occupation": occupations[b].id})
    if relation in RELATION_NAMES and relation != SAME:
        return Explanation(
            "occupation_related",
            {
                "occupation": occupations[a].id,
                "vacancy_occupation": occupations[b].id,
                "relation": RELATION_NAMES[relation],
            },
        )
    return None


def _explain(cols: dict[str, list[Any]], k: int, t: Tables, vocabulary: Vocabulary) -> Explained:
    reasons: list[Explanation] = []
    gaps: list[Explanation] = []

    if cols["occupation_known"][k]:
        occupation = _occupation(cols, k, vocabulary)
        if occupation is not None:
            reasons.append(occupation)

    if cols["skills_known"][k]:
        c, v = cols["cand"][k], cols["vac"][k]
        have = set(row_columns(t.cand_skills, c))
        required = set(row_columns(t.vac_required, v))
        matched = have & (required | set(row_columns(t.vac_optional, v)))
        if matched:
            names = tuple(sorted(t.skill_labels[i] for i in matched))
            reasons.append(Explanation("skills_matched", {"skills": names}))
        if required - have:
            names = tuple(sorted(t.skill_labels[i] for i in required - have))
            gaps.append(Explanation("skills_missing", {"skills": names}))

    if cols["german_known"][k]:
        levels: dict[str, ParamValue] = {
            "required": GERMAN_LEVELS[cols["vac_level"][k]],
            "actual": GERMAN_LEVELS[cols["cand_level"][k]],
        }
        if cols["level_missing"][k] == 0:
            reasons.append(Explanation("german_level_ok", levels))
        else:
            levels["levels_missing"] = cols["level_missing"][k]
            gaps.append(Explanation("german_level_below", levels))

    if cols["languages_known"][k]:
        reasons.append(Explanation("languages_helpful", {}))

    if cols["distance_known"][k]:
        distance, reach = cols["distance_km"][k], cols["max_km"][k]
        params: dict[str, ParamValue] = {"distance_km": round(distance), "max_km": round(reach)}
        # a reach the candidate never gave (the default) must not be shown as their wish
        params["max_km_given"] = int(not np.isnan(t.cand_max_km[cols["cand"][k]]))
        if distance <= reach:
            reasons.append(Explanation("within_reach", params))
        else:
            gaps.append(Explanation("too_far", params))

    if cols["type_known"][k]:
        if cols["type_ok"][k]:
            reasons.append(Explanation("employment_type_match", {}))
        else:
            gaps.append(Explanation("employment_type_mismatch", {}))

    if cols["licence_known"][k]:
        missing = cols["missing_licences"][k]
        if missing == 0:
            reasons.append(Explanation("licence_ok", {}))
        for bit, code in enumerate(LICENCE_CLASSES):
            if missing >> bit & 1:
                gaps.append(Explanation("licence_missing", {"licence": code}))

    if cols["start_known"][k]:
        if cols["start_delay_days"][k] == 0:
            reasons.append(Explanation("available_in_time", {}))
        else:
            when: dict[str, ParamValue] = {
                "available_from": date.fromordinal(cols["available"][k]).isoformat(),
                "start_date": date.fromordinal(cols["start"][k]).isoformat(),
                "days": cols["start_delay_days"][k],
            }
            gaps.append(Explanation("starts_later", when))

    if cols["recognition_known"][k]:
        if cols["recognition"][k] >= 1.0:
            reasons.append(Explanation("qualification_recognised", {}))
        else:
            state = "in_progress" if cols["recognition"][k] > 0 else "none"
            gaps.append(Explanation("recognition_needed", {"recognition": state}))
    return tuple(reasons), tuple(gaps)
