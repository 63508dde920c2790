"""Date expressions ("early 2025", "in June", "by January next year", "on Tuesday") to day intervals.

Relative expressions are resolved against an anchor, the article's publication date,
and never against today: with no anchor they come back `anchored=False` with no days.
Where the year of a month or weekday is open, the tense of the sentence decides
(past: the latest one on or before the anchor; future: the first one on or after it;
unknown: the nearer one). Common news forms are parsed here; other wordings go to
dateparser with RELATIVE_BASE set to the anchor.
"""
from __future__ import annotations

import calendar
import re
from dataclasses import replace
from datetime import date, datetime, timedelta
from functools import lru_cache
from typing import Callable, Literal

import dateparser

from .numbers import TENS, UNITS, read_figure, words

from ..model import DateValue

Tense = Literal["past", "future"] | None

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS |= {m.lower(): i for i, m in enumerate(calendar.month_abbr) if m}
MONTHS["sept"] = 9
WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}
MONTH_RE = "|".join(sorted(MONTHS, key=len, reverse=True))
WEEKDAY_RE = "|".join(WEEKDAYS)
ORD = r"(?:st|nd|rd|th)?"
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "last": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4}

# leading words that open an interval or just introduce the date
# "from 2014" alone names its year ("a report from 2014", "fares rise from June"); "starting from" opens a range
OPEN_HEDGES = {"since": "since", "after": "after", "from": "from", "starting": "since", "beginning": "since",
               "starting in": "since", "starting on": "since", "starting from": "since", "beginning on": "since",
               "beginning in": "since", "as early as": "since", "later than": "after", "greater than": "after",
               "later than or in": "since", "later than or at": "since", "after or equal to": "since",
               "on or after": "since"}
CLOSE_HEDGES = {"before": "before", "prior to": "before", "earlier than": "before", "sooner than": "before",
                "ending with": "before", "by": "by", "until": "by", "till": "by", "no later than": "by",
                "as late as": "or-before", "as of": "by", "up to": "by", "through": "by", "on or before": "or-before",
                "before or on": "or-before", "before or in": "or-before", "on or earlier than": "or-before"}
INTRO = re.compile(r"^(?:(?:later|earlier|sometime|some time) )?(?:(?:on|in|at|during|of|for|around|about|circa|within)\s+)?"
                   r"(?:(?:the )?(?:whole|entire|full) )?")

Span = tuple[date, date, str]  # start, end, granularity


def month_span(year: int, month: int) -> Span:
    return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1]), "month"


def year_span(year: int) -> Span:
    return date(year, 1, 1), date(year, 12, 31), "year"


def day_span(d: date) -> Span:
    return d, d, "day"


def _months(year: int, first: int, last: int, granularity: str) -> Span:
    return date(year, first, 1), month_span(year, last)[1], granularity


PARTS_OF_YEAR = {
    "early": (1, 4, "part-year"), "beginning of": (1, 1, "month"), "start of": (1, 1, "month"),
    "mid": (5, 8, "part-year"), "middle of": (5, 8, "part-year"), "late": (9, 12, "part-year"),
    "end of": (12, 12, "month"), "first half of": (1, 6, "half-year"), "second half of": (7, 12, "half-year"),
    "spring": (3, 5, "season"), "summer": (6, 8, "season"), "autumn": (9, 11, "season"), "fall": (9, 11, "season"),
}
PARTS_OF_MONTH = {"early": (1, 10), "beginning of": (1, 10), "start of": (1, 10), "mid": (11, 20),
                  "middle of": (11, 20), "late": (21, 31), "end of": (21, 31)}
PARTS_OF_WEEK = {"early": (0, 2), "beginning of": (0, 2), "start of": (0, 2), "mid": (1, 3), "middle of": (1, 3),
                 "late": (3, 6), "end of": (3, 6)}
PART_RE = "|".join(sorted(PARTS_OF_YEAR, key=len, reverse=True))


def narrow(span: Span, part: str) -> Span:
    """"early" of a year or month, and so on."""
    start, end, granularity = span
    if granularity == "year" and part in PARTS_OF_YEAR:
        first, last, gran = PARTS_OF_YEAR[part]
        return _months(start.year, first, last, gran)
    if granularity == "week" and part in PARTS_OF_WEEK:
        first, last = PARTS_OF_WEEK[part]
        return start + timedelta(days=first), start + timedelta(days=last), "part-week"
    if granularity == "month" and part in PARTS_OF_MONTH:
        first, last = PARTS_OF_MONTH[part]
        return date(start.year, start.month, first), date(start.year, start.month, min(last, end.day)), "part-month"
    return span


def pick_year(month: int, day: int, anchor: date, tense: Tense) -> int:
    """The year of a month (and day) written without one, seen from the anchor; 29 February only in leap years."""
    this = (month, day) <= (anchor.month, anchor.day)
    if tense == "past":
        return _leap_step(anchor.year if this else anchor.year - 1, month, day, -1)
    if tense == "future":
        return _leap_step(anchor.year if (month, day) >= (anchor.month, anchor.day) else anchor.year + 1, month, day, 1)
    candidates = [y for y in range(anchor.year - 4, anchor.year + 5) if (month, day) != (2, 29) or calendar.isleap(y)]
    return min(candidates, key=lambda y: abs((date(y, month, min(day, 28)) - anchor).days))


def month_year(month: int, anchor: date, tense: Tense) -> int:
    """The year of a month written without one: as `under_way` says for a tense, else the nearer."""
    if tense is None:
        return pick_year(month, 15, anchor, tense)
    return under_way(lambda year: month_span(year, month), anchor, tense)[0].year


def under_way(period: Callable[[int], Span], anchor: date, tense: Tense) -> Span:
    """Which year's occurrence of a period named without its year (a month, a half, a part of a month) a tense
    means. One under way has begun, so the past tells of it, and has not ended, so the future looks to it: the
    past takes this year's once it has begun, else last year's; the future this year's until it has ended, else
    next year's."""
    this = period(anchor.year)
    if tense == "future":
        return this if this[1] >= anchor else period(anchor.year + 1)
    return this if this[0] <= anchor else period(anchor.year - 1)


def _leap_step(year: int, month: int, day: int, step: int) -> int:
    """The year itself, or for 29 February the nearest leap year in the direction of step."""
    while (month, day) == (2, 29) and not calendar.isleap(year):
        year += step
    return year


def pick_weekday(weekday: int, anchor: date, tense: Tense, which: str | None) -> date:
    """A weekday written alone: on or before the anchor in past tense (the news default), else after.

    "last Wednesday" and "next Friday" name the day in the week (Monday to Sunday) before or after the
    publication's: a writer who means a day of the same week says "on Wednesday", "yesterday", "this Friday".
    "this past Wednesday" is the latest one before, "this coming Thursday" the first one after (a week on if
    said on a Thursday).
    """
    back = (anchor.weekday() - weekday) % 7
    ahead = (weekday - anchor.weekday()) % 7
    monday = anchor - timedelta(days=anchor.weekday())
    if which == "last":
        return monday - timedelta(days=7 - weekday)
    if which == "next":
        return monday + timedelta(days=7 + weekday)
    if which == "latest":
        return anchor - timedelta(days=back or 7)
    if which == "coming":
        return anchor + timedelta(days=ahead or 7)
    if tense == "future":
        return anchor + timedelta(days=ahead)
    return anchor - timedelta(days=back)


class Unanchored(Exception):
    """The expression is a date but needs an anchor to say which."""

    def __init__(self, granularity: str):
        self.granularity = granularity


def _need(anchor: date | None, granularity: str) -> date:
    if anchor is None:
        raise Unanchored(granularity)
    return anchor


