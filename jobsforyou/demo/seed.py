"""Realistic demo data: the county, three fairs, 20 employers, 60 vacancies, 300 job seekers."""

from __future__ import annotations

import datetime as dt
import hashlib
import random
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from flask import current_app
from sqlalchemy import func, select

from jobsforyou.demo.companies import EMPLOYERS
from jobsforyou.demo.people import (
    FAMILY_NAMES,
    GIVEN_NAMES,
    OTHER_LANGUAGES,
    family_name_for,
)
from jobsforyou.employers.models import Employer
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair, FairStatus
from jobsforyou.i18n import LANGUAGE_CODES
from jobsforyou.links import external_url
from jobsforyou.regions.models import Municipality, Region
from jobsforyou.regions.services import sync_regions
from jobsforyou.registration.models import (
    Consent,
    ConsentPurpose,
    PersonalLink,
    Registration,
    RegistrationStatus,
)
from jobsforyou.registration.phones import normalize_phone
from jobsforyou.scoping import SYSTEM, scoped
from jobsforyou.security import token_digest
from jobsforyou.vacancies.models import Vacancy, VacancyStatus

DEMO_FAIRS = (
    # title, municipality, venue, address, weeks ahead, capacity, interpreter languages
    (
        "#JobsForYou Bramsche",
        "Bramsche",
        "Tuchmacher Museum, Veranstaltungshalle",
        "Mühlenort 6, 49565 Bramsche",
        3,
        500,
        ["uk", "ar", "fa"],
    ),
    (
        "#JobsForYou Melle",
        "Melle",
        "Forum Melle",
        "Mühlenstraße 39, 49324 Melle",
        7,
        300,
        ["uk", "ru", "ar", "tr"],
    ),
    (
        "#JobsForYou Quakenbrück",
        "Quakenbrück",
        "Artland-Arena",
        "Friedrichstraße 4, 49610 Quakenbrück",
        11,
        130,
        ["ar", "fa", "ku"],
    ),
)
SEEKERS_PER_FAIR = (150, 100, 50)
GERMAN_LEVEL_WEIGHTS = (
    ("none", 8),
    ("A1", 22),
    ("A2", 25),
    ("B1", 25),
    ("B2", 12),
    ("C1", 3),
    ("unknown", 5),
)
EMPLOYMENT_TYPES = ("full_time", "part_time", "mini_job", "apprenticeship", "internship")
# Where scripts/demo.sh serves the site (`flask run --host 127.0.0.1 --port 5000`).
DEMO_BASE_URL = "http://127.0.0.1:5000"


def demo_token(seed: int, number: int) -> str:
    """The personal-link token of demo job seeker `number` (1-based) generated with `seed`.

    Demo tokens are predictable BY DESIGN: anyone who knows the seed can compute them, so that
    `flask demo` can print an example personal link on every run, not only the first. They are
    for demo data only; real job seekers get random tokens from jobsforyou.security.new_token().
    """
    return "demo-" + hashlib.sha256(f"{seed}:{number}".encode()).hexdigest()[:32]


def seed_demo_data(seed: int = 2026) -> list[str]:
    """Create the demo data unless it exists; returns a short summary for the console."""
    rng = random.Random(seed)
    regions = sync_regions(current_app.config["REGION_DIRECTORY"])
    region = regions[0]
    fairs = _seed_fairs(region)
    employers, vacancies = _seed_employers_and_vacancies(region, rng)
    _seed_booths(fairs, rng)
    _seed_seekers(fairs, rng, seed)
    from jobsforyou.demo.past import PAST_FAIRS, seed_past_fairs  # uses the helpers below

    seed_past_fairs(rng, seed)
    summary = [
        f"Region {region.name}: {len(region.municipalities)} municipalities and towns",
        f"Fairs: {len(fairs)} ahead and {len(PAST_FAIRS)} held (with outcomes and statistics); "
        f"employers: {employers}; vacancies: {vacancies}",
        f"Job seekers: {db.session.scalar(scoped(select(func.count(Registration.id)), SYSTEM))}",
    ]
    summary.append(_example_link(seed))
    return summary


