"""Time printing for a generated fair: one employer's match list and all route cards as one PDF.

Usage: python benchmarks/print_fair.py [--seekers N] [--processes P]
(a temporary SQLite database; 30 employers). The cards are made as the batch job makes them
(jobsforyou/printing/batch.py: pieces of CHUNK_SIZE cards in P processes, default the app's
PRINT_PROCESSES, joined into one PDF). The matcher's vocabulary is loaded before the clock starts,
as in a running server (it is loaded once per process). The last line is
`route_cards=N cards_seconds=S list_seconds=S`.
"""

from __future__ import annotations

import argparse
import os
import random
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

EMPLOYERS = 30
JOBS = (("Koch/Köchin (m/w/d)", "кухар"), ("Küchenhilfe (m/w/d)", "помічник кухаря"),
        ("Schweißer (m/w/d)", "зварювальник"), ("Lagerhelfer (m/w/d)", "складський працівник"),
        ("Pflegehelfer (m/w/d)", "доглядальниця"), ("Berufskraftfahrer (m/w/d)", "водій"))
ARABIC_WORDS = ("طباخ", "سائق", "عامل مستودع", "لحام")
NAMES = (("Олена", "Коваленко", "uk"), ("سمير", "الحسن", "ar"), ("Ahmad", "Rahimi", "fa"),
         ("Iryna", "Petrenko", "ru"), ("Dilan", "Kaya", "ku"))


def build(seekers: int) -> tuple[object, int, int]:
    """A fair with EMPLOYERS employers (booths, two vacancies each) and `seekers` seekers."""
    import datetime as dt

    from jobsforyou.extensions import db
    from jobsforyou.registration.models import ConsentPurpose
    from jobsforyou.registration.profile import SeekerProfile
    from jobsforyou.registration.services import register_seeker
    from tests.factories import make_attending, make_employer, make_fair, make_vacancy

    rng = random.Random(7)
    fair = make_fair(capacity=seekers + 10)
    employer_ids = []
    for number in range(1, EMPLOYERS + 1):
        employer = make_employer(f"Arbeitgeber {number:02d} GmbH")
        make_attending(fair, employer, booth_number=number)
        for title, _ in rng.sample(JOBS, 2):
            make_vacancy(employer, title, occupation_id=None, required_skills=[],
                         german_level_min="A2", openings=rng.randint(1, 3))
        employer_ids.append(employer.id)
    consents = {ConsentPurpose.PROCESSING, ConsentPurpose.SHARE_WITH_EMPLOYERS}
    now = dt.datetime.now(dt.UTC)
    for number in range(seekers):
        given, family, language = NAMES[number % len(NAMES)]
        words = rng.choice(ARABIC_WORDS) if language == "ar" else rng.choice(JOBS)[1]
        profile = SeekerProfile(given_name=given, family_name=f"{family} {number}",
                                desired_occupations=(words,), phone=f"0176 {number:07d}",
                                german_level=rng.choice(("A1", "A2", "B1")))
        # through the registration service, as the form does; committed in batches (one commit
        # per seeker was most of the set-up time)
        register_seeker(fair, profile, consents, language, "benchmark", now)
        if number % 500 == 499:
            db.session.commit()
    db.session.commit()
    return fair, employer_ids[0], seekers


def main() -> None:
    """Generate the fair, time the PDFs, print the figures."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seekers", type=int, default=2000)
    parser.add_argument("--processes", type=int, default=None,
                        help="worker processes for the cards (default: PRINT_PROCESSES)")
    args = parser.parse_args()
    directory = tempfile.mkdtemp(prefix="print-fair-")
    os.environ.setdefault("FLASK_DEBUG", "0")
    from jobsforyou import create_app
    from jobsforyou.employers.models import Employer
    from jobsforyou.extensions import db
    from jobsforyou.matchmaking.engine import get_matcher
    from jobsforyou.printing import batch, services
    from jobsforyou.printing.access import all_seekers
    from jobsforyou.printing.plan import plan_fair
    from jobsforyou.regions.services import sync_regions
    from tests.conftest import temporary_database

    with temporary_database(Path(directory)) as url:
        app = create_app({"TESTING": True, "SECRET_KEY": "benchmark-secret-key-of-32-chars!",
                          "SQLALCHEMY_DATABASE_URI": url, "SERVER_NAME": "localhost",
                          "MAIL_BACKEND": "outbox", "RATELIMIT_STORAGE_URI": "memory://"})
        with app.app_context(), app.test_request_context():
            db.create_all()
            sync_regions(app.config["REGION_DIRECTORY"])
            db.session.commit()
            started = time.perf_counter()
            fair, employer_id, _ = build(args.seekers)
            print(f"set-up seconds={time.perf_counter() - started:.1f}")
            get_matcher()
            processes = args.processes or int(app.config["PRINT_PROCESSES"])
            started = time.perf_counter()
            seekers = all_seekers(fair)
            plan = plan_fair(fair, seekers)
            list_pdf = services.employer_list_pdf(plan, db.session.get(Employer, employer_id))
            list_seconds = time.perf_counter() - started
            started = time.perf_counter()
            cards_pdf = batch.route_cards_in_pieces(plan_fair(fair, seekers), seekers, "a6",
                                                    processes)
            cards_seconds = time.perf_counter() - started
            print(f"list bytes={len(list_pdf)} cards bytes={len(cards_pdf)} "
                  f"processes={processes}")
    print(f"route_cards={len(seekers)} cards_seconds={cards_seconds:.1f} "
          f"list_seconds={list_seconds:.1f}")


if __name__ == "__main__":
    main()