def _relative_unit(which: str, unit: str, anchor: date) -> Span:
    step = {"next": 1, "coming": 1, "following": 1, "last": -1, "past": -1, "previous": -1, "this": 0, "current": 0}[which]
    if unit == "year":
        return year_span(anchor.year + step)
    if unit == "month":
        m = anchor.month - 1 + step
        return month_span(anchor.year + m // 12, m % 12 + 1)
    if unit == "quarter":
        q = (anchor.month - 1) // 3 + step
        year, q = anchor.year + q // 4, q % 4
        return _months(year, 3 * q + 1, 3 * q + 3, "quarter")
    monday = anchor - timedelta(days=anchor.weekday()) + timedelta(weeks=step)
    if unit == "weekend":
        return monday + timedelta(days=5), monday + timedelta(days=6), "weekend"
    return monday, monday + timedelta(days=6), "week"


def _year_of(text: str, anchor: date | None) -> int | None:
    """A year written as digits or as "next/last/this year"."""
    if re.fullmatch(r"\d{4}", text):
        return int(text)
    if m := re.fullmatch(r"(next|last|this|the following|the previous|the current|the) year", text):
        which = m.group(1).replace("the ", "") if m.group(1) != "the" else "this"  # "the first quarter of the year"
        return _relative_unit(which, "year", _need(anchor, "year"))[0].year
    return None


YEAR_WORDS = r"\d{4}|(?:next|last|this|the following|the previous|the current) year"
YEAR_OF = r" (?:(?:of|in) )?"  # "July 4th of 1995", "28 June in 2020"


def base_span(t: str, anchor: date | None, tense: Tense) -> Span | None:
    """The interval of an expression with no leading hedge; raises Unanchored where it needs an anchor."""
    if m := re.fullmatch(r"(\d{4})", t):
        return year_span(int(m.group(1))) if 1800 <= int(m.group(1)) <= 2200 else None
    if m := re.fullmatch(r"(?:the )?(\d{3})0s", t):
        start = int(m.group(1)) * 10
        return date(start, 1, 1), date(start + 9, 12, 31), "decade"
    if m := re.fullmatch(rf"({MONTH_RE})\.?,? (?:of )?({YEAR_WORDS})", t):
        if (year := _year_of(m.group(2), anchor)) is not None:
            return month_span(year, MONTHS[m.group(1)])
    if m := re.fullmatch(rf"({MONTH_RE})\.? (\d{{1,2}}){ORD},?{YEAR_OF}({YEAR_WORDS})", t) or \
            re.fullmatch(rf"(\d{{1,2}}){ORD} (?:of )?({MONTH_RE})\.?,?{YEAR_OF}({YEAR_WORDS})", t):
        month, day = (m.group(1), m.group(2)) if m.group(1) in MONTHS else (m.group(2), m.group(1))
        year = _year_of(m.group(3), anchor)
        return _safe_day(year, MONTHS[month], int(day)) if year else None
    if m := re.fullmatch(rf"(?:(\d{{1,2}}){ORD} (?:of )?)?({MONTH_RE})\.?,? (?:of )?('\d\d|\d\d)", t):
        if (m.group(1) or m.group(3).startswith("'") or "of" in t.split()[-2:] or int(m.group(3)) > 31) and \
                (year := full_year(int(m.group(3).lstrip("'")), anchor)):  # "August 99", "15 April of 87"
            return _safe_day(year, MONTHS[m.group(2)], int(m.group(1))) if m.group(1) else \
                month_span(year, MONTHS[m.group(2)])
    if m := re.fullmatch(rf"({MONTH_RE})\.? (\d{{1,2}}){ORD}", t) or \
            re.fullmatch(rf"(\d{{1,2}}){ORD} (?:of )?({MONTH_RE})\.?", t):
        month, day = (m.group(1), m.group(2)) if m.group(1) in MONTHS else (m.group(2), m.group(1))
        if not 1 <= int(day) <= 31:
            return None
        a = _need(anchor, "day")
        return _safe_day(pick_year(MONTHS[month], int(day), a, tense), MONTHS[month], int(day))
    if m := re.fullmatch(rf"(?:the )?month of ({MONTH_RE})\.?", t):  # "the month of Jan": named as a month
        return month_span(month_year(MONTHS[m.group(1)], _need(anchor, "month"), tense), MONTHS[m.group(1)])
    if m := re.fullmatch(rf"({MONTH_RE})", t):  # only a recogniser's or pattern's date span gets here ("in May")
        return month_span(month_year(MONTHS[m.group(1)], _need(anchor, "month"), tense), MONTHS[m.group(1)])
    if m := re.fullmatch(rf"(?:(last|next|this coming|coming|this|this past|past|previous|upcoming|that) )?"
                         rf"({WEEKDAY_RE}|{WEEKDAY_ABBR})\.?", t):
        which = {"this past": "latest", "past": "latest", "previous": "last", "upcoming": "coming",
                 "this coming": "coming", "that": None}.get(m.group(1) or "", m.group(1))
        return day_span(pick_weekday(_weekday(m.group(2)), _need(anchor, "day"), tense, which))
    if t in ("today", "tonight", "this morning", "this afternoon", "this evening"):
        return day_span(_need(anchor, "day"))
    if t in ("yesterday", "last night"):
        return day_span(_need(anchor, "day") - timedelta(days=1))
    if t == "tomorrow":
        return day_span(_need(anchor, "day") + timedelta(days=1))
    if m := re.fullmatch(rf"(?:the )?({REL_RE}) (year|month|week|weekend|quarter)", t):
        return _relative_unit(RELATIVE[m.group(1)], m.group(2), _need(anchor, m.group(2)))
    if m := re.fullmatch(r"(?:the )?(year|month|week) after next", t):
        return _relative_unit("next", m.group(1), _shift(_need(anchor, m.group(1)), 1, m.group(1)))
    if m := re.fullmatch(r"(?:the |this )?(?:calendar )?year[ -]to[ -]date|ytd", t):
        return date(_need(anchor, "year").year, 1, 1), anchor, "range"
    if m := re.fullmatch(rf"(?:the )?({REL_RE}) calendar year", t):
        return _relative_unit(RELATIVE[m.group(1)], "year", _need(anchor, "year"))
    if t in ("weekend", "the weekend"):  # said in the past tense, the one gone by ("over the weekend, police said")
        weekend = _relative_unit("this", "weekend", _need(anchor, "weekend"))
        return _relative_unit("last", "weekend", anchor) if tense == "past" and weekend[0] > anchor else weekend
    if m := re.fullmatch(rf"(?:the )?(first|second|third|fourth|last|1st|2nd|3rd|4th)[ -]quarter(?: of)? ?({YEAR_WORDS}|the year)?", t) or \
            re.fullmatch(rf"(q[1-4])(?: of)? ?({YEAR_WORDS})?", t):
        q = ORDINALS.get(m.group(1)) or int(m.group(1)[1])
        year = _year_of(m.group(2), anchor) if m.group(2) else pick_year(3 * q - 1, 15, _need(anchor, "quarter"), tense)
        return _months(year, 3 * q - 2, 3 * q, "quarter") if year else None
    if m := re.fullmatch(rf"(h[12]) ({YEAR_WORDS})", t):
        year = _year_of(m.group(2), anchor)
        return narrow(year_span(year), "first half of" if m.group(1) == "h1" else "second half of") if year else None
    if m := re.fullmatch(rf"(?:the )?({PART_RE})(?: of)? (?:the )?(.+)", t):
        inner = base_span(m.group(2), anchor, tense)
        if inner is None and m.group(2) in ("year", "month", "week"):  # the end of the week
            inner = _relative_unit("this", m.group(2), _need(anchor, m.group(2)))
        if inner is None:
            return None
        if tense and inner[2] == "month" and re.fullmatch(rf"({MONTH_RE})\.?", m.group(2)) and anchor is not None:
            # a part of a month named without its year: "early April" ahead, said on 16 April, is next year's
            return under_way(lambda year: narrow(month_span(year, inner[0].month), m.group(1)), anchor, tense)
        return narrow(inner, m.group(1))
    if (ymd := numeric_day(t, anchor)) is not None:
        return _safe_day(*ymd)
    for form in (_numeric_span, _days_of_week_span, _week_of_span, _nth_weekday_span, _rest_of_span, _month_of_span,
                 _day_of_month_span, _offset_span, _holiday_span, _season_span,
                 _weekday_of_week_span, _last_units_span, _year_part_span, _reporting_span, _day_only_span):
        if (span := form(t, anchor, tense)) is not None:
            return span
    return None


_NUMERIC_DAY = re.compile(r"(?P<y>\d{4})(?P<s>[/. -])(?P<m>\d{1,2})(?P=s)(?P<d>\d{1,2})|"
                          r"(?P<m2>\d{1,2})(?P<s2>[/.-])(?P<d2>\d{1,2})(?P=s2)(?P<y2>\d{4}|\d\d)|"
                          r"(?P<y3>(?:19|20)\d\d)(?P<m3>0[1-9]|1[0-2])(?P<d3>0[1-9]|[12]\d|3[01])")


def numeric_day(t: str, anchor: date | None) -> tuple[int, int, int] | None:
    """Year, month and day of an all-digit date: "2016-11-07", "2016 11 07", "11/7/2016", "13.5.2015" (day first when the
    first number is no month), "03/18/40" (two-digit year), "20161016". The day may not exist ("2/29/2019")."""
    if not (m := _NUMERIC_DAY.fullmatch(t)):
        return None
    if m.group("y3"):
        return int(m.group("y3")), int(m.group("m3")), int(m.group("d3"))
    year = int(m.group("y") or m.group("y2"))
    month, day = int(m.group("m") or m.group("m2")), int(m.group("d") or m.group("d2"))
    if m.group("s2") == "." and len(m.group("y2")) == 2:  # "3.5.10" is a version, not a day
        return None
    if m.group("y2") and month > 12:
        month, day = day, month
    if month > 12 or not 1 <= day <= 31 or month < 1:
        return None
    return (full_year(year, anchor) if year < 100 else year), month, day


def full_year(yy: int, anchor: date | None) -> int:
    """A two-digit year in the hundred years that end 20 years after the anchor (a sliding window:
    "03/18/40" is 1940 in 2016), or in 1950-2049 with no anchor."""
    last = anchor.year + 20 if anchor else 2049
    return last - (last - yy) % 100


RELATIVE = {"next": "next", "coming": "next", "upcoming": "next", "following": "next", "last": "last",
            "past": "last", "previous": "last", "this": "this", "current": "this"}
REL_RE = "|".join(RELATIVE)


def _weekday_of_week_span(t: str, anchor: date | None, tense: Tense) -> Span | None:
    """ "Friday next week", "next week on Tue", "previous week - Monday", "Monday of the following week", "the first
    week of October on Friday": that weekday of the week named."""
    day_name = rf"(?:{WEEKDAY_RE}|{WEEKDAY_ABBR})"
    m = re.fullmatch(rf"(?P<day>{day_name})\.?,? (?:of )?(?P<week>.*\bweek\b.*)", t) or \
        re.fullmatch(rf"(?P<week>.*\bweek\b.*?)(?:,| -)?(?: on)? (?P<day>{day_name})\.?", t)
    if not m:
        return None
    try:
        week = base_span(m.group("week"), anchor, tense)
    except Unanchored:
        raise Unanchored("day") from None  # a day of a week that needs placing
    return day_span(week[0] + timedelta(days=_weekday(m.group("day")))) if week and week[2] == "week" else None


def _days_of_week_span(t: str, anchor: date | None, tense: Tense) -> Span | None:
    """ "next week between Wednesday and Friday", "this week from Tue to Thur": those days of the week named."""
    day_name = rf"(?:{WEEKDAY_RE}|{WEEKDAY_ABBR})"
    m = re.fullmatch(rf"(?P<week>.*\bweek),? (?:between (?P<a>{day_name}) and|from (?P<a2>{day_name}) (?:to|until|through|till))"
                     rf" (?P<b>{day_name})", t)
    if not m:
        return None
    try:
        week = base_span(m.group("week"), anchor, tense)
    except Unanchored:
        raise Unanchored("range") from None
    if week is None or week[2] != "week":
        return None
    first, last = _weekday(m.group("a") or m.group("a2")), _weekday(m.group("b"))
    return (week[0] + timedelta(days=first), week[0] + timedelta(days=last), "range") if first < last else None


def _week_of_span(t: str, anchor: date | None, tense: Tense) -> Span | None:
    """ "the week of April 10th", "the week beginning 4 February": Monday to Sunday of the week that holds the day."""
    m = re.fullmatch(r"(?:the )?(?:week (?:of|commencing|(?:beginning|starting)(?: on)?)|w/c) (.+)", t)
    if not m or (day := base_span(m.group(1), anchor, tense)) is None or day[2] != "day":
        return None
    monday = day[0] - timedelta(days=day[0].weekday())
    return monday, monday + timedelta(days=6), "week"


NTH = {"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "last": -1,
       "1st": 1, "2nd": 2, "3rd": 3, "4th": 4, "5th": 5}
NTH_RE = "|".join(NTH)


def _nth_weekday_span(t: str, anchor: date | None, tense: Tense) -> Span | None:
    """ "the first Friday of July", "the second Monday of next month", "the last week of July", "the first
    week of 2015" (weeks run Monday to Sunday; a month's first week is the one that holds its first Thursday,
    and so has most of its days in the month, as a year's ISO weeks do); with no month, the anchor's ("the
    second Sunday"; not "last Sunday", the one before)."""
    m = re.fullmatch(rf"(?:the )?({NTH_RE}) ({WEEKDAY_RE}|week) (?:of|in) (?:the )?(.+)", t) or \
        re.fullmatch(rf"(?:the )?((?!last\b){NTH_RE}) ({WEEKDAY_RE})()", t)
    if not m:
        return None
    month = MONTHS.get(m.group(3).rstrip("."))  # "of Oct": an abbreviation is a month here
    if month:
        inner = month_span(pick_year(month, 15, _need(anchor, "month"), tense), month)
    elif not m.group(3):
        day = _need(anchor, "day")
        inner = month_span(day.year, day.month)
    else:
        inner = base_span(m.group(3), anchor, tense)
    if inner is None or inner[2] not in ("month", "year"):
        return None
    nth, start = NTH[m.group(1)], inner[0]
    if m.group(2) != "week":
        try:
            return day_span(_nth_weekday(start.year, start.month, WEEKDAYS[m.group(2)], nth))
        except IndexError:  # no fifth Friday that month
            return None
    if inner[2] == "year":
        last_week = date(start.year, 12, 28).isocalendar()[1]
        monday = date.fromisocalendar(start.year, nth if nth > 0 else last_week, 1)
    else:
        thursday = _nth_weekday(start.year, start.month, 3, nth)
        monday = thursday - timedelta(days=3)
    return monday, monday + timedelta(days=6), "week"


def _rest_of_span(t: str, anchor: date | None, tense: Tense) -> Span | None:
    """ "the rest of the year": from the anchor to the end of its week, month or year."""
    m = re.fullmatch(r"(?:the )?(?:rest|remainder|remaining) (?:of )?(?:the |this |my |current )?(week|month|year)", t)
    if not m:
        return None
    a = _need(anchor, m.group(1))
    return a, _relative_unit("this", m.group(1), a)[1], "range"


def _last_units_span(t: str, anchor: date | None, tense: Tense) -> Span | None:
    """ "the past three weeks" (the 21 days before the anchor), "the next two days" (the 2 days after it)."""
    m = re.fullmatch(rf"(?:the )?({REL_RE}) (.+?) (day|week|month|year)s?", t)
    if not m or RELATIVE[m.group(1)] == "this" or (n := _count(m.group(2))) is None:
        return None
    a = _need(anchor, m.group(3))
    if RELATIVE[m.group(1)] == "last":
        return _shift(a, -n, m.group(3)), a - timedelta(days=1), "range"
    return a + timedelta(days=1), _shift(a, n, m.group(3)), "range"


def _year_part_span(t: str, anchor: date | None, tense: Tense) -> Span | None:
    """ "2019 Q1", "2016H2", "q3-2019": a quarter or half written next to its year."""
    m = re.fullmatch(r"(\d{4}) ?[-/]? ?(q[1-4]|h[12])|(q[1-4]|h[12]) ?[-/]? ?(\d{4})", t)
    if not m:
        return None
    year, part = (int(m.group(1)), m.group(2)) if m.group(1) else (int(m.group(4)), m.group(3))
    if part[0] == "q":
        q = int(part[1])
        return _months(year, 3 * q - 2, 3 * q, "quarter")
    return narrow(year_span(year), "first half of" if part == "h1" else "second half of")


_PERIOD_MONTHS = {"year": 12, "12 months": 12, "twelve months": 12, "nine months": 9, "six months": 6, "half": 6,
                  "half-year": 6, "half year": 6, "three months": 3, "quarter": 3}
_THE_QUARTER = re.compile(r"(?:the )?(?:(?:latest|most recent|just-ended|recent) )?quarter")
_THE_HALF = re.compile(r"(?:the )?(first|second) half(?: of the year)?")
_ENDED = re.compile(rf"(?:the )?(?:fiscal |financial )?(?P<period>{'|'.join(_PERIOD_MONTHS)}) "
                    r"(?P<way>ended|ending|to|through) (?P<end>.+)")


def _reporting_span(t: str, anchor: date | None, tense: Tense) -> Span | None:
    """A company's reporting periods: "fiscal 2023" (the calendar year, since the text does not say when the
    company's year ends: granularity "fiscal-year"), "the current fiscal year", "the year ended June 30" (the
    twelve months to that day), "the six months to September", "the quarter" and "the latest quarter" (the
    last quarter ended before the article, or the one under way where the sentence looks ahead), "the first
    half" (of the article's year where it has begun, else of the year before; ahead: the next one)."""
    if m := re.fullmatch(r"(?:the )?(?:fiscal|financial)(?: year)? (\d{4})|fy ?(\d{4})", t):
        return (*year_span(int(m.group(1) or m.group(2)))[:2], "fiscal-year")
    if m := re.fullmatch(rf"(?:the )?({REL_RE}) (?:fiscal|financial) year", t):
        return (*_relative_unit(RELATIVE[m.group(1)], "year", _need(anchor, "year"))[:2], "fiscal-year")
    if m := _ENDED.fullmatch(t):
        end = base_span(m.group("end"), anchor, "past" if m.group("way") == "ended" else tense)
        if end is None:
            return None
        last = end[1]
        months = _PERIOD_MONTHS[m.group("period")]
        first = _shift(last + timedelta(days=1), -months, "month") if last == _month_end(last) \
            else _shift(last, -months, "month") + timedelta(days=1)
        return first, last, {12: "fiscal-year", 3: "quarter"}.get(months, "range")
    if _THE_QUARTER.fullmatch(t):
        a = _need(anchor, "quarter")
        return _relative_unit("this" if tense == "future" else "last", "quarter", a)
    if (m := _YEAR_EARLIER.fullmatch(t)) and m.group("period") == "quarter":  # the last quarter's, a year back
        start, end, _ = _relative_unit("last", "quarter", _need(anchor, "quarter"))
        return _shift(start, -1, "year"), _month_end(_shift(end, -1, "year")), "quarter"
    if m := _THE_HALF.fullmatch(t):
        return under_way(lambda year: narrow(year_span(year), f"{m.group(1)} half of"), _need(anchor, "half-year"),
                         tense or "past")
    return None


def _day_only_span(t: str, anchor: date | None, tense: Tense) -> Span | None:
    """ "the 15th" (that day of the anchor's month, or of the month before or after as the tense says);
    "Friday the 15th" (the nearest 15th that is a Friday)."""
    m = re.fullmatch(rf"(?:({WEEKDAY_RE}|{WEEKDAY_ABBR}),? )?(?:the )?(\d{{1,2}})(?:st|nd|rd|th)?", t)
    if not m or not 1 <= int(m.group(2)) <= 31 or not (m.group(1) or re.search(r"\D$", t) or t.startswith("the ")):
        return None
    a, day = _need(anchor, "day"), int(m.group(2))
    months = range(-1, 2) if m.group(1) is None else range(-12, 13)
    candidates = [d for k in months if (d := _safe_day_in(_shift(a.replace(day=1), k, "month"), day))]
    if m.group(1):
        weekday = _weekday(m.group(1))
        candidates = [d for d in candidates if d.weekday() == weekday]
    return day_span(_pick_nearest(candidates, a, tense)) if candidates else None


def _weekday(name: str) -> int:
    """Monday 0: "tuesday", "tues" and "tue" alike."""
    return next(i for day, i in WEEKDAYS.items() if day.startswith(name[:3]))


def _safe_day_in(month_start: date, day: int) -> date | None:
    try:
        return month_start.replace(day=day)
    except ValueError:
        return None


def _pick_nearest(days: list[date], anchor: date, tense: Tense) -> date:
    if tense == "past" and (past := [d for d in days if d <= anchor]):
        return max(past)
    if tense == "future" and (future := [d for d in days if d >= anchor]):
        return min(future)
    return min(days, key=lambda d: abs((d - anchor).days))


def _numeric_span(t: str, anchor: date | None, tense: Tense) -> Span | None:
    """ "11/2016", "2016-11" (a month; not "2010-11", a span of years), "4/22" and "22/04" (a day with no year)."""
    if m := re.fullmatch(r"(\d{1,2}) ?[/-] ?(\d{4})|(\d{4}) ?[/-] ?(\d{1,2})", t):
        month, year = (int(m.group(1)), int(m.group(2))) if m.group(1) else (int(m.group(4)), int(m.group(3)))
        years_span = m.group(3) is not None and month >= year % 100
        return month_span(year, month) if 1 <= month <= 12 and not years_span else None
    if (m := re.fullmatch(r"(\d{1,2})/(\d{1,2})", t)) and not is_fraction_or_idiom(t):
        a, b = int(m.group(1)), int(m.group(2))
        month, day = (a, b) if a <= 12 else (b, a)
        if month > 12 or not 1 <= day <= 31:
            return None
        return _safe_day(pick_year(month, day, _need(anchor, "day"), tense), month, day)
    return None


def is_fraction_or_idiom(text: str) -> bool:
    """ "3/4" reads as a fraction and "24/7" as an idiom, not as days."""
    m = re.fullmatch(r"(\d{1,2})/(\d{1,2})", text)
    return bool(m) and (int(m.group(1)) < int(m.group(2)) <= 10 or text == "24/7")


def _month_of_span(t: str, anchor: date | None, tense: Tense) -> Span | None:
    """ "this September" (of the anchor's year), "last March", "next June"."""
    if not (m := re.fullmatch(rf"(this|last|next|this past|this coming|the coming|the past) ({MONTH_RE})\.?", t)):
        return None
    a, month = _need(anchor, "month"), MONTHS[m.group(2)]
    if m.group(1) == "this":
        return month_span(a.year, month)
    if "last" in m.group(1) or "past" in m.group(1):
        return month_span(a.year if month < a.month else a.year - 1, month)
    return month_span(a.year if month > a.month else a.year + 1, month)


_DAY_OF_MONTH = re.compile(r"(?:the )?(\d{1,2})(?:st|nd|rd|th)?(?: day)?(?: of| in)? (this|next|last|the) month")


def _day_of_month_span(t: str, anchor: date | None, tense: Tense) -> Span | None:
    """ "the 15th of next month", "22 this month", "the twenty-sixth day of the month"."""
    if not (m := _DAY_OF_MONTH.fullmatch(t)):
        return None
    return _safe_day(*_month_named(m.group(2), anchor), int(m.group(1)))


def _month_named(which: str, anchor: date | None) -> tuple[int, int]:
    """Year and month of "this", "next", "last" or "the" month."""
    start = _relative_unit({"the": "this"}.get(which, which), "month", _need(anchor, "day"))[0]
    return start.year, start.month


_MONTH_DAY = re.compile(rf"(?:(?P<m>{MONTH_RE})\.? (?P<d>\d{{1,2}}){ORD}|(?P<d2>\d{{1,2}}){ORD} (?:of )?(?P<m2>{MONTH_RE})\.?)"
                        rf"(?:,? (?P<y>\d{{4}}))?|(?P<m3>\d{{1,2}})/(?P<d3>\d{{1,2}})")


def impossible_day(t: str, anchor: date | None) -> bool:
    """ "Feb 30", "2/29/2019", "the 31st of this month", "the fifth Sunday" of September 2017: a day its
    month does not have. It is found as a date that names no day, so it is never compared; 29 February is
    possible when no year is written."""
    if (ymd := numeric_day(t, anchor)) is not None:
        return _safe_day(*ymd) is None
    if re.fullmatch(rf"(?:the )?(?:fifth|5th) (?:{WEEKDAY_RE})(?: (?:of|in) .+)?", t):
        return True  # read when the month has one: "the fifth Sunday" of a month with four
    if m := _DAY_OF_MONTH.fullmatch(t):
        return int(m.group(1)) <= 31 and _safe_day(*_month_named(m.group(2), anchor), int(m.group(1))) is None
    if not (m := _MONTH_DAY.fullmatch(t)):
        return False
    month = MONTHS[m.group("m") or m.group("m2")] if m.group("m3") is None else int(m.group("m3"))
    day = int(m.group("d") or m.group("d2") or m.group("d3"))
    return 1 <= month <= 12 and day <= 31 and _safe_day(int(m.group("y") or 2000), month, day) is None


UNIT_DAYS = {"day": 1, "week": 7}


def _shift(d: date, n: int, unit: str) -> date:
    if unit in UNIT_DAYS:
        return d + timedelta(days=n * UNIT_DAYS[unit])
    months = d.month - 1 + n * (12 if unit == "year" else 1)
    year, month = d.year + months // 12, months % 12 + 1
    return date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _count(text: str) -> int | None:
    if text in ("a", "an", "one", "a single"):
        return 1
    if text in ("a couple of", "a couple", "couple of"):
        return 2
    ws = words(text)
    figure = read_figure(ws)  # the whole text is the count: not the 2 of "oct. 2 until the" (day after tomorrow)
    return int(figure.value) if figure and figure.used == len(ws) and figure.value == int(figure.value) \
        and 0 < figure.value < 1000 else None


def _offset_span(t: str, anchor: date | None, tense: Tense) -> Span | None:
    """ "two weeks ago", "three days later", "two days after tomorrow", "the day before yesterday"."""
    m = re.fullmatch(r"(?:the )?(?:(.+?) )?(day|week|month|year)s? (ago|from now|later|hence|earlier|after|before|from)"
                     r"(?: (.+))?", t)
    if not m:
        return None
    n = 1 if m.group(1) is None else _count(m.group(1))
    if n is None:
        return None
    if m.group(4):
        base = base_span(m.group(4), anchor, tense)
        if base is None or base[2] != "day":
            return None
        origin = base[0]
    elif m.group(3) in ("after", "before", "from"):
        return None
    else:
        origin = _need(anchor, "day")
    sign = -1 if m.group(3) in ("ago", "earlier", "before") else 1
    return day_span(_shift(origin, sign * n, m.group(2)))


def _later_or_earlier(text: str, anchor: date | None) -> Span | None:
    """ "later this year": from the day after the anchor to the end of its year; "earlier in the week": from the
    start of its week to the day before. None when nothing of the period is left on that side."""
    if not (m := re.fullmatch(r"(later|earlier) (?:in |during )?(?:the |this )(week|month|year)", text)):
        return None
    a = _need(anchor, m.group(2))
    start, end, _ = _relative_unit("this", m.group(2), a)
    start, end = (a + timedelta(days=1), end) if m.group(1) == "later" else (start, a - timedelta(days=1))
    return (start, end, "range") if start <= end else None


_RELATIVE_DAY = re.compile(rf"(?P<w>last|this past|past|previous|next|this coming|coming) "
                           rf"(?:(?P<m>{MONTH_RE})\.? (?P<d>\d{{1,2}}){ORD}|(?P<d2>\d{{1,2}}){ORD} (?:of )?(?P<m2>{MONTH_RE})\.?)")


def relative_day(text: str, anchor: date | None) -> Span | None:
    """ "last Oct. 23": the last 23 October before the anchor; "next Jan. 14", "this coming November 2": the
    first one after it."""
    m = _RELATIVE_DAY.fullmatch(text)
    if not m:
        return None
    month, day = MONTHS[(m.group("m") or m.group("m2")).lower()], int(m.group("d") or m.group("d2"))
    anchor = _need(anchor, "day")
    forward = m.group("w") in ("next", "this coming", "coming")
    for year in ((anchor.year, anchor.year + 1) if forward else (anchor.year, anchor.year - 1)):
        if (found := _safe_day(year, month, day)) is not None and (found[0] > anchor if forward else found[0] < anchor):
            return found
    return None


def ahead(text: str, anchor: date | None) -> Span | None:
    """ "in two weeks", "in a month": that far after the anchor (not "for two weeks", a duration)."""
    m = re.fullmatch(r"in (.+?) (day|week|month|year)s?", text)
    if not m or (n := _count(m.group(1))) is None:
        return None
    return day_span(_shift(_need(anchor, "day"), n, m.group(2)))


FIXED_HOLIDAYS = {
    "christmas": (12, 25), "christmas day": (12, 25), "xmas": (12, 25), "christmas eve": (12, 24),
    "new years day": (1, 1), "new year": (1, 1), "new years": (1, 1), "new years eve": (12, 31),
    "new year eve": (12, 31), "independence day": (7, 4), "halloween": (10, 31), "valentines day": (2, 14),
    "st patricks day": (3, 17), "boxing day": (12, 26), "veterans day": (11, 11), "juneteenth": (6, 19),
    "may day": (5, 1), "international workers day": (5, 1),
    # days kept on one date wherever English-language news reports them
    "yuandan": (1, 1), "australia day": (1, 26), "international womens day": (3, 8), "womens day": (3, 8),
    "earth day": (4, 22), "anzac day": (4, 25), "canada day": (7, 1), "bastille day": (7, 14),
    "all saints day": (11, 1), "all souls day": (11, 2), "guy fawkes night": (11, 5), "bonfire night": (11, 5),
    "armistice day": (11, 11), "remembrance day": (11, 11), "world aids day": (12, 1), "human rights day": (12, 10),
}
# month, weekday (Monday 0), which one (-1: the last)
NTH_WEEKDAY_HOLIDAYS = {
    "thanksgiving": (11, 3, 4), "thanksgiving day": (11, 3, 4), "mothers day": (5, 6, 2), "fathers day": (6, 6, 3),
    "labor day": (9, 0, 1), "memorial day": (5, 0, -1), "martin luther king day": (1, 0, 3), "mlk day": (1, 0, 3),
    "presidents day": (2, 0, 3), "columbus day": (10, 0, 2),
}
EASTER_HOLIDAYS = {"easter": 0, "easter sunday": 0, "easter day": 0, "good friday": -2, "easter monday": 1,
                   "ash wednesday": -46, "palm sunday": -7, "maundy thursday": -3, "holy saturday": -1,
                   "ascension day": 39, "pentecost": 49, "whit sunday": 49, "whit monday": 50}
AFTER_THANKSGIVING = {"black friday": 1, "cyber monday": 4}
HOLIDAYS = sorted({*FIXED_HOLIDAYS, *NTH_WEEKDAY_HOLIDAYS, *EASTER_HOLIDAYS, *AFTER_THANKSGIVING}, key=len, reverse=True)


def _easter(year: int) -> date:
    """Western Easter Sunday (the anonymous Gregorian algorithm)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = b // 4, b % 4
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = c // 4, c % 4
    l_ = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 22 * l_) // 451
    month, day = divmod(h + l_ - 7 * m + 114, 31)
    return date(year, month, day + 1)


def _nth_weekday(year: int, month: int, weekday: int, nth: int) -> date:
    days = [d for d in range(1, calendar.monthrange(year, month)[1] + 1) if date(year, month, d).weekday() == weekday]
    return date(year, month, days[nth - 1 if nth > 0 else nth])


def holiday(name: str, year: int) -> date:
    """The day of a holiday in a year (US dates for the US holidays)."""
    if name in FIXED_HOLIDAYS:
        return date(year, *FIXED_HOLIDAYS[name])
    if name in NTH_WEEKDAY_HOLIDAYS:
        return _nth_weekday(year, *NTH_WEEKDAY_HOLIDAYS[name])
    if name in EASTER_HOLIDAYS:
        return _easter(year) + timedelta(days=EASTER_HOLIDAYS[name])
    return _nth_weekday(year, 11, 3, 4) + timedelta(days=AFTER_THANKSGIVING[name])


def _pick(day_in: Callable[[int], date], anchor: date, tense: Tense, which: str | None = None) -> date:
    """Which year's occurrence an unnamed year means: past tense the last one, future the next, else the nearer."""
    days = [day_in(anchor.year + k) for k in (-1, 0, 1)]
    past = max(d for d in days if d <= anchor) if days[0] <= anchor else days[0]
    future = min(d for d in days if d >= anchor)
    if which == "this":
        return days[1]
    if tense == "past" or which in ("last", "past"):
        return past
    if tense == "future" or which in ("next", "coming"):
        return future
    return min((past, future), key=lambda d: abs((d - anchor).days))


def _holiday_span(t: str, anchor: date | None, tense: Tense) -> Span | None:
    """ "Christmas", "Thanksgiving 2024", "Easter of next year", "last Christmas"."""
    t = t.replace("int'l ", "international ").replace("'", "").replace(".", "")
    m = re.fullmatch(rf"(?:(this|last|next|coming|past) )?({'|'.join(HOLIDAYS)})(?: (?:of )?(.+))?", t)
    if not m:
        return None
    name = m.group(2)
    if m.group(3):
        year = _year_of(m.group(3), anchor)
        return day_span(holiday(name, year)) if year else None
    return day_span(_pick(lambda y: holiday(name, y), _need(anchor, "day"), tense, m.group(1)))


SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11), "winter": (12, 14)}


