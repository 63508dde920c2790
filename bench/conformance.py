"""Conformance benchmark: this project's extraction and normalisation on peer projects' test cases.

Reads `../shared/conformance/*.jsonl` (see the README there for the schema) and scores, case by
case, this project and the libraries a user would otherwise reach for. A case passes when every
expected item is found with an overlapping span and a matching value (numbers within 1e-9
relative; dates by start and end, or any listed alternative of a year-less date; ranges by both
bounds), and when nothing in the case's scope is found where it expects nothing.

    python -m bench.conformance [--no-peers] [--save]

prints pass rates per file and per category, writes the failures to
`out/conformance-failures.txt`, and with `--save` records this project's rates in
`bench/conformance.json`, the figures the ratchet test (`tests/test_conformance.py`) holds.
"""
from __future__ import annotations

import argparse
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Callable, Iterable, Protocol

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT.parent / "shared" / "conformance"
RATES = Path(__file__).resolve().parent / "conformance.json"
FAILURES = ROOT / "out" / "conformance-failures.txt"
FILES = ("numbers", "ranges", "quantities", "dates")
COMMAND = "make conformance"
PROJECT = "haiti-claims"

Case = dict[str, Any]


@dataclass(frozen=True)
class Found:
    """One thing a system found: a character span, a kind in the system's own words, a value.

    Numbers carry `value` (the figure) and `low`/`high` (its interval); dates carry `low`/`high`
    as inclusive days. None is an open or unknown side.
    """

    start: int
    end: int
    kind: str
    value: float | None = None
    low: float | date | None = None
    high: float | date | None = None
    text: str = ""


class System(Protocol):
    """A way of reading the cases: this project, or a peer library."""

    name: str
    files: tuple[str, ...]
    spans_only: bool  # its values are not compared (it finds spans but states no values)

    def find(self, file: str, cases: list[Case]) -> list[list[Found]]: ...

    def in_scope(self, case: Case, found: Found) -> bool: ...


# -- loading ---------------------------------------------------------------------------------

def load(data: Path = DATA) -> dict[str, list[Case]]:
    """The cases of every file, in file order; English-variant dates only (month-first numerics)."""
    cases = {}
    for name in FILES:
        rows = [json.loads(line) for line in (data / f"{name}.jsonl").read_text(encoding="utf-8").splitlines()
                if line.strip()]
        cases[name] = [c for c in rows if c.get("variant", "English") == "English"]
    return cases


def category(file: str, case: Case) -> str:
    """The category a case is counted under: its scope, with negatives and holidays apart."""
    if not case["expected"]:
        return "negatives"
    if file == "dates":
        if "Holiday" in case["source"]:
            return "holiday"
        if case["scope"] != "all":
            return case["scope"]
        return "daterange" if any(e["type"] == "daterange" for e in case["expected"]) else "date"
    if file == "quantities":
        return "quantity"
    return case["scope"]


# -- matching ---------------------------------------------------------------------------------

