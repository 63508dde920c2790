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
(tests/test_eval.py) holds. `--sweep` gives the totals again with every fold and the packaged weights joined at
each threshold the folds pick from, and their means: the yardstick for a change to the matcher.
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
from typing import Callable

from haiti_claims.config import Config
from haiti_claims.match import Weights, load_weights
from haiti_claims.match.fit import THRESHOLDS, Story, fit, fit_models, story_of, with_join
from haiti_claims.model import Claim, Document, Problem
from haiti_claims.pipeline import Options, collect, judge
from haiti_claims.report.json import render

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
RESULTS = Path(__file__).resolve().parent / "eval.json"
COMMAND = "make eval"
HELD_OUT = "held-out"  # a file of this name in a corpus's folder keeps the corpus out of every fit
KEYS = "keys.json"  # our corpora's per-claim keys: grouping is scored on them, never fitted on (docs/measurements.md)
SETS = ("seeds", "dev", "own", "held")
PICKED = (0.15, 0.40)  # the joining thresholds the folds have picked (make eval, 2026-12-06): what --sweep spans


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


Collected = tuple[list[Document], list[Claim], list[Problem]]


def check(collected: Collected, weights: Weights, config: Config) -> str:
    """The JSON report of articles already collected, matched with the weights given."""
    return render(judge(*collected, config, weights))


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
    found, collected, folds = _collect_and_fit(config, fit)
    return _scores(found, collected, folds, load_weights(), config, keep)


def sweep(joins: tuple[float, ...]) -> dict[float, list[Score]]:
    """make eval's scores with every development fold and the packaged weights joined at each threshold in turn.
    The folds pick their threshold by pairwise F1, which says nothing of contradictions, and one step of it moves
    the contradictions found by several: a change to the matcher is judged on the counts over the thresholds
    folds pick, not on the one each happens to pick."""
    config = Config()
    found, collected, folds = _collect_and_fit(config, fit_models)
    packaged = load_weights()
    return {join: _scores(found, collected, {name: with_join(w, join) for name, w in folds.items()},
                          with_join(packaged, join), config, None) for join in joins}


def _collect_and_fit(config: Config, fitting: Callable[[list[Story]], Weights]
                     ) -> tuple[list[tuple[str, str, Path, Path]], dict[Path, Collected], dict[str, Weights]]:
    """Every corpus collected once, and each development story's weights fitted on every other story but the
    held-out ones (leave-one-story-out)."""
    found = corpora()
    collected = {articles: collect([articles], config, Options(use_cache=False)) for _, _, articles, _ in found}
    fitted = [(kind, story_of(articles.parent, collected[articles][1]))
              for kind, name, articles, _ in found if kind != "held"]  # held-out corpora are never fitted on
    folds = {story.name: fitting([s for _, s in fitted if s is not story]) for kind, story in fitted if kind == "dev"}
    return found, collected, folds


def _scores(found: list[tuple[str, str, Path, Path]], collected: dict[Path, Collected], folds: dict[str, Weights],
            packaged: Weights, config: Config, keep: Path | None) -> list[Score]:
    scores = []
    with tempfile.TemporaryDirectory() as tmp:
        for kind, name, articles, gold in found:
            report = (keep or Path(tmp)) / f"{kind}-{name}.json"
            report.write_text(check(collected[articles], folds.get(name, packaged) if kind == "dev" else packaged,
                                    config))
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


def sweep_table(swept: dict[float, list[Score]]) -> str:
    """Each threshold's totals per set (the seeds aside) with the set's lowest grouping F1 of one corpus (the issue
    wants none under 0.6), then their means over the thresholds."""
    head = (f"{'join':5} {'set':4} {'must':>7} {'traps':>7} {'alarms':>6} {'real':>5} {'precision':>9} {'group F1':>8} "
            f"{'lowest':>6}")
    rows = [head, "-" * len(head)]
    means: dict[str, list[float]] = {}
    for join, scores in swept.items():
        present = {s.set for s in scores} - {"seeds"}
        for t in totals(scores):
            if t.set not in present:
                continue
            grouping = f1(t) or 0.0
            lowest = min((x for s in scores if s.set == t.set and (x := f1(s)) is not None), default=0.0)
            rows.append(f"{join:<5.2f} {t.set:4} {t.must:>3}/{t.must_total:<3} {t.traps:>3}/{t.traps_total:<3} "
                        f"{t.alarms:>6} {t.true_alarms:>5} {precision(t):>9.2f} {grouping:>8.3f} {lowest:>6.2f}")
            mean = means.setdefault(t.set, [0.0] * 6)
            for k, x in enumerate((t.must, t.traps, t.alarms, t.true_alarms, grouping, lowest)):
                mean[k] += x / len(swept)
    for kind, (must, traps, alarms, real, grouping, lowest) in means.items():
        rows.append(f"{'mean':5} {kind:4} {must:>7.2f} {traps:>7.2f} {alarms:>6.2f} {real:>5.2f} "
                    f"{real / alarms if alarms else 1.0:>9.2f} {grouping:>8.3f} {lowest:>6.2f}")
    return "\n".join(rows) + ("\nevery development fold and the packaged weights joined at each threshold in turn; "
                              "precision of the means: real alarms over alarms, summed over the thresholds; lowest: "
                              "the set's lowest grouping F1 of one corpus")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.eval", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--save", action="store_true", help=f"write the figures to {RESULTS.relative_to(ROOT)}")
    ap.add_argument("--reports", type=Path, metavar="DIR", help="keep each corpus's JSON report in DIR")
    ap.add_argument("--sweep", action="store_true",
                    help=f"the totals with every fold and the packaged weights joined at each threshold from "
                         f"{PICKED[0]:.2f} to {PICKED[1]:.2f}, and their means")
    args = ap.parse_args(argv)
    if args.sweep and (args.save or args.reports):
        ap.error("--sweep writes no reports and saves no figures")
    if not (SHARED / "tools" / "score.py").is_file():
        print(f"bench.eval: {SHARED} is missing: the gold files and scorers live there", file=sys.stderr)
        return 2
    if args.sweep:
        print(sweep_table(sweep(tuple(t for t in THRESHOLDS if PICKED[0] <= t <= PICKED[1]))))
        return 0
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
