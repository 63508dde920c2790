"""The compare stage's rules on hand-made claims that one hand-made `Matching` puts in one group: no parse,
no matcher. Each test states a rule about language and time in general terms."""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from itertools import combinations

import pytest

from haiti_claims.compare import compare, finalise
from haiti_claims.config import DEFAULT
from haiti_claims.match import Link, Matching, Weights, load_weights
from haiti_claims.model import Claim, DateValue, NumberValue, Subject

THING = Subject(actor="Norland", thing="personnel", event="deployment")


def claim(cid: str, doc: str, value, *, kind: str = "count", sentence: str | None = None, as_of: date | None = None,
          quantity: str = "fixed", markers: tuple[str, ...] = ()) -> Claim:
    return Claim(doc=doc, kind=kind, text=cid, start=0, end=1, line=1, column=1, sentence=sentence or f"{cid}.",
                 value=value, subject=THING, id=cid, as_of=as_of, as_of_source="published" if as_of else "unknown",
                 quantity=quantity, markers=markers)


def n(low: float, high: float | None = None, nominal: float | None = None, hedge: str | None = None,
      unit: str | None = None) -> NumberValue:
    high = low if high is None else high
    return NumberValue(low=low, high=high, nominal=nominal if nominal is not None else low, unit=unit, hedge=hedge)


def one_group(claims: list[Claim]) -> Matching:
    """The matcher's decision taken by hand: every claim in one group, every pair sure."""
    return Matching({c.id: "g1" for c in claims},
                    {frozenset((a.id, b.id)): Link(1.0, ()) for a, b in combinations(claims, 2)})


def found(*claims: Claim) -> list[tuple[str, str | None, tuple[str, ...]]]:
    """(kind, rule, claim ids) of each finding, sorted."""
    drafts = compare(list(claims), one_group(list(claims)))
    return sorted((d.kind, d.rule, tuple(sorted(c.id for c in d.claims))) for d in drafts)


def money(cid: str, doc: str, value: NumberValue, sentence: str, text: str) -> Claim:
    """A sum as written ("about C$280,000"): a restatement is found by its words in its sentence."""
    return replace(claim(cid, doc, value, kind="money", sentence=sentence), text=text)


def alarms(*claims: Claim) -> list[str]:
    """The severities an editor is alarmed by (error, warning)."""
    weights: Weights = load_weights()
    return [f.severity for f in finalise(compare(list(claims), one_group(list(claims))), DEFAULT, weights)
            if f.severity != "info"]


# Rule 1: one dimension, one unit; never two currencies.

def test_two_currencies_are_never_compared():
    euros = claim("a", "x.txt", n(45e6, unit="EUR"), kind="money")
    dollars = claim("b", "y.txt", n(55e6, unit="USD"), kind="money")
    assert found(euros, dollars) == []
    other_dollars = claim("c", "z.txt", n(80e6, unit="USD"), kind="money")
    assert found(dollars, other_dollars) == [("contradiction", "conflicting-values", ("b", "c"))]


def test_a_length_in_feet_and_in_metres_is_one_length():
    feet = claim("a", "x.txt", n(984, unit="foot"), kind="quantity")
    metres = claim("b", "y.txt", n(300, unit="metre"), kind="quantity")
    assert found(feet, metres) == []  # 984 feet is 299.9 m: a rounded conversion
    transposed = claim("c", "z.txt", n(948, unit="foot"), kind="quantity")
    assert found(feet, transposed) == [("contradiction", "conflicting-values", ("a", "c"))]
    assert found(metres, transposed) == [("contradiction", "conflicting-values", ("b", "c"))]  # 288.9 m


@pytest.mark.parametrize("celsius, fahrenheit", [(44, 111), (41.2, 106), (25.5, 78), (0, 32), (-1, 30), (-40, -40)])
def test_a_temperature_in_celsius_and_in_fahrenheit_is_one_reading(celsius, fahrenheit):
    """"44C (111F)": degrees of two scales that differ by an offset, not a factor (44C is 111.2F), rounded to the
    last digit each writes, near freezing as in a heatwave."""
    c = claim("a", "x.txt", n(celsius, unit="degree Celsius"), kind="quantity")
    f = claim("b", "y.txt", n(fahrenheit, unit="degree Fahrenheit"), kind="quantity")
    assert found(c, f) == []


@pytest.mark.parametrize("celsius, fahrenheit", [(40, 111), (44, 104), (2, 30), (-10, 30)])
def test_temperatures_a_few_degrees_apart_conflict_in_any_scale(celsius, fahrenheit):
    """40C is 104F, not 111F: on a scale whose zero is arbitrary a per cent of the figure is no rounding room."""
    c = claim("a", "x.txt", n(celsius, unit="degree Celsius"), kind="quantity")
    f = claim("b", "y.txt", n(fahrenheit, unit="degree Fahrenheit"), kind="quantity")
    assert found(c, f) == [("contradiction", "conflicting-values", ("a", "b"))]
    assert found(c, claim("c", "z.txt", n(celsius + 3, unit="degree Celsius"), kind="quantity")) == \
        [("contradiction", "conflicting-values", ("a", "c"))]


def test_basis_points_and_percentage_points_are_one_change_and_no_rate():
    """"25 basis points", "a quarter of a percentage point": one cut; "half a point" another size of it; a rate of
    4.25% is a level, never weighed against the size of a change."""
    basis = claim("a", "x.txt", n(25, unit="basis point"), kind="quantity")
    quarter = claim("b", "y.txt", n(0.25, unit="percentage point"), kind="quantity")
    assert found(basis, quarter) == []
    half = claim("c", "z.txt", n(0.5, unit="percentage point"), kind="quantity")
    assert found(basis, half) == [("contradiction", "conflicting-values", ("a", "c"))]
    assert found(quarter, claim("d", "z.txt", n(4.25, unit="%"), kind="percent")) == []


def test_a_length_and_a_weight_are_never_compared():
    assert found(claim("a", "x.txt", n(63, unit="pound"), kind="quantity"),
                 claim("b", "y.txt", n(300, unit="metre"), kind="quantity")) == []


def test_weeks_and_months_are_one_duration():
    months = claim("a", "x.txt", n(0, 3, 3, hedge="under", unit="month"))  # "less than three months"
    weeks = claim("b", "y.txt", n(9.9, 12.1, 11, hedge="about", unit="week"))  # "some 11 weeks"
    assert found(months, weeks) == []
    assert found(claim("c", "x.txt", n(2, unit="month")), weeks) == [("contradiction", "conflicting-values", ("b", "c"))]


