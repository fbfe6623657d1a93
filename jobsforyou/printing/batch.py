"""Batch PDFs of a fair (all route cards, all match lists), made by the task queue in chunks.

Starting a job adds a PrintJob row and hands its id to the queue once the request has committed.
The worker renders the documents piece by piece (CHUNK_SIZE route cards, or one employer's list),
writes the progress after each piece in a transaction of its own (so that the job page sees it
while the job's session keeps its loaded seekers), joins the pieces into one PDF with pypdf and
stores it on the job. A failure is kept on the job with its error text; the organiser starts a
new job to try again.
"""

from __future__ import annotations

import io
import multiprocessing
from collections.abc import Callable, Iterable
from concurrent.futures import ProcessPoolExecutor
from typing import Any

from flask import current_app
from pypdf import PdfReader, PdfWriter
from sqlalchemy import select, update
from sqlalchemy.orm import Session, defer

from jobsforyou import background, transactions
from jobsforyou.booths.attendance import attending_employers
from jobsforyou.database import utcnow
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.printing import services
from jobsforyou.printing.access import NotFound, all_seekers
from jobsforyou.printing.models import PrintJob, PrintJobKind, PrintJobStatus
from jobsforyou.printing.plan import FairPlan, plan_fair
from jobsforyou.registration.models import Registration

# Route cards per rendered piece: a multiple of four, so that every A6 sheet but the last is full.
# Each piece pays for its own fonts and subsetting (about half a second): 200 cards made 2,000 in
# ten pieces, five per process, measurably faster than 100 and still ten progress steps.
CHUNK_SIZE = 200
RECENT_JOBS = 10
ERROR_LENGTH = 2000


class NothingToPrint(ValueError):
    """The fair has no confirmed seeker (route cards) or no attending employer (match lists)."""


def start_job(fair: Fair, kind: PrintJobKind, layout: str, requested_by_id: int | None
              ) -> PrintJob:
    """Add a queued job for the fair; the queue gets it once the transaction is committed."""
    if kind == PrintJobKind.ROUTE_CARDS:
        layout = layout if layout in services.CARD_LAYOUTS else "a6"
        total = len(all_seekers(fair))
    else:
        layout = ""
        total = len(attending_employers(fair))
    if total == 0:
        raise NothingToPrint(kind)
    job = PrintJob(fair_id=fair.id, kind=kind, layout=layout, requested_by_id=requested_by_id,
                   status=PrintJobStatus.QUEUED, done=0, total=total)
    db.session.add(job)
    db.session.flush()
    transactions.after_commit(run_print_job, job.id)
    return job


def recent_jobs(fair: Fair) -> list[PrintJob]:
    """The fair's latest jobs, newest first (without their files)."""
    return list(db.session.scalars(
        select(PrintJob).where(PrintJob.fair_id == fair.id)
        .order_by(PrintJob.created_at.desc(), PrintJob.id.desc()).limit(RECENT_JOBS)
    ))


def job_of(fair: Fair, job_id: int) -> PrintJob:
    """One job of the fair (the fair was checked against the reader's scope)."""
    job = db.session.scalar(select(PrintJob).where(PrintJob.id == job_id,
                                                   PrintJob.fair_id == fair.id))
    if job is None:
        raise NotFound(job_id)
    return job


def finished_pdf(fair: Fair, job_id: int) -> bytes:
    """The finished PDF of one of the fair's jobs."""
    job = job_of(fair, job_id)
    if job.status != PrintJobStatus.DONE or job.pdf is None:
        raise NotFound(job_id)
    return job.pdf


def filename_of(job: PrintJob) -> str:
    """The download's file name, e.g. route-cards-a6-3-17.pdf."""
    if job.kind == PrintJobKind.ROUTE_CARDS:
        return f"route-cards-{job.layout}-{job.fair_id}-{job.id}.pdf"
    return f"match-lists-{job.fair_id}-{job.id}.pdf"


def _save_progress(job_id: int, *conditions: Any, **values: Any) -> bool:
    """Write the job's state in a short transaction of its own (the job's session only reads);
    False when no row matched (the job is gone, or the conditions did not hold)."""
    with Session(db.engine) as session:
        result = session.execute(update(PrintJob).where(PrintJob.id == job_id, *conditions)
                                 .values(**values))
        session.commit()
        return bool(result.rowcount)  # type: ignore[attr-defined]


