from datetime import date

import pytest

from haiti_claims.config import DEFAULT
from haiti_claims.normalize import value_of
from haiti_claims.normalize.dates import date_value

PUB = date(2024, 7, 16)  # a Tuesday


@pytest.mark.parametrize("text, start, end, granularity", [
    ("January 2024", date(2024, 1, 1), date(2024, 1, 31), "month"),
    ("early 2025", date(2025, 1, 1), date(2025, 4, 30), "part-year"),
    ("mid-2025", date(2025, 5, 1), date(2025, 8, 31), "part-year"),
    ("late 2024", date(2024, 9, 1), date(2024, 12, 31), "part-year"),
    ("2024", date(2024, 1, 1), date(2024, 12, 31), "year"),
    ("March 3, 2025", date(2025, 3, 3), date(2025, 3, 3), "day"),
    ("3 March 2025", date(2025, 3, 3), date(2025, 3, 3), "day"),
    ("the third quarter of 2025", date(2025, 7, 1), date(2025, 9, 30), "quarter"),
    ("the second half of 2024", date(2024, 7, 1), date(2024, 12, 31), "half-year"),
    ("later in 2025", date(2025, 1, 1), date(2025, 12, 31), "year"),
    ("between June and August 2024", date(2024, 6, 1), date(2024, 8, 31), "month"),
    ("2017-18", date(2017, 1, 1), date(2018, 12, 31), "year"),  # years written as one span: a season, a fiscal year
    ("2017–2018", date(2017, 1, 1), date(2018, 12, 31), "year"),
    ("the 2023/24", date(2023, 1, 1), date(2024, 12, 31), "year"),
    ("1999-2000", date(1999, 1, 1), date(2000, 12, 31), "year"),
])
def test_absolute_dates_need_no_anchor(text, start, end, granularity):
    v = date_value(text, None)
    assert (v.start, v.end, v.granularity, v.anchored) == (start, end, granularity, True)


@pytest.mark.parametrize("text, tense, start, end", [
    ("On Tuesday", "past", date(2024, 7, 16), date(2024, 7, 16)),  # the publication day itself
    ("in June", "past", date(2024, 6, 1), date(2024, 6, 30)),
    ("in October", "past", date(2023, 10, 1), date(2023, 10, 31)),  # past tense: last October
    ("in October", "future", date(2024, 10, 1), date(2024, 10, 31)),
    ("next year", None, date(2025, 1, 1), date(2025, 12, 31)),
    ("January next year", None, date(2025, 1, 1), date(2025, 1, 31)),
    ("this month", None, date(2024, 7, 1), date(2024, 7, 31)),
    ("late this month", None, date(2024, 7, 21), date(2024, 7, 31)),
    ("mid-July", None, date(2024, 7, 11), date(2024, 7, 20)),
    ("yesterday", None, date(2024, 7, 15), date(2024, 7, 15)),
    ("last week", None, date(2024, 7, 8), date(2024, 7, 14)),
])
def test_relative_dates_anchor_on_the_publication_date(text, tense, start, end):
    v = date_value(text, PUB, tense)
    assert (v.start, v.end, v.anchored) == (start, end, True)


@pytest.mark.parametrize("text, calendar", [
    ("in June", (6, None, None)), ("next year", None), ("On Tuesday", (None, None, 1)), ("this month", None),
    ("January next year", (1, None, None)), ("July 1", (7, 1, None)), ("on 4 July", (7, 4, None)),
    ("Friday, Sept. 12", (9, 12, 4)),
])
def test_relative_dates_without_anchor_stay_unanchored_with_what_their_words_fix(text, calendar):
    v = date_value(text, None)
    assert v.anchored is False and v.start is None and v.end is None
    assert v.calendar == calendar  # month, day of the month, weekday (Monday 0): what matching can still weigh


def test_hedged_dates_are_open_intervals():
    since = date_value("since June 2024", None)
    assert (since.start, since.end, since.hedge) == (date(2024, 6, 1), None, "since")
    before = date_value("before March 2025", None)
    assert (before.start, before.end) == (None, date(2025, 2, 28))
    by = date_value("by January next year", date(2024, 9, 26))
    assert (by.start, by.end, by.hedge) == (date(2025, 1, 1), date(2025, 1, 31), "by")


@pytest.mark.parametrize("text", ["288169154", "recent years", "the coming months", "12062024 46", "another year"])
def test_not_dates(text):
    assert date_value(text, PUB) is None


ANCHOR = date(2016, 11, 7)  # a Monday


