"""Publication dates stated in a byline or dateline (issue 17, class 5).

Rules:
- a byline or dateline is page furniture, never a claim;
- one with a full date is the publication date when no metadata gives one (front matter, the
  metadata.csv sidecar and a web page's own metadata win; when they disagree, an info finding
  says so); `published_source` is then "text";
- one without a year gives no date (a year is never guessed);
- a numeric date is read day-first where only that reading is possible or where the article
  writes its other dates day-first ("19 July"), month-first likewise ("July 19"); otherwise it is
  left unread and a warning names the file.

The articles here are our own, in shapes newsrooms use; none is copied from a labelled corpus.
"""
from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from haiti_claims.cli import main
from haiti_claims.config import DEFAULT
from haiti_claims.read import read_articles

BODY = "The harbour board voted on Tuesday to raise the berthing levy, and 40 ships were turned away last week.\n"


def read_one(folder: Path, text: str, name: str = "story.txt", **kwargs):
    (folder / name).write_text(text, encoding="utf-8")
    docs, problems = read_articles(folder, **kwargs)
    (doc,) = [d for d in docs if d.id == name]
    return doc, problems


def covered(doc, fragment: str) -> bool:
    """Whether the characters of `fragment` (its first occurrence) lie in the document's furniture."""
    start = doc.text.index(fragment)
    return any(a <= start and start + len(fragment) <= b for a, b in doc.furniture)


@pytest.mark.parametrize("head, written, expected", [
    ("By Tomas Reyes | Thursday 3 October 2024", "Thursday 3 October 2024", date(2024, 10, 3)),
    ("By Ana Lindqvist, Energy Reporter | March 9, 2023", "March 9, 2023", date(2023, 3, 9)),
    ("By Ola Brandt and Kemi Adeyemi \u00b7 Sat 8 Jun 2024 14:20 BST", "Sat 8 Jun 2024", date(2024, 6, 8)),
    ("By Ola Brandt\nUpdated 13/01/2025 18:05 GMT", "13/01/2025", date(2025, 1, 13)),  # only day-first is a date
    ("Last updated 04/27/2022 09:10 ET", "04/27/2022", date(2022, 4, 27)),  # only month-first is a date
    ("Published: 2025-03-11", "2025-03-11", date(2025, 3, 11)),
    ("Friday 21 February 2025", "Friday 21 February 2025", date(2025, 2, 21)),  # a line that is only a date
])
def test_a_byline_or_dateline_with_a_full_date_is_the_publication_date_and_furniture(tmp_path, head, written,
                                                                                     expected):
    doc, problems = read_one(tmp_path, f"Harbour levy rises\n\n{head}\n\n{BODY}")
    assert problems == []
    assert (doc.published, doc.published_source) == (expected, "text")
    assert covered(doc, written)
    assert not covered(doc, "40 ships")


def test_a_wire_dateline_opening_the_first_paragraph_dates_the_article_and_only_it_is_furniture(tmp_path):
    doc, problems = read_one(tmp_path, "Ferry sinks off Korvala\n\nKORVALA, 14 March 2023 (Tidewire) -- Rescue teams "
                                       "pulled 40 people from the water on Monday, the coastguard said.\n")
    assert problems == []
    assert (doc.published, doc.published_source) == (date(2023, 3, 14), "text")
    assert covered(doc, "KORVALA, 14 March 2023 (Tidewire) --")
    assert not covered(doc, "Rescue teams") and not covered(doc, "40 people")


@pytest.mark.parametrize("head, written", [
    ("By Tomas Reyes | Thursday 3 October", "Thursday 3 October"),
    ("By Ana Lindqvist, Energy Reporter | March 9", "March 9"),
    ("Updated: 9 March, 08:15", "9 March"),
])
def test_a_dateline_without_a_year_gives_no_date_and_is_still_no_claim(tmp_path, head, written):
    doc, problems = read_one(tmp_path, f"Harbour levy rises\n\n{head}\n\n{BODY}")
    assert problems == []
    assert (doc.published, doc.published_source) == (None, None)  # never a guessed year
    assert covered(doc, written)


def test_a_wire_dateline_without_a_year_gives_no_date(tmp_path):
    doc, problems = read_one(tmp_path, "Ferry sinks\n\nKORVALA, March 14 (Tidewire) - Rescue teams pulled 40 people "
                                       "from the water on Monday.\n")
    assert problems == [] and doc.published is None
    assert covered(doc, "March 14") and not covered(doc, "Rescue teams")