def _example_link(seed: int) -> str:
    """The first demo job seeker's personal page, whether or not the seekers were just created."""
    token = demo_token(seed, 1)
    known = db.session.scalar(
        scoped(
            select(func.count(PersonalLink.id))
            .join(Registration, Registration.id == PersonalLink.registration_id)
            .where(
                Registration.ticket_code == _ticket_code(1),
                PersonalLink.token_digest == token_digest(token),
            ),
            SYSTEM,
        )
    )
    if not known:
        return (
            "The demo job seekers were created with another --seed: run `flask demo` with that "
            "seed to see an example personal page."
        )
    # links.external_url builds on PUBLIC_BASE_URL; without it, on the address demo.sh serves.
    base_url = current_app.config.get("PUBLIC_BASE_URL") or DEMO_BASE_URL
    with current_app.test_request_context(base_url=base_url):
        link = external_url("personal.page", token=token)
    return f"Example personal page of a demo job seeker: {link}"


def _ticket_code(number: int) -> str:
    return f"DEMO{number:06d}"


def _municipality(name: str) -> Municipality:
    municipality = db.session.scalar(select(Municipality).where(Municipality.name == name))
    if municipality is None:
        raise LookupError(f"Municipality {name!r} is not in the region files.")
    return municipality


def _seed_fairs(region: Region) -> list[Fair]:
    today = dt.date.today()
    fairs = []
    for title, town, venue, address, weeks, capacity, interpreters in DEMO_FAIRS:
        fair = db.session.scalar(select(Fair).where(Fair.title == title))
        if fair is None:
            date = today + dt.timedelta(weeks=weeks)
            fair = Fair(
                municipality_id=_municipality(town).id,
                title=title,
                venue=venue,
                address=address,
                date=date,
                starts_at=dt.time(10, 0),
                ends_at=dt.time(14, 0),
                registration_opens=dt.datetime.now(dt.UTC) - dt.timedelta(days=7),
                registration_closes=dt.datetime.combine(date, dt.time(9, 0), tzinfo=dt.UTC),
                capacity=capacity,
                status=FairStatus.PUBLISHED,
                interpreter_languages=interpreters,
                description=(
                    "Arbeitgeber aus der Region stellen offene Stellen und Ausbildungsplätze vor. "
                    "Bringen Sie, wenn vorhanden, Lebenslauf und Zeugnisse mit."
                ),
                directions="Bushaltestelle in der Nähe; Parkplätze am Gebäude.",
            )
            db.session.add(fair)
        fairs.append(fair)
    db.session.flush()
    return fairs


