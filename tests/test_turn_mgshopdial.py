"""Follow-ups on the MG-ShopDial catalog (books, office, sports and phone goods without a category
column), imported and indexed with the shop's default embedder, template answers."""
from __future__ import annotations

import re

import pytest


@pytest.fixture(scope="module")
def mg_bot(tmp_path_factory, shared_data):
    from assistant import Assistant
    from assistant.settings import Settings
    from catalog import CatalogStore, import_file
    from retrieval import Retriever
    from retrieval.embedder import load_embedder

    db = tmp_path_factory.mktemp("mgshopdial") / "catalog.db"
    store = CatalogStore(db)
    for f in sorted(shared_data.glob("mgshopdial_items_*.json")):
        import_file(store, f)
    Retriever.open(db, embedder=load_embedder())
    return Assistant.from_catalog(db, settings=Settings(data_dir=tmp_path_factory.mktemp("mg-data")), generator=None)


_NOT_BOOKS = re.compile(r"planner|calendar|pens?\b|paper|notebook|cartridge|pencil", re.IGNORECASE)


def test_a_novel_within_a_small_budget_is_shown_though_its_title_does_not_say_novel(mg_bot):
    reply = mg_bot.chat("12块以内的悬疑小说", session_id="novel")
    assert reply.products and all(p.price <= 12 for p in reply.products)
    assert not any(_NOT_BOOKS.search(p.title) for p in reply.products)


def test_a_raised_budget_keeps_the_kind_on_screen(mg_bot):
    first = mg_bot.chat("i need thriller book, i have a budget of under $12", session_id="raise")
    assert first.products
    reply = mg_bot.chat("But I think I can go higher within 20. Happen to have more within that range ?",
                        session_id="raise")
    assert reply.products and all(p.price <= 20 for p in reply.products)
    assert not any(_NOT_BOOKS.search(p.title) for p in reply.products)


def test_asking_for_another_kind_mid_chat_searches_it(mg_bot):
    mg_bot.chat("I am looking to buy thriller book", session_id="mind")
    mg_bot.chat("how much the first one costs?", session_id="mind")
    reply = mg_bot.chat("Actually, never mind. Do you have wall calendar?", session_id="mind")
    assert not reply.escalated and reply.products
    assert all("calendar" in p.title.lower() for p in reply.products)


def test_whom_a_present_is_for_does_not_search_its_words(mg_bot):
    reply = mg_bot.chat("Hello, I was looking for wall calendar as a gift to my wife", session_id="her")
    assert reply.products and all("calendar" in p.title.lower() for p in reply.products)