def test_a_share_in_words_is_a_percentage():
    quarter = claim("a", "x.txt", n(0.225, 0.275, 0.25, hedge="about", unit="share"))  # "about a quarter"
    assert found(quarter, claim("b", "y.txt", n(25, unit="%"), kind="percent")) == []
    assert found(quarter, claim("c", "y.txt", n(60, unit="%"), kind="percent")) == \
        [("contradiction", "conflicting-values", ("a", "c"))]


# Rule 2: a plan or forecast and what then happened.

MAR1, MAR5, MAR6, JUN1 = date(2025, 3, 1), date(2025, 3, 5), date(2025, 3, 6), date(2025, 6, 1)


def test_an_outcome_that_differs_from_the_plan_is_an_update():
    planned = claim("a", "x.txt", n(600_000), as_of=MAR1, quantity="plan")  # "600,000 are expected to line the river"
    came = claim("b", "y.txt", n(326_000), as_of=JUN1)  # "326,000 spectators watched"
    assert found(planned, came) == [("update", "plan-outcome", ("a", "b"))]
    assert alarms(planned, came) == []
    exit_poll = claim("c", "x.txt", n(410), as_of=MAR1, quantity="plan")  # the exit poll "projected 410 seats"
    result = claim("d", "x.txt", n(412), as_of=MAR1)  # in the same article: "Labour had 412 seats"
    assert found(exit_poll, result) == [("update", "plan-outcome", ("c", "d"))]


def test_two_reports_of_the_outcome_or_of_one_plan_still_conflict():
    assert found(claim("a", "x.txt", n(326_000), as_of=JUN1), claim("b", "y.txt", n(300_000), as_of=JUN1)) == \
        [("contradiction", "same-moment", ("a", "b"))]
    assert found(claim("a", "x.txt", n(300e6), as_of=MAR5, quantity="plan"),
                 claim("b", "y.txt", n(180e6), as_of=MAR6, quantity="plan")) == \
        [("contradiction", "conflicting-values", ("a", "b"))]


def test_an_outcome_told_before_the_plan_is_not_its_outcome():
    announced = claim("a", "x.txt", n(2.5e6), as_of=MAR5)  # "announced $2.5 million in aid" on the 5th
    pledged = claim("b", "y.txt", n(25e6), as_of=MAR6, quantity="plan")  # "has pledged $25 million" on the 6th
    assert found(announced, pledged) == [("contradiction", "conflicting-values", ("a", "b"))]


def test_a_plan_that_says_it_replaces_an_earlier_one_is_an_update():
    june = claim("a", "x.txt", DateValue(date(2025, 6, 1), date(2025, 6, 30), "month"), kind="date",
                 as_of=MAR1, quantity="plan")
    september = claim("b", "y.txt", DateValue(date(2025, 9, 1), date(2025, 9, 30), "month"), kind="date",
                      as_of=JUN1, quantity="plan", markers=("replacement",))  # "postponed to September"
    assert found(june, september) == [("update", "plan-replaced", ("a", "b"))]
    assert alarms(june, september) == []
    postponed = claim("c", "y.txt", september.value, kind="date", as_of=JUN1, markers=("replacement",))
    assert found(june, postponed) == [("update", "plan-replaced", ("a", "c"))]  # "has been postponed to September"


# Rule 3: a total told up to the time of telling, then a larger one later, is an update.

JUL30, AUG12 = date(2024, 7, 30), date(2024, 8, 12)


def test_a_total_so_far_then_a_larger_one_later_is_an_update():
    sold = claim("a", "x.txt", n(8.6e6), as_of=JUL30, markers=("running",))  # "8.6 million tickets had been sold"
    later = claim("b", "y.txt", n(9.5e6, None, 9.5e6, hedge="over"), as_of=AUG12)  # "more than 9.5 million were sold"
    assert found(sold, later) == [("update", "cumulative-grew", ("a", "b"))]
    assert alarms(sold, later) == []
    fewer = claim("c", "y.txt", n(7.9e6), as_of=AUG12)  # a total cannot fall without a word of revision
    assert found(sold, fewer) == [("contradiction", "cumulative-fell", ("a", "c"))]


def test_a_count_of_a_moment_told_larger_later_still_conflicts():
    # "All 171 passengers left the aircraft" / "left Portland with 174 passengers aboard": no total so far
    aboard = claim("a", "x.txt", n(171), as_of=date(2024, 1, 7))
    later = claim("b", "y.txt", n(174), as_of=date(2024, 1, 25))
    assert found(aboard, later) == [("contradiction", "conflicting-values", ("a", "b"))]
    crew = claim("c", "x.txt", n(22), as_of=date(2024, 3, 27), quantity="stock", markers=("running",))
    assert found(crew, claim("d", "y.txt", n(21), as_of=date(2024, 6, 12))) == \
        [("contradiction", "conflicting-values", ("c", "d"))]  # a level is no total, whatever its tense


# Rule 4: rounding, and an estimate's stated range against a one-sided figure (dev README rule 3).

def _day(d: date) -> DateValue:
    return DateValue(d, d, "day")


def _dated(cid: str, doc: str, value: NumberValue, day: date, sentence: str) -> Claim:
    """A figure its sentence dates: the timing stage took its as-of date from a date of that sentence."""
    return replace(claim(cid, doc, value, sentence=sentence), as_of=day, as_of_source="text")


def test_the_days_two_different_counts_were_taken_are_no_two_reports_of_one_date():
    # "612 people went to emergency rooms on Monday" / "the toll rose to 11 on Wednesday": each day is its own
    # count's moment, not the date of the event counted (dev README rule 4)
    visits = "612 people went to emergency rooms on Monday."
    toll = "The toll rose to 11 on Wednesday."
    monday, wednesday = date(2025, 7, 14), date(2025, 7, 16)
    claims = [claim("mon", "x.txt", _day(monday), kind="date", sentence=visits),
              claim("wed", "y.txt", _day(wednesday), kind="date", sentence=toll),
              _dated("612", "x.txt", n(612), monday, visits), _dated("11", "y.txt", n(11), wednesday, toll)]
    links = {frozenset((a.id, b.id)): Link(1.0, ()) for a, b in combinations(claims, 2)}
    two_counts = Matching({"mon": "g1", "wed": "g1", "612": "g2", "11": "g3"}, links)
    assert [d for d in compare(claims, two_counts) if d.kind == "contradiction"] == []
    one_count = Matching({"mon": "g1", "wed": "g1", "612": "g2", "11": "g2"}, links)  # two moments of one count
    assert ("mon", "wed") in {tuple(sorted(c.id for c in d.claims)) for d in compare(claims, one_count)
                              if d.kind == "contradiction"}
    ungrouped = Matching({"mon": "g1", "wed": "g1", "612": None, "11": None}, links)
    assert [d for d in compare(claims, ungrouped) if d.kind == "contradiction"] == []
    # "will send 300 officers in June 2025" / "... in June 2026": a plan's date is when it is to happen, however
    # the matcher reads the two figures its dates set a year apart
    send = ["Norland will send 300 officers in June 2025.", "Norland will send 300 officers in June 2026."]
    june = [DateValue(date(2025, 6, 1), date(2025, 6, 30), "month"), DateValue(date(2026, 6, 1), date(2026, 6, 30), "month")]
    plans = [claim("d25", "x.txt", june[0], kind="date", sentence=send[0], quantity="plan"),
             claim("d26", "y.txt", june[1], kind="date", sentence=send[1], quantity="plan"),
             replace(_dated("n25", "x.txt", n(300), date(2025, 6, 30), send[0]), quantity="plan"),
             replace(_dated("n26", "y.txt", n(300), date(2026, 6, 30), send[1]), quantity="plan")]
    apart = Matching({"d25": "g1", "d26": "g1", "n25": None, "n26": None},
                     {frozenset((a.id, b.id)): Link(1.0, ()) for a, b in combinations(plans, 2)})
    assert [d.kind for d in compare(plans, apart)] == ["contradiction"]


