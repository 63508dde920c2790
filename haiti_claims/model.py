"""The plain data types passed from stage to stage.

Everything here is immutable and free of spaCy objects: once a claim leaves the
subject stage it is just data, so grouping, comparison and reporting never need
the parse (and the claim store can keep claims without it).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal, Union

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
    publication date) or for the open side of "since June" / "before March".
    """

    start: date | None
    end: date | None
    granularity: str
    anchored: bool = True
    hedge: str | None = None


Value = Union[NumberValue, DateValue]


@dataclass(frozen=True)
class Subject:
    """What a claim is about, in canonical form, with the words it came from.

    `actor` is who does or owns the quantity (a country, company, agency), `thing` the
    counted thing's class, `qualifiers` the classes of words that change which quantity
    is meant (additional, first, total), `event` the class of the governing verb or
    event noun. Every grouping decision is made from these fields alone.
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
    markers: tuple[str, ...] = ()  # revision, replacement, withdrawal words in its sentence
    status: str | None = None  # "withdrawn": its own article takes it back; never compared


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
class Finding:
    id: str
    kind: str  # contradiction, intra-document, near-miss, unanchored-date, unreadable, bad-metadata
    severity: Severity
    subject: str
    message: str
    claims: tuple[str, ...] = ()
    doc: str | None = None  # for findings about a file rather than claims
    rule: str | None = None  # which comparison rule fired


@dataclass(frozen=True)
class Report:
    documents: tuple[Document, ...]
    claims: tuple[Claim, ...]
    findings: tuple[Finding, ...]


@dataclass(frozen=True)
class Problem:
    """Something wrong with an input file: reported as a finding, never dropped."""

    doc: str
    kind: Literal["unreadable", "bad-metadata"]
    message: str
