"""What a generated sentence claims about which product: names, property words, comparatives.

The guard uses these to check a sentence against the row of the product it talks about, not
against every row the model read (so product B's warranty can't be told as product A's).
"""
from __future__ import annotations

import re
from collections.abc import Sequence

from catalog.models import Product

_WORD = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*|[\u4e00-\u9fff]+")
# Property words a small model likes to attach to any product; each must be in that product's row.
PROPERTY_WORDS = frozenset("""
waterproof water-resistant water-repellent windproof breathable insulated wireless bluetooth cordless
rechargeable foldable adjustable lightweight ultralight leather suede cotton wool merino linen silk
polyester nylon bamboo organic vegan gluten-free sugar-free stainless aluminium aluminum titanium
carbon ceramic cast-iron non-stick nonstick dishwasher-safe microwave-safe bpa-free noise-cancelling
noise-canceling anc oled amoled 4k 5g usb-c hdmi wifi wi-fi gps nfc touchscreen ergonomic handmade
recycled hypoallergenic fragrance-free unscented spf vitamin solar smart magnetic heated
防水 防风 透气 保暖 无线 蓝牙 可折叠 轻量 真皮 纯棉 羊毛 有机 不锈钢 降噪
black white red blue green grey gray brown navy pink beige orange purple yellow silver gold
黑色 白色 红色 蓝色 绿色 灰色 棕色 粉色 紫色 黄色 银色 金色
""".split())
# The same property in the other language: a Chinese sentence about an English row (and back).
_EQUIVALENT = {
    "防水": ("waterproof",), "防风": ("windproof",), "透气": ("breathable",), "保暖": ("insulated", "warm"),
    "无线": ("wireless", "cordless"), "蓝牙": ("bluetooth",), "可折叠": ("foldable",),
    "轻量": ("lightweight", "ultralight", "light"), "真皮": ("leather",), "纯棉": ("cotton",), "羊毛": ("wool", "merino"),
    "有机": ("organic",), "不锈钢": ("stainless",), "降噪": ("noise-cancelling", "noise-canceling", "anc"),
    "黑色": ("black",), "白色": ("white",), "红色": ("red",), "蓝色": ("blue",), "绿色": ("green",),
    "灰色": ("grey", "gray"), "棕色": ("brown",), "粉色": ("pink",), "紫色": ("purple",), "黄色": ("yellow",),
    "银色": ("silver",), "金色": ("gold",), "grey": ("gray",), "gray": ("grey",),
}
for _zh, _ens in list(_EQUIVALENT.items()):
    for _en in _ens:
        _EQUIVALENT.setdefault(_en, ())
        _EQUIVALENT[_en] = (*_EQUIVALENT[_en], _zh)


def equivalents() -> dict[str, tuple[str, ...]]:
    """A property word -> the same property in the other language ("防水" -> "waterproof")."""
    return _EQUIVALENT


_NEGATION_BEFORE = re.compile(r"(?:\bnot\b|\bno\b|\bnon-?|\bisn't\b|\baren't\b|\bwithout\b|\bnever\b|不|非|无)"
                              r"[\w\s-]{0,16}$", re.IGNORECASE)
_CHEAPER = re.compile(r"\b(?:cheaper|less expensive|more affordable|lower[- ]priced|costs? less|better value)\b",
                      re.IGNORECASE)
_PRICIER = re.compile(r"\b(?:pricier|more expensive|costs? more|higher[- ]priced)\b", re.IGNORECASE)
_CHEAPEST = re.compile(r"\b(?:cheapest|least expensive|most affordable|lowest[- ]priced|lowest price)\b|最便宜",
                       re.IGNORECASE)
_PRICIEST = re.compile(r"\b(?:most expensive|priciest|highest[- ]priced)\b|最贵", re.IGNORECASE)
_BEST_RATED = re.compile(r"\b(?:best|highest|top)[- ]rated\b|\bhighest rating\b|评分最高", re.IGNORECASE)
_BETTER_RATED = re.compile(r"\b(?:better|higher)[- ]rated\b|\bhigher rating\b", re.IGNORECASE)
_PRONOUN_START = re.compile(r"^\s*(?:it|its|it's|this|that|these|they|their|both|它|这款|这个|该)\b", re.IGNORECASE)


# Two-word properties written with a space or an underscore mean the hyphenated property word.
_MULTIWORD = re.compile(
    r"\b(noise|water|dishwasher|microwave|non|cast|usb|bpa|gluten|sugar|fragrance|wi)[ _](cancell?ing|canceling|"
    r"resistan(?:t|ce)|repellent|safe|stick|iron|c|free|fi)\b", re.IGNORECASE)


