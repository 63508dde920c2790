"""The terminal report, for an editor: per finding what disagrees, in words; each passage once, with its file and
line(s) and the sentence, the figures highlighted; the rule and what it means; then a summary and what to do.

Article text is always wrapped in rich `Text` objects, so markup-like text in an article
("[bold]") is shown as written, never interpreted; control characters in it (terminal escape
sequences, bidirectional overrides) are shown as escapes (`\x1b`), never sent to the terminal.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from rich.console import Console
from rich.panel import Panel
from rich.text import Text

from ..model import PROBLEM_KINDS, Claim, Finding, Report

STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
QUOTE_WIDTH = 160
TITLE_WIDTH = 40
PASSAGES_SHOWN = 6
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
PLACES_IN_MESSAGE = re.compile(r" \((?:[^()]+:\d+)(?:, [^()]+:\d+)*\)")  # " (a.md:5, b.md:7)" in a finding's message


def visible(text: str) -> str:
    """Text from an article made safe for a terminal: control characters become escapes like `\x1b`."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def _flat(text: str) -> str:
    return visible(" ".join(text.split()))


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def subject_words(label: str) -> str:
    """A subject label ("Kenya · personnel · next · deployment") in plain words ("Kenya: personnel, next,
    deployment"): an unknown actor is "(no actor)", an unknown thing left out. Other subjects are kept."""
    if " · " not in label:
        return label
    actor, *rest = label.split(" · ")
    words = [w for part in rest if part != "?" for w in part.split("/")]
    return f"{'(no actor)' if actor == '?' else actor}: {', '.join(words)}" if words else actor


def clip(text: str, width: int) -> str:
    """Text cut to about `width` characters at a word boundary, with "…" where cut."""
    if len(text) <= width:
        return text
    cut = text.rfind(" ", 0, width)
    return text[:cut if cut > 0 else width].rstrip(" ,;:") + "…"


