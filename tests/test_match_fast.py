"""The matcher's fast path (batch.py, `Pairs`) against its definition: the readers of evidence.py, pair by pair.

On the claims of every corpus there is (tests/corpora, and ../shared/dev when it is present), one
story at a time and all of them pooled, the fast path must give the readers' verdicts and strengths,
`score.features`'s rows and the two models' probabilities (to 1e-9; they are in fact equal to the
last bit), the same candidate pairs and vetoes, and `match` the groups the pair-at-a-time path gives
(`weighed_pairs`, `rescore`, `vetoed_pairs`, `average_linkage`: the matcher as it was before the fast
path). Hand-made claims add the cases a corpus may lack.
"""
from __future__ import annotations

from collections import Counter
from dataclasses import replace
from datetime import date
from itertools import combinations
from pathlib import Path

import numpy as np
import pytest

from haiti_claims.config import Config
from haiti_claims.match import (Pairs, load_weights, match, matchable, rarity, rescore, second_inputs, vetoed_pairs,
                                weighed_pairs)
from haiti_claims.match.apart import kept_apart
from haiti_claims.match.batch import VERDICTS, Sums, encode, read_all, run_sums
from haiti_claims.match.candidates import candidate_arrays, candidate_pairs
from haiti_claims.match.cluster import average_linkage
from haiti_claims.match.evidence import READERS, Pair, Profile, rivals, siblings
from haiti_claims.match.evidence import read_all as read_pair
from haiti_claims.match.restated import restatements, share_links
from haiti_claims.match.score import DEGREES, best_match, feature_matrix, features
from haiti_claims.model import About, Claim, DateValue, NumberValue, Subject
from haiti_claims.pipeline import Options, collect

HERE = Path(__file__).resolve().parent
FOLDERS = sorted((HERE / "corpora").glob("*/articles")) + sorted((HERE.parent.parent / "shared" / "dev" / "stories")
                                                                  .glob("*/articles"))
TOLERANCE = 1e-9


@pytest.fixture(scope="module")
def stories() -> dict[str, list[Claim]]:
    """The matchable claims of each corpus, and of all of them together ("pooled", ids and documents renamed
    so that they stay apart)."""
    out: dict[str, list[Claim]] = {}
    for folder in FOLDERS:
        _, claims, _ = collect([folder], Config(), Options(use_cache=False, jobs=1))
        out[folder.parent.name] = [c for c in claims if matchable(c)]
    out["pooled"] = [replace(c, id=f"{name}/{c.id}", doc=f"{name}/{c.doc}") for name, claims in out.items()
                     for c in claims]
    return out


def reference_readings(claims: list[Claim], i: list[int], j: list[int]) -> list[tuple]:
    """The readers of evidence.py on pairs (i[k], j[k]), with the profiles `weighed_pairs` makes."""
    table = rarity(claims)
    default = max(table.values(), default=1.0)
    stating = Counter(c.value for c in claims)
    profiles = [Profile(c, lambda w: table.get(w, default), stating[c.value], rivals(c, [claims[s] for s in sib]))
                for c, sib in zip(claims, siblings(claims))]
    return [read_pair(Pair(claims[a], claims[b], profiles[a], profiles[b])) for a, b in zip(i, j)]


def assert_same_readings(claims: list[Claim], i: list[int], j: list[int], readings) -> None:
    """Every reader's verdict, and the strength of the degree readers, as the readers give them."""
    expected = reference_readings(claims, i, j)
    for name in (read.__name__ for read in READERS):
        verdicts = [VERDICTS[v] for v in readings.verdict[name].tolist()]
        want = [next(e for e in evidence if e.reader == name) for evidence in expected]
        wrong = [(claims[a].text, claims[b].text, w.verdict, v) for a, b, w, v in zip(i, j, want, verdicts)
                 if w.verdict != v]
        assert not wrong, f"{name}: {wrong[:5]}"
        if name in DEGREES:
            got = readings.strength[name]
            np.testing.assert_allclose(got, [e.strength for e in want], rtol=0, atol=TOLERANCE, err_msg=name)
    is_date = np.array([isinstance(claims[a].value, DateValue) for a in i], dtype=bool)
    want_features = np.array([features(e, d) for e, d in zip(expected, is_date)]).reshape(len(i), -1)
    np.testing.assert_allclose(feature_matrix(readings, is_date), want_features, rtol=0, atol=TOLERANCE)


