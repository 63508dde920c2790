"""Real-world input through a whole `check`: encodings, line ends, bad files, hostile text, saved web pages.

The committed corpus is `tests/inputs/robustness`. What git cannot hold (an unreadable file,
broken links, a link loop, a pipe, a directory named like an article, a file over the size
limit, a very long line, a file name with an escape sequence) the `corpus` fixture adds to a copy.
"""
from __future__ import annotations

import errno
import gzip
import json
import os
import shutil
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from haiti_claims.cli import main
from haiti_claims.read import MAX_BYTES

INPUTS = Path(__file__).parent / "inputs"
ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "data"
PAGE = "003_d100ab99cad84b3b.html"  # data/003_d100ab99cad84b3b.txt saved as a web page, with its furniture
LONG_LINE = "Long line\n\n" + "Filler words keep this line going for a while. " * 300 + "Rangers counted 2,121 deer.\n"
EVIL_NAME = "evil\x1b[2J[bold].txt"

# every claim of the good files, as (text, low, high): nothing lost, nothing mangled by decoding
GOOD_CLAIMS = {
    "bad-front-matter.md": [("1,919", 1919, 1919)],  # bad metadata costs the metadata, never the claims
    "cr.txt": [("1,707", 1707, 1707), ("1,717", 1717, 1717)],
    "crlf.txt": [("1,606", 1606, 1606), ("1,616", 1616, 1616)],
    "folder.txt/inside.txt": [("2,323", 2323, 2323)],
    "hostile-pair.txt": [("3,000", 3000, 3000)],
    "hostile.txt": [("2,000", 2000, 2000), ("Friday", None, None)],
    "latin-1.txt": [("1,505", 1505, 1505)],
    "long-line.txt": [("2,121", 2121, 2121)],
    "nbsp.txt": [("1\u00a0808", 1808, 1808), ("12\u202f909", 12909, 12909)],
    "utf16-bom.txt": [("1,202", 1202, 1202)],
    "utf16be-no-bom.txt": [("1,303", 1303, 1303)],
    "utf8-bom.txt": [("1,101", 1101, 1101)],
    "windows-1252.txt": [("about 1,400", 1260, 1540)],
}
NO_CLAIMS = {"empty.txt", "no-claims.txt"}
PROBLEMS = {
    ("bad-front-matter.md", "bad-metadata", "front matter is not valid YAML"),
    ("binary.txt", "unreadable", "binary file"),
    (EVIL_NAME, "unreadable", "binary file"),
    ("broken-link.txt", "unreadable", "broken symbolic link"),
    ("denied.txt", "unreadable", "permission denied"),
    ("folder.txt", "unreadable", "a directory"),
    ("huge.txt", "unreadable", f"size limit of {MAX_BYTES:,} bytes"),
    ("loop.txt", "unreadable", "symbolic link loop"),
    ("metadata.csv", "bad-metadata", "'missing.txt'"),
    ("pipe.txt", "unreadable", "not a regular file"),
}


