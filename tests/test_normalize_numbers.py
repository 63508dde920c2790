import pytest

from haiti_claims.config import Tolerances
from haiti_claims.normalize.numbers import number_value

T = Tolerances()


@pytest.mark.parametrize("text, low, high, nominal, hedge", [
    ("382", 382, 382, 382, None),
    ("nearly 1,000", 900, 1000, 1000, "nearly"),
    ("around 400", 360, 440, 400, "about"),
    ("approximately 1,000", 900, 1100, 1000, "about"),
    ("more than 200", 200, None, 200, "over"),
    ("over 700,000", 700_000, None, 700_000, "over"),
    ("up to 2,500", None, 2500, 2500, "up to"),
    ("at least 12", 12, None, 12, "at least"),
    ("fewer than 50", None, 50, 50, "under"),
    ("between 20 and 30", 20, 30, None, "between"),
    ("20-30", 20, 30, None, "between"),
    ("between 1 and 2 million", 1_000_000, 2_000_000, None, "between"),
    ("two hundred", 200, 200, 200, None),
    ("twenty-five", 25, 25, 25, None),
    ("a dozen", 12, 12, 12, None),
    ("tens of thousands", 20_000, 99_999, None, "vague"),
    ("a few hundred", 200, 999, None, "vague"),  # a few of a scale: as vague as "hundreds"
    ("several thousand", 2000, 9999, None, "vague"),
    ("a few dozen", 24, 119, None, "vague"),
    ("80%", 80, 80, 80, None),
    ("85 percent", 85, 85, 85, None),
    ("1\u00a0000", 1000, 1000, 1000, None),
])
def test_hedges_become_intervals(text, low, high, nominal, hedge):
    v = number_value(text, T)
    assert (v.low, v.high, v.nominal, v.hedge) == (low, high, nominal, hedge)


@pytest.mark.parametrize("text, nominal", [("$600m", 600e6), ("$100 million", 100e6), ("700k", 700e3),
                                           ("1.5 million", 1.5e6), ("€3bn", 3e9), ("half a million", 5e5)])
def test_scale_words_and_rounding(text, nominal):
    v = number_value(text, T)
    assert v.nominal == nominal
    assert v.low < nominal < v.high  # a figure with a scale word is rounded to its last digit


def test_tolerance_is_configurable():
    assert number_value("around 400", Tolerances(about=0.25)).low == 300


@pytest.mark.parametrize("text", ["half", "the", "", "officers"])
def test_words_without_a_figure_are_not_numbers(text):
    assert number_value(text, T) is None


@pytest.mark.parametrize("text, nominal", [
    ("one hundred and sixteen", 116), ("4 thousand 3 hundred and 21", 4321), ("two hundred and two thousand", 202_000),
    ("one and a half", 1.5), ("two thirds", 2 / 3), ("three quarters", 0.75), ("one hundred and three quarters", 100.75),
    ("2 1/4", 2.25), ("3/4", 0.75), ("a third", 1 / 3), ("half a dozen", 6), ("3 dozens", 36),
    ("two point five", 2.5), (".08", 0.08), ("minus five", -5), ("-3.2%", -3.2), ("a trillionth", 1e-12),
])
def test_spelled_out_mixed_and_fractional_figures(text, nominal):
    assert number_value(text, T).nominal == pytest.approx(nominal, rel=1e-9)


@pytest.mark.parametrize("text", ["24/7", "9/11"])
def test_slashed_pairs_that_are_no_fraction_keep_their_first_figure(text):
    assert number_value(text, T).nominal == int(text.split("/")[0])


def _found(nlp, extractor, text):
    from haiti_claims.config import DEFAULT
    from haiti_claims.normalize import value_of

    values = [(m, value_of(m, None, DEFAULT.tolerances)) for m in extractor(nlp(text)) if m.family == "number"]
    return {m.text: (m.kind, m.unit, v.nominal) for m, v in values if v is not None}  # as the pipeline keeps them


