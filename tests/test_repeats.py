"""A story sent again (issue 14, item 5): sentences an article repeats word for word from one published before
it were written then, so they are read as that article reads them and compared once, not against themselves."""
from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from haiti_claims.cli import main

STORY = [
    "A tanker carrying 31 crew ran aground off Halden Point on Tuesday, spilling an estimated 400 tonnes "
    "of fuel oil, the coastguard said.",
    "The ship had left Brennport on Sunday night bound for the refinery at Osk, a voyage of about 19 hours.",
    "Salvage crews began pumping oil from the hull on Thursday, two days after the grounding.",
]


def _article(folder: Path, name: str, published: str | None, paragraphs: list[str]) -> None:
    head = f"---\ntitle: {name}\npublished: {published}\n---\n" if published else f"{name}\n\n"
    (folder / name).write_text(head + "\n\n".join(paragraphs) + "\n")


def _report(folder: Path) -> dict:
    result = CliRunner().invoke(main, ["check", str(folder), "--format", "json", "--no-cache"])
    return json.loads(result.stdout)


def _dates(report: dict, doc: str) -> dict[str, str | None]:
    return {c["text"]: c["value"].get("start") for c in report["claims"] if c["doc"] == doc and c["kind"] == "date"}


def test_a_story_sent_again_reads_its_repeated_weekdays_as_first_sent(tmp_path):
    """Published on a Friday, then sent again the next Wednesday with a new first paragraph: "on Tuesday" in the
    repeated sentence is still the Tuesday before the Friday; the new paragraph's "on Tuesday" is its own."""
    _article(tmp_path, "first.md", "2025-06-13", STORY)
    _article(tmp_path, "again.md", "2025-06-18", [
        "Divers sealed the last leaking tank on Tuesday, and the slick is drifting away from the coast.",
        *STORY])
    report = _report(tmp_path)
    first = [c for c in report["claims"] if c["doc"] == "first.md"]
    again = [c for c in report["claims"] if c["doc"] == "again.md"]
    repeated = again[-len(first):]
    assert [(c["text"], c["value"], c["as_of"]) for c in repeated] == [(c["text"], c["value"], c["as_of"]) for c in first]
    assert next(c for c in again if c["text"] == "Tuesday")["value"]["start"] == "2025-06-17"  # the new lead
    assert not [f for f in report["findings"] if f["severity"] in ("error", "warning")]


def test_the_copy_is_said_once_in_an_info_finding(tmp_path):
    _article(tmp_path, "a_wire.md", "2025-06-13", STORY)
    _article(tmp_path, "b_wire_again.md", "2025-06-18", STORY)
    report = _report(tmp_path)
    said = [f for f in report["findings"] if f["kind"] == "repeated-text"]
    assert len(said) == 1 and said[0]["severity"] == "info"
    assert said[0]["doc"] == "b_wire_again.md" and "a_wire.md" in said[0]["message"]
    copied = {c["id"] for c in report["claims"] if c["doc"] == "b_wire_again.md"}
    assert set(said[0]["claims"]) == copied


def test_the_first_publication_is_the_earlier_date_not_the_first_name(tmp_path):
    """Which article repeats which is told by their dates: 'a' sorts first but was published later."""
    _article(tmp_path, "a_later.md", "2025-06-18", STORY)
    _article(tmp_path, "b_earlier.md", "2025-06-13", STORY)
    report = _report(tmp_path)
    assert _dates(report, "a_later.md") == _dates(report, "b_earlier.md")
    assert _dates(report, "b_earlier.md")["Tuesday"] == "2025-06-10"


def test_an_undated_copy_takes_the_dates_of_the_story_it_repeats(tmp_path):
    _article(tmp_path, "dated.md", "2025-06-13", STORY)
    _article(tmp_path, "undated.md", None, STORY)
    report = _report(tmp_path)
    assert _dates(report, "undated.md") == _dates(report, "dated.md")
    assert not [f for f in report["findings"] if f["kind"] == "unanchored-date"]


def test_one_short_sentence_alike_in_two_stories_is_no_copy(tmp_path):
    """Two outlets may write the same few words on different days, each about its own week: only articles that
    share long sentences are copies."""
    _article(tmp_path, "monday.md", "2025-06-16", [
        "Workers at the Osk refinery walked out over pay, the union said.", "The strike began on Friday."])
    _article(tmp_path, "thursday.md", "2025-06-26", [
        "Refinery workers in Osk voted to return to work after a ten-day stoppage.", "The strike began on Friday."])
    report = _report(tmp_path)
    assert _dates(report, "monday.md")["Friday"] == "2025-06-13"
    assert _dates(report, "thursday.md")["Friday"] == "2025-06-20"
    assert not [f for f in report["findings"] if f["kind"] == "repeated-text"]