def canonical(text: str) -> str:
    """Lower-cased text with two-word properties hyphenated ("noise cancelling" -> "noise-cancelling";
    "water resistance" -> "water-resistant"), so a sentence and a row spell them the same way."""
    def join(m: re.Match) -> str:
        second = m.group(2).lower()
        second = "resistant" if second.startswith("resistan") else second
        return f"{m.group(1).lower()}-{second}"

    return _MULTIWORD.sub(join, plain(text))


def plain(text: str) -> str:
    """Lower-cased, with full-width punctuation as ASCII: "Boots（9， leather，yes）" reads as the
    title "boots (9, leather, yes)"."""
    text = re.sub(r"(?<=[A-Za-z0-9])\(", " (", text.translate(_FULL_WIDTH))
    return re.sub(r"[ \t]{2,}", " ", text).lower()


_FULL_WIDTH = str.maketrans({"（": "(", "）": ")", "，": ", ", "：": ": ", "；": "; "})


def _fact(key: str, value) -> str:
    """One attribute as words: a false or "no" value reads "not <key>", so a row with
    `noise_cancelling: false` never supports "noise-cancelling"."""
    key = key.replace("_", " ")
    if value is True or str(value).strip().lower() in ("true", "yes"):
        return key
    if value is False or str(value).strip().lower() in ("false", "no", "none"):
        return f"not {key}"
    if isinstance(value, (list, tuple)):
        value = ", ".join(map(str, value))
    return f"{key} {value}"


def words(text: str) -> set[str]:
    """Lower-cased words, plural 's' folded, so "boots" supports "boot"."""
    out = set()
    for w in _WORD.findall(text.lower()):
        out.add(w)
        if len(w) > 3 and w.endswith("s") and w.isascii():
            out.add(w[:-1])
    return out


def row_text(p: Product, *, reviews: bool = False) -> str:
    """Everything the catalog says about a product, as one lower-cased string."""
    bits = [p.title, p.brand, p.category, p.description, " ".join(p.tags),
            " ".join(_fact(k, v) for k, v in p.facts().items())]
    if reviews:
        bits += [str(r.get("text", "")) for r in p.reviews]
    return canonical(" ".join(bits))


def name_keys(p: Product, others: Sequence[Product]) -> list[str]:
    """Ways a sentence can name `p`: its title, first three words, a brand no other product shares,
    a title word that is distinctive among the products given."""
    title = p.title.lower()
    first_words = " ".join(re.findall(r"[\w'&.-]+", title)[:3])
    # Variants share their first words ("water bottle 1000ml"): then only the whole title names one.
    shared = any(o is not p and " ".join(re.findall(r"[\w'&.-]+", o.title.lower())[:3]) == first_words for o in others)
    keys = [title] + ([] if shared else [first_words])
    if re.search(r"[\u4e00-\u9fff]", title):
        keys.append(re.sub(r"\s+", "", title)[:6])
    other_titles = " ".join(o.title.lower() for o in others if o is not p)
    if p.brand and p.brand.lower() not in other_titles and len(p.brand) >= 3:
        keys.append(p.brand.lower())
    # A word only this title has names it ("the Ridgeback"), but not a variant's options ("fixed" in
    # "Office Chair (mesh, blue, fixed, high)"): those are what the sentence says about a product.
    for w in re.findall(r"[a-z][a-z0-9-]{4,}", re.sub(r"\([^()]*\)\s*$", "", title)):
        if w not in other_titles and w not in p.category.lower():
            keys.append(w)
    return [k for k in dict.fromkeys(keys) if k]


def mentioned(sentence: str, products: Sequence[Product]) -> list[Product]:
    """Products the sentence names, in the order they appear in it; a variant is also named by all of
    its options ("the mesh, red, none, standard chair" for "Office Chair (mesh, red, none, standard)")."""
    low = plain(sentence)
    found = []
    for p in products:
        at = [low.find(k) for k in name_keys(p, products) if _has_key(low, k)]
        options = variant_options(p.title)
        if not at and len(options) >= 2 and all(_has_key(low, o) for o in options):
            at = [min(low.find(o) for o in options)]
        if at:
            found.append((min(at), p))
    return [p for _, p in sorted(found, key=lambda x: x[0])]


def variant_options(title: str) -> set[str]:
    """The options a variant's title lists in its last parentheses: "Water Bottle (1000ml, glass, red)"."""
    m = re.search(r"\(([^()]+)\)\s*$", title)
    return {o.strip().lower() for o in m.group(1).split(",") if o.strip()} if m else set()


def variant_family(title: str) -> str:
    """A variant title without its options: "Water Bottle" for "Water Bottle (1000ml, glass, red)"."""
    return re.sub(r"\s*\([^()]*\)\s*$", "", title).strip()