def test_written_figures_are_read_whole_with_their_units(nlp, extractor):
    found = _found(nlp, extractor, "Sales rose 6.2% to $1.45 billion, one hundred and sixteen families left, "
                                   "half a million fled and the bank lent 125 million Australian dollars.")
    assert found == {"6.2%": ("percent", "%", 6.2), "$1.45 billion": ("money", "USD", 1.45e9),
                     "one hundred and sixteen": ("count", None, 116),
                     "half a million": ("count", None, 5e5),
                     "125 million Australian dollars": ("money", "AUD", 125e6)}


def test_a_range_of_figures_with_no_date_word_is_a_number_not_a_date(nlp, extractor):
    found = _found(nlp, extractor, "Between 20 and 30 homes burned and one and a half million people fled.")
    assert set(found) == {"Between 20 and 30", "one and a half million"}


@pytest.mark.parametrize("text, low, high", [
    ("200 or more", 200, None), ("5,000 or fewer", None, 5000), ("exceeded 3,000", 3000, None),
    (">= 30", 30, None), ("less than or equal to 100", None, 100), ("above 1,000 and below 1,500", 1000, 1500),
    ("at most 100 and at least 20", 20, 100), ("20 through 100", 20, 100), ("5k-20k", 5000, 20000),
    ("between negative ten and fifteen", -10, 15), ("equal to 170", 170, 170),
])
def test_hedges_written_after_symbols_and_pairs_of_bounds(text, low, high):
    v = number_value(text, T)
    assert (v.low, v.high) == (low, high)


def test_two_bounds_that_do_not_close_an_interval_stay_apart(nlp, extractor):
    assert set(_found(nlp, extractor, "Turnout was no less than 194 and less than 12 in the ward.")) == \
        {"no less than 194", "less than 12"}
    assert set(_found(nlp, extractor, "Between 300 and 400 homes, more than 200 and fewer than 250 schools.")) == \
        {"Between 300 and 400", "more than 200 and fewer than 250"}


def test_names_fiscal_years_phone_numbers_and_times_are_not_counts(nlp, extractor):
    found = _found(nlp, extractor, "Cases of COVID-19 rose to 300 in fiscal 2021; call +1-222-2222/2222 after 6pm.")
    assert set(found) == {"300"}


@pytest.mark.parametrize("text, nominal", [
    ("one twenty-fifth", 1 / 25), ("three thirty-seconds", 3 / 32), ("one hundred thirty-fifths", 100 / 35),
    ("one hundred and thirty-two fifths", 132 / 5), ("two hundred thirty two and a thirtieth", 232 + 1 / 30),
    ("fifty - two", 52), ("five - eighths", 5 / 8), ("ninety - five hundred", 9500), ("322 hundred", 32_200),
])
def test_fractions_with_compound_denominators_spaced_hyphens_and_hundreds(text, nominal):
    assert number_value(text, T).nominal == pytest.approx(nominal, rel=1e-9)


def test_written_fractions_ordinals_and_decimals_after_and_in_articles(nlp, extractor):
    found = _found(nlp, extractor, "Only one twenty-fifth of the fund was spent in this twenty-first century city, "
                                   "and fifty - two schools shut; 3 hundred and 2.12 hundred are two figures.")
    assert found == {"one twenty-fifth": ("count", "share", 0.04), "fifty - two": ("count", None, 52),
                     "3 hundred": ("count", None, 300), "2.12 hundred": ("count", None, 212),
                     "two": ("count", None, 2)}


def test_currencies_by_name_hyphenated_and_with_suffixes(nlp, extractor):
    found = _found(nlp, extractor, "The group paid 6.65 billion pesetas, 250 million guilders and a 12-cent dividend "
                                   "for a $5-million stake; it sold 40 rubles 30 rmb worth and raised $25M.")
    assert found == {"6.65 billion pesetas": ("money", "ESP", 6.65e9), "250 million guilders": ("money", "NLG", 2.5e8),
                     "12-cent": ("money", "CENT", 12), "$5-million": ("money", "USD", 5e6),
                     "40 rubles": ("money", "RUB", 40), "30 rmb": ("money", "CNY", 30), "$25M.": ("money", "USD", 2.5e7)}



