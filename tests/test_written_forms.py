"""Written forms of figures and dates that news uses, read through the extractor as an article would be."""
import re
from datetime import date

import pytest

from haiti_claims.config import DEFAULT
from haiti_claims.normalize import value_of

ANCHOR = date(2016, 11, 7)


def _values(nlp, extractor, text: str) -> dict[str, object]:
    return {m.span.text: value_of(m, ANCHOR, DEFAULT.tolerances) for m in extractor(nlp(text))}


@pytest.mark.parametrize("text, span, low, high", [
    ("The village has 40 000 people.", "40 000", 40_000, 40_000),
    ("China's population is 1 414 021 100.", "1 414 021 100", 1_414_021_100, 1_414_021_100),
    ("The fund holds 3 million and a half.", "3 million and a half", 3_500_000 - 250_000, 3_500_000 + 250_000),
    ("Half million people fled.", "Half million", 450_000, 550_000),
    ("Doses ranged from 44 mg to 50 mg.", "from 44 mg to 50 mg", 44, 50),
    ("The ticket cost 3 dollars 50 cents.", "3 dollars 50 cents", 3.5, 3.5),
    ("Temperatures stayed >30 all week.", ">30", 30, None),
    ("The total reached 1.3e6.", "1.3e6", 1_300_000, 1_300_000),
])
def test_figures(nlp, extractor, text, span, low, high):
    value = _values(nlp, extractor, text)[span]
    assert (value.low, value.high) == (low, high)


@pytest.mark.parametrize("text, span, start, end", [
    ("The law passed in May.", "May", date(2016, 5, 1), date(2016, 5, 31)),
    ("Sales fell in 2016-11.", "2016-11", date(2016, 11, 1), date(2016, 11, 30)),
    ("He was born July 4th of 1995.", "July 4th of 1995", date(1995, 7, 4), date(1995, 7, 4)),
    ("Talks were held the week of April 10th, 2017.", "week of April 10th, 2017", date(2017, 4, 10), date(2017, 4, 16)),
    ("It reopens on the first Friday of December.", "first Friday of December", date(2016, 12, 2), date(2016, 12, 2)),
    ("Shops stay shut for the rest of the year.", "rest of the year", ANCHOR, date(2016, 12, 31)),
    ("The event ran from 4 to 22 March 2016.", "from 4 to 22 March 2016", date(2016, 3, 4), date(2016, 3, 22)),
    ("Police said over the weekend that two died.", "weekend", date(2016, 11, 5), date(2016, 11, 6)),
    ("The vote will be held on Tues.", "on Tues", date(2016, 11, 8), date(2016, 11, 8)),
    ("Prices doubled between Jan 22 and now.", "between Jan 22 and now", date(2016, 1, 22), ANCHOR),
    ("Output fell in 2016 -11 and recovered.", "in 2016 -11", date(2016, 11, 1), date(2016, 11, 30)),
    ("The archive was sealed on 20161016.", "20161016", date(2016, 10, 16), date(2016, 10, 16)),
    ("The form was signed 05-Aug-2016 in Nairobi.", "05-Aug-2016", date(2016, 8, 5), date(2016, 8, 5)),
    ("The company was sold on Dec31, 1994.", "Dec31, 1994", date(1994, 12, 31), date(1994, 12, 31)),
    ("She was born on 15 April of 87.", "15 April of 87", date(1987, 4, 15), date(1987, 4, 15)),
    ("The talks resume on the 4th, officials said.", "on the 4th", date(2016, 12, 4), date(2016, 12, 4)),  # a schedule
    ("The strike ended on the twenty-second.", "on the twenty-second", date(2016, 10, 22), date(2016, 10, 22)),
    ("Ballots must arrive before the twenty-sixth day of the month.", "before the twenty-sixth day of the month",
     None, date(2016, 11, 25)),
    ("Bids are accepted on or before 1/1/2017.", "on or before 1/1/2017", None, date(2017, 1, 1)),
    ("The summit opens next week Mon or Tue.", "next week Mon", date(2016, 11, 14), date(2016, 11, 14)),
    ("The plant will close on June twenty-three.", "June twenty-three", date(2017, 6, 23), date(2017, 6, 23)),
    ("Shares are down 20% in the year to date.", "year to date", date(2016, 1, 1), ANCHOR),
    ("Thousands marched on International Workers' Day.", "International Workers' Day", date(2016, 5, 1),
     date(2016, 5, 1)),
    ("Talks are set for next week between Wednesday and Friday.", "next week between Wednesday and Friday",
     date(2016, 11, 16), date(2016, 11, 18)),
    ("She sold it for $12 December 27.", "December 27", date(2015, 12, 27), date(2015, 12, 27)),
    ("The rally was held on the fourth of may.", "fourth of may", date(2016, 5, 4), date(2016, 5, 4)),
    ("They left in nineteen ninety six.", "in nineteen ninety six", date(1996, 1, 1), date(1996, 12, 31)),
    ("The fair runs from 5/1-5/7, 2017.", "from 5/1-5/7, 2017", date(2017, 5, 1), date(2017, 5, 7)),
    ("Prices should ease after Feb, analysts said.", "after Feb", date(2017, 3, 1), None),  # a forecast in November: next February
    ("The hearing was set for the 27.", "for the 27", date(2016, 11, 27), date(2016, 11, 27)),
    ("It opened Oct.2 2015, officials said.", "Oct.2 2015", date(2015, 10, 2), date(2015, 10, 2)),
    ("On 2016 10 16, the conference started.", "2016 10 16", date(2016, 10, 16), date(2016, 10, 16)),
    ("Sales fell in the first quarter of two thousand and fifteen.", "first quarter of two thousand and fifteen",
     date(2015, 1, 1), date(2015, 3, 31)),
])
def test_dates(nlp, extractor, text, span, start, end):
    value = _values(nlp, extractor, text)[span]
    assert (value.start, value.end) == (start, end)


