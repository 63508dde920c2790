"""One line per finding, as ruff and Vale print them: `file:line:col: severity rule message`, at the finding's first
claim; a finding about a file (one that could not be read, say) is `file: severity kind message`."""
from __future__ import annotations

from ..model import Finding, Report
from .locations import Location, finding_locations, primary
from .text import subject_words


def line(finding: Finding, where: Location | None) -> str:
    if not finding.claims:  # about a file: its name leads, so the message need not repeat it
        message = finding.message.removeprefix(f"{finding.doc}: ")
        text = f"{where.path if where else finding.doc}: {finding.severity} {finding.kind} {message}"
    else:
        about = f" — {subject_words(finding.subject)}" if " · " in finding.subject else ""  # a label, not a phrase
        text = (f"{where.path}:{where.line}:{where.column}: " if where else "") + \
            f"{finding.severity} {finding.rule or finding.kind} {finding.message}{about}"
    return " ".join(text.split())


def render(report: Report) -> str:
    locations = finding_locations(report)
    return "".join(line(f, primary(f, locations)) + "\n" for f in report.findings)
