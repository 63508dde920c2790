"""Which claims speak of the same quantity or event, in the shape entity-resolution libraries use.

    candidates (blocking keys) -> evidence (one reader per kind) -> score (fitted weights) -> cluster

`match` returns a `Matching`: each claim's group (None for a claim joined to nothing) and, for
every weighed pair, a `Link` with its probability and the evidence read, so a report can say why
two claims were compared. Withdrawn figures and the dates of saying ("said on Tuesday") are
never matched.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Iterable

from ..model import Claim, DateValue, Evidence
from .candidates import candidate_pairs
from .cluster import average_linkage
from .evidence import Pair, Profile, read_all
from .score import Weights, features, load_weights, second_features

NOT_MATCHED_EVENTS = {"statement"}  # "said on Tuesday" dates the saying, not the event

__all__ = ["Link", "Matching", "Weights", "load_weights", "match"]


@dataclass(frozen=True)
class Link:
    """A decision about one candidate pair: the probability that it is one quantity, and why."""

    probability: float
    evidence: tuple[Evidence, ...]
    veto: str | None = None  # the reader whose conflict keeps the pair apart


@dataclass(frozen=True)
class Matching:
    group: dict[str, str | None]  # claim id -> group id
    links: dict[frozenset[str], Link]

    def link(self, a: str, b: str) -> Link | None:
        return self.links.get(frozenset((a, b)))


def matchable(claim: Claim) -> bool:
    return claim.status != "withdrawn" and claim.subject.event not in NOT_MATCHED_EVENTS


def rarity(claims: Iterable[Claim]) -> dict[str, float]:
    """Inverse document frequency of each word over the claims' sentences and neighbourhoods."""
    claims = list(claims)
    df: Counter[str] = Counter()
    for c in claims:
        df.update(set(c.about.near) | set(c.about.sentence))
    n = len(claims)
    return {w: math.log((n + 1) / (k + 0.5)) for w, k in df.items()}


def weighed_pairs(claims: list[Claim], weights: Weights) -> dict[tuple[int, int], tuple[float, tuple[Evidence, ...]]]:
    """Every candidate pair's evidence and first-model probability, by index into `claims`."""
    idf_table = rarity(claims)
    default = max(idf_table.values(), default=1.0)
    idf = lambda w: idf_table.get(w, default)  # noqa: E731
    values = Counter(c.value for c in claims)
    profiles: dict[int, Profile] = {}
    out = {}
    for i, j in candidate_pairs(claims):
        for k in (i, j):
            if k not in profiles:
                profiles[k] = Profile(claims[k], idf, values[claims[k].value])
        evidence = read_all(Pair(claims[i], claims[j], profiles[i], profiles[j]))
        is_date = isinstance(claims[i].value, DateValue)
        out[(i, j)] = (weights.first.probability(features(evidence, is_date)), evidence)
    return out


def second_inputs(claims: list[Claim], first: dict[tuple[int, int], float]) -> dict[tuple[int, int], list[float]]:
    """The second model's inputs for each pair: the first probability, whether each claim is the other's best
    candidate in the other's article, and by how much (its margin over the runner-up, or its shortfall from
    the best)."""
    best: dict[tuple[int, str], float] = defaultdict(float)
    runner_up: dict[tuple[int, str], float] = defaultdict(float)
    for (i, j), p in first.items():
        for x, y in ((i, j), (j, i)):
            key = (x, claims[y].doc)
            if p > best[key]:
                best[key], runner_up[key] = p, best[key]
            elif p > runner_up[key]:
                runner_up[key] = p
    out = {}
    for (i, j), p in first.items():
        margins = []
        for key in ((i, claims[j].doc), (j, claims[i].doc)):
            margins.append(p - runner_up[key] if p >= best[key] else p - best[key])
        out[(i, j)] = second_features(p, min(margins) >= 0, max(margins) >= 0, min(margins), max(margins))
    return out


def rescore(claims: list[Claim], first: dict[tuple[int, int], float], weights: Weights) -> dict[tuple[int, int], float]:
    """The second model's probability for each pair."""
    return {pair: weights.second.probability(x) for pair, x in second_inputs(claims, first).items()}


def vetoed_pairs(weighed: dict[tuple[int, int], tuple[float, tuple[Evidence, ...]]], weights: Weights
                 ) -> dict[tuple[int, int], str]:
    """The pairs a vetoing reader keeps apart, with that reader's name."""
    out = {}
    for pair, (_, evidence) in weighed.items():
        veto = next((e.reader for e in evidence if e.reader in weights.veto and e.verdict == "conflict"), None)
        if veto:
            out[pair] = veto
    return out


def match(claims: list[Claim], weights: Weights | None = None) -> Matching:
    weights = weights or load_weights()
    pool = [c for c in claims if matchable(c)]
    weighed = weighed_pairs(pool, weights)
    probability = rescore(pool, {k: p for k, (p, _) in weighed.items()}, weights)
    vetoed = vetoed_pairs(weighed, weights)
    links = {frozenset((pool[i].id, pool[j].id)): Link(round(probability[(i, j)], 4), evidence, vetoed.get((i, j)))
             for (i, j), (_, evidence) in weighed.items()}
    labels = average_linkage(len(pool), probability, set(vetoed), weights.join)
    sizes = Counter(labels)
    names: dict[int, str] = {}
    group: dict[str, str | None] = {c.id: None for c in claims}
    for claim, label in zip(pool, labels):
        if sizes[label] > 1:
            group[claim.id] = names.setdefault(label, f"g{len(names) + 1}")
    return Matching(group, links)
