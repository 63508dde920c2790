"""The conformance ratchet: pass rates on peer projects' test cases may not fall.

`bench/conformance.json` holds the committed rates (`make conformance`, then `--save` to record a
rise). A file whose rate drops more than half a point below its committed figure fails here.
"""
from __future__ import annotations

import json
from datetime import date

import pytest

from bench import conformance as bench

SLACK = 0.5  # percentage points


@pytest.fixture(scope="module")
def result(nlp, shared):
    """Skips locally where ../shared is absent, fails on CI (the `shared` fixture)."""
    if not bench.DATA.is_dir():
        pytest.fail(f"conformance data absent ({bench.DATA}) though ../shared is there: the ratchet reads "
                    "../shared/conformance")
    return bench.score(bench.Project(), bench.load(bench.DATA))


def committed() -> dict:
    return json.loads(bench.RATES.read_text(encoding="utf-8"))["systems"][bench.PROJECT]


@pytest.mark.parametrize("file", bench.FILES)
def test_file_rate_does_not_fall(result, file):
    was = committed()["files"][file]["rate"]
    now = result.tallies[file].rate
    assert now >= was - SLACK, f"{file}: {now}% now, {was}% committed; see {bench.FAILURES} after make conformance"


def test_calendar_ends_compare_exclusive_and_explicit_ranges_inclusive():
    april = {"type": "daterange", "unresolved": False,
             "alternatives": [{"start": "2017-04-01", "end": "2017-05-01", "timex": "2017-04", "mod": None}]}
    explicit = {"type": "daterange", "unresolved": False,
                "alternatives": [{"start": "2016-11-04", "end": "2016-11-22", "timex": "(2016-11-04,2016-11-22,P18D)",
                                  "mod": None}]}
    found_april = bench.Found(0, 5, "daterange", low=date(2017, 4, 1), high=date(2017, 4, 30))
    found_explicit = bench.Found(0, 5, "daterange", low=date(2016, 11, 4), high=date(2016, 11, 22))
    assert bench.date_matches(april, found_april) and bench.date_matches(explicit, found_explicit)
    assert not bench.date_matches(april, found_explicit)


def test_counted_days_compare_exclusive():
    next_3_days = {"type": "daterange", "unresolved": False, "span": "next 3 days",
                   "alternatives": [{"start": "2016-11-08", "end": "2016-11-11", "timex": "(2016-11-08,2016-11-11,P3D)",
                                     "mod": None}]}
    assert bench.date_matches(next_3_days, bench.Found(0, 5, "daterange", low=date(2016, 11, 8), high=date(2016, 11, 10)))
    assert not bench.date_matches(next_3_days,
                                  bench.Found(0, 5, "daterange", low=date(2016, 11, 8), high=date(2016, 11, 11)))


def test_a_negative_case_fails_when_anything_is_found():
    case = {"expected": []}
    assert bench.passes("numbers", case, [])
    assert not bench.passes("numbers", case, [bench.Found(0, 1, "count", value=1.0)])
