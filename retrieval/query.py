"""Turn a shopper's request into search text plus hard filters, by rules.

"waterproof hiking boots under 120" -> text "waterproof hiking boots", price_max 120.

Why rules and not a model: this runs on every turn, must take well under a millisecond, and must
give the same answer every time. English and Simplified Chinese.

How it works: extractors run in a fixed order (rating, stock, size, budget, then vocabulary terms)
over a working copy of the message; each one blanks out what it consumed, so "size 10" can never
also become a price and "at least 4.5 stars" never a minimum price. What is left, tidied up, is the
product need. A bare number is never a price: it needs a budget word ("under", "以内") or a
currency ("$", "bucks", "元"), and a unit after it ("2 kg", "3 person", "50mm") rules it out.
"""
from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

from retrieval.filters import Filters

__all__ = ["ParsedQuery", "Vocabulary", "parse_query", "tidy"]


@dataclass(frozen=True)
class ParsedQuery:
    """What a request asks for: the need in words, and the constraints as filters."""

    text: str  # the product need with constraint phrases removed, e.g. "waterproof hiking boots"
    filters: Filters
    # Attribute values the shopper ruled out ("not red" -> {"color": ("red",)}). Filters cannot say
    # "anything but red", so `filters` carries every other known value instead (see `parse_query`).
    excluded_attributes: Mapping[str, tuple[str, ...]] = field(default_factory=dict)


# -- vocabulary -----------------------------------------------------------------------------------
# Shopper word -> the value(s) it stands for; a catalog value containing one of them also counts.
BUILTIN_COLORS: dict[str, str | tuple[str, ...]] = {
    "black": "black", "white": "white", "red": "red", "blue": "blue", "green": "green",
    "grey": ("grey", "gray"), "gray": ("grey", "gray"), "brown": "brown", "navy": "navy", "navy blue": "navy",
    "pink": "pink", "beige": "beige", "orange": "orange", "purple": "purple", "violet": "purple",
    "yellow": "yellow", "silver": "silver", "gold": "gold", "khaki": "khaki", "olive": "olive",
    "teal": "teal", "cream": "cream", "burgundy": "burgundy", "tan": "tan",
    "黑色": "black", "黑": "black", "白色": "white", "白": "white", "红色": "red", "红": "red",
    "蓝色": "blue", "蓝": "blue", "绿色": "green", "绿": "green", "灰色": "grey", "灰": "grey",
    "棕色": "brown", "咖啡色": "brown", "褐色": "brown", "棕": "brown", "藏青色": "navy", "藏青": "navy",
    "海军蓝": "navy", "粉色": "pink", "粉红色": "pink", "粉红": "pink", "粉": "pink", "米色": "beige",
    "米白色": "beige", "橙色": "orange", "橘色": "orange", "橙": "orange", "紫色": "purple", "紫": "purple",
    "黄色": "yellow", "黄": "yellow", "银色": "silver", "银": "silver", "金色": "gold", "卡其色": "khaki",
}
BUILTIN_MATERIALS: dict[str, str | tuple[str, ...]] = {
    "leather": "leather", "suede": "suede", "nubuck": "nubuck", "cotton": "cotton", "wool": "wool",
    "merino": "merino", "cashmere": "cashmere", "silk": "silk", "linen": "linen", "denim": "denim",
    "canvas": "canvas", "polyester": "polyester", "nylon": "nylon", "fleece": "fleece",
    "gore-tex": "gore-tex", "goretex": "gore-tex", "mesh": "mesh", "rubber": "rubber",
    "stainless steel": "stainless steel", "steel": "steel", "carbon steel": "carbon steel",
    "aluminium": ("aluminium", "aluminum"), "aluminum": ("aluminium", "aluminum"), "titanium": "titanium",
    "cast iron": "cast iron",
    "bamboo": "bamboo", "wood": "wood", "wooden": "wood", "walnut": "walnut", "oak": "oak",
    "glass": "glass", "ceramic": "ceramic", "plastic": "plastic", "silicone": "silicone",
    "真皮": ("真皮", "leather"), "皮革": ("皮革", "leather"), "牛皮": ("牛皮", "leather"), "纯棉": ("棉", "cotton"),
    "羊毛": ("羊毛", "wool"), "羊绒": ("羊绒", "cashmere"), "真丝": ("丝", "silk"), "丝绸": ("丝", "silk"),
    "亚麻": ("亚麻", "linen"), "帆布": ("帆布", "canvas"), "涤纶": ("涤纶", "polyester"),
    "聚酯纤维": ("聚酯纤维", "polyester"), "尼龙": ("尼龙", "nylon"), "抓绒": ("抓绒", "fleece"),
    "不锈钢": ("不锈钢", "stainless steel"), "碳钢": ("碳钢", "carbon steel"), "铝合金": ("铝", "aluminium"),
    "钛": ("钛", "titanium"), "玻璃": ("玻璃", "glass"), "陶瓷": ("陶瓷", "ceramic"), "硅胶": ("硅胶", "silicone"),
    "铸铁": ("铸铁", "cast iron"), "实木": ("木", "wood"), "榉木": ("榉木", "beech"), "网布": ("网布", "mesh"),
}
# Letter sizes a shopper may say on their own ("a medium hoodie", "XL"). Bare S/M/L are too
# ambiguous alone and need "size M" / "M码".
BUILTIN_SIZES: dict[str, str] = {
    "xxs": "XXS", "xs": "XS", "xl": "XL", "xxl": "XXL", "xxxl": "XXXL", "2xl": "XXL", "3xl": "XXXL",
    "medium": "M", "extra small": "XS", "extra large": "XL", "x-small": "XS", "x-large": "XL",
    "中号": "M", "大号": "L", "小号": "S", "加大号": "XL", "加大码": "XL",
}
# Everyday names for product types, mapped to subcategory names a catalog is likely to use. A
# synonym only counts when the catalog really has that subcategory (see `Vocabulary.from_products`).
BUILTIN_SYNONYMS: dict[str, tuple[str, ...]] = {
    "trainers": ("sneakers", "running shoes"), "earphones": ("earbuds",), "headset": ("headphones",),
    "phone": ("smartphones",), "phones": ("smartphones",), "cellphone": ("smartphones",),
    "mouse": ("mice",), "knife": ("knives",), "pan": ("cookware",), "pans": ("cookware",),
    "pots": ("cookware",), "mug": ("drinkware",), "mugs": ("drinkware",), "water bottle": ("drinkware",),
    "tumbler": ("drinkware",), "coat": ("jackets",), "raincoat": ("jackets",), "rucksack": ("backpacks",),
    "daypack": ("backpacks",), "sunscreen": ("skincare",), "moisturizer": ("skincare",),
    "moisturiser": ("skincare",), "hand cream": ("hand care",), "jigsaw": ("puzzles",),
    "phone case": ("cases",), "登山鞋": ("hiking boots",), "徒步鞋": ("hiking boots",),
    "跑鞋": ("running shoes",), "跑步鞋": ("running shoes",), "运动鞋": ("sneakers", "running shoes"),
    "凉鞋": ("sandals",), "帐篷": ("tents",), "睡袋": ("sleeping bags",), "冲锋衣": ("jackets",),
    "夹克": ("jackets",), "外套": ("jackets",), "背包": ("backpacks",), "双肩包": ("backpacks",),
    "耳机": ("headphones", "earbuds"), "头戴式耳机": ("headphones",), "蓝牙耳机": ("earbuds", "headphones"),
    "音箱": ("speakers",), "音响": ("speakers",), "充电器": ("chargers",), "充电宝": ("power banks",),
    "移动电源": ("power banks",), "手机": ("smartphones",), "手机壳": ("cases",), "数据线": ("cables",),
    "笔记本电脑": ("laptops",), "笔记本": ("laptops",), "键盘": ("keyboards",), "鼠标": ("mice",),
    "显示器": ("monitors",), "料理机": ("blenders",), "破壁机": ("blenders",), "搅拌机": ("blenders",),
    "炒锅": ("cookware",), "平底锅": ("cookware",), "菜刀": ("knives",), "保温杯": ("drinkware",),
    "水杯": ("drinkware",), "电饭煲": ("rice cookers",), "护肤品": ("skincare",), "防晒霜": ("skincare",),
    "面霜": ("skincare",), "护手霜": ("hand care",), "瑜伽垫": ("yoga mats",), "拼图": ("puzzles",),
    "积木": ("building sets",), "图书": ("books",),
}
# Head nouns too vague to stand for a category on their own ("sets" of "building sets").
_VAGUE_HEADS = frozenset({"sets", "set", "care", "accessories", "items", "goods", "products", "gear", "room", "play",
                          "control", "furniture", "dining", "tools", "machines", "filters", "bands", "bags"})
