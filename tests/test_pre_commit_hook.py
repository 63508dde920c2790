"""The pre-commit hook in a repository that holds code as well as articles: it checks the articles only."""
from __future__ import annotations

import importlib.util
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from haiti_claims.read.articles import ARTICLE_SUFFIXES

ROOT = Path(__file__).resolve().parent.parent
(HOOK,) = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text())
AGREEING = "Norland has committed to deploying a second contingent of 300 police officers."
CONTRADICTING = "Norland has committed to deploying a second contingent of 600 police officers."
ARTICLES = {
    "news/a.md": f"---\ntitle: A\npublished: 2025-02-01\n---\n{AGREEING}\n",
    "news/b.txt": f"B\n\n{AGREEING}\n",
    "news/c.html": f"<html><head><title>C</title></head><body><p>{AGREEING}</p></body></html>\n",
    "news/d.markdown": f"# D\n\n{AGREEING}\n",
    "news/E.HTM": f"<html><body><p>{AGREEING}</p></body></html>\n",
}
CODE = {  # text files that are not articles, each stating a figure the articles contradict
    "tool.py": f'"""{CONTRADICTING}"""\nOFFICERS = 600\n',
    "README": f"Tool\n\n{CONTRADICTING}\n",
    "docs/notes.rst": f"Notes\n=====\n\n{CONTRADICTING}\n",
    "docs/page.xhtml": f"<html><body><p>{CONTRADICTING}</p></body></html>\n",
}


def test_the_hook_takes_the_files_the_tool_reads_as_articles():
    files = re.compile(HOOK["files"])
    for suffix in ARTICLE_SUFFIXES:
        assert files.search(f"news/story{suffix}") and files.search(f"news/STORY{suffix.upper()}"), suffix
    for name in [*CODE, ".pre-commit-config.yaml", "news/story.md.orig", "news/md"]:
        assert not files.search(name), name
    assert "types" not in HOOK and "types_or" not in HOOK  # 'text' took code; 'plain-text' takes README, LICENSE


def run(repo: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(args, cwd=repo, capture_output=True, text=True, env={**os.environ, **env})


@pytest.mark.skipif(importlib.util.find_spec("pre_commit") is None, reason="pre-commit is not installed")
@pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")
def test_pre_commit_runs_the_hook_on_the_articles_only(tmp_path):
    repo, report = tmp_path / "repo", tmp_path / "report.json"
    for name, text in {**ARTICLES, **CODE}.items():
        (repo / name).parent.mkdir(parents=True, exist_ok=True)
        (repo / name).write_text(text)
    # The hook as the manifest defines it, but run from this checkout by this interpreter: a `language: python`
    # hook would install the package and its dependencies into a new environment, which needs the package index.
    assert HOOK["entry"] == "haiti-claims check"
    hook = {**HOOK, "language": "system", "entry": f"{shlex.quote(sys.executable)} -m haiti_claims.cli check",
            "args": ["--format", "json", "--output", str(report)]}
    (repo / ".pre-commit-config.yaml").write_text(yaml.safe_dump({"repos": [{"repo": "local", "hooks": [hook]}]}))
    run(repo, "git", "init", "-q")
    run(repo, "git", "add", ".")
    env = {"PYTHONPATH": str(ROOT), "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}

    passed = run(repo, sys.executable, "-m", "pre_commit", "run", "--all-files", **env)
    assert passed.returncode == 0, passed.stdout + passed.stderr
    checked = json.loads(report.read_text())["documents"]
    assert sorted(d["id"] for d in checked) == sorted(Path(name).name for name in ARTICLES)

    (repo / "news/b.txt").write_text(f"B\n\n{CONTRADICTING}\n")
    failed = run(repo, sys.executable, "-m", "pre_commit", "run", "--all-files", **env)
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert [f["kind"] for f in json.loads(report.read_text())["findings"]] == ["contradiction"]