def close(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def overlaps(expected: dict, found: Found) -> bool:
    start, end = expected["offset"]
    return found.start < end and start < found.end


def _iso(d: date | None) -> str | None:
    return d.isoformat() if d else None


_COUNTED = re.compile(r"^(?:the )?(?:next|past|last|previous|coming|following) \S+ days?$", re.I)


def date_matches(expected: dict, found: Found) -> bool:
    """Start and end equal to the expected ones (or to one alternative), in Recognizers' conventions.

    This project's ends are inclusive; Recognizers' ends are exclusive for calendar units ("April
    2017" ends 2017-05-01, "Q3 2016" is "(2016-07-01,2016-10-01,P3M)") and for counted days ("next
    3 days" is "(2016-11-08,2016-11-11,P3D)": its end is the start plus the count), and inclusive for
    explicit ranges that name their last day ("from 4 to 22 this month" is
    "(2016-11-04,2016-11-22,P18D)"), so the found end is moved by a day where the expected one is
    exclusive.

    An open range bounded by a single day gives that day as the bound, and the mod says on which side of it
    the range lies: "after 1/1/2016" starts 2016-01-01 (here: 2 January) and "on or before 1/1/2016" ends
    2016-01-01 (here too); a bounding month or year gives the calendar edge as elsewhere ("after 2016" starts
    2017-01-01, "before or in Feb 2018" ends 2018-03-01).
    """
    if found.kind != expected["type"]:
        return False
    alternatives = [a for a in expected["alternatives"] if a["start"] or a["end"]]
    if expected["unresolved"] or not alternatives:
        return True  # a span with no resolution (season, impossible day): the span is all there is
    for alt in alternatives:
        if expected["type"] == "date":
            if _iso(found.low) == alt["start"] and _iso(found.high) == alt["start"]:
                return True
            continue
        explicit = bool(re.fullmatch(r"\(.*,P\d+D\)", alt["timex"] or "")) \
            and not _COUNTED.match(expected.get("span", ""))
        day_bound = bool(re.fullmatch(r"(?:\d{4}|XXXX)-\d\d-\d\d", alt["timex"] or ""))
        low = found.low - timedelta(days=1) if day_bound and alt["mod"] == "after" and found.low else found.low
        inclusive_end = explicit or (day_bound and alt["mod"] == "until")
        end = found.high if inclusive_end or found.high is None else found.high + timedelta(days=1)
        if (_iso(low), _iso(end)) == (alt["start"], alt["end"]):
            return True
    return False


def value_matches(file: str, expected: dict, found: Found) -> bool:
    if file == "dates":
        return date_matches(expected, found)
    if file == "ranges":
        return close(found.low, expected["low"]) and close(found.high, expected["high"])
    if expected.get("value") is None:
        return True  # a unit said with no number: the span is all there is
    return close(found.value, float(expected["value"]))


def item_found(file: str, case: Case, expected: dict, finds: list[Found], spans_only: bool) -> bool:
    return any(overlaps(expected, f) and (spans_only or value_matches(file, expected, f)) for f in finds)


def passes(file: str, case: Case, finds: list[Found], spans_only: bool = False) -> bool:
    if not case["expected"]:
        return not finds
    return all(item_found(file, case, e, finds, spans_only) for e in case["expected"])


# -- scoring ---------------------------------------------------------------------------------

@dataclass
class Tally:
    cases: int = 0
    passed: int = 0

    def add(self, ok: bool) -> None:
        self.cases += 1
        self.passed += ok

    @property
    def rate(self) -> float:
        return round(100 * self.passed / self.cases, 2) if self.cases else 0.0

    def as_dict(self) -> dict[str, float | int]:
        return {"cases": self.cases, "passed": self.passed, "rate": self.rate}


@dataclass
class Result:
    """One system's tallies, keyed "file" and "file/category", and its failed cases."""

    system: str
    tallies: dict[str, Tally] = field(default_factory=lambda: defaultdict(Tally))
    failures: list[tuple[str, Case, list[Found]]] = field(default_factory=list)

    def targets(self) -> dict[str, Tally]:
        return {key: self.tallies[key] for key in TARGETS if key in self.tallies}


# The targets, each over a subset of the cases: name -> (rate to reach, which cases count).
TARGET_RULES: dict[str, tuple[float, Callable[[str, Case], bool]]] = {
    "dates resolved": (85, lambda f, c: f == "dates" and not c.get("span_only")),
    "numbers: number, currency, percent": (90, lambda f, c: f == "numbers"
                                           and c["scope"] in ("number", "currency", "percent")),
    "ranges: bounds": (85, lambda f, c: f == "ranges"),
    "quantities: values": (80, lambda f, c: f == "quantities"),
    "negatives kept empty": (95, lambda f, c: not c["expected"]),
}
TARGETS = tuple(TARGET_RULES)


def score(system: System, cases: dict[str, list[Case]]) -> Result:
    result = Result(system.name)
    for file in system.files:
        for case, finds in zip(cases[file], system.find(file, cases[file])):
            scoped = [f for f in finds if system.in_scope(case, f)]
            ok = passes(file, case, scoped, system.spans_only)
            for key in (file, f"{file}/{category(file, case)}"):
                result.tallies[key].add(ok)
            for key, (_, rule) in TARGET_RULES.items():
                if rule(file, case):
                    result.tallies[key].add(ok)
            if not ok:
                result.failures.append((file, case, scoped))
    return result


# -- this project ---------------------------------------------------------------------------

class Project:
    """This project's own path: the spaCy pipeline, the Extractor, then `value_of` per mention."""

    name = PROJECT
    files = FILES

    def __init__(self, spans_only: bool = False):
        from haiti_claims import nlp as nlp_module
        from haiti_claims.config import DEFAULT
        from haiti_claims.extract import Extractor

        self.nlp = nlp_module.load()
        self.extract = Extractor(self.nlp, DEFAULT)
        self.tolerances = DEFAULT.tolerances
        self.spans_only = spans_only
        if spans_only:
            self.name = f"{PROJECT} (spans only)"

    def find(self, file: str, cases: list[Case]) -> list[list[Found]]:
        from haiti_claims.normalize import value_of

        out = []
        for case, doc in zip(cases, self.nlp.pipe(c["text"] for c in cases)):
            anchor = date.fromisoformat(case["reference"]) if case.get("reference") else None
            finds = []
            for mention in self.extract(doc):
                value = value_of(mention, anchor, self.tolerances)
                if value is not None:
                    finds.append(_project_found(mention, value))
            out.append(finds)
        return out

    def in_scope(self, case: Case, found: Found) -> bool:
        return project_in_scope(case, found)


def _project_found(mention: Any, value: Any) -> Found:
    span = mention.span
    if mention.family == "date":
        single = value.start is not None and value.start == value.end and value.granularity == "day"
        if not value.anchored or value.start is value.end is None:  # unplaced, or a day that does not exist
            single = value.granularity == "day" and value.hedge not in ("since", "after", "before")
        return Found(span.start_char, span.end_char, "date" if single else "daterange",
                     low=value.start, high=value.end, text=span.text)
    figure = value.nominal if value.nominal is not None else (value.low if value.low == value.high else None)
    if figure is None and value.low is not None and value.high is not None:
        figure = (value.low + value.high) / 2  # a range: its midpoint, as quantulum3 states one
    return Found(span.start_char, span.end_char, mention.kind, value=figure, low=value.low, high=value.high,
                 text=span.text)


NUMBER_KINDS = {"count", "money", "percent", "quantity", "number"}
# a unitless count is no dimension or temperature, and a figure inside a measurement no plain number ("29km");
# ages ("5 years old") are counts, as durations are no units of measure here
SCOPE_KINDS = {"currency": {"money"}, "percent": {"percent"}, "dimension": {"quantity"},
               "temperature": {"quantity"}, "age": {"count", "quantity"}, "number": NUMBER_KINDS - {"quantity"}}


def project_in_scope(case: Case, found: Found) -> bool:
    """Whether a found item speaks to the case's scope (a money figure is no temperature)."""
    scope = case.get("scope") or "quantity"
    if found.kind in ("date", "daterange"):
        return scope in ("all", "date", "daterange") and scope in ("all", found.kind)
    if scope in ("all", "date", "daterange"):
        return False
    return found.kind in SCOPE_KINDS.get(scope, NUMBER_KINDS)


# -- output ----------------------------------------------------------------------------------

def table(results: list[Result]) -> str:
    keys = sorted({k for r in results for k in r.tallies if k not in TARGETS},
                  key=lambda k: (FILES.index(k.split("/")[0]), "/" in k, k))
    head = ["file / category", "cases"] + [r.system for r in results]
    rows = [head]
    for key in keys + list(TARGETS):
        counts = [r.tallies[key] for r in results if key in r.tallies]
        label = key if "/" not in key else "  " + key.split("/")[1]
        if key in TARGETS:
            label = f"target {key} (>= {TARGET_RULES[key][0]}%)"
        rows.append([label, str(counts[0].cases)] +
                    [f"{r.tallies[key].rate:.1f}% ({r.tallies[key].passed})" if key in r.tallies else "-"
                     for r in results])
    widths = [max(len(row[i]) for row in rows) for i in range(len(head))]
    lines = ["  ".join(cell.ljust(w) if i == 0 else cell.rjust(w) for i, (cell, w) in enumerate(zip(row, widths)))
             for row in rows]
    return "\n".join(lines[:1] + ["-" * len(lines[0])] + lines[1:])


def failure_report(result: Result) -> str:
    out = [f"# {result.system}: {len(result.failures)} failed cases (`{COMMAND}`)", ""]
    for file, case, finds in result.failures:
        out.append(f"[{file}/{category(file, case)}] {case['id']}  ref={case.get('reference')}")
        out.append(f"  text: {case['text']!r}")
        for e in case["expected"]:
            out.append(f"  want: {e['span']!r} {_expected_value(file, e)}")
        for f in finds:
            out.append(f"  got:  {f.text!r} {f.kind} value={f.value} low={f.low} high={f.high}")
        out.append("")
    return "\n".join(out)


def _expected_value(file: str, e: dict) -> str:
    if file == "dates":
        alts = [(a["start"], a["end"]) for a in e["alternatives"]]
        return f"{e['type']} mod={e['mod']} timex={e['timex']} alternatives={alts}"
    if file == "ranges":
        return f"low={e['low']} high={e['high']}"
    return f"value={e.get('value')} unit={e.get('unit')}"


def rates_record(results: list[Result]) -> dict[str, Any]:
    def block(r: Result) -> dict[str, Any]:
        return {"files": {f: r.tallies[f].as_dict() for f in FILES if f in r.tallies},
                "categories": {k: t.as_dict() for k, t in sorted(r.tallies.items()) if "/" in k},
                "targets": {k: t.as_dict() for k, t in r.targets().items()}}

    return {"command": COMMAND, "data": "../shared/conformance",
            "systems": {r.system: block(r) for r in results}}


def systems(peers: bool) -> list[System]:
    found: list[System] = [Project(), Project(spans_only=True)]
    if peers:
        from .peers import peer_systems

        found += peer_systems()
    return found


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder with the conformance .jsonl files")
    parser.add_argument("--no-peers", action="store_true", help="score this project only")
    parser.add_argument("--save", action="store_true", help=f"record the rates in {RATES.relative_to(ROOT)}")
    parser.add_argument("--failures", type=Path, default=FAILURES, help="where to write this project's failures")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if not args.data.is_dir():
        parser.error(f"no conformance data at {args.data}")
    cases = load(args.data)
    results = [score(s, cases) for s in systems(not args.no_peers)]
    print(table(results))
    args.failures.parent.mkdir(parents=True, exist_ok=True)
    args.failures.write_text(failure_report(results[0]), encoding="utf-8")
    print(f"\nfailures of {PROJECT}: {args.failures}")
    if args.save:
        RATES.write_text(json.dumps(rates_record(results), indent=1) + "\n", encoding="utf-8")
        print(f"rates saved: {RATES}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
