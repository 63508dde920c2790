"""Which pairs of claims are weighed at all: blocking, as entity-resolution libraries do it.

A claim's blocking keys are explicit strings, `family|word`: its family (a date, or a number of
one kind and dimension: counts, sums of money, lengths...) with each content word of its
neighbourhood, its counted noun and its verb, plus `family|=value` for its value and, for a number,
keys on its size in base units (`dimension|~step`), so that "about 8.5 million computers" and "8.5m
devices", or "the 984-foot ship" and "300 metres long", are weighed however differently their
articles word them; a date has keys on its month and day, weekday, month, and the year of a period told by
its year, so that "13 August" meets "mid-August" and "since 2001" meets "in 2001". Two claims are
candidates when they share a key. A key shared by more than `MAX_BLOCK` claims is too common to
tell anything (a stop word of the corpus) and is dropped, as dedupe drops its largest blocks;
that keeps the number of pairs near linear in the number of claims. These keys are what a run
over millions of claims would shard on. `candidate_pairs` says which pairs, in plain Python;
`candidate_arrays`, which a run uses, finds the same pairs with numpy.
"""
from __future__ import annotations

import math
from collections import defaultdict
from itertools import combinations

import numpy as np

from ..model import Claim, DateValue, NumberValue
from .units import dimension, in_base_units

MAX_BLOCK = 60
PER_CLAIM = 12  # partners each claim keeps: the pairs weighed stay within PER_CLAIM x the claims
SIZE_STEPS = 20  # steps of a figure's size per power of ten: each step 12 % wide
SWAPPED = 4  # significant digits up to which a figure is keyed by its digits (a slip swaps two of a short figure's)


def family(claim: Claim) -> str:
    return "date" if isinstance(claim.value, DateValue) else dimension(claim)


def calendar(value: DateValue) -> tuple[int | None, int | None, int | None] | None:
    """(month, day, weekday) of a date: what its words fix where its article could not anchor it, else those of a
    single anchored day, or the month of a period within one month; None for a longer span or an open one."""
    if not value.anchored:
        return value.calendar
    if value.start is None or value.end is None:
        return None
    if value.start == value.end:
        return value.start.month, value.start.day, value.start.weekday()
    same_month = (value.start.year, value.start.month) == (value.end.year, value.end.month)
    return (value.start.month, None, None) if same_month else None  # "March", "mid-August", "by the end of May"


def blocking_keys(claim: Claim) -> set[str]:
    fam, about, subject, value = family(claim), claim.about, claim.subject, claim.value
    words = set(about.near)
    words.update(w for w in (about.noun, about.verb) if w)
    words.update(f"{field}:{v}" for field, v in (("thing", subject.thing), ("event", subject.event)) if v)
    prefix = fam + "|"
    keys = {prefix + w for w in words}
    keys.add(f"{prefix}={_value_key(value)}")
    if isinstance(value, DateValue):
        return keys | _calendar_keys(value) | _year_keys(value)
    return keys | _size_keys(claim) | _swapped_digit_keys(claim, fam)


def _swapped_digit_keys(claim: Claim, fam: str) -> set[str]:
    """A number's significant digits in sorted order, so that a figure with two digits swapped ("984" and "948",
    "$48 million" and "$84 million", "25 crew" and "52 seafarers") is weighed against the one it mistypes: outlets'
    most common slip, which puts the two sizes too far apart for the size keys."""
    value = claim.value
    if not isinstance(value, NumberValue) or value.nominal is None or value.nominal <= 0:
        return set()
    digits = f"{value.nominal:.5e}".split("e")[0].replace(".", "").rstrip("0")  # 48,000,000 -> "48"
    keyed = len(set(digits)) > 1 and len(digits) <= SWAPPED  # in one unit: 984 feet is no slip for 948 metres
    return {f"{fam}|digits={''.join(sorted(digits))}|{value.unit}"} if keyed else set()


def _calendar_keys(value: DateValue) -> set[str]:
    """A date's month and day, weekday and month, so that "4 July" in an article no date anchors meets 4 July
    2024 elsewhere, and "Friday" a Friday."""
    facets = calendar(value)
    if facets is None:
        return set()
    month, day, weekday = facets
    keys = {f"date|md={month}-{day}"} if month is not None and day is not None else set()
    keys |= {f"date|wd={weekday}"} if weekday is not None else set()
    return keys | ({f"date|m={month}"} if month is not None and (day is None or value.anchored) else set())


YEAR_GRAINS = ("year", "part-year", "half-year", "season", "quarter")  # periods told by their year


def _year_keys(value: DateValue) -> set[str]:
    """The year of a period told by its year ("in 2001", "since 2001", "by fall 2028", "by 2028"), so that two
    such periods of one year are weighed however their articles word them."""
    if not value.anchored or value.granularity not in YEAR_GRAINS:
        return set()
    return {f"date|y={end.year}" for end in (value.start, value.end) if end is not None}


