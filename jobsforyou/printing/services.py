"""PDF building: pure functions from models to PDF bytes (a worker may call them later)."""

from __future__ import annotations

import base64
import datetime as dt
import io
from collections.abc import Mapping
from pathlib import Path

import weasyprint
from flask import get_template_attribute, render_template
from flask_babel import force_locale
from markupsafe import Markup

from jobsforyou.booths.attendance import booths_at_fair, open_vacancies_at_fair
from jobsforyou.codes import language_name
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


def pdf_from_html(html: str) -> bytes:
    """A printed document's HTML as PDF, with the print stylesheet (no app context needed, so
    that worker processes can call it)."""
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
    return pdf_from_html(employer_list_html(plan, employer, times))


def employer_list_html(plan: FairPlan, employer: Employer, times: TalkTimes | None = None) -> str:
    """The HTML of an employer's match list (see employer_list_pdf)."""
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
    return html


def _card_languages(registration: Registration) -> list[str]:
    """The languages of a seeker's card: their own, then German."""
    return list(dict.fromkeys([registration.language, PRINT_LANGUAGE]))


def _card_sides(plan: FairPlan, registrations: list[Registration],
                times: TalkTimes) -> dict[int, list[Markup]]:
    """Each seeker's card sides, rendered language by language: one locale switch per language
    and a macro call per side (a whole template render per side was a tenth of the time).
    Booths with a talk come first in the order of the talks (the walking order)."""
    side = get_template_attribute("printing/_route_card_side.html", "side")
    rendered: dict[tuple[int, str], Markup] = {}
    wanted = {language for r in registrations for language in _card_languages(r)}
    for language in sorted(wanted):
        with force_locale(language):
            for registration in registrations:
                if language in _card_languages(registration):
                    pairs = in_talk_order(plan.by_registration.get(registration.id, []), times)
                    rendered[registration.id, language] = Markup(side(
                        plan.fair, registration, pairs, language, direction(language),
                        lambda pair: talk_time(pair, times)))
    return {registration.id: [rendered[registration.id, language]
                              for language in _card_languages(registration)]
            for registration in registrations}


def route_cards_html(plan: FairPlan, registrations: list[Registration], layout: str,
                     times: TalkTimes | None = None) -> str:
    """The HTML of route cards (see route_cards_pdf)."""
    sides = _card_sides(plan, registrations, times or {})
    cards = [{"registration": registration, "qr": ticket_qr_data_uri(registration),
              "sides": sides[registration.id]} for registration in registrations]
    with force_locale(registrations[0].language if len(registrations) == 1 else PRINT_LANGUAGE):
        return render_template("printing/route_cards.html", cards=cards, layout=layout,
                               fair=plan.fair)


def route_cards_pdf(plan: FairPlan, registrations: list[Registration], layout: str,
                    times: TalkTimes | None = None) -> bytes:
    """Route cards, each in the seeker's language and German; A6 four to a sheet, or A4 alone.
    Booths with a talk come first in the order of the talks (the walking order), then the
    others by booth number."""
    return pdf_from_html(route_cards_html(plan, registrations, layout, times))


def checkin_list_pdf(fair: Fair, registrations: list[Registration]) -> bytes:
    """The fair's check-in list in German: seekers alphabetically, with ticket code."""
    with force_locale(PRINT_LANGUAGE):
        html = render_template("printing/checkin_list.html", fair=fair,
                               registrations=registrations)
    return pdf_from_html(html)


def booth_overview_pdf(fair: Fair) -> bytes:
    """The fair's booths in German (A4): number, employer, its vacancies, languages spoken."""
    places = booths_at_fair(fair)
    vacancies: dict[int, list[str]] = {}
    for vacancy in open_vacancies_at_fair(fair):
        vacancies.setdefault(vacancy.employer_id, []).append(vacancy.title)
    with force_locale(PRINT_LANGUAGE):
        html = render_template("printing/booth_overview.html", fair=fair, places=places,
                               vacancies=vacancies, language_name=language_name)
    return pdf_from_html(html)


BADGES_PER_SHEET = 8  # 2 × 4 name tags of 87 × 60 mm on an A4 sheet


def badges_pdf(fair: Fair, registrations: list[Registration]) -> bytes:
    """Name tags for the fair's seekers (A4, 8 a sheet for cutting): name, the languages they
    speak, the ticket code and its QR code for the booths' scanners."""
    badges = [{"registration": registration, "qr": ticket_qr_data_uri(registration)}
              for registration in registrations]
    sheets = [badges[i:i + BADGES_PER_SHEET] for i in range(0, len(badges), BADGES_PER_SHEET)]
    with force_locale(PRINT_LANGUAGE):
        html = render_template("printing/badges.html", fair=fair, sheets=sheets,
                               language_name=language_name)
    return pdf_from_html(html)
