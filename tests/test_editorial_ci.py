"""Editorial review in CI: drafts against the record, every format parsed back, config, baselines, markers."""
from __future__ import annotations

import csv
import io
import json
import re
import shutil
import subprocess
from dataclasses import replace
from pathlib import Path

import pytest
from click.testing import CliRunner

from haiti_claims.baseline import silenced
from haiti_claims.cli import main
from haiti_claims.compare import compare, finalise
from haiti_claims.config import DEFAULT
from haiti_claims.match import load_weights, match
from haiti_claims.pipeline import Options, run

ROOT = Path(__file__).resolve().parent.parent

ARCHIVE = {
    "a.md": "---\ntitle: A\npublished: 2025-02-01\n---\nNorland has committed to deploying a second contingent "
            "of 300 police officers.\n\nThe ministry said the cuts begin in March 2025.\n",
    "b.md": "---\ntitle: B\npublished: 2025-02-03\n---\nNorland has committed to deploying a second contingent "
            "of 300 police officers, officials said.\n",
}
CONTRADICTING_DRAFT = ("---\ntitle: Draft\npublished: 2025-02-05\n---\nNorland has committed to deploying a second "
                       "contingent of 600 police officers.\n")
AGREEING_DRAFT = ("---\ntitle: Draft\npublished: 2025-02-05\n---\nNorland has committed to deploying a second "
                  "contingent of around 300 police officers.\n")


@pytest.fixture
def archive(tmp_path):
    folder = tmp_path / "archive"
    folder.mkdir()
    for name, text in ARCHIVE.items():
        (folder / name).write_text(text)
    return folder


def invoke(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], **kwargs)


def draft(tmp_path, text, name="draft.md"):
    path = tmp_path / name
    path.write_text(text)
    return path


def test_draft_that_contradicts_the_archive_fails(tmp_path, archive):
    result = invoke("check", draft(tmp_path, CONTRADICTING_DRAFT), "--against", archive, "--format", "json")
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    (finding,) = report["findings"]
    docs = {c["doc"] for c in report["claims"] if c["id"] in finding["claims"]}
    assert any(d.endswith("draft.md") for d in docs) and docs & {"a.md", "b.md"}


def test_draft_that_agrees_passes(tmp_path, archive):
    result = invoke("check", draft(tmp_path, AGREEING_DRAFT), "--against", archive, "--format", "json")
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["findings"] == []


def test_findings_not_involving_the_draft_are_left_out(tmp_path, archive):
    (archive / "c.md").write_text("---\npublished: 2025-02-04\n---\nThe ministry said the cuts begin in June 2025.\n")
    full = json.loads(invoke("check", archive, "--format", "json").stdout)
    assert any(f["kind"] == "contradiction" for f in full["findings"])
    focused = invoke("check", draft(tmp_path, AGREEING_DRAFT), "--against", archive, "--format", "json")
    assert json.loads(focused.stdout)["findings"] == [] and focused.exit_code == 0


def test_a_draft_inside_the_archive_is_read_once(archive):
    (archive / "new.md").write_text(CONTRADICTING_DRAFT)
    report = json.loads(invoke("check", archive / "new.md", "--against", archive, "--format", "json").stdout)
    assert [d["id"] for d in report["documents"]] == ["a.md", "b.md", "new.md"]
    assert len(report["findings"]) == 1


def test_a_folder_of_drafts_is_checked_against_the_archive(tmp_path, archive):
    drafts = tmp_path / "drafts"
    (drafts / "world").mkdir(parents=True)
    draft(drafts / "world", CONTRADICTING_DRAFT)
    result = invoke("check", drafts, "--against", archive, "--format", "json")
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    (finding,) = report["findings"]
    assert {c["doc"] for c in report["claims"] if c["id"] in finding["claims"]} >= {"world/draft.md"}


@pytest.mark.parametrize("named", ["folder", "file"])
def test_a_draft_named_like_an_archive_article_is_another_article(tmp_path, archive, named):
    """drafts/a.md against archive/a.md: two articles, each named by its folder, and their contradiction an
    error across articles (it was one document's warning, and the gate passed)."""
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    draft(drafts, CONTRADICTING_DRAFT, name="a.md")
    result = invoke("check", drafts if named == "folder" else drafts / "a.md", "--against", archive, "--format", "json")
    assert result.exit_code == 1, result.output
    report = json.loads(result.stdout)
    assert {d["id"] for d in report["documents"]} == {"archive/a.md", "drafts/a.md", "b.md"}
    (finding,) = report["findings"]
    assert finding["kind"] == "contradiction" and finding["severity"] == "error"


