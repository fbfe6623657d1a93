"""Employer sign-up, confirmation, sign-in and out, password reset, invitations, rate limits."""

from __future__ import annotations

import datetime as dt
import re

import pytest
from argon2 import PasswordHasher
from flask import Flask
from flask.testing import FlaskClient
from flask_babel import force_locale
from flask_babel import gettext as _
from sqlalchemy import delete, func, select, update

from jobsforyou.accounts import services
from jobsforyou.accounts.models import AccountToken, Role, User
from jobsforyou.accounts.passwords import needs_rehash
from jobsforyou.extensions import db
from jobsforyou.mail import outbox
from tests.conftest import csrf_token_from, post_form, sign_in
from tests.factories import PASSWORD, make_account, make_employer, make_fair, municipality

LINK = re.compile(r"http://jobsforyou\.test(/\S+)")
SIGNUP = {"employer_name": "Hasetal Logistik GmbH", "display_name": "Jana Brinkmann",
          "email": "Jana@Hasetal.example", "password": "Lagerhalle am Kanal",
          "password_repeat": "Lagerhalle am Kanal"}


@pytest.fixture
def client(app: Flask) -> FlaskClient:
    """These tests read English messages: the browser asks for English."""
    english = app.test_client()
    english.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return english


def link_in_last_mail(app: Flask) -> str:
    with app.app_context():
        match = LINK.search(outbox()[-1].body)
    assert match, "no link in the mail"
    return match.group(1)


def login(client: FlaskClient, email: str, password: str, **kwargs: object):  # type: ignore[no-untyped-def]
    return post_form(client, "/login", {"email": email, "password": password}, **kwargs)


def test_signup_confirm_login_logout(app: Flask, client: FlaskClient) -> None:
    page = post_form(client, "/signup", SIGNUP, headers={"Accept-Language": "tr"})
    assert page.status_code == 200
    assert "jana@hasetal.example" in page.get_data(as_text=True)
    with app.app_context():
        user = db.session.scalars(select(User)).one()
        assert user.role == Role.EMPLOYER and user.language == "tr"
        assert user.employer_id is not None and user.email_confirmed_at is None
        [mail] = outbox()
        assert mail.recipient == "jana@hasetal.example"
        with force_locale("tr"):
            assert mail.subject == _("Confirm your e-mail address for JobsForYou")
    confirm_link = link_in_last_mail(app)

    refused = login(client, "jana@hasetal.example", SIGNUP["password"])
    html = refused.get_data(as_text=True)
    assert refused.status_code == 200
    assert "resend" in html
    assert client.get("/vacancies").status_code == 302  # not signed in

    resent = post_form(client, "/login", {"email": "jana@hasetal.example",
                                          "password": SIGNUP["password"]})
    token = csrf_token_from(resent.get_data(as_text=True))
    client.post("/confirm/resend", data={"csrf_token": token, "email": "jana@hasetal.example"})
    with app.app_context():
        assert len(outbox()) == 2

    confirmed = client.get(confirm_link)
    assert confirmed.status_code == 302 and confirmed.headers["Location"] == "/login"
    signed_in = login(client, "JANA@hasetal.example", SIGNUP["password"])
    assert signed_in.status_code == 302
    assert signed_in.headers["Location"] == "/vacancies"
    assert client.get("/vacancies").status_code == 200
    vacancies = client.get("/vacancies").get_data(as_text=True)
    logout = client.post("/logout", data={"csrf_token": csrf_token_from(vacancies)})
    assert logout.status_code == 302
    assert client.get("/vacancies").status_code == 302


def test_signup_refuses_a_taken_address_and_a_common_password(app: Flask,
                                                              client: FlaskClient) -> None:
    with app.app_context():
        make_account(email="taken@example.org")
    taken = post_form(client, "/signup", {**SIGNUP, "email": "Taken@example.org"})
    assert taken.status_code == 200 and "exists already" not in taken.get_data(as_text=True)
    for common in ("Passwort123", "SCHALKE04", "hallo123", "qwertz123"):
        weak = post_form(client, "/signup",
                         {**SIGNUP, "password": common, "password_repeat": common})
        assert "used by many people" in weak.get_data(as_text=True), common
    with app.app_context():
        assert db.session.scalar(select(User).where(User.email == SIGNUP["email"].lower())) is None


