""""Does it come in red?" / "do they come in size 12?" / "what colours does it come in?", answered from
the rows: the demo catalog's option lists, and a feed sold as variants (real importer, SQLite, index and
MiniLM; template answers). Expected values are read from the rows, not written into the test."""
from __future__ import annotations

import json
import re

import pytest

VARIANT_FEED = [  # tau-bench's shape: one product, its variants under "variants" with their options
    {"name": "Rain Jacket", "product_id": "900",
     "variants": {
         "901": {"item_id": "901", "options": {"color": "navy", "size": "M"}, "available": True, "price": 80.0},
         "902": {"item_id": "902", "options": {"color": "navy", "size": "L"}, "available": True, "price": 82.0},
         "903": {"item_id": "903", "options": {"color": "yellow", "size": "S"}, "available": True, "price": 78.0},
         "904": {"item_id": "904", "options": {"color": "yellow", "size": "XL"}, "available": False, "price": 85.0},
     }},
    {"name": "Wool Beanie", "product_id": "910",
     "variants": {"911": {"item_id": "911", "options": {"color": "grey"}, "available": True, "price": 20.0}}},
]


@pytest.fixture(scope="module")
def variant_bot(tmp_path_factory, embedder):
    from assistant import Assistant
    from assistant.settings import Settings
    from catalog import CatalogStore, import_file
    from retrieval import Retriever

    folder = tmp_path_factory.mktemp("variants")
    feed = folder / "feed.json"
    feed.write_text(json.dumps(VARIANT_FEED))
    db = folder / "catalog.db"
    import_file(CatalogStore(db), feed)
    Retriever.open(db, embedder=embedder)
    return Assistant.from_catalog(db, settings=Settings(data_dir=folder / "data"), generator=None)


def test_it_means_the_product_not_only_the_variant_on_screen(variant_bot):
    first = variant_bot.chat("show me rain jackets", session_id="v1")
    assert first.products and all(p.title.startswith("Rain Jacket") for p in first.products)
    shown_colours = {p.attributes["color"] for p in first.products[:1]}
    other = "yellow" if "navy" in shown_colours else "navy"
    reply = variant_bot.chat(f"do you have it in {other}?", session_id="v1")
    assert reply.text.startswith("Yes") and other in reply.text
    assert reply.products and all(p.attributes["color"] == other for p in reply.products)


def test_a_colour_no_variant_has_gets_a_no_with_what_there_is(variant_bot):
    variant_bot.chat("rain jacket please", session_id="v2")
    reply = variant_bot.chat("does it come in red?", session_id="v2")
    assert reply.text.startswith("No") and "red" in reply.text
    assert "navy" in reply.text and "yellow" in reply.text  # what every variant of the group comes in


def test_what_sizes_lists_every_variants_size(variant_bot):
    variant_bot.chat("rain jacket please", session_id="v3")
    reply = variant_bot.chat("what sizes does it come in?", session_id="v3")
    assert {"S", "M", "L", "XL"} <= set(re.findall(r"\w+", reply.text))
    assert not reply.text.startswith(("Yes", "No"))


def test_an_option_only_sold_out_variants_have_says_so(variant_bot):
    variant_bot.chat("rain jacket please", session_id="v5")
    reply = variant_bot.chat("do you have it in XL?", session_id="v5")  # the one XL variant is not available
    assert "out of stock" in reply.text and not reply.text.startswith("Yes")


def test_chinese_option_question_answers_in_chinese(variant_bot):
    variant_bot.chat("rain jacket please", session_id="v4")
    reply = variant_bot.chat("这件有黄色的吗", session_id="v4")
    assert reply.language == "zh" and "黄色" in reply.text
    assert reply.products and all(p.attributes["color"] == "yellow" for p in reply.products)


def test_demo_sizes_per_shown_product_from_its_row(template_bot):
    boots = template_bot.chat("waterproof hiking boots", session_id="d1")
    assert len(boots.products) > 1
    sizes = [set(p.attributes.get("sizes_available") or []) for p in boots.products[:4]]
    size = next((s for s in ("12", "13", "5", "7") if any(s in x for x in sizes) and not all(s in x for x in sizes)),
                None)
    if size is None:
        pytest.skip("the demo's first boots all list the same sizes")
    reply = template_bot.chat(f"do they come in size {size}?", session_id="d1")
    lines = reply.text.splitlines()
    for p, has in zip(boots.products[:4], sizes):
        line = next(line for line in lines if p.title in line)
        assert line.startswith("Yes" if size in has else "No"), line


def test_demo_colour_question_names_the_rows_colours(template_bot):
    boots = template_bot.chat("waterproof hiking boots", session_id="d2")
    second = boots.products[1]
    reply = template_bot.chat("what colours does the second one come in?", session_id="d2")
    assert second.title in reply.text
    assert all(c in reply.text for c in second.attributes["colors_available"])
    colours = set(second.attributes["colors_available"])
    missing = next(c for c in ("red", "pink", "orange", "purple", "white") if c not in colours)
    no = template_bot.chat(f"does the second one come in {missing}?", session_id="d2")
    assert no.text.startswith("No") and missing in no.text


def test_sizes_plural_is_not_size_s():
    from language.understand import understand

    u = understand("what sizes does it come in?", shown=["a"], shown_titles=["T-Shirt (red, S, cotton)"])
    assert u.question_topic == "size" and not u.filters_delta


def test_what_this_one_is_made_of_is_its_own_row_and_what_it_comes_in_is_every_variant(variant_bot):
    first = variant_bot.chat("rain jacket please", session_id="v6")
    own = first.products[0].attributes["color"]
    this = variant_bot.chat("what colour is this one?", session_id="v6")
    assert own in this.text and not ({"navy", "yellow"} - {own}) & set(re.findall(r"\w+", this.text))
    options = variant_bot.chat("有什么颜色", session_id="v6")
    assert options.language == "zh" and {"藏青色", "黄色"} & set(re.findall(r"[\u4e00-\u9fff]+色", options.text))
