"""Booth plans and booth requests: life cycle with e-mails, waiting list, no double booking."""

from __future__ import annotations

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from jobsforyou.booths.attendance import attending_employers
from jobsforyou.booths.models import BoothRequest, BoothRequestStatus
from jobsforyou.booths.services import booth_plan
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.mail import outbox
from jobsforyou.scoping import SYSTEM, scoped
from tests.conftest import csrf_token_from, post_form, sign_in
from tests.factories import (
    make_account,
    make_attending,
    make_booth,
    make_booth_request,
    make_employer,
    make_fair,
    municipality,
)


def state(request_id: int) -> BoothRequestStatus:
    return db.session.scalar(scoped(
        select(BoothRequest.status).where(BoothRequest.id == request_id), SYSTEM))


def test_booth_life_cycle_with_mails_and_waiting_list(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair = make_fair()
        fair_id = fair.id
        first, second = make_employer("Alpha Bau GmbH"), make_employer("Beta Pflege gGmbH")
        second_employer_id = second.id
        first_user = make_account(employer_id=first.id, language="uk").id
        second_user = make_account(employer_id=second.id, language="tr").id
        organiser = make_account("organiser", municipality_id=municipality("Bramsche").id).id
        booth_id = make_booth(fair, 1, has_power=True).id
    # the employer asks for a booth
    sign_in(client, first_user)
    url = f"/employer/fairs/{fair_id}/booth"
    response = post_form(client, url, {"staff_count": "3", "languages": ["uk", "ru"],
                                       "needs_power": "y", "remarks": "Zwei Tische"})
    assert response.status_code == 302
    with app.app_context():
        first_request = db.session.scalar(scoped(select(BoothRequest), SYSTEM))
        assert first_request.languages == ["uk", "ru"] and first_request.needs_power
        first_id = first_request.id
    assert len(outbox_of(app)) == 1
    # the second employer asks too
    sign_in(client, second_user)
    post_form(client, url, {"staff_count": "2"})
    with app.app_context():
        second_id = db.session.scalar(scoped(
            select(BoothRequest.id).where(BoothRequest.employer_id == second_employer_id),
            SYSTEM))
    # the organiser approves the first and wait-lists the second
    sign_in(client, organiser)
    decide = f"/organiser/booth-requests/{first_id}"
    assert post_form(client, decide, {"booth": str(booth_id), "booths_granted": "1",
                                      "approve": "y"}).status_code == 302
    assert post_form(client, f"/organiser/booth-requests/{second_id}",
                     {"waitlist": "y", "booths_granted": "1"}).status_code == 302
    with app.app_context():
        assert state(first_id) == BoothRequestStatus.APPROVED
        assert state(second_id) == BoothRequestStatus.WAITLISTED
    # no second booth for the second employer while the only booth is held
    sign_in(client, organiser)
    refused = post_form(client, f"/organiser/booth-requests/{second_id}",
                        {"booth": "0", "booths_granted": "1", "approve": "y"},
                        headers={"Accept-Language": "en"})
    assert refused.status_code == 409
    assert "no longer free" in refused.get_data(as_text=True)
    # the held booth cannot be removed from the plan
    plan = f"/organiser/fairs/{fair_id}/booths"
    token = csrf_token_from(client.get(plan).get_data(as_text=True))
    removed = client.post(f"{plan}/{booth_id}/remove", data={"csrf_token": token},
                          headers={"Accept-Language": "en"}, follow_redirects=True)
    assert "cannot be removed" in removed.get_data(as_text=True)
    # the first employer cancels: the booth goes to the waiting list
    sign_in(client, first_user)
    token = csrf_token_from(client.get(url).get_data(as_text=True))
    assert client.post(url + "/cancel", data={"csrf_token": token}).status_code == 302
    with app.app_context():
        assert state(first_id) == BoothRequestStatus.CANCELLED
        assert state(second_id) == BoothRequestStatus.APPROVED
        fair = db.session.get(Fair, fair_id)
        assert [e.name for e in attending_employers(fair)] == ["Beta Pflege gGmbH"]
    mails = outbox_of(app)
    # requested, requested, approved, waitlisted, cancelled, approved from the waiting list
    assert len(mails) == 6
    assert mails[-1].recipient.startswith("employer-") and "1" in mails[-1].body
    page = client.get(url, headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Cancelled" in page


def outbox_of(app: Flask) -> list:  # type: ignore[type-arg]
    with app.app_context():
        return list(outbox())


def test_decline_needs_a_reason_and_mails_it(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair = make_fair()
        employer = make_employer()
        make_account(employer_id=employer.id, language="de")
        request_id = make_booth_request(fair, employer).id
        sign_in(client, make_account("organiser").id)  # county-wide organiser
    url = f"/organiser/booth-requests/{request_id}"
    missing = post_form(client, url, {"decline": "y", "reason": ""},
                        headers={"Accept-Language": "en"})
    assert missing.status_code == 200
    assert "Tell the employer why." in missing.get_data(as_text=True)
    declined = post_form(client, url, {"decline": "y", "reason": "Zu spät angemeldet"})
    assert declined.status_code == 302
    with app.app_context():
        assert state(request_id) == BoothRequestStatus.DECLINED
        assert "Zu spät angemeldet" in outbox()[-1].body


def test_granted_second_booth(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair = make_fair()
        employer = make_employer()
        booths = [make_booth(fair, number).id for number in (1, 2, 3)]
        request_id = make_booth_request(fair, employer).id
        sign_in(client, make_account("organiser").id)
    url = f"/organiser/booth-requests/{request_id}"
    assert post_form(client, url, {"booth": str(booths[0]), "booths_granted": "1",
                                   "approve": "y"}).status_code == 302
    assert post_form(client, url, {"booth": str(booths[1]), "booths_granted": "1",
                                   "approve": "y"}).status_code == 409
    assert post_form(client, url, {"booth": str(booths[1]), "booths_granted": "2",
                                   "approve": "y"}).status_code == 302
    with app.app_context():
        booth_request = db.session.scalar(scoped(select(BoothRequest), SYSTEM))
        assert [booth.number for booth in booth_request.booths] == [1, 2]


def test_booth_plan_add_and_remove(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair_id = make_fair().id
        sign_in(client, make_account("organiser").id)
    plan = f"/organiser/fairs/{fair_id}/booths"
    assert post_form(client, plan, {"number": "7", "kind": "corner", "size": "3×3 m",
                                    "has_power": "y"}).status_code == 302
    duplicate = post_form(client, plan, {"number": "7", "kind": "table", "size": ""},
                          headers={"Accept-Language": "en"})
    assert duplicate.status_code == 409
    assert "already has a booth with this number" in duplicate.get_data(as_text=True)
    html = client.get(plan, headers={"Accept-Language": "en"}).get_data(as_text=True)
    assert "Corner booth" in html and "3×3 m" in html
    with app.app_context():
        booth_id = booth_plan(fair_id)[0].id
    token = csrf_token_from(html)
    assert client.post(f"{plan}/{booth_id}/remove", data={"csrf_token": token}).status_code == 302
    with app.app_context():
        assert booth_plan(fair_id) == []


def test_employer_cannot_cancel_after_the_fair(app: Flask, client: FlaskClient) -> None:
    import datetime as dt

    with app.app_context():
        fair = make_fair(date=dt.date.today() - dt.timedelta(days=1))
        employer = make_employer()
        user_id = make_account(employer_id=employer.id).id
        make_attending(fair, employer)
        request_id = db.session.scalar(scoped(select(BoothRequest.id), SYSTEM))
        fair_id = fair.id
    sign_in(client, user_id)
    token = csrf_token_from(client.get("/employer/booths").get_data(as_text=True))
    refused = client.post(f"/employer/fairs/{fair_id}/booth/cancel", data={"csrf_token": token},
                          headers={"Accept-Language": "en"})
    assert refused.status_code == 302
    page = client.get(refused.headers["Location"], headers={"Accept-Language": "en"})
    assert "not possible in the request&#39;s current state" in page.get_data(as_text=True)
    with app.app_context():
        assert state(request_id) == BoothRequestStatus.APPROVED
        assert outbox() == []


def test_huge_booth_id_is_a_form_error(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair = make_fair()
        request_id = make_booth_request(fair, make_employer()).id
        sign_in(client, make_account("organiser").id)
    response = post_form(client, f"/organiser/booth-requests/{request_id}",
                         {"booth": "99999999999999999999", "approve": "y"},
                         headers={"Accept-Language": "en"})
    assert response.status_code == 200
    assert "This booth is no longer free" in response.get_data(as_text=True)
    with app.app_context():
        assert state(request_id) == BoothRequestStatus.REQUESTED


def test_a_booth_the_database_refuses_changes_nothing_and_leaves_the_session_usable(
    app: Flask,
) -> None:
    """The unique booth_id is the last guard; its refusal is a domain error, not a broken page."""
    from jobsforyou.booths import services
    from jobsforyou.booths.models import BoothAssignment

    with app.app_context():
        fair = make_fair()
        holder = make_booth_request(fair, make_employer("Alpha Bau GmbH"),
                                    status=BoothRequestStatus.APPROVED)
        late = make_booth_request(fair, make_employer("Beta Pflege gGmbH"))
        booth = make_booth(fair, 1)
        db.session.add(BoothAssignment(booth_id=booth.id, request_id=holder.id))
        db.session.commit()
        late_id = late.id
        try:
            services._assign(late, booth, booths_granted=3)  # skips the service's own check
        except services.BoothUnavailable:
            pass
        else:
            raise AssertionError("the second assignment of one booth was accepted")
        assert db.session.is_active
        assert state(late_id) == BoothRequestStatus.REQUESTED  # the session still reads
        db.session.commit()
        db.session.expire_all()
        refused = db.session.get(BoothRequest, late_id)
        assert refused.status == BoothRequestStatus.REQUESTED and refused.booths_granted == 1
        assert refused.assignments == []
