"""Contradictions end to end in sentence shapes other than the seed's, and look-alikes that are none.

The seed story's contradiction is one shape ("Kenya will send a second contingent of 300/600
police officers"). Each case here is two short articles of our own, written to a folder and
checked through the CLI (`check DIR --format json --no-cache`), as an editor would run it:

- a contradiction must come out as one error- or warning-level finding covering the claim of
  each article;
- a look-alike (different places, different instances, a part and its whole, a plan and then
  what happened) must never be such a finding.

Cases the checker does not get right today are marked xfail(strict=True): they flip, and must
then be unmarked, when the matcher finds them. A case is never weakened to make it pass.
"""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from haiti_claims.cli import main

ALARM = {"error", "warning"}
MATCHER = pytest.mark.xfail(strict=True, reason="matcher: issue 14")


def article(published: str, body: str) -> str:
    return f"---\ntitle: Report\npublished: {published}\n---\n{body}\n"


def check(folder: Path, a: str, b: str) -> dict:
    (folder / "a.md").write_text(a, encoding="utf-8")
    (folder / "b.md").write_text(b, encoding="utf-8")
    result = CliRunner().invoke(main, ["check", str(folder), "--format", "json", "--no-cache"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def claim_ids(report: dict, doc: str, figure: str) -> set[str]:
    """The claims of `doc` whose words hold `figure` as written; the figure must have been read."""
    ids = {c["id"] for c in report["claims"] if c["doc"].endswith(doc) and figure in c["text"]}
    assert ids, f"{figure!r} was not read as a claim in {doc}: {[c['text'] for c in report['claims']]}"
    return ids


def alarms_covering(report: dict, a_figure: str, b_figure: str) -> list[dict]:
    a, b = claim_ids(report, "a.md", a_figure), claim_ids(report, "b.md", b_figure)
    return [f for f in report["findings"]
            if f["severity"] in ALARM and set(f["claims"]) & a and set(f["claims"]) & b]


# (article a, article b, the figure as written in a, the figure as written in b), with an id
CONTRADICTIONS = [
    pytest.param(
        article("2025-03-05", "Twelve people were killed when a gas tank exploded at the Dorvik market on "
                              "Tuesday, police said."),
        article("2025-03-05", "Nineteen people were killed in a gas explosion at the Dorvik market on Tuesday, "
                              "according to police."),
        "Twelve", "Nineteen", id="passive-killed"),
    pytest.param(
        article("2025-06-11", "Tuesday's bridge collapse in Varna left a death toll of 23, officials said."),
        article("2025-06-11", "Officials gave a toll of 31 dead from the collapse of the Varna bridge on Tuesday."),
        "23", "31", id="a-toll-of"),
    pytest.param(
        article("2025-09-08", "8 people died when a bus overturned near Lisk on Sunday, the regional "
                              "governor said."),
        article("2025-09-08", "11 people died after their bus overturned on a mountain road near Lisk on Sunday."),
        "8", "11", id="people-died"),
    pytest.param(
        article("2025-02-20", "The Halvard Foundation pledged $5 million to rebuild the Orsk primary school, "
                              "its director said on Thursday."),
        article("2025-02-20", "The Halvard Foundation has pledged $8 million toward rebuilding the Orsk primary "
                              "school."),
        "$5 million", "$8 million", id="money-pledged"),
    pytest.param(
        article("2025-05-12", "Turnout was 54% in Sunday's referendum on the new constitution, the electoral "
                              "commission said."),
        article("2025-05-12", "Turnout was 61% in the constitutional referendum held on Sunday, according to the "
                              "electoral commission."),
        "54%", "61%", id="turnout-percent"),
    pytest.param(
        article("2025-04-10", "The new Kessel river bridge opened on 3 April, the city council said."),
        article("2025-04-10", "The city's new bridge over the Kessel river opened on 5 April."),
        "3 April", "5 April", id="date-opened"),
    pytest.param(
        article("2025-04-10", "The new Kessel river bridge is 1,200 feet long, the city council said."),
        article("2025-04-10", "The new bridge over the Kessel river is 1,500 feet long, the longest in the region."),
        "1,200 feet", "1,500 feet", id="measurement-feet"),
    pytest.param(
        article("2025-11-03", "Rescuers pulled twelve miners alive from the flooded Gorran mine on Sunday, "
                              "the mine's owner said."),
        article("2025-11-03", "Rescuers pulled fifteen miners alive from the Gorran mine on Sunday after it "
                              "flooded."),
        "twelve", "fifteen", id="count-in-words"),
]

# Two articles whose figures look alike but are not one quantity: never an error or a warning.
LOOK_ALIKES = [
    pytest.param(
        article("2025-09-08", "Floods killed 8 people in Lisk on Sunday, the regional governor said."),
        article("2025-09-08", "Floods killed 11 people in the coastal town of Brevik on Sunday."),
        "8", "11", id="different-places"),
    pytest.param(
        article("2025-01-10", "Norland will send a first contingent of 300 police officers to the mission, "
                              "the interior ministry said."),
        article("2025-01-10", "A second contingent of 600 Norland police officers will follow, the interior "
                              "ministry said."),
        "300", "600", id="first-and-second-contingent"),
    pytest.param(
        article("2025-07-15", "The train crash near Holt on Monday killed 40 people, including eight "
                              "foreigners, the transport ministry said."),
        article("2025-07-15", "Eight foreigners were killed in the train crash near Holt on Monday, the "
                              "transport ministry said."),
        "40", "Eight", id="part-and-whole"),
    pytest.param(
        article("2025-01-10", "Norland will send 600 police officers to the mission in March, the interior "
                              "ministry said."),
        article("2025-04-02", "Norland sent 400 police officers to the mission in March, the interior "
                              "ministry said, fewer than it had planned."),
        "600", "400", id="plan-then-outcome"),  # one quantity; compare's plan-outcome rule makes it an update
]


@pytest.mark.parametrize("a, b, a_figure, b_figure", CONTRADICTIONS)
def test_a_contradiction_is_flagged(tmp_path, a, b, a_figure, b_figure):
    report = check(tmp_path, a, b)
    assert alarms_covering(report, a_figure, b_figure), \
        f"no error or warning covers {a_figure!r} and {b_figure!r}: {report['findings']}"


@pytest.mark.parametrize("a, b, a_figure, b_figure", LOOK_ALIKES)
def test_a_look_alike_is_not_flagged(tmp_path, a, b, a_figure, b_figure):
    report = check(tmp_path, a, b)
    assert not alarms_covering(report, a_figure, b_figure)
