"""Evaluation on every labelled corpus: `make eval` (python -m bench.eval [--save]).

Runs `check` on the seeds (../shared/seeds), each development story (../shared/dev/stories) and
each of this project's corpora (tests/corpora), scores each report with the shared scorers
(../shared/tools/score.py: contradictions, traps, non-claims, alarm precision;
../shared/tools/grouping.py: pairwise grouping where the gold has per-claim keys, or a corpus has them
in its `keys.json`) and prints one table with totals per set. Totals sum the counts (pairs, findings,
alarms), never average rates.

The matcher's weights are fitted on every labelled story but the held-out ones (`make weights`), so
each development story is checked with weights fitted on all the others (leave-one-story-out, fitted
here by the repository's own script); the seeds and our corpora, whose contradictions and updates are
among the fitted pairs, use the packaged weights: their rows are not held out. Our corpora with a
`held-out` file in their folder (set "held") are never fitted on: the packaged weights meet them as
they would a reader's story. `--save` writes bench/eval.json, the figures the ratchet test
(tests/test_eval.py) holds.
"""
from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
import tempfile
from dataclasses import asdict, dataclass
from pathlib import Path

from haiti_claims.config import Config
from haiti_claims.match import Weights, load_weights
from haiti_claims.match.fit import fit, load_story
from haiti_claims.pipeline import Options, run
from haiti_claims.report.json import render

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
RESULTS = Path(__file__).resolve().parent / "eval.json"
COMMAND = "make eval"
HELD_OUT = "held-out"  # a file of this name in a corpus's folder keeps the corpus out of every fit
KEYS = "keys.json"  # our corpora's per-claim keys: grouping is scored on them, never fitted on (docs/measurements.md)
SETS = ("seeds", "dev", "own", "held")


@dataclass
class Score:
    """One corpus's counts, as the shared scorers print them."""

    corpus: str
    set: str
    must: int = 0
    must_total: int = 0
    optional: int = 0
    optional_total: int = 0
    traps: int = 0
    traps_total: int = 0
    non_claims: int = 0
    alarms: int = 0
    true_alarms: int = 0
    pairs_same: int | None = None  # grouping: labelled pairs in different articles with one key
    grouped_same: int | None = None
    grouped: int | None = None

    def add(self, other: "Score") -> None:
        for name in ("must", "must_total", "optional", "optional_total", "traps", "traps_total", "non_claims",
                     "alarms", "true_alarms"):
            setattr(self, name, getattr(self, name) + getattr(other, name))
        if other.pairs_same is not None:
            for name in ("pairs_same", "grouped_same", "grouped"):
                setattr(self, name, (getattr(self, name) or 0) + getattr(other, name))


def ratio(a: int | None, b: int | None) -> float | None:
    return None if a is None or not b else a / b


def f1(s: Score) -> float | None:
    if s.pairs_same is None:
        return None
    p, r = ratio(s.grouped_same, s.grouped) or 0.0, ratio(s.grouped_same, s.pairs_same) or 0.0
    return 2 * p * r / (p + r) if p + r else 0.0


def precision(s: Score) -> float:
    """Alarm precision as score.py gives it: 1.0 where there is no alarm (no alarm is no false alarm)."""
    return s.true_alarms / s.alarms if s.alarms else 1.0


def _figures(line: str) -> dict[str, str]:
    return dict(re.findall(r"([a-z_]+) ([\d./]+)", line))


def score_report(report: Path, gold: Path, corpus: Path, name: str, kind: str) -> Score:
    tools = SHARED / "tools"
    out = subprocess.run([sys.executable, str(tools / "score.py"), "--gold", str(gold), "--corpus", str(corpus),
                          "--report", str(report)], capture_output=True, text=True)
    last = _figures(out.stdout.strip().splitlines()[-1])
    s = Score(name, kind)
    s.must, s.must_total = map(int, last["must"].split("/"))
    s.optional, s.optional_total = map(int, last["optional"].split("/"))
    s.traps, s.traps_total = map(int, last["traps_flagged"].split("/"))
    s.non_claims, s.alarms = int(last["non_claims_extracted"]), int(last["alarms"])
    s.true_alarms = round(float(last["precision"]) * s.alarms)
    keyed = gold.parent / KEYS if (gold.parent / KEYS).is_file() else gold
    gold_claims = json.loads(keyed.read_text()).get("claims")
    if gold_claims and isinstance(gold_claims, dict):
        out = subprocess.run([sys.executable, str(tools / "grouping.py"), "--gold", str(keyed), "--corpus", str(corpus),
                              "--report", str(report), "--show", "0"], capture_output=True, text=True)
        g = _figures(out.stdout.strip().splitlines()[-1])
        s.pairs_same, s.grouped_same, s.grouped = int(g["pairs_same"]), int(g["grouped_same"]), int(g["grouped"])
    return s


