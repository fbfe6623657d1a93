"""The audit log: sign-ins, failed sign-ins, refused access and views of seekers' data, by id,
never with a name, password or token."""

from __future__ import annotations

import json
import logging

import pytest
from flask import Flask
from flask.testing import FlaskClient

from tests.conftest import post_form, sign_in
from tests.factories import PASSWORD, make_account, make_fair, make_registration, municipality


def events(caplog: pytest.LogCaptureFixture) -> list[dict[str, object]]:
    return [json.loads(r.getMessage()) for r in caplog.records if r.name == "jobsforyou.audit"]


def test_sign_ins_and_refusals_are_recorded_without_secrets(
        app: Flask, client: FlaskClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="jobsforyou.audit")
    with app.app_context():
        user = make_account("organiser", municipality_id=municipality("Melle").id)
        email, user_id = user.email, user.id
        other_fair = make_fair()  # in Bramsche
        make_registration(other_fair, "Олена", "Коваленко")
        other_fair_id = other_fair.id
    post_form(client, "/login", {"email": email, "password": "wrong password here"})
    post_form(client, "/login", {"email": email, "password": PASSWORD})
    client.get(f"/organiser/fairs/{other_fair_id}/registrations")
    seen = events(caplog)
    assert [e["event"] for e in seen] == ["login_failed", "login", "access_refused"]
    assert seen[1]["user"] == user_id and seen[2]["status"] == 404
    text = "\n".join(r.getMessage() for r in caplog.records)
    assert email not in text and PASSWORD not in text and "wrong password" not in text
    assert "Коваленко" not in text


def test_views_of_seekers_by_organisers_are_recorded(
        app: Flask, client: FlaskClient, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger="jobsforyou.audit")
    with app.app_context():
        fair = make_fair()
        seeker_id = make_registration(fair, "Taras", "Melnyk").id
        organiser_id = make_account("organiser", municipality_id=municipality("Bramsche").id).id
        fair_id = fair.id
    sign_in(client, organiser_id)
    client.get(f"/organiser/fairs/{fair_id}/registrations")
    client.get(f"/organiser/fairs/{fair_id}/registrations.csv")
    listed, exported = events(caplog)
    assert listed["event"] == "registrations_listed" and listed["registrations"] == [seeker_id]
    assert exported["event"] == "registrations_exported" and exported["user"] == organiser_id
