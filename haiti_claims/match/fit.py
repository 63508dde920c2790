"""Fit the matcher's weights on labelled stories: `python -m haiti_claims.match.fit STORY... --out FILE`.

A story is a folder with `articles/` and a `gold.json`: either one whose claims carry the key of
the quantity they speak of (the development set's format, ../shared/dev), or one that lists only
contradictions and traps (the seeds', tests/corpora), whose contradictions and updates each name
claims of one quantity. Every candidate pair of labelled claims is an example: one quantity when
the keys are equal. Two logistic models are fitted
(scikit-learn), then the joining threshold that gives the best pairwise F1 on the labelled stories, each
scored with models fitted on the others (each threshold's F1 the mean over it and its neighbours; of thresholds within a
hair of the best, the highest).
The pairs are read with the matcher's fast path (`Pairs`), once per story.
`--leave-one-out DIR` writes DIR/<story>.json for each story with per-claim keys, fitted on all the
other stories, which is how the matcher is measured on stories it was not fitted on (`make eval`).
"""
from __future__ import annotations

import argparse
import html
import json
import re
import sys
from dataclasses import dataclass, field
from itertools import combinations
from pathlib import Path

import numpy as np

from ..config import Config
from ..model import Claim
from ..pipeline import Options, collect
from . import Pairs, matchable
from .score import Model, Weights, feature_names

# chosen by hand, then measured (make eval): conflicts that keep two claims apart whatever the rest says
VETO = ("instance", "place", "agent", "dimension", "moment")
THRESHOLDS = tuple(round(0.05 * i, 2) for i in range(2, 15))
# F1 within this of the best is a tie (two or three pairs of the development set's 264): a tie goes to the higher
# threshold, which joins less and so raises fewer false alarms (precision counts as much as recall)
JOIN_TIE = 0.005
ERROR = 0.5  # confidence from which a contradiction is an error, else a warning (chosen by hand)


@dataclass
class Story:
    name: str
    claims: list[Claim]  # the matchable ones
    keys: dict[str, str]  # claim id -> gold key, for the claims the gold labels
    keyed: bool  # the gold labels every claim (not only contradictions and traps)
    _pairs: Pairs | None = field(default=None, repr=False)

    @property
    def pairs(self) -> Pairs:
        """The story's candidate pairs, read once (what the readers see does not depend on the weights)."""
        if self._pairs is None:
            self._pairs = Pairs(self.claims)
        return self._pairs

    def labelled(self) -> tuple[np.ndarray, list[bool]]:
        """The candidate pairs (their numbers) whose two claims are labelled, and whether each is one quantity."""
        numbers, same = [], []
        for k, (i, j) in enumerate(self.pairs.index()):
            a, b = self.claims[i], self.claims[j]
            if a.id in self.keys and b.id in self.keys:
                numbers.append(k)
                same.append(self.keys[a.id] == self.keys[b.id])
        return np.asarray(numbers, dtype=np.int64), same


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", html.unescape(text)).strip().lower()


def _stating(claims: list[Claim], doc: str, quote: str, articles: Path) -> list[Claim]:
    """The claims of one document that state a quote, as ../shared/tools/score.py finds them: span overlap
    with the quote in the file (text containment for HTML, whose positions are in the extracted text)."""
    mine = [c for c in claims if c.doc.rsplit("/", 1)[-1] == doc]
    if doc.lower().endswith((".html", ".htm")):
        squashed = _squash(quote)
        return [c for c in mine if (t := _squash(c.text)) and (t in squashed or squashed in t)]
    path = next(articles.rglob(doc), None)
    text = path.read_text(encoding="utf-8", errors="replace").replace("\r\n", "\n") if path else ""
    starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]
    spans = [(m.start(), m.end()) for m in re.finditer(re.escape(quote), text)]
    hits = []
    for c in mine:
        if c.line <= len(starts):
            begin = starts[c.line - 1] + c.column - 1
            if any(begin < e and s < begin + max(1, len(c.text)) for s, e in spans):
                hits.append(c)
    return hits


