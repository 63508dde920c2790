"""Average-linkage clustering (match/cluster.py) against its definition, worked out the slow way."""
from __future__ import annotations

import random
from itertools import combinations

import pytest

from haiti_claims.match.cluster import average_linkage


def by_definition(n: int, links: dict[tuple[int, int], float], vetoed: set[tuple[int, int]],
                  threshold: float) -> list[int]:
    """Join the two groups of highest mean link (a pair never weighed counts as 0), the lowest-numbered first
    among equals, while that mean reaches the threshold and no vetoed pair lies between them; each item is
    labelled by the lowest item of its group."""
    groups = [[i] for i in range(n)]
    while True:
        best = None
        for a, b in combinations(sorted(groups), 2):
            if any((min(x, y), max(x, y)) in vetoed for x in a for y in b):
                continue
            mean = sum(links.get((min(x, y), max(x, y)), 0.0) for x in a for y in b) / (len(a) * len(b))
            if mean >= threshold and (best is None or (-mean, a[0], b[0]) < best[0]):
                best = ((-mean, a[0], b[0]), a, b)
        if best is None:
            return [min(g) for i in range(n) for g in groups if i in g]
        _, a, b = best
        groups.remove(b)
        a += b
        a.sort()


@pytest.mark.parametrize("seed", range(40))
def test_average_linkage_joins_as_its_definition_says(seed):
    rng = random.Random(seed)
    n = rng.randint(2, 14)
    links = {pair: rng.randrange(17) / 16 for pair in combinations(range(n), 2) if rng.random() < 0.5}
    vetoed = {pair for pair in links if rng.random() < 0.15}  # sixteenths add exactly: the two ways tie alike
    threshold = rng.choice([0.25, 0.3, 0.5])
    assert average_linkage(n, links, vetoed, threshold) == by_definition(n, links, vetoed, threshold)


def test_a_group_whose_other_members_are_far_keeps_a_near_item_out():
    # 0 and 1 are one; 2 is near 0 but not 1: its mean with the group is 0.45 / 2, under the threshold
    assert average_linkage(3, {(0, 1): 0.9, (0, 2): 0.45}, set(), 0.3) == [0, 0, 2]
    # the nearest pair joins first, and a veto between 1 and 2 then keeps 1 out whatever its link to 0
    assert average_linkage(3, {(0, 1): 0.9, (0, 2): 0.95}, {(1, 2)}, 0.3) == [0, 1, 0]