@pytest.mark.parametrize("text, tense, start, end", [
    ("two months ago", None, date(2016, 9, 7), date(2016, 9, 7)),
    ("in two weeks", None, date(2016, 11, 21), date(2016, 11, 21)),
    ("the day before yesterday", None, date(2016, 11, 5), date(2016, 11, 5)),
    ("Christmas", "past", date(2015, 12, 25), date(2015, 12, 25)),
    ("Christmas", "future", date(2016, 12, 25), date(2016, 12, 25)),
    ("Thanksgiving 2015", None, date(2015, 11, 26), date(2015, 11, 26)),
    ("Easter 2024", None, date(2024, 3, 31), date(2024, 3, 31)),
    ("Father's Day", "past", date(2016, 6, 19), date(2016, 6, 19)),
    ("this summer", None, date(2016, 6, 1), date(2016, 8, 31)),
    ("last winter", None, date(2015, 12, 1), date(2016, 2, 29)),
    ("this September", None, date(2016, 9, 1), date(2016, 9, 30)),
    ("early next week", None, date(2016, 11, 14), date(2016, 11, 16)),
    ("November 18-19", "future", date(2016, 11, 18), date(2016, 11, 19)),
    ("between 3 and 12 of September", "past", date(2016, 9, 3), date(2016, 9, 12)),
    ("from 4 to 22 this month", None, date(2016, 11, 4), date(2016, 11, 22)),
    ("11/2016", None, date(2016, 11, 1), date(2016, 11, 30)),
    ("4/22", "past", date(2016, 4, 22), date(2016, 4, 22)),
    ("later than 2016", None, date(2017, 1, 1), None),
])
def test_news_periods_offsets_and_holidays(text, tense, start, end):
    v = date_value(text, ANCHOR, tense)
    assert (v.start, v.end) == (start, end)


@pytest.mark.parametrize("text", ["3/4", "24/7", "two weeks", "Christmas"])
def test_fractions_durations_and_yearless_holidays_without_anchor_give_no_day(text):
    v = date_value(text, None)
    assert v is None or not v.anchored


@pytest.mark.parametrize("text, start", [
    ("2019/sep/01", date(2019, 9, 1)), ("23/Sep/2020", date(2020, 9, 23)), ("3-7-2017", date(2017, 3, 7)),
    ("twenty second of June", date(2016, 6, 22)), ("Friday the 15th", date(2016, 7, 15)),
])
def test_numeric_and_spelled_day_forms(text, start):
    assert date_value(text, ANCHOR, "past").start == start


@pytest.mark.parametrize("text, anchor, start", [
    ("03/18/40", ANCHOR, date(1940, 3, 18)),  # two-digit years: at most 20 years after the anchor
    ("08/12,15", ANCHOR, date(2015, 8, 12)),
    ("15 April of 87", ANCHOR, date(1987, 4, 15)),
    ("13.5.2015", ANCHOR, date(2015, 5, 13)),  # day first when the first number is no month
    ("2015.5.13", ANCHOR, date(2015, 5, 13)),
    ("20161016", ANCHOR, date(2016, 10, 16)),
    ("05-Aug-2016", ANCHOR, date(2016, 8, 5)),
    ("September-2020-23", ANCHOR, date(2020, 9, 23)),
    ("Dec31, 1994", ANCHOR, date(1994, 12, 31)),
    ("16. Nov. 2016", ANCHOR, date(2016, 11, 16)),
    ("5 December 1391", ANCHOR, date(1391, 12, 5)),
    ("2/29", date(2019, 3, 22), date(2020, 2, 29)),  # the nearest leap year
])
def test_numeric_days_and_two_digit_years(text, anchor, start):
    v = date_value(text, anchor)
    assert (v.start, v.end) == (start, start)


def test_a_two_digit_year_without_anchor_falls_in_1950_to_2049():
    assert date_value("August 99", None).start == date(1999, 8, 1)


@pytest.mark.parametrize("text", ["Feb 30", "feb 30 2019", "2/29/2019", "2016-2-30", "the 31st of this month"])
def test_impossible_days_are_dates_with_no_day(text):
    v = date_value(text, ANCHOR)
    assert v is not None and v.anchored and (v.start, v.end, v.granularity) == (None, None, "day")


@pytest.mark.parametrize("text", ["3.5.10", "April 12 7", "2/28"])
def test_possible_or_no_dates_are_not_impossible(text):
    v = date_value(text, ANCHOR)
    assert v is None or v.start is not None


@pytest.mark.parametrize("text, start, end", [
    ("April 9th through 17th", date(2016, 4, 9), date(2016, 4, 17)),  # the bare end day is in April
    ("from 10/1/2018-10/7/2018", date(2018, 10, 1), date(2018, 10, 7)),
    ("from 2016/aug/01 to today", date(2016, 8, 1), ANCHOR),
    # each end named with its weekday too, comma or none
    ("Between Friday 19 August and Tuesday 23 August", date(2016, 8, 19), date(2016, 8, 23)),
    ("from Monday, 3 October to Friday, 7 October", date(2016, 10, 3), date(2016, 10, 7)),
    ("between Friday, August 19 and Tuesday, August 23", date(2016, 8, 19), date(2016, 8, 23)),
    ("Monday 3 October until Friday 7 October", date(2016, 10, 3), date(2016, 10, 7)),
])
def test_day_ranges(text, start, end):
    v = date_value(text, ANCHOR, "past")
    assert (v.start, v.end) == (start, end)


