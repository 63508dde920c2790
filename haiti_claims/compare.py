"""Comparing the values of claims the matcher put in one group.

Which claims speak of the same quantity is the matcher's decision (`match`); this stage takes its
groups and judges the values. Claims whose values cannot be compared (an unanchored date, a
figure with no bound) are left out of the judging.

Inside a group, claims with the same value form a `Position` (plans apart from outcomes), and `judge` decides each pair
of positions (in a bucket of more than 16, each position and the next: see `_pairs`), naming the rule
that fired:

| rule | finding | when |
| --- | --- | --- |
| (none) | no finding | the values are of different dimensions: two currencies, a length and a weight |
| (none) | no finding | a figure whose sentence says it is above or below another ("a higher count than the company's own"): a difference the writer knows of |
| (none) | no finding | a count over the whole of something ("over the whole episode") at least as large as one over a stretch its sentence states ("between Friday and Tuesday"), or a figure at the height of something ("at the height of the Games") at least as large as one of another moment: a whole and its part, a peak and a usual day |
| (none) | no finding | a percentage something changed by ("will rise by 6.7%") and a percentage of a whole ("4.5% of economic output"): two kinds of figure |
| (none) | no finding | how many stand in some state at a moment ("22 still unaccounted for") against a total that only grows ("21 killed"): two quantities |
| (none) | no finding | two days one sentence lists among three or more ("the first victims on March 27, a third on April 5, a fourth on April 16"): days of a series' items, whatever the matcher joined |
| (none) | no finding | every figure of each value is given by a named source and the two values' sources differ ("the WHO said", "the health minister said"): each source gives its own figure (dev README rule 2) |
| (none) | no finding | two dates that are the moments of different counts ("612 went to hospital on Monday", "the toll rose to 11 on Wednesday"), or the moment up to which a count ran ("by early Saturday") against a day that dates no count (dev README rule 4) |
| conflicting-values | contradiction / intra-document | intervals do not meet |
| range-bounds | contradiction / intra-document | two stated ranges that share one bound and not the other |
| same-moment | contradiction / intra-document | ... and both held on the same as-of date |
| plan-outcome | update (info) | a plan or forecast, and an outcome told no earlier than the plan, differ |
| cumulative-grew | update (info) | a later count of a growing total is larger |
| cumulative-fell | contradiction | a later count of a growing total is smaller, no revision marked |
| revised-down | revision (warning) | ... and its sentence marks a revision ("revised down") |
| partial-count | update (info) | a count told before the counting ended, and a fuller one (a share moves either way) |
| plan-replaced | update (info) | a later plan says it replaces one ("postponed to") |
| revised | revision (warning) | any other later figure whose sentence marks a revision ("revised the count") |
| stock-changed | update (info) | a level that moves either way (a share's move, "rose 6%", and how things stood, "5,800 firefighters were on the lines", among them, one of them enough where its sentence names its day), or figures each dated by its sentence, at two dates |
| cumulative-undated | unordered (info) | a growing total whose claims cannot be put in time order |
| hedge-edge | near-miss (info) | intervals meet only at a hedge's edge |
| no-publication-date | unanchored-date (info) | relative dates with nothing to anchor them |
| repeated-text | repeated-text (info) | an article repeats another's sentences word for word: read as the first |

Values are judged in one unit: a measurement in feet and one in metres are converted to the base unit of
their dimension (pint, through `match.units`), weeks and months alike; a share ("a quarter") and a
percentage are one fraction. Figures in two units agree within `CONVERSION_ROUNDING`, since a converted
figure is rounded ("984 feet (300 meters)"); temperatures, whose scales differ by an offset, are read in degrees
Celsius and agree within half the last digit each is written to ("44C (111F)"; "-1C", "30F"). Sums in two
currencies are never judged against each other: no rate is known for the day they speak of.

A figure written with fewer decimals is a rounding of a finer one it rounds to ("34 per cent", "33.7%"), and so
is a round figure ("6,800", two significant digits or more and two zeros or more) of one it rounds to ("6,840"),
rounding half up as print does. Two figures rounded to one place whose intervals only touch ("1.2 million",
"1.3 million") conflict: no value rounds to both. Two periods open on the same side ("the first cup since 1998",
"since 1999") conflict where their given ends do, unless one opens a count ("135 killed since Monday").
A range that reports an estimate's bounds states both: two such ranges of one quantity that share one bound
and differ in the other conflict even where they overlap; a one-sided figure ("up to $4bn") states one bound only and agrees
with a range that shares it (dev README rule 3).

Two values stated in one sentence are never judged against each other: a writer who puts them
together tells a change ("slowed to 3.2% in March from 3.5% in February"), a range or a list.
"""
from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import date
from functools import cached_property
from itertools import combinations
from typing import Iterable, Sequence, TypeVar

from .collector import paused
from .config import Config
from .match import Matching, Weights
from .match.evidence import name_words, same_name
from .match.restated import converts, side_by_side, told_again
from .match.units import Base, base
from .normalize.dates import month_span, year_span
from .model import (SEVERITY_RANK, SHARE, Claim, DateValue, Evidence, Finding, NumberValue, Problem, Timeline, Value,
                    describe)



# What each rule means, in words for editors (reports show it beside the rule's name).
RULES = {
    "conflicting-values": "same subject, values whose intervals do not meet.",
    "range-bounds": "two ranges given for one estimate share one bound and not the other (\u201c$540m to "
                    "$1.08bn\u201d, \u201cbetween $540m and $1.8bn\u201d), even where they overlap.",
    "same-moment": "same subject, values that do not meet although both held on the same date.",
    "cumulative-grew": "a later count of a growing total is larger: an update, not a conflict.",
    "cumulative-fell": "a later count of a growing total is smaller, and nothing says it was revised.",
    "revised-down": "a later count is smaller and its sentence says it was revised.",
    "plan-outcome": "a plan or forecast and what then happened: an outcome that differs from the plan is "
                    "news, not a conflict (two reports of the outcome, or of one plan, are compared).",
    "plan-replaced": "a later plan says it replaces an earlier one: an update, not a conflict.",
    "partial-count": "a figure told before the counting ended (\u201cwith one seat outstanding\u201d, \u201con "
                     "the count so far\u201d) and a fuller one: a count may grow as the rest is counted, a share "
                     "move either way.",
    "revised": "a later figure whose sentence says it was revised (\u201cinspectors revised the count\u201d).",
    "stock-changed": "a level that can move either way, or a figure each sentence dates to its own moment, has "
                     "different values at two dates.",
    "cumulative-undated": "a growing total whose claims cannot be put in time order.",
    "hedge-edge": "values meet only at the edge of a hedge: neither figure lies in the other's interval.",
    "no-publication-date": "relative dates (\u201cnext year\u201d, \u201cin June\u201d) in an article with no "
                           "publication date cannot be resolved, so they are never compared.",
    "repeated-text": "sentences an article repeats word for word from one published before it (a story sent again, "
                     "agency copy) were written then: their dates and moments are read as in the first.",
    "unreadable": "the file could not be read as text.",
    "no-text": "the file holds no text to check (an empty file, or a web page whose article text could not be "
               "found): it is counted, and nothing in it is compared.",
    "bad-metadata": "the file's front matter or its metadata.csv row could not be read; the article is still "
                    "checked, without what could not be read.",
    "unread-dateline": "a byline or dateline gives a numeric date that reads both day-first and month-first; it is "
                       "left unread rather than guessed.",
    "dateline-mismatch": "the byline or dateline gives another publication date than the metadata, which is used.",
    "dateline-year": "a dateline gives no year (\u201cJune 20 (Agency) -\u201d); the year that puts it near the "
                     "publication dates of the story's other articles is taken, where exactly one does.",
}


