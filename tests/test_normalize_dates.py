from datetime import date

import pytest

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


@pytest.mark.parametrize("text", ["in June", "next year", "On Tuesday", "this month", "January next year", "July 1"])
def test_relative_dates_without_anchor_stay_unanchored(text):
    v = date_value(text, None)
    assert v.anchored is False and v.start is None and v.end is None


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