@pytest.mark.parametrize("text, anchor, tense, start, end", [
    ("the last week of July", ANCHOR, "future", date(2017, 7, 24), date(2017, 7, 30)),  # the week of July's last Thursday
    ("the first week of October", date(2019, 11, 7), "past", date(2019, 9, 30), date(2019, 10, 6)),
    ("1st week of Oct. on Friday", date(2019, 11, 7), "past", date(2019, 10, 4), date(2019, 10, 4)),
    ("next week on Tue", ANCHOR, None, date(2016, 11, 15), date(2016, 11, 15)),
    ("coming Thursday", date(2019, 1, 31), None, date(2019, 2, 7), date(2019, 2, 7)),  # said on a Thursday
    ("the past 3 weeks", ANCHOR, None, date(2016, 10, 17), date(2016, 11, 6)),  # 21 days, as "the next 3 days" are 3
    ("the year to date", ANCHOR, None, date(2016, 1, 1), ANCHOR),
    ("this calendar year", ANCHOR, None, date(2016, 1, 1), date(2016, 12, 31)),
    ("the first quarter of the year", ANCHOR, None, date(2016, 1, 1), date(2016, 3, 31)),
    ("May twenty nine", ANCHOR, "future", date(2017, 5, 29), date(2017, 5, 29)),
    ("for the twenty second", ANCHOR, "past", date(2016, 10, 22), date(2016, 10, 22)),
])
def test_weeks_weekdays_and_spelled_days(text, anchor, tense, start, end):
    v = date_value(text, anchor, tense)
    assert (v.start, v.end) == (start, end)


@pytest.mark.parametrize("text, tense, start, end", [
    ("from 4-23 in next month", None, date(2016, 12, 4), date(2016, 12, 23)),
    ("next week between Wednesday and Friday", None, date(2016, 11, 16), date(2016, 11, 18)),
    ("this week from Tue to Thur", None, date(2016, 11, 8), date(2016, 11, 10)),
    ("November between 19 and 20", "future", date(2016, 11, 19), date(2016, 11, 20)),
    ("from 26th of june of 2020 to the 28th of june of 2020", None, date(2020, 6, 26), date(2020, 6, 28)),
    ("from 2016-11", None, date(2016, 11, 1), date(2016, 11, 30)),  # a month, not a range of days: November 2016
    ("May Day", "past", date(2016, 5, 1), date(2016, 5, 1)),
    ("Int'l Workers' Day", "past", date(2016, 5, 1), date(2016, 5, 1)),
])
def test_ranges_inside_a_week_or_month_and_more_holidays(text, tense, start, end):
    v = date_value(text, ANCHOR, tense)
    assert (v.start, v.end) == (start, end)


@pytest.mark.parametrize("text, anchor, tense, start, end", [
    ("later this year", ANCHOR, None, date(2016, 11, 8), date(2016, 12, 31)),  # what is left of it
    ("earlier in the week", date(2018, 5, 31), None, date(2018, 5, 28), date(2018, 5, 30)),
    ("the end of the week", ANCHOR, None, date(2016, 11, 10), date(2016, 11, 13)),
    ("rest of my week", ANCHOR, None, ANCHOR, date(2016, 11, 13)),
    ("w/c Feb 4", ANCHOR, "past", date(2016, 2, 1), date(2016, 2, 7)),
    ("Oct. 2 until the day after tomorrow", ANCHOR, "future", date(2016, 10, 2), date(2016, 11, 9)),
])
def test_parts_of_the_current_period(text, anchor, tense, start, end):
    v = date_value(text, anchor, tense)
    assert (v.start, v.end) == (start, end)


def test_an_unplaced_weekend_is_a_weekend():
    v = date_value("the weekend", None)
    assert (v.anchored, v.granularity) == (False, "weekend")


@pytest.mark.parametrize("text, start, end", [
    ("02-02-2020 - 03-03-2020", date(2020, 2, 2), date(2020, 3, 3)),  # the joiner that leaves a date on each side
    ("from 10-1-2018-10-7-2018", date(2018, 10, 1), date(2018, 10, 7)),
    ("from 5/1-5/7/2020", date(2020, 5, 1), date(2020, 5, 7)),  # the start takes the end's year
    ("from 5/1-5/7, 2020", date(2020, 5, 1), date(2020, 5, 7)),
    ("the week after next", date(2016, 11, 21), date(2016, 11, 27)),
])
def test_numeric_ranges_and_the_week_after_next(text, start, end):
    v = date_value(text, ANCHOR, "future")
    assert (v.start, v.end) == (start, end)


@pytest.mark.parametrize("text, start, end", [
    ("before the end of December", None, date(2016, 12, 31)),  # any day up to the end, not before late December
    ("after the beginning of March", date(2017, 3, 1), None),
    ("after the end of March", date(2017, 4, 1), None),
    ("before the start of 2017", None, date(2016, 12, 31)),
])
def test_open_intervals_at_the_edge_of_a_period(text, start, end):
    v = date_value(text, ANCHOR, "future")
    assert (v.start, v.end) == (start, end)


