"""Turning the words of a mention into values: numbers to intervals, dates to day ranges."""
from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from ..config import Tolerances
from ..model import DateValue, Value
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