def test_the_day_a_toll_rose_is_not_the_day_of_the_event_told_with_that_toll():
    # "The death toll ... rose to six on Monday" / "the surge that killed six people ... on Friday, September 12":
    # Monday is when the toll was counted (dev README rule 4), Friday the day of the surge the other sentence tells
    # beside the same toll; they are no two reports of one date. Told beside another count, the day still conflicts.
    rose, killed = "The death toll rose to six on Monday.", "The surge that killed six people on Friday was studied."
    monday, friday = date(2025, 9, 15), date(2025, 9, 12)
    claims = [claim("mon", "x.txt", _day(monday), kind="date", sentence=rose),
              claim("fri", "y.txt", _day(friday), kind="date", sentence=killed),
              _dated("six-x", "x.txt", n(6), monday, rose),
              claim("six-y", "y.txt", n(6), sentence=killed, quantity="cumulative")]
    links = {frozenset((a.id, b.id)): Link(1.0, ()) for a, b in combinations(claims, 2)}
    toll = Matching({"mon": "g1", "fri": "g1", "six-x": "g2", "six-y": "g2"}, links)
    assert [d for d in compare(claims, toll) if d.kind == "contradiction"] == []
    other = Matching({"mon": "g1", "fri": "g1", "six-x": "g2", "six-y": "g3"}, links)
    assert [d.kind for d in compare(claims, other) if d.kind == "contradiction"] == ["contradiction"]
    # "lost contact on Sunday morning, one hour and 45 minutes into its descent" / "fell silent on Saturday, July 12,
    # an hour and 45 minutes after leaving": a time into an event is no count, its days are the event's
    fixed = [*claims[:3], replace(claims[3], quantity="fixed")]
    assert [d.kind for d in compare(fixed, toll) if d.kind == "contradiction"] == ["contradiction"]


def test_the_moment_up_to_which_a_count_ran_is_not_the_day_of_the_event():
    # "Nine of the 14 men had been hoisted to the surface by early Saturday" / "a tunnel collapsed on Tuesday"
    hoisted = "Nine of the 14 men had been hoisted to the surface by early Saturday."
    saturday = date(2025, 3, 8)
    by_saturday = claim("sat", "y.txt", DateValue(saturday, saturday, "day", hedge="by"), kind="date", sentence=hoisted)
    tuesday = claim("tue", "x.txt", _day(date(2025, 3, 4)), kind="date", sentence="A tunnel collapsed on Tuesday.")
    nine = _dated("nine", "y.txt", n(9), saturday, hoisted)
    matching = Matching({"sat": "g1", "tue": "g1", "nine": "g2"},
                        {frozenset(("sat", "tue")): Link(1.0, ()), frozenset(("sat", "nine")): Link(1.0, ()),
                         frozenset(("tue", "nine")): Link(1.0, ())})
    assert [d for d in compare([by_saturday, tuesday, nine], matching) if d.kind == "contradiction"] == []
    on_saturday = replace(by_saturday, value=_day(saturday))  # a day a count was taken on, against an event's day
    assert [d.kind for d in compare([on_saturday, tuesday, nine], matching)] == ["contradiction"]


def test_a_figure_its_sentence_says_differs_from_another_is_a_known_difference_not_a_conflict():
    # "a patient group estimates about 140,000, a higher count than the company's own" against the company's 100,000
    company = claim("a", "x.txt", n(90_000, 110_000, 100_000, hedge="about"), as_of=JUL30)
    group = claim("b", "y.txt", n(126_000, 154_000, 140_000, hedge="about"), as_of=AUG12, markers=("contrast",))
    assert [f for f in found(company, group) if f[0] == "contradiction"] == []
    assert found(company, replace(group, markers=())) == [("contradiction", "conflicting-values", ("a", "b"))]
    # the difference is the figures': a date of that sentence is compared as any other
    day = lambda cid, doc, d, **kw: claim(cid, doc, DateValue(d, d, "day"), kind="date", **kw)  # noqa: E731
    assert [f[0] for f in found(day("c", "x.txt", JUL30), day("d", "y.txt", AUG12, markers=("contrast",)))] == \
        ["contradiction"]


def test_a_figure_with_fewer_decimals_is_a_rounding_of_one_that_rounds_to_it():
    def pct(cid, doc, v, text):
        return Claim(doc=doc, kind="percent", text=text, start=0, end=1, line=1, column=1, sentence=f"{cid}.",
                     value=n(v, unit="%"), subject=THING, id=cid)
    assert found(pct("a", "x.txt", 34, "34 per cent"), pct("b", "y.txt", 33.7, "33.7%")) == []
    assert found(pct("a", "x.txt", 59.8, "59.8%"), pct("b", "y.txt", 59.7, "59.7 per cent")) == \
        [("contradiction", "conflicting-values", ("a", "b"))]  # the same precision: one of them is wrong
    assert found(pct("a", "x.txt", 5.5, "5.5%"), pct("b", "y.txt", 5.25, "5.25%")) == \
        [("contradiction", "conflicting-values", ("a", "b"))]  # 5.25 does not round to 5.5
    assert found(pct("a", "x.txt", 7, "7%"), pct("b", "y.txt", 7.5, "7.5%")) == \
        [("contradiction", "conflicting-values", ("a", "b"))]  # 7.5 rounds half up, to 8
    assert found(pct("a", "x.txt", 7, "7%"), pct("b", "y.txt", 6.5, "6.5%")) == []  # 6.5 rounds to 7