@pytest.mark.parametrize("text, found", [
    ("Crowds gathered on Bastille Day.", [("Bastille Day", date(2016, 7, 14))]),
    ("She spoke on International Women's Day.", [("International Women's Day", date(2016, 3, 8))]),
    ("They met on All Saints' Day 2015.", [("All Saints' Day 2015", date(2015, 11, 1))]),
    ("The vote is set for Ash Wednesday.", [("Ash Wednesday", date(2017, 3, 1))]),  # Easter 2017 less 46 days
    ("I'll go back on Yuandan of next year", [("Yuandan of next year", date(2017, 1, 1))]),
    ("The law takes effect on New Year's Day.", [("New Year's Day", date(2017, 1, 1))]),
    # another calendar's New Year is no 1 January
    ("Markets closed for Chinese New Year on Monday.", [("Monday", date(2016, 11, 7))]),
    ("Celebrations for the Lunar New Year began.", []),
    ("the Jewish New Year, Rosh Hashanah", []),
])
def test_holidays_of_the_world_and_new_years_of_other_calendars(nlp, extractor, text, found):
    read = [(m.text, value_of(m, ANCHOR, DEFAULT.tolerances)) for m in extractor(nlp(text))]
    assert [(t, v.start) for t, v in read] == found
    assert all(v.start == v.end for _, v in read)


@pytest.mark.parametrize("text, day", [
    ("The report is due no later than Friday.", date(2016, 11, 11)),  # a deadline with no tense lies ahead
    ("The office is open until Friday.", date(2016, 11, 11)),
    ("Applications are accepted by Friday.", date(2016, 11, 11)),  # a present passive is no past
    ("He was there until Friday.", date(2016, 11, 4)),
    ("Troops were deployed by Friday.", date(2016, 11, 4)),
    ("The law has been in force since Friday.", date(2016, 11, 4)),
    ("Officials said the search would continue until Friday.", date(2016, 11, 11)),  # the future of the past
    ("The museum said it hoped to reopen to the public on Friday.", date(2016, 11, 11)),  # "hoped": lemma "hop"
    ("The club hopes to sign him on Friday.", date(2016, 11, 11)),
    ("The shelter is getting ready to open on Friday.", date(2016, 11, 11)),  # ready for what is to happen
    ("The crew set a new record on Friday.", date(2016, 11, 4)),  # "set", "prepared": what was done
    ("Volunteers prepared the hall on Friday.", date(2016, 11, 4)),
])
def test_deadlines_and_present_passives_look_ahead_and_the_past_looks_back(nlp, extractor, text, day):
    [mention] = extractor(nlp(text))
    value = value_of(mention, ANCHOR, DEFAULT.tolerances)
    assert value.start == day or (value.start is None and value.end == day)


@pytest.mark.parametrize("text, start, end", [
    ("Total sales from April to June in 2017 were below expectations.", date(2017, 4, 1), date(2017, 6, 30)),
    ("The plant was shut from March to May in 2020.", date(2020, 3, 1), date(2020, 5, 31)),
    ("The talks began on June 3 in 2019.", date(2019, 6, 3), date(2019, 6, 3)),
])
def test_months_without_a_year_take_the_year_written_after_them(nlp, extractor, text, start, end):
    [mention] = extractor(nlp(text))
    value = value_of(mention, ANCHOR, DEFAULT.tolerances)
    assert (value.start, value.end) == (start, end)


@pytest.mark.parametrize("text, found", [
    ("I'll go back second Sunday", [("second Sunday", date(2016, 11, 13))]),  # of the publication's month
    ("The vote is on the first Tuesday.", [("first Tuesday", date(2016, 11, 1))]),
    ("He left last Sunday.", [("last Sunday", date(2016, 11, 6))]),  # the one before, not the month's last
    ("They meet on the first Monday after the vote.", []),  # counted from an event: not placed
    ("The market opens on the fifth Saturday.", [("fifth Saturday", None)]),  # November 2016 has four: no such day
])
def test_a_weekday_counted_in_the_month(nlp, extractor, text, found):
    read = [(m.text, value_of(m, ANCHOR, DEFAULT.tolerances)) for m in extractor(nlp(text))]
    assert [(t, v.start) for t, v in read] == found


@pytest.mark.parametrize("text, anchor, start", [
    ("last Wednesday", date(2019, 1, 31), date(2019, 1, 23)),  # said on a Thursday: the week before's
    ("previous Monday", date(2018, 11, 15), date(2018, 11, 5)),
    ("this past Wednesday", date(2019, 1, 31), date(2019, 1, 30)),  # the latest one
    ("next Friday", date(2019, 1, 31), date(2019, 2, 8)),  # the week after's, not tomorrow
    ("this coming Friday", date(2019, 1, 31), date(2019, 2, 1)),
    ("last Sunday", date(2016, 11, 7), date(2016, 11, 6)),  # said on a Monday: the day before
])
def test_last_and_next_weekdays_name_the_week_before_or_after(text, anchor, start):
    assert date_value(text, anchor).start == start


