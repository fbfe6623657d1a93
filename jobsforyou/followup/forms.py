"""Forms of the follow-up: the employer's answers per talk, the organiser's buttons."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from flask_wtf import FlaskForm
from wtforms import RadioField, SubmitField
from wtforms.validators import InputRequired

from jobsforyou.followup.messages import ANSWER_LABELS
from jobsforyou.formfields import select_choices
from jobsforyou.outcomes.models import FollowUpStatus, Outcome


class AnswerFormBase(FlaskForm):
    """What became of each talk: one group of choices per candidate (fields added per page)."""

    send = SubmitField(_l("Send answers"))

    def answers(self, outcomes: list[Outcome]) -> dict[int, FollowUpStatus]:
        """Outcome id → the answer chosen."""
        return {outcome.id: FollowUpStatus(self[field_name(outcome)].data)
                for outcome in outcomes if self[field_name(outcome)].data}


def field_name(outcome: Outcome) -> str:
    """The form field of one talk."""
    return f"talk_{outcome.id}"


def short_name(outcome: Outcome) -> str:
    """First name and the initial of the family name (all the employer needs to recognise)."""
    registration = outcome.registration
    initial = registration.family_name.strip()[:1]
    return f"{registration.given_name.strip()} {initial}." if initial else registration.given_name


def answer_form(outcomes: list[Outcome], submitted: bool) -> AnswerFormBase:
    """A form with one required choice per talk: the request's answers when submitted, else
    the last answers given (a later round starts from the earlier one's)."""

    class AnswerForm(AnswerFormBase):
        pass

    choices = [(status.value, label) for status, label in ANSWER_LABELS.items()]
    data = {}
    for outcome in outcomes:
        setattr(AnswerForm, field_name(outcome), RadioField(
            short_name(outcome),
            choices=select_choices(choices),
            validators=[InputRequired(message=_l("Choose what became of the talk with "
                                                 "%(name)s.", name=short_name(outcome)))],
        ))
        if outcome.follow_up_status is not None:
            data[field_name(outcome)] = outcome.follow_up_status.value
    return AnswerForm() if submitted else AnswerForm(data=data)


class ReminderForm(FlaskForm):
    """The organiser's button that reminds an employer of an unanswered follow-up."""

    remind = SubmitField(_l("Send a reminder"))


class InviteVisitorsForm(FlaskForm):
    """The organiser's button that invites visitors of earlier fairs to this one."""

    invite = SubmitField(_l("Invite visitors of earlier fairs"))
