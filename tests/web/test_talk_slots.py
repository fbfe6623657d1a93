"""Talk slots through the browser's eyes: set up, plan, move, cancel; times on every printout."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from flask import Flask
from flask.testing import FlaskClient
from sqlalchemy import select

from jobsforyou.extensions import db
from jobsforyou.registration.models import ConsentPurpose
from jobsforyou.talks.models import Talk, TalkStatus
from jobsforyou.talks.services import local_time
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
from tests.web.test_printing import pdf_text

EN = {"Accept-Language": "en"}


def _fair(app: Flask, private: bool = False) -> dict[str, Any]:
    with app.app_context():
        fair = make_fair()
        kitchen = make_employer("Hotel Haus Ravensberg", town="Bad Iburg")
        bakery = make_employer("Bäckerei Sonnenkorn", town="Bramsche")
        make_attending(fair, kitchen, booth_number=12)
        make_attending(fair, bakery, booth_number=3)
        make_vacancy(kitchen, "Koch/Köchin (m/w/d)", occupation_id=None, required_skills=[],
                     german_level_min="A2")
        make_vacancy(bakery, "Küchenhilfe (m/w/d)", occupation_id=None, required_skills=[],
                     german_level_min="A1")
        cook = make_registration(fair, "Олена", "Коваленко", language="uk",
                                 desired_occupations=["кухар"])
        helper = make_registration(fair, "سمير", "الحسن", language="ar",
                                   desired_occupations=["طباخ"])
        token = add_personal_link(cook)
        if private:  # a seeker who gets talks but did not agree to share their profile
            hidden = make_registration(fair, "Verborgen", "Privat", language="uk",
                                       desired_occupations=["кухар"])
            for consent in hidden.consents:
                if consent.purpose == ConsentPurpose.SHARE_WITH_EMPLOYERS:
                    consent.withdrawn_at = dt.datetime.now(dt.UTC)
        db.session.commit()
        return {
            "fair": fair.id, "kitchen": kitchen.id, "bakery": bakery.id, "cook": cook.id,
            "helper": helper.id, "token": token,
            "organiser": make_account("organiser", municipality_id=fair.municipality_id).id,
            "other_organiser": make_account(
                "organiser", municipality_id=municipality("Melle").id).id,
            "kitchen_user": make_account("employer", employer_id=kitchen.id).id,
        }


def _talks(app: Flask, fair_id: int) -> list[tuple[int, int, dt.time, TalkStatus, bool]]:
    with app.app_context():
        talks = db.session.scalars(system(
            select(Talk).where(Talk.fair_id == fair_id).order_by(Talk.starts_at, Talk.id)))
        return [(t.registration_id, t.employer_id, local_time(t.starts_at), t.status,
                 t.decided) for t in talks]


def _talk_id(app: Flask, registration_id: int, employer_id: int) -> int:
    with app.app_context():
        return db.session.scalar(system(select(Talk.id).where(
            Talk.registration_id == registration_id, Talk.employer_id == employer_id)))


def _set_up_and_plan(app: Flask, client: FlaskClient, ids: dict[str, Any]) -> None:
    sign_in(client, ids["organiser"])
    url = f"/fairs/{ids['fair']}/talks"
    page = client.get(url, headers=EN).get_data(as_text=True)
    assert "Set up the slots" in page
    form = {"slot_minutes": "10", "starts_at": "10:00", "ends_at": "11:00",
            "breaks": "10:20-10:30"}
    response = _post(client, url, f"{url}/schedule", form)
    assert response.status_code == 302, response.get_data(as_text=True)
    page = client.get(url, headers=EN).get_data(as_text=True)
    assert "Every booth offers 5 slots." in page
    assert _post(client, url, f"{url}/plan", {}).status_code == 302


def _post(client: FlaskClient, page_url: str, action: str, data: dict[str, str]):  # type: ignore[no-untyped-def]
    """POST a form of a page to its action, with the page's CSRF token."""
    token = csrf_token_from(client.get(page_url, headers=EN).get_data(as_text=True))
    return client.post(action, data={"csrf_token": token, **data}, headers=EN)


