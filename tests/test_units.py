"""Measurements: a figure with its unit of measure is a `quantity` claim whose value carries the unit."""
import pytest

from grouping import compare_by_subject
from haiti_claims.config import DEFAULT
from haiti_claims.model import Claim, NumberValue, Subject
from haiti_claims.normalize import value_of


def _found(nlp, extractor, text):
    """Each number mention as written -> (kind, unit, low, high)."""
    out = {}
    for m in extractor(nlp(text)):
        if m.family == "number":
            v = value_of(m, None, DEFAULT.tolerances)
            out[m.text] = (m.kind, m.unit, v.low, v.high)
    return out


@pytest.mark.parametrize("text, written, unit, value", [
    ("The storm dumped 30 cm of snow overnight.", "30 cm", "centimetre", 30),
    ("The fire burned across 4 square kilometres of forest.", "4 square kilometres", "square kilometre", 4),
    ("Italy covers an area of 301,338 km2.", "301,338 km2", "square kilometre", 301_338),
    ("The island covers 116 sq mi.", "116 sq mi", "square mile", 116),
    ("Gusts reached 120 km/h along the coast.", "120 km/h", "kilometre per hour", 120),
    ("Winds of 75 mph battered the town.", "75 mph", "mile per hour", 75),
    ("The average weight is 10kg, officials said.", "10kg", "kilogram", 10),
    ("The harvest fell to 16,000 metric tons.", "16,000 metric tons", "tonne", 16_000),
    ("The plant will produce 50 MW of power.", "50 MW", "megawatt", 50),
    ("Households used 7.3 MWh last year.", "7.3 MWh", "megawatt hour", 7.3),
    ("The leaked archive holds 8 GB of e-mails.", "8 GB", "gigabyte", 8),
    ("Temperatures reached 40 degrees Celsius on Tuesday.", "40 degrees Celsius", "degree Celsius", 40),
    ("A magnitude 7.8 earthquake struck the region.", "magnitude 7.8", "magnitude", 7.8),
    ("A 6.1-magnitude aftershock followed.", "6.1-magnitude", "magnitude", 6.1),
    ("The weight is 20 (kg) per sack.", "20 (kg)", "kilogram", 20),
])
def test_a_figure_with_its_unit_is_a_quantity(nlp, extractor, text, written, unit, value):
    assert _found(nlp, extractor, text)[written] == ("quantity", unit, value, value)


@pytest.mark.parametrize("text, written, unit, value", [
    ("The new tower is 300m tall, the tallest in the city.", "300m", "metre", 300),
    ("A 300m-long bridge will span the river.", "300m", "metre", 300),
    ("Divers found a crack 2 m wide in the hull.", "2 m", "metre", 2),
])
def test_an_m_before_a_word_of_size_is_metres(nlp, extractor, text, written, unit, value):
    """"300m" in the news is 300 million, but "300m tall", "a 300m-long bridge", "2 m wide" measure a size."""
    assert _found(nlp, extractor, text)[written] == ("quantity", unit, value, value)


def test_an_m_elsewhere_stays_a_million(nlp, extractor):
    assert _found(nlp, extractor, "The club paid 30m for the striker.")["30m"][:2] == ("count", None)


@pytest.mark.parametrize("text, written, unit, value", [
    ("Temperatures in Seville reached 44C on Sunday.", "44C", "degree Celsius", 44),
    ("The airport recorded 41C (106F) that afternoon.", "106F", "degree Fahrenheit", 106),  # the other scale beside
    ("Customers were asked to keep thermostats at 25.5C (78F) or higher.", "25.5C", "degree Celsius", 25.5),
    ("Overnight lows of -3C are forecast, with frost in the valleys.", "-3C", "degree Celsius", -3),
    ("It was the hottest day on record, at 46.8C.", "46.8C.", "degree Celsius", 46.8),  # its token, as "10M."
])
def test_a_figure_glued_to_a_scale_letter_is_a_temperature_where_its_sentence_says_so(nlp, extractor, text, written,
                                                                                      unit, value):
    """"44C", "111F": news writes temperatures with the scale's letter glued on; the letter alone is a temperature
    only where the sentence speaks of heat or cold, or gives the other scale's figure beside it."""
    assert _found(nlp, extractor, text)[written] == ("quantity", unit, value, value)


@pytest.mark.parametrize("text", [
    "The passenger in seat 26F was not hurt, the airline said.",
    "The plane's row 12C was empty when the panel blew out.",
])
def test_a_figure_glued_to_a_letter_elsewhere_is_no_temperature(nlp, extractor, text):
    assert not any(unit for _, unit, _, _ in _found(nlp, extractor, text).values())


