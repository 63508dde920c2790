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
PER_CLAIM = 12  # partners each claim keeps: the pairs weighed stay within PER_CLAIM x the claims


def family(claim: Claim) -> str:
    return "date" if isinstance(claim.value, DateValue) else dimension(claim)


def blocking_keys(claim: Claim) -> set[str]:
    fam = family(claim)
    words = set(claim.about.near)
    words.update(w for w in (claim.about.noun, claim.about.verb) if w)
    words.update(f"{field}:{v}" for field, v in (("thing", claim.subject.thing), ("event", claim.subject.event)) if v)
    return {f"{fam}|{w}" for w in words} | {f"{fam}|={claim.value!r}"}


def candidate_pairs(claims: list[Claim], per_claim: int = PER_CLAIM) -> list[tuple[int, int]]:
    """Index pairs (i < j) of claims that share blocking keys, in order (so a run does not depend on the order
    a set of keys happens to have). Each claim keeps the `per_claim` partners it shares the most telling keys
    with (a key tells more the fewer claims hold it), so the pairs grow linearly with the claims."""
    blocks: dict[str, list[int]] = defaultdict(list)
    for i, claim in enumerate(claims):
        for key in sorted(blocking_keys(claim)):
            blocks[key].append(i)
    shared: dict[tuple[int, int], float] = defaultdict(float)
    for members in blocks.values():
        if 1 < len(members) <= MAX_BLOCK:
            weight = 1.0 / len(members)
            for pair in combinations(members, 2):
                shared[pair] += weight
    partners: dict[int, list[tuple[float, int, int]]] = defaultdict(list)
    for (i, j), weight in shared.items():
        partners[i].append((-weight, j, j))
        partners[j].append((-weight, i, i))
    kept = {(min(i, j), max(i, j)) for i, ranked in partners.items() for _, j, _ in sorted(ranked)[:per_claim]}
    return sorted(kept)