def test_a_season_of_two_years_is_no_month(nlp, extractor):
    """ "2010-11" runs over two years; "2016-11" is November 2016."""
    values = _values(nlp, extractor, "He scored 30 goals in the 2010-11 season.")
    assert "2010-11" in values and values["30"].low == 30  # the season and the goals are read
    assert not any(getattr(v, "granularity", None) == "month" for v in values.values())


def test_an_impossible_day_is_found_but_names_no_day(nlp, extractor):
    value = _values(nlp, extractor, "The notice was dated Feb 30.")["Feb 30"]
    assert (value.start, value.end, value.granularity) == (None, None, "day")


@pytest.mark.parametrize("text", ["The office moved to the 3rd floor on Monday.", "He led the 4th Infantry Division.",
                                  "It was the second time police had intervened.", "He voted for the 27-member board.",
                                  "It rose for the second time."])
def test_ordinals_that_name_no_day(nlp, extractor, text):
    assert not any(m.family == "date" and re.search(r"\d(?:st|nd|rd|th)?\b|second", m.text)
                   for m in extractor(nlp(text)))


def test_a_count_in_words_is_no_year(nlp, extractor):
    values = _values(nlp, extractor, "In two thousand and twenty cases, police were late.")
    assert values["two thousand and twenty"].low == 2020  # a count of cases, not the year 2020


def test_a_short_line_keeps_a_date_whose_digits_made_it_look_like_furniture(nlp, extractor):
    """ "Dec31" looks like an id; on a short line without a full stop the date is still read, a lone id is not."""
    assert "Dec31, 1994" in _values(nlp, extractor, "The firm was sold on Dec31, 1994")
    assert not any(m.family == "date" for m in extractor(nlp("Photo 20161016 by staff")))


@pytest.mark.parametrize("text, span", [
    ("Prices rose after the 2016 election.", "2016"), ("Troops left before the December deadline.", "December"),
    ("Talks stalled until the 2015 accord.", "2015"),
])
def test_a_the_before_a_date_that_qualifies_a_noun_keeps_the_hedge_out(nlp, extractor, text, span):
    """ "the" belongs to "the 2016 election", so "after" is no hedge of 2016."""
    values = _values(nlp, extractor, text)
    assert span in values and values[span].start is not None and values[span].end is not None


def test_a_year_and_two_counts_are_no_day(nlp, extractor):
    values = _values(nlp, extractor, "In 2016 10 16-year-olds were hurt.")
    assert values["In 2016"].granularity == "year" and values["10"].low == 10
