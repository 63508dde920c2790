"""The terminal report: findings first, each with both quotes, positions and the subject; then a summary.

Article text is always wrapped in rich `Text` objects, so markup-like text in an article
("[bold]") is shown as written, never interpreted.
"""
from __future__ import annotations

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from ..model import Claim, Report

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
QUOTE_WIDTH = 160


def quote(claim: Claim) -> Text:
    """The sentence around a claim, the claim itself highlighted, cut to a readable length."""
    sentence = " ".join(claim.sentence.split())
    at = sentence.find(claim.text)
    if at < 0:
        return Text(f"“{claim.text}”")
    start = max(0, at - QUOTE_WIDTH // 2)
    end = min(len(sentence), at + len(claim.text) + QUOTE_WIDTH // 2)
    text = Text("“" + ("…" if start else ""))
    text.append(sentence[start:at])
    text.append(claim.text, style="bold underline")
    text.append(sentence[at + len(claim.text):end] + ("…" if end < len(sentence) else "") + "”")
    return text


def render(report: Report, console: Console, show_info: bool = True) -> None:
    claims = {c.id: c for c in report.claims}
    shown = [f for f in report.findings if show_info or f.severity != "info"]
    for finding in shown:
        body = Text()
        body.append(finding.message)
        for cid in finding.claims[:6]:
            claim = claims[cid]
            body.append(f"\n  {claim.doc}:{claim.line}:{claim.column}  ", style="dim")
            body.append_text(quote(claim))
        if len(finding.claims) > 6:
            body.append(f"\n  … and {len(finding.claims) - 6} more", style="dim")
        title = Text(f"{finding.severity} ", style=STYLE[finding.severity])
        title.append(f"{finding.kind} ", style="bold")
        title.append(finding.subject)
        console.print(Panel(body, title=title, title_align="left", border_style=STYLE[finding.severity]))
    counts = {s: sum(1 for f in report.findings if f.severity == s) for s in STYLE}
    summary = Text(f"{len(report.documents)} documents, {len(report.claims)} claims: ")
    summary.append(f"{counts['error']} errors", style=STYLE["error"] if counts["error"] else "")
    summary.append(", ")
    summary.append(f"{counts['warning']} warnings", style=STYLE["warning"] if counts["warning"] else "")
    summary.append(f", {counts['info']} infos")
    console.print(summary)
