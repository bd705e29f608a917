"""Per-turn understanding (act, constraints, references, topic) and the preferences kept across turns."""
from __future__ import annotations

import importlib
import json
import pkgutil
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest

import language
from catalog.filters import Filters
from language import ACTS, TOPICS, Preferences, Understanding, Vocabulary, understand
from language.patterns import Rule


@dataclass
class Item:
    """The `catalog.models.Product` fields a vocabulary reads."""

    title: str
    brand: str
    category: str
    attributes: dict[str, Any] = field(default_factory=dict)


CATALOG = [
    Item("Trailmark Ridgeback Mid Waterproof Hiking Boot", "Trailmark", "footwear",
         {"subcategory": "hiking boots", "color": "brown", "colors_available": ["brown", "black"]}),
    Item("Nordvik Fjellsti Leather Boot", "Nordvik", "footwear",
         {"subcategory": "hiking boots", "color": "brown", "material": "full-grain leather"}),
    Item("Nike Pegasus Road Running Shoe", "Nike", "footwear", {"subcategory": "running shoes", "color": "black"}),
    Item("Sony WH-1000XM5 Headphones", "Sony", "electronics", {"subcategory": "headphones"}),
    Item("Alpine Dome Tent", "Alpine", "outdoor", {"subcategory": "tents"}),
]
SHOWN = ["b1", "b2", "s1"]
TITLES = [item.title for item in CATALOG[:3]]
PRICES = [89.99, 164.0, 120.0]


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return Vocabulary.from_products(CATALOG, brand_aliases={"耐克": "Nike"})


def hear(text: str, vocab: Vocabulary, *, shown=SHOWN, **kw) -> Understanding:
    return understand(text, vocab=vocab, shown=shown, shown_titles=TITLES[:len(shown)], **kw)


# -- acts -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, act", [
    ("waterproof hiking boots under 120", "search"),
    ("hello, I need hiking boots under 100", "search"),
    ("what about running shoes instead?", "search"),
    ("我想要200元以内的帐篷", "search"),
    ("in red", "refine"),
    ("cheaper", "refine"),
    ("anything from Sony?", "refine"),
    ("something bigger", "refine"),
    ("under 50 instead", "refine"),
    ("show me more", "refine"),
    ("other options", "refine"),
    ("not Trailmark", "refine"),
    ("waterproof ones", "refine"),
    ("I don't want red", "refine"),
    ("有没有红色的", "refine"),
    ("便宜点", "refine"),
    ("不要耐克", "refine"),
    ("does it have a warranty?", "question"),
    ("how heavy is it?", "question"),
    ("what do reviewers say?", "question"),
    ("is the second one waterproof?", "question"),
    ("the second one", "question"),
    ("tell me more about the Ridgeback", "question"),
    ("第二个防水吗", "question"),
    ("保修多久", "question"),
    ("compare the first two", "compare"),
    ("which is better, 1 or 3?", "compare"),
    ("compare them", "compare"),
    ("Nordvik vs Trailmark", "compare"),
    ("对比一下前两个", "compare"),
    ("哪个好", "compare"),
    ("add the second one to my cart", "cart_add"),
    ("I'll take it", "cart_add"),
    ("buy the first one", "cart_add"),
    ("I'll take two of them", "cart_add"),
    ("加入购物车", "cart_add"),
    ("买第一个", "cart_add"),
    ("remove the first one from my cart", "cart_remove"),
    ("take it out of my basket", "cart_remove"),
    ("把第二个从购物车删除", "cart_remove"),
    ("what's in my cart", "cart_show"),
    ("show cart", "cart_show"),
    ("checkout total", "cart_show"),
    ("购物车里有什么", "cart_show"),
    ("talk to a human", "human"),
    ("can I speak to a real person?", "human"),
    ("转人工", "human"),
    ("hi", "greeting"),
    ("Hello there!", "greeting"),
    ("你好", "greeting"),
    ("thanks!", "thanks"),
    ("ok thank you so much", "thanks"),
    ("谢谢", "thanks"),
    ("what's the weather like?", "off_topic"),
    ("tell me a joke", "off_topic"),
    ("今天天气怎么样", "off_topic"),
    ("who are you", "smalltalk"),
    ("你是谁", "smalltalk"),
    ("ok", "smalltalk"),
    ("asdfgh", "unclear"),
    ("qwrtzp xkcd", "unclear"),
    ("", "unclear"),
    ("???", "unclear"),
    ("hmm", "unclear"),
])
def test_act(vocab, text, act):
    assert hear(text, vocab).act == act