@pytest.mark.parametrize(("length", "accepted"), [(7, False), (8, True), (128, True), (129, False)])
def test_password_length_boundaries(app: Flask, client: FlaskClient, length: int,
                                    accepted: bool) -> None:
    password = ("Wörter" * 30)[:length]
    response = post_form(client, "/signup", {**SIGNUP, "password": password,
                                             "password_repeat": password})
    with app.app_context():
        created = db.session.scalar(select(User.id)) is not None
    assert created is accepted
    assert (response.status_code == 200) and ("error-summary" in response.get_data(as_text=True)) \
        is not accepted


def test_long_unicode_password_is_not_truncated(app: Flask, client: FlaskClient) -> None:
    password = "Мій пароль — دفتر خاطرات — 秘密の言葉 — " * 4
    password = password[:110]
    assert len(password) == 110
    changed = password[:99] + ("x" if password[99] != "x" else "y") + password[100:]
    with app.app_context():
        user = make_account(email="long@example.org")
        services.set_password(user, password, dt.datetime.now(dt.UTC))
        db.session.commit()
    assert login(client, "long@example.org", changed).status_code == 200
    assert login(client, "long@example.org", password).status_code == 302


def test_unknown_account_and_wrong_password_get_the_same_answer(app: Flask,
                                                                client: FlaskClient) -> None:
    with app.app_context():
        make_account(email="known@example.org")
    unknown = login(client, "nobody@example.org", "some password here").get_data(as_text=True)
    wrong = login(client, "known@example.org", "some password here").get_data(as_text=True)
    message = "The e-mail address or the password is not correct."
    assert message in unknown and message in wrong
    strip = re.compile(r'value="[^"]*"')
    assert strip.sub("", unknown) == strip.sub("", wrong)


