"""Organisers pin or remove a pair of the match plan: kept across re-runs, printed, scoped; the
employer's own list in their account and as CSV/XLSX (consenting seekers only, formula-safe)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import logging
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from openpyxl import load_workbook
from sqlalchemy import select

from jobsforyou.employers.models import Employer
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.printing.access import all_seekers
from jobsforyou.printing.models import MatchDecision
from jobsforyou.printing.plan import plan_fair
from jobsforyou.registration.models import ConsentPurpose
from tests.conftest import csrf_token_from, sign_in
from tests.factories import (
    make_account,
    make_attending,
    make_employer,
    make_fair,
    make_registration,
    make_vacancy,
    municipality,
    system,
)

ENGLISH = {"Accept-Language": "en"}
ISOLATES = re.compile("[\u2066-\u2069]")
PINNED_DE = "Von den Veranstaltern ausgewählt"


def _text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "printed.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def _fair(app: Flask) -> dict[str, Any]:
    with app.app_context():
        fair = make_fair()
        kitchen = make_employer("Hotel Haus Ravensberg", town="Bad Iburg")
        bakery = make_employer("Bäckerei Sonnenkorn", town="Bramsche")
        make_attending(fair, kitchen, booth_number=12)
        make_attending(fair, bakery, booth_number=3)
        make_vacancy(kitchen, "Koch/Köchin (m/w/d)", occupation_id=None, required_skills=[],
                     german_level_min="A2")
        make_vacancy(bakery, "Bäcker/in (m/w/d)", occupation_id=None, required_skills=[],
                     german_level_min="A1")
        cook = make_registration(fair, "Олена", "Коваленко", language="uk",
                                 desired_occupations=["кухар"], phone="0176 5550002")
        arabic = make_registration(fair, "سمير", "الحسن", language="ar",
                                   desired_occupations=["طباخ"], phone="0176 5550001")
        painter = make_registration(fair, "Dawit", "Tesfaye", language="en",
                                    desired_occupations=["painter"], phone="0176 5550003")
        formula = make_registration(fair, "Mustafa", "=HYPERLINK(\"http://x\")", language="tr",
                                    desired_occupations=["aşçı"], phone="+49 176 5550004")
        private = make_registration(fair, "Verborgen", "Privat", language="uk",
                                    desired_occupations=["кухар"], phone="0176 5559999")
        for consent in private.consents:
            if consent.purpose == ConsentPurpose.SHARE_WITH_EMPLOYERS:
                consent.withdrawn_at = dt.datetime.now(dt.UTC)
        db.session.commit()
        return {
            "fair": fair.id, "kitchen": kitchen.id, "bakery": bakery.id, "cook": cook.id,
            "arabic": arabic.id, "painter": painter.id, "formula": formula.id,
            "private": private.id,
            "other_fair": make_fair(municipality_id=municipality("Melle").id,
                                    title="Messe Melle").id,
            "organiser": make_account("organiser", municipality_id=fair.municipality_id).id,
            "melle_organiser": make_account("organiser",
                                            municipality_id=municipality("Melle").id).id,
            "kitchen_user": make_account("employer", employer_id=kitchen.id).id,
            "bakery_user": make_account("employer", employer_id=bakery.id).id,
        }


def _stored() -> int:
    """How many decisions are stored (any fair)."""
    return len(db.session.scalars(system(select(MatchDecision))).all())


def _page(client: FlaskClient, url: str) -> str:
    response = client.get(url, headers=ENGLISH)
    assert response.status_code == 200, (url, response.status_code)
    return ISOLATES.sub("", response.get_data(as_text=True))


def _overview(client: FlaskClient, ids: dict[str, Any]) -> str:
    return _page(client, f"/fairs/{ids['fair']}/matches")


def _employer_section(html: str, employer_id: int) -> str:
    """The overview's section of one employer (its pairs, removed pairs and the pin form)."""
    start = html.index(f'id="employer-{employer_id}"')
    return html[start:html.index("</section>", start)]


