"""Printed match lists, route cards and the check-in list: content, order, glyphs and access."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from jobsforyou.booths.models import BoothRequest
from jobsforyou.extensions import db
from jobsforyou.registration.models import ConsentPurpose, Registration
from tests.conftest import sign_in
from tests.factories import (
    add_personal_link,
    make_account,
    make_attending,
    make_employer,
    make_fair,
    make_registration,
    make_vacancy,
    municipality,
    system,
)


def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    """The PDF's text in reading order (pdftotext)."""
    path = tmp_path / "out.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def pdf_fonts(pdf: bytes, tmp_path: Path) -> list[str]:
    """pdffonts' rows: one line per font (name, type, encoding, emb, sub, uni)."""
    path = tmp_path / "fonts.pdf"
    path.write_bytes(pdf)
    out = subprocess.run(["pdffonts", str(path)], check=True, capture_output=True,
                         text=True).stdout
    return out.splitlines()[2:]


def _fair(app: Flask) -> dict[str, Any]:
    with app.app_context():
        fair = make_fair()
        kitchen = make_employer("Hotel Haus Ravensberg", town="Bad Iburg")
        bakery = make_employer("Bäckerei Sonnenkorn", town="Bramsche")
        make_attending(fair, kitchen, booth_number=12)
        make_attending(fair, bakery, booth_number=3)
        make_vacancy(kitchen, "Koch/Köchin (m/w/d)", occupation_id=None, required_skills=[],
                     german_level_min="A2")
        make_vacancy(bakery, "Küchenhilfe (m/w/d)", occupation_id=None, required_skills=[],
                     german_level_min="A1")
        arabic = make_registration(fair, "سمير", "الحسن", language="ar",
                                   desired_occupations=["طباخ"], phone="0176 5550001")
        ukrainian = make_registration(fair, "Олена", "Коваленко", language="uk",
                                      desired_occupations=["кухар"], phone="0176 5550002")
        private = make_registration(fair, "Verborgen", "Privat", language="uk",
                                    desired_occupations=["кухар"], phone="0176 5559999")
        for consent in private.consents:
            if consent.purpose == ConsentPurpose.SHARE_WITH_EMPLOYERS:
                consent.withdrawn_at = dt.datetime.now(dt.UTC)
        arabic_token = add_personal_link(arabic)
        ukrainian_token = add_personal_link(ukrainian)
        db.session.commit()
        other_fair = make_fair(municipality_id=municipality("Melle").id, title="Messe Melle")
        return {
            "arabic_token": arabic_token, "ukrainian_token": ukrainian_token,  # type: ignore[dict-item]
            "fair": fair.id, "kitchen": kitchen.id, "bakery": bakery.id,
            "arabic": arabic.id, "ukrainian": ukrainian.id, "other_fair": other_fair.id,
            "organiser": make_account("organiser", municipality_id=fair.municipality_id).id,
            "kitchen_user": make_account("employer", employer_id=kitchen.id).id,
            "bakery_user": make_account("employer", employer_id=bakery.id).id,
        }


def _download(client: FlaskClient, url: str) -> bytes:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response.mimetype == "application/pdf"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response.headers["Cache-Control"]
    return response.data


def test_employer_list_names_the_candidates_and_hides_a_non_consenting_seeker(
    app: Flask, client: FlaskClient, tmp_path: Path
) -> None:
    ids = _fair(app)
    sign_in(client, ids["organiser"])
    pdf = _download(client, f"/fairs/{ids['fair']}/print/employers/{ids['kitchen']}.pdf")
    Path("/tmp/f-list.pdf").write_bytes(pdf)  # to look at: pdftoppm -png -r 60
    text = pdf_text(pdf, tmp_path)
    assert "Hotel Haus Ravensberg" in text and "12" in text
    assert "Koch/Köchin (m/w/d)" in text
    assert "Коваленко" in text
    assert "0176 5550002" in text  # she agreed to share her data with employers
    assert "Verborgen" not in text and "0176 5559999" not in text
    assert "Warum es passt" in text
    assert "\ufffd" not in text


def test_employer_downloads_their_own_list_but_not_another_employers(
    app: Flask, client: FlaskClient, tmp_path: Path
) -> None:
    ids = _fair(app)
    sign_in(client, ids["kitchen_user"])
    text = pdf_text(_download(client, f"/employer/fairs/{ids['fair']}/match-list.pdf"), tmp_path)
    assert "Hotel Haus Ravensberg" in text
    assert "Bäckerei Sonnenkorn" not in text
    # the organisers' address for another employer's list is not theirs to use
    assert client.get(f"/fairs/{ids['fair']}/print/employers/{ids['bakery']}.pdf").status_code in (
        403, 404)
    assert client.get(f"/employer/fairs/{ids['other_fair']}/match-list.pdf").status_code == 404


