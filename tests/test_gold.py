"""End to end against gold files: the seeds in ../shared and this project's own corpora.

The scorer is ../shared/tools/score.py, run as a user would; its last line carries the figures.
"""
from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from haiti_claims.cli import main

CORPORA = Path(__file__).resolve().parent / "corpora"


def score(shared: Path, gold: Path, corpus: Path, tmp_path: Path, *args: str) -> dict[str, str]:
    result = CliRunner().invoke(main, ["check", str(corpus), "--format", "json", *args])
    assert result.exit_code in (0, 1), result.output
    report = tmp_path / "report.json"
    report.write_text(result.stdout)
    out = subprocess.run([sys.executable, str(shared / "tools" / "score.py"), "--gold", str(gold),
                          "--corpus", str(corpus), "--report", str(report)], capture_output=True, text=True)
    figures = dict(re.findall(r"(\w+) ([\d./]+)", out.stdout.strip().splitlines()[-1]))
    figures["output"] = out.stdout
    return figures


def test_seeds_without_publication_dates(shared, tmp_path):
    seeds = shared / "seeds"
    got = score(shared, seeds / "gold.json", seeds / "articles", tmp_path)
    assert "C1    found" in got["output"], got["output"]  # 300 vs 600 additional officers
    assert got["traps_flagged"].startswith("0/"), got["output"]
    assert got["non_claims_extracted"] == "0", got["output"]
    assert "C3    found" not in got["output"]  # 'next year' must stay unresolved without a date


DATES_APART = pytest.mark.xfail(strict=True, reason="matcher, issue 14: the two dates of one deployment are worded "
                                "apart (deployed / depart, no word of their phrases shared) and lie a year apart")


def test_seeds_c2_arrival_in_2024_against_2025(shared, tmp_path):
    seeds = shared / "seeds"
    got = score(shared, seeds / "gold.json", seeds / "articles", tmp_path)
    assert got["must"] == "2/2", got["output"]


def seeds_with_dates(shared: Path, tmp_path: Path) -> dict[str, str]:
    corpus = tmp_path / "articles"
    shutil.copytree(shared / "seeds" / "articles", corpus)
    (corpus / "metadata.csv").write_text("file,published\n003_d100ab99cad84b3b.txt,2024-09-26\n"
                                         "004_4041721a19dd34ec.txt,2024-07-16\n")
    return score(shared, shared / "seeds" / "gold.json", corpus, tmp_path)


def test_seeds_with_publication_dates_flag_no_trap(shared, tmp_path):
    got = seeds_with_dates(shared, tmp_path)
    assert "C1    found" in got["output"], got["output"]
    assert got["traps_flagged"].startswith("0/") and got["non_claims_extracted"] == "0", got["output"]


@DATES_APART
def test_seeds_with_publication_dates_find_c3_and_c4(shared, tmp_path):
    got = seeds_with_dates(shared, tmp_path)
    assert (got["must"], got["optional"]) == ("2/2", "2/2"), got["output"]


def test_demo_data_matches_the_seeds(shared):
    data = Path(__file__).resolve().parent.parent / "data"
    articles = [p for p in (shared / "seeds" / "articles").iterdir() if not p.name.startswith(".")]
    assert articles  # a claim store a run left there (.haiti-claims/) is no article
    for article in articles:
        assert (data / article.name).read_bytes() == article.read_bytes()


CORPUS_NAMES = sorted(p.name for p in CORPORA.iterdir() if (p / "gold.json").is_file())


def known_failures(defects: dict[str, str], stage: str = "matcher, issue 14") -> list:
    """Every corpus, those with a known defect as a strict expected failure that says what it is."""
    return [pytest.param(n, marks=pytest.mark.xfail(strict=True, reason=f"{stage}: {defects[n]}"))
            if n in defects else n for n in CORPUS_NAMES]


# Corpora where the matcher still joins claims the gold keeps apart (issue 14), each with what it joins.
# These tests flip when it no longer does; the evaluation ratchet (test_eval.py) holds the totals meanwhile.
JOINS_APART = {
    "drugtrial": "the first trial's 652 patients and the second's 1,146",
}


@pytest.mark.parametrize("name", known_failures(JOINS_APART))
def test_own_corpora_flag_no_trap(shared, tmp_path, name):
    """Other stories in our own words: no trap flagged."""
    got = score(shared, CORPORA / name / "gold.json", CORPORA / name / "articles", tmp_path)
    assert got["traps_flagged"].startswith("0/"), got["output"]


