"""Markdown for a pull-request comment: a compact table of the findings, then each error and warning with
its sides' quotes, the figures in bold, every place named by its path."""
from __future__ import annotations

import re

from rich.text import Text

from ..model import Claim, Finding, Report
from .locations import document_paths, finding_locations
from .text import PLACES_IN_MESSAGE, clip, passages, plural, quote, subject_words

ICON = {"error": "🔴 error", "warning": "🟠 warning", "info": "🔵 info"}
TITLE_WIDTH = 60


def _cell(text: str) -> str:
    """Table-safe: pipes escaped, line breaks flattened, markup characters neutralised."""
    return " ".join(text.split()).replace("\\", "\\\\").replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")


def _inline(text: str) -> str:
    """Prose from an article made inert in Markdown: emphasis, code, links and HTML marks escaped."""
    return re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)


def _bold_figures(text: Text) -> str:
    """A highlighted quote in Markdown: the figures the terminal underlines in bold."""
    plain, out, at = text.plain, [], 0
    for span in sorted(text.spans, key=lambda s: s.start):
        out += [_inline(plain[at:span.start]), f"**{_inline(plain[span.start:span.end])}**"]
        at = span.end
    return "".join(out + [_inline(plain[at:])])


def _details(finding: Finding, report: Report, claims: dict[str, Claim], paths: dict[str, str]) -> list[str]:
    titles = {d.id: d.title for d in report.documents}
    lines = [f"#### {ICON[finding.severity]} {finding.kind} — {_inline(subject_words(finding.subject))}", "",
             _inline(PLACES_IN_MESSAGE.sub("", finding.message)), ""]
    for passage in passages([claims[c] for c in finding.claims]):
        where = f"`{paths.get(passage.doc, passage.doc)}:{', '.join(map(str, passage.lines))}`"
        title = titles.pop(passage.doc, None)
        lines.append(f"- {where}" + (f" {_inline(clip(title, TITLE_WIDTH))}" if title else ""))
        lines += [f"  > {_bold_figures(quote(sentence, figures))}" for sentence, figures in passage.sentences.items()]
    tail = [f"rule `{finding.rule}`" + (f": {report.rules[finding.rule].rstrip('.')}" if finding.rule in report.rules
                                        else "")] if finding.rule else []
    if finding.confidence is not None:
        tail.append(f"same quantity: {finding.confidence:.0%} sure")
    return lines + ([""] + [" — ".join(tail)] if tail else []) + [""]


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
        lines.append(f"| {ICON[f.severity]} | {f.kind} | {_cell(subject_words(f.subject))} | {where} | "
                     f"{_cell(PLACES_IN_MESSAGE.sub('', f.message))} |")
    claims, paths = {c.id: c for c in report.claims}, document_paths(report)
    serious = [f for f in report.findings if f.severity != "info" and f.claims]
    if serious:
        lines += ["", "### What disagrees", ""]
        for f in serious:
            lines += _details(f, report, claims, paths)
    return "\n".join(lines).rstrip("\n") + "\n"