def named_by_name(sentence: str, products: Sequence[Product]) -> list[Product]:
    """Products the sentence names by title, first words or brand (not by a feature word of the title)."""
    low = sentence.lower()
    return [p for p in mentioned(sentence, products) if any(
        _has_key(low, k) for k in name_keys(p, products)[:2] + ([p.brand.lower()] if p.brand else []))]


def _has_key(low: str, key: str) -> bool:
    if re.search(r"[\u4e00-\u9fff]", key):
        return key in low
    # Latin-script word edges only: "推荐flexora studio" names the Flexora (CJK counts as \w).
    return re.search(rf"(?<![A-Za-z0-9_-]){re.escape(key)}(?![A-Za-z0-9_-])", low) is not None


def starts_with_pronoun(sentence: str) -> bool:
    return _PRONOUN_START.search(sentence) is not None


def property_problems(sentence: str, subject: Product, given: Sequence[Product], *,
                      extra: str = "") -> list[tuple[str, str]]:
    """(kind, word) for property words the sentence gives `subject` that its row does not support:
    "misattributed" when another given row has it, "unsupported" when none does, and "negated"
    when the row says the opposite ("not fully waterproof")."""
    low = canonical(sentence)
    own = row_text(subject) + " " + canonical(extra)
    own_words = words(own)
    others = " ".join(row_text(p) for p in given if p is not subject)
    out = []
    for w in _property_words(low):
        if _negated(low, w):
            continue
        forms = (w, *_EQUIVALENT.get(w, ()))
        said = [f for f in forms if _says(own, f)]
        if not said and w.rstrip("s") not in own_words:
            out.append(("misattributed" if _says(others, w) else "unsupported", w))
        elif said and all(_row_negates(own, f) for f in said):  # "降噪" for a row with "not noise-cancelling"
            out.append(("negated", w))
    return out


_PLAIN = frozenset("""
with from that this these those their there about which while other great quality comfortable perfect
choice option options model design series edition classic premium
""".split())


def borrowed_title_words(sentence: str, subject: Product, given: Sequence[Product]) -> list[str]:
    """Words of another given product's title ("Programmable", "Touchscreen") said of `subject`,
    whose row never says them: one product's feature told as another's."""
    own = row_text(subject, reviews=True)
    own_words = words(own)
    said = words(sentence)
    out = []
    for other in given:
        if other is subject:
            continue
        for w in re.findall(r"[a-z][a-z-]{4,}", other.title.lower()):
            if w in said and w not in _PLAIN and not _says(own, w) and w.rstrip("s") not in own_words:
                out.append(w)
    return list(dict.fromkeys(out))


_STOP = frozenset("""the a an and or of for to in on at with by from is are be it its this that your you our
as into over under than then very more most also just all any each""".split())


def borrowed_description(sentence: str, subject: Product, given: Sequence[Product]) -> list[str]:
    """Phrases from another given product's description said of `subject`, whose row lacks them:
    "很舒服 when kneeling" lifted from the mat next to it. Four-word runs with two content words in
    English; six-character runs in Chinese."""
    own = row_text(subject, reviews=True)
    low = sentence.lower()
    said_words = _WORD.findall(low)
    grams = {" ".join(said_words[i:i + 4]) for i in range(len(said_words) - 3)
             if sum(w not in _STOP and len(w) > 3 for w in said_words[i:i + 4]) >= 2}
    cjk = "".join(re.findall(r"[\u4e00-\u9fff]+", low))
    grams |= {cjk[i:i + 6] for i in range(len(cjk) - 5)}
    own_spaced = " ".join(_WORD.findall(own))
    grams = {g for g in grams if g not in own and g not in own_spaced}
    out = []
    for other in given:
        if other is subject or not other.description:
            continue
        theirs = other.description.lower()
        theirs_words = " ".join(_WORD.findall(theirs))
        out += [g for g in grams if g in theirs_words or g in theirs]
    return sorted(set(out))


def negated_properties(need: str, product: Product) -> list[str]:
    """Property words of a need ("waterproof jacket") that the product's row says it lacks
    ("waterproof: no", "not fully waterproof")."""
    own = row_text(product)
    return [w for w in _property_words(canonical(need)) if not _negated(canonical(need), w)
            and any(_row_negates(own, form) for form in (w, *_EQUIVALENT.get(w, ())))]  # 降噪 vs "not noise-cancelling"


def has_properties(need: str, product: Product) -> bool | None:
    """True when the row says every property word of the need ("waterproof" for "waterproof running
    shoes", in either language) without negating it; None when the need names no property."""
    low = canonical(need)
    words = [w for w in _property_words(low) if not _negated(low, w)]
    if not words:
        return None
    own = row_text(product)
    return all(any(_says(own, form) and not _row_negates(own, form) for form in (w, *_EQUIVALENT.get(w, ())))
               for w in words)


