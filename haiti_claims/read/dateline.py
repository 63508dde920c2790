"""Publication dates stated in the text: bylines and datelines near the top of an article.

Shapes read, in the first `SEARCH_LINES` lines:

- a line led by a word that says what the date is ("Updated 01/08/2024 07:40 GMT", "Published: 2025-03-11");
- a byline ending in a date ("By A Writer, Title | Wednesday 7 February 2024", "By A Writer · March 9, 2023");
- a line that is only a date, perhaps with a time, before the first paragraph ("Friday 21 February 2025");
- a wire dateline opening a paragraph ("CITY, 14 March 2023 (Agency) -- ...").

Each is page furniture: its characters are never read as claims. One that states a full date gives the
publication date; one without a year gives none by itself (a year is never guessed): the run may still
date it from the other articles of the story (articles.year_from_the_story). A numeric date is read day-first
where only that reading is a date (13/01/2025) or where the article writes its other dates day-first
("19 July", 30/04/2019), month-first likewise ("July 19", 04/30/2019); otherwise it is left unread and the
Dateline says why.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from .metadata import plausible

SEARCH_LINES = 15
MAX_WORDS = 16  # a line with more words is prose, not a byline or dateline

MONTHS = {name: number for number, names in enumerate((
    ("january", "jan"), ("february", "feb"), ("march", "mar"), ("april", "apr"), ("may",), ("june", "jun"),
    ("july", "jul"), ("august", "aug"), ("september", "sept", "sep"), ("october", "oct"), ("november", "nov"),
    ("december", "dec")), start=1) for name in names}
WEEKDAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")  # as date.weekday() numbers them
_MONTH = "(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\b\.?"
_WEEKDAY = r"(?:(?:mon|tue|tues|wed|wednes|thu|thur|thurs|fri|sat|satur|sun)(?:day)?\b\.?)"
_SP = r"[ \t\u00a0]+"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?(?!\d)"
_YEAR = r"(?P<year>\d{4})(?!\d)"
DATES = [re.compile(p, re.I) for p in (
    # 7 February 2024, Wednesday 7 February, Sat 8 Jun 2024, 3rd of March 2023
    rf"(?:{_WEEKDAY},?{_SP})?{_DAY}{_SP}(?:of{_SP})?(?P<month>{_MONTH})(?:,?{_SP}{_YEAR})?",
    # March 9, 2023, Thursday, October 3 2024, March 9
    rf"(?:{_WEEKDAY},?{_SP})?(?P<month>{_MONTH}){_SP}{_DAY}(?:,?{_SP}{_YEAR})?",
    # 2025-03-11, 2025/03/11: year, month, day
    r"(?<!\d)(?P<iso>\d{4})(?P<sep>[-/.])(?P<b>[01]?\d)(?P=sep)(?P<a>[0-3]?\d)(?!\d)",
    # 01/08/2024, 13.01.2025: day and month in either order
    r"(?<![\d/.-])(?P<a>[0-3]?\d)(?P<sep>[/.-])(?P<b>[0-3]?\d)(?P=sep)(?P<year>\d{4})(?!\d)",
)]
# what may follow a date on its line: a time, a zone, separators
_TIME = (r"(?:T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?"
         r"|(?:at[ \t]+)?\d{1,2}(?:[:.]\d{2}){1,2}(?:[ \t]*[ap]\.?[ \t]?m\.?)?|\d{1,2}[ \t]*[ap]\.?[ \t]?m\.?)")
_ZONE = r"\(?(?:[A-Z]{1,5}|UTC|GMT)(?:[+-]\d{1,2}(?::?\d{2})?)?\)?"
TAIL = re.compile(rf"(?:[ \t,|\u00b7\u2022\-\u2013\u2014]*{_TIME})?(?:[ \t,]*{_ZONE})?[ \t.]*$")
_LEAD = re.compile(r"[ \t,|\u00b7\u2022\-\u2013\u2014]*")
KEYWORD = re.compile(r"[ \t]*(?P<kw>(?:last[ \t]+)?updated|(?:first[ \t]+)?published|posted|dated?)\b"
                     r"(?:[ \t]+on)?[ \t]*[:\-\u2013\u2014]?[ \t]*", re.I)
BYLINE = re.compile(r"[ \t]*(?:By|BY|by)[ \t]+(?P<first>[A-Z][\w'\u2019.\-]*)")
# A wire dateline: CITY, then perhaps a region, a comma, the date, perhaps the agency, a dash
WIRE_PLACE = re.compile(r"[ \t]*[A-Z][A-Z'.\-]+(?:[ \t]+[A-Z][A-Z'.\-]*)*(?=,)")
WIRE_REGION = re.compile(r"(?:,[ \t]*[A-Z][\w.'\-]*(?:[ \t]+[A-Z][\w.'\-]*)*)+")
WIRE_END = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?:--|[\u2013\u2014]|-)[ \t]")
# A wire dateline with no date: CITY (or CITY/CITY), perhaps a region, perhaps the agency, a dash
FILED = re.compile(r"[ \t]*[A-Z][A-Z'.\-]+(?:[ \t/]+[A-Z][A-Z'.\-]*)*"
                   r"(?:,[ \t]*[A-Z][\w.'\-]*(?:[ \t]+[A-Z][\w.'\-]*)*)*" + WIRE_END.pattern)


@dataclass(frozen=True)
class Dateline:
    """A byline or dateline: the characters it takes (furniture), the date as written, and what it gives."""

    span: tuple[int, int]
    written: str
    published: date | None  # None: no year, or a numeric date that cannot be read for certain
    readings: tuple[date, ...] = ()  # the dates it can be (one when it is read)
    unread: str | None = None  # why a date with a year was left unread
    updated: bool = False  # an "updated" line: a date at or after publication
    month_day: tuple[int, int] | None = None  # the month and day of a date written without a year


def find_datelines(text: str) -> list[Dateline]:
    """Every byline and dateline in the first SEARCH_LINES lines of the text, in order."""
    pending: list[tuple[tuple[int, int], re.Match, bool]] = []
    prose_seen = False
    pos = 0
    for number, line in enumerate(text.split("\n")):
        if number >= SEARCH_LINES:
            break
        if (hit := _dateline_in(line, prose_seen)) is not None:
            (start, end), match, updated = hit
            pending.append(((pos + start, pos + end), match, updated))
        prose_seen = prose_seen or len(line.split()) > MAX_WORDS
        pos += len(line) + 1
    if not pending:
        return []
    order = order_of(text, [span for span, _, _ in pending])
    return [_read(span, match, updated, order) for span, match, updated in pending]


def filing_lines(text: str) -> list[tuple[int, int]]:
    """Wire datelines without a date at the head of a paragraph in the first SEARCH_LINES lines ("PORTLAND,
    Ore. (Agency) \u2014", "GENEVA/NAIROBI (Agency) -", "WASHINGTON \u2014"): where the story was filed, page
    furniture like a dated one, though they date nothing."""
    spans, pos = [], 0
    for line in text.split("\n")[:SEARCH_LINES]:
        if (match := FILED.match(line)) is not None and _wire(line) is None:
            spans.append((pos + len(line) - len(line.lstrip()), pos + match.end()))
        pos += len(line) + 1
    return spans


def date_at(line: str, pos: int) -> re.Match | None:
    """The longest date shape starting at `pos`."""
    matches = [m for p in DATES if (m := p.match(line, pos))]
    return max(matches, key=lambda m: m.end(), default=None)


def dates_in(line: str, pos: int = 0) -> list[re.Match]:
    """Date shapes in a line from `pos`, left to right, none overlapping."""
    found, at = [], pos
    while True:
        starts = [m.start() for p in DATES if (m := p.search(line, at))]
        if not starts:
            return found
        match = date_at(line, min(starts))
        found.append(match)
        at = match.end()


def _dateline_in(line: str, prose_seen: bool) -> tuple[tuple[int, int], re.Match, bool] | None:
    """The span of a line that is a byline or dateline, its date and whether it is an update."""
    if (wire := _wire(line)) is not None:
        return wire
    if len(line.split()) > MAX_WORDS:
        return None
    if (kw := KEYWORD.match(line)) is not None:
        match = date_at(line, kw.end())
        if match is not None and TAIL.match(line, match.end()):
            return _whole(line), match, "updat" in kw.group("kw").lower()
    if (by := BYLINE.match(line)) is not None and not _is_calendar_word(by.group("first")):
        found = dates_in(line, by.end())
        if found and TAIL.match(line, found[-1].end()):
            between = line[by.end():found[-1].start()]
            if not re.search(r"[\d;:!?]", between):  # a name, a title, a place, separators: no sentence
                return _whole(line), found[-1], re.search(r"\bupdated\b", between, re.I) is not None
    if not prose_seen and line.strip():
        lead = _LEAD.match(line).end()
        if (match := date_at(line, lead)) is not None and TAIL.match(line, match.end()):
            return _whole(line), match, False
    return None


def _wire(line: str) -> tuple[tuple[int, int], re.Match, bool] | None:
    place = WIRE_PLACE.match(line)
    if place is None or len(place.group(0).split()[0]) < 2:
        return None
    for comma in re.finditer(",", line):
        if comma.start() < place.end():
            continue
        region = line[place.end():comma.start()]
        if comma.start() > place.end() + 60 or (region and not WIRE_REGION.fullmatch(region)):
            return None
        match = date_at(line, re.compile(r"[ \t]*").match(line, comma.end()).end())
        if match is not None and (end := WIRE_END.match(line, match.end())) is not None:
            return (len(line) - len(line.lstrip()), end.end()), match, False
    return None


def _whole(line: str) -> tuple[int, int]:
    return len(line) - len(line.lstrip()), len(line.rstrip())


def _is_calendar_word(word: str) -> bool:
    """'By Monday ...', 'By March 2025 ...': a sentence about time, not a writer's name."""
    first = re.sub(r"['\u2019]s$", "", word).rstrip(".,").lower()
    return first in MONTHS or re.fullmatch(_WEEKDAY, first) is not None


def _read(span: tuple[int, int], match: re.Match, updated: bool, order: str | None) -> Dateline:
    written = match.group(0)
    groups = {k: v for k, v in match.groupdict().items() if v is not None}
    if "iso" in groups:
        return _dated(span, written, updated, valid_date(int(groups["iso"]), int(groups["b"]), int(groups["a"])))
    if "year" not in groups:
        month_day = (MONTHS[groups["month"].lower().rstrip(".")], int(groups["day"])) if "month" in groups else None
        real = month_day is not None and valid_date(2024, *month_day) is not None  # a leap year: 29 February is a day
        return Dateline(span, written, None, updated=updated, month_day=month_day if real else None)
    year = int(groups["year"])
    if "month" in groups:
        return _dated(span, written, updated, valid_date(year, MONTHS[groups["month"].lower().rstrip(".")],
                                                     int(groups["day"])))
    a, b = int(groups["a"]), int(groups["b"])
    day_first, month_first = valid_date(year, b, a), valid_date(year, a, b)
    if day_first and month_first and day_first != month_first:
        if order is None:
            why = (f"'{written}' can be read day-first ({day_first.isoformat()}) or month-first "
                   f"({month_first.isoformat()}), and the article's other dates do not show which order it writes")
            return Dateline(span, written, None, readings=(day_first, month_first), unread=why, updated=updated)
        return _dated(span, written, updated, day_first if order == "day" else month_first)
    return _dated(span, written, updated, day_first or month_first)


def _dated(span: tuple[int, int], written: str, updated: bool, day: date | None) -> Dateline:
    if day is None:
        return Dateline(span, written, None, unread=f"'{written}' is not a date", updated=updated)
    if not plausible(day):
        return Dateline(span, written, None, unread=f"'{written}' is not a plausible publication date",
                        updated=updated)
    return Dateline(span, written, day, readings=(day,), updated=updated)


def valid_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def weekday_agrees(written: str, day: date) -> bool:
    """Whether a date as written names no weekday, or the weekday `day` falls on ("Friday, June 20")."""
    named = re.match(_WEEKDAY, written.strip(), re.I)
    return named is None or WEEKDAYS.index(named.group(0)[:3].lower()) == day.weekday()


_DAY_MONTH = re.compile(rf"(?<![\w/.,-])\d{{1,2}}(?:st|nd|rd|th)?{_SP}(?:of{_SP})?{_MONTH}", re.I)
_MONTH_DAY = re.compile(rf"\b{_MONTH}{_SP}\d{{1,2}}(?:st|nd|rd|th)?(?![\d,.]*\d)\b", re.I)
_NUMERIC = re.compile(r"(?<![\d/.-])([0-3]?\d)([/.-])([0-3]?\d)\2(?:\d{4}|\d{2})(?![\d/])")


def order_of(text: str, skip: list[tuple[int, int]] = ()) -> str | None:
    """How the article writes its dates, leaving out the characters in `skip`: 'day' (19 July, 30/04/2019),
    'month' (July 19, 04/30/2019), or None when it writes neither or both."""
    body = list(text)
    for start, end in skip:
        body[start:end] = " " * (end - start)
    body = "".join(body)
    day = any(_capitalised(m) for m in _DAY_MONTH.finditer(body))
    month = any(_capitalised(m) for m in _MONTH_DAY.finditer(body))
    for m in _NUMERIC.finditer(body):
        a, b = int(m.group(1)), int(m.group(3))
        day = day or a > 12 >= b >= 1
        month = month or b > 12 >= a >= 1
    if day == month:
        return None
    return "day" if day else "month"


def _capitalised(match: re.Match) -> bool:
    """A month name written as one ("2 May", not "2 may")."""
    return re.search(r"[A-Z]", match.group(0)) is not None
