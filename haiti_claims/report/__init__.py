"""Report writers: one module per format.

`text` draws on a rich Console; every other format is a function Report -> str, listed in
`CHECK_FORMATS` (for `check`) and `CLAIM_FORMATS` (for `claims`). A new format is one module
and one line here.
"""
from __future__ import annotations

from typing import Callable

from ..model import Report
from . import json, table

Writer = Callable[[Report], str]

CHECK_FORMATS: dict[str, Writer] = {
    "json": json.render,
    "csv": table.render_csv,
}
CLAIM_FORMATS: dict[str, Writer] = {
    "csv": table.render_csv,
    "json": table.render_json,
}
