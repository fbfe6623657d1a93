"""The employer's own match list in their account: the page, and the list as CSV or XLSX."""

from __future__ import annotations

from flask import Blueprint, abort, render_template
from flask_babel import get_locale
from flask_login import current_user
from werkzeug.wrappers import Response

from jobsforyou import audit
from jobsforyou.accounts.access import roles_required
from jobsforyou.accounts.models import Role
from jobsforyou.employers.models import Employer
from jobsforyou.fairs.models import Fair
from jobsforyou.headers import attachment
from jobsforyou.imports.exporting import MIMETYPES
from jobsforyou.matchmaking.services import wished_occupations
from jobsforyou.printing import access, services
from jobsforyou.printing.exporting import match_list_export
from jobsforyou.printing.plan import PlannedPair, plan_fair

bp = Blueprint("employer_matches", __name__)


def _own_list(fair_id: int) -> tuple[Fair, Employer, list[PlannedPair]]:
    """The signed-in employer's fair and the pairs on their list (only consenting seekers)."""
    employer_id = current_user.employer_id
    try:
        fair = access.attended_fair(employer_id, fair_id)
        employer = access.attending_employer(fair, employer_id)
    except access.NotFound:
        abort(404)
    plan = plan_fair(fair, access.all_seekers(fair))
    return fair, employer, services.listed_pairs(plan, employer)


@bp.get("/employer/fairs/<int:fair_id>/candidates")
@roles_required(Role.EMPLOYER)
def own_candidates(fair_id: int) -> str:
    """The candidates the employer can expect at a fair where they hold a booth."""
    fair, employer, pairs = _own_list(fair_id)
    audit.record("match_list_viewed", fair=fair.id, employer=employer.id,
                 registrations=[pair.registration.id for pair in pairs])
    return render_template("printing/employer_candidates.html", fair=fair, employer=employer,
                           pairs=pairs, wished=wished_occupations, language=str(get_locale()))


@bp.get("/employer/fairs/<int:fair_id>/candidates.<any(csv, xlsx):kind>")
@roles_required(Role.EMPLOYER)
def own_candidates_export(fair_id: int, kind: str) -> Response:
    """The employer's match list for a fair as a formula-safe CSV or XLSX file."""
    fair, employer, pairs = _own_list(fair_id)
    audit.record("match_list_exported", fair=fair.id, employer=employer.id,
                 registrations=[pair.registration.id for pair in pairs], kind=kind)
    return attachment(match_list_export(pairs, kind), f"matches-{fair.id}.{kind}",
                      MIMETYPES[kind])
