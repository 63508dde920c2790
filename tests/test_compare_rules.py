"""The compare stage's rules on hand-made claims that one hand-made `Matching` puts in one group: no parse,
no matcher. Each test states a rule about language and time in general terms."""
from __future__ import annotations

from datetime import date
from itertools import combinations

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
