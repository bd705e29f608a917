"""Shopper language, English and Chinese, by rules: what a message asks for and how it changes a search.

    from language import Vocabulary, parse_query, understand, Preferences

`parse_query` splits a request into the need in words and hard `Filters` (budget, size, colour,
brand, rating, stock); `understand` names the act of a chat message and the shown products it
points at; `Preferences` carries the search across turns. No model, no heavy import: every turn
pays for this, so it must be sub-millisecond and give the same answer every time.
"""
from __future__ import annotations

from language.acts import ACTS
from language.cjk import lang_of
from language.fillers import tidy
from language.preferences import Preferences
from language.query import ParsedQuery, parse_query
from language.topics import TOPICS
from language.understand import Understanding, understand
from language.vocabulary import Vocabulary

__all__ = ["ACTS", "TOPICS", "ParsedQuery", "Preferences", "Understanding", "Vocabulary", "lang_of", "parse_query",
           "tidy", "understand"]
