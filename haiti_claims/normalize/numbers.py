"""Numbers as written ("nearly 1,000", "$600m", "two hundred", "between 20 and 30") to intervals.

Hedges widen an exact figure into an interval; how far is set by `Tolerances`:

| hedge      | words                                              | interval              |
|------------|----------------------------------------------------|-----------------------|
| about      | about, around, approximately, roughly, some, ~     | n ± about·n           |
| nearly     | nearly, almost, close to, just under               | [n − nearly·n, n]     |
| just over  | just over, slightly more than                      | [n, n + just_over·n]  |
| over       | more than, over, above, in excess of, upwards of   | [n, open]             |
| at least   | at least, no fewer than, a minimum of              | [n, open]             |
| under      | less than, fewer than, under, below                | [open, n]             |
| up to      | up to, as many as, at most, no more than           | [open, n]             |
| between    | between a and b, from a to b, a to b, a-b          | [a, b]                |
| vague      | dozens, hundreds, thousands, tens of thousands     | [2·unit, 10·unit − 1] |

Figures written with a scale word ("1.5 million") are taken to be rounded to their
last digit: 1.5 million is [1.45, 1.55] million.
"""
from __future__ import annotations

import re

from ..config import Tolerances
from ..model import NumberValue

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12, "lakh": 1e5, "crore": 1e7}
VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9}

HEDGES: dict[str, str] = {}
for _name, _phrases in {
    "about": "about|around|approximately|approx|roughly|some|an estimated|estimated|circa|~|or so|"
             "in the region of|on the order of|nearly about",
    "nearly": "nearly|almost|close to|just under|just shy of|nearing|just below|not quite",
    "just over": "just over|slightly more than|a little over|just above|slightly over|a little more than",
    "over": "more than|over|above|in excess of|upwards of|exceeding|greater than|higher than|well over|"
            "well above|north of",
    "at least": "at least|no fewer than|no less than|a minimum of|minimum of|not less than|not fewer than",
    "under": "less than|fewer than|under|below|lower than|well under|well below",
    "up to": "up to|as many as|as much as|at most|no more than|a maximum of|maximum of|not more than|"
             "a total of up to",
}.items():
    for _phrase in _phrases.split("|"):
        HEDGES[_phrase] = _name
HEDGE_WORDS = sorted(HEDGES, key=len, reverse=True)

_SPACE_IN_NUMBER = re.compile(r"(?<=\d)[\u00a0\u202f\u2009\u2007'](?=\d{3}\b)")
_TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[a-z]+|[$€£¥%~]|[-–—/]")
_RANGE = re.compile(r"^(?:between\s+(?P<a>.+?)\s+and\s+(?P<b>.+)|from\s+(?P<c>.+?)\s+to\s+(?P<d>.+)|"
                    r"(?P<e>.+?)\s*(?:-|–|—|\bto\b)\s*(?P<f>.+))$")


def clean(text: str) -> str:
    """Lower case, digit groups joined ("1 000" with a no-break space), hyphens in words spaced."""
    text = _SPACE_IN_NUMBER.sub("", text.lower())
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)  # twenty-five, two-thirds
    text = re.sub(r"\bhalf an? (?=hundred|thousand|million|billion|trillion|dozen)", "0.5 ", text)
    return re.sub(r"\s+", " ", text).strip()


