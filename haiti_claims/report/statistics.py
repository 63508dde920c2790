"""`--statistics`: how many findings each rule gave, most first, with what the rule means."""
from __future__ import annotations

from collections import Counter

from ..model import Report


def render(report: Report) -> str:
    counts = Counter(f.rule or f.kind for f in report.findings)
    if not counts:
        return "no findings\n"
    width = max(map(len, counts))
    rows = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    return "".join(f"{n:>5}  {rule:<{width}}  {report.rules.get(rule, '')}".rstrip() + "\n" for rule, n in rows)
