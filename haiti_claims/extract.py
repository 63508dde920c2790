"""Finding the mentions of numbers and dates in a parsed article.

spaCy's Matcher finds number shapes (with currency, scale and percent words) and
date shapes; the named-entity recogniser adds the DATE spans it knows. Hedges in front
("nearly", "more than", "since") and ranges ("between 20 and 30") are folded into the
mention. Text that is not a claim is left out here: numbers inside dates, identifiers
(long digit runs, phone numbers, "No. 214", "Boeing 737"), ordinals, and lines of page
furniture such as image file names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from itertools import product
from typing import Callable, Iterable, Literal

from spacy.language import Language
from spacy.matcher import Matcher, PhraseMatcher
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from .config import Config, Tolerances
from .model import SHARE
from .nlp import token_after
from .normalize.dates import (CLOSE_HEDGES, HOLIDAYS, MONTHS, OPEN_HEDGES, SEASONS, WEEKDAYS, date_value, is_told,
                              is_fraction_or_idiom)
from .normalize.dates import ORDINAL_WORDS as DAY_ORDINALS
from .normalize.numbers import HEDGES as NUMBER_HEDGES
from .normalize.numbers import (ALTERNATIVE, DOZENS, ORDINAL_ENDS, SCALES, SCIENTIFIC, SIGNS, SPACED_GROUPS,
                                SUFFIX_HEDGES, UNIT_ORDINALS, VULGAR_FRACTIONS, ZEROS, denominator, hyphen_joins,
                                number_value, read_figure)
from .normalize.numbers import words as number_words

Family = Literal["number", "date"]

ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth", "twentieth", "hundredth", "thousandth", "millionth", "last"]
SIGN_WORDS = sorted(SIGNS - {"-"})
_FIGURE = r"\d+(?:[.,]\d+)*(?:k|m|mn|mln|mil|bn|bln|b|t|tn|tln)?"  # t: $2.174T
# a figure with its unit glued on ("200lbs", "75ml", "24703m2"; not "22nd", "6pm", "3x2", nor one letter: "13F"), a vulgar
# fraction ("2½"), the first end of a range whose unit follows the second ("8- to 16-meter")
_DIGITS = r"\d+(?:[.,]\d+)*"
_WITH_UNIT = re.compile(rf"^[-+−]?{_DIGITS}(?!(?:st|nd|rd|th|am|pm)\.?$)(?:[a-zµ°]{{2,5}}(?:\^?[23²³])?|m\^?[23²³])\.?$",
                        re.I)
_UNIT_GLUED = re.compile(rf"^[-+−]?{_DIGITS}(?P<unit>[^\d\s.,±].*?)\.?$")  # the "km" of "10km", "km/h" of "10km/h"
# and a sign written as a minus (−5), a power of ten (5.5x10-3, 2.48×10−5), a margin (2,000.45±0.01)
_GLUED = re.compile(rf"{_WITH_UNIT.pattern}|^{_DIGITS}-$|^\d*[{VULGAR_FRACTIONS}]$|^[-+−]{_DIGITS}$|"
                    rf"^{_DIGITS}[x×]10(?:[-−+]\d+)?$|^{_DIGITS}±{_DIGITS}$|"
                    rf"^[-+−]?{_DIGITS}\^[-+]*\d+$", re.I)  # and a power (1.1^+23)
_SUFFIXED = re.compile(rf"^{_FIGURE}(?:[-–~]{_FIGURE})?\.?$")  # 700k, 5bn, 5k-20k, "10M." ending a sentence
SCALE_WORDS = ["hundred", "thousand", "million", "billion", "trillion", "m", "mn", "mln", "mil", "bn", "bln", "b", "k",
               "tn", "tln", "lakh", "lakhs", "crore", "crores"]
RUN_WORDS = set(SCALE_WORDS) | ZEROS | DOZENS | {"and", "a", "an", "point", "half", "-", "^", "of", "x", "×", "±"}
VAGUE_WORDS = ["dozens", "hundreds", "thousands", "millions", "billions", "tens", "scores"]
PERCENT_WORDS = ["%", "percent", "percents", "pct", "percentage"]
DATE_HEDGES = ["since", "by", "until", "till", "before", "after", "from", "as of", "no later than", "prior to",
               "starting", "early", "late", "mid", "later in", "earlier in", "between", "later than", "earlier than",
               "sooner than", "as early as", "as late as", "starting from", "starting on", "beginning", "beginning on",
               "on or before", "on or after", *OPEN_HEDGES, *CLOSE_HEDGES]
# before the 31st day of the month, before the end of the year; not "from the last week"
THE_HEDGES = [f"{hedge} the" for hedge in DATE_HEDGES
              if hedge not in ("from", "starting", "beginning", "early", "late", "mid", "between")]
PARTS_NAMED_WITH_THE = {"end", "beginning", "start", "middle", "rest", "remainder", "day", "week", "weekend", "month",
                        "year"}
UNITS_BEFORE = {"magnitude"}  # units written before their figure: "a magnitude 7.8 quake"
WEIGHT_WORDS = {"weigh", "weight", "heavy", "heavier", "lighter"}  # where "pounds" weigh rather than pay
MASS_UNITS = {"milligram", "gram", "kilogram", "microgram", "tonne", "ton", "ounce"}  # a pound beside these weighs
# where a figure glued to a scale's letter ("44C", "111F") is a temperature rather than a seat or a flat ("26F")
HEAT_WORDS = {"temperature", "degree", "heat", "heatwave", "hot", "warm", "cold", "cool", "chill", "frost", "freeze",
              "freezing", "thermometer", "thermostat", "high", "low", "weather", "forecast"}
TEMPERATURE_LETTERS = {"C": "degree Celsius", "F": "degree Fahrenheit"}
_SCALE_GLUED = re.compile(rf"^[-+−]?{_DIGITS}(?P<scale>[CF])\.?$")  # "46.8C." ending a sentence
_TOLERANCES = Tolerances()  # only to tell whether two bounds close an interval, which no tolerance changes
DAY_HALVES = {"am", "pm", "a.m.", "p.m.", "a.m", "p.m", "o'clock"}  # after an hour: 6 pm, 6.30 a.m.
CLOCK_WORDS = DAY_HALVES | {"gmt", "utc", "hrs"}  # after four digits: 1600 hrs
TIME_UNITS = {"second", "minute", "hour", "day", "week", "month", "year", "decade", "century"}
_TIME_OF_DAY = re.compile(r"^\d{1,2}(?:[.:]\d\d)?$")
RANGE_JOINERS = ("to", "-", "–", "—")
CLAUSE_ENDS = (".", ",", "!", "?", ";", ":")
DATE_RANGE_JOINERS = RANGE_JOINERS + ("through", "until", "till", "thru", "to the", "until the", "through the",
                                      "till the")  # from 26th of June to the 28th of June
NUMBER_RANGE_JOINERS = RANGE_JOINERS + ("through", "~")
_ALTERNATIVE = re.compile(ALTERNATIVE)
RATIO_JOINERS = ("over", "out of", "in")
MONTH_ABBREVIATIONS = "jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec"
MONTH_NAMES = "january|february|march|april|may|june|july|august|september|october|november|december"
ONES = ["one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
# Every date pattern holds a figure or one of these words; the date Matcher runs only near them.
DATE_ANCHORS = frozenset(MONTHS) | frozenset(WEEKDAYS) | frozenset(DAY_ORDINALS) | frozenset(ONES) | frozenset(SEASONS) \
    | {"mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "day", "days", "week", "weeks",
       "weekend", "month", "months", "year", "years", "quarter", "today", "tomorrow", "yesterday", "ten", "eleven",
       "twelve", "twenty", "thirty", "thousand"}
IDENTIFIER_MARKERS = {"no", "no.", "nos", "number", "#", "nr", "ref", "id", "code", "flight", "route", "room",
                      "fiscal", "fy"}
NAME_ENTITIES = {"FAC", "PRODUCT", "LAW", "WORK_OF_ART", "EVENT"}

_LONG_DIGITS = re.compile(r"^(?![1-9]\d{0,2}0{4,}$)\d{7,}$|^0\d+$")  # but round figures count: 3000000
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.I)
_DECADE = re.compile(r"^\d{3}0s$")  # "the 1920s"
_YEAR = re.compile(r"(?:1[89]|2[01])\d\d")  # a year as news writes one
# letters and digits mixed, as in ids: not "22nd", "700k", "5km", "1e10"
_MIXED = re.compile(rf"^(?!\d+[a-z]{{1,3}}$|{SCIENTIFIC}$)(?=.*\d)(?=.*[a-z])[a-z0-9]{{3,}}$", re.I)
_SCIENTIFIC = re.compile(rf"^[-+]?{SCIENTIFIC}$", re.I)
_PHONE = re.compile(r"(?<![\d,.])(?:\+\d{1,3}[ .\-]\(?\d{1,4}\)?|(?:\+?\d{1,3}[ .\-])?\(?\d{2,4}\)?)"
                    r"(?:[ .\-/]\d{2,4}){2,3}(?!\d|,\d)")  # after a country's code an area's may have one digit
_CALENDAR_WORD = re.compile(r"^(?:(?:1[5-9]|20|21)\d\d|\d{2,4}s|'\d0s|\d{1,2}[/.-]\d{1,2}(?:[/.-]\d{2,4})?|"
                            r"\d{4}[/-]\d{1,2}(?:[/-]\d{1,2})?|(?:1[5-9]|20|21)\d\d[–—](?:\d\d){1,2}|"
                            r"days?|weeks?|weekends?|months?|years?|decades?|"
                            r"centur(?:y|ies)|quarters?|half|q[1-4]|h[12]|fy\d*|today|tonight|yesterday|tomorrow|"
                            r"spring|summer|autumn|fall|winter|christmas|easter|eve|holidays?|\d+(?:st|nd|rd|th))$")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]\s*$")
LIST_MARKS = ("-", "*", "•", "–", "—", "·")
# "1 000" written with a no-break, narrow no-break, thin or figure space is one figure
DIGIT_GROUP_SPACES = {"\u00a0", "\u202f", "\u2009", "\u2007"}
_SPACED_GROUP_END = re.compile(r"(?:^|[^\d.,])\d{1,3}(?: \d{3})*$")  # "40" of "40 000", not "2019" nor "1.5"
_GROUP_SPACE = re.compile(r"(?<=\d)[\u00a0\u202f\u2009\u2007](?=\d{3}(?!\d))")


@dataclass(frozen=True)
class Mention:
    """A span that states a number or a date, before it is normalised."""

    span: Span
    family: Family
    kind: str  # number: count, money, percent, quantity (a measurement), number; date: date
    unit: str | None = None  # currency code, "%", a unit of measure's canonical name, or None
    tense: Literal["past", "future"] | None = None
    written_unit: str | None = None  # a quantity's unit as written ("km", "square miles"), which is no figure

    @property
    def text(self) -> str:
        return self.span.text


OF_A_POINT = (["of", "a", "percentage", "point"], ["of", "a", "point"], ["a", "percentage", "point"])


def _of_a_point(figure: Span) -> int | None:
    """Where a fraction's "of a percentage point" ends ("a quarter of a percentage point", "three-quarters of a
    point", "half a percentage point"): the size of a change in a rate; None if none follows."""
    doc, end = figure.doc, figure.end
    if not any(denominator(t.lower_) is not None for t in figure):
        return None
    for words in OF_A_POINT:
        if [t.lower_ for t in doc[end:end + len(words)]] == words:
            return end + len(words)
    return None