@pytest.mark.parametrize("coarse, fine, rounded", [
    ((6800, "6,800"), (6840, "employs 6,840 people"), True),
    ((12e6, "12 million"), (12_132_647, "12,132,647"), True),
    ((2500, "2,500"), (2450, "2,450"), True),
    ((6800, "6,800"), (6860, "6,860"), False),  # rounds to 6,900
    ((410, "410"), (411, "411"), False),  # one zero: 410 may well be exact
    ((300, "300"), (340, "340"), False),  # one significant digit: an editor would query 300 against 340
    ((10_500, "10,500"), (10_714, "10,714"), False),
    ((1.5e9, "1.5 billion"), (1.52e9, "1.52 billion"), True),  # a scale word: 1.5 billion is rounded to 0.1 billion
    ((1.2e6, "1.2 million"), (1.26e6, "1.26 million"), False),  # rounds to 1.3 million
])
def test_a_round_figure_is_a_rounding_of_one_that_rounds_to_it(coarse, fine, rounded):
    """A round figure of two significant digits or more that ends in two zeros or more is read as rounded at its
    last significant digit, as an editor reads "6,800 employees" beside "employs 6,840 people"."""
    def count(cid, doc, v, text):
        return Claim(doc=doc, kind="count", text=text, start=0, end=1, line=1, column=1, sentence=f"{cid}.",
                     value=n(v), subject=THING, id=cid)
    result = found(count("a", "x.txt", coarse[0], coarse[1]), count("b", "y.txt", fine[0], fine[1]))
    assert (result == []) is rounded, result


def test_two_ranges_of_one_estimate_with_different_bounds_conflict_even_where_they_overlap():
    def rng(low, high):
        return NumberValue(low=low, high=high, nominal=None, unit="USD", hedge="between")
    first = claim("a", "x.txt", rng(540e6, 1.08e9), kind="money")  # "$540m to $1.08bn"
    second = claim("b", "y.txt", rng(540e6, 1.8e9), kind="money")  # "between $540m and $1.8bn"
    assert found(first, second) == [("contradiction", "range-bounds", ("a", "b"))]
    assert found(first, claim("c", "y.txt", rng(540e6, 1.08e9), kind="money")) == []
    up_to = claim("d", "y.txt", NumberValue(low=None, high=1.08e9, nominal=1.08e9, unit="USD", hedge="up to"),
                  kind="money")  # "could reach up to $1.08bn": one bound, shared with the range
    assert found(first, up_to) == []


def test_overlapping_ranges_that_share_no_bound_are_left_to_their_intervals():
    def rng(cid, doc, low, high):
        return claim(cid, doc, NumberValue(low=low, high=high, nominal=None, unit="USD", hedge="between"),
                     kind="money")
    # "CyberCube put losses at $400m to $1.5bn"; "Guy Carpenter estimated $300 million to $1 billion"
    assert found(rng("a", "x.txt", 400e6, 1.5e9), rng("b", "y.txt", 300e6, 1e9)) == []


def test_partial_then_final_results_are_an_update_but_a_count_cannot_shrink_as_counting_ends():
    def pct(cid, doc, v, markers=()):
        return Claim(doc=doc, kind="percent", text=f"{v}%", start=0, end=1, line=1, column=1, sentence=f"{cid}.",
                     value=n(v, unit="%"), subject=THING, id=cid, markers=markers)
    partial = pct("a", "x.txt", 59.8, ("partial",))  # "Turnout, at 59.8% with one seat outstanding"
    assert found(partial, pct("b", "y.txt", 59.9)) == [("update", "partial-count", ("a", "b"))]
    assert found(partial, pct("c", "z.txt", 59.7)) == [("update", "partial-count", ("a", "c"))]  # a share moves
    assert found(pct("b", "y.txt", 59.9), pct("c", "z.txt", 59.7)) == \
        [("contradiction", "conflicting-values", ("b", "c"))]  # two final figures
    seats = claim("d", "x.txt", n(412), markers=("partial",))  # "with 649 of the 650 declared, Labour had 412"
    assert found(seats, claim("e", "y.txt", n(411))) == [("contradiction", "conflicting-values", ("d", "e"))]
    assert found(seats, claim("f", "y.txt", n(413))) == [("update", "partial-count", ("d", "f"))]


def test_a_figure_its_own_article_corrects_is_never_compared():
    wrong = replace(claim("a", "x.txt", n(13)), status="withdrawn")  # "An earlier version said 13 gold medals"
    assert found(wrong, claim("b", "x.txt", n(14)), claim("c", "y.txt", n(14))) == []


def test_a_plan_and_an_outcome_of_one_value_are_judged_each_as_it_is():
    said = "Organisers said 8.6 million tickets had been sold, and they expect to reach about 10 million."
    sold = claim("a", "x.txt", n(8.6e6), sentence=said, as_of=JUL30, markers=("running",))
    expected = claim("b", "x.txt", n(9e6, 11e6, 10e6, hedge="about"), sentence=said, as_of=JUL30, quantity="plan")
    on_offer = claim("c", "y.txt", n(9e6, 11e6, 10e6, hedge="about"), as_of=AUG12)  # "roughly 10 million"
    assert alarms(sold, expected, on_offer) == []
    assert found(sold, expected, on_offer) == [("update", "cumulative-grew", ("a", "c"))]


# A sentence that states two values tells them apart, wherever else either is repeated.

def test_two_values_one_sentence_states_are_never_a_conflict_though_other_articles_repeat_one():
    """"FlightAware counted 3,400 cancellations in the US and more than 5,000 worldwide": the sentence gives
    two quantities; another article's 3,400 does not make them contradict. A third figure that only other
    sentences state still conflicts."""
    both = "FlightAware counted 3,400 cancellations in the US and more than 5,000 worldwide."
    us = claim("a", "x.txt", n(3400), sentence=both)
    world = claim("b", "x.txt", n(5000, None, hedge="over"), sentence=both)
    us_again = claim("c", "y.txt", n(3400), sentence="About 3,400 US flights were cancelled.")
    assert found(us, world, us_again) == []
    other = claim("d", "z.txt", n(1200), sentence="Some 1,200 US flights were cancelled.")
    assert any(kind == "contradiction" and "d" in ids for kind, _, ids in found(us, world, us_again, other))