# Corpora where an error or warning matches no labelled contradiction (issue 14): each is a defect.
FALSE_ALARMS = {
    "derailment": "the day of the first public meeting against the day trains ran again",
    "drugtrial": "the first trial's 652 patients and the second's 1,146",
    "canal": "the day the queue was counted, through Wednesday against Sunday",
    "ratecut": "six of nine members against three",
}


@pytest.mark.parametrize("name", known_failures(FALSE_ALARMS))
def test_own_corpora_raise_no_false_alarm(shared, tmp_path, name):
    """Every error or warning about claims matches a labelled contradiction: anything else is a defect in the
    code, or a real discrepancy the gold missed (then the gold changes, in a commit of its own, saying why)."""
    got = score(shared, CORPORA / name / "gold.json", CORPORA / name / "articles", tmp_path)
    about_files = sum(1 for f in json.loads((tmp_path / "report.json").read_text())["findings"]
                      if f["severity"] in ("error", "warning") and not f["claims"])  # an unreadable file, bad metadata
    assert int(re.search(r"other error/warning findings: (\d+)", got["output"]).group(1)) == about_files, got["output"]


# Corpora where a figure the gold calls no claim is taken for one: each is a defect (or, in an HTML page, the shared
# scorer matching a footer's number to a claim whose text it contains).
NON_CLAIMS_TAKEN = {
    "water": "the footer's phone number holds the claim '14'",
    "mine": "the figure in a union local's name ('Local 4417'); the footer's phone number and id hold claims",
    "derailment": "the footer's phone number holds the claim '11'",
    "dam": "the footer's phone number and story id hold the claim '48'",
    "crush": "an age bracket ('were under 25')",
    "drugtrial": "the figure in a test's name ('six-minute walk test')",
    "launch": "the shared scorer matching a body's figure to the footer's phone number by text containment (HTML)",
    "submersible": "the shared scorer matching the body's 'five' to the headline by text containment (HTML)",
    "heist": "the shared scorer matching the body's figures to the headline, two '-year-old' ages, the footer's "
             "phone number and story id by text containment (HTML)",
    "ratecut": "a bond's term in its name ('the two-year yield', 'the 10-year yield')",
}


@pytest.mark.parametrize("name", known_failures(NON_CLAIMS_TAKEN, "extraction"))
def test_own_corpora_take_no_furniture_for_a_claim(shared, tmp_path, name):
    got = score(shared, CORPORA / name / "gold.json", CORPORA / name / "articles", tmp_path)
    assert got["non_claims_extracted"] == "0", got["output"]


# What each corpus finds today, (must, optional) contradictions found: a floor that may only rise
# (raise it when detection improves). It follows the labels, which follow the text
# (tests/corpora/README.md): when a label is corrected, the floor is re-set in a commit of its own.
FLOOR = {"election": (4, 0), "quake-toll": (3, 0), "layoffs": (4, 0), "ferry": (1, 0), "wildfire": (1, 1),
         "inflation": (2, 0), "trial": (2, 0), "earnings": (1, 1), "outbreak": (2, 1), "strikes": (3, 0),
         "senate-bill": (1, 1), "library": (1, 0), "hurricane": (1, 0), "resent": (2, 0), "transit": (3, 0),
         "recall": (1, 0), "water": (2, 0), "mine": (2, 1),
         "ransomware": (2, 1), "heatwave": (2, 0), "derailment": (2, 1), "dam": (2, 1), "crush": (1, 0),
         "drugtrial": (1, 0), "canal": (1, 0), "spill": (0, 0), "cathedral": (1, 0), "launch": (0, 0),
         "submersible": (3, 0), "heist": (1, 0), "ratecut": (1, 0), "caverescue": (2, 0)}


def test_every_corpus_has_a_floor():
    assert sorted(FLOOR) == CORPUS_NAMES


@pytest.mark.parametrize("name", CORPUS_NAMES)
def test_own_corpora_detection_floor(shared, tmp_path, name):
    got = score(shared, CORPORA / name / "gold.json", CORPORA / name / "articles", tmp_path)
    found = (int(got["must"].split("/")[0]), int(got["optional"].split("/")[0]))
    must, optional = FLOOR[name]
    assert found[0] >= must and found[1] >= optional, got["output"]


def test_report_is_byte_identical_across_runs(shared):
    runner = CliRunner()
    args = ["check", str(shared / "seeds" / "articles"), "--format", "json"]
    first, second = runner.invoke(main, args).stdout, runner.invoke(main, args).stdout
    assert first == second
    assert json.loads(first)["schema"] == "haiti-claims/report/1"
