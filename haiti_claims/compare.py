"""Grouping claims that speak of the same quantity or event, and comparing their values.

A claim's grouping keys are built from its canonical subject: (kind, unit, actor, thing,
qualifier class, event). A claim with several qualifier classes has one key per class;
one with none has the key "-". Claims are bucketed by key (a dict, so grouping is linear
in the number of claims) and compared only inside a bucket.

Inside a bucket, claims with the same value form a position; two positions whose
intervals do not meet cannot both be true: a `contradiction` (error) when they come from
different articles, `intra-document` (warning) inside one. Positions that meet only
because of a hedge, with neither figure inside the other's interval, are a `near-miss`
(info). Relative dates with no publication date give one `unanchored-date` (info) per article.
"""
from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from itertools import combinations
from typing import Hashable, Iterable

from .config import Config
from .model import SEVERITY_RANK, Claim, DateValue, Finding, NumberValue, Problem, Value



@dataclass(frozen=True)
class Draft:
    """A finding before ids are given."""

    kind: str
    subject: str
    message: str
    claims: tuple[Claim, ...] = ()
    doc: str | None = None


def group_keys(claim: Claim) -> list[tuple[Hashable, ...]]:
    """The buckets a claim goes in; none when its subject is too thin to compare on."""
    s = claim.subject
    if s.thing is None and s.event is None:
        return []
    if not _comparable(claim.value):
        return []
    unit = getattr(claim.value, "unit", None)
    base = (claim.kind, unit, (s.actor or "").lower(), s.thing, s.event)
    return [base + (q,) for q in (s.qualifiers or ("-",))]


def _comparable(value: Value) -> bool:
    if isinstance(value, DateValue):
        return value.anchored and (value.start is not None or value.end is not None)
    return value.low is not None or value.high is not None


def _bounds(value: Value) -> tuple[float, float]:
    if isinstance(value, DateValue):
        low = value.start.toordinal() if value.start else float("-inf")
        high = value.end.toordinal() if value.end else float("inf")
        return low, high
    return (value.low if value.low is not None else float("-inf"),
            value.high if value.high is not None else float("inf"))


def _nominal(value: Value) -> float | None:
    if isinstance(value, NumberValue):
        return value.nominal if value.hedge not in ("over", "under", "at least", "up to") else None
    return None


def _meets(a: Value, b: Value) -> bool:
    (alo, ahi), (blo, bhi) = _bounds(a), _bounds(b)
    return alo <= bhi and blo <= ahi


def _near_miss(a: Value, b: Value) -> bool:
    """They meet, but only at the edge of a hedge: neither figure lies in the other's interval."""
    na, nb = _nominal(a), _nominal(b)
    if na is None or nb is None or na == nb:
        return False
    (alo, ahi), (blo, bhi) = _bounds(a), _bounds(b)
    return not (blo <= na <= bhi) and not (alo <= nb <= ahi)


def describe(value: Value) -> str:
    """A short human form of a value for messages."""
    if isinstance(value, DateValue):
        if value.start and value.end:
            return value.start.isoformat() if value.start == value.end else f"{value.start}..{value.end}"
        return f"from {value.start}" if value.start else f"until {value.end}"
    lo, hi = value.low, value.high
    fmt = lambda x: f"{x:,.0f}" if x == int(x) else f"{x:,}"  # noqa: E731
    if lo is not None and lo == hi:
        return fmt(lo)
    return f"{fmt(lo) if lo is not None else ''}..{fmt(hi) if hi is not None else ''}"


def _stated(value: Value, claims: list[Claim]) -> str:
    """The figure as written, with its normalised value where that differs: "early 2025 [2025-01-01..2025-04-30]"."""
    written, normal = claims[0].text, describe(value)
    return written if written.replace(",", "") == normal.replace(",", "") else f"{written} [{normal}]"


def _where(claims: Iterable[Claim]) -> str:
    return ", ".join(dict.fromkeys(f"{c.doc}:{c.line}" for c in claims))


def _subject_label(key: tuple[Hashable, ...], sample: Claim) -> str:
    kind, unit, _actor, thing, event, qualifier = key
    parts = [sample.subject.actor or "?", thing or kind]
    if qualifier != "-":
        parts.append(str(qualifier))
    if event:
        parts.append(str(event))
    return " · ".join(str(p) for p in parts)


def compare(claims: list[Claim]) -> list[Draft]:
    """Findings about claims: conflicts inside subject groups, and unanchored dates."""
    groups: dict[tuple[Hashable, ...], list[Claim]] = defaultdict(list)
    for claim in claims:
        for key in group_keys(claim):
            groups[key].append(claim)
    drafts: dict[frozenset[str], Draft] = {}
    for key in sorted(groups, key=repr):
        members = groups[key]
        positions: dict[Value, list[Claim]] = defaultdict(list)
        for claim in members:
            positions[claim.value].append(claim)
        if len(positions) < 2:
            continue
        label = _subject_label(key, members[0])
        ordered = sorted(positions.items(), key=lambda kv: (_bounds(kv[0]), kv[1][0].doc, kv[1][0].start))
        for (va, ca), (vb, cb) in combinations(ordered, 2):
            if not _meets(va, vb):
                cross = any(x.doc != y.doc for x in ca for y in cb)
                kind = "contradiction" if cross else "intra-document"
            elif _near_miss(va, vb):
                kind = "near-miss"
            else:
                continue
            ids = frozenset(c.id for c in ca + cb)
            if ids in drafts:
                continue
            joiner = "vs" if kind != "near-miss" else "agree only at the edge of a hedge with"
            message = f"{_stated(va, ca)} ({_where(ca)}) {joiner} {_stated(vb, cb)} ({_where(cb)})"
            drafts[ids] = Draft(kind, label, message, tuple(ca + cb))
    drafts_list = list(drafts.values())
    drafts_list += _unanchored(claims)
    return drafts_list


def _unanchored(claims: list[Claim]) -> list[Draft]:
    by_doc: dict[str, list[Claim]] = defaultdict(list)
    for claim in claims:
        if isinstance(claim.value, DateValue) and not claim.value.anchored:
            by_doc[claim.doc].append(claim)
    return [Draft("unanchored-date", "publication date",
                  f"{len(cs)} relative date(s) in {doc} left unresolved: no publication date "
                  f"(add one in front matter, metadata.csv or --published): " + ", ".join(repr(c.text) for c in cs),
                  tuple(cs), doc=doc)
            for doc, cs in sorted(by_doc.items())]


def problem_drafts(problems: Iterable[Problem]) -> list[Draft]:
    return [Draft(p.kind, p.doc, f"{p.doc}: {p.message}", doc=p.doc) for p in problems]


def finalise(drafts: list[Draft], config: Config) -> list[Finding]:
    """Severity from the kind (and the user's overrides), deterministic order, ids f1, f2, ..."""
    rows = []
    for d in drafts:
        severity = config.severity_of(d.kind)
        first = min(((c.doc, c.start) for c in d.claims), default=(d.doc or "", 0))
        rows.append((SEVERITY_RANK[severity], d.subject, first, d.message, severity, d))
    rows.sort(key=lambda r: r[:4])
    return [Finding(id=f"f{i}", kind=d.kind, severity=severity, subject=d.subject, message=d.message,
                    claims=tuple(c.id for c in d.claims), doc=d.doc)
            for i, (_, _, _, _, severity, d) in enumerate(rows, start=1)]


__all__ = ["compare", "finalise", "problem_drafts", "group_keys", "describe"]
