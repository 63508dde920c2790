"""The command line as users and CI scripts drive it: formats, exit codes, errors."""
from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from haiti_claims.cli import main

CONTRADICTING = {
    "a.md": "---\ntitle: A\npublished: 2025-02-01\n---\nNorland has committed to deploying a second contingent "
            "of 300 police officers.\n",
    "b.md": "---\ntitle: B\npublished: 2025-02-03\n---\nNorland has committed to deploying a second contingent "
            "of 600 police officers.\n",
}


@pytest.fixture
def folder(tmp_path):
    for name, text in CONTRADICTING.items():
        (tmp_path / name).write_text(text)
    return tmp_path


def invoke(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_json_report_follows_the_contract(folder):
    result = invoke("check", folder, "--format", "json")
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert set(report) >= {"schema", "tool", "documents", "claims", "findings", "summary"}
    assert [d["id"] for d in report["documents"]] == ["a.md", "b.md"]
    assert report["documents"][0]["published"] == "2025-02-01"
    claims = {c["id"]: c for c in report["claims"]}
    (finding,) = [f for f in report["findings"] if f["kind"] == "contradiction"]
    assert finding["severity"] == "error" and len(finding["claims"]) == 2
    values = sorted(claims[c]["value"]["nominal"] for c in finding["claims"])
    assert values == [300, 600]
    first = claims[finding["claims"][0]]
    assert (first["line"], first["column"]) == (5, CONTRADICTING["a.md"].splitlines()[4].index("300") + 1)
    assert report["summary"] == {"documents": 2, "claims": 2, "errors": 1, "warnings": 0, "infos": 0, "silenced": 0}


@pytest.mark.parametrize("fail_on, code", [("error", 1), ("warning", 1), ("info", 1), ("never", 0)])
def test_fail_on_drives_the_exit_code(folder, fail_on, code):
    assert invoke("check", folder, "--fail-on", fail_on, "--format", "json").exit_code == code


def test_no_contradiction_exits_zero(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nNorland will send 300 police officers.\n")
    (tmp_path / "b.txt").write_text("Title\n\nNorland will send around 310 police officers.\n")
    result = invoke("check", tmp_path)
    assert result.exit_code == 0, result.output
    assert "0 errors" in result.output


def test_text_report_shows_quotes_and_positions(folder):
    result = invoke("check", folder)
    assert "contradiction" in result.output and "a.md:5" in result.output and "b.md:5" in result.output
    flat = " ".join(result.output.replace("│", " ").split())
    assert "second contingent of 600 police officers" in flat


def test_markup_in_articles_is_shown_literally(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nNorland will send 300 police officers in June 2025 "
                                    "[bold]despite[/bold] protests.\n")
    (tmp_path / "b.txt").write_text("Title\n\nNorland will send 300 police officers in June 2026.\n")
    result = invoke("check", tmp_path)
    assert result.exit_code == 1
    assert "[bold]despite[/bold]" in result.output


def test_claims_table_formats(folder):
    rows = list(csv.DictReader(io.StringIO(invoke("claims", folder, "--format", "csv").stdout)))
    assert [(r["doc"], r["text"], r["actor"]) for r in rows] == [("a.md", "300", "Norland"), ("b.md", "600", "Norland")]
    as_json = json.loads(invoke("claims", folder, "--format", "json").stdout)
    assert as_json["schema"] == "haiti-claims/claims/1" and as_json["summary"] == {"documents": 2, "claims": 2}
    assert [d["id"] for d in as_json["documents"]] == ["a.md", "b.md"]
    assert [c["value"]["nominal"] for c in as_json["claims"]] == [300, 600]
    assert "300" in invoke("claims", folder).stdout


def test_check_csv_is_one_row_per_finding_and_claim(folder):
    (folder / "broken.txt").write_bytes(b"\x00\x00binary")
    rows = list(csv.DictReader(io.StringIO(invoke("check", folder, "--format", "csv").stdout)))
    assert list(rows[0]) == ["finding_id", "severity", "kind", "rule", "subject", "confidence", "claim_id", "doc",
                             "line", "column", "text", "value"]
    claims = [(r["finding_id"], r["kind"], r["rule"], r["claim_id"], r["doc"], r["line"], r["text"], r["value"])
              for r in rows if r["claim_id"]]
    assert claims == [("f1", "contradiction", "conflicting-values", "c1", "a.md", "5", "300", "300"),
                      ("f1", "contradiction", "conflicting-values", "c2", "b.md", "5", "600", "600")]
    assert float(rows[0]["confidence"]) > 0 and rows[0]["subject"]
    (file_row,) = [r for r in rows if not r["claim_id"]]  # a finding about a file: one row naming it
    assert (file_row["kind"], file_row["doc"], file_row["line"]) == ("unreadable", "broken.txt", "")


def test_published_option_anchors_relative_dates(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nThe plant will reopen next year.\n")
    loose = json.loads(invoke("check", tmp_path, "--format", "json").stdout)
    assert loose["claims"][0]["value"]["anchored"] is False
    assert [f["kind"] for f in loose["findings"]] == ["unanchored-date"]
    anchored = json.loads(invoke("check", tmp_path, "--format", "json", "--published", "2024-09-26").stdout)
    assert anchored["claims"][0]["value"]["start"] == "2025-01-01"
    assert anchored["documents"][0]["published_source"] == "option"


CORPORA = Path(__file__).resolve().parent / "corpora"  # a folder that exists, whatever the working folder


@pytest.mark.parametrize("args, reason", [
    (["check", "/no/such/folder"], "Path '/no/such/folder' does not exist"),
    (["check"], "Missing argument 'PATHS...'"),  # no path at all
    (["check", CORPORA, "--format", "xml"], "Invalid value for '--format': 'xml' is not one of"),
    (["check", CORPORA, "--published", "yesterday"], "'yesterday' is not a date"),
    (["check", CORPORA, "--published", "9999-12-31"], "'9999-12-31' is not a plausible publication date"),
    (["check", CORPORA, "--model", "no_such_model"], "cannot load spaCy model 'no_such_model'"),
])
def test_usage_errors_exit_two(args, reason):
    """Each exits 2 for its own reason (a relative folder that is absent from the working folder
    would exit 2 too, for the wrong one)."""
    assert CORPORA.is_dir()
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert reason in result.output, result.output


@pytest.mark.parametrize("files", [{}, {"tool.py": "OFFICERS = 300\n", ".hidden/a.md": "Norland sends 300 police.\n"}],
                         ids=["empty", "no-article"])
@pytest.mark.parametrize("command", ["check", "claims", "check --against"])
def test_a_folder_without_articles_is_an_input_error(folder, tmp_path_factory, files, command):
    empty = tmp_path_factory.mktemp("empty")
    for name, text in files.items():
        (empty / name).parent.mkdir(exist_ok=True)
        (empty / name).write_text(text)
    args = ["check", folder / "a.md", "--against", empty] if command == "check --against" else [command, empty]
    result = invoke(*args)
    assert result.exit_code == 2, result.output
    assert result.stderr == f"Error: no article in {empty} (looked for .txt, .md, .markdown, .html, .htm files)\n"


WRITING = [["check", "--output"], ["check", "--format", "sarif", "--output"], ["check", "--write-baseline"],
           ["claims", "-o"], ["claims", "--format", "csv", "-o"]]


@pytest.mark.parametrize("args", WRITING, ids=" ".join)
def test_writing_into_a_missing_folder_is_an_input_error(folder, args):
    target = folder / "missing" / "out.txt"
    result = invoke(args[0], folder, *args[1:], target)
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit), result.exception
    assert result.stderr == f"Error: cannot write {target}: No such file or directory\n"


@pytest.mark.parametrize("args, what", [(["check", "--output"], "the report"),
                                        (["check", "--format", "json", "--output"], "the report"),
                                        (["claims", "-o"], "the claim table"),
                                        (["check", "--write-baseline"], "1 finding(s)")])
def test_output_names_the_file_written(folder, tmp_path_factory, args, what):
    target = tmp_path_factory.mktemp("out") / "out.txt"
    result = invoke(args[0], folder, *args[1:], target)
    assert result.stdout == "" and target.read_text()
    assert result.stderr == f"wrote {what} to {target}\n"


def test_a_missing_model_is_a_usage_error_with_parsing_processes_too(tmp_path, run_cli):
    for i in range(40):  # more than one chunk of articles, so two processes parse them
        (tmp_path / f"{i:02}.txt").write_text(f"The agency said {i} people were hurt.")
    result = run_cli("check", tmp_path, "--jobs", 2, "--model", "no_such_model", "--no-cache")  # fails, not hangs
    assert result.returncode == 2 and "no_such_model" in result.stderr, result.stderr[-2000:]


def test_a_missing_model_is_told_before_any_parsing_process_starts(tmp_path, monkeypatch):
    """A pool whose every worker fails to load the model can hang as it shuts down (CPython's Pool.terminate, with
    its task feeder blocked on a pipe no worker reads): the model is checked in the calling process first."""
    from haiti_claims import pipeline
    from haiti_claims.config import Config
    from haiti_claims.model import Document
    from haiti_claims.nlp import ModelNotFound

    def no_pool(*args, **kwargs):
        raise AssertionError("a parsing pool was started for a model that is not installed")

    monkeypatch.setattr(pipeline, "ProcessPoolExecutor", no_pool)
    documents = [Document(id=f"{i}.txt", path=str(tmp_path / f"{i}.txt"), text=f"{i} people were hurt.")
                 for i in range(3 * pipeline.CHUNK_SIZE)]
    with pytest.raises(ModelNotFound, match="no_such_model"):
        list(pipeline.parse(documents, Config(), pipeline.Options(jobs=2, model="no_such_model")))


def test_unreadable_file_is_a_finding_and_the_run_goes_on(folder):
    (folder / "broken.txt").write_bytes(b"\x00\x00binary")
    report = json.loads(invoke("check", folder, "--format", "json").stdout)
    unreadable = [f for f in report["findings"] if f["kind"] == "unreadable"]
    assert len(unreadable) == 1 and "broken.txt" in unreadable[0]["message"]
    assert report["summary"]["documents"] == 2


def test_concise_is_one_line_per_finding(folder):
    (folder / "broken.txt").write_bytes(b"\x00\x00binary")
    (folder / "c.txt").write_text("Title\n\nThe plant will reopen next year.\n")
    result = invoke("check", folder, "--format", "concise")
    assert result.exit_code == 1
    column = CONTRADICTING["a.md"].splitlines()[4].index("300") + 1
    lines = result.stdout.splitlines()
    assert len(lines) == 3
    assert lines[0] == (f"{folder / 'a.md'}:5:{column}: error conflicting-values 300 (a.md:5) vs 600 (b.md:5) "
                        "— Norland: personnel, next, deployment")
    assert lines[1] == f"{folder / 'broken.txt'}: error unreadable binary file (contains NUL characters)"  # errors first; one path style
    assert lines[2].startswith(f"{folder / 'c.txt'}:3:") and " info no-publication-date 1 relative date in" in lines[2]


def test_markdown_sarif_and_github_name_an_unreadable_file_as_they_name_articles(folder, tmp_path):
    (folder / "broken.txt").write_bytes(b"\x00\x00binary")
    (folder / "c.txt").write_text("Title\n\nThe plant will reopen next year.\n")
    markdown = invoke("check", folder, "--format", "markdown").stdout
    assert "2 errors, 0 warnings, 1 info" in markdown.splitlines()[0]
    assert f"`{folder / 'broken.txt'}:1`" in markdown and f"`{folder / 'a.md'}:5`" in markdown
    assert " ? " not in markdown and "Norland: personnel, next, deployment" in markdown
    sarif = json.loads(invoke("check", folder, "--format", "sarif").stdout)
    broken = next(r for r in sarif["runs"][0]["results"] if r["ruleId"] == "unreadable")
    assert broken["message"]["text"] == "broken.txt: binary file (contains NUL characters)"
    assert broken["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == (folder / "broken.txt").as_posix()
    github = invoke("check", folder, "--format", "github").stdout
    assert f"file={folder / 'broken.txt'},line=1" in github


@pytest.mark.parametrize("fmt, stream", [("text", "stdout"), ("concise", "stdout"), ("json", "stderr")])
def test_statistics_count_findings_per_rule(folder, fmt, stream):
    (folder / "c.txt").write_text("Title\n\nThe plant will reopen next year.\n")
    result = invoke("check", folder, "--format", fmt, "--statistics")
    counted = [line.split() for line in getattr(result, stream).splitlines() if line.startswith("    1  ")]
    assert [row[:2] for row in counted] == [["1", "conflicting-values"], ["1", "no-publication-date"]]
    assert " ".join(counted[0][2:]) == "same subject, values whose intervals do not meet."
    if fmt == "json":
        json.loads(result.stdout)  # the report stays machine-readable
    else:
        assert getattr(result, stream).rstrip().endswith(" ".join(counted[-1][2:]))  # after the report


def test_help_and_version_load_no_model():
    """`--help` and `--version` answer at once: the command line loads spaCy, numpy and trafilatura only when
    a run needs them (speed is for the benchmarks; this checks what is loaded)."""
    import subprocess
    import sys

    probe = ("import sys\nfrom click.testing import CliRunner\nfrom haiti_claims.cli import main\n"
             "for args in (['--version'], ['check', '--help'], ['claims', '--help']):\n"
             "    assert CliRunner().invoke(main, args).exit_code == 0\n"
             "print(sorted(m for m in ('spacy', 'numpy', 'trafilatura', 'sklearn', 'pint') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_check_help_groups_its_options_and_ends_with_examples_and_exit_codes():
    text = CliRunner().invoke(main, ["check", "--help"], terminal_width=100).stdout
    sections = [line.rstrip(":") for line in text.splitlines() if line and not line.startswith(" ") and line.endswith(":")]
    assert sections == ["Input", "Output", "CI", "Cache", "Model and matching", "Other"]
    assert text.index("--fail-on") > text.index("CI:") > text.index("--format")
    tail = text[text.index("Examples:"):]
    assert "haiti-claims check drafts/ --against articles/" in tail and "Exit codes:" in tail
    assert "(default:" not in text  # every default in one form, [default: ...]
    for option in ("--format", "--fail-on", "--jobs", "--store", "--model", "--config", "--max-bytes"):
        entry = text[text.index(option):]
        assert "[default:" in entry.split("\n  -")[0], option
