"""PDF downloads: match lists, route cards and the check-in list (thin views over services)."""

from __future__ import annotations

from collections.abc import Callable

from flask import Blueprint, Response, abort, flash, redirect, render_template, request, url_for
from flask_babel import format_decimal, get_locale
from flask_babel import gettext as _
from flask_login import current_user

from jobsforyou import audit
from jobsforyou.accounts.access import roles_required
from jobsforyou.accounts.models import Role
from jobsforyou.booths.attendance import attending_employers
from jobsforyou.employers.models import Employer
from jobsforyou.fairs.models import Fair
from jobsforyou.headers import attachment
from jobsforyou.printing import access, batch, services
from jobsforyou.printing.forms import BATCH_CHOICES, BatchForm, PinSeekerForm
from jobsforyou.printing.models import PrintJob
from jobsforyou.printing.plan import plan_fair
from jobsforyou.registration.models import Registration
from jobsforyou.scoping import scope_for
from jobsforyou.talks.services import talk_times

bp = Blueprint("printing", __name__)

REFRESH_SECONDS = 3  # the job page reloads itself this often while the job runs


def _download(pdf: bytes, filename: str) -> Response:
    return attachment(pdf, filename, "application/pdf")


def _layout() -> str:
    layout = request.args.get("layout", "a6")
    return layout if layout in services.CARD_LAYOUTS else "a6"


def _organiser_fair(fair_id: int) -> Fair:
    try:
        return access.fair_in_scope(scope_for(current_user), fair_id)
    except access.NotFound:
        abort(404)


def _employer_list(fair: Fair, employer: Employer) -> bytes:
    plan = plan_fair(fair, access.all_seekers(fair))
    listed = [pair.registration.id for pair in services.listed_pairs(plan, employer)]
    audit.record("match_list_printed", fair=fair.id, employer=employer.id, registrations=listed)
    return services.employer_list_pdf(plan, employer, talk_times(fair))


@bp.get("/fairs/<int:fair_id>/print/employers/<int:employer_id>.pdf")
@roles_required(Role.ORGANISER)
def employer_list(fair_id: int, employer_id: int) -> Response:
    """An employer's match list, for the fair's organisers."""
    fair = _organiser_fair(fair_id)
    try:
        employer = access.attending_employer(fair, employer_id)
    except access.NotFound:
        abort(404)
    pdf = _employer_list(fair, employer)
    return _download(pdf, f"matches-{fair.id}-{employer.id}.pdf")


@bp.get("/employer/fairs/<int:fair_id>/match-list.pdf")
@roles_required(Role.EMPLOYER)
def own_employer_list(fair_id: int) -> Response:
    """The signed-in employer's own match list for a fair they attend."""
    employer_id = current_user.employer_id
    try:
        fair = access.attended_fair(employer_id, fair_id)
        employer = access.attending_employer(fair, employer_id)
    except access.NotFound:
        abort(404)
    pdf = _employer_list(fair, employer)
    return _download(pdf, f"matches-{fair.id}.pdf")


@bp.get("/fairs/<int:fair_id>/print/route-cards.pdf")
@roles_required(Role.ORGANISER)
def all_route_cards(fair_id: int) -> Response:
    """All route cards of a fair as one PDF."""
    fair = _organiser_fair(fair_id)
    seekers = access.all_seekers(fair)
    if not seekers:
        abort(404)
    pdf = services.route_cards_pdf(plan_fair(fair, seekers), seekers, _layout(),
                                   talk_times(fair))
    audit.record("route_cards_printed", fair=fair.id, registrations=[s.id for s in seekers])
    return _download(pdf, f"route-cards-{fair.id}.pdf")


@bp.get("/fairs/<int:fair_id>/print/registrations/<int:registration_id>/route-card.pdf")
@roles_required(Role.ORGANISER)
def route_card(fair_id: int, registration_id: int) -> Response:
    """One seeker's route card, for the organisers."""
    fair = _organiser_fair(fair_id)
    try:
        seeker = access.seeker_of(fair, scope_for(current_user), registration_id)
    except access.NotFound:
        abort(404)
    pdf = services.route_cards_pdf(plan_fair(fair, access.all_seekers(fair)), [seeker],
                                   _layout(), talk_times(fair))
    audit.record("route_card_printed", fair=fair.id, registration=seeker.id)
    return _download(pdf, f"route-card-{seeker.ticket_code}.pdf")


@bp.get("/r/<token>/route-card.pdf")
def own_route_card(token: str) -> Response:
    """The seeker's own route card, behind their personal link."""
    try:
        seeker = access.own_seeker(token)
    except access.NotFound:
        abort(404)
    pdf = services.route_cards_pdf(plan_fair(seeker.fair, access.all_seekers(seeker.fair)),
                                   [seeker], _layout(), talk_times(seeker.fair))
    return _download(pdf, f"route-card-{seeker.ticket_code}.pdf")


def _seekers_document(fair_id: int, render: Callable[[Fair, list[Registration]], bytes],
                      event: str, filename: str) -> Response:
    """A PDF about every confirmed seeker of an organiser's fair, audited with whom it prints."""
    fair = _organiser_fair(fair_id)
    seekers = access.all_seekers(fair)
    pdf = render(fair, seekers)
    audit.record(event, fair=fair.id, registrations=[s.id for s in seekers])
    return _download(pdf, f"{filename}-{fair.id}.pdf")


