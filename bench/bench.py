"""Speed benchmark: `haiti-claims check` against raw spaCy on the same text, cold and warm.

    python -m bench.bench [--sizes 100,1000] [--large] [--jobs J] [--claims 100000] [--repeat R] [--skip PHASES]

For each corpus size N it writes N articles, made from the sample articles in `data/` and the
test corpora in `tests/corpora/` with the names, numbers, months and dates of each copy changed
(so no two are alike and nothing is trivially cached), then runs in this one process:

  (a) raw spaCy: `nlp.pipe` over the same texts with the same model and components (loaded beforehand), in one
      process and in J processes (n_process=J); the faster is the baseline;
  (b) `haiti-claims check` end to end (the command, JSON report to a file), cold: empty claim store;
  (c) the same again, warm: every article is in the store.

and prints words per second, the ratios b/a and c/b (time), the peak memory of the process tree
(proportional set size, so pages the workers share are counted once) and the time spent resolving
actors and grouping/comparing. It also times `spacy.pipe(n_process=J)` with the extraction in the
parent, the alternative to the tool's own process pool. Last, it times actor resolution and
grouping/comparison alone on `--claims` claims (replicas of the claims of the largest corpus, each
replica speaking of other actors and other values, as more articles would). `--large` adds
N = 10,000; `--skip raw-one,alternative` leaves those two phases out (an hour less at N = 10,000, where
the one-process baseline is the slower one anyway). Nothing is written outside a temporary folder.
"""
from __future__ import annotations

import argparse
import csv
import os
import platform
import random
import re
import sys
import tempfile
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date, timedelta
from functools import partial
from pathlib import Path
from typing import Callable, Iterator

import spacy
from click.testing import CliRunner

from haiti_claims import nlp as nlp_module
from haiti_claims import pipeline
from haiti_claims.cli import main as cli
from haiti_claims.config import DEFAULT
from haiti_claims.match import load_weights, match
from haiti_claims.model import Claim, DateValue, NumberValue
from haiti_claims.read import read_articles
from haiti_claims.subjects import ActorResolver

ROOT = Path(__file__).resolve().parent.parent
TEMPLATE_FOLDERS = [ROOT / "data", *sorted(p.parent for p in (ROOT / "tests" / "corpora").glob("**/articles/"))]
NAME_LABELS = ("PERSON", "GPE", "ORG", "NORP", "FAC", "LOC")
MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December"]
SYLLABLES = ["ka", "lo", "ven", "dor", "mi", "sa", "tru", "bel", "an", "rik", "zo", "pel", "ta", "nor", "gis", "ul"]
ISO_DATE = r"\b\d{4}-\d{2}-\d{2}\b"
NUMBER = r"\b\d{1,3}(?:,\d{3})+\b|\b\d+(?:\.\d+)?\b"


# -- the corpus --------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Template:
    name: str
    raw: str  # the file as written (front matter included)
    published: date | None  # from metadata.csv, for .txt files
    names: tuple[str, ...]  # entity strings to vary


def templates() -> list[Template]:
    """The sample and test articles, with the names spaCy finds in them."""
    nlp = nlp_module.load(None)
    found = []
    for folder in TEMPLATE_FOLDERS:
        published = _sidecar_dates(folder / "metadata.csv")
        for path in sorted(folder.iterdir()):
            if path.suffix in (".txt", ".md"):
                raw = path.read_text(encoding="utf-8")
                names = sorted({e.text for e in nlp(raw).ents  # longest first, then alphabetical: no set order
                                if e.label_ in NAME_LABELS and re.fullmatch(r"[\w .'’-]+", e.text)},
                               key=lambda name: (-len(name), name))
                found.append(Template(path.name, raw, published.get(path.name), tuple(names)))
    return found


def _sidecar_dates(path: Path) -> dict[str, date]:
    if not path.is_file():
        return {}
    with path.open(encoding="utf-8") as handle:
        return {row["file"]: date.fromisoformat(row["published"])
                for row in csv.DictReader(handle) if row.get("published")}


