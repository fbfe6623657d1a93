"""Batch PDFs of a fair: made by a real queue worker in chunks, with a progress page that reloads
itself while the job runs, a download when it is done, a clear failure with "try again", and
only for the fair's organisers."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from flask import Flask
from flask.testing import FlaskClient
from pypdf import PdfReader
from sqlalchemy import select

from jobsforyou.extensions import db
from jobsforyou.printing import batch
from jobsforyou.printing.models import PrintJob, PrintJobKind, PrintJobStatus
from tests.conftest import post_form, sign_in
from tests.factories import (
    make_account,
    make_attending,
    make_employer,
    make_fair,
    make_registration,
    make_vacancy,
    municipality,
    system,
)
from tests.workers import wait_for

ENGLISH = {"Accept-Language": "en"}
SEEKERS = 9  # three chunks of four cards (the last one short): the pieces must be joined




def pdf_text(pdf: bytes, tmp_path: Path) -> str:
    path = tmp_path / "batch.pdf"
    path.write_bytes(pdf)
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], check=True,
                          capture_output=True, text=True).stdout


def _fair(app: Flask, seekers: int = SEEKERS) -> dict[str, Any]:
    with app.app_context():
        fair = make_fair()
        kitchen = make_employer("Hotel Haus Ravensberg")
        bakery = make_employer("Bäckerei Sonnenkorn")
        make_attending(fair, kitchen, booth_number=12)
        make_attending(fair, bakery, booth_number=3)
        make_vacancy(kitchen, "Koch/Köchin (m/w/d)", occupation_id=None, required_skills=[],
                     german_level_min="A2")
        make_vacancy(bakery, "Küchenhilfe (m/w/d)", occupation_id=None, required_skills=[],
                     german_level_min="A1")
        names = []
        for number in range(seekers):
            family = f"Kowalenko{number:02d}"
            make_registration(fair, "Olena", family, language="uk", desired_occupations=["кухар"],
                              phone=f"0176 55500{number:02d}")
            names.append(family)
        db.session.commit()
        other_fair = make_fair(municipality_id=municipality("Melle").id, title="Messe Melle")
        return {
            "fair": fair.id, "other_fair": other_fair.id, "names": names,
            "organiser": make_account("organiser", municipality_id=fair.municipality_id).id,
            "other_organiser": make_account(
                "organiser", municipality_id=municipality("Melle").id).id,
        }


def _job(app: Flask, fair_id: int, **values: Any) -> int:
    with app.app_context():
        job = PrintJob(fair_id=fair_id, kind=values.pop("kind", PrintJobKind.ROUTE_CARDS),
                       layout=values.pop("layout", "a6"), **values)
        db.session.add(job)
        db.session.commit()
        return job.id


def _state(app: Flask, job_id: int) -> PrintJob:
    with app.app_context():
        job = db.session.get(PrintJob, job_id)
        assert job is not None
        db.session.expunge(job)
        return job


def test_a_real_worker_makes_all_route_cards_as_one_pdf_in_chunks(
        app: Flask, client: FlaskClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        queue_worker: None) -> None:
    monkeypatch.setattr(batch, "CHUNK_SIZE", 4)
    ids = _fair(app)
    sign_in(client, ids["organiser"])
    start = f"/fairs/{ids['fair']}/print/batch"
    response = post_form(client, start, {"document": "route_cards_a6"}, headers=ENGLISH)
    assert response.status_code == 302
    job_url = response.headers["Location"]
    job_id = int(job_url.rsplit("/", 1)[1])
    assert wait_for(lambda: _state(app, job_id).finished, 120), _state(app, job_id).status
    job = _state(app, job_id)
    assert job.status == PrintJobStatus.DONE, job.error
    assert (job.done, job.total) == (SEEKERS, SEEKERS)
    page = client.get(job_url, headers=ENGLISH)
    html = page.get_data(as_text=True)
    assert "Refresh" not in page.headers  # it has ended: the page stops reloading
    assert f"{SEEKERS} of {SEEKERS} route cards" in html
    download = client.get(f"{job_url}.pdf")
    assert download.status_code == 200 and download.mimetype == "application/pdf"
    assert download.headers["Content-Disposition"].startswith("attachment;")
    pages = PdfReader(_as_file(download.data, tmp_path)).pages
    assert len(pages) == 3  # nine A6 cards: two full sheets and one with a single card
    text = pdf_text(download.data, tmp_path)
    assert all(name in text for name in ids["names"]), text[:500]
    assert text.count("Kowalenko") >= SEEKERS


def _as_file(pdf: bytes, tmp_path: Path) -> Path:
    path = tmp_path / "pages.pdf"
    path.write_bytes(pdf)
    return path


def test_a_real_worker_joins_every_employers_match_list(
        app: Flask, client: FlaskClient, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
        queue_worker: None) -> None:
    monkeypatch.setitem(app.config, "PRINT_PROCESSES", 1)  # laid out in the worker itself
    ids = _fair(app, seekers=2)
    sign_in(client, ids["organiser"])
    response = post_form(client, f"/fairs/{ids['fair']}/print/batch",
                         {"document": "match_lists"}, headers=ENGLISH)
    job_id = int(response.headers["Location"].rsplit("/", 1)[1])
    assert wait_for(lambda: _state(app, job_id).finished, 120)
    assert _state(app, job_id).status == PrintJobStatus.DONE, _state(app, job_id).error
    text = pdf_text(client.get(f"/fairs/{ids['fair']}/print/batch/{job_id}.pdf").data, tmp_path)
    assert "Hotel Haus Ravensberg" in text and "Bäckerei Sonnenkorn" in text


def test_the_job_page_shows_each_state_and_reloads_only_while_running(
        app: Flask, client: FlaskClient) -> None:
    ids = _fair(app, seekers=1)
    fair = ids["fair"]
    sign_in(client, ids["organiser"])
    queued = _job(app, fair, total=200)
    running = _job(app, fair, status=PrintJobStatus.RUNNING, done=100, total=200)
    done = _job(app, fair, status=PrintJobStatus.DONE, done=200, total=200, pdf=b"%PDF-1.7 x",
                pdf_size=10)
    failed = _job(app, fair, kind=PrintJobKind.MATCH_LISTS, layout="",
                  status=PrintJobStatus.FAILED, done=1, total=2, error="OSError: disk full")

    page = client.get(f"/fairs/{fair}/print/batch/{queued}", headers=ENGLISH)
    assert page.status_code == 200 and page.headers["Refresh"] == "3"
    assert "Waiting to start" in page.get_data(as_text=True)

    page = client.get(f"/fairs/{fair}/print/batch/{running}", headers=ENGLISH)
    html = page.get_data(as_text=True)
    assert page.headers["Refresh"] == "3"
    assert re.search(r'<progress max="200" value="100"', html)
    assert 'aria-live="polite"' in html and "100 of 200 route cards" in html
    assert ".pdf" not in html.split("<main", 1)[1]  # no download yet
    stopped = client.get(f"/fairs/{fair}/print/batch/{running}?refresh=off", headers=ENGLISH)
    assert "Refresh" not in stopped.headers
    assert client.get(f"/fairs/{fair}/print/batch/{running}.pdf").status_code == 404

    page = client.get(f"/fairs/{fair}/print/batch/{done}", headers=ENGLISH)
    assert "Refresh" not in page.headers
    assert f"/fairs/{fair}/print/batch/{done}.pdf" in page.get_data(as_text=True)
    assert client.get(f"/fairs/{fair}/print/batch/{done}.pdf").data == b"%PDF-1.7 x"

    page = client.get(f"/fairs/{fair}/print/batch/{failed}", headers=ENGLISH)
    html = page.get_data(as_text=True)
    assert "Refresh" not in page.headers
    assert "The PDF could not be made" in html and "OSError: disk full" in html
    assert "Try again" in html
    # "try again" starts a new job of the same kind (no worker runs here: it stays queued)
    again = post_form(client, f"/fairs/{fair}/print/batch",
                      {"document": "match_lists"}, headers=ENGLISH)
    assert again.status_code == 302
    with app.app_context():
        newest = db.session.scalars(select(PrintJob).order_by(PrintJob.id.desc())).first()
        assert newest is not None and newest.id > failed
        assert (newest.kind, newest.status, newest.total) == (
            PrintJobKind.MATCH_LISTS, PrintJobStatus.QUEUED, 2)

    listing = client.get(f"/fairs/{fair}/print/batch", headers=ENGLISH).get_data(as_text=True)
    assert "100 of 200 route cards" in listing and "Failed" in listing


def test_try_again_on_the_failed_page_posts_to_the_start_form(
        app: Flask, client: FlaskClient) -> None:
    ids = _fair(app, seekers=1)
    sign_in(client, ids["organiser"])
    failed = _job(app, ids["fair"], status=PrintJobStatus.FAILED, total=1, error="x")
    html = client.get(f"/fairs/{ids['fair']}/print/batch/{failed}",
                      headers=ENGLISH).get_data(as_text=True)
    form = html[html.index('<form method="post"'):]
    assert f'action="/fairs/{ids["fair"]}/print/batch"' in form
    assert 'name="document" value="route_cards_a6"' in form


def test_nothing_to_print_is_refused_with_a_message(app: Flask, client: FlaskClient) -> None:
    ids = _fair(app, seekers=0)
    sign_in(client, ids["organiser"])
    response = post_form(client, f"/fairs/{ids['fair']}/print/batch",
                         {"document": "route_cards_a4"}, headers=ENGLISH)
    assert response.status_code == 200
    assert "nothing to print yet" in response.get_data(as_text=True)
    with app.app_context():
        assert db.session.scalars(select(PrintJob)).first() is None


def test_only_the_fairs_organisers_see_and_download_its_jobs(
        app: Flask, client: FlaskClient) -> None:
    ids = _fair(app, seekers=1)
    done = _job(app, ids["fair"], status=PrintJobStatus.DONE, done=1, total=1,
                pdf=b"%PDF-1.7 secret", pdf_size=15)
    other_job = _job(app, ids["other_fair"], status=PrintJobStatus.DONE, done=1, total=1,
                     pdf=b"%PDF-1.7 other", pdf_size=14)
    sign_in(client, ids["other_organiser"])
    for url in (f"/fairs/{ids['fair']}/print/batch",
                f"/fairs/{ids['fair']}/print/batch/{done}",
                f"/fairs/{ids['fair']}/print/batch/{done}.pdf"):
        assert client.get(url).status_code in (403, 404), url
    assert client.post(f"/fairs/{ids['fair']}/print/batch").status_code in (400, 403, 404)
    # the fair's own organiser cannot reach another fair's job through their fair's address
    sign_in(client, ids["organiser"])
    assert client.get(f"/fairs/{ids['fair']}/print/batch/{other_job}.pdf").status_code == 404
    assert client.get(f"/fairs/{ids['fair']}/print/batch/{other_job}").status_code == 404
    assert client.get(f"/fairs/{ids['fair']}/print/batch/{done}.pdf").data == b"%PDF-1.7 secret"
    anonymous = app.test_client()
    response = anonymous.get(f"/fairs/{ids['fair']}/print/batch/{done}.pdf")
    assert response.status_code in (302, 401) and b"secret" not in response.data


def test_a_separate_queue_worker_knows_the_print_task() -> None:
    # `huey_consumer jobsforyou.background.huey` imports only that module (and its package)
    out = subprocess.run(
        [sys.executable, "-c", "import jobsforyou.background as b; "
         "print(sorted(b.huey._registry._registry))"],
        check=True, capture_output=True, text=True, cwd=Path(__file__).resolve().parents[2],
    ).stdout
    assert "jobsforyou.printing.batch.run_print_job" in out


def test_a_failing_job_keeps_its_error_and_is_not_run_twice(
        app: Flask, monkeypatch: pytest.MonkeyPatch) -> None:
    ids = _fair(app, seekers=2)
    monkeypatch.setitem(app.config, "PRINT_PROCESSES", 1)

    def broken(html: str) -> bytes:
        raise OSError("no space left on device")

    monkeypatch.setattr(batch.services, "pdf_from_html", broken)
    job_id = _job(app, ids["fair"], total=2)
    with app.app_context():
        batch.make_job_pdf(job_id)
    job = _state(app, job_id)
    assert job.status == PrintJobStatus.FAILED and job.finished_at is not None
    assert job.error == "OSError: no space left on device"
    with app.app_context():
        batch.make_job_pdf(job_id)  # a message delivered again: the job is not queued any more
    assert _state(app, job_id).status == PrintJobStatus.FAILED


def test_a_seekers_deletion_takes_the_fairs_finished_pdfs_with_it(app: Flask) -> None:
    from jobsforyou.registration.models import Registration
    from jobsforyou.registration.services import delete_registration

    with app.app_context():
        fair, other = make_fair(), make_fair(title="#JobsForYou Andere")
        seeker = make_registration(fair, "Gelöscht", "Person")
        make_registration(other, "Bleibt", "Person")
        for held in (fair, other):
            db.session.add(PrintJob(fair_id=held.id, kind=PrintJobKind.ROUTE_CARDS, layout="a6",
                                    status=PrintJobStatus.DONE, done=1, total=1,
                                    pdf="%PDF-1.7 Gelöscht Person".encode(), pdf_size=25))
        db.session.commit()
        fair_id, other_id, seeker_id = fair.id, other.id, seeker.id
    with app.test_request_context():
        delete_registration(db.session.scalars(system(
            select(Registration).where(Registration.id == seeker_id))).one())
        db.session.commit()
        left = db.session.scalars(system(select(PrintJob.fair_id))).all()
    assert fair_id not in left and other_id in left  # the PDF printed the person; the other stays
