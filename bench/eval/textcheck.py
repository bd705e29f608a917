"""Reading a reply's text without pinning its wording: amounts with their currency symbol, "the
catalog does not say", yes / no, whether a row's value is stated, and which language it is in.

Written for the evaluation, independently of the assistant's own guardrail, in English and Chinese.
"""
from __future__ import annotations

import re

_NUM = r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
_MONEY = re.compile(
    rf"(?P<pre>US\$|\$|€|£|¥|￥|RMB\s?|CNY\s?|USD\s?)\s?(?P<a>{_NUM})"
    rf"|(?P<b>{_NUM})\s?(?P<post>usd|dollars?|bucks|元|块|yuan|rmb|美元|美金|euros?)",
    re.IGNORECASE)
_SYMBOL_CURRENCY = {"$": "USD", "us$": "USD", "usd": "USD", "dollar": "USD", "dollars": "USD", "bucks": "USD",
                    "美元": "USD", "美金": "USD", "¥": "CNY", "￥": "CNY", "元": "CNY", "块": "CNY", "yuan": "CNY",
                    "rmb": "CNY", "cny": "CNY", "€": "EUR", "euro": "EUR", "euros": "EUR", "£": "GBP"}

UNKNOWN = re.compile(
    r"(does ?n[o']t|do ?n[o']t|doesn't|isn't|is not|aren't|are not|not) (say|list|mention|state|specif|includ|answer|cover|tell|"
    r"show|have (that|this|any)|provide|give|know|sure)|not (listed|stated|mentioned|specified|in the catalog|given|"
    r"available in|included in)|no (information|details?|data|mention)|(can't|cannot|couldn't|can not) (tell|find|"
    r"say|confirm|see|check)|unknown|not sure|no info\b|"
    r"不知道|不清楚|不确定|无法(确认|确定|得知|判断)|没有(提到|提及|标注|注明|说明|写|相关|列出|这方面|该|关于|找到.*信息|.*信息)|"
    r"未(注明|标注|提及|说明|列出|提供)|暂无|并未(说明|提及)", re.IGNORECASE)
_YES = re.compile(r"^\W*(yes|yep|yeah|sure|it (does|is|has|can))\b|\byes\b|是的|^\W*(是|有|对|可以|支持|能)", re.I)
_NO = re.compile(r"\b(no|not|doesn't|does not|isn't|is not|isn’t|doesn’t|without|non-)\b|不|没有|没|无|否", re.I)
_OUT_OF_STOCK = re.compile(
    r"out of stock|sold out|not (currently |yet )?(in stock|available)|unavailable|isn'?t available|no stock|"
    r"缺货|无货|没货|没有货|售罄|卖完|断货|无库存|没有库存|不可购买|已下架", re.IGNORECASE)
_IN_STOCK = re.compile(r"\bin[ -]stock\b|\bavailable\b|有货|现货|有库存|库存充足|可以购买|可购买|可以下单", re.IGNORECASE)
_STOCK_COUNT = re.compile(r"(?:stock|库存)\D{0,8}?(\d+)\s*(?:件|units?|left|in stock)", re.IGNORECASE)
_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]")


def amounts(text: str) -> list[tuple[float, str]]:
    """Money amounts in `text` with the symbol or word that marks them ("$", "元", "dollars")."""
    out = []
    for m in _MONEY.finditer(text or ""):
        raw = (m.group("a") or m.group("b")).replace(",", "")
        symbol = (m.group("pre") or m.group("post") or "").strip()
        try:
            out.append((float(raw), symbol))
        except ValueError:
            continue
    return out


def symbol_currency(symbol: str) -> str | None:
    return _SYMBOL_CURRENCY.get(symbol.strip().lower())


def admits_unknown(text: str) -> bool:
    """The reply says the catalog does not tell (in English or Chinese)."""
    return bool(UNKNOWN.search(text or ""))


def stock_said(text: str) -> bool | None:
    """What the text says about stock: False for "out of stock" (read first, "unavailable" contains
    "available"), True for "in stock", None when it says neither."""
    text = text or ""
    count = _STOCK_COUNT.search(text)
    if count:  # "stock: 75 in stock", "库存：库存 306 件"
        return int(count.group(1)) > 0
    if _OUT_OF_STOCK.search(text):
        return False
    return True if _IN_STOCK.search(text) else None


def answers_yes(text: str, *, strict: bool = False) -> bool:
    """An affirmative answer. `strict`: only an explicit leading yes (for "do not answer yes")."""
    t = (text or "").strip()
    if strict:
        return bool(re.match(r"^\W*(yes|yep|yeah)\b|^\W*是的", t, re.I))
    return bool(_YES.search(t)) and not (admits_unknown(t) or re.match(r"^\W*(no|not)\b|^\W*(不|没)", t, re.I))


def answers_no(text: str) -> bool:
    t = (text or "").strip()
    return bool(_NO.search(t)) and not re.match(r"^\W*(yes|yep|yeah)\b|^\W*是的", t, re.I)


def normal(s: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^\w.%+\u3400-\u9fff]+", " ", str(s).lower())).strip()


def contains_value(text: str, value) -> bool:
    """The row's value appears in the text: a number by its digits, a short string as written, a list
    by at least half of its items, a long string by most of its words, a dict by one of its numbers."""
    low = normal(text)
    if isinstance(value, bool):
        return answers_yes(text) if value else answers_no(text)
    if isinstance(value, (int, float)):
        return _has_number(low, float(value))
    if isinstance(value, dict):
        return any(_has_number(low, float(v)) for v in value.values() if isinstance(v, (int, float)))
    if isinstance(value, list):
        items = [normal(v) for v in value if str(v).strip()]
        hit = sum(1 for v in items if v and v in low)
        return bool(items) and hit * 2 >= len(items)
    v = normal(value)
    if not v:
        return False
    if v in low:
        return True
    numbers = re.findall(r"\d+(?:\.\d+)?", v)
    if numbers and all(_has_number(low, float(n)) for n in numbers):
        return True  # "1 year warranty" stated as "1年保修" / "a 1-year warranty"
    words = [w for w in v.split() if len(w) > 3]
    return len(v) > 25 and bool(words) and sum(w in low for w in words) >= 0.6 * len(words)


def _has_number(low: str, x: float) -> bool:
    for raw in re.findall(r"\d+(?:\.\d+)?", low.replace(",", "")):
        if abs(float(raw) - x) < 0.011:
            return True
    return False


def cjk_ratio_ok(text: str) -> bool:
    """Mostly Chinese: at least one Chinese character per three Latin letters (names removed first)."""
    cjk, latin = len(_CJK.findall(text or "")), len(_LATIN.findall(text or ""))
    return cjk > 0 and cjk * 3 >= latin


def english_only(text: str) -> bool:
    return not _CJK.search(text or "")


def is_chinese(text: str) -> bool:
    return cjk_ratio_ok(text)
