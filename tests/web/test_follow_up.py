"""Follow-up after a fair: employers asked what became of their talks, earlier visitors invited."""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from jobsforyou import mail
from jobsforyou.extensions import db
from jobsforyou.followup.models import FollowUpRequest, ReInvitation
from jobsforyou.followup.services import due_round, follow_up_weeks
from jobsforyou.outcomes.models import FollowUpStatus, Outcome, OutcomeStatus
from jobsforyou.registration.models import Consent, ConsentPurpose, Registration
from jobsforyou.registration.services import delete_registration
from jobsforyou.security import token_digest
from jobsforyou.sms import sms_outbox
from tests.conftest import csrf_token_from, post_form, sign_in
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

FAIR_DAY = dt.date(2026, 3, 2)
ROUND_ONE_DAY = "2026-03-17"  # 15 days after the fair: round 1 of "2,8" is due
LINK = re.compile(r"https?://\S+/follow-up/r/(\S+)")


def test_due_round_with_explicit_dates() -> None:
    weeks = follow_up_weeks("2,8")
    assert weeks == (2, 8) == follow_up_weeks("8, 2") == follow_up_weeks([2, 8])
    assert follow_up_weeks(3) == (3,)
    with pytest.raises(ValueError):
        follow_up_weeks("0")
    expected = {
        dt.date(2026, 3, 15): None,  # 13 days after: nothing yet
        dt.date(2026, 3, 16): 1,  # two weeks after
        dt.date(2026, 4, 12): 1,  # 27 days after round 1's date
        dt.date(2026, 4, 13): None,  # 28 days after round 1: too late for it, round 2 not yet
        dt.date(2026, 4, 27): 2,  # eight weeks after
        dt.date(2026, 5, 24): 2,
        dt.date(2026, 5, 25): None,  # the last round is over
    }
    for today, round_number in expected.items():
        assert due_round(FAIR_DAY, today, weeks, 28) == round_number, today


def _past_fair_world(app: Flask) -> dict[str, Any]:
    """A fair held on FAIR_DAY in Bramsche; Alpha (Turkish contact) and Beta recorded talks."""
    with app.app_context():
        fair = make_fair()
        alpha = make_employer("Alpha Küchen GmbH", contact_email="kontakt@alpha.example")
        beta = make_employer("Beta Backwaren KG", contact_email="info@beta.example")
        make_attending(fair, alpha, booth_number=3)
        make_attending(fair, beta, booth_number=4)
        alpha_user = make_account(employer_id=alpha.id, email="kontakt@alpha.example",
                                  language="tr")
        make_account(employer_id=beta.id, email="chef@beta.example", language="en")
        vacancy = make_vacancy(alpha, "Koch (m/w/d)")
        olena = make_registration(fair, "Олена", "Коваленко", desired_occupations=("кухар",))
        karim = make_registration(fair, "Karim", "Haddad", language="ar",
                                  desired_occupations=("Bäcker",))
        fair.date = FAIR_DAY
        now = dt.datetime.now(dt.UTC)
        talks = [
            Outcome(fair_id=fair.id, registration_id=olena.id, employer_id=alpha.id,
                    vacancy_id=vacancy.id, vacancy_key=vacancy.id, status=OutcomeStatus.TALKED,
                    recorded_at=now, updated_at=now),
            Outcome(fair_id=fair.id, registration_id=karim.id, employer_id=alpha.id,
                    status=OutcomeStatus.INTERVIEW_PLANNED, recorded_at=now, updated_at=now),
            Outcome(fair_id=fair.id, registration_id=karim.id, employer_id=beta.id,
                    status=OutcomeStatus.TALKED, recorded_at=now, updated_at=now),
        ]
        db.session.add_all(talks)
        db.session.commit()
        return {
            "fair": fair.id, "alpha": alpha.id, "beta": beta.id, "alpha_user": alpha_user.id,
            "olena": olena.id, "karim": karim.id, "talks": [t.id for t in talks],
            "organiser": make_account("organiser", municipality_id=municipality("Bramsche").id).id,
            "other_organiser": make_account("organiser",
                                            municipality_id=municipality("Melle").id).id,
        }