def deny(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make a file unreadable. Root reads anything, so there the OS's refusal is simulated."""
    path.chmod(0)
    if not os.access(path, os.R_OK):
        return
    real_open = Path.open

    def refusing(self: Path, *args, **kwargs):
        if self == path:
            raise PermissionError(errno.EACCES, os.strerror(errno.EACCES), str(self))
        return real_open(self, *args, **kwargs)

    monkeypatch.setattr(Path, "open", refusing)


def check(*args: object):
    result = CliRunner().invoke(main, ["check", *map(str, args)])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception  # not a traceback
    return result


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("corpus") / "articles"
    shutil.copytree(INPUTS / "robustness", root)
    shutil.copy(INPUTS / "html" / PAGE, root)
    (root / "long-line.txt").write_text(LONG_LINE)
    (root / EVIL_NAME).write_bytes(gzip.compress(b"an archive, not an article"))
    (root / "broken-link.txt").symlink_to(root / "nowhere.txt")
    (root / "loop.txt").symlink_to(root / "loop.txt")
    (root / "folder.txt").mkdir()
    (root / "folder.txt" / "inside.txt").write_text("Inside\n\nMiners found 2,323 coins in the cave.\n")
    with (root / "huge.txt").open("wb") as handle:
        handle.truncate(MAX_BYTES + 1)  # sparse: over the limit without writing megabytes
    os.mkfifo(root / "pipe.txt")  # reading it would block forever
    (root / "denied.txt").write_text("Denied\n\nGuards counted 2,424 keys.\n")
    return root


def check_corpus(corpus: Path, *args: object):
    with pytest.MonkeyPatch.context() as monkeypatch:
        deny(corpus / "denied.txt", monkeypatch)
        return check(corpus, *args)


@pytest.fixture(scope="module")
def offline_run(corpus):
    """`check --format json` of the corpus with every way of opening a network connection blocked."""
    def refuse(*args, **kwargs):
        raise AssertionError(f"network connection attempted: {args}")

    with pytest.MonkeyPatch.context() as monkeypatch:
        monkeypatch.setattr(socket.socket, "connect", refuse)
        monkeypatch.setattr(socket.socket, "connect_ex", refuse)
        monkeypatch.setattr(socket, "create_connection", refuse)
        result = check_corpus(corpus, "--format", "json")
    return result.exit_code, json.loads(result.stdout)


def test_check_opens_no_network_connection(offline_run):
    _, report = offline_run
    assert {d["id"] for d in report["documents"]} >= {PAGE, "utf8-bom.txt"}


def test_every_bad_file_is_a_finding_and_the_good_files_keep_their_claims(offline_run):
    exit_code, report = offline_run
    problems = [f for f in report["findings"] if f["kind"] in ("unreadable", "bad-metadata")]
    assert {f["doc"] for f in problems} == {doc for doc, _, _ in PROBLEMS}
    for doc, kind, reason in PROBLEMS:
        (finding,) = [f for f in problems if f["doc"] == doc]
        assert finding["kind"] == kind and reason in finding["message"] and doc in finding["message"]
        assert finding["severity"] == {"unreadable": "error", "bad-metadata": "warning"}[kind]
    claims: dict[str, list] = {}
    for c in report["claims"]:
        value = c["value"]
        claims.setdefault(c["doc"], []).append((c["text"], value.get("low"), value.get("high")))
    assert {doc: found for doc, found in claims.items() if doc != PAGE} == GOOD_CLAIMS
    assert {d["id"] for d in report["documents"]} == set(GOOD_CLAIMS) | NO_CLAIMS | {PAGE}
    assert exit_code == 1


@pytest.mark.parametrize("fail_on, code", [("error", 1), ("never", 0)])
def test_unreadable_files_drive_the_exit_code_like_any_finding(tmp_path, fail_on, code):
    (tmp_path / "good.txt").write_text("Title\n\nThe port handled 300 ships.\n")
    (tmp_path / "bad.txt").write_bytes(gzip.compress(b"an archive, not an article"))
    assert check(tmp_path, "--fail-on", fail_on).exit_code == code
    (tmp_path / "bad.txt").unlink()
    assert check(tmp_path).exit_code == 0


def test_positions_count_lines_as_written_whatever_the_line_ends(offline_run):
    _, report = offline_run
    positions = {(c["doc"], c["text"]): (c["line"], c["column"]) for c in report["claims"]}
    assert positions[("crlf.txt", "1,616")] == (4, len("Engineers inspected ") + 1)
    assert positions[("cr.txt", "1,717")] == (4, len("Drivers moved ") + 1)
    assert positions[("long-line.txt", "2,121")] == (3, LONG_LINE.splitlines()[2].index("2,121") + 1)


def test_max_bytes_option_sets_the_size_limit(tmp_path):
    (tmp_path / "a.txt").write_text("Title\n\nThe port handled 300 ships.\n")
    report = json.loads(check(tmp_path, "--format", "json", "--max-bytes", 20).stdout)
    (finding,) = report["findings"]
    assert (finding["kind"], finding["doc"]) == ("unreadable", "a.txt") and "size limit of 20 bytes" in finding["message"]
    assert check(tmp_path, "--max-bytes", 0).exit_code == 2


def test_terminal_report_shows_escapes_and_markup_literally(corpus):
    out = check_corpus(corpus, "--format", "text").stdout
    assert "\x1b" not in out and "\x07" not in out
    assert "\\x1b[2J\\x1b[31mtransit council\\x1b[0m said 2,000" in out
    assert "[bold red]at auction[/bold red]" in out
    assert "evil\\x1b[2J[bold].txt" in out


def _claims_without_positions(path: Path, but_line: int | None = None) -> list[tuple]:
    """Each claim's kind, words, value and subject; not its position, nor the words the subject was read from."""
    report = json.loads(check(path, "--format", "json", "--fail-on", "never").stdout)
    return [(c["kind"], c["text"], c["value"], {**c["subject_fields"], "words": None}) for c in report["claims"]
            if c["line"] != but_line]


def test_saved_web_page_yields_the_claims_of_its_text():
    """All but its headline's (the text file's third line): the page marks the headline as its title, and figures in
    titles are no claims."""
    page = _claims_without_positions(INPUTS / "html" / PAGE)
    text = _claims_without_positions(DATA / "003_d100ab99cad84b3b.txt", but_line=3)
    assert len(page) >= 10 and page == text


def test_json_is_byte_identical_across_hash_seeds(tmp_path):
    """Each seed extracts for itself: a run of its own, with its own empty claim store (one store
    shared by the runs would let the second read the claims the first cached, and never extract
    under its seed), importing this checkout's package whatever the folder it runs from."""
    args = [sys.executable, "-m", "haiti_claims.cli", "check", str(INPUTS), str(DATA), "--format", "json"]
    outputs = {}
    for seed in ("0", "4242"):
        store = tmp_path / f"store-{seed}" / "claims.sqlite"
        env = {k: v for k, v in os.environ.items() if k != "HAITI_CLAIMS_NO_CACHE"}
        env.update(PYTHONHASHSEED=seed, HAITI_CLAIMS_STORE=str(store), PYTHONPATH=str(ROOT))
        assert not store.exists()
        run = subprocess.run(args, capture_output=True, env=env, cwd=tmp_path, timeout=300)
        assert run.returncode == 1, run.stderr.decode()
        assert store.is_file(), "the run did not use the store it was given"
        outputs[seed] = run.stdout
    assert json.loads(outputs["0"])["claims"]
    assert outputs["0"] == outputs["4242"]
