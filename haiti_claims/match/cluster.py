"""Claims into groups: average-linkage clustering that never joins across a veto.

Two groups join when the mean probability over all pairs between them (a pair never weighed
counts as 0) reaches the threshold, best first, and no pair between them carries a vetoing
conflict (two places, two instances, two sources). Average linkage, unlike joining on any one
strong pair, does not chain a toll in one city through a shared total into a toll in another.
"""
from __future__ import annotations

import heapq
from collections import defaultdict


class Queue:
    """Candidate joins (-mean, i, j), smallest first: the pairs as weighed, sorted once, and a heap of the
    means worked out as groups grow. Sorting the first ones costs less than heaping them, and the heap
    stays small."""

    def __init__(self, start: list[tuple[float, int, int]]):
        self._sorted = sorted(start)
        self._next = 0
        self._heap: list[tuple[float, int, int]] = []

    def __bool__(self) -> bool:
        return self._next < len(self._sorted) or bool(self._heap)

    def push(self, entry: tuple[float, int, int]) -> None:
        heapq.heappush(self._heap, entry)

    def pop(self) -> tuple[float, int, int]:
        if self._heap and (self._next == len(self._sorted) or self._heap[0] < self._sorted[self._next]):
            return heapq.heappop(self._heap)
        self._next += 1
        return self._sorted[self._next - 1]


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
    queue = Queue([(-p, i, j) for (i, j), p in links.items() if p >= threshold and (i, j) not in vetoed])
    while queue:
        neg, i, j = queue.pop()
        if i not in members or j not in members or j in apart[i]:
            continue
        mean = total[i].get(j, 0.0) / (len(members[i]) * len(members[j]))
        if abs(mean + neg) > 1e-12:
            continue  # stale: the clusters changed since this entry was pushed
        joined = members[i]
        joined += members.pop(j)
        near = total[i]
        for k, s in total.pop(j).items():
            beside = total[k]
            del beside[j]
            if k != i:
                near[k] = beside[i] = near.get(k, 0.0) + s
        for k in apart.pop(j, set()):
            apart[k].discard(j)
            if k != i:
                apart[k].add(i)
                apart[i].add(k)
        for k, s in near.items():
            mean = s / (len(joined) * len(members[k]))
            if mean >= threshold and k not in apart[i]:
                queue.push((-mean, min(i, k), max(i, k)))
    label = list(range(n))
    for i, group in members.items():
        for m in group:
            label[m] = i
    return label
