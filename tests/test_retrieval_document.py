"""The dense index embeds a product's prose extras (a feed's second description), and an index built
before that re-embeds exactly the products whose text changed."""
from __future__ import annotations

import json

import numpy as np
import pytest

from catalog import CatalogStore, import_file
from retrieval.document import TEXT_VERSION, document_text, prose_extras
from retrieval.retriever import Retriever

# Titles that say nothing of the genre; the feed's `product_description` (no column for it: it goes
# to `extra`) says it, as MG-ShopDial's book items do.
BOOKS = [
    {"id": "b1", "title": "Midnight Harbor", "price": 12.0,
     "product_description": "Genre: Detective fiction, cozy murder mystery / Paperback: 320 pages"},
    {"id": "b2", "title": "Salt and Ember", "price": 14.0,
     "product_description": "Genre: Epic fantasy with dragons, sorcery and magic / Hardcover: 610 pages"},
    {"id": "b3", "title": "Quiet Orchard", "price": 11.0,
     "product_description": "Genre: Romance, love story of two rival bakers / Paperback: 290 pages"},
    {"id": "b4", "title": "Paper Lantern", "price": 9.0, "sku": "PL-0004-XY"},  # no prose: not re-embedded
]


@pytest.fixture
def books_db(tmp_path):
    src = tmp_path / "books.json"
    src.write_text(json.dumps(BOOKS))
    db = tmp_path / "books.db"
    import_file(CatalogStore(db), src)
    return db


def test_prose_extras_are_the_descriptive_strings_only(books_db):
    products = {p.id: p for p in CatalogStore(books_db).iter_products()}
    assert prose_extras(products["b1"]) == [BOOKS[0]["product_description"]]
    assert prose_extras(products["b4"]) == []  # a SKU is one word: not prose
    assert document_text(products["b4"]) == products["b4"].embedding_text()
    assert document_text(products["b2"]).endswith("dragons, sorcery and magic / Hardcover: 610 pages")


@pytest.mark.parametrize(("query", "answer"), [("a detective murder mystery", "b1"), ("a fantasy book with dragons", "b2"),
                                               ("a romantic love story", "b3")])
def test_a_genre_only_the_extra_text_names_finds_the_book(books_db, embedder, query, answer):
    r = Retriever.open(books_db, embedder=embedder, mode="dense")
    assert r.search(query, k=1)[0].product.id == answer


def test_an_index_of_the_older_text_re_embeds_only_the_products_with_prose(books_db, embedder):
    r = Retriever.open(books_db, embedder=embedder)
    assert r.index.text_version == TEXT_VERSION
    products = list(r.store.iter_products())
    # Turn it into what the previous version left on disk: vectors of embedding_text(), no version.
    old = embedder.embed_documents([p.embedding_text() for p in products])
    hashes = r.store.content_hashes()
    r.index.update([p.id for p in products], [hashes[p.id] for p in products], old)
    r.index.set_text_version(1)
    again = Retriever.open(books_db, embedder=embedder)
    assert again.index.text_version == TEXT_VERSION
    assert again.sync() == (0, 0)  # once only
    new = embedder.embed_documents([document_text(p) for p in products])
    stored = again.index.vectors[[again.index.ids.index(p.id) for p in products]]
    cos = np.sum(stored * new, axis=1)
    assert cos[:3] == pytest.approx(1.0, abs=1e-4)  # the three books with a description: the new text
    assert cos[3] == pytest.approx(1.0, abs=1e-4)  # b4's text did not change
    reopened = Retriever.open(books_db, embedder=embedder)
    assert reopened.index.text_version == TEXT_VERSION


def test_the_migration_counts_what_it_re_embeds(books_db, embedder):
    r = Retriever.open(books_db, embedder=embedder)
    r.index.set_text_version(1)
    assert Retriever(r.store, r.index, embedder).sync() == (3, 0)  # b1-b3, not b4


def test_mg_shopdial_books_embed_their_genre(tmp_path, shared_data):
    store = CatalogStore(tmp_path / "mg.db")
    import_file(store, shared_data / "mgshopdial_items_Books.json")
    book = next(p for p in store.iter_products() if p.title == "1984 by George Orwell")
    assert "Political Fiction" not in book.embedding_text()
    assert "Genre: Political Fiction, Classic Literature" in document_text(book)