def _send(app: Flask, today: str = ROUND_ONE_DAY) -> Any:
    return app.test_cli_runner().invoke(args=["follow-up", "send", "--today", today])


def _mail_to(app: Flask, address: str) -> list[mail.OutgoingMail]:
    return [m for m in mail.outbox() if m.recipient == address]


def _link_token(message: mail.OutgoingMail) -> str:
    match = LINK.search(message.body)
    assert match, message.body
    return match.group(1)


def _english(app: Flask) -> FlaskClient:
    client = app.test_client()
    client.environ_base["HTTP_ACCEPT_LANGUAGE"] = "en"
    return client


def test_the_daily_command_twice_sends_one_mail_to_each_employer(app: Flask) -> None:
    w = _past_fair_world(app)
    first = _send(app)
    assert first.exit_code == 0, first.output
    assert "sent: 2" in first.output
    second = _send(app)
    assert second.exit_code == 0 and "sent: 0" in second.output
    with app.app_context():
        alpha_mails = _mail_to(app, "kontakt@alpha.example")
        beta_mails = _mail_to(app, "info@beta.example")
        assert len(alpha_mails) == 1 and len(beta_mails) == 1 and len(mail.outbox()) == 2
        # each in its contact's language; no seeker is named in a mail
        assert "görüşmeler" in alpha_mails[0].subject  # Turkish
        assert "What became of your talks" in beta_mails[0].subject
        for message in (*alpha_mails, *beta_mails):
            assert "Коваленко" not in message.body and "Haddad" not in message.body
        requests = db.session.scalars(select(FollowUpRequest)).all()
        assert {(r.employer_id, r.round) for r in requests} == {(w["alpha"], 1), (w["beta"], 1)}
        assert all(r.sent_at is not None for r in requests)
        # the token is stored only as its digest
        token = _link_token(alpha_mails[0])
        assert len(token) >= 22  # 128 bits or more in URL-safe base64
        alpha_request = next(r for r in requests if r.employer_id == w["alpha"])
        assert alpha_request.token_digest == token_digest(token)
        stored = [str(value) for r in requests for value in vars(r).values()]
        assert not [value for value in stored if token in value]