def test_currencies_named_in_english(nlp, extractor):
    """"Crowns" (krona, krone or koruna, the country unsaid) and lei are sums, never counts of crowns or lei."""
    found = _found(nlp, extractor, "Profit rose to 2.4 billion crowns and the ministry put the cost at 45 million lei.")
    assert found == {"2.4 billion crowns": ("money", "CROWN", 2.4e9), "45 million lei": ("money", "RON", 4.5e7)}


def test_currency_signs_of_the_world(nlp, extractor):
    found = _found(nlp, extractor, "Tickets cost ₹500, the fine was ₦20,000 and the loan 100,000 ரூ.")
    assert found == {"₹500": ("money", "INR", 500), "₦20,000": ("money", "NGN", 20_000),
                     "100,000 ரூ": ("money", "LKR", 100_000)}


@pytest.mark.parametrize("text, written, unit, value", [
    ("Each family got KSh 500 from the relief fund.", "KSh 500", "KES", 500),
    ("Damage to roads was put at Rs 500 crore.", "Rs 500 crore", "INR", 5e9),
    ("The court fined him Rs. 5,000 on Monday.", "Rs. 5,000", "INR", 5_000),
])
def test_a_currency_abbreviated_in_letters_before_its_figure_is_a_sum(nlp, extractor, text, written, unit, value):
    """"KSh 500", "Rs 500 crore": a currency's abbreviation is no name a figure numbers ("Boeing 737")."""
    found = _found(nlp, extractor, text)
    assert found[written][:2] == ("money", unit) and found[written][2] == pytest.approx(value)


def test_currency_signs_glued_after_the_figure(nlp, extractor):
    """spaCy's tokenizer keeps "100€." whole; the pipeline splits a sign after a figure and the stop after it."""
    found = _found(nlp, extractor, "The ticket costs 100€. Lunch was 30元! A tip of 5$, no more.")
    assert found == {"100€": ("money", "EUR", 100), "30元": ("money", "CNY", 30), "5$": ("money", "USD", 5)}

@pytest.mark.parametrize("text, low, high", [
    ("one out of three", 1 / 3, 1 / 3), ("1 over 20", 0.05, 0.05), ("nearly one in three", 0.3, 1 / 3),
    ("2 in 5 or more", 0.4, None), ("three lakh crore", 2.5e12, 3.5e12), ("two thousand million", 1.5e9, 2.5e9),
    ("two thirds of a million", 5e5, 1e6 * 5 / 6),
])
def test_ratios_and_scales_of_scales(text, low, high):
    v = number_value(text, T)
    assert (v.low, v.high) == (pytest.approx(low), high if high is None else pytest.approx(high))


def test_a_ratio_is_one_figure_but_not_a_sum_spread_over_years(nlp, extractor):
    found = _found(nlp, extractor, "One in five children went hungry, one out of three schools shut, and donors will "
                                   "give 5 million over 3 years.")
    assert found == {"One in five": ("count", None, 0.2), "one out of three": ("count", None, pytest.approx(1 / 3)),
                     "5 million": ("count", None, 5e6), "over 3": ("count", None, 3)}


@pytest.mark.parametrize("text, low, high", [
    ("⅓", 1 / 3, 1 / 3), ("2½", 2.5, 2.5), ("1/40", 0.025, 0.025), ("$2.174T", 2.1735e12, 2.1745e12),
    ("278,000 t", 278_000, 278_000), ("from -18 °C to -34 °C", -34, -18), ("US$ 1MM", 0.5e6, 1.5e6),
])
def test_vulgar_fractions_unit_fractions_trillions_and_falling_ranges(text, low, high):
    v = number_value(text, T)
    assert (v.low, v.high) == (pytest.approx(low), pytest.approx(high))


