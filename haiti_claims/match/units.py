"""Units of one dimension, so "984 feet" and "300 metres" are one length (pint's unit registry).

pint loads in about a third of a second, so it is loaded only when a measurement is met. A
currency is a dimension of its own: sums in dollars and euros may be grouped, never converted.
"""
from __future__ import annotations

from functools import lru_cache
from typing import NamedTuple

from ..model import Claim, NumberValue


POWERS = {"square": 2, "cubic": 3}  # the lexicon's names of areas and volumes: "square mile", "cubic metre"
# the size of a change in a rate ("cut by 25 basis points", "a quarter of a percentage point"), which pint lacks: a
# dimension of its own, never a rate ("4.25%") nor any other ratio
POINTS = ("percentage_point = [rate_change]", "basis_point = 0.01 * percentage_point")


@lru_cache(maxsize=1)
def _registry():  # type: ignore[no-untyped-def]
    import pint

    registry = pint.UnitRegistry()
    for definition in POINTS:
        registry.define(definition)
    return registry


TEMPERATURE = "[temperature]"
INTERVAL_REFERENCE = {TEMPERATURE: "degree_Celsius"}  # scales whose zero is arbitrary, read in the unit news writes


class Base(NamedTuple):
    """How a unit's figures read in its dimension's reference unit: x in the unit is x * factor + offset there."""

    dimension: str
    factor: float
    offset: float = 0.0


@lru_cache(maxsize=512)
def base(unit: str) -> Base | None:
    """A unit's dimension and its conversion to the dimension's reference unit, or None if pint does not know it.

    The reference is pint's base unit, but for a scale whose zero is arbitrary: a temperature is read in degrees
    Celsius, shifted as well as scaled (111F is 43.9C), since figures are compared by their ratios and per cent,
    which in kelvin would put 40C and 44C 1 % apart."""
    power = POWERS.get(unit.split(" ", 1)[0])
    name = unit.split(" ", 1)[1] if power else unit  # "square kilometre": pint's kilometre ** 2
    name = name.replace(" per ", "/").replace(" ", "_")  # "kilometre per hour": kilometre/hour
    try:
        quantity = _registry().Quantity(1.0, name)
        dimension = str(quantity.dimensionality)
        if dimension in INTERVAL_REFERENCE and not power:
            zero, one = (float(_registry().Quantity(x, name).to(INTERVAL_REFERENCE[dimension]).magnitude)
                         for x in (0.0, 1.0))
            return Base(dimension, one - zero, zero)
        converted = (quantity ** (power or 1)).to_base_units()
    except Exception:  # pint raises several error types for names it does not know
        return None
    return Base(str(converted.dimensionality), float(converted.magnitude))


def dimension(claim: Claim) -> str:
    """What a claim measures, for blocking: its kind, and for a measurement the unit's dimension."""
    unit = getattr(claim.value, "unit", None)
    if claim.kind == "quantity" and unit:
        known = base(unit)
        return f"quantity:{known.dimension if known else unit}"
    return claim.kind


def in_base_units(claim: Claim) -> tuple[str, float] | None:
    """(dimension, the figure in base units), or None for a date or an open figure."""
    value = claim.value
    if not isinstance(value, NumberValue):
        return None
    figure = value.nominal if value.nominal is not None else value.low if value.low is not None else value.high
    if figure is None:
        return None
    if claim.kind == "quantity" and value.unit and (known := base(value.unit)):
        return known.dimension, figure * known.factor + known.offset
    if claim.kind in ("quantity", "money"):  # an unknown unit, a currency: only the same one compares
        return f"{claim.kind}:{value.unit}", figure
    return claim.kind, figure
