"""The ticket QR is a full QR Code (phone cameras and BarcodeDetector's "qr_code" read it), not a
Micro QR, which segno.make picks for short texts and which most scanners cannot read."""

from __future__ import annotations

import base64
import re

from flask import Flask
from flask.testing import FlaskClient

from jobsforyou.extensions import db
from tests.factories import add_personal_link, make_fair, make_registration

# A full QR Code has at least 21 modules a side; a Micro QR at most 17.
FULL_QR_MODULES = 21


def _modules(svg: str, scale: int, border: int = 2) -> int:
    width = int(float(re.search(r'width="([\d.]+)"', svg).group(1)))  # type: ignore[union-attr]
    return width // scale - 2 * border


def test_the_ticket_pages_qr_is_a_full_qr_code(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        registration = make_registration(make_fair())
        token = add_personal_link(registration)
        db.session.commit()
    response = client.get(f"/r/{token}/qr.svg")
    assert response.status_code == 200
    assert _modules(response.get_data(as_text=True), scale=6) >= FULL_QR_MODULES


def test_the_route_cards_qr_is_the_same_full_qr_code(app: Flask) -> None:
    from jobsforyou.printing.services import ticket_qr_data_uri

    with app.app_context():
        registration = make_registration(make_fair())
        uri = ticket_qr_data_uri(registration)
    svg = base64.b64decode(uri.split(",", 1)[1]).decode()
    assert _modules(svg, scale=4) >= FULL_QR_MODULES


def test_the_kiosk_ticket_qr_is_a_full_qr_code() -> None:
    from urllib.parse import unquote

    from jobsforyou.registration.kiosk import ticket_qr_data_uri

    svg = unquote(ticket_qr_data_uri("ABCD2345EF").split(",", 1)[1]).replace("'", '"')
    assert _modules(svg, scale=6) >= FULL_QR_MODULES
