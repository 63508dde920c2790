"""Properties that must hold for any input: the normalisers never raise and give ordered intervals;
comparison depends neither on the order of the claims nor on which side a claim is on.

That reports are byte-identical across runs and PYTHONHASHSEED values is checked on the whole
CLI in test_input_robustness.py.
"""
from __future__ import annotations

from datetime import date

from hypothesis import given, settings
from hypothesis import strategies as st

from grouping import compare_by_subject
from haiti_claims.compare import finalise
from haiti_claims.config import DEFAULT, Tolerances
from haiti_claims.match import load_weights
from haiti_claims.model import Claim, DateValue, NumberValue, Subject
from haiti_claims.normalize.dates import date_value
from haiti_claims.normalize.numbers import HEDGES, number_value
from haiti_claims.read.metadata import PUBLISHED_RANGE

T = Tolerances()
NUMBER_WORDS = sorted(HEDGES) + [
    "between", "and", "to", "from", "-", "–", "/", "a", "an", "half", "point", "of", "dozen", "dozens", "hundred",
    "hundreds", "thousand", "thousands", "tens", "million", "millions", "bn", "m", "k", "$", "€", "£", "%",
    "percent", "per", "cent", "twenty", "five", "one", "zero", "1,000", "2.5", "0", "00", "0.0", "1e5", ",", ".",
    "\u00a0", "\u202f", "'", "−3",
]
DATE_WORDS = [
    "early", "late", "mid", "mid-", "in", "on", "since", "before", "after", "by", "until", "from", "to", "of",
    "January", "February", "June", "Sept.", "December", "Monday", "Friday", "next", "last", "this", "coming",
    "past", "year", "month", "week", "weekend", "quarter", "Q1", "Q4", "H2", "first", "second", "half",
    "1st", "29", "31", "0", "2024", "1999", "2199", "0001", "9999", "later", "earlier", "the", "-", ",",
]
figures = st.one_of(st.integers(0, 10**15).map(str), st.integers(0, 10**6).map("{:,}".format),
                    st.floats(0, 1e12, allow_nan=False).map(str))


def phrases(vocabulary: list[str]) -> st.SearchStrategy[str]:
    """Arbitrary text, and word salads of the vocabulary the normaliser looks for."""
    word = st.one_of(st.sampled_from(vocabulary), figures)
    return st.one_of(st.text(max_size=60), st.lists(word, max_size=7).map(" ".join),
                     st.lists(word, max_size=7).map("".join))


# read/ accepts no publication date outside PUBLISHED_RANGE; its ends are where arithmetic on dates could overflow
anchors = st.one_of(st.none(), st.sampled_from(PUBLISHED_RANGE), st.dates(*PUBLISHED_RANGE))
tenses = st.sampled_from([None, "past", "future"])


@settings(max_examples=400, deadline=None)
@given(phrases(NUMBER_WORDS), st.sampled_from([None, "USD", "%"]))
def test_number_normaliser_never_raises_and_orders_its_interval(text, unit):
    value = number_value(text, T, unit)
    if value is not None and value.low is not None and value.high is not None:
        assert value.low <= value.high


@settings(max_examples=400, deadline=None)
@given(phrases(DATE_WORDS), anchors, tenses)
def test_date_normaliser_never_raises_and_orders_its_interval(text, anchor, tense):
    value = date_value(text, anchor, tense)
    if value is not None and value.start is not None and value.end is not None:
        assert value.start <= value.end


HEDGED = st.builds(lambda hedge, figure: f"{hedge} {figure}".strip(),
                   st.sampled_from(["", *sorted(HEDGES)]), st.integers(1, 5000).map("{:,}".format))
SUBJECT = Subject(actor="Norland", thing="personnel", event="deployment")


def claims_of(values: list[tuple[str, NumberValue | DateValue]]) -> list[Claim]:
    return [Claim(doc=f"{i % 3}.txt", kind="date" if isinstance(v, DateValue) else "count", text=text,
                  start=10 * i, end=10 * i + len(text), line=1, column=10 * i + 1, sentence=text, value=v,
                  subject=SUBJECT, id=f"c{i + 1}")
            for i, (text, v) in enumerate(values)]


numbers = HEDGED.map(lambda text: (text, number_value(text, T))).filter(lambda tv: tv[1] is not None)
dates = st.builds(lambda start, days: (f"{start}+{days}", DateValue(start, date.fromordinal(start.toordinal() + days),
                                                                     "range")),
                  st.dates(date(2020, 1, 1), date(2026, 12, 31)), st.integers(0, 400))


def outcome(claims: list[Claim]) -> set[tuple]:
    return {(f.kind, f.severity, f.subject, frozenset(f.claims)) for f in finalise(compare_by_subject(claims), DEFAULT, load_weights())}


@settings(max_examples=200, deadline=None)
@given(st.one_of(st.lists(numbers, min_size=2, max_size=6), st.lists(dates, min_size=2, max_size=6)), st.randoms())
def test_findings_do_not_depend_on_the_order_of_the_claims(values, random):
    claims = claims_of(values)
    shuffled = claims[:]
    random.shuffle(shuffled)
    assert outcome(shuffled) == outcome(claims)


@settings(max_examples=200, deadline=None)
@given(numbers, numbers)
def test_comparison_is_symmetric(a, b):
    one, other = claims_of([a, b])
    forward, backward = compare_by_subject([one, other]), compare_by_subject([other, one])
    assert [(d.kind, d.message, {c.id for c in d.claims}) for d in forward] == \
        [(d.kind, d.message, {c.id for c in d.claims}) for d in backward]
