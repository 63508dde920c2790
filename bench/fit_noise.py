"""How much the held-out grouping score moves with the fit alone: `python -m bench.fit_noise`.

The leave-one-story-out pairwise F1 of the development stories (as `make eval` and `python -m
haiti_claims.match.fit --leave-one-out` compute it) is measured once with every labelled story in the
fit, then once for each of this project's corpora left out of the fit. Nothing about the matcher
changes between the runs, so their spread is the noise of the fit: a change whose gain is within it
is no evidence (each decision recorded in the issue notes was measured against this spread).
"""
from __future__ import annotations

import argparse
import statistics
import sys

from haiti_claims.config import Config
from haiti_claims.match.fit import Story, cluster, f1, fit, load_story, pair_counts

from .eval import corpora


def held_out_f1(stories: list[Story], left_out: str | None = None) -> float:
    """Pairwise F1 summed over the development stories, each scored with weights fitted on the others
    (and without `left_out`)."""
    total = [0, 0, 0]
    for held in [s for s in stories if s.keyed]:
        weights = fit([s for s in stories if s is not held and s.name != left_out])
        total = [x + y for x, y in zip(total, pair_counts(held, cluster(held, weights)))]
    return f1(*total)


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(prog="python -m bench.fit_noise", description=__doc__,
                            formatter_class=argparse.RawDescriptionHelpFormatter).parse_args(argv)
    config = Config()
    labelled = [(kind, name, load_story(articles.parent, config)) for kind, name, articles, _ in corpora()
                if kind != "held"]  # never fitted on
    stories = [story for _, _, story in labelled]
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
