"""A figure told again in another unit or currency in its own sentence: one figure, worded twice.

"1.4 billion euros ($1.5 billion)", "984 feet (300 meters)", "C$14 million, or about US$10 million": the
restatement is how an article that gives only dollars meets one that gives only euros. The matcher joins the two
before anything else, and each stands for the other towards the figures of other articles (`share_links`). The
comparing stage reads the same figures side by side (`told_again`) for the figures it may judge through a
restatement.
"""
from __future__ import annotations

import re
from collections import defaultdict
from typing import Iterable, Iterator, Sequence

from ..model import Claim, NumberValue
from .cluster import neighbours
from .units import in_base_units

RESTATED = re.compile(r"^\s*(?:,\s*or|,|\(|or)\s*$")  # between a figure and its restatement: "C$14 million, or"
# what the first figure is told by or of, between it and its restatement: "$184,000 a year (about", "17.6 million
# cubic metres of water (about"
TOLD_WITH = re.compile(r"^\s+(?:a|an|per|each|of)\s+[a-z]+(?:\s+[a-z]+)?\b")
Through = dict[tuple[int, int], tuple[int, int]]  # a pair whose link a restatement set -> the two wordings it reads
CONVERSION = 1.25  # the most a rounded conversion moves a figure: "about 10 feet" for 3 metres, "4 feet" for 1.2


def side_by_side(claims: Iterable[Claim]) -> Iterator[tuple[Claim, Claim, str]]:
    """Each two figures one after the other in a sentence, with the words between them."""
    by_sentence: dict[tuple[str, str], list[Claim]] = defaultdict(list)
    for claim in claims:
        by_sentence[(claim.doc, claim.sentence)].append(claim)
    for (_, sentence), figures in by_sentence.items():
        figures.sort(key=lambda c: c.start)
        for a, b in zip(figures, figures[1:]):
            start = sentence.find(a.text)
            end = sentence.find(b.text, start + len(a.text)) if start >= 0 else -1
            if end >= 0:
                yield a, b, sentence[start + len(a.text):end]


def told_again(claims: Iterable[Claim]) -> Iterator[tuple[Claim, Claim]]:
    """Each number and the number right after it that its sentence sets beside it as another wording: after an
    "or" or an opening bracket, or after a bare comma when the second is told roughly ("C$14 million, about US$10
    million"; not a list: "pledges of €5 million, $3 million and £2 million"), with the rate or the stuff the first
    is told by between them ("$184,000 a year (about £142,000)", "17.6 million cubic metres of water (about 4.6
    billion gallons)")."""
    for a, b, between in side_by_side(c for c in claims if isinstance(c.value, NumberValue)):
        between = TOLD_WITH.sub("", between, count=1)
        if RESTATED.match(between) and (between.strip() != "," or b.value.hedge):  # type: ignore[union-attr]
            yield a, b


def converts(a: Claim, b: Claim) -> bool:
    """Whether b tells a in another unit: a sum in another currency, or a measure in another unit of its dimension
    within a rounded conversion of it ("$610 million, or 94 cents a share" is no restatement, nor "$300 million, or
    2 per cent")."""
    ua, ub = _unit(a), _unit(b)
    if not ua or not ub or ua == ub or a.kind != b.kind:
        return False
    if a.kind == "money":
        return True
    xa, xb = in_base_units(a), in_base_units(b)
    if xa is None or xb is None or xa[0] != xb[0] or xa[1] <= 0 or xb[1] <= 0:
        return False
    return max(xa[1], xb[1]) / min(xa[1], xb[1]) <= CONVERSION


def restatements(claims: Sequence[Claim]) -> list[tuple[int, int]]:
    """The pairs (i < j, indexes into claims) of a figure and its restatement in another unit or currency."""
    place = {id(c): k for k, c in enumerate(claims)}
    return sorted((min(place[id(a)], place[id(b)]), max(place[id(a)], place[id(b)]))
                  for a, b in told_again(claims) if converts(a, b))


def share_links(links: dict[tuple[int, int], float], vetoed: set[tuple[int, int]], twins: list[tuple[int, int]],
                claims: Sequence[Claim]) -> tuple[dict[tuple[int, int], float], set[tuple[int, int]], Through]:
    """The links and vetoes clustering reads (by index pairs i < j into claims), with each figure and its
    restatement joined (probability 1, no veto) and each standing for the other towards the claims of other
    articles: a figure elsewhere is as likely one quantity with the one figure as with the likelier of its
    wordings; two restated figures told in a unit they share are weighed in it ("20 million lei (about €4
    million)" against "450 million lei (about €90 million)": lei against lei, euros against euros, not lei against
    euros, which no value tells apart). A veto of either wording keeps both apart. Also returns, for each link so
    set, the two wordings whose link it is."""
    if not twins:
        return links, vetoed, {}
    wordings: dict[int, set[int]] = defaultdict(set)
    for a, b in twins:
        wordings[a] |= {a, b}
        wordings[b] |= {a, b}
    near, apart = neighbours(links, vetoed, lambda i, j: i in wordings or j in wordings)
    shared, kept_apart, through = dict(links), set(vetoed), {}
    told_by: list[tuple[int, tuple[int, int], float, tuple[int, int]]] = []  # (wording, pair, link, wordings read)
    told_as: dict[frozenset[int], list[int]] = defaultdict(list)  # the wordings of one figure: weighed once for all
    for a, mine in wordings.items():
        told_as[frozenset(mine)].append(a)
    for mine, readers in told_as.items():
        doc = claims[min(mine)].doc
        elsewhere = {x for w in mine for x in near[w] if claims[x].doc != doc and x not in mine}
        for x in sorted(elsewhere):
            theirs = wordings.get(x, {x})
            told = [(w, v) for w in mine for v in theirs]
            alike = [(w, v) for w, v in told if _unit(claims[w]) == _unit(claims[v])] if len(theirs) > 1 else []
            p, w, v = max((near[w].get(v, 0.0), w, v) for w, v in alike or told)
            for a in readers:
                pair = (min(a, x), max(a, x))
                if (w, v) != (a, x) and (pair in links or p > 0):
                    told_by.append((a, pair, p, (w, v)))
        apart_elsewhere = {x for w in mine for x in apart[w] if x not in mine}
        kept_apart |= {(min(a, x), max(a, x)) for a in readers for x in apart_elsewhere}
    # set wording by wording, in order: where a pair is set from both its claims' sides, the higher-numbered stands
    for _, pair, p, wordings_read in sorted(told_by, key=lambda t: t[0]):
        shared[pair], through[pair] = p, wordings_read
    for pair in twins:
        shared[pair] = 1.0
        kept_apart.discard(pair)
    return shared, kept_apart, through


def _unit(claim: Claim) -> str | None:
    return getattr(claim.value, "unit", None)
