"""What a refused booth operation means, in the reader's language."""

from __future__ import annotations

from flask_babel import gettext as _

from jobsforyou.booths import services


def booth_error_message(error: services.BoothError) -> str:
    """A translated sentence explaining a BoothError to the person who caused it."""
    if isinstance(error, services.FairBusy):
        return _("Someone else is changing the booths of this fair right now. Please try again "
                 "in a moment.")
    if isinstance(error, services.BoothNumberTaken):
        return _("The plan already has a booth with this number.")
    if isinstance(error, services.BoothInUse):
        return _("This booth is held by an employer and cannot be removed. Cancel the "
                 "employer's booth first.")
    if isinstance(error, services.BoothUnavailable):
        return _("This booth is no longer free. Please choose another booth or put the request "
                 "on the waiting list.")
    if isinstance(error, services.BoothLimitReached):
        return _("This employer already holds as many booths as granted for this fair.")
    return _("This step is not possible in the request's current state.")


def error_status(error: services.BoothError) -> int:
    """The HTTP status of a page that shows a refused booth operation."""
    return 503 if isinstance(error, services.FairBusy) else 409
