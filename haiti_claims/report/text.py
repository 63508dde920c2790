"""The terminal report: findings first, each with both quotes, positions and the subject; then a summary.

Article text is always wrapped in rich `Text` objects, so markup-like text in an article
("[bold]") is shown as written, never interpreted; control characters in it (terminal escape
sequences, bidirectional overrides) are shown as escapes (`\x1b`), never sent to the terminal.
"""
from __future__ import annotations

import re

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from ..model import Claim, Report

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
QUOTE_WIDTH = 160
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def visible(text: str) -> str:
    """Text from an article made safe for a terminal: control characters become escapes like `\x1b`."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _flat(text: str) -> str:
    return visible(" ".join(text.split()))


def quote(claim: Claim) -> Text:
    """The sentence around a claim, the claim itself highlighted, cut to a readable length."""
    sentence, needle = _flat(claim.sentence), _flat(claim.text)
    at = sentence.find(needle)
    if at < 0:
        return Text(f"“{needle}”")
    start = max(0, at - QUOTE_WIDTH // 2)
    end = min(len(sentence), at + len(needle) + QUOTE_WIDTH // 2)
    text = Text("“" + ("…" if start else ""))
    text.append(sentence[start:at])
    text.append(needle, style="bold underline")
    text.append(sentence[at + len(needle):end] + ("…" if end < len(sentence) else "") + "”")
    return text


def render(report: Report, console: Console, show_info: bool = True, explain: bool = False) -> None:
    claims = {c.id: c for c in report.claims}
    shown = [f for f in report.findings if show_info or f.severity != "info"]
    for finding in shown:
        body = Text()
        body.append(visible(finding.message))
        for cid in finding.claims[:6]:
            claim = claims[cid]
            body.append(f"\n  {visible(claim.doc)}:{claim.line}:{claim.column}  ", style="dim")
            body.append_text(quote(claim))
        if len(finding.claims) > 6:
            body.append(f"\n  … and {len(finding.claims) - 6} more", style="dim")
        if finding.rule:
            body.append(f"\n  rule: {finding.rule}", style="dim")
        if finding.confidence is not None:
            body.append(f"\n  same quantity: {finding.confidence:.0%} sure", style="dim")
        if explain:
            for e in finding.evidence:
                if e.verdict != "unknown":
                    body.append(f"\n    {e.reader}: {e.verdict}" + (f" ({visible(e.words)})" if e.words else ""),
                                style="dim")
        title = Text(f"{finding.severity} ", style=STYLE[finding.severity])
        title.append(f"{finding.kind} ", style="bold")
        title.append(visible(finding.subject))
        console.print(Panel(body, title=title, title_align="left", border_style=STYLE[finding.severity]))
    render_timelines(report, console)
    counts = {s: sum(1 for f in report.findings if f.severity == s) for s in STYLE}
    summary = Text(f"{len(report.documents)} documents, {len(report.claims)} claims: ")
    summary.append(f"{counts['error']} errors", style=STYLE["error"] if counts["error"] else "")
    summary.append(", ")
    summary.append(f"{counts['warning']} warnings", style=STYLE["warning"] if counts["warning"] else "")
    summary.append(f", {counts['info']} infos")
    console.print(summary)


def render_timelines(report: Report, console: Console) -> None:
    """Per subject with more than one value: the values in as-of order, with their sources."""
    if not report.timelines:
        return
    console.print(Text("Timelines", style="bold"))
    for timeline in report.timelines:
        label, members = timeline.label, timeline.claims
        line = Text(f"  {visible(label)}: ")
        for i, claim in enumerate(members):
            if i:
                line.append(" → ")
            line.append(_flat(claim.text), style="bold")
            line.append(f" ({visible(claim.doc)}, {claim.as_of.isoformat() if claim.as_of else 'undated'})", style="dim")
        console.print(line)