@pytest.mark.parametrize("text, written, unit, value", [
    ("The central bank cut its main rate by 25 basis points on Thursday.", "25 basis points", "basis point", 25),
    ("The two-year yield fell 9bp on the day.", "9bp", "basis point", 9),
    ("Rates rose 0.25 percentage point in March.", "0.25 percentage point", "percentage point", 0.25),
    ("Inflation fell 0.3 percentage points to 2.4% in January.", "0.3 percentage points", "percentage point", 0.3),
    ("The bank lowered its benchmark rate by a quarter of a percentage point on Thursday.",
     "a quarter of a percentage point", "percentage point", 0.25),
    ("It has now cut rates by three-quarters of a point since September.", "three-quarters of a point",
     "percentage point", 0.75),
    ("Markets price another quarter-point cut at the next meeting.", "quarter-point", "percentage point", 0.25),
    ("Two members voted for a half-point move.", "half-point", "percentage point", 0.5),
    ("The bank delivered a three-quarter-point rise on Thursday.", "three-quarter-point", "percentage point", 0.75),
])
def test_a_change_in_a_rate_is_told_in_points_not_per_cent(nlp, extractor, text, written, unit, value):
    """"cut by 25 basis points", "a quarter of a percentage point", "a quarter-point cut": the size of a change in
    a rate, not a rate of 25% or a share of a quarter, and not a range with the level it moves to ("fell 0.3
    percentage points to 2.4%")."""
    found = _found(nlp, extractor, text)
    assert found[written] == ("quantity", unit, value, value)
    assert all(kind != "percent" or low == high for kind, _, low, high in found.values())


def test_a_range_of_measurements_is_one_quantity(nlp, extractor):
    found = _found(nlp, extractor, "Temperatures ranged from -18 °C to -34 °C while crews built an 8- to 16-metre "
                                   "wall.")
    assert found == {"from -18 °C to -34 °C": ("quantity", "degree Celsius", -34, -18),
                     "8- to 16-metre": ("quantity", "metre", 8, 16)}


def test_pounds_weigh_only_where_the_sentence_speaks_of_weight(nlp, extractor):
    assert _found(nlp, extractor, "The ticket cost 20 pounds.") == {"20 pounds": ("money", "GBP", 20, 20)}
    assert _found(nlp, extractor, "The baby weighs 8 pounds.") == {"8 pounds": ("quantity", "pound", 8, 8)}


@pytest.mark.parametrize("text, written, kind", [
    ("The correct figure is 63 pounds, or about 29kg.", "63 pounds", "quantity"),  # told beside a mass
    ("The haul came to 900 pounds, some 400 kilograms, of cocaine.", "900 pounds", "quantity"),
    ("The 63-pound panel was later recovered from a garden.", "63-pound", "quantity"),  # a thing's weight
    ("Fans paid 63 pounds for a seat, against 40 euros in Paris.", "63 pounds", "money"),
    ("He was fined 500 pounds and banned from driving.", "500 pounds", "money"),
])
def test_pounds_told_beside_a_mass_or_of_a_thing_weigh(nlp, extractor, text, written, kind):
    """"63 pounds, or about 29kg" and "the 63-pound panel" weigh; "paid 63 pounds for a seat" pays."""
    assert _found(nlp, extractor, text)[written][0] == kind


@pytest.mark.parametrize("text, written, kind", [
    ("The two teams will get together for 2 in April.", "2", "count"),  # no 2 inches
    ("The council signed a 3 m deal with the builder.", "3 m", "count"),  # three million, no metres
    ("The firm doubled its work force to 50,000 in 2020.", "50,000", "count"),
    ("Some 1.5m tonnes of grain were shipped.", "Some 1.5m tonnes", "quantity"),  # the m is a million
])
def test_words_that_look_like_units_but_are_not(nlp, extractor, text, written, kind):
    found = _found(nlp, extractor, text)
    assert found[written][0] == kind
    assert all(k != "quantity" or w == written for w, (k, *_rest) in found.items())


def test_times_of_day_are_no_measurements(nlp, extractor):
    found = _found(nlp, extractor, "Polls close at 5 pm in towns 12 km apart, and results are due by 11 a.m. on Friday.")
    assert found["12 km"] == ("quantity", "kilometre", 12, 12)  # a measurement beside them is read
    assert [written for written, (kind, *_rest) in found.items() if kind == "quantity"] == ["12 km"]


def test_the_unit_of_a_glued_figure_is_no_part_of_its_value(nlp, extractor):
    assert _found(nlp, extractor, "The plot measures 24,703m2 in all.")["24,703m2"] == \
        ("quantity", "square metre", 24_703, 24_703)
    assert all(kind != "quantity" for kind, *_rest in _found(nlp, extractor, "They played on a 3x2 grid.").values())


def _claim(cid, doc, figure, unit):
    subject = Subject(thing="quake", event="feel")
    return Claim(doc=doc, kind="quantity", text=cid, start=0, end=1, line=1, column=1, sentence="",
                 value=NumberValue(low=figure, high=figure, nominal=figure, unit=unit), subject=subject, id=cid)


def test_measurements_in_different_units_are_never_compared():
    assert compare_by_subject([_claim("a", "x.txt", 300, "kilometre"), _claim("b", "y.txt", 300, "mile")]) == []
    assert [d.kind for d in compare_by_subject([_claim("a", "x.txt", 300, "kilometre"), _claim("b", "y.txt", 500, "kilometre")])] \
        == ["contradiction"]
