"""The documentation kept true (issue 16): the README's rule table and links, no development log in
it, the GitHub Actions recipe run as written, the README's first screen followed in a fresh clone,
and the screenshot of the terminal report."""
from __future__ import annotations

import io
import json
import math
import os
import re
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
import yaml
from rich.console import Console
from test_editorial_ci import AGREEING_DRAFT, ARCHIVE, CONTRADICTING_DRAFT

from haiti_claims.compare import RULES
from haiti_claims.config import DEFAULT, DEFAULT_SEVERITY
from haiti_claims.pipeline import Options, run
from haiti_claims.report import text

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
PAGES = [README, *sorted(DOCS.glob("*.md"))]
WORKFLOW = DOCS / "github-actions.yml"
SCREENSHOT = DOCS / "terminal-report.png"
SCREENSHOT_TEXT = DOCS / "terminal-report.ansi"  # the coloured text the screenshot was taken of (`cat` shows it)
ARTIFACTS = ROOT / "tests" / "artifacts"
PNG = b"\x89PNG\r\n\x1a\n"
FENCE = re.compile(r"^```[^\n]*\n(.*?)^```$", re.M | re.S)
needs_git = pytest.mark.skipif(shutil.which("git") is None or not (ROOT / ".git").exists(),
                               reason="git, or a git checkout, is missing")


def section(markdown: str, heading: str) -> str:
    """The text under `heading` (a whole heading line) up to the next heading of its level or above."""
    level = heading.index(" ")
    out, fenced = [], False
    for line in markdown.split(f"\n{heading}\n", 1)[1].split("\n"):
        if line.startswith("```"):
            fenced = not fenced
        elif not fenced and (m := re.match(r"(#+) ", line)) and len(m[1]) <= level:
            break
        out.append(line)
    return "\n".join(out)


def slug(heading: str) -> str:
    """GitHub's anchor for a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(page: Path) -> set[str]:
    return {slug(m[1]) for m in re.finditer(r"^#+ (.+)$", FENCE.sub("", page.read_text(encoding="utf-8")), re.M)}


def test_every_rule_is_in_the_readme_table_in_the_words_the_report_prints():
    table = section(README.read_text(encoding="utf-8"), "### Rules")
    rows = {m[1]: (m[2], m[3]) for m in re.finditer(r"^\| `([a-z-]+)` \| ([^|]+) \| (.+) \|$", table, re.M)}
    assert {rule: words for rule, (_, words) in rows.items()} == RULES
    for rule, (findings, _) in rows.items():
        named = re.findall(r"([a-z-]+) \((error|warning|info)\)", findings)
        assert named, rule
        assert all(DEFAULT_SEVERITY[kind] == severity for kind, severity in named), (rule, findings)


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_links_between_the_pages_resolve(page):
    """Every relative link of the README and docs/ names a file of the repository, and a heading there."""
    markdown = re.sub(r"`[^`\n]*`", "", FENCE.sub("", page.read_text(encoding="utf-8")))
    for target in re.findall(r"\]\(([^)\s]+)\)", markdown):
        if re.match(r"[a-z]+:", target):
            continue
        path, _, anchor = target.partition("#")
        file = (page.parent / path).resolve() if path else page
        assert file.is_file() and ROOT in file.parents, f"{page.name}: {target} names no file of the repository"
        if anchor:
            assert file.suffix == ".md" and anchor in anchors(file), f"{page.name}: {target} names no heading"


@pytest.mark.parametrize("page", PAGES, ids=lambda p: p.name)
def test_no_development_log(page):
    """Figures and changes in plain words: no commit hashes, gold ids ("C1", "T3") or issue numbers."""
    words = page.read_text(encoding="utf-8")
    assert not re.findall(r"\b(?=[0-9a-f]*[0-9])(?=[0-9a-f]*[a-f])[0-9a-f]{7,40}\b", words)
    assert not re.findall(r"\b[CT]\d{1,3}\b", words)
    assert not re.findall(r"\bissues? #?\d+", words, re.I)


# The GitHub Actions recipe, as written in docs/github-actions.yml.

def _workflow() -> dict:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def _steps() -> list[dict]:
    return _workflow()["jobs"]["check"]["steps"]


def _step(starting: str) -> dict:
    (step,) = [s for s in _steps() if s.get("run", "").lstrip().startswith(starting)]
    return step


def _git(folder: Path, *args: str) -> str:
    return subprocess.run(["git", "-c", "user.email=t@t", "-c", "user.name=t", "-c", "protocol.file.allow=always",
                           *args], cwd=folder, check=True, capture_output=True, text=True).stdout


def _as_github_runs(script: str, cwd: Path, env: dict[str, str]) -> subprocess.CompletedProcess:
    """A `run:` script as a GitHub runner runs it (bash -e), with the pull request's base branch `main`."""
    script = script.replace("${{ github.base_ref }}", "main")
    assert "${{" not in script, script
    return subprocess.run(["bash", "-e", "-c", script], cwd=cwd, env=env, capture_output=True, text=True, timeout=300)