def _decide(client: FlaskClient, ids: dict[str, Any], employer: str, seeker: str,
            action: str) -> None:
    token = csrf_token_from(_overview(client, ids))
    response = client.post(
        f"/fairs/{ids['fair']}/matches/employers/{ids[employer]}/seekers/{ids[seeker]}",
        data={"csrf_token": token, "action": action})
    assert response.status_code == 302, response.status_code
    assert response.headers["Location"].endswith(f"#employer-{ids[employer]}")


def _pin(client: FlaskClient, ids: dict[str, Any], employer: str, seeker: str,
         status: int = 302) -> str:
    token = csrf_token_from(_overview(client, ids))
    response = client.post(f"/fairs/{ids['fair']}/matches/pin",
                           data={"csrf_token": token, "employer_id": ids[employer],
                                 "registration_id": ids[seeker]}, headers=ENGLISH)
    assert response.status_code == status, response.status_code
    return ISOLATES.sub("", response.get_data(as_text=True))


def _pdf(client: FlaskClient, url: str, tmp_path: Path) -> str:
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response.mimetype == "application/pdf"
    return _text(response.data, tmp_path)


def _kitchen_list(client: FlaskClient, ids: dict[str, Any], tmp_path: Path) -> str:
    return _pdf(client, f"/fairs/{ids['fair']}/print/employers/{ids['kitchen']}.pdf", tmp_path)


def _route_card(client: FlaskClient, ids: dict[str, Any], seeker: str, tmp_path: Path) -> str:
    return _pdf(client, f"/fairs/{ids['fair']}/print/registrations/{ids[seeker]}/route-card.pdf",
                tmp_path)