@pytest.mark.parametrize("named", ["folder", "file"])
def test_an_unreadable_draft_fails_the_check(tmp_path, archive, named):
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    (drafts / "broken.txt").write_bytes(b"\x00\x00binary")
    target = drafts if named == "folder" else drafts / "broken.txt"
    result = invoke("check", target, "--against", archive, "--format", "json")
    assert result.exit_code == 1, result.output
    assert [f["doc"] for f in json.loads(result.stdout)["findings"]] == ["broken.txt"]


def git(folder, *args):
    subprocess.run(["git", *args], cwd=folder, check=True, capture_output=True)


@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_changed_since_takes_the_changed_articles_from_git(archive):
    git(archive, "init", "-q")
    git(archive, "-c", "user.email=t@t", "-c", "user.name=t", "add", ".")
    git(archive, "-c", "user.email=t@t", "-c", "user.name=t", "commit", "-qm", "archive")
    unchanged = invoke("check", archive, "--changed-since", "HEAD")
    assert unchanged.exit_code == 0, unchanged.output
    assert unchanged.stderr == f"haiti-claims: no article changed since HEAD in {archive}: nothing to report\n"
    (archive / "b.md").write_text(ARCHIVE["b.md"].replace("300", "600"))
    result = invoke("check", archive, "--changed-since", "HEAD", "--format", "json")
    assert result.exit_code == 1
    assert invoke("check", archive, "--changed-since", "no-such-ref").exit_code == 2


# -- formats -----------------------------------------------------------------------------------

@pytest.fixture
def contradicting(archive):
    (archive / "b.md").write_text(ARCHIVE["b.md"].replace("300", "600"))
    return archive


