"""A seeker's invitations to later fairs in their own data export (right of access)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import joinedload

from jobsforyou.extensions import db
from jobsforyou.followup.models import ReInvitation
from jobsforyou.registration.models import Registration
from jobsforyou.registration.services import register_export_part
from jobsforyou.scoping import SYSTEM, scoped


def invitations_of_seeker(registration: Registration) -> list[dict[str, object]]:
    """The invitations to later fairs sent to the seeker: fair, channel, when, until when."""
    invitations = db.session.scalars(scoped(
        select(ReInvitation).options(joinedload(ReInvitation.fair))
        .where(ReInvitation.registration_id == registration.id).order_by(ReInvitation.id),
        SYSTEM,  # the seeker's own data, behind their secret link
    ))
    return [
        {
            "fair": invitation.fair.title,
            "channel": invitation.channel,
            "sent_at": invitation.sent_at.isoformat(),
            "link_expires_at": (invitation.expires_at.isoformat()
                                if invitation.expires_at else None),
        }
        for invitation in invitations
    ]


register_export_part("invitations", invitations_of_seeker)