def test_candidate_arrays_are_the_candidate_pairs(stories):
    for name, claims in stories.items():
        i, j = candidate_arrays(claims)
        assert list(zip(i.tolist(), j.tolist())) == candidate_pairs(claims), name


def test_fast_path_reads_and_scores_as_the_readers(stories):
    weights = load_weights()
    for name, claims in stories.items():
        reference = weighed_pairs(claims, weights)
        pairs = Pairs(claims)
        assert pairs.index() == list(reference), name
        i, j = pairs.i.tolist(), pairs.j.tolist()
        assert_same_readings(claims, i, j, pairs.readings)
        want_features = [features(evidence, isinstance(claims[a].value, DateValue))
                         for (a, _), (_, evidence) in reference.items()]
        np.testing.assert_allclose(pairs.features(), np.array(want_features).reshape(len(i), -1), rtol=0,
                                   atol=TOLERANCE, err_msg=name)
        first = pairs.first(weights)
        np.testing.assert_allclose(first, [p for p, _ in reference.values()], rtol=0, atol=TOLERANCE, err_msg=name)
        second = rescore(claims, {k: p for k, (p, _) in reference.items()}, weights)
        np.testing.assert_allclose(pairs.second(weights), list(second.values()), rtol=0, atol=TOLERANCE, err_msg=name)
        vetoed = vetoed_pairs(reference, weights)
        assert {pair: v for pair, v in zip(pairs.index(), pairs.vetoes(weights)) if v} == vetoed, name


def test_the_corpora_hold_the_hard_cases(stories):
    """Not a hollow comparison: the pooled claims' candidate pairs hold dates, measurements in two units of one
    dimension, fields one claim leaves empty, pairs inside one article, and every verdict of every reader."""
    claims = stories["pooled"]
    pairs = Pairs(claims)
    verdict = {name: [VERDICTS[v] for v in codes.tolist()] for name, codes in pairs.readings.verdict.items()}
    units = [(getattr(claims[a].value, "unit", None), getattr(claims[b].value, "unit", None)) for a, b in pairs.index()]
    assert sum(pairs.is_date) >= 20
    assert any(u[0] and u[1] and u[0] != u[1] and v in ("compatible", "conflict")
               for u, v in zip(units, verdict["value"]))  # feet against metres, compared in one unit
    assert {"agree", "unknown"} <= set(verdict["document"])
    sets = {"agree", "conflict", "unknown"}  # _set_verdict's
    can = {"plan": {"agree", "compatible"}, "document": {"agree", "unknown"},
           **{name: sets for name in ("unit", "dimension", "owner", "agent", "actor", "source", "place", "person", "year",
                                      "instance")}}
    for name, seen in verdict.items():
        assert set(seen) == can.get(name, set(VERDICTS)), name


def labels_before(claims: list[Claim], weights) -> list[int]:
    """The groups as the matcher made them before the fast path, one pair at a time."""
    weighed = weighed_pairs(claims, weights)
    probability = rescore(claims, {k: p for k, (p, _) in weighed.items()}, weights)
    twins = restatements(claims)
    vetoed = set(vetoed_pairs(weighed, weights)) | kept_apart(claims, twins)
    links, vetoed, _ = share_links(probability, vetoed, twins, claims)
    return average_linkage(len(claims), links, vetoed, weights.join)


def partition(ids: list[str], labels) -> set[frozenset[str]]:
    """The groups of more than one claim (a label None is a claim joined to nothing)."""
    groups: dict[object, set[str]] = {}
    for claim_id, label in zip(ids, labels):
        if label is not None:
            groups.setdefault(label, set()).add(claim_id)
    return {frozenset(g) for g in groups.values() if len(g) > 1}