def _size_keys(claim: Claim) -> set[str]:
    """A number's size on two grids of steps 12 % wide, one offset by half a step from the other: figures
    within 6 % of each other always share a key, figures within 12 % may."""
    measured = in_base_units(claim)
    if measured is None or not measured[1]:
        return set()
    dim, figure = measured
    step = math.log10(abs(figure)) * SIZE_STEPS
    sign = "-" if figure < 0 else ""
    return {f"{dim}|~{sign}{math.floor(step)}", f"{dim}|~{sign}{math.floor(step + 0.5)}+"}


def _value_key(value: NumberValue | DateValue) -> str:
    """The value as a key: every field, cheaper than the dataclass's repr."""
    if isinstance(value, DateValue):
        return f"{value.start}|{value.end}|{value.granularity}|{value.anchored}|{value.hedge}|{value.calendar}"
    return f"{value.low}|{value.high}|{value.nominal}|{value.unit}|{value.hedge}"


def candidate_pairs(claims: list[Claim], per_claim: int = PER_CLAIM) -> list[tuple[int, int]]:
    """Index pairs (i < j) of claims that share blocking keys, in order (so a run does not depend on the order
    a set of keys happens to have). Each claim keeps the `per_claim` partners it shares the most telling keys
    with (a key tells more the fewer claims hold it), so the pairs grow linearly with the claims."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        for key in sorted(blocking_keys(claim)):
            blocks[key].append(i)
    shared: dict[tuple[int, int], float] = defaultdict(float)
    for members in blocks.values():
        if 1 < len(members) <= MAX_BLOCK:
            weight = 1.0 / len(members)
            for pair in combinations(members, 2):
                shared[pair] += weight
    partners: dict[int, list[tuple[float, int, int]]] = defaultdict(list)
    for (i, j), weight in shared.items():
        partners[i].append((-weight, j, j))
        partners[j].append((-weight, i, i))
    kept = {(min(i, j), max(i, j)) for i, ranked in partners.items() for _, j, _ in sorted(ranked)[:per_claim]}
    return sorted(kept)


def candidate_arrays(claims: list[Claim], per_claim: int = PER_CLAIM) -> tuple[np.ndarray, np.ndarray]:
    """`candidate_pairs` as two index arrays (i < j), sorted by i then j, worked out with numpy: the same pairs,
    and the same sums of key weights (added block by block in the order the blocks were first met, as the
    readable version adds them, so that ties and near-ties rank alike)."""
    keys_of = [sorted(blocking_keys(claim)) for claim in claims]
    flat = [key for keys in keys_of for key in keys]
    none = np.zeros(0, dtype=np.int64)
    if not flat:
        return none, none
    key_ids = {key: k for k, key in enumerate(dict.fromkeys(flat))}  # numbered in order of first appearance
    block = np.fromiter(map(key_ids.__getitem__, flat), dtype=np.int64, count=len(flat))
    owner = np.repeat(np.arange(len(claims), dtype=np.int64), [len(keys) for keys in keys_of])
    size = np.bincount(block)
    order = np.argsort(block, kind="stable")  # by block, each block's members in claim order
    owner, block = owner[order], block[order]
    kept = (size[block] > 1) & (size[block] <= MAX_BLOCK)
    owner, block = owner[kept], block[kept]
    if not len(owner):
        return none, none
    # every pair of members of a block: the member at place a of a block of s pairs with the s - 1 - a after it
    first = np.r_[0, np.flatnonzero(block[1:] != block[:-1]) + 1]
    place = np.arange(len(block)) - np.repeat(first, np.diff(np.r_[first, len(block)]))
    later = size[block] - 1 - place
    left = np.repeat(np.arange(len(block)), later)
    right = left + 1 + (np.arange(len(left)) - np.repeat(np.cumsum(later) - later, later))
    i, j, via = owner[left], owner[right], block[left]
    weight = 1.0 / size[via]
    order = np.lexsort((via, j, i))  # each pair's shares in the order of its blocks
    i, j, weight = i[order], j[order], weight[order]
    starts = np.r_[0, np.flatnonzero((i[1:] != i[:-1]) | (j[1:] != j[:-1])) + 1]
    shared = sequential_sums(weight, starts)
    i, j = i[starts], j[starts]
    # each claim keeps its `per_claim` partners of highest weight, the lower index first among equals
    me, partner, w = np.r_[i, j], np.r_[j, i], np.r_[shared, shared]
    order = np.lexsort((partner, -w, me))
    me = me[order]
    group = np.r_[0, np.flatnonzero(me[1:] != me[:-1]) + 1]
    rank = np.arange(len(me)) - np.repeat(group, np.diff(np.r_[group, len(me)]))
    chosen = np.zeros(len(i), dtype=bool)  # pairs by number: already in (i, j) order
    chosen[order[rank < per_claim] % len(i)] = True
    return i[chosen], j[chosen]


def sequential_sums(values: np.ndarray, starts: np.ndarray) -> np.ndarray:
    """The sum of each run values[starts[k]:starts[k + 1]], added left to right as `total += x` adds them."""
    ends = np.r_[starts[1:], len(values)]
    total = np.zeros(len(starts))
    for step in range(int((ends - starts).max(initial=0))):
        live = np.flatnonzero(starts + step < ends)
        total[live] += values[starts[live] + step]
    return total

