"""Kiosk mode: a shared device at the fair forgets each visitor after their registration.

`?kiosk=1` on the registration form marks the browser session as a kiosk. A registration made
there shows its ticket once, in the answer to the form itself (no page to go back to), and the
"next visitor" step clears the session except the kiosk mark and the language.
"""

from __future__ import annotations

from flask import request, session
from flask_wtf import FlaskForm

from jobsforyou.registration.tickets import ticket_qr_code

KIOSK_KEY = "kiosk"
KEPT_KEYS = (KIOSK_KEY, "lang")


class NextVisitorForm(FlaskForm):
    """The "next visitor" button (a form only for its CSRF token)."""


def start_if_asked() -> None:
    """Mark this browser session as a kiosk when the page was opened with ?kiosk=1."""
    if request.args.get("kiosk") == "1":
        session[KIOSK_KEY] = True


def is_active() -> bool:
    """Whether this browser session is a kiosk."""
    return bool(session.get(KIOSK_KEY))


def forget_visitor() -> None:
    """Clear everything the session holds except the kiosk mark and the language."""
    kept = {key: session[key] for key in KEPT_KEYS if key in session}
    session.clear()
    session.update(kept)


def ticket_qr_data_uri(ticket_code: str) -> str:
    """The ticket's QR code inline, so the kiosk page links to no personal URL."""
    return ticket_qr_code(ticket_code).svg_data_uri(scale=6, border=2)