def test_organiser_sets_up_slots_plans_moves_and_cancels_and_a_rerun_keeps_decisions(
    app: Flask, client: FlaskClient
) -> None:
    ids = _fair(app)
    _set_up_and_plan(app, client, ids)
    talks = _talks(app, ids["fair"])
    pairs = {(registration, employer) for registration, employer, *_ in talks}
    assert pairs == {(ids["cook"], ids["kitchen"]), (ids["cook"], ids["bakery"]),
                     (ids["helper"], ids["kitchen"]), (ids["helper"], ids["bakery"])}
    times = {(r, e): start for r, e, start, _s, _d in talks}
    slots = {dt.time(10, 0), dt.time(10, 10), dt.time(10, 30), dt.time(10, 40),
             dt.time(10, 50)}
    assert set(times.values()) <= slots  # never in the break from 10:20 to 10:30
    for seeker in (ids["cook"], ids["helper"]):  # no seeker twice at once, with time to walk
        own = sorted(start for (r, _e), start in times.items() if r == seeker)
        assert own[0] != own[1]
    for employer in (ids["kitchen"], ids["bakery"]):
        own = [start for (_r, e), start in times.items() if e == employer]
        assert len(own) == len(set(own))

    url = f"/fairs/{ids['fair']}/talks"
    talk_id = _talk_id(app, ids["cook"], ids["kitchen"])
    move_url = f"{url}/{talk_id}/move"
    move_page = client.get(move_url, headers=EN).get_data(as_text=True)
    free = [slot for slot in ("10:00", "10:10", "10:30", "10:40", "10:50")
            if f'value="{slot}"' in move_page]
    assert free and times[(ids["cook"], ids["kitchen"])].strftime("%H:%M") not in free
    target = free[-1]
    moved = post_form(client, move_url, {"starts_at": target}, headers=EN)
    assert moved.status_code == 302
    taken = post_form(client, move_url, {"starts_at": "10:25"}, headers=EN)
    assert taken.status_code == 422  # not a slot (the break)

    cancel_id = _talk_id(app, ids["helper"], ids["bakery"])
    assert _post(client, url, f"{url}/{cancel_id}/cancel", {}).status_code == 302
    assert _post(client, url, f"{url}/plan", {}).status_code == 302  # a re-run …
    after = {(r, e): (start, status, decided) for r, e, start, status, decided
             in _talks(app, ids["fair"])}
    assert after[(ids["cook"], ids["kitchen"])] == (
        dt.time.fromisoformat(target), TalkStatus.SCHEDULED, True)  # … keeps the move
    assert after[(ids["helper"], ids["bakery"])][1:] == (TalkStatus.CANCELLED, True)
    page = client.get(url, headers=EN).get_data(as_text=True)
    assert "Cancelled" in page and "Moved" in page
    changed = _post(client, url, f"{url}/schedule", {"slot_minutes": "15", "starts_at": "10:00",
                                                     "ends_at": "12:00", "breaks": ""})
    assert changed.status_code == 302
    page = client.get(url, headers=EN).get_data(as_text=True)
    assert "Plan the talks again so that they follow the new slots" in page
    assert "Every booth offers 8 slots." in page


def test_a_wrong_schedule_is_refused_with_the_reason_at_the_field(
    app: Flask, client: FlaskClient
) -> None:
    ids = _fair(app)
    sign_in(client, ids["organiser"])
    url = f"/fairs/{ids['fair']}/talks"
    late = _post(client, url, f"{url}/schedule", {"slot_minutes": "10", "starts_at": "13:00",
                                                  "ends_at": "15:00", "breaks": ""})
    assert late.status_code == 422
    assert "within the fair&#39;s opening hours" in late.get_data(as_text=True)
    garbled = _post(client, url, f"{url}/schedule", {"slot_minutes": "10", "starts_at": "10:00",
                                                     "ends_at": "12:00", "breaks": "lunch"})
    assert garbled.status_code == 422
    assert "for example 12:00-12:30" in garbled.get_data(as_text=True)
    assert _post(client, url, f"{url}/plan", {}).status_code == 302
    assert _talks(app, ids["fair"]) == []  # no schedule: nothing planned


def test_another_towns_organiser_cannot_see_or_change_the_talks(
    app: Flask, client: FlaskClient
) -> None:
    ids = _fair(app)
    _set_up_and_plan(app, client, ids)
    before = _talks(app, ids["fair"])
    talk_id = _talk_id(app, ids["cook"], ids["kitchen"])
    other = app.test_client()
    sign_in(other, ids["other_organiser"])
    url = f"/fairs/{ids['fair']}/talks"
    assert other.get(url).status_code == 404
    assert other.get(f"{url}/{talk_id}/move").status_code == 404
    own_page = "/organiser/fairs"
    for action, data in ((f"{url}/schedule", {"slot_minutes": "30", "starts_at": "10:00",
                                               "ends_at": "12:00"}),
                         (f"{url}/plan", {}), (f"{url}/{talk_id}/cancel", {}),
                         (f"{url}/{talk_id}/move", {"starts_at": "10:50"})):
        assert _post(other, own_page, action, data).status_code == 404, action
    assert _talks(app, ids["fair"]) == before