def test_a_value_that_agrees_with_the_other_figure_of_a_sentence_is_that_figures_not_a_conflict():
    """What holds for a value repeated holds for one hedged or rounded: "12,132,647 tickets were sold:
    9,556,792 for the Olympics" tells two quantities apart, so "roughly 10 million" elsewhere agrees with the
    9,556,792 and "more than 12 million" with the 12,132,647, and neither contradicts the other figure."""
    both = "Across the two Games, 12,132,647 tickets were sold: 9,556,792 for the Olympics."
    total = claim("a", "x.txt", n(12_132_647), sentence=both)
    part = claim("b", "x.txt", n(9_556_792), sentence=both)
    about_part = claim("c", "y.txt", n(9e6, 11e6, 10e6, hedge="about"), sentence="Roughly 10 million were sold.")
    over_total = claim("d", "z.txt", NumberValue(low=12e6, high=None, nominal=12e6, unit=None, hedge="over"),
                       sentence="More than 12 million were sold.")
    assert found(total, part, about_part, over_total) == []


def test_a_value_that_agrees_with_neither_figure_of_the_sentence_still_conflicts():
    """"The quake killed 120 people and injured about 400" and, elsewhere, "250 died": 250 is neither figure of
    that sentence, so it conflicts with the one it was grouped with; so do two dates of one event where one
    report's sentence gives another date that the other report's does not meet."""
    both = "The quake killed 120 people and injured about 400."
    dead = claim("a", "x.txt", n(120), sentence=both)
    hurt = claim("b", "x.txt", n(360, 440, 400, hedge="about"), sentence=both)
    other = claim("c", "y.txt", n(250), sentence="The toll stood at 250.")
    assert any(kind == "contradiction" and "c" in ids for kind, _, ids in found(dead, hurt, other))
    day = lambda d: DateValue(start=d, end=d, granularity="day")  # noqa: E731
    told = "The ferry left on March 1 and sank on March 4."
    left = claim("d", "x.txt", day(date(2025, 3, 1)), kind="date", sentence=told, as_of=date(2025, 3, 5))
    sank = claim("e", "x.txt", day(date(2025, 3, 4)), kind="date", sentence=told, as_of=date(2025, 3, 5))
    sank_else = claim("f", "y.txt", day(date(2025, 3, 3)), kind="date", sentence="It sank on Monday.",
                      as_of=date(2025, 3, 6))
    assert any(kind == "contradiction" and "f" in ids for kind, _, ids in found(left, sank, sank_else))


def test_a_sentence_that_corrects_one_value_with_the_other_leaves_a_repeat_of_the_old_one_flagged():
    """"It began on January 12, according to the revised timeline, after an earlier report put it on January
    18": another article's January 18 now stands corrected."""
    both = "It began on January 12, according to the revised timeline, after an earlier report put it on January 18."
    day = lambda d: DateValue(start=d, end=d, granularity="day")  # noqa: E731
    new = claim("a", "x.txt", day(date(2025, 1, 12)), kind="date", sentence=both, as_of=date(2025, 2, 14),
                markers=("revision",))
    old = claim("b", "x.txt", day(date(2025, 1, 18)), kind="date", sentence=both, as_of=date(2025, 2, 14))
    repeat = claim("c", "y.txt", day(date(2025, 1, 18)), kind="date", sentence="It began on January 18.",
                   as_of=date(2025, 2, 10))
    assert any("a" in ids and "c" in ids for _, _, ids in found(new, old, repeat))


def test_a_repeat_of_the_revised_value_agrees_with_the_revision():
    """"Job gains for June were revised down to 179,000 from 206,000" and another article's "June's payrolls were
    cut to 179,000": the old value is told only where it is revised, so nothing stands corrected."""
    both = "Job gains for June were revised down to 179,000 from 206,000."
    new = claim("a", "x.txt", n(179_000), sentence=both, markers=("revision",))
    old = claim("b", "x.txt", n(206_000), sentence=both, markers=("revision", "changed-from"))
    repeat = claim("c", "y.txt", n(179_000), sentence="June's payrolls were cut to 179,000.")
    assert found(new, old, repeat) == []


def test_a_revision_word_elsewhere_does_not_undo_what_a_sentence_with_both_values_tells():
    """"Shares, which had closed at $343.05 a day earlier, ended at $304.96" gives two closing prices; another
    article's "$304.96 ... after analysts downgraded it" says nothing of them."""
    both = "Shares, which had closed at $343.05 a day earlier, ended the session at $304.96."
    before = claim("a", "x.txt", n(343.05, unit="USD"), kind="money", sentence=both)
    after = claim("b", "x.txt", n(304.96, unit="USD"), kind="money", sentence=both)
    again = claim("c", "y.txt", n(304.96, unit="USD"), kind="money", sentence="It closed at $304.96 after analysts "
                  "downgraded it.", markers=("revision",))
    assert found(before, after, again) == []


def test_a_findings_confidence_is_the_matchers_for_the_claims_that_disagree():
    """Two articles that agree (100 and about 100) may be surely one quantity while the third figure (300) is
    joined to them only loosely: the finding is as sure as the link between the values in conflict."""
    a = claim("a", "x.txt", n(100))
    b = claim("b", "y.txt", n(90, 110, nominal=100, hedge="about"))
    c = claim("c", "z.txt", n(300))
    links = {frozenset(("a", "b")): Link(0.95, ()), frozenset(("a", "c")): Link(0.3, ()),
             frozenset(("b", "c")): Link(0.25, ())}
    drafts = compare([a, b, c], Matching({"a": "g1", "b": "g1", "c": "g1"}, links))
    conflict = next(d for d in drafts if d.kind == "contradiction")
    assert {x.id for x in conflict.claims} == {"a", "b", "c"}
    assert conflict.confidence == 0.3


def test_a_count_over_the_whole_of_something_holds_the_counts_of_its_stated_parts():
    # "cancelled 5,470 flights between Friday 19 July and Tuesday 23 July" is a count over a stated stretch;
    # "roughly 7,000 flights over the whole episode" counts all of it: a whole may hold more than its part
    part = _dated("5470", "x.txt", n(5470), date(2024, 7, 23),
                  "Between Friday 19 July and Tuesday 23 July the carrier cancelled 5,470 flights.")
    whole = claim("7000", "y.txt", n(6300, 7700, 7000, hedge="about"), markers=("whole",),
                  sentence="The carrier ended up cancelling roughly 7,000 flights over the whole episode.")
    assert found(part, whole) == []
    smaller = claim("4000", "z.txt", n(4000), markers=("whole",), sentence="It cancelled 4,000 flights in all.")
    assert [k for k, _, ids in found(part, smaller) if ids == ("4000", "5470")] == ["contradiction"]  # no whole is less
    plain = claim("6800", "z.txt", n(6800), sentence="It cancelled 6,800 flights.")
    assert [k for k, _, _ in found(whole, plain)] == []  # 6,800 and roughly 7,000 agree anyway
    undated = claim("5000", "w.txt", n(5000), sentence="It cancelled 5,000 flights.")
    assert [k for k, _, _ in found(whole, undated)] == ["contradiction"]  # a total told without its stretch: one count


