"""Who a product is for, when a need or a row says so: "men's shoes", "女款登山鞋", "Women's Rain Jacket".

A shopper who asks for men's shoes is not served by women's heels that merely match "shoes"; a row
that names the other group (and not both, nor "unisex") is left out. Words, not a model: a row
either says it or it does not.
"""
from __future__ import annotations

import re

__all__ = ["conflicts", "gender_of"]

_MEN = re.compile(r"\b(?:men'?s?|mens|male|for him|boys'?|gentlemen'?s?)\b|男(?:款|士|式|装|鞋|生|孩|童)?", re.IGNORECASE)
_WOMEN = re.compile(r"\b(?:women'?s?|womens|female|ladies'?|lady|for her|girls'?)\b|女(?:款|士|式|装|鞋|生|孩|童)?",
                    re.IGNORECASE)
_BOTH = re.compile(r"\bunisex\b|男女(?:同款|通用)?|中性", re.IGNORECASE)


def gender_of(text: str) -> str | None:
    """"men", "women", or None (neither, both, or unisex)."""
    if not text or _BOTH.search(text):
        return None
    men, women = _MEN.search(text) is not None, _WOMEN.search(text) is not None
    if men == women:
        return None
    return "men" if men else "women"


def conflicts(need: str, row_text: str) -> bool:
    """True when the need is for one group and the row names only the other."""
    wanted = gender_of(need)
    return wanted is not None and gender_of(row_text) not in (None, wanted)