def test_a_failed_mail_is_logged_without_personal_data_and_sent_on_the_next_run(
        app: Flask, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    _past_fair_world(app)
    monkeypatch.setattr(mail, "deliver", lambda outgoing: False)
    with caplog.at_level(logging.INFO):
        failed = _send(app)
    assert failed.exit_code == 1 and "failed (tried again next run): 2" in failed.output
    logged = caplog.text
    assert "tried again on the next run" in logged
    for personal in ("Олена", "Коваленко", "Karim", "Haddad", "kontakt@alpha", "info@beta"):
        assert personal not in logged
    with app.app_context():
        requests = db.session.scalars(select(FollowUpRequest)).all()
        assert [r.sent_at for r in requests] == [None, None]
        assert all(r.token_digest is None and r.failed_attempts == 1 for r in requests)
    monkeypatch.undo()
    retried = _send(app)
    assert retried.exit_code == 0 and "sent: 2" in retried.output
    with app.app_context():
        assert len(mail.outbox()) == 2


def test_the_link_page_records_the_answers_and_is_then_used(app: Flask) -> None:
    w = _past_fair_world(app)
    _send(app)
    with app.app_context():
        token = _link_token(_mail_to(app, "kontakt@alpha.example")[0])
    client = _english(app)
    url = f"/follow-up/r/{token}"
    page = client.get(url)
    html = page.get_data(as_text=True)
    assert page.status_code == 200
    assert "Олена К." in html and "кухар" in html and "Karim H." in html
    assert "Коваленко" not in html and "Haddad" not in html
    assert "Koch (m/w/d)" in html
    olena_talk, karim_talk, beta_talk = w["talks"]
    forged = client.post(url, data={f"talk_{olena_talk}": "hired", f"talk_{karim_talk}": "hired"})
    assert forged.status_code == 400  # no CSRF token: nothing is stored
    incomplete = post_form(client, url, {f"talk_{olena_talk}": "hired"})
    assert incomplete.status_code == 422
    # the page speaks the language of the employer's contact (Turkish here)
    assert "Karim H. ile yapılan görüşmenin nasıl sonuçlandığını seçin." in (
        incomplete.get_data(as_text=True))
    answered = post_form(client, url, {f"talk_{olena_talk}": "hired",
                                       f"talk_{karim_talk}": "trial_day",
                                       f"talk_{beta_talk}": "hired"})  # not Alpha's: ignored
    assert answered.status_code == 200
    assert "Yanıtlarınız için teşekkür ederiz" in answered.get_data(as_text=True)
    with app.app_context():
        found = {o.id: o for o in db.session.scalars(system(select(Outcome)))}
        olena, karim, beta = (found[i] for i in w["talks"])
        assert (olena.status, olena.follow_up_status, olena.follow_up_round) == (
            OutcomeStatus.TALKED, FollowUpStatus.HIRED, 1)  # the booth outcome is kept
        assert (karim.status, karim.follow_up_status) == (OutcomeStatus.INTERVIEW_PLANNED,
                                                          FollowUpStatus.TRIAL_DAY)
        assert beta.follow_up_status is None
        request = db.session.scalar(select(FollowUpRequest).where(
            FollowUpRequest.employer_id == w["alpha"]))
        assert request.answered_at is not None
    again = client.get(url)
    assert again.status_code == 200
    text = again.get_data(as_text=True)
    assert "Bu soru zaten yanıtlandı" in text and "Олена" not in text
    refused = client.post(url, data={"csrf_token": csrf_token_from(
        client.get("/privacy").get_data(as_text=True)), f"talk_{olena_talk}": "not_a_fit"})
    assert "Bu soru zaten yanıtlandı" in refused.get_data(as_text=True)
    with app.app_context():
        again_found = db.session.scalar(system(select(Outcome).where(Outcome.id == olena_talk)))
        assert again_found.follow_up_status == FollowUpStatus.HIRED


def test_an_expired_or_wrong_link_shows_a_clear_page(app: Flask) -> None:
    _past_fair_world(app)
    _send(app)
    with app.app_context():
        token = _link_token(_mail_to(app, "info@beta.example")[0])
        alpha_token = _link_token(_mail_to(app, "kontakt@alpha.example")[0])
        for request in db.session.scalars(select(FollowUpRequest)):
            request.expires_at = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=1)
        db.session.commit()
    client = _english(app)
    expired = client.get(f"/follow-up/r/{token}")
    assert expired.status_code == 200
    body = expired.get_data(as_text=True)
    assert "This link has expired" in body and "Karim" not in body
    # in the language of the contact the mail went to (Alpha's reads Turkish)
    turkish = app.test_client().get(f"/follow-up/r/{alpha_token}")
    assert "Bu bağlantının süresi doldu" in turkish.get_data(as_text=True)
    german = app.test_client().get("/follow-up/r/" + "x" * 43)
    assert "Dieser Link ist ungültig" in german.get_data(as_text=True)
    wrong = client.get("/follow-up/r/" + "x" * 43)
    assert wrong.status_code == 404
    assert "This link is not valid" in wrong.get_data(as_text=True)


