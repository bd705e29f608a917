"""Moved to `catalog.filters` (filters describe catalog rows); this re-export keeps old imports working."""
from catalog.filters import ATTRIBUTE_ALIASES, Filters, attribute_matches

__all__ = ["ATTRIBUTE_ALIASES", "Filters", "attribute_matches"]
