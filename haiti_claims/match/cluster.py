"""Claims into groups: average-linkage clustering that never joins across a veto.

Two groups join when the mean probability over all pairs between them (a pair never weighed
counts as 0) reaches the threshold, best first, and no pair between them carries a vetoing
conflict (two places, two instances, two sources). Average linkage, unlike joining on any one
strong pair, does not chain a toll in one city through a shared total into a toll in another.
"""
from __future__ import annotations

import heapq
from collections import defaultdict
from typing import Callable, Iterator


def in_order(start: list[tuple[float, int, int]], pushed: list[tuple[float, int, int]]
             ) -> Iterator[tuple[float, int, int]]:
    """Candidate joins (-mean, i, j), smallest first: the pairs as weighed, sorted once, merged with a heap of the
    means worked out as groups grow (`pushed`, which the caller pushes to as it goes). Sorting the first ones
    costs less than heaping them, and the heap stays small."""
    for entry in sorted(start):
        while pushed and pushed[0] < entry:
            yield heapq.heappop(pushed)
        yield entry
    while pushed:
        yield heapq.heappop(pushed)


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
    queue: list[tuple[float, int, int]] = []
    for neg, i, j in in_order(strong, queue):
        if i not in members or j not in members or j in apart[i]:
            continue
        mean = total[i].get(j, 0.0) / (len(members[i]) * len(members[j]))
        if abs(mean + neg) > 1e-12:  # stale: the groups changed since; queued again at their mean
            if mean >= threshold:
                heapq.heappush(queue, (-mean, i, j))
            continue
        before = len(members[i])
        joined = members[i]
        joined += members.pop(j)
        near = total[i]
        for k, s in total.pop(j).items():
            beside = total[k]
            del beside[j]
            if k != i:
                had = near.get(k, 0.0)
                near[k] = beside[i] = had + s
                size = len(members[k])
                mean = near[k] / (len(joined) * size)
                # through j the joined cluster may be nearer k than i was: queued anew only then (an entry at
                # i's old mean, if it reached the threshold, is still in the queue and bounds a mean that fell)
                if mean >= threshold and mean > had / (before * size):
                    heapq.heappush(queue, (-mean, min(i, k), max(i, k)))
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