@pytest.mark.parametrize("text, act", [
    ("I want to buy hiking boots", "search"),  # "buy" without a shown product is a search
    ("rain jacket for rainy weather", "search"),  # weather words inside a product need
    ("boots that are waterproof", "search"),  # "that" is not a pronoun for a shown product
    ("can I get it in red?", "question"),  # asks about the shown product, not a cart add
    ("do you have any in red?", "refine"),
    ("make it cheaper", "refine"),
    ("can you make it cheaper?", "refine"),
    ("能便宜点吗", "refine"),
    ("thanks, now show me cheaper ones", "refine"),
    ("I am on a budget :/", "refine"),
    ("my budget is 600$", "refine"),
    ("does it have a hood?", "question"),  # an open question about the shown product
    ("what is the plot?", "question"),
    ("Actually I am buying this for my child", "search"),  # "this" without a question
    ("do you have anything waterproof?", "search"),  # asks for products, not about the shown ones
    ("do you have it in red?", "question"),
    ("Hi :)", "greeting"),
    ("nah thanks", "thanks"),
    ("thank you for your help!", "thanks"),
    ("wow, that sounds great", "smalltalk"),
    ("Ohhh, good idea !", "smalltalk"),
    ("no problem", "smalltalk"),
    ("I'll make an order", "cart_add"),
])
def test_act_in_tricky_phrasing(vocab, text, act):
    assert hear(text, vocab).act == act


def test_acts_and_topics_are_from_the_published_lists(vocab):
    for text in ("boots", "is it waterproof?", "hi", "加入购物车", "asdf", "how much is it?"):
        u = hear(text, vocab)
        assert u.act in ACTS
        assert u.question_topic is None or u.question_topic in TOPICS


# -- references -------------------------------------------------------------------------------------
@pytest.mark.parametrize("text, count, references", [
    ("the second one", 3, [1]),
    ("the first two", 3, [0, 1]),
    ("compare the first two", 3, [0, 1]),
    ("both", 3, [0, 1]),
    ("the last one", 3, [2]),
    ("the last one", 5, [4]),
    ("the last two", 4, [2, 3]),
    ("the second to last", 4, [2]),
    ("#3", 3, [2]),
    ("number 3", 3, [2]),
    ("option 3", 3, [2]),
    ("the 2nd one", 3, [1]),
    ("compare the first and third", 3, [0, 2]),
    ("which is better, 1 or 3?", 3, [0, 2]),
    ("compare them", 3, [0, 1, 2]),
    ("第二个", 3, [1]),
    ("第3款", 3, [2]),
    ("前两个", 3, [0, 1]),
    ("最后一个", 3, [2]),
    ("两个都", 3, [0, 1]),
    ("the fifth one", 3, []),  # out of range
    ("that one", 1, [0]),
    ("does it have a warranty?", 1, [0]),
    ("这个", 1, [0]),
    ("does it have a warranty?", 3, []),  # ambiguous without a focus
    ("first aid kit", 3, []),
    ("wait a second", 3, []),
])
def test_references(vocab, text, count, references):
    shown = [f"p{i}" for i in range(count)]
    assert understand(text, vocab=vocab, shown=shown).references == references


def test_it_means_the_product_in_focus(vocab):
    assert hear("does it have a warranty?", vocab, focus=2).references == [2]
    assert hear("is that one waterproof?", vocab, focus=1).references == [1]


@pytest.mark.parametrize("text, references", [
    ("is the Ridgeback waterproof?", [0]),
    ("tell me more about the Nordvik", [1]),
    ("compare the Pegasus and the Ridgeback", [0, 2]),
    ("add the Pegasus to my cart", [2]),
])
def test_a_title_word_refers_to_a_shown_product(vocab, text, references):
    assert hear(text, vocab).references == references


def test_a_brand_exclusion_does_not_refer_to_the_product_it_names(vocab):
    assert hear("not Trailmark", vocab).references == []


@pytest.mark.parametrize("text, index", [("add the cheapest one", 0), ("the most expensive one", 1),
                                         ("最便宜的", 0)])
def test_cheapest_and_dearest_refer_by_price(vocab, text, index):
    assert hear(text, vocab, shown_prices=PRICES).references == [index]