def _season(name: str, year: int) -> Span:
    first, last = SEASONS[name]
    end_year, end_month = year + (last - 1) // 12, (last - 1) % 12 + 1
    return date(year, first, 1), month_span(end_year, end_month)[1], "season"


def _season_span(t: str, anchor: date | None, tense: Tense) -> Span | None:
    """ "this summer", "last winter", "spring 2025", "summer", "the summer" (the year from the tense; "the fall"
    alone is rather a collapse)."""
    m = re.fullmatch(rf"(the )?(?:(this|last|next|coming|past) )?(spring|summer|autumn|fall|winter)"
                     rf"(?: (?:of )?({YEAR_WORDS}))?", t)
    if not m or t == "the fall":
        return None
    _, which, name, year_words = m.groups()
    if year_words:
        year = _year_of(year_words, anchor)
        return _season(name, year) if year else None
    start = _pick(lambda y: _season(name, y)[0], _need(anchor, "month"), tense, which)
    return _season(name, start.year)


def _safe_day(year: int, month: int, day: int) -> Span | None:
    try:
        return day_span(date(year, month, day))
    except ValueError:
        return None


_ALONE, _ALONE_END = r"(?<![\w/-])", r"(?![\w/-])"  # a whole word of digits, slashes and dashes


_ONES_RE = "|".join(w for w, n in UNITS.items() if 0 < n < 10)
_UNDER_100_RE = rf"(?:{'|'.join(TENS)})(?:[ -](?:{_ONES_RE}))?|{'|'.join(w for w, n in UNITS.items() if n > 0)}"
_SPELLED_YEAR = re.compile(rf"\btwo thousand(?: and)?(?: ({_UNDER_100_RE}))?\b|"
                           rf"\b(eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty) "
                           rf"((?:{'|'.join(TENS)})(?:[ -](?:{_ONES_RE}))?)\b")


