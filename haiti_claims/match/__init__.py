"""Which claims speak of the same quantity or event, in the shape entity-resolution libraries use.

    candidates (blocking keys) -> evidence (one reader per kind) -> score (fitted weights) -> cluster

with two constraints read from the text, not weighed: a figure and its restatement in another unit or currency
("1.4 billion euros ($1.5 billion)") are one figure, joined before clustering (restated.py); two figures one
sentence gives side by side ("9,556,792 for the Olympics and 2,575,855 for the Paralympics") are two, never
joined, unless the sentence relates them as one quantity's values (apart.py).

`match` returns a `Matching`: each claim's group (None for a claim joined to nothing) and, for
every weighed pair, a `Link` with its probability and the evidence read, so a report can say why
two claims were compared. Withdrawn figures and the dates of saying ("said on Tuesday") are
never matched.

A run reads every candidate pair at once (`Pairs`: batch.py's readers over numpy arrays); the
readers of evidence.py, one pair at a time, are the definition, and are what a `Link` shows: its
evidence is read when a report first asks for it. `weighed_pairs`, `second_inputs`, `rescore` and
`vetoed_pairs` are the pair-at-a-time path, kept as the reference the fast one is tested against.
"""
from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from typing import Callable, Iterable, Iterator, Mapping

import numpy as np

from ..collector import paused
from ..model import Claim, DateValue, Evidence
from ..normalize.dates import is_comparison
from . import batch
from .apart import kept_apart
from .candidates import candidate_arrays, candidate_pairs
from .cluster import average_linkage
from .evidence import READERS, Pair, Profile, read_all, rivals, siblings
from .restated import Through, restatements, share_links
from .score import (Weights, best_match, feature_columns, feature_matrix, features, load_weights, second_columns,
                    second_features)

NOT_MATCHED_EVENTS = {"statement"}  # "said on Tuesday" dates the saying, not the event

__all__ = ["Link", "Matching", "Weights", "load_weights", "match"]


class Link:
    """A decision about one candidate pair: the probability that it is one quantity, and why.

    `evidence` is the readers' output; given as a function, it is read the first time it is asked for
    (a run weighs every pair, a report explains a few)."""

    __slots__ = ("_probability", "_veto", "_evidence")

    def __init__(self, probability: float,
                 evidence: tuple[Evidence, ...] | Callable[[], tuple[Evidence, ...]],
                 veto: str | None = None):
        self._probability, self._veto, self._evidence = probability, veto, evidence

    @property
    def probability(self) -> float:
        return self._probability

    @property
    def veto(self) -> str | None:
        """The reader whose conflict keeps the pair apart."""
        return self._veto

    @property
    def evidence(self) -> tuple[Evidence, ...]:
        if callable(self._evidence):
            self._evidence = self._evidence()
        return self._evidence

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Link):
            return NotImplemented
        return (self.probability, self.evidence, self.veto) == (other.probability, other.evidence, other.veto)

    def __hash__(self) -> int:
        return hash((self.probability, self.evidence, self.veto))

    def __repr__(self) -> str:
        return f"Link(probability={self.probability!r}, evidence={self.evidence!r}, veto={self.veto!r})"


@dataclass(frozen=True)
class Matching:
    group: dict[str, str | None]  # claim id -> group id
    links: Mapping[frozenset[str], Link]  # a pair of claim ids -> its link, for every weighed pair

    def link(self, a: str, b: str) -> Link | None:
        return self.links.get(frozenset((a, b)))


def matchable(claim: Claim) -> bool:
    """Withdrawn figures, dates of saying and periods compared with ("rose 3.1% from a year earlier": the base
    of a change, not an event) are never matched; a figure a verb of saying gives ("reported 95 cases") is a
    figure like any other."""
    if isinstance(claim.value, DateValue) and (claim.subject.event in NOT_MATCHED_EVENTS or
                                               is_comparison(claim.text)):
        return False
    return claim.status != "withdrawn"


