"""Imports every feature's models so that the metadata (and Alembic) knows all tables."""

from jobsforyou.accounts.models import AccountToken, Role, TokenPurpose, User
from jobsforyou.booths.models import Booth, BoothAssignment, BoothRequest, BoothRequestStatus
from jobsforyou.checkin.models import FairDayCode
from jobsforyou.employers.models import Employer
from jobsforyou.fairs.models import Fair, FairStatus
from jobsforyou.followup import export as _invitation_export  # noqa: F401  (data export)
from jobsforyou.followup.models import FollowUpRequest, ReInvitation
from jobsforyou.imports.models import ApiToken, ImportUpload
from jobsforyou.outcomes import scopes as _outcome_scopes  # noqa: F401  (scope rule)
from jobsforyou.outcomes.models import FollowUpStatus, Outcome, OutcomeStatus
from jobsforyou.printing import export as _decision_export  # noqa: F401  (data export)
from jobsforyou.printing import scopes as _printing_scopes  # noqa: F401  (scope rule)
from jobsforyou.printing.models import (
    Decision,
    MatchDecision,
    PrintJob,
    PrintJobKind,
    PrintJobStatus,
)
from jobsforyou.regions.models import Municipality, Region
from jobsforyou.registration import scopes as _registration_scopes  # noqa: F401  (scope rule)
from jobsforyou.registration.models import (
    Consent,
    ConsentPurpose,
    PersonalLink,
    Registration,
    RegistrationStatus,
)
from jobsforyou.registration.retained import RetainedFigure
from jobsforyou.statistics import contributions as _statistics  # noqa: F401  (outcome counts)
from jobsforyou.talks import export as _talk_export  # noqa: F401  (data export)
from jobsforyou.talks.models import Talk, TalkSchedule, TalkStatus
from jobsforyou.vacancies.models import Vacancy, VacancyStatus

__all__ = [
    "ApiToken",
    "Booth",
    "BoothAssignment",
    "BoothRequest",
    "BoothRequestStatus",
    "ImportUpload",
    "AccountToken",
    "TokenPurpose",
    "Consent",
    "Employer",
    "FairDayCode",
    "ConsentPurpose",
    "Decision",
    "Fair",
    "FairStatus",
    "FollowUpRequest",
    "FollowUpStatus",
    "MatchDecision",
    "Municipality",
    "Outcome",
    "OutcomeStatus",
    "PersonalLink",
    "ReInvitation",
    "PrintJob",
    "PrintJobKind",
    "PrintJobStatus",
    "Region",
    "Registration",
    "RegistrationStatus",
    "RetainedFigure",
    "Role",
    "Talk",
    "TalkSchedule",
    "TalkStatus",
    "User",
    "Vacancy",
    "VacancyStatus",
]