@dataclass(frozen=True)
class Draft:
    """A finding before ids are given."""

    kind: str
    subject: str
    message: str
    claims: tuple[Claim, ...] = ()
    doc: str | None = None
    rule: str | None = None
    confidence: float | None = None  # comparison findings: how sure the matcher is the claims are one quantity
    evidence: tuple[Evidence, ...] = ()


def _comparable(value: Value) -> bool:
    if isinstance(value, DateValue):
        return value.anchored and (value.start is not None or value.end is not None)
    return value.low is not None or value.high is not None


def _bounds(value: Value) -> tuple[float, float]:
    if isinstance(value, DateValue):
        low = value.start.toordinal() if value.start else float("-inf")
        high = value.end.toordinal() if value.end else float("inf")
        return low, high
    return (value.low if value.low is not None else float("-inf"),
            value.high if value.high is not None else float("inf"))


CONVERSION_ROUNDING = 0.02  # figures in two units of one dimension agree within 2 %: a conversion is rounded


def _measure(claim: Claim) -> Base:
    """The dimension of a claim's value and its conversion to the dimension's reference unit (units.base).

    Dates are dates; a sum is in its currency (dollars and euros are never converted); a share ("a quarter")
    is a fraction as a percentage is (x 100); a measurement is in its pint dimension, and so is a count of
    units of time ("11 weeks", "three months"); any other count is a count, whatever it counts.
    """
    value = claim.value
    if isinstance(value, DateValue):
        return Base("date", 1.0)
    if claim.kind == "money":
        return Base(f"money:{value.unit}", 1.0)
    if value.unit == SHARE:
        return Base("fraction", 100.0)
    if claim.kind == "percent":
        return Base("fraction", 1.0)
    if value.unit and claim.kind in ("quantity", "count"):
        unit = base(value.unit)
        if unit is not None and (claim.kind == "quantity" or unit.dimension == "[time]"):
            return unit
        if claim.kind == "quantity":  # a unit pint does not know: only the same one compares
            return Base(f"quantity:{value.unit}", 1.0)
    return Base("count" if claim.kind == "number" else claim.kind, 1.0)


NUMERAL = re.compile(r"\d[\d,]*(?:\.(\d+))?")


def _decimals(value: Value, claims: list[Claim]) -> int | None:
    """The decimal place of the last digit of an exact, unhedged figure as written, in the value's own units, the
    finest of its claims: "33.7%": 1, "34 per cent": 0, "1.2 million": -5, "12 million": -6, and a round figure of
    two significant digits or more that ends in two zeros or more is rounded at its last significant digit
    ("6,800": -2; not "410", which may well be exact, nor "300"). None for a hedged or ranged figure, a date, or a
    figure in words."""
    if not isinstance(value, NumberValue) or value.hedge or value.low is None or value.low != value.high:
        return None
    places = [_place(m, value.low) for c in claims if (m := NUMERAL.search(c.text))]
    return max((p for p in places if p is not None), default=None)


def _place(numeral: re.Match, value: float) -> int | None:
    """The decimal place of a numeral's last significant digit, in the units of the value it writes ("1.2" of 1.2
    million: -5)."""
    digits, decimals = numeral.group(0).replace(",", ""), len(numeral.group(1) or "")
    written = float(digits)
    if not written or not value:
        return None
    scale = math.log10(abs(value / written))
    if abs(scale - round(scale)) > 1e-6:
        return None  # the numeral is not the figure's own (a fraction, a share written otherwise)
    if not decimals:
        zeros = len(digits) - len(digits.rstrip("0"))
        decimals = -zeros if zeros >= 2 and len(digits) - zeros >= 2 else 0
    return decimals - round(scale)


def _scaled(value: Value, scale: Base) -> tuple[float, float]:
    low, high = _bounds(value)
    if scale.factor == 1.0 and not scale.offset:
        return low, high
    return low * scale.factor + scale.offset, high * scale.factor + scale.offset


def _nominal(value: Value) -> float | None:
    if isinstance(value, NumberValue):
        return value.nominal if value.hedge not in ("over", "under", "at least", "up to") else None
    return None


class Position:
    """One value of a group and the claims that state it, with what judging needs worked out once:
    a position meets up to 15 others in its group."""

    def __init__(self, value: Value, claims: list[Claim], counts: frozenset[str] = frozenset(),
                 beside: frozenset[str] = frozenset()):
        self.value, self.claims = value, claims
        self.counts = counts  # a date's: what the figures it dates are, if every claim dates one (`_counts`)
        self.beside = beside  # a date's: what the running counts its sentences state are (`_figures_beside`)
        self.scale = _measure(claims[0])
        self.unit = getattr(value, "unit", None)
        self.bounds = _scaled(value, self.scale)
        self.earliest = _earliest(claims)
        self.decimals = _decimals(value, claims)
        self.ranged = isinstance(value, NumberValue) and value.hedge == "between" and \
            value.low is not None and value.high is not None
        self.restated: list[Claim] = []  # the figure told again in another currency or unit (`_restatements`)
        self.stand_ins: list[Claim] = []  # those of them that may stand in for it against another currency

    @property
    def dimension(self) -> str:
        return self.scale.dimension

    @property
    def factor(self) -> float:
        return self.scale.factor

    @cached_property
    def moments(self) -> tuple[date, date] | None:
        return _moments(self.claims)

    @cached_property
    def docs(self) -> set[str]:
        return {c.doc for c in self.claims}

    @cached_property
    def quantities(self) -> set[str | None]:
        return {c.quantity for c in self.claims}

    @cached_property
    def markers(self) -> set[str]:
        return {m for c in self.claims for m in c.markers}

    @cached_property
    def marked(self) -> set[str]:
        """The markers every claim of the position carries."""
        return set.intersection(*(set(c.markers) for c in self.claims))

    @cached_property
    def sentences(self) -> set[tuple[str, str]]:
        return {(c.doc, c.sentence) for c in self.claims}

    @cached_property
    def ids(self) -> frozenset[str]:
        return frozenset(c.id for c in self.claims)

    @cached_property
    def stated(self) -> str:
        """The figure as written, with its normalised value where that differs, and where it is stated."""
        again = "".join(f" / {c.text}" for c in self.restated)
        return f"{_stated(self.value, self.claims)}{again} ({_where(self.claims)})"