def _of_a_point_hyphened(span: Span) -> bool:
    """ "a three-quarter-point rise": the fraction of a point a hyphen joins to "point", no quarter of a year."""
    doc, end = span.doc, span.end
    return _glued_hyphen(doc, end) and doc[end + 1].lower_ == "point"


def _in_points(span: Span) -> bool:
    """Whether a span ends in "percentage" followed by "point(s)", or in "point(s)" itself: a change in a rate told in
    percentage points, not a percentage."""
    doc, end = span.doc, span.end
    return span[-1].lower_ in ("point", "points") or (
        span[-1].lower_ == "percentage" and end < len(doc) and doc[end].lower_ in ("point", "points"))


SIZE_WORDS = {"tall", "high", "long", "wide", "deep", "thick", "across"}  # what a measure of length tells


def _metres_of_a_size(figure: Token) -> tuple[str, str, int] | None:
    """An "m" glued to a figure or after it that a word of size follows is metres ("300m tall", "a 300m-long bridge",
    "2 m wide"), not the million it is elsewhere in the news ("paid 30m"): (unit, written form, index after it)."""
    doc = figure.doc
    glued = _UNIT_GLUED.match(figure.text)
    if glued is not None and glued.group("unit") == "m":
        after = figure.i + 1
    elif figure.text[:1].isdigit() and figure.i + 1 < len(doc) and doc[figure.i + 1].text == "m":
        after = figure.i + 2
    else:
        return None
    size = after + int(_glued_hyphen(doc, after))
    return ("metre", "m", after) if size < len(doc) and doc[size].lower_ in SIZE_WORDS else None


def _temperature_scale(token: Token) -> str | None:
    """The scale a figure glued to one letter is told in ("44C", "111F"): only where its sentence speaks of heat or
    cold, or gives a figure glued to the other scale's letter ("41C (106F)"); a seat or a flat ("26F") has none."""
    glued = _SCALE_GLUED.match(token.text)
    if glued is None:
        return None
    letters = {m.group("scale") for t in token.sent if (m := _SCALE_GLUED.match(t.text))}
    if len(letters) > 1 or any(t.lemma_.lower() in HEAT_WORDS for t in token.sent):
        return TEMPERATURE_LETTERS[glued.group("scale")]
    return None


def _fraction_point_patterns() -> list[list[dict]]:
    """ "a quarter-point cut", "a half-point move": a fraction of a percentage point, written as one word."""
    fraction = {"LOWER": {"REGEX": r"^(?:half|quarter|third|(?:one|two|three)-?(?:quarter|third)s?)$"}}
    count, part = {"LOWER": {"IN": ["one", "two", "three"]}}, {"LOWER": {"REGEX": r"^(?:quarter|third)s?$"}}
    hyphen, point = {"TEXT": "-"}, {"LOWER": "point"}
    return [[fraction, hyphen, point], [fraction, {"LOWER": "-point"}], [count, hyphen, part, hyphen, point]]


def _vague_patterns() -> list[list[dict]]:
    """ "dozens", "hundreds", "tens of thousands": counts with no figure."""
    vague = {"LOWER": {"IN": VAGUE_WORDS}, "POS": {"NOT_IN": ["VERB", "AUX"]}}
    return [[vague], [vague, {"LOWER": "of"}, vague]]


def _in_run(token: Token) -> bool:
    """Whether a token can be part of a written figure: digits, number words, scale and fraction words."""
    lower = token.lower_
    if token.is_space:
        return "\n" not in token.text  # "fifty   two": extra spaces inside a figure
    return ((token.like_num and lower not in ORDINAL_WORDS) or lower in RUN_WORDS
            or bool(_SUFFIXED.match(lower) or _SCIENTIFIC.match(lower) or _GLUED.match(lower))
            or _temperature_scale(token) is not None
            or denominator(lower) is not None
            or lower.removesuffix("s") in UNIT_ORDINALS)  # the end of "one twenty-first", "three thirty-seconds"


def _runs(doc: Doc) -> list[Span]:
    """Maximal stretches of figure-like tokens; a run may hold several figures ("20 - 30")."""
    runs, start = [], None
    for token in doc:
        if _in_run(token):
            start = token.i if start is None else start
        elif start is not None:
            runs.append(doc[start:token.i])
            start = None
    if start is not None:
        runs.append(doc[start:])
    return runs


def _figures(run: Span) -> list[Span]:
    """The figures in a run, each as long as the number grammar reads it ("two hundred and six")."""
    words, owner = [], []
    for token in run:
        glued = token.text == "-" and run.start < token.i < run.end - 1 and _joined_by_hyphen(run.doc, token.i)
        for word in ([] if glued else number_words(token.text)):
            words.append(word)
            owner.append(token.i)
    figures, i = [], 0
    while i < len(words):
        figure = read_figure(words[i:])
        if figure is None:
            i += 1
            continue
        span = run.doc[owner[i]:owner[i + figure.used - 1] + 1]
        if figures and figures[-1].end > span.start:  # two figures in one token: "5k-20k"
            span = run.doc[figures.pop().start:span.end]
        figures.append(span)
        i += figure.used
    return figures


def _joined_by_hyphen(doc: Doc, i: int) -> bool:
    """ "twenty-five", "$5-million", and "fifty - two" as tokenised text writes it: a hyphen inside a figure."""
    before, after = doc[i - 1], doc[i + 1]
    glued = not before.whitespace_ and not doc[i].whitespace_ and (before.is_alpha or after.lower_ in SCALE_WORDS)
    return glued or hyphen_joins(before.text, after.text)