def test_another_towns_organiser_cannot_print_the_fair(app: Flask, client: FlaskClient) -> None:
    ids = _fair(app)
    with app.app_context():
        other = make_account("organiser", municipality_id=municipality("Melle").id).id
    sign_in(client, other)
    for url in (f"/fairs/{ids['fair']}/print/employers/{ids['kitchen']}.pdf",
                f"/fairs/{ids['fair']}/print/route-cards.pdf",
                f"/fairs/{ids['fair']}/print/check-in.pdf",
                f"/fairs/{ids['fair']}/matches"):
        assert client.get(url).status_code in (403, 404), url


def test_arabic_route_card_is_bilingual_with_booths_in_order_and_embedded_fonts(
    app: Flask, client: FlaskClient, tmp_path: Path
) -> None:
    ids = _fair(app)
    pdf = _download(client, f"/r/{ids['arabic_token']}/route-card.pdf")
    Path("/tmp/f-card.pdf").write_bytes(pdf)  # to look at: pdftoppm -png -r 60
    text = pdf_text(pdf, tmp_path)
    assert "سمير" in text and "الحسن" in text
    assert "الجناح رقم" in text and "طباخ" in text  # the Arabic side: booth label, reasons
    german = text[text.index("Stand 3"):]  # the German side, booths in route order
    assert "Stand 12" in german and german.index("Stand 3") < german.index("Stand 12")
    assert "Beruf passt: Koch/Köchin" in german
    assert "\ufffd" not in text
    fonts = pdf_fonts(pdf, tmp_path)
    assert fonts and all(" yes " in row for row in fonts), fonts
    assert not any("Type 3" in row for row in fonts), fonts


def test_a_seeker_gets_only_their_own_card(app: Flask, client: FlaskClient, tmp_path: Path) -> None:
    ids = _fair(app)
    text = pdf_text(_download(client, f"/r/{ids['ukrainian_token']}/route-card.pdf"), tmp_path)
    assert "Коваленко" in text and "الحسن" not in text
    assert client.get("/r/not-a-token/route-card.pdf").status_code == 404
    assert client.get(f"/fairs/{ids['fair']}/print/registrations/{ids['arabic']}/route-card.pdf"
                      ).status_code in (302, 401, 403, 404)


def test_all_route_cards_and_the_check_in_list(
    app: Flask, client: FlaskClient, tmp_path: Path
) -> None:
    ids = _fair(app)
    sign_in(client, ids["organiser"])
    cards_pdf = _download(client, f"/fairs/{ids['fair']}/print/route-cards.pdf")
    cards = pdf_text(cards_pdf, tmp_path)
    assert "الحسن" in cards and "Коваленко" in cards
    assert "Verborgen" in cards  # every confirmed seeker gets a card
    one = pdf_text(_download(
        client, f"/fairs/{ids['fair']}/print/registrations/{ids['arabic']}/route-card.pdf"
        "?layout=a4"), tmp_path)
    assert "سمير" in one
    checkin = pdf_text(_download(client, f"/fairs/{ids['fair']}/print/check-in.pdf"), tmp_path)
    assert all(name in checkin for name in ("Privat", "Коваленко", "الحسن"))


def test_organiser_overview_lists_pairs_with_reasons(app: Flask, client: FlaskClient) -> None:
    ids = _fair(app)
    sign_in(client, ids["organiser"])
    page = client.get(f"/fairs/{ids['fair']}/matches", headers={"Accept-Language": "de"})
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Hotel Haus Ravensberg" in html and "Коваленко" in html
    assert "data-code=" in html


def test_name_tags_and_the_booth_overview(app: Flask, client: FlaskClient, tmp_path: Path) -> None:
    ids = _fair(app)
    with app.app_context():
        kitchen_request = db.session.scalars(system(
            select(BoothRequest).where(BoothRequest.employer_id == ids["kitchen"]))).one()
        kitchen_request.languages = ["ar", "uk"]
        db.session.commit()
    sign_in(client, ids["organiser"])
    tags_pdf = _download(client, f"/fairs/{ids['fair']}/print/badges.pdf")
    tags = pdf_text(tags_pdf, tmp_path)
    with app.app_context():
        codes = {r.ticket_code for r in db.session.scalars(system(
            select(Registration).where(Registration.fair_id == ids["fair"])))}
    assert all(code in tags for code in codes)  # every confirmed seeker gets a tag
    assert "سمير الحسن" in tags.replace("\u202b", "").replace("\u202c", "")
    assert "Олена Коваленко" in tags and "Spricht: Arabisch" in tags
    assert "\ufffd" not in tags
    fonts = pdf_fonts(tags_pdf, tmp_path)
    assert fonts and all(" yes " in row for row in fonts), fonts
    booths = pdf_text(_download(client, f"/fairs/{ids['fair']}/print/booths.pdf"), tmp_path)
    assert booths.index("Bäckerei Sonnenkorn") < booths.index("Hotel Haus Ravensberg")  # 3, 12
    assert "Koch/Köchin (m/w/d)" in booths and "Arabisch, Ukrainisch" in booths
    other = client.get(f"/fairs/{ids['other_fair']}/print/badges.pdf")
    assert other.status_code == 404  # another town's fair
