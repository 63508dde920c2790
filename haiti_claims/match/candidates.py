"""Which pairs of claims are weighed at all: blocking, as entity-resolution libraries do it.

A claim's blocking keys are explicit strings, `family|word`: its family (a date, or a number of
one kind and dimension: counts, sums of money, lengths...) with each content word of its
neighbourhood, its counted noun and its verb, plus `family|=value` for its value. Two claims are
candidates when they share a key. A key shared by more than `MAX_BLOCK` claims is too common to
tell anything (a stop word of the corpus) and is dropped, as dedupe drops its largest blocks;
that keeps the number of pairs near linear in the number of claims. These keys are what a run
over millions of claims would shard on.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations

from ..model import Claim, DateValue
from .units import dimension

MAX_BLOCK = 60


def family(claim: Claim) -> str:
    return "date" if isinstance(claim.value, DateValue) else dimension(claim)


def blocking_keys(claim: Claim) -> set[str]:
    fam = family(claim)
    words = set(claim.about.near)
    words.update(w for w in (claim.about.noun, claim.about.verb) if w)
    words.update(f"{field}:{v}" for field, v in (("thing", claim.subject.thing), ("event", claim.subject.event)) if v)
    return {f"{fam}|{w}" for w in words} | {f"{fam}|={claim.value!r}"}


def candidate_pairs(claims: list[Claim]) -> list[tuple[int, int]]:
    """Index pairs (i < j) of claims that share a blocking key, each once, in order (so a run does not depend
    on the order a set of keys happens to have)."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        for key in blocking_keys(claim):
            blocks[key].append(i)
    pairs: set[tuple[int, int]] = set()
    for members in blocks.values():
        if 1 < len(members) <= MAX_BLOCK:
            pairs.update(combinations(members, 2))
    return sorted(pairs)

