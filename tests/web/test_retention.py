"""Retention after a fair: a marker in every personal-data column, gone after the run.

No frozen-time library is installed, so the run's date is passed explicitly
(`flask retention run --today …`); the fair has a fixed date and the days are counted from it.
"""

from __future__ import annotations

import datetime as dt
import json
import logging
from collections import Counter
from typing import Any

import pytest
from babel.dates import format_date
from flask import Flask
from sqlalchemy import JSON, Boolean, Date, DateTime, Enum, Integer, String, Text, select, update
from sqlalchemy.sql import Select

from jobsforyou import ConfigurationError, create_app
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.followup.models import ReInvitation
from jobsforyou.outcomes.models import Outcome, OutcomeStatus
from jobsforyou.outcomes.services import OutcomeInput, record_outcome
from jobsforyou.printing.models import Decision, MatchDecision
from jobsforyou.registration.models import ConsentPurpose, Registration, RegistrationStatus
from jobsforyou.registration.services import (
    delete_registration,
    export_registration,
    set_optional_consents,
)
from jobsforyou.retention.columns import SEEKER_ROOT_TABLE, personal_columns, seeker_tables
from jobsforyou.retention.notifications import (
    retention_reminder_sms_text,
    send_retention_reminder,
)
from jobsforyou.retention.policy import RetentionPolicy
from jobsforyou.sms import sms_outbox, sms_segments
from jobsforyou.statistics.figures import counts_for
from jobsforyou.talks.models import Talk
from tests.conftest import post_form
from tests.factories import (
    add_personal_link,
    make_account,
    make_attending,
    make_employer,
    make_fair,
    make_registration,
    make_vacancy,
    system,
)

FAIR_DATE = dt.date(2027, 3, 6)
DAYS, KEPT_DAYS, REMINDER_DAYS = 90, 365, 30  # the defaults of config/default.py


def _day(offset: int) -> str:
    return (FAIR_DATE + dt.timedelta(days=offset)).isoformat()


def _run(app: Flask, offset: int) -> dict[str, int]:
    """`flask retention run` on the fair's date + offset days; the counts it printed."""
    result = app.test_cli_runner().invoke(args=["retention", "run", "--today", _day(offset)])
    assert result.exit_code == 0, result.output
    printed = {line.rpartition(": ")[0].strip(): int(line.rpartition(": ")[2])
               for line in result.output.splitlines() if line.startswith("  ")}
    return {
        "deleted": printed[f"deleted {DAYS} days after the fair"],
        "deleted_kept": printed[f"kept profiles deleted {KEPT_DAYS} days after the fair"],
        "mailed": printed["reminders sent by e-mail"],
        "texted": printed["reminders sent by SMS"],
        "without_channel": printed["reminders due that could not be sent"],
    }


def _dump() -> str:
    """Every row of every table (SELECT *), all values as text, in a stable order."""
    lines = []
    for table in db.metadata.sorted_tables:
        rows = db.session.execute(select(table)).all()
        lines.extend(sorted(f"{table.name}: " + " | ".join(str(v) for v in row) for row in rows))
    db.session.rollback()
    return "\n".join(lines)


def _rows_of(table_name: str, registration_id: int) -> Select[Any]:
    """The primary keys of a seeker table's rows that hang on one registration."""
    table = db.metadata.tables[table_name]
    if table_name == SEEKER_ROOT_TABLE:
        return select(table.c.id).where(table.c.id == registration_id)
    seeker_names = {t.name for t in seeker_tables(db.metadata)}
    conditions = [
        key.parent.in_(_rows_of(key.column.table.name, registration_id))
        for key in table.foreign_keys if key.column.table.name in seeker_names
    ]
    return select(table.c.id).where(db.or_(*conditions))


