"""Names of the outcome statuses and what a refused recording means, in the reader's language."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l

from jobsforyou.outcomes import services
from jobsforyou.outcomes.models import FollowUpStatus, OutcomeStatus

STATUS_LABELS = {
    OutcomeStatus.TALKED: _l("Talked"),
    OutcomeStatus.INTERVIEW_PLANNED: _l("Interview planned"),
    OutcomeStatus.TRIAL_DAY: _l("Trial day"),
    OutcomeStatus.CONTRACT_OFFERED: _l("Contract offered"),
    OutcomeStatus.HIRED: _l("Hired"),
    OutcomeStatus.NOT_A_FIT: _l("Not a fit"),
}
# the employer's answer weeks after the fair (jobsforyou/followup)
FOLLOW_UP_LABELS = {
    FollowUpStatus.INTERVIEW: _l("Job interview"),
    FollowUpStatus.TRIAL_DAY: _l("Trial day"),
    FollowUpStatus.CONTRACT_OFFERED: _l("Contract offered"),
    FollowUpStatus.HIRED: _l("Hired"),
    FollowUpStatus.NOT_A_FIT: _l("Not a fit"),
    FollowUpStatus.NO_ANSWER: _l("No answer from the person"),
}


def outcome_error_message(error: services.OutcomeError) -> str:
    """A translated sentence explaining why nothing was recorded or nobody was found."""
    if isinstance(error, services.TicketNotFound):
        return _("No ticket with this code was found for your fairs. Please check the code.")
    if isinstance(error, services.NotShared):
        return _("This person did not agree to share their profile with employers. Nothing "
                 "can be recorded for them.")
    if isinstance(error, services.NotAtFair):
        return _("This employer has no booth at this person's fair.")
    if isinstance(error, services.VacancyNotOfEmployer):
        return _("This job belongs to another employer.")
    if isinstance(error, services.SeekerBusy):
        return _("Someone else is recording an outcome for this person right now. Please try "
                 "again in a moment.")
    return _("The outcome could not be saved.")


def error_status(error: services.OutcomeError) -> int:
    """The HTTP status of a page showing a refusal."""
    if isinstance(error, services.SeekerBusy):
        return 503
    return 404 if isinstance(error, services.TicketNotFound) else 409
