"""The peer libraries, each used alone as its own users would: dateparser, quantulum3, spaCy NER.

Development-only dependencies (the `bench` extra). Each adapter turns the library's output into
`Found` items so that the same scorer judges every system on the same cases.
"""
from __future__ import annotations

import warnings
from datetime import date, datetime

from .conformance import Case, Found, System

# dateparser needs some base for relative dates; a case without a reference date gets a fixed one,
# never today, so that the figures do not drift with the calendar.
FIXED_BASE = datetime(2000, 1, 1)


class DateparserSearch:
    """`dateparser.search.search_dates` with RELATIVE_BASE at the case's reference date."""

    name = "dateparser"
    files = ("dates",)
    spans_only = False

    def find(self, file: str, cases: list[Case]) -> list[list[Found]]:
        from dateparser.search import search_dates

        out = []
        for case in cases:
            base = datetime.fromisoformat(case["reference"]) if case.get("reference") else FIXED_BASE
            settings = {"RELATIVE_BASE": base, "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False}
            hits = search_dates(case["text"], languages=["en"], settings=settings) or []
            out.append(list(_located(case["text"], [(s, d.date()) for s, d in hits])))
        return out

    def in_scope(self, case: Case, found: Found) -> bool:
        return case["scope"] in ("all", "date")  # a single day is all it states


def _located(text: str, hits: list[tuple[str, date]]):
    """Offsets of each found substring, searching on from the previous one."""
    pos = 0
    for surface, day in hits:
        start = text.find(surface, pos)
        if start < 0:
            start = text.find(surface)
        if start < 0:
            continue
        pos = start + len(surface)
        yield Found(start, start + len(surface), "date", low=day, high=day, text=surface)


class Quantulum:
    """`quantulum3.parser.parse`: every quantity with its value; a range is its value ± uncertainty."""

    name = "quantulum3"
    files = ("numbers", "ranges", "quantities")
    spans_only = False

    def __init__(self) -> None:
        warnings.filterwarnings("ignore", module="quantulum3")

    def find(self, file: str, cases: list[Case]) -> list[list[Found]]:
        from quantulum3 import parser

        out = []
        for case in cases:
            finds = []
            for q in parser.parse(case["text"]):
                spread = q.uncertainty or 0.0
                kind = {"currency": "money"}.get(q.unit.entity.name, "quantity")
                if q.unit.name == "percentage":
                    kind = "percent"
                elif q.unit.name == "dimensionless":
                    kind = "count"
                finds.append(Found(q.span[0], q.span[1], kind, value=q.value, low=q.value - spread,
                                   high=q.value + spread, text=q.surface))
            out.append(finds)
        return out

    def in_scope(self, case: Case, found: Found) -> bool:
        scope = case.get("scope")
        wanted = {"number": {"count"}, "currency": {"money"}, "percent": {"percent"},
                  "dimension": {"quantity"}, "temperature": {"quantity"}, "age": {"quantity"}}
        return scope not in wanted or found.kind in wanted[scope]


SPACY_LABELS = {
    "number": {"CARDINAL"}, "ordinal": {"ORDINAL"}, "currency": {"MONEY"}, "percent": {"PERCENT"},
    "dimension": {"QUANTITY"}, "temperature": {"QUANTITY"}, "age": {"DATE", "QUANTITY"},
    "range": {"CARDINAL", "MONEY", "PERCENT", "QUANTITY"},
    "quantity": {"CARDINAL", "MONEY", "PERCENT", "QUANTITY", "DATE", "TIME"},
    "all": {"DATE"}, "date": {"DATE"}, "daterange": {"DATE"},
}


class SpacyNER:
    """spaCy's named entities alone: spans with a label and no value, so scored on spans only."""

    name = "spaCy NER (spans only)"
    files = ("numbers", "ranges", "quantities", "dates")
    spans_only = True

    def __init__(self) -> None:
        from haiti_claims import nlp as nlp_module

        self.nlp = nlp_module.load()

    def find(self, file: str, cases: list[Case]) -> list[list[Found]]:
        return [[Found(e.start_char, e.end_char, e.label_, text=e.text) for e in doc.ents]
                for doc in self.nlp.pipe(c["text"] for c in cases)]

    def in_scope(self, case: Case, found: Found) -> bool:
        scope = case.get("scope") or "quantity"
        return found.kind in SPACY_LABELS[scope]


def peer_systems() -> list[System]:
    return [DateparserSearch(), Quantulum(), SpacyNER()]
