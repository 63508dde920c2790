"""Finding article files, decoding them and attaching their metadata.

Every file that looks like an article either becomes a Document or a Problem saying why it
could not be used (binary, undecodable, too large, a broken link, a directory, unreadable):
one bad file never stops the run and is never dropped silently.
"""
from __future__ import annotations

from dataclasses import replace
from datetime import date
from pathlib import Path

from ..config import DEFAULT_MAX_BYTES
from ..model import Document, Problem
from .files import os_reason, read_text
from .html import HTML_SUFFIXES, read_page
from .dateline import Dateline, filing_lines, find_datelines, valid_date, weekday_agrees
from .metadata import SIDECAR, Meta, read_sidecar, split_front_matter

ARTICLE_SUFFIXES = (".txt", ".md", ".markdown", *HTML_SUFFIXES)
MAX_BYTES = DEFAULT_MAX_BYTES


def discover(root: Path) -> list[Path]:
    """Article files under a folder, sorted; hidden folders (like the claim store) are skipped.

    Anything named like an article is listed, even a directory or a broken link, so that
    reading it reports what is wrong.
    """
    found = []
    for path in root.rglob("*"):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts) or path.name == SIDECAR:
            continue
        if path.suffix.lower() in ARTICLE_SUFFIXES:
            found.append(path)
    return sorted(found, key=lambda p: p.relative_to(root).as_posix())


def articles_in(root: Path) -> tuple[Path, list[Path]]:
    """The article files a path stands for (a folder: every article under it; a file: itself), and the folder
    their ids are relative to."""
    return (root, discover(root)) if root.is_dir() else (root.parent, [root])


def title_of(text: str, suffix: str) -> str | None:
    """The first non-empty line; in Markdown, without the heading marks."""
    for line in text.splitlines():
        if line.strip():
            return line.strip().lstrip("#").strip() if suffix != ".txt" else line.strip()
    return None


NO_PAGE_TEXT = "the page holds no article text that could be found (a page its scripts build, a paywall, only links)"


def read_article(path: Path, doc_id: str, meta: Meta, published_option: date | None,
                 max_bytes: int = MAX_BYTES) -> tuple[Document, list[Problem]]:
    """One article and what was wrong with its metadata or datelines, if anything; raises OSError or ValueError
    (bad bytes)."""
    text = read_text(path, max_bytes)
    problems = []
    headline: list[tuple[int, int]] = []
    if path.suffix.lower() in HTML_SUFFIXES:
        page = read_page(text)
        empty = NO_PAGE_TEXT if page.empty else None
        front, text, whence = Meta(title=page.title, published=page.published), page.text, "page's metadata"
        headline = [(0, len(page.title))] if page.title else []  # the page's headline leads its text: a title
    else:
        front, text, problem = split_front_matter(text)
        empty = "the file holds no text" if not text.strip() else None
        whence = "front matter"
        if problem is not None:
            problems.append(Problem(doc_id, "bad-metadata", problem))
    title = front.title or meta.title or title_of(text, path.suffix.lower())
    datelines = find_datelines(text)
    published, source = None, None
    if front.published or meta.published:
        published, source = front.published or meta.published, "metadata"
        whence = whence if front.published else SIDECAR
    elif (stated := _stated(datelines)) is not None:
        published, source = stated.published, "text"
    if published is None and published_option is not None:
        published, source = published_option, "option"
    problems += [Problem(doc_id, kind, message)
                 for kind, message in _dateline_problems(datelines, published, source, whence)]
    if empty:  # what to say when the file is counted but nothing in it can be checked
        problems.append(Problem(doc_id, "no-text", empty))
    yearless = next((d for d in datelines if d.month_day and not d.updated), None) if published is None else None
    return Document(id=doc_id, path=str(path), text=text, title=title, published=published,
                    published_source=source, source=front.source or meta.source,
                    url=front.url or meta.url,
                    furniture=tuple(sorted([d.span for d in datelines] + filing_lines(text) + headline)),
                    yearless=(yearless.written, *yearless.month_day) if yearless else None), problems


STORY_SPAN = 183  # days: the articles of one story are published within about this of each other


