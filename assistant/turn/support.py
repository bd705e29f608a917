"""Support: every content word of a generated sentence must come from the row it talks about.

The guard's other checks look for known kinds of error (a wrong price, another product's name, a
property word the row lacks). A small model finds new ones: "8小时的IPX4电池寿命", "a leather
backpack with a camera", "the reviewer doesn't know why". This check is the other way round: a
sentence may say only what one row says. Its content words (English words stemmed, Chinese terms
and numbers) must each be in the row of the product it is about, in the other language through the
shop's own word tables, or be one of the few words that carry no fact ("recommend", "because",
"your needs"). A sentence with a word no row backs is not shown; the answer computed from the rows
stands in for it.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from catalog.models import Product
from language.lexicon import BUILTIN_COLORS, BUILTIN_MATERIALS, BUILTIN_SIZES, BUILTIN_SYNONYMS

_CURRENCY_WORDS = {"USD": "dollar dollars usd bucks", "EUR": "euro euros eur", "GBP": "pound pounds gbp",
                   "CNY": "yuan rmb cny 元 块", "AUD": "dollar dollars aud", "CAD": "dollar dollars cad"}
_LATIN = re.compile(r"[a-z][a-z']*|\d+(?:\.\d+)?")
_CJK_RUN = re.compile(r"[\u4e00-\u9fff]+")

# Words that state no fact about a product: grammar, the act of recommending, the shopper, the shop.
_NO_FACT_EN = frozenset("""
a an the and or but nor so yet if then than that this these those it its it's itself they them their there
here what which who whom whose why how when where while whether as at by for from in into of on onto to
with within without about above below over under up down out off again also too very just only even
still both each every all any some such own same other another more most less least much many few
is are was were be been being am has have had having do does did doing will would shall should can could
may might must i me my we us our you your yours he him his she her
not no yes
first second third fourth last former latter
found find recommend recommended recommends recommending recommendation suggest suggested suggests pick picked
choose chosen choice choices option options
match matches matching matched suit suits suitable suited
need needs needed want wants wanted looking look searching search requirement requirements
preference preferences criteria request requested
product products item items one ones model models selection range catalog shop store
because since due reason reasons why overall also plus
offer offers offered offering provide provides provided providing feature features featuring featured
come comes coming include includes including included available availability
price priced prices cost costs budget priced
rating rated ratings star stars score
cheaper cheapest pricier priciest expensive lower lowest higher highest
stock in-stock
make makes made making
weigh weighs weighing hold holds measure measures last lasts connect connects brew brews charge charges
consider considering check checking
described description describes title titled category brand shopper shopper's shoppers customer customers
""".split())
# Words a Chinese sentence uses for a row's fields and units, with the English a row says them in.
_ZH_FIELDS = {
    "小时": ("hour", "hours", "h", "hr"), "分钟": ("minute", "minutes", "min"), "克": ("g", "gram", "grams"),
    "公斤": ("kg",), "千克": ("kg",), "毫升": ("ml",), "升": ("l", "liter", "litre"), "年": ("year", "years"),
    "个月": ("month", "months"), "天": ("day", "days"), "码": ("size",), "英寸": ("inch", "inches", "in"),
    "电池": ("battery",), "续航": ("battery",), "女士": ("women", "women's", "woman"), "女性": ("women", "women's"),
    "女款": ("women", "women's"), "男士": ("men", "men's"), "男性": ("men", "men's"), "男款": ("men", "men's"),
    "儿童": ("kids", "kids'", "children", "child"), "鞋子": ("shoe", "shoes", "boot", "boots", "sneakers"),
    "鞋": ("shoe", "shoes", "boot", "boots", "sneakers"), "书": ("book", "novel"), "这本书": ("book", "novel"),
    "作者": ("author", "by"), "品牌": ("brand",), "颜色": ("color", "colour"), "材质": ("material",),
    "材料": ("material",), "尺寸": ("size", "dimensions"), "尺码": ("size",), "重量": ("weight",),
    "容量": ("capacity", "volume"), "电池寿命": ("battery",), "寿命": ("life",), "设计": ("design",),
    "型号": ("model",),
}
_NO_FACT_ZH = tuple(sorted("""
推荐 建议 因为 由于 所以 因此 而且 并且 同时 另外 此外 理由 原因 总之
这款 那款 这个 那个 这些 那些 它们 它的 它 该款 该 此款 本款 款 个 件 双 台 只 本
您的 您 你的 你 我们 我 的 地 得 了 着 过 是 有 在 和 与 及 以及 或 或者 也 都 还 就 很 非常 十分 比较 更 最
为 对 于 给 让 把 被 从 到 向 以 之 中 里 上 下 内 外 能 可以 可 会 要 需要 需求 要求 条件 预算 范围 以内
适合 合适 符合 满足 匹配 选择 选项
商品 产品 目录 商店 本店 价格 售价 价位 评分 评价 分 星 库存 有货 现货 在库存中 库存中 描述 类别
提供 具有 拥有 带有 配有 包括 包含 特点 特色 功能 规格
一款 一个 一种 这 那 其 每 各 所有 其他 其它 一些 多 少
如果 但是 但 不过 然后 而 即 且 只 仅 才 又 再
""".split(), key=len, reverse=True))
_NO_FACT_ZH_CHARS = frozenset("的了着过是有在和与及或也都还就很更最为对于给让把被从到向以之中里上下内外能可会要这那其每各款个件双台只本它您你我们呢吗吧啊哦，。！？、；：“”‘’（）")


# Superlative praise a row seldom says ("快充功能和容量是最佳选择" beside a 65 W power bank): a claim.
_ZH_PRAISE = re.compile(r"最佳|最好|最优|最强|最棒|顶级|一流")


@lru_cache(maxsize=1)
def _stemmer():
    import snowballstemmer

    return snowballstemmer.stemmer("english")


def _stem(word: str) -> str:
    return _stemmer().stemWord(word.strip("'"))


@lru_cache(maxsize=1)
def _zh_to_en() -> dict[str, tuple[str, ...]]:
    """Chinese shopper words -> the English words a row may say them with (the shop's word tables)."""
    out: dict[str, tuple[str, ...]] = {}
    for table in (BUILTIN_COLORS, BUILTIN_MATERIALS, BUILTIN_SYNONYMS):
        for zh, en in table.items():
            if re.search(r"[\u4e00-\u9fff]", zh):
                values = (en,) if isinstance(en, str) else tuple(en)
                out[zh] = tuple(v for v in values if v.isascii()) + tuple(out.get(zh, ()))
    for zh, size in BUILTIN_SIZES.items():
        if re.search(r"[\u4e00-\u9fff]", zh):
            out[zh] = (size.lower(),)
    from assistant.turn.claims import equivalents

    for zh, ens in [*equivalents().items(), *_ZH_FIELDS.items()]:
        if re.search(r"[\u4e00-\u9fff]", zh):
            out[zh] = tuple(out.get(zh, ())) + tuple(e for e in ens if e.isascii())
    return out


def row_terms(rows: Iterable[Product], row_text, *, amounts: Iterable[float] = (),
              extra: str = "") -> tuple[set[str], str]:
    """(stems and numbers, raw lower-cased text) of the rows: what a sentence about them may say.
    Price, rating ("4.7/5") and currency count; `amounts` are other numbers a sentence may repeat
    (the shopper's budget: the guard checks it is said as a budget); `extra` is text that counts
    as fact for every row (facts computed in words)."""
    rows = list(rows)
    core = " ".join(f"{p.price} {p.currency} {_CURRENCY_WORDS.get((p.currency or 'USD').upper(), '')}"
                    f" {'' if p.rating is None else f'{p.rating} 5'} {'' if p.stock is None else p.stock}" for p in rows)
    text = " ".join(row_text(p, reviews=True) for p in rows) + " " + core.lower() + " " + " ".join(
        str(a) for a in amounts) + " " + extra.lower()
    terms = set()
    for w in _LATIN.findall(_digits(text)):
        terms.add(w)
        if w[0].isdigit():  # "4.26" may be said "4.3"; "119.99" may be said "120" (the guard checks prices)
            value = float(w)
            terms |= {_number(value), _number(round(value, 1))} | ({_number(round(value))} if value >= 10 else set())
        else:
            terms.add(_stem(w))
    return terms, text


# "fits your $150 budget": fitting the shopper's own terms states nothing about the product's fit; "the
# best match", "a great choice", "首选", "最佳选择" are the verdict of recommending, not a property.
# Praise elsewhere ("a good rating" for the lowest one, "best battery", 价格实惠) must be the row's words.
_NO_FACT_PHRASES = re.compile(
    r"\bfits?\s+(?:well\s+)?(?:within\s+)?(?:your|the)\s+(?:[$¥€£]?[\d.,]+\s+)?"
    r"(?:budget|needs?|requirements?|price\s+range|criteria)\b"
    r"|\b(?:best|better|good|great|top|solid|nice|fine)\s+(?:overall\s+)?(?:match(?:es)?|choices?|options?|picks?"
    r"|bet|recommendations?|alternatives?)\b"
    r"|首选"
    # comparisons of price and rating: the guard checks them against the numbers (claims.comparative_problems)
    r"|\b(?:best|highest|top|better|higher)[\s-]rated\b|\b(?:highest|higher)\s+rating\b|\b(?:most|more)\s+affordable\b"
    r"|\b(?:least|less)\s+expensive\b|\bbetter\s+value\b")


def unbacked(sentence: str, terms: set[str], text: str) -> list[str]:
    """Content words of the sentence that the rows (`row_terms`) do not say."""
    low = _NO_FACT_PHRASES.sub(" ", sentence.lower())
    out = []
    for w in _LATIN.findall(_digits(re.sub(r"[\u4e00-\u9fff]", " ", low).replace("-", " "))):
        if w in _NO_FACT_EN or (len(w) == 1 and not w.isdigit()):
            continue
        if w[0].isdigit():
            if _number(float(w)) not in terms:
                out.append(w)
            continue
        if w not in terms and _stem(w) not in terms:
            out.append(w)
    for run in _CJK_RUN.findall(low):
        out += _unbacked_zh(run, terms, text)
    return list(dict.fromkeys(out))


def _digits(text: str) -> str:
    """"20,000" as one number."""
    return re.sub(r"(?<=\d),(?=\d{3}\b)", "", text)


def _number(value: float) -> str:
    return f"{value:.2f}".rstrip("0").rstrip(".")


def _unbacked_zh(run: str, terms: set[str], text: str) -> list[str]:
    """Chinese terms of one run the row does not back: known words are taken out (the row's own
    Chinese, a shop word whose English the row says, a word that carries no fact); two or more
    characters left side by side are a term nobody backed."""
    table = _zh_to_en()
    keep = [True] * len(run)
    for word in sorted(table, key=len, reverse=True):
        for m in re.finditer(re.escape(word), run):
            if any(_says(text, en) or _stem(en) in terms for en in table[word]):
                keep[m.start():m.end()] = [False] * len(word)
    for size in range(min(len(run), 8), 1, -1):  # the row's own Chinese, longest first
        for i in range(len(run) - size + 1):
            if all(keep[i:i + size]) and run[i:i + size] in text:
                keep[i:i + size] = [False] * size
    for word in _NO_FACT_ZH:
        for m in re.finditer(re.escape(word), run):
            if all(keep[m.start():m.end()]):
                keep[m.start():m.end()] = [False] * len(word)
    left = "".join(c if k and c not in _NO_FACT_ZH_CHARS else " " for c, k in zip(run, keep))
    praise = [m.group(0) for m in _ZH_PRAISE.finditer(run) if m.group(0) not in text]  # "最佳" of a feature
    return [t for t in left.split() if len(t) >= 2] + praise


def _says(text: str, word: str) -> bool:
    return re.search(rf"(?<![a-z]){re.escape(word.lower())}(?![a-z])", text) is not None
