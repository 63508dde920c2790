"""How much the held-out grouping score moves with the fit alone: `python -m bench.fit_noise`.

The leave-one-story-out pairwise F1 of the development stories (as `make eval` and `python -m
haiti_claims.match.fit --leave-one-out` compute it) is measured once with every labelled story in the
fit, then once for each of this project's corpora left out of the fit. Nothing about the matcher
changes between the runs, so their spread is the noise of the fit: a change whose gain is within it
is no evidence (each decision recorded in the issue notes was measured against this spread).

Much of that noise is the joining threshold each fold picks from its own fit (a step of 0.05 moves a story's
score by several points), so each run also scores every fold's weights joined at each fixed threshold: the
curve, and its mean over the thresholds folds pick (`--curve` prints the curve of the first run alone). That
mean moves far less from run to run; a change to what the matcher reads that raises it is better, whichever
threshold a fold would have picked.

A second curve is scored on our own corpora's per-claim keys (`keys.json`), which no fit reads: each corpus is
checked with weights fitted on every other story (its contradictions and updates, the only pairs of it a fit
sees, left out with it). Our held-out corpora stay out of both; `--curve` scores them in a third, as a reader's
stories are met: with one fit on every story but them (`make weights`).

A change to what the matcher reads moves the folds' fits too, and a fit moves a story's score by several points
for a change to a few claims of other stories. `--packaged` scores the same three curves with the packaged weights
and no fit (the development stories are then not held out): the reading's own effect, to set beside `--curve`.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from haiti_claims.config import Config
from haiti_claims.match import Weights, load_weights
from haiti_claims.match.fit import THRESHOLDS, Story, cluster, f1, fit, gold_keys, load_story, pair_counts, with_join

from .eval import KEYS, PICKED, corpora


@dataclass
class HeldOut:
    picked: float  # pairwise F1 summed over the development stories, each fold at the threshold it picked
    curve: dict[float, float]  # the same with every fold joined at each threshold

    @property
    def usual(self) -> float:
        """The curve's mean over the thresholds folds pick."""
        return statistics.mean(v for t, v in self.curve.items() if PICKED[0] <= t <= PICKED[1])


def held_out(stories: list[Story], scored: list[Story], left_out: str | None = None) -> HeldOut:
    """The grouping of each story in `scored`, checked with weights fitted on the others (and without
    `left_out`)."""
    picked = [0, 0, 0]
    totals = {t: [0, 0, 0] for t in THRESHOLDS}
    for held in scored:
        weights = fit([s for s in stories if s.name not in (held.name, left_out)])
        picked = [x + y for x, y in zip(picked, pair_counts(held, cluster(held, weights)))]
        for t, total in totals.items():
            totals[t] = [x + y for x, y in zip(total, pair_counts(held, cluster(held, with_join(weights, t))))]
    return HeldOut(f1(*picked), {t: f1(*total) for t, total in totals.items()})


def unseen(stories: list[Story], scored: list[Story]) -> HeldOut:
    """The grouping of stories no fit reads, checked with one fit on all the others (the packaged weights')."""
    return checked_with(fit(stories), scored)


def checked_with(weights: Weights, scored: list[Story]) -> HeldOut:
    """The grouping of the stories, all checked with the same weights."""
    picked = [0, 0, 0]
    totals = {t: [0, 0, 0] for t in THRESHOLDS}
    for held in scored:
        picked = [x + y for x, y in zip(picked, pair_counts(held, cluster(held, weights)))]
        for t, total in totals.items():
            totals[t] = [x + y for x, y in zip(total, pair_counts(held, cluster(held, with_join(weights, t))))]
    return HeldOut(f1(*picked), {t: f1(*total) for t, total in totals.items()})


def on_keys(story: Story, folder: Path) -> Story | None:
    """The story scored on the per-claim keys in its folder (`keys.json`), if it has them."""
    if not (folder / KEYS).is_file():
        return None
    keys = gold_keys(story.claims, json.loads((folder / KEYS).read_text()), folder / "articles")
    return replace(story, keys=keys, keyed=True)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m bench.fit_noise", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--curve", action="store_true", help="only the curve with every labelled story in the fit")
    ap.add_argument("--packaged", action="store_true",
                    help="the curves with the packaged weights, no fit: what a change to the readings does by itself")
    args = ap.parse_args(argv)
    config = Config()
    labelled = [(kind, name, load_story(articles.parent, config), articles.parent)
                for kind, name, articles, _ in corpora() if kind != "held"]  # never fitted on
    stories = [story for _, _, story, _ in labelled]
    dev = [story for kind, _, story, _ in labelled if kind == "dev"]
    if args.curve or args.packaged:
        own = [keyed for kind, _, s, folder in labelled if kind == "own" and (keyed := on_keys(s, folder))]
        held = [keyed for kind, _, articles, _ in corpora() if kind == "held"
                if (keyed := on_keys(load_story(articles.parent, config), articles.parent))]
        if args.packaged:
            weights = load_weights()
            runs = [checked_with(weights, scored) for scored in (dev, own, held)]
            how = "every set checked with the packaged weights (fitted on the development stories and ours)"
        else:
            runs = [held_out(stories, dev), held_out(stories, own), unseen(stories, held)]
            how = "the held-out ones with one fit on every other story"
        print("join          " + "  ".join(f"{t:5.2f}" for t in THRESHOLDS))
        for label, run in zip(("development", "our corpora", "held out"), runs):
            print(f"{label:14}" + "  ".join(f"{v:5.3f}" for v in run.curve.values()) + f"   mean {run.usual:.3f}")
        print(f"means over {PICKED[0]:.2f}-{PICKED[1]:.2f}, where the folds' thresholds fall; our corpora scored on "
              f"their {KEYS}, never fitted on; {how}")
        return 0
    every = held_out(stories, dev)
    print(f"{'':32} {'picked':>8} {'curve mean':>11}")
    print(f"{'every story in the fit':32} {every.picked:8.3f} {every.usual:11.3f}")
    runs = []
    for name in [name for kind, name, _, _ in labelled if kind == "own"]:
        runs.append(held_out(stories, dev, name))
        print(f"{'without ' + name:32} {runs[-1].picked:8.3f} {runs[-1].usual:11.3f}")
    if len(runs) > 1:
        for label, scores in (("picked", [r.picked for r in runs]), ("curve mean", [r.usual for r in runs])):
            print(f"{label + ' spread':32} {min(scores):.3f}-{max(scores):.3f}, "
                  f"standard deviation {statistics.stdev(scores):.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
