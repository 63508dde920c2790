"""Sentences an article repeats word for word from one published before it: a wire story sent again days later,
agency copy another outlet ran. Repeated words were written when they were first published, so each figure in
them is read as the first article reads it (its value, its moment): "on Tuesday" in a story sent again the next
week is still the first Tuesday. Read from the copy's own date, the story would contradict itself.

Two articles are taken for copy and original only when they share long sentences (`LONG` words or more, at
least `SHARED` of them): a few words alike ("The strike began on Friday.") may have been written twice, each on
its own day. Between such articles every sentence that stands word for word in both is a repeat, short or long.
Which one repeats the other is told by their publication dates (an undated article is never the original of a
dated one).
"""
from __future__ import annotations

from collections import Counter, defaultdict
from dataclasses import replace
from datetime import date
from itertools import combinations
from typing import Callable, Mapping

from .model import Claim

LONG = 8  # words: a sentence this long, word for word in two articles, was written once
SHARED = 2  # long sentences two articles share before one is taken for a copy of the other


def _words(sentence: str) -> str:
    return " ".join(sentence.split())


def _copies(claims: list[Claim], first: Callable[[str], tuple]) -> set[tuple[str, str]]:
    """(copy, original) pairs of articles that share `SHARED` long sentences, the original published first."""
    holders: dict[str, set[str]] = defaultdict(set)
    for c in claims:
        words = _words(c.sentence)
        if len(words.split()) >= LONG:
            holders[words].add(c.doc)
    shared: Counter[tuple[str, str]] = Counter()
    for docs in holders.values():
        for a, b in combinations(sorted(docs, key=first), 2):
            shared[(b, a)] += 1
    return {pair for pair, n in shared.items() if n >= SHARED}


def read_as_first(claims: list[Claim], published: Mapping[str, date | None]) -> list[Claim]:
    """The claims, each figure of a repeated sentence read as where the sentence was first published, with
    `repeats` naming that article."""
    def first(doc: str) -> tuple:
        day = published.get(doc)
        return day is None, day or date.min, doc

    copies = _copies(claims, first)
    if not copies:
        return claims
    nth: Counter[tuple[str, str, str]] = Counter()
    place: dict[int, tuple[str, str, int]] = {}  # claim's position in `claims` -> (sentence, text, n-th in its doc)
    for k, c in sorted(enumerate(claims), key=lambda kc: (kc[1].doc, kc[1].start)):
        key = (c.doc, _words(c.sentence), c.text)
        place[k] = (key[1], key[2], nth[key])
        nth[key] += 1
    out = list(claims)
    read: dict[tuple[str, str, int], dict[str, Claim]] = defaultdict(dict)  # a figure as each article has it
    for k in sorted(range(len(claims)), key=lambda k: (first(claims[k].doc), claims[k].start)):
        c, seen = claims[k], read[place[k]]
        origin = next((seen[doc] for doc in seen if (c.doc, doc) in copies), None)  # the earliest: met first
        if origin is not None:
            c = replace(c, value=origin.value, as_of=origin.as_of, as_of_source=origin.as_of_source,
                        repeats=origin.repeats or origin.doc)
        seen[c.doc] = out[k] = c
    return out