def gold_keys(claims: list[Claim], gold: dict, articles: Path) -> dict[str, str]:
    """Each labelled claim's key, given to the report claim that states it.

    With per-claim keys (the development set's gold), each labelled claim's key goes to the claim that
    states its quote, preferring the one whose text holds the figure as written (as
    ../shared/tools/grouping.py does). A gold file that labels only contradictions and traps (the seeds',
    this project's corpora) still says which claims speak of one quantity: the claims of a contradiction,
    and those of an update (a rising toll, a plan and its outcome), each set under a key of its own."""
    keys: dict[str, str] = {}
    if isinstance(gold.get("claims"), dict):
        for doc, labelled in gold["claims"].items():
            for g in labelled:
                hits = sorted(_stating(claims, doc, g["quote"], articles),
                              key=lambda c: (g["as_written"].lower() not in c.text.lower(), len(c.text)))
                if hits and hits[0].id not in keys:
                    keys[hits[0].id] = g["key"]
        return keys
    sets = [(f"contradiction {c['id']}", c["claims"]) for c in gold.get("contradictions", [])]
    sets += [(f"update {t['id']}", t["claims"]) for t in gold.get("consistent", []) if t.get("label") == "update"]
    for key, members in sets:
        for member in members:
            for quote in member["quotes"]:
                for claim in _stating(claims, member["doc"], quote, articles):
                    keys.setdefault(claim.id, key)
    return keys


def load_story(folder: Path, config: Config) -> Story:
    _, claims, _ = collect([folder / "articles"], config, Options(use_cache=False, jobs=1))
    return story_of(folder, claims)


def story_of(folder: Path, claims: list[Claim]) -> Story:
    """The story in `folder` (its gold.json read) made of the claims its articles were found to hold."""
    gold = json.loads((folder / "gold.json").read_text())
    keys = gold_keys(claims, gold, folder / "articles")
    return Story(folder.name, [c for c in claims if matchable(c)], keys, isinstance(gold.get("claims"), dict))


def examples(story: Story) -> tuple[list[list[float]], list[bool]]:
    """Features and labels of the story's labelled candidate pairs."""
    numbers, same = story.labelled()
    return story.pairs.features()[numbers].tolist(), same


def pair_counts(story: Story, labels: list[int]) -> tuple[int, int, int]:
    """(together and same, together but different, same but apart) over labelled claims in different articles,
    as ../shared/tools/grouping.py counts them."""
    tp = fp = fn = 0
    keyed = [(c, label) for c, label in zip(story.claims, labels) if c.id in story.keys]
    for (a, la), (b, lb) in combinations(keyed, 2):
        if a.doc == b.doc:
            continue
        same, together = story.keys[a.id] == story.keys[b.id], la == lb
        tp += same and together
        fp += together and not same
        fn += same and not together
    return tp, fp, fn


def f1(tp: int, fp: int, fn: int) -> float:
    return 2 * tp / (2 * tp + fp + fn) if tp else 0.0


def cluster(story: Story, weights: Weights) -> list[int]:
    return story.pairs.labels(weights)


def fit(stories: list[Story], veto: tuple[str, ...] = VETO) -> Weights:
    """The two models fitted on the stories, joined at the threshold that does best on stories the models were not
    fitted on (`pick_join`)."""
    weights = fit_models(stories, veto)
    return with_join(weights, pick_join(stories, weights, veto))


def fit_models(stories: list[Story], veto: tuple[str, ...] = VETO) -> Weights:
    """The first and second models fitted on the stories' labelled pairs; the joining threshold left at 0.5."""
    from sklearn.linear_model import LogisticRegression  # only the fitting script needs scikit-learn

    n = len(feature_names())
    blank = Weights(Model((0.0,) * n, 0.0), Model((1.0, 0.0, 0.0, 0.0, 0.0), 0.0), 0.5, ERROR, veto)
    x, y = [], []
    for story in stories:
        sx, sy = examples(story)
        x += sx
        y += sy
    first = LogisticRegression(C=1.0, max_iter=5000).fit(x, y)
    weights = Weights(Model(tuple(first.coef_[0]), float(first.intercept_[0])), blank.second, 0.5, ERROR, veto)
    x2, y2 = [], []
    for story in stories:
        numbers, same = story.labelled()
        second = np.column_stack(story.pairs.second_inputs(story.pairs.first(weights)))
        x2 += second[numbers].tolist()
        y2 += same
    second_model = LogisticRegression(C=1.0, max_iter=5000).fit(x2, y2)
    return Weights(weights.first, Model(tuple(second_model.coef_[0]), float(second_model.intercept_[0])),
                   0.5, ERROR, veto, tuple(s.name for s in stories))


