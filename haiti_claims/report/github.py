"""GitHub Actions workflow commands: `::error file=…,line=…,col=…,title=…::message`, one per finding.

GitHub shows them as annotations on the pull request's changed lines.
"""
from __future__ import annotations

from ..model import Report
from .locations import finding_locations
from .text import subject_words

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def _data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _property(text: str) -> str:
    return _data(text).replace(":", "%3A").replace(",", "%2C")


def render(report: Report) -> str:
    locations = finding_locations(report)
    lines = []
    for f in report.findings:
        props = []
        if locations[f.id]:
            loc = locations[f.id][0]
            props = [f"file={_property(loc.path)}", f"line={loc.line}", f"col={loc.column}",
                     f"endColumn={loc.end_column}"]
        props.append(f"title={_property(f'haiti-claims {f.kind}: {subject_words(f.subject)}')}")
        lines.append(f"::{COMMAND[f.severity]} {','.join(props)}::{_data(f.message)}")
    return "\n".join(lines) + ("\n" if lines else "")
