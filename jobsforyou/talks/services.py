"""Talk slots of a fair: the schedule, running the allocation, organisers moving and cancelling.

Talks start at stored moments (UTC, like every moment the app stores); organisers enter and read
local times of the fair's day in the site's time zone (``times.site_zone``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from sqlalchemy import delete, select
from sqlalchemy.orm import selectinload

from jobsforyou.booths.attendance import holding_requests
from jobsforyou.booths.models import Booth, BoothAssignment, BoothRequest
from jobsforyou.database import lock_row, utcnow
from jobsforyou.extensions import db
from jobsforyou.fairs.models import Fair
from jobsforyou.registration.models import Registration
from jobsforyou.scoping import SYSTEM, Scope, scoped
from jobsforyou.talks.allocation import (
    MAX_SLOT_MINUTES,
    MIN_SLOT_MINUTES,
    Break,
    PlacedTalk,
    SlotPlan,
    TalkWish,
    allocate_talks,
    slot_starts,
)
from jobsforyou.talks.models import Talk, TalkSchedule, TalkStatus
from jobsforyou.times import as_utc, site_zone


class TalkError(Exception):
    """A change to the talk slots was refused; the subclass says why."""


class SlotLengthInvalid(TalkError):
    """The slot length is outside the allowed range."""


class OutsideFairHours(TalkError):
    """The talks do not end after they start, or lie outside the fair's opening hours."""


class BreakOutsideTalks(TalkError):
    """A break lies outside the talk hours."""


class NoSlots(TalkError):
    """The settings leave no slot at all."""


class NoSchedule(TalkError):
    """The fair has no talk slots (configure them first)."""


class NotASlot(TalkError):
    """The chosen time is not a slot of the fair's schedule."""


class SlotTaken(TalkError):
    """Every booth of the employer already has a talk at that time."""


class SeekerBusy(TalkError):
    """The seeker already has another talk at that time."""


class TalkNotFound(LookupError):
    """The talk does not exist at this fair in the reader's scope."""


def schedule_of(fair: Fair) -> TalkSchedule | None:
    """The fair's talk schedule, or None when the fair offers no talk slots."""
    return db.session.scalar(select(TalkSchedule).where(TalkSchedule.fair_id == fair.id))


def slot_plan(schedule: TalkSchedule) -> SlotPlan:
    """The stored schedule as the allocation's plain settings."""
    return SlotPlan(
        schedule.slot_minutes, schedule.starts_at, schedule.ends_at,
        tuple(Break(dt.time.fromisoformat(start), dt.time.fromisoformat(end))
              for start, end in schedule.breaks),
    )


def _check(fair: Fair, plan: SlotPlan) -> None:
    if not MIN_SLOT_MINUTES <= plan.slot_minutes <= MAX_SLOT_MINUTES:
        raise SlotLengthInvalid(plan.slot_minutes)
    if not fair.starts_at <= plan.starts_at < plan.ends_at <= fair.ends_at:
        raise OutsideFairHours()
    for pause in plan.breaks:
        if not plan.starts_at <= pause.starts_at < pause.ends_at <= plan.ends_at:
            raise BreakOutsideTalks(pause)
    if not slot_starts(plan):
        raise NoSlots()


def save_schedule(fair: Fair, plan: SlotPlan) -> TalkSchedule:
    """Offer talk slots at a fair, or change them; talks already placed stay where they are."""
    _check(fair, plan)
    schedule = schedule_of(fair) or TalkSchedule(fair_id=fair.id)
    schedule.slot_minutes = plan.slot_minutes
    schedule.starts_at, schedule.ends_at = plan.starts_at, plan.ends_at
    schedule.breaks = [[b.starts_at.strftime("%H:%M"), b.ends_at.strftime("%H:%M")]
                       for b in sorted(plan.breaks, key=lambda b: b.starts_at)]
    db.session.add(schedule)
    db.session.flush()
    return schedule


def booths_by_employer(fair: Fair) -> dict[int, list[int]]:
    """Employer id → the ids of the booths it holds at the fair (public, read as SYSTEM)."""
    rows = db.session.execute(scoped(
        select(BoothRequest.employer_id, Booth.id)
        .join(BoothAssignment, BoothAssignment.request_id == BoothRequest.id)
        .join(Booth, Booth.id == BoothAssignment.booth_id)
        .where(BoothRequest.fair_id == fair.id, BoothRequest.id.in_(holding_requests()))
        .order_by(Booth.number),
        SYSTEM,
    )).all()
    booths: dict[int, list[int]] = {}
    for employer_id, booth_id in rows:
        booths.setdefault(employer_id, []).append(booth_id)
    return booths


def moment_of(fair: Fair, local: dt.time) -> dt.datetime:
    """A local time of the fair's day as a stored moment (UTC)."""
    return dt.datetime.combine(fair.date, local, tzinfo=site_zone()).astimezone(dt.UTC)


def local_time(moment: dt.datetime) -> dt.time:
    """A stored moment as the local time of day at the fair."""
    return as_utc(moment).astimezone(site_zone()).time().replace(second=0, microsecond=0)


def _talks(fair: Fair, scope: Scope) -> list[Talk]:
    return list(db.session.scalars(scoped(
        select(Talk).where(Talk.fair_id == fair.id).order_by(Talk.starts_at, Talk.id), scope
    )))


def talks_of_fair(scope: Scope, fair: Fair) -> list[Talk]:
    """The fair's talks (scheduled and cancelled) by time, as the reader may see them, with
    their employer, booth and seeker loaded (one query each, for a list of hundreds)."""
    return list(db.session.scalars(scoped(
        select(Talk).where(Talk.fair_id == fair.id)
        .options(selectinload(Talk.employer), selectinload(Talk.booth),
                 selectinload(Talk.registration))
        .order_by(Talk.starts_at, Talk.id),
        scope,
    )))


