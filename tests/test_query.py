"""Rule-based query parsing: budgets, ratings, stock, sizes, colours, brands, categories, in English and Chinese."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from catalog.filters import Filters
from language import ParsedQuery, Vocabulary, parse_query


@dataclass
class Item:
    """The `catalog.models.Product` fields a vocabulary reads; importing the catalog package costs a second."""

    id: str
    title: str
    price: float
    category: str = ""
    brand: str = ""
    attributes: dict[str, Any] = field(default_factory=dict)


def _catalog() -> list[Item]:
    def product(pid, title, price, category, brand, **attributes):
        return Item(id=pid, title=title, price=price, category=category, brand=brand, attributes=attributes)

    return [
        product("b1", "Trailmark Ridgeback Mid Waterproof Hiking Boot", 89.99, "footwear", "Trailmark",
                subcategory="hiking boots", color="brown", colors_available=["brown", "grey", "black"],
                sizes_available=["9", "9.5", "10"], material="suede and ripstop mesh"),
        product("b2", "Nordvik Fjellsti Leather Boot", 164.0, "footwear", "Nordvik", subcategory="hiking boots",
                color="brown", material="full-grain leather"),
        product("s1", "Nike Pegasus Road Running Shoe", 120.0, "footwear", "Nike", subcategory="running shoes",
                color="black", colors_available=["black", "navy blue"]),
        product("h1", "Sony WH-1000XM5 Headphones", 349.0, "electronics", "Sony", subcategory="headphones",
                color="black"),
        product("t1", "山岚 户外全自动速开帐篷", 459.0, "outdoor", "山岚", subcategory="tents"),
        product("k1", "Kids Hoodie", 20.0, "clothing", "Acme", subcategory="hoodies",
                sizes_available=["3-4Y", "5-6Y"], material="organic cotton"),
        product("r1", "Red Wing Iron Ranger", 350.0, "footwear", "Red Wing", subcategory="work boots"),
        product("j1", "Slim Jeans", 59.0, "clothing", "Acme", subcategory="jeans",
                sizes_available=["30x32", "32x32", "long", "regular"]),
        product("f1", "Oak Coffee Table", 149.0, "furniture & office", "Hearth", subcategory="living room",
                material="solid oak"),
        product("d1", "Steel Bottle", 19.0, "home & kitchen", "Acme", subcategory="drinkware",
                material="brushed stainless steel"),
    ]


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.from_products(_catalog(), brand_aliases={"耐克": "Nike"})


def parse(text: str, vocab: Vocabulary | None = None) -> ParsedQuery:
    return parse_query(text, vocab=vocab)


# -- budgets ----------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, price_min, price_max, currency", [
    ("hiking boots under 100", None, 100.0, None),
    ("boots below $80", None, 80.0, "USD"),
    ("less than 50 dollars", None, 50.0, "USD"),
    ("max 200", None, 200.0, None),
    ("up to 150", None, 150.0, None),
    ("at most 90", None, 90.0, None),
    ("no more than 70", None, 70.0, None),
    ("$100 or less", None, 100.0, "USD"),
    ("cheaper than 60", None, 60.0, None),
    ("within 200", None, 200.0, None),
    ("price lower than 40.00 dollars", None, 40.0, "USD"),
    ("under $1,000", None, 1000.0, "USD"),
    ("under 1.5k", None, 1500.0, None),
    ("100 max", None, 100.0, None),
    ("over 50", 50.0, None, None),
    ("more than 40", 40.0, None, None),
    ("at least 30", 30.0, None, None),
    ("above 25", 25.0, None, None),
    ("$50+", 50.0, None, "USD"),
    ("50 and up", 50.0, None, None),
    ("from 50 to 80", 50.0, 80.0, None),
    ("between 50 and 80", 50.0, 80.0, None),
    ("50-80", 50.0, 80.0, None),
    ("$50 to $80", 50.0, 80.0, "USD"),
    ("around 100", 80.0, 120.0, None),
    ("about $50", 40.0, 60.0, "USD"),
    ("~100", 80.0, 120.0, None),
    ("100-ish", 80.0, 120.0, None),
    ("budget is 300", None, 300.0, None),
    ("my budget is around 200", 160.0, 240.0, None),
    ("100 bucks", None, 100.0, "USD"),
    ("£40", None, 40.0, "GBP"),
    ("50 quid", None, 50.0, "GBP"),
    ("under 50 pounds", None, 50.0, "GBP"),
    ("€35", None, 35.0, "EUR"),
    ("under 30 euros", None, 30.0, "EUR"),
    ("¥300", None, 300.0, "CNY"),
    ("300元", None, 300.0, "CNY"),
    ("50块", None, 50.0, "CNY"),
    ("my budget is 500€", None, 500.0, "EUR"),
    ("under 600$", None, 600.0, "USD"),
    ("under 12,000 nok", None, 12000.0, "NOK"),
])
def test_english_budget_phrases(text, price_min, price_max, currency):
    filters = parse(text).filters
    assert (filters.price_min, filters.price_max, filters.currency) == (price_min, price_max, currency)


@pytest.mark.parametrize("text, price_min, price_max, currency", [
    ("不超过200元", None, 200.0, "CNY"),
    ("200元以内", None, 200.0, "CNY"),
    ("200以下", None, 200.0, None),
    ("低于300", None, 300.0, None),
    ("300块以下", None, 300.0, "CNY"),
    ("预算500", None, 500.0, None),
    ("预算500以内", None, 500.0, None),
    ("预算在1000左右", 800.0, 1200.0, None),
    ("100到200元", 100.0, 200.0, "CNY"),
    ("100-200元之间", 100.0, 200.0, "CNY"),
    ("价格在100-200之间", 100.0, 200.0, None),
    ("高于100", 100.0, None, None),
    ("100元以上", 100.0, None, "CNY"),
    ("至少100元", 100.0, None, "CNY"),
    ("500元左右", 400.0, 600.0, "CNY"),
    ("不超过两百块", None, 200.0, "CNY"),
    ("一千五以内", None, 1500.0, None),
    ("5千以内", None, 5000.0, None),
])
def test_chinese_budget_phrases(text, price_min, price_max, currency):
    filters = parse(text).filters
    assert (filters.price_min, filters.price_max, filters.currency) == (price_min, price_max, currency)


@pytest.mark.parametrize("text", [
    "size 10 boots", "iphone 13", "2 pack socks", "4K monitor", "tent for 2-4 people", "24-70mm lens",
    "50mm lens", "under 2 kg", "under 5 pounds", "15 inch laptop", "kids hoodie 3-4Y", "10 to 12 inch pan",
    "within 2 days", "up to 8 hours battery", "a 3 person tent", "WH-1000XM5", "一双42码的鞋", "一块手表",
    "两到三天发货", "2023-2024 planner", "10 to 12",
])
def test_a_bare_number_is_not_a_price(text):
    filters = parse(text).filters
    assert (filters.price_min, filters.price_max) == (None, None)


def test_budget_words_and_a_unit_number_in_one_message():
    filters = parse("3 person tent under 200").filters
    assert (filters.price_min, filters.price_max) == (None, 200.0)


@pytest.mark.parametrize("text, expected", [
    ("waterproof hiking boots under 120", "waterproof hiking boots"),
    ("I'm looking for waterproof hiking boots under $120", "waterproof hiking boots"),
    ("show me running shoes between 50 and 80 please", "running shoes"),
    ("iphone 13 under 800", "iphone 13"),
    ("不超过200元的跑步鞋", "跑步鞋"),
    ("我想要200元以内的蓝牙耳机", "蓝牙耳机"),
    ("tent for 2-4 people", "tent for 2-4 people"),
])
def test_text_keeps_the_need_and_drops_the_constraints(text, expected):
    assert parse(text).text == expected


# -- rating, stock, size ----------------------------------------------------------------------------
@pytest.mark.parametrize("text, rating", [
    ("headphones rated 4+", 4.0),
    ("4 stars and up", 4.0),
    ("at least 4.5 stars", 4.5),
    ("4+ stars", 4.0),
    ("5-star blender", 5.0),
    ("rating of 4.5 or higher", 4.5),
    ("评分4以上", 4.0),
    ("4星以上", 4.0),
    ("4.5分以上的耳机", 4.5),
    ("highly rated tent", 4.0),
    ("4K monitor", None),
    ("4 pack of socks", None),
    ("at least 30", None),
])
def test_minimum_rating(text, rating):
    assert parse(text).filters.min_rating == rating


def test_a_rating_is_not_a_budget():
    filters = parse("at least 4.5 stars under 100").filters
    assert (filters.min_rating, filters.price_min, filters.price_max) == (4.5, None, 100.0)


@pytest.mark.parametrize("text, in_stock", [
    ("boots in stock", True),
    ("in-stock tents", True),
    ("headphones available now", True),
    ("有货的耳机", True),
    ("现货", True),
    ("not in stock", False),
    ("out of stock boots", False),
    ("boots", False),
])
def test_in_stock(text, in_stock):
    assert parse(text).filters.in_stock is in_stock


@pytest.mark.parametrize("text, size", [
    ("boots size 10", "10"),
    ("size 9.5 hiking boots", "9.5"),
    ("in a size 10", "10"),
    ("do you have it in a 9.5", "9.5"),
    ("EU 42 boots", "42"),
    ("尺码42", "42"),
    ("42码的跑鞋", "42"),
    ("size M hoodie", "M"),
    ("a medium hoodie", "M"),
    ("XL jacket", "XL"),
    ("XL black hoodie", "XL"),
    ("hoodie in a large", "L"),
    ("size small", "S"),
    ("XXL", "XXL"),
    ("M码", "M"),
    ("kids hoodie 3-4Y", "3-4Y"),
])
def test_sizes(vocab, text, size):
    filters = parse(text, vocab).filters
    assert filters.attributes.get("size") == size
    assert filters.price_max is None


@pytest.mark.parametrize("text", ["small backpack", "large tent", "show us 10 options", "in a 2 pack",
                                  "medium roast coffee", "medium brown hair dye"])
def test_words_that_are_not_sizes(text):
    assert "size" not in parse(text).filters.attributes


# -- vocabulary terms -------------------------------------------------------------------------------
@pytest.mark.parametrize("text, color, rest", [
    ("red running shoes", "red", "running shoes"),
    ("running shoes in red", "red", "running shoes"),
    ("boots in navy blue", "navy", "boots"),
    ("grey or black boots", ["grey", "black"], "boots"),
    ("gray boots", "grey", "boots"),
    ("红色跑鞋", "red", "跑鞋"),
    ("有没有红的", "red", ""),
    ("黑色耳机", "black", "耳机"),
    ("蓝色的帐篷", "blue", "帐篷"),
    ("白色", "white", ""),
])
def test_colours(text, color, rest):
    parsed = parse(text)
    assert parsed.filters.attributes.get("color") == color
    assert parsed.text == rest


@pytest.mark.parametrize("text", ["green tea", "white noise machine", "红酒", "black friday deals"])
def test_words_that_are_not_colours(text):
    assert "color" not in parse(text).filters.attributes


def test_a_colour_word_stands_for_the_catalog_values_that_contain_it(vocab):
    assert parse("blue running shoes", vocab).filters.attributes["color"] == ["blue", "navy blue"]


def test_materials_map_to_what_the_catalog_says(vocab):
    parsed = parse("leather boots", vocab)
    assert parsed.filters.attributes["material"] == "full-grain leather"
    assert parsed.text == "boots"
    assert parse("cotton hoodie", vocab).filters.attributes["material"] == "organic cotton"


def test_chinese_material_words_reach_english_catalog_values(vocab):
    parsed = parse("不锈钢保温杯", vocab)
    assert parsed.filters.attributes["material"] == "brushed stainless steel"
    assert parsed.filters.categories == ("home & kitchen",)


def test_material_words_the_catalog_never_uses_stay_search_words(vocab):
    parsed = parse("wool socks", vocab)
    assert "material" not in parsed.filters.attributes
    assert parsed.text == "wool socks"


@pytest.mark.parametrize("text, brands, rest", [
    ("Nike running shoes", ("Nike",), "running shoes"),
    ("NIKE running shoes", ("Nike",), "running shoes"),
    ("Nike's running shoes", ("Nike",), "running shoes"),
    ("headphones by Sony", ("Sony",), "headphones"),
    ("anything from Sony?", ("Sony",), ""),
    ("Red Wing boots", ("Red Wing",), "boots"),
    ("Nikes are great", (), "Nikes are great"),
    ("Sonya", (), "Sonya"),
    ("山岚的帐篷", ("山岚",), "帐篷"),
])
def test_brands_match_whole_words_case_insensitively(vocab, text, brands, rest):
    parsed = parse(text, vocab)
    assert parsed.filters.brands == brands
    assert parsed.text == rest


def test_a_brand_name_is_not_a_colour(vocab):
    assert "color" not in parse("Red Wing boots", vocab).filters.attributes


@pytest.mark.parametrize("text, excluded", [
    ("running shoes, not Nike", ("Nike",)),
    ("no Nike", ("Nike",)),
    ("anything but Nike", ("Nike",)),
    ("except Nike", ("Nike",)),
    ("without Nike", ("Nike",)),
    ("I don't want Nike", ("Nike",)),
    ("nothing from Sony", ("Sony",)),
    ("not Nike or Sony", ("Nike", "Sony")),
    ("not Nike, Sony or Trailmark", ("Nike", "Sony", "Trailmark")),
    ("不要耐克", ("Nike",)),
    ("除了耐克", ("Nike",)),
    ("耐克的不要", ("Nike",)),
])
def test_brand_exclusions(vocab, text, excluded):
    filters = parse(text, vocab).filters
    assert filters.exclude_brands == excluded
    assert filters.brands == ()


def test_a_wanted_and_an_excluded_brand_together(vocab):
    filters = parse("Nike not Sony", vocab).filters
    assert (filters.brands, filters.exclude_brands) == (("Nike",), ("Sony",))


@pytest.mark.parametrize("text, categories, rest", [
    ("waterproof hiking boots", ("footwear",), "waterproof hiking boots"),
    ("headphones", ("electronics",), "headphones"),
    ("a hiking boot", ("footwear",), "hiking boot"),
    ("boots", ("footwear",), "boots"),
    ("耳机", ("electronics",), "耳机"),
    ("帐篷", ("outdoor",), "帐篷"),
    ("a gift for my dad", (), "gift for my dad"),
])
def test_categories_from_subcategories_head_nouns_and_synonyms(vocab, text, categories, rest):
    parsed = parse(text, vocab)
    assert parsed.filters.categories == categories
    assert parsed.text == rest


def test_vague_head_nouns_name_no_category(vocab):
    assert parse("tent with lots of room", vocab).filters.categories == ("outdoor",)


@pytest.mark.parametrize("text, size", [("jeans 32x32", "32x32"), ("long battery life", None),
                                        ("regular fit jeans", None)])
def test_catalog_sizes_said_alone(vocab, text, size):
    assert parse(text, vocab).filters.attributes.get("size") == size


def test_category_terms_can_be_added(vocab):
    extended = Vocabulary.from_products(_catalog(), category_terms={"cans": "electronics"})
    assert parse("noise cancelling cans", extended).filters.categories == ("electronics",)


# -- ruled-out attribute values -------------------------------------------------------------------
def test_a_ruled_out_colour_becomes_every_other_known_colour(vocab):
    parsed = parse("boots, I don't want red", vocab)
    assert parsed.excluded_attributes == {"color": ("red",)}
    colors = parsed.filters.attributes["color"]
    assert "red" not in colors and {"black", "brown", "navy blue"} <= set(colors)
    assert parsed.text == "boots"


@pytest.mark.parametrize("text", ["not red", "no red", "不要红色"])
def test_ruled_out_colour_phrases(text):
    parsed = parse(text)
    assert parsed.excluded_attributes == {"color": ("red",)}
    assert "red" not in parsed.filters.attributes["color"]


def test_a_named_colour_wins_over_the_complement():
    parsed = parse("blue, not red")
    assert parsed.filters.attributes["color"] == "blue"
    assert parsed.excluded_attributes == {"color": ("red",)}


# -- whole requests ---------------------------------------------------------------------------------
def test_a_full_request(vocab):
    parsed = parse("I'm looking for waterproof hiking boots in brown, size 10, rated 4+, not Trailmark, "
                   "under $150, in stock", vocab)
    assert parsed.text == "waterproof hiking boots"
    assert parsed.filters == Filters(price_max=150.0, currency="USD", categories=("footwear",),
                                     exclude_brands=("Trailmark",), min_rating=4.0, in_stock=True,
                                     attributes={"color": "brown", "size": "10"})


def test_a_full_chinese_request(vocab):
    parsed = parse("帮我找500元左右的黑色耳机，评分4以上，有货，不要耐克", vocab)
    assert parsed.text == "耳机"
    assert parsed.filters == Filters(price_min=400.0, price_max=600.0, currency="CNY", categories=("electronics",),
                                     exclude_brands=("Nike",), min_rating=4.0, in_stock=True,
                                     attributes={"color": "black"})


def test_without_a_vocabulary_builtin_words_still_work():
    parsed = parse_query("red boots under 100")
    assert (parsed.text, parsed.filters.price_max, parsed.filters.attributes) == ("boots", 100.0, {"color": "red"})


@pytest.mark.parametrize("text", ["", "   ", "???", "🙂"])
def test_empty_ish_input(text):
    parsed = parse(text)
    assert parsed.filters.is_empty()


def test_vocabulary_from_products(vocab):
    assert vocab.brands == ("Acme", "Hearth", "Nike", "Nordvik", "Red Wing", "Sony", "Trailmark", "山岚")
    assert set(vocab.categories) == {"clothing", "electronics", "footwear", "furniture & office", "home & kitchen",
                                     "outdoor"}
    assert {"navy blue", "red", "brown"} <= set(vocab.values("color"))
    assert vocab.complement("color", ["red"]) == tuple(c for c in vocab.values("color") if c != "red")
