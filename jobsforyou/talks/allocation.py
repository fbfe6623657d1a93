"""Talk slots as pure functions: the slots of a schedule, and the talks that fill them.

Nothing here touches the database or Flask; times are local times of day on the fair's date,
counted in minutes since midnight inside, so that a script or a property test can call them.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

MIN_SLOT_MINUTES = 5
MAX_SLOT_MINUTES = 120


@dataclass(frozen=True)
class Break:
    """A pause of every booth's talks, from one local time to another (e.g. 12:00–12:30)."""

    starts_at: dt.time
    ends_at: dt.time


@dataclass(frozen=True)
class SlotPlan:
    """How a fair's booths offer talks: slots of one length from a first to a last time."""

    slot_minutes: int
    starts_at: dt.time
    ends_at: dt.time
    breaks: tuple[Break, ...] = ()


@dataclass(frozen=True)
class TalkWish:
    """A planned pair that may get a talk: a seeker, an employer, and how well they fit."""

    registration_id: int
    employer_id: int
    score: float


@dataclass(frozen=True)
class PlacedTalk:
    """A talk in a slot: the seeker, the employer, the booth (id) and the slot's local start."""

    registration_id: int
    employer_id: int
    booth_id: int
    starts_at: dt.time


def minutes(moment: dt.time) -> int:
    """A time of day as minutes since midnight."""
    return moment.hour * 60 + moment.minute


def time_of(count: int) -> dt.time:
    """Minutes since midnight as a time of day."""
    return dt.time(count // 60, count % 60)


def parse_break(text: str) -> Break:
    """One break written as "12:00-12:30" (also with "–" or spaces); ValueError if it is not."""
    parts = text.replace("–", "-").replace(" ", "").split("-")
    if len(parts) != 2:
        raise ValueError(text)
    start, end = (dt.time.fromisoformat(part) for part in parts)
    if end <= start:
        raise ValueError(text)
    return Break(start, end)


def slot_starts(plan: SlotPlan) -> list[dt.time]:
    """Every slot's start in order: slots follow each other from the first time, end no later
    than the last time, and a slot that would overlap a break starts when the break ends."""
    length = plan.slot_minutes
    pauses = sorted((minutes(b.starts_at), minutes(b.ends_at)) for b in plan.breaks)
    start, last = minutes(plan.starts_at), minutes(plan.ends_at)
    starts = []
    while start + length <= last:
        clash = next((end for begin, end in pauses if begin < start + length and start < end),
                     None)
        if clash is not None:
            start = clash
            continue
        starts.append(time_of(start))
        start += length
    return starts


def _best_wishes(wishes: Iterable[TalkWish]) -> list[TalkWish]:
    best: dict[tuple[int, int], TalkWish] = {}
    for wish in wishes:
        key = (wish.registration_id, wish.employer_id)
        if key not in best or wish.score > best[key].score:
            best[key] = wish
    return sorted(best.values(), key=lambda w: (-w.score, w.registration_id, w.employer_id))


def allocate_talks(
    wishes: Iterable[TalkWish],
    booths: Mapping[int, Sequence[int]],
    plan: SlotPlan,
    kept: Iterable[PlacedTalk] = (),
    left_out: Iterable[tuple[int, int]] = (),
) -> list[PlacedTalk]:
    """Fill the booths' slots with talks, strongest pairs first; returns the new talks.

    ``booths`` maps an employer to the ids of its booths (each booth holds one talk per slot);
    ``kept`` are talks that organisers placed themselves (they stay where they are and block
    their booth and their seeker), ``left_out`` the (registration, employer) pairs that get no
    talk (cancelled ones). A seeker gets at most one talk per employer (their best pair).

    The method is greedy: the pairs are taken by falling score (ties by registration and
    employer id, so the result is deterministic), and each gets the earliest slot in which one
    of the employer's booths is free and the seeker has no other talk. Among those, a slot that
    leaves at least one slot of time to the seeker's other talks is preferred (time to walk to
    the next booth); back to back is taken only when nothing else is free. A pair stays without
    a talk only when, at every slot, its seeker or all of its employer's booths are already
    taken by stronger pairs (or by kept talks). Greedy is not an optimal assignment — a strong
    pair may take the slot a weaker pair had no other chance for — but it never gives a weaker
    pair a place that a stronger one of the same booth and seeker could have had, which is what
    organisers promise at the fair.
    """
    length = plan.slot_minutes
    starts = [minutes(start) for start in slot_starts(plan)]
    kept_at_booth: dict[int, list[int]] = defaultdict(list)
    seeker_busy: dict[int, list[int]] = defaultdict(list)
    done = set(left_out)
    for talk in kept:
        kept_at_booth[talk.booth_id].append(minutes(talk.starts_at))
        seeker_busy[talk.registration_id].append(minutes(talk.starts_at))
        done.add((talk.registration_id, talk.employer_id))

    def free(busy: list[int], start: int) -> bool:
        return all(abs(start - other) >= length for other in busy)

    # the slots still open at each booth (slots never overlap each other, so a talk placed in
    # one closes only that one)
    open_at = {booth: [start for start in starts if free(kept_at_booth[booth], start)]
               for own_booths in booths.values() for booth in own_booths}
    placed = []
    for wish in _best_wishes(wishes):
        if (wish.registration_id, wish.employer_id) in done:
            continue
        own = seeker_busy[wish.registration_id]
        options = [
            (not free(own, start - length) or not free(own, start + length), start, booth)
            for booth in sorted(booths.get(wish.employer_id, ()))
            for start in open_at[booth] if free(own, start)
        ]
        if not options:
            continue
        _back_to_back, start, booth = min(options)
        open_at[booth].remove(start)
        own.append(start)
        placed.append(PlacedTalk(wish.registration_id, wish.employer_id, booth, time_of(start)))
    return placed
