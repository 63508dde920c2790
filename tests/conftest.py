"""Shared fixtures: the spaCy pipeline loads once per test session."""
from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import pytest

from haiti_claims import nlp as nlp_module
from haiti_claims.config import DEFAULT
from haiti_claims.extract import Extractor
from haiti_claims.subjects import SubjectReader

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
CORPORA = Path(__file__).resolve().parent / "corpora"
POOL_TIMEOUT = 180  # seconds: a run of a few dozen short articles takes a few; one that hangs fails here


def _run_cli(*args: object, timeout: float = POOL_TIMEOUT) -> subprocess.CompletedProcess:
    """`haiti-claims ARGS` in a process group of its own, importing this checkout. A run that hangs
    (a parsing pool that never returns) is killed with its workers after `timeout` seconds and the
    test fails, instead of hanging the suite."""
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen([sys.executable, "-m", "haiti_claims.cli", *map(str, args)], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=env, start_new_session=True)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        pytest.fail(f"haiti-claims {' '.join(map(str, args))}: no result in {timeout} s, killed with its workers")
    return subprocess.CompletedProcess(proc.args, proc.returncode, out, err)


@pytest.fixture
def run_cli():
    """The CLI in a process of its own with a time limit: for runs with parsing processes (`--jobs`)."""
    return _run_cli


@pytest.fixture(autouse=True)
def claim_store(tmp_path_factory, monkeypatch) -> Path:
    """Each test's claim store lives in a temporary folder, never beside the articles (data/, ../shared)."""
    path = tmp_path_factory.mktemp("claim-store") / "claims.sqlite"
    monkeypatch.setenv("HAITI_CLAIMS_STORE", str(path))
    return path


@pytest.fixture(scope="session")
def nlp():
    return nlp_module.load()


@pytest.fixture(scope="session")
def extractor(nlp):
    return Extractor(nlp, DEFAULT)


@pytest.fixture(scope="session")
def read_subject():
    return SubjectReader(DEFAULT.lexicon)


def on_ci() -> bool:
    """CI sets CI=true (GitHub Actions, GitLab, most others); an empty value or 'false' is no CI."""
    return os.environ.get("CI", "").strip().lower() not in ("", "0", "false", "no")


def require_shared(folder: Path = SHARED) -> Path:
    """../shared: the seeds, gold files and scorer. Locally a test that needs it skips where it is
    absent; on CI it fails, since a run that skipped every scoring test would pass having measured nothing."""
    if not (folder / "seeds" / "gold.json").is_file():
        why = f"../shared is absent ({folder}): the seed articles, gold file and scorer live there"
        if on_ci():
            pytest.fail(f"{why}; CI must lay it out beside the checkout", pytrace=False)
        pytest.skip(why)
    return folder


@pytest.fixture(scope="session")
def shared() -> Path:
    return require_shared()


FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync", "--hide-scrollbars")


def _chromium() -> str:
    found = shutil.which("chromium") or ("/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None)
    if found:
        return found
    if on_ci():
        pytest.fail("chromium is missing on CI: `make test` installs Debian's chromium package before the tests")
    pytest.skip("/usr/bin/chromium is absent: install Debian's chromium package (make test does, as root)")


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    """Run Chromium headless on a file with extra flags; returns its standard output."""
    binary = _chromium()

    def drive(page: Path, *args: str, query: str = "") -> str:
        profile = tmp_path_factory.mktemp("chromium-profile")
        done = subprocess.run([binary, *FLAGS, f"--user-data-dir={profile}", *args, page.as_uri() + query],
                              capture_output=True, text=True, timeout=120)
        assert done.returncode == 0, done.stderr[-2000:]
        return done.stdout

    return drive
