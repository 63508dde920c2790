"""Accepting known findings: fingerprints, baseline files, and inline ignore markers.

A finding's fingerprint hashes its kind, its subject and, for each claim it involves, the
document, the claim's words and its value, never line numbers: editing elsewhere in an
article keeps it, changing a contradicting figure changes it.

An editor silences one claim in an article with the marker `<!-- haiti-claims: ignore -->`
written right after the claim on the same line; a marker alone on a line silences the claims
of the next non-blank line. Silenced claims stay in the claim table but are never compared.
"""
from __future__ import annotations

import hashlib
import json
import re
from pathlib import Path

from .model import describe
from .model import Claim, Finding, Report

SCHEMA = "haiti-claims/baseline/1"
MARKER = re.compile(r"<!--\s*haiti-claims:\s*ignore\s*-->", re.I)


class BaselineError(ValueError):
    pass


def fingerprint(finding: Finding, claims: dict[str, Claim]) -> str:
    parts = sorted((claims[c].doc, claims[c].text, describe(claims[c].value)) for c in finding.claims)
    anchor = None if parts else [finding.doc, finding.message]  # findings about a file, not claims
    blob = json.dumps([finding.kind, finding.subject, parts, anchor])
    return hashlib.sha256(blob.encode()).hexdigest()[:20]


def fingerprints(report: Report) -> dict[str, str]:
    """Finding id -> fingerprint."""
    claims = {c.id: c for c in report.claims}
    return {f.id: fingerprint(f, claims) for f in report.findings}


def write_baseline(report: Report, path: Path) -> int:
    prints = fingerprints(report)
    entries = sorted(({"fingerprint": prints[f.id], "kind": f.kind, "subject": f.subject, "message": f.message}
                      for f in report.findings), key=lambda e: e["fingerprint"])
    path.write_text(json.dumps({"schema": SCHEMA, "findings": entries}, indent=2, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    return len(entries)


def read_baseline(path: Path) -> set[str]:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if data.get("schema") != SCHEMA:
            raise BaselineError(f"{path}: not a haiti-claims baseline (schema {data.get('schema')!r}, expected {SCHEMA!r})")
        return {entry["fingerprint"] for entry in data["findings"]}
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        if isinstance(exc, BaselineError):
            raise
        raise BaselineError(f"{path}: cannot read baseline: {exc}") from None


def silenced(claims: list[Claim], texts: dict[str, str]) -> set[str]:
    """Ids of claims an inline marker silences."""
    by_line: dict[tuple[str, int], list[Claim]] = {}
    for claim in claims:
        by_line.setdefault((claim.doc, claim.line), []).append(claim)
    quiet: set[str] = set()
    for doc, text in texts.items():
        lines = text.split("\n")
        for number, line in enumerate(lines, start=1):
            for match in MARKER.finditer(line):
                before = [c for c in by_line.get((doc, number), []) if c.column - 1 < match.start()]
                if before:
                    quiet.add(max(before, key=lambda c: c.column).id)
                elif not line[: match.start()].strip():
                    target = next((n for n in range(number + 1, len(lines) + 1) if lines[n - 1].strip()), None)
                    quiet.update(c.id for c in by_line.get((doc, target), []))
    return quiet
