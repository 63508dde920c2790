"""The normalised claim table: as a rich table, CSV or JSON lines of the JSON report's claims."""
from __future__ import annotations

import csv
import io
import json

from rich.console import Console
from rich.table import Table
from rich.text import Text

from ..model import describe
from ..model import Claim, DateValue, Report
from .json import claim_dict
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


def render_csv(report: Report) -> str:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    for claim in report.claims:
        writer.writerow(row(claim))
    return out.getvalue()


def render_json(report: Report) -> str:
    return json.dumps([claim_dict(c, report.groups.get(c.id)) for c in report.claims], indent=2, ensure_ascii=False) + "\n"


def render_table(report: Report, console: Console) -> None:
    table = Table(title=f"{len(report.claims)} claims in {len(report.documents)} documents", show_lines=False)
    for name in ("id", "where", "kind", "text", "value", "subject"):
        table.add_column(name, overflow="fold")
    for claim in report.claims:
        r = row(claim)
        table.add_row(claim.id, Text(visible(f"{claim.doc}:{claim.line}")), claim.kind, Text(visible(claim.text)),
                      Text(str(r["value"])), Text(visible(claim.subject.label())))
    console.print(table)