def _seed_employers_and_vacancies(region: Region, rng: random.Random) -> tuple[int, int]:
    from matching.vocabulary import load_default_vocabulary

    vocabulary = load_default_vocabulary()
    vacancy_count = 0
    for number, (name, sector, town, languages, titles) in enumerate(EMPLOYERS, start=1):
        reference = f"demo-employer-{number:02d}"
        employer = db.session.scalar(
            scoped(select(Employer).where(Employer.external_ref == reference), SYSTEM)
        )
        municipality = _municipality(town)
        if employer is None:
            employer = Employer(
                region_id=region.id,
                external_ref=reference,
                name=name,
                sector=sector,
                municipality_id=municipality.id,
                postcode=municipality.postcodes[0],
                street=f"Industriestraße {number}",
                size=rng.choice(("1-9", "10-49", "50-249", "250+")),
                contact_name=rng.choice(
                    ("Frau Meyer", "Herr Schulte", "Frau Brinkmann", "Herr Kruse")
                ),
                contact_email=f"jobs{number}@example.org",
                booth_languages=list(languages),
            )
            db.session.add(employer)
            db.session.flush()
        for position, title in enumerate(titles, start=1):
            vacancy_count += 1
            vacancy_ref = f"demo-vacancy-{number:02d}-{position}"
            if db.session.scalar(
                scoped(select(Vacancy.id).where(Vacancy.external_ref == vacancy_ref), SYSTEM)
            ):
                continue
            resolved = vocabulary.resolve_occupation(title, "de", limit=1)
            db.session.add(
                Vacancy(
                    employer_id=employer.id,
                    external_ref=vacancy_ref,
                    title=title,
                    occupation_id=resolved[0][0].id if resolved and resolved[0][1] >= 0.5 else None,
                    description=f"{name} sucht Verstärkung. Einarbeitung im Team, "
                    "Quereinsteiger willkommen.",
                    german_level_min=rng.choice((None, "A1", "A2", "A2", "B1", "B2")),
                    languages_helpful=list(languages[1:]),
                    postcode=municipality.postcodes[0],
                    municipality_id=municipality.id,
                    employment_type="apprenticeship"
                    if "Ausbildung" in title
                    else "mini_job"
                    if "Minijob" in title
                    else rng.choice(("full_time", "part_time")),
                    start_date=dt.date.today() + dt.timedelta(days=rng.choice((14, 30, 60, 90))),
                    openings=rng.choice((1, 1, 2, 3)),
                    driving_licences_required=["CE"]
                    if "CE" in title
                    else ["B"]
                    if "Führerschein B" in title
                    else [],
                    career_changers_welcome=rng.random() < 0.5,
                    status=VacancyStatus.OPEN,
                )
            )
    db.session.flush()
    return len(EMPLOYERS), vacancy_count


BOOTHS_PER_FAIR = 25
EMPLOYERS_PER_FAIR = (16, 12, 10)


def _seed_booths(fairs: Sequence[Fair], rng: random.Random) -> None:
    """A booth plan per fair and approved booths for some of the employers (idempotent)."""
    from jobsforyou.booths.models import (
        Booth,
        BoothAssignment,
        BoothKind,
        BoothRequest,
        BoothRequestStatus,
    )

    employers = list(db.session.scalars(scoped(
        select(Employer).where(Employer.external_ref.like("demo-employer-%"))
        .order_by(Employer.external_ref), SYSTEM)))
    for fair, attending in zip(fairs, EMPLOYERS_PER_FAIR, strict=True):
        if db.session.scalar(scoped(select(func.count(Booth.id)).where(Booth.fair_id == fair.id),
                                    SYSTEM)):
            continue
        booths = [
            Booth(fair_id=fair.id, number=number,
                  kind=BoothKind.CORNER if number in (1, BOOTHS_PER_FAIR) else BoothKind.STANDARD,
                  size="3×2 m", has_power=number % 3 == 0)
            for number in range(1, BOOTHS_PER_FAIR + 1)
        ]
        db.session.add_all(booths)
        db.session.flush()
        for booth, employer in zip(booths, rng.sample(employers, k=attending), strict=False):
            request = BoothRequest(fair_id=fair.id, employer_id=employer.id,
                                   status=BoothRequestStatus.APPROVED, staff_count=2,
                                   languages=list(employer.booth_languages))
            db.session.add(request)
            db.session.flush()
            db.session.add(BoothAssignment(booth_id=booth.id, request_id=request.id))
    db.session.flush()


def _seed_seekers(fairs: Sequence[Fair], rng: random.Random, seed: int) -> None:
    """300 seekers in all shipped languages; the profile words come from the vocabulary."""
    if db.session.scalar(
        scoped(
            select(func.count(Registration.id)).where(Registration.ticket_code.like("DEMO%")),
            SYSTEM,
        )
    ):
        return
    pools = seeker_pools()
    number = 0
    for fair, count in zip(fairs, SEEKERS_PER_FAIR, strict=True):
        for _ in range(count):
            number += 1
            db.session.add(new_demo_seeker(fair, number, rng, seed, pools))
    db.session.flush()