def pick_join(stories: list[Story], weights: Weights, veto: tuple[str, ...] = VETO) -> float:
    """The joining threshold with the best pairwise F1 on the stories whose every claim is labelled, each checked
    with models fitted on all the other stories (leave-one-story-out, summed): a threshold chosen on the pairs the
    models were fitted on would favour joining what they have already seen. With fewer than two such stories, the
    threshold is chosen on the fitted pairs themselves."""
    judged = [s for s in stories if s.keyed]
    totals = {t: [0, 0, 0] for t in THRESHOLDS}
    if len(judged) < 2:
        for t in THRESHOLDS:
            totals[t] = list(_totals(judged or stories, with_join(weights, t)))
    else:
        for held in judged:
            models = fit_models([s for s in stories if s is not held], veto)
            for t in THRESHOLDS:
                counts = pair_counts(held, cluster(held, with_join(models, t)))
                totals[t] = [a + b for a, b in zip(totals[t], counts)]
    return best_threshold({t: f1(*totals[t]) for t in THRESHOLDS})


def best_threshold(scores: dict[float, float]) -> float:
    """The threshold of the best F1, each threshold's F1 taken as the mean over it and its neighbours on the grid (a
    few pairs move the F1 of one threshold: the mean keeps the pick from jumping along a flat curve); of those within
    a tie of the best (`JOIN_TIE`), the highest."""
    grid = sorted(scores)
    smooth = {t: float(np.mean([scores[u] for u in grid[max(k - 1, 0): k + 2]])) for k, t in enumerate(grid)}
    best = max(smooth.values())
    return max(t for t, score in smooth.items() if score >= best - JOIN_TIE)


def with_join(weights: Weights, join: float) -> Weights:
    """The same weights with another joining threshold."""
    return Weights(weights.first, weights.second, join, weights.error, weights.veto, weights.fitted_on)


def _totals(stories: list[Story], weights: Weights) -> tuple[int, int, int]:
    counts = [pair_counts(s, cluster(s, weights)) for s in stories]
    return sum(c[0] for c in counts), sum(c[1] for c in counts), sum(c[2] for c in counts)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m haiti_claims.match.fit", description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("stories", nargs="+", type=Path, help="story folders, each with articles/ and gold.json")
    ap.add_argument("--out", type=Path, help="write the weights fitted on every story here")
    ap.add_argument("--leave-one-out", type=Path, metavar="DIR",
                    help="write DIR/<story>.json fitted on the other stories, and print each story's pairwise scores")
    args = ap.parse_args(argv)
    config = Config()
    stories = [load_story(folder, config) for folder in args.stories]
    if args.leave_one_out:
        args.leave_one_out.mkdir(parents=True, exist_ok=True)
        total = [0, 0, 0]
        for held in [s for s in stories if s.keyed]:
            weights = fit([s for s in stories if s is not held])
            (args.leave_one_out / f"{held.name}.json").write_text(weights.to_json())
            tp, fp, fn = pair_counts(held, cluster(held, weights))
            total = [total[0] + tp, total[1] + fp, total[2] + fn]
            print(f"{held.name:24} join {weights.join:.2f}  together-same {tp:4}  together-different {fp:4}  "
                  f"apart-same {fn:4}  F1 {f1(tp, fp, fn):.2f}")
        print(f"{'leave-one-story-out':24} F1 {f1(*total):.2f} (pairs summed over the stories)")
    if args.out:
        weights = fit(stories)
        args.out.write_text(weights.to_json())
        print(f"wrote {args.out} (join {weights.join:.2f}, fitted on {len(stories)} stories)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
