"""The stages in order: read -> parse -> extract -> normalise -> subjects -> resolve -> compare.

Each stage is a function or a callable built once; this module only wires them.
"""
from __future__ import annotations

import os
import re
from collections import defaultdict
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, replace
from datetime import date
from fnmatch import fnmatch
from pathlib import Path
from typing import Callable, Iterable, Iterator

from spacy.tokens import Doc

from . import nlp as nlp_module
from .about import read_about
from .baseline import silenced
from .compare import RULES, compare, finalise, problem_drafts, timelines
from .config import CHUNK_SIZE, Config
from .extract import Extractor, Mention
from .match import Matching, Weights, load_weights, match
from .model import ArticleClaims, Claim, DateValue, Document, Problem, Report, Silenced, Value
from .normalize import in_the_articles_dollars, value_of
from .normalize.dates import is_comparison
from .read import MAX_BYTES, read_articles, year_from_the_story
from .repeats import read_as_first
from .store import ClaimStore, NoStore, default_path, open_store, versions
from .subjects import ActorResolver, SubjectReader
from .timing import TimeReader, other_moments, withdrawn

BATCH_SIZE = 16  # texts per nlp.pipe batch

Progress = Callable[[int, int], None]  # (articles parsed so far, articles to parse)


@dataclass(frozen=True)
class Options:
    published: date | None = None  # anchor for articles with no publication date of their own
    model: str | None = None
    max_bytes: int = MAX_BYTES  # larger article files are reported unreadable, not read
    jobs: int | None = None  # parsing processes; None: one per available core
    use_cache: bool = False  # read and keep claims in the claim store (the command line turns it on)
    store: Path | None = None  # the claim store file; None: .haiti-claims/claims.sqlite in the first checked folder
    weights: Weights | None = None  # the matcher's weights; None: the packaged ones


class LineIndex:
    """Line and column (1-based) of character offsets in one text."""

    def __init__(self, text: str):
        self.starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def position(self, offset: int) -> tuple[int, int]:
        import bisect

        line = bisect.bisect_right(self.starts, offset)
        return line, offset - self.starts[line - 1] + 1


def claims_of(doc: Document, parsed: Doc, extract: Extractor, read_subject: SubjectReader,
              read_time: TimeReader, config: Config) -> ArticleClaims:
    """The claims of one parsed article, the person -> affiliation ties it states, and the people named as actors."""
    lines = LineIndex(doc.text)
    claims, ties, persons = [], [], set()
    mentions = valued_mentions(extract(parsed, doc.furniture), parsed, doc.published, config)
    dates = [(m, v) for m, v in mentions if m.family == "date"]
    another_moment = other_moments(dates, doc.published)
    taken_back = withdrawn(parsed, [m for m, _ in mentions], config.lexicon["time"]["withdrawal"])
    for mention, value in mentions:
        reading = read_subject(mention, another_moment)
        ties.extend(reading.affiliations)
        if reading.person and reading.subject.actor:
            persons.add(reading.subject.actor)
        timing = read_time(mention, value, reading.subject.event, dates, doc.published, mention.tense)
        line, column = lines.position(mention.span.start_char)
        claims.append(Claim(doc=doc.id, kind=mention.kind, text=mention.text, start=mention.span.start_char,
                            end=mention.span.end_char, line=line, column=column,
                            sentence=mention.span.sent.text.strip(), value=value, subject=reading.subject,
                            as_of=timing.as_of, as_of_source=timing.as_of_source, quantity=timing.quantity,
                            markers=timing.markers, about=read_about(mention.span, config.sourcing,
                                                                  date=mention.family == "date"),
                            status="withdrawn" if mention.span.start_char in taken_back else None))
    return ArticleClaims(tuple(claims), tuple(ties), frozenset(persons))


def _after_the_article(value: Value | None, published: date | None) -> bool:
    return isinstance(value, DateValue) and value.end is not None and published is not None and value.end > published


def valued_mentions(mentions: list[Mention], parsed: Doc, published: date | None,
                    config: Config) -> list[tuple[Mention, Value]]:
    """Each mention with the value it states (those that state none left out), in order of the text. A date
    told from another ("later that year", "three days later") counts from the last date its sentence or the
    one before names; a period compared with ("a year earlier") that would then lie after the article counts
    from the article's date (the date before was a plan still ahead)."""
    sentence = {s.start: k for k, s in enumerate(parsed.sents)}
    valued: list[tuple[Mention, Value]] = []
    told: tuple[int, DateValue] | None = None  # the last date named, and its sentence's number
    for mention in mentions:
        here = sentence[mention.span.sent.start]
        before = told[1] if told is not None and here - told[0] <= 1 else None
        value = value_of(mention, published, config.tolerances, before)
        if _after_the_article(value, published) and is_comparison(mention.text):
            value = value_of(mention, published, config.tolerances, None)  # counted from a plan still ahead
        if value is None:
            continue
        valued.append((mention, value))
        if isinstance(value, DateValue) and value.anchored and value.start and value.end \
                and not is_comparison(mention.text):  # "a year earlier" is compared with, not counted from
            told = here, value
    return in_the_articles_dollars(valued)