def _meets(a: Position, b: Position) -> bool:
    """Whether two values can both hold: never across dimensions (US$205,000 and about C$280,000 restate one sum)."""
    if a.dimension != b.dimension:
        return False
    (alo, ahi), (blo, bhi) = a.bounds, b.bounds
    if a.unit != b.unit:  # one figure was converted from the other's unit, and rounded: each gives half the room
        slack = CONVERSION_ROUNDING / 2
        room = [(abs(lo) * slack, abs(hi) * slack) for lo, hi in (a.bounds, b.bounds)]
        if a.scale.offset or b.scale.offset:  # a scale with an arbitrary zero: the room is half the last digit written
            room = [(r, r) for r in (_half_last_digit(a), _half_last_digit(b))]
        alo, ahi, blo, bhi = alo - room[0][0], ahi + room[0][1], blo - room[1][0], bhi + room[1][1]
    return alo <= bhi and blo <= ahi and not _rounded_apart(a, b) and not _opened_apart(a, b)


def _half_last_digit(p: Position) -> float:
    """Half a unit of the last digit a figure is written to, in the reference unit: what rounding it may hide."""
    return 0.5 * 10.0 ** -(p.decimals or 0) * p.factor


def _opened_apart(pa: Position, pb: Position) -> bool:
    """Two periods open on the same side whose given ends differ ("the first cup since 1998", "since 1999"): what
    they state is where the period opens, so 1998 and 1999 cannot both be right, though both run to today. Not
    where one opens a count ("135 killed since Monday", "20,000 have fled since May 20": each starts its own)."""
    a, b = pa.value, pb.value
    if not (isinstance(a, DateValue) and isinstance(b, DateValue)) or \
            any("counted-from" in c.markers for c in pa.claims + pb.claims):
        return False
    ends = [(v.start, None) if v.end is None else (None, v.end) if v.start is None else None for v in (a, b)]
    if None in ends or (ends[0][0] is None) != (ends[1][0] is None):
        return False
    given = [_period_of(v.start or v.end, v.granularity) for v in (a, b)]  # type: ignore[arg-type]
    if None in given:
        return False
    (alo, ahi), (blo, bhi) = given  # type: ignore[misc]
    return ahi < blo or bhi < alo


def _period_of(day: date, granularity: str) -> tuple[date, date] | None:
    """The year, month or day an open period's given end names."""
    if granularity == "year":
        return year_span(day.year)[:2]
    if granularity == "month":
        return month_span(day.year, day.month)[:2]
    return (day, day) if granularity == "day" else None


def _rounded_apart(a: Position, b: Position) -> bool:
    """Two figures rounded to one place ("1.2 million euros", "1.3 million euros") whose intervals only touch: no
    value rounds half up to both (1.25 million is "1.3 million"), so they cannot both be right."""
    values = (a.value, b.value)
    if not all(isinstance(v, NumberValue) and v.hedge is None and v.low is not None and v.high is not None
               and v.low < v.high for v in values) or a.unit != b.unit:
        return False
    (alo, ahi), (blo, bhi) = a.bounds, b.bounds
    return math.isclose(ahi, blo, rel_tol=1e-9) or math.isclose(bhi, alo, rel_tol=1e-9)


def _rounded(a: Position, b: Position) -> bool:
    """One exact figure is written with fewer decimals than the other, which rounds to it ("34 per cent" and
    "33.7%", "11%" and "11.1 per cent"), or is a round figure the other rounds to ("6,800 employees" and "employs
    6,840 people"): the coarser figure is the finer one rounded."""
    if a.unit != b.unit or a.decimals is None or b.decimals is None or a.decimals == b.decimals:
        return False
    coarse, fine = (a, b) if a.decimals < b.decimals else (b, a)
    half = 0.5 * 10 ** -coarse.decimals * coarse.factor
    slack = 1e-9 * abs(coarse.bounds[0])
    # rounding half up, as figures are rounded in print: 6.5 rounds to 7, 7.5 to 8, so "7" rounds 6.5 but not 7.5
    return -half - slack <= fine.bounds[0] - coarse.bounds[0] < half - slack


def _other_bounds(a: Position, b: Position) -> bool:
    """Two stated ranges that share one bound and give the other differently ("$540m to $1.08bn", "between
    $540m and $1.8bn"): one estimate, both of whose bounds are reported, so they conflict even where the
    intervals overlap. Overlapping ranges that share no bound ("$400m to $1.5bn", "$300m to $1bn") are as
    likely two estimates as one misreported, and are left to the intervals."""
    if not (a.ranged and b.ranged):
        return False
    same = [math.isclose(x, y, rel_tol=1e-9) for x, y in zip(a.bounds, b.bounds)]
    return any(same) and not all(same)


def _near_miss(a: Position, b: Position) -> bool:
    """They meet, but only at the edge of a hedge: neither figure lies in the other's interval."""
    na, nb = _nominal(a.value), _nominal(b.value)
    if na is None or nb is None or na == nb or a.unit != b.unit:
        return False
    (alo, ahi), (blo, bhi) = a.bounds, b.bounds
    na, nb = na * a.factor + a.scale.offset, nb * b.factor + b.scale.offset
    return not (blo <= na <= bhi) and not (alo <= nb <= ahi)


def _stated(value: Value, claims: list[Claim]) -> str:
    """The figure as written, with its normalised value where that differs: "early 2025 [2025-01-01..2025-04-30]"."""
    written, normal = claims[0].text, describe(value)
    return written if written.replace(",", "") == normal.replace(",", "") else f"{written} [{normal}]"


def _where(claims: Iterable[Claim]) -> str:
    return ", ".join(dict.fromkeys(f"{c.doc}:{c.line}" for c in claims))


def group_label(members: list[Claim]) -> str:
    """A group's subject in words: the subject most of its claims were read with."""
    labels = Counter(c.subject.label() for c in members if c.subject.thing or c.subject.event)
    if labels:
        return labels.most_common(1)[0][0]
    nouns = Counter(c.about.noun for c in members if c.about.noun)
    return nouns.most_common(1)[0][0] if nouns else members[0].kind


