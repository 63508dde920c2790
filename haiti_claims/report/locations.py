"""Where a finding points in the files on disk, for formats that CI tools read (SARIF, GitHub)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from ..model import Claim, Finding, Report


@dataclass(frozen=True)
class Location:
    path: str  # relative to the working directory where possible, '/' separators
    line: int
    column: int
    end_column: int


def file_path(disk_path: str) -> str:
    path = Path(disk_path)
    try:
        rel = os.path.relpath(path.resolve(), Path.cwd().resolve())
    except ValueError:  # another drive on Windows
        return path.resolve().as_posix()
    return Path(rel).as_posix() if not rel.startswith("..") else path.resolve().as_posix()


def claim_location(claim: Claim, paths: dict[str, str]) -> Location:
    first_line_len = len(claim.text.split("\n")[0])
    return Location(paths[claim.doc], claim.line, claim.column, claim.column + first_line_len)


def document_paths(report: Report) -> dict[str, str]:
    """Each file's path as reports print it, by its id: the articles and the files that could not be read."""
    paths = {doc: file_path(path) for doc, path in report.problem_paths.items()}
    paths.update({d.id: file_path(d.path) for d in report.documents})
    return paths


def finding_locations(report: Report) -> dict[str, list[Location]]:
    """Finding id -> the locations of its claims (or of its file), first one primary."""
    paths = document_paths(report)
    claims = {c.id: c for c in report.claims}
    out: dict[str, list[Location]] = {}
    for finding in report.findings:
        locations = [claim_location(claims[c], paths) for c in finding.claims]
        if not locations and finding.doc:
            locations = [Location(paths.get(finding.doc, finding.doc), 1, 1, 1)]
        out[finding.id] = locations
    return out


def primary(finding: Finding, locations: dict[str, list[Location]]) -> Location | None:
    found = locations.get(finding.id) or []
    return found[0] if found else None