_COLOR_ATTRS = ("color", "colour", "colors_available", "colors")
_SIZE_ATTRS = ("size", "sizes_available", "sizes")
_MATERIAL_ATTRS = ("material", "materials")
_KIND_ORDER = ("brand", "color", "material", "size", "category")  # who wins when a term is both

_TOKEN = re.compile(r"[0-9a-z]+(?:['’.&+\-][0-9a-z]+)*|[^\s0-9a-z]")
_CJK = re.compile(r"[\u3400-\u9fff]")


def _tokens(text: str) -> list[tuple[str, int, int]]:
    """Word tokens (lowercase, possessive 's dropped) with their spans; each CJK character is a token."""
    lowered = text.lower()
    if len(lowered) != len(text):  # a few characters change length when lowercased; keep offsets true
        lowered = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    out = []
    for m in _TOKEN.finditer(lowered):
        tok = m.group()
        if len(tok) > 2 and tok[-2] in "'’" and tok[-1] == "s":
            tok = tok[:-2]
        out.append((tok, m.start(), m.end()))
    return out


def _term_key(term: str) -> tuple[str, ...]:
    return tuple(t for t, _, _ in _tokens(term))


def _spellings(term: str) -> set[str]:
    """A term and its everyday spellings: "T-Shirt" -> t-shirt, t shirt, tshirt; "Levi's" -> levis."""
    t = " ".join(term.lower().split())
    out = {t}
    if "-" in t:
        out |= {t.replace("-", " "), t.replace("-", "")}
    if "'" in t or "’" in t:
        out.add(t.replace("'", "").replace("’", ""))
    if " & " in t:
        out.add(t.replace(" & ", " and "))
    return out


def _number_forms(word: str) -> set[str]:
    """Singular and plural of an English noun, good enough for product words (boot/boots, box/boxes)."""
    if not word.isascii() or not word[-1:].isalpha() or len(word) < 3:
        return {word}
    forms = {word}
    if word.endswith("ies") and len(word) > 4:
        forms.add(word[:-3] + "y")
    elif word.endswith(("ches", "shes", "sses", "xes")):
        forms.add(word[:-2])
    elif word.endswith("s") and not word.endswith("ss"):
        forms.add(word[:-1])
    elif word.endswith("y") and word[-2:-1] not in "aeiou":
        forms.add(word[:-1] + "ies")
    elif word.endswith(("ch", "sh", "ss", "x")):
        forms.add(word + "es")
    else:
        forms.add(word + "s")
    return forms


def _phrase_number_forms(phrase: str) -> set[str]:
    head, _, last = phrase.rpartition(" ")
    return {f"{head} {w}".strip() for w in _number_forms(last)}


def _as_tuple(value: str | Iterable[str]) -> tuple[str, ...]:
    return (value,) if isinstance(value, str) else tuple(value)


def _attr_values(attributes: Mapping[str, Any], keys: Sequence[str]) -> list[str]:
    out = []
    for key in keys:
        value = attributes.get(key)
        for v in value if isinstance(value, (list, tuple)) else [value]:
            if isinstance(v, (str, int, float)) and not isinstance(v, bool) and str(v).strip():
                out.append(str(v).strip())
    return out


def _contains_word(haystack: str, needle: str) -> bool:
    if _CJK.search(needle):
        return needle in haystack
    return re.search(rf"(?<![a-z]){re.escape(needle)}(?![a-z])", haystack) is not None