def test_login_redirects_only_to_local_paths(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        make_account(email="next@example.org", employer_id=make_employer().id)
    outside = post_form(client, "/login?next=https://evil.example/x",
                        {"email": "next@example.org", "password": PASSWORD})
    assert outside.headers["Location"] == "/vacancies"
    client.post("/logout", data={"csrf_token": csrf_token_from(client.get("/").get_data(True))})
    inside = post_form(client, "/login?next=/account/colleagues",
                       {"email": "next@example.org", "password": PASSWORD})
    assert inside.headers["Location"] == "/account/colleagues"


def test_outdated_hash_is_renewed_on_login(app: Flask, client: FlaskClient) -> None:
    weak = PasswordHasher(time_cost=1, memory_cost=8192, parallelism=1).hash(PASSWORD)
    with app.app_context():
        make_account(email="old@example.org", password_hash=weak)
    assert login(client, "old@example.org", PASSWORD).status_code == 302
    with app.app_context():
        stored = db.session.scalar(
            select(User.password_hash).where(User.email == "old@example.org"))
    assert stored != weak and not needs_rehash(stored)


def test_password_reset_is_single_use_and_expires(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        make_account(email="reset@example.org")
    unknown = post_form(client, "/password/forgot", {"email": "nobody@example.org"})
    known = post_form(client, "/password/forgot", {"email": "reset@example.org"})
    assert unknown.status_code == known.status_code == 200
    strip = re.compile(r'name="csrf_token" value="[^"]*"')
    assert strip.sub("", unknown.get_data(as_text=True).replace("nobody", "reset")) == \
        strip.sub("", known.get_data(as_text=True))
    with app.app_context():
        assert [m.recipient for m in outbox()] == ["reset@example.org"]
        assert all(len(t.digest) == 64 for t in db.session.scalars(select(AccountToken)))
    link = link_in_last_mail(app)
    with app.app_context():
        digests = list(db.session.scalars(select(AccountToken.digest)))
    assert link.split("/")[-1] not in digests
    new_password = "ein neues langes Passwort"
    changed = post_form(client, link, {"password": new_password, "password_repeat": new_password})
    assert changed.status_code == 302
    assert client.get(link).status_code == 404  # used
    assert login(client, "reset@example.org", PASSWORD).status_code == 200
    assert login(client, "reset@example.org", new_password).status_code == 302

    post_form(client, "/password/forgot", {"email": "reset@example.org"})
    expired = link_in_last_mail(app)
    with app.app_context():
        db.session.execute(update(AccountToken).values(
            expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)))
        db.session.commit()
    assert client.get(expired).status_code == 404


def test_reset_link_ends_when_the_password_changes(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        user = make_account(email="change@example.org")
        _user, secret = services.request_password_reset("change@example.org",
                                                        dt.datetime.now(dt.UTC))
        services.set_password(user, "ganz anderes Kennwort 7", dt.datetime.now(dt.UTC))
        db.session.commit()
    assert client.get(f"/password/reset/{secret}").status_code == 404


def test_employer_invites_a_colleague(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        employer_id = make_employer().id
        inviter_id = make_account(employer_id=employer_id, language="de").id
    sign_in(client, inviter_id)
    sent = post_form(client, "/account/colleagues",
                     {"display_name": "Olek", "email": "olek@example.org"})
    assert sent.status_code == 302
    link = link_in_last_mail(app)
    invitee = app.test_client()
    assert invitee.get(link).status_code == 200
    password = "Schichtleiter Nord 2027"
    accepted = post_form(invitee, link, {"display_name": "Olek K.", "password": password,
                                         "password_repeat": password})
    assert accepted.status_code == 302
    assert invitee.get("/account/colleagues").status_code == 200
    with app.app_context():
        colleague = db.session.scalar(select(User).where(User.email == "olek@example.org"))
        assert colleague.employer_id == employer_id and colleague.role == Role.EMPLOYER
        assert colleague.email_confirmed_at is not None and colleague.display_name == "Olek K."
    assert app.test_client().get(link).status_code == 404  # one use only


def test_admin_invites_staff_with_scope_and_deactivates(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        admin_id = make_account("admin", email="admin@example.org").id
        fair_id = make_fair().id
        melle_id = municipality("Melle").id
    sign_in(client, admin_id)
    assert client.get("/admin/users").status_code == 200
    post_form(client, "/admin/users", {"email": "orga@example.org", "role": "organiser",
                                       "municipality": str(melle_id), "fair": "0",
                                       "language": "uk", "display_name": "Orga"})
    no_fair = post_form(client, "/admin/users", {"email": "desk@example.org", "role": "checkin",
                                                 "municipality": "0", "fair": "0",
                                                 "language": "de"})
    assert "Choose the fair" in no_fair.get_data(as_text=True)
    post_form(client, "/admin/users", {"email": "desk@example.org", "role": "checkin",
                                       "municipality": "0", "fair": str(fair_id), "language": "de"})
    with app.app_context():
        organiser = db.session.scalar(select(User).where(User.email == "orga@example.org"))
        desk = db.session.scalar(select(User).where(User.email == "desk@example.org"))
        assert organiser.role == Role.ORGANISER and organiser.municipality_id == melle_id
        assert desk.role == Role.CHECKIN and desk.fair_id == fair_id
        assert organiser.password_hash == ""
        mails = outbox()
        assert [m.recipient for m in mails] == ["orga@example.org", "desk@example.org"]
        with force_locale("uk"):
            assert mails[0].subject == _("You are invited to JobsForYou")
        desk_id = desk.id
    link = LINK.search(mails[1].body).group(1)  # type: ignore[union-attr]
    password = "Einlass am Haupteingang"
    post_form(app.test_client(), link, {"password": password, "password_repeat": password})
    assert login(app.test_client(), "desk@example.org", password).status_code == 302
    page = client.get("/admin/users").get_data(as_text=True)
    client.post(f"/admin/users/{desk_id}/deactivate", data={"csrf_token": csrf_token_from(page)})
    assert login(app.test_client(), "desk@example.org", password).status_code == 200


def test_only_admins_manage_users(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        user_id = make_account("business_development").id
    sign_in(client, user_id)
    assert client.get("/admin/users").status_code == 403


def test_login_is_rate_limited_with_a_translated_page(app: Flask, client: FlaskClient) -> None:
    limit = int(app.config["LOGIN_RATE_LIMIT"].split()[0])
    responses = [login(client, f"x{i}@example.org", "wrong password",
                       headers={"Accept-Language": "uk"}) for i in range(limit + 1)]
    assert [r.status_code for r in responses[:limit]] == [200] * limit
    refused = responses[limit]
    html = refused.get_data(as_text=True)
    assert refused.status_code == 429
    assert '<html lang="uk" dir="ltr">' in html
    with app.test_request_context(), force_locale("uk"):
        assert _("Too many attempts") in html


def test_signup_is_rate_limited(app: Flask, client: FlaskClient) -> None:
    limit = int(app.config["LOGIN_RATE_LIMIT"].split()[0])
    codes = [post_form(client, "/signup", {**SIGNUP, "password": "x"}).status_code
             for _i in range(limit + 1)]
    assert codes[:limit] == [200] * limit and codes[limit] == 429


def test_signup_with_a_taken_address_looks_like_a_new_one(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        make_account(email="owner@example.org", display_name="Owner")
    strip = re.compile(r'name="csrf_token" value="[^"]*"')
    new = post_form(client, "/signup", {**SIGNUP, "email": "fresh@example.org"})
    taken = post_form(client, "/signup", {**SIGNUP, "email": "Owner@example.org"})
    assert new.status_code == taken.status_code == 200
    assert strip.sub("", new.get_data(as_text=True).replace("fresh", "owner")) == \
        strip.sub("", taken.get_data(as_text=True))
    with app.app_context():
        assert [m.recipient for m in outbox()] == ["fresh@example.org", "owner@example.org"]
        assert "/password/forgot" in outbox()[-1].body
        assert db.session.scalar(select(func.count(User.id))) == 2  # no second owner account


def test_a_new_password_ends_every_other_session(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        make_account(email="two@example.org", employer_id=make_employer().id)
    assert login(client, "two@example.org", PASSWORD).status_code == 302
    assert client.get("/vacancies").status_code == 200
    other = app.test_client()
    post_form(other, "/password/forgot", {"email": "two@example.org"})
    new_password = "ein ganz neues Kennwort"
    changed = post_form(other, link_in_last_mail(app),
                        {"password": new_password, "password_repeat": new_password})
    assert changed.status_code == 302
    signed_out = client.get("/vacancies")
    assert signed_out.status_code == 302 and signed_out.headers["Location"].startswith("/login")
    assert login(client, "two@example.org", new_password).status_code == 302
    assert client.get("/vacancies").status_code == 200


def test_deactivation_and_old_session_ids(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        user = make_account(employer_id=make_employer().id)
        admin_id = make_account("admin").id
        user_id = user.id
        assert user.get_id() == f"{user_id}.0"
    sign_in(client, user_id)  # a session id without a version counts as version 0
    assert client.get("/vacancies").status_code == 200
    for forged in (f"{user_id}.1", f"{user_id}.x", "99999999999999999999", f"{user_id}.0.0"):
        with client.session_transaction() as session:
            session["_user_id"] = forged
        assert client.get("/vacancies").status_code == 302, forged
    sign_in(client, user_id)
    with app.app_context():
        services.deactivate_user(db.session.get(User, user_id), db.session.get(User, admin_id),
                                 dt.datetime.now(dt.UTC))
        db.session.execute(update(User).where(User.id == user_id).values(active=True))
        db.session.commit()  # even when reactivated, the sessions from before stay ended
    assert client.get("/vacancies").status_code == 302


def test_forgot_password_renders_a_mail_for_unknown_addresses_too(
        app: Flask, client: FlaskClient, monkeypatch: pytest.MonkeyPatch) -> None:
    from jobsforyou.accounts import emails

    rendered: list[str] = []
    original = emails._render
    monkeypatch.setattr(emails, "_render",
                        lambda user, subject, template, **context: rendered.append(template)
                        or original(user, subject, template, **context))
    assert post_form(client, "/password/forgot", {"email": "nobody@example.org"}).status_code == 200
    assert rendered == ["accounts/mail/reset.txt"]
    with app.app_context():
        assert outbox() == []


def test_colleague_invitation_does_not_reveal_accounts(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        employer_id = make_employer().id
        inviter_id = make_account(employer_id=employer_id).id
        make_account(email="elsewhere@example.org", employer_id=make_employer("Andere").id)
    sign_in(client, inviter_id)
    answers = []
    for address in ("free@example.org", "elsewhere@example.org"):
        sent = post_form(client, "/account/colleagues", {"email": address},
                         headers={"Accept-Language": "en"})
        assert sent.status_code == 302
        answers.append(client.get("/account/colleagues", headers={"Accept-Language": "en"})
                       .get_data(as_text=True))
    assert "If free@example.org can be invited" in answers[0]
    assert "If elsewhere@example.org can be invited" in answers[1]
    assert "exists already" not in answers[1]
    with app.app_context():
        assert [m.recipient for m in outbox()] == ["free@example.org"]
        assert db.session.scalar(
            select(User.employer_id).where(User.email == "elsewhere@example.org")) != employer_id


def test_invitations_are_rate_limited(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        inviter_id = make_account(employer_id=make_employer().id).id
    sign_in(client, inviter_id)
    token = csrf_token_from(client.get("/account/colleagues").get_data(as_text=True))
    codes = [client.post("/account/colleagues", data={"csrf_token": token, "email": ""}).status_code
             for _i in range(21)]
    assert codes[:20] == [200] * 20 and codes[20] == 429


def test_an_expired_invitation_can_be_sent_again(app: Flask, client: FlaskClient) -> None:
    with app.app_context():
        employer_id = make_employer().id
        inviter_id = make_account(employer_id=employer_id).id
        admin_id = make_account("admin").id
    sign_in(client, inviter_id)
    post_form(client, "/account/colleagues", {"email": "late@example.org"})
    first = link_in_last_mail(app)
    with app.app_context():
        db.session.execute(update(AccountToken).values(
            expires_at=dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)))
        db.session.commit()
    assert client.get(first).status_code == 404
    assert post_form(client, "/account/colleagues",
                     {"email": "Late@example.org"}).status_code == 302
    second = link_in_last_mail(app)
    assert second != first and client.get(second).status_code == 200
    admin = app.test_client()
    admin.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    sign_in(admin, admin_id)
    again = post_form(admin, "/admin/users", {"email": "late@example.org", "role": "organiser",
                                              "municipality": "0", "fair": "0",
                                              "language": "de"})
    assert again.status_code == 302
    third = link_in_last_mail(app)
    assert client.get(second).status_code == 404 and client.get(third).status_code == 200
    password = "endlich angekommen 2027"
    assert post_form(app.test_client(), third,
                     {"password": password, "password_repeat": password}).status_code == 302
    with app.app_context():
        joined = db.session.scalar(select(User).where(User.email == "late@example.org"))
        assert joined.employer_id == employer_id and joined.role == Role.EMPLOYER
        assert db.session.scalar(select(func.count(User.id))) == 3
    # an account in use is not invited again
    taken = post_form(admin, "/admin/users", {"email": "late@example.org", "role": "organiser",
                                              "municipality": "0", "fair": "0",
                                              "language": "de"})
    assert "exists already" in taken.get_data(as_text=True)


def test_admin_invitation_offers_only_the_admins_county(app: Flask, client: FlaskClient) -> None:
    from jobsforyou.fairs.models import Fair
    from jobsforyou.regions.models import Municipality
    from tests.factories import other_region

    with app.app_context():
        town = Municipality(region_id=other_region().id, ags="099990001", name="Fernstadt",
                            postcodes=["99999"], latitude=50.0, longitude=10.0)
        db.session.add(town)
        db.session.commit()
        town_id = town.id
    try:
        with app.app_context():
            foreign_fair_id = make_fair(municipality_id=town_id, title="Messe Fernstadt").id
            own_fair_id = make_fair(title="Messe Bramsche").id
            admin_id = make_account("admin").id
            global_admin_id = make_account("admin", region_id=None).id
        sign_in(client, admin_id)
        html = client.get("/admin/users").get_data(as_text=True)
        assert "Messe Bramsche" in html
        assert "Messe Fernstadt" not in html and "Fernstadt" not in html
        refused = post_form(client, "/admin/users", {
            "email": "desk@example.org", "role": "checkin", "municipality": "0",
            "fair": str(foreign_fair_id), "language": "de"})
        assert refused.status_code == 200
        with app.app_context():
            assert services.user_by_email("desk@example.org") is None
        sign_in(client, global_admin_id)
        html = client.get("/admin/users").get_data(as_text=True)
        assert "Messe Fernstadt" in html and f'value="{town_id}"' in html
        assert f'value="{own_fair_id}"' in html
    finally:  # municipalities are static: the other county's town must not stay behind
        with app.app_context():
            db.session.rollback()
            db.session.execute(delete(Fair).where(Fair.municipality_id == town_id))
            db.session.execute(delete(Municipality).where(Municipality.id == town_id))
            db.session.commit()