def test_a_yearless_dateline_leaves_the_published_option_in_force(tmp_path):
    doc, _ = read_one(tmp_path, f"Harbour levy rises\n\nBy Tomas Reyes | Thursday 3 October\n\n{BODY}",
                      published_option=date(2024, 10, 4))
    assert (doc.published, doc.published_source) == (date(2024, 10, 4), "option")


@pytest.mark.parametrize("body, expected", [
    ("Talks began on 2 May and ended on 28 May.", date(2024, 5, 6)),  # the article writes day-first
    ("Talks began on May 2 and ended on May 28.", date(2024, 6, 5)),  # the article writes month-first
    ("The levy was last raised on 30/04/2019.", date(2024, 5, 6)),  # its only reading is day-first
])
def test_an_ambiguous_numeric_dateline_is_read_the_way_the_article_writes_dates(tmp_path, body, expected):
    doc, problems = read_one(tmp_path, f"Levy talks end\n\nUpdated 06/05/2024 10:00 GMT\n\n{body}\n")
    assert problems == []
    assert (doc.published, doc.published_source) == (expected, "text")


@pytest.mark.parametrize("body", [
    "Talks began on Monday and ended on Friday.",  # no other date to go by
    "Talks began on 2 May and ended on May 28.",  # both orders: still nothing to go by
])
def test_an_ambiguous_numeric_dateline_is_left_unread_with_a_warning_naming_the_file(tmp_path, body):
    (tmp_path / "other.txt").write_text(f"Other\n\nBy Ana Lindqvist | March 9, 2023\n\n{BODY}", encoding="utf-8")
    doc, problems = read_one(tmp_path, f"Levy talks end\n\nUpdated 06/05/2024 10:00 GMT\n\n{body}\n")
    assert (doc.published, doc.published_source) == (None, None)
    assert covered(doc, "06/05/2024")  # unread, and still no claim
    (problem,) = problems
    assert (problem.doc, problem.kind) == ("story.txt", "unread-dateline")
    assert "06/05/2024" in problem.message and "day" in problem.message and "month" in problem.message
    assert DEFAULT.severity_of(problem.kind) == "warning"


def test_a_numeric_dateline_that_is_no_date_is_left_unread_with_a_warning(tmp_path):
    doc, problems = read_one(tmp_path, f"Levy\n\nUpdated 31/02/2024 10:00\n\n{BODY}")
    assert doc.published is None
    assert [(p.doc, p.kind, "31/02/2024" in p.message) for p in problems] == [("story.txt", "unread-dateline", True)]


def test_an_ambiguous_dateline_is_settled_by_the_metadata_date_it_can_be(tmp_path):
    doc, problems = read_one(tmp_path, f"---\npublished: 2024-06-05\n---\nLevy\n\nUpdated 06/05/2024 10:00\n\n{BODY}",
                             name="story.md")
    assert problems == [] and (doc.published, doc.published_source) == (date(2024, 6, 5), "metadata")


@pytest.mark.parametrize("write_metadata", [
    lambda folder: "---\npublished: 2024-10-05\n---\n",
    lambda folder: (folder / "metadata.csv").write_text("file,published\nstory.md,2024-10-05\n") and "",
])
def test_metadata_wins_over_the_dateline_and_an_info_finding_says_they_disagree(tmp_path, write_metadata):
    front = write_metadata(tmp_path)
    doc, problems = read_one(tmp_path, f"{front}Levy\n\nBy Tomas Reyes | Thursday 3 October 2024\n\n{BODY}",
                             name="story.md")
    assert (doc.published, doc.published_source) == (date(2024, 10, 5), "metadata")
    assert covered(doc, "Thursday 3 October 2024")
    (problem,) = problems
    assert (problem.doc, problem.kind) == ("story.md", "dateline-mismatch")
    assert "2024-10-03" in problem.message and "2024-10-05" in problem.message
    assert DEFAULT.severity_of(problem.kind) == "info"


@pytest.mark.parametrize("head", [
    "By Tomas Reyes | Saturday 5 October 2024",  # the same date
    "Updated 7 October 2024 09:00",  # an update after publication
])
def test_a_dateline_that_agrees_with_the_metadata_gives_no_finding(tmp_path, head):
    doc, problems = read_one(tmp_path, f"---\npublished: 2024-10-05\n---\nLevy\n\n{head}\n\n{BODY}", name="story.md")
    assert problems == [] and doc.published == date(2024, 10, 5)


