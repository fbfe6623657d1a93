"""What a check-in (or a refusal) means, in the helper's language."""

from __future__ import annotations

from flask_babel import gettext as _

from jobsforyou.checkin import codes, services


def result_message(result: services.CheckInResult) -> str:
    """The sentence shown after a scan or a check-in button."""
    name = f"{result.registration.given_name} {result.registration.family_name}"
    if result.already:
        return _("%(name)s was already checked in at %(time)s.", name=name,
                 time=result.local_time)
    return _("Checked in: %(name)s", name=name)


def error_message(error: services.CheckInError) -> str:
    """A translated sentence explaining why a check-in was refused."""
    if isinstance(error, services.OtherFairTicket):
        return _("This ticket is for another fair.")
    if isinstance(error, services.RegistrationWithdrawn):
        return _("This registration was withdrawn. Please do not check the visitor in; ask "
                 "them to register again if there are places.")
    if isinstance(error, services.OnWaitingList):
        return _("This visitor is on the waiting list and has no confirmed place yet.")
    if isinstance(error, services.CheckInBusy):
        return _("Another device is checking in this visitor right now. Please try again.")
    if isinstance(error, services.UndoNotAllowed):
        return _("Only organisers can undo a check-in.")
    return _("No ticket with this code for this fair.")


def error_status(error: services.CheckInError) -> int:
    """The HTTP status of a desk page showing a refusal."""
    return 503 if isinstance(error, services.CheckInBusy) else 409


def code_error_message(error: codes.CodeError) -> str:
    """Why a fair-day code was not accepted."""
    if isinstance(error, codes.CodeNotToday):
        return _("This code is valid only on the day of its fair.")
    return _("This code is not valid. Please check it or ask the organiser for a new one.")
