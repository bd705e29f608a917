"""Answers computed straight from catalog rows: money, product lines, facts, comparisons.

These are what the shopper sees for facts (the model never decides one), and what stands in for
a generated recommendation that the grounding guardrail could not keep. Every function takes the
shopper's language; the words come from `prompts/phrases.json`.
"""
from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

from catalog.models import Product
from prompts import phrase

_SYMBOLS = {"USD": "$", "EUR": "€", "GBP": "£", "CNY": "¥", "JPY": "¥"}

# question topic -> attribute keys that answer it (first present wins)
TOPIC_KEYS: dict[str, tuple[str, ...]] = {
    "warranty": ("warranty", "warrantyInformation"),
    "weight": ("weight",),
    "size": ("size", "sizes_available", "sizes"),
    "color": ("color", "colors_available", "colors"),
    "material": ("material", "materials"),
    "battery": ("battery_life", "battery"),
    "shipping": ("shipping", "shippingInformation", "delivery"),
    "returns": ("return_policy", "returnPolicy", "returns"),
    "dimensions": ("dimensions", "size_cm"),
    "waterproof": ("waterproof", "water_resistance", "waterproof_rating"),
}
TOPIC_WORDS = {
    "en": {"warranty": "a warranty", "weight": "the weight", "size": "the sizes", "color": "the colours",
           "material": "the material", "battery": "the battery life", "shipping": "shipping times",
           "returns": "the return policy", "dimensions": "the dimensions",
           "waterproof": "whether it is waterproof", "other": "that"},
    "zh": {"warranty": "保修信息", "weight": "重量", "size": "尺码", "color": "颜色", "material": "材质",
           "battery": "续航", "shipping": "配送时间", "returns": "退货政策", "dimensions": "尺寸",
           "waterproof": "是否防水", "other": "这方面的信息"},
}
# Field names as a Chinese shopper reads them (other fields keep the catalog's own name).
KEY_NAMES_ZH = {
    "price": "价格", "stock": "库存", "availability": "供货", "warranty": "保修", "warrantyInformation": "保修",
    "weight": "重量", "material": "材质", "materials": "材质", "size": "尺码", "sizes": "尺码",
    "sizes_available": "可选尺码", "color": "颜色", "colors": "颜色", "colors_available": "可选颜色",
    "battery_life": "续航", "battery": "电池", "shipping": "配送", "shippingInformation": "配送", "delivery": "配送",
    "return_policy": "退货政策", "returnPolicy": "退货政策", "returns": "退货政策", "dimensions": "尺寸",
    "waterproof": "防水", "water_resistance": "防水", "rating": "评分", "brand": "品牌", "battery life": "续航",
    "return policy": "退货政策", "warranty information": "保修", "shipping information": "配送",
    "category": "类别", "subcategory": "类别", "type": "类型", "model": "型号", "connectivity": "连接方式",
    "layout": "布局", "switches": "轴体", "backlight": "背光", "capacity": "容量", "power": "功率",
    "wattage": "功率", "voltage": "电压", "display": "屏幕", "screen": "屏幕", "screen_size": "屏幕尺寸",
    "storage": "存储", "memory": "内存", "ram": "内存", "processor": "处理器", "resolution": "分辨率",
    "features": "功能", "noise_cancelling": "降噪", "noise_cancellation": "降噪", "fit": "版型", "style": "款式",
    "pattern": "图案", "gender": "适用人群", "age": "适用年龄", "pages": "页数", "author": "作者",
    "format": "版本", "language": "语言", "speed": "速度", "compatibility": "兼容", "sole": "鞋底",
    "closure": "闭合方式", "heel_height": "跟高", "volume": "容量", "scent": "香型", "skin_type": "适用肤质",
}
# Words that say a property is absent or partial ("not fully waterproof", "不防水").
_NEGATION = re.compile(r"\b(?:not|no|non|isn't|aren't|without|never)\b[\w\s-]{0,20}$|(?:不|非|没有|无)$",
                       re.IGNORECASE)


def money(amount: float, currency: str = "USD") -> str:
    sym = _SYMBOLS.get((currency or "USD").upper())
    return f"{sym}{amount:,.2f}" if sym else f"{amount:,.2f} {currency}"


def value_text(value: Any) -> str:
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, list):
        return ", ".join(map(str, value))
    if isinstance(value, dict):
        return " x ".join(f"{v}" for v in value.values()) if all(isinstance(v, (int, float)) for v in value.values()) \
            else ", ".join(f"{k} {v}" for k, v in value.items())
    return str(value)


def product_line(p: Product, *, index: int | None = None, lang: str = "en") -> str:
    """`1. Trailmark Ridge GTX — $119.00, rated 4.6, in stock`"""
    bits = [money(p.price, p.currency)]
    if p.rating is not None:
        bits.append(phrase("rated_line", lang, rating=f"{p.rating:.1f}"))
    bits.append(phrase("in_stock" if p.in_stock else "out_of_stock", lang))
    prefix = f"{index}. " if index is not None else ""
    return f"{prefix}{p.title} — {('，' if lang == 'zh' else ', ').join(bits)}"


