"""Product copy written from a product's own fields, and checked against them before it is saved.

    python -m assistant.copywriting describe --missing-only --style concise --lang en --db catalog.db

The model (when one is configured) only phrases: every sentence it writes is fact-checked
against the product's fields (numbers, prices, materials, colours, brands, claims), and a
sentence that states anything else is dropped; when too little survives, the description is
built from the fields by a template instead. Existing descriptions and reviews are not used as
sources, so copy can never repeat a claim the shop has not put in a field.
"""
from __future__ import annotations

from assistant.copywriting.factcheck import CatalogVocabulary, fact_check
from assistant.copywriting.facts import product_facts
from assistant.copywriting.writer import STYLES, Copy, Copywriter

__all__ = ["STYLES", "CatalogVocabulary", "Copy", "Copywriter", "fact_check", "product_facts"]
