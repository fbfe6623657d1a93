"""The hook through which invitations without e-mail become text messages.

The SMS backend is built separately: `send_invitation_sms` is the one place it is wired in.
Until then the texts are kept in an inspectable list (like the mail outbox), after the commit.
"""

from __future__ import annotations

from dataclasses import dataclass

from flask import current_app

from jobsforyou.transactions import after_commit


@dataclass(frozen=True)
class PendingSms:
    """A text message handed to the SMS hook."""

    phone: str
    text: str


def sms_outbox() -> list[PendingSms]:
    """The text messages handed to the hook since the app started (no SMS backend wired)."""
    return current_app.extensions.setdefault("jobsforyou_sms_outbox", [])


def send_invitation_sms(phone: str, text: str) -> None:
    """SMS HOOK: send an invitation text message once the transaction has been committed.

    The coordinator replaces the body with the SMS backend's call; the message is short,
    already in the seeker's language, and the phone number is the registration's own.
    """
    after_commit(sms_outbox().append, PendingSms(phone, text))
