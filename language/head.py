"""The kind of product a need names: its head noun ("speaker" in "bluetooth speaker for the garden").

Search engines rank a row that matches a modifier ("Bluetooth" in an LED bulb's title) next to rows
of the kind asked for. When some rows say the head noun in their title or category, rows that do
not are another kind of product, whatever else they match.
"""
from __future__ import annotations

import re

from language.vocabulary import number_forms

__all__ = ["head_forms", "names_kind"]

# Words after which the need stops naming the product: "microphone for our support team".
_CUT = re.compile(r"\b(?:for|with|without|under|over|below|above|between|from|in|on|at|to|that|which|who|like|"
                  r"near|around|less|more|than|by|of)\b.*$", re.IGNORECASE)
_WORD = re.compile(r"[a-z][a-z0-9'-]*")
# Words that end a need without naming a kind of product.
_NOT_HEADS = frozenset("""something anything stuff things thing items item products product options option ones one
gift gifts present presents idea ideas set sets kit kits accessories gear goods deal deals brand brands model models
pair pairs pack packs style styles version versions type types kind kinds color colour size cheap cheaper
best good nice new men women mens womens kids please""".split())


def head_forms(need: str, english: list[str] | None = None) -> set[str]:
    """Spellings of the need's head noun; for a Chinese need, the heads of its English product words."""
    heads: set[str] = set()
    for phrase in english or [need]:
        words = [w.strip("'") for w in _WORD.findall(_CUT.sub("", phrase.lower()))]
        words = [w for w in words if w not in _NOT_HEADS and not w.isdigit()]
        if words and len(words[-1]) > 2:
            heads |= number_forms(words[-1])
    return heads


def names_kind(heads: set[str], text: str) -> bool:
    """True when the text (a title, category, tags) says one of the head's spellings as a word."""
    words = set(re.findall(r"[a-z][a-z0-9]*", text.lower().replace("-", "")))
    words |= set(re.findall(r"[a-z][a-z0-9]*", text.lower()))
    return bool(heads & words) or any(h.replace("-", "") in words for h in heads)
