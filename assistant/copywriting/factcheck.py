"""Does a piece of copy state only what the product's fields say?

Two checks: the grounding guard the chat uses (prices, spec numbers, other products, warranty,
discount and returns claims), and a catalog vocabulary check: a material, colour, feature or
brand that some product in the catalog has but this one does not ("leather" on a mesh shoe,
"waterproof" on a cotton tee) is an invented fact.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from assistant.copywriting.facts import fields_only, product_facts
from assistant.grounding import GroundingGuard, Violation
from catalog.models import Product

# Attribute names whose values are claims worth checking (a size or a subcategory is not).
CHECKED = ("material", "color", "colour", "finish", "fabric", "outsole", "closure", "connectivity", "features")
_WORD = re.compile(r"[a-z][a-z\-]+")
# Words inside attribute values that name nothing on their own ("with", "free", "plus").
_NOT_FACTS = frozenset("with without from that this plus only each free included required compatible into over "
                       "under inside outside side back front extra".split())
SENTENCE_END = re.compile(r"(?<=[.!?])\s+|(?<=[。！？])")  # "1.05 kg" is one sentence


@dataclass
class CatalogVocabulary:
    """Words that name a product fact somewhere in the catalog: materials, colours, features, brands."""

    terms: frozenset[str]
    brands: frozenset[str]

    @classmethod
    def from_products(cls, products: Iterable[Product]) -> "CatalogVocabulary":
        terms: set[str] = set()
        brands: set[str] = set()
        for p in products:
            if p.brand:
                brands.add(p.brand.lower())
            for key, value in p.attributes.items():
                if value is True:
                    terms.add(key.lower().replace("_", " "))  # "waterproof": true
                elif key.lower() in CHECKED:
                    values = value if isinstance(value, list) else [value]
                    for v in values:
                        terms.update(w for w in _WORD.findall(str(v).lower()) if len(w) >= 4 and w not in _NOT_FACTS)
        return cls(frozenset(terms), frozenset(brands))

    @classmethod
    def from_store(cls, store) -> "CatalogVocabulary":
        return cls.from_products(store.iter_products())


def fact_check(text: str, product: Product, vocabulary: CatalogVocabulary | None = None) -> list[Violation]:
    """Everything in `text` the product's fields do not support; [] means every sentence checks out."""
    source = fields_only(product)
    known = " ".join([source.title, source.brand, source.category, " ".join(source.tags),
                      " ".join(f"{k.replace('_', ' ')} {v}" for k, v in product_facts(source)
                               if source.attributes.get(k) is not False)]).lower()  # "waterproof: no" is no licence
    # The facts in readable form count as supported text too ("bpa_free": true supports "BPA free").
    guard = GroundingGuard([source], supported_text=known, every_word=False)
    out: list[Violation] = []
    for sentence in re.split(SENTENCE_END, text):
        if sentence.strip():
            out.extend(guard.check(sentence))
    if vocabulary is not None:
        low = text.lower()
        words = set(_WORD.findall(low))
        for term in vocabulary.terms:
            if (term in words or (" " in term and term in low)) and term not in known:
                out.append(Violation("fact", term))
        for brand in vocabulary.brands:
            if brand != source.brand.lower() and re.search(rf"\b{re.escape(brand)}\b", low) and brand not in known:
                out.append(Violation("brand", brand))
    return out
