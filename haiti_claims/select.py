"""Choosing which findings a run reports: only those touching given drafts, and not those accepted in a baseline."""
from __future__ import annotations

import subprocess
from dataclasses import replace
from pathlib import Path

from .baseline import fingerprints
from .model import Report, Silenced
from .read.articles import ARTICLE_SUFFIXES, articles_in


class GitError(RuntimeError):
    pass


def involving(report: Report, paths: list[Path]) -> Report:
    """Findings that involve an article among `paths` (files, or folders meaning every article under them): claims
    in it, or the file itself."""
    read = {Path(d.path).resolve(): d.id for d in report.documents}
    docs: set[str] = set()
    for root in paths:
        folder, files = articles_in(root)
        # an article that was read has its document's id (a draft inside the archive: the archive's); one that
        # could not be read, the id its own root gave it
        docs |= {read.get(f.resolve(), f.relative_to(folder).as_posix()) for f in files}
    claims = {c.id: c.doc for c in report.claims}
    kept = tuple(f for f in report.findings
                 if (f.doc in docs) or any(claims[c] in docs for c in f.claims))
    return replace(report, findings=kept)


def without_baseline(report: Report, known: set[str]) -> Report:
    """The report with the findings a baseline accepts moved to its silenced ones, and their claims out of the
    timelines."""
    prints = fingerprints(report)
    accepted = [Silenced(f, "baseline") for f in report.findings if prints[f.id] in known]
    quiet = {c for s in accepted for c in s.finding.claims}
    kept = [replace(t, claims=tuple(c for c in t.claims if c.id not in quiet)) for t in report.timelines]
    return replace(report, findings=tuple(f for f in report.findings if prints[f.id] not in known),
                   silenced=report.silenced + tuple(accepted),
                   timelines=tuple(t for t in kept if len({c.value for c in t.claims}) > 1))


def changed_articles(ref: str, roots: list[Path]) -> list[Path]:
    """Article files under `roots` that differ from git revision `ref` (added, modified, renamed; not deleted)."""
    changed: list[Path] = []
    for root in roots:
        folder = root if root.is_dir() else root.parent
        try:
            top = subprocess.run(["git", "rev-parse", "--show-toplevel"], cwd=folder, capture_output=True,
                                 text=True, check=True).stdout.strip()
            names = subprocess.run(["git", "diff", "--name-only", "--diff-filter=d", ref, "--", str(root.resolve())],
                                   cwd=folder, capture_output=True, text=True, check=True).stdout.split("\n")
            untracked = subprocess.run(["git", "ls-files", "--others", "--exclude-standard", "--full-name", "--",
                                        str(root.resolve())], cwd=folder, capture_output=True, text=True,
                                       check=True).stdout.split("\n")
        except FileNotFoundError:
            raise GitError("git is not installed") from None
        except subprocess.CalledProcessError as exc:
            raise GitError(f"git could not compare with {ref!r}: {exc.stderr.strip()}") from None
        for name in filter(None, names + untracked):
            path = Path(top) / name
            if path.suffix.lower() in ARTICLE_SUFFIXES and path.is_file():
                changed.append(path)
    return sorted(set(changed))
