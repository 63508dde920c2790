"""The plain data types passed from stage to stage.

Everything here is immutable and free of spaCy objects: once a claim leaves the
subject stage it is just data, so grouping, comparison and reporting never need
the parse (and the claim store can keep claims without it).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal, Union, get_args

Severity = Literal["error", "warning", "info"]
SEVERITY_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}
SHARE = "share"  # the unit of a count that is a part of a whole: "a fifth", "more than half"


@dataclass(frozen=True)
class Document:
    """One article as read from disk."""

    id: str  # path relative to the checked folder, '/' separators
    path: str  # path on disk
    text: str  # the article text, line ends normalised to '\n'
    title: str | None = None
    published: date | None = None
    published_source: Literal["metadata", "text", "option"] | None = None
    source: str | None = None
    url: str | None = None
    # character ranges of the text that are metadata (a dateline), not article prose
    furniture: tuple[tuple[int, int], ...] = ()
    yearless: tuple[str, int, int] | None = None  # a dateline that gives no year, as written, with its month and day


@dataclass(frozen=True)
class NumberValue:
    """A number as an interval: exact values have low == high; None is an open end."""

    low: float | None
    high: float | None
    nominal: float | None
    unit: str | None = None
    hedge: str | None = None


@dataclass(frozen=True)
class DateValue:
    """A date or period as an inclusive [start, end] interval of days.

    start/end are None when the date could not be anchored (a relative date with no
    publication date) or for the open side of "since June" / "before March". A date that could not
    be anchored keeps what its words fix of the calendar, `calendar`: (month, day, weekday), each None
    where the words do not say ("4 July": (7, 4, None); "Friday": (None, None, 4); weekdays from Monday, 0).
    """

    start: date | None
    end: date | None
    granularity: str
    anchored: bool = True
    hedge: str | None = None
    calendar: tuple[int | None, int | None, int | None] | None = None


Value = Union[NumberValue, DateValue]


@dataclass(frozen=True)
class Subject:
    """What a claim is about, in canonical form, with the words it came from.

    `actor` is who does or owns the quantity (a country, company, agency), `thing` the
    counted thing's class, `qualifiers` the classes of words that change which quantity
    is meant (additional, first, total), `event` the class of the governing verb or
    event noun. The matcher weighs these fields beside the words of `About`.
    """

    actor: str | None = None
    thing: str | None = None
    qualifiers: tuple[str, ...] = ()
    event: str | None = None
    words: tuple[str, ...] = ()  # the words as written that produced the fields above

    def label(self) -> str:
        parts = [self.actor or "?", self.thing or "?"]
        if self.qualifiers:
            parts.append("/".join(self.qualifiers))
        if self.event:
            parts.append(self.event)
        return " · ".join(parts)


@dataclass(frozen=True)
class About:
    """The words around a figure that say what it is about, read from the parse: the evidence the matcher
    weighs ("what a number is about matters more than the number"). Lemmas, lower case.

    `noun` is the counted or measured noun ("officers"), `verb` the verb of its clause ("deployed"),
    `near` the content words of its dependency neighbourhood, `sentence` those of its sentence;
    `sources` who the sentence says gave the figure ("the WHO said"), every one its verbs of saying name;
    `givers` who the figure's own clause says gave it, by name or as a described body only ("Congo has reported
    537 deaths, WHO said": the WHO; "CyberCube's figure"; "the county agriculture directorate said"); `places` and `persons` the places
    and people its neighbourhood names, `ordinals` its ordinal words ("the fourth victim"); `years` the
    years its sentence names.
    """

    noun: str | None = None
    verb: str | None = None
    near: tuple[str, ...] = ()
    sentence: tuple[str, ...] = ()
    sources: tuple[str, ...] = ()
    givers: tuple[str, ...] = ()
    places: tuple[str, ...] = ()
    persons: tuple[str, ...] = ()
    years: tuple[str, ...] = ()
    ordinals: tuple[str, ...] = ()
    dimension: str | None = None  # what a measurement measures: "wide" in "264 feet wide"
    owner: str | None = None  # the name nearest before the figure in its sentence, no other figure between
    agent: str | None = None  # the name that is the subject of the figure's clause: "the People's Alliance won"
    part: bool = False  # told as a part of a whole: "including eight foreigners", "56 of them", "five of the dead"


@dataclass(frozen=True)
class Claim:
    """One numeric or date claim in one document."""

    doc: str
    kind: str  # count, money, percent, quantity, number, date
    text: str  # the span exactly as written
    start: int  # character offsets into Document.text
    end: int
    line: int  # 1-based, of the span's first character
    column: int
    sentence: str  # the sentence the claim sits in, for quoting
    value: Value
    subject: Subject = field(default_factory=Subject)
    id: str = ""  # assigned once all claims are known, in report order
    as_of: date | None = None  # when the value held: from the sentence, else the publication date
    as_of_source: Literal["text", "published", "unknown"] = "unknown"
    quantity: str = "fixed"  # how the value moves over time: cumulative, plan, stock, fixed
    # revision, replacement, withdrawal, partial, contrast: what its sentence says of it; running (a total so far),
    # counted-from (a date that opens a count of its clause), changed-from (the value a change starts from)
    markers: tuple[str, ...] = ()
    status: str | None = None  # "withdrawn": its own article takes it back; never compared
    about: About = field(default_factory=About)
    repeats: str | None = None  # the article whose sentence this one repeats word for word, and reads as there


@dataclass(frozen=True)
class ArticleClaims:
    """What parsing one article yields, before the corpus is put together (and what the claim store keeps).

    The claims have no ids yet and their actors are as read; `ties` (person -> affiliation) and
    `persons` (people named as actors) are what resolving actors across the corpus needs.
    """

    claims: tuple[Claim, ...] = ()
    ties: tuple[tuple[str, str], ...] = ()
    persons: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Evidence:
    """What one reader of the matcher saw in two claims: agree, compatible, unknown or conflict, a strength in
    [0, 1] where the evidence is a degree (a similarity), and the words it saw."""

    reader: str
    verdict: Literal["agree", "compatible", "unknown", "conflict"]
    strength: float = 1.0
    words: str = ""


@dataclass(frozen=True)
class Timeline:
    """A group's claims in the order they held (undated last)."""

    group: str
    label: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class Finding:
    id: str
    kind: str  # contradiction, intra-document, near-miss, unanchored-date, unreadable, bad-metadata, ...
    severity: Severity
    subject: str
    message: str
    claims: tuple[str, ...] = ()
    doc: str | None = None  # for findings about a file rather than claims
    rule: str | None = None  # which comparison rule fired
    confidence: float | None = None  # comparison findings: how sure the matcher is the claims are one quantity
    evidence: tuple[Evidence, ...] = ()  # comparison findings: what joined the claims and what spoke against


