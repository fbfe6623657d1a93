"""Invitations to seekers without e-mail go out as text messages through the SMS backend."""

from __future__ import annotations

from jobsforyou.sms import send_sms


def send_invitation_sms(phone: str, text: str) -> bool:
    """Send an invitation text message (after the commit); False when the number's limit is
    reached. The message is short, already in the seeker's language."""
    return send_sms(phone, text)