def product_summary(p: Product, *, lang: str = "en") -> str:
    """"The second one": what the row says about it, in short: its line, first sentence, a few facts."""
    lines = [product_line(p, lang=lang)]
    first = next(iter(re.split(r"(?<=[.!?。！？])\s*", " ".join(p.description.split()))), "").strip()
    if first:
        lines.append(first)
    facts = [f"{k.replace('_', ' ')}: {value_text(v)}" for k, v in p.attributes.items()
             if v not in (None, "", [], False) and not isinstance(v, dict) and len(value_text(v)) <= 40][:4]
    if facts:
        lines.append(("；" if lang == "zh" else "; ").join(facts))
    return "\n".join(lines)


def fact(p: Product, topic: str, *, lang: str = "en") -> tuple[str, Any] | None:
    """(key, value) that answers `topic` for `p`, or None when the catalog does not say."""
    if topic == "price":
        return "price", money(p.price, p.currency)
    if topic == "stock":
        if p.stock is not None:
            return "stock", phrase("n_in_stock", lang, n=p.stock) if p.stock > 0 else phrase("out_of_stock", lang)
        return "availability", p.availability.replace("_", " ")
    if topic == "reviews":
        return ("reviews", p.reviews) if p.reviews else None
    facts = p.facts()
    # Feeds spell keys differently ("water resistance", "water_resistance", "Water-Resistance").
    spelled = {normal_key(k): k for k in facts}
    for key in TOPIC_KEYS.get(topic, (topic,)):
        key = spelled.get(normal_key(key), key)
        if key in facts and facts[key] not in (None, "", []):
            return key, facts[key]
    return None


def normal_key(name: str) -> str:
    """A field name as feeds spell it differently: "Water-Resistance" -> "water_resistance"."""
    return re.sub(r"[\s_-]+", "_", name.strip().lower())


def fact_answer(p: Product, topic: str, *, lang: str = "en", place: str | None = None) -> str:
    """A one-line grounded answer for a known topic, or an honest 'the catalog does not say'.

    `place` is where a shipping question asks about ("to the Cayman Islands"): a row's shipping time
    that does not name it does not answer it.
    """
    found = fact(p, topic, lang=lang)
    if place and topic == "shipping" and (found is None or place.lower() not in str(found[1]).lower()):
        what = phrase("shipping_to", lang, place=place)
        return phrase("doesnt_say", lang, what=what, title=p.title)
    if found is None and topic == "waterproof":
        return property_answer(p, ["waterproof", "water-resistant", "防水"], lang=lang) or _doesnt_say(p, topic, lang)
    if found is None:
        return _doesnt_say(p, topic, lang)
    key, value = found
    if topic == "reviews":
        stars = [r["rating"] for r in value if isinstance(r.get("rating"), (int, float))]
        avg = phrase("reviews_avg", lang, avg=f"{sum(stars) / len(stars):.1f}", n=len(stars)) if stars else ""
        quotes = "; ".join(f'"{r["text"]}"' for r in value[:3] if r.get("text"))
        return phrase("reviews", lang, title=p.title, avg=avg, quotes=quotes)
    label = KEY_NAMES_ZH.get(key, key.replace("_", " ")) if lang == "zh" else key.replace("_", " ")
    if isinstance(value, bool):  # a yes/no fact reads as a yes or a no
        return phrase("yes_fact" if value else "no_fact", lang, title=p.title, key=label)
    return phrase("fact", lang, title=p.title, key=label, value=value_zh(value) if lang == "zh" else value_text(value))


def _doesnt_say(p: Product, topic: str, lang: str) -> str:
    what = TOPIC_WORDS["zh" if lang == "zh" else "en"].get(topic, TOPIC_WORDS[lang if lang == "zh" else "en"]["other"])
    return phrase("doesnt_say", lang, what=what, title=p.title)


def row_sentences(p: Product) -> list[str]:
    """The row's own text as sentences (description, attributes, tags), for quoting."""
    parts = re.split(r"(?<=[.!?。！？；;])\s*", " ".join(p.description.split()))
    parts += [f"{k.replace('_', ' ')}: {value_text(v)}" for k, v in p.facts().items()]
    return [s.strip() for s in parts if s.strip()]


def property_answer(p: Product, terms: Sequence[str], *, lang: str = "en") -> str | None:
    """Quote the row's sentence about a property, saying "no" when the row negates it; None when the
    row does not mention it (the caller then says the catalog doesn't say). A term of several words
    ("dishwasher safe") needs all of them in one sentence."""
    for term in terms:
        parts = term.lower().split()
        for sentence in row_sentences(p):
            low = sentence.lower()
            if not parts or not all(part in low for part in parts):
                continue
            at = low.find(parts[0])
            after = low[at + len(parts[0]):].lstrip()
            negated = bool(_NEGATION.search(low[:at])) or after.startswith((": no", ": false"))
            return phrase("negated" if negated else "says", lang, title=p.title, quote=sentence)
    return None