def test_match_groups_and_links_as_before(stories):
    weights = load_weights()
    raised = 0
    for name, claims in stories.items():
        matching = match(claims, weights)
        ids = [c.id for c in claims]
        assert partition(ids, [matching.group[i] for i in ids]) == partition(ids, labels_before(claims, weights)), name
        reference = weighed_pairs(claims, weights)
        first = {k: p for k, (p, _) in reference.items()}
        second = rescore(claims, first, weights)
        inputs = second_inputs(claims, first)
        vetoed = vetoed_pairs(reference, weights)
        twins = restatements(claims)
        shared, _, through = share_links(second, set(vetoed), twins, claims)
        assert len(matching.links) == len(reference)
        assert set(matching.links) == {frozenset((claims[a].id, claims[b].id)) for a, b in reference}
        for (a, b), (_, evidence) in reference.items():
            link = matching.link(claims[b].id, claims[a].id)
            assert link is not None
            veto = None if (a, b) in twins else vetoed.get((a, b))  # a figure and its restatement: one figure
            assert (link.probability, link.veto) == (round(shared[(a, b)], 4), veto), name
            # the readers' full output, words and all, and what the second model read; and the restatement that
            # joined the pair, if one did
            read = evidence + (best_match(inputs[(a, b)]),)
            assert link.evidence[:len(read)] == read, name
            assert [e.reader for e in link.evidence[len(read):]] == \
                (["restatement"] if (a, b) in through or (a, b) in twins else []), name
        raised += sum((a, b) in through for a, b in reference)
        assert matching.link(claims[0].id, claims[0].id) is None
        assert matching.link(claims[0].id, "no such claim") is None
    assert raised  # the corpora hold figures restated in another unit, whose links stand for each other


def claim(cid: str, doc: str, value, kind: str = "count", near: tuple[str, ...] = ("toll", "rise"), **fields) -> Claim:
    about = About(**{k: v for k, v in fields.items() if k in About.__dataclass_fields__},
                  near=near, sentence=near + ("the", "report"))
    subject = Subject(**{k: v for k, v in fields.items() if k in Subject.__dataclass_fields__})
    rest = {k: v for k, v in fields.items() if k in ("as_of", "quantity")}
    return Claim(doc=doc, kind=kind, text=cid, start=0, end=1, line=1, column=1, sentence=cid, value=value,
                 subject=subject, id=cid, about=about, **rest)


def number(x: float | None, unit: str | None = None, low: float | None = None, high: float | None = None) -> NumberValue:
    return NumberValue(low=x if low is None else low, high=x if high is None else high, nominal=x, unit=unit)


HAND_MADE = [
    claim("feet", "a.txt", number(984, "foot"), kind="quantity", dimension="deep", noun="bridge"),
    claim("metres", "b.txt", number(300, "metre"), kind="quantity", dimension="Deep", noun="span"),
    claim("miles", "b.txt", number(1.6, "mile"), kind="quantity", dimension="wide"),
    claim("unknown-unit", "c.txt", number(12, "furlongish"), kind="quantity"),
    claim("unknown-unit-2", "d.txt", number(30, "furlongish"), kind="quantity"),
    claim("dollars", "a.txt", number(5e6, "USD"), kind="money", owner="Japan", sources=("WHO",)),
    claim("euros", "b.txt", number(5e6, "EUR"), kind="money", owner="japan", sources=("the ministry", "who")),
    claim("zero", "c.txt", number(0.0), verb="kill", places=("Haiti",)),
    claim("open", "c.txt", NumberValue(low=100, high=None, nominal=None), verb="killed", places=("Cuba",)),
    claim("range", "d.txt", NumberValue(low=None, high=200, nominal=None), noun="rise", thing=""),
    claim("same-1", "a.txt", number(42), thing="death", event="", quantity="cumulative", as_of=date(2024, 1, 1)),
    claim("same-2", "b.txt", number(42), thing="death", event="storm", as_of=date(2024, 1, 2)),
    claim("same-3", "b.txt", number(42.0), thing="injury", event="storm", as_of=date(2023, 1, 2)),
    claim("int", "d.txt", number(42.5), thing="injury", event="quake", actor="UN", qualifiers=("first",)),
    claim("tenfold", "e.txt", number(425), actor="un", ordinals=("first",), persons=("Ana",), years=("2024",)),
    claim("day", "a.txt", DateValue(date(2024, 6, 1), date(2024, 6, 1), "day"), kind="date", years=("2024",)),
    claim("month", "b.txt", DateValue(date(2024, 6, 1), date(2024, 6, 30), "month"), kind="date", persons=("ana",)),
    claim("since", "c.txt", DateValue(date(2023, 1, 1), None, "month"), kind="date"),
    claim("until", "d.txt", DateValue(None, date(2026, 1, 1), "month"), kind="date", as_of=date(2024, 6, 1)),
    claim("unanchored", "e.txt", DateValue(None, None, "month", anchored=False), kind="date"),
    claim("undated-4-july", "c.txt", DateValue(None, None, "day", anchored=False, calendar=(7, 4, None)), kind="date"),
    claim("undated-friday", "a.txt", DateValue(None, None, "day", anchored=False, calendar=(None, None, 4)), kind="date"),
    claim("undated-june", "e.txt", DateValue(None, None, "month", anchored=False, calendar=(6, None, None)), kind="date"),
    claim("no-words", "e.txt", number(7), near=(), noun="toll"),
    claim("repeats", "e.txt", number(8), near=("toll", "toll", "rise", "toll"), verb="rise"),
]