@pytest.mark.parametrize("head", [
    "By Monday 4 March 2024, crews had cleared 300 homes.",
    "By Christmas, 1,200 families had left; the last went on 4 June 2024",
    "Published figures show 300 homes were lost on 4 March 2024, the agency said.",
])
def test_a_sentence_that_starts_like_a_byline_is_prose(tmp_path, head):
    doc, problems = read_one(tmp_path, f"Levy\n\n{head}\n\n{BODY}")
    assert problems == [] and doc.published is None
    assert not covered(doc, "4 ")


def page(meta: str) -> str:
    return (f"<html><head><title>Levy</title>{meta}</head><body><article><h1>Levy</h1>"
            "<p>By Tomas Reyes | Thursday 3 October 2024</p><p>The harbour board voted on Tuesday to raise the "
            "berthing levy, and 40 ships were turned away last week, the port said.</p></article></body></html>")


def test_a_page_takes_the_date_it_declares_over_a_byline_in_its_text_and_says_they_disagree(tmp_path):
    (tmp_path / "page.html").write_text(page("<meta property='article:published_time' content='2024-10-05T08:00:00Z'>"),
                                        encoding="utf-8")
    (doc,), problems = read_articles(tmp_path)
    assert (doc.published, doc.published_source) == (date(2024, 10, 5), "metadata")
    assert covered(doc, "Thursday 3 October 2024")
    assert [(p.kind, "page's metadata" in p.message) for p in problems] == [("dateline-mismatch", True)]


def test_a_page_that_declares_no_date_takes_its_byline_date(tmp_path):
    (tmp_path / "page.html").write_text(page(""), encoding="utf-8")
    (doc,), problems = read_articles(tmp_path)
    assert problems == [] and (doc.published, doc.published_source) == (date(2024, 10, 3), "text")


def check(folder: Path) -> dict:
    result = CliRunner().invoke(main, ["check", str(folder), "--format", "json", "--no-cache"])
    assert result.exit_code in (0, 1), result.output
    return json.loads(result.stdout)


def test_end_to_end_the_byline_dates_the_article_and_is_no_claim(tmp_path):
    (tmp_path / "story.txt").write_text(f"Harbour levy rises\n\nBy Tomas Reyes | Thursday 3 October 2024\n\n{BODY}",
                                        encoding="utf-8")
    report = check(tmp_path)
    assert [(d["published"], d["published_source"]) for d in report["documents"]] == [("2024-10-03", "text")]
    assert all(c["line"] != 3 for c in report["claims"]), [c["text"] for c in report["claims"]]
    (tuesday,) = [c for c in report["claims"] if c["text"].endswith("Tuesday")]
    assert (tuesday["value"]["start"], tuesday["value"]["anchored"]) == ("2024-10-01", True)


def test_end_to_end_an_ambiguous_dateline_is_a_warning_and_the_run_goes_on(tmp_path):
    (tmp_path / "a.txt").write_text(f"Levy talks end\n\nUpdated 06/05/2024 10:00 GMT\n\n{BODY}", encoding="utf-8")
    (tmp_path / "b.txt").write_text(f"Levy\n\nBy Ana Lindqvist | March 9, 2023\n\n{BODY}", encoding="utf-8")
    report = check(tmp_path)
    (warning,) = [f for f in report["findings"] if f["kind"] == "unread-dateline"]
    assert warning["severity"] == "warning" and "a.txt" in warning["message"]
    assert {c["doc"] for c in report["claims"]} == {"a.txt", "b.txt"}
    assert not any(c["doc"] == "a.txt" and c["line"] == 3 for c in report["claims"])


@pytest.mark.parametrize("opening, dateline", [
    ("PORTLAND, Ore. (PCW) \u2014 Federal regulators on Saturday grounded 171 jets.", "PORTLAND, Ore. (PCW) \u2014"),
    ("LONDON (APA) \u2014 Labour won 412 seats on Thursday.", "LONDON (APA) \u2014"),
    ("GENEVA/NAIROBI (Meridian) - The agency declared an emergency on Wednesday.", "GENEVA/NAIROBI (Meridian) -"),
    ("SAN FRANCISCO (Ledger Wire) -- Shares fell 11 per cent on Friday.", "SAN FRANCISCO (Ledger Wire) --"),
    ("WASHINGTON \u2014 The Senate passed the bill 52 to 48 on Tuesday.", "WASHINGTON \u2014"),
])
def test_a_wire_dateline_without_a_date_is_furniture_too(tmp_path, opening, dateline):
    """Where the story was filed is not what it is about, and parsed as prose it takes the sentence's subject."""
    doc, problems = read_one(tmp_path, f"Headline\n\n{opening}\n")
    assert problems == [] and doc.published is None
    assert covered(doc, dateline)
    assert not covered(doc, opening[len(dateline):].split()[0])


