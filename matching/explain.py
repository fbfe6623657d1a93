"""Reasons and gaps of a scored pair as language-neutral codes (see matching/README.md)."""

from __future__ import annotations

from datetime import date

from matching.licences import LICENCE_CLASSES
from matching.models import GERMAN_LEVELS
from matching.profiles import Tables
from matching.relations import GROUP, MINOR, RELATED, SAME
from matching.results import Explanation, ParamValue
from matching.scoring import TITLE_TIEBREAK, PairScores
from matching.vocabulary import Vocabulary

STRONG_MATCH = 0.5


def _skill_list(t: Tables, columns: set[int]) -> tuple[str, ...]:
    return tuple(sorted(t.skill_labels[c] for c in columns))


def explain_pair(
    s: PairScores, k: int, t: Tables, vocabulary: Vocabulary
) -> tuple[tuple[Explanation, ...], tuple[Explanation, ...]]:
    """Reasons and gaps for the k-th pair of ``s``."""
    reasons: list[Explanation] = []
    gaps: list[Explanation] = []
    c, v = int(s.cand[k]), int(s.vac[k])
    occupations = vocabulary.occupations

    if s.occupation_known[k]:
        relation = int(s.relation[k])
        a = int(t.cand_concepts.index[c, s.cand_slot[k]])
        b = int(t.vac_concepts.index[v, s.vac_slot[k]])
        from_experience = bool(t.cand_concepts.source[c, s.cand_slot[k]] == 1)
        concept = float(s.concept[k])
        if 0.9 * s.title_similarity[k] > concept or a < 0 or b < 0:
            if s.title_similarity[k] >= 0.3:
                reasons.append(Explanation(
                    "occupation_similar_title",
                    {"similarity": round(float(s.title_similarity[k]), 2)},
                ))  # fmt: skip
        elif relation == SAME and concept >= STRONG_MATCH * (1 - TITLE_TIEBREAK):
            code = "experience_match" if from_experience else "occupation_match"
            params: dict[str, ParamValue] = {"occupation": occupations[b].id}
            if from_experience:
                params["years"] = float(t.cand_concepts.years[c, s.cand_slot[k]])
            reasons.append(Explanation(code, params))
        elif relation in (GROUP, RELATED, MINOR) or relation == SAME:
            kind = {SAME: "same", GROUP: "group", RELATED: "related", MINOR: "isco_minor"}[relation]
            reasons.append(Explanation(
                "occupation_related",
                {"occupation": occupations[a].id, "vacancy_occupation": occupations[b].id,
                 "relation": kind},
            ))  # fmt: skip

    if s.skills_known[k]:
        have = set(t.cand_skills.indices[t.cand_skills.indptr[c] : t.cand_skills.indptr[c + 1]])
        req = set(t.vac_required.indices[t.vac_required.indptr[v] : t.vac_required.indptr[v + 1]])
        opt = set(t.vac_optional.indices[t.vac_optional.indptr[v] : t.vac_optional.indptr[v + 1]])
        matched = have & (req | opt)
        if matched:
            reasons.append(Explanation("skills_matched", {"skills": _skill_list(t, matched)}))
        if req - have:
            gaps.append(Explanation("skills_missing", {"skills": _skill_list(t, req - have)}))

    if s.german_known[k]:
        required, actual = GERMAN_LEVELS[t.vac_level[v]], GERMAN_LEVELS[t.cand_level[c]]
        if s.level_missing[k] == 0:
            reasons.append(Explanation("german_level_ok", {"required": required, "actual": actual}))
        else:
            gaps.append(Explanation(
                "german_level_below",
                {"required": required, "actual": actual, "levels_missing": int(s.level_missing[k])},
            ))  # fmt: skip

    if s.languages_known[k]:
        reasons.append(Explanation("languages_helpful", {}))

    if s.distance_known[k]:
        reach: dict[str, ParamValue] = {
            "distance_km": round(float(s.distance_km[k])),
            "max_km": round(float(s.max_km[k])),
        }
        if s.distance_km[k] <= s.max_km[k]:
            reasons.append(Explanation("within_reach", reach))
        else:
            gaps.append(Explanation("too_far", reach))

    if s.type_known[k]:
        if s.type_ok[k]:
            reasons.append(Explanation("employment_type_match", {}))
        else:
            gaps.append(Explanation("employment_type_mismatch", {}))

    if s.licence_known[k]:
        missing = int(t.vac_licences[v] & ~t.cand_licences[c])
        if missing == 0:
            reasons.append(Explanation("licence_ok", {}))
        for bit, code in enumerate(LICENCE_CLASSES):
            if missing >> bit & 1:
                gaps.append(Explanation("licence_missing", {"licence": code}))

    if s.start_known[k]:
        if s.start_delay_days[k] == 0:
            reasons.append(Explanation("available_in_time", {}))
        else:
            gaps.append(Explanation(
                "starts_later",
                {"available_from": date.fromordinal(int(t.cand_available[c])).isoformat(),
                 "start_date": date.fromordinal(int(t.vac_start[v])).isoformat(),
                 "days": int(s.start_delay_days[k])},
            ))  # fmt: skip

    if s.recognition_known[k]:
        if s.recognition[k] >= 1.0:
            reasons.append(Explanation("qualification_recognised", {}))
        else:
            state = "in_progress" if s.recognition[k] > 0 else "none"
            gaps.append(Explanation("recognition_needed", {"recognition": state}))
    return tuple(reasons), tuple(gaps)