def parse_figure(text: str) -> tuple[float, float] | None:
    """The value of one figure and its rounding step ("1.5 million" -> (1.5e6, 1e5)); None if no figure.

    Words that are not part of a number (currency, units) are ignored around it.
    """
    total = 0.0
    current: float | None = None
    step = 1.0
    seen = False
    for tok in _TOKEN.findall(clean(text)):
        if tok[0].isdigit():
            if seen and current is not None:
                return None  # two figures side by side: not one number
            digits = tok.replace(",", "")
            if digits.count(".") > 1:
                return None
            current = float(digits)
            decimals = len(digits.split(".")[1]) if "." in digits else 0
            step = 10.0 ** -decimals
            seen = True
        elif tok in UNITS or tok in TENS:
            value = UNITS.get(tok, TENS.get(tok, 0))
            current = (current or 0.0) + value
            step, seen = 1.0, True
        elif tok == "dozen":
            current = (current if current is not None else 1.0) * 12
            seen = True
        elif tok in ("a", "an") and not seen:
            current = None  # "a million", "a dozen": the scale word supplies the 1
        elif tok in SCALES and (seen or tok in ("hundred", "thousand", "million", "billion", "trillion")):
            base = current if current is not None else 1.0
            scale = SCALES[tok]
            if scale == 1e2:
                current = base * scale
                step = 1.0 if step >= 1 else step * scale
            else:
                total += base * scale
                step = step * scale
                current = None
            seen = True
        elif tok == "and" and seen:
            continue
        elif seen and tok not in ("$", "€", "£", "¥", "%"):
            break
    if not seen:
        return None
    return total + (current or 0.0), step


def _split_hedge(text: str) -> tuple[str | None, str]:
    for phrase in HEDGE_WORDS:
        if text.startswith(phrase + " ") or (phrase == "~" and text.startswith("~")):
            return HEDGES[phrase], text[len(phrase):].strip()
    if text.endswith(" or so"):
        return "about", text[: -len(" or so")]
    return None, text


def _vague(text: str) -> tuple[float, float] | None:
    """"tens of thousands" -> [20000, 99999]; "hundreds" -> [200, 999]."""
    words = text.replace(" of ", " ").split()
    if not words or words[0] not in VAGUE | {"tens": 10}:
        return None
    unit = 1.0
    for w in words:
        if w == "tens":
            unit *= 10
        elif w in VAGUE:
            unit *= VAGUE[w]
        else:
            break
    return 2 * unit, 10 * unit - 1


def number_value(text: str, tolerances: Tolerances, unit: str | None = None) -> NumberValue | None:
    """The interval a mention states, or None when it states no number."""
    body = clean(text)
    hedge, body = _split_hedge(body)
    body = re.sub(r"^(?:a|an|the)\s+", "", body) if not re.match(r"^an? (?:dozen|hundred|thousand|million|billion)", body) else body
    if (vague := _vague(body)) is not None:
        return NumberValue(low=vague[0], high=vague[1], nominal=None, unit=unit, hedge=hedge or "vague")
    if hedge is None and (match := _RANGE.match(body)):
        a_text, b_text = [g for g in match.groups() if g is not None]
        a, b = parse_figure(a_text), parse_figure(b_text)
        if a and b:
            low, high = a[0], b[0]
            if not any(w in a_text for w in SCALES) and any(w in b_text.split() for w in SCALES):
                scale = next(SCALES[w] for w in b_text.split() if w in SCALES)
                if low * scale <= high:
                    low *= scale
            if low <= high:
                return NumberValue(low=low, high=high, nominal=None, unit=unit, hedge="between")
            return None
    figure = parse_figure(body)
    if figure is None:
        return None
    n, step = figure
    exact_low, exact_high = (n - step / 2, n + step / 2) if step > 1 else (n, n)
    t = tolerances
    rules = {
        None: (exact_low, exact_high),
        "about": (n * (1 - t.about), n * (1 + t.about)),
        "nearly": (n * (1 - t.nearly), n),
        "just over": (n, n * (1 + t.just_over)),
        "over": (n, None),
        "at least": (n, None),
        "under": (None, n),
        "up to": (None, n),
    }
    low, high = rules[hedge]
    return NumberValue(low=_tidy(low), high=_tidy(high), nominal=_tidy(n), unit=unit, hedge=hedge)


def _tidy(x: float | None) -> float | None:
    """Round away float noise (1.1 * 400 = 440.00000000000006) so reports stay readable."""
    if x is None:
        return None
    r = round(x, 9)
    return float(int(r)) if r == int(r) else r