def test_units_glued_to_figures_and_times_of_day(nlp, extractor):
    found = _found(nlp, extractor, "The parcel weighs 25lbs, not the 180ml bottle; it is a 10- to 15-minute walk "
                                   "that lasted 3 hrs, from 6.30 pm to 1600 hrs, and took ½ of the day.")
    assert found == {"25lbs": ("quantity", "pound", 25), "180ml": ("quantity", "millilitre", 180),
                     "10- to 15": ("count", None, None), "3": ("count", None, 3), "½": ("count", None, 0.5)}


@pytest.mark.parametrize("text, low, high", [
    ("5.5x10-3", 0.0055, 0.0055), ("2.48×10−5", 2.48e-5, 2.48e-5), ("3.2 x 10^6", 3.2e6, 3.2e6),
    ("2,000.45±0.01", 2000.44, 2000.46), ("52% ± 3", 49, 55), ("−273.15", -273.15, -273.15),
])
def test_powers_of_ten_margins_and_minus_signs(text, low, high):
    v = number_value(text, T)
    assert (v.low, v.high) == (pytest.approx(low), pytest.approx(high))


def test_a_multiplication_sign_without_a_power_is_no_figure_of_its_own(nlp, extractor):
    found = _found(nlp, extractor, "Support stood at 52% ± 3 while the ice was −5 degrees and 1.2 × 10^3 people came.")
    assert found == {"52% ± 3": ("percent", "%", 52), "−5 degrees": ("quantity", "degree", -5),
                     "1.2 × 10^3": ("count", None, 1200)}


@pytest.mark.parametrize("text, nominal", [("1.1^+23", 1.1 ** 23), ("-1.1^+23", -(1.1 ** 23)), ("nought point eleven", 0.11)])
def test_powers_with_a_written_plus_and_spoken_decimals_in_teens(text, nominal):
    assert number_value(text, T).nominal == pytest.approx(nominal)


def test_hedges_across_extra_spaces_and_round_figures_without_commas(nlp, extractor):
    found = _found(nlp, extractor, "Readings fell to <=  -30 and the city grew to 3000000 people; call 5551234.")
    assert found == {"<=  -30": ("count", None, -30), "3000000": ("count", None, 3_000_000)}


@pytest.mark.parametrize("text, nominal", [
    ("a twenty-first", 1 / 21), ("one one hundred fifth", 1 / 105), ("one one hundred and fifth", 1 / 105),
    ("one hundred one thousand fifths", 100 / 1005), ("ninety - five hundred fifths", 9500 / 5),
    ("more than half", 0.5), ("nearly half", 0.5), ("two third", 2),  # "two third-party candidates": two
])
def test_fractions_under_written_ordinals_and_hedged_halves(text, nominal):
    assert number_value(text, T).nominal == pytest.approx(nominal, rel=1e-9)


@pytest.mark.parametrize("text", ["one hundred fifth", "one hundred and twenty-first"])
def test_written_ordinals_are_no_figures(text):
    assert number_value(text, T) is None


def test_ordinals_and_lone_halves_in_articles_are_no_claims(nlp, extractor):
    found = _found(nlp, extractor, "He won a fifth term in this twenty-first century city on its one hundred fifth "
                                   "anniversary; half the city voted, more than half of residents stayed, a fifth "
                                   "of the budget went, and two third-party candidates ran.")
    assert found == {"more than half": ("count", "share", 0.5), "a fifth": ("count", "share", 0.2),
                     "two": ("count", None, 2)}


@pytest.mark.parametrize("text, low, high", [
    ("about -10", -11.0, -9.0),
    ("nearly -10", -10.0, -9.0),
    ("a little more than -1", -1.1, -1.0),  # found by the property test: the interval came out reversed
])
def test_a_hedged_negative_figure_has_its_interval_in_order(text, low, high):
    value = number_value(text, T, None)
    assert (value.low, value.high) == (low, high)


