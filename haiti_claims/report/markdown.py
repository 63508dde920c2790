"""A compact Markdown table of the findings, fit for a pull-request comment."""
from __future__ import annotations

from ..model import Report
from .locations import finding_locations
from .text import plural, subject_words

ICON = {"error": "🔴 error", "warning": "🟠 warning", "info": "🔵 info"}


def _cell(text: str) -> str:
    """Table-safe: pipes escaped, line breaks flattened, markup characters neutralised."""
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def render(report: Report) -> str:
    counts = {s: sum(1 for f in report.findings if f.severity == s) for s in ICON}
    lines = [f"**haiti-claims**: {plural(len(report.documents), 'document')}, {plural(len(report.claims), 'claim')} — "
             + ", ".join(plural(counts[s], s) for s in ICON), ""]
    if not report.findings:
        return "\n".join(lines + ["No findings."]) + "\n"
    locations = finding_locations(report)
    lines += ["| severity | kind | subject | where | finding |", "| --- | --- | --- | --- | --- |"]
    for f in report.findings:
        where = "<br>".join(dict.fromkeys(f"`{loc.path}:{loc.line}`" for loc in locations[f.id])) or ""
        lines.append(f"| {ICON[f.severity]} | {f.kind} | {_cell(subject_words(f.subject))} | {where} | {_cell(f.message)} |")
    return "\n".join(lines) + "\n"
