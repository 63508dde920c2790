"""A stand-in for the matcher in tests of the comparing stage: claims with one subject are one group.

Tests of comparison rules build claims by hand; which claims speak of one quantity is the matcher's
decision and is tested through it (test_match.py, test_shapes.py). Here the test says it outright.
"""
from __future__ import annotations

from haiti_claims.compare import Draft, compare
from haiti_claims.match import Link, Matching
from haiti_claims.model import Claim


def by_subject(claims: list[Claim]) -> Matching:
    """One group per (kind, unit, subject), every pair in it linked with certainty."""
    names: dict[tuple, str] = {}
    group = {}
    for c in claims:
        key = (c.kind, getattr(c.value, "unit", None), c.subject)
        group[c.id] = names.setdefault(key, f"g{len(names) + 1}")
    links = {frozenset((a.id, b.id)): Link(1.0, ()) for a in claims for b in claims
             if a.id < b.id and group[a.id] == group[b.id]}
    return Matching(group, links)


def compare_by_subject(claims: list[Claim]) -> list[Draft]:
    return compare(claims, by_subject(claims))
