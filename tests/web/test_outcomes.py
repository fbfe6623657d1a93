"""Outcomes at the booth: employers record per candidate or by ticket, organisers for them."""

from __future__ import annotations

import csv
import datetime as dt
import io
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import func, select

from jobsforyou.extensions import db
from jobsforyou.outcomes.models import Outcome, OutcomeStatus
from jobsforyou.outcomes.services import outcome_counts, outcomes_for_fair
from jobsforyou.registration.models import ConsentPurpose, Registration
from jobsforyou.scoping import SYSTEM
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


def _world(app: Flask) -> dict[str, Any]:
    with app.app_context():
        fair = make_fair()
        alpha = make_employer("Alpha Küchen GmbH")
        beta = make_employer("Beta Backwaren KG")
        make_attending(fair, alpha, booth_number=3)
        make_attending(fair, beta, booth_number=4)
        vacancy = make_vacancy(alpha, "Koch (m/w/d)")
        beta_vacancy = make_vacancy(beta, "Bäcker (m/w/d)")
        seeker = make_registration(fair, "Олена", "Коваленко", desired_occupations=("кухар",))
        private = make_registration(fair, "Мирослава", "Шевченко")
        for consent in private.consents:
            if consent.purpose == ConsentPurpose.SHARE_WITH_EMPLOYERS:
                consent.withdrawn_at = dt.datetime.now(dt.UTC)
        db.session.commit()
        return {
            "fair": fair.id, "alpha": alpha.id, "beta": beta.id, "vacancy": vacancy.id,
            "beta_vacancy": beta_vacancy.id, "seeker": seeker.id, "ticket": seeker.ticket_code,
            "private": private.id, "private_ticket": private.ticket_code,
            "alpha_user": make_account(employer_id=alpha.id).id,
            "beta_user": make_account(employer_id=beta.id).id,
            "organiser": make_account("organiser", municipality_id=municipality("Bramsche").id).id,
            "other_organiser": make_account("organiser",
                                            municipality_id=municipality("Melle").id).id,
        }


def _client(app: Flask, user_id: int) -> FlaskClient:
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"  # the texts asserted here
    sign_in(client, user_id)
    return client


def _token(client: FlaskClient, page: str = "/privacy") -> str:
    return csrf_token_from(client.get(page).get_data(as_text=True))


def _record_for_candidate(client: FlaskClient, w: dict[str, Any], status: str, note: str = "",
                          vacancy: int | None = None, seeker: int | None = None):  # type: ignore[no-untyped-def]
    vacancy, seeker = vacancy or w["vacancy"], seeker or w["seeker"]
    return client.post(f"/vacancies/{vacancy}/candidates/{seeker}/outcome", data={
        "csrf_token": _token(client), f"r{seeker}-status": status, f"r{seeker}-note": note})


def _outcomes(app: Flask) -> list[Outcome]:
    with app.app_context():
        rows = list(db.session.scalars(system(select(Outcome))))
        db.session.expunge_all()
        return rows


def test_employer_records_and_updates_one_outcome_from_the_candidate_list(app: Flask) -> None:
    w = _world(app)
    client = _client(app, w["alpha_user"])
    page = client.get(f"/vacancies/{w['vacancy']}/candidates").get_data(as_text=True)
    assert f'action="/vacancies/{w["vacancy"]}/candidates/{w["seeker"]}/outcome"' in page
    assert f'for="r{w["seeker"]}-status"' in page  # a label for each row's field

    response = _record_for_candidate(client, w, "talked", "Spricht gut Englisch")
    assert response.status_code == 302
    assert response.headers["Location"].endswith(f"#candidate-{w['seeker']}")
    response = _record_for_candidate(client, w, "trial_day", "Probearbeit am Montag")
    assert response.status_code == 302

    rows = _outcomes(app)
    assert len(rows) == 1
    assert rows[0].status == OutcomeStatus.TRIAL_DAY
    assert rows[0].note == "Probearbeit am Montag"
    assert rows[0].vacancy_id == w["vacancy"] and rows[0].employer_id == w["alpha"]
    assert rows[0].recorded_by_id == w["alpha_user"]
    page = client.get(f"/vacancies/{w['vacancy']}/candidates").get_data(as_text=True)
    assert "Current outcome: Trial day" in page
    assert "Probearbeit am Montag" in page


def test_another_employer_can_neither_record_nor_see(app: Flask) -> None:
    w = _world(app)
    alpha = _client(app, w["alpha_user"])
    assert _record_for_candidate(alpha, w, "hired", "Vertrag unterschrieben").status_code == 302
    beta = _client(app, w["beta_user"])
    # A's vacancy: 404; B's own vacancy with A's outcome: not shown
    assert _record_for_candidate(beta, w, "not_a_fit").status_code == 404
    assert beta.get(f"/vacancies/{w['vacancy']}/candidates").status_code == 404
    page = beta.get(f"/vacancies/{w['beta_vacancy']}/candidates").get_data(as_text=True)
    assert "Vertrag unterschrieben" not in page and "Current outcome" not in page
    # a candidate the employer may not see (no consent): 404, nothing stored
    assert _record_for_candidate(alpha, w, "talked", seeker=w["private"]).status_code == 404
    rows = _outcomes(app)
    assert [(r.employer_id, r.status) for r in rows] == [(w["alpha"], OutcomeStatus.HIRED)]
    with app.app_context():
        beta_scope = _scope(app, w["beta_user"])
        assert outcomes_for_fair(beta_scope, w["fair"]) == []
        assert outcome_counts(beta_scope, w["fair"])[OutcomeStatus.HIRED] == 0
        assert outcome_counts(_scope(app, w["alpha_user"]),
                              w["fair"])[OutcomeStatus.HIRED] == 1