def _under_100(words: str) -> int:
    """ "twenty seven" -> 27, "fifteen" -> 15."""
    return sum(TENS.get(w, UNITS.get(w, 0)) for w in re.split(r"[ -]", words))


def _spelled_year(m: re.Match) -> str:
    """ "two thousand and twenty" -> "2020", "nineteen ninety six" -> "1996"."""
    if m.group(2):
        return str(100 * UNITS.get(m.group(2), 20) + _under_100(m.group(3)))
    return str(2000 + (_under_100(m.group(1)) if m.group(1) else 0))


def clean(text: str) -> str:
    t = text.lower().replace("’", "'").strip(" .,;:")
    t = _SPELLED_YEAR.sub(_spelled_year, t)  # nineteen ninety six, two thousand and twenty
    # numeric forms with a month's name: 2019/sep/01, sep-23-2020, 23/sep/2020, september-2020-23, 2016 / nov
    t = re.sub(rf"{_ALONE}(?:(\d{{4}})[/-]({MONTH_RE})[/-](\d{{1,2}})|({MONTH_RE})[/-](\d{{1,2}})[/-](\d{{4}})|"
               rf"(\d{{1,2}})[/-]({MONTH_RE})[/-](\d{{4}})|({MONTH_RE})[/-](\d{{4}})[/-](\d{{1,2}})){_ALONE_END}",
               lambda m: "{1} {2}, {0}".format(*filter(None, m.groups())) if m.group(1) else
               "{0} {1}, {2}".format(*filter(None, m.groups())) if m.group(4) else
               "{0} {2}, {1}".format(*filter(None, m.groups())) if m.group(10) else
               "{0} {1} {2}".format(*filter(None, m.groups())), t)
    t = re.sub(rf"(?:^|(?<= ))(\d{{4}}) ?[,/-]? ?({MONTH_RE})$", r"\2 \1", t)  # 2016 June, in 2017 April
    t = re.sub(rf"\b({MONTH_RE}) in ((?:1[89]|2[01])\d\d)$", r"\1 \2", t)  # (from april to) june in 2017
    t = re.sub(rf"\b({MONTH_RE}) the (?=\d{{1,2}}(?:st|nd|rd|th)\b)", r"\1 ", t)  # november the 15th
    t = re.sub(rf"^({MONTH_RE}) (between \d{{1,2}}(?: and |-)\d{{1,2}})$", r"\2 \1", t)  # november between 19 and 20
    t = re.sub(rf"\b({MONTH_RE}) (twenty|thirty)[ -]({'|'.join(w for w, n in UNITS.items() if 0 < n < 10)})$",
               lambda m: f"{m.group(1)} {(20 if m.group(2) == 'twenty' else 30) + UNITS[m.group(3)]}", t)  # may twenty nine
    t = re.sub(r"^(\d{1,2}/\d{1,2}),(\d\d|\d{4})$|(?<![\d/])(\d{1,2}/\d{1,2}), (\d{4})$",
               lambda m: f"{m.group(1) or m.group(3)}/{m.group(2) or m.group(4)}", t)  # 08/12,2015; 5/1-5/7, 2020
    t = re.sub(rf"\b({MONTH_RE})\.?(?=\d{{1,2}}(?:st|nd|rd|th)?\b)|^(\d{{1,2}})\.(?= (?:{MONTH_RE})\b)",
               lambda m: f"{m.group(1)} " if m.group(1) else m.group(2), t)  # dec31, sept.16, 16. nov. 2016
    t = re.sub(r"(?<=[a-z])-(?=\d)|(?<=mid)-(?=[a-z])", " ", t)  # mid-2025, mid-july
    t = re.sub(r"\s+", " ", t).replace(" ,", ",")
    t = re.sub(rf"\b({MONTH_RE})[/-](?=\d)", r"\1 ", t)  # Oct/2, Dec-2018
    t = re.sub(rf"^(\d{{1,2}})[/-](?=(?:{MONTH_RE})$)", r"\1 ", t)  # 28-nov
    t = re.sub(rf"^((?:{WEEKDAY_RE}|{WEEKDAY_ABBR}),? \d{{1,2}})-(?=\d{{1,2}}$)", r"\1/", t)  # Friday 7-6 is 7/6
    t = re.sub(rf"^(?:{WEEKDAY_RE}|{WEEKDAY_ABBR}),? (?=(?:{MONTH_RE})|\d+[/-]|\d{{4}})", "", t)  # "Tuesday, March 4"
    t = re.sub(rf"\b((?:{MONTH_RE}) )(?:the )?({ORDINAL_WORD_RE})\b|\b(?:the )?({ORDINAL_WORD_RE})(?= (?:day )?(?:of )?(?:(?:{MONTH_RE})\b|(?:this|next|last|the) month))",
               lambda m: (m.group(1) or "") + _ordinal_digits(m.group(2) or m.group(3)), t)  # May twenty-first
    t = re.sub(rf"^((?:(?:{WEEKDAY_RE}),? |[a-z]+ )?the )?({ORDINAL_WORD_RE})$",
               lambda m: (m.group(1) or "") + _ordinal_digits(m.group(2))
               if m.group(1) or m.group(2)[:6] in ("twenty", "thirty") else m.group(0),
               t)  # Tuesday the eleventh, on the second, twenty-second ("second" alone is no day)
    return t