@pytest.mark.parametrize("text, found", [
    ("The report from 2014 was cited.", [("from 2014", date(2014, 1, 1), date(2014, 12, 31))]),  # the year itself
    ("Fares rise starting from 2014.", [("starting from 2014", date(2014, 1, 1), None)]),
    ("It will be done before or in Feb 2018.", [("before or in Feb 2018", None, date(2018, 2, 28))]),
    ("You can't leave later than or in 2016.", [("later than or in 2016", date(2016, 1, 1), None)]),
    ("Sales from april to June in 2017 fell.", [("from april to June in 2017", date(2017, 4, 1), date(2017, 6, 30))]),
    ("APEC will happen in Korea Jan-Feb 2017.", [("Jan-Feb 2017", date(2017, 1, 1), date(2017, 2, 28))]),
    ("APEC met in Korea Nov-Feb 5th, 2017.", [("Nov-Feb 5th, 2017", date(2016, 11, 1), date(2017, 2, 5))]),
    ("It happened in june of 1992.", [("june of 1992", date(1992, 6, 1), date(1992, 6, 30))]),
    ("Home|News|Friday", [("Friday", date(2016, 11, 4), date(2016, 11, 4))]),
    ("Tim says:30 December is OK.", [("30 December", date(2016, 12, 30), date(2016, 12, 30))]),
    ("I'll be out during 2016H2", [("2016H2", date(2016, 7, 1), date(2016, 12, 31))]),
    ("What happened on previous week - Monday", [("previous week - Monday", date(2016, 10, 31), date(2016, 10, 31))]),
    ("They left over the summer.", [("summer", date(2016, 6, 1), date(2016, 8, 31))]),
    ("I'll leave the summer", [("summer", date(2017, 6, 1), date(2017, 8, 31))]),
    ("They went to the summer camp before the Winter Olympics and the autumn statement.", []),  # kinds
    ("It fell after the fall of the city.", []),
    ("It could run as late as March 2025.", [("as late as March 2025", None, date(2025, 3, 31))]),  # on or before
    ("Vote set for the 27\nNext story", [("for the 27", date(2016, 11, 27), date(2016, 11, 27))]),  # a headline
    ("I went back for the second", [("for the second", date(2016, 11, 2), date(2016, 11, 2))]),
    ("He ran for the second time and for the 27-member board.", []),
    ("The fire started on Saturday, August 10, investigators said.", [("Saturday, August 10", date(2016, 8, 10),
                                                                   date(2016, 8, 10))]),  # one day, not two
    # a weekday before a day and month with no comma, as British papers write it: one day, not a day and a month
    ("The count ended on Saturday 6 August after two recounts.", [("Saturday 6 August", date(2016, 8, 6),
                                                                   date(2016, 8, 6))]),
    ("By Sunday 4 September they had 44 medals.", [("By Sunday 4 September", date(2016, 9, 4), date(2016, 9, 4))]),
    ("Parliament first sat on Tuesday 9 August 2016.", [("Tuesday 9 August 2016", date(2016, 8, 9),
                                                         date(2016, 8, 9))]),
    ("The vote is on Thursday November 10.", [("Thursday November 10", date(2016, 11, 10), date(2016, 11, 10))]),
    ("The race was held on Friday, Aug. 5.", [("Friday, Aug. 5", date(2016, 8, 5), date(2016, 8, 5))]),
    ("The finals were on Aug. 8 and 9.", [("Aug. 8 and 9", date(2016, 8, 8), date(2016, 8, 9))]),  # two days
    ("The talks ran on September 8 and 9.", [("September 8 and 9", date(2016, 9, 8), date(2016, 9, 9))]),
    ("The result came on Friday and 4 August was quiet.", [("Friday", date(2016, 11, 4), date(2016, 11, 4)),
                                                           ("4 August", date(2016, 8, 4), date(2016, 8, 4))]),
])
def test_date_wordings_from_scraped_and_lower_case_text(nlp, extractor, text, found):
    read = [(m.text, value_of(m, ANCHOR, DEFAULT.tolerances)) for m in extractor(nlp(text)) if m.family == "date"]
    assert [(t, v.start, v.end) for t, v in read] == found


@pytest.mark.parametrize("text, start", [
    ("last Oct. 23", date(2024, 10, 23)),  # published 20 October 2025: the last 23 October before it
    ("last October 23", date(2024, 10, 23)),
    ("last 3 October", date(2025, 10, 3)),
    ("next Jan. 14", date(2026, 1, 14)),
    ("this coming November 2", date(2025, 11, 2)),
])
def test_a_day_of_a_month_with_last_or_next_keeps_its_day(text, start):
    v = date_value(text, date(2025, 10, 20))
    assert v is not None and (v.start, v.end, v.granularity) == (start, start, "day")
    assert date_value(text, None).anchored is False


def test_last_and_a_day_of_a_month_is_read_whole(nlp, extractor):
    from haiti_claims.config import DEFAULT
    from haiti_claims.normalize import value_of

    doc = nlp("The plant closed last Oct. 23 after the fire, and has been shut since last Oct. 23.")
    found = [(m.text, value_of(m, date(2025, 10, 20), DEFAULT.tolerances)) for m in extractor(doc) if m.family == "date"]
    assert [t for t, _ in found] == ["last Oct. 23", "since last Oct. 23"]
    assert all(v.start == date(2024, 10, 23) for _, v in found)