def _scope(app: Flask, user_id: int):  # type: ignore[no-untyped-def]
    from jobsforyou.accounts.models import User
    from jobsforyou.scoping import scope_for

    return scope_for(db.session.get(User, user_id))


def test_employer_outside_the_fair_cannot_record(app: Flask) -> None:
    w = _world(app)
    with app.app_context():
        gamma = make_employer("Gamma Gastro GmbH")
        gamma_vacancy = make_vacancy(gamma, "Servicekraft (m/w/d)").id
        gamma_user = make_account(employer_id=gamma.id).id
    client = _client(app, gamma_user)
    response = _record_for_candidate(client, w, "talked", vacancy=gamma_vacancy)
    assert response.status_code == 404
    response = client.post("/booth/outcome", data={"csrf_token": _token(client),
                                                   "code": f"JFY:{w['ticket']}"})
    assert response.status_code == 404
    assert "Коваленко" not in response.get_data(as_text=True)
    assert _outcomes(app) == []


def test_booth_scan_with_the_qr_content_or_a_typed_code(app: Flask) -> None:
    w = _world(app)
    client = _client(app, w["alpha_user"])
    page = client.get("/booth/outcome").get_data(as_text=True)
    assert 'for="code"' in page
    response = client.post("/booth/outcome", data={"csrf_token": _token(client),
                                                   "code": f"JFY:{w['ticket']}"})
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    assert "Олена Коваленко" in body and "Koch (m/w/d)" in body
    assert "Bäcker" not in body  # only the employer's own jobs
    typed = f"{w['ticket'][:5].lower()}-{w['ticket'][5:].lower()}"
    response = client.post("/booth/outcome", data={"csrf_token": _token(client), "code": typed})
    assert "Олена Коваленко" in response.get_data(as_text=True)

    response = client.post(f"/booth/outcome/{w['seeker']}", data={
        "csrf_token": _token(client), "vacancy": "0", "status": "interview_planned",
        "note": "Gespräch am 12.12."})
    assert response.status_code == 302
    response = client.post(f"/booth/outcome/{w['seeker']}", data={
        "csrf_token": _token(client), "vacancy": str(w["vacancy"]), "status": "talked"})
    assert response.status_code == 302
    rows = sorted(_outcomes(app), key=lambda o: o.vacancy_key)
    assert [(r.vacancy_id, r.status) for r in rows] == [
        (None, OutcomeStatus.INTERVIEW_PLANNED), (w["vacancy"], OutcomeStatus.TALKED)]
    # again without a vacancy: the same row is updated
    client.post(f"/booth/outcome/{w['seeker']}", data={
        "csrf_token": _token(client), "vacancy": "0", "status": "hired"})
    assert len(_outcomes(app)) == 2
    # another employer's vacancy cannot be chosen
    response = client.post(f"/booth/outcome/{w['seeker']}", data={
        "csrf_token": _token(client), "vacancy": str(w["beta_vacancy"]), "status": "hired"})
    assert response.status_code == 404


def test_booth_scan_of_a_seeker_who_did_not_consent_records_nothing(app: Flask) -> None:
    w = _world(app)
    client = _client(app, w["alpha_user"])
    response = client.post("/booth/outcome", data={"csrf_token": _token(client),
                                                   "code": f"JFY:{w['private_ticket']}"})
    body = response.get_data(as_text=True)
    assert response.status_code == 409
    assert "did not agree to share their profile with employers" in body
    assert "Шевченко" not in body
    response = client.post(f"/booth/outcome/{w['private']}", data={
        "csrf_token": _token(client), "vacancy": "0", "status": "talked"})
    assert response.status_code == 404
    # organisers see the seeker, but cannot record an outcome for an employer either
    organiser = _client(app, w["organiser"])
    response = organiser.post(f"/organiser/fairs/{w['fair']}/outcomes/scan", data={
        "csrf_token": _token(organiser), "code": w["private_ticket"]})
    assert response.status_code == 409
    response = organiser.post(f"/organiser/fairs/{w['fair']}/outcomes/{w['private']}", data={
        "csrf_token": _token(organiser), "employer": str(w["alpha"]), "vacancy": "0",
        "status": "talked"})
    assert response.status_code == 422
    assert "did not agree" in response.get_data(as_text=True)
    assert _outcomes(app) == []
    response = client.post("/booth/outcome", data={"csrf_token": _token(client),
                                                   "code": "JFY:NOSUCHCODE"})
    assert response.status_code == 404


