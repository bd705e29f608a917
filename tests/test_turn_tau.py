"""Follow-ups on tau-bench's retail catalog (real import, index and MiniLM, template answers): a
feed whose titles are product types with their options in brackets ("Hiking Boots (10, synthetic, yes)")."""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def tau_bot(tmp_path_factory, shared_data, embedder):
    from assistant import Assistant
    from assistant.settings import Settings
    from catalog import CatalogStore, import_file
    from retrieval import Retriever

    db = tmp_path_factory.mktemp("tau") / "catalog.db"
    import_file(CatalogStore(db), shared_data / "tau_bench_retail_products.json")
    Retriever.open(db, embedder=embedder)
    return Assistant.from_catalog(db, settings=Settings(data_dir=tmp_path_factory.mktemp("tau-data")), generator=None)


def _family(p) -> str:
    return p.title.split(" (")[0]


def test_a_size_in_a_variant_title_narrows_the_list(tau_bot):
    tau_bot.chat("I am searching for hiking boots", session_id="s")
    tau_bot.chat("waterproof is a must !", session_id="s")
    reply = tau_bot.chat("do you have size 10 of them?", session_id="s")
    assert reply.products and all(p.title.startswith("Hiking Boots (10,") for p in reply.products)


def test_a_homophone_typo_finds_the_product_and_similar_ones_keep_the_family(tau_bot):
    lamps = tau_bot.chat("有没有好一点的台登推荐", session_id="t")
    assert lamps.products and {_family(p) for p in lamps.products} == {"Desk Lamp"}
    shirts = tau_bot.chat("T-shirt please", session_id="u")
    assert {_family(p) for p in shirts.products} == {"T-Shirt"}
    similar = tau_bot.chat("有没有跟第一个差不多的？", session_id="u")
    assert similar.products and {_family(p) for p in similar.products} == {"T-Shirt"}


def test_a_present_for_a_coffee_lover_is_coffee_machines_and_can_be_bought(tau_bot):
    reply = tau_bot.chat("想给我爸买个礼物，他喜欢喝咖啡，帮我看看", session_id="c")
    assert reply.products and {_family(p) for p in reply.products} <= {"Coffee Maker", "Espresso Machine"}
    tau_bot.chat("预算有限，最便宜的是哪个？", session_id="c")
    added = tau_bot.chat("好，放购物车吧", session_id="c")
    assert added.act == "cart_add" and added.cart and added.cart["items"]