def groups_of(claims: list[Claim], matching: Matching) -> dict[str, list[Claim]]:
    """The matcher's groups, each with the claims whose values can be compared, in report order: never a
    figure its own article withdraws or corrects."""
    groups: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if (group := matching.group.get(claim.id)) is not None and _comparable(claim.value) and \
                claim.status != "withdrawn":  # a figure its own article takes back or corrects
            groups[group].append(claim)
    return groups


def _moments(claims: list[Claim]) -> tuple[date, date] | None:
    """The earliest and latest as-of dates of some claims; None if any is unknown."""
    days = [c.as_of for c in claims]
    if any(d is None for d in days):
        return None
    return min(days), max(days)  # type: ignore[type-var]


def judge(va: Value, ca: list[Claim], vb: Value, cb: list[Claim]) -> tuple[str, str] | None:
    """(finding kind, rule) for two positions of one group (a value and the claims stating it), or None
    when they agree."""
    return _verdict(Position(va, ca), Position(vb, cb))


def _verdict(a: Position, b: Position) -> tuple[str, str] | None:
    """(finding kind, rule) for two positions of one group, or None when they agree.

    Two values one sentence states are no conflict (a change, a range, a list), however many other
    sentences repeat either, unless that sentence says one corrects the other ("began on January 12,
    according to the revised timeline, after an earlier report put it on January 18"): then a repeat of the
    old value elsewhere is wrong. A plan or forecast and an outcome are an update: what happened may differ
    from what was planned. Time matters for values that move: a later, larger cumulative count is an update; a
    later, smaller one a contradiction unless its sentence marks a revision; a later plan that says it
    replaces an earlier one ("postponed to") is an update; any other later figure whose sentence marks a
    revision is a revision. Counts that cannot be ordered in time
    are said to be unordered, never guessed. Everything else that cannot be true at once is a
    contradiction (across articles) or an intra-document conflict.
    """
    shared = a.sentences & b.sentences  # a sentence with both values tells a change, a range or a list
    if shared and (len(a.sentences | b.sentences) == 1 or  # "slowed to 3.2% from 3.5%"
                   not any("revision" in c.markers for c in a.claims + b.claims if (c.doc, c.sentence) in shared)
                   or _old_told_only_where_revised(a, b, shared)):
        return None  # unless it corrects one and other sentences repeat the old one: those are now wrong
    if a.dimension != b.dimension:
        return None  # dollars and euros, a length and a weight: no figure of one can contradict the other
    if _moments_of_other_counts(a, b) or _moving_and_moved_to(a, b):
        return None
    if _measured_two_ways(a, b) or _whole_holds_its_part(a, b):
        return None
    if _a_change_and_a_share(a, b):
        return None  # "the minimum wage will rise by 6.7%" and "borrowing of 4.5% of economic output"
    if _a_level_and_a_total(a, b):
        return None  # "22 people were still unaccounted for" and "21 people were killed": how many stand, how many died
    if _given_by_others(a, b):
        return None  # "the WHO said 537", "the health minister said 988": each source gives its own figure
    if any("view" in p.marked for p in (a, b)):
        return None  # "in his view, no more than €2 billion": one person's estimate, no report to correct
    if any(isinstance(p.value, NumberValue) and "contrast" in p.marked for p in (a, b)):
        return None  # "a higher count than the company's own": the writer tells the figures' difference, no conflict
    if _rounded(a, b):
        return None  # "34 per cent" is "33.7%" rounded
    ranges = _other_bounds(a, b)
    if _meets(a, b) and not ranges:
        return ("near-miss", "hedge-edge") if _near_miss(a, b) else None
    differ = "range-bounds" if ranges and _meets(a, b) else "conflicting-values"
    conflict = "contradiction" if len(a.docs) > 1 or a.docs != b.docs else "intra-document"
    if (outcome := _outcome_of_plan(a, b)) is not None:  # what "was postponed to September" is a new plan
        return "update", "plan-replaced" if "replacement" in outcome.markers else "plan-outcome"
    if _partial_then_fuller(a, b):
        return "update", "partial-count"
    quantities = {"stock"} if (_moves(a) and _moves(b)) or a.marked & b.marked & {"state", "per-unit"} \
        or _a_state_of_its_own_day(a, b) else a.quantities | b.quantities
    if "running" in a.markers | b.markers and quantities <= {"cumulative", "fixed"} and a.dimension not in LEVELS:
        quantities = quantities | {"cumulative"}  # "8.6 million tickets had been sold": a total so far
    ma, mb = a.moments, b.moments
    if ma is None or mb is None:
        if "cumulative" in quantities:
            return "unordered", "cumulative-undated"
        return conflict, differ
    if ma[1] < mb[0] or mb[1] < ma[0]:
        early, late = (a, b) if ma[1] < mb[0] else (b, a)
        if "cumulative" in quantities:
            if late.bounds[0] >= early.bounds[1]:
                return "update", "cumulative-grew"
            if "revision" in late.markers:
                return "revision", "revised-down"
            return conflict, "cumulative-fell"
        if "plan" in quantities and late.markers & {"replacement", "revision"}:
            return "update", "plan-replaced"
        if "revision" in late.markers:
            return "revision", "revised"
        if quantities == {"stock"} or (quantities == {"fixed"} and _each_told_its_moment(a, b)):
            return "update", "stock-changed"
        return conflict, differ
    return conflict, "same-moment" if ma == mb else differ


# dimensions of a level at a moment, never a total that grows: power, speed, temperature (pint's dimensionality)
LEVELS = ("[mass] * [length] ** 2 / [time] ** 3", "[length] / [time]", "[temperature]")
TWO_WAYS = ("distance-from", "spacing", "offset", "per-day", "per-week", "per-month", "per-year",  # other things
            "record-span")


def _measured_two_ways(a: Position, b: Position) -> bool:
    """A distance from somewhere ("within 800 metres of the wreck") and a length ("about 1,500 feet of track"), a
    spacing ("given four weeks apart") or a time ahead of a plan ("two days ahead of schedule") and a time since
    something or a duration ("seven weeks after", "food for three days"), a figure per day ("35,000 police every
    day") and a count of one occasion ("45,000 on the opening night"), how far back a record reaches ("the lowest rate
    in almost three years") and how long something lasted ("had stood for almost two years"), times counted from two
    events ("nine days after they went missing", "three days after the last was brought out"): two things measured."""
    since_a, since_b = ({m for m in p.marked if m.startswith("since:")} for p in (a, b))
    return any((marker in a.marked) != (marker in b.marked) for marker in TWO_WAYS) or \
        bool(since_a and since_b and not since_a & since_b)


