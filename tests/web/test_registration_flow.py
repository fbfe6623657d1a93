"""Registering for a fair through the web, as a seeker on a phone would."""

from __future__ import annotations

import json

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from jobsforyou.extensions import db
from jobsforyou.mail import outbox
from jobsforyou.registration.models import ConsentPurpose, Registration, RegistrationStatus
from jobsforyou.security import token_digest
from tests.conftest import NONCE_PATTERN, csrf_token_from, post_form
from tests.factories import make_fair, registration_form_data, system


def test_register_shows_personal_page_with_ticket(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair_id = make_fair().id
    response = post_form(
        client,
        f"/fairs/{fair_id}/register",
        registration_form_data(),
        headers={"Accept-Language": "uk"},
    )
    assert response.status_code == 302
    personal_url = response.headers["Location"]
    assert personal_url.startswith("/r/")
    page = client.get(personal_url)
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert 'lang="uk"' in html
    assert "Олена Коваленко" in html
    assert "qr.svg" in html
    with app.app_context():
        registration = db.session.scalars(system(select(Registration))).one()
        assert registration.status == RegistrationStatus.CONFIRMED
        assert registration.language == "uk"
        assert registration.phone_normalized == "+491761234567"
        assert registration.desired_occupations == ["кухар"]
        assert registration.experience == [{"occupation": "кухар", "years": 5}]
        assert registration.qualifications == [
            {"name": "Кухар 4 розряду", "recognition": "in_progress"}
        ]
        purposes = {c.purpose for c in registration.consents}
        assert purposes == {ConsentPurpose.PROCESSING, ConsentPurpose.SHARE_WITH_EMPLOYERS}
        assert all(
            c.text_version == app.config["CONSENT_TEXT_VERSION"] for c in registration.consents
        )
        assert all(c.language == "uk" for c in registration.consents)
        token = personal_url.removeprefix("/r/")
        assert [link.token_digest for link in registration.links] == [token_digest(token)]
        assert len(token) >= 22  # at least 128 bits in URL-safe base64
    qr = client.get(personal_url + "/qr.svg")
    assert qr.mimetype == "image/svg+xml"
    assert b"<svg" in qr.data


def test_missing_consent_and_contact_keeps_entries(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair_id = make_fair().id
    data = registration_form_data(phone="", email="", consent_processing=None)
    response = post_form(
        client, f"/fairs/{fair_id}/register", data, headers={"Accept-Language": "de"}
    )
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert 'class="error-summary"' in html
    assert 'href="#email"' in html and 'href="#consent_processing"' in html
    assert 'value="Олена"' in html and "HACCP, Kasse" in html
    with app.app_context():
        assert db.session.scalar(system(select(Registration.id))) is None


def test_confirmation_mail_has_personal_link(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair_id = make_fair().id
    response = post_form(
        client,
        f"/fairs/{fair_id}/register",
        registration_form_data(email="olena@example.org"),
        headers={"Accept-Language": "uk"},
    )
    assert response.status_code == 200
    assert "olena@example.org" in response.get_data(as_text=True)
    with app.app_context():
        [mail] = outbox()
    assert mail.recipient == "olena@example.org"
    link = mail.body.split("http://jobsforyou.test", 1)[1].split()[0]
    assert client.get(link).status_code == 200
    assert "Олена" in mail.body


def test_duplicate_registration_is_recognised(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair_id = make_fair().id
    url = f"/fairs/{fair_id}/register"
    html = client.get(url).get_data(as_text=True)
    form = {"csrf_token": csrf_token_from(html),
            "form_nonce": NONCE_PATTERN.search(html).group(1),  # type: ignore[union-attr]
            **registration_form_data()}
    first = client.post(url, data=form)
    # a second tap on the same form leads back to the registration just made
    again = client.post(url, data=form)
    assert again.status_code == 302
    assert again.headers["Location"] == first.headers["Location"]
    # a new form with the same phone number is told; the registration is kept as it is
    other_device = app.test_client()
    elsewhere = post_form(
        other_device, url, registration_form_data(phone="+49 176 123 45 67", given_name="Olena")
    )
    assert elsewhere.status_code == 409
    assert "old link no longer works" not in elsewhere.get_data(as_text=True)
    assert client.get(first.headers["Location"]).status_code == 200
    with app.app_context():
        assert len(db.session.scalars(system(select(Registration))).all()) == 1


def test_lost_link_is_sent_again_without_ending_the_old_one(
    app: Flask, client: FlaskClient
) -> None:
    with app.app_context():
        fair_id = make_fair().id
    data = registration_form_data(email="olena@example.org")
    assert post_form(client, f"/fairs/{fair_id}/register", data).status_code == 200
    other_device = app.test_client()
    assert post_form(other_device, f"/fairs/{fair_id}/register", data).status_code == 200
    with app.app_context():
        first, second = outbox()
    assert second.recipient == "olena@example.org"
    assert "Sie sind schon angemeldet" in second.body  # in the seeker's language (German)
    old_link = first.body.split("http://jobsforyou.test", 1)[1].split()[0]
    new_link = second.body.split("http://jobsforyou.test", 1)[1].split()[0]
    assert new_link != old_link
    assert client.get(old_link).status_code == 200
    assert client.get(new_link).status_code == 200


def test_mailed_links_use_the_public_address_not_the_host_header(
    app: Flask, client: FlaskClient
) -> None:
    with app.app_context():
        fair_id = make_fair().id
    app.config["PUBLIC_BASE_URL"] = "https://jobs.landkreis.example"
    try:
        post_form(
            client,
            f"/fairs/{fair_id}/register",
            registration_form_data(email="olena@example.org"),
            headers={"Host": "evil.example", "X-Forwarded-Host": "evil.example"},
        )
    finally:
        app.config["PUBLIC_BASE_URL"] = None
    with app.app_context():
        [mail] = outbox()
    assert "https://jobs.landkreis.example/r/" in mail.body
    assert "evil.example" not in mail.body


def test_a_mail_server_failure_does_not_lose_the_registration(
    app: Flask, client: FlaskClient
) -> None:
    with app.app_context():
        fair_id = make_fair().id
    app.config.update(MAIL_BACKEND="smtp", MAIL_SERVER="127.0.0.1", MAIL_PORT=1)
    try:
        response = post_form(
            client, f"/fairs/{fair_id}/register", registration_form_data(email="olena@example.org")
        )
    finally:
        app.config.update(MAIL_BACKEND="outbox", MAIL_SERVER="localhost", MAIL_PORT=25)
    assert response.status_code == 200
    with app.app_context():
        assert db.session.scalars(system(select(Registration))).one().email == "olena@example.org"


def test_waiting_list_keeps_its_order_when_places_are_added(
    app: Flask, client: FlaskClient
) -> None:
    from jobsforyou.fairs.models import Fair

    with app.app_context():
        fair_id = make_fair(capacity=1).id
    for number in range(3):
        post_form(
            app.test_client(),
            f"/fairs/{fair_id}/register",
            registration_form_data(phone=f"0176 333000{number}", given_name=f"P{number}"),
        )
    with app.app_context():
        db.session.get(Fair, fair_id).capacity = 3
        db.session.commit()
    post_form(
        app.test_client(),
        f"/fairs/{fair_id}/register",
        registration_form_data(phone="0176 3330009", given_name="Late"),
    )
    with app.app_context():
        statuses = {
            r.given_name: r.status for r in db.session.scalars(system(select(Registration)))
        }
    assert statuses == {
        "P0": RegistrationStatus.CONFIRMED,
        "P1": RegistrationStatus.CONFIRMED,
        "P2": RegistrationStatus.CONFIRMED,
        "Late": RegistrationStatus.WAITLISTED,
    }


def test_odd_input_is_answered_without_an_error_page(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair_id = make_fair().id
    url = f"/fairs/{fair_id}/register"
    nul = post_form(client, url, registration_form_data(given_name="a\x00b"))
    assert nul.status_code == 400
    arabic_digits = post_form(
        client,
        url,
        registration_form_data(postcode="٤٩٥٦٥", languages=["uk", "uk"], phone="0176 4444444"),
    )
    assert arabic_digits.status_code == 302
    years_only = post_form(
        app.test_client(),
        url,
        registration_form_data(
            phone="0176 5555555", **{"experience-0-occupation": "", "experience-0-years": "3"}
        ),
    )
    assert years_only.status_code == 200
    assert 'href="#experience-0-occupation"' in years_only.get_data(as_text=True)
    with app.app_context():
        [registration] = db.session.scalars(system(select(Registration))).all()
        assert registration.postcode == "49565"
        assert registration.languages == ["uk"]
    assert client.get(f"/fairs/{2**40}").status_code == 404


def test_full_fair_puts_seeker_on_waiting_list(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair_id = make_fair(capacity=1).id
    post_form(client, f"/fairs/{fair_id}/register", registration_form_data())
    second = post_form(
        client, f"/fairs/{fair_id}/register", registration_form_data(phone="0176 7654321")
    )
    assert second.status_code == 302
    with app.app_context():
        statuses = [
            r.status
            for r in db.session.scalars(system(select(Registration).order_by(Registration.id)))
        ]
    assert statuses == [RegistrationStatus.CONFIRMED, RegistrationStatus.WAITLISTED]


def test_delete_frees_place_for_waiting_list(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair_id = make_fair(capacity=1).id
    first = post_form(client, f"/fairs/{fair_id}/register", registration_form_data()).headers[
        "Location"
    ]
    post_form(
        client,
        f"/fairs/{fair_id}/register",
        registration_form_data(phone="", email="ahmad@example.org"),
    )
    deleted = post_form(client, first + "/delete", {"confirm": "y"})
    assert deleted.status_code == 302
    assert client.get(first).status_code == 404
    with app.app_context():
        [remaining] = db.session.scalars(system(select(Registration))).all()
        assert remaining.status == RegistrationStatus.CONFIRMED
        assert any("ahmad@example.org" == m.recipient for m in outbox())


def test_export_edit_and_consents(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair_id = make_fair().id
    url = post_form(client, f"/fairs/{fair_id}/register", registration_form_data()).headers[
        "Location"
    ]
    exported = json.loads(client.get(url + "/export.json").data)
    assert exported["profile"]["given_name"] == "Олена"
    assert {c["purpose"] for c in exported["consents"]} == {"processing", "share_with_employers"}
    edited = post_form(client, url + "/edit", registration_form_data(german_level="B1"))
    assert edited.status_code == 302
    changed = post_form(client, url + "/consents", {"consent_keep": "y"})
    assert changed.status_code == 302
    with app.app_context():
        registration = db.session.scalars(system(select(Registration))).one()
        assert registration.german_level == "B1"
        assert not registration.has_consent(ConsentPurpose.SHARE_WITH_EMPLOYERS)
        assert registration.has_consent(ConsentPurpose.KEEP_FOR_LATER_FAIRS)


def test_unknown_personal_link_is_404(client: FlaskClient) -> None:
    assert client.get("/r/not-a-real-token").status_code == 404


def test_post_without_csrf_token_is_refused(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        fair_id = make_fair().id
    response = client.post(f"/fairs/{fair_id}/register", data=registration_form_data())
    assert response.status_code == 400
    with app.app_context():
        assert db.session.scalar(system(select(Registration.id))) is None


def test_data_is_purged_after_the_retention_period_unless_kept(
    app: Flask, client: FlaskClient
) -> None:
    import datetime as dt

    from jobsforyou.fairs.models import Fair

    with app.app_context():
        fair_id = make_fair().id
    post_form(client, f"/fairs/{fair_id}/register", registration_form_data(given_name="Gone"))
    post_form(
        app.test_client(),
        f"/fairs/{fair_id}/register",
        registration_form_data(given_name="Kept", phone="0176 7777777", consent_keep="y"),
    )
    with app.app_context():
        fair = db.session.get(Fair, fair_id)
        fair.date = dt.date.today() - dt.timedelta(days=200)
        db.session.commit()
    result = app.test_cli_runner().invoke(args=["purge-registrations"])  # the former name
    assert result.exit_code == 0, result.output
    assert "deleted 90 days after the fair: 1" in result.output
    with app.app_context():
        names = [r.given_name for r in db.session.scalars(system(select(Registration)))]
    assert names == ["Kept"]