def _dates_of(tmp_path, published: str | None, body: str) -> dict[str, tuple]:
    """Each date claim of one article, by its words: (start, end) as the JSON report gives them."""
    import json

    from click.testing import CliRunner

    from haiti_claims.cli import main

    head = f"---\ntitle: Story\npublished: {published}\n---\n" if published else "Story\n\n"
    (tmp_path / "a.md").write_text(head + body + "\n")
    result = CliRunner().invoke(main, ["claims", str(tmp_path), "--format", "json", "--no-cache"])
    claims = json.loads(result.stdout)["claims"]
    return {c["text"]: (c["value"].get("start"), c["value"].get("end")) for c in claims if c["kind"] == "date"}


@pytest.mark.parametrize("body, words, start, end", [
    ("The new terminal should be finished by mid-2026, the airport said.", "by mid-2026", "2026-05-01", "2026-08-31"),
    ("Prices peaked in mid-2022 and have fallen since.", "mid-2022", "2022-05-01", "2022-08-31"),
    ("Mid-2027 is the earliest date the line could open.", "Mid-2027", "2027-05-01", "2027-08-31"),
])
def test_the_middle_of_a_year_hyphened_to_it_is_a_date(tmp_path, body, words, start, end):
    """"by mid-2026": the tokenizer keeps "mid-2026" one word, which no date pattern read."""
    assert _dates_of(tmp_path, "2025-03-10", body)[words] == (start, end)


@pytest.mark.parametrize("published, body, words, day", [
    ("2025-03-10", "Mardova will host a donor conference on May 6, Finance Minister Ilona Darek said, as the government "
                   "seeks help to rebuild after the March 3 earthquake.", "March 3", "2025-03-03"),
    ("2025-03-10", "The council will meet again before the March 14 vote on the budget.", "March 14", "2025-03-14"),
    ("2025-09-16", "Fans who were at Saturday's concert will be offered refunds.", "Saturday", "2025-09-13"),
])
def test_a_date_that_names_a_things_day_is_read_nearest_whatever_the_tense_around_it(tmp_path, published, body,
                                                                                       words, day):
    """"The March 3 earthquake" told on 10 March is a week ago, though the sentence looks ahead ("will host"):
    the day of a thing is not when the clause's verb happens."""
    assert _dates_of(tmp_path, published, body)[words] == (day, day)


@pytest.mark.parametrize("published, body, words, start, end", [
    ("2025-03-10", "The plant opened in March 2019. Later that year it added a second line.",
     "Later that year", "2019-04-01", "2019-12-31"),
    ("2025-03-10", "The plant will open in March 2026, and later that year a second line will follow.",
     "later that year", "2026-04-01", "2026-12-31"),
    ("2024-01-20", "Voters went to the polls on 4 June 2023. That day, turnout reached 61 per cent.",
     "That day", "2023-06-04", "2023-06-04"),
    ("2021-09-01", "The storm struck on 12 August 2021, and the power came back three days later.",
     "three days later", "2021-08-15", "2021-08-15"),
    ("2025-03-10", "The mayor resigned in May 2022; the following year she ran for parliament.",
     "following year", "2023-01-01", "2023-12-31"),
    ("2025-03-10", "The dam failed on Friday, 7 March. On the previous day, engineers had inspected it.",
     "previous day", "2025-03-06", "2025-03-06"),
    ("2024-05-02", "The ship left port on 14 April. The next day it ran aground.", "next day", "2024-04-15", "2024-04-15"),
    ("2024-02-01", "The strike began on 3 October 2023; earlier that month, talks had collapsed.",
     "earlier that month", "2023-10-01", "2023-10-02"),
])
def test_a_date_told_from_the_one_before_counts_from_it(tmp_path, published, body, words, start, end):
    """Issue 17, class 6: "later that year", "that day", "three days later" count from the date the sentence,
    or the one before, names; not from the publication date."""
    assert _dates_of(tmp_path, published, body)[words] == (start, end)


@pytest.mark.parametrize("published, body, words, start, end", [
    ("2024-11-05", "Third-quarter profit rose to $5 million from $3 million a year earlier.",
     "year earlier", "2023-07-01", "2023-09-30"),
    ("2025-03-10", "Sales in the fourth quarter of 2024 fell 4% from a year earlier.",
     "year earlier", "2023-10-01", "2023-12-31"),
    ("2025-02-12", "In January 2025 prices were 3% higher than a year earlier.",
     "year earlier", "2024-01-01", "2024-01-31"),
])
def test_a_year_earlier_is_the_period_compared_with(tmp_path, published, body, words, start, end):
    """Issue 17, class 1: in a comparison, "a year earlier" is the period the sentence names, a year back."""
    assert _dates_of(tmp_path, published, body)[words] == (start, end)