def _whole_holds_its_part(a: Position, b: Position) -> bool:
    """A count over the whole of something ("roughly 7,000 flights over the whole episode") and one over a stretch its
    sentence states ("5,470 between Friday and Tuesday"): the whole may hold more than the part, never less. So may a
    figure at the height of something ("at the height of the Games, 35,000 police every day") exceed the same figure
    of any other moment ("some thirty thousand every day of the Games")."""
    for whole, part in ((a, b), (b, a)):
        if whole.bounds[1] < part.bounds[0]:
            continue
        if "whole" in whole.marked and "whole" not in part.markers and \
                all(c.as_of_source == "text" for c in part.claims):
            return True
        if "peak" in whole.marked and "peak" not in part.markers:
            return True
    return False


def _given_by_others(a: Position, b: Position) -> bool:
    """Every figure of each is given by a named source (`About.givers`), and no giver of one is a giver of the other:
    sources that disagree each give their own figure, no contradiction (dev README rule 2)."""
    givers = [{g for c in p.claims for g in c.about.givers} for p in (a, b)]
    return all(c.about.givers for p in (a, b) for c in p.claims) and \
        not any(same_name(x, y) or _begins(x, y) for x in givers[0] for y in givers[1])


def _begins(a: str, b: str) -> bool:
    """A name of two words or more begins the other: "Prairie Northern", "Prairie Northern Railway"."""
    wa, wb = sorted((name_words(a), name_words(b)), key=len)
    return len(wa) > 1 and wb[:len(wa)] == wa


def _a_change_and_a_share(a: Position, b: Position) -> bool:
    """A percentage something changed by ("will rise by 6.7%") and a percentage of a whole ("4.5% of economic
    output"): two kinds of figure, never two reports of one."""
    def change(p: Position) -> bool:
        return all(c.kind == "percent" and c.subject.event in ("increase", "decrease")
                   and f"to {c.text}" not in c.sentence for c in p.claims)

    def share(p: Position) -> bool:
        return all(c.kind == "percent" and f"{c.text} of " in c.sentence for c in p.claims)
    return (change(a) and share(b) and not change(b)) or (change(b) and share(a) and not change(a))


def _a_state_of_its_own_day(a: Position, b: Position) -> bool:
    """One figure tells how things stood on a day its own sentence names ("Eight tugboats were pulling at the hull on
    Wednesday"): a level at that moment, which another figure of another moment may differ from ("a fleet of 14
    tugboats swung the stern off"), as a level does."""
    return any("state" in p.marked and all(c.as_of_source == "text" for c in p.claims) for p in (a, b))


def _a_level_and_a_total(a: Position, b: Position) -> bool:
    """How many stand in some state at a moment ("22 people were still unaccounted for", "40 residents still
    missing") and a total that only grows ("21 people were killed"): two quantities, whatever the matcher joined."""
    return any("state" in p.marked and not (q.markers & {"state"}) and q.quantities == {"cumulative"}
               for p, q in ((a, b), (b, a)))


MOVES = ("increase", "decrease", "close", "end", "open", "finish", "trade")  # "rose 6%", "closed up 5.2%"


def _moves(p: Position) -> bool:
    """Every claim of the position is a percentage a level moved by or to ("shares rose 6%", "closed up 5.2%", "cut
    its deposit rate to 3.75%") or at which it stands: a level moves either way, so two such figures told of two
    moments are two moves or two readings (as `stock`), never a total that grew."""
    return all(c.kind == "percent" and (c.subject.event in MOVES or c.quantity == "stock"
                                        or f"to {c.text}" in c.sentence) for c in p.claims)


def _moving_and_moved_to(a: Position, b: Position) -> bool:
    """The day something was moved ("postponed the race on Tuesday") and the day it was moved to ("pushed back to
    Thursday 1 August") are the days of two events, the decision and the new date."""
    return any("moving-day" in p.marked and "moved-to" in q.marked for p, q in ((a, b), (b, a)))


def _old_told_only_where_revised(a: Position, b: Position, shared: set[tuple[str, str]]) -> bool:
    """A revision sentence gives the value it starts from ("revised down to 179,000 from 206,000"), and only there:
    other sentences repeat the new value, which agrees with it."""
    return any(p.sentences <= shared and "changed-from" in p.marked for p in (a, b))


def _each_told_its_moment(a: Position, b: Position) -> bool:
    """Every figure of both is dated by its own sentence ("Brent closed on Friday at $65.64", "settled at $68.10 on
    Monday"): figures of two moments, a level read twice, not two reports of one (dev README rule 4)."""
    return all(isinstance(p.value, NumberValue) and all(c.as_of_source == "text" for c in p.claims) for p in (a, b))


def _moments_of_other_counts(a: Position, b: Position) -> bool:
    """The moments two different counts were taken ("612 people went to emergency rooms on Monday", "the toll rose
    to 11 on Wednesday"), or the moment up to which a count ran ("nine had been hoisted by early Saturday", "22,800
    cases as of 26 August") and a day that dates no count: each date speaks of its own count, not of the event
    counted (dev README rule 4), so they are no two reports of one date. Nor is the day a count was taken ("the toll
    rose to six on Monday") and a day another sentence tells beside the same count without dating it ("the surge that
    killed six people on Friday, September 12"): that one is the day of the event counted."""
    if a.counts & b.counts:
        return False
    up_to = lambda p: bool(p.counts) and isinstance(p.value, DateValue) and p.value.hedge == "by"  # noqa: E731
    told_with = lambda p, q: bool(p.counts) and not q.counts and bool(p.counts & q.beside)  # noqa: E731
    return bool(a.counts and b.counts) or up_to(a) or up_to(b) or told_with(a, b) or told_with(b, a)


def _partial_then_fuller(a: Position, b: Position) -> bool:
    """One position is told only before the counting ended ("turnout, at 59.8% with one seat outstanding",
    "on the count so far", "with 649 of the 650 constituencies declared"), the other never: partial then
    final results are an update (dev README). A share or rate may move either way as the rest is counted;
    a count only grows, so a partial count above the fuller one still conflicts (412 seats with one to come,
    411 at the end). A partial figure told after the other is no earlier stage of it."""
    partial_a = all("partial" in c.markers for c in a.claims)
    partial_b = all("partial" in c.markers for c in b.claims)
    if partial_a == partial_b or any("partial" in c.markers for c in (b.claims if partial_a else a.claims)):
        return False
    part, full = (a, b) if partial_a else (b, a)
    if part.moments and full.moments and part.moments[0] > full.moments[1]:
        return False
    return part.dimension == "fraction" or part.bounds[1] <= full.bounds[0]


