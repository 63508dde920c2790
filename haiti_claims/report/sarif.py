"""SARIF 2.1.0, so GitHub code scanning (and any SARIF viewer) shows findings on the article's lines.

One rule per finding kind; one result per finding, located at its first claim, with the other
claims as related locations and a line-independent partial fingerprint.
"""
from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..baseline import fingerprints
from ..model import Report
from .locations import Location, finding_locations

SARIF_SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json"
LEVEL = {"error": "error", "warning": "warning", "info": "note"}
RULES = {
    "contradiction": "Two articles state values for the same quantity or event that cannot both be true.",
    "intra-document": "One article states two values for the same quantity or event that cannot both be true.",
    "near-miss": "Two values agree only at the edge of a hedge ('around 400' vs 'around 460').",
    "unanchored-date": "Relative dates ('next year', 'on Tuesday') with no publication date to anchor them.",
    "update": "A growing total reported larger at a later date: a trend, not a conflict.",
    "revision": "A figure or plan that a later text marks as revised or replaced.",
    "unordered": "Counts of a growing total that differ and cannot be put in time order (no dates).",
    "unreadable": "A file that could not be read as an article.",
    "bad-metadata": "Front matter or metadata.csv that could not be used.",
    "unread-dateline": "A dateline whose date cannot be read for certain (day and month either way round, or no "
                       "such day); it gives no publication date.",
    "dateline-mismatch": "A dateline in the text gives another publication date than the article's metadata, "
                         "whose date is used.",
}


def _physical(loc: Location) -> dict[str, Any]:
    return {"artifactLocation": {"uri": loc.path},
            "region": {"startLine": loc.line, "startColumn": loc.column, "endColumn": max(loc.end_column, loc.column + 1)}}


def render(report: Report) -> str:
    locations = finding_locations(report)
    prints = fingerprints(report)
    kinds = sorted({f.kind for f in report.findings} | set(RULES))
    rules = [{"id": kind, "name": kind.title().replace("-", ""),
              "shortDescription": {"text": RULES.get(kind, kind)}} for kind in kinds]
    results = []
    for f in report.findings:
        locs = locations[f.id]
        result: dict[str, Any] = {
            "ruleId": f.kind, "ruleIndex": kinds.index(f.kind), "level": LEVEL[f.severity],
            "message": {"text": f"{f.subject}: {f.message}"},
            "partialFingerprints": {"haitiClaims/v1": prints[f.id]},
            "properties": {"subject": f.subject, "claims": list(f.claims)},
        }
        if locs:
            result["locations"] = [{"physicalLocation": _physical(locs[0])}]
            result["relatedLocations"] = [{"id": i, "physicalLocation": _physical(loc)} for i, loc in enumerate(locs[1:], 1)]
        results.append(result)
    sarif = {"$schema": SARIF_SCHEMA, "version": "2.1.0",
             "runs": [{"tool": {"driver": {"name": "haiti-claims", "version": __version__, "rules": rules}},
                       "results": results, "columnKind": "unicodeCodePoints"}]}
    return json.dumps(sarif, indent=2, ensure_ascii=False) + "\n"