def _date_patterns() -> list[list[dict]]:
    names = [m for m in MONTHS if len(m) > 3] + ["sept"]
    # capitalised, or any case where the name is no common word ("march", "may" are)
    months = [{"LOWER": {"IN": names}, "IS_TITLE": True}, {"LOWER": {"IN": [m for m in names if m != "march"]}}]
    # a month alone in lower case ("from april"), where the name is no word ("an august body", "a sept")
    lower_month = {"LOWER": {"IN": [m for m in names if m not in ("march", "august", "sept")]}}
    day = {"TEXT": {"REGEX": r"^\d{1,2}(?:st|nd|rd|th)?$"}}
    old_year = {"TEXT": {"REGEX": r"^1\d{3}$"}}
    two_digits = {"TEXT": {"REGEX": r"^'?\d\d$"}}
    year = {"TEXT": {"REGEX": r"^(?:1[89]|2[01])\d\d$"}}
    weekday = {"LOWER": {"IN": list(WEEKDAYS)}, "IS_TITLE": True}
    any_weekday = {"LOWER": {"IN": list(WEEKDAYS)}}
    day_name = {"LOWER": {"REGEX": r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?:day|nesday|rsday|urday)?\.?$"}}
    rel = {"LOWER": {"IN": ["next", "last", "this", "coming", "past", "previous", "upcoming"]}}
    unit = {"LOWER": {"IN": ["year", "month", "week", "weekend", "quarter"]}}
    units = {"LOWER": {"IN": ["day", "days", "week", "weeks", "month", "months", "year", "years"]}}
    count = {"LOWER": {"REGEX": r"^(?:\d{1,3}|a|an|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)$"}}
    season = {"LOWER": {"IN": list(SEASONS)}}
    numeric = {"TEXT": {"REGEX": rf"^\d{{1,2}}/\d{{1,2}}(?:/\d{{2,4}})?$|^\d{{4}}([-/])\d{{1,2}}\1\d{{1,2}}$|^\d{{1,2}}/\d{{4}}$|"
                                 rf"^\d{{1,2}}-\d{{1,2}}-(?:\d\d|\d{{4}})$|^\d{{4}}/\d{{1,2}}$|"
                                 rf"^(?i:{MONTH_ABBREVIATIONS})[/-]\d{{1,4}}(?:[/-]\d{{2,4}})?$|"
                                 rf"^\d{{4}}[/-](?i:{MONTH_ABBREVIATIONS})[/-]\d{{1,2}}$|"
                                 rf"^\d{{1,2}}/\d{{1,2}},(?:\d\d|\d{{4}})$|^\d{{1,2}}\.\d{{1,2}}\.\d{{4}}$|^\d{{4}}\.\d{{1,2}}\.\d{{1,2}}$|"
                                 rf"^(?:19|20)\d\d(?:0[1-9]|1[0-2])(?:0[1-9]|[12]\d|3[01])$|"
                                 rf"^(?:19|20)\d\d(?i:h[12]|q[1-4])$"}}
    dash = {"LOWER": {"IN": ["to", "-", "–", "and", "through", "till", "until"]}}
    comma = {"TEXT": ",", "OP": "?"}
    optional_year = {**year, "OP": "?"}
    short = {"LOWER": {"REGEX": rf"^(?:{MONTH_ABBREVIATIONS})\.?$"}, "IS_TITLE": True}  # Feb 29, Oct. 2
    of = {"LOWER": "of", "OP": "?"}
    the = {"LOWER": "the", "OP": "?"}
    week = {"LOWER": "week"}
    part = {"LOWER": {"REGEX": r"^(?:q[1-4]|h[12])$"}}
    around = {"LOWER": {"IN": ["today", "tomorrow", "yesterday"]}}
    of_in = {"LOWER": {"IN": ["of", "in"]}}
    between = {"LOWER": "between"}
    lower_short = {"TEXT": {"REGEX": r"^(?:jan|feb|apr|jun|jul|aug|sept?|oct|nov|dec)$"}}  # not "may", "mar"
    week_of = {"LOWER": {"IN": ["of", "beginning", "starting", "commencing"]}}
    nth = {"LOWER": {"IN": ["first", "second", "third", "fourth", "fifth", "last", "1st", "2nd", "3rd", "4th", "5th"]}}
    nth_unit = {"LOWER": {"IN": list(WEEKDAYS) + ["week"]}}
    digits = {"TEXT": {"REGEX": r"^\d{1,2}$"}}
    sep = {"TEXT": {"IN": ["-", "/"]}}
    glued = {"TEXT": {"REGEX": rf"^(?i:{MONTH_NAMES}|{MONTH_ABBREVIATIONS})\.?\d{{1,2}}(?:st|nd|rd|th)?$"}}

    tens = {"LOWER": {"IN": ["twenty", "thirty"]}, "OP": "?"}
    hyphen = {"TEXT": "-", "OP": "?"}
    day_word = {"LOWER": {"IN": list(DAY_ORDINALS) + ["thirtieth"]}}

    now = {"LOWER": {"IN": ["now", "today"]}}
    year_prep = {"LOWER": {"IN": ["in", "since", "by", "until", "from", "before", "after", "during", "of"]}}

    def by_month(month: dict) -> list[list[dict]]:
        return [[month, day, comma, year], [day, of, month, comma, year], [month, year], [month, day], [day, of, month],
                [month, {"LOWER": "of"}, year],  # June of 1992
                [weekday, comma, month, day, comma, optional_year],  # Saturday, August 10; Thursday November 10
                [weekday, comma, day, of, month, comma, optional_year],  # Saturday, 10 August; Saturday 6 July
                [day, of, month, comma, old_year], [month, day, comma, old_year],  # 5 December 1391
                [day, of, month, {"LOWER": "of"}, two_digits], [month, {"TEXT": {"REGEX": r"^'\d\d$"}}],  # of 87, '99
                [day, {"TEXT": "."}, month, year],  # 16. November 2016
                [month, {"LOWER": {"IN": ["twenty", "thirty"]}}, hyphen, {"LOWER": {"IN": ONES}}],  # June twenty-three
                [month, between, digits, {"LOWER": {"IN": ["and", "-"]}}, digits],  # November between 19 and 20
                [month, the, day, comma, optional_year],  # June the 28th 2020
                [day, {"LOWER": {"IN": ["to", "-", "–", "through", "till", "until"]}}, month, day],  # from 02 to April 07
                [month, day, of_in, year], [day, of, month, of_in, year],  # July 4th of 1995, 28 June in 2020
                [{"LOWER": "month"}, {"LOWER": "of"}, month],
                [tens, hyphen, day_word, of, month], [month, the, tens, hyphen, day_word],  # the second of August
                [between, now, {"LOWER": "and"}, month, day], [between, month, day, {"LOWER": "and"}, now],
                [year_prep, year, month],  # in 2017 April
                [week, week_of, month, day], [week, week_of, day, of, month],  # the week of April 10
                [week, week_of, {"LOWER": "on"}, month, day], [week, week_of, {"LOWER": "on"}, day, of, month],
                [nth, nth_unit, of_in, the, month],  # the first Friday of July, the last week of July
                [nth, week, of_in, the, month, {"LOWER": "on", "OP": "?"}, any_weekday],
                [day, dash, day, of, month, comma, optional_year],  # 3 to 12 of September
                [between, day, {"LOWER": "and"}, day, of, month, comma, optional_year],
                [month, day, dash, day, comma, optional_year],  # November 18-19
                [month, day, dash, month, day, comma, optional_year],  # september 4th through september 8th
                [month, rel, unit], [rel, month], [year, {"TEXT": {"IN": [",", "/", "-"]}, "OP": "?"}, month],
                [rel, month, day], [rel, day, of, month]]  # last Oct. 23, next 14 January

    return [pattern for month in months for pattern in by_month(month)] + _spelled_year_patterns(
        season, nth, short, day, dash, between, digits) + [
        [short, day, comma, optional_year], [day, of, short, comma, optional_year], [short, comma, year],
        [weekday, comma, short, day, comma, optional_year], [weekday, comma, day, of, short, comma, optional_year],
        [short, day, dash, day, comma, optional_year],  # Friday, Aug. 2; Aug. 8 and 9
        [short, {"TEXT": {"IN": ["-", "–"]}}, short, {**day, "OP": "?"}, comma, year],  # Jan-Feb 2017, Nov-Feb 5th, 2017
        [day, {"TEXT": "."}, short, year],  # 16. Nov. 2016
        [short, {"LOWER": {"IN": ["twenty", "thirty"]}}, hyphen, {"LOWER": {"IN": ONES}}],  # May twenty-nine
        [weekday, comma, the, day], [any_weekday, of, the, rel, week],  # monday of next week
        [{"LOWER": {"IN": list(WEEKDAYS)}}, comma, {"LOWER": "the"}, tens, hyphen, day_word],  # Tuesday the eleventh
        [tens, hyphen, day_word, of, short],
        [tens, hyphen, day_word, {"LOWER": "of"}, {"LOWER": {"IN": ["march", "may"]}}],  # fourth of may
        [day, {"LOWER": "of"}, {"LOWER": {"IN": ["march", "may"]}}], [tens, hyphen, day_word, {"LOWER": "of"}, lower_short],
        [{"LOWER": {"IN": ["march", "may"]}}, {"LOWER": "the"}, tens, hyphen, day_word],  # may the eleventh
        [{"LOWER": "w"}, {"TEXT": "/"}, {"LOWER": "c"}, {"LOWER": {"IN": list(MONTHS)}}, day],  # w/c Feb 4
        [{"LOWER": {"IN": ["end", "beginning", "start", "middle"]}}, {"LOWER": "of"},
         {"LOWER": {"IN": ["the", "this", "next", "last"]}}, {"LOWER": {"IN": ["week", "month", "year"]}}],  # end of the week
        [{"LOWER": {"IN": ["twenty", "thirty"]}, "OP": "?"}, hyphen, {"LOWER": {"IN": list(DAY_ORDINALS) + ["thirtieth"]}},
         {"LOWER": "day", "OP": "?"}, of, {"LOWER": {"IN": ["this", "next", "last", "the"]}}, {"LOWER": "month"}],
        [day, {"LOWER": "day", "OP": "?"}, of, {"LOWER": {"IN": ["this", "next", "last", "the"]}},
         {"LOWER": "month"}],  # the twenty-sixth day of the month, the 15th of next month
        [{"LOWER": "on"}, {"LOWER": {"REGEX": r"^(?:mon|tues?|wed|thu|thur|thurs|fri)\.?$"}},
         {**day, "OP": "?"}],  # on Tues., on Mon 13th
        [rel, count, units],  # the previous 3 weeks
        [between, now, {"LOWER": "and"}, around], [now, {"LOWER": {"IN": ["to", "till", "until"]}}, around],
        [between, short, day, {"LOWER": "and"}, now],  # between Jan 22 and now
        [rel, week, {"LOWER": {"IN": ["on", "-", ","]}, "OP": "?"}, weekday],  # previous week - Monday
        [rel, week, {"LOWER": {"IN": ["between", "from"]}}, day_name, {"LOWER": {"IN": ["and", "to", "until", "through"]}},
         day_name],  # next week between Wednesday and Friday, this week from Tue to Thur
        [rel, week, {"LOWER": "on", "OP": "?"}, {"LOWER": {"REGEX": r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri)\.?$"},
                                                 "IS_TITLE": True}],  # next week Mon
        [year, {"TEXT": {"IN": ["-", "/"]}, "OP": "?"}, part], [part, {"TEXT": {"IN": ["-", "/"]}, "OP": "?"}, year],
        [{**count, "OP": "?"}, units, {"LOWER": {"IN": ["after", "before", "from"]}}, around],  # two days after today
        [months[0]], [lower_month], [weekday], [rel, unit], [rel, weekday], [numeric],
        [{"LOWER": "that"}, weekday],  # that Friday: of the days told before, else as written alone
        [{"LOWER": {"IN": [w for w in nth["LOWER"]["IN"] if w != "last"]}}, any_weekday],  # the second Sunday
        [digits, sep, digits, sep, {"TEXT": {"REGEX": r"^(?:\d\d|\d{4})$"}}],  # 3-7-2017, as spaCy splits it
        [{**year_prep, "OP": "?"}, year, {"TEXT": {"REGEX": r"^[-/]\d{1,2}$"}}],  # (in) 2016 -11
        [{**year_prep, "OP": "?"}, {"TEXT": {"REGEX": r"^\d{4}[-/]$"}}, digits],  # (in) 2016/ 11
        [digits, {"TEXT": {"REGEX": r"^[-/]\d{4}$"}}], [{"TEXT": {"REGEX": r"^\d{1,2}[-/]$"}}, year],  # 11 -2016, 11- 2016
        [digits, sep, {"TEXT": {"REGEX": rf"^(?i:{MONTH_ABBREVIATIONS})[-/]\d{{4}}$"}}],  # 05-Aug-2016, 23/Sep/2020
        [year, sep, {"TEXT": {"REGEX": rf"^(?i:{MONTH_ABBREVIATIONS})[-/]\d{{1,2}}$"}}],  # 2020/Sep/23, 2019-aug-01
        [{"TEXT": {"REGEX": rf"^(?i:{MONTH_NAMES})-\d{{4}}$"}}, {"TEXT": "-"}, digits],  # September-2020-23
        [glued, comma, optional_year], [{"LOWER": "week"}, week_of, glued],  # Dec31, 1994; Sept.16; week of Sept.16th
        [digits, {"TEXT": "-"}, lower_short],  # 1-jan
        [{"TEXT": {"REGEX": r"^\d{1,2}/\d{1,2}$"}}, {"LOWER": {"IN": ["-", "–", "to"]}}, {"TEXT": {"REGEX": r"^\d{1,2}/\d{1,2}$"}},
         comma, year],  # 5/1-5/7, 2020
        [{"LOWER": "the", "OP": "?"}, {"LOWER": {"IN": ["week", "month", "year"]}}, {"LOWER": "after"},
         {"LOWER": "next"}],  # the week after next
        [lower_short, day, comma, optional_year],  # feb 30
        [year, sep, digits], [digits, sep, year],  # 2016-11, 11 / 2016
        [nth, nth_unit, of_in, the, short], [nth, nth_unit, of_in, the, rel, unit], [nth, nth_unit, of_in, year],
        [nth, week, of_in, the, short, {"TEXT": ".", "OP": "?"}, {"LOWER": "on", "OP": "?"}, any_weekday],
        [day, dash, day, of, rel, unit], [between, day, {"LOWER": "and"}, day, of, rel, unit],  # 4 to 22 this month
        [{"LOWER": "from", "OP": "?"}, digits, {"TEXT": "-"}, digits, of_in, rel, unit],  # from 4-23 in next month
        [rel, short], [{"LOWER": "month"}, {"LOWER": "of"}, short],  # this Jan, the month of Jan
        [{"LOWER": {"IN": ["in", "during", "since", "until", "by", "after", "before"]}},
         {"TEXT": {"REGEX": r"^(?:Jan|Feb|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\.?$"}}, optional_year],  # in Jan (not Mar)
        [year, {"TEXT": {"IN": [",", "/", "-"]}, "OP": "?"}, lower_short],  # 2016, nov
        [{"LOWER": {"IN": ["rest", "remainder", "remaining"]}}, of,
         {"LOWER": {"IN": ["the", "this", "my", "current"]}, "OP": "?"},
         {"LOWER": {"IN": ["week", "month", "year"]}}],  # the rest of the year
        [{"LOWER": {"REGEX": "^q[1-4]$"}}], [part, of, rel, unit],  # Q3, Q3 this year
        [count, units, {"LOWER": "from"}, {"LOWER": "now"}],  # two weeks from now
        [{"LOWER": "year"}, {"LOWER": "to"}, {"LOWER": "date"}], [rel, {"LOWER": "calendar"}, {"LOWER": "year"}],
        [year_prep, year], [year_prep, year, part], [year_prep, year, {"TEXT": {"IN": ["-", "/"]}}, part],  # in 2016 H2
        [rel, season], [season, year], [season, {"LOWER": "of"}, year],
        [count, units, {"LOWER": {"IN": ["ago", "later", "earlier", "hence"]}}],  # two weeks ago
        [{"LOWER": "in"}, count, units],  # in two weeks
        [{"LOWER": {"IN": ["later", "earlier", "sooner", "greater"]}}, {"LOWER": "than"}, year],
    ]


def _spelled_year_patterns(season: dict, nth: dict, short: dict, day: dict, dash: dict, between: dict,
                           digits: dict) -> list[list[dict]]:
    """Years in words where a year is expected: "in nineteen ninety six", "the spring of nineteen seventy eight",
    "the first quarter of two thousand and twenty", "from 2 to 7 Feb, two thousand and eighteen"."""
    tens = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
    teens = ["ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
    ones = {"LOWER": {"IN": ONES}, "OP": "?"}
    spelled = [[{"LOWER": "two"}, {"LOWER": "thousand"}, {"LOWER": "and", "OP": "?"},
                {"LOWER": {"IN": ONES + teens + tens}}, ones],  # two thousand and twenty seven
               [{"LOWER": {"IN": teens[1:] + ["twenty"]}}, {"LOWER": {"IN": tens}}, ones]]  # nineteen ninety six
    prep = {"LOWER": {"IN": ["in", "since", "by", "until", "during", "before", "after"]}}
    comma = {"TEXT": ",", "OP": "?"}
    of = {"LOWER": "of"}
    the = {"LOWER": "the", "OP": "?"}
    return [pattern for year in spelled for pattern in (
        [prep, *year], [short, comma, *year], [season, of, *year],
        [nth, {"LOWER": {"IN": ["week", "quarter", "half"]}}, of, *year],
        [day, dash, day, the, short, comma, *year], [between, day, {"LOWER": "and"}, day, short, comma, *year],
        [short, between, digits, {"TEXT": "-"}, digits, *year])]


def _day_alone_patterns() -> list[list[dict]]:
    """A day of the month named alone after a preposition: "on the 4th", "for the twenty-second", "until the 27"
    (and a year, month and day written apart: "2016 10 16,"), and a season: "over the summer"; kept only where
    no noun follows ("on the 3rd floor", "for the 4th Infantry Division", "the summer camp" are no dates)."""
    the = {"LOWER": "the"}
    prep = {"LOWER": {"IN": ["on", "by", "until", "till", "since"]}}
    tens = {"LOWER": {"IN": ["twenty", "thirty"]}}
    hyphen = {"TEXT": "-", "OP": "?"}
    day_word = {"LOWER": {"IN": list(DAY_ORDINALS)}}
    unit_word = {"LOWER": {"IN": [w for w, n in DAY_ORDINALS.items() if n < 10]}}
    ordinal_prep = {"LOWER": {"IN": ["on", "by", "until", "till", "since", "for", "before", "after"]}}
    bare_day = {"TEXT": {"REGEX": r"^(?:0?[1-9]|[12]\d|3[01])$"}}
    clause_end = {"TEXT": {"IN": list(CLAUSE_ENDS)}}
    return [[ordinal_prep, the, {"TEXT": {"REGEX": r"^(?:[1-9]|[12]\d|3[01])(?:st|nd|rd|th)$"}}],
            [ordinal_prep, the, tens, hyphen, unit_word], [prep, the, day_word], [prep, the, bare_day],
            # booked for the second, set for the 27 (at a clause's end: "for the second time", "for the 27-member
            # board" are no days)
            [{"LOWER": "for"}, the, day_word], [{"LOWER": "for"}, the, bare_day],
            [the, {"LOWER": {"IN": [s for s in SEASONS if s != "fall"]}}],  # not "the fall" (of a city)
            [{"TEXT": {"REGEX": r"^(?:19|20)\d\d$"}}, {"TEXT": {"REGEX": r"^(?:0?[1-9]|1[0-2])$"}}, bare_day,
             clause_end]]  # On 2016 10 16, the conference started.


def _takes_the(span: Span) -> bool:
    """Whether a "the" before the span belongs to the date ("before the 26th", "before the end of the year",
    "since the 1920s"), not to a noun phrase the date qualifies ("before the December deadline", "after the 2016
    election")."""
    first = span[0]
    names_a_day = bool(_ORDINAL.match(first.text)) or (first.is_alpha and first.like_num) \
        or first.lower_ in DAY_ORDINALS or first.lower_ in PARTS_NAMED_WITH_THE or bool(_DECADE.match(first.text))
    return names_a_day and _ends_a_phrase(span)


def _ends_in_number_word(span: Span) -> bool:
    """ "in two thousand and twenty" is a year unless a noun follows ("in two thousand and twenty cases")."""
    return span[-1].is_alpha and span[-1].like_num


def _counted_from_an_event(span: Span) -> bool:
    """ "the first Monday after the vote" counts from an event, not from the calendar: no date here."""
    after = token_after(span)
    first = span[1] if span[0].lower_ == "the" and len(span) > 1 else span[0]
    return first.lower_ in ORDINAL_WORDS[:5] and after is not None and after.lower_ in ("after", "before", "following")


def _ends_a_clause(span: Span) -> bool:
    """Punctuation that closes a clause, a line break or the end of the text follows: "booked for the second."."""
    after = token_after(span)
    return after is None or after.text in CLAUSE_ENDS or "\n" in after.text


def _names_a_kind(span: Span) -> bool:
    """A season that qualifies a noun names a kind, not a time: "summer camp", "the Winter Olympics", "the
    autumn statement" ("the summer of 2016" and "summer 2016" are times)."""
    word = span[-1]
    return len(span) == 1 and word.lower_ in SEASONS and word.dep_ in ("compound", "amod", "nmod") \
        and word.head.i > word.i and word.head.pos_ in ("NOUN", "PROPN")


def _names_an_event(span: Span) -> bool:
    """A year that a proper name takes right before it names an event, not a time: "Paris 2024", "London
    2012", "Euro 2024" ("March 2024" is a month, read whole)."""
    word, before = span[0], span.doc[span.start - 1] if span.start else None
    return len(span) == 1 and before is not None and _YEAR.fullmatch(word.text) is not None \
        and word.head.i == before.i and before.pos_ == "PROPN" \
        and before.lower_.rstrip(".") not in MONTHS and before.lower_ not in WEEKDAYS


def _priced(span: Span) -> bool:
    """A figure after a currency sign is a sum, not a day: "$12" in "bought it for $12 December 27"."""
    return span.start > 0 and span[0].like_num and span.doc[span.start - 1].is_currency


def _ends_a_phrase(span: Span) -> bool:
    """Nothing that a day number would count or name follows: the sentence ends, or a word that is no noun
    (nor "of", which names the month: "on the fourth of May" is read whole)."""
    after = token_after(span)
    return after is None or after.is_punct or (after.pos_ not in ("NOUN", "PROPN", "ADJ", "NUM")
                                               and after.lower_ != "of")


class Extractor:
    """Finds number and date mentions in a Doc. Build once per pipeline; call per Doc."""

    def __init__(self, nlp: Language, config: Config):
        self.saying = config.statement_verbs
        # words that look ahead: the few of grammar, and the lexicon's plan words ("forecast", "pledged")
        self.ahead = FUTURE_WORDS | inflected(w for w in config.lexicon["time"]["plan"] if " " not in w)
        self.moving = moving_verbs(config.lexicon["time"])
        self.currency = config.lexicon["currencies"]
        self.units: dict[str, str] = config.lexicon["units"]
        self.vague = Matcher(nlp.vocab)
        self.vague.add("VAGUE", _vague_patterns())
        self.vague.add("POINT", _fraction_point_patterns())
        self.dates = Matcher(nlp.vocab)
        dates, days = _date_patterns(), _day_alone_patterns()
        self.dates.add("DATE", dates, greedy="LONGEST")
        self.dates.add("DAY", days, greedy="LONGEST")
        self.day_alone = nlp.vocab.strings["DAY"]
        self.date_reach = max(map(len, dates + days)) - 1  # a match lies this near each of its anchors
        self.holidays = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.holidays.add("HOLIDAY", [nlp.make_doc(name) for name in _holiday_names()])

    def __call__(self, doc: Doc, furniture: Iterable[tuple[int, int]] = ()) -> list[Mention]:
        blocked = list(furniture) + _identifier_ranges(doc) + _addresses(doc) + _headings(doc)
        lines = _furniture(doc)
        dates = [d for d in self._dates(doc, blocked) if not _on_furniture(d.span, lines)]
        blocked += [line for line, _ in lines]
        taken = [(d.span.start_char, d.span.end_char) for d in dates]
        numbers = self._numbers(doc, blocked + taken)
        return sorted(dates + numbers, key=lambda m: m.span.start_char)

    # -- dates ---------------------------------------------------------------------------
    def date_matches(self, doc: Doc) -> list[tuple[int, int, int]]:
        """The date patterns' matches (key, start, end), the Matcher run only on stretches near an anchor.

        spaCy's Matcher tries every pattern at every token, and most of an article is far from any date:
        a match holds an anchor, so it lies within `date_reach` tokens of one and nothing is missed.
        """
        anchors = [t.i for t in doc if t.lower_.rstrip(".") in DATE_ANCHORS or any(c.isdigit() for c in t.text)]
        matches = []
        for start, end in _windows(anchors, self.date_reach, len(doc)):
            matches += [(key, start + s, start + e) for key, s, e in self.dates(doc[start:end])]
        return matches

    def _dates(self, doc: Doc, blocked: list[tuple[int, int]]) -> list[Mention]:
        candidates = [doc[s:e] for key, s, e in self.date_matches(doc) if self._could_be_date(key, doc[s:e])]
        candidates += [_with_year(doc[s:e]) for _, s, e in self.holidays(doc) if not _other_calendar(doc[s:e])]
        matched = filter_spans(candidates)
        # the recogniser's span, unless it runs two dates the patterns tell apart into one
        recognised = [e for e in doc.ents if e.label_ == "DATE" and _names_a_time(e)
                      and sum(e.start < m.end and m.start < e.end for m in matched) < 2]
        spans = []
        for span in filter_spans(matched + recognised):  # a longer span that is no date yields to the patterns'
            spans += [span] if _is_date(span) else _dates_within(span, candidates) or \
                [m for m in matched if span.start <= m.start and m.end <= span.end]  # may join into a date
        spans = [s for s in (_trim_date(s) for s in spans) if s is not None]
        found = []
        for span in _year_after(_join_ranges(doc, spans, lambda a, b: True, DATE_RANGE_JOINERS)):
            if _overlaps(span, blocked) or not _is_date(span) or _counted_from_an_event(span) or _names_a_kind(span) \
                    or _names_an_event(span) or _of_a_point_hyphened(span):
                continue  # not a date this tool can place: leave its figures to the numbers
            hedges = DATE_HEDGES + THE_HEDGES if _takes_the(span) else DATE_HEDGES
            hedged = span if _is_possessive(span) else _extend_left(span, hedges)
            if hedged is span and len(span) > 1:  # a hedge that ends in the span's preposition: "before or" + "in Feb"
                hedged = min(span, _extend_left(span[1:], hedges), key=lambda s: s.start)
            tense = None if moved_to(span, self.moving) else \
                tense_of(span, self.saying, self.ahead) or ("future" if _is_deadline(hedged) else None)
            found.append(Mention(hedged, "date", "date", tense=tense))
        return found

    def _could_be_date(self, key: int, span: Span) -> bool:
        """A pattern's match that is no fraction or idiom ("a second", "the day after"), no figure of a noun
        phrase ("in two thousand and twenty cases", "on the 3rd floor") nor a price ("$12 December 27")."""
        if is_fraction_or_idiom(span.text) or _priced(span):
            return False
        if key == self.day_alone:
            return _ends_a_phrase(span) and (span[0].lower_ != "for" or _ends_a_clause(span))
        return _ends_a_phrase(span) or not _ends_in_number_word(span)

    # -- numbers -------------------------------------------------------------------------
    def _numbers(self, doc: Doc, blocked: list[tuple[int, int]]) -> list[Mention]:
        figures = [self._with_unit(f) for run in _runs(doc) for f in _figures(run)]
        spans = filter_spans(figures + [doc[s:e] for _, s, e in self.vague(doc)])
        spans = [s for s in spans if not _overlaps(s, blocked)]  # the "18" of "January 18 to 2,050" is no end of a range
        kept = []
        spans = _join_ratios(doc, _join_digit_groups(doc, spans), lambda s: self._unit_of(s)[0] == "count", blocked)
        for span in _join_ranges(doc, _join_alternatives(doc, spans), self._same_unit, NUMBER_RANGE_JOINERS):
            if _overlaps(span, blocked) or _is_identifier(span) or _is_age(span) or _is_lone_article(span) \
                    or _is_clock_time(span) or _is_formula(span) or _is_ordinal(span) \
                    or (_is_attribute(span) and self._measure(span) is None):
                continue
            kept.append(_extend_right(_extend_left(span, list(NUMBER_HEDGES)), list(SUFFIX_HEDGES)))
        return [self._number_mention(span) for span in _join_cents(doc, _join_bounds(doc, kept))]

    def _with_unit(self, figure: Span) -> Span:
        """A figure with the currency sign before it or the currency, percent or measure words after it."""
        doc = figure.doc
        start, end = figure.start, figure.end
        if start > 0 and doc[start - 1].lower_ in SIGN_WORDS:  # "minus five", "between negative ten and ..."
            start -= 1
        if start > 0 and (self._currency_sign(doc[start - 1]) or doc[start - 1].lower_ in UNITS_BEFORE):
            start -= 1
        elif start > 1 and doc[start - 1].text == "." and not doc[start - 2].whitespace_ \
                and self._currency_sign(doc[start - 2]):  # "Rs. 5,000": the abbreviation's full stop split off
            start -= 2
        # a 12-cent dividend, a one-yen bid; not the sign of the next sum in "$3.89 billion-$3.90 billion"
        hyphen = int(_glued_hyphen(doc, end) and not (end + 2 < len(doc) and doc[end + 1].is_currency
                                                      and doc[end + 2].like_num))
        for width in (2, 1):
            tail = doc[end + hyphen:end + hyphen + width]
            if len(tail) == width and self._is_unit(tail) and not (hyphen and width == 2):
                end += hyphen + width
                break
        else:
            measure = self._unit_after(doc[end - 1])
            end = measure[2] if measure is not None else _of_a_point(figure) or end
        if end + 1 < len(doc) and doc[end].text == "±" and doc[end + 1].like_num:  # 52% ± 3
            end += 2
        return doc[start:end]

    def _currency_sign(self, token: Token) -> bool:
        """A sign or abbreviation written before a sum: "$", "US$", "USD 5" (a code in capitals), "KSh 500", "Rs.
        500" (an abbreviation the lexicon names that is no code: "Ron 5" is a name)."""
        lower = token.lower_
        code = self.currency.get(lower.rstrip("."))
        return (not lower.isalpha() and (lower in self.currency or lower.endswith("$") or token.is_currency)) or \
            (lower in self.currency and len(lower) == 3 and token.text.isupper()) or \
            (code is not None and len(lower.rstrip(".")) <= 3 and code.lower() != lower.rstrip(".")
             and token.text[:1].isupper())

    def _is_unit(self, tail: Span) -> bool:
        """ "%", "percent", "per cent", "dollars", "Swiss francs": words that say what a figure counts."""
        words = [t.lower_ for t in tail]
        if _in_points(tail):
            return False  # "0.25 percentage point": a change in a rate, a unit of measure (lexicon.toml)
        if words == ["per", "cent"] or (len(words) == 1 and words[0] in PERCENT_WORDS):
            return True
        last = tail[-1]
        if len(tail) == 1 and last.is_currency:  # 100 ₡
            return True
        return self._currency_word(last) is not None and \
            (len(tail) == 1 or (tail[0].is_alpha and tail[0].pos_ in ("ADJ", "PROPN")))

    def _currency_word(self, token: Token) -> str | None:
        """The lexicon's name of a currency word: "dollars" -> "dollar", "guilders" -> "guilder"; None if none."""
        lower = token.lower_
        for name in (lower, token.lemma_.lower(), lower.removesuffix("s"), lower.removesuffix("es")):
            if name in self.currency:
                return name
        return None

    def _number_mention(self, span: Span) -> Mention:
        kind, unit = self._unit_of(span)
        measure = self._measure(span) if kind == "quantity" else None
        return Mention(span, "number", kind, unit, written_unit=measure[1] if measure else None)

    def _unit_of(self, span: Span) -> tuple[str, str | None]:
        """ "percent" and "%", "quantity" and a unit of measure, "money" and a currency code, or "count" and no
        unit."""
        words = [t.lower_ for t in span]
        if (any(w in PERCENT_WORDS for w in words) or words[-2:] == ["per", "cent"]) and not _in_points(span):
            return "percent", "%"
        if (measure := self._measure(span)) is not None:
            return "quantity", measure[0]
        if words[-1] in ("point", "-point"):  # "a quarter of a percentage point", "quarter-point" (_of_a_point)
            return "quantity", "percentage point"
        for i, token in enumerate(span):
            lemma = self._currency_word(token)
            if lemma is not None:
                qualifier = span[i - 1] if i > 0 and span[i - 1].pos_ in ("ADJ", "PROPN") else None
                if qualifier is not None and qualifier.is_alpha:  # "Swiss francs", "Australian dollars"
                    key = f"{qualifier.lower_} {lemma}"
                    return "money", self.currency.get(key, key.upper())
                return "money", self.currency[lemma]
            if token.is_currency:  # a currency sign the lexicon does not name: ₡, ₾
                return "money", token.text
        if words[0].endswith("$"):
            return "money", "USD"
        return "count", SHARE if _is_share(span) else None

    def _measure(self, span: Span) -> tuple[str, str] | None:
        """The unit of measure a span states and its written form: written before its figure ("magnitude 7.8"),
        after one ("10 km", "16-meter", "4 square kilometres") or glued to one ("10kg"); None if none."""
        if span[0].lower_ in UNITS_BEFORE and len(span) > 1:
            return self.units[span[0].lower_], span[0].text
        for token in span:
            if token.like_num or token.lower_ in SCALE_WORDS or token.text[:1].isdigit() or token.text[1:2].isdigit():
                measure = self._unit_after(token)
                if measure is not None and measure[2] <= span.end:
                    return measure[:2]
        return None

    def _unit_after(self, figure: Token) -> tuple[str, str, int] | None:
        """The unit of measure glued to a figure's token or written right after it: its canonical name, its written
        form and the index of the token after it. A unit that is also a currency ("pounds") is one only where the
        sentence speaks of weight ("it weighs 200 pounds", not "it cost 200 pounds")."""
        doc = figure.doc
        if scale := _temperature_scale(figure):
            return scale, figure.text.rstrip(".")[-1], figure.i + 1
        if (metres := _metres_of_a_size(figure)) is not None:
            return metres
        glued = _UNIT_GLUED.match(figure.text)
        for letters in ([glued.group("unit")] if glued else []) + [""]:  # "10km/h"; "1.5m tonnes" (m: million)
            start = figure.i + 1 + int(not letters and _glued_hyphen(doc, figure.i + 1))  # "16-meter"
            for width in (4, 3, 2, 1, 0):
                tail = doc[start:start + width]
                if len(tail) < width or any(t.is_space or t.is_sent_start for t in tail) or not (letters or width):
                    continue
                written = letters + (figure.whitespace_ if letters and width else "") + tail.text
                name = self._unit_name(written)
                if name is not None and (self._currency_word(doc[start + width - 1] if width else figure) is None
                                         or self._weighs(figure, start + width)):
                    return name, written, start + width
        return None

    def _weighs(self, figure: Token, after: int) -> bool:
        """Whether a figure in a unit that is also a currency ("pounds") weighs: its sentence speaks of weight ("it
        weighs 200 pounds"), gives a mass in another unit ("63 pounds, or about 29kg"), or the figure makes an
        adjective of a thing's weight ("the 63-pound panel")."""
        sent, doc = figure.sent, figure.doc
        if any(t.lemma_.lower() in WEIGHT_WORDS for t in sent):
            return True
        if any(self._unit_name(g.group("unit") if (g := _UNIT_GLUED.match(t.text)) else t.text) in MASS_UNITS
               for t in sent):
            return True
        return _glued_hyphen(doc, figure.i + 1) and after < len(doc) and doc[after].pos_ == "NOUN"

    def _unit_name(self, written: str) -> str | None:
        """The canonical name of a unit of measure as written: symbols as cased ("MB" is a megabyte), words in any
        case ("Miles"), in brackets as tables write them ("20 (kg)"); None if it names none."""
        written = " ".join(written.split())
        if len(written) > 2 and written[0] + written[-1] in ("()", "[]", "{}", "<>"):
            written = written[1:-1].strip()
        if written in self.units:
            return self.units[written]
        if written.isupper() and len(written) <= 3:  # "MM", "KM": not the lower-case symbols
            return None
        return self.units.get(written.lower())

    def _same_unit(self, a: Span, b: Span) -> bool:
        """Whether two figures can be the ends of one range: "20 to 30%" yes, "6% to $1.4 billion" no."""
        (kind_a, unit_a), (kind_b, unit_b) = self._unit_of(a), self._unit_of(b)
        return kind_a == "count" or (kind_a, unit_a) == (kind_b, unit_b)


def _glued_hyphen(doc: Doc, i: int) -> bool:
    """A hyphen at token i joins the words on either side without spaces: "12-cent", "16-meter"."""
    return 0 < i < len(doc) - 1 and doc[i].text == "-" and not doc[i - 1].whitespace_ and not doc[i].whitespace_


# Words that look ahead besides the lexicon's plan words ("will", "expect", "forecast"...): "said the search would
# continue until Friday", "slated for June", "the upcoming vote"
FUTURE_WORDS = frozenset({"'ll", "wo", "would", "slate", "upcoming", "next"})


DEADLINE_HEDGES = {"by", "until", "till", "no later than", "on or before"}
PAST_AUXILIARIES = {"had", "has", "have", "was", "were", "did"}


def _is_deadline(date: Span) -> bool:
    """ "due no later than Friday", "open until Friday": with no tense to say otherwise, a deadline lies ahead."""
    text = date.text.lower()
    return any(text.startswith(f"{hedge} ") for hedge in DEADLINE_HEDGES)


def moving_verbs(time_words: dict[str, list[str]]) -> frozenset[str]:
    """The verbs that move a thing in time: the first word of the lexicon's replacement words ("push back": push)."""
    return frozenset(w.split()[0] for w in time_words["replacement"])


def moved_to(date: Span, moving: frozenset[str]) -> bool:
    """The date something is moved to ("postponed the reopening to the end of May", "delayed until June"): the
    verb's tense is the moving's, and the new date lies on either side of the article."""
    prep = date.root.head
    return date.root.dep_ == "pobj" and prep.lower_ in ("to", "until", "till") and prep.dep_ == "prep" \
        and prep.head.lemma_.lower() in moving


def inflected(verbs: Iterable[str]) -> frozenset[str]:
    """Verbs with their inflections ("hope", "hopes", "hoped", "hoping"), for words the lemmatizer gets wrong
    ("hoped" -> "hop")."""
    forms = set()
    for verb in verbs:
        stem = verb[:-1] if verb.endswith("e") else verb
        forms |= {verb, verb + "s", verb + "es", stem + "ed", stem + "ing"}
    return frozenset(forms)


# plan words that are also words of doing or being: a plan only with what is to happen ("set to open", "preparing
# to receive", "ready to take") or for when ("set for June"); "set 125 records", "prepared 3,000 meals" are done
READY = ("set", "prepare", "ready")


def plans(tok: Token) -> bool:
    """Whether a word may plan, as far as its use tells: false only for a word of `READY` told of what is done or
    is, with nothing to happen after it nor a time it is for."""
    return tok.lemma_.lower() not in READY or any(
        c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for" and
                              any(g.ent_type_ in ("DATE", "TIME") or g.like_num for g in c.subtree))
        for c in tok.children)  # "set for June", a headline's "set for the 27"


def tense_of(span: Span, saying: frozenset[str], ahead: frozenset[str]) -> Literal["past", "future"] | None:
    """Past or future, from the verbs that govern a span: "will depart", "set to", "departed"; a word of
    planning (`ahead`) looks ahead in any tense ("forecast fourth-quarter revenue", "pledged to send 600 in
    January"); a modal with a plain verb looks ahead ("said the bridge should reopen", "could open"), while a modal
    with "have" looks back ("could have reopened"). What a past verb of saying (lemmas in `saying`) reports
    in the present is a schedule, so it looks ahead too: "officials said the bridge reopens in December"
    (a past event would be told in the past: "said the bridge reopened"). A day of the month that names the day of
    a thing ("the March 3 earthquake") has no tense of its own: the verb around it tells of something else ("will
    rebuild after the March 3 earthquake"), so the nearer reading wins (a period that names a figure's, as
    "reported fourth-quarter revenue", keeps the verb's)."""
    node = span.root
    if node.dep_ in ("compound", "nmod", "poss") and node.head.pos_ in ("NOUN", "PROPN") and \
            not span.start <= node.head.i < span.end and any(c.isdigit() for c in span.text):
        return None
    for _ in range(8):
        if node.tag_ in ("VBZ", "VBP") and node.dep_ == "ccomp" and node.head.tag_ == "VBD" \
                and node.head.lemma_.lower() in saying and span.root.head.lower_ != "since":
            return "future"  # ("said the plant employs 300 since May" still counts from a past May)
        if node.pos_ == "ADJ" and node.lemma_.lower() in ahead and plans(node):  # "is due to reopen"
            return "future"
        if node.pos_ in ("VERB", "AUX"):
            helpers = [c for c in node.children if c.dep_ in ("aux", "auxpass")]
            words = {node.lemma_.lower(), node.lower_} | {c.lower_ for c in helpers}  # "hoped": lemma "hop"
            if any(c.lower_ in ("had", "'d") and c.tag_ == "VBD" for c in helpers) and node.tag_ == "VBN":
                # the past perfect: a plan made before a past moment ("had aimed for the end of May"): the date
                # lies either side of the article's, the nearer reading wins; "had set off" plans nothing: past
                return None if words & ahead and plans(node) else "past"
            if words & ahead and plans(node):
                return "future"
            if node.tag_ == "VB" and any(c.tag_ == "MD" for c in helpers):
                return "future"
            present_passive = node.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.tag_ in ("VBZ", "VBP")
                                                         for c in node.children)  # "are accepted"
            if (node.tag_ in ("VBD", "VBN") and not present_passive) or words & PAST_AUXILIARIES:
                return "past"
        if node.head.i == node.i:
            break
        node = node.head
    return None


