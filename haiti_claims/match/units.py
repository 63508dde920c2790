"""Units of one dimension, so "984 feet" and "300 metres" are one length (pint's unit registry).

pint loads in about a third of a second, so it is loaded only when a measurement is met. A
currency is a dimension of its own: sums in dollars and euros may be grouped, never converted.
"""
from __future__ import annotations

from functools import lru_cache

from ..model import Claim, NumberValue


POWERS = {"square": 2, "cubic": 3}  # the lexicon's names of areas and volumes: "square mile", "cubic metre"


@lru_cache(maxsize=1)
def _registry():  # type: ignore[no-untyped-def]
    import pint

    return pint.UnitRegistry()


@lru_cache(maxsize=512)
def _base(unit: str) -> tuple[str, float] | None:
    """(dimension, factor to base units) of a unit name, or None if pint does not know it."""
    power = POWERS.get(unit.split(" ", 1)[0])
    name = unit.split(" ", 1)[1] if power else unit  # "square kilometre": pint's kilometre ** 2
    name = name.replace(" per ", "/").replace(" ", "_")  # "kilometre per hour": kilometre/hour
    try:
        quantity = _registry().Quantity(1.0, name) ** (power or 1)
        base = quantity.to_base_units()
    except Exception:  # pint raises several error types for names it does not know
        return None
    return str(base.dimensionality), float(base.magnitude)


def dimension(claim: Claim) -> str:
    """What a claim measures, for blocking: its kind, and for a measurement the unit's dimension."""
    unit = getattr(claim.value, "unit", None)
    if claim.kind == "quantity" and unit:
        known = _base(unit)
        return f"quantity:{known[0] if known else unit}"
    return claim.kind


def in_base_units(claim: Claim) -> tuple[str, float] | None:
    """(dimension, the figure in base units), or None for a date or an open figure."""
    value = claim.value
    if not isinstance(value, NumberValue):
        return None
    figure = value.nominal if value.nominal is not None else value.low if value.low is not None else value.high
    if figure is None:
        return None
    if claim.kind == "quantity" and value.unit and (known := _base(value.unit)):
        return known[0], figure * known[1]
    if claim.kind in ("quantity", "money"):  # an unknown unit, a currency: only the same one compares
        return f"{claim.kind}:{value.unit}", figure
    return claim.kind, figure