def prose(doc: Document) -> str:
    """The text the parser reads: the furniture (bylines, datelines) blanked, every offset kept. A dateline parsed
    as prose takes the first sentence's subject ("LONDON (Agency) \u2014 Keir Starmer became ...": LONDON became)."""
    text = doc.text
    for start, end in doc.furniture:
        text = text[:start] + re.sub(r"[^\n]", " ", text[start:end]) + text[end:]
    return text


class Parser:
    """Parses articles and reads their claims: one per process, since the model loads once per process."""

    def __init__(self, config: Config, model: str | None):
        self.nlp = nlp_module.load(model)
        self.extract = Extractor(self.nlp, config)
        self.read_subject = SubjectReader(config.lexicon)
        self.read_time = TimeReader(config.lexicon, config.lexicon["events"])
        self.config = config

    def __call__(self, documents: list[Document]) -> list[ArticleClaims]:
        parsed = self.nlp.pipe(map(prose, documents), batch_size=BATCH_SIZE)
        return [claims_of(doc, p, self.extract, self.read_subject, self.read_time, self.config)
                for doc, p in zip(documents, parsed)]


_worker: Parser | nlp_module.ModelNotFound | None = None  # the Parser of a parsing process, or why it has none


def _start_worker(config: Config, model: str | None) -> None:
    """A pool whose initializer raises breaks with an error that does not say why: the error is kept and raised
    with the first chunk instead, so it reaches the caller as it does without a pool."""
    global _worker
    try:
        _worker = Parser(config, model)
    except nlp_module.ModelNotFound as exc:
        _worker = exc


def _parse_in_worker(documents: list[Document]) -> list[ArticleClaims]:
    assert _worker is not None, "the process was not started with _start_worker"
    if isinstance(_worker, nlp_module.ModelNotFound):
        raise _worker
    return _worker(documents)


def available_cores() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def parse(documents: list[Document], config: Config, options: Options,
          progress: Progress | None = None) -> Iterator[ArticleClaims]:
    """Each article's claims, in order, streamed: chunks of articles go to `options.jobs` processes.

    Workers send back claims, never parsed Docs, so nothing large crosses between processes
    or stays in memory. With one job, or too few articles to share, parsing stays in this process.
    """
    chunks = [documents[i:i + CHUNK_SIZE] for i in range(0, len(documents), CHUNK_SIZE)]
    jobs = min(options.jobs or available_cores(), len(chunks))
    if jobs > 1:
        nlp_module.installed_model(options.model)  # a missing model is told here, not by every worker
        # the pool starts before the first progress call, so no progress-bar thread is running when it forks; on an
        # error, chunks not yet started are dropped and those started finish (multiprocessing's Pool terminates its
        # processes instead, and can hang there)
        pool = ProcessPoolExecutor(jobs, initializer=_start_worker, initargs=(config, options.model))
        try:
            yield from _reported(chunks, pool.map(_parse_in_worker, chunks), progress)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
    else:
        yield from _reported(chunks, map(Parser(config, options.model), chunks), progress)


def _reported(chunks: list[list[Document]], results: Iterable[list[ArticleClaims]],
              progress: Progress | None) -> Iterator[ArticleClaims]:
    total, done = sum(map(len, chunks)), 0
    if progress and total:
        progress(done, total)
    for chunk, result in zip(chunks, results):
        yield from result
        done += len(chunk)
        if progress:
            progress(done, total)


def claims_by_article(documents: list[Document], roots: list[Path], config: Config, options: Options,
                      progress: Progress | None = None) -> list[ArticleClaims]:
    """Each article's claims: from the claim store when it has them, else parsed (and then stored)."""
    with _store(roots, config, options) as store:
        found = [store.get(doc) for doc in documents]
        missing = [i for i, article in enumerate(found) if article is None]
        for i, result in zip(missing, parse([documents[i] for i in missing], config, options, progress)):
            store.put(documents[i], result)
            found[i] = result
    return [article for article in found if article is not None]


def _store(roots: list[Path], config: Config, options: Options) -> ClaimStore | NoStore:
    if not options.use_cache or not roots:
        return NoStore()
    return open_store(options.store or default_path(), versions(config, options.model))


def _ignored(doc_id: str, config: Config) -> bool:
    return any(fnmatch(doc_id, pattern) for pattern in config.ignore)


