"""Names of the follow-up answers in the reader's language."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from jobsforyou.outcomes.models import FollowUpStatus

ANSWER_LABELS = {
    FollowUpStatus.INTERVIEW: _l("Job interview"),
    FollowUpStatus.TRIAL_DAY: _l("Trial day"),
    FollowUpStatus.CONTRACT_OFFERED: _l("Contract offered"),
    FollowUpStatus.HIRED: _l("Hired"),
    FollowUpStatus.NOT_A_FIT: _l("Not a fit"),
    FollowUpStatus.NO_ANSWER: _l("No answer from the person"),
}