# -- question topics --------------------------------------------------------------------------------
@pytest.mark.parametrize("text, topic", [
    ("does it have a warranty?", "warranty"),
    ("how heavy is it?", "weight"),
    ("how much does it weigh?", "weight"),
    ("what do reviewers say?", "reviews"),
    ("what sizes does it come in?", "size"),
    ("does it run small?", "size"),
    ("what colours does the first one come in?", "color"),
    ("does it come in red?", "color"),
    ("what's it made of?", "material"),
    ("how long does the battery last?", "battery"),
    ("how long does shipping take?", "shipping"),
    ("can I return it?", "returns"),
    ("is it in stock?", "stock"),
    ("how much is the second one?", "price"),
    ("what are the dimensions?", "dimensions"),
    ("will it fit in my car?", "dimensions"),
    ("is the second one waterproof?", "waterproof"),
    ("tell me more about the second one", "other"),
    ("保修多久", "warranty"),
    ("这双多重", "weight"),
    ("评价怎么样", "reviews"),
    ("第二个防水吗", "waterproof"),
    ("包邮吗", "shipping"),
    ("能退货吗", "returns"),
    ("续航多久", "battery"),
    ("有货吗", "stock"),
    ("多少钱", "price"),
    ("尺码偏小吗", "size"),
    ("什么材质", "material"),
])
def test_question_topics(vocab, text, topic):
    u = hear(text, vocab)
    assert (u.act, u.question_topic) == ("question", topic)


# -- flags, need words, deltas ----------------------------------------------------------------------
@pytest.mark.parametrize("text, cheaper, pricier, more", [
    ("cheaper", True, False, False),
    ("something less expensive", True, False, False),
    ("more affordable ones", True, False, False),
    ("too expensive", True, False, False),
    ("便宜点", True, False, False),
    ("更便宜的", True, False, False),
    ("more premium", False, True, False),
    ("better quality", False, True, False),
    ("贵一点的", False, True, False),
    ("show me more", False, False, True),
    ("other options", False, False, True),
    ("anything else?", False, False, True),
    ("还有别的吗", False, False, True),
    ("cheaper than 60", False, False, False),  # a budget, not "cheaper than what I saw"
    ("more than 50", False, False, False),
    ("anything other than Nike", False, False, False),
    ("the cheapest ones", True, False, False),  # no prices known: a wish, not a reference
    ("要最便宜的", True, False, False),
    ("the most expensive", False, True, False),
])
def test_price_and_more_flags(vocab, text, cheaper, pricier, more):
    u = hear(text, vocab)
    assert (u.cheaper, u.pricier, u.more) == (cheaper, pricier, more)


@pytest.mark.parametrize("text, query_text", [
    ("waterproof hiking boots under 120", "waterproof hiking boots"),
    ("I'm looking for a tent for 2-4 people", "tent for 2-4 people"),
    ("what about running shoes instead?", "running shoes"),
    ("in red", ""),
    ("cheaper", ""),
    ("not Trailmark", ""),
    ("under 50 instead", ""),
    ("something bigger", "bigger"),
    ("waterproof ones", "waterproof"),
    ("我想要200元以内的帐篷", "帐篷"),
    ("有没有红色的", ""),
])
def test_query_text(vocab, text, query_text):
    assert hear(text, vocab).query_text == query_text


@pytest.mark.parametrize("text, delta", [
    ("waterproof hiking boots under 120", {"price_max": 120.0, "categories": ("footwear",)}),
    ("in brown", {"attributes": {"color": "brown"}}),
    ("under 50 instead", {"price_max": 50.0}),
    ("anything from Sony?", {"brands": ("Sony",)}),
    ("not Trailmark", {"exclude_brands": ("Trailmark",)}),
    ("rated 4+ and in stock", {"min_rating": 4.0, "in_stock": True}),
    ("size 10", {"attributes": {"size": "10"}}),
    ("不要耐克", {"exclude_brands": ("Nike",)}),
    ("500元左右", {"price_min": 400.0, "price_max": 600.0, "currency": "CNY"}),
    ("compare between 1 and 3", {}),  # compare carries no filters
    ("add 2 to my cart", {}),
])
def test_filters_delta(vocab, text, delta):
    assert hear(text, vocab).filters_delta == delta


def test_a_ruled_out_colour(vocab):
    u = hear("I don't want red", vocab)
    assert u.excluded == {"color": ["red"]}
    assert "red" not in u.filters_delta["attributes"]["color"]


