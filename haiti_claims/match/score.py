"""From evidence to a probability that two claims speak of one quantity: weights as data.

Each piece of evidence becomes a few features: its verdict as agree / compatible / conflict against
unknown, and for a degree (a similarity) its strength too. Every feature appears twice, once for all
claims and once for dates, whose evidence weighs differently; and where the two values are equal, a
conflict of words (the counted noun, the verb, the words around) is a feature of its own: an equal value
is strong evidence of one figure, and its own weight says how much of that a conflict of words takes back
("300 workers walked out", "300 vehicles were stuck"). A logistic model turns them into a first
probability. A second model adds what entity resolution across documents knows: one article
states a quantity once, so a pair where each claim is the other's best candidate in the other's
article, by a clear margin, is more likely the same quantity than one where either has a better
partner.

The weights, the threshold for joining and the confidence that makes a contradiction an error
live in a JSON file written by `python -m haiti_claims.match.fit`; `weights.json` beside this
file is fitted on every labelled story (`make weights`).
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Iterator, Sequence

import numpy as np

from .batch import AGREE, COMPATIBLE, CONFLICT, UNKNOWN, Readings, Sums, py_map
from .evidence import READERS, Evidence

SCORED = ("agree", "compatible", "conflict")
DEGREES = ("value", "context", "sentence", "moment")  # readers whose evidence is a degree: weighed by strength
WORDS = ("noun", "verb", "context")  # readers of wording: their conflict weighs apart where the values are equal


def feature_names() -> list[str]:
    base = [name for read in READERS for name in
            ((f"{read.__name__}:strength", *(f"{read.__name__}:{v}" for v in SCORED)) if read.__name__ in DEGREES
             else (f"{read.__name__}:{v}" for v in SCORED))]
    return base + [f"date*{name}" for name in base] + ["date"] + [f"same value*{r}:conflict" for r in WORDS]


def features(evidence: Sequence[Evidence], is_date: bool) -> list[float]:
    base: list[float] = []
    for e in evidence:
        known = e.verdict != "unknown"
        if e.reader in DEGREES:
            base.append(e.strength if known else 0.0)
        base += [float(e.verdict == v) for v in SCORED]
    d = 1.0 if is_date else 0.0
    verdict = {e.reader: e.verdict for e in evidence}
    same = verdict["value"] == "agree"
    return base + [x * d for x in base] + [d] + [float(same and verdict[r] == "conflict") for r in WORDS]


def feature_columns(readings: Readings, is_date: np.ndarray) -> Iterator[np.ndarray]:
    """The columns of `features` for many pairs at once (batch.read_all's readings), in `feature_names` order."""
    codes = {"agree": AGREE, "compatible": COMPATIBLE, "conflict": CONFLICT}
    base: list[np.ndarray] = []
    for read in READERS:
        verdict = readings.verdict[read.__name__]
        known = verdict != UNKNOWN
        if read.__name__ in DEGREES:
            base.append(np.where(known, readings.strength[read.__name__], 0.0))
        base += [(verdict == codes[v]).astype(float) for v in SCORED]
    yield from base
    d = is_date.astype(float)
    for x in base:
        yield x * d
    yield d
    same = readings.verdict["value"] == AGREE
    for r in WORDS:
        yield (same & (readings.verdict[r] == CONFLICT)).astype(float)


def feature_matrix(readings: Readings, is_date: np.ndarray) -> np.ndarray:
    """`features` of many pairs: one row per pair."""
    return np.column_stack(list(feature_columns(readings, is_date))) if len(is_date) \
        else np.zeros((0, len(feature_names())))


def second_features(first: float, mutual: bool, one_sided: bool, low: float, high: float) -> list[float]:
    """The second model's input: the first probability (as log-odds), whether each claim is the other's best
    candidate in the other's article (both, one), and the smaller and larger of the two margins."""
    p = min(max(first, 1e-6), 1 - 1e-6)
    return [math.log(p / (1 - p)), float(mutual), float(one_sided), low, high]


def best_match(inputs: Sequence[float]) -> Evidence:
    """What the second model reads of a pair (`second_features`), as evidence a report can show: whether each claim
    is the other's best match in the other's article (agree), one of them only (compatible), or neither (conflict:
    each has a better one there), with the margins by which they win or lose."""
    _, mutual, one_sided, low, high = inputs
    margins = f"margins {low:+.2f}, {high:+.2f}"
    if mutual:
        return Evidence("best match", "agree", 1.0, f"each the other's best match in its article; {margins}")
    if one_sided:
        return Evidence("best match", "compatible", 1.0, f"the best match one way only; {margins}")
    return Evidence("best match", "conflict", 1.0, f"each has a better match in the other's article; {margins}")


def second_columns(first: np.ndarray, low: np.ndarray, high: np.ndarray) -> list[np.ndarray]:
    """`second_features` of many pairs, as columns."""
    p = np.clip(first, 1e-6, 1 - 1e-6)
    return [py_map(math.log, p / (1 - p)), (low >= 0).astype(float), (high >= 0).astype(float), low, high]


@dataclass(frozen=True)
class Model:
    coef: tuple[float, ...]
    intercept: float

    def probability(self, x: Sequence[float]) -> float:
        z = self.intercept + sum(w * v for w, v in zip(self.coef, x))
        return float(_logistic(np.array([z]))[0])

    def probabilities(self, columns: Iterable[np.ndarray]) -> np.ndarray:
        """`probability` of many rows given as columns, to the last bit (sums as Python's `sum` adds)."""
        sums: Sums | None = None
        for w, x in zip(self.coef, columns):
            sums = sums or Sums(len(x))
            sums.add(w * x)
        if sums is None:
            raise ValueError("no features")
        return _logistic(self.intercept + sums.result())


def _logistic(z: np.ndarray) -> np.ndarray:
    """1 / (1 + e^-z), z held within ±40; e^-z by Python's math.exp, to the last bit."""
    return 1.0 / (1.0 + py_map(math.exp, -np.clip(z, -40.0, 40.0)))


@dataclass(frozen=True)
class Weights:
    first: Model
    second: Model
    join: float  # mean probability at which two groups are joined; a conflict less sure than this is only info
    error: float  # confidence from which a contradiction is an error (below: a warning)
    veto: tuple[str, ...]  # readers whose conflict keeps two claims apart whatever the rest says
    fitted_on: tuple[str, ...] = ()

    def to_json(self) -> str:
        return json.dumps({
            "features": feature_names(),
            "first": {"coef": [round(c, 6) for c in self.first.coef], "intercept": round(self.first.intercept, 6)},
            "second": {"coef": [round(c, 6) for c in self.second.coef], "intercept": round(self.second.intercept, 6)},
            "join": self.join, "error": self.error, "veto": list(self.veto),
            "fitted_on": list(self.fitted_on),
        }, indent=1) + "\n"


class WeightsError(ValueError):
    pass


def load_weights(path: Path | None = None) -> Weights:
    """Weights from a file the fitting script wrote; the packaged ones when no file is given."""
    name = str(path) if path else "the packaged weights"
    try:
        text = path.read_text() if path else resources.files(__package__).joinpath("weights.json").read_text()
        data = json.loads(text)
        if data["features"] != feature_names():
            raise WeightsError(f"{name}: fitted for other evidence features; fit again "
                               "(python -m haiti_claims.match.fit)")
        return Weights(first=Model(tuple(data["first"]["coef"]), data["first"]["intercept"]),
                       second=Model(tuple(data["second"]["coef"]), data["second"]["intercept"]),
                       join=float(data["join"]), error=float(data["error"]),
                       veto=tuple(data["veto"]), fitted_on=tuple(data.get("fitted_on", ())))
    except (OSError, ValueError, KeyError, TypeError) as exc:
        if isinstance(exc, WeightsError):
            raise
        raise WeightsError(f"{name}: not a weights file ({exc})") from None