@dataclass(frozen=True)
class Silenced:
    """A finding the editor has accepted: never among the findings, never counted by the exit code."""

    finding: Finding
    by: Literal["baseline", "inline"]


@dataclass(frozen=True)
class Report:
    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]
    silenced: tuple[Silenced, ...] = ()
    groups: dict[str, str | None] = field(default_factory=dict)  # claim id -> the group of claims it was matched with
    timelines: tuple[Timeline, ...] = ()
    rules: dict[str, str] = field(default_factory=dict)  # rule name -> what it means, in words for editors
    problem_paths: dict[str, str] = field(default_factory=dict)  # a file that is no document -> its path on disk


ProblemKind = Literal["unreadable", "no-text", "bad-metadata", "unread-dateline", "dateline-mismatch", "dateline-year"]
PROBLEM_KINDS: tuple[str, ...] = get_args(ProblemKind)  # findings about an input file, not about its figures


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input file: reported as a finding, never dropped."""

    doc: str
    kind: ProblemKind
    message: str
    path: str | None = None  # the file on disk


def describe(value: Value) -> str:
    """A short human form of a value for messages."""
    if isinstance(value, DateValue):
        if value.start and value.end:
            return value.start.isoformat() if value.start == value.end else f"{value.start}..{value.end}"
        if value.start is None and value.end is None:  # unplaced, or a day its month does not have ("Feb 30")
            return "unanchored" if not value.anchored else "no such day"
        return f"from {value.start}" if value.start else f"until {value.end}"
    lo, hi = value.low, value.high
    fmt = lambda x: f"{x:,.0f}" if x == int(x) else f"{x:,}"  # noqa: E731
    if lo is not None and lo == hi:
        return fmt(lo)
    return f"{fmt(lo) if lo is not None else ''}..{fmt(hi) if hi is not None else ''}"
