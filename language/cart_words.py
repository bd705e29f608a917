"""The product a cart message names by its words, not by pointing: "add the Ridgeback boots too" ->
"ridgeback boots", "remove the earbuds" -> "earbuds", "加一个登山包到购物车" -> "登山包".

Empty when the message only points ("add it", "the second one", "the red one": references and
attribute filters handle those). The turn checks the words against the cards on screen, the cart
lines and, for an add, the catalog (assistant/turn/acts/named.py); this module only reads the message.
"""
from __future__ import annotations

import re

from language.fillers import STOPWORDS
from language.vocabulary import Vocabulary

__all__ = ["named_words"]

# Cart verbs, bag words and dialogue glue: what is left names the product.
_CART_GLUE = re.compile(
    r"\b(?:add|put|throw|pop|place|stick|chuck|bung|toss|shove|slap|drop|load|whack|stuff|get|remove|delete|take"
    r"|buy|order|purchase|grab|have|want|like|need|give|gimme|go\s+(?:with|for)|i'?ll|i'?d|i\s+will|i\s+would"
    r"|let\s+me|gonna|please|pls|also|too|as\s+well|out|of|from|to|in|into|onto|my|the|a|an|one|ones|cart|basket"
    r"|bag|trolley|shopping|and|then|actually|ok|okay|oh|hmm|no|nah|wait|just|instead|pair|pairs|piece|pieces"
    r"|unit|units|thing|things|item|items|anymore|any\s+more|don'?t|do\s+not|i|me|it|that|this|them|those|these"
    r"|cheapest|priciest|cheaper|most|least|expensive|best|rated|highest|lowest|priced|affordable|size|colou?r)\b"
    r"|(?:加入|加到|加进|放进|放入|放到|装进|加|放|装|删除|删掉|移除|去掉|拿掉|拿出|不要了|不要|想要|我要|要|买|帮我|给我|请|把|从|到|进|入)"
    r"|购物车|最便宜|最贵|这个|那个|这款|那款|这件|那件|它|一下|吧|了|的|吗|呢",
    re.IGNORECASE)
_COUNTED = re.compile(r"(?:[一二两三四五六七八九十几]|\d+)\s*(?:个|款|件|双|台|本|只|支|套|把|张|条|份|瓶|盒|项|种)")


def named_words(text: str, *, spans: list[tuple[int, int]] = (), vocab: Vocabulary | None = None) -> list[str]:
    """The words of a cart message that name a product (lowercase; Chinese as one run), minus the spans
    of references and quantities already read ("the second one", "two of")."""
    for start, end in spans:
        text = text[:start] + " " * (end - start) + text[end:]
    if vocab is not None:  # colours, materials and sizes single out a shown card; they name no product
        for kind, _, start, end in vocab.find(text):
            if kind in ("color", "material", "size"):
                text = text[:start] + " " * (end - start) + text[end:]
    text = _COUNTED.sub(" ", text)
    text = _CART_GLUE.sub(" ", text)
    words = [w for w in re.findall(r"[a-z][a-z0-9'-]*[a-z0-9]|[a-z]", text.lower())
             if w not in STOPWORDS and len(w) > 1 and not w.isdigit()]
    runs = [r for r in re.findall(r"[\u4e00-\u9fff]{2,}", text)]
    return words + runs
