"""Printing and seekers' data: only confirmed seekers get a route card, every printout that
shows seekers is in the audit log by registration id, the check-in list by the search key."""

from __future__ import annotations

import json
import logging
import subprocess
from pathlib import Path

import pytest
from flask import Flask
from flask.testing import FlaskClient

from jobsforyou.extensions import db
from jobsforyou.registration.models import RegistrationStatus
from tests.conftest import sign_in
from tests.factories import (
    add_personal_link,
    make_account,
    make_attending,
    make_employer,
    make_fair,
    make_registration,
    make_vacancy,
)


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "printed.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def _audit(caplog: pytest.LogCaptureFixture) -> list[dict[str, object]]:
    return [json.loads(r.getMessage()) for r in caplog.records if r.name == "jobsforyou.audit"]


def _fair(app: Flask) -> dict[str, int]:
    with app.app_context():
        fair = make_fair()
        kitchen = make_employer("Hotel Haus Ravensberg")
        make_attending(fair, kitchen, booth_number=4)
        make_vacancy(kitchen, "Koch/Köchin (m/w/d)", occupation_id=None, required_skills=[])
        cook = make_registration(fair, "Олена", "Коваленко", language="uk",
                                 desired_occupations=["кухар"])
        arabic = make_registration(fair, "سمير", "الحسن", language="ar",
                                   desired_occupations=["طباخ"])
        latin = make_registration(fair, "Tesfay", "Mebrahtu", language="en",
                                  desired_occupations=["cook"])
        gone = make_registration(fair, "Ivan", "Weg", language="uk", desired_occupations=["кухар"],
                                 status=RegistrationStatus.WITHDRAWN)
        gone_token = add_personal_link(gone)
        db.session.commit()
        return {"fair": fair.id, "kitchen": kitchen.id, "cook": cook.id, "arabic": arabic.id,
                "latin": latin.id, "gone_token": gone_token,  # type: ignore[dict-item]
                "organiser": make_account("organiser", municipality_id=fair.municipality_id).id}


def test_a_withdrawn_seeker_gets_no_route_card(app: Flask, client: FlaskClient) -> None:
    ids = _fair(app)
    assert client.get(f"/r/{ids['gone_token']}/route-card.pdf").status_code == 404


def test_printouts_with_seekers_are_audited_by_registration(
    app: Flask, client: FlaskClient, caplog: pytest.LogCaptureFixture
) -> None:
    ids = _fair(app)
    sign_in(client, ids["organiser"])
    caplog.set_level(logging.INFO, logger="jobsforyou.audit")
    fair = ids["fair"]
    for url in (f"/fairs/{fair}/print/employers/{ids['kitchen']}.pdf",
                f"/fairs/{fair}/print/route-cards.pdf",
                f"/fairs/{fair}/print/registrations/{ids['cook']}/route-card.pdf",
                f"/fairs/{fair}/print/check-in.pdf"):
        assert client.get(url).status_code == 200, url
    events = {event["event"]: event for event in _audit(caplog)}
    listed = events["match_list_printed"]["registrations"]
    assert ids["cook"] in listed  # type: ignore[operator]
    assert set(events["route_cards_printed"]["registrations"]) == {  # type: ignore[call-overload]
        ids["cook"], ids["arabic"], ids["latin"]}
    assert events["route_card_printed"]["registration"] == ids["cook"]
    assert ids["arabic"] in events["check_in_list_printed"]["registrations"]  # type: ignore[operator]


def test_the_check_in_list_is_ordered_by_the_transliterated_name(
    app: Flask, client: FlaskClient, tmp_path: Path
) -> None:
    ids = _fair(app)
    sign_in(client, ids["organiser"])
    text = _text(client.get(f"/fairs/{ids['fair']}/print/check-in.pdf").data, tmp_path)
    # by the search key: Kovalenko (Cyrillic, transliterated) before Mebrahtu, Arabic names after
    positions = [text.index(name) for name in ("Коваленко", "Mebrahtu", "الحسن")]
    assert positions == sorted(positions), text
    assert "Weg" not in text
