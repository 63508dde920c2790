"""The terminal report as an editor reads it, on the sample articles in data/ (issue 16)."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from haiti_claims.cli import main
from haiti_claims.report.text import subject_words

DATA = Path(__file__).resolve().parent.parent / "data"
LOCATION = re.compile(r"^\s+(\S+\.txt):(\d+(?:, \d+)*)\b")


@pytest.fixture(scope="module")
def report_lines() -> list[str]:
    """`check data` on a terminal wide enough that no line wraps: one quote, one location per line."""
    result = CliRunner(env={"COLUMNS": "400"}).invoke(main, ["check", str(DATA), "--no-cache"])
    assert result.exit_code == 1, result.output
    return [line.strip("│ ").rstrip() if line.startswith("│") else line for line in result.stdout.splitlines()]


def panels(lines: list[str]) -> list[list[str]]:
    out: list[list[str]] = []
    for line in lines:
        if line.startswith("╭"):
            out.append([line])
        elif out and not out[-1][-1].startswith("╰"):
            out[-1].append(line)
    return out


def test_no_quote_and_no_location_is_printed_twice(report_lines):
    for panel in panels(report_lines):
        quotes = [line for line in panel if line.startswith("“")]
        places = [f"{m[1]}:{line}" for text in panel if (m := LOCATION.match("  " + text))
                  for line in m[2].split(", ")]
        assert quotes and len(quotes) == len(set(quotes)), panel
        assert places and len(places) == len(set(places)), panel


def test_a_sentence_an_article_repeats_is_quoted_once_with_both_lines(tmp_path):
    sentence = "Norland will send 300 police officers to the capital in June 2025."
    (tmp_path / "a.txt").write_text(f"Title\n\n{sentence}\n\nOther news.\n\n{sentence}\n")
    (tmp_path / "b.txt").write_text("Title\n\nNorland will send 600 police officers to the capital in June 2025.\n")
    lines = CliRunner(env={"COLUMNS": "400"}).invoke(main, ["check", str(tmp_path)]).stdout.splitlines()
    assert any(line.strip("│ ").startswith("a.txt:3, 7") for line in lines), lines
    assert sum(sentence in line for line in lines) == 1


def test_quotes_are_cut_at_word_boundaries(report_lines):
    articles = {p.name: " ".join(p.read_text().split()) for p in DATA.glob("*.txt")}
    doc = None
    for line in report_lines:
        if m := LOCATION.match("  " + line):
            doc = m[1]
        elif line.startswith("“"):
            fragment = line.strip("“”").strip("…")
            at = articles[doc].find(fragment)
            assert at >= 0, (doc, fragment)
            before, after = articles[doc][at - 1:at], articles[doc][at + len(fragment):at + len(fragment) + 1]
            assert not before.isalnum() and not after.isalnum(), (doc, fragment)


def test_headers_say_what_disagrees_in_words(report_lines):
    titles = [line for line in report_lines if line.startswith("╭")]
    assert any("error contradiction — Kenya: personnel, next, deployment" in t for t in titles), titles
    timelines = report_lines[report_lines.index("Timelines") + 1:]
    assert all("?" not in line.split(" — ")[0] for line in titles + timelines if "—" in line)
    assert subject_words("? · personnel · next/total · deployment") == "(no actor): personnel, next, total, deployment"
    assert subject_words("Kenya · ? · statement") == "Kenya: statement"
    assert subject_words("publication date") == "publication date"


def test_rules_are_explained_beside_their_names(report_lines):
    assert "rule conflicting-values: same subject, values whose intervals do not meet." in report_lines
    assert any(re.fullmatch(r"same quantity: \d{1,3}% sure", line) for line in report_lines)  # the matcher's confidence


def test_summary_plurals_and_what_to_do(report_lines, tmp_path):
    assert report_lines[-2] == "5 documents, 42 claims: 2 errors, 0 warnings, 4 infos"
    assert report_lines[-1].startswith("2 errors: check the figures above against your sources; accept one with "
                                       "--write-baseline or an inline comment")
    (tmp_path / "a.txt").write_text("Title\n\nNorland will send 300 police officers in June 2025.\n")
    (tmp_path / "b.txt").write_text("Title\n\nNorland will send 300 police officers in June 2026.\n")
    (tmp_path / "c.txt").write_text("Title\n\nThe plant will reopen next year.\n")
    lines = CliRunner(env={"COLUMNS": "400"}).invoke(main, ["check", str(tmp_path)]).stdout.splitlines()
    assert lines[-2] == "3 documents, 5 claims: 1 error, 0 warnings, 1 info"
    assert lines[-1].startswith("1 error: check the figures above")


def test_a_bad_file_is_to_be_fixed_not_checked_against_sources(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)  # a picture saved as .txt
    (tmp_path / "b.txt").write_text("Title\n\nNorland will send 300 police officers.\n")
    lines = CliRunner(env={"COLUMNS": "400"}).invoke(main, ["check", str(tmp_path)]).stdout.splitlines()
    assert lines[-1] == "1 error: fix or remove the file named above"
    (tmp_path / "c.txt").write_text("Title\n\nNorland will send 600 police officers.\n")
    (tmp_path / "d.md").write_text("")
    lines = CliRunner(env={"COLUMNS": "400"}).invoke(main, ["check", str(tmp_path)]).stdout.splitlines()
    assert lines[-1].startswith("2 errors and 1 warning: fix or remove the files named above; check the figures "
                                "above against your sources")


def test_explain_prints_the_evidence(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nNorland will send 300 police officers.\n")
    (tmp_path / "b.txt").write_text("Title\n\nNorland will send 600 police officers.\n")
    plain = CliRunner(env={"COLUMNS": "400"}).invoke(main, ["check", str(tmp_path)]).stdout
    explained = CliRunner(env={"COLUMNS": "400"}).invoke(main, ["check", str(tmp_path), "--explain"]).stdout
    assert "same quantity:" in plain and "agree" not in plain
    assert ": agree" in explained


def test_the_readme_shows_what_check_prints_on_the_sample_articles():
    """The README's first screen is real output of `haiti-claims check data`, kept true here."""
    root = Path(__file__).resolve().parent.parent
    readme = (root / "README.md").read_text(encoding="utf-8")
    shown = readme.split("$ haiti-claims check data\n", 1)[1].split("\n…\n```", 1)[0]
    result = CliRunner().invoke(main, ["check", str(root / "data"), "--no-cache"], terminal_width=80)
    assert shown in result.stdout