def render_pieces(htmls: Iterable[str], processes: int,
                  progress: Callable[[int], None] = lambda done: None) -> list[bytes]:
    """Lay out each HTML document as a PDF piece, in `processes` worker processes (spawned:
    the queue worker has threads, which a fork would copy half-way), in order; `progress`
    gets the number of finished pieces after each one. Each document is handed to the
    workers as soon as it is made, so that the next one is made while they lay out."""
    pieces: list[bytes] = []
    if processes <= 1:
        for html in htmls:
            pieces.append(services.pdf_from_html(html))
            progress(len(pieces))
        return pieces
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(max_workers=processes, mp_context=context) as pool:
        futures = [pool.submit(services.pdf_from_html, html) for html in htmls]
        for future in futures:
            pieces.append(future.result())
            progress(len(pieces))
    return pieces


def route_cards_in_pieces(plan: FairPlan, registrations: list[Registration], layout: str,
                          processes: int, progress: Callable[[int], None] = lambda done: None
                          ) -> bytes:
    """All route cards as one PDF, laid out CHUNK_SIZE cards at a time (in parallel where there
    are several processes) and joined; `progress` gets the number of cards done."""
    chunks = [registrations[start:start + CHUNK_SIZE]
              for start in range(0, len(registrations), CHUNK_SIZE)]
    htmls = (services.route_cards_html(plan, chunk, layout) for chunk in chunks)
    return join_pdfs(render_pieces(
        htmls, min(processes, len(chunks)),
        lambda pieces: progress(sum(len(chunk) for chunk in chunks[:pieces]))))


def join_pdfs(pieces: list[bytes]) -> bytes:
    """The pieces as one PDF, page after page."""
    writer = PdfWriter()
    for piece in pieces:
        writer.append(PdfReader(io.BytesIO(piece)))
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _route_cards(job: PrintJob, fair: Fair, processes: int) -> tuple[bytes, int]:
    seekers = all_seekers(fair)
    if not seekers:
        raise NothingToPrint(job.kind)
    plan = plan_fair(fair, seekers)
    _save_progress(job.id, total=len(seekers))
    pdf = route_cards_in_pieces(plan, seekers, job.layout or "a6", processes,
                                lambda done: _save_progress(job.id, done=done))
    return pdf, len(seekers)


def _match_lists(job: PrintJob, fair: Fair, processes: int) -> tuple[bytes, int]:
    employers = attending_employers(fair)
    if not employers:
        raise NothingToPrint(job.kind)
    plan = plan_fair(fair, all_seekers(fair))
    _save_progress(job.id, total=len(employers))
    htmls = (services.employer_list_html(plan, employer) for employer in employers)
    pieces = render_pieces(htmls, min(processes, len(employers)),
                           lambda done: _save_progress(job.id, done=done))
    return join_pdfs(pieces), len(employers)


def make_job_pdf(job_id: int) -> None:
    """Render a queued job's documents, join them and store the PDF on the job (or its error)."""
    job = db.session.scalar(select(PrintJob).options(defer(PrintJob.pdf))
                            .where(PrintJob.id == job_id))
    if job is None or not _save_progress(job_id, PrintJob.status == PrintJobStatus.QUEUED,
                                         status=PrintJobStatus.RUNNING, started_at=utcnow()):
        return  # removed with its fair, or taken already (a message delivered twice)
    try:
        fair = db.session.get(Fair, job.fair_id)
        if fair is None:
            raise NotFound(job.fair_id)
        make = _route_cards if job.kind == PrintJobKind.ROUTE_CARDS else _match_lists
        # the documents' templates use the app's context processors, which read the request
        with current_app.test_request_context("/"):
            pdf, count = make(job, fair, int(current_app.config["PRINT_PROCESSES"]))
    except Exception as error:
        transactions.rollback()
        current_app.logger.exception("Print job %s failed", job_id)
        _save_progress(job_id, status=PrintJobStatus.FAILED, finished_at=utcnow(),
                       error=f"{type(error).__name__}: {error}"[:ERROR_LENGTH])
        return
    _save_progress(job_id, status=PrintJobStatus.DONE, finished_at=utcnow(), pdf=pdf,
                   pdf_size=len(pdf), done=count, total=count)


@background.task()
def run_print_job(job_id: int) -> None:
    """The queue's task for one print job (see make_job_pdf)."""
    make_job_pdf(job_id)
