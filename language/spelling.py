"""Shopper typos against the catalog's own words: "labtop" -> "laptop", "runing shoos" -> "running shoes".

Only a word the catalog never uses is changed, and only to a catalog word that is nearly the same
(difflib ratio >= 0.8, same first letter, length within two), so brand names, sizes and words the
shop does use are never touched.
"""
from __future__ import annotations

import difflib
import re

__all__ = ["respell", "textspeak"]

# Chat shorthand, read as the words it stands for ("do u have", "r u selling", "pls"); whole words only.
_SHORTHAND = {"u": "you", "ya": "you", "yu": "you", "ur": "your", "r": "are", "pls": "please", "plz": "please",
              "plez": "please", "thx": "thanks", "thnx": "thanks", "ty": "thank you", "wanna": "want to",
              "gimme": "give me", "lemme": "let me", "gotta": "got to", "cuz": "because", "coz": "because",
              "b4": "before", "tmrw": "tomorrow", "abt": "about", "w/": "with", "w/o": "without", "dunno": "don't know"}
_SHORT = re.compile(r"(?<![\w'&/-])(" + "|".join(re.escape(k) for k in sorted(_SHORTHAND, key=len, reverse=True))
                    + r")(?![\w'&-])", re.IGNORECASE)


def textspeak(text: str) -> str:
    """`text` with chat shorthand spelled out: "do u have any tents" -> "do you have any tents"."""
    return _SHORT.sub(lambda m: _SHORTHAND[m.group(1).lower()], text) if _SHORT.search(text) else text

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
        return best[0] if best else word

    return _TOKEN.sub(fix, text.lower()) if _TOKEN.search(text.lower()) else text
