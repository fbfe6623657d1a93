"""Imports every feature's models so that the metadata (and Alembic) knows all tables."""

from jobsforyou.accounts.models import AccountToken, Role, TokenPurpose, User
from jobsforyou.booths.models import Booth, BoothAssignment, BoothRequest, BoothRequestStatus
from jobsforyou.checkin.models import FairDayCode
from jobsforyou.employers.models import Employer
from jobsforyou.fairs.models import Fair, FairStatus
from jobsforyou.imports.models import ApiToken, ImportUpload
from jobsforyou.outcomes import scopes as _outcome_scopes  # noqa: F401  (scope rule)
from jobsforyou.outcomes.models import Outcome, OutcomeStatus
from jobsforyou.printing.models import PrintJob, PrintJobKind, PrintJobStatus
from jobsforyou.regions.models import Municipality, Region
from jobsforyou.registration import scopes as _registration_scopes  # noqa: F401  (scope rule)
from jobsforyou.registration.models import (
    Consent,
    ConsentPurpose,
    PersonalLink,
    Registration,
    RegistrationStatus,
)
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
    "Fair",
    "FairStatus",
    "Municipality",
    "Outcome",
    "OutcomeStatus",
    "PersonalLink",
    "PrintJob",
    "PrintJobKind",
    "PrintJobStatus",
    "Region",
    "Registration",
    "RegistrationStatus",
    "Role",
    "User",
    "Vacancy",
    "VacancyStatus",
]