ORDINAL_WORDS = {w: i for i, w in enumerate(
    "_ first second third fourth fifth sixth seventh eighth ninth tenth eleventh twelfth thirteenth fourteenth "
    "fifteenth sixteenth seventeenth eighteenth nineteenth twentieth".split()) if w != "_"}
ORDINAL_WORD_RE = rf"(?:(?:twenty|thirty)[ -])?(?:{'|'.join(ORDINAL_WORDS)})|thirtieth"
WEEKDAY_ABBR = "mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun"


def _ordinal_digits(words: str) -> str:
    """ "twenty-first" -> "21st"."""
    parts = re.split(r"[ -]", words)
    n = {"twenty": 20, "thirty": 30}.get(parts[0], 0) + ORDINAL_WORDS.get(parts[-1], 0) if words != "thirtieth" else 30
    return f"{n}{'st' if n % 10 == 1 and n != 11 else 'nd' if n % 10 == 2 and n != 12 else 'rd' if n % 10 == 3 and n != 13 else 'th'}"


def _split_hedge(t: str) -> tuple[str | None, str]:
    for table in (OPEN_HEDGES, CLOSE_HEDGES):
        for phrase in sorted(table, key=len, reverse=True):
            if t.startswith(phrase + " "):
                return table[phrase], t[len(phrase) + 1:]
    return None, t