@dataclass(frozen=True)
class SeekerPools:
    """What demo profiles are drawn from: occupations, skills, home towns, German levels."""

    occupations: list[Any]
    skills: list[Any]
    municipalities: list[Municipality]
    levels: tuple[str, ...]
    weights: tuple[int, ...]


def seeker_pools() -> SeekerPools:
    """The vocabulary's helper and skilled occupations, its skills and the region's towns."""
    from matching.vocabulary import load_default_vocabulary

    vocabulary = load_default_vocabulary()
    levels, weights = zip(*GERMAN_LEVEL_WEIGHTS, strict=True)
    return SeekerPools(
        occupations=[o for o in vocabulary.occupations if o.level in ("helper", "skilled")],
        skills=[s for s in vocabulary.skills if s.kind in ("skill", "tool", "software")],
        municipalities=list(db.session.scalars(select(Municipality))),
        levels=levels, weights=weights,
    )


def new_demo_seeker(fair: Fair, number: int, rng: random.Random, seed: int,
                    pools: SeekerPools) -> Registration:
    """Demo job seeker `number` (confirmed, with consents) for a fair; not yet added."""
    occupations, skills, municipalities = pools.occupations, pools.skills, pools.municipalities
    levels, weights = pools.levels, pools.weights
    language = LANGUAGE_CODES[number % len(LANGUAGE_CODES)]
    token = demo_token(seed, number)  # predictable by design: demo data only
    wanted = rng.sample(occupations, k=rng.choice((1, 1, 2)))
    past = rng.choice(occupations)
    home = rng.choice(municipalities)
    phone = f"01{rng.randint(50, 79)} {rng.randint(1000000, 9999999)}"
    given_name = rng.choice(GIVEN_NAMES[language])
    family_name = family_name_for(language, given_name, rng.choice(FAMILY_NAMES[language]))
    registration = Registration(
        fair_id=fair.id,
        status=RegistrationStatus.CONFIRMED,
        links=[PersonalLink(token_digest=token_digest(token))],
        ticket_code=_ticket_code(number),
        language=language,
        given_name=given_name,
        family_name=family_name,
        phone=phone,
        phone_normalized=normalize_phone(phone),
        municipality_id=home.id,
        german_level=rng.choices(levels, weights)[0],
        languages=[language] + rng.sample(OTHER_LANGUAGES[language], k=1)
        if language != "de"
        else list(rng.sample(OTHER_LANGUAGES["de"], k=1)),
        desired_occupations=[rng.choice(o.names[language]) for o in wanted],
        experience=[
            {"occupation": rng.choice(past.names[language]), "years": rng.randint(1, 15)}
        ],
        skills=[rng.choice(s.names[language]) for s in rng.sample(skills, k=3)],
        qualifications=[],
        driving_licences=rng.choice(([], ["B"], ["B"], ["B", "C", "CE"])),
        employment_types=rng.sample(EMPLOYMENT_TYPES[:3], k=rng.choice((1, 2))),
        available_from=None,
        max_commute_km=rng.choice((None, 10, 25, 40)),
        interpreter_language=language
        if language in fair.interpreter_languages and rng.random() < 0.4
        else None,
        needs_childcare=rng.random() < 0.1,
    )
    consents = [ConsentPurpose.PROCESSING]
    if rng.random() < 0.7:
        consents.append(ConsentPurpose.SHARE_WITH_EMPLOYERS)
    if rng.random() < 0.4:
        consents.append(ConsentPurpose.KEEP_FOR_LATER_FAIRS)
    for purpose in consents:
        registration.consents.append(
            Consent(
                purpose=purpose,
                text_version=current_app.config["CONSENT_TEXT_VERSION"],
                language=language,
            )
        )
    return registration
