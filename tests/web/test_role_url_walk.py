"""Every URL of the app, as every role, with the other party's ids: refused each time.

Each endpoint declares who may open it with the ids of party A (an employer A with a vacancy and
a booth at a fair in Bramsche, a seeker registered there, an upload of county A's staff). Every
other role must get a refusal (a sign-in redirect, 401, 403 or 404) that shows none of A's data.
An endpoint without a declaration fails the test: a new route needs its rule here.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from flask import Flask
from flask.testing import FlaskClient

from jobsforyou.extensions import db
from jobsforyou.imports.storage import create_api_token, store_upload
from jobsforyou.printing.models import PrintJob, PrintJobKind, PrintJobStatus
from tests.conftest import csrf_token_from, sign_in
from tests.factories import (
    make_account,
    make_attending,
    make_booth_request,
    make_employer,
    make_fair,
    make_registration,
    make_vacancy,
    municipality,
    other_region,
)

ROLES = ("anonymous", "employer_a", "employer_b", "organiser_a", "organiser_b",
         "county_organiser", "business_development", "other_county_staff", "checkin_b", "admin")
EMPLOYERS = {"employer_a", "employer_b"}
ORGANISERS = {"organiser_a", "organiser_b", "county_organiser"}
EVERYONE = set(ROLES)
STAFF_A = {"business_development", "admin"}
FAIR_A_ORGANISERS = {"organiser_a", "county_organiser", "admin"}

# endpoint (or blueprint prefix ending in ".") -> roles that may open it with A's ids
ACCESS: dict[str, set[str]] = {
    # public pages and tools: everybody (what they show is public or the visitor's own)
    "accounts.": EVERYONE, "employer_signup.": EVERYONE, "fairs.": EVERYONE,
    "fair_vacancies.": EVERYONE, "health.": EVERYONE, "i18n.": EVERYONE, "privacy.": EVERYONE,
    "registration.": EVERYONE, "site_files.": EVERYONE, "static": EVERYONE,
    "occupations.": EVERYONE,
    # a seeker's pages: only with the right token (walked here with a wrong one: nobody)
    "personal.": set(),
    "admin.": {"admin"},
    # an employer's own booth pages (another employer sees its own request there, not A's)
    "booths.overview": EMPLOYERS | {"admin"}, "booths.request_booth": EMPLOYERS | {"admin"},
    "booths.cancel": {"employer_a", "admin"},
    # lists and new-item forms: staff of any county open their own (tested below: none of A's)
    "employers.index": STAFF_A | {"other_county_staff"},
    "employers.create": STAFF_A | {"other_county_staff"},
    "employers.detail": STAFF_A | {"employer_a"}, "employers.edit": STAFF_A | {"employer_a"},
    "employers.mine": EMPLOYERS,
    "team.colleagues": EMPLOYERS | {"admin"},
    "vacancies.index": EMPLOYERS | STAFF_A | {"other_county_staff"},
    "vacancies.create": EMPLOYERS | STAFF_A | {"other_county_staff"},
    "vacancies.detail": {"employer_a"} | STAFF_A, "vacancies.edit": {"employer_a"} | STAFF_A,
    "vacancies.change_status": {"employer_a"} | STAFF_A,
    "matchmaking.vacancy_candidates": {"employer_a"} | STAFF_A,
    "imports.": STAFF_A,
    # a county's own import pages and exports: staff of any county (their county's rows only)
    "imports.upload": STAFF_A | {"other_county_staff"},
    "imports.api_tokens": STAFF_A | {"other_county_staff"},
    "imports.template": STAFF_A | {"other_county_staff"},
    "imports.export_vacancies": STAFF_A | {"other_county_staff"},
    "imports.export_employers": STAFF_A | {"other_county_staff"},
    "imports_api.": set(),  # a bearer token, no session
    "organisers.fairs": ORGANISERS | {"admin"},
    "organiser_fairs.create": ORGANISERS | {"admin"},
    "organisers.": FAIR_A_ORGANISERS, "organiser_fairs.": FAIR_A_ORGANISERS,
    "organiser_registrations.": FAIR_A_ORGANISERS,
    # the check-in desk of fair A: its organisers (check-in staff of fair B are refused)
    "checkin.": FAIR_A_ORGANISERS,
    "checkin.enter_code": EVERYONE,  # the form to enter a fair-day code
    # walk-ins at fair A's desk: the desk's people (check-in staff of fair B are refused)
    "walk_ins.": FAIR_A_ORGANISERS,
    # printing: organisers of fair A; the employer its own list; the seeker's card by token
    "printing.": FAIR_A_ORGANISERS,
    "printing.own_employer_list": {"employer_a", "admin"},
    "printing.own_route_card": set(),
    # talk slots of fair A: its organisers set them up, plan, move and cancel talks
    "talk_slots.": FAIR_A_ORGANISERS,
    # the organisers' decisions on fair A's match plan; employer A's own list in its account
    "match_decisions.": FAIR_A_ORGANISERS,
    "employer_matches.": {"employer_a", "admin"},
    # batch PDFs of fair A (start, progress, download): only its organisers
    "printing.batch_jobs": FAIR_A_ORGANISERS, "printing.start_batch_job": FAIR_A_ORGANISERS,
    "printing.batch_job": FAIR_A_ORGANISERS, "printing.batch_download": FAIR_A_ORGANISERS,
    # outcomes: employer A for its candidates and at its booth, organisers of the fair for all
    "outcomes.": FAIR_A_ORGANISERS,
    "outcomes.record_for_candidate": {"employer_a", "admin"},
    "outcomes.booth_scan": EMPLOYERS | {"admin"},
    "outcomes.booth_record": {"employer_a", "admin"},
    # statistics: organisers of fair A for its figures; any organiser their own scope's sum
    "statistics.": FAIR_A_ORGANISERS,
    "statistics.overview": ORGANISERS | {"admin"},
    "statistics.overview_export": ORGANISERS | {"admin"},
    # follow-up: an employer's answers and an invited visitor's form only with the right token
    # (walked here with a wrong one: nobody); the answers overview, reminders and invitations:
    # organisers of fair A
    "follow_up.": set(), "reinvitation.": set(),
    "follow_up_staff.": FAIR_A_ORGANISERS,
}
REFUSALS = (401, 403, 404)
WRONG_TOKEN = "x" * 43


def access_of(endpoint: str) -> set[str] | None:
    """The declared roles of an endpoint (the exact name first, then its blueprint)."""
    if endpoint in ACCESS:
        return ACCESS[endpoint]
    return ACCESS.get(endpoint.split(".")[0] + ".")


def world(app: Flask) -> dict[str, Any]:
    with app.app_context():
        fair = make_fair()
        employer_a = make_employer("Alpha Anlagenbau GmbH")
        employer_b = make_employer("Beta Backwaren KG")
        make_attending(fair, employer_a)
        booth_request = make_booth_request(make_fair(title="#JobsForYou Zweite"), employer_a)
        vacancy = make_vacancy(employer_a, "Anlagenmechaniker (m/w/d)")
        seeker = make_registration(fair, "Мирослава", "Коваленко")
        staff = make_account("business_development")
        upload = store_upload(staff.id, staff.region_id, "a.csv", b"Referenznummer\n",
                              dt.datetime.now(dt.UTC))
        token, _secret = create_api_token(staff.region_id, "Test", staff.id)
        job = PrintJob(fair_id=fair.id, kind=PrintJobKind.ROUTE_CARDS, layout="a6",
                       status=PrintJobStatus.DONE, done=1, total=1,
                       pdf=b"%PDF-1.7 Alpha Anlagenbau", pdf_size=25)
        db.session.add(job)
        db.session.commit()
        fair_b = make_fair(town="Melle", title="#JobsForYou Melle")
        users = {
            "employer_a": make_account(employer_id=employer_a.id).id,
            "employer_b": make_account(employer_id=employer_b.id).id,
            "organiser_a": make_account("organiser",
                                        municipality_id=municipality("Bramsche").id).id,
            "organiser_b": make_account("organiser", municipality_id=municipality("Melle").id).id,
            "county_organiser": make_account("organiser").id,
            "business_development": staff.id,
            "other_county_staff": make_account("business_development",
                                               region_id=other_region().id).id,
            "checkin_b": make_account("checkin", fair_id=fair_b.id).id,
            "admin": make_account("admin").id,
        }
        return {
            "users": users,
            "ids": {"fair_id": fair.id, "vacancy_id": vacancy.id, "employer_id": employer_a.id,
                    "registration_id": seeker.id, "request_id": booth_request.id,
                    "booth_id": 1, "upload_id": upload.id, "token_id": token.id,
                    "user_id": users["employer_a"], "token": WRONG_TOKEN, "kind": "csv",
                    "action": "close", "filename": "css/site.css",
                    "code_id": 1, "talk_id": 1, "language": "ar", "job_id": job.id},
            "secrets": ("Коваленко", "Anlagenmechaniker", "Alpha Anlagenbau"),
        }


def routes(app: Flask, ids: dict[str, Any]) -> list[tuple[str, str, str]]:
    found = []
    with app.test_request_context():
        adapter = app.url_map.bind("jobsforyou.test")
        for rule in app.url_map.iter_rules():
            values = {name: ids[name] for name in rule.arguments}
            path = adapter.build(rule.endpoint, values)
            for method in sorted((rule.methods or set()) - {"HEAD", "OPTIONS"}):
                found.append((rule.endpoint, method, path))
    return found


def call(client: FlaskClient, method: str, path: str):  # type: ignore[no-untyped-def]
    if method == "GET":
        return client.get(path)
    if path.startswith("/api/"):
        return client.post(path, json=[])
    token = csrf_token_from(client.get("/privacy").get_data(as_text=True))
    return client.post(path, data={"csrf_token": token})


def test_every_route_has_a_rule(app: Flask) -> None:
    ids = world(app)["ids"]
    undeclared = sorted({e for e, _m, _p in routes(app, ids) if access_of(e) is None})
    assert undeclared == [], f"declare who may open these in ACCESS: {undeclared}"


def test_every_role_is_refused_the_other_partys_pages(app: Flask) -> None:
    setup = world(app)
    ids, users, secrets = setup["ids"], setup["users"], setup["secrets"]
    walked: dict[str, int] = {}
    for role in ROLES:
        client = app.test_client()
        if role != "anonymous":
            sign_in(client, users[role])
        for endpoint, method, path in routes(app, ids):
            allowed = access_of(endpoint)
            assert allowed is not None, endpoint
            if role in allowed:
                continue
            response = call(client, method, path)
            status = response.status_code
            if role == "anonymous" and status == 302:
                assert "/login" in response.headers["Location"], (path, status)
            elif status == 302 and method == "GET":  # sent to their own page (no data shown)
                assert response.headers["Location"] != path, (role, path)
            else:
                assert status in REFUSALS, (role, method, path, status)
            body = response.get_data(as_text=True)
            assert not [s for s in secrets if s in body], (role, method, path)
            walked[role] = walked.get(role, 0) + 1
    # every role was refused something, and the seeker link and API were refused to all
    assert set(walked) == set(ROLES) - {"admin"} or set(walked) == set(ROLES)
    assert sum(walked.values()) > 400, walked


def test_lists_that_others_may_open_show_none_of_a(app: Flask) -> None:
    setup = world(app)
    users = setup["users"]
    for role, path, hidden in [
        ("organiser_b", "/organiser/fairs", "#JobsForYou Bramsche"),
        ("employer_b", "/vacancies", "Anlagenmechaniker"),
        ("employer_b", "/employer/booths", "Alpha Anlagenbau"),
        ("other_county_staff", "/vacancies", "Anlagenmechaniker"),
        ("other_county_staff", "/employers", "Alpha Anlagenbau"),
        ("other_county_staff", "/imports/exports/vacancies.csv", "Anlagenmechaniker"),
        ("other_county_staff", "/imports/exports/employers.csv", "Alpha Anlagenbau"),
    ]:
        client = app.test_client()
        sign_in(client, users[role])
        response = client.get(path)
        assert response.status_code == 200, (role, path)
        assert hidden not in response.get_data(as_text=True), (role, path)