class Markers:
    """A unique marker per personal-data column; which columns cannot hold one."""

    def __init__(self) -> None:
        self.count = 0
        self.text: dict[str, str] = {}  # "table.column" -> the marker as it appears in text
        self.exported: set[str] = set()
        self.unmarkable: set[str] = set()

    def mark(self, registration_id: int, every_table: bool = True) -> None:
        """Write a marker into every personal column of every row about the seeker
        (`every_table`: the seeker must have rows in every table with personal columns)."""
        for table in seeker_tables(db.metadata):
            ids = list(db.session.scalars(_rows_of(table.name, registration_id)))
            columns = personal_columns(table)
            if columns and every_table:  # so that every personal column gets its marker
                assert ids, f"the test seeker has no rows in {table.name}: add some"
            if not ids:
                continue
            values: dict[str, Any] = {}
            for column in columns:
                key = f"{table.name}.{column.name}"
                value, text = self._marker(column.type)
                if value is None:
                    self.unmarkable.add(key)
                    continue
                values[column.name] = value
                self.text[key] = text
                if column.info.get("exported", True):
                    self.exported.add(key)
            for number, row_id in enumerate(ids):  # unique columns get one value per row
                row_values = {
                    name: (f"{value}{number}" if isinstance(value, str) and table.c[name].unique
                           else value) for name, value in values.items()
                }
                db.session.execute(update(table).where(table.c.id == row_id).values(row_values))
        db.session.commit()

    def _marker(self, column_type: Any) -> tuple[Any, str]:
        self.count += 1
        n = self.count
        if isinstance(column_type, Enum | Boolean):
            return None, ""
        if isinstance(column_type, DateTime):
            moment = dt.datetime(1900 + n, 1 + n % 12, 1 + n % 28, 12, 0, tzinfo=dt.UTC)
            return moment, moment.date().isoformat()
        if isinstance(column_type, Date):
            day = dt.date(1900 + n, 1 + n % 12, 1 + n % 28)
            return day, day.isoformat()
        if isinstance(column_type, Integer):
            return 97_000_000 + n * 1000 + 7, str(97_000_000 + n * 1000 + 7)
        if isinstance(column_type, JSON):
            return [f"Zq{n:03d}J"], f"Zq{n:03d}J"
        if isinstance(column_type, String | Text):
            return f"Zq{n:03d}X", f"Zq{n:03d}X"
        raise AssertionError(f"no marker for a column of type {column_type!r}: add one")

    def found_in(self, text: str) -> set[str]:
        """The columns whose marker occurs in a text."""
        return {key for key, marker in self.text.items() if marker in text}


def _fair_figures(fair_id: int) -> dict[str, Any]:
    """The fair's figures: registrations by language, checked in, outcomes by kind.

    From the live rows only: what the statistics would lose without the retained figures.
    """
    registrations = list(db.session.scalars(
        system(select(Registration).where(Registration.fair_id == fair_id))
    ))
    outcomes = db.session.scalars(system(select(Outcome).where(Outcome.fair_id == fair_id)))
    figures = {
        "registrations_by_language": dict(Counter(r.language for r in registrations)),
        "checked_in": sum(r.checked_in_at is not None for r in registrations),
        "outcomes_by_kind": dict(Counter(o.status.value for o in outcomes)),
    }
    db.session.rollback()
    return figures


def _world(app: Flask) -> dict[str, Any]:
    """A fair held on FAIR_DATE: one seeker checked in with outcomes (not kept), two who keep
    their profile (one with e-mail, one phone only), one on the waiting list."""
    with app.app_context():
        fair = make_fair(capacity=3)
        employer = make_employer("Alpha Küchen GmbH")
        make_attending(fair, employer, booth_number=3)
        vacancy = make_vacancy(employer, "Koch (m/w/d)")
        staff = make_account(employer_id=employer.id)
        checked_in_by = make_account("organiser")
        now = dt.datetime.now(dt.UTC)
        gone = make_registration(
            fair, "Олена", "Коваленко", email="olena@example.org", language="uk",
            postcode="49565", available_from=dt.date(2027, 4, 1), max_commute_km=25,
            desired_occupations=("кухар",), checked_in_at=now, checked_in_by_id=checked_in_by.id,
            notes="Braucht Dolmetscherin",
        )
        for status, target in ((OutcomeStatus.HIRED, vacancy), (OutcomeStatus.TALKED, None)):
            record_outcome(gone, employer, target, OutcomeInput(status, "Sehr erfahren"),
                           staff.id, now)
        kept_mail = make_registration(fair, "Amina", "Haddad", email="amina@example.org",
                                      language="ar")
        kept_phone = make_registration(fair, "Rahim", "Ahmadi", language="fa")
        for kept in (kept_mail, kept_phone):
            set_optional_consents(kept, {ConsentPurpose.KEEP_FOR_LATER_FAIRS,
                                         ConsentPurpose.SHARE_WITH_EMPLOYERS}, "test", now, "en")
        record_outcome(kept_mail, employer, vacancy,
                       OutcomeInput(OutcomeStatus.INTERVIEW_PLANNED, "Termin im April"), staff.id,
                       now)
        later_fair = make_fair(title="#JobsForYou Später")
        db.session.add(ReInvitation(fair_id=later_fair.id, registration_id=gone.id,
                                    channel="email", token_digest="0" * 64,
                                    expires_at=now, sent_at=now))
        db.session.add(MatchDecision(fair_id=fair.id, employer_id=employer.id,
                                     registration_id=gone.id, decision=Decision.PINNED,
                                     decided_at=now))
        db.session.add(Talk(fair_id=fair.id, employer_id=employer.id, registration_id=gone.id,
                            starts_at=now, moved_at=now, created_at=now))
        waiting = make_registration(fair, "Serhii", "Bondarenko", language="uk")
        assert waiting.status == RegistrationStatus.WAITLISTED
        fair.date = FAIR_DATE
        db.session.commit()
        return {"fair": fair.id, "gone": gone.id, "kept_mail": kept_mail.id,
                "kept_phone": kept_phone.id, "waiting": waiting.id,
                "gone_token": add_personal_link(gone)}


