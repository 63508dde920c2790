"""Time-aware comparison on our own articles (tests/corpora/timeline/): updates, revisions, withdrawals."""
from __future__ import annotations

import json
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from haiti_claims.cli import main
from haiti_claims.compare import judge
from haiti_claims.model import Claim, DateValue, NumberValue, Subject

TIMELINE = Path(__file__).resolve().parent / "corpora" / "timeline"


def check(name: str) -> dict:
    result = CliRunner().invoke(main, ["check", str(TIMELINE / name), "--format", "json", "--no-cache"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def findings(report: dict) -> list[tuple[str, str, str]]:
    return [(f["severity"], f["kind"], f["rule"]) for f in report["findings"]]


def test_a_rising_toll_is_a_trend_not_an_error():
    report = check("rising")
    assert {kind for _, kind, _ in findings(report)} <= {"update"}
    assert ("info", "update", "cumulative-grew") in findings(report)
    (timeline,) = report["timelines"]
    entries = [(e["text"], e["as_of"]) for e in timeline["entries"]]
    assert entries == [("at least 120", "2025-05-02"), ("210", "2025-05-04"), ("340", "2025-05-06")]


def test_as_of_comes_from_the_sentence():
    claims = {c["text"]: c for c in check("rising")["claims"]}
    assert (claims["210"]["as_of"], claims["210"]["as_of_source"]) == ("2025-05-04", "text")
    assert claims["210"]["quantity"] == "cumulative"


def test_a_toll_that_falls_without_a_revision_is_an_error():
    assert findings(check("falling")) == [("error", "contradiction", "cumulative-fell")]


def test_an_explicit_downward_revision_is_a_warning():
    assert findings(check("revised")) == [("warning", "revision", "revised-down")]


def test_a_postponed_date_is_an_update():  # a superseded plan is an update (../shared/dev/README.md, rule 1)
    assert findings(check("postponed")) == [("info", "update", "plan-replaced")]


def test_a_withdrawn_figure_does_not_count():
    report = check("withdrawn")
    assert findings(report) == []
    status = {c["text"]: c["status"] for c in report["claims"] if c["kind"] == "count"}
    assert status == {"900": "withdrawn", "450": None}


def test_a_newsroom_can_make_unordered_counts_warnings(tmp_path):
    import shutil
    shutil.copytree(TIMELINE / "undated", tmp_path / "undated")
    (tmp_path / "undated" / ".haiti-claims.toml").write_text('[severity]\nunordered = "warning"\n')
    result = CliRunner().invoke(main, ["check", str(tmp_path / "undated"), "--format", "json", "--no-cache"])
    assert findings(json.loads(result.stdout)) == [("warning", "unordered", "cumulative-undated")]


def test_two_outlets_disagreeing_on_the_same_day_is_an_error():
    assert findings(check("same-day")) == [("error", "contradiction", "same-moment")]


def test_undated_figures_are_said_to_be_unordered_never_guessed():
    """Said, as information: counts of a growing total that cannot be put in time order may both hold, so
    they raise no alarm unless the configuration asks ([severity] unordered = "warning")."""
    report = check("undated")
    assert findings(report) == [("info", "unordered", "cumulative-undated")]
    undated = [c for c in report["claims"] if c["doc"] == "02-blog.txt"]
    assert undated[0]["as_of"] is None and undated[0]["as_of_source"] == "unknown"


def test_timelines_in_the_terminal_report():
    result = CliRunner().invoke(main, ["check", str(TIMELINE / "rising"), "--no-cache"])
    flat = " ".join(result.output.split())
    assert "Timelines" in flat and "at least 120" in flat and "→ 210" in flat and "→ 340" in flat


def claim(cid: str, value: float, as_of: date | None, quantity: str = "cumulative", markers=()) -> Claim:
    return Claim(doc=cid, kind="count", text=str(value), start=0, end=1, line=1, column=1, sentence="",
                 value=NumberValue(value, value, value), subject=Subject(thing="people", event="death"), id=cid,
                 as_of=as_of, quantity=quantity, markers=tuple(markers))


def told(c: Claim) -> Claim:
    """The claim with its moment told by its own sentence ("closed on Friday at $65.64")."""
    return replace(c, as_of_source="text")


@pytest.mark.parametrize("a, b, verdict", [
    (claim("a", 100, date(2025, 1, 1)), claim("b", 200, date(2025, 1, 2)), ("update", "cumulative-grew")),
    (claim("a", 200, date(2025, 1, 1)), claim("b", 100, date(2025, 1, 2)), ("contradiction", "cumulative-fell")),
    (claim("a", 200, date(2025, 1, 1)), claim("b", 100, date(2025, 1, 2), markers=["revision"]),
     ("revision", "revised-down")),
    (claim("a", 200, date(2025, 1, 1)), claim("b", 100, date(2025, 1, 1)), ("contradiction", "same-moment")),
    (claim("a", 200, date(2025, 1, 1)), claim("b", 100, None), ("unordered", "cumulative-undated")),
    (claim("a", 200, date(2025, 1, 1), "fixed"), claim("b", 100, date(2025, 1, 2), "fixed"),
     ("contradiction", "conflicting-values")),
    (claim("a", 200, date(2025, 1, 1), "stock"), claim("b", 100, date(2025, 1, 2), "stock"),
     ("update", "stock-changed")),
    (told(claim("a", 65.64, date(2025, 5, 30), "fixed")), told(claim("b", 68.10, date(2025, 6, 2), "fixed")),
     ("update", "stock-changed")),  # "closed on Friday at $65.64", "settled at $68.10 on Monday": two moments
    (told(claim("a", 200, date(2025, 1, 1), "fixed")), claim("b", 100, date(2025, 1, 2), "fixed"),
     ("contradiction", "conflicting-values")),  # one dated only by its article: no moment of its own
    (claim("a", 65, date(2025, 1, 1), "fixed"), claim("b", 58, date(2025, 1, 5), "fixed", markers=["revision"]),
     ("revision", "revised")),  # "inspectors revised the count": homes destroyed, 65 then 58
    (claim("a", 65, date(2025, 1, 1), "fixed", markers=["revision"]), claim("b", 58, date(2025, 1, 5), "fixed"),
     ("contradiction", "conflicting-values")),  # the revision must be the later figure
])
def test_judge_rules_are_symmetric(a, b, verdict):
    assert judge(a.value, [a], b.value, [b]) == verdict
    assert judge(b.value, [b], a.value, [a]) == verdict


def test_a_count_since_a_day_holds_when_it_is_told_not_on_that_day(tmp_path):
    (tmp_path / "a.md").write_text("---\npublished: 2024-06-05\n---\nAt least 135 people have been killed since "
                                   "Monday, the health ministry said on Tuesday.\n")
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json", "--no-cache"])
    (claim,) = [c for c in json.loads(result.stdout)["claims"] if c["text"] == "At least 135"]
    assert claim["as_of"] == "2024-06-04"  # Tuesday, when it was said; not Monday, when the count starts


def _claims_of(tmp_path, published: str, body: str) -> dict[str, dict]:
    (tmp_path / "a.md").write_text(f"---\npublished: {published}\n---\n{body}\n")
    result = CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json", "--no-cache"])
    return {c["text"]: c for c in json.loads(result.stdout)["claims"]}


@pytest.mark.parametrize("body, figure, as_of, day", [
    ("The death toll from Monday's earthquake rose to 22 on Tuesday.", "22", "2025-05-13", "Monday"),
    ("The toll from Saturday's crush at the stadium had risen to six by Monday, police said.", "six", "2025-05-12",
     "Saturday"),
])
def test_the_day_of_the_thing_a_count_is_of_is_not_the_counts_day(tmp_path, body, figure, as_of, day):
    """"The toll from Monday's earthquake rose to 22 on Tuesday": Monday is the earthquake's day, and "from"
    ties the toll to the earthquake, not a period to Monday; the toll holds on Tuesday."""
    claims = _claims_of(tmp_path, "2025-05-14", body)
    assert claims[figure]["as_of"] == as_of
    assert day in claims


@pytest.mark.parametrize("body, date_text", [
    ("By Monday's close, shares of the company had lost almost a quarter of their value.", "By Monday"),
    ("The men had been trapped since Tuesday's collapse in a chamber 400 metres down.", "since Tuesday"),
])
def test_a_preposition_of_the_verb_before_a_possessive_date_still_hedges_it(tmp_path, body, date_text):
    assert date_text in _claims_of(tmp_path, "2025-05-14", body)


def _since(cid: str, year: int, markers=()) -> Claim:
    value = DateValue(start=date(year, 1, 1), end=None, granularity="year", hedge="since")
    return Claim(doc=cid, kind="date", text=f"since {year}", start=0, end=1, line=1, column=1, sentence="",
                 value=value, subject=Subject(thing="cup"), id=cid, as_of=date(2025, 5, 18), quantity="fixed",
                 markers=tuple(markers))


def test_two_periods_that_open_at_different_years_conflict():
    """"The first cup since 1998" and "its first cup since 1999": where the period opens is what each says, though
    both run to today; "since 1998" and "since June 1998" agree."""
    a, b = _since("a", 1998), _since("b", 1999)
    assert judge(a.value, [a], b.value, [b])[0] == "contradiction"
    june = replace(b, value=DateValue(start=date(1998, 6, 1), end=None, granularity="month", hedge="since"))
    assert judge(a.value, [a], june.value, [june]) is None
    counted = replace(a, markers=("counted-from",))  # "135 killed since Monday": the count's own start
    assert judge(counted.value, [counted], b.value, [b]) is None


def test_a_period_that_opens_a_count_is_that_counts_own(tmp_path):
    """"135 people have been killed since Monday" and "20,000 residents have fled since May 20" open two counts:
    their days are not two reports of one start."""
    (tmp_path / "a.md").write_text("---\npublished: 2024-06-05\n---\nAt least 135 people have been killed in "
                                   "the city since Monday, the health ministry said.\n")
    (tmp_path / "b.md").write_text("---\npublished: 2024-06-05\n---\nSome 20,000 residents of the city have fled "
                                   "since May 20, the UN refugee agency said.\n")
    report = json.loads(CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json", "--no-cache"]).stdout)
    assert not [f for f in report["findings"] if f["severity"] in ("error", "warning")]


@pytest.mark.parametrize("sentence, plans", [
    ("The exit poll had projected 410 seats for Labour, with the Conservatives on 131, the Liberal Democrats on 61 "
     "and Reform on 13.", {"410", "131", "61", "13"}),
    ("The firm expects revenue of $5 million this year, with profit at $1 million.", {"$5 million", "$1 million"}),
    ("Sales rose 4% to $40 million, with exports up 6%.", set()),  # a list after an outcome stays one
])
def test_a_with_phrase_after_a_plan_lists_more_of_the_plan(tmp_path, sentence, plans):
    (tmp_path / "a.md").write_text(f"---\ntitle: T\npublished: 2024-07-05\n---\n{sentence}\n")
    claims = json.loads(CliRunner().invoke(main, ["claims", str(tmp_path), "--format", "json", "--no-cache"]).stdout)
    planned = {c["text"] for c in claims["claims"] if c["quantity"] == "plan"}
    assert plans <= planned and not (plans == set() and planned)


@pytest.mark.parametrize("sentence, figure, quantity", [
    ("The deployment was delayed due to a court ruling in January.", "January", "fixed"),
    ("Flights were cancelled due to the storm on Monday, the airline said.", "Monday", "fixed"),
    ("About 40 homes were lost due to the fire, officials said.", "About 40", "fixed"),
    ("The ship is due to arrive in January.", "January", "plan"),
    ("The inquiry's report is due in March.", "March", "plan"),
])
def test_due_to_a_cause_is_no_schedule(tmp_path, sentence, figure, quantity):
    """"Delayed due to a court ruling in January": "due to" with a noun says why, and what it dates happened;
    "due to arrive in January" and "due in March" say when something is to happen."""
    assert _claims_of(tmp_path, "2024-07-05", sentence)[figure]["quantity"] == quantity


@pytest.mark.parametrize("body, figure, as_of", [
    ("Officials put the cost of the repairs at $1.7 billion, with the first lane reopened to traffic by June 30.",
     "$1.7 billion", "2024-07-05"),
    ("Sales rose to $40 million, with exports up 6% by June.", "$40 million", "2024-07-05"),
])
def test_a_date_in_a_with_phrase_dates_what_that_phrase_says(tmp_path, body, figure, as_of):
    """"Put the cost at $1.7 billion, with the first lane reopened by June 30": June 30 is when the lane reopened, a
    phrase of its own; the cost holds when it is told."""
    assert _claims_of(tmp_path, "2024-07-05", body)[figure]["as_of"] == as_of


@pytest.mark.parametrize("body, figure, as_of", [
    ("In 2019 the group bought a bakery chain for $900 million and cut 600 jobs within a year.", "600", "2019-12-31"),
    ("On Monday the council approved the budget and hired 40 teachers.", "40", "2025-06-09"),
    ("The group bought a bakery chain in 2019 and has since cut 600 jobs.", "600", "2025-06-14"),
    ("In 2011 a crush there killed two people, and the stairway was rebuilt the following year for $3.4 million.",
     "$3.4 million", "2012-12-31"),  # the joined verb's own date first
])
def test_a_date_before_its_verb_dates_the_verbs_joined_to_it(tmp_path, body, figure, as_of):
    """"In 2019 it bought a chain and cut 600 jobs": a date that opens the clause dates every verb "and" joins to its
    verb; one told after its verb ("bought a chain in 2019 and has since cut") stays that verb's."""
    assert _claims_of(tmp_path, "2025-06-14", body)[figure]["as_of"] == as_of


@pytest.mark.parametrize("body, figure, earlier", [
    ("Job gains for June were revised down to 179,000 from 206,000.", "206,000", True),
    ("Job gains for June were revised down to 179,000 from 206,000.", "179,000", False),
    ("The unemployment rate rose to 4.3% from 4.1% in June.", "4.1%", True),
    ("Tickets from the 2012 Games sold for 50 pounds.", "50 pounds", False),
])
def test_the_value_a_change_starts_from_is_marked(tmp_path, body, figure, earlier):
    """"Revised down to 179,000 from 206,000", "rose to 4.3% from 4.1%": the figure after "from" is the value the
    change or revision starts from."""
    assert ("changed-from" in _claims_of(tmp_path, "2024-08-02", body)[figure]["markers"]) is earlier


@pytest.mark.parametrize("body, figure, as_of", [
    ("Average hourly earnings rose 3.6% from a year earlier, the department said.", "3.6%", "2024-08-02"),
    ("Wages were still up 3.8% on a year earlier, well ahead of inflation.", "3.8%", "2024-08-02"),
    ("Inflation slowed to 3.2% in March from 3.5% in February.", "3.5%", "2024-02-29"),
])
def test_the_period_a_change_is_measured_from_is_not_the_changes_moment(tmp_path, body, figure, as_of):
    """"Rose 3.6% from a year earlier": a year earlier is what the change is measured against; the change is
    told now. A figure a change starts from keeps its own date ("from 3.5% in February")."""
    assert _claims_of(tmp_path, "2024-08-02", body)[figure]["as_of"] == as_of


@pytest.mark.parametrize("published, body, figure, told", [
    ("2025-03-23", "Traffic returned to normal on Saturday, March 22, when the last of the 422 ships that had queued "
                   "made the transit.", "422", False),
    ("2025-03-10", "Donors will meet in May to help rebuild after the March 3 earthquake, which killed 1,437 people.",
     "1,437", False),
    ("2026-02-06", "Two-year bond yields, which follow rate expectations, ended the day at 3.72 per cent.",
     "3.72 per cent", False),
    ("2025-03-10", "It was the deadliest quake since 2009, when 300 people died in the north.", "300", True),
    ("2025-03-10", "The March 2021 flood, which killed 40 people, was the last of its size.", "40", True),
])
def test_a_clause_of_the_storys_own_days_tells_no_other_moment(tmp_path, published, body, figure, told):
    """"The worst since 2009, when 300 people died": the 300 are of 2009, not the story's. "Returned to normal on
    Saturday, March 22, when the last of the 422 ships made the transit", published the next day, tells the story's
    own day: the 422 are the story's ships. A length ("two-year yields") dates nothing."""
    subject = _claims_of(tmp_path, published, body)[figure]["subject"]
    assert ("when " in subject) is told
