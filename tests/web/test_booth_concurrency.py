"""Fifty organisers approve fifty requests for the last free booth at the same moment.

Runs on SQLite, and on PostgreSQL when JOBSFORYOU_TEST_DATABASE_URL is set (marker: postgres).
"""

from __future__ import annotations

import time

import pytest
from flask import Flask
from sqlalchemy import func, select, text

from jobsforyou.booths.models import BoothAssignment, BoothRequest, BoothRequestStatus
from jobsforyou.extensions import db
from jobsforyou.scoping import SYSTEM, scoped
from tests.concurrency import run_together
from tests.conftest import csrf_token_from, sign_in
from tests.factories import (
    make_account,
    make_booth,
    make_booth_request,
    make_employer,
    make_fair,
)

PARALLEL = 50


@pytest.mark.postgres
def test_last_free_booth_goes_to_exactly_one_of_fifty(app: Flask) -> None:
    with app.app_context():
        fair = make_fair()
        held = make_booth(fair, 1)
        last_booth_id = make_booth(fair, 2).id
        holder = make_booth_request(fair, make_employer("Schon da GmbH"),
                                    status=BoothRequestStatus.APPROVED)
        db.session.add(BoothAssignment(booth_id=held.id, request_id=holder.id))
        db.session.commit()
        request_ids = [make_booth_request(fair, make_employer(f"Firma {n}")).id
                       for n in range(PARALLEL)]
        organiser_id = make_account("organiser").id
    clients = [app.test_client() for _ in range(PARALLEL)]
    tokens = []
    for client, request_id in zip(clients, request_ids, strict=True):
        sign_in(client, organiser_id)
        page = client.get(f"/organiser/booth-requests/{request_id}")
        tokens.append(csrf_token_from(page.get_data(as_text=True)))
    def approve(index: int) -> tuple[int, str]:
        response = clients[index].post(
            f"/organiser/booth-requests/{request_ids[index]}",
            data={"csrf_token": tokens[index], "booth": str(last_booth_id),
                  "booths_granted": "1", "approve": "y"},
            headers={"Accept-Language": "en"},
        )
        return response.status_code, response.get_data(as_text=True)

    results = run_together(PARALLEL, approve)
    statuses = sorted(status for status, _ in results)
    assert len(statuses) == PARALLEL and 500 not in statuses
    assert statuses.count(302) == 1, statuses
    for status, body in results:
        if status == 409:
            assert "This booth is no longer free" in body
        elif status == 503:
            assert "Please try again" in body
        else:
            assert status == 302
    with app.app_context():
        assert db.session.scalar(select(func.count(BoothAssignment.id)).where(
            BoothAssignment.booth_id == last_booth_id)) == 1
        approved = db.session.scalar(scoped(select(func.count(BoothRequest.id)).where(
            BoothRequest.status == BoothRequestStatus.APPROVED), SYSTEM))
        assert approved == 2  # the earlier holder and the one winner, nobody half-approved
        assert db.session.scalar(select(func.count(BoothAssignment.id))) == 2


def test_a_held_lock_makes_the_decision_fail_clearly(app: Flask) -> None:
    with app.app_context():
        fair = make_fair()
        booth_id = make_booth(fair, 1).id
        request_id = make_booth_request(fair, make_employer()).id
        organiser_id = make_account("organiser").id
        fair_id = fair.id
    client = app.test_client()
    sign_in(client, organiser_id)
    url = f"/organiser/booth-requests/{request_id}"
    token = csrf_token_from(client.get(url).get_data(as_text=True))
    with app.app_context():
        blocker = db.engine.connect()
        transaction = blocker.begin()
        blocker.execute(text("UPDATE fairs SET id = id WHERE id = :id"), {"id": fair_id})
        try:
            started = time.monotonic()
            response = client.post(url, data={"csrf_token": token, "booth": str(booth_id),
                                              "booths_granted": "1", "approve": "y"},
                                   headers={"Accept-Language": "en"})
            waited = time.monotonic() - started
        finally:
            transaction.rollback()
            blocker.close()
    assert response.status_code == 503
    assert "Please try again" in response.get_data(as_text=True)
    assert waited < app.config["LOCK_TIMEOUT_SECONDS"] + 5
    with app.app_context():
        assert db.session.scalar(select(func.count(BoothAssignment.id))) == 0