def test_organisers_see_who_answered_and_send_a_reminder(
        app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    w = _past_fair_world(app)
    _send(app)
    with app.app_context():
        old_token = _link_token(_mail_to(app, "info@beta.example")[0])
        alpha_token = _link_token(_mail_to(app, "kontakt@alpha.example")[0])
    employer = _english(app)
    post_form(employer, f"/follow-up/r/{alpha_token}",
              {f"talk_{w['talks'][0]}": "hired", f"talk_{w['talks'][1]}": "no_answer"})
    client = _english(app)
    sign_in(client, w["organiser"])
    overview = client.get(f"/organiser/fairs/{w['fair']}/follow-up")
    html = overview.get_data(as_text=True)
    assert overview.status_code == 200
    assert "Alpha Küchen GmbH" in html and "Beta Backwaren KG" in html
    assert html.count("no answer yet") == 1 and "Hired: 1" in html
    assert html.count('/remind"') == 1  # only the unanswered round can be reminded
    outcomes = client.get(f"/organiser/fairs/{w['fair']}/outcomes").get_data(as_text=True)
    assert "After the fair" in outcomes and "No answer from the person" in outcomes
    with app.app_context():
        beta_request = db.session.scalar(select(FollowUpRequest).where(
            FollowUpRequest.employer_id == w["beta"]))
        beta_request_id = beta_request.id
    remind_url = f"/organiser/fairs/{w['fair']}/follow-up/{beta_request_id}/remind"
    no_token = client.post(remind_url)
    assert no_token.status_code in (400, 403)
    with caplog.at_level(logging.INFO, logger="jobsforyou.audit"):
        reminded = client.post(remind_url, data={"csrf_token": csrf_token_from(html)})
    assert reminded.status_code == 302
    assert any('"follow_up_reminder_sent"' in r.getMessage() for r in caplog.records)
    with app.app_context():
        reminders = _mail_to(app, "info@beta.example")
        assert len(reminders) == 2 and reminders[1].subject.startswith("Reminder:")
        assert db.session.get(FollowUpRequest, beta_request_id).reminded_at is not None
        new_token = _link_token(reminders[1])
    assert employer.get(f"/follow-up/r/{old_token}").status_code == 404  # the old link ended
    assert employer.get(f"/follow-up/r/{new_token}").status_code == 200
    assert "Reminded on" in client.get(f"/organiser/fairs/{w['fair']}/follow-up").get_data(
        as_text=True)


def test_another_towns_organiser_is_refused(app: Flask) -> None:
    w = _past_fair_world(app)
    _send(app)
    with app.app_context():
        request_id = db.session.scalar(select(FollowUpRequest.id).limit(1))
    client = _english(app)
    sign_in(client, w["other_organiser"])
    assert client.get(f"/organiser/fairs/{w['fair']}/follow-up").status_code == 404
    token = csrf_token_from(client.get("/privacy").get_data(as_text=True))
    refused = client.post(f"/organiser/fairs/{w['fair']}/follow-up/{request_id}/remind",
                          data={"csrf_token": token})
    assert refused.status_code == 404
    assert client.post(f"/organiser/fairs/{w['fair']}/invite-visitors",
                       data={"csrf_token": token}).status_code == 404
    with app.app_context():
        assert len(mail.outbox()) == 2  # the first round only, no reminder


def _give(registration: Registration, purpose: ConsentPurpose) -> None:
    registration.consents.append(Consent(purpose=purpose, text_version="test", language="uk",
                                         given_at=dt.datetime.now(dt.UTC)))


def _invitation_world(app: Flask) -> dict[str, Any]:
    """An earlier fair in Bramsche with four visitors, and the next fair in Wallenhorst."""
    with app.app_context():
        earlier = make_fair(title="#JobsForYou Bramsche Frühjahr")
        kept = make_registration(earlier, "Олена", "Коваленко", email="olena@example.org",
                                 desired_occupations=("кухар",), skills=("Backen",))
        phone_only = make_registration(earlier, "Karim", "Haddad", language="ar")
        not_kept = make_registration(earlier, "Aylin", "Demir", language="tr",
                                     email="aylin@example.org")
        no_consent = make_registration(earlier, "Mehdi", "Rahimi", language="fa",
                                       email="mehdi@example.org")
        _give(kept, ConsentPurpose.INVITE_AGAIN)
        _give(kept, ConsentPurpose.KEEP_FOR_LATER_FAIRS)
        _give(phone_only, ConsentPurpose.INVITE_AGAIN)
        _give(not_kept, ConsentPurpose.INVITE_AGAIN)
        _give(no_consent, ConsentPurpose.KEEP_FOR_LATER_FAIRS)
        earlier.date = dt.date.today() - dt.timedelta(weeks=10)
        db.session.commit()
        upcoming = make_fair(town="Wallenhorst", title="#JobsForYou Wallenhorst",
                             address="Rathausallee 1, 49134 Wallenhorst")
        return {"earlier": earlier.id, "fair": upcoming.id, "kept": kept.id,
                "phone_only": phone_only.id, "phone": phone_only.phone_normalized,
                "not_kept": not_kept.id, "no_consent": no_consent.id,
                "organiser": make_account("organiser").id}


def _invite(app: Flask, w: dict[str, Any]) -> Any:
    client = _english(app)
    sign_in(client, w["organiser"])
    url = f"/organiser/fairs/{w['fair']}/invite-visitors"
    return client, post_form(client, url, {})


def test_only_consenting_visitors_are_invited_once_in_their_language(app: Flask) -> None:
    w = _invitation_world(app)
    client, response = _invite(app, w)
    assert response.status_code == 302
    with app.app_context():
        recipients = sorted(m.recipient for m in mail.outbox())
        assert recipients == ["aylin@example.org", "olena@example.org"]  # not Mehdi
        olena_mail = _mail_to(app, "olena@example.org")[0]
        assert "#JobsForYou Wallenhorst" in olena_mail.subject
        assert "Запрошення" in olena_mail.subject  # Ukrainian
        assert "/invitations/r/" in olena_mail.body  # with the kept profile: a pre-filling link
        aylin_mail = _mail_to(app, "aylin@example.org")[0]
        assert "/invitations/r/" not in aylin_mail.body  # no kept profile: the fair's own form
        assert f"/fairs/{w['fair']}/register" in aylin_mail.body
        texts = sms_outbox()
        assert [t.recipient for t in texts] == [w["phone"]]
        assert "#JobsForYou Wallenhorst" in texts[0].text and "/register" in texts[0].text
        assert "سجّل" in texts[0].text or "التسجيل" in texts[0].text  # Arabic
        rows = db.session.scalars(select(ReInvitation)).all()
        assert sorted(r.registration_id for r in rows) == sorted(
            [w["kept"], w["phone_only"], w["not_kept"]])
        assert [r.token_digest is not None for r in rows if r.registration_id == w["kept"]] == [
            True]
        sms_outbox().clear()
    page = client.get(f"/organiser/fairs/{w['fair']}/invite-visitors").get_data(as_text=True)
    assert "0 people can be invited now." in page
    assert "Invited by e-mail: 2, by text message: 1." in page
    again = post_form(client, f"/organiser/fairs/{w['fair']}/invite-visitors", {})
    assert again.status_code == 302
    with app.app_context():
        assert len(mail.outbox()) == 2 and sms_outbox() == []


def test_the_profile_is_carried_over_only_with_the_consent_to_keep_it(app: Flask) -> None:
    w = _invitation_world(app)
    _invite(app, w)
    with app.app_context():
        body = _mail_to(app, "olena@example.org")[0].body
    token = re.search(r"/invitations/r/(\S+)", body).group(1)
    visitor = _english(app)
    form = visitor.get(f"/invitations/r/{token}")
    html = form.get_data(as_text=True)
    assert form.status_code == 200
    assert 'value="Олена"' in html and 'value="Коваленко"' in html and "кухар" in html
    assert f'action="/fairs/{w["fair"]}/register"' in html
    assert "checked" not in re.search(r'id="consent_invite"[^>]*>', html).group(0)
    # the new registration goes through the fair's own form, consents asked anew
    registered = visitor.post(f"/fairs/{w['fair']}/register", data={
        "csrf_token": csrf_token_from(html),
        "form_nonce": re.search(r'name="form_nonce"[^>]*value="([^"]+)"', html).group(1),
        "given_name": "Олена", "family_name": "Коваленко", "email": "olena@example.org",
        "phone": "", "municipality": "0", "postcode": "49565", "german_level": "A2",
        "consent_processing": "y"})
    assert registered.status_code == 200
    with app.app_context():
        new = db.session.scalar(system(select(Registration).where(
            Registration.fair_id == w["fair"])))
        assert new is not None and new.given_name == "Олена"
    assert "You are registered already" in visitor.get(f"/invitations/r/{token}").get_data(
        as_text=True)
    # with the consent to keep the profile withdrawn, the link fills in nothing
    with app.app_context():
        db.session.delete(db.session.scalar(system(select(Registration).where(
            Registration.fair_id == w["fair"]))))
        kept = db.session.scalar(system(select(Registration).where(
            Registration.id == w["kept"])))
        for consent in kept.consents:
            if consent.purpose == ConsentPurpose.KEEP_FOR_LATER_FAIRS:
                consent.withdrawn_at = dt.datetime.now(dt.UTC)
        db.session.commit()
    withdrawn = visitor.get(f"/invitations/r/{token}")
    text = withdrawn.get_data(as_text=True)
    assert "This invitation link has expired" in text and "Коваленко" not in text
    assert visitor.get("/invitations/r/" + "x" * 43).status_code == 404


def test_the_invitation_consent_is_an_explicit_opt_in(app: Flask) -> None:
    with app.app_context():
        fair = make_fair()
        seeker = make_registration(fair, language="en")
        token = add_personal_link(seeker)
        db.session.commit()
        seeker_id, fair_id = seeker.id, fair.id
    client = _english(app)
    html = client.get(f"/fairs/{fair_id}/register").get_data(as_text=True)
    assert "Invite me to later fairs near me by e-mail or text message." in html
    assert "checked" not in re.search(r'id="consent_invite"[^>]*>', html).group(0)
    page = client.get(f"/r/{token}").get_data(as_text=True)
    assert "Invitations to later fairs near you: not given" in page
    saved = post_form(client, f"/r/{token}/consents", {"consent_share": "y",
                                                       "consent_invite": "y"})
    assert saved.status_code == 302
    with app.app_context():
        seeker = db.session.scalar(system(select(Registration).where(
            Registration.id == seeker_id)))
        assert seeker.has_consent(ConsentPurpose.INVITE_AGAIN)
    assert "Invitations to later fairs near you: given" in client.get(f"/r/{token}").get_data(
        as_text=True)


def test_a_deleted_registration_takes_its_invitations_with_it(app: Flask) -> None:
    w = _invitation_world(app)
    _invite(app, w)
    with app.app_context():
        kept = db.session.scalar(system(select(Registration).where(
            Registration.id == w["kept"])))
        delete_registration(kept)
        db.session.commit()
        left = db.session.scalars(select(ReInvitation.registration_id)).all()
        assert sorted(left) == sorted([w["phone_only"], w["not_kept"]])


def test_the_second_round_asks_again_starting_from_the_first_answers(app: Flask) -> None:
    w = _past_fair_world(app)
    _send(app)
    with app.app_context():
        first = _link_token(_mail_to(app, "kontakt@alpha.example")[0])
    olena_talk, karim_talk, _beta_talk = w["talks"]
    post_form(_english(app), f"/follow-up/r/{first}",
              {f"talk_{olena_talk}": "trial_day", f"talk_{karim_talk}": "not_a_fit"})
    assert "sent: 0" in _send(app, "2026-04-20").output  # between the rounds: nothing
    second_run = _send(app, "2026-04-28")
    assert "sent: 2" in second_run.output
    with app.app_context():
        second = _link_token(_mail_to(app, "kontakt@alpha.example")[1])
        rounds = sorted((r.employer_id, r.round) for r in db.session.scalars(
            select(FollowUpRequest)))
        assert rounds == sorted([(w["alpha"], 1), (w["beta"], 1), (w["alpha"], 2),
                                 (w["beta"], 2)])
    page = _english(app).get(f"/follow-up/r/{second}").get_data(as_text=True)
    checked = [tag for tag in re.findall(rf'<input[^>]*name="talk_{olena_talk}"[^>]*>', page)
               if " checked" in tag]
    assert len(checked) == 1 and 'value="trial_day"' in checked[0]
    post_form(_english(app), f"/follow-up/r/{second}",
              {f"talk_{olena_talk}": "hired", f"talk_{karim_talk}": "not_a_fit"})
    with app.app_context():
        olena = db.session.scalar(system(select(Outcome).where(Outcome.id == olena_talk)))
        assert (olena.follow_up_status, olena.follow_up_round) == (FollowUpStatus.HIRED, 2)