_YEAR_SPAN = re.compile(r"(?:the )?((?:1[89]|2[01])\d\d) ?[-–—/] ?(\d\d|(?:1[89]|2[01])\d\d)")


def _year_span(t: str) -> Span | None:
    """Years written as one span, "2017-18", "2017–2018", "the 2023/24 season": from the first year's start to the
    last's end (a season or a fiscal year falls inside). The second year follows the first, within a decade."""
    if (m := _YEAR_SPAN.fullmatch(t)) is None:
        return None
    first, last = int(m.group(1)), m.group(2)
    end = int(last) if len(last) == 4 else first // 100 * 100 + int(last)
    if not first < end <= first + 10:
        return None
    return date(first, 1, 1), date(end, 12, 31), "year"


_RANGE_WORDS = re.compile(r"^(?:from|between) (?:.+ (?:to|and|until|through|till|-) |.*\d[-–]\d)")  # 10/1-10/7, 4-23


def _range(t: str, anchor: date | None, tense: Tense) -> Span | None:
    """"between June and August 2024", "from March to May", "June-August 2024", "02-02-2020 - 03-03-2020" (the
    first joiner that leaves a date on both sides)."""
    m = re.fullmatch(r"between (.+?) and (.+)|from (.+?) (?:to|until|through) (.+)", t)
    splits = [[g for g in m.groups() if g is not None]] if m else []
    body = re.sub(r"^(?:between|from) ", "", t)
    splits += [[body[:j.start()], body[j.end():]] for j in re.finditer(r" ?(?:-|–|—| to | through | until | till ) ?", body)
               if j.start() > 0]
    if (two := re.fullmatch(r"(.+\d) and (\d{1,2}(?:st|nd|rd|th)?)", body)) is not None:
        splits.append([two.group(1), two.group(2)])  # "August 8 and 9": two days of one month, and those between
    for a_text, b_text in splits:
        if (span := _range_of(_bare(a_text), _bare(b_text), anchor, tense)) is not None:
            return span
    return None


