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
from typing import Iterable, Literal

from spacy.language import Language
from spacy.matcher import Matcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from .config import Config
from .normalize.dates import MONTHS, WEEKDAYS
from .normalize.numbers import HEDGES as NUMBER_HEDGES

Family = Literal["number", "date"]

ORDINAL_WORDS = ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                 "eleventh", "twelfth", "twentieth", "hundredth", "thousandth", "millionth", "last"]
SCALE_WORDS = ["hundred", "thousand", "million", "billion", "trillion", "m", "mn", "mln", "bn", "b", "k", "tn", "dozen"]
VAGUE_WORDS = ["dozens", "hundreds", "thousands", "millions", "billions", "tens", "scores"]
PERCENT_WORDS = ["%", "percent", "pct", "percentage"]
DATE_HEDGES = ["since", "by", "until", "till", "before", "after", "from", "as of", "no later than", "prior to",
               "starting", "early", "late", "mid", "later in", "earlier in"]
IDENTIFIER_MARKERS = {"no", "no.", "nos", "number", "#", "nr", "ref", "id", "code", "flight", "route", "room"}
NAME_ENTITIES = {"FAC", "PRODUCT", "LAW", "WORK_OF_ART", "EVENT"}

_LONG_DIGITS = re.compile(r"^\d{7,}$|^0\d+$")
_ORDINAL = re.compile(r"^\d+(?:st|nd|rd|th)$", re.I)
_MIXED = re.compile(r"^(?=.*\d)(?=.*[a-z])[a-z0-9]{3,}$", re.I)
_PHONE = re.compile(r"(?<![\d,.])(?:\+?\d{1,3}[ .\-])?\(?\d{2,4}\)?(?:[ .\-]\d{2,4}){2,3}(?!\d|,\d)")
_SENTENCE_END = re.compile(r"[.!?:;\"”’)]\s*$")


@dataclass(frozen=True)
class Mention:
    """A span that states a number or a date, before it is normalised."""

    span: Span
    family: Family
    kind: str  # number: count, money, percent, number; date: date
    unit: str | None = None  # currency code, "%", or None
    tense: Literal["past", "future"] | None = None

    @property
    def text(self) -> str:
        return self.span.text


def _number_patterns(currency_symbols: list[str], currency_words: list[str]) -> list[list[dict]]:
    num = {"LIKE_NUM": True, "LOWER": {"NOT_IN": ORDINAL_WORDS}}
    suffixed = {"LOWER": {"REGEX": r"^\d+(?:[.,]\d+)*(?:k|m|mn|bn|b|tn)$"}}
    head = [{"LOWER": {"IN": currency_symbols}, "OP": "?"}]
    scale = {"LOWER": {"IN": SCALE_WORDS + ["and"]}, "OP": "*"}
    tails = [[], [{"LOWER": {"IN": PERCENT_WORDS}}], [{"LOWER": "per"}, {"LOWER": "cent"}],
             [{"LEMMA": {"IN": currency_words}}], [{"LOWER": {"IN": currency_words}}]]
    patterns = []
    for first in (num, suffixed):
        for tail in tails:
            patterns.append(head + [first, {**num, "OP": "*"}, scale] + tail)
    patterns.append([{"LOWER": {"IN": ["a", "an"]}}, {"LOWER": {"IN": ["dozen", "hundred", "thousand", "million", "billion"]}}])
    patterns.append([{"LOWER": {"IN": VAGUE_WORDS}}])
    patterns.append([{"LOWER": {"IN": VAGUE_WORDS}}, {"LOWER": "of"}, {"LOWER": {"IN": VAGUE_WORDS}}])
    return patterns


def _date_patterns() -> list[list[dict]]:
    month = {"LOWER": {"IN": [m for m in MONTHS if len(m) > 3] + ["sept"]}, "IS_TITLE": True}
    day = {"TEXT": {"REGEX": r"^\d{1,2}(?:st|nd|rd|th)?$"}}
    year = {"TEXT": {"REGEX": r"^(?:1[89]|2[01])\d\d$"}}
    weekday = {"LOWER": {"IN": list(WEEKDAYS)}, "IS_TITLE": True}
    rel = {"LOWER": {"IN": ["next", "last", "this", "coming", "past", "previous"]}}
    unit = {"LOWER": {"IN": ["year", "month", "week", "weekend", "quarter"]}}
    comma = {"TEXT": ",", "OP": "?"}
    return [
        [month, day, comma, year], [day, month, comma, year], [month, year], [month, day], [day, month],
        [month], [weekday], [rel, unit], [rel, weekday], [month, rel, unit],
        [{"LOWER": {"IN": ["in", "since", "by", "until", "from", "before", "after", "during", "of"]}}, year],
    ]


