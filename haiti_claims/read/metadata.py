"""Article metadata: YAML front matter and the `metadata.csv` sidecar (datelines in the text: dateline.py).

The sidecar is a CSV file named `metadata.csv` in the checked folder, with a header row and
the columns `file` (path relative to that folder) and any of `title`, `source`, `published`
(YYYY-MM-DD) and `url`. It is for articles that carry no front matter.
"""
from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

import yaml

from .files import os_reason, read_text

SIDECAR = "metadata.csv"
SIDECAR_COLUMNS = ("file", "title", "source", "published", "url")
FRONT_MATTER = re.compile(r"\A(?:\ufeff)?---[ \t]*\n(.*?)\n(?:---|\.\.\.)[ \t]*(?:\n|\Z)", re.S)
# Relative dates are resolved from the publication date, years either side of it: a date outside
# this range is a typo ("9999-12-31"), not a publication date.
PUBLISHED_RANGE = (date(1800, 1, 1), date(2199, 12, 31))


class MetadataError(ValueError):
    """Metadata that cannot be used; the message says what is wrong."""


@dataclass(frozen=True)
class Meta:
    title: str | None = None
    source: str | None = None
    published: date | None = None
    url: str | None = None


def plausible(day: date) -> bool:
    """Whether a date can be a publication date (see PUBLISHED_RANGE)."""
    return PUBLISHED_RANGE[0] <= day <= PUBLISHED_RANGE[1]


def parse_date(value: object, what: str) -> date | None:
    """A publication date from metadata: a date, or an ISO 'YYYY-MM-DD' string."""
    if value is None or value == "":
        return None
    day = _as_date(value)
    if day is None:
        raise MetadataError(f"{what}: {value!r} is not a date (expected YYYY-MM-DD)")
    if not plausible(day):
        first, last = (d.year for d in PUBLISHED_RANGE)
        raise MetadataError(f"{what}: {day.isoformat()} is not a plausible publication date (years {first}-{last})")
    return day


def _as_date(value: object) -> date | None:
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return date.fromisoformat(str(value).strip()[:10])
    except ValueError:
        return None


def split_front_matter(text: str) -> tuple[Meta, str, str | None]:
    """Metadata from YAML front matter, the text with the block blanked out, and what was wrong with the
    block if anything.

    The block is replaced by spaces (newlines kept) so that every later offset, line and column still
    points into the file as written. A block that is not valid YAML is read as plain "key: value" lines
    ("title: Strikes: what we know" is a title, not an error), else left unused; a bad date is left out.
    Either way the article itself is read: bad metadata costs the metadata, never the claims.
    """
    match = FRONT_MATTER.match(text)
    if not match:
        return Meta(), text, None
    blank = re.sub(r"[^\n]", " ", match.group(0))
    body = blank + text[match.end():]
    problem = None
    try:
        data = yaml.safe_load(match.group(1)) or {}
    except yaml.YAMLError as exc:
        data = _plain_pairs(match.group(1))
        invalid = f"front matter is not valid YAML: {str(exc).splitlines()[0]}"
        if data is None:
            return Meta(), body, f"{invalid}; the article is read without it"
        problem = f"{invalid}; read as plain 'key: value' lines"
    if not isinstance(data, dict):
        return Meta(), body, "front matter is not a mapping of keys to values; the article is read without it"
    try:
        published = parse_date(data.get("published", data.get("date")), "front matter 'published'")
    except MetadataError as exc:
        published, problem = None, f"{exc}; the article is read without a publication date"
    meta = Meta(title=_text_or_none(data.get("title")), source=_text_or_none(data.get("source")),
                published=published, url=_text_or_none(data.get("url")))
    return meta, body, problem


_PAIR = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:[ \t]*(.*?)[ \t]*$")


def _plain_pairs(block: str) -> dict[str, str] | None:
    """Front matter as "key: value" lines, the value everything after the first colon; None unless every
    line that is not blank is one."""
    pairs = {}
    for line in block.splitlines():
        if not line.strip():
            continue
        if (m := _PAIR.match(line)) is None:
            return None
        pairs[m.group(1).lower()] = m.group(2).strip("'\"")
    return pairs or None


def _text_or_none(value: object) -> str | None:
    return None if value is None else str(value).strip() or None


def read_sidecar(folder: Path, max_bytes: int) -> tuple[dict[str, Meta], list[str]]:
    """Rows of `metadata.csv` by file, and messages for rows (or a whole file) that cannot be used."""
    path = folder / SIDECAR
    if not (path.exists() or path.is_symlink()):
        return {}, []
    try:
        return _parse_sidecar(read_text(path, max_bytes))
    except OSError as exc:
        return {}, [f"cannot be read: {os_reason(path, exc)}"]
    except (ValueError, csv.Error) as exc:
        return {}, [f"cannot be read: {exc}"]


def _parse_sidecar(text: str) -> tuple[dict[str, Meta], list[str]]:
    rows: dict[str, Meta] = {}
    problems: list[str] = []
    reader = csv.DictReader(io.StringIO(text))
    if not reader.fieldnames or "file" not in reader.fieldnames:
        return {}, [f"{SIDECAR}: the header must name a 'file' column (columns: {', '.join(SIDECAR_COLUMNS)})"]
    unknown = sorted(set(reader.fieldnames) - set(SIDECAR_COLUMNS))
    if unknown:
        problems.append(f"{SIDECAR}: unknown column(s) {', '.join(unknown)} ignored (columns: {', '.join(SIDECAR_COLUMNS)})")
    for lineno, row in enumerate(reader, start=2):
        name = (row.get("file") or "").strip().replace("\\", "/")
        if not name:
            problems.append(f"{SIDECAR}:{lineno}: empty 'file'")
            continue
        try:
            rows[name] = Meta(title=_text_or_none(row.get("title")), source=_text_or_none(row.get("source")),
                              published=parse_date(row.get("published"), f"{SIDECAR}:{lineno} 'published'"),
                              url=_text_or_none(row.get("url")))
        except MetadataError as exc:
            problems.append(str(exc))
    return rows, problems