class Vocabulary:
    """The words that mean a brand, category, colour, size or material in this catalog.

    Build it once per catalog with `from_products`; `parse_query` then only does dictionary lookups.
    Mappings go from what a shopper may type to the filter value(s) it stands for. Matching is
    whole-word and case-insensitive (CJK terms match anywhere), longest term first.
    """

    def __init__(
        self,
        *,
        brands: Iterable[str] = (),
        brand_aliases: Mapping[str, str] | None = None,
        categories: Mapping[str, str | Iterable[str]] | None = None,
        colors: Mapping[str, str | Iterable[str]] | None = None,
        materials: Mapping[str, str | Iterable[str]] | None = None,
        sizes: Mapping[str, str] | None = None,
    ) -> None:
        """`colors`/`materials`/`sizes` default to the built-in English and Chinese words."""
        self._by_kind: dict[str, dict[str, tuple[str, ...]]] = {kind: {} for kind in _KIND_ORDER}
        for brand in brands:
            for spelling in _spellings(brand):
                self._by_kind["brand"][spelling] = (brand,)
        for alias, brand in (brand_aliases or {}).items():
            for spelling in _spellings(alias):
                self._by_kind["brand"][spelling] = (brand,)
        # Without a catalog a colour word stands for its first spelling only ("gray" -> "grey").
        builtin_colors = {term: _as_tuple(values)[:1] for term, values in BUILTIN_COLORS.items()}
        for kind, table in (("color", builtin_colors if colors is None else colors),
                            ("material", BUILTIN_MATERIALS if materials is None else materials),
                            ("size", BUILTIN_SIZES if sizes is None else sizes),
                            ("category", categories or {})):
            for term, value in table.items():
                for spelling in _spellings(term):
                    self._by_kind[kind][spelling] = _as_tuple(value)
        self._index: dict[tuple[str, ...], tuple[str, tuple[str, ...]]] = {}
        self._longest: dict[str, int] = {}  # first token -> longest term starting with it
        for kind in _KIND_ORDER:
            for term, values in self._by_kind[kind].items():
                key = _term_key(term)
                if key and key not in self._index:
                    self._index[key] = (kind, values)
                    self._longest[key[0]] = max(self._longest.get(key[0], 0), len(key))

    @classmethod
    def from_products(
        cls,
        products: Iterable[Any],
        *,
        category_terms: Mapping[str, str | Iterable[str]] | None = None,
        brand_aliases: Mapping[str, str] | None = None,
    ) -> "Vocabulary":
        """Collect brands, categories, colours, sizes and materials from a catalog.

        `products` are `catalog.models.Product`s (only `brand`, `category` and `attributes` are read).

        Categories are reachable by their own name, by subcategory ("headphones" -> "electronics"
        when a product says so), by a subcategory's head noun ("boots" from "hiking boots"), and by
        built-in synonyms whose subcategory the catalog has ("耳机" -> headphones' category).
        A colour or material word stands for every catalog value that contains it ("leather" ->
        "full-grain leather", ...), so the hard filter matches what the catalog actually says;
        built-in material words the catalog never uses are left out and stay search words.
        `category_terms` adds or overrides term -> category mappings.
        """
        brands: set[str] = set()
        categories: dict[str, set[str]] = {}
        sub_to_cats: dict[str, set[str]] = {}
        catalog_colors: set[str] = set()
        catalog_materials: set[str] = set()
        catalog_sizes: set[str] = set()
        for p in products:
            if p.brand:
                brands.add(p.brand.strip())
            attrs = p.attributes or {}
            if p.category:
                categories.setdefault(p.category.lower(), set()).add(p.category)
                for sub in _attr_values(attrs, ("subcategory",)):
                    sub_to_cats.setdefault(sub.lower(), set()).add(p.category)
            catalog_colors.update(v.lower() for v in _attr_values(attrs, _COLOR_ATTRS))
            catalog_materials.update(v.lower() for v in _attr_values(attrs, _MATERIAL_ATTRS))
            catalog_sizes.update(_attr_values(attrs, _SIZE_ATTRS))

        terms: dict[str, set[str]] = {}
        for name, cats in categories.items():
            for form in _phrase_number_forms(name):
                terms.setdefault(form, set()).update(cats)
        heads: dict[str, set[str]] = {}
        for sub, cats in sub_to_cats.items():
            for form in _phrase_number_forms(sub):
                terms.setdefault(form, set()).update(cats)
            head = sub.rpartition(" ")[2]
            if " " in sub and head not in _VAGUE_HEADS and len(head) > 3:
                for form in _number_forms(head):
                    heads.setdefault(form, set()).update(cats)
        for head, cats in heads.items():
            terms.setdefault(head, cats)
        for word, subs in BUILTIN_SYNONYMS.items():
            cats = set().union(*(sub_to_cats.get(s, set()) | categories.get(s, set()) for s in subs))
            if cats and word not in terms:
                terms[word] = cats
        merged: dict[str, tuple[str, ...]] = {t: tuple(sorted(c)) for t, c in terms.items()}
        for term, value in (category_terms or {}).items():
            merged[term.lower()] = _as_tuple(value)

        return cls(
            brands=sorted(brands),
            brand_aliases=brand_aliases,
            categories=merged,
            colors=_catalog_terms(BUILTIN_COLORS, catalog_colors, keep_unused=True),
            materials=_catalog_terms(BUILTIN_MATERIALS, catalog_materials, keep_unused=False),
            sizes={**BUILTIN_SIZES, **{s.lower(): s for s in catalog_sizes if _is_standalone_size(s)}},
        )

    @property
    def brands(self) -> tuple[str, ...]:
        """Every brand as the catalog spells it."""
        return tuple(sorted({v for vs in self._by_kind["brand"].values() for v in vs}))

    @property
    def categories(self) -> tuple[str, ...]:
        """Every category a term can stand for."""
        return tuple(sorted({v for vs in self._by_kind["category"].values() for v in vs}))

    def values(self, attribute: str) -> tuple[str, ...]:
        """Every filter value known for "color", "material" or "size"."""
        return tuple(sorted({v for vs in self._by_kind.get(attribute, {}).values() for v in vs}))

    def kind(self, term: str) -> str | None:
        """"brand", "category", "color", "material" or "size" for a known term, else None."""
        entry = self._index.get(_term_key(term))
        return entry[0] if entry else None

    def complement(self, attribute: str, excluded: Iterable[str]) -> tuple[str, ...]:
        """Known values of an attribute other than `excluded`: how "not red" becomes a filter."""
        drop = {e.lower() for e in excluded}
        return tuple(v for v in self.values(attribute) if v.lower() not in drop)

    def find(self, text: str) -> list[tuple[str, tuple[str, ...], int, int]]:
        """Known terms in `text`, leftmost-longest, as (kind, values, start, end)."""
        toks = _tokens(text)
        hits = []
        i = 0
        while i < len(toks):
            longest = min(self._longest.get(toks[i][0], 0), len(toks) - i)
            for n in range(longest, 0, -1):
                entry = self._index.get(tuple(t for t, _, _ in toks[i:i + n]))
                if entry is not None:
                    hits.append((entry[0], entry[1], toks[i][1], toks[i + n - 1][2]))
                    i += n
                    break
            else:
                i += 1
        return hits

    def __repr__(self) -> str:
        sizes = {k: len(v) for k, v in self._by_kind.items()}
        return f"Vocabulary({', '.join(f'{k}={n}' for k, n in sizes.items())})"


