"""Claims into groups: average-linkage clustering that never joins across a veto.

Two groups join when the mean probability over all pairs between them (a pair never weighed
counts as 0) reaches the threshold, best first, and no pair between them carries a vetoing
conflict (two places, two instances, two sources). Average linkage, unlike joining on any one
strong pair, does not chain a toll in one city through a shared total into a toll in another.
"""
from __future__ import annotations

import heapq
from collections import defaultdict
from typing import Callable


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


def neighbours(links: dict[tuple[int, int], float], vetoed: set[tuple[int, int]], kept: Callable[[int, int], bool]
               ) -> tuple[defaultdict[int, dict[int, float]], defaultdict[int, set[int]]]:
    """Each item's linked items with the pair's probability, and the items a veto keeps it apart from, both ways
    round, for the pairs (i, j) that `kept` keeps."""
    near: defaultdict[int, dict[int, float]] = defaultdict(dict)
    apart: defaultdict[int, set[int]] = defaultdict(set)
    for (i, j), p in links.items():
        if kept(i, j):
            near[i][j] = near[j][i] = p
    for i, j in vetoed:
        if kept(i, j):
            apart[i].add(j)
            apart[j].add(i)
    return near, apart


def average_linkage(n: int, links: dict[tuple[int, int], float], vetoed: set[tuple[int, int]],
                    threshold: float) -> list[int]:
    """A cluster label for each of n items, from pair probabilities (i < j).

    Only items with a pair at the threshold that no veto holds can ever join (a mean never exceeds the largest
    of the pairs it averages), so the rest, and their pairs, are left out of the work. The queue holds no less
    than each mean that reaches the threshold: when two groups join, only their means with the neighbours of the
    group taken in can rise (they are pushed), the others can only fall (an entry found above its mean when it
    comes up is pushed again at the mean), so the nearest two groups still join first."""
    strong = [(-p, i, j) for (i, j), p in links.items() if p >= threshold and (i, j) not in vetoed]
    joinable = {k for _, i, j in strong for k in (i, j)}
    members: dict[int, list[int]] = {i: [i] for i in joinable}
    # cluster -> neighbour cluster -> sum of probabilities; cluster -> the clusters a veto keeps it apart from
    total, apart = neighbours(links, vetoed, lambda i, j: i in joinable and j in joinable)
    queue = Queue(strong)
    while queue:
        neg, i, j = queue.pop()
        if i not in members or j not in members or j in apart[i]:
            continue
        mean = total[i].get(j, 0.0) / (len(members[i]) * len(members[j]))
        if abs(mean + neg) > 1e-12:  # stale: the groups changed since; queued again at their mean
            if mean >= threshold:
                queue.push((-mean, i, j))
            continue
        joined = members[i]
        joined += members.pop(j)
        near = total[i]
        for k, s in total.pop(j).items():
            beside = total[k]
            del beside[j]
            if k != i:
                near[k] = beside[i] = near.get(k, 0.0) + s
                mean = near[k] / (len(joined) * len(members[k]))
                if mean >= threshold:  # the joined cluster's neighbours through j may be nearer than before
                    queue.push((-mean, min(i, k), max(i, k)))
        for k in apart.pop(j, set()):
            apart[k].discard(j)
            if k != i:
                apart[k].add(i)
                apart[i].add(k)
    label = list(range(n))
    for i, group in members.items():
        for m in group:
            label[m] = i
    return label