@pytest.mark.parametrize("body, words, start, end", [
    ("The company forecast fourth-quarter revenue of $4.4 billion.", "fourth-quarter", "2024-10-01", "2024-12-31"),
    ("The airline projected a return to profit in the first quarter.", "first quarter", "2025-01-01", "2025-03-31"),
    ("The ministry pledged in a statement to vaccinate 400,000 people in January.", "January", "2025-01-01",
     "2025-01-31"),
    ("The company reported fourth-quarter revenue of $4.4 billion.", "fourth-quarter", "2023-10-01",
     "2023-12-31"),  # a report looks back
])
def test_a_period_forecast_or_pledged_lies_ahead_whatever_the_tense_of_the_verb(tmp_path, body, words, start, end):
    """A past-tense verb of planning ("forecast", "projected", "pledged") says what lies ahead of it: the plan's
    period is the next one, as the lexicon's plan words make the figure a plan."""
    assert _dates_of(tmp_path, "2024-10-24", body)[words] == (start, end)


@pytest.mark.parametrize("body, start, end", [
    ("The bank expects inflation to reach its target in the second half of 2025. Food prices rose 4.1% from a "
     "year earlier.", "2023-04-11", "2023-04-11"),
    ("Officials hope to finish the line by 2026. Ridership fell 3% from a year earlier.", "2023-04-11", "2023-04-11"),
])
def test_a_year_earlier_never_counts_from_a_plan_still_ahead(tmp_path, body, start, end):
    """A figure that rose "from a year earlier" was compared with a past it reports: counted from the plan the
    sentence before names (2025's second half) it would lie after the article; it counts from the article's
    own date instead."""
    assert _dates_of(tmp_path, "2024-04-11", body)["year earlier"] == (start, end)


@pytest.mark.parametrize("published, body", [
    ("2025-03-10", "That day will come, she said."),  # no date told before it
    ("2025-03-10", "The plant opened in 2019. That day, workers cheered."),  # a year is no day
    ("2025-03-10", "The plant opened in May 2019.\n\nIts owner sold it in 2021. Prices rose.\n\nLater that month it shut."),
    (None, "The plant opened in March. Later that year it added a line."),  # the date it counts from is unanchored
])
def test_a_told_date_with_nothing_to_count_from_is_left_unread(tmp_path, published, body):
    dates = _dates_of(tmp_path, published, body)
    assert not [w for w in dates if w.lower().endswith(("that day", "that year", "that month"))], dates


@pytest.mark.parametrize("published, body, words, start, end", [
    ("2024-11-05", "Revenue in the quarter rose 8% to $40 million, the company said.", "quarter",
     "2024-07-01", "2024-09-30"),  # the last quarter ended before the article
    ("2024-11-05", "The company expects revenue in the quarter to reach $45 million.", "quarter",
     "2024-10-01", "2024-12-31"),  # looking ahead: the quarter under way
    ("2025-02-20", "In the latest quarter, margins narrowed to 12%.", "latest quarter", "2024-10-01", "2024-12-31"),
    ("2024-08-01", "Profit rose to $9 million in the third quarter of 2023. Revenue in the quarter was $41 million.",
     "quarter", "2023-07-01", "2023-09-30"),  # the quarter the sentence before names
    ("2024-11-05", "Fiscal 2023 sales were $150 million.", "Fiscal 2023", "2023-01-01", "2023-12-31"),
    ("2024-11-05", "In the current fiscal year the company plans to hire 200 people.", "current fiscal year",
     "2024-01-01", "2024-12-31"),
    ("2024-11-05", "Sales for the year ended June 30 were $160 million.", "year ended June 30",
     "2023-07-01", "2024-06-30"),
    ("2024-11-05", "For the six months to September, sales rose 4%.", "six months to September",
     "2024-04-01", "2024-09-30"),
    ("2024-11-05", "Sales for the first half rose 3%.", "first half", "2024-01-01", "2024-06-30"),
    ("2024-03-05", "Sales for the second half rose 3%.", "second half", "2023-07-01", "2023-12-31"),  # not begun
    ("2024-11-05", "The company expects margins to improve in the second half.", "second half",
     "2024-07-01", "2024-12-31"),  # the half under way
    ("2024-11-05", "Revenue fell in 2023. In the first half, it dropped 5%.", "first half", "2023-01-01", "2023-06-30"),
])
def test_reporting_periods_read_against_the_article(tmp_path, published, body, words, start, end):
    """Issue 17, class 2: a company's reporting periods, read against the article's date and tense."""
    assert _dates_of(tmp_path, published, body)[words] == (start, end)


def test_a_fiscal_year_whose_end_is_not_given_says_so():
    v = date_value("fiscal 2019", None)
    assert (v.start, v.end, v.granularity) == (date(2019, 1, 1), date(2019, 12, 31), "fiscal-year")


@pytest.mark.parametrize("published, body, words, start", [
    ("2025-01-20", "Officials said the bridge reopens in December.", "December", "2025-12-01"),  # a schedule
    ("2025-01-20", "Officials said the bridge reopened in December.", "December", "2024-12-01"),  # what happened
    ("2025-01-20", "The mayor said the hearing is in March, after months of delay.", "March", "2025-03-01"),
    ("2025-06-02", "The union said the strike ends on 14 May.", "14 May", "2026-05-14"),
    ("2025-01-20", "She said the plant employs 300 people since May.", "since May", "2024-05-01"),  # counts back
])
def test_what_a_past_verb_of_saying_reports_in_the_present_is_a_schedule(tmp_path, published, body, words, start):
    """Issue 17, class 3: tense decides first; a present tense under "said" looks ahead, as a modal does."""
    assert _dates_of(tmp_path, published, body)[words][0] == start


