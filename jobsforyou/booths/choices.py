"""Translated labels of booth kinds and request states (lazy, evaluated per request)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l

from jobsforyou.booths.models import BoothKind, BoothRequestStatus

BOOTH_KIND_LABELS = {
    BoothKind.STANDARD: _l("Standard booth"),
    BoothKind.CORNER: _l("Corner booth"),
    BoothKind.TABLE: _l("Table booth"),
}
STATUS_LABELS = {
    BoothRequestStatus.REQUESTED: _l("Requested"),
    BoothRequestStatus.APPROVED: _l("Approved"),
    BoothRequestStatus.DECLINED: _l("Declined"),
    BoothRequestStatus.WAITLISTED: _l("On the waiting list"),
    BoothRequestStatus.CANCELLED: _l("Cancelled"),
}


def booth_kind_label(kind: BoothKind | str) -> str:
    """The reader's name of a booth kind."""
    return str(BOOTH_KIND_LABELS[BoothKind(kind)])


def status_label(status: BoothRequestStatus | str) -> str:
    """The reader's name of a booth request state."""
    return str(STATUS_LABELS[BoothRequestStatus(status)])