def _export(app: Flask, registration_id: int) -> str:
    """The seeker's own data export (the JSON download behind their personal link)."""
    with app.app_context():
        token = add_personal_link(_registration(registration_id))
        db.session.commit()
    response = app.test_client().get(f"/r/{token}/export.json")
    assert response.status_code == 200
    return json.dumps(response.get_json(), ensure_ascii=False)


def _registration(registration_id: int) -> Registration:
    return db.session.scalars(
        system(select(Registration).where(Registration.id == registration_id))
    ).one()


def _registration_ids(app: Flask) -> set[int]:
    with app.app_context():
        return set(db.session.scalars(system(select(Registration.id))))


def test_retention_deletes_every_marker_keeps_chosen_profiles_and_reminds_once(
    app: Flask,
) -> None:
    w = _world(app)
    outbox = app.extensions.setdefault("jobsforyou_outbox", [])
    with app.app_context():
        assert _fair_figures(w["fair"]) == {
            "registrations_by_language": {"uk": 2, "ar": 1, "fa": 1},
            "checked_in": 1,
            "outcomes_by_kind": {"hired": 1, "talked": 1, "interview_planned": 1},
        }
    markers = Markers()
    with app.app_context():
        markers.mark(w["gone"])
    # every column that can hold a marker holds one; every exported one is in the export
    assert set(markers.text) >= {"registrations.given_name", "registrations.email",
                                 "outcomes.note", "consents.given_at",
                                 "personal_links.token_digest", "registrations.checked_in_at"}
    assert markers.unmarkable == {"registrations.needs_childcare", "outcomes.status",
                                  "outcomes.follow_up_status", "match_decisions.decision"}
    export = _export(app, w["gone"])
    assert markers.exported - markers.found_in(export) == set()
    with app.app_context():  # the organisers' export for the person is the same
        organiser_export = export_registration(_registration(w["gone"]))
        assert len(organiser_export["outcomes"]) == 2
        assert markers.exported - markers.found_in(
            json.dumps(organiser_export, ensure_ascii=False)) == set()
    with app.app_context():
        assert markers.found_in(_dump()) == set(markers.text)

    # the day before the period ends nothing happens; on the day it ends the seeker is gone
    assert _run(app, DAYS - 1) == {"deleted": 0, "deleted_kept": 0, "mailed": 0,
                                   "texted": 0, "without_channel": 0}
    assert w["gone"] in _registration_ids(app)
    assert _run(app, DAYS) == {"deleted": 2, "deleted_kept": 0, "mailed": 0,
                               "texted": 0, "without_channel": 0}
    assert _registration_ids(app) == {w["kept_mail"], w["kept_phone"]}
    with app.app_context():
        dump = _dump()
    assert markers.found_in(dump) == set()
    assert "Sehr erfahren" not in dump and "Коваленко" not in dump and "Bondarenko" not in dump
    assert outbox == []  # nobody moved up from the waiting list of a fair that is over

    # a second run changes nothing
    assert _run(app, DAYS) == {"deleted": 0, "deleted_kept": 0, "mailed": 0,
                               "texted": 0, "without_channel": 0}
    with app.app_context():
        assert _dump() == dump

    # the reminder before the kept profiles end: by mail once, in the seeker's language
    assert _run(app, KEPT_DAYS - REMINDER_DAYS - 1)["mailed"] == 0
    assert _run(app, KEPT_DAYS - REMINDER_DAYS) == {"deleted": 0, "deleted_kept": 0,
                                                    "mailed": 1, "texted": 1,
                                                    "without_channel": 0}
    assert [mail.recipient for mail in outbox] == ["amina@example.org"]
    with app.app_context():
        (texted,) = sms_outbox()
        farsi_end = format_date(FAIR_DATE + dt.timedelta(days=KEPT_DAYS), format="full",
                                locale="fa")
        assert texted.recipient == _registration(w["kept_phone"]).phone_normalized
        assert farsi_end in texted.text and "/r/" in texted.text and sms_segments(texted.text) <= 3
    reminder = outbox[0]
    end = format_date(FAIR_DATE + dt.timedelta(days=KEPT_DAYS), format="full", locale="ar")
    assert end in reminder.subject and "حذف" in reminder.subject  # Arabic: "delete"
    assert "Amina" in reminder.body and end in reminder.body
    link = next(line for line in reminder.body.splitlines() if "/r/" in line).strip()
    assert app.test_client().get(link.split("jobsforyou.test", 1)[1]).status_code == 200
    with app.app_context():
        dump = _dump()
    for offset in (KEPT_DAYS - REMINDER_DAYS, KEPT_DAYS - 1):
        counts = _run(app, offset)
        assert counts["mailed"] == 0 and counts["deleted_kept"] == 0
        # both were reminded once (the phone-only seeker by SMS, in Farsi)
        assert counts["texted"] == 0 and counts["without_channel"] == 0
    assert len(outbox) == 1
    with app.app_context():
        assert _dump() == dump
    assert _registration_ids(app) == {w["kept_mail"], w["kept_phone"]}

    # at their maximum the kept profiles go too, markers and all
    mail_markers, phone_markers = Markers(), Markers()
    mail_markers.count, phone_markers.count = 300, 600  # markers of their own
    with app.app_context():
        mail_markers.mark(w["kept_mail"], every_table=False)  # every table: the first seeker
        phone_markers.mark(w["kept_phone"], every_table=False)  # no outcomes about this one
    assert mail_markers.exported - mail_markers.found_in(_export(app, w["kept_mail"])) == set()
    assert phone_markers.exported - phone_markers.found_in(_export(app, w["kept_phone"])) == set()
    with app.app_context():
        dump = _dump()
    assert mail_markers.found_in(dump) == set(mail_markers.text)
    assert phone_markers.found_in(dump) == set(phone_markers.text)
    counts = _run(app, KEPT_DAYS)
    # (the marker in consents.withdrawn_at reads as a withdrawn consent: which count they
    # fall under here does not matter; test_withdrawing_… checks the counts of kept profiles)
    assert counts["deleted"] + counts["deleted_kept"] == 2 and counts["mailed"] == 0
    assert _registration_ids(app) == set()
    with app.app_context():
        dump = _dump()
    assert mail_markers.found_in(dump) == phone_markers.found_in(dump) == set()
    assert markers.found_in(dump) == set()
    assert "Haddad" not in dump and "amina@example.org" not in dump
    assert "Termin im April" not in dump
    assert _run(app, KEPT_DAYS) == {"deleted": 0, "deleted_kept": 0, "mailed": 0,
                                    "texted": 0, "without_channel": 0}
    with app.app_context():
        assert _dump() == dump
    assert len(outbox) == 1