@bp.get("/fairs/<int:fair_id>/print/check-in.pdf")
@roles_required(Role.ORGANISER)
def checkin_list(fair_id: int) -> Response:
    """The fair's check-in list, alphabetical with ticket codes."""
    return _seekers_document(fair_id, services.checkin_list_pdf, "check_in_list_printed",
                             "check-in")


@bp.get("/fairs/<int:fair_id>/print/badges.pdf")
@roles_required(Role.ORGANISER)
def badges(fair_id: int) -> Response:
    """Name tags with the ticket's QR code for every confirmed seeker of the fair."""
    return _seekers_document(fair_id, services.badges_pdf, "badges_printed", "name-tags")


@bp.get("/fairs/<int:fair_id>/print/booths.pdf")
@roles_required(Role.ORGANISER)
def booth_overview(fair_id: int) -> Response:
    """The fair's booths: employers, their vacancies and the languages spoken at each booth."""
    fair = _organiser_fair(fair_id)
    return _download(services.booth_overview_pdf(fair), f"booths-{fair.id}.pdf")


def overview_page(fair: Fair, pin_form: PinSeekerForm | None = None) -> str:
    """The match overview of a fair (with the form to pin a seeker, as posted if it failed)."""
    seekers = access.all_seekers(fair)
    plan = plan_fair(fair, seekers)
    employers = attending_employers(fair)
    if pin_form is None:
        pin_form = PinSeekerForm(formdata=None)
    pin_form.set_choices(employers, seekers)
    audit.record("match_overview_viewed", fair=fair.id)
    times = talk_times(fair)
    return render_template("printing/overview.html", fair=fair, plan=plan, seekers=seekers,
                           employers=employers, pin_form=pin_form, language=str(get_locale()),
                           shares_contact=services.may_share_contact,
                           talk_time=lambda pair: services.talk_time(pair, times),
                           in_talk_order=lambda pairs: services.in_talk_order(pairs, times))


@bp.get("/fairs/<int:fair_id>/matches")
@roles_required(Role.ORGANISER)
def overview(fair_id: int) -> str:
    """The fair's match overview: per employer the candidates, per seeker the booths."""
    return overview_page(_organiser_fair(fair_id))


def _batch_page(fair: Fair, form: BatchForm) -> str:
    return render_template("printing/batch.html", fair=fair, form=form,
                           jobs=batch.recent_jobs(fair))


@bp.get("/fairs/<int:fair_id>/print/batch")
@roles_required(Role.ORGANISER)
def batch_jobs(fair_id: int) -> str:
    """Start a batch PDF of the fair (all route cards or all match lists); the latest jobs."""
    fair = _organiser_fair(fair_id)
    return _batch_page(fair, BatchForm())


@bp.post("/fairs/<int:fair_id>/print/batch")
@roles_required(Role.ORGANISER)
def start_batch_job(fair_id: int) -> Response | str:
    """Queue a batch job and show its page."""
    fair = _organiser_fair(fair_id)
    form = BatchForm()
    if not form.validate_on_submit():
        return _batch_page(fair, form)
    kind, layout = form.values()
    try:
        job = batch.start_job(fair, kind, layout, current_user.id)
    except batch.NothingToPrint:
        flash(_("There is nothing to print yet: the fair has no confirmed seekers or no "
                "employers with a booth."), "error")
        return _batch_page(fair, form)
    audit.record("print_job_started", fair=fair.id, job=job.id, kind=kind.value)
    return redirect(url_for("printing.batch_job", fair_id=fair.id, job_id=job.id))


@bp.get("/fairs/<int:fair_id>/print/batch/<int:job_id>")
@roles_required(Role.ORGANISER)
def batch_job(fair_id: int, job_id: int) -> Response:
    """A job's progress; the page reloads itself (no script needed) until the job has ended."""
    fair = _organiser_fair(fair_id)
    try:
        job = batch.job_of(fair, job_id)
    except access.NotFound:
        abort(404)
    refreshing = not job.finished and request.args.get("refresh") != "off"
    response = Response(render_template("printing/batch_job.html", fair=fair, job=job,
                                        form=BatchForm(document=_choice_of(job)),
                                        refreshing=refreshing,
                                        size_mb=format_decimal(job.pdf_size / 1_000_000,
                                                               format="#,##0.0"),
                                        refresh_seconds=REFRESH_SECONDS))
    if refreshing:
        response.headers["Refresh"] = str(REFRESH_SECONDS)
    return response


def _choice_of(job: PrintJob) -> str:
    """The form's choice that makes the same job again ("try again")."""
    return next((choice for choice, values in BATCH_CHOICES.items()
                 if values == (job.kind, job.layout)), "route_cards_a6")


@bp.get("/fairs/<int:fair_id>/print/batch/<int:job_id>.pdf")
@roles_required(Role.ORGANISER)
def batch_download(fair_id: int, job_id: int) -> Response:
    """The finished PDF of a batch job."""
    fair = _organiser_fair(fair_id)
    try:
        job = batch.job_of(fair, job_id)
        pdf = batch.finished_pdf(fair, job_id)
    except access.NotFound:
        abort(404)
    audit.record("print_job_downloaded", fair=fair.id, job=job.id, kind=job.kind.value)
    return _download(pdf, batch.filename_of(job))