def test_a_removed_suggestion_leaves_the_overview_the_list_and_the_route_card(
    app: Flask, client: FlaskClient, tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    ids = _fair(app)
    sign_in(client, ids["organiser"])
    kitchen = _employer_section(_overview(client, ids), ids["kitchen"])
    assert "Remove Олена Коваленко from the list of Hotel Haus Ravensberg" in kitchen
    # a suggested seeker who shares no data is marked: she will not be on the printed list
    private = kitchen[kitchen.index("Verborgen Privat"):]
    assert private.index("has not agreed to share their data") < private.index("</li>")
    assert kitchen.count("has not agreed to share their data") == 1
    assert "Коваленко" in _kitchen_list(client, ids, tmp_path)
    assert "Hotel Haus Ravensberg" in _route_card(client, ids, "cook", tmp_path)

    with caplog.at_level(logging.INFO, logger="jobsforyou.audit"):
        _decide(client, ids, "kitchen", "cook", "remove")
    events = [json.loads(r.getMessage()) for r in caplog.records if r.name == "jobsforyou.audit"]
    decided = [e for e in events if e["event"] == "match_decided"]
    assert decided and decided[0]["registration"] == ids["cook"]
    assert decided[0]["decision"] == "removed" and decided[0]["user"] == ids["organiser"]

    kitchen = _employer_section(_overview(client, ids), ids["kitchen"])
    assert "Remove Олена Коваленко from the list of Hotel Haus Ravensberg" not in kitchen
    assert "Restore the suggestion of Олена Коваленко to Hotel Haus Ravensberg" in kitchen
    assert "الحسن" in kitchen  # the other cook stays suggested
    listed = _kitchen_list(client, ids, tmp_path)
    assert "Коваленко" not in listed and "0176 5550002" not in listed
    assert "الحسن" in listed
    assert "Hotel Haus Ravensberg" not in _route_card(client, ids, "cook", tmp_path)

    _decide(client, ids, "kitchen", "cook", "restore")  # undo: suggested again
    kitchen = _employer_section(_overview(client, ids), ids["kitchen"])
    assert "Remove Олена Коваленко from the list of Hotel Haus Ravensberg" in kitchen
    assert "Коваленко" in _kitchen_list(client, ids, tmp_path)


def test_a_pinned_seeker_whom_the_matching_does_not_suggest_is_listed_first_and_marked(
    app: Flask, client: FlaskClient, tmp_path: Path
) -> None:
    ids = _fair(app)
    sign_in(client, ids["organiser"])
    before = _kitchen_list(client, ids, tmp_path)
    assert "Tesfaye" not in before and PINNED_DE not in before  # a painter, not a cook
    assert "Hotel Haus Ravensberg" not in _route_card(client, ids, "painter", tmp_path)

    _pin(client, ids, "kitchen", "painter")

    kitchen = _employer_section(_overview(client, ids), ids["kitchen"])
    assert "Undo the pin of Dawit Tesfaye at Hotel Haus Ravensberg" in kitchen
    assert "Chosen by the organisers" in kitchen
    assert kitchen.index("Tesfaye") < kitchen.index("Коваленко")  # pinned first
    listed = _kitchen_list(client, ids, tmp_path)
    assert "Dawit Tesfaye" in listed and PINNED_DE in listed and "0176 5550003" in listed
    assert listed.index("Tesfaye") < listed.index("Коваленко")
    assert listed.count(PINNED_DE) == 1  # only the pinned pair is marked
    card = _route_card(client, ids, "painter", tmp_path)
    assert "Hotel Haus Ravensberg" in card and "Stand 12" in card


def test_pinning_a_suggested_pair_marks_it_and_puts_it_first(
    app: Flask, client: FlaskClient, tmp_path: Path
) -> None:
    ids = _fair(app)
    sign_in(client, ids["organiser"])
    with app.app_context():
        fair = db.session.get(Fair, ids["fair"])
        order = [p.registration.id for p in plan_fair(fair, all_seekers(fair)).by_employer[
            ids["kitchen"]]]
    last = order[-1]
    seeker = next(name for name in ("cook", "arabic", "formula") if ids[name] == last)
    _decide(client, ids, "kitchen", seeker, "pin")
    with app.app_context():
        fair = db.session.get(Fair, ids["fair"])
        pairs = plan_fair(fair, all_seekers(fair)).by_employer[ids["kitchen"]]
    assert pairs[0].registration.id == last and pairs[0].pinned
    assert not any(pair.pinned for pair in pairs[1:])
    assert sorted(p.registration.id for p in pairs) == sorted(order)  # nobody added twice


def test_decisions_survive_a_rerun_of_the_matching(app: Flask, client: FlaskClient) -> None:
    ids = _fair(app)
    sign_in(client, ids["organiser"])
    _decide(client, ids, "kitchen", "cook", "remove")
    _pin(client, ids, "bakery", "painter")
    with app.app_context():
        # the plan is computed afresh, after the fair changed: a new seeker and a new vacancy
        fair = db.session.get(Fair, ids["fair"])
        make_registration(fair, "Oksana", "Melnyk", language="uk", desired_occupations=["кухар"])
        kitchen_employer = db.session.scalar(system(select(Employer).where(
            Employer.id == ids["kitchen"])))
        make_vacancy(kitchen_employer, "Beikoch/Beiköchin (m/w/d)",
                     occupation_id=None, required_skills=[])
        for _run in range(2):
            plan = plan_fair(fair, all_seekers(fair))
            kitchen = {p.registration.id for p in plan.by_employer[ids["kitchen"]]}
            bakery = {p.registration.id: p for p in plan.by_employer[ids["bakery"]]}
            assert ids["cook"] not in kitchen
            assert ids["arabic"] in kitchen
            assert [r.id for r in plan.removed[ids["kitchen"]]] == [ids["cook"]]
            assert bakery[ids["painter"]].pinned
            assert plan.by_employer[ids["bakery"]][0].registration.id == ids["painter"]
            assert ids["kitchen"] not in {p.vacancy.employer_id
                                          for p in plan.by_registration.get(ids["cook"], [])}
        stored = _stored()
        assert stored == 2


def test_another_towns_organiser_cannot_decide(app: Flask, client: FlaskClient) -> None:
    ids = _fair(app)
    sign_in(client, ids["melle_organiser"])
    token = csrf_token_from(client.get("/privacy").get_data(as_text=True))
    base = f"/fairs/{ids['fair']}/matches/employers/{ids['kitchen']}"
    refused = client.post(f"{base}/seekers/{ids['cook']}",
                          data={"csrf_token": token, "action": "remove"})
    assert refused.status_code == 404
    pinned = client.post(f"/fairs/{ids['fair']}/matches/pin",
                         data={"csrf_token": token, "employer_id": ids["kitchen"],
                               "registration_id": ids["painter"]})
    assert pinned.status_code == 404
    assert client.get(f"/fairs/{ids['fair']}/matches").status_code == 404
    # an employer is refused too, even for its own booth
    employer = app.test_client()
    sign_in(employer, ids["kitchen_user"])
    own_token = csrf_token_from(employer.get("/privacy").get_data(as_text=True))
    assert employer.post(f"{base}/seekers/{ids['cook']}",
                         data={"csrf_token": own_token, "action": "remove"}).status_code in (
        403, 404)
    with app.app_context():
        assert _stored() == 0


def test_a_seeker_of_another_fair_cannot_be_pinned(app: Flask, client: FlaskClient) -> None:
    ids = _fair(app)
    with app.app_context():
        stranger = make_registration(db.session.get(Fair, ids["other_fair"]), "Anna", "Fremd")
        stranger_id = stranger.id
    sign_in(client, ids["organiser"])
    ids["stranger"] = stranger_id
    token = csrf_token_from(_overview(client, ids))
    base = f"/fairs/{ids['fair']}/matches/employers/{ids['kitchen']}"
    assert client.post(f"{base}/seekers/{stranger_id}",
                       data={"csrf_token": token, "action": "pin"}).status_code == 404
    refused = _pin(client, ids, "kitchen", "stranger", status=400)  # not a choice
    assert 'class="error-summary"' in refused and "Not a valid choice" in refused
    ids["nobody"] = 0
    refused = _pin(client, ids, "kitchen", "nobody", status=400)
    assert "Choose the person to pin to the employer." in refused
    assert "Fremd" not in _employer_section(_overview(client, ids), ids["kitchen"])
    with app.app_context():
        assert _stored() == 0


def test_the_employer_sees_its_own_candidates_and_not_another_employers(
    app: Flask, client: FlaskClient
) -> None:
    ids = _fair(app)
    organiser = app.test_client()
    sign_in(organiser, ids["organiser"])
    _pin(organiser, ids, "kitchen", "painter")
    sign_in(client, ids["kitchen_user"])
    booths = _page(client, "/employer/booths")
    assert f"/employer/fairs/{ids['fair']}/candidates" in booths
    html = _page(client, f"/employer/fairs/{ids['fair']}/candidates")
    assert "Коваленко" in html and "Dawit Tesfaye" in html and "0176 5550003" in html
    assert "Chosen by the organisers" in html
    assert html.index("Tesfaye") < html.index("Коваленко")
    assert "Verborgen" not in html and "0176 5559999" not in html  # no consent, not listed
    assert "Bäcker/in" not in html
    for kind in ("csv", "xlsx"):
        assert f"/employer/fairs/{ids['fair']}/candidates.{kind}" in html

    bakery = app.test_client()
    sign_in(bakery, ids["bakery_user"])
    theirs = _page(bakery, f"/employer/fairs/{ids['fair']}/candidates")
    assert "Bäckerei Sonnenkorn" in theirs
    assert "Hotel Haus Ravensberg" not in theirs and "Koch/Köchin" not in theirs
    assert "Dawit Tesfaye" not in theirs  # pinned to the kitchen, not to the bakery
    exported = bakery.get(f"/employer/fairs/{ids['fair']}/candidates.csv").get_data(as_text=True)
    assert "Koch/Köchin" not in exported and "Tesfaye" not in exported
    assert bakery.get(f"/employer/fairs/{ids['other_fair']}/candidates").status_code == 404
    assert bakery.get(f"/employer/fairs/{ids['other_fair']}/candidates.csv").status_code == 404


def test_the_csv_and_xlsx_have_the_listed_rows_and_are_formula_safe(
    app: Flask, client: FlaskClient
) -> None:
    ids = _fair(app)
    organiser = app.test_client()
    sign_in(organiser, ids["organiser"])
    _decide(organiser, ids, "kitchen", "arabic", "remove")
    _pin(organiser, ids, "kitchen", "painter")
    _pin(organiser, ids, "kitchen", "private")  # pinned, but she shares no data with employers
    sign_in(client, ids["kitchen_user"])
    response = client.get(f"/employer/fairs/{ids['fair']}/candidates.csv")
    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert response.headers["Content-Disposition"].startswith("attachment;")
    assert "no-store" in response.headers["Cache-Control"]
    rows = list(csv.reader(io.StringIO(response.data.decode("utf-8-sig")), delimiter=";"))
    header, body = rows[0], rows[1:]
    assert header[:4] == ["Stand", "Stelle", "Nachname", "Vorname"]
    by_name = {row[header.index("Nachname")]: row for row in body}
    # the pinned painter first, then the suggested cooks; removed and non-consenting ones absent
    assert body[0][header.index("Nachname")] == "Tesfaye"
    assert set(by_name) == {"Tesfaye", "Коваленко", "'=HYPERLINK(\"http://x\")"}
    assert by_name["Tesfaye"][header.index("Von den Veranstaltern gewählt")] == "ja"
    assert by_name["Коваленко"][header.index("Von den Veranstaltern gewählt")] == "nein"
    assert by_name["Коваленко"][header.index("Telefon")] == "0176 5550002"
    assert by_name["Коваленко"][header.index("Stand")] == "12"
    assert by_name["Коваленко"][header.index("Stelle")] == "Koch/Köchin (m/w/d)"
    assert "Beruf passt" in by_name["Коваленко"][header.index("Warum es passt")]
    formula = by_name["'=HYPERLINK(\"http://x\")"]
    assert formula[header.index("Telefon")] == "'+49 176 5550004"  # a leading + is neutralised
    assert not [cell for row in body for cell in row if cell[:1] in ("=", "+", "-", "@")]
    assert "Privat" not in response.data.decode("utf-8-sig")

    workbook = client.get(f"/employer/fairs/{ids['fair']}/candidates.xlsx")
    assert workbook.status_code == 200
    sheet = load_workbook(io.BytesIO(workbook.data)).active
    values = [[cell.value for cell in row] for row in sheet.iter_rows()]
    assert values[0][:4] == ["Stand", "Stelle", "Nachname", "Vorname"]
    assert len(values) == len(rows)
    names = [row[2] for row in values[1:]]
    assert names[0] == "Tesfaye" and "'=HYPERLINK(\"http://x\")" in names
    assert not [v for row in values for v in row if isinstance(v, str) and v[:1] in "=+-@"]


def test_deleting_a_seeker_deletes_their_decisions(app: Flask, client: FlaskClient) -> None:
    ids = _fair(app)
    sign_in(client, ids["organiser"])
    _pin(client, ids, "kitchen", "painter")
    _decide(client, ids, "bakery", "painter", "remove")
    with app.app_context():
        assert _stored() == 2
    token = csrf_token_from(_overview(client, ids))
    response = client.post(
        f"/organiser/fairs/{ids['fair']}/registrations/{ids['painter']}/delete",
        data={"csrf_token": token})
    assert response.status_code == 302
    with app.app_context():
        assert _stored() == 0
    assert "Tesfaye" not in _overview(client, ids)
