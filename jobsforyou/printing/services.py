"""PDF building: pure functions from models to PDF bytes (a worker may call them later)."""

from __future__ import annotations

import base64
import datetime as dt
import io
from collections.abc import Mapping
from pathlib import Path

import weasyprint
from flask import render_template
from flask_babel import force_locale
from markupsafe import Markup

from jobsforyou.employers.models import Employer
from jobsforyou.fairs.models import Fair
from jobsforyou.i18n import LANGUAGES
from jobsforyou.matchmaking.services import wished_occupations
from jobsforyou.printing.plan import FairPlan, PlannedPair
from jobsforyou.registration.models import ConsentPurpose, Registration
from jobsforyou.registration.tickets import ticket_qr_code
from jobsforyou.times import as_utc

STYLESHEET = Path(__file__).resolve().parent.parent / "static" / "css" / "printed.css"
RIGHT_TO_LEFT = frozenset(language.code for language in LANGUAGES if language.direction == "rtl")
PRINT_LANGUAGE = "de"  # employers' lists and the check-in list are in German
CARD_LAYOUTS = ("a6", "a4")
# (registration id, employer id) -> the start of their scheduled talk (UTC)
TalkTimes = Mapping[tuple[int, int], dt.datetime]
_NO_TALK = dt.datetime.max.replace(tzinfo=dt.UTC)


def direction(language: str) -> str:
    """The writing direction of a language ('rtl' or 'ltr')."""
    return "rtl" if language in RIGHT_TO_LEFT else "ltr"


def _pdf(html: str) -> bytes:
    stylesheet = weasyprint.CSS(filename=str(STYLESHEET))
    return weasyprint.HTML(string=html, base_url=str(STYLESHEET.parent)).write_pdf(
        stylesheets=[stylesheet]
    )


def ticket_qr_data_uri(registration: Registration) -> str:
    """The ticket QR as an SVG data URI (same content as the ticket page's QR)."""
    buffer = io.BytesIO()
    ticket_qr_code(registration.ticket_code).save(
        buffer, kind="svg", scale=4, border=2, xmldecl=False
    )
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def may_share_contact(registration: Registration) -> bool:
    """Whether the seeker agreed that employers may see their profile and contact data."""
    return registration.has_consent(ConsentPurpose.SHARE_WITH_EMPLOYERS)


def listed_pairs(plan: FairPlan, employer: Employer) -> list[PlannedPair]:
    """The pairs on an employer's list: only seekers who agreed to share their profile."""
    return [pair for pair in plan.by_employer.get(employer.id, [])
            if may_share_contact(pair.registration)]


def talk_time(pair: PlannedPair, times: TalkTimes) -> dt.datetime | None:
    """When the pair's talk starts, if it has one."""
    return times.get((pair.registration.id, pair.vacancy.employer_id))


def in_talk_order(pairs: list[PlannedPair], times: TalkTimes) -> list[PlannedPair]:
    """Pairs with a talk by its time first, then the others in their given order."""
    def start(pair: PlannedPair) -> dt.datetime:
        moment = talk_time(pair, times)
        return _NO_TALK if moment is None else as_utc(moment)
    return sorted(pairs, key=start)


def employer_list_pdf(plan: FairPlan, employer: Employer, times: TalkTimes | None = None) -> bytes:
    """An employer's match list for a fair (A4, German): vacancies and candidates to expect,
    those with a talk slot first in slot order, with the time."""
    times = times or {}
    pairs = in_talk_order(listed_pairs(plan, employer), times)
    vacancies = sorted({pair.vacancy.id: pair.vacancy for pair in pairs}.values(),
                       key=lambda vacancy: vacancy.title)
    booth = next((pair.booth for pair in pairs if pair.booth), None)
    unnamed = sorted({as_utc(moment) for pair in plan.by_employer.get(employer.id, [])
                      if not may_share_contact(pair.registration)
                      and (moment := talk_time(pair, times)) is not None})
    with force_locale(PRINT_LANGUAGE):
        html = render_template(
            "printing/match_list.html", fair=plan.fair, employer=employer, booth=booth,
            pairs=pairs, vacancies=vacancies, wished=wished_occupations,
            language=PRINT_LANGUAGE, talk_time=lambda pair: talk_time(pair, times),
            unnamed_talks=unnamed,
        )
    return _pdf(html)


def _card_side(plan: FairPlan, registration: Registration, language: str,
               times: TalkTimes) -> Markup:
    with force_locale(language):
        return Markup(render_template(
            "printing/_route_card_side.html", fair=plan.fair, registration=registration,
            pairs=in_talk_order(plan.by_registration.get(registration.id, []), times),
            language=language, direction=direction(language),
            talk_time=lambda pair: talk_time(pair, times),
        ))


def route_cards_pdf(plan: FairPlan, registrations: list[Registration], layout: str,
                    times: TalkTimes | None = None) -> bytes:
    """Route cards, each in the seeker's language and German; A6 four to a sheet, or A4 alone.
    Booths with a talk come first in the order of the talks (the walking order), then the
    others by booth number."""
    times = times or {}
    cards = []
    for registration in registrations:
        languages = [registration.language]
        if registration.language != PRINT_LANGUAGE:
            languages.append(PRINT_LANGUAGE)
        cards.append({
            "registration": registration,
            "qr": ticket_qr_data_uri(registration),
            "sides": [_card_side(plan, registration, language, times)
                      for language in languages],
        })
    with force_locale(registrations[0].language if len(registrations) == 1 else PRINT_LANGUAGE):
        html = render_template("printing/route_cards.html", cards=cards, layout=layout,
                               fair=plan.fair)
    return _pdf(html)


def checkin_list_pdf(fair: Fair, registrations: list[Registration]) -> bytes:
    """The fair's check-in list in German: seekers alphabetically, with ticket code."""
    with force_locale(PRINT_LANGUAGE):
        html = render_template("printing/checkin_list.html", fair=fair,
                               registrations=registrations)
    return _pdf(html)
