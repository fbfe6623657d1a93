"""Fifty people register for the last free place at the same moment."""

from __future__ import annotations

from flask import Flask
from sqlalchemy import func, select

from jobsforyou.extensions import db
from jobsforyou.registration.models import Registration, RegistrationStatus
from tests.concurrency import run_together
from tests.conftest import csrf_token_from
from tests.factories import make_fair, registration_form_data, system

PARALLEL = 50


def test_last_place_goes_to_exactly_one_of_fifty(app: Flask) -> None:
    with app.app_context():
        fair = make_fair(capacity=3)
        fair_id = fair.id
        for number in range(2):  # two places taken, one left
            db.session.add(
                Registration(
                    fair_id=fair_id,
                    status=RegistrationStatus.CONFIRMED,
                    ticket_code=f"TAKEN{number}",
                    language="de",
                    given_name="Vorher",
                    family_name=str(number),
                    german_level="B1",
                )
            )
        db.session.commit()
    url = f"/fairs/{fair_id}/register"
    # fifty phones: each its own address, as on a mobile network
    clients = [app.test_client() for _ in range(PARALLEL)]
    for index, test_client in enumerate(clients):
        test_client.environ_base["REMOTE_ADDR"] = f"10.0.{index // 200}.{index % 200 + 1}"
    tokens = [csrf_token_from(c.get(url).get_data(as_text=True)) for c in clients]

    def register(index: int) -> int:
        data = registration_form_data(phone=f"0176 55{index:05d}", given_name=f"Person {index}")
        return clients[index].post(url, data={"csrf_token": tokens[index], **data}).status_code

    statuses = run_together(PARALLEL, register)
    assert sorted(statuses) == [302] * PARALLEL  # every registration answered, none failed
    with app.app_context():
        counts = dict(
            db.session.execute(
                system(select(Registration.status, func.count(Registration.id)))
                .where(Registration.fair_id == fair_id)
                .group_by(Registration.status)
            ).all()
        )
    assert counts[RegistrationStatus.CONFIRMED] == 3
    assert counts[RegistrationStatus.WAITLISTED] == PARALLEL - 1
