"""Who a product is for, when a need or a row says so: "men's shoes", "女款登山鞋", "Women's Rain Jacket".

A shopper who asks for men's shoes is not served by women's heels that merely match "shoes"; a row
that names the other group (and not both, nor "unisex") is left out. Words, not a model: a row
either says it or it does not.
"""
from __future__ import annotations

import re

__all__ = ["age_of", "conflicts", "gender_of"]

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
    """True when the need is for one group and the row names only the other: men's / women's, and
    grown-ups / children ("running shoes for women" is not answered by a kids' shoe)."""
    wanted = gender_of(need)
    if wanted is not None and gender_of(row_text) not in (None, wanted):
        return True
    age, row_age = age_of(need), age_of(row_text)
    return age is not None and row_age is not None and age != row_age


_KIDS = re.compile(r"\b(?:kids?'?|children'?s?|child|junior|youth|toddlers?|baby|babies|infants?|boys'?|girls'?)\b"
                   r"|儿童|童(?:款|装|鞋)|宝宝|婴儿|男孩|女孩", re.IGNORECASE)
_ADULTS = re.compile(r"\b(?:men'?s?|mens|women'?s?|womens|ladies'?|adults?|for him|for her)\b"
                     r"|男(?:款|士|式|装)|女(?:款|士|式|装)|成人", re.IGNORECASE)


def age_of(text: str) -> str | None:
    """"kids", "adults", or None (neither said, or both)."""
    if not text:
        return None
    kids, adults = _KIDS.search(text) is not None, _ADULTS.search(text) is not None
    if kids == adults:
        return None
    return "kids" if kids else "adults"