class Extractor:
    """Finds number and date mentions in a Doc. Build once per pipeline; call per Doc."""

    def __init__(self, nlp: Language, config: Config):
        currencies = config.lexicon["currencies"]
        symbols = [c for c in currencies if not c.isalpha()]
        words = [c for c in currencies if c.isalpha()]
        self.currency = currencies
        self.numbers = Matcher(nlp.vocab)
        self.numbers.add("NUMBER", _number_patterns(symbols, words), greedy="LONGEST")
        self.dates = Matcher(nlp.vocab)
        self.dates.add("DATE", _date_patterns(), greedy="LONGEST")

    def __call__(self, doc: Doc, furniture: Iterable[tuple[int, int]] = ()) -> list[Mention]:
        blocked = list(furniture) + _identifier_ranges(doc.text) + _furniture_lines(doc) + _addresses(doc)
        dates = self._dates(doc, blocked)
        taken = [(d.span.start_char, d.span.end_char) for d in dates]
        numbers = self._numbers(doc, blocked + taken)
        return sorted(dates + numbers, key=lambda m: m.span.start_char)

    # -- dates ---------------------------------------------------------------------------
    def _dates(self, doc: Doc, blocked: list[tuple[int, int]]) -> list[Mention]:
        candidates = [doc[s:e] for _, s, e in self.dates(doc)]
        candidates += [e for e in doc.ents if e.label_ == "DATE"]
        found = []
        for span in filter_spans(candidates):
            span = _trim_date(span)
            if span is None or _overlaps(span, blocked):
                continue
            found.append(Mention(_extend_left(span, DATE_HEDGES), "date", "date", tense=tense_of(span)))
        return found

    # -- numbers -------------------------------------------------------------------------
    def _numbers(self, doc: Doc, blocked: list[tuple[int, int]]) -> list[Mention]:
        spans = filter_spans([doc[s:e] for _, s, e in self.numbers(doc)])
        spans = [s for s in (_strip_and(s) for s in spans) if s is not None]
        mentions = []
        for span in _join_ranges(doc, spans):
            if _overlaps(span, blocked) or _is_identifier(span) or _is_lone_article(span):
                continue
            span = _extend_left(span, list(NUMBER_HEDGES))
            mentions.append(self._number_mention(span))
        return mentions

    def _number_mention(self, span: Span) -> Mention:
        words = [t.lower_ for t in span]
        lemmas = [t.lemma_.lower() for t in span]
        currency = next((self.currency[w] for w in words + lemmas if w in self.currency), None)
        if currency is None and words[0].endswith("$"):
            currency = "USD"
        if any(w in ("%", "percent", "pct", "percentage") for w in words) or words[-2:] == ["per", "cent"]:
            return Mention(span, "number", "percent", "%")
        if currency:
            return Mention(span, "number", "money", currency)
        return Mention(span, "number", "count")


FUTURE_MARKERS = {"will", "shall", "'ll", "wo", "expect", "schedule", "plan", "set", "due", "aim", "intend",
                  "slate", "hope", "upcoming", "next", "propose"}


def tense_of(span: Span) -> Literal["past", "future"] | None:
    """Past or future, from the verbs that govern a span: "will depart", "set to", "departed"."""
    node = span.root
    for _ in range(8):
        if node.pos_ in ("VERB", "AUX"):
            words = {node.lemma_.lower()} | {c.lower_ for c in node.children if c.dep_ in ("aux", "auxpass")}
            if words & FUTURE_MARKERS:
                return "future"
            if node.tag_ in ("VBD", "VBN") or words & {"had", "has", "have", "was", "were", "did"}:
                return "past"
        if node.head is node:
            break
        node = node.head
    return None


def _overlaps(span: Span, ranges: Iterable[tuple[int, int]]) -> bool:
    return any(span.start_char < end and start < span.end_char for start, end in ranges)