_NAMED_DAY = re.compile(rf"^(?:the |(?:{WEEKDAY_RE}),? )(?=\S)")


def _bare(end: str) -> str:
    """One end of a range without what only confirms it: "the", a weekday before a written day ("friday 19 july")."""
    return _NAMED_DAY.sub("", end) if re.search(r"\d", end) else re.sub(r"^the ", "", end)


def _range_of(a_text: str, b_text: str, anchor: date | None, tense: Tense) -> Span | None:
    """The days from one written date to another; the start takes the end's year or month where it has none."""
    try:
        if day := re.fullmatch(r"(\d{1,2})(?:st|nd|rd|th)?", b_text):  # "November 18-19", "April 9th through 17th"
            a = base_span(a_text, anchor, tense)
            b = _safe_day(a[0].year, a[0].month, int(day.group(1))) if a and a[2] == "day" else None
        else:
            b = _now(anchor) if b_text == "now" else base_span(b_text, anchor, tense)
    except Unanchored:
        raise Unanchored("range") from None  # a range of days is no single day, even unplaced
    if b is None:
        return None
    try:
        a = _now(anchor) if a_text == "now" else base_span(a_text, anchor, tense)
    except Unanchored:
        a = None
    if re.search(r"\d{4}", b_text) and not re.search(r"\d{4}", a_text):  # "June to August 2024": one year written
        a = _in_year(a_text, b[0].year, b[1], tense) or a
    if a is None and re.fullmatch(r"\d{1,2}", a_text) and b[2] == "day":  # "4 to 22 March"
        a = _safe_day(b[0].year, b[0].month, int(a_text))
    if a is not None and a[0] > b[1] and a[2] == "day" and not re.search(r"\d{4}", a_text):  # "10/1-11/7" said ahead
        same_year = _safe_day(b[0].year, a[0].month, a[0].day)
        a = same_year if same_year and same_year[0] <= b[1] else _safe_day(b[0].year - 1, a[0].month, a[0].day)
    if a is None or a[0] > b[1]:
        return None
    return a[0], b[1], a[2] if a[2] == b[2] else "range"


def _now(anchor: date | None) -> Span:
    """ "now" as one end of a range ("between January 22 and now"): the publication day."""
    return day_span(_need(anchor, "day"))


def _in_year(text: str, year: int, before: date, tense: Tense) -> Span | None:
    """ "June", "26 June" or "5/1" in the year of the range's end, or the year before when that falls after the end."""
    for y in (year, year - 1):
        span = base_span(f"{text}/{y}" if re.fullmatch(r"\d{1,2}/\d{1,2}", text) else f"{text} {y}", None, tense)
        if span is not None and span[0] <= before:
            return span
    return None


_TOLD_PERIOD = re.compile(r"(?:(?P<side>later|earlier) )?(?:in |on |during |by )?(?:that|the same|that same) "
                          r"(?P<unit>day|week|month|year)|(?:on |in |during )?(?:the )?(?P<step>following|previous) "
                          r"(?P<unit2>day|week|month|year)|(?:on |in |during )?(?:the )?(?P<step2>next) (?P<unit3>day)|"
                          r"(?:on |in |during )?the (?P<step3>next) (?P<unit4>week|month|year)")
_THAT_WEEKDAY = re.compile(rf"(?:on |by |until )?that ({WEEKDAY_RE})")
_TOLD_OFFSET = re.compile(r"(?:the )?(?:(?P<n>.+?) )?(?P<unit>day|week|month|year)s? (?P<way>later|earlier|after|before)")


_YEAR_EARLIER = re.compile(r"(?:the )?year[- ](?:earlier|ago|before) (?P<period>quarter|period|month|half|year)")


@lru_cache(maxsize=4096)  # asked of every date the matcher weighs: an archive repeats the same few words
def is_comparison(text: str) -> bool:
    """A period a figure is compared with ("the year-earlier quarter", "a year earlier"): later dates do not
    count from it, but from the period the text is about."""
    t = clean(text)
    return _YEAR_EARLIER.fullmatch(t) is not None or re.fullmatch(r"(?:(?:a|one) )?year (?:earlier|ago|before)", t) is not None


def is_told(text: str) -> bool:
    """A date told from another the text names ("later that year", "the next day", "the year-earlier
    period"): a date only where the sentence or the one before names that other date."""
    t = clean(text)
    return _TOLD_PERIOD.fullmatch(t) is not None or _YEAR_EARLIER.fullmatch(t) is not None