def test_a_figure_at_the_height_of_something_may_exceed_the_usual_one():
    # "at the height of the Games, 35,000 police were on duty every day" against "some thirty thousand every day of
    # the Games": the peak and the usual day, not two reports of one figure; a peak below another figure still conflicts
    peak = claim("35000", "x.txt", n(35000), markers=("peak",),
                 sentence="At the height of the Games, 35,000 police were on duty every day.")
    usual = claim("30000", "y.txt", n(27000, 33000, 30000, hedge="about"),
                  sentence="Some thirty thousand police were on the streets every day of the Games.")
    assert found(peak, usual) == []
    higher = claim("40000", "z.txt", n(40000), sentence="40,000 police were on the streets every day of the Games.")
    assert [ids for _, _, ids in found(peak, higher)] == [("35000", "40000")]


def test_two_named_sources_each_give_their_own_figure():
    # "the WHO said 537 deaths" / "health minister Roger Kamba said 988": two sources, each its own figure (dev
    # README rule 2); the same source twice, or a figure no one is named for, still conflicts
    def given(cid, doc, value, *givers):
        c = claim(cid, doc, n(value))
        return replace(c, about=replace(c.about, givers=givers))
    who, minister = given("537", "x.txt", 537, "WHO"), given("988", "y.txt", 988, "Roger Kamba")
    assert found(who, minister) == []
    assert [ids for _, _, ids in found(who, given("629", "y.txt", 629, "World Health Organization"))] == \
        [("537", "629")]
    assert [ids for _, _, ids in found(who, claim("700", "y.txt", n(700)))] == [("537", "700")]


def test_a_figure_restated_in_another_currency_stands_with_its_restatement():
    # "put the cleanup at C$14 million, or about US$10 million" against "C$140 million": the finding lists the
    # restatement with the figure it restates, and the matcher's link from it counts as the figure's own (its value,
    # in another currency, says nothing against the other side: it tells whether the two speak of one quantity)
    said = "The railway put the cleanup at C$14 million, or about US$10 million, on Thursday."
    cad = money("cad", "x.txt", n(14e6, unit="CAD"), said, "C$14 million")
    usd = money("usd", "x.txt", n(9e6, 11e6, 10e6, hedge="about", unit="USD"), said, "about US$10 million")
    other = money("other", "y.txt", n(140e6, unit="CAD"), "The railway estimated the cleanup bill at C$140 million.",
                  "C$140 million")
    claims = [cad, usd, other]
    links = {frozenset(("cad", "usd")): Link(0.6, ()), frozenset(("cad", "other")): Link(0.01, ()),
             frozenset(("usd", "other")): Link(0.6, ())}
    drafts = [d for d in compare(claims, Matching({c.id: "g1" for c in claims}, links)) if d.kind == "contradiction"]
    assert [(sorted(c.id for c in d.claims), d.confidence) for d in drafts] == [(["cad", "other", "usd"], 0.6)]
    assert "about US$10 million" in drafts[0].message
    apart = replace(usd, sentence="Officials said the cleanup would cost C$14 million. It may reach about US$10 million.")
    drafts = [d for d in compare([cad, apart, other], Matching({c.id: "g1" for c in claims}, links))
              if d.kind == "contradiction"]
    assert [sorted(c.id for c in d.claims) for d in drafts] == [["cad", "other"]]  # no restatement: its own figure


def test_a_restatement_in_another_currency_tells_no_second_quantity_apart():
    # "charges US$205,000 (about C$280,000) a seat" against "charges $250,000 a seat": the Canadian figure restates
    # the American one; that its value is near $250,000 does not make the sentence tell two quantities apart
    said = "Abyssal Voyages charges US$205,000 (about C$280,000) a seat for the expedition."
    usd = money("205", "x.txt", n(205e3, unit="USD"), said, "US$205,000")
    cad = money("280", "x.txt", n(252e3, 308e3, 280e3, hedge="about", unit="CAD"), said, "about C$280,000")
    other = money("250", "y.txt", n(250e3, unit="USD"), "Abyssal Voyages charges $250,000 a seat.", "$250,000")
    assert [ids for kind, _, ids in found(usd, cad, other) if kind == "contradiction"] == [("205", "250", "280")]


def test_a_finding_tells_a_figure_and_its_restatement_once():
    # "US$205,000 (about C$280,000)" against "$250,000": the message reads "US$205,000 / about C$280,000 (x.txt:1) vs
    # $250,000 (y.txt:1)", not the pair a second time the other way round
    said = "Abyssal Voyages charges US$205,000 (about C$280,000) a seat for the expedition."
    usd = money("205", "x.txt", n(205e3, unit="USD"), said, "US$205,000")
    cad = money("280", "x.txt", n(252e3, 308e3, 280e3, hedge="about", unit="CAD"), said, "about C$280,000")
    other = money("250", "y.txt", n(250e3, unit="USD"), "Abyssal Voyages charges $250,000 a seat.", "$250,000")
    matching = Matching({c.id: "g1" for c in (usd, cad, other)}, {})
    [draft] = [d for d in compare([usd, cad, other], matching) if d.kind == "contradiction"]
    assert draft.message.count("C$280,000") == 1 and draft.message.count("US$205,000") == 1
    assert sorted(c.id for c in draft.claims) == ["205", "250", "280"]


def test_a_figure_is_set_against_another_currency_through_its_restatement():
    # "bought in Germany for €3.6 million (about $4.2 million)" against "for $42 million": the euros cannot be set
    # against dollars, their restatement can, and it stands with them though the matcher grouped it with neither
    said = "The utility bought the transformer in Germany for €3.6 million (about $4.2 million)."
    eur = money("eur", "x.txt", n(3.6e6, unit="EUR"), said, "€3.6 million")
    usd = money("usd", "x.txt", n(3.78e6, 4.62e6, 4.2e6, hedge="about", unit="USD"), said, "about $4.2 million")
    other = money("other", "y.txt", n(42e6, unit="USD"), "The replacement transformer cost $42 million.", "$42 million")
    matching = Matching({"eur": "g1", "other": "g1"}, {frozenset(("eur", "other")): Link(0.7, ())})
    drafts = [d for d in compare([eur, usd, other], matching) if d.kind == "contradiction"]
    assert [(sorted(c.id for c in d.claims), d.confidence) for d in drafts] == [(["eur", "other", "usd"], 0.7)]
    close = replace(other, value=n(4.1e6, unit="USD"), text="$4.1 million")
    assert [d for d in compare([eur, usd, close], matching) if d.kind == "contradiction"] == []