def _outcome_of_plan(a: Position, b: Position) -> Position | None:
    """One position states only a plan or forecast ("will", "expected", "target", an exit poll's projection),
    the other only what happened, and the outcome was not told before the plan was: a plan and its outcome
    are one quantity, and an outcome that differs from the plan is news, not a conflict (dev README rule 1).
    Two reports of the outcome, or two of one plan, are judged as any others. An outcome told in an article
    published before the plan's article cannot be that plan's outcome ("announced $2.5 million on Monday",
    "pledged $25 million" the next day), so the pair stays a conflict. The outcome's position, or None."""
    if (a.quantities == {"plan"}) == (b.quantities == {"plan"}):
        return None
    plan, outcome = (a, b) if a.quantities == {"plan"} else (b, a)
    if "plan" in outcome.quantities:
        return None
    told = lambda p: [c.as_of for c in p.claims if c.as_of_source == "published" and c.as_of]  # noqa: E731
    plan_told, outcome_told = told(plan), told(outcome)
    if len(plan_told) == len(plan.claims) and len(outcome_told) == len(outcome.claims) and \
            max(outcome_told) < min(plan_told):
        return None
    return outcome


CONFLICTS = {"contradiction", "intra-document"}  # findings that say values cannot all hold
MESSAGES = {"near-miss": "agree only at the edge of a hedge with", "update": "then", "revision": "revised to"}


def compare(claims: list[Claim], matching: Matching) -> list[Draft]:
    """Findings about claims: conflicts and changes inside the matcher's groups, and unanchored dates."""
    with paused():
        return _compare(claims, matching)


def _compare(claims: list[Claim], matching: Matching) -> list[Draft]:
    groups = groups_of(claims, matching)
    counting = _moments_of_counting(claims, matching)
    beside = _figures_beside(claims, matching)
    listed = _listed_with(claims)
    told = list(told_again(claims))
    restated = _restatements(told)
    again = _said_again(told)
    series = _series_of_days(claims)
    drafts: list[Draft] = []
    for name in sorted(groups, key=lambda g: int(g[1:])):
        ids = {c.id for c in groups[name]}
        members = [c for c in groups[name] if again.get(c.id) not in ids]
        positions: dict[tuple[Value, bool], list[Claim]] = defaultdict(list)
        for claim in members:  # a plan and an outcome of one value are two positions: each is judged as it is
            positions[(claim.value, claim.quantity == "plan")].append(claim)
        if len({v for v, _ in positions}) < 2:
            continue
        label = group_label(members)
        ordered = sorted((Position(v, cs, _counts(cs, counting), _told_beside(cs, beside))
                          for (v, _), cs in positions.items()),
                         key=lambda p: (p.earliest, p.bounds, p.claims[0].doc, p.claims[0].start))
        in_group = {c.id for c in members}
        for p in ordered:  # a restatement the matcher put in no other group stands in for the figure it restates
            p.stand_ins = [r for c in p.claims for r in restated.get(c.id, ())
                           if (r.id in in_group or matching.group.get(r.id) is None) and r not in p.claims]
            p.restated = [r for r in p.stand_ins if r.id in in_group]
        told = _stated_together(ordered)
        wholes = _wholes(ordered, listed)
        verdicts = {(i, j): v for i, j in _pairs(range(len(ordered)))
                    if (v := _verdict_through_restatements(ordered[i], ordered[j])) is not None
                    and not (v[0] in CONFLICTS and (_told_apart(ordered[i], ordered[j], told)
                                                   or (i in wholes) != (j in wholes)
                                                   or _in_one_series(ordered[i], ordered[j], series)))}
        for i, j in verdicts:
            if ordered[i].dimension != ordered[j].dimension:  # judged through a restatement: the finding shows it
                for p in (ordered[i], ordered[j]):
                    p.restated = p.stand_ins
        for kind, rule, component in _components(verdicts):
            judged = [(ordered[i], ordered[j]) for (i, j), (k, _) in verdicts.items() if k == kind and i in component]
            drafts.append(_draft(kind, rule, label, [ordered[i] for i in component], judged, matching))
    return drafts + _unanchored(claims) + _repeated(claims)


def _verdict_through_restatements(a: Position, b: Position) -> tuple[str, str] | None:
    """`_verdict`; where the two values are of two dimensions (euros and dollars), that of a restatement of one
    in the other's ("€3.6 million (about $4.2 million)" against "$42 million")."""
    if a.dimension == b.dimension:
        return _verdict(a, b)
    for x, y in [(a, b), (b, a)]:
        for r in x.stand_ins:
            stand_in = Position(r.value, [r])
            if stand_in.dimension == y.dimension:
                return _verdict(stand_in, y) if x is a else _verdict(y, stand_in)
    return None


def _moments_of_counting(claims: list[Claim], matching: Matching) -> dict[str, frozenset[str]]:
    """For each date that dates a figure of its own sentence (the timing stage took the figure's as-of date from
    it: "612 people went to emergency rooms on Monday", "22,800 cases as of 26 August"), what those figures are:
    their groups, or the figure itself where the matcher grouped it with none. Such a date is the moment a count
    was taken, and speaks of that count, not of the event counted (dev README rule 4)."""
    dated: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.as_of_source == "text" and claim.as_of is not None and claim.quantity != "plan" and \
                not isinstance(claim.value, DateValue):  # a plan's date is when it is to happen, no count's moment
            dated[(claim.doc, claim.sentence)].append(claim)
    out = {}
    for claim in claims:
        value = claim.value
        if isinstance(value, DateValue) and value.start is not None and value.end is not None and \
                (figures := [f for f in dated.get((claim.doc, claim.sentence), ())
                             if value.start <= f.as_of <= value.end]):  # type: ignore[operator]
            out[claim.id] = frozenset(matching.group.get(f.id) or f.id for f in figures)
    return out


def _figures_beside(claims: list[Claim], matching: Matching) -> dict[str, frozenset[str]]:
    """For each date, what the running counts its sentence states are ("killed six"): their groups, or the figures
    themselves."""
    figures: dict[tuple[str, str], set[str]] = defaultdict(set)
    for claim in claims:
        if not isinstance(claim.value, DateValue) and (claim.quantity == "cumulative" or "running" in claim.markers):
            figures[(claim.doc, claim.sentence)].add(matching.group.get(claim.id) or claim.id)
    return {c.id: frozenset(figures[(c.doc, c.sentence)]) for c in claims
            if isinstance(c.value, DateValue) and (c.doc, c.sentence) in figures}


def _told_beside(claims: list[Claim], beside: dict[str, frozenset[str]]) -> frozenset[str]:
    """The running counts the sentences of a position's dates state (`_figures_beside`)."""
    return frozenset().union(*(beside.get(c.id, ()) for c in claims))


def _counts(claims: list[Claim], counting: dict[str, frozenset[str]]) -> frozenset[str]:
    """What the counts a position's dates are the moments of are, where every one of its claims is such a moment."""
    if not all(c.id in counting for c in claims):
        return frozenset()
    return frozenset().union(*(counting[c.id] for c in claims))


