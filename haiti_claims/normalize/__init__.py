"""Turning the words of a mention into values: numbers to intervals, dates to day ranges."""
from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING

from ..config import Tolerances
from ..model import DateValue, NumberValue, Value
from .dates import date_value
from .numbers import number_value

if TYPE_CHECKING:
    from ..extract import Mention


def value_of(mention: Mention, anchor: date | None, tolerances: Tolerances,
             told: DateValue | None = None) -> Value | None:
    """The value a mention states, or None when its words state none (it is then not a claim). `told` is the
    date the mention's sentence, or the one before, names last ("later that year" counts from it)."""
    if mention.family == "date":
        return date_value(mention.text, anchor, mention.tense, told)
    text = mention.text
    if mention.written_unit:  # "24703m2", "8- to 16-meter": the unit's letters and digits are no figure
        text = text.replace(mention.written_unit, " ")
    return number_value(text, tolerances, mention.unit)


_US_MARKED = re.compile(r"\bUS\$|\bU\.S\.|\bUSD\b|\bUS dollars?\b|\bAmerican dollars?\b", re.IGNORECASE)
_DOLLAR = re.compile(r"\$|\bdollars?\b", re.IGNORECASE)


def in_the_articles_dollars(valued: list[tuple[Mention, Value]]) -> list[tuple[Mention, Value]]:
    """An unmarked dollar is the article's own: where every dollar sum an article marks with its country is one
    country's other than the United States ("C$50,000"), its unmarked ones ("Five thousand dollars", "$2,000") are
    that country's too, as a Canadian paper writes them. An article that marks American dollars too ("US$35,000")
    keeps its unmarked ones American."""
    def dollar(m: Mention, v: Value) -> bool:
        return isinstance(v, NumberValue) and m.kind == "money" and bool(_DOLLAR.search(m.text))
    marked = {v.unit for m, v in valued if dollar(m, v) and (v.unit != "USD" or _US_MARKED.search(m.text))}
    if len(marked) != 1 or marked == {"USD"}:
        return valued
    (own,) = marked
    return [(m, replace(v, unit=own)) if dollar(m, v) and v.unit == "USD" else (m, v)  # type: ignore[type-var]
            for m, v in valued]