def rarity(claims: Iterable[Claim]) -> dict[str, float]:
    """Inverse document frequency of each word over the claims' sentences and neighbourhoods."""
    claims = list(claims)
    df: Counter[str] = Counter()
    for c in claims:
        df.update(set(c.about.near) | set(c.about.sentence))
    n = len(claims)
    return {w: math.log((n + 1) / (k + 0.5)) for w, k in df.items()}


def _idf(claims: list[Claim]) -> Callable[[str], float]:
    idf_table = rarity(claims)
    default = max(idf_table.values(), default=1.0)
    return lambda w: idf_table.get(w, default)


class Pairs:
    """Every candidate pair of a list of claims and what each reader saw in it, read at once (batch.py):
    pair k is (claims[i[k]], claims[j[k]]), i[k] < j[k], in the order of `candidate_pairs`."""

    def __init__(self, claims: list[Claim]):
        self.claims = claims
        self.i, self.j = candidate_arrays(claims)
        encoded = batch.encode(claims)
        self.readings = batch.read_all(encoded, self.i, self.j)
        self.is_date = encoded.is_date[self.i]
        self._docs, self._stating, self._idf = encoded.doc, encoded.stating, encoded.idf
        self._siblings = encoded.siblings
        self._statement = batch.Vocabulary().ids([statement_of(c) for c in claims])
        self.restated = restatements(claims)
        self.apart = kept_apart(claims, self.restated)

    def __len__(self) -> int:
        return len(self.i)

    def index(self) -> list[tuple[int, int]]:
        return list(zip(self.i.tolist(), self.j.tolist()))

    def features(self) -> np.ndarray:
        """`score.features` of every pair, one row each."""
        return feature_matrix(self.readings, self.is_date)

    def first(self, weights: Weights) -> np.ndarray:
        """The first model's probability of every pair."""
        return weights.first.probabilities(feature_columns(self.readings, self.is_date))

    def second_inputs(self, first: np.ndarray) -> list[np.ndarray]:
        """`second_inputs` of every pair, as columns."""
        n = len(self.i)
        if not n:
            return second_columns(first, np.zeros(0), np.zeros(0))
        owner = np.r_[self.i, self.j]  # a claim, and the article of the other claim of the pair
        other = np.r_[self._docs[self.j], self._docs[self.i]]
        p = np.r_[first, first]
        key = owner * (int(self._docs.max(initial=0)) + 1) + other
        order = np.lexsort((-p, key))  # each (claim, article) with its pairs, the most probable first
        key_sorted = key[order]
        group = np.r_[0, np.flatnonzero(key_sorted[1:] != key_sorted[:-1]) + 1]
        size = np.diff(np.r_[group, len(key_sorted)])
        best = np.empty(2 * n)
        runner_up = np.empty(2 * n)
        best[order] = np.repeat(p[order][group], size)
        partner = np.r_[self.j, self.i][order]
        copy_of_best = self._statement[partner] == np.repeat(self._statement[partner[group]], size)
        second = np.maximum.reduceat(np.where(copy_of_best, 0.0, p[order]), group)  # the best other statement
        runner_up[order] = np.repeat(second, size)
        margin = np.where(p >= best, p - runner_up, p - best)
        low, high = np.minimum(margin[:n], margin[n:]), np.maximum(margin[:n], margin[n:])
        return second_columns(first, low, high)

    def second(self, weights: Weights, inputs: list[np.ndarray] | None = None) -> np.ndarray:
        """The second model's probability of every pair (from its inputs, where they are known)."""
        inputs = self.second_inputs(self.first(weights)) if inputs is None else inputs
        return weights.second.probabilities(inputs) if len(self.i) else np.zeros(0)

    def vetoes(self, weights: Weights) -> list[str | None]:
        """For each pair, the first vetoing reader that finds a conflict in it, or None."""
        veto = np.full(len(self.i), None, dtype=object)
        for read in READERS:
            if read.__name__ in weights.veto:
                veto[(self.readings.verdict[read.__name__] == batch.CONFLICT) & (veto == None)] = read.__name__  # noqa: E711
        return veto.tolist()

    def evidence(self, k: int) -> tuple[Evidence, ...]:
        """What the readers of evidence.py see in pair k, with their words."""
        i, j = int(self.i[k]), int(self.j[k])
        table = self._idf
        default = max(table.values(), default=1.0)
        idf = lambda w: table.get(w, default)  # noqa: E731  (as `rarity` and `weighed_pairs` make it)
        a, b = self.claims[i], self.claims[j]
        profile = lambda k: _profile(self.claims, k, idf, int(self._stating[k]), self._siblings[k])  # noqa: E731
        return read_all(Pair(a, b, profile(i), profile(j)))

    def joined(self, probability: np.ndarray, veto: list[str | None]
               ) -> tuple[dict[tuple[int, int], float], set[tuple[int, int]], Through]:
        """The links and vetoes clustering reads: every weighed pair's, the figures their sentence tells apart
        kept apart (apart.py), each figure joined to its restatement in another unit and standing for it towards
        other articles (`restated.share_links`, which also says which links a restatement set, and through which
        wordings)."""
        index = self.index()
        vetoed = {pair for pair, v in zip(index, veto) if v} | self.apart
        return share_links(dict(zip(index, probability.tolist())), vetoed, self.restated, self.claims)

    def labels(self, weights: Weights, probability: np.ndarray | None = None, veto: list[str | None] | None = None
               ) -> list[int]:
        """A cluster label for each claim."""
        probability = self.second(weights) if probability is None else probability
        veto = self.vetoes(weights) if veto is None else veto
        links, vetoed, _ = self.joined(probability, veto)
        return average_linkage(len(self.claims), links, vetoed, weights.join)