def test_a_figure_told_again_in_another_unit_of_its_dimension_is_judged_once():
    # "winds of 140 mph (225 km/h)" against "winds of 150 mph": the kilometres restate the miles, so the finding sets
    # 140 mph against 150 mph and does not list the one figure twice
    said = "Lena made landfall with winds of 140 mph (225 km/h), the hurricane center said."
    mph = replace(claim("140", "x.txt", n(140, unit="mile per hour"), kind="quantity", sentence=said), text="140 mph")
    kmh = replace(claim("225", "x.txt", n(225, unit="kilometre per hour"), kind="quantity", sentence=said),
                  text="225 km/h")
    other = replace(claim("150", "y.txt", n(150, unit="mile per hour"), kind="quantity",
                          sentence="Lena came ashore with winds of 150 mph."), text="150 mph")
    assert found(mph, kmh, other) == [("contradiction", "conflicting-values", ("140", "150"))]
    assert found(mph, kmh) == []


def test_the_span_of_a_record_is_no_duration():
    # "the lowest rate in almost three years" / "the rate had stood at 5 per cent for almost two years"
    span = claim("3y", "x.txt", n(2.7, 3, 3, hedge="nearly"), markers=("record-span",),
                 sentence="Inflation fell to 2.0%, the lowest rate in almost three years.")
    lasted = claim("2y", "y.txt", n(1.8, 2, 2, hedge="nearly"), sentence="The rate had stood at 5% for almost two years.")
    assert found(span, lasted) == []
    other = claim("5y", "y.txt", n(5), markers=("record-span",), sentence="It was the lowest rate in five years.")
    assert [k for k, _, _ in found(span, other)] == ["contradiction"]


def test_times_counted_from_two_events_are_two_things():
    # "found alive nine days after they went missing" / "three days after the last of them was brought out"
    found_ = claim("9d", "x.txt", n(9), markers=("since:go",),
                   sentence="They were found nine days after they went missing.")
    out = claim("3d", "y.txt", n(3), markers=("since:bring",),
                sentence="They are in hospital, three days after the last was brought out.")
    assert found(found_, out) == []
    again = claim("5d", "y.txt", n(5), markers=("since:go",),
                  sentence="They were found five days after they went missing.")
    assert [k for k, _, _ in found(found_, again)] == ["contradiction"]


def test_a_price_per_unit_told_of_two_days_is_a_level_read_twice():
    # "to 10.94 per dollar" after Thursday's cut / "traded at 10.81 per dollar" a week later, "has since recovered"
    cut = claim("10.94", "x.txt", n(10.94), as_of=date(2026, 2, 5), markers=("per-unit",),
                sentence="The crown fell to 10.94 per dollar.")
    later = claim("10.81", "y.txt", n(10.81), as_of=date(2026, 2, 12), markers=("per-unit", "running"),
                  sentence="The crown has since recovered and traded at 10.81 per dollar on Thursday.")
    assert [k for k, _, _ in found(cut, later)] == ["update"]
    same_day = replace(later, as_of=date(2026, 2, 5))
    assert [k for k, _, _ in found(cut, same_day)] == ["contradiction"]


def test_a_level_is_never_a_total_that_grows():
    # "the system had carried an all-time record load of 9,640 MW" is a level at a moment, not a total so far: a
    # perfect tense makes a count a running total ("had sold 8.6 million tickets"), never a power, speed or
    # temperature, so two such figures of one moment still conflict
    def load(cid, doc, value, day, markers=()):
        return replace(claim(cid, doc, n(value, unit="megawatt"), kind="quantity", as_of=day), markers=markers)
    first = load("9460", "x.txt", 9460, date(2025, 7, 15))
    later = load("9640", "y.txt", 9640, date(2025, 7, 17), ("running",))
    assert [k for k, _, _ in found(first, later)] == ["contradiction"]
    tickets = [claim("8.3", "x.txt", n(8.3e6), as_of=date(2024, 7, 1)),
               replace(claim("8.6", "y.txt", n(8.6e6), as_of=date(2024, 7, 20)), markers=("running",))]
    assert [k for k, _, _ in found(*tickets)] == ["update"]  # a count told in the perfect grows


def test_moves_of_a_level_told_of_two_days_are_two_moves():
    # "its shares rose 6% in after-hours trading" (Thursday) and "shares closed up 5.2% on Friday": a share or level
    # that moves either way moved twice, on two days; two reports of one day's move still conflict
    def move(cid, doc, value, day, event="increase"):
        c = claim(cid, doc, n(value), kind="percent", as_of=day, quantity="cumulative")
        return replace(c, subject=replace(c.subject, event=event))
    thursday = move("6", "x.txt", 6, date(2024, 10, 24))
    assert [k for k, _, _ in found(thursday, move("5.2", "y.txt", 5.2, date(2024, 10, 25), "close"))] == ["update"]
    assert [k for k, _, _ in found(thursday, move("9", "y.txt", 9, date(2024, 10, 24)))] == ["contradiction"]


def test_how_things_stood_on_two_days_is_an_update():
    crews = [replace(claim("4000", "x.txt", n(3600, 4000, 4000, hedge="nearly"), as_of=date(2024, 7, 28)),
                     markers=("state",)),
             replace(claim("5800", "y.txt", n(5220, 6380, 5800, hedge="about"), as_of=date(2024, 7, 31)),
                     markers=("state",))]
    assert [k for k, _, _ in found(*crews)] == ["update"]
    assert [k for k, _, _ in found(crews[0], replace(crews[1], as_of=date(2024, 7, 28)))] == ["contradiction"]


def test_how_things_stood_on_the_day_a_sentence_names_is_no_figure_of_a_later_moment():
    # "Eight tugboats were pulling at the hull on Wednesday" and, in a later article, "a fleet of 14 tugboats swung
    # the stern off": a level on the day its sentence names, and the count at a later moment
    pulling = replace(claim("8", "x.txt", n(8), as_of=date(2025, 3, 12)), as_of_source="text", markers=("state",))
    later = claim("14", "y.txt", n(14), as_of=date(2025, 3, 18))
    assert [k for k, _, _ in found(pulling, later)] == ["update"]
    assert [k for k, _, _ in found(pulling, replace(later, as_of=date(2025, 3, 12)))] == ["contradiction"]
    assert [k for k, _, _ in found(replace(pulling, as_of_source="published"), later)] == ["contradiction"]