def _catalog_terms(
    builtin: Mapping[str, str | tuple[str, ...]], catalog_values: set[str], *, keep_unused: bool
) -> dict[str, tuple[str, ...]]:
    """Built-in words mapped onto the catalog's own values, plus those values themselves.

    `keep_unused` keeps a built-in word's own value even when no product has it (a colour is a
    colour); otherwise a word the catalog never uses maps to nothing and stays a search word.
    """
    out: dict[str, tuple[str, ...]] = {}
    for term, canonicals in builtin.items():
        canonicals = _as_tuple(canonicals)
        matches = [c for i, c in enumerate(canonicals) if c in catalog_values or (keep_unused and i == 0)]
        matches += sorted(v for v in catalog_values if v not in matches
                          and any(_contains_word(v, c) for c in canonicals))
        if matches:
            out[term] = tuple(matches)
    for value in catalog_values:
        if len(value.split()) <= 4:
            out.setdefault(value, (value,))
    return out


def _is_standalone_size(size: str) -> bool:
    """Catalog sizes a shopper could say alone ("3-4Y", "28x30", "XXL").

    Plain numbers and S/M/L need "size ...", and words ("long", "regular") are too common alone.
    """
    s = size.strip().lower()
    return re.fullmatch(r"\d[\d.\-]*[a-z][\w.\-]*|x+[sl]|\dxl", s) is not None


@lru_cache(maxsize=1)
def _builtin_vocabulary() -> Vocabulary:
    return Vocabulary()


# -- scanning ---------------------------------------------------------------------------------------
_GAP = "\x00"  # stands in for consumed characters so spans keep their offsets