def _made_up_name(rng: random.Random, words: int) -> str:
    return " ".join("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize() for _ in range(words))


def vary(template: Template, seed: int) -> tuple[str, date | None]:
    """A copy of an article with other names, figures, months and dates (the same change throughout)."""
    rng = random.Random(seed)
    names = {n: _made_up_name(rng, len(n.split())) for n in template.names}
    shift = timedelta(days=rng.randint(-400, 400))
    month_shift = rng.randint(1, 11)
    scale = rng.uniform(0.5, 2.0)

    def figure(text: str) -> str:
        value = float(text.replace(",", ""))
        if 1900 <= value <= 2100 and "," not in text and "." not in text:
            return str(int(value) + shift.days // 365)
        if value <= 31 and "." not in text:
            return str(rng.randint(1, 28))
        new = value * scale
        if "." in text:
            return f"{new:.{len(text.split('.')[1])}f}"
        return f"{round(new):,}" if "," in text else str(round(new))

    def substitute(match: re.Match[str]) -> str:
        text = match.group(0)
        if re.fullmatch(ISO_DATE, text):
            return (date.fromisoformat(text) + shift).isoformat()
        if text in names:
            return names[text]
        if text in MONTHS:
            return MONTHS[(MONTHS.index(text) + month_shift) % 12]
        return figure(text)

    words = "|".join([*(re.escape(n) for n in names), *MONTHS])
    pattern = re.compile(rf"{ISO_DATE}|(?<!\w)(?:{words})(?!\w)|{NUMBER}")
    return pattern.sub(substitute, template.raw), template.published + shift if template.published else None


def write_corpus(folder: Path, size: int, sources: list[Template]) -> None:
    folder.mkdir(parents=True)
    rows = []
    for i in range(size):
        template = sources[i % len(sources)]
        text, published = vary(template, seed=i)
        name = f"{i:05d}_{template.name}"
        (folder / name).write_text(text, encoding="utf-8")
        if published and name.endswith(".txt"):
            rows.append((name, published.isoformat()))
    with (folder / "metadata.csv").open("w", encoding="utf-8", newline="") as handle:
        csv.writer(handle).writerows([("file", "published"), *rows])


# -- measuring -----------------------------------------------------------------------------------------


class PeakMemory:
    """Peak proportional set size of this process and its children, sampled every 50 ms."""

    def __init__(self) -> None:
        self.peak = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def __enter__(self) -> "PeakMemory":
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join()

    def _sample(self) -> None:
        while not self._stop.wait(0.05):
            self.peak = max(self.peak, sum(_pss(pid) for pid in _tree(os.getpid())))


def _tree(pid: int) -> list[int]:
    pids = [pid]
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            children = (task / "children").read_text().split()
        except OSError:
            continue
        for child in children:
            pids += _tree(int(child))
    return pids


def _pss(pid: int) -> int:
    """Bytes of proportional set size (shared pages divided among the processes sharing them)."""
    try:
        for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
            if line.startswith("Pss:"):
                return int(line.split()[1]) * 1024
    except OSError:
        pass
    return 0


class Stopwatch:
    """Adds up the time spent in some functions while a phase runs."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}

    def wrap(self, label: str, function: Callable) -> Callable:
        def timed(*args, **kwargs):
            start = time.perf_counter()
            try:
                return function(*args, **kwargs)
            finally:
                self.seconds[label] = self.seconds.get(label, 0.0) + time.perf_counter() - start
        return timed


@contextmanager
def timing_corpus_stages(stopwatch: Stopwatch) -> Iterator[None]:
    """Time actor resolution, matching and comparison inside the pipeline."""
    compare, matcher, resolve = pipeline.compare, pipeline.match, ActorResolver.resolve
    pipeline.compare = stopwatch.wrap("compare", compare)
    pipeline.match = stopwatch.wrap("match", matcher)
    ActorResolver.resolve = stopwatch.wrap("resolve", resolve)
    try:
        yield
    finally:
        pipeline.compare, pipeline.match, ActorResolver.resolve = compare, matcher, resolve


@dataclass
class Phase:
    seconds: float
    peak: int
    stages: dict[str, float]


def measure(action: Callable[[], object]) -> Phase:
    stopwatch = Stopwatch()
    with PeakMemory() as memory, timing_corpus_stages(stopwatch):
        start = time.perf_counter()
        action()
        seconds = time.perf_counter() - start
    return Phase(seconds, memory.peak, stopwatch.seconds)


# -- the runs ----------------------------------------------------------------------------------------------


def raw_spacy(nlp: spacy.Language, texts: list[str], processes: int) -> None:
    for _ in nlp.pipe(texts, batch_size=pipeline.BATCH_SIZE, n_process=processes):
        pass


def check(corpus: Path, store: Path, jobs: int, report: Path) -> None:
    """The command as a user runs it; the model is loaded by the run itself (in its workers), as from a shell."""
    nlp_module.load.cache_clear()
    args = ["check", str(corpus), "--format", "json", "--output", str(report), "--fail-on", "never",
            "--quiet", "--jobs", str(jobs), "--store", str(store)]
    result = CliRunner().invoke(cli, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output


def spacy_processes_then_extract(corpus: Path, jobs: int) -> None:
    """The alternative design: spaCy's own n_process parses, the parent reads the claims."""
    nlp_module.load.cache_clear()
    documents = read_articles(corpus)[0]
    parser = pipeline.Parser(DEFAULT, None)
    pipe = parser.nlp.pipe
    parser.nlp.pipe = partial(pipe, n_process=jobs)  # type: ignore[method-assign]
    try:
        parser(documents)
    finally:
        del parser.nlp.pipe


@dataclass
class Row:
    size: int
    words: int
    raw_one: Phase | None
    raw_jobs: Phase
    cold: Phase
    warm: Phase
    alternative: Phase | None

    @property
    def raw(self) -> Phase:
        return min((p for p in (self.raw_one, self.raw_jobs) if p), key=lambda p: p.seconds)


SKIPPABLE = ("raw-one", "alternative")


def bench_size(size: int, jobs: int, sources: list[Template], work: Path, repeat: int, skip: set[str]) -> Row:
    """Every phase `repeat` times, interleaved, so that other work on the machine weighs on all alike."""
    corpus = work / f"corpus-{size}"
    write_corpus(corpus, size, sources)
    texts = [d.text for d in read_articles(corpus)[0]]
    words = sum(len(t.split()) for t in texts)
    rounds = []
    for n in range(repeat):
        print(f"N={size}: {size} articles, {words:,} words, round {n + 1} of {repeat}", file=sys.stderr)
        store = store_path(work, size, n)
        nlp = spacy.load(nlp_module.model_name(None))  # loading is left out of the baseline's time
        raw_one = None if "raw-one" in skip else measure(lambda: raw_spacy(nlp, texts, 1))
        raw_jobs = measure(lambda: raw_spacy(nlp, texts, jobs))
        del nlp
        cold = measure(lambda: check(corpus, store, jobs, work / "report.json"))
        warm = measure(lambda: check(corpus, store, jobs, work / "report.json"))
        alternative = None if "alternative" in skip else measure(lambda: spacy_processes_then_extract(corpus, jobs))
        rounds.append((raw_one, raw_jobs, cold, warm, alternative))
    return Row(size, words, *(fastest(list(phases)) for phases in zip(*rounds)))


def store_path(work: Path, size: int, round_: int) -> Path:
    return work / f"store-{size}-{round_}.sqlite"


def fastest(phases: list[Phase | None]) -> Phase | None:
    """The fastest run of a phase (the one other work on the machine disturbed least), with the highest peak."""
    if None in phases:
        return None
    return replace(min(phases, key=lambda p: p.seconds), peak=max(p.peak for p in phases))


def corpus_claims(corpus: Path, store: Path) -> list[Claim]:
    """The claims of a corpus before actor resolution, read back from its (warm) store."""
    documents = read_articles(corpus)[0]
    options = pipeline.Options(use_cache=True, store=store)
    return [c for a in pipeline.claims_by_article(documents, [corpus], DEFAULT, options) for c in a.claims]


def replicas(claims: list[Claim], count: int) -> list[Claim]:
    """`count` claims: copies of `claims` in other documents, about other actors, with other figures and dates.

    Claims that name no actor stay as they are, so they pool across copies into ever larger groups,
    as unattributed figures from many stories do in a real archive.
    """
    out: list[Claim] = []
    copy = 0
    while len(out) < count:
        rng = random.Random(copy)
        scale, shift = rng.uniform(0.5, 2.0), timedelta(days=rng.randint(-400, 400))
        for claim in claims[: count - len(out)]:
            actor = claim.subject.actor and f"{claim.subject.actor} {copy}"
            out.append(replace(claim, doc=f"r{copy}/{claim.doc}", value=_moved(claim.value, scale, shift),
                               as_of=claim.as_of and claim.as_of + shift, subject=replace(claim.subject, actor=actor)))
        copy += 1
    return out


def _moved(value: NumberValue | DateValue, scale: float, shift: timedelta) -> NumberValue | DateValue:
    if isinstance(value, DateValue):
        return replace(value, start=value.start and value.start + shift, end=value.end and value.end + shift)
    return replace(value, **{f: getattr(value, f) * scale for f in ("low", "high", "nominal")
                             if getattr(value, f) is not None})


def bench_comparison(claims: list[Claim]) -> dict[str, float]:
    """Seconds for actor resolution, numbering, matching and comparison, as the pipeline runs them."""
    start = time.perf_counter()
    resolved = ActorResolver(DEFAULT.actor_aliases).resolve(claims, [], set())
    resolving = time.perf_counter()
    resolved = [replace(c, id=f"c{i}") for i, c in enumerate(resolved, start=1)]
    numbering = time.perf_counter()
    matching = match(resolved, load_weights())
    matched = time.perf_counter()
    drafts = pipeline.compare(resolved, matching)
    end = time.perf_counter()
    return {"resolve": resolving - start, "number": numbering - resolving, "match": matched - numbering,
            "compare": end - matched, "findings": len(drafts), "links": len(matching.links)}


# -- printing ------------------------------------------------------------------------------------------------


def machine() -> str:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    return (f"{os.cpu_count()} cores ({cpu}), Python {platform.python_version()}, spaCy {spacy.__version__}, "
            f"model {nlp_module.model_name(None)}, load average {os.getloadavg()[0]:.2f}")


def gib(n: int) -> str:
    return f"{n / 2**30:.2f} GiB"


def print_header(jobs: int) -> None:
    print(f"| N | words | raw spaCy 1 proc (w/s) | raw spaCy {jobs} procs (w/s) | cold check (w/s) | b/a "
          f"| warm check (s) | c/b | spaCy n_process + extraction (w/s) | peak memory cold "
          f"| resolve + compare in cold (s) |")
    print("|" + " --- |" * 11)


def print_row(r: Row) -> None:
    rate = lambda p: f"{r.words / p.seconds:,.0f}" if p else "skipped"  # noqa: E731
    stages = r.cold.stages
    print(f"| {r.size:,} | {r.words:,} | {rate(r.raw_one)} | {rate(r.raw_jobs)} | {rate(r.cold)} "
          f"| {r.raw.seconds / r.cold.seconds:.2f} | {r.warm.seconds:.2f} | {r.warm.seconds / r.cold.seconds:.1%} "
          f"| {rate(r.alternative)} | {gib(r.cold.peak)} "
          f"| {stages.get('resolve', 0):.2f} + {stages.get('compare', 0):.2f} |", flush=True)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100,1000", help="corpus sizes, comma-separated (default 100,1000)")
    parser.add_argument("--large", action="store_true", help="add N = 10,000")
    parser.add_argument("--jobs", type=int, default=pipeline.available_cores(), help="processes (default: the cores)")
    parser.add_argument("--claims", type=int, default=100_000, help="claims for the grouping/comparison timing")
    parser.add_argument("--repeat", type=int, default=1, help="rounds per size; the fastest of each phase counts")
    parser.add_argument("--skip", default="", help=f"phases to leave out, comma-separated: {', '.join(SKIPPABLE)}")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")] + ([10_000] if args.large else [])
    skip = {s for s in args.skip.split(",") if s}
    if skip - set(SKIPPABLE):
        parser.error(f"--skip: unknown phase {', '.join(sorted(skip - set(SKIPPABLE)))}; choose from {', '.join(SKIPPABLE)}")
    print(f"machine: {machine()}\ncommand: python -m bench.bench {' '.join(argv or sys.argv[1:])}\n")
    print_header(args.jobs)
    sources = templates()
    with tempfile.TemporaryDirectory(prefix="haiti-claims-bench-") as tmp:
        work = Path(tmp)
        for size in sizes:  # each row is printed as soon as it is measured: a long run keeps what it has done
            print_row(bench_size(size, args.jobs, sources, work, args.repeat, skip))
        largest = max(sizes)
        claims = corpus_claims(work / f"corpus-{largest}", store_path(work, largest, 0))
    comparison = bench_comparison(replicas(claims, args.claims))
    print(f"\n{args.claims:,} claims (replicas of the N={largest:,} corpus's {len(claims):,}): matching "
          f"{comparison['match']:.2f} s ({comparison['links']:,} pairs weighed), comparison "
          f"{comparison['compare']:.2f} s ({comparison['findings']:,} findings); before them, actor "
          f"resolution {comparison['resolve']:.2f} s and numbering {comparison['number']:.2f} s")
    print(f"machine at the end: {machine()}")


if __name__ == "__main__":
    main()