def _statistics(fair_id: int) -> dict[Any, int]:
    """Every cell of the fair's statistics (live rows plus what deleted ones left behind)."""
    fair = db.session.get(Fair, fair_id)
    cells = dict(counts_for([fair], FAIR_DATE + dt.timedelta(days=KEPT_DAYS + 1)))
    db.session.rollback()
    return cells


def test_the_fair_figures_survive_retention(app: Flask) -> None:
    w = _world(app)
    with app.app_context():
        before = _statistics(w["fair"])
        live = _fair_figures(w["fair"])
    assert sum(live["registrations_by_language"].values()) == 4 and live["outcomes_by_kind"]
    _run(app, KEPT_DAYS)
    assert _registration_ids(app) == set()
    with app.app_context():
        assert _fair_figures(w["fair"])["registrations_by_language"] == {}
        assert _statistics(w["fair"]) == before


def test_withdrawing_the_consent_to_keep_deletes_at_the_next_run(app: Flask) -> None:
    w = _world(app)
    assert _run(app, DAYS + 10)["deleted"] == 2
    with app.app_context():
        token = add_personal_link(_registration(w["kept_mail"]))
        db.session.commit()
    client = app.test_client()
    with client.session_transaction() as session:
        session["lang"] = "en"  # the texts asserted here (the seeker's own language is Arabic)
    page = client.get(f"/r/{token}").get_data(as_text=True)
    assert "We keep your profile for later fairs until" in page
    response = post_form(client, f"/r/{token}/consents", {"consent_share": "y"})
    assert response.status_code == 302
    page = client.get(f"/r/{token}").get_data(as_text=True)
    assert "We delete your registration and all your data on" in page
    assert _run(app, DAYS + 11) == {"deleted": 1, "deleted_kept": 0, "mailed": 0,
                                    "texted": 0, "without_channel": 0}
    assert _registration_ids(app) == {w["kept_phone"]}
    assert _run(app, KEPT_DAYS - 1)["deleted_kept"] == 0
    assert _run(app, KEPT_DAYS) == {"deleted": 0, "deleted_kept": 1, "mailed": 0,
                                    "texted": 0, "without_channel": 0}
    assert _registration_ids(app) == set()