@pytest.mark.parametrize("text, quantity", [
    ("I'll take two of them", 2),
    ("add 3 to my cart", 3),
    ("add two of the first one to my cart", 2),
    ("buy the first one x2", 2),
    ("add it to my cart, quantity 4", 4),
    ("I'll take it", 1),
    ("add the first two to my cart", 1),
    ("买两件", 2),
    ("加入购物车 3个", 3),
])
def test_quantity(vocab, text, quantity):
    u = hear(text, vocab)
    assert (u.act, u.quantity) == ("cart_add", quantity)


def test_two_of_them_points_at_the_only_product(vocab):
    assert hear("I'll take two of them", vocab, shown=["p0"]).references == [0]


def test_language(vocab):
    assert (hear("boots", vocab).language, hear("登山鞋", vocab).language) == ("en", "zh")


def test_understanding_serialises(vocab):
    data = hear("waterproof hiking boots under 120", vocab).to_dict()
    assert json.loads(json.dumps(data))["act"] == "search"


# -- preferences across turns -----------------------------------------------------------------------
def converse(vocab: Vocabulary, turns: list[tuple[str, list[float]]], prefs: Preferences | None = None) -> Preferences:
    """Feed (message, prices shown before it) pairs through understand + apply, like the dialogue does."""
    prefs = prefs or Preferences()
    for text, prices in turns:
        u = understand(text, vocab=vocab, shown=[f"p{i}" for i in range(len(prices))])
        prefs = prefs.apply(u, last_prices=prices)
    return prefs


def test_a_shopping_conversation(vocab):
    shown = [89.99, 94.99, 110.0]
    prefs = converse(vocab, [("waterproof hiking boots under 120", [])])
    assert prefs == Preferences("waterproof hiking boots", Filters(price_max=120.0, categories=("footwear",)))
    prefs = converse(vocab, [("in brown", shown)], prefs)
    assert prefs.filters.attributes == {"color": "brown"}
    prefs = converse(vocab, [("cheaper", shown)], prefs)
    assert prefs.filters.price_max == 89.98
    prefs = converse(vocab, [("not Trailmark", [79.0, 85.0])], prefs)
    assert prefs.filters.exclude_brands == ("Trailmark",)
    before = prefs
    prefs = converse(vocab, [("the second one", [79.0, 85.0]), ("is it waterproof?", [79.0, 85.0]),
                             ("add it to my cart", [79.0, 85.0])], prefs)
    assert prefs == before
    assert prefs.query == "waterproof hiking boots"
    assert prefs.filters == Filters(price_max=89.98, categories=("footwear",), exclude_brands=("Trailmark",),
                                    attributes={"color": "brown"})


def test_a_chinese_conversation(vocab):
    prefs = converse(vocab, [("我想要500元以内的登山鞋", []), ("黑色的", [300.0, 450.0]), ("便宜点", [300.0, 450.0]),
                             ("不要耐克", [199.0])])
    assert prefs.query == "登山鞋"
    assert prefs.filters == Filters(price_max=299.99, currency="CNY", categories=("footwear",),
                                    exclude_brands=("Nike",), attributes={"color": "black"})


@pytest.mark.parametrize("turns, price_min, price_max", [
    ([("boots under 120", []), ("under 50 instead", [60.0])], None, 50.0),  # a stated budget replaces
    ([("boots between 80 and 120", []), ("under 50", [90.0])], None, 50.0),  # ... both bounds
    ([("boots", []), ("cheaper", [60.0, 75.0])], None, 59.99),
    ([("boots over 100", []), ("cheaper", [130.0])], 100.0, 129.99),  # the floor stays below the new cap
    ([("boots over 100", []), ("cheaper", [100.0])], None, 99.99),  # ... or goes when it would block it
    ([("boots under 100", []), ("cheaper", [])], None, 80.0),  # nothing shown: 20% off the cap
    ([("boots", []), ("cheaper", [])], None, None),
    ([("boots under 100", []), ("more premium", [60.0, 95.0])], 95.01, 100.0),
    ([("boots under 100", []), ("better quality", [60.0, 99.99])], 100.0, None),  # the cap goes when it blocks
    ([("boots under 100", []), ("more premium", [])], None, None),  # nothing shown: lift the cap
    ([("boots under 100", []), ("cheaper, under 40", [60.0])], None, 40.0),  # a stated budget wins
])
def test_budget_rules(vocab, turns, price_min, price_max):
    filters = converse(vocab, turns).filters
    assert (filters.price_min, filters.price_max) == (price_min, price_max)


