"""The JSON report, exactly as ../shared/contract/report-json.md describes (schema haiti-claims/report/1)."""
from __future__ import annotations

import json
from typing import Any

from .. import __version__
from ..model import Claim, DateValue, Evidence, Finding, Report, describe

SCHEMA = "haiti-claims/report/1"
CLAIMS_SCHEMA = "haiti-claims/claims/1"


def value_dict(claim: Claim) -> dict[str, Any]:
    v = claim.value
    if isinstance(v, DateValue):
        return {"start": v.start.isoformat() if v.start else None, "end": v.end.isoformat() if v.end else None,
                "granularity": v.granularity, "anchored": v.anchored, "hedge": v.hedge}
    unit = v.unit or claim.subject.thing
    return {"low": _num(v.low), "high": _num(v.high), "nominal": _num(v.nominal), "unit": unit, "hedge": v.hedge}


def _num(x: float | None) -> int | float | None:
    return int(x) if x is not None and x == int(x) else x


def evidence_dict(e: Evidence) -> dict[str, Any]:
    return {"reader": e.reader, "verdict": e.verdict, "strength": e.strength, "words": e.words}


def claim_dict(claim: Claim, group: str | None = None) -> dict[str, Any]:
    s = claim.subject
    return {"id": claim.id, "doc": claim.doc, "kind": claim.kind, "text": claim.text,
            "line": claim.line, "column": claim.column, "subject": s.label(), "group": group,
            "value": value_dict(claim),
            "subject_fields": {"actor": s.actor, "thing": s.thing, "qualifiers": list(s.qualifiers),
                               "event": s.event, "words": list(s.words)},
            "as_of": claim.as_of.isoformat() if claim.as_of else None, "as_of_source": claim.as_of_source,
            "quantity": claim.quantity, "markers": list(claim.markers), "status": claim.status,
            "sentence": claim.sentence}


def finding_dict(f: Finding) -> dict[str, Any]:
    return {"id": f.id, "kind": f.kind, "severity": f.severity, "subject": f.subject, "message": f.message,
            "claims": list(f.claims), "rule": f.rule, **({"doc": f.doc} if f.doc else {}),
            **({"confidence": f.confidence, "evidence": [evidence_dict(e) for e in f.evidence]}
               if f.confidence is not None else {})}


def _claim_table(report: Report, schema: str) -> dict[str, Any]:
    """What `check` and `claims` both print: the schema, the tool, the documents and their claims."""
    return {
        "schema": schema,
        "tool": {"name": "haiti-claims", "version": __version__},
        "documents": [{"id": d.id, "title": d.title, "published": d.published.isoformat() if d.published else None,
                       "published_source": d.published_source} for d in report.documents],
        "claims": [claim_dict(c, report.groups.get(c.id)) for c in report.claims],
    }


def report_dict(report: Report) -> dict[str, Any]:
    counts = {sev: sum(1 for f in report.findings if f.severity == sev) for sev in ("error", "warning", "info")}
    return {
        **_claim_table(report, SCHEMA),
        "findings": [finding_dict(f) for f in report.findings],
        "silenced": [{**finding_dict(s.finding), "by": s.by} for s in report.silenced],
        "timelines": [{"group": t.group, "subject": t.label, "entries": [
            {"as_of": c.as_of.isoformat() if c.as_of else None, "value": describe(c.value), "text": c.text,
             "doc": c.doc, "claim": c.id} for c in t.claims]} for t in report.timelines],
        "summary": {"documents": len(report.documents), "claims": len(report.claims),
                    "errors": counts["error"], "warnings": counts["warning"], "infos": counts["info"],
                    "silenced": len(report.silenced)},
    }


def render(report: Report) -> str:
    return json.dumps(report_dict(report), indent=2, ensure_ascii=False, sort_keys=False) + "\n"


def render_claims(report: Report) -> str:
    """`claims --format json`: the claim table as an object like `check`'s report, without findings."""
    table = {**_claim_table(report, CLAIMS_SCHEMA),
             "summary": {"documents": len(report.documents), "claims": len(report.claims)}}
    return json.dumps(table, indent=2, ensure_ascii=False) + "\n"