def test_organiser_records_for_an_employer_and_sees_the_table(app: Flask) -> None:
    w = _world(app)
    organiser = _client(app, w["organiser"])
    response = organiser.post(f"/organiser/fairs/{w['fair']}/outcomes/scan", data={
        "csrf_token": _token(organiser), "code": f"JFY:{w['ticket']}"})
    body = response.get_data(as_text=True)
    assert response.status_code == 200 and "Alpha Küchen GmbH" in body
    response = organiser.post(f"/organiser/fairs/{w['fair']}/outcomes/{w['seeker']}", data={
        "csrf_token": _token(organiser), "employer": str(w["beta"]),
        "vacancy": str(w["beta_vacancy"]), "status": "contract_offered", "note": "ab Januar"})
    assert response.status_code == 302
    _record_for_candidate(_client(app, w["alpha_user"]), w, "talked")
    page = organiser.get(f"/organiser/fairs/{w['fair']}/outcomes").get_data(as_text=True)
    assert "Contract offered: 1" in page and "Talked: 1" in page and "Hired: 0" in page
    assert "Beta Backwaren KG" in page and "ab Januar" in page
    rows = _outcomes(app)
    beta_row = next(r for r in rows if r.employer_id == w["beta"])
    assert beta_row.recorded_by_id == w["organiser"]
    # the employer sees the outcome recorded for them on their candidate list
    page = _client(app, w["beta_user"]).get(f"/vacancies/{w['beta_vacancy']}/candidates")
    assert "Current outcome: Contract offered" in page.get_data(as_text=True)


def test_organiser_of_another_town_is_refused(app: Flask) -> None:
    w = _world(app)
    _record_for_candidate(_client(app, w["alpha_user"]), w, "hired", "Vertrag")
    other = _client(app, w["other_organiser"])
    for path in (f"/organiser/fairs/{w['fair']}/outcomes",
                 f"/organiser/fairs/{w['fair']}/outcomes.csv",
                 f"/organiser/fairs/{w['fair']}/outcomes/scan"):
        response = other.get(path)
        assert response.status_code == 404, path
        assert "Коваленко" not in response.get_data(as_text=True)
    response = other.post(f"/organiser/fairs/{w['fair']}/outcomes/{w['seeker']}", data={
        "csrf_token": _token(other), "employer": str(w["alpha"]), "vacancy": "0",
        "status": "not_a_fit"})
    assert response.status_code == 404
    # the fair of the other town with the seeker's id: the registration is not at that fair
    with app.app_context():
        melle = make_fair(town="Melle", title="#JobsForYou Melle").id
    response = other.post(f"/organiser/fairs/{melle}/outcomes/{w['seeker']}", data={
        "csrf_token": _token(other), "employer": str(w["alpha"]), "vacancy": "0",
        "status": "not_a_fit"})
    assert response.status_code == 404
    assert [r.status for r in _outcomes(app)] == [OutcomeStatus.HIRED]
    with app.app_context():
        assert outcomes_for_fair(_scope(app, w["other_organiser"]), w["fair"]) == []
        assert len(outcomes_for_fair(SYSTEM, w["fair"])) == 1


def test_csv_export_content_and_formula_safety(app: Flask) -> None:
    w = _world(app)
    with app.app_context():
        seeker = db.session.scalar(system(select(Registration).where(
            Registration.id == w["seeker"])))
        seeker.family_name = "=HYPERLINK(\"http://evil\")"
        db.session.commit()
    _record_for_candidate(_client(app, w["alpha_user"]), w, "trial_day", "+49 176 1234")
    response = _client(app, w["organiser"]).get(f"/organiser/fairs/{w['fair']}/outcomes.csv")
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in response.headers["Content-Disposition"]
    text = response.get_data().decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    assert rows[0][:6] == ["Arbeitgeber", "Stelle", "Ticket", "Nachname", "Vorname", "Ergebnis"]
    assert rows[1][0] == "Alpha Küchen GmbH" and rows[1][1] == "Koch (m/w/d)"
    assert rows[1][2] == w["ticket"] and rows[1][5] == "Probearbeit"
    assert rows[1][3] == "'=HYPERLINK(\"http://evil\")"
    assert rows[1][6] == "'+49 176 1234"
    xlsx = _client(app, w["organiser"]).get(f"/organiser/fairs/{w['fair']}/outcomes.xlsx")
    assert xlsx.status_code == 200 and xlsx.get_data()[:2] == b"PK"


def test_deleting_the_registration_deletes_its_outcomes(app: Flask) -> None:
    w = _world(app)
    _record_for_candidate(_client(app, w["alpha_user"]), w, "talked", "Notiz")
    with app.app_context():
        seeker = db.session.scalar(system(select(Registration).where(
            Registration.id == w["seeker"])))
        db.session.delete(seeker)
        db.session.commit()
        assert db.session.scalar(system(select(func.count(Outcome.id)))) == 0
