"""The claim store: unchanged articles are never parsed again, and anything that changes claims is parsed afresh."""
from __future__ import annotations

import json
import sqlite3
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest
from click.testing import CliRunner

from haiti_claims import nlp as nlp_module
from haiti_claims.cli import main
from haiti_claims.config import DEFAULT, Tolerances
from haiti_claims.pipeline import CHUNK_SIZE, Options, Parser, run
from haiti_claims.read import read_articles
from haiti_claims.store import STORE_DIR, ClaimStore, versions

ROOT = Path(__file__).resolve().parent.parent
ARTICLES = {
    "a.md": "---\ntitle: A\npublished: 2025-02-01\n---\nNorland has committed to deploying a second contingent "
            "of 300 police officers, Interior Minister Jo Vance said, to depart in early 2025.\n",
    "b.txt": "Title\n\nNorland will send nearly 600 police officers next month.\n",
}


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name, text in ARTICLES.items():
        (corpus / name).write_text(text)
    return corpus


@pytest.fixture
def parsed_texts(monkeypatch) -> list[str]:
    """Every text handed to spaCy in this process (runs with jobs=1 parse in-process)."""
    nlp = nlp_module.load(None)
    seen: list[str] = []
    real = nlp.pipe

    def spy(texts, **kwargs):
        texts = list(texts)
        seen.extend(texts)
        return real(texts, **kwargs)

    monkeypatch.setattr(nlp, "pipe", spy)
    return seen


def cached(store: Path, **changes) -> Options:
    return Options(jobs=1, use_cache=True, store=store, **changes)


def test_claims_round_trip_through_the_store(tmp_path, nlp):
    documents = read_articles(ROOT / "data")[0]
    parsed = Parser(DEFAULT, None)(documents)
    with ClaimStore(tmp_path / "claims.sqlite", versions(DEFAULT, None)) as store:
        for doc, article in zip(documents, parsed):
            store.put(doc, article)
        assert [store.get(doc) for doc in documents] == parsed
    assert sum(len(a.claims) for a in parsed) > 20 and any(a.ties for a in parsed)


def test_unchanged_articles_are_not_parsed_again(folder, tmp_path, parsed_texts):
    store = tmp_path / "claims.sqlite"
    cold = run([folder], DEFAULT, cached(store))
    assert len(parsed_texts) == 2
    warm = run([folder], DEFAULT, cached(store))
    assert len(parsed_texts) == 2, "a warm run parsed again"
    assert warm == cold


def test_a_changed_article_alone_is_parsed_again(folder, tmp_path, parsed_texts):
    store = tmp_path / "claims.sqlite"
    run([folder], DEFAULT, cached(store))
    (folder / "b.txt").write_text("Title\n\nNorland will send nearly 700 police officers next month.\n")
    report = run([folder], DEFAULT, cached(store))
    assert parsed_texts[2:] == [(folder / "b.txt").read_text()]
    assert "nearly 700" in {c.text for c in report.claims}


def test_a_new_publication_date_is_a_change(folder, tmp_path, parsed_texts):
    store = tmp_path / "claims.sqlite"
    run([folder], DEFAULT, cached(store))
    run([folder], DEFAULT, cached(store, published=date(2025, 3, 1)))
    assert len(parsed_texts) == 3  # b.txt has no date of its own: --published anchors "next month" anew


def test_other_configuration_parses_everything_again(folder, tmp_path, parsed_texts):
    store = tmp_path / "claims.sqlite"
    run([folder], DEFAULT, cached(store))
    wider = replace(DEFAULT, tolerances=Tolerances(about=0.2))
    run([folder], wider, cached(store))
    assert len(parsed_texts) == 4


def test_other_tool_or_model_versions_miss(folder, tmp_path):
    (doc, *_), _ = read_articles(folder)
    current = versions(DEFAULT, None)
    with ClaimStore(tmp_path / "claims.sqlite", current) as store:
        store.put(doc, Parser(DEFAULT, None)([doc])[0])
        assert store.get(doc) is not None
    for other in (replace(current, tool="0.0.1+feed"), replace(current, model="en_core_web_sm==9.9")):
        with ClaimStore(tmp_path / "claims.sqlite", other) as store:
            assert store.get(doc) is None