def talk_times(fair: Fair) -> dict[tuple[int, int], dt.datetime]:
    """(registration id, employer id) → the start of their scheduled talk, for the printouts
    (the caller checked that the reader may print the fair)."""
    return {(talk.registration_id, talk.employer_id): talk.starts_utc
            for talk in _talks(fair, SYSTEM) if talk.status == TalkStatus.SCHEDULED}


def talks_of_registration(registration: Registration) -> list[Talk]:
    """A seeker's own scheduled talks by time (behind their personal link)."""
    return list(db.session.scalars(scoped(
        select(Talk).where(Talk.registration_id == registration.id,
                           Talk.status == TalkStatus.SCHEDULED)
        .order_by(Talk.starts_at, Talk.id),
        SYSTEM,
    )))


def talk_of(scope: Scope, fair: Fair, talk_id: int) -> Talk:
    """One talk of a fair in the reader's scope."""
    talk = db.session.scalar(scoped(
        select(Talk).where(Talk.id == talk_id, Talk.fair_id == fair.id), scope
    ))
    if talk is None:
        raise TalkNotFound(talk_id)
    return talk


def plan_talks(fair: Fair, wishes: Iterable[TalkWish]) -> list[Talk]:
    """Run the allocation again: talks an organiser moved or cancelled stay as decided, every
    other talk is placed anew from the wishes (the plan's pairs). Returns the new talks."""
    schedule = schedule_of(fair)
    if schedule is None:
        raise NoSchedule(fair.id)
    lock_row("fairs", fair.id)
    decided = [talk for talk in _talks(fair, SYSTEM) if talk.decided]
    db.session.execute(delete(Talk).where(Talk.fair_id == fair.id, Talk.moved_by_id.is_(None)))
    kept = [PlacedTalk(t.registration_id, t.employer_id, t.booth_id, local_time(t.starts_at))
            for t in decided if t.status == TalkStatus.SCHEDULED and t.booth_id is not None]
    left_out = [(t.registration_id, t.employer_id) for t in decided
                if t.status == TalkStatus.CANCELLED or t.booth_id is None]
    placed = allocate_talks(wishes, booths_by_employer(fair), slot_plan(schedule), kept, left_out)
    talks = [Talk(fair_id=fair.id, employer_id=p.employer_id, booth_id=p.booth_id,
                  registration_id=p.registration_id, starts_at=moment_of(fair, p.starts_at))
             for p in placed]
    db.session.add_all(talks)
    db.session.flush()
    return talks


def _overlaps(first: dt.datetime, second: dt.datetime, length: int) -> bool:
    return abs((as_utc(first) - as_utc(second)).total_seconds()) < length * 60


def _others(talk: Talk) -> list[Talk]:
    return [other for other in _talks(talk.fair, SYSTEM)
            if other.id != talk.id and other.status == TalkStatus.SCHEDULED]


def free_slots(talk: Talk) -> list[dt.time]:
    """The slots a talk can move to: a booth of its employer and its seeker are free then."""
    schedule = schedule_of(talk.fair)
    if schedule is None:
        return []
    others = _others(talk)
    booths = booths_by_employer(talk.fair).get(talk.employer_id, [])
    free = []
    for start in slot_starts(slot_plan(schedule)):
        moment = moment_of(talk.fair, start)
        if talk.status == TalkStatus.SCHEDULED and as_utc(talk.starts_at) == moment:
            continue
        if _booth_at(booths, others, moment, schedule.slot_minutes) is None:
            continue
        if any(o.registration_id == talk.registration_id
               and _overlaps(o.starts_at, moment, schedule.slot_minutes) for o in others):
            continue
        free.append(start)
    return free


def _booth_at(booths: list[int], others: list[Talk], moment: dt.datetime,
              length: int) -> int | None:
    for booth_id in booths:
        if not any(o.booth_id == booth_id and _overlaps(o.starts_at, moment, length)
                   for o in others):
            return booth_id
    return None


def move_talk(talk: Talk, new_start: dt.time, user_id: int) -> None:
    """Move a talk (also a cancelled one, which then takes place again) to another free slot."""
    schedule = schedule_of(talk.fair)
    if schedule is None:
        raise NoSchedule(talk.fair_id)
    if new_start not in slot_starts(slot_plan(schedule)):
        raise NotASlot(new_start)
    lock_row("fairs", talk.fair_id)
    moment = moment_of(talk.fair, new_start)
    others = _others(talk)
    booths = booths_by_employer(talk.fair).get(talk.employer_id, [])
    if talk.booth_id in booths:  # stay at the same booth when it is free
        booths = [talk.booth_id, *[b for b in booths if b != talk.booth_id]]
    booth_id = _booth_at(booths, others, moment, schedule.slot_minutes)
    if booth_id is None:
        raise SlotTaken(new_start)
    if any(o.registration_id == talk.registration_id
           and _overlaps(o.starts_at, moment, schedule.slot_minutes) for o in others):
        raise SeekerBusy(new_start)
    talk.starts_at, talk.booth_id = moment, booth_id
    talk.status = TalkStatus.SCHEDULED
    talk.moved_by_id, talk.moved_at = user_id, utcnow()
    db.session.flush()


def cancel_talk(talk: Talk, user_id: int) -> None:
    """Cancel a talk; a new run of the allocation does not give the pair a talk again."""
    talk.status = TalkStatus.CANCELLED
    talk.moved_by_id, talk.moved_at = user_id, utcnow()
    db.session.flush()
