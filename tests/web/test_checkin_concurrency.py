"""Fifty devices check in the same ticket at the same moment: one check-in, 49 "already".

Runs on SQLite, and on PostgreSQL when JOBSFORYOU_TEST_DATABASE_URL is set (marker: postgres).
"""

from __future__ import annotations

import pytest
from flask import Flask
from sqlalchemy import select

from jobsforyou.checkin.services import fair_today
from jobsforyou.extensions import db
from jobsforyou.registration.models import Registration
from tests.concurrency import run_together
from tests.conftest import csrf_token_from, sign_in
from tests.factories import make_account, make_fair, make_registration, system

PARALLEL = 50


@pytest.mark.postgres
def test_fifty_scans_of_one_ticket_give_one_check_in(app: Flask) -> None:
    with app.app_context():
        fair = make_fair(date=fair_today())
        registration = make_registration(fair, "Мирослава", "Шевченко")
        fair_id, registration_id, ticket = fair.id, registration.id, registration.ticket_code
        staff_ids = [make_account("checkin", fair_id=fair_id).id for _ in range(PARALLEL)]
    url = f"/fairs/{fair_id}/check-in"
    clients = [app.test_client() for _ in range(PARALLEL)]
    tokens = []
    for client, staff_id in zip(clients, staff_ids, strict=True):
        sign_in(client, staff_id)
        tokens.append(csrf_token_from(client.get(url).get_data(as_text=True)))

    def scan(index: int) -> tuple[int, str]:
        response = clients[index].post(
            url, data={"csrf_token": tokens[index], "code": f"JFY:{ticket}"},
            headers={"Accept-Language": "en"})
        return response.status_code, response.get_data(as_text=True)

    results = run_together(PARALLEL, scan)
    statuses = [status for status, _ in results]
    assert statuses == [200] * PARALLEL, sorted(statuses)
    checked = [body for _, body in results if "Checked in: Мирослава Шевченко" in body]
    already = [body for _, body in results if "was already checked in at" in body]
    assert len(checked) == 1 and len(already) == PARALLEL - 1
    with app.app_context():
        stored = db.session.scalar(system(select(Registration).where(
            Registration.id == registration_id)))
        assert stored is not None and stored.checked_in_at is not None
        assert stored.checked_in_by_id in staff_ids
