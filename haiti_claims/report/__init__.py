"""Report writers: one module per format.

`text` draws on a rich Console; every other format is a function Report -> str, listed in
`CHECK_FORMATS` (for `check`) and `CLAIM_FORMATS` (for `claims`). A new format is one module
and one line here.
"""
from __future__ import annotations

from importlib import import_module
from typing import Callable

from ..model import Report
from . import concise, github, json, markdown, sarif, table

Writer = Callable[[Report], str]

CHECK_FORMATS: dict[str, Writer] = {
    "concise": concise.render,
    "json": json.render,
    "csv": table.render_findings_csv,
    "markdown": markdown.render,
    "sarif": sarif.render,
    "github": github.render,
}
CLAIM_FORMATS: dict[str, Writer] = {
    "csv": table.render_csv,
    "json": json.render_claims,
}
# HTML loads matplotlib and Jinja2, so it is imported only when asked for: other commands start as fast.
CHECK_FORMATS["html"] = lambda report: import_module(".html", __package__).render(report)
