"""Moved to the `language` package; this re-export keeps `from retrieval.query import ...` working."""
from language.lexicon import BUILTIN_COLORS, BUILTIN_MATERIALS, BUILTIN_SIZES, BUILTIN_SYNONYMS
from language.query import ParsedQuery, parse_query
from language.fillers import tidy
from language.slots import HIGHLY_RATED
from language.vocabulary import Vocabulary

__all__ = ["BUILTIN_COLORS", "BUILTIN_MATERIALS", "BUILTIN_SIZES", "BUILTIN_SYNONYMS", "HIGHLY_RATED", "ParsedQuery",
           "Vocabulary", "parse_query", "tidy"]
