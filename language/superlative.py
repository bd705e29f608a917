"""Which of the cards on screen is lightest, best rated, cheapest: the question, read from the message.

The answer is computed from the rows (assistant/turn/pipeline.py); this module only says which field
and which end ("which one is the lightest?" -> weight, min).
"""
from __future__ import annotations

import re

__all__ = ["asks_most", "asks_superlative", "extreme", "grams"]

_SUPERLATIVES = (
    (re.compile(r"\b(?:lightest|least\s+heavy)\b|\bweighs?\s+(?:the\s+)?least\b|最轻", re.IGNORECASE), "weight", "min"),
    (re.compile(r"\bheaviest\b|\bweighs?\s+(?:the\s+)?most\b|最重", re.IGNORECASE), "weight", "max"),
    (re.compile(r"\b(?:best|highest|top)[\s-]rated\b|\b(?:best|highest|top)\s+(?:ratings?|reviews?|score|stars)\b"
                r"|\brated\s+(?:the\s+)?(?:highest|best)\b|\bbest[\s-]reviewed\b|\bmost\s+stars\b"
                r"|评分最高|评价最好|评价最高|口碑最好|评分最好|分数最高|星级最高", re.IGNORECASE), "rating", "max"),
    (re.compile(r"\b(?:cheapest|least\s+expensive|lowest[\s-]priced?|most\s+affordable)\b|\bcosts?\s+(?:the\s+)?least\b"
                r"|最便宜|价格最低", re.IGNORECASE), "price", "min"),
    (re.compile(r"\b(?:most\s+expensive|priciest|highest[\s-]priced?)\b|\bcosts?\s+(?:the\s+)?most\b|最贵|价格最高",
                re.IGNORECASE), "price", "max"),
)
# "which one ...?", "what's your cheapest option?", "哪个/哪款": a question about the cards, not a search.
_WHICH = re.compile(r"\bwhich\b|\bwhat(?:'s|\s+is)\s+(?:your|the)\b|\bwhat\s+one\b|哪", re.IGNORECASE)


def asks_superlative(text: str) -> tuple[str, str] | None:
    """("weight" | "rating" | "price", "min" | "max") when the message asks which card is the most
    or least of something; None otherwise."""
    if not _WHICH.search(text):
        return None
    for pattern, field, end in _SUPERLATIVES:
        if pattern.search(text):
            return field, end
    return None


def extreme(text: str) -> tuple[str, str] | None:
    """("price", "min") for "the cheapest earbuds", whether or not it is a question; None otherwise."""
    for pattern, field, end in _SUPERLATIVES:
        if pattern.search(text):
            return field, end
    return None


_ENDS = {"most": "max", "more": "max", "highest": "max", "higher": "max", "biggest": "max", "bigger": "max",
         "largest": "max", "larger": "max", "longest": "max", "longer": "max", "greatest": "max", "best": "max",
         "least": "min", "less": "min", "lowest": "min", "lower": "min", "smallest": "min", "smaller": "min",
         "shortest": "min", "shorter": "min", "fewest": "min", "fewer": "min"}
_MOST = re.compile(
    r"\b(?:which|what)\b[^?.!]*?\b(?P<end>" + "|".join(_ENDS) + r")\s+(?P<what>[a-z][a-z -]{1,28}?)\s*(?:[?.!,]|$"
    r"|\b(?:of|among|out|between|here|there|please|pls|in\s+(?:them|these|those))\b)", re.IGNORECASE)
_MOST_ZH = re.compile(r"哪(?:个|款|一款|一个|台|部|件|种)?(?:的)?(?P<what>[\u4e00-\u9fff]{1,6}?)(?:最|更)(?P<end>大|多|长|高|久|小|少|短|低)"
                      r"|(?P<what2>[\u4e00-\u9fff]{1,6}?)最(?P<end2>大|多|长|高|久|小|少|短|低)的是哪")
_ZH_ENDS = {"大": "max", "多": "max", "长": "max", "高": "max", "久": "max", "小": "min", "少": "min", "短": "min",
            "低": "min"}
# Fields the other questions own ("the most expensive", "the best rated") or that are no field at all.
_NOT_A_FIELD = re.compile(r"^(?:expensive|affordable|rated|reviewed|reviews?|stars?|ratings?|price[sd]?|popular|one|ones"
                          r"|option|options|value|recommended|sense|weight|heavy|light)\b|^(?:价格|价钱|评分|评价|便宜|贵|重|轻)$")


def asks_most(text: str) -> tuple[str, str, str] | None:
    """(field words, "max" | "min", the end word as said) for "which one has the most storage?",
    "which has the longest battery life?", "哪个续航最长" (a field a row may list); None otherwise."""
    m = _MOST.search(text)
    if m is not None:
        what = re.sub(r"\s+(?:one|ones|option|model|phone|item)s?$", "", m.group("what").strip().lower())
        if what and not _NOT_A_FIELD.match(what):
            return what, _ENDS[m.group("end").lower()], m.group("end").lower()
    m = _MOST_ZH.search(text)
    if m is not None:
        what = (m.group("what") or m.group("what2") or "").removeprefix("的")
        end = m.group("end") or m.group("end2")
        if what and not _NOT_A_FIELD.match(what):
            return what, _ZH_ENDS[end], "最" + end
    return None


_WEIGHT = re.compile(r"(\d+(?:\.\d+)?)\s*(kg|kilograms?|g|grams?|lbs?|pounds?|oz|ounces?)\b", re.IGNORECASE)
_TO_GRAMS = {"kg": 1000.0, "kilogram": 1000.0, "g": 1.0, "gram": 1.0, "lb": 453.6, "pound": 453.6,
             "oz": 28.35, "ounce": 28.35}


def grams(value) -> float | None:
    """A row's weight in grams ("290 g", "1.2 kg", "10.5 oz"); None when it gives no unit."""
    m = _WEIGHT.search(str(value or ""))
    if m is None:
        return None
    unit = m.group(2).lower().rstrip("s")
    return float(m.group(1)) * _TO_GRAMS.get(unit, _TO_GRAMS.get(unit[:2], 1.0))