@pytest.mark.parametrize("published, body, words, start", [
    ("2024-06-12", "The engineers had originally aimed for the end of May.", "end of May", "2024-05-21"),
    ("2024-06-12", "On May 13, salvors had set off small cutting charges.", "May 13", "2024-05-13"),
    ("2024-06-12", "The bridge had been expected to reopen in May.", "May", "2024-05-01"),
    ("2024-06-12", "The crews aim to finish by the end of May.", "by the end of May", "2025-05-21"),
])
def test_a_plan_told_in_the_past_perfect_is_read_nearest(tmp_path, published, body, words, start):
    """A plan verb in the past perfect ("had aimed for", "had been expected") was made before a past moment, and
    "had set off" is no plan: neither looks ahead from the article's date."""
    assert _dates_of(tmp_path, published, body)[words][0] == start


@pytest.mark.parametrize("body, words, start, end", [
    ("Third-quarter revenue was $40 million, up from $31 million in the year-earlier quarter.",
     "year-earlier quarter", "2023-07-01", "2023-09-30"),
    ("Third-quarter revenue was $40 million, up from $31 million a year earlier. "
     "Profit rose 4% from the year-earlier quarter.", "year-earlier quarter", "2023-07-01", "2023-09-30"),
    ("Profit rose 4% from the year-earlier quarter.", "year-earlier quarter", "2023-07-01", "2023-09-30"),
])
def test_the_year_earlier_period_is_the_one_told_a_year_back(tmp_path, body, words, start, end):
    """Issue 17, class 1: compared periods count from the period the text is about, never from each other."""
    assert _dates_of(tmp_path, "2024-11-05", body)[words] == (start, end)


@pytest.mark.parametrize("text, anchor, tense, start, end", [
    ("April", date(2024, 4, 16), "future", date(2024, 4, 1), date(2024, 4, 30)),  # under way: not over yet
    ("April", date(2024, 4, 10), "past", date(2024, 4, 1), date(2024, 4, 30)),  # under way: begun already
    ("by the end of April", date(2024, 4, 16), "future", date(2024, 4, 21), date(2024, 4, 30)),
    ("early April", date(2024, 4, 16), "future", date(2025, 4, 1), date(2025, 4, 10)),  # this one is over
    ("late April", date(2024, 4, 16), "past", date(2023, 4, 21), date(2023, 4, 30)),  # this one has not begun
    ("the end of May", date(2024, 4, 16), "future", date(2024, 5, 21), date(2024, 5, 31)),
    ("March", date(2024, 4, 16), "future", date(2025, 3, 1), date(2025, 3, 31)),
    ("May", date(2024, 4, 16), "past", date(2023, 5, 1), date(2023, 5, 31)),
])
def test_a_month_under_way_is_this_years_in_either_tense(text, anchor, tense, start, end):
    """Issue 17, class 3: a month (or part of one) named without its year, said while it runs: what has begun
    can be told in the past, what has not ended looked forward to; a part already over, or not yet begun, is
    another year's."""
    v = date_value(text, anchor, tense)
    assert (v.start, v.end) == (start, end)


@pytest.mark.parametrize("body, words, start", [
    ("Between Friday 19 July and Tuesday 23 July the carrier cancelled 5,470 flights. By 3.30pm that Friday, "
     "1,176 had been cancelled.", "that Friday", "2024-07-19"),
    ("The agency spoke on Sept. 13. It said that Friday that 40 cases were confirmed.", "that Friday", "2024-09-13"),
    ("Crews arrived on Monday 5 August. The search ended that Wednesday.", "that Wednesday", "2024-08-07"),
    ("The search ended that Wednesday.", "that Wednesday", "2024-11-06"),  # nothing told before: as written alone
])
def test_that_weekday_is_the_one_of_the_days_told_before(tmp_path, body, words, start):
    """Issue 17, class 6: "that Friday" is the Friday of the days the sentence, or the one before, names."""
    assert _dates_of(tmp_path, "2024-11-08", body)[words][0] == start


@pytest.mark.parametrize("published, body, words, start, end", [
    ("2025-03-13", "The company said it had postponed the reopening to the end of May.", "end of May",
     "2025-05-21", "2025-05-31"),
    ("2025-03-13", "The vote was delayed until June after the strike.", "until June", "2025-06-01", "2025-06-30"),
    ("2024-08-12", "The race, which had been pushed back to 1 August, went ahead.", "1 August",
     "2024-08-01", "2024-08-01"),
])
def test_a_day_something_was_moved_to_is_read_nearest_the_article(tmp_path, published, body, words, start, end):
    """"Had postponed the reopening to the end of May": the past tense is the postponing's; the day it was moved
    to lies on either side of the article (ahead in a wire of the day, behind in a look back), so the nearer
    reading wins."""
    assert _dates_of(tmp_path, published, body)[words] == (start, end)
