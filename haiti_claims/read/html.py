"""Saved web pages: the article's title, body and publication date, by trafilatura.

trafilatura's main-content extraction, set to favour precision, leaves out the page furniture
(navigation, adverts, "related stories" link lists, share bars, footers), so none of it yields
claims. The publication date is read from the page's metadata only (meta tags, structured data,
<time> elements), never guessed from the prose. Line and column numbers of claims in a page
refer to the extracted text: the headline, a blank line, then one paragraph per line.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from .metadata import PUBLISHED_RANGE

HTML_SUFFIXES = (".html", ".htm")
# htmldate discards dates after max_date (by default today): a fixed bound keeps results
# independent of the day the check runs.
DATE_PARAMS = {"extensive_search": False, "original_date": True, "outputformat": "%Y-%m-%d",
               "min_date": PUBLISHED_RANGE[0].isoformat(), "max_date": PUBLISHED_RANGE[1].isoformat()}


@dataclass(frozen=True)
class Page:
    title: str | None
    text: str
    published: date | None

    @property
    def empty(self) -> bool:
        """No article text besides the headline."""
        return self.text.strip() in ("", self.title)


def read_page(markup: str) -> Page:
    """The article in a web page; an empty text when the page holds none."""
    import trafilatura  # here, not at the top: a run with no web page, and --help, never load it

    found = trafilatura.bare_extraction(markup, with_metadata=True, include_comments=False, include_tables=True,
                                        favor_precision=True, date_extraction_params=DATE_PARAMS)
    if found is None:
        return Page(title=None, text="", published=None)
    title = (found.title or "").strip() or None
    paragraphs = [line for line in (found.text or "").split("\n") if line.strip()]
    if title and paragraphs and paragraphs[0].strip() == title:
        paragraphs = paragraphs[1:]
    lines = ([title, ""] if title else []) + paragraphs
    published = date.fromisoformat(found.date) if found.date else None
    return Page(title=title, text="\n".join(lines) + "\n" if lines else "", published=published)