@pytest.mark.parametrize("text, figure, low, high", [
    ("It cut its revenue guidance to $3.89 billion-$3.90 billion on Tuesday.", "$3.89 billion-$3.90 billion",
     3.89e9, 3.90e9),
    ("Revenue will be $3.98-$4.01 billion this year.", "$3.98-$4.01 billion", 3.98e9, 4.01e9),
    ("Insured losses were put at $400m\u2013$1.5bn by the modeller.", "$400m\u2013$1.5bn", 4e8, 1.5e9),
    ("A ticket costs \u20ac10-\u20ac20 at the gate.", "\u20ac10-\u20ac20", 10, 20),
])
def test_a_range_of_sums_joined_by_a_dash_is_one_range(nlp, extractor, text, figure, low, high):
    """The dash between two sums, each with its sign, is a range's: not a sum, a stray "billion" and another."""
    from haiti_claims.config import DEFAULT
    from haiti_claims.normalize import value_of

    found = {m.text: value_of(m, None, DEFAULT.tolerances) for m in extractor(nlp(text)) if m.family == "number"}
    assert list(found) == [figure]
    assert (found[figure].low, found[figure].high) == (pytest.approx(low), pytest.approx(high))


def test_a_few_hundred_yards_is_read_whole(nlp, extractor):
    """"a few hundred yards offshore": the count of hundreds is vague, never one hundred."""
    found = {m.text: m for m in extractor(nlp("The salvage barges work a few hundred yards offshore."))}
    assert list(found) == ["a few hundred yards"]


@pytest.mark.parametrize("text, figures", [
    ("Recovery teams found the first victims on March 27, a third on April 5, a fourth on April 16 and a fifth "
     "on May 1.", set()),
    ("The first train left at dawn, a second at noon and a third at dusk.", set()),
    ("Labour won a third of the vote in the first round.", {"a third"}),
    ("In the first round, turnout fell by a third.", {"a third"}),
    ("A third said they would vote, and a quarter in the capital.", {"A third", "a quarter"}),
])
def test_a_fraction_word_in_a_list_of_ordinals_counts_an_order(nlp, extractor, text, figures):
    """ "a third on April 5" among "the first victims ..., a fourth ..." is the third victim, not a share: a
    fraction word with no "of" after it counts an order when its sentence lists it with two other ordinals."""
    assert set(_found(nlp, extractor, text)) == figures


@pytest.mark.parametrize("text, figure, low, high", [
    ("Officials expect two or three million visitors this summer.", "two or three million", 2e6, 3e6),
    ("He warned that the bill could reach \"three, maybe four, five billion euros\".",
     "three, maybe four, five billion euros", 3e9, 5e9),
    ("The repairs will cost $2 or $3 million, the council said.", "$2 or $3 million", 2e6, 3e6),
    ("Some 40 or perhaps 50 thousand fans are expected.", "Some 40 or perhaps 50 thousand", 4e4, 5e4),
])
def test_a_scale_word_after_alternatives_scales_them_all(nlp, extractor, text, figure, low, high):
    """ "two or three million visitors" is two to three million, not two and three million: the scale word
    after the last of figures given as alternatives scales every one of them, and they are one range."""
    from haiti_claims.config import DEFAULT
    from haiti_claims.normalize import value_of

    found = {m.text: value_of(m, None, DEFAULT.tolerances) for m in extractor(nlp(text)) if m.family == "number"}
    assert figure in found, found
    assert (found[figure].low, found[figure].high) == (low, high)
    assert len(found) == 1


def test_alternatives_without_a_scale_word_stay_as_they_are(nlp, extractor):
    found = _found(nlp, extractor, "Two or three people were hurt, and 12 or 13 cars burned.")
    assert "Two or three" not in found and "12 or 13" not in found
