"""Which product a cart message names by its words when pointing does not say: "add the Ridgeback boots
too" after phone cases were shown, "remove the earbuds" from a cart of three, "加一个登山包到购物车".

The words (language/cart_words.py) are matched against titles, word by word (plurals folded) and,
for a Chinese run, with the English words the shop's word table gives it ("耳机" -> headphones,
earbuds). The products that match the most words win; a catalog lookup keeps only titles that match
every word, so a loose word never puts an unasked-for product in the cart.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from catalog.models import Product

_CJK = re.compile(r"[\u4e00-\u9fff]")


def _stems(text: str) -> set[str]:
    """The words with a plural ending taken off ("boots" -> "boot"); no deeper stemming, so a chatty
    word never meets a title word it only shares a root with ("lovely" is not "loved")."""
    return {_singular(w) for w in re.findall(r"[a-z0-9]+", text.lower())}


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith(("ches", "shes", "sses", "xes")):
        return word[:-2]
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us")):
        return word[:-1]
    return word


@lru_cache(maxsize=1)
def _zh_words() -> list[tuple[str, tuple[str, ...]]]:
    """Chinese product words and their English names, longest first (the shop's word table)."""
    from language.lexicon import BUILTIN_SYNONYMS

    table = [(zh, (en,) if isinstance(en, str) else tuple(en)) for zh, en in BUILTIN_SYNONYMS.items()
             if _CJK.search(zh)]
    return sorted(table, key=lambda item: -len(item[0]))


def english(run: str) -> list[tuple[str, ...]] | None:
    """The English names of each product word in a Chinese run ("登山背包" -> [("hiking",), ("backpacks",)]);
    None when some of the run is no word of the table ("登山包": 包 is unknown), so only its own
    characters can match."""
    segments: list[tuple[str, ...]] = []
    rest = run
    for zh, ens in _zh_words():
        if zh in rest:
            segments.append(tuple(e for e in ens if e.isascii()))
            rest = rest.replace(zh, " ")
    if _CJK.search(rest.replace("的", "")) or not segments:
        return None
    return segments


def _says(p: Product, word: str) -> bool:
    """True when the product's title (or brand, kind) says the word."""
    text = " ".join([p.title, p.brand or "", str(p.attributes.get("subcategory") or "")])
    if _CJK.search(word):
        if word in text:
            return True
        segments = english(word)
        stems = _stems(text)
        return bool(segments) and all(any(_stems(name) <= stems for name in names) for names in segments)
    return bool(_stems(word) & _stems(text))


def score(p: Product, words: Sequence[str]) -> int:
    """How many of the words the product's title says."""
    return sum(_says(p, w) for w in words)


def best(products: Sequence[Product], words: Sequence[str]) -> list[Product]:
    """The products that say the most of the words (none when no product says any)."""
    scores = [score(p, words) for p in products]
    top = max(scores, default=0)
    return [p for p, s in zip(products, scores) if top and s == top]


def in_catalog(deps, words: Sequence[str], *, k: int = 8) -> list[Product]:
    """Catalog products whose titles say every word, best search match first."""
    query = " ".join(" ".join(n[0] for n in english(w) or [(w,)]) if _CJK.search(w) else w for w in words)
    hits = deps.retriever.search(query, k=k)
    rows = deps.rows([h.product.id for h in hits])
    return [p for p in rows if score(p, words) == len(words)]