def test_a_changed_file_replaces_its_old_entry(folder, tmp_path):
    store = tmp_path / "claims.sqlite"
    run([folder], DEFAULT, cached(store))
    (folder / "b.txt").write_text("Title\n\nNorland will send 800 police officers.\n")
    run([folder], DEFAULT, cached(store))
    with sqlite3.connect(store) as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone() == (2,)
        texts = {row[0] for row in db.execute("SELECT text FROM claims")}
    assert "800" in texts and "nearly 600" not in texts


def invoke(*args: object):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_the_default_store_sits_hidden_where_the_user_runs(folder, tmp_path, monkeypatch):
    """Never inside the checked folder (an archive, a read-only mount): in the working directory."""
    monkeypatch.delenv("HAITI_CLAIMS_STORE")
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    first = invoke("check", folder, "--format", "json")
    assert (work / STORE_DIR / "claims.sqlite").is_file() and not (folder / STORE_DIR).exists()
    second = invoke("check", folder, "--format", "json")
    assert second.stdout == first.stdout
    assert [d["id"] for d in json.loads(second.stdout)["documents"]] == ["a.md", "b.txt"]


def test_a_working_directory_that_cannot_be_written_has_no_store(folder, tmp_path, monkeypatch):
    monkeypatch.delenv("HAITI_CLAIMS_STORE")
    work = tmp_path / "read-only"
    work.mkdir()
    (work / STORE_DIR).write_text("a file where the store's folder would be")  # unwritable, even for root
    monkeypatch.chdir(work)
    result = invoke("check", folder, "--format", "json")
    assert result.exit_code in (0, 1) and json.loads(result.stdout)["claims"]
    assert "claim store" in result.stderr and result.stderr.count("\n") == 1


def test_no_cache_writes_nothing(folder, claim_store, monkeypatch):
    assert invoke("check", folder, "--no-cache").exit_code in (0, 1)
    assert not claim_store.exists()
    monkeypatch.delenv("HAITI_CLAIMS_STORE")
    assert invoke("claims", folder, "--no-cache", "--format", "json").exit_code == 0
    assert not (folder / STORE_DIR).exists()


def test_store_option_names_the_file(folder, tmp_path):
    path = tmp_path / "elsewhere" / "claims.sqlite"
    assert invoke("claims", folder, "--store", path, "--format", "csv").exit_code == 0
    with sqlite3.connect(path) as db:
        assert db.execute("SELECT count(*) FROM articles").fetchone() == (2,)


def test_a_damaged_store_is_reported_and_the_run_goes_on(folder, claim_store):
    claim_store.write_bytes(b"this is not a database" * 100)
    result = CliRunner().invoke(main, ["check", str(folder), "--format", "json"])
    assert result.exit_code in (0, 1) and json.loads(result.stdout)["summary"]["documents"] == 2
    assert "claim store" in result.stderr and "not usable" in result.stderr
    quiet = CliRunner().invoke(main, ["check", str(folder), "--format", "json", "--quiet"])
    assert quiet.stderr == ""


def test_parallel_parsing_gives_the_same_report(tmp_path, run_cli):
    corpus = tmp_path / "many"
    corpus.mkdir()
    for i in range(CHUNK_SIZE + 4):  # more than one chunk, so two processes share the work
        (corpus / f"{i:03}.txt").write_text(f"Report\n\nNorland will send {100 + i} officers in June 2025.\n")
    serial = invoke("check", corpus, "--format", "json", "--jobs", "1", "--no-cache")
    parallel = run_cli("check", corpus, "--format", "json", "--jobs", "2", "--no-cache")  # fails, not hangs
    assert parallel.returncode == serial.exit_code == 1, parallel.stderr[-2000:]  # 1: contradictions found
    assert parallel.stdout == serial.stdout
    report = json.loads(parallel.stdout)
    assert report["summary"]["documents"] == CHUNK_SIZE + 4 and len(report["claims"]) >= CHUNK_SIZE + 4


def test_same_file_names_in_two_folders_keep_their_own_claims(tmp_path, parsed_texts):
    for folder, figure in (("east", 300), ("west", 600)):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "a.txt").write_text(f"Title\n\nNorland will send {figure} police officers.\n")
    roots = [tmp_path / "east", tmp_path / "west"]
    for _ in range(2):  # cold, then warm
        report = run(roots, DEFAULT, cached(tmp_path / "claims.sqlite"))
        assert sorted(c.text for c in report.claims) == ["300", "600"]
    assert len(parsed_texts) == 2
