"""Budgets: "under 120", "$300 or less", "between 50 and 80", "预算300", "两百块左右", "一百到两百".

A bare number is never a price: it needs a budget word ("under", "以内") or a currency ("$",
"bucks", "元"), and a unit after it ("2 kg", "3 person", "50mm") rules it out. Extraction runs on
a `Scan`, so what it consumes is never read again as a size or a search word.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from language.currency import CURRENCIES, CURRENCY_HINTS, ISO_CODES
from language.numbers import CN_NUMERAL, NUMBER_CHAR, cn_number
from language.patterns import Scan, compile_any, compile_each

__all__ = ["UNITS", "Budget", "extract_budget"]

# What may follow a number that is therefore not money: "2 kg", "3 person", "50mm", "4 stars".
UNITS = (
    r"\s*(?:%|x(?![a-z])|×|\"|''|inch(?:es)?|cm|mm|km|m(?![a-z])|ft|feet|foot|kgs?|g(?![a-z])|grams?|lbs?"
    r"|millimet(?:er|re)s?|centimet(?:er|re)s?|met(?:er|re)s?|oz|ounces?|l(?![a-z])|lit(?:er|re)s?|ml|gb|tb|mb|mah|w(?![a-z])|watts?|v(?![a-z])|volts?|hz|khz|mhz"
    r"|ghz|hours?|hrs?|h(?![a-z])|minutes?|mins?|seconds?|secs?|days?|weeks?|months?|years?|yrs?|y(?![a-z])"
    r"|yo(?![a-z])|people|persons?|players?|seats?|packs?|pcs|pieces?|count|ct(?![a-z])|stars?|pairs?"
    r"|mp(?![a-z])|megapixels?|fps|rpm|psi|degrees?|°|pages?|cups?|quarts?|qt|gallons?|mph|kph|sq|inches"
    r"|个|件|双|款|台|本|只|支|条|张|瓶|盒|包|套|份|人|天|年|月|岁|小时|分钟|秒|次|寸|英寸|米|厘米|毫米"
    r"|公斤|千克|克|斤|升|毫升|码|号|星|分|层|位|种|匹|瓦|伏|毫安)"
)


def _money(tag: str, *, cn: bool = True) -> str:
    """A regex for an amount: optional currency sign, number, k/千/万, optional currency word."""
    number = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?" + (f"|{CN_NUMERAL}" if cn else "")
    codes = "|".join(ISO_CODES)
    return (
        rf"(?<![a-z0-9.,])(?:(?P<{tag}pre>us\$|\$|£|€|¥|￥|rmb|usd|eur|gbp|cny|{codes})\s*)?"
        rf"(?P<{tag}num>{number})(?P<{tag}mult>k(?![a-z])|千|万)?"
        rf"(?:\s*(?P<{tag}suf>dollars?|bucks?|usd|quid|pounds?|gbp|euros?|eur|yuan|rmb|cny|{codes}|块钱|元钱|元|块"
        rf"|人民币|美元|美金|英镑|欧元|\$|€|£|¥|￥)(?![a-z])|(?![a-z0-9])(?!{UNITS}))"
    )


def _amount(m: re.Match, tag: str) -> tuple[float | None, str | None]:
    """(value, currency code or None) for one `_money` group; value None if it is not money after all."""
    raw = m.group(f"{tag}num")
    if raw[0].isdigit():
        value = float(raw.replace(",", ""))
    else:
        value = cn_number(raw)
        if value is None:
            return None, None
    mult = m.group(f"{tag}mult")
    if mult:
        value *= 10000 if mult == "万" else 1000
    marker = (m.group(f"{tag}pre") or m.group(f"{tag}suf") or "").lower() or None
    if marker and marker.startswith("pound") and value <= 20:
        return None, None  # "under 5 pounds" is a weight; "under 50 pounds" a price (documented)
    return value, CURRENCIES.get(marker) if marker else None


_M = _money("a")
_RANGE = re.compile(
    r"(?:(?<![a-z])(?P<kw>from|between)\s+|(?P<zkw>价格在|价位在|价格|价位|预算在|预算|从|在))?"
    + _money("a") + r"\s*(?P<sep>-|–|—|~|～|to|and|至|到)\s*" + _money("b")
    + r"(?:\s*(?:之间|以内|的区间|区间))?",
    re.IGNORECASE,
)
_AROUND = compile_each(
    r"(?<![a-z])(?:around|about|approximately|approx\.?|roughly|circa|near|close\s+to|in\s+the\s+region\s+of"
    r"|somewhere\s+around|ballpark(?:\s+of)?)\s+" + _M,
    r"(?:~|～|大概|大约|差不多|约)\s*" + _M,
    _M + r"\s*(?:-?ish(?![a-z])|or\s+so(?![a-z])|give\s+or\s+take|左右|上下)",
)
_BUDGET = compile_any(
    r"(?<![a-z])(?:(?:my|the|our|a|total)\s+)?budget\s*(?:is|was|of|:|=|would\s+be|will\s+be|'s)?\s*"
    r"(?P<bapprox>around|about|roughly|approximately|approx\.?|~)?\s*(?:up\s+to|max(?:imum)?|under|below)?\s*"
    + _money("b") + r"(?:\s*(?:max|tops|at\s+most))?",
    r"预算\s*(?:是|在|为|有|就|只有|控制在|不超过|[:：])*\s*(?P<zapprox>大概|大约|差不多)?\s*" + _money("z")
    + r"\s*(?P<zaround>左右|上下)?(?:\s*(?:以内|以下|之内|内))?",
)
_MAX = compile_each(
    r"(?<![a-z])(?:under|below|beneath|less\s+than|lower\s+than|cheaper\s+than|max(?:imum)?(?:\s+of)?|up\s*to"
    r"|at\s+most|no\s+more\s+than|not\s+more\s+than|no\s+higher\s+than|not\s+over|not\s+above|within|less\s+then"
    r"|price\s+(?:lower|less)\s+than"
    # "nothing over 60 bucks", "can't spend more than $300", "not paying above 80": a ceiling, said negatively
    r"|(?:nothing|none|not\s+anything|(?:do\s+not|don'?t|can\s*not|can'?t|won'?t|wouldn'?t)\s+(?:want\s+to\s+)?"
    r"(?:spend|pay|go|afford)(?:\s+anything)?|not\s+(?:spending|paying|going))\s+"
    r"(?:over|above|more\s+than|higher\s+than|past|beyond|north\s+of|anything\s+(?:over|above|more\s+than)))"
    r"\s*:?\s*" + _M,
    r"(?:<=?|≤)\s*" + _M,
    r"(?:不超过|不要超过|别超过|不高于|不超|不到|低于|少于|小于|最多|最高|控制在|加到|提到|提高到|放宽到|增加到)\s*" + _M
    + r"(?:\s*(?:以内|以下|之内))?",
    _M + r"\s*(?:or\s+(?:less|under|lower|cheaper|below)|max(?:imum)?(?![a-z])|tops(?![a-z])|at\s+(?:the\s+)?most"
    r"|and\s+(?:under|below|less)|以内|以下|之内|内)",
)
_MIN = compile_each(
    r"(?<![a-z])(?:over|above|more\s+than|greater\s+than|higher\s+than|at\s+least|no\s+less\s+than"
    r"|not\s+less\s+than|min(?:imum)?(?:\s+of)?|starting\s+(?:at|from))\s*:?\s*" + _M,
    r"(?:>=?|≥)\s*" + _M,
    r"(?:高于|超过|不低于|至少|最低|大于|多于|起码)\s*" + _M + r"(?:\s*以上)?",
    _M + r"\s*(?:or\s+(?:more|above|higher|over)|and\s+(?:up|above|over|higher)|plus(?![a-z])|\+(?![0-9])(?!" + UNITS
    + r")|以上|起(?!来))",
)
_BARE_MONEY = re.compile(_money("a", cn=False), re.IGNORECASE)
_ANY_NUMBER = re.compile(NUMBER_CHAR)
_MORE_WORDS = ("more", "above", "higher", "over", "up", "plus", "+", "以上", "起")
_BUDGET_STEPS: tuple[tuple[str, re.Pattern, tuple[str, ...]], ...] = (
    ("around", _AROUND[0], ("around", "about", "approx", "roughly", "circa", "near", "close", "region", "ballpark")),
    ("around", _AROUND[1], ("~", "～", "大概", "大约", "差不多", "约")),
    ("around", _AROUND[2], ("ish", "or so", "give or take", "左右", "上下")),
    ("max", _MAX[0], ("under", "below", "beneath", "less", "lower", "cheaper", "max", "up to", "most", "no more", "upto",
                      "not more", "no higher", "not over", "not above", "within", "then", "nothing", "none", "n't",
                      "not ", "cannot")),
    ("max", _MAX[1], ("<", "≤")),
    ("max", _MAX[2], ("不", "低于", "少于", "小于", "最多", "最高", "控制在", "别超过", "加到", "提到", "提高到", "放宽到", "增加到")),
    ("max", _MAX[3], ("less", "under", "lower", "cheaper", "below", "max", "tops", "most", "以内", "以下", "之内", "内")),
    ("min", _MIN[0], ("over", "above", "more", "greater", "higher", "least", "less", "min", "starting")),
    ("min", _MIN[1], (">", "≥")),
    ("min", _MIN[2], ("高于", "超过", "不低于", "至少", "最低", "大于", "多于", "起码")),
    ("min", _MIN[3], _MORE_WORDS),
)
_RANGE_HINTS = ("-", "–", "—", "~", "～", "to", "and", "至", "到")


@dataclass
class Budget:
    """A price range being read from one message; the first bound found for each side wins."""

    price_min: float | None = None
    price_max: float | None = None
    currency: str | None = None

    def set(self, *, low: float | None = None, high: float | None = None, currency: str | None = None) -> None:
        """Fill the bounds not set yet (earlier, more specific phrases win)."""
        if low is not None and self.price_min is None:
            self.price_min = round(low, 2)
        if high is not None and self.price_max is None:
            self.price_max = round(high, 2)
        self.currency = self.currency or currency


def extract_budget(scan: Scan) -> Budget:
    """Ranges, "budget ...", "around", "under"/"over" and bare money, in that order, consumed from `scan`."""
    budget = Budget()
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
        # "一百到两百的跑鞋": in Chinese two amounts of ten or more joined by 到 are a price range (a count
        # or size would carry its unit: "三到五天", "40到42码").
        zh_range = sep in ("至", "到") and min(low, high) >= 10
        if sep in ("to", "至", "到") and not (keyword or currency or zh_range):
            continue  # "10 to 12" alone is too often not money
        if not (m.group("anum")[0].isdigit() and m.group("bnum")[0].isdigit()) and not (currency or keyword
                                                                                          or zh_range):
            continue
        if not (currency or keyword) and 1900 <= low < high <= 2100 and high - low <= 10:
            continue  # "2023-2024" is a span of years
        if not (currency or keyword or zh_range) and max(low, high) < 20:
            continue  # "9-10 for men", "3-5": sizes, counts and ages, not prices
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
    for m in scan.matches(_BARE_MONEY, CURRENCY_HINTS):
        if not (m.group("apre") or m.group("asuf")):
            continue  # a bare number is never a price
        value, currency = _amount(m, "a")
        if value is None:
            continue
        budget.set(high=value, currency=currency)  # "100 bucks", "$80": what a shopper means to spend at most
        scan.take(*m.span())
    return budget