def _within(span: DateValue, unit: str) -> bool:
    """The told date lies inside one `unit`: one day, one week, one calendar month or year."""
    start, end = span.start, span.end
    if start is None or end is None:
        return False
    if unit == "day":
        return start == end
    if unit == "week":
        return (end - start).days < 7
    if unit == "month":
        return (start.year, start.month) == (end.year, end.month)
    return start.year == end.year


def _told_from(t: str, told: DateValue) -> DateValue | None:
    """A date read from the date the sentence, or the one before, names (`t`: the mention's words, cleaned):
    "later that year" after "in March 2019" is April to December 2019; "that day" after "on 4 June" is that
    day; "three days later" counts from it; "a year earlier" after "third-quarter" is the same quarter a year
    back (the period a comparison is with, not a day a year before the article). None where the wording is
    none of these or the other date is too wide ("that day" after "in 2019")."""
    if told.start is None or told.end is None:
        return None
    if _YEAR_EARLIER.fullmatch(t):  # "up from $31 million in the year-earlier quarter": the one told, a year back
        return _told_from("a year earlier", told)
    if _THE_QUARTER.fullmatch(t) and told.granularity == "quarter":
        return told  # "third-quarter profit rose ...; revenue in the quarter fell"
    if (m := _THE_HALF.fullmatch(t)) and _within(told, "year"):  # "in 2023 ... in the first half"
        start, end, granularity = narrow(year_span(told.start.year), f"{m.group(1)} half of")
        return DateValue(start=start, end=end, granularity=granularity)
    if (m := _THAT_WEEKDAY.fullmatch(t)) is not None and _within(told, "week"):
        monday = told.start - timedelta(days=told.start.weekday())  # "that Friday": of the week told
        return DateValue(*day_span(monday + timedelta(days=WEEKDAYS[m.group(1)])))
    if (m := _TOLD_PERIOD.fullmatch(t)) is not None:
        unit = m.group("unit") or m.group("unit2") or m.group("unit3") or m.group("unit4")
        if not _within(told, unit):
            return None
        start, end, _ = _relative_unit("this", unit, told.start) if unit != "day" else day_span(told.start)
        if m.group("step") or m.group("step2") or m.group("step3"):
            step = -1 if m.group("step") == "previous" else 1
            start, end, _ = _relative_unit("this", unit, _shift(told.start, step, unit)) if unit != "day" \
                else day_span(told.start + timedelta(days=step))
            return DateValue(start=start, end=end, granularity=unit)
        if m.group("side") == "later":
            start = told.end + timedelta(days=1)
        elif m.group("side") == "earlier":
            end = told.start - timedelta(days=1)
        return DateValue(start=start, end=end, granularity=unit if not m.group("side") else "range") \
            if start <= end else None
    if (m := _TOLD_OFFSET.fullmatch(t)) is not None:
        n = 1 if m.group("n") is None else _count(m.group("n"))
        unit = m.group("unit")
        if n is None or (unit in UNIT_DAYS and not _within(told, unit)):  # "three days later" counts from a day
            return None
        step = n if m.group("way") in ("later", "after") else -n
        start, end = _shift(told.start, step, unit), _shift(told.end, step, unit)
        if told.start != told.end and told.start.day == 1 and told.end == _month_end(told.end):
            end = _month_end(end)  # a whole month, quarter or year stays whole: February a year on ends on the 28th
        return DateValue(start=start, end=end, granularity=told.granularity)
    return None


def _month_end(d: date) -> date:
    return month_span(d.year, d.month)[1]


def date_value(text: str, anchor: date | None, tense: Tense = None, told: DateValue | None = None) -> DateValue | None:
    """The interval a date mention states, or None when it is not a date this tool can place. `told` is the
    date the sentence, or the one before, names, which "later that year" and "three days later" count from."""
    t = clean(text)
    if told is not None and told.anchored and (value := _told_from(t, told)) is not None:
        return value
    if (m := _TOLD_PERIOD.fullmatch(t)) is not None and m.group("unit"):
        return None  # "that day" with no day told before it is left unread ("the following week" reads from today)
    whole = INTRO.sub("", t)
    readings = ([(None, whole)] if _RANGE_WORDS.match(whole) else []) + [_split_hedge(t)]
    for hedge, body in readings:  # "from 4-23 in next month" is a range; "from 2016-11" is since November 2016
        if (value := _hedged_value(hedge, body, anchor, tense)) is not None:
            return value if value.anchored else replace(value, calendar=calendar_of(text.lower()))
    return None


def _hedged_value(hedge: str | None, t: str, anchor: date | None, tense: Tense) -> DateValue | None:
    bare = t
    t = INTRO.sub("", t)
    try:
        span = ahead(bare, anchor) or relative_day(t, anchor) or _later_or_earlier(bare, anchor) or \
            _year_span(t) or base_span(t, anchor, tense) or \
            _range(t, anchor, tense) or \
            _fallback(t, anchor, tense)
        if span is None and impossible_day(t, anchor):
            return DateValue(start=None, end=None, granularity="day", hedge=hedge)
    except Unanchored as need:
        return DateValue(start=None, end=None, granularity=need.granularity, anchored=False, hedge=hedge)
    if span is None:
        return None
    start, end, granularity = span
    if hedge == "before" and re.match(r"(?:the )?end of ", t):  # before the end of the year: up to 31 December
        hedge = "or-before"
    if hedge == "after" and re.match(r"(?:the )?(?:beginning|start) of ", t):  # after the start of March: from 1 March
        hedge = "since"
    if hedge == "since" or hedge == "after":
        return DateValue(start=start if hedge == "since" else end + timedelta(days=1), end=None,
                         granularity=granularity, hedge=hedge)
    if hedge == "before":
        return DateValue(start=None, end=start - timedelta(days=1), granularity=granularity, hedge=hedge)
    if hedge == "or-before":  # "on or before 3 March": any day up to it ("by" is the day or period itself)
        return DateValue(start=None, end=end, granularity=granularity, hedge=hedge)
    return DateValue(start=start, end=end, granularity=granularity, hedge=hedge)


_CALENDAR_MONTH = re.compile(rf"\b({MONTH_RE})\b\.?")
_CALENDAR_DAY = re.compile(rf"\b(\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?:{MONTH_RE})\b"  # 4 July, 4th of July
                           rf"|\b(?:{MONTH_RE})\.?\s+(\d{{1,2}})(?:st|nd|rd|th)?\b")  # July 4, Sept. 12
_CALENDAR_WEEKDAY = re.compile(rf"\b({WEEKDAY_RE})\b")


def calendar_of(text: str) -> tuple[int | None, int | None, int | None] | None:
    """The month, day of the month and weekday a date's words fix without a year ("on 4 July": (7, 4, None), "on
    Friday": (None, None, 4)); None if they fix none ("last month")."""
    month = _CALENDAR_MONTH.search(text)
    day = _CALENDAR_DAY.search(text)
    weekday = _CALENDAR_WEEKDAY.search(text)
    found = (MONTHS[month.group(1)] if month else None,
             int(day.group(1) or day.group(2)) if day and month else None,
             WEEKDAYS[weekday.group(1)] if weekday else None)
    return found if any(x is not None for x in found) else None


_SENTINEL_BASE = datetime(1900, 1, 1)


def _fallback(t: str, anchor: date | None, tense: Tense) -> Span | None:
    """Other wordings, through dateparser; only where a month or weekday is named, to keep noise out."""
    if not re.search(rf"\b(?:{MONTH_RE}|{WEEKDAY_RE})\b", t) or re.search(r"\d{5,}", t):
        return None
    settings = {"RELATIVE_BASE": datetime.combine(anchor, datetime.min.time()) if anchor else _SENTINEL_BASE,
                "PREFER_DATES_FROM": tense or "past", "RETURN_AS_TIMEZONE_AWARE": False,
                "REQUIRE_PARTS": ["month"]}
    parsed = dateparser.parse(t, languages=["en"], settings=settings)
    if parsed is None:
        return None
    if not re.search(r"\b\d{4}\b", t):
        _need(anchor, "day")
    return day_span(parsed.date())