def quote(sentence: str, figures: list[str]) -> Text:
    """A sentence with its figures highlighted, cut at word boundaries to a readable length around them."""
    sentence = _flat(sentence)
    spans = sorted({(at, at + len(f)) for f in map(_flat, figures) if (at := sentence.find(f)) >= 0})
    if not spans:
        return Text("“" + " … ".join(dict.fromkeys(map(_flat, figures))) + "”")
    first, last = spans[0][0], max(hi for _, hi in spans)
    start, end = max(0, first - QUOTE_WIDTH // 2), min(len(sentence), last + QUOTE_WIDTH // 2)
    if start and not sentence[start - 1].isspace():  # never begin mid-word
        space = sentence.find(" ", start, first)
        start = space + 1 if space >= 0 else first
    if end < len(sentence) and not sentence[end].isspace():  # never end mid-word
        space = sentence.rfind(" ", last, end)
        end = space if space >= 0 else last
    text = Text("“" + ("…" if start else ""))
    at = start
    for lo, hi in spans:
        if lo < at:  # overlapping figures ("1,000" in "nearly 1,000"): the first one shown carries it
            continue
        text.append(sentence[at:lo])
        text.append(sentence[lo:hi], style="bold underline")
        at = hi
    text.append(sentence[at:end] + "”" if end == len(sentence) else sentence[at:end].rstrip(" ,;:") + "…”")
    return text


@dataclass
class Passage:
    """Where a finding's claims sit in one article: its lines, and each distinct sentence with its figures."""

    doc: str
    lines: list[int] = field(default_factory=list)
    sentences: dict[str, list[str]] = field(default_factory=dict)

    def add(self, claim: Claim) -> None:
        if claim.line not in self.lines:
            self.lines.append(claim.line)
        figures = self.sentences.setdefault(_flat(claim.sentence), [])
        if claim.text not in figures:
            figures.append(claim.text)


def passages(claims: list[Claim]) -> list[Passage]:
    """Claims gathered so no quote and no location is printed twice: claims of one article that share a
    sentence (an article repeating itself) or a line are one passage."""
    out: list[Passage] = []
    for claim in claims:
        same = next((p for p in out if p.doc == claim.doc and
                     (claim.line in p.lines or _flat(claim.sentence) in p.sentences)), None)
        if same is None:
            same = Passage(claim.doc)
            out.append(same)
        same.add(claim)
    return out


def _body(finding: Finding, report: Report, claims: dict[str, Claim], explain: bool) -> Text:
    titles = {d.id: d.title for d in report.documents}  # each article's title shown once per finding
    body = Text(visible(PLACES_IN_MESSAGE.sub("", finding.message)))
    shown = passages([claims[c] for c in finding.claims])
    for passage in shown[:PASSAGES_SHOWN]:
        body.append(f"\n  {visible(passage.doc)}:{', '.join(map(str, passage.lines))}", style="bold")
        if title := titles.pop(passage.doc, None):
            body.append(f"  {_flat(clip(title, TITLE_WIDTH))}", style="dim")
        for sentence, figures in passage.sentences.items():
            body.append("\n    ")
            body.append_text(quote(sentence, figures))
    if len(shown) > PASSAGES_SHOWN:
        body.append(f"\n  … and {plural(len(shown) - PASSAGES_SHOWN, 'more passage')}", style="dim")
    if finding.rule:
        meaning = report.rules.get(finding.rule)
        body.append(f"\n  rule {finding.rule}" + (f": {meaning}" if meaning else ""), style="dim")
    if finding.confidence is not None:
        body.append(f"\n  same quantity: {finding.confidence:.0%} sure", style="dim")
    if explain:
        for e in finding.evidence:
            if e.verdict != "unknown":
                body.append(f"\n    {e.reader}: {e.verdict}" + (f" ({visible(e.words)})" if e.words else ""),
                            style="dim")
    return body


def render(report: Report, console: Console, show_info: bool = True, explain: bool = False) -> None:
    claims = {c.id: c for c in report.claims}
    for finding in report.findings:
        if not show_info and finding.severity == "info":
            continue
        title = Text(f"{finding.severity} ", style=STYLE[finding.severity])
        title.append(f"{finding.kind} — ", style="bold")
        title.append(visible(subject_words(finding.subject)))
        console.print(Panel(_body(finding, report, claims, explain), title=title, title_align="left",
                            border_style=STYLE[finding.severity]))
    render_timelines(report, console)
    render_summary(report, console)


def render_summary(report: Report, console: Console) -> None:
    """Counts, plurals right, and, when there are errors or warnings, what to do about them."""
    counts = {s: sum(1 for f in report.findings if f.severity == s) for s in STYLE}
    summary = Text(f"{plural(len(report.documents), 'document')}, {plural(len(report.claims), 'claim')}: ")
    for severity, n in counts.items():
        summary.append(plural(n, severity), style=STYLE[severity] if n and severity != "info" else "")
        summary.append(", " if severity != "info" else "")
    if report.silenced:
        summary.append(f"; {len(report.silenced)} accepted by a baseline or an inline comment, not shown")
    console.print(summary)
    serious = [plural(n, s) for s, n in counts.items() if n and s != "info"]
    if serious:
        alarms = [f for f in report.findings if f.severity != "info"]
        files = len({f.subject for f in alarms if f.kind in PROBLEM_KINDS})
        advice = [f"fix or remove the {'file' if files == 1 else 'files'} named above"] if files else []
        if any(f.kind not in PROBLEM_KINDS for f in alarms):
            advice.append("check the figures above against your sources; accept one with --write-baseline or an "
                          "inline comment (<!-- haiti-claims: ignore -->)")
        console.print(f"{' and '.join(serious)}: {'; '.join(advice)}", highlight=False)


def render_timelines(report: Report, console: Console) -> None:
    """Per subject with more than one value: the values in as-of order, with their sources."""
    if not report.timelines:
        return
    console.print(Text("Timelines", style="bold"))
    for timeline in report.timelines:
        line = Text(f"  {visible(subject_words(timeline.label))} — ")
        for i, claim in enumerate(timeline.claims):
            if i:
                line.append(" → ")
            line.append(_flat(claim.text), style="bold")
            line.append(f" ({visible(claim.doc)}, {claim.as_of.isoformat() if claim.as_of else 'undated'})", style="dim")
        console.print(line)
