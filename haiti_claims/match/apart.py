"""Two figures one sentence gives side by side: two quantities, unless the sentence relates them.

"12,132,647 tickets were sold: 9,556,792 for the Olympics and 2,575,855 for the Paralympics"; "more than 15,600
cases and 537 deaths": an article that gives two values of one kind in one sentence tells of two quantities, and
a figure elsewhere may be one of them, not both. So the two are never in one group, as a veto keeps two claims
apart; unlike a veto, this is read from the sentence, not weighed.

Nothing keeps them apart where the sentence relates the two values as one quantity's: a change or a revision of
it ("up from about 18,900", "revised to eight", "pushed back to Monday 2 September"), a difference between two
counts of it that the writer knows of, a total so far at two moments ("by midday... by the end of Friday"),
two moments of their own, or a plan against what happened ("8.6 million had been sold... they expect to reach
about 10 million"); nor where it tells one as a part of the other ("17 dead, including eight foreigners", "9.5
million were sold, out of roughly 10 million on offer"), which the comparing stage tells apart as part and whole.
A figure and its restatement in another unit (restated.py) is one figure.
"""
from __future__ import annotations

from collections import defaultdict
from itertools import combinations
from typing import Sequence

from ..model import Claim
from .candidates import family

RELATED = frozenset({"revision", "replacement", "changed-from", "moved-to", "contrast", "running", "out-of"})


def told_apart(a: Claim, b: Claim) -> bool:
    """Whether two figures of one family in one sentence are two quantities (see the module's docstring): of the
    markers (Claim.markers), those RELATED names relate them."""
    return (a.value != b.value and not RELATED.intersection(a.markers + b.markers) and a.as_of == b.as_of
            and (a.quantity == "plan") == (b.quantity == "plan") and not (a.about.part or b.about.part))


def kept_apart(claims: Sequence[Claim], twins: Sequence[tuple[int, int]]) -> set[tuple[int, int]]:
    """The pairs (i < j, indexes into claims) of figures their sentence tells apart, but for a figure and its
    restatement (`twins`)."""
    by_sentence: dict[tuple[str, str, str], list[int]] = defaultdict(list)
    for k, claim in enumerate(claims):
        by_sentence[(claim.doc, claim.sentence, family(claim))].append(k)
    restated = set(twins)
    return {(i, j) for members in by_sentence.values() for i, j in combinations(members, 2)
            if (i, j) not in restated and told_apart(claims[i], claims[j])}
