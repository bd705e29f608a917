"""Slots a message fills: minimum rating, "in stock", sizes, and catalog terms (brands, categories,
colours, materials, letter sizes), each wanted or ruled out ("not Nike", "不要红色").

Each extractor consumes what it reads from a `Scan`, in a fixed order (rating, stock, size, then
terms after the budget), so "size 10" is never a price and "4.5 stars" never a minimum price.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from language.budget import UNITS
from language.cjk import CJK
from language.patterns import Scan, compile_any
from language.vocabulary import Vocabulary

__all__ = ["HIGHLY_RATED", "Terms", "extract_rating", "extract_sizes", "extract_stock", "extract_terms"]

_R = r"(?P<r>[0-5](?:\.\d)?)(?![0-9])"
_RATING = compile_any(
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
_STOCK = compile_any(
    r"(?<![a-z])(?:(?:that\s+(?:is|are|'s)|which\s+(?:is|are)|currently|only)\s+)?(?:in[\s-]stock|available\s+"
    r"(?:now|today|right\s+now|immediately)|ready\s+to\s+ship|ships?\s+(?:now|today|immediately))(?![a-z])",
    r"(?:只要|只看|要)?(?:有货|现货|有库存)(?:的)?",
)
_NOT_BEFORE = re.compile(r"(?:\bnot|n't|out\s+of|没|无)\s*$", re.IGNORECASE)
_SIZE_WORD = r"\d{1,2}(?:\.5)?|x{1,3}[sl]|[23]xl|[sml]|extra[\s-]?(?:large|small)|x-(?:large|small)|small|medium|large"
_SIZE = compile_any(
    r"(?<![a-z])(?:in\s+(?:a\s+)?)?(?:(?:men'?s|women'?s|mens|womens|kids'?|(?-i:US|UK|EU)|uk|eu)\s+)?"
    r"size(?:\s*:?\s*(?=\d)|\s*:\s*|\s+)(?:(?:(?-i:US)|uk|eu)\s*)?(?P<s1>" + _SIZE_WORD + r")(?:\s*(?:-|/|or|to)\s*(?P<s2>\d{1,2}(?:\.5)?"
    r"|x{0,3}[sl]|m))?(?![a-z0-9.])",
    r"(?<![a-z])(?:in\s+(?:a\s+)?)?(?:(?-i:US|UK|EU)|uk|eu)\s*(?P<s3>\d{1,2}(?:\.5)?)(?![a-z0-9.])(?!" + UNITS + ")",
    r"(?<![a-z])in\s+(?:a\s+)?(?P<s4>small|medium|large|extra[\s-]large|extra[\s-]small)(?![a-z])",
    r"(?<![a-z])in\s+a\s+(?P<s5>\d{1,2}(?:\.5)?)(?![a-z0-9.])(?!" + UNITS + ")",
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


def extract_rating(scan: Scan) -> float | None:
    """The minimum rating asked for ("4+ stars", "highly rated", "评分4.5以上"), else None."""
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


def extract_stock(scan: Scan) -> bool:
    """True when the shopper wants only what is in stock ("in stock", "有货的"), not "out of stock"."""
    found = False
    for m in scan.matches(_STOCK, ("stock", "available", "ship", "有货", "现货", "库存")):
        if _NOT_BEFORE.search(scan.text[:m.start()]):
            continue
        found = True
        scan.take(*m.span())
    return found


def extract_sizes(scan: Scan) -> list[str]:
    """Sizes asked for ("size 10", "in a medium", "42码"), normalised ("M", "10")."""
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
    r"|anything\s+but|anything\s+other\s+than|other\s+than|(?:any\s+)?(?:other|different)\s+brands?\s+(?:than|from|to)"
    r"|rather\s+than|instead\s+of|nothing\s+(?:from|by|in)"
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
# "I had a Keystrand before and I didn't like it": a brand the shopper was unhappy with (brands only).
_BRAND_REGRET_AFTER = re.compile(
    r"^[^.?!]{0,30}?\b(?:i|we)\s+(?:didn'?t|did\s+not|don'?t|do\s+not|never)\s+(?:like|love|enjoy|want)\b"
    r"|^[^.?!]{0,30}?\b(?:it|they)\s+(?:broke|sucked|was\s+(?:bad|awful|terrible|disappointing))"
    r"|^[^。？！]{0,12}(?:不喜欢|不好用|不满意|坏了)", re.IGNORECASE)
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
_CJK_COLOR_OK_BEFORE = "要换选是有穿偏深浅纯大亮暗个款件双只"


@dataclass
class Terms:
    """Catalog terms a message names: wanted and ruled-out brands and attribute values, and categories."""

    brands: list[str] = field(default_factory=list)
    exclude_brands: list[str] = field(default_factory=list)
    categories: list[str] = field(default_factory=list)
    attributes: dict[str, list[str]] = field(default_factory=dict)
    excluded: dict[str, list[str]] = field(default_factory=dict)


def _single_cjk_color_ok(text: str, start: int, end: int) -> bool:
    """A one-character colour (红) only counts next to words that make it a colour: 红的, 要红."""
    after = text[end:end + 1]
    before = text[start - 1:start] if start else ""
    if before and CJK.match(before) and before not in _CJK_COLOR_OK_BEFORE:
        return False  # the end of a word: 口红 (lipstick), 奶粉 (baby formula), 洗衣粉
    return after in ("", " ", "?", "？", "。", "!", "！", ",", "，") or after in _CJK_COLOR_OK_AFTER \
        or (before and before in _CJK_COLOR_OK_BEFORE)


def extract_terms(scan: Scan, vocab: Vocabulary) -> Terms:
    """Brands, categories, colours, materials and sizes said alone, each wanted or ruled out."""
    out = Terms()
    previous: tuple[str, int, bool] | None = None  # (kind, end, negated) of the last term
    for kind, values, start, end in vocab.find(scan.text):
        text = scan.text
        if kind == "color":
            if len(text[start:end]) == 1 and CJK.match(text[start:end]) and not _single_cjk_color_ok(text, start, end):
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
        regret = kind == "brand" and after is None and _BRAND_REGRET_AFTER.match(text[end:]) is not None
        negated = negation is not None or after is not None or regret
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

