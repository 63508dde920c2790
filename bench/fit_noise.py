"""How much the held-out grouping score moves with the fit alone: `python -m bench.fit_noise`.

The leave-one-story-out pairwise F1 of the development stories (as `make eval` and `python -m
haiti_claims.match.fit --leave-one-out` compute it) is measured once with every labelled story in the
fit, then once for each of this project's corpora left out of the fit. Nothing about the matcher
changes between the runs, so their spread is the noise of the fit: a change whose gain is within it
is no evidence (each decision recorded in the issue notes was measured against this spread).

Much of that noise is the joining threshold each fold picks from its own fit (a step of 0.05 moves a story's
score by several points), so the same held-out F1 is also printed at each fixed threshold (`--curve`), the
weights still fitted fold by fold: a change to what the matcher reads that is better at every threshold is
better, whichever threshold a fold would have picked.
"""
from __future__ import annotations

import argparse
import statistics
import sys

from haiti_claims.config import Config
from haiti_claims.match.fit import THRESHOLDS, Story, cluster, f1, fit, load_story, pair_counts, with_join

from .eval import corpora


PICKED = (0.15, 0.40)  # the joining thresholds the folds have picked (make eval, 2026-12-06)


def held_out_f1(stories: list[Story], left_out: str | None = None) -> float:
    """Pairwise F1 summed over the development stories, each scored with weights fitted on the others
    (and without `left_out`)."""
    total = [0, 0, 0]
    for held in [s for s in stories if s.keyed]:
        weights = fit([s for s in stories if s is not held and s.name != left_out])
        total = [x + y for x, y in zip(total, pair_counts(held, cluster(held, weights)))]
    return f1(*total)


def held_out_curve(stories: list[Story]) -> dict[float, float]:
    """`held_out_f1` with every story's fold fitted as usual but joined at each threshold in turn."""
    totals = {t: [0, 0, 0] for t in THRESHOLDS}
    for held in [s for s in stories if s.keyed]:
        weights = fit([s for s in stories if s is not held])
        for t, total in totals.items():
            totals[t] = [x + y for x, y in zip(total, pair_counts(held, cluster(held, with_join(weights, t))))]
    return {t: f1(*total) for t, total in totals.items()}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.fit_noise", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--curve", action="store_true", help="only the held-out F1 at each fixed joining threshold")
    args = ap.parse_args(argv)
    config = Config()
    labelled = [(kind, name, load_story(articles.parent, config)) for kind, name, articles, _ in corpora()
                if kind != "held"]  # never fitted on
    stories = [story for _, _, story in labelled]
    if args.curve:
        curve = held_out_curve(stories)
        print("join  " + "  ".join(f"{t:5.2f}" for t in curve))
        print("F1    " + "  ".join(f"{v:5.3f}" for v in curve.values()))
        usual = [v for t, v in curve.items() if PICKED[0] <= t <= PICKED[1]]
        print(f"mean over {PICKED[0]:.2f}-{PICKED[1]:.2f}, where the folds' thresholds fall: {sum(usual) / len(usual):.3f}")
        return 0
    print(f"{'every story in the fit':32} F1 {held_out_f1(stories):.3f}")
    scores = []
    for name in [name for kind, name, _ in labelled if kind == "own"]:
        scores.append(held_out_f1(stories, name))
        print(f"{'without ' + name:32} F1 {scores[-1]:.3f}")
    if len(scores) > 1:
        print(f"{'spread':32} {min(scores):.3f}-{max(scores):.3f}, standard deviation {statistics.stdev(scores):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