def _unique(documents: list[Document]) -> list[Document]:
    """Each file once (a draft may also lie in the archive: the first reading wins), sorted by id. Two files
    whose ids are the same (drafts/a.md checked against archive/a.md) are told apart by the folders above them,
    so one article is never taken for the other."""
    seen: dict[Path, Document] = {}
    for doc in documents:
        seen.setdefault(Path(doc.path).resolve(), doc)
    by_id: dict[str, list[Document]] = defaultdict(list)
    for doc in seen.values():
        by_id[doc.id].append(doc)
    named = [doc for same in by_id.values() for doc in (_told_apart(same) if len(same) > 1 else same)]
    return sorted(named, key=lambda d: d.id)


def _told_apart(same: list[Document]) -> list[Document]:
    """Documents of one id, each named by as many of its folders as it takes to tell them apart."""
    parts = [Path(d.path).resolve().parts for d in same]
    depth = len(Path(same[0].id).parts)
    while len({p[-depth:] for p in parts}) < len(parts) and depth < min(map(len, parts)):
        depth += 1
    return [replace(d, id="/".join(p[-depth:])) for d, p in zip(same, parts)]


def collect(paths: Iterable[Path], config: Config, options: Options,
            progress: Progress | None = None) -> tuple[list[Document], list[Claim], list[Problem]]:
    """Read, parse and read the claims of every article, actors resolved across them, claims numbered."""
    roots = list(paths)
    documents: list[Document] = []
    problems: list[Problem] = []
    for path in roots:
        docs, probs = read_articles(path, options.published, options.max_bytes)
        documents += docs
        problems += probs
    documents, dated = year_from_the_story(_unique([d for d in documents if not _ignored(d.id, config)]))
    problems = [p for p in problems if not _ignored(p.doc, config)] + dated
    claims: list[Claim] = []
    ties: list[tuple[str, str]] = []
    persons: set[str] = set()
    for article in claims_by_article(documents, roots, config, options, progress):
        claims += article.claims
        ties += article.ties
        persons |= article.persons
    claims = ActorResolver(config.actor_aliases).resolve(claims, ties, persons)
    claims = read_as_first(claims, {d.id: d.published for d in documents})
    claims.sort(key=lambda c: (c.doc, c.line, c.column, c.end))
    return documents, [replace(c, id=f"c{i}") for i, c in enumerate(claims, start=1)], problems


def run(paths: Iterable[Path], config: Config, options: Options, progress: Progress | None = None) -> Report:
    """Check articles: every stage, end to end."""
    documents, claims, problems = collect(paths, config, options, progress)
    return judge(documents, claims, problems, config, options.weights or load_weights())


def judge(documents: list[Document], claims: list[Claim], problems: list[Problem], config: Config,
          weights: Weights) -> Report:
    """The stages after `collect`: match, compare, report (what a sweep of the matcher's settings runs again)."""
    quiet = silenced(claims, {d.id: d.text for d in documents})
    checked = [c for c in claims if c.id not in quiet]
    matching = match(claims, weights)
    findings = finalise(compare(checked, matching) + problem_drafts(problems), config, weights)
    hushed = _hushed(claims, quiet, matching, config, weights)
    fired = {f.rule for f in findings + [s.finding for s in hushed] if f.rule}
    return Report(documents=tuple(documents), claims=tuple(claims), findings=tuple(findings), silenced=tuple(hushed),
                  groups={c.id: matching.group.get(c.id) for c in claims}, timelines=timelines(checked, matching),
                  rules={rule: text for rule, text in RULES.items() if rule in fired},
                  problem_paths={p.doc: p.path for p in problems if p.path})


def _hushed(claims: list[Claim], quiet: set[str], matching: Matching, config: Config, weights: Weights
            ) -> list[Silenced]:
    """The findings an inline marker keeps out of the report: those the silenced claims would raise.

    The report's findings come from comparing the other claims; these need the silenced ones compared
    too. A finding is on the claims of one group or of one article (its unanchored dates), so only the
    claims that share a group or an article with a silenced claim are compared again."""
    if not quiet:
        return []
    raised = [f for f in finalise(compare(_beside(claims, quiet, matching), matching), config, weights)
              if quiet & set(f.claims)]
    return [Silenced(replace(f, id=f"s{i}"), "inline") for i, f in enumerate(raised, start=1)]


def _beside(claims: list[Claim], quiet: set[str], matching: Matching) -> list[Claim]:
    """The claims in the group or the article of a `quiet` claim, the quiet ones among them, in order."""
    groups = {matching.group.get(c.id) for c in claims if c.id in quiet} - {None}
    docs = {c.doc for c in claims if c.id in quiet}
    return [c for c in claims if c.doc in docs or matching.group.get(c.id) in groups]
