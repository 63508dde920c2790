"""The HTML report: one self-contained page a desk editor can open anywhere, offline.

Jinja2 renders `templates/report.html` with autoescape on, so every piece of article text
(titles, sources, quotes, claims, file names) is escaped and shows as text. The only markup
let through as is: the charts' SVG, which matplotlib writes and XML-escapes itself, and the
page's own filter script. A Content-Security-Policy allows that one script by its hash and
nothing else (no inline handlers, no network), a second guard should escaping ever fail.
Article URLs become links only when they are http(s).

The claim table's filter by document and kind is progressive enhancement: the table is
complete without JavaScript, and the small script only shows the <select>s and hides rows.
A CSS-only filter (:checked or :has rules) would need one rule per document and kind, with
article-controlled names written into the style sheet; the script reads them from data
attributes instead.
"""
from __future__ import annotations

import base64
import hashlib
import string
from collections import defaultdict
from dataclasses import dataclass
from typing import Mapping, Sequence

from jinja2 import Environment, PackageLoader, StrictUndefined
from markupsafe import Markup

from .. import __version__
from ..model import SEVERITY_RANK, Claim, Document, Finding, Report, Value, describe
from . import charts
from .table import row
from .text import subject_words

KIND_NAMES = {"date": "dates", "count": "counts", "money": "money", "percent": "percentages",
              "quantity": "quantities", "number": "numbers"}

_env = Environment(loader=PackageLoader("haiti_claims.report", "templates"), autoescape=True,
                   undefined=StrictUndefined, trim_blocks=True, lstrip_blocks=True)
_env.filters["words"] = subject_words


@dataclass(frozen=True)
class Quote:
    """A claim in its sentence, split so the template can highlight it."""

    claim: Claim
    document: Document
    key: str
    before: str
    after: str


@dataclass(frozen=True)
class Chart:
    id: str
    title: str
    kind: str
    svg: Markup
    marks: tuple[charts.Mark, ...]
    findings: tuple[Finding, ...]


def document_keys(documents: Sequence[Document]) -> dict[str, str]:
    """Short keys for charts and tables: A..Z, then AA, AB, ... (spreadsheet column names)."""
    return {doc.id: _letters(i + 1) for i, doc in enumerate(documents)}


def _letters(n: int) -> str:
    key = ""
    while n:
        n, rest = divmod(n - 1, 26)
        key = string.ascii_uppercase[rest] + key
    return key


def quote(claim: Claim, document: Document, key: str) -> Quote:
    """The claim's sentence split around the claim itself: the occurrence at the claim's offset."""
    sentence = claim.sentence
    candidates = [i for i in range(len(sentence)) if sentence.startswith(claim.text, i)]
    at = next((i for i in candidates if i <= claim.start and document.text.startswith(sentence, claim.start - i)),
              candidates[0] if candidates else -1)
    if at < 0:
        return Quote(claim, document, key, "", "")
    return Quote(claim, document, key, sentence[:at], sentence[at + len(claim.text):])


def safe_url(url: str | None) -> str | None:
    """An article URL fit for an href: http(s) only, so a `javascript:` URL stays text."""
    return url if url and url.lower().startswith(("http://", "https://")) else None


def _marks(members: Sequence[Claim], findings: Sequence[Finding], keys: Mapping[str, str]) -> tuple[charts.Mark, ...]:
    """One mark per source and value; a mark in a finding carries the findings' ids and the worst severity.

    Numbers are placed at their as-of date (the date the sentence gives, else the publication date);
    a date claim's value is itself the date, so it has none.
    """
    by_source: dict[tuple[str, Value], list[Claim]] = defaultdict(list)
    for claim in members:
        by_source[(claim.doc, claim.value)].append(claim)
    marks = []
    for same in by_source.values():
        first, ids = same[0], {c.id for c in same}
        inside = [f for f in findings if ids & set(f.claims)]
        severity = min((f.severity for f in inside), key=SEVERITY_RANK.__getitem__, default=None)
        when = None if first.kind == "date" else first.as_of
        marks.append(charts.Mark(key=keys[first.doc], text=first.text, value=first.value, when=when,
                                 href=f"#claim-{first.id}", findings=tuple(f.id for f in inside), severity=severity))
    return tuple(marks)


def build_charts(report: Report, keys: Mapping[str, str]) -> list[Chart]:
    """A chart per comparison group with two marks or more, groups with the worst findings first.

    A group whose claims all repeat one value in one article would be a single mark: nothing to compare.
    """
    built = []
    for timeline in report.timelines:
        label, members = timeline.label, timeline.claims
        ids = {c.id for c in members}
        findings = tuple(f for f in report.findings if f.claims and set(f.claims) <= ids)
        marks = _marks(members, findings, keys)
        if len(marks) >= 2:
            built.append((label, members[0].kind, findings, marks))
    built.sort(key=lambda b: (min((SEVERITY_RANK[f.severity] for f in b[2]), default=3), b[0], b[1]))
    result = []
    for i, (label, kind, findings, marks) in enumerate(built, start=1):
        draw = charts.date_chart if kind == "date" else charts.number_chart
        result.append(Chart(id=f"chart-{i}", title=f"{label} \u2014 {KIND_NAMES.get(kind, kind)}", kind=kind,
                            svg=Markup(draw(marks, salt=f"chart-{i}")), marks=marks, findings=findings))
    return result


def _script() -> tuple[Markup, str]:
    """The filter script and its CSP hash."""
    source = _env.get_template("filter.js").render()
    digest = base64.b64encode(hashlib.sha256(source.encode("utf-8")).digest()).decode("ascii")
    return Markup(source), f"sha256-{digest}"


def render(report: Report) -> str:
    documents = {d.id: d for d in report.documents}
    keys = document_keys(report.documents)
    claims = {c.id: c for c in report.claims}
    chart_list = build_charts(report, keys)
    chart_of = {f.id: chart.id for chart in chart_list for f in chart.findings}
    script, script_hash = _script()
    counts = {sev: sum(1 for f in report.findings if f.severity == sev) for sev in SEVERITY_RANK}
    return _env.get_template("report.html").render(
        version=__version__, report=report, documents=report.documents, keys=keys, counts=counts,
        findings=sorted(report.findings, key=lambda f: SEVERITY_RANK[f.severity]),
        quotes={f.id: [quote(claims[c], documents[claims[c].doc], keys[claims[c].doc]) for c in f.claims]
                for f in report.findings},
        rules=report.rules, chart_of=chart_of, charts=chart_list, kinds=sorted({c.kind for c in report.claims}),
        rows=[(c, row(c)) for c in report.claims], safe_url=safe_url, describe=describe,
        script=script, script_hash=script_hash)