def _stated_together(positions: list[Position]) -> list[tuple[Position, Position]]:
    """The pairs of positions one sentence states both of, where it does not say one corrects the other (found
    through the sentences, not by trying every pair: a group may hold many positions)."""
    by_sentence: dict[tuple[str, str], list[Position]] = defaultdict(list)
    for p in positions:
        for sentence in p.sentences:
            by_sentence[sentence].append(p)
    pairs = {(id(a), id(b)): (a, b) for together in by_sentence.values() if len(together) > 1
             for a, b in combinations(together, 2)}
    return [(a, b) for a, b in pairs.values() if _states_both(a, b)]


def _listed_with(claims: list[Claim]) -> dict[str, list[float]]:
    """For each exact count, the exact counts its sentence lists with it by "and" ("all 171 passengers and six crew
    members"): the parts of a whole."""
    counts = (c for c in claims if c.kind == "count" and isinstance(c.value, NumberValue)
              and c.value.nominal is not None and c.value.low == c.value.high)
    listed: dict[str, list[float]] = defaultdict(list)
    for a, b, between in side_by_side(counts):
        if re.search(r"\band\b", between) and not re.search(r"[,;:]", between):
            listed[a.id].append(b.value.nominal)  # type: ignore[union-attr]
            listed[b.id].append(a.value.nominal)  # type: ignore[union-attr]
    return listed


def _restatements(told: list[tuple[Claim, Claim]]) -> dict[str, list[Claim]]:
    """For each figure, the figure right after it in its sentence that tells it again in another currency or unit
    ("C$14 million, or about US$10 million", "€3.6 million (about $4.2 million)"), and the other way round: a
    stand-in where the two cannot be compared in one dimension. `told`: `told_again`'s pairs."""
    out: dict[str, list[Claim]] = defaultdict(list)
    for a, b in told:
        if _measure(a).dimension != _measure(b).dimension:
            out[a.id].append(b)
            out[b.id].append(a)
    return out


def _said_again(told: list[tuple[Claim, Claim]]) -> dict[str, str]:
    """For each figure told again right after itself in another unit of its own dimension ("winds of 140 mph (225
    km/h)"), the id of the figure it restates: where both are in one group, the figure speaks for both, so the one
    figure is judged once and no finding lists it twice. `told`: `told_again`'s pairs."""
    return {b.id: a.id for a, b in told if _measure(a).dimension == _measure(b).dimension and converts(a, b)}


def _wholes(positions: list[Position], listed: dict[str, list[float]]) -> set[int]:
    """The positions whose value is the sum of another position's and a count listed with it: "all 177 people on
    board" where another article tells "171 passengers and six crew members" is their whole, not another count of
    the passengers, and conflicts with none of them."""
    sums = {p.value.nominal + part for p in positions
            if isinstance(p.value, NumberValue) and p.value.nominal is not None
            for c in p.claims for part in listed.get(c.id, ())}
    return {k for k, p in enumerate(positions) if isinstance(p.value, NumberValue) and p.value.low == p.value.high
            and p.value.nominal in sums}


SERIES = 3  # days one sentence lists from which it is a series ("the first on March 27, a third on April 5, ...")


def _series_of_days(claims: list[Claim]) -> dict[tuple[str, str], set[date]]:
    """The sentences that list days of a series, whatever the matcher grouped: three days or more. The series goes
    on in the next sentence when that one gives another ordinal its day ("... and a fifth on May 1. The sixth and
    last was recovered on May 7")."""
    days: dict[tuple[str, str], set[date]] = defaultdict(set)
    ordinal: dict[tuple[str, str], set[date]] = defaultdict(set)
    order: dict[str, list[tuple[int, str]]] = defaultdict(list)  # each article's sentences, by where they start
    for claim in claims:
        value = claim.value
        order[claim.doc].append((claim.start, claim.sentence))
        if isinstance(value, DateValue) and value.start is not None and value.start == value.end:
            days[(claim.doc, claim.sentence)].add(value.start)
            if claim.about.ordinals:
                ordinal[(claim.doc, claim.sentence)].add(value.start)
    series = {sentence: values for sentence, values in days.items() if len(values) >= SERIES}
    for (doc, sentence), values in list(series.items()):
        sentences = [s for _, s in sorted(order[doc])]
        following = next((s for s in sentences[sentences.index(sentence):] if s != sentence), None)
        if following is not None and ordinal.get((doc, following)):
            values |= ordinal[(doc, following)]
            series[(doc, following)] = values
    return series


def _in_one_series(a: Position, b: Position, series: dict[tuple[str, str], set[date]]) -> bool:
    """A sentence that lists days of a series holds one of the two values and the other as another of its days
    ("found the first victims on March 27, a third on April 5, a fourth on April 16"): the two are days of two items,
    so "Wednesday" (March 27) elsewhere is the first's, never a report of the third's."""
    def day(p: Position) -> date | None:
        return p.value.start if isinstance(p.value, DateValue) and p.value.start == p.value.end else None
    for mine, other in ((a, b), (b, a)):
        for sentence in mine.sentences & series.keys():
            if day(mine) in series[sentence] and day(other) in series[sentence]:
                return True
    return False


def _told_apart(a: Position, b: Position, told: list[tuple[Position, Position]]) -> bool:
    """Two figures of one sentence, one meeting each value and neither both: "12,132,647 tickets were sold:
    9,556,792 for the Olympics" tells two quantities apart, so "roughly 10 million" elsewhere is the 9,556,792
    and "more than 12 million" the 12,132,647, and neither contradicts the other figure or the other's value
    (as a value repeated exactly never does: see `_verdict`)."""
    def only(k: Position, mine: Position, other: Position) -> bool:
        return _meets(k, mine) and not _meets(k, other)
    return any((only(k, a, b) and only(m, b, a)) or (only(m, a, b) and only(k, b, a)) for k, m in told)


def _states_both(a: Position, b: Position) -> bool:
    """A sentence states both values, and does not say one corrects the other."""
    shared = a.sentences & b.sentences
    return bool(shared) and not any("revision" in c.markers for c in a.claims + b.claims if (c.doc, c.sentence) in shared)


def _components(verdicts: dict[tuple[int, int], tuple[str, str]]) -> list[tuple[str, str, list[int]]]:
    """Positions joined by one kind of verdict, as connected sets: the values that cannot all hold are one
    finding, not one per pair. The rule is the first that joined the set."""
    out = []
    for kind in dict.fromkeys(k for k, _ in verdicts.values()):
        parent: dict[int, int] = {}

        def root(x: int) -> int:
            while parent.setdefault(x, x) != x:
                x = parent[x]
            return x

        rules: dict[int, str] = {}
        for (i, j), (k, rule) in verdicts.items():
            if k == kind:
                ri, rj = root(i), root(j)
                first = rules.pop(rj, None) if ri != rj else None
                parent[rj] = ri
                rules.setdefault(ri, first or rule)
        sets: dict[int, list[int]] = defaultdict(list)
        for x in parent:
            sets[root(x)].append(x)
        out += [(kind, rules[r], sorted(members)) for r, members in sets.items()]
    return out


