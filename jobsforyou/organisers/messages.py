"""Translated texts for what organisers' services refuse, and the form field each belongs to."""

from __future__ import annotations

from flask_babel import gettext as _
from flask_babel import ngettext

from jobsforyou.organisers import fair_admin


def fair_admin_message(error: fair_admin.FairAdminError) -> str:
    """The sentence that tells the organiser why a change to a fair was refused."""
    if isinstance(error, fair_admin.MunicipalityNotInScope):
        return _("You cannot hold fairs in this municipality.")
    if isinstance(error, fair_admin.EndsBeforeStart):
        return _("The fair must close after it opens.")
    if isinstance(error, fair_admin.RegistrationWindowInvalid):
        return _("Registration must close after it opens, and no later than the end of the fair.")
    if isinstance(error, fair_admin.CapacityBelowConfirmed):
        return ngettext(
            "%(num)d person is already confirmed: the fair needs at least that many places.",
            "%(num)d people are already confirmed: the fair needs at least that many places.",
            error.confirmed,
        )
    if isinstance(error, fair_admin.FairAlreadyHeld):
        return _("The fair has already taken place: its registration cannot be reopened.")
    return _("The change could not be saved.")


FIELD_OF_ERROR: dict[type[fair_admin.FairAdminError], str] = {
    fair_admin.MunicipalityNotInScope: "municipality",
    fair_admin.EndsBeforeStart: "ends_at",
    fair_admin.RegistrationWindowInvalid: "registration_closes",
    fair_admin.CapacityBelowConfirmed: "capacity",
}


def fair_admin_field(error: fair_admin.FairAdminError) -> str:
    """The name of the form field that a refusal belongs to (shown there and in the summary)."""
    return FIELD_OF_ERROR.get(type(error), "title")