@pytest.mark.parametrize("opening", [
    "EXPLAINER: What the outage cost airlines, and who pays.",
    "ANALYSIS | The bill for the world's biggest outage.",
    "NASA said on Monday that 40 engineers would join the review.",
    "UK inflation fell to 2 per cent in May \u2014 the lowest in three years.",
])
def test_capitals_that_open_prose_are_no_dateline(tmp_path, opening):
    doc, _ = read_one(tmp_path, f"Headline\n\n{opening}\n")
    assert doc.furniture == ()


def test_end_to_end_a_datelines_place_is_not_what_the_story_is_about(tmp_path):
    """'LONDON (Wire) -- The death toll ... rose': the toll rose, not London; both tolls are one quantity."""
    for name, city, toll in (("a.md", "NAIROBI, Kenya (Wire)", 80), ("b.md", "LONDON (Wire)", 95)):
        (tmp_path / name).write_text(f"---\npublished: 2024-08-10\n---\n{city} \u2014 The death toll from the embassy "
                                     f"bombing rose to {toll} on Saturday, hospital officials said.\n")
    report = json.loads(CliRunner().invoke(main, ["check", str(tmp_path), "--format", "json", "--no-cache"]).stdout)
    tolls = [c for c in report["claims"] if c["text"] in ("80", "95")]
    assert {c["subject_fields"]["actor"] for c in tolls}.isdisjoint({"NAIROBI", "LONDON", "LONDON Wire", "Kenya"})
    assert all(c["sentence"].startswith("The death toll") for c in tolls)
    assert any(f["severity"] == "error" and {c["id"] for c in tolls} <= set(f["claims"]) for f in report["findings"])


def _story_with_a_yearless_dateline(folder: Path, dateline: str, *published: str) -> None:
    """Articles of one story: some dated by their front matter, one by a wire dateline that gives no year."""
    for k, day in enumerate(published):
        (folder / f"{k}.md").write_text(f"---\ntitle: Dam\npublished: {day}\n---\nThe dam burst on Tuesday.\n",
                                        encoding="utf-8")
    (folder / "wire.txt").write_text(f"Dam inquiry\n\n{dateline} (Tidewire) - The dam gave way on Monday, and the "
                                     "road reopened on June 18.\n", encoding="utf-8")


def test_a_yearless_dateline_takes_the_year_of_the_storys_other_articles(tmp_path):
    """Articles about one story are published within weeks of each other: a dateline that gives no year is in
    the year that puts it near the other articles' publication dates, and an info finding says so."""
    _story_with_a_yearless_dateline(tmp_path, "BUCHAREST, June 20", "2025-06-11", "2025-06-13")
    report = check(tmp_path)
    wire = next(d for d in report["documents"] if d["id"] == "wire.txt")
    assert (wire["published"], wire["published_source"]) == ("2025-06-20", "text")
    monday = next(c for c in report["claims"] if c["doc"] == "wire.txt" and c["text"].endswith("Monday"))
    assert monday["value"]["start"] == "2025-06-16"
    (said,) = [f for f in report["findings"] if f["kind"] == "dateline-year"]
    assert said["severity"] == "info" and "wire.txt" in said["message"] and "2025" in said["message"]


@pytest.mark.parametrize("dateline, published", [
    ("BUCHAREST, June 20", ()),  # no other article is dated
    ("BUCHAREST, June 20", ("2023-06-11", "2025-06-13")),  # the story's dates are years apart: which year?
    ("BUCHAREST, Friday, June 20", ("2025-06-11",)),  # 20 June 2025 is a Friday; 2024's is not: agrees
    ("BUCHAREST, Tuesday, June 20", ("2025-06-11",)),  # the weekday says it is not 2025
])
def test_a_yearless_dateline_stays_undated_unless_the_story_settles_its_year(tmp_path, dateline, published):
    _story_with_a_yearless_dateline(tmp_path, dateline, *published)
    report = check(tmp_path)
    wire = next(d for d in report["documents"] if d["id"] == "wire.txt")
    settled = "Friday" in dateline
    assert wire["published"] == ("2025-06-20" if settled else None)
    assert any(f["kind"] == "dateline-year" for f in report["findings"]) == settled
