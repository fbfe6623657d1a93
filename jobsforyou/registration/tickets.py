"""The ticket's QR Code, the same on the ticket page, the route card and every printout."""

from __future__ import annotations

import segno


def ticket_qr_code(ticket_code: str) -> segno.QRCode:
    """A full QR Code of "JFY:<ticket code>" (never a Micro QR, which phone cameras and the
    check-in desk's BarcodeDetector cannot read; segno.make would pick one for short texts)."""
    return segno.make_qr(f"JFY:{ticket_code}", error="m")
