"""The text the dense index embeds for a product: its own fields, then the prose its feed kept aside.

Feeds often carry a second description under a name the importer has no column for; it lands in
`Product.extra` (MG-ShopDial's `product_description`: a book's genre, "Genre: Political Fiction,
Classic Literature", a phone's "8GB RAM+128GB Storage|120Hz Display"). Those words are what a
shopper asks by ("a thriller book", "a phone with a good camera"), so the embedding reads them
too. Only prose: a string of three or more words that is not a link or media (a SKU, a barcode
or a number says nothing an embedding can use).

Chosen on the tune part of MG-ShopDial (bench/RESULTS.md, Retrieval): nDCG@10 of the shipped
ranking 0.568 -> 0.583 (whole dialogue) and 0.226 -> 0.249 (last utterance), recall unchanged;
300 characters per field did as well as 500 and better than 200 on the last utterance.
"""
from __future__ import annotations

from catalog.models import Product, _is_media

# 1: Product.embedding_text() only; 2: plus the prose extras. An index built at an older version
# re-embeds the products whose text changed (`Retriever.sync`).
TEXT_VERSION = 2
EXTRA_CHARS = 300  # per extra field, after the product's own text (whose description stops at 500)
MIN_WORDS = 3


def prose_extras(product: Product) -> list[str]:
    """The descriptive strings among the product's extra fields, each cut to EXTRA_CHARS, in feed order."""
    return [v.strip()[:EXTRA_CHARS] for k, v in product.extra.items()
            if isinstance(v, str) and len(v.split()) >= MIN_WORDS and not _is_media(k, v)]


def document_text(product: Product) -> str:
    """What the dense index embeds: `Product.embedding_text()` and then the prose extras."""
    return ". ".join([product.embedding_text(), *prose_extras(product)])
