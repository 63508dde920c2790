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
| vague      | dozens, hundreds, tens of thousands, a few / several hundred | [2·unit, 10·unit − 1] |

Figures written with a scale word ("1.5 million") are taken to be rounded to their
last digit: 1.5 million is [1.45, 1.55] million.
"""
from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass

from ..config import Tolerances
from ..model import NumberValue

UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen".split())}
TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
SCALES = {"hundred": 1e2, "thousand": 1e3, "million": 1e6, "billion": 1e9, "trillion": 1e12,
          "k": 1e3, "m": 1e6, "mn": 1e6, "mln": 1e6, "mil": 1e6, "bn": 1e9, "bln": 1e9, "b": 1e9, "tn": 1e12,
          "tln": 1e12, "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7}
SIGNS = {"-", "minus", "negative"}
ZEROS = {"nought", "naught"}  # only as digits of a spoken decimal: "nought point five", "nine point nought four"
WORD_SCALES = {"hundred", "thousand", "million", "billion", "trillion", "lakh", "lakhs", "crore", "crores"}
UNIT_ORDINALS = {w: float(i) for i, w in enumerate(
    "_ first second third fourth fifth sixth seventh eighth ninth".split()) if w != "_"}
FRACTIONS = {w: float(d) for w, d in [
    ("half", 2), ("third", 3), ("quarter", 4), ("fourth", 4), ("fifth", 5), ("sixth", 6), ("seventh", 7),
    ("eighth", 8), ("ninth", 9), ("tenth", 10), ("eleventh", 11), ("twelfth", 12), ("thirteenth", 13),
    ("fourteenth", 14), ("fifteenth", 15), ("sixteenth", 16), ("seventeenth", 17), ("eighteenth", 18),
    ("nineteenth", 19), ("twentieth", 20), ("thirtieth", 30), ("fortieth", 40), ("fiftieth", 50), ("sixtieth", 60),
    ("seventieth", 70), ("eightieth", 80), ("ninetieth", 90), ("hundredth", 100),
    ("thousandth", 1e3), ("millionth", 1e6), ("billionth", 1e9), ("trillionth", 1e12)]}
# the ordinal words that end a written ordinal ("one hundred fifth"): "half" and "quarter" are fractions only
ORDINAL_ENDS = UNIT_ORDINALS | {w: d for w, d in FRACTIONS.items() if w not in ("half", "quarter")}
DOZENS = {"dozen", "dozens", "doz", "dozs", "dz", "dzs"}  # "3 dzs"
VAGUE = {"dozens": 12, "scores": 20, "hundreds": 100, "thousands": 1e3, "millions": 1e6, "billions": 1e9}

HEDGES: dict[str, str] = {}
for _name, _phrases in {
    "about": "about|around|approximately|approx|roughly|some|an estimated|estimated|circa|~|or so|"
             "in the region of|on the order of|nearly about",
    "nearly": "nearly|almost|close to|just under|just shy of|nearing|just below|not quite",
    "just over": "just over|slightly more than|a little over|just above|slightly over|a little more than",
    "over": "more than|over|above|in excess of|upwards of|exceeding|greater than|higher than|well over|"
            "well above|north of|larger than|bigger than|exceed|exceeds|exceeded|surpass|surpassed|surpassing|"
            "topping|>",
    "at least": "at least|no fewer than|no less than|a minimum of|minimum of|not less than|not fewer than|"
                "greater than or equal to|more than or equal to|equal to or more than|equal to or greater than|"
                "at least or equal to|bigger or equal than|higher or equal than|larger or equal than|"
                "greater or equal than|>=|> =|≥",
    "under": "less than|fewer than|under|below|lower than|well under|well below|smaller than|<",
    "up to": "up to|as many as|as much as|at most|no more than|a maximum of|maximum of|not more than|"
             "a total of up to|less than or equal to|fewer than or equal to|equal to or less than|"
             "equal to or fewer than|smaller or equal than|less or equal than|lower or equal than|<=|< =|≤",
    "exactly": "exactly|precisely|equal to|equals|equals to|a total of",
    "vague": "a few|several",  # of a bare scale word only: "a few hundred", "several thousand" (`_few_of`)
}.items():
    for _phrase in _phrases.split("|"):
        HEDGES[_phrase] = _name
# hedges written after the figure: "200 or more", "5,000 or less"
SUFFIX_HEDGES = {"or more": "at least", "or greater": "at least", "and more": "at least", "and above": "at least",
                 "or above": "at least", "or higher": "at least", "or over": "at least", "or less": "up to",
                 "or fewer": "up to", "or below": "up to", "or under": "up to", "or lower": "up to", "or so": "about"}
SYMBOL_HEDGES = {p for p in HEDGES if not p[0].isalpha()}
HEDGE_WORDS = sorted(HEDGES, key=len, reverse=True)

_SPACE_IN_NUMBER = re.compile(r"(?<=\d)[\u00a0\u202f\u2009\u2007'](?=\d{3}\b)")
SPACED_GROUPS = re.compile(r"(?<![\d.,])\d{1,3}(?: \d{3})+(?!\d|,\d)")  # 1 234 567
SCIENTIFIC = r"\d+(?:\.\d+)?e[-+]?\d+"  # 1.3e6
# after a currency sign $2.174T is a trillion and $1MM a million (278,000 t are tonnes)
CURRENCY_SCALES = {"t": "tn", "mm": "m"}
VULGAR_FRACTIONS = "¼½¾⅐⅑⅒⅓⅔⅕⅖⅗⅘⅙⅚⅛⅜⅝⅞"
_TOKEN = re.compile(rf"{SCIENTIFIC}(?![a-z])|\d+(?:[.,]\d+)*|\.\d+|[a-z]+|[$€£¥%~]|[-–—/^+×±]")
_RANGE = re.compile(r"^(?:between\s+(?P<a>.+?)\s+and\s+(?P<b>.+)|from\s+(?P<c>.+?)\s+to\s+(?P<d>.+)|"
                    r"(?P<e>.+?)\s*(?:(?<!\de)(?<!\^)(?<![x×]10)-|–|—|~|\bto\b|\bthrough\b)\s*(?P<f>.+))$")
# (the hyphen of a range, not the minus of 1e-3, 2^-1, 5.5x10-3)


def hyphen_joins(before: str, after: str) -> bool:
    """Whether a hyphen written apart between two words joins them into one figure: "fifty - two" and
    "five - eighths" as text tokenised word by word writes them (not "twenty - thirty", a range)."""
    before, after = before.lower(), after.lower()
    return (before in TENS and 0 < UNITS.get(after, 0) < 10) or \
        ((before in UNITS or before in TENS) and denominator(after) is not None)


def clean(text: str) -> str:
    """Lower case, digit groups joined ("1 000", "40 000"), hyphens in words spaced, "½" as "1/2"."""
    text = re.sub(f"[{VULGAR_FRACTIONS}]", lambda m: " " + unicodedata.normalize("NFKC", m.group()), text)
    text = text.replace("\u2044", "/").replace("\u2212", "-")  # the fraction slash of "1⁄3", the minus of "−5"
    text = re.sub(r"(?<=[$€£¥])(\s?\d+(?:[.,]\d+)*)(t|mm)\b",
                  lambda m: m.group(1) + CURRENCY_SCALES[m.group(2).lower()], text, flags=re.I)
    text = SPACED_GROUPS.sub(lambda m: re.sub(r"\s", "", m.group()), _SPACE_IN_NUMBER.sub("", text.lower()))
    text = re.sub(r"\s+", " ", text)
    text = re.sub(r"(?<=[a-z])-(?=[a-z])", " ", text)  # twenty-five, two-thirds
    text = re.sub(rf"(?<=\d)-(?=(?:{'|'.join(WORD_SCALES)})\b)", " ", text)  # $5-million
    text = re.sub(r"\b([a-z]+) [-–] (?=([a-z]+))",
                  lambda m: m.group(1) + " " if hyphen_joins(*m.groups()) else m.group(), text)  # fifty - two
    return text.strip()


def words(text: str) -> list[str]:
    """The words a figure is read from: digit groups, letters, symbols."""
    return _TOKEN.findall(clean(text))


@dataclass(frozen=True)
class Figure:
    """A figure read from the start of a list of words."""

    value: float
    step: float  # the rounding step of its last digit: "1.5 million" -> 100,000
    used: int  # how many words it took


def _digits(word: str) -> float | None:
    """ "1,000" -> 1000, "2.5" -> 2.5, ".08" -> 0.08, "5,00" (a decimal comma) -> 5; None if not a figure."""
    if re.fullmatch(rf"\d{{1,3}}(?:,\d{{3}})+(?:\.\d+)?|\d*\.?\d+|{SCIENTIFIC}", word):
        value = float(word.replace(",", ""))
        return value if math.isfinite(value) else None  # not 1e400
    if re.fullmatch(r"\d+,\d{1,2}", word):
        return float(word.replace(",", "."))
    return None


def _decimals(word: str) -> int:
    return len(re.split(r"[.,]", word)[-1]) if re.search(r"[.,]\d{1,2}$|\.\d+$", word) else 0


def denominator(word: str) -> float | None:
    """ "thirds" -> 3, "half" -> 2, "hundredths" -> 100: the word under a fraction."""
    if word == "halves":
        return 2.0
    return FRACTIONS.get(word) or (FRACTIONS.get(word[:-1]) if word.endswith("s") else None)


def compound_denominator(ws: list[str], i: int, numerator: float) -> float | None:
    """ "twenty-fifth", "thirty-seconds" at ws[i:i+2]: the denominator 25, 32 of a fraction whose numerator is
    read; plural unless the numerator is one ("one twenty-fifth", "three twenty-firsts")."""
    if ws[i] not in TENS or i + 1 >= len(ws):
        return None
    word = ws[i + 1]
    unit = UNIT_ORDINALS.get(word) if numerator == 1 else None
    if unit is None and word.endswith("s"):
        unit = UNIT_ORDINALS.get(word[:-1])
    return None if unit is None else TENS[ws[i]] + unit


def scaled_denominator(ws: list[str], i: int, numerator: float) -> tuple[float, int] | None:
    """ "one hundred fifth", "one hundred and fifth", "one thousand fifths" at ws[i:]: the denominator of a
    fraction written as an ordinal whose cardinal part ends in a scale word (105, 1005) and how many words it
    takes; plural unless the numerator is one ("one one hundred fifth", "one hundred one thousand fifths")."""
    j = i
    while j < len(ws) and (ws[j] in UNITS or ws[j] in TENS or ws[j] in WORD_SCALES or (ws[j] == "and" and j > i)):
        j += 1
    cardinal_end = j - 1 if ws[j - 1] == "and" else j
    if j >= len(ws) or ws[cardinal_end - 1] not in WORD_SCALES:
        return None
    plural = ws[j] not in ORDINAL_ENDS and ws[j][:-1] in ORDINAL_ENDS and ws[j].endswith("s")
    unit = ORDINAL_ENDS.get(ws[j][:-1] if plural else ws[j])
    cardinal = read_figure(ws[i:cardinal_end])
    if unit is None or plural == (numerator == 1) or cardinal is None or cardinal.used != cardinal_end - i:
        return None
    return cardinal.value + unit, j - i + 1


def one_word_number(word: str) -> float | None:
    """A number written as one word or digit group: "three", "twenty", "3"."""
    return UNITS.get(word, TENS.get(word)) if word in UNITS or word in TENS else _digits(word)


def _digit_fraction(ws: list[str], i: int) -> float | None:
    """ "3/4" at ws[i:i+3]: a proper fraction with a denominator up to ten (not "24/7" nor "9/11")."""
    if i + 2 < len(ws) and ws[i + 1] == "/" and ws[i].isdigit() and ws[i + 2].isdigit():
        num, den = int(ws[i]), int(ws[i + 2])
        if 0 < num < den and (den <= 10 or num == 1):  # 3/4, 1/40
            return num / den
    return None


class _Reader:
    """Reads one figure word by word: "one hundred and three and two thirds", "4 thousand 3 hundred",
    "two point five", "a dozen", "2 1/4". The state is the figure so far and what may still follow."""

    def __init__(self, ws: list[str]):
        self.ws = ws
        self.total = 0.0  # groups closed by a scale word ("two thousand ...")
        self.current: float | None = None  # the group being read
        self.room = math.inf  # a number read next must be below this ("hundred and 21": 100)
        self.scale = math.inf  # a scale word read next must be below this
        self.step = 1.0
        self.mark = 0.0  # the value before the last "and": a fraction after it counts from there
        self.unit = 1.0  # what a fraction after "and" is a fraction of: "3 million and a half" is 3.5 million
        self.one = False  # "a"/"an" read: the next word's count is one
        self.used = 0
        self.ordinal = False  # the words end in an ordinal ("one hundred fifth"): no figure at all

    @property
    def value(self) -> float:
        return self.total + (self.current or 0.0)

    def read(self) -> Figure | None:
        i = 0
        while i < len(self.ws):
            took = self._word(i)
            if took == 0:
                break
            i += took
        if not self.used or self.ordinal:
            return None
        return Figure(self.value, self.step, self.used)

    def _add(self, n: float, step: float, room: float, i: int, width: int = 1) -> int:
        self.current = (self.current or 0.0) + n
        self.step, self.room, self.one, self.used = step, room, False, i + width
        return width

    def _word(self, i: int) -> int:
        """Read the word at i (and any it needs after it); return how many were taken, 0 to stop."""
        w = self.ws[i]
        after_and = i > 0 and self.ws[i - 1] == "and"
        if after_and and (n := one_word_number(w)) is not None and i + 1 < len(self.ws) \
                and (d := denominator(self.ws[i + 1])) is not None and n < d:  # "one hundred and three and two thirds"
            unit = self._fraction_unit(i + 2)
            return self._add(n / d * unit, unit / d, 0, i, 2)
        numerator = 1.0 if self.one else self.value - self.mark
        if (self.used or self.one) and not after_and and (d := compound_denominator(self.ws, i, numerator)):
            return self._fraction(i, d, 2)  # "one twenty-fifth", "a twenty-first", "one hundred thirty-fifths"
        if self.used and not after_and and (w in UNITS or w in TENS) and not (w in UNITS and self.ws[i - 1] in TENS) \
                and (scaled := scaled_denominator(self.ws, i, numerator)):  # not inside "ninety five hundred fifths"
            return self._fraction(i, *scaled)  # "one one hundred fifth"
        fraction = _digit_fraction(self.ws, i)
        if fraction is not None:
            whole = self.current is not None and self.current == int(self.current) and self.room == 0
            if self.current is None or whole:
                return self._add(fraction, 1.0, 0, i, 3)
            return 0
        if (n := _digits(w)) is not None:
            if (self.current is not None or self.total) and (n >= self.room or n != int(n)):
                return 0  # "3 hundred and 2.12 hundred" are two figures
            return self._add(n, 10.0 ** -_decimals(w), 0, i)
        if w in UNITS or w in TENS:
            if w in TENS and self.ws[i + 1:i + 2] and self.ws[i + 1] in UNIT_ORDINALS:
                self.ordinal = self._ends_a_scale(i)  # "one hundred twenty-first"
                return 0  # an ordinal: "the twenty-first century"
            n = UNITS.get(w, TENS.get(w, 0))
            if (self.current is not None or self.total) and n >= self.room:
                return 0
            return self._add(n, 1.0, 10 if w in TENS else 0, i)
        if w == "hundred" and (self.current is None or self.current < 100 or self.one
                               or _digits(self.ws[i - 1]) == self.current):  # 322 hundred
            self.current = (self.current if self.current is not None else 1.0) * 100
            self.step = 1.0 if self.step >= 1 else self.step * 100
            self.room, self.one, self.used = 100, False, i + 1
            return 1
        if w in SCALES and w != "hundred" and SCALES[w] < self.scale and (self.used or self.one or w in WORD_SCALES):
            base = self.current if self.current is not None else 1.0
            self.total += base * SCALES[w]
            self.step *= SCALES[w]
            self.current, self.room, self.scale, self.one, self.used = None, SCALES[w], SCALES[w], False, i + 1
            return 1
        if w in WORD_SCALES and self.current is None and self.total and SCALES[w] > self.scale:
            self.total *= SCALES[w]  # three lakh crore, two thousand million
            self.step *= SCALES[w]
            self.room, self.scale, self.used = SCALES[w], SCALES[w], i + 1
            return 1
        if w in DOZENS and (self.used or self.one):
            dozens = 1.0 if self.one else self.value - self.mark
            self.total, self.current = 0.0, self.mark + 12 * dozens
            self.room, self.one, self.used = 0, False, i + 1
            return 1
        if w == "and" and self.used:
            self.mark = self.value
            self.unit = self.scale if self.current is None and self.scale < math.inf else 1.0
            return 1
        if w in ("half", "quarter") and not self.used and self.ws[i + 1:i + 2] \
                and self.ws[i + 1] in WORD_SCALES - {"hundred"}:  # half million, quarter million
            self.current, self.step, self.used = 1 / denominator(w), 0.1, i + 1
            return 1
        if w == "half" and not self.used and self.ws[i + 1:i + 2] in (["a"], ["an"]) \
                and self.ws[i + 2:i + 3] and self.ws[i + 2] in WORD_SCALES | {"dozen"}:  # half a million
            self.current, self.step, self.used = 0.5, 0.1, i + 2
            return 2
        if w in ("a", "an") and (not self.used or self.ws[i - 1] == "and") and i + 1 < len(self.ws) \
                and (self.ws[i + 1] in SCALES or self.ws[i + 1] in ("dozen", "half") or denominator(self.ws[i + 1])
                     or compound_denominator(self.ws, i + 1, 1)):
            self.one = True
            return 1
        if w == "half" and not self.used and not self.one:
            return self._add(0.5, 0.1, 0, i)  # "more than half" (number_value reads it only so hedged)
        if w == "quarter" and not self.used and not self.one and self.ws[i + 1:i + 2] == ["point"]:
            return self._add(0.25, 0.025, 0, i)  # "a quarter-point cut": a quarter of a point
        if w == "point" and self.used and self.current is not None:
            return self._point(i)
        if w == "^" and self.used and self.current is not None and not self.total:
            return self._power(i)
        if w in ("x", "×") and self.used and self.current is not None and not self.total:
            return self._times_ten(i)
        if w == "±" and self.used and i + 1 < len(self.ws) and _digits(self.ws[i + 1]) is not None:
            self.used = i + 2  # the margin after "2,000 ± 10": see margin()
            return 2
        if w in ZEROS and not self.used and self.ws[i + 1:i + 2] == ["point"]:
            return self._add(0.0, 1.0, 0, i)
        if (d := denominator(w)) is not None and (self.used or self.one):
            if w in ORDINAL_ENDS and (numerator if self.one or numerator < d else self.value) != 1:
                self.ordinal = self._ends_a_scale(i)  # "the one hundred fifth"; "two third-party candidates": 2
                return 0
            return self._fraction(i, d)
        return 0

    def _ends_a_scale(self, i: int) -> bool:
        """Whether the word before ws[i] (or before its "and") is a scale word: "one hundred (and) fifth" is one
        ordinal, where "two third-party" is a figure and a word."""
        before = self.ws[i - 2] if i > 1 and self.ws[i - 1] == "and" else self.ws[i - 1] if i else ""
        return before in WORD_SCALES

    def _fraction(self, i: int, d: float, width: int = 1) -> int:
        """The fraction whose denominator d is written at ws[i:i+width]; its numerator is what was read since
        the last "and" ("one and two thirds"), or all of the figure when that would make the fraction of a mixed
        number improper ("one hundred and thirty fifths" is 130/5, not 100 + 30/5)."""
        numerator = 1.0 if self.one else self.value - self.mark
        if not self.one and numerator >= d:
            self.mark, self.unit, numerator = 0.0, 1.0, self.value
        if numerator <= 0:
            return 0
        after = self.ws[i + width:i + width + 3]
        if after[:2] in (["of", "a"], ["of", "an"]) and after[2:] and after[2] in WORD_SCALES:  # thirds of a million
            width += 3
            self.unit = SCALES[self.ws[i + width - 1]]
        unit = self._fraction_unit(i + width)
        later_scale = unit != self.unit  # "a billion and a half million": the half is of the million
        self.total, self.current = (self.mark, 0.0) if later_scale else (0.0, None)
        return self._add((0.0 if later_scale else self.mark) + numerator / d * unit, unit / d, 0, i, width)

    def _fraction_unit(self, after: int) -> float:
        """What a fraction read after "and" is a fraction of: the scale before the "and" ("3 million and a
        half"), unless a smaller scale word follows the fraction ("a billion and a half million")."""
        if self.unit > 1 and after < len(self.ws) and SCALES.get(self.ws[after], math.inf) < self.scale:
            return 1.0
        return self.unit

    def _exponent(self, j: int) -> tuple[int, int] | None:
        """The whole power written from ws[j] ("23", "-1", "+23", "--23": signs multiply) and where it ends."""
        sign = 1
        while j < len(self.ws) and self.ws[j] in ("-", "+"):
            sign, j = (-sign if self.ws[j] == "-" else sign), j + 1
        if j >= len(self.ws) or not self.ws[j].isdigit():
            return None
        return sign * int(self.ws[j]), j + 1

    def _raise(self, i: int, base: float, exponent: tuple[int, int] | None) -> int:
        """Multiply the figure by base to a power read up to exponent's end; 0 when there is none or it overflows."""
        if exponent is None:
            return 0
        try:
            power = base ** exponent[0]
        except (OverflowError, ZeroDivisionError):
            return 0
        if not math.isfinite(power) or not math.isfinite(self.current * power):
            return 0
        self.current = power if base == self.current else self.current * power
        self.step, self.room, self.used = 0.0, 0, exponent[1]
        return exponent[1] - i

    def _power(self, i: int) -> int:
        """ "1.1^23", "2.5^-1", "1.1^+23": a figure raised to a whole power."""
        return self._raise(i, self.current, self._exponent(i + 1))

    def _times_ten(self, i: int) -> int:
        """ "5.5 x 10^-3", "2.48×10−5": a figure times a power of ten (not "a 3 x 10 room")."""
        j = i + 2
        if self.ws[i + 1:j] != ["10"] or j >= len(self.ws) or self.ws[j] not in ("^", "-", "+"):
            return 0
        return self._raise(i, 10.0, self._exponent(j + (self.ws[j] == "^")))

    def _point(self, i: int) -> int:
        """ "two point five", "two hundred point zero three": spoken decimals."""
        digits = ""
        j = i + 1
        while j < len(self.ws) and (self.ws[j] in UNITS or self.ws[j] in TENS or self.ws[j] in ZEROS):
            digits += str(UNITS.get(self.ws[j], TENS.get(self.ws[j], 0)))
            if self.ws[j] in TENS and j + 1 < len(self.ws) and UNITS.get(self.ws[j + 1], 10) < 10:
                digits = digits[:-1] + str(UNITS[self.ws[j + 1]])
                j += 1
            j += 1
        if not digits:
            return 0
        self.current = (self.current or 0.0) + float("0." + digits)
        self.step, self.room, self.used = 10.0 ** -len(digits), 0, j
        return j - i


def read_figure(ws: list[str]) -> Figure | None:
    """The figure written at the very start of `ws`, or None when they do not start with one."""
    return _Reader(ws).read()


def parse_figure(text: str) -> tuple[float, float] | None:
    """The value of the first figure in a text and its rounding step ("1.5 million" -> (1.5e6, 1e5)).

    Words that are not part of the number (currency, units) are passed over before it and end it.
    """
    ws = words(text)
    for i in range(len(ws)):
        if (figure := read_figure(ws[i:])) is not None:
            signed = i > 0 and ws[i - 1] in SIGNS and all(w in "$€£¥" for w in ws[:i - 1])
            return (-figure.value if signed else figure.value), figure.step
    return None


def _split_hedge(text: str) -> tuple[str | None, str]:
    """The hedge and the rest; a bound written after the figure wins ("about 500 or more" is at least 500)."""
    suffix = next((p for p in SUFFIX_HEDGES if text.endswith(" " + p)), None)
    body = text[: -len(suffix) - 1] if suffix else text
    for phrase in HEDGE_WORDS:
        if body.startswith(phrase + " ") or (phrase in SYMBOL_HEDGES and body.startswith(phrase)):
            return (SUFFIX_HEDGES[suffix] if suffix else HEDGES[phrase]), body[len(phrase):].strip()
    return (SUFFIX_HEDGES[suffix] if suffix else None), body


def _bounds(text: str, tolerances: Tolerances, unit: str | None) -> NumberValue | None:
    """ "above 1,000 and below 1,500", "at most 100 and at least 20": two open bounds that close each other."""
    parts = re.split(r",? (?:and|but)(?: also)? |, ", text, maxsplit=1)
    if len(parts) != 2:
        return None
    a, b = (number_value(p, tolerances, unit) for p in parts)
    if a is None or b is None or (a.low is None) == (b.low is None) or None not in (a.low, a.high) \
            or None not in (b.low, b.high):
        return None
    low, high = (a.low, b.high) if a.low is not None else (b.low, a.high)
    return NumberValue(low=low, high=high, nominal=None, unit=unit, hedge="between") if low <= high else None


ALTERNATIVE = r",? *or(?: (?:maybe|perhaps))?|,? *(?:maybe|perhaps)|,"  # the words between figures as alternatives
_ALTERNATIVES = re.compile(rf" *(?:{ALTERNATIVE}) +")


def _alternatives_as_range(body: str) -> str:
    """ "two or three million", "three, maybe four, five billion": figures given as alternatives, the last with a
    scale word, read as the range from the first to the last ("two to three million")."""
    parts = _ALTERNATIVES.split(body)
    if len(parts) < 2 or not any(w in SCALES for w in parts[-1].split()) \
            or any(w in SCALES for p in parts[:-1] for w in p.split()):
        return body
    return f"{parts[0]} to {parts[-1]}" if all(parse_figure(p.lstrip("$€£¥")) for p in parts[:-1]) else body


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


def _few_of(body: str) -> tuple[float, float] | None:
    """A bare scale word that "a few" or "several" counts: "hundred" -> [200, 999], as "hundreds"; "dozen" -> [24,
    119]."""
    words = body.split()
    unit = 12.0 if words[:1] and words[0] in DOZENS else SCALES.get(words[0]) if words and words[0] in WORD_SCALES \
        else None
    return (2 * unit, 10 * unit - 1) if unit is not None and len(words) == 1 else None


MAJOR_UNITS = "dollars?|euros?|pounds?"
MINOR_UNITS = "cents?|pence"
_WITH_CENTS = re.compile(rf"^(?P<major>.+?) (?:{MAJOR_UNITS}) (?:and )?(?P<minor>.+?)(?: (?:{MINOR_UNITS}))?$")


def margin(text: str) -> float | None:
    """The margin written after a figure: "2,000.45±0.01" -> 0.01, "52% ± 3" -> 3; None if none."""
    m = re.search(r"±\s*(\d+(?:[.,]\d+)*)", text)
    return _digits(m.group(1)) if m else None


def _whole_figure(text: str) -> float | None:
    """The figure a text is made of, None when it holds anything else ("between 5", "10 dollars")."""
    ws = words(text)
    figure = read_figure(ws)
    return figure.value if figure is not None and figure.used == len(ws) else None


def _with_cents(body: str, unit: str | None) -> NumberValue | None:
    """ "3 dollars 50 cents", "thirteen dollars and forty-five cents": one sum of money."""
    if not (m := _WITH_CENTS.match(body)):
        return None
    major, minor = _whole_figure(m.group("major")), _whole_figure(m.group("minor"))
    if major is None or minor is None or not 0 < minor < 100 or minor != int(minor):
        return None
    value = _tidy(major + minor / 100)
    return NumberValue(low=value, high=value, nominal=value, unit=unit, hedge=None)


_RATIO = re.compile(r"^(?P<sign>(?:-|minus|negative) )?(?P<a>.+?) (?:over|out of|in) (?P<b>.+)$")


def _ratio(body: str) -> tuple[float, float] | None:
    """ "one out of three", "2000 over 3", "1 in 5": the share a ratio of two figures states, as an exact figure."""
    if not (m := _RATIO.match(body)):
        return None
    a, b = _whole_figure(m.group("a")), _whole_figure(m.group("b"))
    if a is None or not b:
        return None
    return (-a if m.group("sign") else a) / b, 0.0


def number_value(text: str, tolerances: Tolerances, unit: str | None = None) -> NumberValue | None:
    """The interval a mention states, or None when it states no number."""
    body = clean(text)
    if (bounded := _bounds(body, tolerances, unit) or _with_cents(body, unit)) is not None:
        return bounded
    hedge, body = _split_hedge(body)
    if body == "half" and hedge is None:
        return None  # a way of speaking ("half the city"); a share only hedged: "more than half", "nearly half"
    if (vague := _vague(body) or (_few_of(body) if hedge == "vague" else None)) is not None:
        return NumberValue(low=vague[0], high=vague[1], nominal=None, unit=unit, hedge=hedge or "vague")
    if hedge == "vague":
        hedge = None  # "several 100-metre sprints": the figure as written
    body = _alternatives_as_range(body)
    if hedge in (None, "about", "exactly") and (match := _RANGE.match(body)):  # "about 20-30" is the range
        a_text, b_text = [g for g in match.groups() if g is not None]
        a, b = parse_figure(a_text), parse_figure(b_text)
        if a and b:
            low, high = a[0], b[0]
            if not any(w in a_text for w in SCALES) and any(w in b_text.split() for w in SCALES):
                scale = next(SCALES[w] for w in b_text.split() if w in SCALES)
                if low * scale <= high:
                    low *= scale
            if low > high and high < 0:  # from -18 to -34
                low, high = high, low
            if low <= high:
                return NumberValue(low=low, high=high, nominal=None, unit=unit, hedge="between")
            return None
    figure = _ratio(body) or parse_figure(body)
    if figure is None:
        return None
    n, step = figure
    if not math.isfinite(2 * n):  # too large to widen ("9e307 million")
        return None
    exact_low, exact_high = (n - step / 2, n + step / 2) if step > 1 else (n, n)
    if (plus_minus := margin(body)) is not None:
        exact_low, exact_high = n - plus_minus, n + plus_minus
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
        "exactly": (n, n),
    }
    low, high = rules[hedge]
    if low is not None and high is not None and low > high:  # a hedge widens a negative figure's magnitude
        low, high = high, low  # "nearly -10": -10 to -9
    return NumberValue(low=_tidy(low), high=_tidy(high), nominal=_tidy(n), unit=unit, hedge=hedge)


def _tidy(x: float | None) -> float | None:
    """Round away float noise (1.1 * 400 = 440.00000000000006) so reports stay readable."""
    if x is None:
        return None
    r = float(f"{x:.12g}")  # significant digits, so that a trillionth stays a trillionth
    return float(int(r)) if r == int(r) else r
