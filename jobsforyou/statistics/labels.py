"""The translated names of the statistics' figures and categories (lazy, read per request)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from jobsforyou.outcomes.models import OutcomeStatus
from jobsforyou.registration import retained
from jobsforyou.statistics.contributions import TALKS

FIGURE_TITLES = {
    retained.ATTENDANCE: _l("Registrations and attendance"),
    retained.LANGUAGE: _l("Languages spoken"),
    retained.GERMAN_LEVEL: _l("German levels"),
    "occupations": _l("Occupations sought and offered"),
    "outcomes": _l("Talks and outcomes"),
    "interpreters": _l("Interpreter languages needed and planned"),
}
ATTENDANCE_LABELS = {
    retained.REGISTERED: _l("Registered"),
    retained.CHECKED_IN: _l("Checked in"),
    retained.WALK_IN: _l("Walk-ins registered at the desk"),
    retained.NO_SHOW: _l("Registered but did not come"),
}
OUTCOME_LABELS = {
    TALKS: _l("Talks held"),
    OutcomeStatus.INTERVIEW_PLANNED.value: _l("Interviews planned"),
    OutcomeStatus.TRIAL_DAY.value: _l("Trial days"),
    OutcomeStatus.CONTRACT_OFFERED.value: _l("Contracts offered"),
    OutcomeStatus.HIRED.value: _l("Hired"),
}
# ISCO-08 major groups (the first digit of an occupation's ISCO code)
ISCO_MAJOR_GROUPS = {
    "1": _l("Managers"),
    "2": _l("Professionals"),
    "3": _l("Technicians and associate professionals"),
    "4": _l("Clerical support workers"),
    "5": _l("Service and sales workers"),
    "6": _l("Skilled agricultural, forestry and fishery workers"),
    "7": _l("Craft and related trades workers"),
    "8": _l("Plant and machine operators and assemblers"),
    "9": _l("Elementary occupations"),
    "0": _l("Armed forces occupations"),
    retained.UNKNOWN_GROUP: _l("Occupation not recognised"),
}
SERIES = {
    "people": _l("People"),
    "talks": _l("Talks"),
    "seekers": _l("Job seekers"),
    "vacancies": _l("Vacancies"),
    "needed": _l("Job seekers who asked for an interpreter"),
    "planned": _l("Fairs with this interpreter planned"),
}
FEWER_THAN = _l("fewer than 5")
# a language or level outside the form's choices (kept as "other", never as the value itself)
OTHER_VALUE = _l("Other")
