"""The ticket's QR Code, the same on the ticket page, the route card and every printout."""

from __future__ import annotations

import re

import segno

from jobsforyou.registration.search import ticket_key

# The ticket QR holds "JFY:<ticket code>". A scanner set to a US layout on a German keyboard
# types "JFZÖ…" for "JFY:…", so both spellings of the prefix are accepted.
SCANNED_PREFIX = re.compile(r"^\s*JF[YZ]\s*[:Ö]", re.IGNORECASE)


def ticket_qr_code(ticket_code: str) -> segno.QRCode:
    """A full QR Code of "JFY:<ticket code>" (never a Micro QR, which phone cameras and the
    check-in desk's BarcodeDetector cannot read; segno.make would pick one for short texts)."""
    return segno.make_qr(f"JFY:{ticket_code}", error="m")


def ticket_code_from_scan(text: str) -> str:
    """The ticket code in what a scanner typed or a person entered: the QR prefix, case, spaces
    and dashes do not matter (the desk and the booth read tickets the same way)."""
    return ticket_key(SCANNED_PREFIX.sub("", text or ""))