def test_deleting_after_the_fair_moves_nobody_up(app: Flask) -> None:
    with app.app_context():
        held, coming = make_fair(capacity=1), make_fair(capacity=1)
        seekers = {name: make_registration(fair, name, "Melnyk")
                   for name, fair in (("Olha", held), ("Ivan", held), ("Petro", coming),
                                      ("Taras", coming))}
        held.date = FAIR_DATE
        db.session.commit()
        assert delete_registration(seekers["Olha"], FAIR_DATE + dt.timedelta(days=1)) == []
        assert seekers["Ivan"].status == RegistrationStatus.WAITLISTED
        # before a fair the freed place goes to the longest-waiting seeker
        assert delete_registration(seekers["Petro"], coming.date - dt.timedelta(days=1)) == [
            seekers["Taras"]]
        db.session.rollback()


def test_the_policy_is_checked_at_start_up() -> None:
    good = {"RETENTION_DAYS": 90, "RETENTION_KEPT_PROFILE_DAYS": 365,
            "RETENTION_REMINDER_DAYS": 30}
    policy = RetentionPolicy.from_config(good)
    assert policy.deletion_date(FAIR_DATE, kept=False) == FAIR_DATE + dt.timedelta(days=90)
    assert policy.reminder_date(FAIR_DATE) == FAIR_DATE + dt.timedelta(days=335)
    for bad in ({"RETENTION_DAYS": 0}, {"RETENTION_KEPT_PROFILE_DAYS": 30},
                {"RETENTION_REMINDER_DAYS": 365}, {"RETENTION_DAYS": "90"},
                {"RETENTION_MONTHS": 6}):
        with pytest.raises(ValueError):
            RetentionPolicy.from_config({**good, **bad})


def test_the_run_logs_counts_never_names(app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    _world(app)
    with caplog.at_level(logging.INFO):
        _run(app, DAYS)
        _run(app, KEPT_DAYS - REMINDER_DAYS)
    lines = [r.getMessage() for r in caplog.records if r.name == "jobsforyou.retention"]
    assert len(lines) == 2
    assert "2 registrations deleted after 90 days" in lines[0]
    assert "1 reminders mailed, 1 sent by SMS, 0 could not be sent" in lines[1]
    for name in ("Олена", "Коваленко", "Amina", "Haddad", "Rahim", "Ahmadi", "amina@example.org",
                 "Serhii", "Sehr erfahren"):
        assert name not in caplog.text


def test_the_seeker_reads_the_periods_in_the_notice_and_next_to_the_consent(app: Flask) -> None:
    w = _world(app)
    client = app.test_client()
    with client.session_transaction() as session:
        session["lang"] = "en"
    notice = client.get("/privacy").get_data(as_text=True)
    assert "Your data is deleted 90 days after the fair." in notice
    assert "we delete it 365 days after the fair at the latest" in notice
    assert "We remind you once, 30 days before that." in notice
    with app.app_context():
        token = add_personal_link(_registration(w["gone"]))
        db.session.commit()
    consents = client.get(f"/r/{token}/consents").get_data(as_text=True)
    assert "Without this consent we delete your data 90 days after the fair." in consents
    assert 'aria-describedby="consent_keep-hint"' in consents
    page = client.get(f"/r/{token}").get_data(as_text=True)
    assert "We delete your registration and all your data on Friday, June 4, 2027." in page


def test_the_removed_months_setting_stops_the_start(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOBSFORYOU_RETENTION_MONTHS", "6")
    with pytest.raises(ConfigurationError, match="RETENTION_DAYS"):
        create_app({"TESTING": True, "SQLALCHEMY_DATABASE_URI": "sqlite://"})


def test_the_sms_reminder_text_is_ready_in_the_seekers_language(app: Flask) -> None:
    w = _world(app)
    with app.app_context(), app.test_request_context():
        seeker = _registration(w["kept_phone"])  # Dari/Farsi, phone only
        deletion = FAIR_DATE + dt.timedelta(days=KEPT_DAYS)
        text = retention_reminder_sms_text(seeker, deletion, "https://jobs.example.org/r/x")
        assert "https://jobs.example.org/r/x" in text
        assert "حذف" in text and format_date(deletion, format="full", locale="fa") in text
        assert not send_retention_reminder(seeker, deletion, None)  # no SMS gateway yet