def _console_script(folder: Path, code: Path) -> Path:
    """`folder/haiti-claims`: this venv's Python running the checker from `code`, as the installed script would."""
    folder.mkdir(parents=True, exist_ok=True)
    script = folder / "haiti-claims"
    script.write_text(f'#!/bin/sh\nPYTHONPATH="{code}" exec "{sys.executable}" -m haiti_claims.cli "$@"\n')
    script.chmod(0o755)
    return script


def test_the_ci_page_shows_the_workflow_as_it_is():
    """The steps docs/ci.md shows are steps of docs/github-actions.yml, word for word."""
    shown = [b for b in FENCE.findall((DOCS / "ci.md").read_text(encoding="utf-8")) if "haiti-claims check" in b
             and "uses:" in b]
    assert len(shown) == 1
    steps = yaml.safe_load(shown[0])
    assert steps and all(step in _steps() for step in steps)
    assert "pip install haiti-claims" not in (DOCS / "ci.md").read_text(encoding="utf-8") + README.read_text(
        encoding="utf-8"), "the package is not on the package index"


@needs_git
def test_the_workflow_installs_the_checker_from_the_repository(tmp_path):
    """As written, HAITI_CLAIMS is the haiti-claims repository as a submodule of the articles' repository;
    pip (without installing: --dry-run) finds this project there, and at a pinned git URL too."""
    workflow = _workflow()
    checkout = next(s for s in _steps() if s.get("uses", "").startswith("actions/checkout@"))
    assert checkout["with"]["submodules"] is True and checkout["with"]["fetch-depth"] == 0
    newsroom = tmp_path / "newsroom"
    (newsroom / "articles").mkdir(parents=True)
    (newsroom / "articles" / "a.md").write_text(ARCHIVE["a.md"])
    _git(newsroom, "init", "-q", "-b", "main")
    _git(newsroom, "submodule", "add", "-q", str(ROOT), workflow["env"]["HAITI_CLAIMS"])
    _git(newsroom, "add", ".")
    _git(newsroom, "commit", "-qm", "articles, and the checker as a submodule")
    head = _git(ROOT, "rev-parse", "HEAD").strip()
    install = _step("pip install")["run"].replace(
        "pip install", f'"{sys.executable}" -m pip install --dry-run --no-deps --ignore-installed --quiet --report -', 1)
    for source in (workflow["env"]["HAITI_CLAIMS"], f"git+file://{ROOT}@{head}"):
        done = _as_github_runs(install, newsroom, {**os.environ, "HAITI_CLAIMS": source})
        assert done.returncode == 0, done.stderr[-3000:]
        (package,) = json.loads(done.stdout)["install"]
        assert package["metadata"]["name"] == "haiti-claims", source


@needs_git
@pytest.mark.parametrize(("draft", "exit_code"), [(CONTRADICTING_DRAFT, 1), (AGREEING_DRAFT, 0)],
                         ids=["contradicting", "agreeing"])
def test_the_workflow_checks_a_pull_request(tmp_path, draft, exit_code):
    """The check step's commands as written, on a pull request adding a draft to an archive: a draft
    that contradicts the archive fails the job with an annotation on its line; one that agrees passes.
    SARIF is written either way, for the upload step."""
    newsroom = tmp_path / "newsroom"
    (newsroom / "articles").mkdir(parents=True)
    for name, words in ARCHIVE.items():
        (newsroom / "articles" / name).write_text(words)
    _git(newsroom, "init", "-q", "-b", "main")
    _git(newsroom, "add", ".")
    _git(newsroom, "commit", "-qm", "archive")
    _git(newsroom, "update-ref", "refs/remotes/origin/main", "HEAD")  # what the checkout fetched of the base
    _git(newsroom, "checkout", "-qb", "pull-request")
    (newsroom / "articles" / "draft.md").write_text(draft)
    _git(newsroom, "add", ".")
    _git(newsroom, "commit", "-qm", "a draft")
    script = _console_script(tmp_path / "bin", ROOT)
    env = {**os.environ, "PATH": f"{script.parent}{os.pathsep}{os.environ['PATH']}"}
    done = _as_github_runs(next(s for s in _steps() if "haiti-claims check" in s.get("run", ""))["run"], newsroom, env)
    assert done.returncode == exit_code, done.stdout + done.stderr
    sarif = json.loads((newsroom / "haiti-claims.sarif").read_text(encoding="utf-8"))
    places = {loc["physicalLocation"]["artifactLocation"]["uri"] for result in sarif["runs"][0]["results"]
              for loc in result["locations"] + result.get("relatedLocations", [])}
    annotations = [line for line in done.stdout.splitlines() if line.startswith("::error ")]
    if exit_code:
        assert "articles/draft.md" in places
        assert annotations and all(re.match(r"::error file=articles/[a-z]+\.md,line=\d+,", a) for a in annotations)
    else:
        assert not annotations and "articles/draft.md" not in places


