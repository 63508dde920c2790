"""The evaluation ratchet: what `make eval` measures on every labelled corpus may not get worse.

`bench/eval.json` holds the committed figures (`make eval SAVE=--save` records a rise). Per set
(the seeds, the development stories checked leave-one-story-out, our own corpora, those of them never
fitted on): contradictions
found may not fall, alarm precision and grouping F1 may not fall by more than a hair, traps flagged
and non-claims extracted may not rise. A matcher that puts every claim in one group, or every claim
alone, fails here; so does a gold file that loses its contradictions.
"""
from __future__ import annotations

import json

import pytest

from bench import eval as bench

SLACK = 0.005  # rates are ratios of small counts; this is well under one pair or alarm


@pytest.fixture(scope="module")
def measured(shared):
    """Skips locally where ../shared is absent, fails on CI (the `shared` fixture)."""
    scores = bench.evaluate()
    return {s.set: s for s in bench.totals(scores)}


def committed() -> dict[str, dict]:
    rows = json.loads(bench.RESULTS.read_text(encoding="utf-8"))["scores"]
    return {row["set"]: row for row in rows if row["corpus"] == "TOTAL"}


SETS = bench.SETS


@pytest.mark.parametrize("name", SETS)
def test_contradictions_found_do_not_fall(measured, name):
    was, now = committed()[name], measured[name]
    assert now.must >= was["must"], f"{name}: {now.must}/{now.must_total} must-detect found, {was['must']} committed"
    assert now.must_total >= was["must_total"], f"{name}: gold lost contradictions ({now.must_total} < {was['must_total']})"


@pytest.mark.parametrize("name", SETS)
def test_alarm_precision_does_not_fall(measured, name):
    was, now = committed()[name], measured[name]
    was_precision = was["true_alarms"] / was["alarms"] if was["alarms"] else 1.0
    assert bench.precision(now) >= was_precision - SLACK, \
        f"{name}: {now.true_alarms}/{now.alarms} alarms match a labelled contradiction, {was_precision:.2f} committed"


@pytest.mark.parametrize("name", SETS)
def test_traps_and_non_claims_do_not_rise(measured, name):
    was, now = committed()[name], measured[name]
    assert now.traps <= was["traps"], f"{name}: {now.traps} traps flagged, {was['traps']} committed"
    assert now.non_claims <= was["non_claims"], f"{name}: {now.non_claims} non-claims extracted, {was['non_claims']} committed"


@pytest.mark.parametrize("name", ["dev", "own", "held"])  # the sets with per-claim keys (gold.json, keys.json)
def test_grouping_f1_does_not_fall(measured, name):
    was, now = committed()[name], measured[name]
    was_f1 = bench.f1(bench.Score(**{**was}))
    assert was_f1 is not None and bench.f1(now) is not None, f"{name}: grouping not measured"
    assert bench.f1(now) >= was_f1 - SLACK, f"{name} grouping F1 {bench.f1(now):.3f}, {was_f1:.3f} committed"


def test_a_sweep_shows_each_threshold_and_the_means_over_them():
    """`--sweep` judges a matcher change on the counts over every threshold folds pick, not the one each picks: its
    last rows are the means of each set's totals, the precision of the means is real alarms over alarms, and each row
    says the set's lowest grouping F1 of one corpus (the issue wants none under 0.6)."""
    def run(must: int, alarms: int, real: int) -> list:
        return [bench.Score("a", "dev", must=must, must_total=22, alarms=alarms, true_alarms=real, pairs_same=10,
                            grouped_same=5, grouped=10),
                bench.Score("b", "dev", pairs_same=10, grouped_same=2, grouped=10)]

    table = bench.sweep_table({0.2: run(14, 20, 12), 0.3: run(12, 10, 10)})
    rows = [line.split() for line in table.splitlines()]
    assert ["0.20", "dev", "14/22"] == rows[2][:3] and ["0.30", "dev", "12/22"] == rows[3][:3]
    assert rows[2][-2:] == ["0.350", "0.20"]  # the set's pairs summed (7 of 20 grouped, of 20), its lowest story
    mean = next(row for row in rows if row[:2] == ["mean", "dev"])
    assert mean[2:] == ["13.00", "0.00", "15.00", "11.00", "0.73", "0.350", "0.20"]


def test_a_sweep_writes_nothing(capsys):
    """The sweep's reports are no make eval's: asking it to save figures or keep reports is a usage error."""
    with pytest.raises(SystemExit) as exit_:
        bench.main(["--sweep", "--save"])
    assert exit_.value.code == 2 and "--sweep writes no reports" in capsys.readouterr().err
