"""Demo fairs that have taken place: check-ins, talks at the booths and their outcomes, and a
few seekers whose data was deleted since — so that the statistics pages show figures at once."""

from __future__ import annotations

import datetime as dt
import random

from sqlalchemy import select

from jobsforyou.booths.models import Booth, BoothAssignment, BoothKind, BoothRequest
from jobsforyou.booths.models import BoothRequestStatus as RequestStatus
from jobsforyou.demo.seed import _municipality, new_demo_seeker, seeker_pools
from jobsforyou.employers.models import Employer
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair, FairStatus
from jobsforyou.outcomes.models import NO_VACANCY, Outcome, OutcomeStatus
from jobsforyou.registration.services import delete_registration
from jobsforyou.scoping import SYSTEM, scoped
from jobsforyou.vacancies.models import Vacancy

# title, municipality, venue, address, weeks ago, seekers, employers, interpreter languages
PAST_FAIRS = (
    ("#JobsForYou Georgsmarienhütte", "Georgsmarienhütte", "Rathaus Georgsmarienhütte",
     "Oeseder Straße 85, 49124 Georgsmarienhütte", 8, 160, 12, ["uk", "ar", "ru"]),
    ("#JobsForYou Bersenbrück", "Bersenbrück", "Stiftshof Bersenbrück",
     "Stiftshof 1, 49593 Bersenbrück", 20, 90, 8, ["ar", "fa", "tr"]),
)
FIRST_PAST_SEEKER = 1001  # numbers of the demo seekers of past fairs (ticket DEMO001001, …)
CHECKED_IN_SHARE = 0.72
TALK_SHARE = 0.6  # of the people who came, this many talked to an employer (some to two)
OUTCOME_WEIGHTS = (
    (OutcomeStatus.TALKED, 38), (OutcomeStatus.INTERVIEW_PLANNED, 20),
    (OutcomeStatus.TRIAL_DAY, 14), (OutcomeStatus.CONTRACT_OFFERED, 9),
    (OutcomeStatus.HIRED, 8), (OutcomeStatus.NOT_A_FIT, 11),
)
DELETED_AFTER_THE_FAIR = 25  # seekers of the oldest fair whose data is deleted (figures kept)


def seed_past_fairs(rng: random.Random, seed: int) -> int:
    """Create the past demo fairs with their seekers and outcomes unless they exist."""
    if db.session.scalar(select(Fair.id).where(Fair.title == PAST_FAIRS[0][0])):
        return 0
    employers = list(db.session.scalars(scoped(
        select(Employer).where(Employer.external_ref.like("demo-employer-%"))
        .order_by(Employer.external_ref), SYSTEM)))
    pools = seeker_pools()
    number = FIRST_PAST_SEEKER
    today = dt.date.today()
    made = 0
    for (title, town, venue, address, weeks, seekers, attending,
         interpreters) in PAST_FAIRS:
        date = today - dt.timedelta(weeks=weeks)
        fair = Fair(
            municipality_id=_municipality(town).id, title=title, venue=venue, address=address,
            date=date, starts_at=dt.time(10, 0), ends_at=dt.time(14, 0),
            registration_opens=dt.datetime.combine(date - dt.timedelta(weeks=6), dt.time(8, 0),
                                                   tzinfo=dt.UTC),
            registration_closes=dt.datetime.combine(date, dt.time(9, 0), tzinfo=dt.UTC),
            capacity=seekers + 40, status=FairStatus.HELD, interpreter_languages=interpreters,
            description="Arbeitgeber aus der Region stellten offene Stellen vor.",
        )
        db.session.add(fair)
        db.session.flush()
        present = _seed_booths(fair, rng.sample(employers, k=min(attending, len(employers))))
        registrations = []
        for _ in range(seekers):
            registration = new_demo_seeker(fair, number, rng, seed, pools)
            number += 1
            if rng.random() < CHECKED_IN_SHARE:
                registration.checked_in_at = dt.datetime.combine(
                    date, dt.time(10, rng.randint(0, 59)), tzinfo=dt.UTC)
            db.session.add(registration)
            registrations.append(registration)
        db.session.flush()
        _seed_outcomes(fair, registrations, present, rng)
        made += 1
    db.session.flush()
    _delete_some(PAST_FAIRS[-1][0], rng)
    return made


def _seed_booths(fair: Fair, employers: list[Employer]) -> list[Employer]:
    """A booth per employer, approved and assigned; returns the employers present."""
    for number, employer in enumerate(employers, start=1):
        booth = Booth(fair_id=fair.id, number=number, kind=BoothKind.STANDARD, size="3×2 m",
                      has_power=number % 3 == 0)
        request = BoothRequest(fair_id=fair.id, employer_id=employer.id,
                               status=RequestStatus.APPROVED, staff_count=2,
                               languages=list(employer.booth_languages))
        db.session.add_all([booth, request])
        db.session.flush()
        db.session.add(BoothAssignment(booth_id=booth.id, request_id=request.id))
    return employers


def _seed_outcomes(fair: Fair, registrations: list, employers: list[Employer],
                   rng: random.Random) -> None:
    """Talks of people who came with one or two employers, each with its current outcome."""
    statuses, weights = zip(*OUTCOME_WEIGHTS, strict=True)
    vacancies = {employer.id: list(db.session.scalars(scoped(
        select(Vacancy).where(Vacancy.employer_id == employer.id), SYSTEM)))
        for employer in employers}
    for registration in registrations:
        if registration.checked_in_at is None or rng.random() > TALK_SHARE:
            continue
        for employer in rng.sample(employers, k=rng.choice((1, 1, 2))):
            vacancy = rng.choice(vacancies[employer.id]) if vacancies[employer.id] else None
            moment = registration.checked_in_at + dt.timedelta(minutes=rng.randint(10, 200))
            db.session.add(Outcome(
                fair_id=fair.id, registration_id=registration.id, employer_id=employer.id,
                vacancy_id=vacancy.id if vacancy else None,
                vacancy_key=vacancy.id if vacancy else NO_VACANCY,
                status=rng.choices(statuses, weights)[0], recorded_at=moment, updated_at=moment,
            ))


def _delete_some(title: str, rng: random.Random) -> None:
    """Delete some seekers of a past fair as the retention would: their figures are kept."""
    from jobsforyou.registration.models import Registration

    fair_id = db.session.scalar(select(Fair.id).where(Fair.title == title))
    registrations = list(db.session.scalars(scoped(
        select(Registration).where(Registration.fair_id == fair_id).order_by(Registration.id),
        SYSTEM)))
    for registration in rng.sample(registrations, k=min(DELETED_AFTER_THE_FAIR,
                                                        len(registrations))):
        delete_registration(registration)