def check(corpus: Path, weights: Weights, config: Config) -> str:
    return render(run([corpus], config, Options(use_cache=False, weights=weights)))


def corpora() -> list[tuple[str, str, Path, Path]]:
    """(set, name, articles, gold) of every labelled corpus there is."""
    found = [("seeds", "seeds", SHARED / "seeds" / "articles", SHARED / "seeds" / "gold.json")]
    found += [("dev", d.name, d / "articles", d / "gold.json")
              for d in sorted((SHARED / "dev" / "stories").iterdir()) if (d / "gold.json").is_file()]
    found += [("held" if (d / HELD_OUT).is_file() else "own", d.name, d / "articles", d / "gold.json")
              for d in sorted((ROOT / "tests" / "corpora").iterdir()) if (d / "gold.json").is_file()]
    return found


def evaluate(keep: Path | None = None) -> list[Score]:
    config = Config()
    packaged = load_weights()
    labelled = [(kind, load_story(articles.parent, config)) for kind, _, articles, _ in corpora()]
    fitted = [(kind, s) for kind, s in labelled if kind != "held"]  # held-out corpora are never fitted on
    held_out = {story.name: fit([s for _, s in fitted if s is not story]) for kind, story in fitted if kind == "dev"}
    scores = []
    with tempfile.TemporaryDirectory() as tmp:
        for kind, name, articles, gold in corpora():
            report = (keep or Path(tmp)) / f"{kind}-{name}.json"
            report.write_text(check(articles, held_out.get(name, packaged) if kind == "dev" else packaged, config))
            scores.append(score_report(report, gold, articles, name, kind))
    return scores


def totals(scores: list[Score]) -> list[Score]:
    out = []
    for kind in SETS:
        total = Score("TOTAL", kind)
        for s in scores:
            if s.set == kind:
                total.add(s)
        out.append(total)
    return out


def table(scores: list[Score]) -> str:
    head = (f"{'set':5} {'corpus':20} {'must':>7} {'optional':>8} {'traps':>7} {'non-cl':>6} {'alarms':>6} "
            f"{'precision':>9} {'group P':>7} {'group R':>7} {'group F1':>8}")
    rows = [head, "-" * len(head)]
    for s in scores:
        gp, gr, gf = ratio(s.grouped_same, s.grouped), ratio(s.grouped_same, s.pairs_same), f1(s)
        fmt = lambda x: f"{x:.2f}" if x is not None else "-"  # noqa: E731
        rows.append(f"{s.set:5} {s.corpus:20} {s.must:>3}/{s.must_total:<3} {s.optional:>3}/{s.optional_total:<4} "
                    f"{s.traps:>3}/{s.traps_total:<3} {s.non_claims:>6} {s.alarms:>6} {precision(s):>9.2f} "
                    f"{fmt(gp):>7} {fmt(gr):>7} {fmt(gf):>8}")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.eval", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--save", action="store_true", help=f"write the figures to {RESULTS.relative_to(ROOT)}")
    ap.add_argument("--reports", type=Path, metavar="DIR", help="keep each corpus's JSON report in DIR")
    args = ap.parse_args(argv)
    if not (SHARED / "tools" / "score.py").is_file():
        print(f"bench.eval: {SHARED} is missing: the gold files and scorers live there", file=sys.stderr)
        return 2
    if args.reports:
        args.reports.mkdir(parents=True, exist_ok=True)
    scores = evaluate(args.reports)
    everything = scores + totals(scores)
    print(table(everything))
    print("dev rows: leave-one-story-out (each checked with weights fitted on every other story); "
          "seeds and own rows: the packaged weights, fitted on them too; held rows: our corpora the weights are "
          "never fitted on (a `held-out` file in the folder), checked with the packaged weights")
    if args.save:
        RESULTS.write_text(json.dumps({"command": COMMAND, "scores": [asdict(s) for s in everything]}, indent=1) + "\n")
        print(f"wrote {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
