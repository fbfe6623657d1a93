"""Translated texts for what the talk services refuse, and the schedule field each belongs to."""

from __future__ import annotations

from flask_babel import gettext as _

from jobsforyou.talks import services


def talk_error_message(error: services.TalkError) -> str:
    """The sentence that tells the organiser why a change to the talks was refused."""
    if isinstance(error, services.SlotLengthInvalid):
        return _("A talk must last from 5 to 120 minutes.")
    if isinstance(error, services.OutsideFairHours):
        return _("The talks must end after they start, within the fair's opening hours.")
    if isinstance(error, services.BreakOutsideTalks):
        return _("Every break must lie within the hours of the talks.")
    if isinstance(error, services.NoSlots):
        return _("These settings leave no time for a single talk.")
    if isinstance(error, services.NoSchedule):
        return _("This fair has no talk slots yet. Set them up first.")
    if isinstance(error, services.NotASlot):
        return _("This time is not one of the fair's talk slots.")
    if isinstance(error, services.SlotTaken):
        return _("The employer's booth already has a talk at this time.")
    if isinstance(error, services.SeekerBusy):
        return _("The job seeker already has another talk at this time.")
    return _("The change could not be saved.")


FIELD_OF_ERROR: dict[type[services.TalkError], str] = {
    services.SlotLengthInvalid: "slot_minutes",
    services.OutsideFairHours: "ends_at",
    services.BreakOutsideTalks: "breaks",
    services.NoSlots: "slot_minutes",
}


def talk_error_field(error: services.TalkError) -> str:
    """The schedule form's field that a refusal belongs to."""
    return FIELD_OF_ERROR.get(type(error), "slot_minutes")