def _windows(centres: list[int], reach: int, length: int) -> list[tuple[int, int]]:
    """The token ranges within `reach` of any of the (sorted) centres, overlapping ones merged."""
    windows: list[tuple[int, int]] = []
    for i in centres:
        start, end = max(0, i - reach), min(length, i + reach + 1)
        if windows and start <= windows[-1][1]:
            windows[-1] = (windows[-1][0], end)
        else:
            windows.append((start, end))
    return windows


def _overlaps(span: Span, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(span.start_char < end and start < span.end_char for start, end in ranges)


def _is_possessive(span: Span) -> bool:
    """ "The toll from Monday's earthquake": a preposition that ties the noun a possessive date qualifies to
    another noun is no hedge of the date ("by Monday's close, shares had lost" and "trapped since Tuesday's
    collapse" are: their prepositions hang from the verb)."""
    doc = span.doc
    if span.end >= len(doc) or doc[span.end].tag_ != "POS" or span.start == 0:
        return False
    before = doc[span.start - 1]
    return before.dep_ == "prep" and before.head.pos_ in ("NOUN", "PROPN")


def _extend_left(span: Span, phrases: list[str]) -> Span:
    """Take in a hedge written just before the span ("nearly" 1,000, "since" June, "<=  -30" with extra spaces)."""
    doc = span.doc
    end = span.start
    while end > 0 and doc[end - 1].is_space and "\n" not in doc[end - 1].text:
        end -= 1
    ordered, longest = _longest_first(tuple(phrases))
    before = [t.lower_ for t in doc[max(0, end - longest):end]]
    for words in ordered:
        start = end - len(words)
        if start >= 0 and before[len(before) - len(words):] == words:
            if not (len(words) == 1 and words[0] in ("some",) and start > 0 and doc[start - 1].lower_ in ("for",)):
                return doc[start:span.end]
    return span


@lru_cache(maxsize=None)
def _longest_first(phrases: tuple[str, ...]) -> tuple[list[list[str]], int]:
    """The phrases as word lists, longest first, and the most words any has."""
    ordered = [phrase.split() for phrase in sorted(phrases, key=len, reverse=True)]
    return ordered, max(map(len, ordered), default=0)


POSSESSIVES = {"fathers": "father's", "mothers": "mother's", "valentines": "valentine's", "patricks": "patrick's",
               "presidents": "presidents'", "veterans": "veterans'", "years": "year's", "workers": "workers'",
               "international": "int'l", "womens": "women's", "saints": "saints'", "souls": "souls'"}


def _holiday_names() -> list[str]:
    """The holidays as written: "fathers day" also as "father's day", "international workers day" also as
    "international workers' day", "int'l workers day" and "int'l workers' day"."""
    return sorted({" ".join(words) for name in HOLIDAYS
                   for words in product(*[{w, POSSESSIVES.get(w, w)} for w in name.split()])})


def _other_calendar(span: Span) -> bool:
    """A New Year named for a people or the moon ("Chinese New Year", "the Lunar New Year", "Persian New
    Year") falls on another calendar's day, never on 1 January."""
    before = span.doc[span.start - 1] if span.start > 0 else None
    return span[0].lower_ == "new" and before is not None and (
        before.ent_type_ == "NORP" or before.lower_ == "lunar"
        or (span[0].ent_iob_ == "I" and before.is_title))  # the recogniser's one name: "Vietnamese New Year"


def _with_year(span: Span) -> Span:
    """A holiday with the year written after it: "Christmas 2016", "Easter of next year"."""
    doc, end = span.doc, span.end
    words = [t.lower_ for t in doc[end:end + 3]]
    if words[:1] == ["of"]:
        words, end = words[1:], end + 1
    if words[:1] and _YEAR.fullmatch(words[0]):
        return doc[span.start:end + 1]
    if words[:2] in (["this", "year"], ["next", "year"], ["last", "year"]):
        return doc[span.start:end + 2]
    return span


def _is_date(span: Span) -> bool:
    return date_value(span.text, None) is not None or is_told(span.text)


def _dates_within(span: Span, candidates: list[Span]) -> list[Span]:
    """The longest dates the patterns found inside a span that is no date ("12 September" in "3 and 12 September")."""
    return filter_spans([m for m in candidates if span.start <= m.start and m.end <= span.end and m != span
                         and _is_date(m)])


def _names_a_time(span: Span) -> bool:
    """Whether a span the recogniser calls a date has a word of the calendar ("20 to 30" has none)."""
    return any(t.lower_.rstrip(".") in MONTHS or t.lower_ in WEEKDAYS or _CALENDAR_WORD.match(t.lower_) for t in span)


def _extend_right(span: Span, phrases: list[str]) -> Span:
    """Take in a hedge written just after the span (200 "or more")."""
    doc = span.doc
    for phrase in sorted(phrases, key=len, reverse=True):
        words = phrase.split()
        rest = [t for t in doc[span.end + len(words):span.end + len(words) + 2] if not t.is_space]
        if rest[:1] and rest[0].lower_ == "than":
            rest = rest[1:]  # "200 or greater than" ends there; "or less than 6000" is a bound of its own
        if [t.lower_ for t in doc[span.end:span.end + len(words)]] == words and not (rest[:1] and rest[0].like_num):
            return doc[span.start:span.end + len(words)]
    return span


def _join_bounds(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "more than 200 and fewer than 300": a lower and an upper bound that close one interval."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if prev is not None and " ".join(t.lower_ for t in doc[prev.end:span.start]) in ("and", "but", ",", ", and") \
                and {_open_side(prev), _open_side(span)} == {"low", "high"}:
            value = number_value(doc[prev.start:span.end].text, _TOLERANCES)
            if value is not None and value.low is not None and value.high is not None:
                out[-1] = doc[prev.start:span.end]
                continue
        out.append(span)
    return out


def _join_cents(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "3 dollars 50 cents", "thirteen dollars and forty-five cents", "thirteen dollars forty five": one sum."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if prev is not None and doc[prev.end - 1].lemma_.lower() in ("dollar", "euro", "pound") \
                and " ".join(t.lower_ for t in doc[prev.end:span.start]) in ("", "and") \
                and (doc[span.end - 1].lower_ in ("cent", "cents", "pence")
                     or (doc[span.end - 1].like_num and (span.end == len(doc) or doc[span.end].is_punct))) \
                and number_value(doc[prev.start:span.end].text, _TOLERANCES) is not None:
            out[-1] = doc[prev.start:span.end]
            continue
        out.append(span)
    return out


def _open_side(span: Span) -> str | None:
    value = number_value(span.text, _TOLERANCES)
    if value is None or (value.low is None) == (value.high is None):
        return None
    return "low" if value.low is None else "high"


def _trim_date(span: Span) -> Span | None:
    """Drop leading determiners and trailing punctuation NER sometimes includes, and a unit of time with no number
    of its own after a comma, which opens the next phrase ("on Saturday, Nov. 8, hours after staff found ...")."""
    while len(span) and (span[0].lower_ in ("the", "a", ",") or span[0].is_space):
        span = span[1:]
    if len(span) > 2 and span[-2].text == "," and span[-1].lemma_.lower() in TIME_UNITS:
        span = span[:-2]
    while len(span) and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    return span if len(span) else None


_IN_YEAR = re.compile(rf"in {_YEAR.pattern}")


def _year_after(spans: list[Span]) -> list[Span]:
    """A month or months with no year followed at once by "in 2017" take that year: "from April to June in 2017"."""
    out: list[Span] = []
    for span in spans:
        if out and span.start == out[-1].end and _IN_YEAR.fullmatch(span.text.lower()) \
                and any(t.lower_.rstrip(".") in MONTHS for t in out[-1]) \
                and not any(_YEAR.fullmatch(t.text) for t in out[-1]):
            out[-1] = span.doc[out[-1].start:span.end]
        else:
            out.append(span)
    return out


def _join_ranges(doc: Doc, spans: list[Span], same_unit: Callable[[Span, Span], bool],
                 joiners: tuple[str, ...] = RANGE_JOINERS) -> list[Span]:
    """"20 to 30", "20-30", "between 20 and 30", "from 20 to 30" become one mention, and so does
    "44 mg to 50 mg", whose unit is written after both ends."""
    out: list[Span] = []
    i = 0
    while i < len(spans):
        span = spans[i]
        if i + 1 < len(spans):
            nxt = spans[i + 1]
            unit = _repeated_unit(doc, span, nxt)
            joiner = " ".join(t.lower_ for t in doc[span.end + unit:nxt.start])
            lead = doc[span.start - 1].lower_ if span.start > 0 else ""
            joined = joiner in joiners or (joiner == "and" and lead == "between")  # between 20-30 too
            if joined and same_unit(span, nxt):
                start = span.start - 1 if lead in ("between", "from") else span.start
                out.append(doc[start:nxt.end + unit])
                i += 2
                continue
        out.append(span)
        i += 1
    return out


def _join_alternatives(doc: Doc, spans: list[Span]) -> list[Span]:
    """ "two or three million", "three, maybe four, five billion euros": bare figures given as alternatives before
    one with a scale word are one range, which that word scales ("two or three people" stay two figures)."""
    out: list[Span] = []
    for span in spans:
        run = [out[-1]] if out else []
        while len(out) > len(run) and _bare(out[-len(run) - 1]) and _alternative(doc, out[-len(run) - 1], run[0]):
            run.insert(0, out[-len(run) - 1])
        if run and _bare(run[-1]) and _alternative(doc, run[-1], span) and _scaled(span):
            del out[-len(run):]
            out.append(doc[run[0].start:span.end])
        else:
            out.append(span)
    return out


def _bare(span: Span) -> bool:
    """One figure with no scale word nor a unit after it ("three", "$2", "40")."""
    return not _scaled(span) and span[-1].like_num


def _scaled(span: Span) -> bool:
    return any(t.lower_ in SCALES for t in span)


def _alternative(doc: Doc, a: Span, b: Span) -> bool:
    """Whether the words between two figures offer them as alternatives: "or", ", maybe", ", or perhaps", ","."""
    return bool(_ALTERNATIVE.fullmatch(doc[a.end:b.start].text))


def _repeated_unit(doc: Doc, span: Span, nxt: Span) -> int:
    """How many words of unit follow both ends of a range ("mg" in "44 mg to 50 mg"), 0 if none."""
    for width in (2, 1):
        after_first = [t.lower_ for t in doc[span.end:span.end + width]]
        after_second = [t.lower_ for t in doc[nxt.end:nxt.end + width]]
        if span.end + width < nxt.start and after_first == after_second \
                and all((t.is_alpha and t.lower_ not in MONTHS) or t.is_currency or t.text in "°%"
                        for t in doc[span.end:span.end + width]):
            return width
    return 0


def _join_digit_groups(doc: Doc, spans: list[Span]) -> list[Span]:
    """spaCy splits "1 000" and "1 234 567" at their spaces: join the digit groups back into one figure."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        if prev is not None and re.match(r"\d{3}(?!\d)", span.text) and (
                (span.start == prev.end + 1 and doc[prev.end].text in DIGIT_GROUP_SPACES and prev.text[-1:].isdigit())
                or (span.start == prev.end and doc[prev.end - 1].whitespace_ == " "
                    and _SPACED_GROUP_END.search(prev.text))):
            out[-1] = doc[prev.start:span.end]
        else:
            out.append(span)
    return out


def _join_ratios(doc: Doc, spans: list[Span], plain: Callable[[Span], bool],
                 blocked: list[tuple[int, int]]) -> list[Span]:
    """ "one out of three", "1 in 5", "2000 over 3": a ratio of two plain figures is one figure. "over" only where no
    noun follows (not "$5 million over 3 years"), "in" only from a smaller to a larger figure (not "1 in 2020")."""
    out: list[Span] = []
    for span in spans:
        prev = out[-1] if out else None
        joiner = " ".join(t.lower_ for t in doc[prev.end:span.start]) if prev is not None else ""
        if joiner in RATIO_JOINERS and plain(prev) and plain(span) and not _overlaps(span, blocked) \
                and (joiner != "over" or span.end == len(doc) or doc[span.end].pos_ not in ("NOUN", "PROPN", "NUM")):
            a, b = number_value(prev.text, _TOLERANCES), number_value(span.text, _TOLERANCES)
            if a is not None and b is not None and a.nominal and b.nominal \
                    and (joiner != "in" or a.nominal < b.nominal):
                out[-1] = doc[prev.start:span.end]
                continue
        out.append(span)
    return out


def _written_as_a_name(token: Token) -> bool:
    """A capital first ("Boeing"), or a capital inside a word that starts in lower case ("iPhone", "eBay")."""
    return token.text[:1].isupper() or (token.text[:1].islower() and any(c.isupper() for c in token.text[1:]))


def _is_identifier(span: Span) -> bool:
    """Numbers that name rather than count: ids, model numbers, "No. 214", "Boeing 737", "COVID-19"."""
    doc = span.doc
    if span.start > 1 and doc[span.start - 1].text == "-" and not doc[span.start - 2].whitespace_ \
            and not doc[span.start - 1].whitespace_ and doc[span.start - 2].text[-1:].isalnum() \
            and not doc[span.start - 2].like_num:  # glued to a name by a hyphen
        return True
    tokens = [t for t in span if not (t.i > span.start and _is_digit_group(t))]
    digits = [t for t in tokens if t.like_num or t.text[:1].isdigit()]
    if any(_LONG_DIGITS.match(t.text) or _ORDINAL.match(t.text) for t in digits):
        return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.is_punct and span.start > 1:  # "No. 214"
        before = span.doc[span.start - 2] if span.doc[span.start - 2].lower_ in IDENTIFIER_MARKERS else before
    if before is not None and (before.lower_ in IDENTIFIER_MARKERS or
                               (before.pos_ == "PROPN" and before.ent_type_ not in ("GPE", "NORP", "MONEY")
                                and not before.is_sent_start and _written_as_a_name(before)
                                and span[0].text[:1].isdigit() and not _counts_past(span, before)
                                and not _is_percentage(span))):
        return True
    if any(t.ent_type_ in NAME_ENTITIES for t in tokens):
        return True
    if before is not None and before.pos_ == "PROPN" and before.ent_type_ in ("GPE", "LOC", "ORG") \
            and all(t.ent_iob_ == "I" and t.ent_type_ == before.ent_type_ for t in digits):
        return True  # the number ends a named place or body the recogniser reads as one name: "Ward 3"
    if before is not None and span.root.head.i == before.i \
            and all(t.like_num for t in span) and before.tag_ == "NN" and before.lemma_ != "age":
        return True  # a number after the one noun it names, however the parser hangs it there: "line 14", "version
        # 7.11" ("40 lines" counts; "age 87" is a measure)
    if _names_an_event(span):
        return True  # "Paris 2024", left to the numbers by the dates
    head = span.root.head
    return head.pos_ == "PROPN" and head.ent_type_ in NAME_ENTITIES | {"ORG"} and head.i > span.end - 1


def _is_age(span: Span) -> bool:
    """An age given in passing, which the labelling rules count as no claim: set off after a person's name
    ("Daniel Reyes, 61, was fined"; the recogniser sometimes takes the name for an organisation, a place is no
    person) or written "-year-old" ("a 24-year-old striker", "the 30-year-old bridge"). An age a sentence states
    ("she is 60 years old") stays a measure."""
    root, doc = span.root, span.doc
    if span.start > 0 and doc[span.start - 1].lower_ == "aged":  # "the boys, aged 11 to 16"
        return True
    if len(span) != 1 or not re.fullmatch(r"1?\d{1,2}", root.text):
        return False
    person = root.head
    set_off = root.i > 1 and doc[root.i - 1].text == "," and (root.i + 1 == len(doc) or doc[root.i + 1].is_punct)
    if root.dep_ == "appos" and person.pos_ == "PROPN" and person.i < root.i and set_off \
            and person.ent_type_ not in ("GPE", "LOC", "NORP", "FAC", "DATE"):
        return True
    name = doc[root.i - 2] if set_off else None
    if name is not None and name.pos_ == "PROPN" and (name.ent_type_ == "PERSON" or root.ent_type_ == "DATE"):
        return True  # the parse may hang it elsewhere; the recogniser, trained on OntoNotes, tags such an age a DATE
    return [t.lower_ for t in doc[root.i + 1:root.i + 5]] in (["-", "year", "-", "old"], ["-", "years", "-", "old"])


def _is_percentage(span: Span) -> bool:
    """A percentage names nothing: "gave the Alliance 36% of the vote" is the Alliance's share, never a model
    number ("Boeing 737")."""
    text = span.text.lower()
    return text.endswith(("%", "per cent", "percent", "pct"))


def _counts_past(span: Span, name: Token) -> bool:
    """The figure counts a noun after it that the name before it does not belong to: "gives Labour 411 seats"
    (Labour is given the seats), unlike "Boeing 737 jets" or "the Level 12 haulage drift", where both words name
    the jets or the drift (the parser may hang the figure from a noun compounded with it)."""
    head = span.root.head
    named, noun = {head.i}, head
    while noun.dep_ == "compound" and noun.head.pos_ in ("NOUN", "PROPN"):
        noun = noun.head
        named.add(noun.i)
    return span.root.dep_ == "nummod" and head.pos_ == "NOUN" and head.i >= span.end \
        and name.head.i not in named and name.i not in named


def _is_digit_group(token: Token) -> bool:
    """A group of "1 000" or "1 234 567" after the first: part of the figure, whatever spaCy made of it."""
    before = token.doc[token.i - 1]
    return before.text in DIGIT_GROUP_SPACES or (before.like_num and re.fullmatch(r"\d{3}", token.text) is not None)


def _is_formula(span: Span) -> bool:
    """ "<>30", "=>30": operators of a formula, not a hedge of a figure (">30" and ">=30" are hedges)."""
    doc = span.doc
    operators = "".join(t.text for t in doc[max(span.start - 2, 0):span.start] if not t.whitespace_)
    return operators[-2:] in ("<>", "=>", "=<") or span.text[:2] in ("<>", "=>", "=<")


def _is_clock_time(span: Span) -> bool:
    """ "6pm", "11 a.m.", "6.30 pm", "6:30", "1600 hrs": times of day, which this tool does not compare ("2.1 pm"
    is a length in picometres, "3 hrs" a duration)."""
    after = token_after(span)
    clock = after is not None and after.lower_ in CLOCK_WORDS and (
        _TIME_OF_DAY.match(span.text) if after.lower_ in DAY_HALVES else re.fullmatch(r"\d{4}", span.text))
    return any(":" in t.text for t in span) or bool(clock) or bool(re.search(r"\d(?:am|pm)$", span[-1].lower_))


def _is_attribute(span: Span) -> bool:
    """ "the 180ml bottle", "a 10km race": a measure glued to its unit that describes a noun states no quantity
    ("it weighs 200lbs" does)."""
    after = token_after(span)
    return len(span) == 1 and bool(_WITH_UNIT.match(span.text)) and not _SUFFIXED.match(span.text.lower()) \
        and after is not None and after.pos_ in ("NOUN", "PROPN")  # but "2mil SEK" is two million


def _is_ordinal(span: Span) -> bool:
    """ "a fifth term", "a third straight win": one fraction word that counts a noun's order, not its share ("a
    fifth of the budget", "a third said", "a quarter century" are shares). So does one a list of ordinals holds,
    with no "of" after it ("found the first victims on March 27, a third on April 5, a fourth on April 16")."""
    after = token_after(span)
    if span[-1].lower_ not in ORDINAL_ENDS or span[0].lower_ not in ("a", "an", "one") or after is None:
        return False
    return after.pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or after.lower_ != "of" and _in_a_list_of_ordinals(span)


def _in_a_list_of_ordinals(span: Span) -> bool:
    """Whether the span's sentence names two other ordinals (a series: "the first ..., a third ..., a fourth")."""
    return sum(1 for t in span.sent if t.lower_ in ORDINAL_WORDS and not (span.start <= t.i < span.end)) >= 2


def _is_share(span: Span) -> bool:
    """ "a fifth", "two thirds", "more than half": a part of a whole, written as a fraction below one. Its unit
    keeps it apart from counts ("more than half of its officers" is no number of officers)."""
    if not any(denominator(t.lower_) is not None for t in span):
        return False
    value = number_value(span.text, _TOLERANCES)
    return value is not None and value.nominal is not None and value.nominal < 1


def _is_lone_article(span: Span) -> bool:
    """"one" alone ("one officer told...") is a way of speaking, not a figure."""
    return len(span) == 1 and span[0].lower_ in ("one", "a", "an")


_LETTERED = re.compile(r"(?<![\w$€£¥.,])\d{1,4}(?P<letter>[A-Z])(?!\w)")
_LETTERED_RUN = re.compile(r"\s*(?:,|and|or|to|-|&)\s*")
SCALE_LETTERS = "KMBT"  # "100K", "5M", "26B": a scale, unless in a run of names ("26A and 26B")


def _identifier_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Phone numbers and similar digit groups, and numbers glued to a capital letter that name a seat, a flat
    or a gate ("26A"; "26B" beside "26A": "seats 26A and 26B"), but a temperature ("44C", `_temperature_scale`)."""
    text, ranges = doc.text, []
    for m in _PHONE.finditer(text):
        if sum(c.isdigit() for c in m.group(0)) >= 9 and not SPACED_GROUPS.fullmatch(m.group(0)):  # 1 414 021 100
            ranges.append(m.span())
    lettered = [m for m in _LETTERED.finditer(text)
                if not ((t := doc.char_span(*m.span(), alignment_mode="expand")) is not None and len(t) == 1
                        and _temperature_scale(t[0]))]
    named = [m.group("letter") not in SCALE_LETTERS for m in lettered]
    for k, m in enumerate(lettered):
        if named[k] or any(named[n] and _LETTERED_RUN.fullmatch(text[lettered[min(k, n)].end():lettered[max(k, n)].start()])
                           for n in (k - 1, k + 1) if 0 <= n < len(lettered)):
            ranges.append(m.span())
    return ranges


STREET_WORDS = {"street", "st", "avenue", "ave", "road", "rd", "boulevard", "blvd", "lane", "ln", "drive", "dr",
                "way", "place", "pl", "court", "ct", "square", "terrace", "crescent", "highway", "parkway"}


def _addresses(doc: Doc) -> list[tuple[int, int]]:
    """House numbers: a number right before a named facility ("1800 Harbor Point Drive") or a street named in
    capitals ("200 Elm Street", "12 Kell St."), which the recogniser does not always call a facility."""
    ranges = [(doc[ent.start - 1].idx, ent.end_char) for ent in doc.ents
              if ent.label_ == "FAC" and ent.start > 0 and doc[ent.start - 1].like_num]
    for token in doc:
        if not (token.like_num and token.text.isdigit()):
            continue
        for width in (1, 2, 3):
            name = doc[token.i + 1:token.i + 1 + width]
            street = doc[token.i + 1 + width] if token.i + 1 + width < len(doc) else None
            if len(name) == width and all(t.is_title for t in name) and street is not None \
                    and street.is_title and street.lower_.rstrip(".") in STREET_WORDS \
                    and street.dep_ != "compound":  # but "300 Main Street shops" counts shops
                ranges.append((token.idx, street.idx + len(street.text)))
                break
    return ranges


def _furniture(doc: Doc) -> list[tuple[tuple[int, int], list[tuple[int, int]]]]:
    """Short lines without a sentence end that carry identifier-like tokens (file names, image ids): each line's
    range and the ranges of those tokens."""
    lines = []
    pos = 0
    for line in doc.text.split("\n"):
        end = pos + len(line)
        words = list(re.finditer(r"\S+", SPACED_GROUPS.sub(lambda m: m.group().replace(" ", ","),
                                                          _GROUP_SPACE.sub(",", line))))
        if words and len(words) <= 15 and not _SENTENCE_END.search(line):
            marks = [(pos + w.start(), pos + w.end()) for w in words
                     if _MIXED.match(w.group()) or _LONG_DIGITS.match(w.group().rstrip(",."))]
            if marks:
                lines.append(((pos, end), marks))
        pos = end + 1
    return lines


HEADING_WORDS = 8  # a heading is a line of at most this many words
FINITE = ("VBD", "VBZ", "VBP", "MD")  # tags of a verb that makes a sentence


def _headings(doc: Doc) -> list[tuple[int, int]]:
    """Lines that are headings ("A French summer", "Congo's vaccine drive, in five questions"): a line of its own,
    with prose after it, of a few words, without a sentence end, a digit, a list mark, a table's bar or a verb that
    makes a sentence. Its words name a section, as the headline's name the article; a fact box ("Deaths: 45") or
    a list item keeps its figures."""
    ranges = []
    pos = 0
    lines = doc.text.split("\n")
    last_prose = max((k for k, line in enumerate(lines) if _SENTENCE_END.search(line)), default=-1)
    for line in lines[:max(last_prose, 0)]:  # a heading heads prose: a fragment on its own or at the end is none
        start, end = pos, pos + len(line)
        pos = end + 1
        words = line.lstrip("#").split()
        if not 0 < len(words) <= HEADING_WORDS or _SENTENCE_END.search(line) or any(c.isdigit() for c in line) \
                or line.lstrip()[:1] in LIST_MARKS or "|" in line:  # a table's row, a scraped trail ("Home|News")
            continue
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and not any(t.tag_ in FINITE for t in span):
            ranges.append((start, end))
    return ranges


def _on_furniture(span: Span, lines: list[tuple[tuple[int, int], list[tuple[int, int]]]]) -> bool:
    """A date on such a line is page furniture unless it is what made the line look so, with words of its own
    ("on Dec31, 1994", "during 2016H2", "from 02 to April 07"; a lone "20161016" stays an id)."""
    inside = (span.start_char, span.end_char)
    worded = len(span) > 1 or (span.start > 0 and span.doc[span.start - 1].pos_ == "ADP")
    for line, marks in lines:
        if _overlaps(span, [line]) and not (worded and all(inside[0] <= a and b <= inside[1] for a, b in marks)):
            return True
    return False
