"""Shopper typos against the catalog's own words: "labtop" -> "laptop", "runing shoos" -> "running shoes".

Only a word the catalog never uses is changed, and only to a catalog word that is nearly the same
(difflib ratio >= 0.8, same first letter, length within two; or the same letters with two
neighbours swapped, "tnet" -> "tent"), so brand names, sizes and words the shop does use are never
touched.
"""
from __future__ import annotations

import difflib
import re

__all__ = ["respell"]

_TOKEN = re.compile(r"[a-z]{4,}")


def respell(text: str, words: frozenset[str] | set[str], *, keep: frozenset[str] | set[str] = frozenset()) -> str:
    """`text` with each unknown word of four letters or more replaced by its closest catalog word."""
    if not words:
        return text

    def fix(m: re.Match) -> str:
        word = m.group(0)
        if word in words or word in keep:
            return word
        near = [w for w in words if w[:1] == word[:1] and abs(len(w) - len(word)) <= 2]
        best = difflib.get_close_matches(word, near, n=1, cutoff=0.8)
        if best:
            return best[0]
        # Two letters typed in the wrong order ("tnet" -> "tent") score low on a short word.
        swapped = (word[:i] + word[i + 1] + word[i] + word[i + 2:] for i in range(len(word) - 1))
        return next((w for w in swapped if w in words), word)

    return _TOKEN.sub(fix, text.lower()) if _TOKEN.search(text.lower()) else text