class _Scan:
    """The message with consumed spans blanked out."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.lower = text.lower()  # for cheap "could this pattern match at all?" checks

    def take(self, start: int, end: int) -> None:
        self.text = self.text[:start] + _GAP * (end - start) + self.text[end:]

    def mentions(self, hints: Sequence[str]) -> bool:
        return any(map(self.lower.__contains__, hints))

    def matches(self, pattern: re.Pattern, hints: Sequence[str] = ()) -> list[re.Match]:
        """Non-overlapping matches that touch no consumed character.

        `hints` are substrings one of which any match must contain: most messages contain none,
        and a substring test is far cheaper than running the pattern.
        """
        if hints and not self.mentions(hints):
            return []
        return [m for m in pattern.finditer(self.text) if _GAP not in m.group()]


# -- numbers and money ------------------------------------------------------------------------------
_CN_DIGITS = {"零": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_CN_UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}


def _cn_number(text: str) -> float | None:
    """"两百" -> 200, "一千五" -> 1500, "三万" -> 30000; None if not a Chinese numeral."""
    total = section = number = 0
    last_unit = 1
    for ch in text:
        if ch in _CN_DIGITS:
            number = _CN_DIGITS[ch]
        elif ch == "万":
            total += (section + number) * 10000
            section = number = 0
            last_unit = 10000
        elif ch in _CN_UNITS:
            unit = _CN_UNITS[ch]
            section += (number or (1 if unit == 10 else 0)) * unit
            number = 0
            last_unit = unit
        else:
            return None
    if number and last_unit >= 100 and len(text) >= 3 and text[-2] in _CN_UNITS:
        number *= last_unit // 10  # "一千五" is 1500, not 1005
    value = total + section + number
    return float(value) if value else None


# "dollars" are read as USD and "¥" as CNY (Aisle's Chinese listings are priced in yuan).
_CURRENCIES = {
    "$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "buck": "USD", "bucks": "USD",
    "美元": "USD", "美金": "USD", "£": "GBP", "gbp": "GBP", "pound": "GBP", "pounds": "GBP", "quid": "GBP",
    "英镑": "GBP", "€": "EUR", "eur": "EUR", "euro": "EUR", "euros": "EUR", "欧元": "EUR",
    "¥": "CNY", "￥": "CNY", "rmb": "CNY", "cny": "CNY", "yuan": "CNY", "元": "CNY", "块": "CNY",
    "块钱": "CNY", "元钱": "CNY", "人民币": "CNY",
}
_ISO_CODES = ("aud", "cad", "chf", "dkk", "hkd", "inr", "jpy", "krw", "nok", "nzd", "sek", "sgd")
_CURRENCIES.update({code: code.upper() for code in _ISO_CODES})
# What may follow a number that is therefore not money: "2 kg", "3 person", "50mm", "4 stars".
_UNITS = (
    r"\s*(?:%|x(?![a-z])|×|\"|''|inch(?:es)?|cm|mm|km|m(?![a-z])|ft|feet|foot|kgs?|g(?![a-z])|grams?|lbs?"
    r"|oz|ounces?|l(?![a-z])|lit(?:er|re)s?|ml|gb|tb|mb|mah|w(?![a-z])|watts?|v(?![a-z])|volts?|hz|khz|mhz"
    r"|ghz|hours?|hrs?|h(?![a-z])|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|years?|yrs?|y(?![a-z])"
    r"|yo(?![a-z])|people|persons?|players?|seats?|packs?|pcs|pieces?|count|ct(?![a-z])|stars?|pairs?"
    r"|mp(?![a-z])|megapixels?|fps|rpm|psi|degrees?|°|pages?|cups?|quarts?|qt|gallons?|mph|kph|sq|inches"
    r"|个|件|双|款|台|本|只|支|条|张|瓶|盒|包|套|份|人|天|年|月|岁|小时|分钟|秒|次|寸|英寸|米|厘米|毫米"
    r"|公斤|千克|克|斤|升|毫升|码|号|星|分|层|位|种|匹|瓦|伏|毫安)"
)
_CN_NUMERAL = "[零一二两三四五六七八九十百千万]+"


def _money(tag: str, *, cn: bool = True) -> str:
    """A regex for an amount: optional currency sign, number, k/千/万, optional currency word."""
    number = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?" + (f"|{_CN_NUMERAL}" if cn else "")
    codes = "|".join(_ISO_CODES)
    return (
        rf"(?<![a-z0-9.,])(?:(?P<{tag}pre>us\$|\$|£|€|¥|￥|rmb|usd|eur|gbp|cny|{codes})\s*)?"
        rf"(?P<{tag}num>{number})(?P<{tag}mult>k(?![a-z])|千|万)?"
        rf"(?:\s*(?P<{tag}suf>dollars?|bucks?|usd|quid|pounds?|gbp|euros?|eur|yuan|rmb|cny|{codes}|块钱|元钱|元|块"
        rf"|人民币|美元|美金|英镑|欧元|\$|€|£|¥|￥)(?![a-z])|(?![a-z0-9])(?!{_UNITS}))"
    )


def _amount(m: re.Match, tag: str) -> tuple[float | None, str | None]:
    """(value, currency code or None) for one `_money` group; value None if it is not money after all."""
    raw = m.group(f"{tag}num")
    if raw[0].isdigit():
        value = float(raw.replace(",", ""))
    else:
        value = _cn_number(raw)
        if value is None:
            return None, None
    mult = m.group(f"{tag}mult")
    if mult:
        value *= 10000 if mult == "万" else 1000
    marker = (m.group(f"{tag}pre") or m.group(f"{tag}suf") or "").lower() or None
    if marker and marker.startswith("pound") and value <= 20:
        return None, None  # "under 5 pounds" is a weight; "under 50 pounds" a price (documented)
    return value, _CURRENCIES.get(marker) if marker else None


def _compile(*patterns: str) -> re.Pattern:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


def _each(*patterns: str) -> tuple[re.Pattern, ...]:
    """Patterns that reuse group names, so they are compiled apart and tried in order."""
    return tuple(re.compile(p, re.IGNORECASE) for p in patterns)


_M = _money("a")
_RANGE = re.compile(
    r"(?:(?<![a-z])(?P<kw>from|between)\s+|(?P<zkw>价格在|价位在|价格|价位|预算在|预算|从|在))?"
    + _money("a") + r"\s*(?P<sep>-|–|—|~|～|to|and|至|到)\s*" + _money("b")
    + r"(?:\s*(?:之间|以内|的区间|区间))?",
    re.IGNORECASE,
)
_AROUND = _each(
    r"(?<![a-z])(?:around|about|approximately|approx\.?|roughly|circa|near|close\s+to|in\s+the\s+region\s+of"
    r"|somewhere\s+around|ballpark(?:\s+of)?)\s+" + _M,
    r"(?:~|～|大概|大约|差不多|约)\s*" + _M,
    _M + r"\s*(?:-?ish(?![a-z])|or\s+so(?![a-z])|give\s+or\s+take|左右|上下)",
)
_BUDGET = _compile(
    r"(?<![a-z])(?:(?:my|the|our|a|total)\s+)?budget\s*(?:is|was|of|:|=|would\s+be|will\s+be|'s)?\s*"
    r"(?P<bapprox>around|about|roughly|approximately|approx\.?|~)?\s*(?:up\s+to|max(?:imum)?|under|below)?\s*"
    + _money("b") + r"(?:\s*(?:max|tops|at\s+most))?",
    r"预算\s*(?:是|在|为|有|就|只有|控制在|不超过|[:：])*\s*(?P<zapprox>大概|大约|差不多)?\s*" + _money("z")
    + r"\s*(?P<zaround>左右|上下)?(?:\s*(?:以内|以下|之内|内))?",
)
_MAX = _each(
    r"(?<![a-z])(?:under|below|beneath|less\s+than|lower\s+than|cheaper\s+than|max(?:imum)?(?:\s+of)?|up\s+to"
    r"|at\s+most|no\s+more\s+than|not\s+more\s+than|no\s+higher\s+than|not\s+over|not\s+above|within|less\s+then"
    r"|price\s+(?:lower|less)\s+than)\s*:?\s*" + _M,
    r"(?:<=?|≤)\s*" + _M,
    r"(?:不超过|不要超过|别超过|不高于|不超|不到|低于|少于|小于|最多|最高|控制在)\s*" + _M + r"(?:\s*(?:以内|以下|之内))?",
    _M + r"\s*(?:or\s+(?:less|under|lower|cheaper|below)|max(?:imum)?(?![a-z])|tops(?![a-z])|at\s+(?:the\s+)?most"
    r"|and\s+(?:under|below|less)|以内|以下|之内|内)",
)
_MIN = _each(
    r"(?<![a-z])(?:over|above|more\s+than|greater\s+than|higher\s+than|at\s+least|no\s+less\s+than"
    r"|not\s+less\s+than|min(?:imum)?(?:\s+of)?|starting\s+(?:at|from))\s*:?\s*" + _M,
    r"(?:>=?|≥)\s*" + _M,
    r"(?:高于|超过|不低于|至少|最低|大于|多于|起码)\s*" + _M + r"(?:\s*以上)?",
    _M + r"\s*(?:or\s+(?:more|above|higher|over)|and\s+(?:up|above|over|higher)|plus(?![a-z])|\+(?!" + _UNITS
    + r")|以上|起(?!来))",
)
_BARE_MONEY = re.compile(_money("a", cn=False), re.IGNORECASE)
_ANY_NUMBER = re.compile(r"[0-9零一二两三四五六七八九十百千万]")
_MORE_WORDS = ("more", "above", "higher", "over", "up", "plus", "+", "以上", "起")
_BUDGET_STEPS: tuple[tuple[str, re.Pattern, tuple[str, ...]], ...] = (
    ("around", _AROUND[0], ("around", "about", "approx", "roughly", "circa", "near", "close", "region", "ballpark")),
    ("around", _AROUND[1], ("~", "～", "大概", "大约", "差不多", "约")),
    ("around", _AROUND[2], ("ish", "or so", "give or take", "左右", "上下")),
    ("max", _MAX[0], ("under", "below", "beneath", "less", "lower", "cheaper", "max", "up to", "most", "no more",
                      "not more", "no higher", "not over", "not above", "within", "then")),
    ("max", _MAX[1], ("<", "≤")),
    ("max", _MAX[2], ("不", "低于", "少于", "小于", "最多", "最高", "控制在", "别超过")),
    ("max", _MAX[3], ("less", "under", "lower", "cheaper", "below", "max", "tops", "most", "以内", "以下", "之内", "内")),
    ("min", _MIN[0], ("over", "above", "more", "greater", "higher", "least", "less", "min", "starting")),
    ("min", _MIN[1], (">", "≥")),
    ("min", _MIN[2], ("高于", "超过", "不低于", "至少", "最低", "大于", "多于", "起码")),
    ("min", _MIN[3], _MORE_WORDS),
)
_CURRENCY_HINTS = ("$", "£", "€", "¥", "￥", "usd", "eur", "gbp", "rmb", "cny", "dollar", "buck", "quid", "pound",
                   "euro", "yuan", "元", "块", "人民币", "美", "英镑", "欧元") + _ISO_CODES
_RANGE_HINTS = ("-", "–", "—", "~", "～", "to", "and", "至", "到")


@dataclass
class _Budget:
    price_min: float | None = None
    price_max: float | None = None
    currency: str | None = None

    def set(self, *, low: float | None = None, high: float | None = None, currency: str | None = None) -> None:
        if low is not None and self.price_min is None:
            self.price_min = round(low, 2)
        if high is not None and self.price_max is None:
            self.price_max = round(high, 2)
        self.currency = self.currency or currency


def _extract_budget(scan: _Scan) -> _Budget:
    budget = _Budget()
    if not _ANY_NUMBER.search(scan.text):
        return budget
    for m in scan.matches(_RANGE, _RANGE_HINTS):
        low, cur_a = _amount(m, "a")
        high, cur_b = _amount(m, "b")
        if low is None or high is None or low == high:
            continue
        currency = cur_a or cur_b
        keyword = m.group("kw") or m.group("zkw")
        sep = m.group("sep").lower()
        if sep == "and" and (m.group("kw") or "").lower() != "between":
            continue
        if sep in ("to", "至", "到") and not (keyword or currency):
            continue  # "10 to 12" alone is too often not money
        if not (m.group("anum")[0].isdigit() and m.group("bnum")[0].isdigit()) and not (currency or keyword):
            continue
        if not (currency or keyword) and 1900 <= low < high <= 2100 and high - low <= 10:
            continue  # "2023-2024" is a span of years
        low, high = sorted((low, high))
        budget.set(low=low, high=high, currency=currency)
        scan.take(*m.span())
    for m in scan.matches(_BUDGET, ("budget", "预算")):
        tag = "b" if m.group("bnum") else "z"
        value, currency = _amount(m, tag)
        if value is None:
            continue
        if m.group("bapprox") or m.group("zapprox") or m.group("zaround"):
            budget.set(low=value * 0.8, high=value * 1.2, currency=currency)
        else:
            budget.set(high=value, currency=currency)
        scan.take(*m.span())
    for bound, pattern, hints in _BUDGET_STEPS:
        for m in scan.matches(pattern, hints):
            value, currency = _amount(m, "a")
            if value is None:
                continue
            if bound == "around":
                budget.set(low=value * 0.8, high=value * 1.2, currency=currency)
            elif bound == "max":
                budget.set(high=value, currency=currency)
            else:
                budget.set(low=value, currency=currency)
            scan.take(*m.span())
    for m in scan.matches(_BARE_MONEY, _CURRENCY_HINTS):
        if not (m.group("apre") or m.group("asuf")):
            continue  # a bare number is never a price
        value, currency = _amount(m, "a")
        if value is None:
            continue
        budget.set(high=value, currency=currency)  # "100 bucks", "$80": what a shopper means to spend at most
        scan.take(*m.span())
    return budget


# -- rating, stock, size ----------------------------------------------------------------------------
_R = r"(?P<r>[0-5](?:\.\d)?)(?![0-9])"
_RATING = _compile(
    r"(?<![a-z])(?:rated|rating(?:\s+of)?|ratings?\s+(?:of|above|over))\s*(?:at\s+least|above|over|of|>=?|≥)?\s*"
    + _R + r"\s*(?:\+|(?:stars?|★+))?(?:\s*(?:(?:and|or)\s+(?:up|above|higher|better|more|over)|\+|plus))?",
    r"(?<![a-z0-9.])(?P<r2>[0-5](?:\.\d)?)\s*(?:-|to)\s*[0-5](?:\.\d)?\s*-?\s*stars?",
    r"(?<![a-z0-9.])(?:(?:at\s+least|minimum(?:\s+of)?|min\.?|over|above|more\s+than)\s+)?(?P<r3>[0-5](?:\.\d)?)"
    r"\s*(?:\+\s*)?(?:-?\s*stars?(?![a-z])|★+)(?:\s+(?:and|or)\s+(?:up|above|higher|better|more|over))?"
    r"(?:\s+(?:rating|rated|reviews?))?(?:\s+or\s+(?:more|higher|better|above))?",
    r"(?:评分|评价|星级|分数|评星)\s*(?:在|要|是|不低于|至少|大于|高于|>=?|≥)?\s*(?P<r4>[0-5](?:\.\d)?)(?![0-9])"
    r"\s*(?:分|星)?\s*(?:及以上|或以上|以上|\+|起)?",
    r"(?<![0-9.])(?P<r5>[0-5](?:\.\d)?)\s*(?:分|星)\s*(?:及以上|或以上|以上|\+)",
    r"(?P<high>(?<![a-z])(?:highly|top|best|well)[\s-](?:rated|reviewed)(?![a-z])|高评分|评分高|好评多|口碑好)",
)
_RATING_HINTS = ("star", "rated", "rating", "★", "评", "星", "分", "highly", "top", "best", "well", "口碑")
HIGHLY_RATED = 4.0  # what "highly rated" / "口碑好" means as a minimum rating
_STOCK = _compile(
    r"(?<![a-z])(?:(?:that\s+(?:is|are|'s)|which\s+(?:is|are)|currently|only)\s+)?(?:in[\s-]stock|available\s+"
    r"(?:now|today|right\s+now|immediately)|ready\s+to\s+ship|ships?\s+(?:now|today|immediately))(?![a-z])",
    r"(?:只要|只看|要)?(?:有货|现货|有库存)(?:的)?",
)
_NOT_BEFORE = re.compile(r"(?:\bnot|n't|out\s+of|没|无)\s*$", re.IGNORECASE)
_SIZE_WORD = r"\d{1,2}(?:\.5)?|x{1,3}[sl]|[23]xl|[sml]|extra[\s-]?(?:large|small)|x-(?:large|small)|small|medium|large"
_SIZE = _compile(
    r"(?<![a-z])(?:in\s+(?:a\s+)?)?(?:(?:men'?s|women'?s|mens|womens|kids'?|(?-i:US|UK|EU)|uk|eu)\s+)?"
    r"size\s*:?\s*(?:(?:(?-i:US)|uk|eu)\s*)?(?P<s1>" + _SIZE_WORD + r")(?:\s*(?:-|/|or|to)\s*(?P<s2>\d{1,2}(?:\.5)?"
    r"|x{0,3}[sl]|m))?(?![a-z0-9.])",
    r"(?<![a-z])(?:in\s+(?:a\s+)?)?(?:(?-i:US|UK|EU)|uk|eu)\s*(?P<s3>\d{1,2}(?:\.5)?)(?![a-z0-9.])(?!" + _UNITS + ")",
    r"(?<![a-z])in\s+(?:a\s+)?(?P<s4>small|medium|large|extra[\s-]large|extra[\s-]small)(?![a-z])",
    r"(?<![a-z])in\s+a\s+(?P<s5>\d{1,2}(?:\.5)?)(?![a-z0-9.])(?!" + _UNITS + ")",
    r"(?:尺码|鞋码|码数|码子|号码)\s*(?:是|为|要|[:：])?\s*(?P<s6>\d{1,2}(?:\.5)?|x{0,3}[sl]|m|[23]xl)(?![a-z0-9.])",
    r"(?<![a-z0-9.])(?P<s7>\d{2}(?:\.5)?)\s*码(?!数|码)",
    r"(?<![a-z0-9.])(?P<s8>x{0,3}[sl]|m|[23]xl)\s*(?:码|号)(?!数|码)",
)
_SIZE_HINTS = ("size", "码", "号", "us", "uk", "eu", "in a", "small", "medium", "large", "extra")
_SIZE_NAMES = {"small": "S", "medium": "M", "large": "L", "extra large": "XL", "extra-large": "XL",
               "extralarge": "XL", "x-large": "XL", "extra small": "XS", "extra-small": "XS",
               "extrasmall": "XS", "x-small": "XS", "2xl": "XXL", "3xl": "XXXL"}


def _size_value(raw: str) -> str:
    s = " ".join(raw.lower().split())
    if s[0].isdigit():
        return s[:-2] if s.endswith(".0") else s
    return _SIZE_NAMES.get(s, s.upper())


def _shoe_size(raw: str) -> bool:
    value = float(raw)
    return 4 <= value <= 15 or 34 <= value <= 48


def _extract_rating(scan: _Scan) -> float | None:
    found = None
    for m in scan.matches(_RATING, _RATING_HINTS):
        if m.group("high"):
            value = HIGHLY_RATED
        else:
            value = float(next(g for g in (m.group(n) for n in ("r", "r2", "r3", "r4", "r5")) if g))
        if value > 5:
            continue
        found = value if found is None else found
        scan.take(*m.span())
    return found


def _extract_stock(scan: _Scan) -> bool:
    found = False
    for m in scan.matches(_STOCK, ("stock", "available", "ship", "有货", "现货", "库存")):
        if _NOT_BEFORE.search(scan.text[:m.start()]):
            continue
        found = True
        scan.take(*m.span())
    return found


def _extract_sizes(scan: _Scan) -> list[str]:
    sizes: list[str] = []
    for m in scan.matches(_SIZE, _SIZE_HINTS):
        if m.group("s5") and not _shoe_size(m.group("s5")):
            continue  # "in a 2 pack" is not a size
        for name in ("s1", "s2", "s3", "s4", "s5", "s6", "s7", "s8"):
            if m.group(name):
                sizes.append(_size_value(m.group(name)))
        scan.take(*m.span())
    return list(dict.fromkeys(sizes))


# -- vocabulary terms -------------------------------------------------------------------------------
_NEGATION_BEFORE = re.compile(
    r"(?:(?<![a-z])(?:(?:i|we)\s+)?(?:not|no|never|except|excluding|exclude|without|avoid|minus|skip|besides"
    r"|anything\s+but|anything\s+other\s+than|other\s+than|rather\s+than|instead\s+of|nothing\s+(?:from|by|in)"
    r"|none\s+(?:from|by|in)|(?:don'?t|do\s+not|dont)\s+(?:want|like|need|show(?:\s+me)?|give\s+me|care\s+for)"
    r"|hate|dislike|not\s+a\s+fan\s+of|no\s+more)(?:\s+(?:any|anything|the|a|an))?"
    r"(?:\s+(?:from|by|in|made\s+(?:by|of|from)))?\s+"
    r"|(?:不要|不想要|不喜欢|别要|别给我|别推荐|除了|不买|排除|不考虑|不是|不用)\s*(?:买|推荐|要)?\s*)$",
    re.IGNORECASE,
)
_NEGATION_HINTS = ("not", "no", "except", "exclud", "without", "avoid", "minus", "skip", "besides", "but", "other",
                   "rather", "instead", "nothing", "none", "n't", "dont", "hate", "dislike", "fan of", "不", "别",
                   "除了", "排除")
_NEGATION_AFTER = re.compile(r"^\s*(?:的)?\s*(?:不要|除外|就算了|不考虑|免了|别推荐)")
_LIST_GAP = re.compile(r"\s*(?:,|/|、|or|and|nor|&|和|或者|或|跟|与)?\s*(?:(?:or|nor)\s+)?", re.IGNORECASE)
_LEAD_IN = {
    "brand": re.compile(r"(?<![a-z])(?:from|by|made\s+by|brand)\s+$", re.IGNORECASE),
    "color": re.compile(r"(?<![a-z])(?:in(?:\s+(?:a|an|the))?|colou?r(?:ed)?\s*:?)\s+$", re.IGNORECASE),
    "material": re.compile(r"(?<![a-z])(?:in|made\s+(?:of|from|with)|material\s*:?)\s+$", re.IGNORECASE),
    "size": re.compile(r"(?<![a-z])(?:in(?:\s+a)?|size)\s+$", re.IGNORECASE),
}
_TRAIL_OFF = {
    "brand": re.compile(r"^\s+(?:brand|made)(?![a-z])", re.IGNORECASE),
    "color": re.compile(r"^\s*(?:colou?r(?:ed|s)?)(?![a-z])", re.IGNORECASE),
}
# "green tea" and "white noise" are not colours.
_NOT_A_COLOR_BEFORE = frozenset({"tea", "wine", "noise", "friday", "juice", "pepper", "peppers", "chocolate",
                                 "board", "rice", "beans", "list", "paper", "house"})
# "medium roast" and "medium brown" are not size M.
_NOT_A_SIZE_BEFORE = frozenset({"light", "dark", "roast", "rare", "heat", "firm", "firmness", "weight", "density",
                                "format", "grit", "sized", "length", "pressure"})
_CJK_COLOR_OK_AFTER = "的色款系"
_CJK_COLOR_OK_BEFORE = "要换选是有穿"


@dataclass
class _Terms:
    brands: list[str] = field(default_factory=list)
    exclude_brands: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    attributes: dict[str, list[str]] = field(default_factory=dict)
    excluded: dict[str, list[str]] = field(default_factory=dict)


def _single_cjk_color_ok(text: str, start: int, end: int) -> bool:
    """A one-character colour (红) only counts next to words that make it a colour: 红的, 要红."""
    after = text[end:end + 1]
    before = text[start - 1:start] if start else ""
    return after in ("", " ", "?", "？", "。", "!", "！", ",", "，") or after in _CJK_COLOR_OK_AFTER \
        or (before and before in _CJK_COLOR_OK_BEFORE)


def _extract_terms(scan: _Scan, vocab: Vocabulary) -> _Terms:
    """Brands, categories, colours, materials and sizes said alone, each wanted or ruled out."""
    out = _Terms()
    previous: tuple[str, int, bool] | None = None  # (kind, end, negated) of the last term
    for kind, values, start, end in vocab.find(scan.text):
        text = scan.text
        if kind == "color":
            if len(text[start:end]) == 1 and _CJK.match(text[start:end]) and not _single_cjk_color_ok(text, start, end):
                continue
            next_word = re.match(r"\s*([a-z]+)", text[end:], re.IGNORECASE)
            if next_word and next_word.group(1).lower() in _NOT_A_COLOR_BEFORE:
                continue
        elif kind == "size" and text[start:end].lower() == "medium":
            next_word = re.match(r"\s*([a-z]+)", text[end:], re.IGNORECASE)
            if next_word and (next_word.group(1).lower() in _NOT_A_SIZE_BEFORE
                              or vocab.kind(next_word.group(1)) == "color"):
                continue
        prefix = text[max(0, start - 40):start]
        cut_from = start
        lowered = prefix.lower()
        negation = _NEGATION_BEFORE.search(prefix) if any(map(lowered.__contains__, _NEGATION_HINTS)) else None
        after = _NEGATION_AFTER.match(text[end:])
        negated = negation is not None or after is not None
        if not negated and previous and previous[0] == kind and previous[2]:
            gap = text[previous[1]:start]
            negated = _LIST_GAP.fullmatch(gap) is not None  # "not Nike or Adidas"
            if negated:
                cut_from = previous[1]
        if negation is not None:
            cut_from = start - (len(prefix) - negation.start())
        elif not negated and kind in _LEAD_IN:
            lead = _LEAD_IN[kind].search(prefix, max(0, len(prefix) - 16))
            if lead:
                cut_from = start - (len(prefix) - lead.start())
        cut_to = end + (after.end() if after else 0)
        trail = _TRAIL_OFF.get(kind)
        if trail and not after:
            t = trail.match(text[end:])
            cut_to = end + (t.end() if t else 0)
        previous = (kind, end, negated)
        if kind == "category":
            if not negated:
                out.categories.extend(v for v in values if v not in out.categories)
                continue  # the category words are the product need: they stay in the text
        elif kind == "brand":
            target = out.exclude_brands if negated else out.brands
            target.extend(v for v in values if v not in target)
        else:
            bucket = (out.excluded if negated else out.attributes).setdefault(kind, [])
            bucket.extend(v for v in values if v not in bucket)
        scan.take(cut_from, cut_to)
    return out


# -- tidying the left-over text --------------------------------------------------------------------
_LEADING = re.compile(
    r"^(?:(?:hi|hello|hey)(?:\s+there)?(?![a-z])[\s,!.]*|(?:please|pls|kindly)\s+|(?:can|could|would|will)\s+you"
    r"\s+(?:please\s+)?(?:show|find|get|give|recommend|suggest)\s+(?:me\s+)?|(?:i'?m|i\s+am|we'?re|we\s+are)\s+"
    r"(?:looking|searching|shopping|hunting)\s+for\s+|(?:looking|searching|shopping)\s+for\s+|i(?:'d|\s+would)"
    r"\s+like\s+(?:to\s+(?:buy|get|see|find)\s+)?|i\s+(?:want|need)(?:\s+to\s+(?:buy|get|see|find))?\s+"
    r"|(?:show|find|get|give|recommend|suggest)\s+(?:me|us)\s+|(?:do|have)\s+you\s+(?:have|got|sell|carry|stock)"
    r"\s+|(?:search|look)\s+for\s+|recommend\s+|(?:a|an|some|any)\s+|(?:something|anything)(?:\s+|$)"
    r"|(?:and|or|but|with|for)\s+"
    r"|请问|请|我想买|我想要|我要买|我要|我需要|我想找|想买|想要|帮我找|帮我推荐|给我推荐|推荐一下|推荐|有没有|有什么"
    r"|找一下|来一?[个双件款台]|的|在|和|或)",
    re.IGNORECASE,
)
_TRAILING = re.compile(
    r"(?:\s+(?:please|pls|thanks|thank\s+you|and|or|with|for|in|that\s+(?:are|is)|which\s+(?:are|is)|at|of|the|a"
    r"|an|to|but|from|by|on|is|are)|[\s?.!,;:。？！，、~～…]+|的|吗|呢|吧|啊|呀|哦|一下|和|或)$",
    re.IGNORECASE,
)
_ORPHAN_PUNCT = re.compile(r"\s*([,;，、])(?:\s*[,;，、])+\s*")
_GAPS = re.compile(r"\s*\x00+\s*")
_CJK_SPACE = re.compile(r"(?<=[\u3400-\u9fff]) (?=[\u3400-\u9fff])")


def tidy(text: str) -> str:
    """Blanked-out spans, request openers ("I'm looking for") and dangling words removed."""
    text = _GAPS.sub(" ", text)
    text = _CJK_SPACE.sub("", " ".join(text.split()))
    text = _ORPHAN_PUNCT.sub(r"\1 ", text)
    for _ in range(8):
        before = text
        text = _LEADING.sub("", text).lstrip(" ,.;:!?，。、")
        end = _TRAILING.search(text, max(0, len(text) - 24))
        text = (text[:end.start()] if end else text).rstrip()
        if text == before:
            break
    return text


# -- the entry point --------------------------------------------------------------------------------
def parse_query(text: str, *, vocab: Vocabulary | None = None) -> ParsedQuery:
    """Split a request into the product need and hard filters.

    Without `vocab` only built-in colour, size and material words are known (no brands or
    categories). A ruled-out colour or material ("not red", "不要红色") is reported in
    `excluded_attributes`; since `Filters` cannot exclude a value, `filters` then lists every other
    known value, unless the request also names the values it wants ("blue, not red").
    """
    vocab = vocab or _builtin_vocabulary()
    scan = _Scan(text.replace(_GAP, " "))
    min_rating = _extract_rating(scan)
    in_stock = _extract_stock(scan)
    sizes = _extract_sizes(scan)
    budget = _extract_budget(scan)
    terms = _extract_terms(scan, vocab)

    if sizes:
        said_alone = terms.attributes.get("size", [])
        terms.attributes["size"] = sizes + [s for s in said_alone if s not in sizes]
    attributes: dict[str, Any] = {}
    for name, values in terms.attributes.items():
        attributes[name] = values[0] if len(values) == 1 else list(values)
    excluded = {name: tuple(values) for name, values in terms.excluded.items()}
    for name, values in excluded.items():
        if name not in attributes:
            others = vocab.complement(name, values)
            if others:
                attributes[name] = list(others)
    filters = Filters(
        price_min=budget.price_min,
        price_max=budget.price_max,
        currency=budget.currency,
        categories=tuple(terms.categories),
        brands=tuple(b for b in terms.brands if b not in terms.exclude_brands),
        exclude_brands=tuple(terms.exclude_brands),
        min_rating=min_rating,
        in_stock=in_stock,
        attributes=attributes,
    )
    return ParsedQuery(text=tidy(scan.text), filters=filters, excluded_attributes=excluded)