class Links(Mapping[frozenset[str], Link]):
    """Every weighed pair's `Link` by the pair of claim ids, made when asked for."""

    def __init__(self, pairs: Pairs, probability: np.ndarray, veto: list[str | None], inputs: list[np.ndarray],
                 restated: Mapping[tuple[int, int], tuple[float, tuple[int, int] | None]] | None = None):
        self._pairs, self._probability, self._veto, self._inputs = pairs, probability, veto, inputs
        self._restated = restated or {}  # pairs a restatement joined: (probability, the wordings it read, if others)
        self._place = {c.id: k for k, c in enumerate(pairs.claims)}
        n = len(pairs.claims)
        self._number = dict(zip((pairs.i * n + pairs.j).tolist(), range(len(pairs))))

    def __getitem__(self, key: frozenset[str]) -> Link:
        ids = tuple(key)
        if len(ids) != 2 or ids[0] not in self._place or ids[1] not in self._place:
            raise KeyError(key)
        i, j = sorted(self._place[x] for x in ids)
        k = self._number.get(i * len(self._pairs.claims) + j)
        if k is None:
            raise KeyError(key)
        if (i, j) in self._restated:
            p, wordings = self._restated[(i, j)]
            return Link(round(p, 4), lambda: self._evidence(k) + (self._restatement(k, wordings, p),),
                        None if wordings is None else self._veto[k])
        return Link(round(float(self._probability[k]), 4), lambda: self._evidence(k), self._veto[k])

    def _evidence(self, k: int) -> tuple[Evidence, ...]:
        """What the readers saw in pair k, and what the second model read of it."""
        return self._pairs.evidence(k) + (best_match([float(column[k]) for column in self._inputs]),)

    def _restatement(self, k: int, wordings: tuple[int, int] | None, p: float) -> Evidence:
        """How a restatement decided pair k: it is one figure told twice (no wordings), or the pair is weighed as
        two other wordings of its figures are, for more (agree) or less (conflict) than its own probability."""
        claims = self._pairs.claims
        if wordings is None:
            return Evidence("restatement", "agree", 1.0,
                            f"{claims[self._pairs.i[k]].text} told again as {claims[self._pairs.j[k]].text}")
        w, v = (claims[x].text for x in wordings)
        return Evidence("restatement", "agree" if p >= self._probability[k] else "conflict", 1.0,
                        f"weighed as {w} against {v}, the same figures in other words ({p:.2f})")

    def __iter__(self) -> Iterator[frozenset[str]]:
        claims = self._pairs.claims
        return (frozenset((claims[i].id, claims[j].id)) for i, j in self._pairs.index())

    def __len__(self) -> int:
        return len(self._pairs)