# The README's first screen, followed in a fresh clone.

@needs_git
def test_the_readme_check_your_own_folder_works_in_a_fresh_clone(tmp_path):
    """The commands of the README's "Check your own folder", read from the README of a fresh clone (only
    committed files; no ../shared beside it), run there on its data/ as a user would run them on theirs.
    Building .venv is the one step stood in for: the clone's .venv/bin/haiti-claims runs the clone's code
    with this test's Python, and the Makefile's stamp says the venv is built, so `make demo` runs its recipe."""
    clone = tmp_path / "haiti-claims"
    subprocess.run(["git", "clone", "-q", str(ROOT), str(clone)], check=True, capture_output=True)
    assert not (tmp_path / "shared").exists()
    block = FENCE.search(section((clone / "README.md").read_text(encoding="utf-8"), "## Check your own folder"))
    commands = [line.strip() for line in block[1].splitlines() if line.strip()]
    assert len(commands) == 3 and commands[0] == "make demo", commands
    _console_script(clone / ".venv" / "bin", clone)
    stamp = clone / ".venv" / ".installed"
    stamp.touch()
    os.utime(stamp, (time.time() + 60, time.time() + 60))
    env = {k: v for k, v in os.environ.items() if k not in ("VENV", "MAKEFLAGS")}
    for command in commands:
        done = subprocess.run(["bash", "-e", "-c", command.replace("path/to/articles", "data")], cwd=clone, env=env,
                              capture_output=True, text=True, timeout=300)
        expected = 0 if command.startswith("make ") else 1  # the sample articles hold contradictions
        assert done.returncode == expected, (command, done.stdout[-2000:], done.stderr[-2000:])
        if "--output" in command:
            page = clone / command.split("--output", 1)[1].split()[0]
            assert "error contradiction" in page.read_text(encoding="utf-8"), command
        else:
            assert "╭─ error contradiction — Kenya: personnel" in done.stdout, (command, done.stdout[-2000:])
            assert "python3 -m venv" not in done.stdout, "make rebuilt the venv"


# The screenshot of the terminal report.

def _png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == PNG
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_the_readme_shows_the_terminal_report():
    assert f"](docs/{SCREENSHOT.name})" in section(README.read_text(encoding="utf-8"), "## Reading a finding")
    assert _png_size(SCREENSHOT.read_bytes())[0] > 0


def test_terminal_report_screenshot(nlp, browser, tmp_path):
    """`haiti-claims check data` on a 100-column terminal, recorded by rich as SVG (fonts local, nothing
    fetched) and photographed by headless Chromium into tests/artifacts/terminal-report.png. With
    UPDATE_DOCS=1 it is also written to docs/terminal-report.png (as 32 colours, a quarter of the size),
    the README's picture, and the report's coloured text to docs/terminal-report.ansi; otherwise that text
    must be what `check data` prints now (its words, colours and layout: no pixels compared, so fonts do not
    matter) and the picture must be of its size."""
    console = Console(record=True, width=100, file=io.StringIO(), force_terminal=True, color_system="truecolor",
                      highlight=False)
    text.render(run([ROOT / "data"], DEFAULT, Options()), console)
    assert "error contradiction — Kenya: personnel, next, deployment" in console.export_text(clear=False)
    coloured = console.export_text(clear=False, styles=True)
    svg = re.sub(r"@font-face\s*\{[^}]*\}", "", console.export_svg(title="haiti-claims check data"))
    width, height = (math.ceil(float(n)) for n in re.search(r'viewBox="0 0 ([\d.]+) ([\d.]+)"', svg).groups())
    page = tmp_path / "terminal.html"
    page.write_text('<!doctype html><meta charset="utf-8"><style>html,body{margin:0;background:#fff}'
                    f"svg{{display:block}}</style>{svg}", encoding="utf-8")
    ARTIFACTS.mkdir(exist_ok=True)
    shot = ARTIFACTS / SCREENSHOT.name
    browser(page, f"--window-size={width},{height}", f"--screenshot={shot}")
    assert _png_size(shot.read_bytes()) == (width, height)
    if os.environ.get("UPDATE_DOCS") == "1":
        from PIL import Image
        Image.open(shot).convert("RGB").quantize(colors=32).save(SCREENSHOT, optimize=True)
        SCREENSHOT_TEXT.write_text(coloured, encoding="utf-8")
    stale = (f"{SCREENSHOT} shows another report than `check data` prints now: "
             "UPDATE_DOCS=1 python -m pytest tests/test_docs.py -k screenshot")
    assert SCREENSHOT_TEXT.read_text(encoding="utf-8") == coloured, stale
    assert _png_size(SCREENSHOT.read_bytes()) == (width, height), stale
    print(f"screenshot: {shot}")