def test_hand_made_cases_every_pair():
    """Every pair of hand-made claims (not only candidates): units of one dimension and of none, currencies,
    open and unanchored figures and dates, a zero, equal values stated thrice, ints and floats, names in two
    cases, empty fields ("" and None), repeated words, no words at all."""
    claims = HAND_MADE
    i, j = map(list, zip(*combinations(range(len(claims)), 2)))
    readings = read_all(encode(claims), np.array(i), np.array(j))
    assert_same_readings(claims, i, j, readings)
    weights = load_weights()
    reference = weighed_pairs(claims, weights)
    pairs = Pairs(claims)
    assert pairs.index() == list(reference)
    np.testing.assert_allclose(pairs.first(weights), [p for p, _ in reference.values()], rtol=0, atol=TOLERANCE)
    assert partition([c.id for c in claims], labels_before(claims, weights)) == \
        partition([c.id for c in claims], [match(claims, weights).group[c.id] for c in claims])


def test_a_date_no_publication_date_anchors_is_read_by_what_its_words_fix():
    """"4 July" in an undated article agrees with 4 July 2024 elsewhere, "Friday" is a little telling against a
    Friday; two undated dates are one value only where their words fix the same days ("Friday" and "4 July" are
    not, though neither has a year)."""
    july_4 = claim("4 July 2024", "a.txt", DateValue(date(2024, 7, 4), date(2024, 7, 4), "day"), kind="date")
    friday = claim("Friday 5 July", "a.txt", DateValue(date(2024, 7, 5), date(2024, 7, 5), "day"), kind="date")
    undated = {c.id: c for c in HAND_MADE if c.id.startswith("undated-")}
    claims = [july_4, friday, undated["undated-4-july"], undated["undated-friday"], undated["undated-june"]]
    i, j = map(list, zip(*combinations(range(len(claims)), 2)))
    read = {(claims[a].id, claims[b].id): next(e for e in ev if e.reader == "value")
            for a, b, ev in zip(i, j, reference_readings(claims, i, j))}
    assert read[("4 July 2024", "undated-4-july")].verdict == "agree"
    assert read[("Friday 5 July", "undated-friday")].verdict == "compatible"
    assert read[("Friday 5 July", "undated-friday")].strength > read[("4 July 2024", "undated-friday")].strength
    assert read[("undated-4-july", "undated-friday")].verdict != "agree"
    assert read[("4 July 2024", "undated-june")].strength == 0.0  # another month: nothing for, nothing against
    assert {(claims[a].id, claims[b].id) for a, b in candidate_pairs(claims)} >= \
        {("4 July 2024", "undated-4-july"), ("Friday 5 July", "undated-friday")}  # weighed, however worded
    assert_same_readings(claims, i, j, read_all(encode(claims), np.array(i), np.array(j)))


def test_no_claims_and_no_pairs():
    assert match([]).group == {} and len(match([]).links) == 0
    lone = [claim("one", "a.txt", number(3))]
    matching = match(lone)
    assert matching.group == {"one": None} and dict(matching.links) == {}
    assert len(Pairs(lone).first(load_weights())) == 0


def test_sums_add_as_python_sum_adds():
    """batch.Sums is Python's `sum` (left to right before 3.12, compensated from 3.12), element for element."""
    rng = np.random.default_rng(7)
    rows = rng.choice([1e16, -1e16, 1.0, 0.1, -0.3, 1e-8, 3.3e5], size=(500, 25)) * rng.random((500, 25))
    sums = Sums(len(rows))
    for column in rows.T:
        sums.add(column)
    assert sums.result().tolist() == [sum(row) for row in rows.tolist()]
    lengths = rng.integers(0, 25, size=len(rows))
    owner = np.repeat(np.arange(len(rows)), lengths)
    values = np.concatenate([row[:k] for row, k in zip(rows, lengths)])
    assert run_sums(values, owner, len(rows)).tolist() == [sum(row[:k]) for row, k in zip(rows.tolist(), lengths)]