def year_from_the_story(docs: list[Document]) -> tuple[list[Document], list[Problem]]:
    """Articles whose dateline gives no year ("BUCHAREST, June 20 (Agency) -"), dated from the others: the year
    that puts the dateline within STORY_SPAN days of every other article's own publication date, where exactly
    one year does and a weekday the dateline names agrees. Each is an info finding; the rest stay undated."""
    own = sorted(d.published for d in docs if d.published is not None and d.published_source in ("metadata", "text"))
    out, problems = [], []
    for doc in docs:
        year = _year_near(doc.yearless, own) if doc.yearless and doc.published is None else None
        if year is None:
            out.append(doc)
            continue
        written, month, day = doc.yearless
        out.append(replace(doc, published=date(year, month, day), published_source="text"))
        span = own[0].isoformat() + (f" to {own[-1].isoformat()}" if own[-1] != own[0] else "")
        problems.append(Problem(doc.id, "dateline-year", f"the dateline '{written}' gives no year; {year} is taken, "
                                f"the year of the story's other articles ({span})", doc.path))
    return out, problems


def _year_near(yearless: tuple[str, int, int], published: list[date]) -> int | None:
    written, month, day = yearless
    years = {y for y in range(published[0].year - 1, published[-1].year + 2)
             if (when := valid_date(y, month, day)) and all(abs((when - p).days) <= STORY_SPAN for p in published)
             and weekday_agrees(written, when)} if published else set()
    return years.pop() if len(years) == 1 else None


def _stated(datelines: list[Dateline]) -> Dateline | None:
    """The dateline that gives the publication date: the first with a date, one that is not an update first."""
    dated = [d for d in datelines if d.published is not None]
    return next((d for d in dated if not d.updated), dated[0] if dated else None)


def _dateline_problems(datelines: list[Dateline], published: date | None, source: str | None,
                       whence: str) -> list[tuple[str, str]]:
    """A dateline left unread (a warning), and one that disagrees with the metadata's date (info); an update
    after the publication date agrees with it, and an ambiguous date that can be it is read as it."""
    found = []
    for d in datelines:
        if published in d.readings:
            continue
        if source == "metadata" and d.readings:
            if d.updated and d.published is not None and d.published > published:
                continue
            gives = d.published.isoformat() if d.published else " or ".join(r.isoformat() for r in d.readings)
            found.append(("dateline-mismatch", f"the dateline '{d.written}' gives {gives}, the {whence} "
                                               f"{published.isoformat()}; the {whence}'s date is used"))
        elif d.unread is not None:
            uses = (f"the publication date is {published.isoformat()}, from the {_WHERE[source]}"
                    if published else "the article has no publication date")
            found.append(("unread-dateline", f"dateline {d.unread}; it is left unread and {uses}"))
    return found


_WHERE = {"metadata": "metadata", "text": "article's text", "option": "--published option"}


def read_articles(root: Path, published_option: date | None = None,
                  max_bytes: int = MAX_BYTES) -> tuple[list[Document], list[Problem]]:
    """Every article under `root` (a folder or one file), and a problem for each that could not be used.

    Files larger than `max_bytes` are not read; each is reported as unreadable.
    """
    folder, paths = articles_in(root)
    sidecar, sidecar_problems = read_sidecar(folder, max_bytes)
    problems = [Problem(SIDECAR, "bad-metadata", msg) for msg in sidecar_problems]
    docs: list[Document] = []
    for path in paths:
        doc_id = path.relative_to(folder).as_posix()
        try:
            doc, doc_problems = read_article(path, doc_id, sidecar.get(doc_id, Meta()), published_option, max_bytes)
        except OSError as exc:
            problems.append(Problem(doc_id, "unreadable", os_reason(path, exc)))
        except ValueError as exc:
            problems.append(Problem(doc_id, "unreadable", str(exc)))
        else:
            docs.append(doc)
            problems += doc_problems
    known = {d.id for d in docs} | {p.doc for p in problems}
    for name in sorted(set(sidecar) - known):
        problems.append(Problem(SIDECAR, "bad-metadata", f"names '{name}', which is not an article here"))
    return docs, [p if p.path else replace(p, path=str(folder / p.doc)) for p in problems]
