"""SARIF 2.1.0, so GitHub code scanning (and any SARIF viewer) shows findings on the article's lines.

One rule per comparison rule that fired (`conflicting-values`, `plan-outcome`, ...), described with the
report's own words for it; one result per finding, its kind a property, located at its first claim, with the
other claims as related locations and a line-independent partial fingerprint.
"""
from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..baseline import fingerprints
from ..model import Finding, Report
from .locations import Location, finding_locations
from .text import subject_words

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def _physical(loc: Location) -> dict[str, Any]:
    return {"artifactLocation": {"uri": loc.path},
            "region": {"startLine": loc.line, "startColumn": loc.column, "endColumn": max(loc.end_column, loc.column + 1)}}


def _rule(finding: Finding) -> str:
    return finding.rule or finding.kind


def render(report: Report) -> str:
    locations = finding_locations(report)
    prints = fingerprints(report)
    names = sorted({_rule(f) for f in report.findings} | set(report.rules))
    rules = [{"id": name, "name": name.title().replace("-", ""),
              "shortDescription": {"text": report.rules.get(name) or name}} for name in names]
    results = []
    for f in report.findings:
        locs = locations[f.id]
        result: dict[str, Any] = {
            "ruleId": _rule(f), "ruleIndex": names.index(_rule(f)), "level": LEVEL[f.severity],
            "message": {"text": f"{subject_words(f.subject)}: {f.message}" if f.claims else f.message},
            "partialFingerprints": {"haitiClaims/v1": prints[f.id]},
            "properties": {"kind": f.kind, "subject": f.subject, "claims": list(f.claims)},
        }
        if locs:
            result["locations"] = [{"physicalLocation": _physical(locs[0])}]
            result["relatedLocations"] = [{"id": i, "physicalLocation": _physical(loc)} for i, loc in enumerate(locs[1:], 1)]
        results.append(result)
    sarif = {"$schema": SARIF_SCHEMA, "version": "2.1.0",
             "runs": [{"tool": {"driver": {"name": "haiti-claims", "version": __version__, "rules": rules}},
                       "results": results, "columnKind": "unicodeCodePoints"}]}
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"
