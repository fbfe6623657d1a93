"""The talk allocation's promises, for any fair Hypothesis can think of."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st

from jobsforyou.talks.allocation import (
    Break,
    PlacedTalk,
    SlotPlan,
    TalkWish,
    allocate_talks,
    minutes,
    parse_break,
    slot_starts,
)


@st.composite
def fairs(draw: st.DrawFn) -> tuple[list[TalkWish], dict[int, list[int]], SlotPlan]:
    length = draw(st.sampled_from([5, 10, 15, 20, 30]))
    first = draw(st.integers(8 * 60, 11 * 60))
    last = first + draw(st.integers(0, 4 * 60))
    breaks = []
    for _ in range(draw(st.integers(0, 2))):
        begin = draw(st.integers(first, last))
        end = min(last, begin + draw(st.integers(5, 60)))
        if end > begin:
            breaks.append(Break(dt.time(begin // 60, begin % 60), dt.time(end // 60, end % 60)))
    plan = SlotPlan(length, dt.time(first // 60, first % 60), dt.time(last // 60, last % 60),
                    tuple(breaks))
    employers = draw(st.integers(1, 4))
    booths = {e: [e * 10 + b for b in range(draw(st.integers(0, 2)))] for e in range(employers)}
    wishes = draw(st.lists(st.builds(
        TalkWish, st.integers(1, 12), st.integers(0, employers - 1),
        st.floats(0, 1, allow_nan=False).map(lambda s: round(s, 1))), max_size=60))
    return wishes, booths, plan


def _overlap(a: dt.time, b: dt.time, length: int) -> bool:
    return abs(minutes(a) - minutes(b)) < length


@settings(max_examples=300, deadline=None)
@given(fairs())
def test_no_double_booking_no_overfull_booth_no_break_and_strong_pairs_first(
    fair: tuple[list[TalkWish], dict[int, list[int]], SlotPlan],
) -> None:
    wishes, booths, plan = fair
    length = plan.slot_minutes
    talks = allocate_talks(wishes, booths, plan)
    slots = slot_starts(plan)
    best = {}
    for wish in wishes:
        key = (wish.registration_id, wish.employer_id)
        best[key] = max(best.get(key, wish.score), wish.score)
    placed = {(t.registration_id, t.employer_id): t for t in talks}
    assert len(placed) == len(talks)  # one talk per seeker and employer
    for talk in talks:
        assert (talk.registration_id, talk.employer_id) in best  # only input pairs
        assert talk.booth_id in booths[talk.employer_id]  # at one of the employer's booths
        assert talk.starts_at in slots  # a slot of the schedule …
        for pause in plan.breaks:  # … that touches no break
            assert not (minutes(pause.starts_at) < minutes(talk.starts_at) + length
                        and minutes(talk.starts_at) < minutes(pause.ends_at))
    for first in talks:
        for second in talks:
            if first is second:
                continue
            if first.registration_id == second.registration_id:
                assert not _overlap(first.starts_at, second.starts_at, length)
            if first.booth_id == second.booth_id:
                assert not _overlap(first.starts_at, second.starts_at, length)
    # a pair left out had no slot in which its seeker and a booth were free of stronger talks
    for (registration_id, employer_id), score in best.items():
        if (registration_id, employer_id) in placed:
            continue
        for slot in slots:
            seeker_taken = any(
                t.registration_id == registration_id and _overlap(t.starts_at, slot, length)
                and best[(t.registration_id, t.employer_id)] >= score for t in talks)
            booths_taken = all(any(
                t.booth_id == booth and _overlap(t.starts_at, slot, length)
                and best[(t.registration_id, t.employer_id)] >= score for t in talks)
                for booth in booths[employer_id])
            assert seeker_taken or booths_taken, (registration_id, employer_id, slot)


@settings(max_examples=100, deadline=None)
@given(fairs())
def test_the_allocation_is_deterministic_and_keeps_decided_talks(
    fair: tuple[list[TalkWish], dict[int, list[int]], SlotPlan],
) -> None:
    wishes, booths, plan = fair
    first = allocate_talks(wishes, booths, plan)
    assert allocate_talks(list(reversed(wishes)), booths, plan) == first
    if not first:
        return
    kept, cancelled = first[0], first[-1]
    again = allocate_talks(wishes, booths, plan, kept=[kept],
                           left_out=[(cancelled.registration_id, cancelled.employer_id)])
    assert kept not in again  # it is kept, not placed again
    pairs = {(t.registration_id, t.employer_id) for t in again}
    assert (cancelled.registration_id, cancelled.employer_id) not in pairs
    assert (kept.registration_id, kept.employer_id) not in pairs
    for talk in again:  # the kept talk blocks its booth and its seeker
        if talk.booth_id == kept.booth_id or talk.registration_id == kept.registration_id:
            assert not _overlap(talk.starts_at, kept.starts_at, plan.slot_minutes)


def test_slots_skip_the_lunch_break_and_the_strongest_pair_gets_the_first_slot() -> None:
    plan = SlotPlan(10, dt.time(10, 0), dt.time(10, 50), (parse_break("10:20 – 10:30"),))
    assert slot_starts(plan) == [dt.time(10, 0), dt.time(10, 10), dt.time(10, 30),
                                 dt.time(10, 40)]
    talks = allocate_talks(
        [TalkWish(1, 7, 0.4), TalkWish(2, 7, 0.9), TalkWish(1, 8, 0.8)],
        {7: [70], 8: [80]}, plan)
    assert talks == [
        PlacedTalk(2, 7, 70, dt.time(10, 0)),
        PlacedTalk(1, 8, 80, dt.time(10, 0)),
        # seeker 1 is at booth 80 at 10:00: the next slot with a slot's time to walk
        PlacedTalk(1, 7, 70, dt.time(10, 30)),
    ]


def test_a_break_written_wrongly_is_refused() -> None:
    for text in ("12:00", "12:30-12:00", "noon-13:00", "12:00-12:30-13:00"):
        try:
            parse_break(text)
        except ValueError:
            continue
        raise AssertionError(text)