def _says(text: str, word: str) -> bool:
    """The word in the text: as a whole word for Latin script ("red" is not in "colored")."""
    if not word.isascii():
        return word in text
    return re.search(rf"(?<![\w-]){re.escape(word)}(?![\w-])", text) is not None


def _property_words(low: str) -> list[str]:
    """Property words in a sentence; Chinese ones are found inside longer runs of characters."""
    found = [w for w in _WORD.findall(low) if w in PROPERTY_WORDS]
    found += [w for w in PROPERTY_WORDS if not w.isascii() and w in low]
    return list(dict.fromkeys(found))


def _negated(low: str, word: str) -> bool:
    at = low.find(word)
    return at >= 0 and _NEGATION_BEFORE.search(low[:at]) is not None


def _row_negates(row: str, word: str) -> bool:
    """The row mentions the word only in negated form."""
    spots = [m.start() for m in re.finditer(re.escape(word), row)]
    return bool(spots) and all(_NEGATION_BEFORE.search(row[max(0, s - 24):s]) for s in spots)


def comparative_problems(sentence: str, named: Sequence[Product], given: Sequence[Product]) -> list[str]:
    """Comparisons of price or rating that contradict the rows ("A is cheaper than B" when it isn't),
    or that are said of no product in particular ("the most affordable option" with none named)."""
    out = []
    patterns = (_CHEAPER, _PRICIER, _CHEAPEST, _PRICIEST, _BEST_RATED, _BETTER_RATED)
    if not named and len(given) > 1 and any(p.search(sentence) for p in patterns):
        return ["a comparison said of no product in particular"]
    if len(named) >= 2:
        a, b = named[0], named[1]
        if _CHEAPER.search(sentence) and a.currency == b.currency and not a.price < b.price:
            out.append(f"{a.title} is not cheaper than {b.title}")
        if _PRICIER.search(sentence) and a.currency == b.currency and not a.price > b.price:
            out.append(f"{a.title} is not pricier than {b.title}")
        if _BETTER_RATED.search(sentence) and not ((a.rating or 0) > (b.rating or 0)):
            out.append(f"{a.title} is not rated higher than {b.title}")
    if len(named) == 1 and len(given) > 1:  # "the Vivo is cheaper": than the others shown, at least one
        a, others = named[0], [p for p in given if p is not named[0]]
        if _CHEAPER.search(sentence) and not any(a.price < p.price for p in others if p.currency == a.currency):
            out.append(f"{a.title} is not cheaper than the others")
        if _PRICIER.search(sentence) and not any(a.price > p.price for p in others if p.currency == a.currency):
            out.append(f"{a.title} is not pricier than the others")
        if _BETTER_RATED.search(sentence) and not any((a.rating or 0) > (p.rating or 0) for p in others):
            out.append(f"{a.title} is not rated higher than the others")
    if named and len({p.currency for p in given}) == 1:
        a = named[0]
        if _CHEAPEST.search(sentence) and a.price > min(p.price for p in given):
            out.append(f"{a.title} is not the cheapest")
        if _PRICIEST.search(sentence) and a.price < max(p.price for p in given):
            out.append(f"{a.title} is not the most expensive")
    rated = [p.rating for p in given if p.rating is not None]
    if named and rated and _BEST_RATED.search(sentence) and (named[0].rating or 0) < max(rated):
        out.append(f"{named[0].title} is not the best rated")
    if named and _RATING_PRAISE.search(sentence) and (named[0].rating is None or named[0].rating < max(rated or [0])
                                                       or named[0].rating < 4.0):
        out.append(f"{named[0].title}'s rating praised ({named[0].rating}) while it is not the best shown")
    if len(given) > 1 and _ONLY_ONE.search(sentence):
        out.append(f"'the only one' with {len(given)} products shown")
    return out


# "a good rating", "highly rated", 评分很高: praise of a rating, true only of the best rated card (4 or more)
_RATING_PRAISE = re.compile(r"\b(?:good|great|high|excellent|solid|strong|decent|impressive|positive|top|very\s+good)\s+"
                            r"(?:customer\s+)?(?:ratings?|scores?|reviews?)\b|\b(?:highly|well)[\s-]rated\b"
                            r"|评分(?:很|较|非常|相当)?高|好评|口碑(?:很|非常)?好", re.IGNORECASE)
_ONLY_ONE = re.compile(r"\bthe\s+only\s+(?:one|option|product|item|model|choice)\b|唯一", re.IGNORECASE)
