"""The template's units (MWh/a, t CO₂/a, EUR) from a number field's own unit.

A plan's number field says its unit in free text (“GWh/a”, “kt CO₂e/a”, “k€”); the
export multiplies its values into the template's unit, and the mapping refuses a field
whose unit it cannot read rather than guessing."""

from __future__ import annotations

import re
from decimal import Decimal

ENERGY = "energy"
EMISSIONS = "emissions"
MONEY = "money"

_FACTORS = {
    ENERGY: {"kwh": Decimal("0.001"), "mwh": Decimal(1), "gwh": Decimal(1000)},
    EMISSIONS: {"kg": Decimal("0.001"), "t": Decimal(1), "kt": Decimal(1000)},
    MONEY: {
        "€": Decimal(1),
        "eur": Decimal(1),
        "euro": Decimal(1),
        "euroa": Decimal(1),
        "k€": Decimal(1000),
        "keur": Decimal(1000),
        "1000€": Decimal(1000),
        "m€": Decimal(1000000),
        "meur": Decimal(1000000),
    },
}


def unit_factor(unit: str, quantity: str) -> Decimal | None:
    """How many of the template's unit one of ``unit`` is; None if it is not a unit of
    ``quantity`` that we know. “MWh/a”, “MWh / vuosi”, “t CO2e/a”, “tCO₂/v” all read."""
    text = re.sub(r"\s+", "", (unit or "").lower())
    text = text.split("/", 1)[0]
    if quantity == EMISSIONS:
        text = re.sub(r"co(2|₂)(e|-ekv\.?|ekv\.?)?$", "", text)
    return _FACTORS[quantity].get(text)