def test_sarif_is_valid_and_points_at_the_lines(contradicting, shared):
    jsonschema = pytest.importorskip("jsonschema")
    schema = json.loads((shared / "schemas" / "sarif-schema-2.1.0.json").read_text())
    result = invoke("check", contradicting, "--format", "sarif")
    assert result.exit_code == 1
    sarif = json.loads(result.stdout)
    jsonschema.Draft4Validator(schema).validate(sarif)
    run = sarif["runs"][0]
    (res,) = [r for r in run["results"] if r["ruleId"] == "conflicting-values"]
    assert res["properties"]["kind"] == "contradiction"
    rules = run["tool"]["driver"]["rules"]
    assert rules[res["ruleIndex"]]["id"] == "conflicting-values"
    assert rules[res["ruleIndex"]]["shortDescription"]["text"] == "same subject, values whose intervals do not meet."
    assert {r["id"] for r in rules} == {r["ruleId"] for r in run["results"]}  # the rules that fired, each once
    region = res["locations"][0]["physicalLocation"]["region"]
    uri = res["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    line = Path(uri).read_text().splitlines()[region["startLine"] - 1]
    assert line[region["startColumn"] - 1:region["endColumn"] - 1] in ("300", "600")
    assert res["level"] == "error" and res["partialFingerprints"]["haitiClaims/v1"]


def test_github_annotations(contradicting):
    result = invoke("check", contradicting, "--format", "github")
    assert result.exit_code == 1
    lines = result.stdout.strip().splitlines()
    match = re.fullmatch(r"::error file=([^,]+),line=(\d+),col=(\d+),endColumn=\d+,title=([^:]+)::(.+)", lines[0])
    assert match, lines[0]
    assert match.group(1).endswith(".md") and match.group(2) == "5"
    assert "%3A" in match.group(4)  # the colon in the title is escaped as GitHub requires


def test_markdown_table(contradicting):
    result = invoke("check", contradicting, "--format", "markdown")
    rows = [r for r in result.stdout.splitlines() if r.startswith("| ")]
    header, _sep, *body = rows
    assert header.split("|")[1:-1] == [" severity ", " kind ", " subject ", " where ", " finding "]
    assert len(body) == 1 and "contradiction" in body[0] and "300" in body[0] and "600" in body[0]
    assert ".md:" not in body[0].split("|")[5]  # the places are in the where column, by path, not again in words


def test_markdown_quotes_each_side_with_its_figure_in_bold(contradicting):
    (contradicting / "b.md").write_text((contradicting / "b.md").read_text().replace("600", "600 *officers* <b>"))
    text = invoke("check", contradicting, "--format", "markdown").stdout
    details = text.split("### What disagrees", 1)[1]
    quotes = [line for line in details.splitlines() if line.startswith("  > ")]
    assert len(quotes) == 2 and any("**300**" in q for q in quotes) and any("**600**" in q for q in quotes)
    assert "\\*officers\\*" in details and "\\<b\\>" in details  # the article's own marks stay text
    places = [line for line in details.splitlines() if line.startswith("- `")]
    assert [p.split("`")[1].rsplit("/", 1)[-1] for p in places] == ["a.md:5", "b.md:5"]
    assert "rule `conflicting-values`: " in details and "same quantity: " in details


def test_csv_findings_from_check(contradicting):
    rows = list(csv.DictReader(io.StringIO(invoke("check", contradicting, "--format", "csv").stdout)))
    contradiction = [r for r in rows if r["kind"] == "contradiction"]
    assert {r["text"] for r in contradiction} == {"300", "600"}
    assert {(r["finding_id"], r["severity"], r["rule"]) for r in contradiction} == {("f1", "error", "conflicting-values")}


def test_output_file(contradicting, tmp_path):
    out = tmp_path / "r.sarif"
    result = invoke("check", contradicting, "--format", "sarif", "--output", out)
    assert result.exit_code == 1 and result.stdout == ""
    assert json.loads(out.read_text())["version"] == "2.1.0"


# -- configuration -------------------------------------------------------------------------------

def test_config_file_is_found_upward_and_applied(contradicting):
    (contradicting.parent / ".haiti-claims.toml").write_text('[severity]\ncontradiction = "warning"\n')
    report = json.loads(invoke("check", contradicting, "--format", "json").stdout)
    assert {f["severity"] for f in report["findings"] if f["kind"] == "contradiction"} == {"warning"}
    assert invoke("check", contradicting).exit_code == 0
    assert invoke("check", contradicting, "--fail-on", "warning").exit_code == 1


def test_pyproject_table_and_ignore(contradicting):
    (contradicting / "pyproject.toml").write_text('[tool.haiti-claims]\nignore = ["b.md"]\n')
    report = json.loads(invoke("check", contradicting, "--format", "json").stdout)
    assert [d["id"] for d in report["documents"]] == ["a.md"]


def test_size_limit_from_config_and_option(tmp_path):
    (tmp_path / "a.txt").write_text("T\n\nNorland will send 300 police officers.\n")
    (tmp_path / ".haiti-claims.toml").write_text("max_bytes = 10\n")
    report = json.loads(invoke("check", tmp_path, "--format", "json").stdout)
    assert [f["kind"] for f in report["findings"]] == ["unreadable"]
    report = json.loads(invoke("check", tmp_path, "--format", "json", "--max-bytes", "1000").stdout)
    assert report["findings"] == [] and report["summary"]["documents"] == 1


def test_synonyms_and_actor_aliases_from_config(tmp_path):
    (tmp_path / "a.txt").write_text("T\n\nBritain will send 300 medics to the region.\n")
    (tmp_path / "b.txt").write_text("T\n\nThe United Kingdom will send 600 paramedics to the region.\n")
    assert json.loads(invoke("check", tmp_path, "--format", "json").stdout)["findings"] == []
    (tmp_path / ".haiti-claims.toml").write_text('[actors]\n"Britain" = "United Kingdom"\n\n'
                                                 '[things]\nmedic = "medical staff"\nparamedic = "medical staff"\n')
    report = json.loads(invoke("check", tmp_path, "--format", "json").stdout)
    assert [f["kind"] for f in report["findings"]] == ["contradiction"]
    assert {c["subject_fields"]["thing"] for c in report["claims"]} == {"medical staff"}


@pytest.mark.parametrize("text, key", [
    ("colour = 1\n", "colour"),
    ("[tolerances]\nabout = 2\n", "tolerances.about"),
    ("[tolerances]\nwidth = 0.1\n", "tolerances.width"),
    ('[severity]\ncontradiction = "fatal"\n', "severity.contradiction"),
    ('[severity]\nmystery = "info"\n', "severity.mystery"),
    ("ignore = \"*.md\"\n", "ignore"),
    ("[things]\nofficer = 3\n", "things"),
    ("this is not toml\n", "(file)"),
])
def test_config_errors_exit_two_naming_file_and_key(tmp_path, text, key):
    (tmp_path / "a.txt").write_text("T\n\n300 officers.\n")
    (tmp_path / ".haiti-claims.toml").write_text(text)
    result = invoke("check", tmp_path)
    assert result.exit_code == 2
    assert ".haiti-claims.toml" in result.output and f"'{key}'" in result.output


# -- baselines and inline markers ----------------------------------------------------------------

def test_baseline_round_trip(contradicting, tmp_path):
    baseline = tmp_path / "baseline.json"
    assert invoke("check", contradicting, "--write-baseline", baseline).exit_code == 0
    assert invoke("check", contradicting, "--baseline", baseline).exit_code == 0
    # an edit elsewhere in the article keeps the finding accepted
    b = contradicting / "b.md"
    b.write_text(b.read_text().replace("---\ntitle: B", "---\ntitle: B, revised") + "\nA new paragraph.\n")
    assert invoke("check", contradicting, "--baseline", baseline).exit_code == 0
    # a new contradicting figure is a new finding
    b.write_text(b.read_text().replace("600", "700"))
    assert invoke("check", contradicting, "--baseline", baseline).exit_code == 1


def test_bad_baseline_is_an_input_error(contradicting, tmp_path):
    (tmp_path / "bad.json").write_text("{}")
    assert invoke("check", contradicting, "--baseline", tmp_path / "bad.json").exit_code == 2
    assert invoke("check", contradicting, "--baseline", tmp_path / "missing.json").exit_code == 2


def test_inline_marker_silences_one_claim(contradicting):
    b = contradicting / "b.md"
    b.write_text(b.read_text().replace("600 police officers", "600 police officers <!-- haiti-claims: ignore -->"))
    result = invoke("check", contradicting, "--format", "json")
    report = json.loads(result.stdout)
    assert report["findings"] == [] and any(c["text"] == "600" for c in report["claims"])
    (accepted,) = report["silenced"]  # what the marker silenced is still said, apart, and counted apart
    assert accepted["by"] == "inline" and accepted["kind"] == "contradiction"
    assert report["summary"]["silenced"] == 1 and result.exit_code == 0


def test_a_baseline_moves_its_findings_to_the_silenced_list(contradicting, tmp_path):
    baseline = tmp_path / "baseline.json"
    invoke("check", contradicting, "--write-baseline", baseline)
    result = invoke("check", contradicting, "--baseline", baseline, "--format", "json")
    report = json.loads(result.stdout)
    assert result.exit_code == 0 and report["findings"] == []
    assert [(s["by"], s["kind"]) for s in report["silenced"]] == [("baseline", "contradiction")]
    shown = " ".join(invoke("check", contradicting, "--baseline", baseline).stdout.split())
    assert "1 accepted by a baseline or an inline comment" in shown and "Timelines" not in shown


def test_marker_on_its_own_line_silences_the_next_line(contradicting):
    b = contradicting / "b.md"
    b.write_text(b.read_text().replace("---\nNorland", "---\n<!-- haiti-claims: ignore -->\nNorland"))
    assert invoke("check", contradicting).exit_code == 0


def test_markers_silence_what_comparing_every_claim_raises_with_theirs(nlp, tmp_path):
    """The silenced list is what comparing every claim, the silenced ones too, raises with a silenced claim (the
    report compares only the claims that share a group or an article with one again): here a contradiction
    and an update of the silenced figure's group and the unanchored dates of the silenced date's article."""
    folder = shutil.copytree(ROOT / "data", tmp_path / "data")
    for name, words in [("000_f34dd0ea46ba0b98.txt", "additional 600 police officers"),
                        ("001_bb73c357a6e0751b.txt", "last week")]:
        article = folder / name
        article.write_text(article.read_text().replace(words, f"{words} <!-- haiti-claims: ignore -->", 1))
    report = run([folder], DEFAULT, Options())
    claims, weights = list(report.claims), load_weights()
    quiet = silenced(claims, {d.id: d.text for d in report.documents})
    raised = [f for f in finalise(compare(claims, match(claims, weights)), DEFAULT, weights) if quiet & set(f.claims)]
    assert [s.finding for s in report.silenced] == [replace(f, id=f"s{i}") for i, f in enumerate(raised, start=1)]
    assert {s.finding.kind for s in report.silenced} == {"contradiction", "update", "unanchored-date"}
    assert report.findings