def test_times_on_the_personal_page_the_route_card_the_list_and_the_overview(
    app: Flask, client: FlaskClient, tmp_path: Path
) -> None:
    ids = _fair(app, private=True)
    _set_up_and_plan(app, client, ids)
    times = {(r, e): start.strftime("%H:%M") for r, e, start, _s, _d in _talks(app, ids["fair"])}
    cook_kitchen, cook_bakery = times[(ids["cook"], ids["kitchen"])], times[
        (ids["cook"], ids["bakery"])]

    overview = client.get(f"/fairs/{ids['fair']}/matches",
                          headers={"Accept-Language": "de"}).get_data(as_text=True)
    assert f">{cook_kitchen}</time>" in overview and f">{cook_bakery}</time>" in overview

    card_pdf = client.get(f"/r/{ids['token']}/route-card.pdf").data
    Path("/tmp/talk-card.pdf").write_bytes(card_pdf)  # to look at: pdftoppm -png -r 60
    card = pdf_text(card_pdf, tmp_path)
    german = card[card.index("Ihre Stände"):]
    first, second = sorted([(cook_kitchen, "Stand 12"), (cook_bakery, "Stand 3")])
    assert f"Gespräch um {first[0]}" in german and f"Gespräch um {second[0]}" in german
    # walking order is the order of the talks
    assert german.index(first[1]) < german.index(second[1])
    assert german.index(f"Gespräch um {first[0]}") < german.index(f"Gespräch um {second[0]}")

    seekers_page = client.get(f"/r/{ids['token']}").get_data(as_text=True)  # in Ukrainian
    assert 'id="talks-title"' in seekers_page
    assert f"<strong>{cook_kitchen}</strong>" in seekers_page
    assert "Hotel Haus Ravensberg" in seekers_page

    employer = app.test_client()
    sign_in(employer, ids["kitchen_user"])
    list_pdf = employer.get(f"/employer/fairs/{ids['fair']}/match-list.pdf").data
    Path("/tmp/talk-list.pdf").write_bytes(list_pdf)
    listing = pdf_text(list_pdf, tmp_path)
    helper_kitchen = times[(ids["helper"], ids["kitchen"])]
    order = sorted([(cook_kitchen, "Коваленко"), (helper_kitchen, "الحسن")])
    assert f"Gespräch um {cook_kitchen}" in listing
    assert f"Gespräch um {helper_kitchen}" in listing
    assert listing.index(order[0][1]) < listing.index(order[1][1])  # candidates in slot order
    # the seeker who shares nothing is not named, but the employer knows the slot is taken
    hidden = [start for (r, e), start in times.items()
              if e == ids["kitchen"] and r not in (ids["cook"], ids["helper"])]
    assert len(hidden) == 1 and "Privat" not in listing
    assert f"Auch belegt, mit Besuchenden, die ihr Profil nicht freigegeben haben: {hidden[0]}" in (
        " ".join(listing.split()))


def test_a_move_into_a_taken_booth_or_a_busy_seeker_is_refused(
    app: Flask, client: FlaskClient
) -> None:
    from jobsforyou.talks import services

    ids = _fair(app)
    _set_up_and_plan(app, client, ids)
    with app.app_context():
        def talk(registration: int, employer: int) -> Talk:
            return db.session.scalar(system(select(Talk).where(
                Talk.registration_id == registration, Talk.employer_id == employer)))

        cook_kitchen, cook_bakery = talk(ids["cook"], ids["kitchen"]), talk(ids["cook"],
                                                                            ids["bakery"])
        helper_kitchen = talk(ids["helper"], ids["kitchen"])
        for target, start, refusal in (
            (cook_kitchen, local_time(cook_bakery.starts_at), services.SeekerBusy),
            (helper_kitchen, local_time(cook_kitchen.starts_at), services.SlotTaken),
            (cook_kitchen, dt.time(10, 20), services.NotASlot),  # the break
        ):
            try:
                services.move_talk(target, start, ids["organiser"])
            except refusal:
                continue
            raise AssertionError((target.id, start, refusal))
        assert local_time(cook_bakery.starts_at) not in services.free_slots(cook_kitchen)
        assert not cook_kitchen.decided  # nothing changed