def value_zh(value: Any) -> str:
    """A row value as a Chinese shopper reads it where the words are certain (yes/no, colour names);
    any other catalog wording is quoted as the catalog says it."""
    if isinstance(value, bool):
        return "是" if value else "否"
    if isinstance(value, list):
        return "、".join(value_zh(v) for v in value)
    text = str(value)
    low = text.strip().lower()
    m = _DURATION.fullmatch(low)
    if m:  # "6 months warranty" -> "6个月保修"
        n, unit, warranty = m.groups()
        return f"{n}{_UNITS_ZH[unit]}" + ("保修" if warranty else "")
    return _FIXED_ZH.get(low) or _colour_names_zh().get(low, value_text(value))


_DURATION = re.compile(r"(\d+(?:\.\d+)?)[\s-]*(year|month|week|day|hour)s?(?:\s+(?:limited\s+)?(warranty|guarantee))?")
_UNITS_ZH = {"year": "年", "month": "个月", "week": "周", "day": "天", "hour": "小时"}
_FIXED_ZH = {"lifetime warranty": "终身保修", "no warranty": "无保修", "lifetime": "终身", "in stock": "有货",
             "out of stock": "缺货", "preorder": "预售", "low stock": "库存紧张",
             "yes": "是", "no": "否", "true": "是", "false": "否"}


@lru_cache(maxsize=1)
def _colour_names_zh() -> dict[str, str]:
    from language.lexicon import BUILTIN_COLORS

    names = {en: zh for zh, en in BUILTIN_COLORS.items() if isinstance(en, str) and zh.endswith("色")}
    names["gray"] = names.get("grey", "灰色")
    return names


def compare_table(products: Sequence[Product], *, lang: str = "en") -> str:
    """A markdown table of the fields shoppers compare, from catalog rows only."""
    keys: list[str] = []
    for p in products:
        for k, v in p.attributes.items():
            if k not in keys and isinstance(v, (str, int, float, bool, list)) and len(keys) < 8:
                keys.append(k)
    labels = ("price", "rating", "brand", "stock") if lang != "zh" else ("价格", "评分", "品牌", "库存")
    header = "| | " + " | ".join(p.title for p in products) + " |"
    sep = "|---" * (len(products) + 1) + "|"
    rows = [
        f"| {labels[0]} | " + " | ".join(money(p.price, p.currency) for p in products) + " |",
        f"| {labels[1]} | " + " | ".join(f"{p.rating:.1f}" if p.rating is not None else "–" for p in products) + " |",
        f"| {labels[2]} | " + " | ".join(p.brand or "–" for p in products) + " |",
        f"| {labels[3]} | " + " | ".join(phrase("in_stock" if p.in_stock else "out_of_stock", lang)
                                        for p in products) + " |",
    ]
    for k in keys:
        name = KEY_NAMES_ZH.get(k, k.replace("_", " ")) if lang == "zh" else k.replace("_", " ")
        show = value_zh if lang == "zh" else value_text
        rows.append(f"| {name} | " + " | ".join(
            show(p.attributes[k]) if k in p.attributes else "–" for p in products) + " |")
    return "\n".join([header, sep, *rows])


def compare_summary(products: Sequence[Product], *, lang: str = "en") -> str:
    """Which is cheapest and which is rated best, computed (never left to the model)."""
    out = []
    prices = sorted(products, key=lambda p: p.price)
    same_currency = len({p.currency for p in products}) == 1
    if same_currency and prices[0].price == prices[-1].price:
        out.append(phrase("same_price", lang, price=money(prices[0].price, prices[0].currency)))
    elif same_currency:
        out.append(phrase("cheapest_is", lang, title=prices[0].title, price=money(prices[0].price, prices[0].currency)))
    rated = [p for p in products if p.rating is not None]
    if len(rated) >= 2:
        best = max(rated, key=lambda p: p.rating)
        if sum(p.rating == best.rating for p in rated) == 1:
            out.append(phrase("best_rated_is", lang, title=best.title, rating=f"{best.rating:.1f}"))
    return " ".join(out)


def is_a_need(need: str) -> bool:
    """A short product need worth echoing back ("trail shoes"), never a whole message."""
    return bool(need) and len(need.split()) <= 6 and len(need) <= 60


def search_head(products: Sequence[Product], *, need: str, lang: str = "en") -> str:
    """The opening sentence of a search answer, shown before the model runs: how many, for what."""
    n = len(products)
    return phrase("found_sentence" if is_a_need(need) else "found_plain_sentence", lang,
                  need=need, n=n, s="" if n == 1 else "s")


def product_lines(products: Sequence[Product], *, lang: str = "en") -> str:
    """The products as numbered lines (title, price, rating, stock)."""
    return "\n".join(product_line(p, index=i, lang=lang) for i, p in enumerate(products, 1))


def no_match_answer(need: str, *, lang: str = "en") -> str:
    """Nothing in the catalog fits: say so, echoing the need only when it is a short one."""
    return phrase("none_found", lang, need=need if is_a_need(need) else phrase("anything", lang))