def _extend_left(span: Span, phrases: list[str]) -> Span:
    """Take in a hedge written just before the span ("nearly" 1,000, "since" June)."""
    doc = span.doc
    for phrase in sorted(phrases, key=len, reverse=True):
        words = phrase.split()
        start = span.start - len(words)
        if start >= 0 and [t.lower_ for t in doc[start:span.start]] == words:
            if not (len(words) == 1 and words[0] in ("some",) and start > 0 and doc[start - 1].lower_ in ("for",)):
                return doc[start:span.end]
    return span


def _trim_date(span: Span) -> Span | None:
    """Drop leading determiners and trailing punctuation NER sometimes includes."""
    while len(span) and (span[0].lower_ in ("the", "a", ",") or span[0].is_space):
        span = span[1:]
    while len(span) and (span[-1].is_punct or span[-1].is_space):
        span = span[:-1]
    return span if len(span) else None


def _strip_and(span: Span) -> Span | None:
    while len(span) and span[-1].lower_ == "and":
        span = span[:-1]
    return span if len(span) else None


def _join_ranges(doc: Doc, spans: list[Span]) -> list[Span]:
    """"20 to 30", "20-30", "between 20 and 30", "from 20 to 30" become one mention."""
    out: list[Span] = []
    i = 0
    while i < len(spans):
        span = spans[i]
        if i + 1 < len(spans):
            nxt = spans[i + 1]
            between = doc[span.end:nxt.start]
            joiner = " ".join(t.lower_ for t in between)
            lead = doc[span.start - 1].lower_ if span.start > 0 else ""
            if (joiner in ("to", "-", "–", "—") and lead != "between") or (joiner == "and" and lead == "between"):
                start = span.start - 1 if lead in ("between", "from") else span.start
                out.append(doc[start:nxt.end])
                i += 2
                continue
        out.append(span)
        i += 1
    return out


def _is_identifier(span: Span) -> bool:
    """Numbers that name rather than count: ids, model numbers, "No. 214", "Boeing 737"."""
    digits = [t for t in span if t.like_num or t.text[:1].isdigit()]
    if any(_LONG_DIGITS.match(t.text) or _ORDINAL.match(t.text) for t in digits):
        return True
    before = span.doc[span.start - 1] if span.start > 0 else None
    if before is not None and before.is_punct and span.start > 1:  # "No. 214"
        before = span.doc[span.start - 2] if span.doc[span.start - 2].lower_ in IDENTIFIER_MARKERS else before
    if before is not None and (before.lower_ in IDENTIFIER_MARKERS or
                               (before.pos_ == "PROPN" and before.ent_type_ not in ("GPE", "NORP", "MONEY")
                                and not before.is_sent_start and before.text[:1].isupper()
                                and span[0].text[:1].isdigit())):
        return True
    if any(t.ent_type_ in NAME_ENTITIES for t in span):
        return True
    head = span.root.head
    return head.pos_ == "PROPN" and head.ent_type_ in NAME_ENTITIES | {"ORG"} and head.i > span.end - 1


def _is_lone_article(span: Span) -> bool:
    """"one" alone ("one officer told...") is a way of speaking, not a figure."""
    return len(span) == 1 and span[0].lower_ in ("one", "a", "an")


def _identifier_ranges(text: str) -> list[tuple[int, int]]:
    """Phone numbers and similar digit groups."""
    ranges = []
    for m in _PHONE.finditer(text):
        if sum(c.isdigit() for c in m.group(0)) >= 9:
            ranges.append(m.span())
    return ranges


def _addresses(doc: Doc) -> list[tuple[int, int]]:
    """House numbers: a number right before a named facility ("1800 Harbor Point Drive")."""
    ranges = []
    for ent in doc.ents:
        if ent.label_ == "FAC" and ent.start > 0 and doc[ent.start - 1].like_num:
            ranges.append((doc[ent.start - 1].idx, ent.end_char))
    return ranges


def _furniture_lines(doc: Doc) -> list[tuple[int, int]]:
    """Short lines without a sentence end that carry an identifier-like token: file names, image ids."""
    ranges = []
    pos = 0
    for line in doc.text.split("\n"):
        end = pos + len(line)
        words = line.split()
        if words and len(words) <= 15 and not _SENTENCE_END.search(line):
            if any(_MIXED.match(w) or _LONG_DIGITS.match(w.strip(",.")) for w in words):
                ranges.append((pos, end))
        pos = end + 1
    return ranges