def test_a_new_need_keeps_the_budget_and_drops_product_attributes(vocab):
    prefs = converse(vocab, [("hiking boots under 120 in brown size 10, rated 4+, in stock, not Nike", []),
                             ("running shoes", [100.0])])
    assert prefs.query == "running shoes"
    assert prefs.filters == Filters(price_max=120.0, categories=("footwear",), exclude_brands=("Nike",),
                                    min_rating=4.0, in_stock=True)


def test_a_new_category_drops_the_budget(vocab):
    prefs = converse(vocab, [("hiking boots under 120", []), ("a tent", [100.0])])
    assert (prefs.query, prefs.filters) == ("tent", Filters(categories=("outdoor",)))


def test_a_new_need_with_its_own_budget(vocab):
    prefs = converse(vocab, [("hiking boots under 120", []), ("headphones under 300", [100.0])])
    assert (prefs.filters.price_max, prefs.filters.categories) == (300.0, ("electronics",))


def test_the_same_need_reworded_is_a_refinement(vocab):
    prefs = converse(vocab, [("boots in brown", []), ("waterproof hiking boots", [100.0])])
    assert prefs.query == "waterproof hiking boots"
    assert prefs.filters.attributes == {"color": "brown"}


def test_exclusions_accumulate_and_a_named_brand_lifts_its_exclusion(vocab):
    prefs = converse(vocab, [("boots, not Nike", []), ("no Trailmark", [1.0]), ("tents", [1.0])])
    assert prefs.filters.exclude_brands == ("Nike", "Trailmark")
    prefs = converse(vocab, [("anything from Nike?", [1.0])], prefs)
    assert (prefs.filters.brands, prefs.filters.exclude_brands) == (("Nike",), ("Trailmark",))


def test_ruled_out_colours_narrow_the_current_choice(vocab):
    prefs = converse(vocab, [("boots in red or black", []), ("not red", [1.0])])
    assert prefs.filters.attributes == {"color": "black"}
    prefs = converse(vocab, [("not black", [1.0])], prefs)
    colors = prefs.filters.attributes["color"]
    assert "black" not in colors and "red" in colors


def test_a_new_colour_replaces_the_old_one(vocab):
    prefs = converse(vocab, [("boots in brown", []), ("in black", [1.0])])
    assert prefs.filters.attributes == {"color": "black"}


def test_refinement_words_are_added_to_the_query(vocab):
    prefs = converse(vocab, [("hiking boots", []), ("something lighter", [1.0]), ("waterproof ones", [1.0]),
                             ("waterproof ones", [1.0])])
    assert prefs.query == "waterproof hiking boots lighter"  # a property goes before the product words


def test_more_keeps_the_preferences(vocab):
    prefs = converse(vocab, [("hiking boots under 120", [])])
    assert converse(vocab, [("show me more", [100.0, 110.0])], prefs) == prefs


def test_preferences_round_trip_through_json(vocab):
    prefs = converse(vocab, [("hiking boots between 50 and 120 in brown, size 10, rated 4+, not Nike", [])])
    restored = Preferences.from_dict(json.loads(json.dumps(prefs.to_dict())))
    assert restored == prefs
    assert Preferences.from_dict({}) == Preferences() == Preferences.from_dict(None)


def test_trigger_words_never_hide_a_match():
    """Each rule skips its regex unless a trigger word is present; that must never change an answer."""
    texts = [Path(__file__).read_text(encoding="utf-8"),
             Path(__file__).with_name("test_language.py").read_text(encoding="utf-8")]
    phrases = {p for text in texts for p in re.findall(r'"([^"\n]{2,})"', text)}
    rules: list[Rule] = []
    for info in pkgutil.iter_modules(language.__path__):
        for value in vars(importlib.import_module(f"language.{info.name}")).values():
            items = value if isinstance(value, tuple) else (value,)
            rules += [r for item in items for r in (item if isinstance(item, tuple) else (item,)) if isinstance(r, Rule)]
    assert len(rules) > 40
    for rule in rules:
        for phrase in phrases:
            assert rule.possible(phrase) or not rule.pattern.search(phrase), (rule.pattern.pattern[:60], phrase)
