"""Currency words and signs, and the currency a message states.

"dollars" are read as USD and "¥"/"元"/"块" as CNY (Aisle's Chinese listings are priced in yuan).
"""
from __future__ import annotations

import re

from language.numbers import NUMBER_CHAR

__all__ = ["CURRENCIES", "CURRENCY_HINTS", "ISO_CODES", "currency_code", "currency_in"]

CURRENCIES = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "buck": "USD", "bucks": "USD",
    "美元": "USD", "美金": "USD", "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "quid": "GBP",
    "英镑": "GBP", "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "欧元": "EUR",
    "¥": "CNY", "￥": "CNY", "rmb": "CNY", "cny": "CNY", "yuan": "CNY", "元": "CNY", "块": "CNY",
    "块钱": "CNY", "元钱": "CNY", "人民币": "CNY",
}
ISO_CODES = ("aud", "cad", "chf", "dkk", "hkd", "inr", "jpy", "krw", "nok", "nzd", "sek", "sgd")
CURRENCIES.update({code: code.upper() for code in ISO_CODES})
# Substrings one of which any currency mention contains (a cheap pre-check before the regexes).
CURRENCY_HINTS = ("$", "£", "€", "¥", "￥", "usd", "eur", "gbp", "rmb", "cny", "dollar", "buck", "quid", "pound",
                  "euro", "yuan", "元", "块", "人民币", "美", "英镑", "欧元") + ISO_CODES
_SIGN_BEFORE = re.compile(r"(us\$|\$|£|€|¥|￥)\s*\d", re.IGNORECASE)
_WORD_AFTER = re.compile(NUMBER_CHAR + r"\s*(?:k|千|万)?\s*(块钱|元钱|元|块|人民币|美元|美金|英镑|欧元|dollars?|bucks?"
                         r"|quid|euros?|yuan|rmb|usd|eur|gbp|cny)(?![a-z])", re.IGNORECASE)


def currency_code(marker: str | None) -> str | None:
    """"$" -> "USD", "块" -> "CNY", "quid" -> "GBP"; None for an unknown or missing marker."""
    return CURRENCIES.get(marker.lower()) if marker else None


def currency_in(text: str) -> str | None:
    """The currency an amount in `text` is stated in ("¥200", "两百块", "$80"), else None."""
    m = _SIGN_BEFORE.search(text) or _WORD_AFTER.search(text)
    return currency_code(m.group(1)) if m else None
