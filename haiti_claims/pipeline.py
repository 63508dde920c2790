"""The stages in order: read -> parse -> extract -> normalise -> subjects -> resolve -> compare.

Each stage is a function or a callable built once; this module only wires them.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Callable, Iterable

from spacy.tokens import Doc

from . import nlp as nlp_module
from .compare import compare, finalise, problem_drafts
from .config import Config
from .extract import Extractor
from .model import Claim, Document, Problem, Report
from .normalize import value_of
from .read import read_articles
from .subjects import ActorResolver, SubjectReader

BATCH_SIZE = 16


@dataclass(frozen=True)
class Options:
    published: date | None = None  # anchor for articles with no publication date of their own
    model: str | None = None


class LineIndex:
    """Line and column (1-based) of character offsets in one text."""

    def __init__(self, text: str):
        self.starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def position(self, offset: int) -> tuple[int, int]:
        import bisect

        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def claims_of(doc: Document, parsed: Doc, extract: Extractor, read_subject: SubjectReader,
              config: Config) -> tuple[list[Claim], list[tuple[str, str]], set[str]]:
    """The claims of one parsed article, the person -> affiliation ties it states, and the people named as actors."""
    lines = LineIndex(doc.text)
    claims, ties, persons = [], [], set()
    for mention in extract(parsed, doc.furniture):
        value = value_of(mention, doc.published, config.tolerances)
        if value is None:
            continue
        reading = read_subject(mention)
        ties.extend(reading.affiliations)
        if reading.person and reading.subject.actor:
            persons.add(reading.subject.actor)
        line, column = lines.position(mention.span.start_char)
        claims.append(Claim(doc=doc.id, kind=mention.kind, text=mention.text, start=mention.span.start_char,
                            end=mention.span.end_char, line=line, column=column,
                            sentence=mention.span.sent.text.strip(), value=value, subject=reading.subject))
    return claims, ties, persons


def run(paths: Iterable[Path], config: Config, options: Options,
        progress: Callable[[int], None] | None = None) -> Report:
    """Check articles: every stage, end to end."""
    documents: list[Document] = []
    problems: list[Problem] = []
    for path in paths:
        docs, probs = read_articles(path, options.published)
        documents += docs
        problems += probs
    documents.sort(key=lambda d: d.id)
    nlp = nlp_module.load(options.model)
    extract = Extractor(nlp, config)
    read_subject = SubjectReader(config.lexicon)
    claims: list[Claim] = []
    ties: list[tuple[str, str]] = []
    persons: set[str] = set()
    for doc, parsed in zip(documents, nlp.pipe((d.text for d in documents), batch_size=BATCH_SIZE)):
        doc_claims, doc_ties, doc_persons = claims_of(doc, parsed, extract, read_subject, config)
        claims += doc_claims
        ties += doc_ties
        persons |= doc_persons
        if progress:
            progress(1)
    claims = ActorResolver(config.actor_aliases).resolve(claims, ties, persons)
    claims.sort(key=lambda c: (c.doc, c.line, c.column, c.end))
    claims = [replace(c, id=f"c{i}") for i, c in enumerate(claims, start=1)]
    findings = finalise(compare(claims) + problem_drafts(problems), config)
    return Report(documents=tuple(documents), claims=tuple(claims), findings=tuple(findings))
