"""The readers of evidence.py over every candidate pair at once: the fast path of the matcher.

evidence.py says what each reader sees in one pair of claims, and is what a report shows. Read pair
by pair it costs tens of microseconds a pair, too slow for an archive. Here each claim is encoded
once into arrays (ids for its words and fields, its value in base units, its bags of words as
weighted lists), and each reader's verdict and strength are worked out for all pairs (i, j) with
numpy. Nothing is decided differently: tests/test_match_fast.py holds the two paths to the same
verdicts, strengths, features and probabilities.

Where evidence.py computes a float, this does the same operations in the same order (sums added left
to right as Python's `sum` adds them, logarithms and roundings by Python's own functions), so the
numbers are the same to the last bit, and a tie is a tie on both paths.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Callable

import numpy as np

from ..model import Claim, DateValue, NumberValue
from .candidates import calendar
from .evidence import (CALENDAR_WEAK, NEAR_DAYS, NEAR_RATIO, READERS, marks, name_words, same_name, set_apart,
                       siblings)
from .units import in_base_units

VERDICTS = ("unknown", "agree", "compatible", "conflict")  # a verdict's code is its place here
UNKNOWN, AGREE, COMPATIBLE, CONFLICT = range(4)
NONE = 0  # the id of a missing word or field

# Python >= 3.12 adds floats in `sum` with Neumaier's compensation; before, left to right
COMPENSATED_SUM = sum([1e100, 1.0, -1e100]) == 1.0


class Sums:
    """Running sums of many sequences at once, each added as Python's built-in `sum` adds a sequence of
    floats, so that a total here is the total evidence.py and score.py get, bit for bit."""

    def __init__(self, n: int):
        self.total = np.zeros(n)
        self.carry = np.zeros(n) if COMPENSATED_SUM else None

    def add(self, x: np.ndarray, where: np.ndarray | None = None) -> None:
        """Add x[k] to sum k (or to sum where[k])."""
        if self.carry is None:
            if where is None:
                self.total += x
            else:
                self.total[where] += x
            return
        f = self.total if where is None else self.total[where]
        t = f + x
        c = np.where(np.abs(f) >= np.abs(x), (f - t) + x, (x - t) + f)
        if where is None:
            self.carry += c
            self.total = t
        else:
            self.carry[where] += c
            self.total[where] = t

    def result(self) -> np.ndarray:
        if self.carry is None:
            return self.total
        finite = np.isfinite(self.carry) & (self.carry != 0)
        return np.where(finite, self.total + self.carry, self.total)


def run_sums(values: np.ndarray, run: np.ndarray, n: int) -> np.ndarray:
    """`sum` of each of n runs of `values`, where run[k] (non-decreasing) says which run values[k] belongs to;
    each run added in its order."""
    if not COMPENSATED_SUM:  # `sum` adds left to right, as bincount adds each value to its run's total
        return np.bincount(run, weights=values, minlength=n).astype(float)  # (of ints when there are no values)
    sums = Sums(n)
    if len(values):
        place = runs(run)[1]
        for step in range(int(place.max()) + 1):
            at = place == step
            sums.add(values[at], run[at])
    return sums.result()


def py_round(x: np.ndarray, digits: int = 4) -> np.ndarray:
    """round(x, digits) as Python rounds (the decimal value, half to even); numpy's differs at halves, which
    are handed to Python."""
    out = np.round(x, digits)
    scaled = x * 10.0 ** digits
    halves = np.flatnonzero(np.abs(scaled - np.floor(scaled) - 0.5) < 1e-6)
    if len(halves):
        out[halves] = [round(v, digits) for v in x[halves].tolist()]
    return out


def py_map(function: Callable[[float], float], x: np.ndarray) -> np.ndarray:
    """A function of the math module on each element (numpy's own logarithm may differ in the last bit)."""
    return np.fromiter(map(function, x.tolist()), dtype=float, count=len(x))


def by_value(function: Callable[[int], float], x: np.ndarray) -> np.ndarray:
    """A Python function of each element of an integer array, called once per distinct element."""
    if not len(x):
        return np.zeros(0)
    distinct, where = np.unique(x, return_inverse=True)
    return np.array([function(v) for v in distinct.tolist()], dtype=float)[where]


class Vocabulary:
    """Ids for strings (or any hashable), given in order of first appearance; None is NONE."""

    def __init__(self) -> None:
        self.table: dict[object, int] = {None: NONE}

    def ids(self, items: list) -> np.ndarray:
        table = self.table
        new = [x for x in dict.fromkeys(items) if x not in table]
        table.update(zip(new, range(len(table), len(table) + len(new))))
        return np.fromiter(map(table.__getitem__, items), dtype=np.int64, count=len(items))

    def __len__(self) -> int:
        return len(self.table)


def unique(x: np.ndarray) -> np.ndarray:
    """np.unique(x), by sorting: numpy's own (2.4) is many times slower on a large array of integers."""
    x = np.sort(x)
    return x[np.r_[True, x[1:] != x[:-1]]] if len(x) else x


def runs(owner: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For a non-decreasing array: where each run of equal elements starts, and each element's place in its run."""
    if not len(owner):
        return np.zeros(0, dtype=np.int64), np.zeros(0, dtype=np.int64)
    first = np.r_[0, np.flatnonzero(owner[1:] != owner[:-1]) + 1]
    place = np.arange(len(owner)) - np.repeat(first, np.diff(np.r_[first, len(owner)]))
    return first, place


def flat(lists: list[tuple]) -> tuple[np.ndarray, list]:
    """Tuples (one per claim) as one list, and for each element the claim it belongs to."""
    owner = np.repeat(np.arange(len(lists)), np.fromiter(map(len, lists), dtype=np.int64, count=len(lists)))
    return owner, [x for items in lists for x in items]


class Lists:
    """A list of ids for each of n claims (its words, its places...), flattened: the ids of claim k are
    ids[start[k]:start[k + 1]]. `owner` is the claim of each id (non-decreasing)."""

    def __init__(self, owner: np.ndarray, ids: np.ndarray, n: int, distinct: bool = False):
        """`distinct`: keep each id once per claim, at its first place (the keys of a dict made from the list)."""
        self._span = int(ids.max(initial=0)) + 1
        keys = owner * self._span + ids
        if distinct:
            keys, first = np.unique(keys, return_index=True)
            kept = np.sort(first)
            owner, ids = owner[kept], ids[kept]
        else:
            keys = np.sort(keys)
        self.owner, self.ids = owner, ids
        self.length = np.bincount(owner, minlength=n)
        self.start = np.r_[0, np.cumsum(self.length)]
        self._keys = keys  # (claim, id) as one number, sorted, to look up

    def spread(self, claims: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """For each given claim, the positions of its ids in `ids`, in order: (which given claim, position)."""
        count = self.length[claims]
        which = np.repeat(np.arange(len(claims)), count)
        position = np.arange(len(which)) - np.repeat(np.cumsum(count) - count, count) + self.start[claims][which]
        return which, position

    def holds(self, claims: np.ndarray, ids: np.ndarray) -> np.ndarray:
        """Whether claims[k]'s list holds ids[k]."""
        if not len(self._keys):
            return np.zeros(len(ids), dtype=bool)
        keys = claims * self._span + ids
        at = np.minimum(np.searchsorted(self._keys, keys), len(self._keys) - 1)
        return (self._keys[at] == keys) & (ids < self._span)

    def share(self, a: np.ndarray, b: np.ndarray) -> np.ndarray:
        """Whether the lists of a[k] and b[k] have an id in common."""
        which, position = self.spread(a)
        hit = self.holds(b[which], self.ids[position])
        return np.bincount(which[hit], minlength=len(a)) > 0


@dataclass
class Encoded:
    """What the readers need of each claim, as arrays (a claim's place in the list is its index)."""

    value: np.ndarray  # id of the value (equal values, equal ids)
    stating: np.ndarray  # how many claims state the value
    is_date: np.ndarray
    is_number: np.ndarray
    date_ends: np.ndarray  # (n, 2) day ordinals of start and end, -1 where open
    unanchored: np.ndarray  # a date its article could not anchor
    calendar: np.ndarray  # (n, 3) month, day, weekday of a date (evidence.calendar), -1 where not fixed
    base_dimension: np.ndarray  # id of the dimension of the figure in base units, NONE where there is none
    base_figure: np.ndarray
    as_of: np.ndarray  # day ordinal, -1 where unknown
    as_of_year: np.ndarray
    as_of_month: np.ndarray  # months since year 0, -1 where unknown
    moment_told: np.ndarray  # the claim's sentence dates it ("67.3% in 2019"), not only its article
    noun: np.ndarray  # word ids, NONE where empty
    verb: np.ndarray
    thing: np.ndarray  # ids of the subject's fields, NONE where None ("" has an id: it is not None)
    event: np.ndarray
    thing_known: np.ndarray  # the field is non-empty
    event_known: np.ndarray
    quantity: np.ndarray
    doc: np.ndarray
    singles: dict[str, np.ndarray]  # actor, owner, agent, dimension, unit: ids of the lower-cased name, NONE where empty
    sets: dict[str, Lists]  # source, place, person, year, instance: lower-cased names
    apart: np.ndarray  # `set_apart` as a code: 2 when told of another moment (a "when ..." qualifier), +1 a part
    names: list  # each id's string, to compare names as news writes them
    near: Lists  # the neighbourhood's words, each once, in order of appearance
    sentence: Lists
    near_weight: np.ndarray  # rarity of each word of `near.ids`
    sentence_weight: np.ndarray
    near_norm: np.ndarray
    sentence_norm: np.ndarray
    idf: dict[str, float]  # each word's rarity, as match.rarity gives it
    siblings: list[tuple[int, ...]]  # evidence.siblings: the other figures of one noun in each claim's article
    rivals: Lists  # the same, flattened


SINGLES = ("actor", "owner", "agent", "dimension", "unit")
SETS = ("source", "place", "person", "year", "instance")
NAMED = ("actor", "owner", "agent", "source", "place", "person")  # compared as names of one bearer (same_name)


def encode(claims: list[Claim]) -> Encoded:
    """Each claim into arrays, a field at a time. The rarity of words is worked out here as match.rarity does
    (over these claims), and how many claims state each value as match.weighed_pairs counts them."""
    n = len(claims)
    vocabulary = Vocabulary()
    ids = vocabulary.ids
    abouts = [c.about for c in claims]
    subjects = [c.subject for c in claims]
    instance = [marks(c) for c in claims]
    values = [c.value for c in claims]
    value = Vocabulary().ids(values)
    stating = np.bincount(value)[value] if n else np.zeros(0, dtype=np.int64)
    is_date = np.fromiter((isinstance(v, DateValue) for v in values), dtype=bool, count=n)
    is_number = np.fromiter((isinstance(v, NumberValue) for v in values), dtype=bool, count=n)
    ends = np.full((n, 2), -1, dtype=np.int64)
    dates = np.flatnonzero(is_date)
    if len(dates):
        ends[dates] = [(v.start.toordinal() if v.start else -1, v.end.toordinal() if v.end else -1)
                       for v in (values[k] for k in dates.tolist())]
    unanchored = np.zeros(n, dtype=bool)
    days = np.full((n, 3), -1, dtype=np.int64)
    for k in dates.tolist():
        unanchored[k] = not values[k].anchored
        if (facets := calendar(values[k])) is not None:
            days[k] = [-1 if x is None else x for x in facets]
    base_dimension = np.zeros(n, dtype=np.int64)
    base_figure = np.zeros(n)
    numbers = np.flatnonzero(is_number)
    bases = [in_base_units(claims[k]) for k in numbers.tolist()]
    known = np.fromiter((b is not None for b in bases), dtype=bool, count=len(bases))
    bases = [b for b in bases if b is not None]
    base_dimension[numbers[known]] = ids([("base", b[0]) for b in bases])
    base_figure[numbers[known]] = [b[1] for b in bases]
    as_of = np.fromiter((c.as_of.toordinal() if c.as_of is not None else -1 for c in claims), dtype=np.int64, count=n)
    as_of_year = np.fromiter((c.as_of.year if c.as_of is not None else -1 for c in claims), dtype=np.int64, count=n)
    as_of_month = np.fromiter((c.as_of.year * 12 + c.as_of.month if c.as_of is not None else -1 for c in claims),
                              dtype=np.int64, count=n)
    moment_told = np.fromiter((c.as_of_source == "text" for c in claims), dtype=bool, count=n)
    lowered = lambda names: ids([x.lower() if x else None for x in names])  # noqa: E731
    singles = {"actor": lowered([s.actor for s in subjects]), "owner": lowered([a.owner for a in abouts]),
               "agent": lowered([a.agent for a in abouts]),
               "dimension": lowered([a.dimension for a in abouts]),
               "unit": lowered([getattr(v, "unit", None) for v in values])}
    sets = {}
    for name, lists in (("source", [a.sources for a in abouts]), ("place", [a.places for a in abouts]),
                        ("person", [a.persons for a in abouts]), ("year", [a.years for a in abouts]),
                        ("instance", instance)):
        owner, names = flat(lists)
        sets[name] = Lists(owner, ids([x.lower() for x in names]), n)
    near_owner, near_words = flat([a.near for a in abouts])
    sentence_owner, sentence_words = flat([a.sentence for a in abouts])
    near = Lists(near_owner, ids(near_words), n, distinct=True)
    sentence = Lists(sentence_owner, ids(sentence_words), n, distinct=True)
    # rarity: in how many claims' neighbourhood or sentence each word is
    in_claim = unique(np.r_[near.owner, sentence.owner] * len(vocabulary) + np.r_[near.ids, sentence.ids])
    df = np.bincount(in_claim % len(vocabulary), minlength=len(vocabulary))
    weight = np.zeros(len(vocabulary))
    seen = np.flatnonzero(df)
    weight[seen] = by_value(lambda k: math.log((n + 1) / (k + 0.5)), df[seen])
    words = list(vocabulary.table)
    near_weight, sentence_weight = weight[near.ids], weight[sentence.ids]
    sibling = siblings(claims)
    rival_owner, rival_claims = flat(sibling)
    word = lambda items: ids([w or None for w in items])  # noqa: E731  (NONE where empty)
    field = lambda items: ids(list(items))  # noqa: E731  (NONE where None)
    return Encoded(
        value=value, stating=stating, is_date=is_date, is_number=is_number, date_ends=ends,
        unanchored=unanchored, calendar=days,
        base_dimension=base_dimension, base_figure=base_figure, as_of=as_of, as_of_year=as_of_year,
        as_of_month=as_of_month, moment_told=moment_told,
        noun=word([a.noun for a in abouts]), verb=word([a.verb for a in abouts]),
        thing=field([s.thing for s in subjects]), event=field([s.event for s in subjects]),
        thing_known=np.fromiter((bool(s.thing) for s in subjects), dtype=bool, count=n),
        event_known=np.fromiter((bool(s.event) for s in subjects), dtype=bool, count=n),
        quantity=field([("quantity", c.quantity) for c in claims]), doc=field([("doc", c.doc) for c in claims]),
        singles=singles, sets=sets, near=near, sentence=sentence,
        apart=np.fromiter((2 * told + part for told, part in map(set_apart, claims)), dtype=np.int8, count=n),
        names=list(vocabulary.table),
        near_weight=near_weight, sentence_weight=sentence_weight,
        near_norm=np.sqrt(run_sums(near_weight * near_weight, near.owner, n)),
        sentence_norm=np.sqrt(run_sums(sentence_weight * sentence_weight, sentence.owner, n)),
        idf={words[k]: float(weight[k]) for k in seen.tolist()},
        siblings=sibling, rivals=Lists(rival_owner, np.asarray(rival_claims, dtype=np.int64), n),
    )


@dataclass
class Readings:
    """Every reader's verdict (a code, see VERDICTS) for every pair, and the strength of the readers whose
    evidence is a degree."""

    verdict: dict[str, np.ndarray]  # reader name -> int8 codes
    strength: dict[str, np.ndarray]  # reader name -> strengths (0.0 where unknown), for the degree readers

    def __len__(self) -> int:
        return len(next(iter(self.verdict.values())))


def _choose(n: int, *cases: tuple[np.ndarray, int]) -> np.ndarray:
    """A verdict for each of n pairs: the first case whose mask holds, else unknown."""
    out = np.zeros(n, dtype=np.int8)
    done = np.zeros(n, dtype=bool)
    for mask, verdict in cases:
        out[mask & ~done] = verdict
        done |= mask
    return out


def _same(left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """_set_verdict for fields of one name each: ids, NONE where empty."""
    known = (left != NONE) & (right != NONE)
    return _choose(len(left), (~known, UNKNOWN), (left == right, AGREE), (known, CONFLICT))


def _sets(lists: Lists, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    known = (lists.length[i] > 0) & (lists.length[j] > 0)
    agree = np.zeros(len(i), dtype=bool)
    agree[known] = lists.share(i[known], j[known])
    return _choose(len(i), (~known, UNKNOWN), (agree, AGREE), (known, CONFLICT))


def _same_names(names: list, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """same_name for each pair of name ids, called once per distinct pair that may name one bearer: one of
    the two is a single word, or their last words are the same."""
    if not len(left):
        return np.zeros(0, dtype=bool)
    span = len(names)
    distinct, where = np.unique(left * span + right, return_inverse=True)
    a, b = distinct // span, distinct % span
    named, place = np.unique(np.r_[a, b], return_inverse=True)
    words = [name_words(names[k]) for k in named.tolist()]
    last = Vocabulary().ids([w[-1] if w else None for w in words])[place]
    single = np.fromiter((len(w) == 1 for w in words), dtype=bool, count=len(words))[place]
    n = len(distinct)
    maybe = np.flatnonzero(single[:n] | single[n:] | (last[:n] == last[n:]))
    same = np.zeros(n, dtype=bool)
    same[maybe] = [same_name(names[x], names[y]) for x, y in zip(a[maybe].tolist(), b[maybe].tolist())]
    return same[where]


def _single_names(e: Encoded, left: np.ndarray, right: np.ndarray) -> np.ndarray:
    """evidence._names_verdict for fields of one name each."""
    known = (left != NONE) & (right != NONE)
    agree = np.zeros(len(left), dtype=bool)
    agree[known] = _same_names(e.names, left[known], right[known])
    return _choose(len(left), (~known, UNKNOWN), (agree, AGREE), (known, CONFLICT))


def _set_names(e: Encoded, lists: Lists, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """evidence._names_verdict for lists of names: agree when a name of one names a bearer of the other."""
    known = np.flatnonzero((lists.length[i] > 0) & (lists.length[j] > 0))
    which, position = lists.spread(i[known])  # each name of each first claim
    count = lists.length[j[known]][which]
    pair = np.repeat(which, count)  # ... against each name of the second
    left = np.repeat(lists.ids[position], count)
    start = lists.start[j[known]][which]
    right = lists.ids[np.repeat(start - np.cumsum(count) + count, count) + np.arange(count.sum())]
    hit = _same_names(e.names, left, right)
    agree = np.zeros(len(i), dtype=bool)
    agree[known] = np.bincount(pair[hit], minlength=len(known)) > 0
    has = np.zeros(len(i), dtype=bool)
    has[known] = True
    return _choose(len(i), (~has, UNKNOWN), (agree, AGREE), (has, CONFLICT))


def _word(e: Encoded, left: np.ndarray, right: np.ndarray, i: np.ndarray, j: np.ndarray,
          one_class: np.ndarray | bool = False) -> np.ndarray:
    known = (left != NONE) & (right != NONE)
    near = np.zeros(len(i), dtype=bool)
    near[known] = e.near.holds(j[known], left[known]) | e.near.holds(i[known], right[known])
    return _choose(len(i), (~known, UNKNOWN), ((left == right) | one_class, AGREE), (near, COMPATIBLE),
                   (known, CONFLICT))


def _similarity(lists: Lists, weights: np.ndarray, norm: np.ndarray, i: np.ndarray, j: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray]:
    """evidence._similarity: the rarity-weighted cosine of two bags, summed over the smaller bag's words in its
    order (the first claim's where the two are as large)."""
    n = len(i)
    known = (lists.length[i] > 0) & (lists.length[j] > 0)
    swap = lists.length[i] > lists.length[j]
    left, right = np.where(swap, j, i), np.where(swap, i, j)
    which, position = lists.spread(left)
    hit = lists.holds(right[which], lists.ids[position])
    w = weights[position[hit]]
    shared = run_sums(w * w, which[hit], n)
    norms = norm[i] * norm[j]
    sim = np.divide(shared, norms, out=np.zeros(n), where=norms != 0)
    verdict = _choose(n, (~known, UNKNOWN), (sim >= 0.5, AGREE), (sim > 0, COMPATIBLE), (known, CONFLICT))
    return verdict, np.where(known, py_round(sim), 0.0)


def _closeness_in_days(days: int) -> float:
    return round(1.0 / (1.0 + math.log1p(days)), 4)


def _value(e: Encoded, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    n = len(i)
    verdict = np.zeros(n, dtype=np.int8)
    strength = np.zeros(n)
    placed = e.is_date[i] & e.is_date[j] & (e.unanchored[i] | e.unanchored[j])  # read by the calendar
    _by_calendar(e.calendar[i[placed]], e.calendar[j[placed]], np.flatnonzero(placed), verdict, strength)
    same = (e.value[i] == e.value[j]) & ~placed
    verdict[same] = AGREE
    strength[same] = by_value(lambda k: round(2 / max(2, k), 4), e.stating[i[same]])
    dates = np.flatnonzero(~same & ~placed & e.is_date[i] & e.is_date[j])
    if len(dates):
        a, b = e.date_ends[i[dates]], e.date_ends[j[dates]]
        gaps = [np.where((a[:, x] >= 0) & (b[:, y] >= 0), np.abs(a[:, x] - b[:, y]), np.iinfo(np.int64).max)
                for x in (0, 1) for y in (0, 1)]
        days = np.minimum.reduce(gaps)
        known = ((a >= 0).any(axis=1)) & ((b >= 0).any(axis=1))
        dates, days = dates[known], days[known]
        verdict[dates] = np.where(days <= NEAR_DAYS, COMPATIBLE, CONFLICT)
        strength[dates] = 0.0
    numbers = np.flatnonzero(~same & e.is_number[i] & e.is_number[j])
    if len(numbers):
        a, b = i[numbers], j[numbers]
        xa, xb = e.base_figure[a], e.base_figure[b]
        known = ((e.base_dimension[a] != NONE) & (e.base_dimension[a] == e.base_dimension[b]) & (xa > 0) & (xb > 0))
        numbers, xa, xb = numbers[known], xa[known], xb[known]
        ratio = np.maximum(xa, xb) / np.minimum(xa, xb)
        verdict[numbers] = np.where(ratio <= NEAR_RATIO, COMPATIBLE, CONFLICT)
        strength[numbers] = py_round(1.0 / (1.0 + np.abs(py_map(math.log, ratio))))
    return verdict, strength


def _by_calendar(a: np.ndarray, b: np.ndarray, at: np.ndarray, verdict: np.ndarray, strength: np.ndarray) -> None:
    """evidence._by_calendar on the pairs `at`, whose calendars are the rows of a and b, into verdict and strength."""
    both = (a >= 0) & (b >= 0)
    shared = both.any(axis=1)
    differ = (both & (a != b)).any(axis=1)
    day = (a[:, 0] >= 0) & (a[:, 1] >= 0) & (a[:, 0] == b[:, 0]) & (a[:, 1] == b[:, 1])
    verdict[at] = np.where(~shared, UNKNOWN, np.where(differ, COMPATIBLE, np.where(day, AGREE, COMPATIBLE)))
    strength[at] = np.where(~shared | differ, 0.0, np.where(day, 1.0, CALENDAR_WEAK))


def _contrast(e: Encoded, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    """evidence.contrast: for each side's claim x, each rival s of x in its article, each word w near the other
    claim: w tells for x when x has it and s not, against when s has it and x not."""
    n = len(i)
    x, y, pair = np.r_[i, j], np.r_[j, i], np.r_[np.arange(n), np.arange(n)]
    which, position = e.rivals.spread(x)
    mine, other, rival, pair = x[which], y[which], e.rivals.ids[position], pair[which]
    at, place = e.near.spread(other)
    word = e.near.ids[place]
    in_mine, in_rival = e.near.holds(mine[at], word), e.near.holds(rival[at], word)
    own = np.bincount(at[in_mine & ~in_rival], minlength=len(mine)) > 0
    theirs = np.bincount(at[in_rival & ~in_mine], minlength=len(mine)) > 0
    against = np.bincount(pair[theirs & ~own], minlength=n) > 0
    agree = np.bincount(pair[own & ~theirs], minlength=n) > 0
    return _choose(n, (agree & against, COMPATIBLE), (against, CONFLICT), (agree, AGREE))


def _subject(e: Encoded, i: np.ndarray, j: np.ndarray) -> np.ndarray:
    thing = e.thing_known[i] & e.thing_known[j]
    event = e.event_known[i] & e.event_known[j]
    thing_same, event_same = e.thing[i] == e.thing[j], e.event[i] == e.event[j]
    both = thing & event
    all_same = (~thing | thing_same) & (~event | event_same)
    none_same = (~thing | ~thing_same) & (~event | ~event_same)
    known = thing | event
    return _choose(len(i), (~known, UNKNOWN), (all_same & both, AGREE), (all_same, COMPATIBLE),
                   (none_same, CONFLICT), (known, COMPATIBLE))


def _moment(e: Encoded, i: np.ndarray, j: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    known = (e.as_of[i] >= 0) & (e.as_of[j] >= 0)
    days = np.abs(e.as_of[i] - e.as_of[j])
    told = e.moment_told[i] | e.moment_told[j]
    two_figures_told = e.moment_told[i] & e.moment_told[j] & (e.value[i] != e.value[j])
    verdict = _choose(len(i), (~known, UNKNOWN), (days <= 1, AGREE),
                      (told & (e.as_of_year[i] != e.as_of_year[j]), CONFLICT),
                      (two_figures_told & (e.as_of_month[i] != e.as_of_month[j]), CONFLICT), (known, COMPATIBLE))
    strength = np.zeros(len(i))
    strength[known] = by_value(_closeness_in_days, days[known])
    return verdict, strength


def read_all(e: Encoded, i: np.ndarray, j: np.ndarray) -> Readings:
    """Every reader of evidence.READERS on the pairs (i[k], j[k]), the first claim of a pair as evidence.Pair.a."""
    verdict: dict[str, np.ndarray] = {}
    strength: dict[str, np.ndarray] = {}
    verdict["value"], strength["value"] = _value(e, i, j)
    for name in SINGLES:
        left, right = e.singles[name][i], e.singles[name][j]
        verdict[name] = _single_names(e, left, right) if name in NAMED else _same(left, right)
    one_class = (e.thing[i] != NONE) & (e.thing[i] == e.thing[j])
    verdict["noun"] = _word(e, e.noun[i], e.noun[j], i, j, one_class)
    one_event = (e.event[i] != NONE) & (e.event[i] == e.event[j])
    verdict["verb"] = _word(e, e.verb[i], e.verb[j], i, j, one_event)
    verdict["context"], strength["context"] = _similarity(e.near, e.near_weight, e.near_norm, i, j)
    verdict["contrast"] = _contrast(e, i, j)
    verdict["sentence"], strength["sentence"] = _similarity(e.sentence, e.sentence_weight, e.sentence_norm, i, j)
    verdict["subject"] = _subject(e, i, j)
    for name in SETS:
        verdict[name] = _set_names(e, e.sets[name], i, j) if name in NAMED else _sets(e.sets[name], i, j)
    # one told of another moment and the other not; or one told as a part and the other not, with another value or
    # noun (evidence.instance: a whole is more than its part)
    moved = (e.apart[i] ^ e.apart[j]) & 2 != 0
    part = ((e.apart[i] ^ e.apart[j]) & 1 != 0) & ((verdict["value"] != AGREE) | (verdict["noun"] == CONFLICT))
    apart = moved | part
    verdict["instance"] = np.where(apart, CONFLICT, verdict["instance"]).astype(np.int8)
    verdict["moment"], strength["moment"] = _moment(e, i, j)
    verdict["plan"] = np.where(e.quantity[i] == e.quantity[j], AGREE, COMPATIBLE).astype(np.int8)
    verdict["document"] = np.where(e.doc[i] == e.doc[j], AGREE, UNKNOWN).astype(np.int8)
    names = [read.__name__ for read in READERS]
    assert set(verdict) == set(names), "a reader of evidence.READERS has no counterpart here"
    return Readings({name: verdict[name] for name in names}, strength)
