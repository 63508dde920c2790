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
