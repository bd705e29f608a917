"""Amounts with units as rows and shoppers write them ("2 TB SSD", "750ml", "6 months", "at least 10 hours"),
read as numbers in one base unit per family so that values in different units compare."""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

__all__ = ["Bound", "amount", "bounds", "meets"]

# unit -> (family, factor to the family's base unit)
_UNITS = {
    "year": ("time", 8760.0), "yr": ("time", 8760.0), "month": ("time", 730.0), "mo": ("time", 730.0),
    "week": ("time", 168.0), "wk": ("time", 168.0), "day": ("time", 24.0), "hour": ("time", 1.0), "hr": ("time", 1.0),
    "h": ("time", 1.0), "minute": ("time", 1 / 60), "min": ("time", 1 / 60),
    "tb": ("data", 1024.0), "gb": ("data", 1.0), "mb": ("data", 1 / 1024),
    "l": ("volume", 1000.0), "liter": ("volume", 1000.0), "litre": ("volume", 1000.0), "ml": ("volume", 1.0),
    "in": ("length", 2.54), "inch": ("length", 2.54), '"': ("length", 2.54), "cm": ("length", 1.0),
    "mm": ("length", 0.1), "m": ("length", 100.0), "kg": ("mass", 1000.0), "g": ("mass", 1.0),
    "lb": ("mass", 453.6), "oz": ("mass", 28.35), "mah": ("charge", 1.0), "w": ("power", 1.0),
    "page": ("count", 1.0), "piece": ("count", 1.0), "": ("number", 1.0),
    "milliliter": ("volume", 1.0), "millilitre": ("volume", 1.0), "gram": ("mass", 1.0), "kilogram": ("mass", 1000.0),
    "pound": ("mass", 453.6), "ounce": ("mass", 28.35), "watt": ("power", 1.0), "inche": ("length", 2.54),
}
_NUMBER = re.compile(r"(\d+(?:[.,]\d+)?)\s*(\"|[a-z]+)?", re.IGNORECASE)
def amount(value) -> tuple[float, str] | None:
    """(number in the base unit of its family, family) of a row value: "2 TB SSD" -> (2048, "data"),
    "6 months" -> (4380, "time"), "lifetime" -> (inf, "time"); None when it holds no number."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        return float(value), "number"
    text = str(value).strip().lower()
    if text.startswith("lifetime"):
        return math.inf, "time"
    m = _NUMBER.search(text)
    if m is None:
        return None
    unit = (m.group(2) or "").lower()
    unit = unit if unit in _UNITS else unit.rstrip("s") if unit.rstrip("s") in _UNITS else unit[:2] if unit[:2] in (
        "gb", "tb", "mb") else ""
    family, factor = _UNITS[unit]
    return float(m.group(1).replace(",", ".")) * factor, family


_UNIT_WORD = (r"(?P<unit>ml|milliliters?|millilitres?|l|liters?|litres?|gb|tb|mb|mah|hours?|hrs?|h|inch(?:es)?|\"|cm|mm"
              r"|kg|g|grams?|lbs?|pounds?|oz|w|watts?|毫升|升|小时|英寸|寸|公斤|千克|克|瓦)")
_BOUND = re.compile(
    r"(?P<op>at\s+least|min(?:imum)?(?:\s+of)?|over|more\s+than|no\s+less\s+than|above|bigger\s+than|larger\s+than"
    r"|at\s+most|max(?:imum)?(?:\s+of)?|under|less\s+than|no\s+more\s+than|below|smaller\s+than|lighter\s+than"
    r"|up\s+to|>=?|<=?)\s*(?P<n>\d+(?:\.\d+)?)\s*" + _UNIT_WORD + r"(?![a-z])"
    r"|(?P<n2>\d+(?:\.\d+)?)\s*" + _UNIT_WORD.replace("unit", "unit2") + r"\s*(?P<op2>以上|及以上|起|以下|以内|或以上|或更[多大长]|\+)"
    r"|(?P<n3>\d+(?:\.\d+)?)\s*" + _UNIT_WORD.replace("unit", "unit3") + r"\s+(?P<op3>or\s+(?:more|bigger|larger|longer|higher"
    r"|less|smaller|lighter|shorter))\b",
    re.IGNORECASE)
_ZH_UNITS = {"毫升": "ml", "升": "l", "小时": "h", "英寸": "in", "寸": "in", "公斤": "kg", "千克": "kg", "克": "g", "瓦": "w"}
_AT_MOST = re.compile(r"at\s+most|max|under|less|no\s+more|below|smaller|lighter|up\s+to|<|以下|以内|shorter",
                      re.IGNORECASE)


@dataclass(frozen=True)
class Bound:
    """A spec bound the shopper set: "at least 750ml" -> Bound("volume", ">=", 750.0, "at least 750ml")."""

    family: str
    op: str  # ">=" or "<="
    value: float
    said: str
    span: tuple[int, int] = (0, 0)  # where the message says it


def bounds(text: str) -> list[Bound]:
    """The spec bounds a message sets ("at least 750ml", "under 1 kg", "10小时以上"); amounts without
    a unit are budgets, not specs, and are left to the budget reader."""
    found = []
    for m in _BOUND.finditer(text):
        n = m.group("n") or m.group("n2") or m.group("n3")
        unit = (m.group("unit") or m.group("unit2") or m.group("unit3") or "").lower()
        op_words = m.group("op") or m.group("op2") or m.group("op3") or ""
        value = amount(f"{n} {_ZH_UNITS.get(unit, unit)}")
        if value is None or value[1] == "number":
            continue
        found.append(Bound(value[1], "<=" if _AT_MOST.search(op_words) else ">=", value[0], m.group(0).strip(),
                           m.span()))
    return found


def meets(values, bound: Bound) -> bool | None:
    """True/False when one of the values (a row's fields, its title) gives an amount of the bound's
    family; None when none does."""
    seen = None
    for v in values:
        for piece in re.findall(r"\d+(?:\.\d+)?\s*(?:\"|[a-z]+)?", str(v).lower()):
            got = amount(piece)
            if got is None or got[1] != bound.family:
                continue
            ok = got[0] >= bound.value - 1e-9 if bound.op == ">=" else got[0] <= bound.value + 1e-9
            if ok:
                return True
            seen = False
    return seen