def _sides(positions: list[Position]) -> list[list[Position]]:
    """The positions of a finding as sides: values that can hold together stand on one side ("January 2024,
    2024 vs early 2025")."""
    sides: list[list[Position]] = []
    for p in positions:
        side = next((s for s in sides if all(_meets(p, q) for q in s)), None)
        if side is None:
            sides.append([p])
        else:
            side.append(p)
    return sides


def _draft(kind: str, rule: str, label: str, positions: list[Position], judged: list[tuple[Position, Position]],
           matching: Matching) -> Draft:
    """A finding on some positions of one group, with how sure the matcher was that the positions judged
    against each other (`judged`: the pairs whose values disagree, not two that agree) are one quantity:
    the probability of the strongest pair of claims between them (one article's figure may be restated in a
    sentence that says less, or in another currency: a restatement stands for the figure it restates, its value
    saying nothing against the other side's), and that pair's evidence."""
    links = [link for a, b in judged for x in a.claims + a.restated for y in b.claims + b.restated
             if (link := matching.link(x.id, y.id)) is not None]
    strongest = max(links, key=lambda link: link.probability, default=None)
    confidence = round(strongest.probability, 2) if strongest else 0.0
    shown = _told_once(positions)
    message = f" {MESSAGES.get(kind, 'vs')} ".join(", ".join(p.stated for p in side) for side in _sides(shown))
    claims = tuple(dict.fromkeys(c for p in positions for c in p.claims + p.restated))
    return Draft(kind, label, message, claims, rule=rule, confidence=confidence,
                 evidence=strongest.evidence if strongest else ())


def _told_once(positions: list[Position]) -> list[Position]:
    """The positions a finding's message states: not one whose claims a position before it already shows as its
    restatement ("US$205,000 / about C$280,000" is not told again as "about C$280,000 / US$205,000")."""
    shown: list[Position] = []
    for p in positions:
        if not any({c.id for c in p.claims} <= {r.id for r in q.restated} for q in shown):
            shown.append(p)
    return shown


T = TypeVar("T")
ALL_PAIRS_UP_TO = 16  # positions in a group judged all against all; in a larger group each with the next


def _pairs(ordered: Sequence[T]) -> Iterable[tuple[T, T]]:
    """Every pair of positions in a group of up to ALL_PAIRS_UP_TO; in a larger one, each and the next.

    Positions are in time order, then by value, so in a large group each value is judged against
    the one before it. Large groups are many articles pooled under a thin subject; judging all
    their pairs would make the comparison, and the report, quadratic in the number of claims.
    """
    return combinations(ordered, 2) if len(ordered) <= ALL_PAIRS_UP_TO else zip(ordered, ordered[1:])


def _earliest(claims: list[Claim]) -> tuple[int, date]:
    """Sort key: dated positions first, in time order."""
    known = [c.as_of for c in claims if c.as_of is not None]
    return (0, min(known)) if known else (1, date.max)


def timelines(claims: list[Claim], matching: Matching) -> tuple[Timeline, ...]:
    """Per group with more than one value: its claims in as-of order (undated last)."""
    out = []
    for name, members in sorted(groups_of(claims, matching).items(), key=lambda kv: int(kv[0][1:])):
        if len({c.value for c in members}) < 2:
            continue
        ordered = sorted(members, key=lambda c: (c.as_of is None, c.as_of or date.max, c.doc, c.start))
        out.append(Timeline(name, group_label(members), tuple(ordered)))
    return tuple(out)


def _unanchored(claims: list[Claim]) -> list[Draft]:
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if isinstance(claim.value, DateValue) and not claim.value.anchored:
            by_doc[claim.doc].append(claim)
    return [Draft("unanchored-date", "publication date",
                  f"{len(cs)} relative {'date' if len(cs) == 1 else 'dates'} in {doc} left unresolved: no publication date "
                  f"(add one in front matter, metadata.csv or --published): " + ", ".join(repr(c.text) for c in cs),
                  tuple(cs), doc=doc, rule="no-publication-date")
            for doc, cs in sorted(by_doc.items())]


def _repeated(claims: list[Claim]) -> list[Draft]:
    """One info finding per article that repeats another's sentences word for word (`repeats.read_as_first`)."""
    copied: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        if claim.repeats:
            copied[(claim.doc, claim.repeats)].append(claim)
    return [Draft("repeated-text", "re-sent text",
                  f"{doc} repeats {len(cs)} {'figure' if len(cs) == 1 else 'figures'} of {first} word for word: "
                  f"read as {first} reads them, as of its publication", tuple(cs), doc=doc, rule="repeated-text")
            for (doc, first), cs in sorted(copied.items())]


def problem_drafts(problems: Iterable[Problem]) -> list[Draft]:
    return [Draft(p.kind, p.doc, f"{p.doc}: {p.message}", doc=p.doc, rule=p.kind) for p in problems]


def severity_of(draft: Draft, config: Config, weights: Weights) -> str:
    """The kind's severity (with the user's overrides), lowered where the matcher was not sure the claims are
    one quantity: a conflict below `weights.error` is a warning, below `weights.join` only info. A finding
    that is no contradiction in itself (values that cannot be put in time order) needs a sure match to be
    more than info, and so does a conflict inside one article: two figures an article tells apart are far
    more often two quantities than a slip of its writer."""
    severity = config.severity_of(draft.kind)
    if draft.confidence is None or severity == "info":
        return severity
    if draft.confidence < (weights.join if draft.kind == "contradiction" else weights.error):
        return "info"
    return "warning" if draft.confidence < weights.error else severity


def finalise(drafts: list[Draft], config: Config, weights: Weights) -> list[Finding]:
    """Severity from the kind and the confidence, deterministic order, ids f1, f2, ..."""
    rows = []
    for d in drafts:
        severity = severity_of(d, config, weights)
        first = min(((c.doc, c.start) for c in d.claims), default=(d.doc or "", 0))
        rows.append((SEVERITY_RANK[severity], d.subject, first, d.message, severity, d))
    rows.sort(key=lambda r: r[:4])
    return [Finding(id=f"f{i}", kind=d.kind, severity=severity, subject=d.subject, message=d.message,
                    claims=tuple(c.id for c in d.claims), doc=d.doc, rule=d.rule, confidence=d.confidence,
                    evidence=d.evidence)
            for i, (_, _, _, _, severity, d) in enumerate(rows, start=1)]


__all__ = ["RULES", "compare", "finalise", "problem_drafts", "judge", "timelines"]
