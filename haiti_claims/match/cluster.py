"""Claims into groups: average-linkage clustering that never joins across a veto.

Two groups join when the mean probability over all pairs between them (a pair never weighed
counts as 0) reaches the threshold, best first, and no pair between them carries a vetoing
conflict (two places, two instances, two sources). Average linkage, unlike joining on any one
strong pair, does not chain a toll in one city through a shared total into a toll in another.
"""
from __future__ import annotations

import heapq
from collections import defaultdict


def average_linkage(n: int, links: dict[tuple[int, int], float], vetoed: set[tuple[int, int]],
                    threshold: float) -> list[int]:
    """A cluster label for each of n items, from pair probabilities (i < j)."""
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    total: dict[int, dict[int, float]] = defaultdict(dict)  # cluster -> neighbour cluster -> sum of probabilities
    apart: dict[int, set[int]] = defaultdict(set)
    for (i, j), p in links.items():
        total[i][j] = total[j][i] = p
    for i, j in vetoed:
        apart[i].add(j)
        apart[j].add(i)
    heap = [(-p, i, j) for (i, j), p in links.items() if p >= threshold and (i, j) not in vetoed]
    heapq.heapify(heap)
    label = list(range(n))
    while heap:
        neg, i, j = heapq.heappop(heap)
        if i not in members or j not in members or j in apart[i]:
            continue
        mean = total[i].get(j, 0.0) / (len(members[i]) * len(members[j]))
        if abs(mean + neg) > 1e-12:
            continue  # stale: the clusters changed since this entry was pushed
        members[i] += members.pop(j)
        for m in members[i]:
            label[m] = i
        for k, s in total.pop(j).items():
            del total[k][j]
            if k != i:
                total[i][k] = total[k][i] = total[i].get(k, 0.0) + s
        for k in apart.pop(j, set()):
            apart[k].discard(j)
            if k != i:
                apart[k].add(i)
                apart[i].add(k)
        for k, s in total[i].items():
            mean = s / (len(members[i]) * len(members[k]))
            if mean >= threshold and k not in apart[i]:
                heapq.heappush(heap, (-mean, min(i, k), max(i, k)))
    return label
