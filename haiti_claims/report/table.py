"""The normalised claim table (a rich table, CSV, or the JSON report's claims) and the findings as CSV."""
from __future__ import annotations

import csv
import io
from typing import Iterable, Iterator

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import describe
from ..model import Claim, DateValue, Report
from .text import visible

COLUMNS = ("id", "doc", "line", "column", "kind", "text", "value", "low", "high", "hedge", "anchored",
           "actor", "thing", "qualifiers", "event")


def row(claim: Claim) -> dict[str, object]:
    v = claim.value
    low, high = ((v.start.isoformat() if v.start else "", v.end.isoformat() if v.end else "")
                 if isinstance(v, DateValue) else (v.low if v.low is not None else "", v.high if v.high is not None else ""))
    s = claim.subject
    value = describe(v) if not isinstance(v, DateValue) or v.anchored else "unanchored"
    if claim.kind == "quantity":  # a measurement's unit is part of its value: "4 square kilometre"
        value = f"{value} {v.unit}"
    return {"id": claim.id, "doc": claim.doc, "line": claim.line, "column": claim.column, "kind": claim.kind,
            "text": claim.text, "value": value,
            "low": low, "high": high, "hedge": v.hedge or "",
            "anchored": "" if not isinstance(v, DateValue) else str(v.anchored).lower(),
            "actor": s.actor or "", "thing": s.thing or "", "qualifiers": "/".join(s.qualifiers), "event": s.event or ""}


FINDING_COLUMNS = ("finding_id", "severity", "kind", "rule", "subject", "confidence",
                   "claim_id", "doc", "line", "column", "text", "value")


def finding_rows(report: Report) -> Iterator[dict[str, object]]:
    """One row per finding and claim; a finding about a file, with no claim, is one row naming the file."""
    claims = {c.id: c for c in report.claims}
    for f in report.findings:
        head = {"finding_id": f.id, "severity": f.severity, "kind": f.kind, "rule": f.rule or "", "subject": f.subject,
                "confidence": "" if f.confidence is None else f.confidence}
        if not f.claims:
            yield {**head, "doc": f.doc or ""}
        for cid in f.claims:
            r = row(claims[cid])
            yield {**head, "claim_id": cid, **{k: r[k] for k in ("doc", "line", "column", "text", "value")}}


def _csv(columns: tuple[str, ...], rows: Iterable[dict[str, object]]) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue()


def render_csv(report: Report) -> str:
    """The claim table, one row per claim (`claims --format csv`)."""
    return _csv(COLUMNS, map(row, report.claims))


def render_findings_csv(report: Report) -> str:
    """The findings, one row per finding and claim (`check --format csv`)."""
    return _csv(FINDING_COLUMNS, finding_rows(report))


def render_table(report: Report, console: Console) -> None:
    table = Table(title=f"{len(report.claims)} claims in {len(report.documents)} documents", show_lines=False)
    for name in ("id", "where", "kind", "text", "value", "subject"):
        table.add_column(name, overflow="fold")
    for claim in report.claims:
        r = row(claim)
        table.add_row(claim.id, Text(visible(f"{claim.doc}:{claim.line}")), claim.kind, Text(visible(claim.text)),
                      Text(str(r["value"])), Text(visible(claim.subject.label())))
    console.print(table)