def test_a_rate_cut_to_a_level_then_standing_at_another_is_an_update():
    # "the ECB, which cut its deposit rate to 3.75% in June" and "cut its deposit rate to 3.5% on Thursday", "now
    # stands at 3.5%": the rate's level on two dates
    def rate(cid, doc, value, day, sentence, quantity="fixed", source="text"):
        return replace(claim(cid, doc, n(value), kind="percent", sentence=sentence, quantity=quantity),
                       text=f"{value}%", as_of=day, as_of_source=source)
    june = rate("a", "x.txt", 3.75, date(2024, 6, 30), "The ECB, which cut its deposit rate to 3.75% in June, may cut.")
    september = [rate("b", "y.txt", 3.5, date(2024, 9, 12), "The ECB cut its deposit rate to 3.5% on Thursday."),
                 rate("c", "z.txt", 3.5, date(2024, 9, 18), "The rate now stands at 3.5%.", "stock", "published")]
    assert [k for k, _, _ in found(june, *september)] == ["update"]


def test_how_many_stand_in_a_state_is_no_total():
    missing = replace(claim("22", "x.txt", n(22), as_of=date(2024, 3, 11)), markers=("state",))
    killed = claim("21", "y.txt", n(21), as_of=date(2024, 3, 13), quantity="cumulative")
    assert found(missing, killed) == []
    assert [k for k, _, _ in found(replace(missing, markers=()), killed)] == ["contradiction"]  # a total that fell


def test_a_sentence_listing_days_tells_each_from_the_others():
    # "Recovery teams found the first victims on March 27, a third on April 5, a fourth on April 16 and a fifth on
    # May 1": a list of days of a series; "divers recovered two bodies on Wednesday" (March 27) elsewhere is the
    # list's first day, not a report of the third's
    listing = "Recovery teams found the first victims on March 27, a third on April 5, a fourth on April 16 and a fifth on May 1."
    days = [date(2024, 3, 27), date(2024, 4, 5), date(2024, 4, 16), date(2024, 5, 1)]
    listed = [claim(f"l{k}", "y.txt", DateValue(d, d, "day"), kind="date", sentence=listing) for k, d in enumerate(days)]
    wednesday = claim("wed", "x.txt", DateValue(days[0], days[0], "day"), kind="date",
                      sentence="Divers recovered two bodies on Wednesday.")
    links = {frozenset((a.id, b.id)): Link(1.0, ()) for a, b in combinations([wednesday, *listed], 2)}
    apart = Matching({"wed": "g1", "l1": "g1", "l0": "g2", "l2": None, "l3": None}, links)
    assert [d for d in compare([wednesday, *listed], apart) if d.kind == "contradiction"] == []
    two = "The channel opened on April 1 and closed on April 3."  # two days are no list: a report elsewhere still conflicts
    pair = [claim("o", "y.txt", DateValue(date(2024, 4, 1), date(2024, 4, 1), "day"), kind="date", sentence=two),
            claim("c", "y.txt", DateValue(date(2024, 4, 3), date(2024, 4, 3), "day"), kind="date", sentence=two)]
    other = claim("m", "x.txt", DateValue(date(2024, 3, 31), date(2024, 3, 31), "day"), kind="date",
                  sentence="The channel opened on March 31.")
    links = {frozenset((a.id, b.id)): Link(1.0, ()) for a, b in combinations([other, *pair], 2)}
    assert [d.kind for d in compare([other, *pair], Matching({"m": "g1", "o": "g1", "c": None}, links))] == \
        ["contradiction"]


def test_a_list_of_days_goes_on_in_the_next_sentence_with_another_ordinal():
    # "... a fourth on April 16 and a fifth on May 1. The sixth and last was recovered on May 7": the sixth's day is
    # the series' too, so it conflicts with neither the third's (April 5) nor the first's (Wednesday, March 27)
    # elsewhere; another article's other day for the sixth still does
    listing = "Recovery teams found the first victims on March 27, a third on April 5, a fourth on April 16 and a fifth on May 1."
    days = [date(2024, 3, 27), date(2024, 4, 5), date(2024, 4, 16), date(2024, 5, 1)]
    listed = [replace(claim(f"l{k}", "y.txt", DateValue(d, d, "day"), kind="date", sentence=listing), start=10 * k)
              for k, d in enumerate(days)]
    last = "The sixth and last was recovered on May 7."
    sixth = claim("six", "y.txt", DateValue(date(2024, 5, 7), date(2024, 5, 7), "day"), kind="date", sentence=last)
    sixth = replace(sixth, start=60, about=replace(sixth.about, ordinals=("sixth",)))
    third = claim("apr5", "x.txt", DateValue(days[1], days[1], "day"), kind="date",
                  sentence="His body was recovered on April 5.")
    wednesday = claim("wed", "z.txt", DateValue(days[0], days[0], "day"), kind="date",
                      sentence="Divers recovered two bodies on Wednesday.")
    claims = [*listed, sixth, third, wednesday]
    links = {frozenset((a.id, b.id)): Link(1.0, ()) for a, b in combinations(claims, 2)}
    grouped = Matching({"wed": "g1", "apr5": "g1", "l1": "g1", "six": "g1", "l0": None, "l2": None, "l3": None},
                       links)
    assert [d for d in compare(claims, grouped) if d.kind == "contradiction"] == []
    other = claim("may8", "z.txt", DateValue(date(2024, 5, 8), date(2024, 5, 8), "day"), kind="date",
                  sentence="The sixth victim was recovered on May 8.")
    claims = [*listed, sixth, other]
    links = {frozenset((a.id, b.id)): Link(1.0, ()) for a, b in combinations(claims, 2)}
    sixths = Matching({"six": "g1", "may8": "g1", "l0": None, "l1": None, "l2": None, "l3": None}, links)
    assert [d.kind for d in compare(claims, sixths)] == ["contradiction"]


def test_a_change_by_a_percentage_is_no_share_of_a_whole():
    def pct(cid, doc, value, sentence, event):
        c = replace(claim(cid, doc, n(value), kind="percent", sentence=sentence), text=f"{value}%")
        return replace(c, subject=replace(c.subject, event=event))
    rise = pct("a", "x.txt", 6.7, "The minimum wage will rise by 6.7% to 12.21 pounds an hour.", "increase")
    share = pct("b", "y.txt", 4.5, "Borrowing is forecast to be 127.5 billion pounds, or 4.5% of economic output.",
                "forecast")
    assert found(rise, share) == []
    other_rise = pct("c", "y.txt", 7.1, "The minimum wage is to rise by 7.1% next April.", "increase")
    assert [k for k, _, _ in found(rise, other_rise)] == ["contradiction"]