def _profile(claims: list[Claim], k: int, idf: Callable[[str], float], stating: int,
             sibling: tuple[int, ...]) -> Profile:
    """Claim k's profile, its rivals read from its siblings (indexes into claims)."""
    return Profile(claims[k], idf, stating, rivals(claims[k], [claims[s] for s in sibling]))


def weighed_pairs(claims: list[Claim], weights: Weights) -> dict[tuple[int, int], tuple[float, tuple[Evidence, ...]]]:
    """Every candidate pair's evidence and first-model probability, by index into `claims`, one pair at a time
    (the reference: `Pairs` is the fast path)."""
    idf, values, sibling = _idf(claims), Counter(c.value for c in claims), siblings(claims)
    profiles: dict[int, Profile] = {}
    out = {}
    for i, j in candidate_pairs(claims):
        for k in (i, j):
            if k not in profiles:
                profiles[k] = _profile(claims, k, idf, values[claims[k].value], sibling[k])
        evidence = read_all(Pair(claims[i], claims[j], profiles[i], profiles[j]))
        is_date = isinstance(claims[i].value, DateValue)
        out[(i, j)] = (weights.first.probability(features(evidence, is_date)), evidence)
    return out


def statement_of(claim: Claim) -> tuple[str, str, str]:
    """What a claim states where: an article that repeats a sentence word for word (a standfirst the body
    repeats) states its figures once, so the copies are no rivals of each other."""
    return claim.doc, claim.sentence, claim.text


def second_inputs(claims: list[Claim], first: dict[tuple[int, int], float]) -> dict[tuple[int, int], list[float]]:
    """The second model's inputs for each pair: the first probability, whether each claim is the other's best
    candidate in the other's article, and by how much (its margin over the runner-up, the best of the other
    statements there, or its shortfall from the best)."""
    by_statement: dict[tuple[int, str], dict[tuple[str, str, str], float]] = defaultdict(dict)
    for (i, j), p in first.items():
        for x, y in ((i, j), (j, i)):
            seen = by_statement[(x, claims[y].doc)]
            said = statement_of(claims[y])
            seen[said] = max(p, seen.get(said, 0.0))
    best: dict[tuple[int, str], float] = {}
    runner_up: dict[tuple[int, str], float] = {}
    for key, seen in by_statement.items():
        top = sorted(seen.values(), reverse=True) + [0.0]
        best[key], runner_up[key] = top[0], top[1]
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
    with paused():
        return _match(claims, weights or load_weights())


def _match(claims: list[Claim], weights: Weights) -> Matching:
    pool = [c for c in claims if matchable(c)]
    pairs = Pairs(pool)
    inputs = pairs.second_inputs(pairs.first(weights))
    probability, veto = pairs.second(weights, inputs=inputs), pairs.vetoes(weights)
    joined, vetoed, through = pairs.joined(probability, veto)
    labels = average_linkage(len(pool), joined, vetoed, weights.join)
    restated = {pair: (joined[pair], through.get(pair)) for pair in [*through, *pairs.restated]}
    links = Links(pairs, probability, veto, inputs, restated)
    sizes = Counter(labels)
    names: dict[int, str] = {}
    group: dict[str, str | None] = {c.id: None for c in claims}
    for claim, label in zip(pool, labels):
        if sizes[label] > 1:
            group[claim.id] = names.setdefault(label, f"g{len(names) + 1}")
    return Matching(group, links)
